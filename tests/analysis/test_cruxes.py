"""What-if removal and the ranking of cruxes."""

from __future__ import annotations

import random

import pytest
from inline_maps import build

from argmap.analysis import cruxes, evaluate, what_if
from argmap.errors import UsageError

CASE = build(
    [{"id": "c", "text": "C", "kind": "conclusion"}, "strong-reason", "weak-reason", "objection",
     "deep"],
    [{"id": "s1", "from": "strong-reason", "to": "c", "strength": "strong"},
     {"id": "s2", "from": "weak-reason", "to": "c", "strength": "weak"},
     {"id": "a1", "from": "objection", "to": "c", "type": "attacks"},
     {"id": "d", "from": "deep", "to": "strong-reason"}],
)


def test_what_if_matches_evaluating_without_the_claim():
    after = what_if(CASE, ["strong-reason"])
    assert "strong-reason" not in after and "s1" not in after and "d" not in after
    # every claim cites nothing: base 0.4. Without s1: s2 = 0.4 * 0.4 = 0.16, a1 = 0.4 * 0.7
    # = 0.28; quadratic energy E = 0.16 - 0.28 = -0.12: c = 0.4 - 0.4 * E² / (1 + E²)
    assert after["c"] == pytest.approx(0.4 - 0.4 * 0.0144 / 1.0144)
    with pytest.raises(UsageError, match="no claim 'nope'"):
        what_if(CASE, ["nope"])


def test_cruxes_rank_by_drop_and_leave_out_objections():
    found = cruxes(CASE)
    # deep lifts strong-reason only a little (quadratic energy moves a base by E²/(1+E²), flat
    # near 0): losing it costs c less than losing the weak reason
    assert [c.claim for c in found] == ["strong-reason", "weak-reason", "deep"]
    before = evaluate(CASE).strengths["c"]
    for crux in found:
        assert crux.conclusion == "c" and crux.before == pytest.approx(before)
        assert crux.after == pytest.approx(what_if(CASE, [crux.claim])["c"])
        assert crux.drop == pytest.approx(crux.before - crux.after) and crux.drop > 0
    assert [c.claim for c in cruxes(CASE, top=1)] == ["strong-reason"]


def test_cruxes_on_a_cyclic_map_use_the_fixpoint():
    amap = build([{"id": "c", "text": "C", "kind": "conclusion"}, "a", "b"],
                 [{"from": "a", "to": "c"}, {"from": "a", "to": "b"}, {"from": "b", "to": "a"}])
    found = cruxes(amap)
    assert [c.claim for c in found] == ["a", "b"]
    assert found[0].after == pytest.approx(0.4)  # c alone: its base (no evidence)


def test_cruxes_of_an_unknown_conclusion_is_a_usage_error():
    with pytest.raises(UsageError, match="no claim 'x'"):
        cruxes(CASE, conclusion="x")


def test_cruxes_of_a_claim_that_is_not_a_conclusion_is_a_usage_error():
    with pytest.raises(UsageError, match="'deep' is not a conclusion of this map .*premise.*"
                                         "its conclusions: c"):
        cruxes(CASE, conclusion="deep")


@pytest.mark.parametrize("seed", range(30))
def test_incremental_cruxes_match_full_what_if_on_random_maps(seed):
    """Each crux's 'after' is what a full evaluation without the claim gives, cycles or not."""
    rng = random.Random(seed)
    n = rng.randint(3, 12)
    claims = [{"id": "c0", "text": "C", "kind": "conclusion"}] + [f"c{i}" for i in range(1, n)]
    links = []
    for i in range(1, n):
        target = rng.randrange(0, n)
        if target != i:
            links.append({"id": f"l{i}", "from": f"c{i}", "to": f"c{target}",
                          "type": rng.choice(["supports", "attacks"]),
                          "strength": rng.choice(["weak", "moderate", "strong"])})
    if links and rng.random() < 0.5:
        links.append({"from": f"c{rng.randrange(1, n)}", "to": links[0]["id"], "type": "attacks"})
    amap = build(claims, links)
    found = {c.claim: c for c in cruxes(amap)}
    before = evaluate(amap).strengths["c0"]
    for i in range(1, n):
        after = what_if(amap, [f"c{i}"])["c0"]
        if before - after > 1e-6:
            assert found[f"c{i}"].after == pytest.approx(after, abs=1e-6)
        else:
            assert f"c{i}" not in found or found[f"c{i}"].drop < 1e-6


def test_cruxes_of_a_claim_with_many_reasons_match_what_if():
    """A conclusion with 30 reasons and objections: updated from cached products."""
    rng = random.Random(7)
    claims = [{"id": "c", "text": "C", "kind": "conclusion"}]
    claims += [{"id": f"r{i}", "text": f"R{i}", "confidence": rng.random()} for i in range(30)]
    links = [{"from": f"r{i}", "to": "c", "type": "attacks" if i % 4 == 0 else "supports",
              "strength": rng.choice(["weak", "moderate", "strong"])} for i in range(30)]
    amap = build(claims, links)
    for crux in cruxes(amap):
        assert crux.after == pytest.approx(what_if(amap, [crux.claim])["c"], abs=1e-9)
    assert len(cruxes(amap)) == sum(1 for lk in links if lk["type"] == "supports")


def test_cruxes_over_several_conclusions_match_what_if_for_each():
    """Two conclusions sharing a reason: every (claim, conclusion) drop that what-if shows is
    listed, and nothing else."""
    amap = build(
        [{"id": "c1", "text": "C1", "kind": "conclusion"},
         {"id": "c2", "text": "C2", "kind": "conclusion"}, "shared", "only1", "only2", "doubt"],
        [{"from": "shared", "to": "c1", "strength": "strong"}, {"from": "shared", "to": "c2"},
         {"from": "only1", "to": "c1"}, {"from": "only2", "to": "c2", "strength": "weak"},
         {"from": "doubt", "to": "c2", "type": "attacks"}])
    before = evaluate(amap).strengths
    expected = set()
    for claim in ["shared", "only1", "only2", "doubt"]:
        after = what_if(amap, [claim])
        expected |= {(claim, goal) for goal in ("c1", "c2") if before[goal] - after[goal] > 1e-9}
    found = cruxes(amap)
    assert {(c.claim, c.conclusion) for c in found} == expected
    assert ("shared", "c1") in expected and ("shared", "c2") in expected
    assert all(c.after == pytest.approx(what_if(amap, [c.claim])[c.conclusion]) for c in found)


def test_every_public_name_is_what_it_names_whichever_is_asked_first():
    """A public name is never shadowed by a submodule of the same name (lazy imports)."""
    import subprocess
    import sys

    code = ("import argmap.analysis as a, types\n"
            "for n in ['what_if', 'Crux', 'evaluate', 'analyse', *a.__all__]:\n"
            "    assert not isinstance(getattr(a, n), types.ModuleType), n\n")
    subprocess.run([sys.executable, "-c", code], check=True)


@pytest.mark.parametrize("variant", ["dense", "cyclic"])
def test_cruxes_on_big_cyclic_parts_match_what_if(variant):
    """Links with 50-80 co-premises drawn from the whole map, or co-premises from further down:
    one strongly connected part holds most of the map, and each removal settles only what it
    moves in it. Every crux's 'after' is a full evaluation's without the claim."""
    from argmap.analysis.evaluation.strengths import dependency_order
    from argmap.analysis.index import MapIndex
    from argmap.model import ArgumentMap
    from benchmarks.commands import reshape
    from benchmarks.generate import Spec, generate

    amap = ArgumentMap.model_validate(reshape(generate(Spec(400)), variant))
    assert dependency_order(MapIndex(amap).numbered()) is None  # cyclic
    found = {(c.claim, c.conclusion): c for c in cruxes(amap)}
    assert len(found) > 50
    before = evaluate(amap).strengths
    rng = random.Random(3)
    for claim in rng.sample(sorted({claim for claim, _ in found}), 25):
        after = what_if(amap, [claim])
        for goal in MapIndex(amap).conclusions():
            crux = found.get((claim, goal))
            if crux is None:
                assert goal == claim or before[goal] - after[goal] < 1e-7
            else:
                assert crux.before == pytest.approx(before[goal], abs=1e-12)
                assert crux.after == pytest.approx(after[goal], abs=1e-7)
