"""JSON text in large blocks: byte for byte what ``json.dumps(indent=2)`` writes."""

from __future__ import annotations

import json
import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

from argmap.jsontext import dumps

scalars = st.one_of(st.none(), st.booleans(), st.integers(), st.floats(),
                    st.text(alphabet=st.characters(codec="utf-8")))
keys = st.one_of(st.text(alphabet=st.characters(codec="utf-8")), st.integers(), st.booleans(),
                 st.none(), st.floats(allow_nan=False))
data = st.recursive(scalars, lambda inner: st.one_of(
    st.lists(inner, max_size=4), st.tuples(inner, inner),
    st.dictionaries(keys, inner, max_size=4)), max_leaves=30)


def plain(value):
    return json.dumps(value, indent=2, ensure_ascii=False)


@given(data)
def test_any_json_data_is_written_as_json_dumps_writes_it(value):
    assert dumps(value) == plain(value)


def test_rows_of_a_table_and_awkward_text():
    rows = [{"id": f"c{i}", "text": "a {b}\n\x00 \"q\" é},\n      {", "n": i / 7,
             "ok": i % 2 == 0, "none": None} for i in range(50)]
    doc = {"map": "m.json", "empty": {}, "nothing": [], "rows": rows,
           "odd": [{"x": 1}, {"y": [1, 2]}, {"x": 1}], "inf": [math.inf, -math.inf]}
    assert dumps(doc) == plain(doc)
    assert json.loads(dumps(doc))["rows"] == rows


def test_what_json_cannot_hold_is_refused():
    with pytest.raises(TypeError):
        dumps({"a": object()})
