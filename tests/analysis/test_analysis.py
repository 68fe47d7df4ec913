"""The Analysis object: findings by target, link flags, lint settings and suppressions."""

from __future__ import annotations

import pytest
from inline_maps import build

from argmap.analysis import RULES, analyse
from argmap.errors import UsageError

CASE = dict(
    claims=[
        {"id": "c", "text": "We should act.", "kind": "conclusion"},
        {"id": "p", "text": "Acting helps."},
        {"id": "q", "text": "Inaction hurts.", "evidence": [{"source": "s", "locator": "p. 2"}]},
    ],
    links=[
        {"id": "pc", "from": "p", "to": "c", "strength": "weak"},
        {"id": "qc", "from": "q", "to": "c", "warrant": "Harm calls for action."},
    ],
    sources=[{"id": "s", "title": "Report", "author": "Someone", "date": "2024"}],
)


def codes(analysis, target):
    return sorted(f.code for f in analysis.findings_for(target))


def test_findings_by_target_and_link_flags():
    analysis = analyse(build(**CASE))
    assert codes(analysis, "p") == ["AM101"]
    assert codes(analysis, "pc") == ["AM103", "AM108"]
    assert sorted(f.code for f in analysis.link_flags("pc")) == ["AM101", "AM103"]
    assert analysis.link_flags("qc") == []
    assert analysis.is_unsourced("p") and not analysis.is_unsourced("q")
    assert analysis.conclusions == ["c"] and analysis.labels["c"] == "IN"
    assert analysis.strengths == analysis.evaluation.strengths
    assert set(analysis.graph.nodes) == {"c", "p", "q", "pc", "qc"}


def test_select_and_ignore_take_codes_names_and_prefixes():
    amap = build(**CASE)
    assert {f.code for f in analyse(amap, select=["weak-link"]).findings} == {"AM103"}
    assert {f.code for f in analyse(amap, select=["AM10"], ignore=["AM103", "unsourced-premise"])
            .findings} == {"AM108"}
    with pytest.raises(UsageError, match="unknown rule 'AM999'"):
        analyse(amap, ignore=["AM999"])


def test_map_lint_section_ignores_and_changes_severity():
    amap = build(**CASE, lint={"ignore": ["missing-warrant"], "severity": {"AM101": "error"}})
    analysis = analyse(amap)
    assert "AM108" not in {f.code for f in analysis.findings}
    assert [f.severity for f in analysis.findings_for("p")] == ["error"]


def test_suppression_silences_a_rule_on_one_claim_and_needs_a_reason():
    case = {**CASE, "claims": [*CASE["claims"][:1],
                               {**CASE["claims"][1], "ignore": {"unsourced-premise": ""}},
                               CASE["claims"][2]]}
    analysis = analyse(build(**case))
    assert codes(analysis, "p") == ["AM113"]
    case["claims"][1]["ignore"] = {"AM101": "common ground in this debate"}
    assert codes(analyse(build(**case)), "p") == []


def test_every_rule_has_code_name_severity_and_summary():
    assert len(RULES) >= 12
    for code, rule_ in RULES.items():
        assert code == rule_.code and rule_.name and rule_.summary
        assert rule_.severity in ("error", "warning", "info")


def test_analysis_of_a_ten_thousand_claim_map_with_a_cycle_finishes():
    n = 10_000
    claims = [{"id": f"c{i}", "text": "Every city grew 40% in a decade." if i % 9 == 0 else
               "Cities grow.", "kind": "conclusion" if i == 0 else "premise"} for i in range(n)]
    links = [{"from": f"c{i}", "to": f"c{(i - 1) // 3}",
              "type": "attacks" if i % 4 == 0 else "supports"} for i in range(1, n)]
    links.append({"from": "c1", "to": f"c{n - 1}"})  # a long loop back into the tree
    links.append({"from": "c0", "to": "c1"})  # c1 supports c0 and c0 supports c1: a cycle
    analysis = analyse(build(claims, links))
    assert analysis.evaluation.cyclic
    assert "AM106" in {f.code for f in analysis.findings}
    assert len(analysis.labels) == n and len(analysis.strengths) == n + len(links)


def test_a_generated_link_id_in_a_message_comes_with_the_links_premises_and_target():
    from argmap.io import loads_map

    amap = loads_map("title: t\nclaims:\n  - {id: c, text: C, kind: conclusion}\n"
                     "  - {id: a, text: A}\n  - {id: b, text: B}\n"
                     "links:\n  - {from: [a, b], to: c, strength: weak}\n"
                     "  - {id: mine, from: a, to: b, strength: weak}\n", "yaml")
    messages = [f.message for f in analyse(amap).findings if f.code == "AM103"]
    assert any("The link 'l1' (a, b -> c) is marked weak" in m for m in messages), messages
    assert any("The link 'mine' is marked weak" in m for m in messages), messages


def test_without_lint_the_rules_run_when_the_findings_are_first_asked_for(monkeypatch):
    import argmap.analysis.analysis as module

    amap = build(**CASE)
    eager = analyse(amap)
    calls = []
    real = module.run_rules
    monkeypatch.setattr(module, "run_rules", lambda *a: calls.append(1) or real(*a))
    lazy = analyse(amap, lint=False)
    assert calls == [] and lazy.strengths == eager.strengths
    assert lazy.findings == eager.findings and lazy.labels == eager.labels
    assert codes(lazy, "pc") == ["AM103", "AM108"]
    assert calls == [1]  # once, kept


def test_without_lint_an_unknown_rule_is_still_refused_at_once():
    with pytest.raises(UsageError, match="unknown rule"):
        analyse(build(**CASE), select=["AM999"], lint=False)
