"""Saving keeps the author's file: comments, key order and quoting; JSON round-trips exactly."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from argmap.io import dumps_map, load_map, loads_map, save_map
from argmap.model import Claim, Link

ROOT = Path(__file__).parents[2]
EXAMPLE = ROOT / "examples" / "car-free-downtown.yaml"


def test_unchanged_yaml_saves_byte_for_byte(tmp_path):
    path = tmp_path / "m.yaml"
    shutil.copy(EXAMPLE, path)
    before = path.read_bytes()
    save_map(load_map(path))
    assert path.read_bytes() == before


def test_edit_keeps_comments_order_and_quotes(tmp_path):
    path = tmp_path / "m.yaml"
    shutil.copy(EXAMPLE, path)
    amap = load_map(path)
    amap.claim("business-grows").text = "Shops downtown would gain customers."
    save_map(amap)
    after = path.read_text()
    assert "Shops downtown would gain customers." in after
    assert "# linked: each premise needs the other" in after
    assert "# an undercut: attacks the inference, not the premise" in after
    assert 'quote: "a share of the traffic disappears altogether"' in after
    before_lines = EXAMPLE.read_text().splitlines()
    after_lines = after.splitlines()
    changed = [i for i, (a, b) in enumerate(zip(before_lines, after_lines, strict=True)) if a != b]
    assert len(changed) == 1


def test_added_claim_lands_at_the_end_of_claims_before_the_next_section(write):
    path = write("m.yaml", "title: t\nclaims:\n  - id: a\n    text: A\n\n# the links\nlinks: []\n")
    amap = load_map(path)
    amap.claims.append(Claim(id="b", text="B"))
    amap.links.append(Link(**{"from": "b", "to": "a"}))
    save_map(amap)
    assert path.read_text() == (
        "title: t\nclaims:\n  - id: a\n    text: A\n  - id: b\n    text: B\n\n# the links\n"
        "links:\n  - from: b\n    to: a\n"
    )


def test_deleting_the_last_claim_keeps_the_following_comment(write):
    path = write("m.yaml", "title: t\nclaims:\n  - id: a\n    text: A\n  - id: b\n    text: B\n"
                 "\n# the links\nlinks: []\n")
    amap = load_map(path)
    del amap.claims[-1]
    save_map(amap)
    expected = "title: t\nclaims:\n  - id: a\n    text: A\n\n# the links\nlinks: []\n"
    assert path.read_text() == expected


def test_single_premise_written_as_given(write):
    path = write("m.yaml", "title: t\nclaims: [{id: a, text: A}, {id: b, text: B}]\n"
                 "links:\n  - from: [a]\n    to: b\n  - from: b\n    to: a\n")
    before = path.read_text()
    save_map(load_map(path))
    assert path.read_text() == before


def test_json_round_trip_is_identity(tmp_path):
    amap = load_map(EXAMPLE)
    first = dumps_map(amap, "json")
    again = loads_map(first, "json")
    assert dumps_map(again, "json") == first
    assert again.model_dump() == amap.model_dump()
    json.loads(first)


def test_yaml_to_json_to_yaml_keeps_the_map(tmp_path):
    amap = load_map(EXAMPLE)
    save_map(amap, tmp_path / "m.json")
    back = load_map(tmp_path / "m.json")
    save_map(back, tmp_path / "m.yaml")
    assert load_map(tmp_path / "m.yaml").model_dump() == amap.model_dump()


def test_defaults_are_not_written_out(write):
    path = write("m.yaml", "title: t\nclaims:\n  - id: a\n    text: A\n")
    text = dumps_map(load_map(path), "json")
    assert "kind" not in text and "confidence" not in text and "links" not in text
