"""The plain evaluation: the oracle the array passes and the incremental updates are checked
against.

Every strength is computed node by node with :meth:`Evaluator.value` (the semantics' formulas
applied to a node's inputs as they stand): in topological order on an acyclic map; on a cyclic
one, strongly connected part by part, each cyclic part swept until it settles. Nothing here is
fast; it is written to be obviously what the package's passes compute.
"""

from __future__ import annotations

from argmap.analysis.evaluation.dfquad import Evaluator
from argmap.analysis.evaluation.strengths import MAX_SWEEPS, TOLERANCE, Evaluation


def plain_evaluation(evaluator: Evaluator) -> Evaluation:
    """What ``evaluator.run()`` gives, computed node by node."""
    order = evaluator.index.topological_order()
    s: dict[str, float] = {}
    if order is not None:
        for node in order:
            s[node] = evaluator.value(node, s)
        return Evaluation(_visible(evaluator, s), 1, True, False)
    sweeps, converged = 1, True
    for part in evaluator._components():
        if len(part) == 1:
            s[part[0]] = evaluator.value(part[0], s)
            continue
        used, ok = _fixpoint(evaluator, part, s)
        sweeps, converged = max(sweeps, used), converged and ok
    return Evaluation(_visible(evaluator, s), sweeps, converged, True)


def _fixpoint(evaluator: Evaluator, part: list[str], s: dict[str, float]) -> tuple[int, bool]:
    """Sweep a strongly connected ``part`` from claims at their base and links at 0 until no
    value moves by more than ``TOLERANCE``; (sweeps used, settled?)."""
    for node in part:
        claim = node in evaluator.index.claims and node not in evaluator.gone
        s[node] = evaluator.claim_base(node) if claim else 0.0
    for sweep in range(1, MAX_SWEEPS + 1):
        moved = 0.0
        for node in part:
            new = evaluator.value(node, s)
            moved = max(moved, abs(new - s[node]))
            s[node] = new
        if moved <= TOLERANCE:
            return sweep, True
    return MAX_SWEEPS, False


def _visible(evaluator: Evaluator, s: dict[str, float]) -> dict[str, float]:
    """The strengths but those of removed claims and their links."""
    return {n: v for n, v in s.items() if n not in evaluator.gone}
