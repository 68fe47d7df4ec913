"""Ids that YAML or JSON would read as numbers are kept as written, or refused: never changed."""

from __future__ import annotations

import pytest

from argmap.errors import MapLoadError
from argmap.io import dumps_map, load_map, loads_map


def _yaml(first: str, second: str) -> str:
    return (f"title: t\nclaims:\n  - id: {first}\n    text: A\n  - id: {second}\n    text: B\n"
            f"links:\n  - {{from: [{first}], to: {second}}}\n")


@pytest.mark.parametrize(("first", "second"), [("1.1", "1.10"), ("0x1f", "31"), ("1e3", "1000"),
                                               ("2024-01-01", "7")])
def test_yaml_ids_keep_the_text_written(first, second):
    amap = loads_map(_yaml(first, second), "yaml")
    assert [c.id for c in amap.claims] == [first, second]
    assert amap.links[0].from_ == [first] and amap.links[0].to == second


def test_ids_that_read_as_the_same_number_are_still_two_ids_and_a_self_link_is_caught():
    with pytest.raises(MapLoadError, match="duplicate id '1.1'"):
        loads_map(_yaml("1.1", "1.1"), "yaml")


def test_yaml_numeric_ids_survive_convert_to_json_and_back(tmp_path):
    path = tmp_path / "m.yaml"
    path.write_text(_yaml("1.1", "1.10"), encoding="utf-8")
    as_json = dumps_map(load_map(path), "json")
    back = loads_map(as_json, "json")
    assert [c.id for c in back.claims] == ["1.1", "1.10"]
    again = loads_map(dumps_map(back, "yaml"), "yaml")
    assert [c.id for c in again.claims] == ["1.1", "1.10"]


def test_a_json_id_written_as_a_fraction_is_refused_with_where_and_how_to_fix():
    text = '{"title": "t", "claims": [{"id": 1.10, "text": "A"}]}'
    with pytest.raises(MapLoadError) as info:
        loads_map(text, "json", "m.json")
    assert str(info.value) == ('m.json:1:34: the id 1.1 is a number in JSON, which does not keep'
                               ' how it was written (1.10 reads as 1.1): write it as text in'
                               ' quotes, "1.1"')


def test_a_json_whole_number_id_is_its_text():
    amap = loads_map('{"title": "t", "claims": [{"id": 7, "text": "A"}]}', "json")
    assert amap.claims[0].id == "7"


def test_numbers_elsewhere_stay_numbers():
    amap = loads_map("title: 2024\nclaims:\n  - id: a\n    text: A\n    confidence: 0.5\n", "yaml")
    assert amap.title == "2024" and amap.claims[0].confidence == 0.5
