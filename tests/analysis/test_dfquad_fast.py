"""The array evaluation gives what the node-by-node (plain) evaluation gives, on random maps
with linked premises, undercuts, support and attack cycles, and removed claims."""

from __future__ import annotations

import random

import pytest
from inline_maps import build, random_map

from argmap.analysis import analyse, evaluate, what_if
from argmap.analysis.evaluation.dfquad import WEIGHTS, Evaluator
from argmap.analysis.evaluation.semantics import SEMANTICS
from argmap.analysis.evaluation.strengths import _Arrays, claim_by_claim, dependency_order
from argmap.analysis.index import MapIndex
from argmap.analysis.numbered import Numbered
from tests.analysis.plain_dfquad import plain_evaluation


def assert_same(fast, plain):
    assert fast.strengths.keys() == plain.strengths.keys()
    for node, value in plain.strengths.items():
        assert fast.strengths[node] == pytest.approx(value, abs=1e-9), node
    assert (fast.iterations, fast.converged, fast.cyclic) == (
        plain.iterations, plain.converged, plain.cyclic)


@pytest.mark.parametrize("semantics", sorted(SEMANTICS))
@pytest.mark.parametrize("cyclic", [False, True], ids=["acyclic", "cyclic"])
@pytest.mark.parametrize("seed", range(60))
def test_array_evaluation_matches_the_plain_one(seed, cyclic, semantics):
    amap = random_map(seed, cyclic)
    index = MapIndex(amap)
    plain = plain_evaluation(Evaluator(index, semantics=semantics))
    assert_same(Evaluator(index, semantics=semantics).run(), plain)
    # without an index: straight from the map
    assert_same(evaluate(amap, semantics=semantics), plain)
    if not cyclic:
        assert not plain.cyclic


@pytest.mark.parametrize("seed", range(30))
def test_removing_claims_matches_the_plain_evaluation(seed):
    amap = random_map(seed, cyclic=seed % 2 == 1)
    rng = random.Random(seed)
    removed = rng.sample([c.id for c in amap.claims], rng.randint(1, 3))
    index = MapIndex(amap)
    plain = plain_evaluation(Evaluator(index, removed=removed))
    assert_same(evaluate(amap, removed=removed), plain)
    assert what_if(amap, removed) == evaluate(amap, removed=removed).strengths
    assert not set(removed) & set(plain.strengths)


def test_weights_reach_the_array_evaluation():
    amap = random_map(3, cyclic=False)
    weights = {"moderate": 0.5, "weak": 0.1}
    plain = plain_evaluation(Evaluator(MapIndex(amap), weights))
    assert_same(evaluate(amap, weights=weights), plain)


def test_cycle_behind_an_acyclic_part_feeds_what_follows():
    """A support cycle fed by a chain and feeding a conclusion through an undercut link."""
    amap = build(
        [{"id": "root", "text": "R", "confidence": 0.9}, "a", "b", "c",
         {"id": "cut", "text": "U", "confidence": 0.3}],
        [{"id": "in", "from": "root", "to": "a", "strength": "strong"},
         {"id": "ab", "from": "a", "to": "b"}, {"id": "ba", "from": "b", "to": "a"},
         {"id": "bc", "from": ["b", "root"], "to": "c"},
         {"id": "u", "from": "cut", "to": "bc", "type": "attacks"}])
    result = evaluate(amap)
    assert result.cyclic and result.converged and result.iterations > 1
    assert_same(result, plain_evaluation(Evaluator(MapIndex(amap))))


@pytest.mark.parametrize("cyclic", [False, True], ids=["acyclic", "cyclic"])
@pytest.mark.parametrize("seed", range(30))
def test_dependency_order_puts_each_node_after_what_it_needs(seed, cyclic):
    amap = random_map(seed, cyclic)
    index = MapIndex(amap)
    order = dependency_order(index.numbered())
    assert (order is None) == (index.topological_order() is None)
    if order is not None:
        ids = [*index.claims, *index.links]
        rank = {ids[i]: r for r, i in enumerate(order)}
        assert sorted(order) == list(range(len(ids)))
        assert all(rank[dep] < rank[node] for node in ids for dep in index.dependencies(node))


def reordered(amap, how: str, seed: int = 0):
    """The same map with its claims listed in another order."""
    claims = list(amap.claims)
    if how == "reversed":
        claims.reverse()
    else:
        random.Random(seed).shuffle(claims)
    return amap.model_copy(update={"claims": claims})


@pytest.mark.parametrize("semantics", sorted(SEMANTICS))
@pytest.mark.parametrize("how", ["reversed", "shuffled"])
@pytest.mark.parametrize("seed", range(40))
def test_claim_order_does_not_change_the_strengths(seed, how, semantics):
    """Random acyclic maps list each premise after the claim it bears on (the claim-by-claim
    pass from the end); reversed they list it before (the pass from the start); shuffled,
    mostly neither (Kahn's pass). All three agree with the plain evaluation."""
    amap = reordered(random_map(seed, cyclic=False), how, seed)
    plain = plain_evaluation(Evaluator(MapIndex(amap), semantics=semantics))
    assert_same(evaluate(amap, semantics=semantics), plain)
    assert_same(Evaluator(MapIndex(amap), semantics=semantics).run(), plain)
    removed = [amap.claims[seed % len(amap.claims)].id]
    assert_same(evaluate(amap, removed=removed, semantics=semantics),
                plain_evaluation(Evaluator(MapIndex(amap), removed=removed, semantics=semantics)))


def test_claim_by_claim_pass_only_for_maps_in_dependency_order():
    top_down = build(["c", "a", "b", "u"],
                     [{"id": "ac", "from": ["a", "b"], "to": "c"},
                      {"id": "cut", "from": "u", "to": "ac", "type": "attacks"}])
    bottom_up = reordered(top_down, "reversed")
    mixed = build(["a", "c", "b"], [{"from": ["a", "b"], "to": "c"}])
    undercut_first = build(["u", "c", "a"], [{"id": "ac", "from": "a", "to": "c"},
                                            {"from": "u", "to": "ac", "type": "attacks"}])
    late = build(["c", "a", "d", "b"], [{"from": "a", "to": "c"}, {"from": "b", "to": "a"},
                                        {"from": "c", "to": "d"}])  # the third link is not
    maps = {"top_down": top_down, "bottom_up": bottom_up, "mixed": mixed,
            "undercut_first": undercut_first, "late": late}
    taken = {name: claim_by_claim(_Arrays(Numbered.from_map(m), WEIGHTS, ())) is not None
             for name, m in maps.items()}
    assert taken == {"top_down": True, "bottom_up": True, "mixed": False,
                     "undercut_first": False, "late": False}
    for amap in maps.values():
        assert_same(evaluate(amap), plain_evaluation(Evaluator(MapIndex(amap))))


@pytest.mark.parametrize("length", [5, 150, 2_000])
def test_a_long_chain_of_undercuts_is_evaluated_without_deep_recursion(length):
    """Each link attacks the one before it: the claim-by-claim pass hands a chain nested
    deeper than it recurses to Kahn's pass; both give the plain evaluation's strengths."""
    claims = [{"id": "goal", "text": "G", "kind": "conclusion"}] + [
        {"id": f"p{i}", "text": f"P{i}"} for i in range(length + 1)]
    links = [{"id": "l0", "from": "p0", "to": "goal"}] + [
        {"id": f"l{i}", "from": f"p{i}", "to": f"l{i - 1}", "type": "attacks"}
        for i in range(1, length + 1)]
    amap = build(claims, links)
    plain = plain_evaluation(Evaluator(MapIndex(amap)))
    assert_same(evaluate(amap), plain)
    assert analyse(amap).strengths["goal"] == pytest.approx(plain.strengths["goal"], abs=1e-9)
