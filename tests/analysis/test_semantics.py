"""The gradual semantics against the papers' formulas and properties, and on small maps."""

from __future__ import annotations

import math

import pytest
from inline_maps import build

from argmap.analysis import cruxes, evaluate, what_if
from argmap.analysis.evaluation.semantics import DEFAULT_SEMANTICS, SEMANTICS

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
    assert evaluate(six).strengths["c"] == pytest.approx(
        0.4 + 0.6 * 1.68 ** 2 / (1 + 1.68 ** 2))  # 0.843, the default: quadratic energy
    twelve = pile(12)
    assert evaluate(twelve, semantics="dfquad").strengths["c"] > 0.97
    assert evaluate(twelve).strengths["c"] < 0.96
    assert DEFAULT_SEMANTICS == "quadratic"


@pytest.mark.parametrize("name", sorted(SEMANTICS))
def test_what_if_and_cruxes_use_the_chosen_semantics(name):
    amap = pile(3)
    full = evaluate(amap, semantics=name).strengths["c"]
    without = what_if(amap, ["p0"], semantics=name)["c"]
    assert without == pytest.approx(evaluate(pile(2), semantics=name).strengths["c"])
    (top, *_rest) = cruxes(amap, semantics=name)
    assert top.before == pytest.approx(full) and top.after == pytest.approx(without)


def test_crux_updates_of_a_claim_with_many_reasons_match_a_full_evaluation():
    """From eight links in, what-if updates a claim from cached sums (quadratic energy)."""
    amap = pile(10)
    for crux in cruxes(amap):
        assert crux.after == pytest.approx(what_if(amap, [crux.claim])["c"])
