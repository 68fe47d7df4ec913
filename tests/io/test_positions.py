"""Where a JSON map's items are: the quick (shallow) scan places them as the full scan does."""

from __future__ import annotations

import json

from argmap.io import load_map
from argmap.io.native.positions import JsonPositions, element_positions

# Strings holding brackets, quotes and escapes; items nested deeper than the quick pattern
# reads (scanned item by item from there); scalars, empty arrays and objects among the items.
TEXT = """{"title": "t [ { \\" ] }",
  "claims": [
    {"id": "a", "text": "x ] } [ {", "sources": [{"source": "s", "quote": "q \\\\"}]},
    {"id": "b", "deep": [[[[[[[[[[{"k": "]"}]]]]]]]]]]},
    {"id": "c", "text": "after the deep one"}  ,
    {} ,3, "four", [], {"id": "d"}
  ],
  "empty": [],
  "links": [{"from": ["a", "b"], "to": "c"}],
  "lint": {"ignore": [{"rule": "AM101"}]}
}
"""


def _locs(data: dict) -> list[tuple]:
    locs: list[tuple] = [(), ("title",), ("lint",), ("empty",)]
    for key, value in data.items():
        if isinstance(value, list):
            locs += [(key, i) for i in range(len(value))]
    return locs


def test_the_shallow_scan_places_items_as_the_full_scan_does():
    data = json.loads(TEXT)
    full, shallow = JsonPositions(TEXT), JsonPositions(TEXT, shallow=True)
    locs = _locs(data)
    assert [shallow.position(loc) for loc in locs] == [full.position(loc) for loc in locs]
    assert shallow.position(("lint",), at_key=True) == full.position(("lint",), at_key=True)
    assert shallow.position(("claims", 4)) == (6, 9)
    # Inside an item, the shallow scan answers with the item.
    assert shallow.position(("claims", 0, "text")) == (3, 5)
    assert full.position(("claims", 0, "text")) == (3, 25)


def test_positions_asked_out_of_file_order_are_right():
    data = json.loads(TEXT)
    locs = _locs(data)
    full = JsonPositions(TEXT)
    forwards = [full.position(loc) for loc in locs]
    shallow = JsonPositions(TEXT, shallow=True)
    assert [shallow.position(loc) for loc in reversed(locs)] == forwards[::-1]


def test_a_json_maps_elements_are_placed_where_they_start(tmp_path):
    path = tmp_path / "map.json"
    claims = [{"id": f"c{i}", "text": f"Claim {i} [with] {{braces}}"} for i in range(30)]
    path.write_text(json.dumps({"title": "t", "claims": claims,
                                "links": [{"from": "c1", "to": "c0"}],
                                "lint": {"ignore": []}}, indent=2), encoding="utf-8")
    lines = path.read_text(encoding="utf-8").splitlines()
    found = element_positions(load_map(path))
    for element, (line, col) in found.items():
        if element == "lint":
            assert lines[line - 1][col - 1:].startswith('"lint"')
        else:
            assert lines[line - 1][col - 1] == "{"
            assert lines[line].strip() in (f'"id": "{element}",', '"from": "c1",')
    assert len(found) == 30 + 1 + 1  # every claim, the link (named), the `lint:` key


def test_all_items_of_an_array_are_placed_in_one_pass():
    full, shallow = JsonPositions(TEXT), JsonPositions(TEXT, shallow=True)
    assert shallow.item_positions("links") == [full.position(("links", 0))]
    assert shallow.item_positions("empty") == []
    # An item nested deeper than the quick pattern reads: the rest of its array is scanned
    # item by item, so the array is not placed in one pass (each item still is, on its own).
    assert shallow.item_positions("claims") is None
    assert JsonPositions(TEXT).item_positions("links") is None  # a full scan skims nothing
    text = json.dumps({"claims": [{"id": f"c{i}", "text": "é\n[x]"} for i in range(50)]},
                      indent=1, ensure_ascii=False)
    assert JsonPositions(text, shallow=True).item_positions("claims") == [
        JsonPositions(text).position(("claims", i)) for i in range(50)]
