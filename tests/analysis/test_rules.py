"""Each rule: a map where it must fire, and a near-identical one where it must not."""

from __future__ import annotations

from pathlib import Path

import pytest

from argmap.analysis import RULES, analyse
from argmap.io import load_map
from argmap.model import ArgumentMap

RULE_MAPS = Path(__file__).parent.parent / "fixtures" / "analysis" / "rules"

# code, the map where it fires, the target it fires on, the near-identical map where it does not
CASES = [
    ("AM101", "am101-unsourced-premise", "walking-healthy", "am101-sourced-premise"),
    ("AM101", "am101-premise-only-in-subject", "walking-healthy", "am101-sourced-premise"),
    ("AM102", "am102-unsourced-statistic", "most-drive", "am102-sourced-statistic"),
    ("AM103", "am103-weak-link", "liking", "am103-moderate-link"),
    ("AM103", "am103-link-weakened-by-low-confidence", "liking", "am103-moderate-link"),
    ("AM103", "am103-weak-answer-carries-case", "guard", "am103-weak-objection"),
    ("AM104", "am104-unsupported-conclusion", "walk-to-school", "am104-supported-conclusion"),
    ("AM105", "am105-unanswered-rebuttal", "danger", "am105-answered-rebuttal"),
    ("AM106", "am106-support-cycle", "safe", "am106-support-chain"),
    ("AM107", "am107-single-point-of-failure", "walk-to-school", "am107-independent-lines"),
    ("AM108", "am108-missing-warrant", "health", "am108-with-warrant"),
    ("AM109", "am109-sweeping-claim", "walking-healthy", "am109-measured-claim"),
    ("AM110", "am110-vague-source", "study", "am110-checkable-source"),
    ("AM110", "am110-vague-source", "kids-like-it", "am110-checkable-source"),
    ("AM111", "am111-orphan-claim", "bikes-too", "am111-all-joined"),
    ("AM112", "am112-misquote", "walking-healthy", "am112-quote-found"),
    ("AM113", "am113-suppression-without-reason", "walking-healthy",
     "am113-suppression-with-reason"),
    ("AM114", "am114-unknown-rule", "lint", "am114-known-rules"),
    ("AM114", "am114-unknown-rule", "walking-healthy", "am114-known-rules"),
    ("AM115", "am115-unused-assumption", "route-exists", "am115-used-assumption"),
    ("AM116", "am116-missing-source-text", "essay", "am112-misquote"),
    ("AM117", "am117-unused-source", "survey", "am117-cited-source"),
    ("AM118", "am118-unused-suppression", "walk-to-school", "am114-known-rules"),
    ("AM119", "am119-vague-attribution", "walking-healthy", "am119-named-authority"),
    ("AM119", "am119-vague-attribution", "kids-like-it", "am119-named-authority"),
    ("AM120", "am120-superlative-claim", "best-scheme", "am120-measured-claim"),
    ("AM121", "am121-broken-text", "walking-healthy", "am121-whole-text"),
    ("AM121", "am121-broken-text", "essay", "am121-whole-text"),
    ("AM122", "am122-unsourced-support-tree", "walk-to-school", "am122-sourced-support-tree"),
    ("AM123", "am123-duplicate-link", "again", "am123-distinct-links"),
    ("AM124", "am124-unfounded-waiver", "walking-healthy", "am124-founded-waiver"),
    ("AM125", "am125-open-critical-question", "doctor", "am125-questions-answered"),
    ("AM126", "am126-unknown-scheme", "health", "am126-known-scheme"),
    ("AM130", "am130-unreviewed-proposal", "walking-healthy", "am130-reviewed-proposal"),
]


def findings(name: str, code: str) -> list:
    amap = load_map(RULE_MAPS / f"{name}.yaml")
    return [f for f in analyse(amap).findings if f.code == code]


@pytest.mark.parametrize(("code", "fires", "target", "quiet"), CASES,
                         ids=[f"{c[0]}-{c[1]}-{c[2]}" for c in CASES])
def test_rule_fires_on_one_map_and_not_on_its_twin(code, fires, target, quiet):
    hits = findings(fires, code)
    assert target in [f.target for f in hits]
    finding = next(f for f in hits if f.target == target)
    assert finding.name == RULES[code].name and finding.severity == RULES[code].severity
    assert finding.message.endswith(".") and finding.hint
    assert findings(quiet, code) == []


def test_every_rule_has_a_case():
    assert {c[0] for c in CASES} == set(RULES)


def test_am102_names_the_figure_and_says_the_subject_is_not_a_source():
    [finding] = findings("am102-unsourced-statistic", "AM102")
    assert "'Two thirds'" in finding.message


def test_am110_names_the_sources_gaps_once_and_each_missing_locator_of_a_complete_source():
    source, locator = findings("am110-vague-source", "AM110")
    assert (source.target, source.message) == (
        "study", "Source 'study' gives no author or publisher and no date: a reader cannot "
                 "check 'walking-healthy', which cites it.")
    # one finding per problem: the vague study's finding asks for the locator too ...
    assert "give each citation of it a locator" in source.hint
    # ... and only the citation of the complete survey is flagged on the claim
    assert (locator.target, locator.message) == (
        "kids-like-it", "'kids-like-it' cites 'survey' with no locator (page, section or "
                        "table): a reader cannot find the passage.")


def test_am110_says_once_how_many_claims_rest_on_a_vague_source():
    amap = ArgumentMap.model_validate({
        "title": "t", "sources": [{"id": "blog", "title": "A blog"}],
        "claims": [{"id": "goal", "text": "G", "kind": "conclusion"}] + [
            {"id": f"p{i}", "text": f"P{i}", "evidence": [{"source": "blog", "locator": "§1"},
                                                          {"source": "blog", "locator": "§2"}]}
            for i in range(5)],
        "links": [{"from": f"p{i}", "to": "goal"} for i in range(5)]})
    [finding] = [f for f in analyse(amap).findings if f.code == "AM110"]
    assert finding.target == "blog"
    assert finding.message.endswith(
        "a reader cannot check the 5 claims that cite it ('p0', 'p1', 'p2', ...).")


def test_am109_uses_the_maps_own_words():
    [finding] = findings("am109-sweeping-claim", "AM109")
    assert "'never'" in finding.message and "'unbeatable'" in finding.message


def test_am114_suggests_the_rule_meant():
    messages = [f.message for f in findings("am114-unknown-rule", "AM114")]
    assert any("did you mean 'weak-link'" in m for m in messages)


def test_am116_target_and_no_quote_check_without_text():
    assert findings("am116-missing-source-text", "AM112") == []
    [finding] = findings("am116-missing-source-text", "AM116")
    assert "missing.txt" in finding.message


def test_am110_counts_claims_and_links_apart_and_asks_only_for_what_is_missing():
    amap = ArgumentMap.model_validate({
        "title": "t", "sources": [{"id": "blog", "title": "A blog", "author": "A. Writer"}],
        "claims": [{"id": "goal", "text": "G", "kind": "conclusion"},
                   {"id": "p", "text": "P", "evidence": [{"source": "blog", "locator": "§1"}]}],
        "links": [{"id": "l1", "from": "p", "to": "goal",
                   "evidence": [{"source": "blog", "locator": "§2"}]}]})
    [finding] = [f for f in analyse(amap).findings if f.code == "AM110"]
    assert finding.message == ("Source 'blog' gives no date: a reader cannot check the 1 claim "
                               "and 1 link that cite it ('p', 'l1').")
    assert finding.hint.startswith("Give source 'blog' a date;")
