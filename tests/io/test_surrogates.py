"""Surrogate escapes: a valid pair is a character (YAML and JSON); half of one is refused."""

from __future__ import annotations

import pytest

from argmap.errors import MapLoadError
from argmap.io import dumps_map, loads_map

CAR = "\U0001f697"


@pytest.mark.parametrize("extra", ["", "# a * b keeps the quick reader out\n"])
def test_a_surrogate_pair_escape_in_yaml_is_the_character(extra):
    amap = loads_map(extra + 'title: "car \\ud83d\\ude97 and \\uD83D\\uDE97"\n'
                     "claims:\n  - id: a\n    text: \"A \\ud83d\\ude97\"\n", "yaml")
    assert amap.title == f"car {CAR} and {CAR}" and amap.claims[0].text == f"A {CAR}"
    assert CAR in dumps_map(amap, "yaml")


def test_a_lone_surrogate_escape_in_yaml_is_refused_with_its_place():
    with pytest.raises(MapLoadError) as info:
        loads_map('# *\ntitle: "t"\nclaims:\n  - id: a\n    text: "A \\ud800"\n', "yaml", "m.yaml")
    assert str(info.value).startswith("m.yaml:5:") and "lone surrogate escape" in str(info.value)


@pytest.mark.parametrize(("text", "where"), [
    ('{"title": "t\\ud800", "claims": []}', 13),
    ('{"title": "t", "claims": [{"id": "a", "text": "A", "tags": ["\\udc00"]}]}', 62),
    ('{"title": "t", "claims": [{"id": "a", "text": "A", "note": "\\ud83d x"}]}', 61),
])
def test_a_lone_surrogate_escape_in_json_is_refused_with_its_place(text, where):
    with pytest.raises(MapLoadError) as info:
        loads_map(text, "json", "m.json")
    assert str(info.value).startswith(f"m.json:1:{where}: invalid JSON: \\u")
    assert "half of a surrogate pair" in str(info.value)


def test_valid_pairs_and_escaped_backslashes_in_json_load():
    amap = loads_map('{"title": "t \\\\ud800 \\ud83d\\ude97", "claims": []}', "json")
    assert amap.title == f"t \\ud800 {CAR}"


def test_show_and_report_of_a_map_with_a_lone_surrogate_never_crash(run, tmp_path):
    path = tmp_path / "m.json"
    path.write_text('{"title": "t\\ud800", "claims": [{"id": "a", "text": "A"}]}')
    for command in ("check", "show", "report", "convert"):
        args = ["-o", str(tmp_path / "out.yaml")] if command == "convert" else []
        result = run(command, path, *args)
        assert result.exit_code == 2 and "half of a surrogate pair" in result.stderr
    assert not (tmp_path / "out.yaml").exists()
