"""The fast YAML loader: YAML 1.2 scalars, and refusal of what a map never needs."""

from __future__ import annotations

import pytest

from argmap.errors import MapLoadError
from argmap.io import loads_map


def test_yes_no_on_stay_text_and_numbers_become_text_where_text_is_expected():
    m = loads_map("title: 2024\nclaims:\n  - id: 7\n    text: yes\n  - id: b\n    text: on\n",
                  "yaml")
    assert m.title == "2024"
    assert [(c.id, c.text) for c in m.claims] == [("7", "yes"), ("b", "on")]


def test_python_tags_are_never_constructed():
    text = "title: !!python/object/apply:os.system ['echo hacked']\nclaims: []\n"
    with pytest.raises(MapLoadError) as info:
        loads_map(text, "yaml", "evil.yaml")
    assert str(info.value) == (
        "evil.yaml:1:8: YAML tag '!!python/object/apply:os.system' is not allowed in a map"
        " (tags are never constructed; remove it)"
    )


def test_alias_bomb_is_refused_quickly():
    lines = ["a0: &a0 [x, x, x, x, x, x, x, x, x, x]"]
    for i in range(1, 12):
        prev = f"*a{i - 1}"
        lines.append(f"a{i}: &a{i} [{', '.join([prev] * 10)}]")
    text = "\n".join(lines) + "\ntitle: t\nclaims: []\n"
    with pytest.raises(MapLoadError, match="alias bomb"):
        loads_map(text, "yaml", "bomb.yaml")


def test_small_aliases_are_fine():
    text = "title: t\nclaims:\n  - id: a\n    text: A\n    tags: &t [x, y]\n  - id: b\n" \
           "    text: B\n    tags: *t\n"
    assert loads_map(text, "yaml").claims[1].tags == ["x", "y"]


def test_duplicate_key_has_its_position():
    with pytest.raises(MapLoadError) as info:
        loads_map("title: t\nclaims:\n  - id: a\n    text: A\n    id: b\n", "yaml", "d.yaml")
    assert str(info.value) == "d.yaml:5:5: duplicate key 'id' in this mapping"


def test_multiple_documents_refused():
    with pytest.raises(MapLoadError, match="invalid YAML"):
        loads_map("title: t\nclaims: []\n---\ntitle: u\n", "yaml")


def test_integers_read_as_yaml_1_2():
    m = loads_map("title: t\nclaims:\n  - {id: a, text: 010}\n  - {id: b, text: 0o10}\n"
                  "  - {id: c, text: 0x1F}\n  - {id: d, text: '010'}\n", "yaml")
    assert [c.text for c in m.claims] == ["10", "8", "31", "010"]
