"""`argmap tui [MAP]`: which map it opens, and a bad map reported without starting the UI."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from argmap.cli import app
from argmap.cli.tui import DEFAULT_MAPS, default_map


@pytest.fixture
def runs(monkeypatch: pytest.MonkeyPatch) -> list[Path]:
    """Record the map each started app was given, instead of taking over the terminal."""
    started: list[Path] = []
    monkeypatch.setattr("tui.app.ArgmapApp.run", lambda self: started.append(self.session.path))
    return started


def test_opens_the_given_map(runs: list[Path], fixtures: Path) -> None:
    result = CliRunner().invoke(app, ["tui", str(fixtures / "edit-small.yaml")])
    assert result.exit_code == 0, result.output
    assert runs == [fixtures / "edit-small.yaml"]


def test_without_map_opens_a_shipped_map(runs: list[Path]) -> None:
    result = CliRunner().invoke(app, ["tui"])
    assert result.exit_code == 0, result.output
    assert runs == [default_map()]
    assert any(str(default_map()).endswith(name) for name in DEFAULT_MAPS)


def test_bad_map_prints_problems_and_exits_2_without_ui(runs: list[Path], write) -> None:
    bad = write("bad.yaml", "title: t\nclaims:\n  - id: a\n    text: A\nlinks:\n"
                            "  - from: a\n    to: nowhere\n")
    result = CliRunner().invoke(app, ["tui", str(bad)])
    assert result.exit_code == 2
    assert f"{bad}:7:" in result.output and "unknown claim 'nowhere'" in result.output
    assert runs == []


def test_missing_map_exits_2(runs: list[Path], tmp_path: Path) -> None:
    result = CliRunner().invoke(app, ["tui", str(tmp_path / "none.yaml")])
    assert result.exit_code == 2 and "cannot read" in result.output
    assert runs == []
