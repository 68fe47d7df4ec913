"""DF-QuAD strengths against values worked by hand (``semantics="dfquad"``; the maps here use
one flat base, 0.5 unless set, with the evidence levels off: the levels are tested in
test_base_scores.py)."""

from __future__ import annotations

import pytest
from inline_maps import build as build_map

from argmap.analysis import evaluate as evaluate_with
from argmap.analysis.evaluation.dfquad import MAX_SWEEPS
from argmap.analysis.evaluation.semantics import aggregate, combine


def build(claims, links=(), **extra):
    defaults = {"evidence": False, **extra.pop("defaults", {})}
    return build_map(claims, links, defaults=defaults, **extra)


def evaluate(amap, **options):
    return evaluate_with(amap, semantics="dfquad", **options)


def test_aggregate_and_combine_follow_the_formulas():
    assert aggregate([]) == 0.0
    assert aggregate([0.5, 0.5]) == pytest.approx(0.75)  # 1 - 0.5 * 0.5
    assert combine(0.6, 0.3, 0.3) == 0.6
    assert combine(0.6, 0.0, 0.5) == pytest.approx(0.3)  # 0.6 - 0.6 * 0.5
    assert combine(0.6, 0.5, 0.0) == pytest.approx(0.8)  # 0.6 + 0.4 * 0.5


def test_undercut_lowers_the_link_it_attacks():
    amap = build(
        [{"id": "a", "text": "A", "confidence": 0.8}, "b",
         {"id": "u", "text": "U", "confidence": 0.6}],
        [{"id": "l", "from": "a", "to": "b", "strength": "strong"},
         {"id": "cut", "from": "u", "to": "l", "type": "attacks"}],
    )
    s = evaluate(amap).strengths
    # cut = 0.6 (u) * 0.7 (moderate) = 0.42
    assert s["cut"] == pytest.approx(0.42)
    # l: base 0.8 (a) * 1.0 (strong) = 0.8; attacked by 0.42: 0.8 - 0.8 * 0.42 = 0.464
    assert s["l"] == pytest.approx(0.464)
    # b: base 0.5 (map default), support 0.464: 0.5 + 0.5 * 0.464 = 0.732
    assert s["b"] == pytest.approx(0.732)


def test_linked_premises_take_the_weakest_and_reasons_combine():
    amap = build(
        [{"id": "p", "text": "P", "confidence": 0.9}, {"id": "q", "text": "Q", "confidence": 0.6},
         "s", "r", "c"],
        [{"id": "linked", "from": ["p", "q"], "to": "c", "strength": "strong"},
         {"id": "extra", "from": "s", "to": "c", "strength": "weak"},
         {"id": "against", "from": "r", "to": "c", "type": "attacks"}],
    )
    s = evaluate(amap).strengths
    # linked = min(0.9, 0.6) * 1.0 = 0.6; extra = 0.5 * 0.4 = 0.2; against = 0.5 * 0.7 = 0.35
    assert (s["linked"], s["extra"], s["against"]) == pytest.approx((0.6, 0.2, 0.35))
    # vs = 1 - (1 - 0.6)(1 - 0.2) = 0.68 > va = 0.35: c = 0.5 + 0.5 * (0.68 - 0.35) = 0.665
    assert s["c"] == pytest.approx(0.665)


def test_map_default_and_weights_can_be_changed():
    amap = build(["a", "b"], [{"from": "a", "to": "b"}], defaults={"confidence": 0.2})
    # l1 = 0.2 * 0.7 = 0.14; b = 0.2 + 0.8 * 0.14 = 0.312
    assert evaluate(amap).strengths["b"] == pytest.approx(0.312)
    # with moderate weighing 0.5: l1 = 0.1; b = 0.2 + 0.8 * 0.1 = 0.28
    assert evaluate(amap, weights={"moderate": 0.5}).strengths["b"] == pytest.approx(0.28)


def test_acyclic_map_is_one_pass():
    result = evaluate(build(["a", "b"], [{"from": "a", "to": "b"}]))
    assert (result.iterations, result.converged, result.cyclic) == (1, True, False)


def test_support_cycle_reaches_the_fixpoint():
    amap = build(["a", "b"], [{"from": "a", "to": "b"}, {"from": "b", "to": "a"}])
    result = evaluate(amap)
    # a = 0.5 + 0.5 * 0.7 * b and b = 0.5 + 0.5 * 0.7 * a: x = 0.5 + 0.35 x, x = 10/13
    assert result.strengths["a"] == pytest.approx(10 / 13)
    assert result.strengths["b"] == pytest.approx(10 / 13)
    assert result.cyclic and result.converged and 1 < result.iterations < MAX_SWEEPS


def test_attack_cycle_reaches_the_fixpoint_and_feeds_what_follows():
    amap = build(["a", "b", "c"], [
        {"from": "a", "to": "b", "type": "attacks"}, {"from": "b", "to": "a", "type": "attacks"},
        {"id": "on", "from": "a", "to": "c", "strength": "strong"}])
    s = evaluate(amap).strengths
    # a = 0.5 - 0.5 * 0.7 * b, b likewise: x = 0.5 - 0.35 x, x = 10/27
    assert s["a"] == pytest.approx(10 / 27)
    # c = 0.5 + 0.5 * (10/27 * 1.0) = 0.5 + 5/27
    assert s["c"] == pytest.approx(0.5 + 5 / 27)


def test_removed_claims_take_their_links_with_them():
    amap = build(["a", "b", "c"], [{"id": "ab", "from": ["a", "b"], "to": "c"}])
    s = evaluate(amap, removed={"a"}).strengths
    assert "a" not in s and "ab" not in s
    assert s["c"] == 0.5


def test_ten_thousand_claims_terminate_with_and_without_cycles():
    n = 10_000
    claims = [{"id": f"c{i}", "text": f"Claim {i}."} for i in range(n)]
    links = [{"from": f"c{i}", "to": f"c{i // 2}", "type": "attacks" if i % 3 == 0 else "supports"}
             for i in range(1, n)]
    result = evaluate(build(claims, links))
    assert not result.cyclic and len(result.strengths) == 2 * n - 1
    links.append({"from": "c0", "to": f"c{n - 1}"})  # one long cycle through the tree
    result = evaluate(build(claims, links))
    assert result.cyclic
    assert all(0.0 <= v <= 1.0 for v in result.strengths.values())
