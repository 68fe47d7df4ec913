"""The quick YAML parser reads what the libyaml path reads, and leaves to it every text where
the two would differ (tags, aliases, YAML 1.1 numbers, timestamps, odd characters)."""

from __future__ import annotations

import json

import pytest
from hypothesis import given
from hypothesis import strategies as st

import argmap.io
from argmap.io import loads_map, to_data
from argmap.io.native import quick as quick_path
from argmap.io.native.yamlfast import load_fast
from argmap.perf import collector_paused
from benchmarks.generate import Spec, dump_yaml, generate

# Plain scalars made of what numbers, booleans, nulls and timestamps are made of.
scalars = st.text("0123456789_.+-eExXoObBaf:TtZ ~nulNUrsyY?[]{},#'\"", min_size=1, max_size=12)


# The scalar in each place of a map where a value's type matters.
PLACES = ["title: {}\nclaims: []\n", "title: t\nclaims: [{{id: a, text: {}}}]\n",
          "title: t\nclaims:\n  - id: {}\n    text: A\n",
          "title: t\nclaims:\n- id: a\n  text: A\n  confidence: {}\n",
          "title: t\nclaims:\n- id: a\n  text: A\n  tags: [{}]\n  ignore: {{AM101: {}}}\n",
          "title: t\nsources: [{{id: s, date: {}}}]\nclaims:\n- id: a\n  text: A\n"
          "  evidence: [{{source: s, locator: {}}}]\n",
          "title: t\nclaims:\n- id: a\n  {}: A\n", "title: t\nclaims:\n- {}\n"]


@given(scalars, st.sampled_from(PLACES))
def test_a_scalar_anywhere_in_a_map_loads_the_same_on_both_paths(scalar, place):
    text = place.replace("{}", scalar).replace("{{", "{").replace("}}", "}")
    assert _outcome(text) == _outcome(text, quick=False)


@pytest.mark.parametrize("value", [
    "1_000", "-1_000", "0.1_0", "0b101", "+0x1F", "-0o7", "0X1F", "0O7", "!custom x",
    "!!binary aGk=", "&a x", "*a", "a\u2028b", "a\x85b", "a\x01b", "x\ufeffy", "2024-05-01T10:00",
    "'2024-05-01 10:00'", "2024-02-30", "'2023-02-29'", "[:0]", "[?x]", "{a: :b}",
])
def test_what_the_parsers_read_differently_is_left_to_the_full_path(value):
    assert quick_path.parse_yaml(f"v: {value}\n".encode()) is None


@pytest.mark.parametrize("text", [
    "title: t\nclaims: [{id: a, text: 'A'}]\nsources: [{id: s, date: 2024-05-01}]\n",
    "title: t\nclaims: [{id: a, text: 'A'}]\nsources: [{id: s, date: '2024-05-01'}]\n",
    "title: t\nclaims: [{id: a, text: 2024-05-01}]\n",
    "title: t\nclaims: [{id: a, text: '2024-05-01'}]\n",
    "title: t\nclaims: [{id: a, text: A, ignore: {AM101: 2024-05-01}}]\n",
    "title: 2024\nclaims: [{id: 7, text: yes, confidence: 1}]\n",
    "\ufefftitle: t\nclaims: [{id: a, text: A}]\n",
])
def test_dates_numbers_and_marks_load_the_same_on_both_paths(text):
    assert _outcome(text) == _outcome(text, quick=False)


def _outcome(text: str, quick: bool = True) -> object:
    """The map loaded from ``text`` (through the quick path when it takes it, or only through
    the full one), or the error it gives."""
    try:
        if quick:
            amap = loads_map(text, "yaml", "m.yaml")
        else:
            with collector_paused():
                amap = argmap.io._loads_map(text, "yaml", "m.yaml")
    except argmap.io.MapLoadError as exc:
        return str(exc)
    return amap, json.dumps(to_data(amap))  # to_data as text: key order counts too


@pytest.mark.parametrize("seed", [1, 2])
def test_a_generated_map_loads_the_same_on_both_paths(seed):
    text = dump_yaml(generate(Spec(400, seed=seed)))
    assert quick_path.parse_yaml(text.encode("utf-8")) == load_fast(text)[0]
    assert _outcome(text) == _outcome(text, quick=False)


def test_without_yaml_rs_every_map_takes_the_full_path(monkeypatch):
    monkeypatch.setattr(quick_path, "yaml_rs", None)
    assert quick_path.parse_yaml(b"title: t\n") is None
