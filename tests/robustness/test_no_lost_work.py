"""No lost work: a save that fails at any point leaves the old file or the new one, whole; a
read-only file or folder is a clear error in the CLI and the explorer; unsaved edits survive in
the recovery copy. (tests/io/test_atomic.py covers write, fsync and rename failures of save_map.)

Tests run as root here, where chmod does not stop writes: the read-only cases chmod the file or
folder (which is what a normal user meets) and also make the permission check say so.
"""

from __future__ import annotations

import os
import shutil
import stat
import tempfile
from pathlib import Path

import pytest
from click.testing import CliRunner

from argmap.cli import app
from argmap.edit import EditSession, recovery_copies, recovery_path
from argmap.errors import MapLoadError, MapSaveError
from argmap.io import load_map, save_map

EXAMPLE = Path(__file__).parents[2] / "examples" / "car-free-downtown.yaml"


@pytest.fixture
def copy(tmp_path: Path) -> Path:
    path = tmp_path / "m.yaml"
    shutil.copy(EXAMPLE, path)
    return path


def _read_only_file(monkeypatch: pytest.MonkeyPatch, path: Path) -> None:
    path.chmod(stat.S_IRUSR | stat.S_IRGRP)
    real_access = os.access
    monkeypatch.setattr(os, "access", lambda p, mode, **kw: False if Path(p) == path and (
        mode & os.W_OK) else real_access(p, mode, **kw))


def _read_only_folder(monkeypatch: pytest.MonkeyPatch, folder: Path) -> None:
    folder.chmod(0o555)
    real_mkstemp = tempfile.mkstemp

    def mkstemp(*args, dir=None, **kwargs):  # noqa: A002 (tempfile's own name)
        if dir is not None and Path(dir).resolve() == folder.resolve():
            raise PermissionError(13, "Permission denied")
        return real_mkstemp(*args, dir=dir, **kwargs)

    monkeypatch.setattr(tempfile, "mkstemp", mkstemp)


def _steps() -> list[str]:
    return ["mkstemp", "write", "fsync", "chmod", "replace", "interrupt"]


@pytest.mark.parametrize("step", _steps())
def test_a_save_failing_at_any_step_leaves_the_old_file_whole(copy, monkeypatch, step):
    copy.chmod(0o644)  # so the save restores a mode (chmod is one of its steps)
    before = copy.read_bytes()
    amap = load_map(copy)
    amap.claims[0].text = "changed"

    def boom(*args, **kwargs):
        raise OSError(5, "Input/output error")

    if step == "interrupt":  # Ctrl+C in the middle of writing
        real_fsync = os.fsync

        def interrupted(fd):
            real_fsync(fd)
            raise KeyboardInterrupt

        monkeypatch.setattr(os, "fsync", interrupted)
    elif step == "write":
        monkeypatch.setattr(os, "fdopen", boom)
    else:
        monkeypatch.setattr(tempfile if step == "mkstemp" else os, step, boom)
    with pytest.raises(KeyboardInterrupt if step == "interrupt" else MapSaveError):
        save_map(amap)
    assert copy.read_bytes() == before
    assert [p.name for p in copy.parent.iterdir()] == ["m.yaml"]


def test_a_failure_after_the_rename_leaves_the_new_file_whole(copy, monkeypatch):
    amap = load_map(copy)
    amap.claims[0].text = "changed"
    real_open = os.open

    def no_folder_sync(path, flags, *args):
        if Path(path) == copy.parent:
            raise OSError(5, "Input/output error")
        return real_open(path, flags, *args)

    monkeypatch.setattr(os, "open", no_folder_sync)
    save_map(amap)
    assert load_map(copy).claims[0].text == "changed"


def test_convert_to_a_read_only_file_is_a_clear_error(copy, tmp_path, monkeypatch):
    target = tmp_path / "out.json"
    target.write_text("{}")
    _read_only_file(monkeypatch, target)
    result = CliRunner().invoke(app, ["convert", str(copy), "-o", str(target), "--force"])
    assert result.exit_code == 2
    assert result.stderr == f"{target}: the file is read-only; save to another path or chmod it\n"
    assert target.read_text() == "{}"


def test_convert_into_a_read_only_folder_is_a_clear_error(copy, tmp_path, monkeypatch):
    folder = tmp_path / "locked"
    folder.mkdir()
    _read_only_folder(monkeypatch, folder)
    try:
        result = CliRunner().invoke(app, ["convert", str(copy), "-o", str(folder / "out.json")])
    finally:
        folder.chmod(0o755)
    assert result.exit_code == 2
    assert result.stderr == f"{folder / 'out.json'}: cannot write here: Permission denied\n"
    assert list(folder.iterdir()) == []


def test_unsaved_edits_survive_in_the_recovery_copy(copy):
    before = copy.read_bytes()
    session = EditSession.open(copy)
    session.edit_claim(session.map.claims[0].id, text="Edited, then the terminal closed.")
    session.write_recovery()
    assert copy.read_bytes() == before  # the map itself is untouched until saved
    session.close()  # the terminal closes
    reopened = EditSession.open(copy)
    assert reopened.restore_recovery()
    assert reopened.map.claims[0].text == "Edited, then the terminal closed."
    assert reopened.dirty
    reopened.save()
    assert not recovery_copies(copy)
    assert "# " in copy.read_text()  # the author's comments are still there


def test_a_failed_save_keeps_the_edits_and_the_recovery_copy(copy, monkeypatch):
    session = EditSession.open(copy)
    session.edit_claim(session.map.claims[0].id, text="Not lost.")
    session.write_recovery()
    _read_only_file(monkeypatch, copy)
    with pytest.raises(MapSaveError, match="read-only"):
        session.save()
    assert session.dirty and session.map.claims[0].text == "Not lost."
    assert session.recovery_path.exists()


async def test_explorer_reports_a_read_only_file_and_keeps_the_edits(copy, monkeypatch):
    from tui.app import create_app

    before = copy.read_bytes()
    explorer = create_app(copy)
    async with explorer.run_test(size=(120, 40)) as pilot:
        await explorer.workers.wait_for_complete()
        await pilot.pause()
        explorer.session.edit_claim(explorer.session.map.claims[0].id, text="Not lost.")
        _read_only_file(monkeypatch, copy)
        await pilot.press("ctrl+s")
        await pilot.pause()
        shown = [n.message for n in explorer._notifications]
        assert f"{copy}: the file is read-only; save to another path or chmod it" in shown
        assert explorer.session.dirty
    assert copy.read_bytes() == before


def test_a_broken_recovery_copy_is_a_clear_error_and_is_kept(copy):
    broken = recovery_path(copy)
    broken.write_text("title: t\nclaims:\n  - id: a\n    text: \"cut off\n", encoding="utf-8")
    session = EditSession.open(copy)
    with pytest.raises(MapLoadError) as info:
        session.restore_recovery()
    assert str(info.value) == (
        f"{broken}:5:1: invalid YAML: found unexpected end of stream (while scanning a quoted"
        " scalar); the file ends too early (is it cut short?)")
    assert broken.exists() and not session.dirty


async def test_explorer_survives_a_broken_recovery_copy(copy):
    from tui.app import create_app

    before = copy.read_bytes()
    recovery_path(copy).write_bytes(b"\x89PNG\r\n\x1a\n\x00")
    explorer = create_app(copy)
    async with explorer.run_test(size=(120, 40)) as pilot:
        await explorer.workers.wait_for_complete()
        await pilot.pause()
        await pilot.press("y")  # Restore
        await pilot.pause()
        assert not explorer.session.dirty
    assert copy.read_bytes() == before
    assert recovery_path(copy).exists()  # never deleted without the user saying so
