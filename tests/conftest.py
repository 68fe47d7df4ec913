"""Shared fixtures: small maps written for the tests."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import settings

from argmap.cli import app

FIXTURES = Path(__file__).parent / "fixtures"
ROOT = Path(__file__).parent.parent

# The suite is a gate: the same examples on every run, so a clean clone passes or fails the same
# way everywhere. `HYPOTHESIS_PROFILE=fuzz` draws fresh random examples on each run to hunt for
# new bugs; each one found becomes a plain regression test.
settings.register_profile("ci", derandomize=True, print_blob=True, deadline=None)
settings.register_profile("fuzz", print_blob=True, deadline=None)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))


@pytest.fixture
def fixtures() -> Path:
    return FIXTURES


@pytest.fixture
def write(tmp_path: Path):
    """Write a text file in a temp folder and return its path."""

    def _write(name: str, text: str) -> Path:
        path = tmp_path / name
        path.write_text(text, encoding="utf-8")
        return path

    return _write


@pytest.fixture
def run():
    """The CLI through click's runner: ``run("check", path)`` returns the click Result."""
    runner = CliRunner()

    def _run(*args: object):
        return runner.invoke(app, [str(a) for a in args], catch_exceptions=False)

    return _run
