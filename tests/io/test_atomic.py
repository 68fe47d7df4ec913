"""Saving is atomic: a failure at any step leaves the old file whole and no temp file behind."""

from __future__ import annotations

import os
import shutil
import stat
from pathlib import Path

import pytest

from argmap.errors import MapSaveError
from argmap.io import load_map, save_map
from argmap.io.atomic import atomic_write

EXAMPLE = Path(__file__).parents[2] / "examples" / "car-free-downtown.yaml"


@pytest.mark.parametrize("step", ["write", "fsync", "replace"])
def test_failure_midway_leaves_original(tmp_path, monkeypatch, step):
    path = tmp_path / "m.yaml"
    shutil.copy(EXAMPLE, path)
    before = path.read_bytes()
    amap = load_map(path)
    amap.claims[0].text = "changed"

    def boom(*args, **kwargs):
        raise OSError(28, "No space left on device")

    if step == "write":
        real_fdopen = os.fdopen

        class Half:
            def __init__(self, handle):
                self.handle = handle

            def __enter__(self):
                return self

            def __exit__(self, *exc):
                self.handle.close()

            def write(self, data):
                self.handle.write(data[: len(data) // 2])
                boom()

        monkeypatch.setattr(os, "fdopen", lambda fd, mode: Half(real_fdopen(fd, mode)))
    else:
        monkeypatch.setattr(os, step, boom)
    with pytest.raises(MapSaveError, match="file left unchanged"):
        save_map(amap)
    assert path.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["m.yaml"]


def test_read_only_file_gives_clear_error(tmp_path):
    path = tmp_path / "m.yaml"
    shutil.copy(EXAMPLE, path)
    path.chmod(stat.S_IRUSR)
    if os.access(path, os.W_OK):
        pytest.skip("running as a user who can write read-only files")
    with pytest.raises(MapSaveError, match="read-only"):
        atomic_write(path, b"x")


def test_keeps_file_mode(tmp_path):
    path = tmp_path / "m.yaml"
    path.write_text("old")
    path.chmod(0o640)
    atomic_write(path, b"new")
    assert path.read_text() == "new"
    assert stat.S_IMODE(path.stat().st_mode) == 0o640


def test_missing_folder(tmp_path):
    with pytest.raises(MapSaveError, match="cannot write here"):
        atomic_write(tmp_path / "no" / "m.yaml", b"x")


def test_new_file_gets_the_usual_mode(tmp_path):
    old = os.umask(0o022)
    try:
        atomic_write(tmp_path / "new.svg", b"<svg/>")
    finally:
        os.umask(old)
    assert stat.S_IMODE((tmp_path / "new.svg").stat().st_mode) == 0o644


def test_a_save_through_a_symlink_writes_the_target_and_keeps_the_link(tmp_path):
    from argmap.edit import EditSession
    from argmap.io import load_map

    real = tmp_path / "real" / "m.yaml"
    real.parent.mkdir()
    real.write_text("title: t\nclaims:\n  - id: a\n    text: A  # kept\n", encoding="utf-8")
    link = tmp_path / "link.yaml"
    link.symlink_to(real)
    session = EditSession.open(link)
    session.edit_claim("a", text="Edited through the link.")
    session.save()
    assert link.is_symlink() and os.readlink(link) == str(real)
    assert load_map(real).claims[0].text == "Edited through the link."
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]
