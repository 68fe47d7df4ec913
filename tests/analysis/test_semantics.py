"""The gradual semantics against the papers' formulas and properties, and on small maps."""

from __future__ import annotations

import math
import random

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from inline_maps import build, random_map

from argmap.analysis import cruxes, evaluate, what_if
from argmap.analysis.evaluation.semantics import DEFAULT_SEMANTICS, SEMANTICS, damped

QE, EULER, DFQUAD = SEMANTICS["quadratic"], SEMANTICS["euler"], SEMANTICS["dfquad"]


def test_quadratic_energy_follows_potyka_2018():
    # one supporter of strength 1 against base 0.5: E = 1, h = 1/2: 0.5 + 0.5 * 0.5
    assert QE.strength(0.5, [1.0], []) == pytest.approx(0.75)
    assert QE.strength(0.5, [], [1.0]) == pytest.approx(0.25)  # 0.5 - 0.5 * 0.5
    # supports sum: two of 0.5 are one of 1
    assert QE.strength(0.3, [0.5, 0.5], []) == pytest.approx(QE.strength(0.3, [1.0], []))
    # E = 2: h = 4/5
    assert QE.strength(0.2, [1.0, 1.0], []) == pytest.approx(0.2 + 0.8 * 0.8)
    # open-minded: enough attack takes any base toward 0, enough support toward 1
    assert QE.strength(0.9, [], [50.0]) < 0.001 and QE.strength(0.1, [50.0], []) > 0.999


def test_euler_based_follows_amgoud_and_ben_naim_2017():
    # 1 - (1 - w²) / (1 + w·e^E)
    assert EULER.strength(0.5, [], []) == pytest.approx(0.5)
    assert EULER.strength(0.5, [1.0], []) == pytest.approx(1 - 0.75 / (1 + 0.5 * math.e))
    assert EULER.strength(0.5, [], [1.0]) == pytest.approx(1 - 0.75 / (1 + 0.5 / math.e))
    # its known limits: never below w² under attack, and a base of 0 stays 0
    assert EULER.strength(0.5, [], [100.0]) == pytest.approx(0.25)
    assert EULER.strength(0.0, [5.0], []) == 0.0
    assert EULER.strength(0.5, [1000.0], []) == 1.0  # no overflow


def test_dfquad_follows_rago_2016():
    assert DFQUAD.strength(0.5, [1.0], []) == 1.0
    assert DFQUAD.strength(0.5, [], [1.0]) == 0.0
    assert DFQUAD.strength(0.4, [0.5, 0.5], []) == pytest.approx(0.4 + 0.6 * 0.75)


@pytest.mark.parametrize("name", sorted(SEMANTICS))
def test_balance_and_monotony_hold_in_every_semantics(name):
    s = SEMANTICS[name]
    assert s.strength(0.4, [0.3], [0.3]) == pytest.approx(0.4)  # equal pull: the base
    assert s.strength(0.4, [0.3, 0.2], []) > s.strength(0.4, [0.3], []) > 0.4
    assert s.strength(0.4, [], [0.3, 0.2]) < s.strength(0.4, [], [0.3]) < 0.4


def pile(n, **claim):
    """A conclusion held up by ``n`` bare premises through moderate links."""
    premises = [f"p{i}" for i in range(n)]
    return build([{"id": "c", "text": "C", "kind": "conclusion", **claim}, *premises],
                 [{"from": p, "to": "c"} for p in premises])


def test_a_pile_of_bare_reasons_lifts_quadratic_energy_less_than_dfquad():
    # six bare premises (base 0.4) through moderate links, as under `bifurcation` in the
    # china-catching-up map: each link is worth 0.28
    six = pile(6)
    assert evaluate(six, semantics="dfquad").strengths["c"] == pytest.approx(
        0.4 + 0.6 * (1 - 0.72 ** 6))  # 0.917
    assert evaluate(six, semantics="quadratic").strengths["c"] == pytest.approx(
        0.4 + 0.6 * 1.68 ** 2 / (1 + 1.68 ** 2))  # 0.843
    twelve = pile(12)
    assert evaluate(twelve, semantics="dfquad").strengths["c"] > 0.97
    assert evaluate(twelve, semantics="quadratic").strengths["c"] < 0.96


def test_the_damped_sum_counts_each_further_reason_half():
    assert damped([]) == 0.0
    assert damped([0.3]) == 0.3
    assert damped([0.1, 0.4, 0.2]) == pytest.approx(0.4 + 0.2 / 2 + 0.1 / 4)
    # six bare reasons worth 0.28: 0.28 * (1 + 1/2 + ... + 1/32) = 0.55125
    assert evaluate(pile(6)).strengths["c"] == pytest.approx(
        0.4 + 0.6 * 0.55125 ** 2 / (1 + 0.55125 ** 2))  # 0.540
    assert DEFAULT_SEMANTICS == "damped"


def test_two_quoted_reasons_outweigh_five_bare_ones():
    """The issue's case: a conclusion carried by five bare assertions against one carried by
    two quoted premises, all through moderate links, both conclusions unsourced."""
    quoted = {"source": "study", "locator": "p. 4", "quote": "as measured"}
    amap = build(
        [{"id": "bare-case", "text": "B", "kind": "conclusion"},
         {"id": "quoted-case", "text": "Q", "kind": "conclusion"},
         *[f"bare{i}" for i in range(5)],
         *[{"id": f"quoted{i}", "text": f"Q{i}", "evidence": [quoted]} for i in range(2)]],
        [*[{"from": f"bare{i}", "to": "bare-case"} for i in range(5)],
         *[{"from": f"quoted{i}", "to": "quoted-case"} for i in range(2)]],
        sources=[{"id": "study", "title": "A study", "author": "B. Scholar", "date": "2023"}])
    s = evaluate(amap).strengths
    assert s["quoted0"] == 0.8 and s["bare0"] == 0.4  # the evidence levels
    assert s["quoted-case"] > s["bare-case"] + 0.1  # 0.648 against 0.536
    # quadratic energy's plain sum, for comparison, ranks them the other way
    plain = evaluate(amap, semantics="quadratic").strengths
    assert plain["bare-case"] > plain["quoted-case"]


@pytest.mark.parametrize("strength", ["moderate", "strong"])
def test_forty_unsourced_premises_stay_well_below_0_9(strength):
    premises = [f"p{i}" for i in range(40)]
    amap = build(["c", *premises], [{"from": p, "to": "c", "strength": strength}
                                    for p in premises])
    # the damped sum of forty reasons worth v stays under 2v: 0.56 (moderate), 0.8 (strong)
    assert evaluate(amap).strengths["c"] < (0.55 if strength == "moderate" else 0.64)
    assert evaluate(amap, semantics="quadratic").strengths["c"] > 0.99


@pytest.mark.parametrize("name", sorted(SEMANTICS))
def test_what_if_and_cruxes_use_the_chosen_semantics(name):
    amap = pile(3)
    full = evaluate(amap, semantics=name).strengths["c"]
    without = what_if(amap, ["p0"], semantics=name)["c"]
    assert without == pytest.approx(evaluate(pile(2), semantics=name).strengths["c"])
    (top, *_rest) = cruxes(amap, semantics=name)
    assert top.before == pytest.approx(full) and top.after == pytest.approx(without)


@pytest.mark.parametrize("name", sorted(SEMANTICS))
def test_crux_updates_of_a_claim_with_many_reasons_match_a_full_evaluation(name):
    """From eight links in, what-if updates a claim from cached sums or products (the damped
    sum is recomputed)."""
    amap = pile(10)
    for crux in cruxes(amap, semantics=name):
        assert crux.after == pytest.approx(what_if(amap, [crux.claim], semantics=name)["c"])


# Properties of the damped semantics (the default), over generated inputs

unit = st.floats(min_value=0.0, max_value=1.0, allow_nan=False)
values = st.lists(unit, max_size=12)
DAMPED = SEMANTICS["damped"]


@given(base=unit, sup=values, att=values)
def test_damped_strength_stays_in_the_unit_interval(base, sup, att):
    assert 0.0 <= DAMPED.strength(base, sup, att) <= 1.0
    assert damped(sup) <= 2 * max(sup, default=0.0)  # never more than twice the best reason


@given(base=unit, sup=values, att=values, rng=st.randoms(use_true_random=False))
def test_damped_strength_does_not_depend_on_the_links_order(base, sup, att, rng):
    shuffled_sup, shuffled_att = list(sup), list(att)
    rng.shuffle(shuffled_sup)
    rng.shuffle(shuffled_att)
    assert DAMPED.strength(base, shuffled_sup, shuffled_att) == DAMPED.strength(base, sup, att)


@given(base=unit, sup=values, att=values, extra=unit)
def test_a_further_support_never_lowers_and_a_further_attack_never_raises(base, sup, att, extra):
    now = DAMPED.strength(base, sup, att)
    assert DAMPED.strength(base, [*sup, extra], att) >= now
    assert DAMPED.strength(base, sup, [*att, extra]) <= now


@given(base=unit, sup=values.filter(bool), att=values.filter(bool), data=st.data())
def test_a_stronger_reason_never_lowers_and_a_stronger_attack_never_raises(base, sup, att, data):
    now = DAMPED.strength(base, sup, att)
    i = data.draw(st.integers(0, len(sup) - 1))
    raised = data.draw(st.floats(min_value=sup[i], max_value=1.0))
    assert DAMPED.strength(base, [*sup[:i], raised, *sup[i + 1:]], att) >= now
    j = data.draw(st.integers(0, len(att) - 1))
    raised = data.draw(st.floats(min_value=att[j], max_value=1.0))
    assert DAMPED.strength(base, sup, [*att[:j], raised, *att[j + 1:]]) <= now


@settings(max_examples=40)
@given(seed=st.integers(0, 10_000), cyclic=st.booleans(), rng=st.randoms(use_true_random=False))
def test_a_map_evaluates_the_same_whatever_the_order_of_its_claims_and_links(seed, cyclic, rng):
    amap = random_map(seed, cyclic)
    shuffled = amap.model_copy(deep=True)
    rng.shuffle(shuffled.claims)
    rng.shuffle(shuffled.links)
    result = evaluate(amap)
    assert result.converged
    assert all(0.0 <= v <= 1.0 for v in result.strengths.values())
    again = evaluate(shuffled).strengths
    for node, value in result.strengths.items():  # a cycle settles within the tolerance
        assert again[node] == pytest.approx(value, abs=1e-7), node


@settings(max_examples=40)
@given(seed=st.integers(0, 10_000), base=unit, strength=st.sampled_from(["weak", "strong"]))
def test_adding_a_reason_to_a_claim_never_lowers_it(seed, base, strength):
    amap = random_map(seed, cyclic=False)
    target = amap.claims[0].id  # in an acyclic random map, nothing depends on c0's links
    more = build([*(c.model_dump(by_alias=True, exclude_none=True) for c in amap.claims),
                  {"id": "new", "text": "New.", "confidence": base}],
                 [*(lk.model_dump(by_alias=True, exclude_none=True) for lk in amap.links),
                  {"from": "new", "to": target, "strength": strength}])
    assert evaluate(more).strengths[target] >= evaluate(amap).strengths[target]


def test_dense_cycles_settle_under_the_damped_sum():
    """Sixteen claims, most pairs joined by strong supports or attacks both ways: summed
    energy can oscillate there (Mossakowski and Neuhaus 2018 show sums cannot converge on
    every graph); the damped sum, worth at most twice its best reason, settles."""
    unsettled = {"damped": 0, "quadratic": 0}
    for seed in range(20):
        rng = random.Random(seed)
        claims = [{"id": f"c{i}", "text": "C.", "confidence": rng.random()} for i in range(16)]
        links = [{"from": f"c{i}", "to": f"c{j}", "strength": "strong",
                  "type": rng.choice(["supports", "attacks"])}
                 for i in range(16) for j in range(16) if i != j and rng.random() < 0.8]
        amap = build(claims, links)
        for name in unsettled:
            unsettled[name] += not evaluate(amap, semantics=name).converged
    assert unsettled["damped"] == 0 and unsettled["quadratic"] > 0
