"""What-if removal and cruxes: how much each claim holds a conclusion up.

A crux is a claim whose removal (with every link that needs it) lowers a conclusion's strength;
cruxes are ranked by that drop. Removing an objection raises a conclusion instead: those claims
are not cruxes and are left out.

>>> from argmap.model import ArgumentMap
>>> m = ArgumentMap.model_validate({"title": "t", "claims": [{"id": "a", "text": "A"},
...     {"id": "c", "text": "C", "kind": "conclusion"}], "links": [{"from": "a", "to": "c"}]})
>>> [(x.claim, round(x.drop, 3)) for x in cruxes(m)]   # 0.444 - 0.4 (see analyse)
[('a', 0.044)]
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from argmap.analysis.evaluation.dfquad import Evaluation, Evaluator
from argmap.analysis.evaluation.semantics import DEFAULT_SEMANTICS
from argmap.analysis.index import MapIndex
from argmap.errors import UsageError
from argmap.model import ArgumentMap
from argmap.perf import collector_paused

MIN_DROP = 1e-9


@dataclass(frozen=True)
class Crux:
    """Removing ``claim`` takes ``conclusion`` from strength ``before`` to ``after``."""

    claim: str
    conclusion: str
    before: float
    after: float

    @property
    def drop(self) -> float:
        return self.before - self.after


def what_if(amap: ArgumentMap, claim_ids: Iterable[str], *,
            index: MapIndex | None = None, semantics: str = DEFAULT_SEMANTICS
            ) -> dict[str, float]:
    """Strengths of the claims and links that remain when ``claim_ids`` are removed.

    Raises UsageError naming an id that is not a claim of the map.
    """
    index = index or MapIndex(amap)
    removed = list(claim_ids)
    for cid in removed:
        if cid not in index.claims:
            raise UsageError(f"no claim {cid!r} in this map")
    return Evaluator(index, removed=removed, semantics=semantics).run().strengths


def cruxes(amap: ArgumentMap, conclusion: str | None = None, top: int | None = None, *,
           index: MapIndex | None = None, evaluation: Evaluation | None = None,
           semantics: str = DEFAULT_SEMANTICS) -> list[Crux]:
    """Claims ranked by how far each conclusion's strength drops when the claim is removed.

    ``conclusion`` limits the search to one conclusion (UsageError when it is not one of the
    map's conclusions); ``top`` keeps the first N; ``evaluation``, when given, must be the
    map's under ``semantics``. Each removal recomputes only what depends on the removed claim.
    """
    with collector_paused():
        return _cruxes(amap, conclusion, top, index or MapIndex(amap), evaluation, semantics)


def _goals(index: MapIndex, conclusion: str | None) -> list[str]:
    conclusions = index.conclusions()
    if conclusion is None:
        return conclusions
    if conclusion not in index.claims:
        raise UsageError(f"no claim {conclusion!r} in this map")
    if conclusion not in conclusions:
        raise UsageError(f"{conclusion!r} is not a conclusion of this map (it is a "
                         f"{index.claims[conclusion].kind}); its conclusions: "
                         f"{', '.join(conclusions) or 'none'}")
    return [conclusion]


def _cruxes(amap: ArgumentMap, conclusion: str | None, top: int | None, index: MapIndex,
            evaluation: Evaluation | None, semantics: str) -> list[Crux]:
    goals = _goals(index, conclusion)
    base = evaluation or Evaluator(index, semantics=semantics).run()
    evaluator = Evaluator(index, semantics=semantics)
    plan = evaluator.plan()
    cache: dict[str, tuple[float, Any]] = {}
    found: list[Crux] = []
    wanted = set(goals)
    for cid in _candidates(index, goals):
        after = evaluator.without([cid]).changes(base.strengths, [cid], plan, cache)
        for goal in wanted.intersection(after):  # a goal that did not move has no drop
            if goal == cid:
                continue
            crux = Crux(cid, goal, base.strengths[goal], after[goal])
            if crux.drop > MIN_DROP:
                found.append(crux)
    found.sort(key=lambda c: (-c.drop, index.order[c.conclusion], index.order[c.claim]))
    return found if top is None else found[:top]


def _candidates(index: MapIndex, goals: list[str]) -> list[str]:
    """Claims upstream of any goal (premises of links into it, transitively), in map order."""
    seen: set[str] = set()
    stack = list(goals)
    while stack:
        node = stack.pop()
        for link in index.into.get(node, ()):
            for dep in (*link.from_, link.ident):
                if dep not in seen:
                    seen.add(dep)
                    stack.append(dep)
    return sorted((n for n in seen if n in index.claims), key=index.order.__getitem__)
