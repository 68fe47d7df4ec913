"""Every catalogue input loads the same with the quick parsers and without them: the same map,
or the same problems at the same lines and columns."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from catalogue import CASES, Case
from hypothesis import given, settings
from hypothesis import strategies as st
from strategies import maps

import argmap.io
from argmap.errors import MapLoadError
from argmap.io import dumps_map, load_map, loads_map, to_data
from argmap.perf import collector_paused


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


@settings(max_examples=60, deadline=None)
@given(amap=maps, fmt=st.sampled_from(["yaml", "json"]))
def test_a_saved_map_of_odd_text_loads_the_same_on_both_paths(amap, fmt):
    text = dumps_map(amap, fmt)
    quick = loads_map(text, fmt)
    with collector_paused():
        full = argmap.io._loads_map(text, fmt, "<string>")
    assert quick == full
    assert json.dumps(to_data(quick)) == json.dumps(to_data(full))


@settings(max_examples=60, deadline=None)
@given(amap=maps, fmt=st.sampled_from(["yaml", "json"]), part=st.integers(1, 3))
def test_validating_in_small_parts_loads_the_same_as_the_full_path(amap, fmt, part):
    # Parts of one to three items: every boundary between parts falls somewhere in these maps.
    text = dumps_map(amap, fmt)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(argmap.io.native.quick, "PART", part)
        quick = loads_map(text, fmt)
    with collector_paused():
        full = argmap.io._loads_map(text, fmt, "<string>")
    assert quick == full
    assert [c.model_fields_set for c in quick.claims] == [c.model_fields_set for c in full.claims]
    assert json.dumps(to_data(quick)) == json.dumps(to_data(full))
