"""DF-QuAD over integer-indexed arrays: every strength of a map in one linear pass.

The same values as :class:`argmap.analysis.dfquad.Evaluator`'s plain evaluation (the formulas
are in :mod:`argmap.analysis.dfquad`), computed without per-node dict lookups. Claims are
numbered 0..C-1 in map order and links C..C+L-1; plain lists hold each node's base score, each
link's target, premises and weight.

One pass of Kahn's algorithm computes each node as it leaves the queue: a claim's value goes to
the links it is a premise of (their weakest premise so far), a link's value into its target's
product of ``1 - v`` for supports or attacks. On an acyclic map that is all. On a cyclic map
the nodes left over are the cycles and what depends on them: their strongly connected parts
are taken in dependency order, each single node computed once and each cyclic part swept
(Gauss-Seidel, from claims at their base and links at 0) until it settles, as the plain
evaluation does.

>>> from argmap.model import ArgumentMap
>>> m = ArgumentMap.model_validate({"title": "t", "claims": [{"id": "a", "text": "A"},
...     {"id": "b", "text": "B"}], "links": [{"from": "a", "to": "b", "strength": "strong"}]})
>>> strengths(m, {"strong": 1.0, "moderate": 0.7, "weak": 0.4}).strengths["b"]
0.75
"""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass
from itertools import compress
from operator import attrgetter, not_

from argmap.analysis.scc import strongly_connected_ints
from argmap.model import ArgumentMap

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
    """The map as integer-indexed lists, built once: attributes read in C (attrgetter)."""

    def __init__(self, amap: ArgumentMap, weights: Mapping[str, float], gone: Collection[str],
                 pos: dict[str, int] | None = None):
        claims, links = amap.claims, amap.links
        self.c = c = len(claims)
        self.ids = ids = list(map(attrgetter("id"), claims))
        rows = list(map(attrgetter("id", "to", "from_", "type", "strength"), links))
        link_ids, to, self.froms, kinds, strengths_ = zip(*rows, strict=True) if rows else ((),) * 5
        ids.extend(link_ids)
        if pos is None:
            pos = dict(zip(ids, range(len(ids)), strict=True))
        self.pos = pos
        default = amap.defaults.confidence
        self.base = [default if x is None else x for x in map(attrgetter("confidence"), claims)]
        self.weight = list(map(weights.__getitem__, strengths_))
        self.supports = list(map("supports".__eq__, kinds))
        self.target = list(map(pos.__getitem__, to))
        for node in gone:  # removed: a claim's base and a link's weight 0 keep it at 0
            at = pos[node]
            if at < c:
                self.base[at] = 0.0
            else:
                self.weight[at - c] = 0.0

    def premises(self, link: int) -> list[int]:
        """The premises of link number ``link`` (counted from the first link)."""
        return list(map(self.pos.__getitem__, self.froms[link]))


def strengths(amap: ArgumentMap, weights: Mapping[str, float], gone: Collection[str] = (),
              pos: dict[str, int] | None = None) -> Evaluation:
    """DF-QuAD strength of every claim and link of ``amap`` but the ``gone`` ones (which count
    as 0 for the rest: pass a removed claim together with every link that needs it). ``pos``:
    the position of each claim then link id in the map, when already known.
    Cost: O(claims + links + premises) on acyclic maps."""
    arrays = _Arrays(amap, weights, gone, pos)
    s, left = _kahn(arrays)
    sweeps, converged = 1, True
    if left:
        sweeps, converged = _rest(arrays, s, left)
    ids = arrays.ids
    values = dict(zip(ids, s, strict=True))
    for node in gone:
        del values[node]
    return Evaluation(values, sweeps, converged, bool(left))


def _count_edges(c: int, froms: Sequence[Sequence[str]], target: list[int],
                 pos: Mapping[str, int]) -> tuple[list[int], list[list[int]]]:
    """For each node (``c`` claims, then the links), how many inputs it waits for (links into
    it, and a link's premises); for each claim, the links it is a premise of."""
    pending = [0] * c
    pending.extend(map(len, froms))
    for t in target:
        pending[t] += 1
    out: list[list[int]] = [[] for _ in range(c)]
    for j, premises in enumerate(froms, c):
        for p in premises:
            out[pos[p]].append(j)
    return pending, out


def _kahn(a: _Arrays) -> tuple[list[float], list[int]]:
    """Strengths of every node Kahn's algorithm reaches, computed as it pops them; and the
    nodes it never reaches (those on or after a cycle), in index order."""
    c, base, weight, supports, target = a.c, a.base, a.weight, a.supports, a.target
    pending, out = _count_edges(a.c, a.froms, a.target, a.pos)
    n = len(pending)
    rest_s, rest_a = [1.0] * n, [1.0] * n  # Π(1 - v) over the supports, the attacks so far
    weakest = [2.0] * (n - c)  # a link's weakest premise so far
    s = [0.0] * n
    stack = list(compress(range(n), map(not_, pending)))
    pop, push = stack.pop, stack.append
    while stack:
        i = pop()
        v = base[i] if i < c else weakest[i - c] * weight[i - c]
        sup, att = 1.0 - rest_s[i], 1.0 - rest_a[i]
        if att > sup:
            v = v - v * (att - sup)
        elif sup > att:
            v = v + (1.0 - v) * (sup - att)
        s[i] = v
        if i < c:
            for j in out[i]:
                if v < weakest[j - c]:
                    weakest[j - c] = v
                left = pending[j] - 1
                pending[j] = left
                if not left:
                    push(j)
            continue
        t = target[i - c]
        if supports[i - c]:
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
    c, target = a.c, a.target
    into: dict[int, list[int]] = {i: [] for i in left}
    users: dict[int, list[int]] = {i: [] for i in left}
    for k, t in enumerate(target):
        if t in into:
            into[t].append(k + c)
            if k + c in users:
                users[k + c].append(t)
    premises = {i: a.premises(i - c) for i in left if i >= c}
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
    c = a.c
    if node < c:
        v = a.base[node]
    else:
        v = min([s[p] for p in premises[node]]) * a.weight[node - c]
    rest_s = rest_a = 1.0
    supports = a.supports
    for j in links:
        if supports[j - c]:
            rest_s *= 1.0 - s[j]
        else:
            rest_a *= 1.0 - s[j]
    sup, att = 1.0 - rest_s, 1.0 - rest_a
    if att > sup:
        return v - v * (att - sup)
    if sup > att:
        return v + (1.0 - v) * (sup - att)
    return v


def dependency_order(amap: ArgumentMap, pos: dict[str, int]) -> list[int] | None:
    """Positions (``pos``: claims, then links) of every claim and link, each after what its
    strength is computed from; None when the map has a cycle. Kahn's algorithm over numbers:
    O(claims + links + premises)."""
    c, links = len(amap.claims), amap.links
    froms = list(map(attrgetter("from_"), links))
    target = list(map(pos.__getitem__, map(attrgetter("to"), links)))
    pending, out = _count_edges(c, froms, target, pos)
    order = list(compress(range(len(pending)), map(not_, pending)))
    for i in order:  # the list grows while it is read: a queue
        for j in (out[i] if i < c else (target[i - c],)):
            left = pending[j] - 1
            pending[j] = left
            if not left:
                order.append(j)
    return order if len(order) == len(pending) else None
