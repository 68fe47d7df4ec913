"""Shared fixtures: small maps written for the tests."""

from __future__ import annotations

import gc
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


# The garbage collector in a test process. A worker holds every collected test for the whole
# run (some 200,000 objects). Each explorer a test starts collects fully (create_app), and in a
# test process each full collection walked all of those objects again: about 0.2 s per app, a
# quarter of the suite's CPU. So what is alive after collection is frozen (gc.freeze, as the
# explorer does with its map) and frozen again after each test, since the explorer and the
# library's loading (argmap.perf) unfreeze everything when they finish. The cyclic garbage
# frozen with it is freed by a full collection once the collector has made
# FULL_COLLECTION_AFTER young collections since the last (a measure of what was allocated).
FULL_COLLECTION_AFTER = 1000
_young_at_last_full = 0


def pytest_collection_finish(session: pytest.Session) -> None:
    gc.collect()
    gc.freeze()


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_protocol(item: pytest.Item, nextitem: pytest.Item | None):
    global _young_at_last_full
    yield
    young = gc.get_stats()[0]["collections"]
    if young - _young_at_last_full > FULL_COLLECTION_AFTER:
        gc.unfreeze()
        gc.collect()
        _young_at_last_full = young
    gc.freeze()


def _pilot_waits_in_short_steps() -> None:
    """After each key it presses, Textual's Pilot waits until the process looks idle: it sleeps
    in steps until one passes with almost no CPU used (textual._wait). With its 20 ms steps each
    key cost at least 40 ms of pure waiting, about half the wall time of the explorer's tests
    (they press some 700 keys). 2 ms steps wait for the same thing, the app idle, in less time
    (and the suite passes so with the machine loaded by other processes)."""
    from textual import _wait

    _wait.SLEEP_GRANULARITY = PILOT_STEP
    _wait.SLEEP_IDLE = PILOT_STEP / 20  # as Textual sets it: under 5% of the step in CPU


PILOT_STEP = 1 / 500
_pilot_waits_in_short_steps()


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
