"""Fixtures for the explorer's Pilot tests: a map copied into a temp folder, an app over it."""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from textual.pilot import Pilot

from tui.app import ArgmapApp, create_app
from tui.widgets.argument_tree import ArgumentTree

ROOT = Path(__file__).parent.parent.parent
FIXTURES = Path(__file__).parent.parent / "fixtures"
EXAMPLE = ROOT / "examples" / "car-free-downtown.yaml"
SIZE = (120, 40)


@pytest.fixture
def example_map(tmp_path: Path) -> Path:
    """The worked example (with its source text) copied where tests may change it."""
    shutil.copy(EXAMPLE, tmp_path / EXAMPLE.name)
    shutil.copy(EXAMPLE.with_suffix(".txt"), tmp_path / "car-free-downtown.txt")
    return tmp_path / EXAMPLE.name


@pytest.fixture
def small_map(tmp_path: Path) -> Path:
    path = tmp_path / "school.yaml"
    shutil.copy(FIXTURES / "edit-small.yaml", path)
    return path


@pytest.fixture
def make_app() -> Callable[[Path], ArgmapApp]:
    return create_app


async def settle(pilot: Pilot) -> None:
    """Let the workers (analysis, what-if, exports) finish and the screen catch up."""
    app = pilot.app
    for _ in range(3):
        await app.workers.wait_for_complete()
        await pilot.pause()


def tree_of(app: ArgmapApp) -> ArgumentTree:
    return app.query_one(ArgumentTree)


def cursor_id(app: ArgmapApp) -> str | None:
    row = tree_of(app).selected_row
    return row.ident if row is not None else None


def visible_labels(app: ArgmapApp) -> list[str]:
    """The plain text of every tree row that is currently shown."""
    tree = tree_of(app)
    return [str(tree.get_node_at_line(i).label) for i in range(tree.last_line + 1)]


def rendered(renderable: object, width: int = 200) -> str:
    """What a Rich renderable shows, as plain text."""
    from rich.console import Console

    console = Console(width=width, record=True, file=open(os.devnull, "w"))  # noqa: SIM115
    console.print(renderable)
    return console.export_text()


def detail_text(app: ArgmapApp) -> str:
    from textual.widgets import Static

    return rendered(app.query_one("#detail-body", Static).content)
