"""A source text's paragraphs and the map's quotes in them (what the explorer's source pane
shows, and the locator a claim made from the text gets)."""

from __future__ import annotations

from pathlib import Path

import pytest

from argmap.analysis.text.passages import (
    paragraph_at,
    paragraphs,
    quoted_passages,
    text_under_review,
)
from argmap.errors import UsageError
from argmap.io import load_map

ROOT = Path(__file__).parents[2]
EXAMPLE = ROOT / "examples" / "car-free-downtown.yaml"

SECTIONED = """Two Roads
The Road North
Trains run every hour. Most riders are commuters.
Buses fill the gaps.
The Road South
Ferries are slower: they are also cheaper.
"""


def test_blocks_between_blank_lines_are_paragraphs_and_a_title_is_not():
    text = "A Title\n\nFirst paragraph,\nwrapped over two lines.\n\n  Second one.\n"
    paras = paragraphs(text)
    assert [text[p.start:p.end] for p in paras] == [
        "First paragraph,\nwrapped over two lines.", "Second one."]
    assert [p.locator for p in paras] == ["para 1", "para 2"]


def test_a_text_with_one_paragraph_a_line_and_section_headings_names_the_section():
    paras = paragraphs(SECTIONED)
    assert [p.locator for p in paras] == [
        "The Road North, para 1", "The Road North, para 2", "The Road South, para 1"]
    assert [p.number for p in paras] == [1, 2, 3]


def test_paragraph_at_an_offset():
    paras = paragraphs(SECTIONED)
    assert paragraph_at(paras, SECTIONED.index("Buses")).locator == "The Road North, para 2"
    assert paragraph_at(paras, 0) is None  # in the title


def test_the_example_maps_quotes_are_found_in_the_paragraphs_their_locators_name():
    amap = load_map(EXAMPLE)
    text = EXAMPLE.with_suffix(".txt").read_text()
    found = quoted_passages(amap, "op-ed", text)
    cited = [(c.id, cite) for c in amap.claims for cite in c.evidence
             if cite.source == "op-ed" and cite.quote]
    assert len(found) == len(cited)
    locators = {p.number: p.locator for p in paragraphs(text)}
    for passage in found:
        claim = next(c for c in amap.claims if c.id == passage.ident)
        assert text[passage.start:passage.end].casefold() == passage.quote.casefold()
        assert locators[passage.paragraph] in [e.locator for e in claim.evidence]
    assert [p.start for p in found] == sorted(p.start for p in found)


def test_a_quote_not_in_the_text_is_left_out(tmp_path: Path):
    amap = load_map(EXAMPLE)
    assert quoted_passages(amap, "op-ed", "Nothing of the op-ed is here.") == []


def test_the_text_under_review_is_the_subjects_text_file_or_the_one_given(tmp_path: Path):
    amap = load_map(EXAMPLE)
    source_id, found = text_under_review(amap)
    assert source_id == "op-ed" and "Our downtown is choking" in found.text
    other = tmp_path / "other.txt"
    other.write_text("Another text.\n")
    source_id, found = text_under_review(amap, other)
    assert (source_id, found.text) == ("op-ed", "Another text.\n")
    with pytest.raises(UsageError, match="missing.txt"):
        text_under_review(amap, tmp_path / "missing.txt")


def test_a_map_that_names_no_text_has_none():
    assert text_under_review(load_map(ROOT / "maps" / "us-china-ai-debate.yaml")) is None
