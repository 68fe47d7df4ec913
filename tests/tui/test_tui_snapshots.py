"""Whole-screen snapshots: the main screen, the help screen, and a finding chosen in the list;
the main screen at 80×24 and 100×30 (details under the tree), and at 180×50 with the source text.

Baselines live in tests/__snapshots__; after an intended change of the screen, review the new
pictures with `pytest tests/tui/test_tui_snapshots.py --snapshot-update`.
"""

from __future__ import annotations

import pytest

from tests.tui.conftest import EXAMPLE, ROOT, SIZE, settle
from tui.app import create_app


@pytest.fixture(autouse=True)
def in_repo(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)  # the header shows the map's path relative to the working folder


async def analysed(pilot) -> None:
    await settle(pilot)
    await pilot.pause(0.4)  # the what-if of the selected claim starts after a short rest
    await settle(pilot)


def test_main_screen(snap_compare) -> None:
    assert snap_compare(create_app(EXAMPLE), terminal_size=SIZE, run_before=analysed)


def test_help_screen(snap_compare) -> None:
    assert snap_compare(create_app(EXAMPLE), terminal_size=SIZE, press=["question_mark"],
                        run_before=analysed)


def test_finding_selected(snap_compare) -> None:
    async def choose_finding(pilot) -> None:
        await analysed(pilot)
        await pilot.press("tab", "tab", "down", "down", "enter")
        await analysed(pilot)

    assert snap_compare(create_app(EXAMPLE), terminal_size=SIZE, run_before=choose_finding)


@pytest.mark.parametrize("size", [(80, 24), (100, 30)])
def test_narrow_main_screen(snap_compare, size) -> None:
    assert snap_compare(create_app(EXAMPLE), terminal_size=size, run_before=analysed)


def test_wide_screen_with_the_source_text(snap_compare) -> None:
    async def read(pilot) -> None:
        await analysed(pilot)
        pilot.app.goto("pontevedra-cut")
        await pilot.press("t")
        await analysed(pilot)

    assert snap_compare(create_app(EXAMPLE), terminal_size=(180, 50), run_before=read)
