"""Grounded labelling, cross-checked against brute-force enumeration of complete labellings."""

from __future__ import annotations

import itertools
import random

import pytest
from inline_maps import build, random_map

from argmap.analysis import grounded
from argmap.analysis.evaluation.dung import IN, OUT, UNDEC, attack_framework, grounded_labels
from argmap.analysis.index import MapIndex


def complete_labellings(args: list[str], attacks: set[tuple[str, str]]):
    """Every complete labelling: IN iff all attackers OUT, OUT iff some attacker IN."""
    attackers = {a: [x for x, y in attacks if y == a] for a in args}
    for values in itertools.product((IN, OUT, UNDEC), repeat=len(args)):
        lab = dict(zip(args, values, strict=True))
        if all((lab[a] == IN) == all(lab[x] == OUT for x in attackers[a])
               and (lab[a] == OUT) == any(lab[x] == IN for x in attackers[a]) for a in args):
            yield lab


def brute_grounded(args: list[str], attacks: set[tuple[str, str]]) -> dict[str, str]:
    """The grounded labelling is the complete labelling with the fewest IN arguments."""
    labellings = complete_labellings(args, attacks)
    return min(labellings, key=lambda lab: sum(v == IN for v in lab.values()))


@pytest.mark.parametrize("seed", range(300))
def test_grounded_matches_brute_force_on_random_frameworks(seed):
    rng = random.Random(seed)
    args = [f"a{i}" for i in range(rng.randint(1, 6))]
    density = rng.choice((0.1, 0.25, 0.4))
    attacks = {(x, y) for x in args for y in args if rng.random() < density}
    assert grounded_labels(args, attacks) == brute_grounded(args, attacks)


def test_chain_reinstates_and_odd_cycle_is_undecided():
    assert grounded_labels("abc", [("a", "b"), ("b", "c")]) == {"a": IN, "b": OUT, "c": IN}
    assert set(grounded_labels("xyz", [("x", "y"), ("y", "z"), ("z", "x")]).values()) == {UNDEC}


def test_answered_objection_leaves_the_conclusion_standing():
    amap = build(["c", "objection", "answer"], [
        {"from": "objection", "to": "c", "type": "attacks"},
        {"from": "answer", "to": "objection", "type": "attacks"}])
    assert grounded(amap) == {"c": IN, "objection": OUT, "answer": IN}


def test_linked_attack_falls_when_one_co_premise_falls():
    amap = build(["c", "p", "q", "r"], [
        {"from": ["p", "q"], "to": "c", "type": "attacks"},
        {"from": "r", "to": "q", "type": "attacks"}])
    assert grounded(amap) == {"c": IN, "p": IN, "q": OUT, "r": IN}


def test_undercut_of_an_attack_reinstates_its_target():
    amap = build(["c", "objection", "cut"], [
        {"id": "obj", "from": "objection", "to": "c", "type": "attacks"},
        {"from": "cut", "to": "obj", "type": "attacks"}])
    assert grounded(amap) == {"c": IN, "objection": IN, "cut": IN}


def test_supports_and_undercuts_of_supports_do_not_change_labels():
    amap = build(["c", "p", "cut"], [
        {"id": "s", "from": "p", "to": "c"}, {"from": "cut", "to": "s", "type": "attacks"}])
    assert grounded(amap) == {"c": IN, "p": IN, "cut": IN}


def test_mutual_attack_is_undecided():
    amap = build(["a", "b"], [{"from": "a", "to": "b", "type": "attacks"},
                              {"from": "b", "to": "a", "type": "attacks"}])
    assert grounded(amap) == {"a": UNDEC, "b": UNDEC}


@pytest.mark.parametrize("seed", range(40))
def test_grounded_matches_python_argumentation_on_random_maps(seed):
    """An independent implementation, on maps of up to 40 claims with one attack link each."""
    aaf = pytest.importorskip(
        "py_arg.abstract_argumentation_classes.abstract_argumentation_framework")
    from py_arg.abstract_argumentation_classes.argument import Argument
    from py_arg.abstract_argumentation_classes.defeat import Defeat
    from py_arg.algorithms.semantics.get_grounded_extension import get_grounded_extension

    rng = random.Random(1000 + seed)
    n = rng.randint(2, 40)
    attacks = sorted({(rng.randrange(n), rng.randrange(n)) for _ in range(rng.randint(1, 2 * n))})
    attacks = [(a, b) for a, b in attacks if a != b]  # a map refuses self-attacks
    amap = build([f"a{i}" for i in range(n)],
                 [{"from": f"a{a}", "to": f"a{b}", "type": "attacks"} for a, b in attacks])
    args = [Argument(f"a{i}") for i in range(n)]
    framework = aaf.AbstractArgumentationFramework(
        "random", args, [Defeat(args[a], args[b]) for a, b in attacks])
    expected_in = {arg.name for arg in get_grounded_extension(framework)}
    labels = grounded(amap)
    assert {c for c, label in labels.items() if label == IN} == expected_in
    attacked_by_in = {f"a{b}" for a, b in attacks if f"a{a}" in expected_in}
    assert {c for c, label in labels.items() if label == OUT} == attacked_by_in


@pytest.mark.parametrize("cyclic", [False, True], ids=["acyclic", "cyclic"])
@pytest.mark.parametrize("seed", range(60))
def test_grounded_matches_the_framework_written_out(seed, cyclic):
    """Linked attacks, undercuts (of supports and of attacks) and cycles: the implicit
    framework gives the labels of the one written out pair by pair."""
    amap = random_map(seed, cyclic)
    index = MapIndex(amap)
    labels = grounded_labels(*attack_framework(index))
    expected = {c.id: labels[c.id] for c in amap.claims}
    assert grounded(amap) == expected
    assert grounded(amap, index=index) == expected  # from the index's numbers


def test_attack_on_a_linked_premise_reaches_each_attack_that_uses_it():
    amap = build(["c", "d", "p", "q", "r"], [
        {"from": ["p", "q"], "to": "c", "type": "attacks"},
        {"from": "p", "to": "d", "type": "attacks"},
        {"from": "r", "to": "p", "type": "attacks"}])
    assert grounded(amap) == {"c": IN, "d": IN, "p": OUT, "q": IN, "r": IN}
