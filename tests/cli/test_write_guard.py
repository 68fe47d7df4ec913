"""Every command that writes a file: never the map it read, never an existing file without
--force, `-` for standard output."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).parents[2]
EXAMPLE = ROOT / "examples" / "car-free-downtown.yaml"


@pytest.fixture
def amap(tmp_path: Path) -> Path:
    path = tmp_path / "m.yaml"
    shutil.copy(EXAMPLE, path)
    return path


WRITERS = [
    ("report", []),
    ("outline", []),
    ("render", ["--format", "dot"]),
    ("export", ["--to", "argdown"]),
    ("convert", ["--to", "json"]),
]


@pytest.mark.parametrize(("command", "extra"), WRITERS)
def test_no_command_replaces_the_map_it_read_even_with_force(run, amap, command, extra):
    before = amap.read_bytes()
    for force in ([], ["--force"]):
        result = run(command, amap, "-o", amap, *extra, *force)
        assert result.exit_code == 2, result.output
        assert "this is the file the command read; refusing to replace it" in result.stderr
    assert amap.read_bytes() == before


@pytest.mark.parametrize(("command", "extra"), WRITERS)
def test_an_existing_file_is_replaced_only_with_force(run, amap, tmp_path, command, extra):
    out = tmp_path / "existing.out"
    out.write_text("keep me", encoding="utf-8")
    result = run(command, amap, "-o", out, *extra)
    assert result.exit_code == 2 and f"{out} exists; use --force to overwrite it" in result.stderr
    assert out.read_text(encoding="utf-8") == "keep me"
    assert run(command, amap, "-o", out, *extra, "--force").exit_code == 0
    assert out.read_text(encoding="utf-8") != "keep me"


@pytest.mark.parametrize(("command", "extra"), WRITERS)
def test_a_dash_writes_to_stdout(run, amap, tmp_path, command, extra):
    result = run(command, amap, "-o", "-", *extra)
    assert result.exit_code == 0, result.output
    assert len(result.stdout) > 100 and "wrote" not in result.stdout
    assert not (tmp_path / "-").exists()


def test_import_refuses_to_replace_its_input_or_an_existing_map(run, tmp_path):
    argdown = tmp_path / "m.argdown"
    assert run("export", EXAMPLE, "-o", argdown).exit_code == 0
    out = tmp_path / "m.yaml"
    out.write_text("keep me", encoding="utf-8")
    result = run("import", argdown, "-o", out)
    assert result.exit_code == 2 and "exists; use --force" in result.stderr
    assert out.read_text(encoding="utf-8") == "keep me"
    assert run("import", argdown, "-o", out, "--force").exit_code == 0


def test_convert_old_positional_form_still_works_with_a_note(run, amap, tmp_path):
    out = tmp_path / "m.json"
    result = run("convert", amap, out)
    assert result.exit_code == 0
    assert "deprecated; write `argmap convert IN -o OUT`" in result.stderr
    assert json.loads(out.read_text())["title"]
    again = run("convert", amap, out)  # the old form follows the same rule
    assert again.exit_code == 2 and "exists; use --force" in again.stderr


def test_convert_needs_a_target(run, amap):
    result = run("convert", amap)
    assert result.exit_code == 2 and "argmap convert IN -o OUT" in result.stderr


async def test_explorer_report_export_refuses_the_open_map(amap):
    from tui.app import create_app

    before = amap.read_bytes()
    explorer = create_app(amap)
    async with explorer.run_test(size=(120, 40)) as pilot:
        await explorer.workers.wait_for_complete()
        await pilot.pause()
        for target in (amap, amap.with_name("report.md")):
            await pilot.press("m")
            await pilot.pause()
            explorer.screen.query_one("#export-input").value = str(target)
            await pilot.press("enter")
            await explorer.workers.wait_for_complete()
            await pilot.pause()
        shown = [n.message for n in explorer._notifications]
        assert any("this is the file the command read; refusing" in m for m in shown), shown
    assert amap.read_bytes() == before
    assert amap.with_name("report.md").read_text(encoding="utf-8").startswith("#")
