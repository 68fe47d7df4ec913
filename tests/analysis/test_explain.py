"""Explanations: the base and why, each link's contribution, the grounded defeaters."""

from __future__ import annotations

import pytest
from inline_maps import build

from argmap.analysis import analyse, evaluate
from argmap.analysis.evaluation.explain import attack_label, explain
from argmap.analysis.evaluation.semantics import SEMANTICS

SOURCES = [{"id": "study", "title": "S", "author": "A", "date": "2024"}]
CASE = build(
    [{"id": "c", "text": "C", "kind": "conclusion"},
     {"id": "r", "text": "R", "evidence": [{"source": "study", "locator": "p. 1", "quote": "q"}]},
     "s", "obj", "answer", "counter"],
    [{"id": "r-c", "from": "r", "to": "c", "strength": "strong"},
     {"id": "s-c", "from": "s", "to": "c", "strength": "weak"},
     {"id": "obj-c", "from": "obj", "to": "c", "type": "attacks"},
     {"id": "ans-obj", "from": "answer", "to": "obj", "type": "attacks"},
     {"id": "cut", "from": "counter", "to": "r-c", "type": "attacks"}],
    sources=SOURCES)


def test_contributions_are_the_change_each_link_makes_biggest_first():
    analysis = analyse(CASE)
    found = explain(analysis, "c")
    assert found.base.level == "unsourced" and found.conclusion
    assert [c.link for c in found.contributions] == ["r-c", "obj-c", "s-c"]
    s = analysis.strengths
    qe = SEMANTICS["quadratic"]
    # each change: the strength with every link, less the strength without that one
    assert found.contributions[0].change == pytest.approx(
        s["c"] - qe.strength(0.4, [s["s-c"]], [s["obj-c"]]))
    assert found.contributions[1].change < 0 < found.contributions[2].change
    assert found.contributions[0].undercut and not found.contributions[2].undercut
    assert found.strength == pytest.approx(s["c"])


def test_the_premise_evidence_shows_in_its_base():
    found = explain(analyse(CASE), "r")
    assert found.base.level == "quoted" and found.base.source == "study"
    assert "base 0.80: evidence with a quote and a locator ('study')" in found.lines()


def test_an_out_claim_names_the_attack_that_stands():
    analysis = analyse(CASE)
    found = explain(analysis, "obj")
    assert found.label == "OUT" and found.defeaters == ["ans-obj"]
    assert found.lines()[-1] == ("grounded: OUT, defeated by ans-obj from answer: an attack "
                                 "nothing defeats")
    assert explain(analysis, "c").lines()[-1] == "grounded: IN, every attack on it is defeated"
    assert explain(analysis, "s").lines()[-1] == "grounded: IN, nothing attacks it"


def test_a_defeated_attack_is_not_named():
    amap = build(["t", "x", "y", "z"],
                 [{"id": "x-t", "from": "x", "to": "t", "type": "attacks"},
                  {"id": "y-t", "from": "y", "to": "t", "type": "attacks"},
                  {"id": "z-y", "from": "z", "to": "y", "type": "attacks"}])
    analysis = analyse(amap)
    assert attack_label(analysis.index, analysis.labels, "y-t") == "OUT"
    assert explain(analysis, "t").defeaters == ["x-t"]


def test_mutual_attacks_are_undecided():
    amap = build(["a", "b"], [{"from": "a", "to": "b", "type": "attacks"},
                              {"from": "b", "to": "a", "type": "attacks"}])
    found = explain(analyse(amap), "a")
    assert found.label == "UNDEC" and found.defeaters == []
    assert found.lines()[-1].startswith("grounded: UNDEC")


def test_explanation_under_another_semantics_uses_its_strengths():
    analysis = analyse(CASE)
    strengths = evaluate(CASE, semantics="dfquad").strengths
    found = explain(analysis, "c", semantics="dfquad", strengths=strengths)
    assert found.strength == strengths["c"] and "DF-QuAD" in found.lines()[0]
    assert found.as_dict()["semantics"] == "dfquad"
