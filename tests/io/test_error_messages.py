"""Error messages that say what to do: quote a text holding `: `, import AIF, name UTF-32, place a
number too long to read."""

from __future__ import annotations

import pytest

from argmap.errors import MapLoadError
from argmap.io import load_map


def _error(tmp_path, name: str, data: bytes) -> str:
    path = tmp_path / name
    path.write_bytes(data)
    with pytest.raises(MapLoadError) as info:
        load_map(path)
    return str(info.value).replace(str(tmp_path) + "/", "")


def test_an_unquoted_colon_in_a_text_says_to_quote_the_text(tmp_path):
    text = b"title: t\nclaims:\n  - id: a\n    text: Note: homework is bad\n"
    assert _error(tmp_path, "m.yaml", text) == (
        "m.yaml:4:15: invalid YAML: the text after `text:` holds `: `, which YAML reads as the"
        ' start of a new key; put the text in quotes: text: "Note: homework is bad"')


def test_bad_indentation_is_still_blamed_on_indentation(tmp_path):
    text = b"title: t\nclaims:\n  - id: a\n    text: A\n   kind: premise\n"
    assert "check this line's indentation" in _error(tmp_path, "m.yaml", text)


def test_an_aif_file_named_json_points_at_the_importer(tmp_path):
    text = b'{"nodes": [{"nodeID": "1", "text": "x", "type": "I"}], "edges": []}'
    assert _error(tmp_path, "debate.json", text) == (
        "debate.json:1:1: this looks like AIF (`nodes` and `edges`), not an argmap map: use"
        " `argmap import --from aif debate.json -o MAP.yaml`")


@pytest.mark.parametrize("encoding", ["utf-32", "utf-32-be"])
def test_utf32_is_named(tmp_path, encoding):
    data = "title: t\nclaims: []\n".encode(encoding)
    if encoding == "utf-32-be":
        data = b"\x00\x00\xfe\xff" + data
    assert _error(tmp_path, "m.yaml", data) == \
        "m.yaml:1:1: the file is UTF-32 text; save it as UTF-8"


@pytest.mark.parametrize(("name", "text", "where"), [
    ("m.yaml", "title: t\nclaims:\n  - id: a\n    text: A\n    confidence: {}\n", "5:17"),
    ("m.json", '{{"title": "t", "claims": [{{"id": "a", "text": "A", "confidence": {}}}]}}',
     "1:66"),
])
def test_a_5000_digit_number_is_refused_at_its_place(tmp_path, name, text, where):
    message = _error(tmp_path, name, text.format("7" * 5000).encode())
    assert message == (f"{name}:{where}: a number with 5000 digits; numbers in a map are far"
                       " shorter (argmap reads up to 4300 digits): quote it to keep it as text")
