"""DF-QuAD claim by claim, for maps whose claim list is in dependency order.

When every link's premises come after the claim the link bears on (its target, or for a link
into a link the claim that one bears on), as in a map written from the conclusions down, the
claims can be computed from the end of the list back, each together with the links into it:
by the time a claim is reached, every premise of those links is final. The same holds from the
start of the list when every premise comes before. This needs neither Kahn's queue nor its
counts of pending inputs (:mod:`.dfquad_fast`, which calls this first and runs
Kahn's pass when the list is in neither order). Products are taken in map order, as the
plain evaluation takes them.

>>> from argmap.model import ArgumentMap
>>> from argmap.analysis.evaluation.dfquad_fast import _Arrays
>>> from argmap.analysis.numbered import Numbered
>>> m = ArgumentMap.model_validate({"title": "t", "claims": [
...     {"id": "b", "text": "B", "confidence": 0.5}, {"id": "a", "text": "A", "confidence": 0.5}],
...     "links": [{"from": "a", "to": "b", "strength": "strong"}]})
>>> claim_by_claim(_Arrays(Numbered.from_map(m), {"strong": 1.0}, (), "dfquad"))
[0.75, 0.5, 0.5]
"""

from __future__ import annotations

from itertools import compress, repeat
from operator import ge
from typing import TYPE_CHECKING

from argmap.analysis.numbered import Numbered

if TYPE_CHECKING:
    from argmap.analysis.evaluation.dfquad_fast import _Arrays


MAX_NESTING = 100  # links into links into links ...: a deeper chain goes to Kahn's pass


def _anchors(nb: Numbered) -> list[int] | None:
    """For each link, the claim it finally bears on: its target, or for a link into a link the
    claim that one bears on. None when links into links go round in a circle, or nest deeper
    than ``MAX_NESTING`` (the pass recurses once per level). Each link is walked once."""
    c, target = nb.c, nb.target
    anchor = list(target)
    depth = [0 if t < c else -1 for t in target]  # -1: not worked out yet
    for k in compress(range(len(target)), map(ge, target, repeat(c))):
        path: list[int] = []
        on_path: set[int] = set()
        j = k
        while depth[j] < 0:
            if j in on_path:
                return None
            path.append(j)
            on_path.add(j)
            j = target[j] - c
        end, level = anchor[j], depth[j]
        for m in reversed(path):
            level += 1
            if level > MAX_NESTING:
                return None
            anchor[m], depth[m] = end, level
    return anchor


class _OutOfOrder(Exception):
    """A premise not on the side of the claim its link bears on that the pass needs."""


def claim_by_claim(a: _Arrays) -> list[float] | None:
    """Strengths computed claim by claim, without Kahn's queue and counts, when the map's
    claim list is in dependency order: every link's premises come after the claim the link
    bears on (see :func:`_anchors`), as when a map is written from the conclusions down, or
    every one comes before it (from the evidence up; the first link tells which is tried).
    Each claim is computed together with the links that bear on it, from the end of the list
    back (or from the start), and each premise's position is checked as it is read. None
    when the claim list is in neither order (or the map is cyclic)."""
    nb = a.nb
    anchor = _anchors(nb)
    if anchor is None:
        return None
    if not anchor:
        return list(a.base)
    try:
        step = 1 if a.premises[nb.c][0] > anchor[0] else -1  # premises after, or before
        return _in_order(a, range(nb.c - 1, -1, -1) if step == 1 else range(nb.c), step)
    except _OutOfOrder:
        return None
    except (IndexError, ValueError):  # a link without premises: not from a validated map
        return None


def _in_order(a: _Arrays, claims: range, step: int) -> list[float]:
    """The pass of :func:`claim_by_claim` over ``claims`` in that order; raises _OutOfOrder
    at a premise on the wrong side (``step`` 1: premises must come after their claim)."""
    nb, base, premises, weight, supports = a.nb, a.base, a.premises, a.weight, a.supports
    additive, combine, start = a.additive, a.combine, a.start
    into = nb.into()
    s = base + [0.0] * len(nb.target)  # a claim nothing points into stays at its base
    for i in filter(into.__contains__, claims):
        rest_s = rest_a = start
        for j in into[i]:  # what _combined does, written out: this runs for most links
            ps = premises[j]
            if len(ps) == 1:
                p = ps[0]
                if (p - i) * step <= 0:
                    raise _OutOfOrder
                w = s[p] * weight[j]
            else:
                w = _weakest(s, ps, i, step) * weight[j]
            if j in into:
                w = _combined(a, s, w, into[j], i, step)
            s[j] = w
            if additive:
                if supports[j]:
                    rest_s += w
                else:
                    rest_a += w
            elif supports[j]:
                rest_s *= 1.0 - w
            else:
                rest_a *= 1.0 - w
        if additive:
            s[i] = combine(base[i], rest_s, rest_a)
            continue
        v, sup, att = base[i], 1.0 - rest_s, 1.0 - rest_a
        if att > sup:
            v -= v * (att - sup)
        elif sup > att:
            v += (1.0 - v) * (sup - att)
        s[i] = v
    return s


def _weakest(s: list[float], ps: list[int], i: int, step: int) -> float:
    """The weakest of premises ``ps`` of a link bearing on claim ``i``, checked to be on the
    side ``step`` says."""
    if (min(ps) - i) * step <= 0 or (max(ps) - i) * step <= 0:
        raise _OutOfOrder
    return min(map(s.__getitem__, ps))


def _combined(a: _Arrays, s: list[float], v: float, links: list[int], i: int,
              step: int) -> float:
    """The semantics' combination of base ``v`` with ``links`` (map order) into a link bearing
    on claim ``i``, each computed here first and stored into ``s``."""
    premises, weight, supports, into = a.premises, a.weight, a.supports, a.nb.into()
    sup: list[float] = []
    att: list[float] = []
    for j in links:
        w = _weakest(s, premises[j], i, step) * weight[j]
        if j in into:  # links into the link, in turn
            w = _combined(a, s, w, into[j], i, step)
        s[j] = w
        (sup if supports[j] else att).append(w)
    return a.combine(v, a.aggregate(sup), a.aggregate(att))
