"""Lint settings: the map's `lint:` section, the caller's select/ignore, suppressions, texts."""

from __future__ import annotations

from pathlib import Path

import pytest
from inline_maps import build

from argmap.analysis import analyse
from argmap.analysis.rules.engine import selected_codes
from argmap.analysis.text.sources import source_text_args
from argmap.errors import UsageError
from argmap.io import load_map
from argmap.model import ArgumentMap

RULE_MAPS = Path(__file__).parents[1] / "fixtures" / "analysis" / "rules"

CLAIMS = [{"id": "c", "text": "C.", "kind": "conclusion"},
          {"id": "p", "text": "Nothing ever fails."},
          {"id": "q", "text": "Q.", "confidence": 0.3}]
LINKS = [{"id": "pc", "from": "p", "to": "c"}, {"id": "qc", "from": "q", "to": "c"}]


def codes(amap, **kw) -> set[str]:
    return {f.code for f in analyse(amap, **kw).findings}


def test_map_select_is_replaced_by_the_callers():
    amap = build(CLAIMS, LINKS, lint={"select": ["sweeping-claim"]})
    assert codes(amap) == {"AM109"}
    assert codes(amap, select=["AM101"]) == {"AM101"}


def test_ignores_add_up_and_take_prefixes():
    amap = build(CLAIMS, LINKS, lint={"ignore": ["AM10"]})
    assert codes(amap) == {"AM122"}  # AM101, AM103, AM108, AM109 ... all AM10x
    assert codes(build(CLAIMS, LINKS, lint={"ignore": ["AM10", "unsourced-support-tree"]})) == \
        set()
    assert codes(build(CLAIMS, LINKS, lint={"ignore": ["AM108"]}), ignore=["AM109"]) == {
        "AM101", "AM103", "AM122"}


def test_weak_threshold_from_the_map():
    # qc = 0.3 * 0.7 = 0.21: under the default 0.25, not under 0.2
    assert "qc" in [f.target for f in analyse(build(CLAIMS, LINKS)).findings if f.code == "AM103"]
    amap = build(CLAIMS, LINKS, lint={"weak-threshold": 0.2})
    assert "AM103" not in codes(amap)


def test_severity_override_by_name_and_prefix():
    amap = build(CLAIMS, LINKS, lint={"severity": {"sweeping-claim": "error", "AM10": "info"}})
    levels = {f.code: f.severity for f in analyse(amap).findings}
    assert levels["AM109"] == "error" and levels["AM101"] == "info"


def test_claim_ignore_by_prefix_silences_the_group_there_only():
    claims = [CLAIMS[0], {**CLAIMS[1], "ignore": {"AM10": "sweeping and unsourced on purpose"}},
              CLAIMS[2]]
    found = analyse(build(claims, LINKS)).findings
    assert not [f for f in found if f.target == "p"]
    assert [f.code for f in found if f.target == "q"] == ["AM101"]


def test_unknown_selectors_from_the_caller_raise():
    with pytest.raises(UsageError, match="unknown rule 'bogus'"):
        selected_codes(build(CLAIMS, LINKS), select=["bogus"])


def test_source_text_arguments():
    amap = load_map(RULE_MAPS / "am112-misquote.yaml")
    assert source_text_args(amap, ["essay.txt"]) == {"essay": "essay.txt"}
    assert source_text_args(amap, ["essay=other.txt"]) == {"essay": "other.txt"}
    with pytest.raises(UsageError, match="no `subject` source"):
        source_text_args(build(CLAIMS, LINKS), ["essay.txt"])


def test_text_paths_are_relative_to_the_map_or_base_dir(tmp_path):
    amap = load_map(RULE_MAPS / "am112-misquote.yaml")
    assert "AM112" in codes(amap)
    amap._origin = None
    assert "AM116" in codes(amap, base_dir=tmp_path)  # texts/essay.txt is not under tmp_path
    assert "AM112" in codes(amap, base_dir=RULE_MAPS)


def _cited_by(ignores: list[dict[str, str]]) -> ArgumentMap:
    """An undated, authorless source cited (with a locator) by one claim per entry of
    ``ignores``, each claim silencing what that entry says."""
    claims = [{"id": "goal", "text": "G", "kind": "conclusion"}] + [
        {"id": f"p{i}", "text": f"P{i}", "ignore": ignore,
         "evidence": [{"source": "study", "locator": f"p. {i}"}]}
        for i, ignore in enumerate(ignores)]
    return ArgumentMap.model_validate({
        "title": "t", "sources": [{"id": "study", "title": "A study"}], "claims": claims,
        "links": [{"from": f"p{i}", "to": "goal", "warrant": "W."}
                  for i in range(len(ignores))]})


def test_a_source_whose_every_citing_claim_waives_am110_is_silenced():
    """Maps written when AM110 fired on each citing claim keep their waivers working."""
    amap = _cited_by([{"AM110": "checked by hand"}, {"vague-source": "same"}])
    assert [(f.code, f.target) for f in analyse(amap).findings] == []


def test_a_source_some_citing_claims_do_not_waive_keeps_its_finding():
    amap = _cited_by([{"AM110": "checked by hand"}, {}])
    found = [(f.code, f.target) for f in analyse(amap).findings]
    assert ("AM110", "study") in found
    assert ("AM118", "p0") in found  # that waiver alone silences nothing
