"""JSON text as argmap prints and writes it: what ``json.dumps(indent=2, ensure_ascii=False)``
writes, for the data argmap prints."""

from __future__ import annotations

import json

import pytest
from hypothesis import given
from hypothesis import strategies as st

from argmap.jsontext import dumps

text = st.text(alphabet=st.characters(codec="utf-8"))
scalars = st.one_of(st.none(), st.booleans(), st.integers(-2**63, 2**63 - 1), text)
data = st.recursive(scalars, lambda inner: st.one_of(
    st.lists(inner, max_size=4), st.dictionaries(text, inner, max_size=4)), max_leaves=30)


def plain(value):
    return json.dumps(value, indent=2, ensure_ascii=False)


@given(data)
def test_text_numbers_and_containers_are_written_as_json_dumps_writes_them(value):
    assert dumps(value) == plain(value)


@given(st.lists(st.floats(allow_nan=False, allow_infinity=False), max_size=8))
def test_floats_read_back_as_the_same_numbers(values):
    assert json.loads(dumps(values)) == values


def test_rows_of_a_table_and_awkward_text():
    rows = [{"id": f"c{i}", "text": "a {b}\n\x00 \"q\" é\u2028},\n      {", "n": round(i / 7, 3),
             "ok": i % 2 == 0, "none": None} for i in range(50)]
    doc = {"map": "m.json", "empty": {}, "nothing": [], "rows": rows, "pair": (1, "x")}
    assert dumps(doc) == plain(doc)
    assert json.loads(dumps(doc))["rows"] == rows


@pytest.mark.parametrize("value", [{"a": object()}, {1: "key not text"}, [2**64]])
def test_what_json_cannot_hold_is_refused(value):
    with pytest.raises(TypeError):
        dumps(value)
