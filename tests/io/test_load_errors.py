"""Every load error names the file, line and column, and all of a file's errors come at once."""

from __future__ import annotations

import json

import pytest

from argmap.errors import MapLoadError
from argmap.io import load_map, loads_map

BAD_YAML = """\
title: Bad map
sources:
  - id: src
claims:
  - id: us-leads
    text: The US leads.
    confidence: 1.5
  - id: b
    text: B
    bogus: 1
  - id: b
    text: again
links:
  - id: l7
    from: b
    to: us-lead
"""


def lines(exc: MapLoadError) -> list[str]:
    return [str(p) for p in exc.problems]


def test_yaml_errors_all_reported_with_positions(write):
    path = write("x.yaml", BAD_YAML)
    with pytest.raises(MapLoadError) as info:
        load_map(path)
    got = lines(info.value)
    assert got == [
        f"{path}:7:17: claim 'us-leads': `confidence`: Input should be less than or equal to 1",
        f"{path}:10:5: claim 'b': unknown field 'bogus' (allowed: id, text, kind, evidence,"
        " confidence, tags, note, said, ignore, proposed)",
        f"{path}:11:9: duplicate id 'b': already used by claim #2; ids must be unique across"
        " claims and links",
        f"{path}:16:9: link 'l7' points to unknown claim 'us-lead' (did you mean 'us-leads'?)",
    ]


def test_json_errors_have_line_and_column(write):
    data = {"title": "t", "claims": [{"id": "a", "text": "A"}],
            "links": [{"id": "l1", "from": "a", "to": "ghost"}]}
    path = write("x.json", json.dumps(data, indent=2))
    with pytest.raises(MapLoadError) as info:
        load_map(path)
    (problem,) = info.value.problems
    text = path.read_text().splitlines()
    assert problem.line is not None and problem.col is not None
    assert text[problem.line - 1][problem.col - 1:].startswith('"ghost"')
    assert "link 'l1' points to unknown claim 'ghost'" in problem.message


@pytest.mark.parametrize(
    ("name", "text", "line", "fragment"),
    [
        ("syntax.yaml", "title: t\nclaims:\n  - id: a\n    text: [unclosed\n", 5, "invalid YAML"),
        ("syntax.json", '{"title": "t",\n "claims": [}', 2, "invalid JSON"),
        ("dupkey.yaml", "title: t\ntitle: u\nclaims: []\n", 2, "duplicate key"),
        ("dupkey.json", '{"title": "t",\n "title": "u"}', None, "duplicate key 'title'"),
        ("empty.yaml", "   \n", 1, "the file is empty"),
        ("list.yaml", "- a\n- b\n", None, "must be a mapping"),
        ("missing.yaml", "claims: []\n", 1, "missing required field `title`"),
    ],
)
def test_unusable_files(write, name, text, line, fragment):
    path = write(name, text)
    with pytest.raises(MapLoadError) as info:
        load_map(path)
    problem = info.value.problems[0]
    assert fragment in problem.message
    assert problem.path == str(path)
    if line is not None:
        assert problem.line == line


def test_binary_file_is_refused(tmp_path):
    path = tmp_path / "bin.yaml"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\xff\xfe")
    with pytest.raises(MapLoadError, match="not a text file"):
        load_map(path)


def test_missing_file(tmp_path):
    with pytest.raises(MapLoadError, match="cannot read: No such file"):
        load_map(tmp_path / "nope.yaml")


def test_unknown_extension(tmp_path):
    with pytest.raises(Exception, match="unknown map format '.txt'"):
        load_map(tmp_path / "map.txt")


def test_loads_map_names_the_given_path():
    with pytest.raises(MapLoadError) as info:
        loads_map("title: t\nclaims: [{id: A, text: x}]\n", "yaml", "inline.yaml")
    assert str(info.value).startswith("inline.yaml:2:")
    assert "not a slug" in str(info.value)
