"""Exporting from the keyboard: a diagram of the selection or the whole map, the report."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from textual.widgets import Input

from tests.tui.conftest import SIZE, settle
from tui.app import create_app

needs_dot = pytest.mark.skipif(shutil.which("dot") is None, reason="Graphviz (dot) not installed")


def notes(app) -> list[str]:
    return [n.message for n in app._notifications]


@needs_dot
async def test_export_selected_subtree_to_svg(example_map: Path) -> None:
    app = create_app(example_map)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        app.goto("business-grows")
        await pilot.press("x")
        field = app.screen.query_one("#export-input", Input)
        expected = example_map.parent / "car-free-downtown-business-grows.svg"
        assert field.value == str(expected)  # prefilled next to the map
        await pilot.press("enter")
        await settle(pilot)
        svg = expected.read_text()
        assert "<svg" in svg and "Downtown businesses would gain" in svg
        assert "Pontevedra" not in svg  # only the neighbourhood of the selection
        assert f"Wrote {expected}" in notes(app)


@needs_dot
async def test_export_of_a_link_centres_on_its_target(example_map: Path) -> None:
    app = create_app(example_map)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        app.goto("toronto-undercut")  # an undercut: its target is a link, whose target a claim
        await pilot.press("x", "enter")
        await settle(pilot)
        out = example_map.parent / "car-free-downtown-business-grows.svg"
        assert "Toronto" in out.read_text()


@needs_dot
async def test_export_whole_map_to_png(example_map: Path, tmp_path: Path) -> None:
    app = create_app(example_map)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("X")
        out = tmp_path / "whole.png"
        app.screen.query_one("#export-input", Input).value = str(out)
        await pilot.press("enter")
        await settle(pilot)
        assert out.read_bytes().startswith(b"\x89PNG")


async def test_export_to_unknown_format_is_refused(example_map: Path, tmp_path: Path) -> None:
    app = create_app(example_map)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("x")
        app.screen.query_one("#export-input", Input).value = str(tmp_path / "map.docx")
        await pilot.press("enter")
        await settle(pilot)
        assert not (tmp_path / "map.docx").exists()
        assert any("map.docx: use a name ending in .svg" in n for n in notes(app))


async def test_export_report_markdown(example_map: Path) -> None:
    app = create_app(example_map)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("m", "enter")
        await settle(pilot)
        report = example_map.parent / "car-free-downtown-report.md"
        text = report.read_text()
        assert text.startswith("#") and "pontevedra-precedent" in text
        assert f"Wrote {report}" in notes(app)
