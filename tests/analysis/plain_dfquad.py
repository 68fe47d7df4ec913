"""The plain evaluation: the oracle the array passes and the incremental updates are checked
against.

Every strength is computed node by node with :meth:`Evaluator.value` (the semantics' formulas
applied to a node's inputs as they stand): in topological order on an acyclic map; on a cyclic
one, strongly connected part by part, each cyclic part swept until it settles. Nothing here is
fast; it is written to be obviously what the package's passes compute.
"""

from __future__ import annotations

from argmap.analysis.evaluation.dfquad import Evaluator
from argmap.analysis.evaluation.strengths import Evaluation


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
        used, ok = evaluator._fixpoint(part, s)
        sweeps, converged = max(sweeps, used), converged and ok
    return Evaluation(_visible(evaluator, s), sweeps, converged, True)


def _visible(evaluator: Evaluator, s: dict[str, float]) -> dict[str, float]:
    """The strengths but those of removed claims and their links."""
    return {n: v for n, v in s.items() if n not in evaluator.gone}
