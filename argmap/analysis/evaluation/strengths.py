"""Every strength of a map in one linear pass over integer-indexed arrays.

The same values as the node-by-node evaluation (:meth:`.dfquad.Evaluator.value`, with the
formulas of :mod:`.semantics`; the test suite keeps a plain evaluation as the oracle both are
checked against), computed over the map as numbers
(:class:`argmap.analysis.numbered.Numbered`: claims 0..C-1 in map order, links C..C+L-1)
without per-node dict lookups. Plain lists indexed by node number hold each claim's base score
and each link's weight, target and kind.

When the claim list is in dependency order (each premise after the claim its link bears on,
or each before), the claims are computed one by one down the list with the links into them
(:func:`claim_by_claim`). Otherwise one pass of Kahn's algorithm computes each
node as it leaves the queue: a claim's value goes to
the links it is a premise of (their weakest premise so far), a link's value into its target's
product of ``1 - v`` for supports or attacks. A link is computed as soon as its last input is,
without going through the queue. On an acyclic map that is all. On a cyclic map
the nodes left over are the cycles and what depends on them: their strongly connected parts
are taken in dependency order, each single node computed once and each cyclic part swept
(Gauss-Seidel, from claims at their base and links at 0) until it settles, as the plain
evaluation does.

>>> from argmap.model import ArgumentMap
>>> m = ArgumentMap.model_validate({"title": "t", "claims": [
...     {"id": "a", "text": "A", "confidence": 0.5}, {"id": "b", "text": "B", "confidence": 0.5}],
...     "links": [{"from": "a", "to": "b", "strength": "strong"}]})
>>> strengths(Numbered.from_map(m), {"strong": 1.0}, semantics="dfquad").strengths["b"]
0.75
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
from dataclasses import dataclass
from itertools import compress, repeat
from operator import ge, not_

from argmap.analysis.evaluation.semantics import DEFAULT_SEMANTICS, SEMANTICS, aggregate
from argmap.analysis.numbered import Numbered
from argmap.analysis.scc import strongly_connected_ints

TOLERANCE = 1e-9
MAX_SWEEPS = 1000


@dataclass(frozen=True)
class Evaluation:
    """DF-QuAD strength of every claim and link id (``gone`` nodes left out), and how the
    computation went."""

    strengths: dict[str, float]
    iterations: int
    converged: bool
    cyclic: bool


class _Arrays:
    """What the evaluation reads, as lists indexed by node number (the per-link lists start
    with ``c`` unused entries, so that link ``j`` is at ``j``, not ``j - c``). ``collects``:
    the passes gather each side's link values into a list for the semantics' aggregation
    (a sum, or a sum damped from the largest down); else they keep DF-QuAD's product of
    ``1 - v`` as they go, with DF-QuAD's combination written out inline. ``combine``: the
    semantics' influence of the two aggregates on a base."""

    def __init__(self, nb: Numbered, weights: Mapping[str, float], gone: Collection[str],
                 semantics: str = DEFAULT_SEMANTICS):
        self.nb = nb
        chosen = SEMANTICS[semantics]
        self.collects = chosen.aggregate is not aggregate
        self.aggregate, self.combine = chosen.aggregate, chosen.combine
        self.c = c = nb.c
        self.base = list(nb.base)
        pad = [0.0] * c
        self.weight = pad + list(map(weights.__getitem__, nb.strength))
        self.supports = [False] * c + nb.supports
        self.target = [0] * c + nb.target
        self.premises: list[list[int]] = [[]] * c
        self.premises.extend(nb.premises)
        for node in gone:  # removed: a claim's base and a link's weight 0 keep it at 0
            at = nb.pos[node]
            if at < c:
                self.base[at] = 0.0
            else:
                self.weight[at] = 0.0


def strengths(nb: Numbered, weights: Mapping[str, float], gone: Collection[str] = (),
              semantics: str = DEFAULT_SEMANTICS) -> Evaluation:
    """Strength under ``semantics`` of every claim and link of the map ``nb`` numbers but the
    ``gone`` ones (which count as 0 for the rest: pass a removed claim together with every
    link that needs it). Cost: O(claims + links + premises) on acyclic maps."""
    arrays = _Arrays(nb, weights, gone, semantics)
    s = claim_by_claim(arrays)
    left: list[int] = []
    if s is None:
        s, left = _kahn(arrays)
    sweeps, converged = 1, True
    if left:
        sweeps, converged = _rest(arrays, s, left)
    values = dict(zip(nb.ids, s, strict=True))
    for node in gone:
        del values[node]
    return Evaluation(values, sweeps, converged, bool(left))


def _count_edges(nb: Numbered) -> tuple[list[int], list[list[int]]]:
    """For each node (claims, then links), how many inputs it waits for (links into it, and a
    link's premises); for each claim, the links it is a premise of."""
    c = nb.c
    pending = [0] * c
    pending.extend(map(len, nb.premises))
    for t in nb.target:
        pending[t] += 1
    out: list[list[int]] = [[] for _ in range(c)]
    for j, premises in enumerate(nb.premises, c):
        for p in premises:
            out[p].append(j)
    return pending, out


def _kahn(a: _Arrays) -> tuple[list[float], list[int]]:
    """Strengths of every node Kahn's algorithm reaches, computed as it pops them; and the
    nodes it never reaches (those on or after a cycle), in index order. A link whose last
    premise has just been computed is computed at once rather than queued."""
    c, base, weight, supports, target = a.c, a.base, a.weight, a.supports, a.target
    collects, combine, agg = a.collects, a.combine, a.aggregate
    pending, out = _count_edges(a.nb)
    n = len(pending)
    # Π(1 - v) over the supports, the attacks so far; or (``collects``) their values, a
    # list made at the first one (the shared empty tuple until then)
    empty: tuple[()] = ()
    rest_s: list = [empty] * n if collects else [1.0] * n
    rest_a: list = list(rest_s)
    weakest = [2.0] * n  # a link's weakest premise so far
    s = [0.0] * n
    stack = list(compress(range(n), map(not_, pending)))
    pop, push = stack.pop, stack.append
    while stack:
        i = pop()
        if i < c:
            if collects:
                v = combine(base[i], agg(rest_s[i]), agg(rest_a[i]))
            else:
                v, sup, att = base[i], 1.0 - rest_s[i], 1.0 - rest_a[i]
                if att > sup:
                    v -= v * (att - sup)
                elif sup > att:
                    v += (1.0 - v) * (sup - att)
            s[i] = v
            ready = []
            for j in out[i]:
                if v < weakest[j]:
                    weakest[j] = v
                left = pending[j] - 1
                pending[j] = left
                if not left:
                    ready.append(j)
        else:
            ready = [i]
        for j in ready:
            if collects:
                v = combine(weakest[j] * weight[j], agg(rest_s[j]), agg(rest_a[j]))
            else:
                v, sup, att = weakest[j] * weight[j], 1.0 - rest_s[j], 1.0 - rest_a[j]
                if att > sup:
                    v -= v * (att - sup)
                elif sup > att:
                    v += (1.0 - v) * (sup - att)
            s[j] = v
            t = target[j]
            if collects:
                side = rest_s if supports[j] else rest_a
                if side[t]:
                    side[t].append(v)
                else:
                    side[t] = [v]
            elif supports[j]:
                rest_s[t] *= 1.0 - v
            else:
                rest_a[t] *= 1.0 - v
            left = pending[t] - 1
            pending[t] = left
            if not left:
                push(t)
    return s, list(compress(range(n), pending)) if any(pending) else []


def _rest(a: _Arrays, s: list[float], left: list[int]) -> tuple[int, bool]:
    """Compute the nodes Kahn's pass left (cycles and what follows them) into ``s``, part by
    part in dependency order; (most sweeps a cyclic part took, did every part settle?)."""
    c, premises_of = a.c, a.nb.premises
    into: dict[int, list[int]] = {i: [] for i in left}
    users: dict[int, list[int]] = {i: [] for i in left}
    for j, t in enumerate(a.nb.target, c):
        if t in into:
            into[t].append(j)
            if j in users:
                users[j].append(t)
    premises = {i: premises_of[i - c] for i in left if i >= c}
    for i, ps in premises.items():
        for p in ps:
            if p in users:
                users[p].append(i)
    sweeps, converged = 1, True
    for part in reversed(strongly_connected_ints(left, users)):
        if len(part) == 1:
            s[part[0]] = _value(a, s, part[0], into[part[0]], premises)
            continue
        for node in part:  # claims at their base, links at 0: then sweep
            s[node] = a.base[node] if node < c else 0.0
        used, ok = _fixpoint(a, s, part, into, premises)
        sweeps, converged = max(sweeps, used), converged and ok
    return sweeps, converged


def _fixpoint(a: _Arrays, s: list[float], part: list[int], into: dict[int, list[int]],
              premises: dict[int, list[int]]) -> tuple[int, bool]:
    """Sweep a strongly connected ``part`` until no value moves by more than ``TOLERANCE``."""
    incoming = [into[node] for node in part]
    for sweep in range(1, MAX_SWEEPS + 1):
        moved = 0.0
        for node, links in zip(part, incoming, strict=True):
            new = _value(a, s, node, links, premises)
            change = abs(new - s[node])
            if change > moved:
                moved = change
            s[node] = new
        if moved <= TOLERANCE:
            return sweep, True
    return MAX_SWEEPS, False


def _value(a: _Arrays, s: list[float], node: int, links: list[int],
           premises: dict[int, list[int]]) -> float:
    """The strength of ``node`` from the current strengths ``s`` of its inputs."""
    if node < a.c:
        v = a.base[node]
    else:
        v = min([s[p] for p in premises[node]]) * a.weight[node]
    sup = [s[j] for j in links if a.supports[j]]
    att = [s[j] for j in links if not a.supports[j]]
    return a.combine(v, a.aggregate(sup), a.aggregate(att))


def dependency_order(nb: Numbered) -> list[int] | None:
    """Numbers (claims, then links) of every claim and link, each after what its strength is
    computed from; None when the map has a cycle. Kahn's algorithm over numbers:
    O(claims + links + premises)."""
    c, target = nb.c, nb.target
    pending, out = _count_edges(nb)
    order = list(compress(range(len(pending)), map(not_, pending)))
    for i in order:  # the list grows while it is read: a queue
        for j in (out[i] if i < c else (target[i - c],)):
            left = pending[j] - 1
            pending[j] = left
            if not left:
                order.append(j)
    return order if len(order) == len(pending) else None


# Claim by claim, for maps whose claim list is in dependency order. When every link's premises
# come after the claim the link bears on (its target, or for a link into a link the claim that
# one bears on), as in a map written from the conclusions down, the claims can be computed from
# the end of the list back, each together with the links into it: by the time a claim is
# reached, every premise of those links is final. The same holds from the start of the list when
# every premise comes before. This needs neither Kahn's queue nor its counts of pending inputs.
# Products are taken in map order, as the plain evaluation takes them.

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
    collects, combine, agg = a.collects, a.combine, a.aggregate
    into = nb.into()
    s = base + [0.0] * len(nb.target)  # a claim nothing points into stays at its base
    for i in filter(into.__contains__, claims):
        sup: list[float] = []
        att: list[float] = []
        rest_s = rest_a = 1.0
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
            if collects:
                (sup if supports[j] else att).append(w)
            elif supports[j]:
                rest_s *= 1.0 - w
            else:
                rest_a *= 1.0 - w
        if collects:
            s[i] = combine(base[i], agg(sup), agg(att))
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
