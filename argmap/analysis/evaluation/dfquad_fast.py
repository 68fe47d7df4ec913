"""DF-QuAD over integer-indexed arrays: every strength of a map in one linear pass.

The same values as :class:`.dfquad.Evaluator`'s plain evaluation (the formulas
are in :mod:`argmap.analysis.evaluation.dfquad`), computed over the map as numbers
(:class:`argmap.analysis.numbered.Numbered`: claims 0..C-1 in map order, links C..C+L-1)
without per-node dict lookups. Plain lists indexed by node number hold each claim's base score
and each link's weight, target and kind.

When the claim list is in dependency order (each premise after the claim its link bears on,
or each before), the claims are computed one by one down the list with the links into them
(:mod:`.dfquad_order`). Otherwise one pass of Kahn's algorithm computes each
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
from itertools import compress
from operator import not_

from argmap.analysis.evaluation.dfquad_formula import DEFAULT_SEMANTICS, SEMANTICS, total
from argmap.analysis.evaluation.dfquad_order import claim_by_claim
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
    with ``c`` unused entries, so that link ``j`` is at ``j``, not ``j - c``). ``additive``:
    the semantics sums the link values on each side (else it takes DF-QuAD's product of
    ``1 - v``, with DF-QuAD's combination written out inline in the passes); ``combine``: the
    semantics' influence of the two aggregates on a base."""

    def __init__(self, nb: Numbered, weights: Mapping[str, float], gone: Collection[str],
                 semantics: str = DEFAULT_SEMANTICS):
        self.nb = nb
        chosen = SEMANTICS[semantics]
        self.additive = chosen.aggregate is total
        self.aggregate, self.combine = chosen.aggregate, chosen.combine
        self.start = 0.0 if self.additive else 1.0  # the aggregate of no links, as kept
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
    additive, combine = a.additive, a.combine
    pending, out = _count_edges(a.nb)
    n = len(pending)
    # Π(1 - v) over the supports, the attacks so far (Σ v for an additive semantics)
    rest_s, rest_a = [a.start] * n, [a.start] * n
    weakest = [2.0] * n  # a link's weakest premise so far
    s = [0.0] * n
    stack = list(compress(range(n), map(not_, pending)))
    pop, push = stack.pop, stack.append
    while stack:
        i = pop()
        if i < c:
            if additive:
                v = combine(base[i], rest_s[i], rest_a[i])
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
            if additive:
                v = combine(weakest[j] * weight[j], rest_s[j], rest_a[j])
            else:
                v, sup, att = weakest[j] * weight[j], 1.0 - rest_s[j], 1.0 - rest_a[j]
                if att > sup:
                    v -= v * (att - sup)
                elif sup > att:
                    v += (1.0 - v) * (sup - att)
            s[j] = v
            t = target[j]
            if additive:
                if supports[j]:
                    rest_s[t] += v
                else:
                    rest_a[t] += v
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
