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


def _libyaml_positions(amap) -> dict:
    """What element_positions gave before YAML items were found line by line: libyaml's marks."""
    from argmap.io.native.positions import _locator

    locate = _locator(amap._origin)
    found = {}
    for section in ("sources", "claims", "links"):
        for i, item in enumerate(getattr(amap, section)):
            found[item.id] = locate((section, i), False)
    if locate(("lint",), True) != locate((), False):
        found["lint"] = locate(("lint",), True)
    return found


def _yaml_map(rng) -> str:
    """A block-style YAML map laid out one of many ways (indents, comments, block and plain
    multi-line texts, `- ` inside a text, CRLF, the `lint:` key first, last or missing)."""
    pad = " " * rng.choice([0, 2, 4])
    seq = " " * rng.choice([0, 2])
    gap = rng.choice(["", "\n", "  # a note\n", "# - not an item\n", "\n\n"])

    def item(*fields: str) -> str:
        dash = rng.choice(["- ", "-   "])
        inside = seq + " " * len(dash)  # where the item's keys stand
        body = f"\n{inside}".join(fields).format(ind=inside + "  ")
        return f"{gap}{seq}{dash}{body}\n"

    texts = ["Plain text.", "|\n{ind}- a dash inside a block text\n{ind}more",
             "'quoted\n{ind}over two lines'", "plain text\n{ind}over two lines",
             ">-\n{ind}folded - text"]
    claims = [item(f"id: c{i}", f"text: {rng.choice(texts)}") for i in range(rng.randint(1, 6))]
    links = [item("from: c0", f"to: c{i}") for i in range(1, len(claims))]
    lint = "lint:\n  ignore: []\n"
    parts = [f"title: t{pad and ' '}\n", "claims:\n" + "".join(claims)]
    if links:
        parts.append("links:\n" + "".join(links))
    where = rng.choice(["first", "last", "none"])
    if where == "first":
        parts.insert(0, lint)
    elif where == "last":
        parts.append(lint)
    text = ("# a map\n" if rng.random() < 0.5 else "") + "".join(parts)
    return text.replace("\n", "\r\n") if rng.random() < 0.2 else text


def test_yaml_items_are_placed_line_by_line_where_libyaml_places_them(tmp_path):
    import random

    from argmap.io.native.positions import yaml_item_positions

    rng = random.Random(7)
    quick = 0
    for n in range(300):
        path = tmp_path / f"m{n}.yaml"
        path.write_bytes(_yaml_map(rng).encode("utf-8"))
        amap = load_map(path)
        counts = {s: len(getattr(amap, s)) for s in ("sources", "claims", "links")}
        quick += yaml_item_positions(amap._origin.text, counts) is not None
        assert element_positions(amap) == _libyaml_positions(amap), path.read_text()
    assert quick > 200  # most layouts are read line by line; the others are parsed


def test_a_yaml_layout_the_lines_cannot_tell_is_parsed():
    from argmap.io.native.positions import yaml_item_positions

    counts = {"sources": 0, "claims": 2, "links": 0}
    dash_alone = "claims:\n-\n  id: a\n  text: A\n- id: b\n  text: B\n"
    flow = "claims: [{id: a, text: A}, {id: b, text: B}]\n"
    marker = "---\nclaims:\n- id: a\n  text: A\n- id: b\n  text: B\n"
    quoted = "claims:\n- id: a\n  text: \"A\n- b\"\n- id: b\n  text: B\n"
    for text in (dash_alone, flow, marker):
        assert yaml_item_positions(text, counts) is None
    assert yaml_item_positions(quoted, counts) is None  # three dashes, two items
    assert yaml_item_positions("claims:\n- id: a\n  text: A\n-  id: b\n", counts) == {
        "sources": [], "claims": [(2, 3), (4, 4)], "links": []}
