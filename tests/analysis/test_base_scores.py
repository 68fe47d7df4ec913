"""Base scores by evidence level: each level, vague sources, the confidence override, and the
map's `defaults:` (old maps with `defaults: {confidence: X}` still load)."""

from __future__ import annotations

import pytest
from inline_maps import build

from argmap.analysis import evaluate
from argmap.analysis.evaluation.base_scores import claim_base, explained_bases
from argmap.io import loads_map
from argmap.model import EvidenceLevels

SOURCES = [
    {"id": "article", "title": "The op-ed", "author": "A. Writer", "date": "2024"},
    {"id": "study", "title": "A study", "author": "B. Scholar", "date": "2023"},
    {"id": "blog", "title": "Someone's blog"},  # no author, no date: vague (AM110)
]


def claims_map(**extra):
    return build(
        [{"id": "quoted", "text": "Q", "evidence": [
            {"source": "study", "locator": "p. 4", "quote": "as measured"}]},
         {"id": "cited", "text": "C", "evidence": [{"source": "study", "locator": "p. 4"}]},
         {"id": "quote-no-locator", "text": "N", "evidence": [
             {"source": "study", "quote": "as measured"}]},
         {"id": "vague", "text": "V", "evidence": [
             {"source": "blog", "locator": "post 3", "quote": "they say"}]},
         {"id": "asserted", "text": "A", "evidence": [{"source": "article", "locator": "¶2"}]},
         {"id": "unsourced", "text": "U"},
         {"id": "best-wins", "text": "B", "evidence": [
             {"source": "article", "locator": "¶3"},
             {"source": "study", "locator": "p. 9", "quote": "q"}]},
         {"id": "own", "text": "O", "confidence": 0.9, "evidence": [{"source": "blog"}]}],
        subject="article", sources=SOURCES, **extra)


def levels(amap):
    return {c.id: (claim_base(amap, c).level, claim_base(amap, c).score) for c in amap.claims}


def test_each_level_and_its_default_score():
    assert levels(claims_map()) == {
        "quoted": ("quoted", 0.8), "cited": ("cited", 0.65),
        "quote-no-locator": ("cited", 0.65), "vague": ("vague", 0.5),
        "asserted": ("asserted", 0.45), "unsourced": ("unsourced", 0.4),
        "best-wins": ("quoted", 0.8), "own": ("confidence", 0.9)}


def test_the_evaluation_starts_each_claim_at_its_level():
    amap = claims_map()
    strengths = evaluate(amap).strengths  # no links: every strength is the base
    assert strengths == {cid: score for cid, (_level, score) in levels(amap).items()}


def test_without_a_subject_every_citation_is_evidence():
    amap = build([{"id": "a", "text": "A", "evidence": [
        {"source": "article", "locator": "¶2", "quote": "q"}]}], sources=SOURCES)
    assert claim_base(amap, amap.claims[0]).level == "quoted"


def test_the_explanation_names_the_deciding_source():
    amap = claims_map()
    assert claim_base(amap, amap.claim("best-wins")).why == (
        "evidence with a quote and a locator ('study')")
    assert claim_base(amap, amap.claim("unsourced")).why == "no evidence cited"


def test_levels_are_set_in_the_maps_defaults():
    amap = claims_map(defaults={"evidence": {"quoted": 0.9, "unsourced": 0.2}})
    got = levels(amap)
    assert got["quoted"] == ("quoted", 0.9) and got["unsourced"] == ("unsourced", 0.2)
    assert got["cited"] == ("cited", EvidenceLevels().cited)  # the rest keep their default


def test_evidence_false_gives_every_claim_the_one_default():
    amap = claims_map(defaults={"evidence": False, "confidence": 0.3})
    got = levels(amap)
    assert got["quoted"] == ("default", 0.3) and got["unsourced"] == ("default", 0.3)
    assert got["own"] == ("confidence", 0.9)
    assert set(evaluate(amap).strengths.values()) == {0.3, 0.9}


def test_an_old_map_with_a_default_confidence_loads_and_uses_the_levels():
    amap = loads_map("argmap: 1\ntitle: t\ndefaults: {confidence: 0.7}\n"
                     "claims:\n  - id: a\n    text: A\n", "yaml", "old.yaml")
    assert amap.defaults.confidence == 0.7
    assert claim_base(amap, amap.claims[0]).level == "unsourced"


@pytest.mark.parametrize("bad", [{"evidence": {"quoted": 1.5}}, {"evidence": {"strong": 0.5}},
                                 {"evidence": "sometimes"}])
def test_bad_levels_are_refused(bad):
    with pytest.raises(ValueError, match="evidence"):
        build(["a"], defaults=bad)


@pytest.mark.parametrize("defaults", [{}, {"evidence": False, "confidence": 0.3}])
def test_the_bases_of_many_claims_at_once_are_each_claims_own(defaults):
    amap = claims_map(**({"defaults": defaults} if defaults else {}))
    assert explained_bases(amap, amap.claims) == [claim_base(amap, c) for c in amap.claims]
    assert explained_bases(amap, []) == []
