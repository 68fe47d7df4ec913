"""DF-QuAD's two formulas (Rago et al. 2016; see :mod:`argmap.analysis.dfquad`).

>>> combine(0.5, aggregate([0.5]), aggregate([]))
0.75
"""

from __future__ import annotations

from collections.abc import Iterable


def aggregate(values: Iterable[float]) -> float:
    """1 - Π(1 - v): the combined force of independent reasons (0 for none)."""
    rest = 1.0
    for value in values:
        rest *= 1.0 - value
    return 1.0 - rest


def combine(base: float, support: float, attack: float) -> float:
    """DF-QuAD's combination of a base score with aggregated support and attack.

    The two passes over every node write this step out inline, where a call per node would
    be slower: ``dfquad_fast._kahn`` and ``dfquad_order._in_order``. The test comparing them
    with the node-by-node evaluation (tests/analysis/test_dfquad_fast.py) keeps them the
    same."""
    if attack > support:
        return base - base * (attack - support)
    if support > attack:
        return base + (1.0 - base) * (support - attack)
    return base
