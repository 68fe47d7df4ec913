"""The draft of a text: sentences, units at markers, tags, the conclusion and the proposed links.

Every text here is written for the tests; one test also walks the arg-microtexts corpus when
ARGMAP_MICROTEXTS names its folder.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from argmap.analysis.text.wording import statistics
from argmap.draft import QUOTE_MAX_WORDS, draft, quote_of
from argmap.draft.markers import markers_in
from argmap.draft.segments import segment
from argmap.draft.tags import named_attribution, tags_of, vague_attribution
from argmap.draft.units import units_of
from argmap.draft.writer import check_valid, draft_yaml, scalar
from argmap.errors import MapLoadError
from argmap.io import loads_map
from argmap.io.native.yamlfast import load_fast

ESSAY = """\
# Should the city ban cars downtown?

Cars make the centre loud and dangerous. According to the City Transport Office, 40% of
downtown trips are shorter than two kilometres, so most of them could be walked.

## Objections

Shop owners say that a ban would ruin their trade. But footfall rose in Ghent after its
centre closed to cars. Experts agree that cities with fewer cars are healthier.

Therefore the city should ban cars downtown, although deliveries will need exceptions.
"""


def texts(text: str) -> list[str]:
    return [u.text for u in units_of(segment(text))]


# Sentences and paragraphs.
def test_sentences_keep_abbreviations_decimals_and_initials_inside():
    doc = segment("Dr. Lee found a 9.5% rise in the U.S. last year. Prices fell! Did wages?")
    assert [s.text for _, s in doc.sentences] == [
        "Dr. Lee found a 9.5% rise in the U.S. last year.", "Prices fell!", "Did wages?"]


def test_a_wrapped_line_is_not_a_sentence_end():
    doc = segment("Cars make the centre loud\nand dangerous for children.\n\nSo ban them now.")
    assert [s.text.replace("\n", " ") for _, s in doc.sentences] == [
        "Cars make the centre loud and dangerous for children.", "So ban them now."]


def test_every_sentence_is_a_verbatim_span_of_the_text():
    doc = segment(ESSAY)
    for _, sentence in doc.sentences:
        assert ESSAY[sentence.start:sentence.end] == sentence.text


def test_headings_name_the_paragraphs_under_them_and_the_first_one_is_the_title():
    doc = segment(ESSAY)
    assert doc.title == "Should the city ban cars downtown?"
    assert [p.locator for p in doc.paragraphs] == ["para 1", "Objections, para 1",
                                                   "Objections, para 2"]


def test_a_text_without_blank_lines_has_a_paragraph_per_line():
    doc = segment("Title line\nFirst point is made here. Second one too.\nThird point stands.")
    assert doc.title == "Title line"
    assert [len(p.sentences) for p in doc.paragraphs] == [2, 1]


def test_long_lines_under_blank_lines_are_each_a_paragraph():
    long_line = "This sentence is long enough to be a paragraph of its own in any export. " * 2
    doc = segment(f"Heading here\n{long_line}\n{long_line}\n\nLast.")
    assert [p.locator for p in doc.paragraphs] == ["para 1", "para 2", "para 3"]


# Units at discourse markers.
@pytest.mark.parametrize("sentence, units", [
    ("We should ban cars because they pollute the air.",
     ["We should ban cars", "because they pollute the air."]),
    ("Although cars are handy for families, they pollute the air.",
     ["Although cars are handy for families", "they pollute the air."]),
    ("The bus is cheap, but it is slow in the evening.",
     ["The bus is cheap", "but it is slow in the evening."]),
    ("Parking costs the city money, so the fees should rise.",
     ["Parking costs the city money", "so the fees should rise."]),
    ("Traffic kills thousands every year, and therefore the city must act.",
     ["Traffic kills thousands every year", "and therefore the city must act."]),
    ("Shops lose trade downtown, and many families avoid the centre.",
     ["Shops lose trade downtown", "and many families avoid the centre."]),
    ("The plan is cheap; the council supports it fully.",
     ["The plan is cheap", "the council supports it fully."]),
])
def test_sentences_split_at_markers_into_verbatim_units(sentence, units):
    assert texts(sentence) == units


@pytest.mark.parametrize("sentence", [
    "I have lived here since 2010 and never owned a car.",   # "since" a date
    "The fumes are so thick that children cough.",           # "so that"
    "We waited while the bus was late again.",               # "while" with no comma
    "Buses, trams and bikes all need space.",                # a list, not clauses
    "He stayed because of the rain.",                        # "because of"
    "Cars pollute, so stop.",                                # too short to stand alone
])
def test_no_split_where_the_marker_joins_no_clause(sentence):
    assert texts(sentence) == [sentence]


def test_markers_are_found_with_their_roles():
    found = markers_in("However, it is cheap; moreover it is fast, so we should buy it.")
    assert [(m.phrase, m.role) for m in found] == [
        ("however", "contrast"), ("moreover", "addition"), ("so", "inference")]


# Tags.
def test_statistics_are_tagged_by_the_detector_am102_uses():
    for text in ("Emissions fell by 40% in a year.", "One in five trips is under a mile.",
                 "The city has twelve bridges."):
        assert ("statistic" in tags_of(text)) == bool(statistics(text)), text


def test_attributions_named_and_vague_and_hedges():
    assert named_attribution("According to the World Health Organization, air kills.") \
        == "World Health Organization"
    assert named_attribution("Jane Smith says the plan fails.") == "Jane Smith"
    assert named_attribution("Experts say the plan fails.") is None
    # a sentence's opening word is not the one who says it
    assert named_attribution("As reported by Reuters, exports fell.") == "Reuters"
    assert named_attribution("The figure was estimated by the IMF in May.") == "IMF"
    assert named_attribution("When asked, he said no.") is None
    assert vague_attribution("Experts agree that it works.") == "Experts agree"
    assert vague_attribution("Studies show the opposite.") == "Studies show"
    assert tags_of("Shop owners say it might fail.") == ["vague-attribution", "hedged"]
    assert tags_of("The council voted yes.") == []


# The conclusion.
def test_the_conclusion_is_the_recommendation_with_a_marker_and_alternatives_are_ranked():
    d = draft(ESSAY)
    assert d.units[d.conclusion].text == "Therefore the city should ban cars downtown"
    assert d.ranked[0].why[:2] == ['"therefore"', "should"]
    assert [c.score for c in d.ranked] == sorted((c.score for c in d.ranked), reverse=True)
    text = draft_yaml(d)
    assert "# The conclusion proposed" in text and "#   2. " in text


def test_a_because_clause_is_never_the_conclusion():
    d = draft("Because the buses are full every morning, the city should buy more buses.")
    assert d.units[d.conclusion].text == "the city should buy more buses."


# Links.
def proposals(text: str) -> list[tuple[str, str, str, str]]:
    d = draft(text)
    return [(d.units[p.source].text, d.units[p.target].text, p.type, p.marker)
            for p in d.proposals.links]


def test_a_because_clause_supports_what_it_follows():
    assert ("because they pollute the air.", "We should ban cars", "supports", "because") in \
        proposals("We should ban cars because they pollute the air.")


def test_but_attacks_what_comes_before_and_answers_an_attributed_view():
    text = "We should ban cars downtown. Shop owners say a ban ruins trade. But trade rose " \
           "in Ghent."
    found = proposals(text)
    owners, answer, thesis = "Shop owners say a ban ruins trade.", "But trade rose in Ghent.", \
        "We should ban cars downtown."
    assert (owners, thesis, "attacks", "but") in found
    assert (answer, owners, "attacks", "but") in found
    d = draft(text)
    assert {c["id"]: c["kind"] for c in d.claims}["shop-owners-say-a-ban-ruins"] == "rebuttal"


def test_a_concession_attacks_the_main_clause_of_its_sentence():
    text = "Cars are loud. Although cars are handy for families, they pollute the air. So the " \
           "city should ban them."
    found = proposals(text)
    assert ("Although cars are handy for families", "they pollute the air.", "attacks",
            "although") in found
    kinds = {c["text"]: c["kind"] for c in draft(text).claims}
    assert kinds["Cars are handy for families."] == "rebuttal"


def test_so_is_supported_by_what_comes_before_and_unmarked_units_support_the_conclusion():
    found = proposals("Parking costs the city money, so the fees must rise. Buses are full.")
    assert ("Parking costs the city money", "so the fees must rise.", "supports", "so") in found
    assert ("Buses are full.", "so the fees must rise.", "supports", "position") in found


def test_every_unit_but_the_conclusion_is_linked_and_no_link_leaves_the_conclusion():
    d = draft(ESSAY)
    sources = {p.source for p in d.proposals.links}
    assert sources == set(range(len(d.units))) - {d.conclusion}


# The map written.
def test_the_draft_is_a_valid_map_of_proposals_quoting_the_text_verbatim():
    d = draft(ESSAY, text_path="essay.md")
    amap = loads_map(draft_yaml(d, "essay.md"), "yaml")
    assert amap.subject == ["text"] and amap.source("text").text == "essay.md"
    assert all(c.proposed for c in amap.claims) and all(lk.proposed for lk in amap.links)
    flat = " ".join(ESSAY.split())
    for claim in amap.claims:
        subject = [e for e in claim.evidence if e.source == "text"]
        assert subject[0].quote in flat and subject[0].locator
    assert [c.kind for c in amap.claims].count("conclusion") == 1


def test_a_named_attribution_becomes_a_source_cited_on_its_claim():
    amap = loads_map(draft_yaml(draft(ESSAY)), "yaml")
    assert amap.source("city-transport-office").title == "City Transport Office"
    claim = next(c for c in amap.claims if "Transport Office" in c.text)
    assert [e.source for e in claim.evidence] == ["text", "city-transport-office"]


def test_long_units_are_quoted_with_an_ellipsis_within_the_limit():
    sentence = " ".join(f"word{i}" for i in range(40)) + "."
    unit = units_of(segment(sentence))[0]
    quote = quote_of(unit)
    assert " ... " in quote and len(quote.replace(" ... ", " ").split()) <= QUOTE_MAX_WORDS


@pytest.mark.parametrize("value", ["plain words", "yes", "No", "null", "a: b", "# not", "-x",
                                   "tab\there", "line\nbreak", "nel\x85", "sep\u2028", "'q'",
                                   "trailing ", "  lead", "✓ ünïcode", "40%", "1e5", "[x]",
                                   "ends with colon:", "\x07bell"])
def test_scalars_read_back_as_written(value):
    assert yaml.safe_load(f"k: {scalar(value)}") == {"k": value}


def test_hostile_text_drafts_into_a_valid_map():
    text = "Title: `x`\n\n\x1b[31mRed\x1b[0m alarm: cars kill. #no comment! 'quoted' \"too\".\n" \
           "\u202eReversed text because reasons matter here.\n"
    d = draft(text)
    amap = loads_map(draft_yaml(d), "yaml")
    assert amap.claims and load_fast(draft_yaml(d))[0] == d.data


def test_check_valid_passes_a_draft_and_refuses_a_broken_one_saying_where():
    d = draft(ESSAY)
    check_valid(d, draft_yaml(d), "essay.yaml")  # a draft is valid
    d.data["links"][0]["to"] = "no-such-claim"
    with pytest.raises(MapLoadError) as caught:
        check_valid(d, draft_yaml(d), "essay.yaml")
    assert "no-such-claim" in str(caught.value) and "essay.yaml" in str(caught.value)


def test_pysbd_never_reads_a_piece_longer_than_the_bound():
    from argmap.draft.segments import PIECE_MAX, _bounded

    body = "The U.S. Army said 3.5 pct. rose. " * 1000 + "x" * (3 * PIECE_MAX)
    cuts = _bounded([len(body)], body)
    pieces = [b - a for a, b in zip([0, *cuts], cuts, strict=False)]
    assert cuts[-1] == len(body) and max(pieces) <= PIECE_MAX
    assert all(body[c - 2:c] == ". " for c in cuts[:3])  # cut at a stop where there is one


@pytest.mark.parametrize("text", [
    "a b c d, and " * 3000,             # one endless sentence of joined clauses
    "Also it is so. " * 2000,           # the same sentence over and over
    "one two three; " * 3000,
    " ".join(f"According to Person{i} Smith, it rains." for i in range(500)),
])
def test_repetitive_texts_draft_into_valid_maps_with_unique_ids(text):
    d = draft(text)
    amap = loads_map(draft_yaml(d), "yaml")
    ids = [c.id for c in amap.claims] + [lk.ident for lk in amap.links]
    assert len(ids) == len(set(ids)) and len(amap.claims) == len(d.units)


def test_markdown_list_items_are_paragraphs_and_every_quote_is_found_in_the_text():
    from argmap.analysis.text.quotes import quote_in

    text = ("# Cars\n\nWe should ban cars downtown for three reasons:\n\n"
            "- Cars pollute the air in town.\n- Cars kill many children.\n"
            "1. Parking wastes space everywhere.\n\n-- A dash-led line, and then some words.\n")
    d = draft(text)
    assert [c["text"] for c in d.claims][1:4] == [
        "Cars pollute the air in town.", "Cars kill many children.",
        "Parking wastes space everywhere."]
    assert [c["evidence"][0]["locator"] for c in d.claims][1:4] == ["para 2", "para 3", "para 4"]
    for claim in d.claims:
        assert quote_in(claim["evidence"][0]["quote"], text), claim["evidence"][0]["quote"]


_PIECES = ["Cars", "pollute", "the", "air", "because", "but", "although", "so", "and", ",", ".",
           ";", "!", "?", "-", "--", "\n", "\n\n", "# ", "- ", "1. ", "U.S.", "3.5%", "Dr.",
           '"', "(", ")", "however", "Experts say", "according to Reuters", "ünï", "\t", "  "]


@settings(max_examples=60)
@given(st.lists(st.sampled_from(_PIECES), min_size=1, max_size=60))
def test_any_text_drafts_into_a_valid_map_whose_quotes_are_all_in_the_text(pieces):
    from argmap.analysis.text.quotes import quote_in

    text = " ".join(pieces)
    if not text.strip():
        return
    d = draft(text)
    written = draft_yaml(d)
    amap = loads_map(written, "yaml")
    assert len(amap.claims) == len(d.units) and load_fast(written)[0] == d.data
    check_valid(d, written, "<draft>")
    for claim in amap.claims:
        assert quote_in(claim.evidence[0].quote, text)


_WORDS = ["cars", "go", "it", "is", "so", "egg", "use", "said", "no", "etc", "vs", "iv", "yum",
          "ie", "pp", "gen", "Then", "We", "I", "I'm", "Germany", "Dr", "Gen", "Jan", "Yahoo",
          "No", "St", "AI", "A", "J", "U.S", "U.S.-based", "E.U.,", "U.K. is", "Smith", "Inc",
          '"', "(", ")", "--", "'", "‘", "’", "“", "”", "a.", "i.", "1.", "2)", "a)", "(iv)",
          "3.5%", "e.g.", "...", "…", "«", "»", "[", "]", "it's", "'em", "x-ray", ",", ";", '-"',
          "{gen}", "!!", "?!", "∯", "。", "\t", "\u00a0", "Dr.", "it."]


@settings(max_examples=200)
@given(st.lists(st.sampled_from(_WORDS), min_size=1, max_size=40))
def test_pysbd_spans_are_where_pysbd_itself_puts_its_sentences(words):
    from argmap.draft.segments import _segmenter, pysbd_spans

    text = " ".join(words)
    assert pysbd_spans(text) == [(s.start, s.end) for s in _segmenter().segment(text)]


@settings(max_examples=300)
@given(st.lists(st.tuples(st.sampled_from(_WORDS), st.sampled_from(["", "", ".", "!", "?"])),
                min_size=1, max_size=30), st.sampled_from([" ", "  "]))
def test_sentences_are_those_pysbd_finds_in_the_whole_paragraph(words, space):
    from argmap.draft.segments import _segmenter, sentences_in

    body = space.join(word + stop for word, stop in words)
    whole = [" ".join(s.sent.split()) for s in _segmenter().segment(body) if s.sent.strip()]
    assert [" ".join(s.text.split()) for s in sentences_in(body, 0, len(body))] == whole


@pytest.mark.parametrize("paragraph", [
    'He said "it is good. Then we go" and left. Fine.',  # a quotation pysbd keeps whole
    "He left (it was late. Then we went) and slept.",
    "It was so--he said. Then we--left.",
    "We need 1) food 2) water and 3) shelter now.",      # list items pysbd cuts at
    "We cook, e.g. with an egg. I stay home.",  # "egg." read as "e.g." before "I"
])
def test_the_quick_cuts_never_part_what_pysbd_keeps_together(paragraph):
    from argmap.draft.segments import _segmenter, sentences_in

    whole = [s.sent.strip() for s in _segmenter().segment(paragraph)]
    assert [s.text for s in sentences_in(paragraph, 0, len(paragraph))] == whole


_ITEMS = ["1. ", "12. ", "9. ", "a. ", "i. ", "a) ", "b) ", "2) ", "10) ", "(iv) ", "(a) ", "(12) ",
          "iv) ", "3.) ", "-4. ", "xii) ", "100. "]


_LIST_LIKE = {"a.", "i.", "1.", "2)", "a)", "(iv)"}


def _clauses(words: list[str], leads: list[str]) -> st.SearchStrategy:
    """Sentences of ``words``, each perhaps opened with one of ``leads``."""
    return st.lists(st.tuples(st.sampled_from(leads),
                              st.lists(st.sampled_from(words), min_size=1, max_size=5),
                              st.sampled_from([".", ".", "!", "?", ""])), min_size=1, max_size=8)


@pytest.mark.parametrize("item", _ITEMS)
@settings(max_examples=80)
@given(st.sampled_from([
    (_WORDS, ["", "", "", *_ITEMS]),  # more items after the first: pysbd may cut at them
    ([w for w in _WORDS if w not in _LIST_LIKE], [""]),  # the first item alone
]).flatmap(lambda vocabulary: _clauses(*vocabulary)))
def test_a_paragraph_opening_with_an_item_number_splits_as_pysbd_splits_it(item, clauses):
    from argmap.draft.segments import _segmenter, sentences_in

    body = item + " ".join(lead + " ".join(words) + stop for lead, words, stop in clauses)
    whole = [" ".join(s.sent.split()) for s in _segmenter().segment(body) if s.sent.strip()]
    assert [" ".join(s.text.split()) for s in sentences_in(body, 0, len(body))] == whole


@pytest.mark.parametrize("paragraph", [
    "1. Cars pollute. Dr. Lee agrees. So ban them.",
    "a) Cars pollute the air. We walk. b) Buses are fine.",    # a second item: pysbd cuts there
    "3. Cars pollute. We need it. 4. Buses are cleaner now.",
    "(iv) Cars pollute. We walk. (v) Buses are fine.",
    "12. Cars pollute the air. Trams do not. Buses do.",
])
def test_a_leading_item_stays_in_the_first_sentence_as_pysbd_keeps_it(paragraph):
    from argmap.draft.segments import _segmenter, sentences_in

    whole = [s.sent.strip() for s in _segmenter().segment(paragraph)]
    assert [s.text for s in sentences_in(paragraph, 0, len(paragraph))] == whole


@pytest.mark.skipif(not os.environ.get("ARGMAP_MICROTEXTS"),
                    reason="set ARGMAP_MICROTEXTS to the arg-microtexts folder to run it")
@pytest.mark.parametrize("item", ["", "7. ", "12. ", "c) ", "(iv) "])
def test_the_corpus_paragraphs_with_an_item_number_split_as_pysbd_splits_them(item):
    from argmap.draft.segments import _segmenter, sentences_in

    folder = Path(os.environ["ARGMAP_MICROTEXTS"])
    paragraphs = [item + p for f in sorted(folder.glob("*.txt"))
                  for p in f.read_text(encoding="utf-8").split("\n") if p.strip()]
    assert len(paragraphs) > 80
    for body in paragraphs:
        whole = [" ".join(s.sent.split()) for s in _segmenter().segment(body) if s.sent.strip()]
        assert [" ".join(s.text.split()) for s in sentences_in(body, 0, len(body))] == whole
