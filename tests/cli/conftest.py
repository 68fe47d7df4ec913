"""The CLI through click's runner: ``run("check", path)`` returns the click Result."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from argmap.cli import app


@pytest.fixture
def run():
    runner = CliRunner()

    def _run(*args: object):
        return runner.invoke(app, [str(a) for a in args], catch_exceptions=False)

    return _run
