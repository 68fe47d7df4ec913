"""Every catalogue input loads the same with the quick parsers and without them: the same map,
or the same problems at the same lines and columns."""

from __future__ import annotations

from pathlib import Path

import pytest
from catalogue import CASES, Case

import argmap.io
from argmap.errors import MapLoadError
from argmap.io import load_map


def _outcome(path: Path) -> object:
    try:
        return load_map(path)
    except MapLoadError as exc:
        return [(p.line, p.col, p.message) for p in exc.problems]


@pytest.mark.parametrize("case", [c for c in CASES if not c.missing and c.file.endswith(
    (".json", ".yaml"))], ids=lambda c: c.file)
def test_quick_and_full_paths_agree(case: Case, tmp_path: Path, monkeypatch):
    path = case.write(tmp_path)
    quick = _outcome(path)
    monkeypatch.setattr(argmap.io, "_quick_load", lambda *args: None)
    full = _outcome(path)
    assert quick == full
    assert isinstance(quick, list) == (case.exit_code == 2)
