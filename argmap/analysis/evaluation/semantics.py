"""The gradual semantics' formulas: how a base score and the values of the links into a node
make its strength (see :mod:`.dfquad` for the evaluation that applies them).

Each semantics is an aggregation of the supporting (and, apart, the attacking) link values and
an influence that moves the base score by the aggregates:

- ``dfquad``, DF-QuAD (Rago, Toni, Aurisicchio and Baroni 2016): aggregation 1 - Π(1 - v),
  a probabilistic sum that saturates at 1; the base moves linearly toward 1 or 0 by the
  difference of the two aggregates.
- ``quadratic``, quadratic energy (Potyka 2018; Baroni, Rago and Toni 2019 discuss it among the
  gradual semantics): aggregation by sum, energy E = Σs - Σa; the base moves toward 1 (or 0) by
  h(E) = E² / (1 + E²), so each further reason adds less and no pile of reasons reaches 1.
- ``euler``, Euler-based (Amgoud and Ben-Naim 2017): energy E = Σs - Σa, strength
  1 - (1 - τ²) / (1 + τ·e^E); a claim with base 0 stays at 0.
- ``damped``, the default: quadratic energy's influence over a damped sum of each side. The
  values are taken from the largest down and the k-th counts 2^-(k-1) (an ordered weighted
  sum in Yager's sense), so each further reason counts half the one before: a side's
  aggregate never exceeds twice its best reason, and a pile of weak reasons cannot outweigh
  a few strong ones. Between quadratic energy's sum and the "top" (max) aggregation of
  Mossakowski and Neuhaus (2018); see docs/evaluation.md.

>>> combine(0.5, aggregate([0.5]), aggregate([]))
0.75
>>> SEMANTICS["quadratic"].strength(0.5, [0.5], [])
0.6
>>> round(SEMANTICS["euler"].strength(0.5, [0.5], []), 4)
0.5889
>>> damped([0.2, 0.8, 0.4])   # 0.8 + 0.4 / 2 + 0.2 / 4
1.05
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass


def aggregate(values: Iterable[float]) -> float:
    """1 - Π(1 - v): the combined force of independent reasons (0 for none)."""
    rest = 1.0
    for value in values:
        rest *= 1.0 - value
    return 1.0 - rest


def combine(base: float, support: float, attack: float) -> float:
    """DF-QuAD's combination of a base score with aggregated support and attack.

    The two passes over every node write this step out inline, where a call per node would
    be slower: ``strengths._kahn`` and ``strengths._in_order``. The test comparing them
    with the node-by-node evaluation (tests/analysis/test_dfquad_fast.py) keeps them the
    same."""
    if attack > support:
        return base - base * (attack - support)
    if support > attack:
        return base + (1.0 - base) * (support - attack)
    return base


def total(values: Iterable[float]) -> float:
    """Σ v: the aggregation of the energy-based semantics (0 for none)."""
    return sum(values, 0.0)


def damped(values: Iterable[float]) -> float:
    """Σ v₍ₖ₎·2^-(k-1) over the values from the largest down: each further reason counts half
    the one before (0 for none). Sorting first makes it independent of the links' order."""
    result, weight = 0.0, 1.0
    for value in sorted(values, reverse=True):
        result += weight * value
        weight *= 0.5
    return result


def quadratic_energy(base: float, support: float, attack: float) -> float:
    """Quadratic energy's influence: the base moved by h(E) = E²/(1 + E²), E = support - attack
    (each the sum of the link values)."""
    energy = support - attack
    h = energy * energy / (1.0 + energy * energy)
    return base + (1.0 - base) * h if energy > 0 else base - base * h


def euler_based(base: float, support: float, attack: float) -> float:
    """Euler-based influence: 1 - (1 - τ²) / (1 + τ·e^E), E = support - attack."""
    energy = min(support - attack, 700.0)  # e^709 is the largest float: past it, 1 - 0
    return 1.0 - (1.0 - base * base) / (1.0 + base * math.exp(energy))


@dataclass(frozen=True)
class Semantics:
    """A gradual semantics: its name on the command line, how it is cited, the aggregation of
    the link values on one side, and the influence of the two aggregates on a base score."""

    name: str
    title: str
    aggregate: Callable[[Iterable[float]], float]
    combine: Callable[[float, float, float], float]

    def strength(self, base: float, supports: Sequence[float], attacks: Sequence[float]
                 ) -> float:
        """The strength of a node with base ``base`` and these link values into it."""
        return self.combine(base, self.aggregate(supports), self.aggregate(attacks))


SEMANTICS: dict[str, Semantics] = {
    s.name: s for s in (
        Semantics("dfquad", "DF-QuAD (Rago et al. 2016)", aggregate, combine),
        Semantics("quadratic", "quadratic energy (Potyka 2018)", total, quadratic_energy),
        Semantics("euler", "Euler-based (Amgoud and Ben-Naim 2017)", total, euler_based),
        Semantics("damped", "damped quadratic energy (after Potyka 2018)",
                  damped, quadratic_energy),
    )
}
DEFAULT_SEMANTICS = "damped"
