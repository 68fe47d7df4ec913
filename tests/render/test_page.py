"""build_page: the self-contained page around the diagram, read as text (the browser tests in
test_page_browser.py open it)."""

from __future__ import annotations

import json
import re

from svgread import make_map, needs_dot

from argmap.analysis import analyse
from argmap.render.output import render_bytes, subject_texts
from argmap.render.page import build_page, inline_svg, page_data

HOSTILE = "</script><script>alert(1)</script><img src=http://example.invalid/x.png>\x07\u2028"


def _data_block(page: str) -> dict:
    found = re.search(r'<script type="application/json" id="argmap-data">(.*?)</script>', page,
                      re.S)
    assert found
    return json.loads(found.group(1))


def test_hostile_text_cannot_end_a_script_or_add_markup():
    amap = make_map([{"id": "a", "text": HOSTILE, "kind": "conclusion", "note": HOSTILE}],
                    title=HOSTILE)
    page = build_page(amap, analyse(amap), "<svg></svg>")
    assert page.count("</script>") == 2  # the end of the data block and of the script
    assert "<img" not in page and "alert(1)</script>" not in page
    assert "\x07" not in page
    scripts = "".join(re.findall(r"<script[^>]*>(.*?)</script>", page, re.S))
    assert "\u2028" not in scripts  # it would end a line inside a script's string
    assert re.search(r'id="argmap-data">(.*?)</script>', page, re.S).group(1).isascii()
    data = _data_block(page)
    assert data["claims"]["a"]["text"] == HOSTILE.replace("\x07", "\ufffd")
    assert data["title"].startswith("</script><script>")
    assert f"<title>{'&lt;/script&gt;'}" in page


def test_nothing_is_loaded_from_anywhere():
    amap = make_map([{"id": "a", "text": "A"}])
    page = build_page(amap, None, "<svg></svg>")
    assert not re.search(r"""(?:src|href)\s*=\s*["']?(?:https?:)?//""", page)
    assert "<link" not in page and "@import" not in page and "url(" not in page
    assert "default-src 'none'" in page


def test_the_data_holds_details_and_the_quotes_places_in_the_text(example):
    texts = subject_texts(example)
    assert list(texts) == ["op-ed"]
    data = page_data(example, analyse(example), texts)
    cut = data["claims"]["pontevedra-cut"]
    assert cut["strength"] is not None and cut["flagged"]
    [cite] = cut["evidence"]
    start, end = cite["span"]
    assert texts["op-ed"][start:end] == "local emissions dropped by two thirds within a decade"
    assert data["links"]["air-argument"]["warrant"].startswith("If traffic causes")
    assert data["texts"][0]["text"] == texts["op-ed"]


@needs_dot
def test_the_page_holds_the_diagrams_svg_without_prolog_or_size(example):
    svg = render_bytes(example, "svg", analysis=analyse(example)).decode()
    inline = inline_svg(svg)
    assert inline.startswith('<svg id="diagram" role="img"')
    assert "<?xml" not in inline and "<!DOCTYPE" not in inline and "<!--" not in inline
    assert 'width="' not in inline.split(">", 1)[0]
    assert inline.count('class="node') == svg.count('class="node')
    page = build_page(example, analyse(example), svg, subject_texts(example))
    assert 'id="source-texts"' in page and inline in page


def test_a_map_without_a_text_has_no_text_panel():
    amap = make_map([{"id": "a", "text": "A"}])
    assert 'id="source-texts"' not in build_page(amap, None, "<svg></svg>")
