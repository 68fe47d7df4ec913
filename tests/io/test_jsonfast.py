"""The quick JSON parser reads what the standard library reads, and leaves everything it would
word differently (bad JSON, repeated keys, invalid UTF-8) to the full path."""

from __future__ import annotations

import json

from hypothesis import given
from hypothesis import strategies as st

from argmap.io import loads_map
from argmap.io.native import quick as quick_path
from benchmarks.generate import Spec, dump_json, generate

# Any JSON value: big integers, floats at the edges of their range, text with escapes.
values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False)
    | st.text(st.characters(codec="utf-8")),
    lambda inner: st.lists(inner, max_size=4)
    | st.dictionaries(st.text(st.characters(codec="utf-8"), max_size=5), inner, max_size=4),
    max_leaves=20,
)


def test_a_generated_map_parses_as_the_standard_library_parses_it():
    text = dump_json(generate(Spec(300, seed=3)))
    assert quick_path.parse_json(text.encode("utf-8")) == json.loads(text)


@given(values, st.booleans())
def test_any_json_value_parses_as_the_standard_library_parses_it(value, ascii_only):
    text = json.dumps(value, ensure_ascii=ascii_only)
    assert quick_path.parse_json(text.encode("utf-8")) == json.loads(text)


def test_a_byte_order_mark_is_allowed():
    assert quick_path.parse_json(b'\xef\xbb\xbf{"title": "t"}') == {"title": "t"}


def test_what_the_full_path_must_explain_is_left_to_it():
    for data in [b'{"a": 1, "a": 2}', b'{"a": {"b": 1, "\\u0062": 2}}', b'{"a": "\xff"}',
                 b'{"a": [1, 2}', b"", b'{"a": "x\ty"}', b'{"a": "\\ud800"}',
                 b"[" * 300 + b"]" * 300]:
        assert quick_path.parse_json(data) is None, data


def test_without_jiter_the_full_path_loads_the_same_map(monkeypatch):
    text = dump_json(generate(Spec(200, seed=4)))
    quick = loads_map(text, "json")
    monkeypatch.setattr(quick_path, "jiter", None)
    assert quick_path.parse_json(text.encode("utf-8")) is None
    assert loads_map(text, "json") == quick
