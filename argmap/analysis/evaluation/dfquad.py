"""Gradual strength, with linked premises and undercuts: damped quadratic energy (the
default), quadratic energy, DF-QuAD (Rago et al. 2016) or Euler-based (their formulas:
:mod:`.semantics`).

Every claim has a base score τ (its ``confidence``, else by its evidence:
:mod:`.base_scores`). A link's base is its weakest co-premise times its weight (strong 1.0,
moderate 0.7, weak 0.4); links into a link (an undercut, or a support of an inference) move it
by the same rule as links into a claim. For DF-QuAD, with base τ, supporter values s and
attacker values a::

    agg(v) = 1 - Π(1 - vᵢ)      (0 when v is empty);   vs = agg(s), va = agg(a)
    strength = τ                       if va == vs
             = τ - τ·(va - vs)         if va > vs
             = τ + (1 - τ)·(vs - va)   if vs > va

An acyclic map is computed in one pass in topological order. On a cyclic map the acyclic part is
still computed once; each strongly connected part is iterated (Gauss-Seidel) until no value
moves by more than ``TOLERANCE`` or ``MAX_SWEEPS`` sweeps have run, and ``converged`` says which.
The whole-map evaluation runs over integer arrays (:mod:`.strengths`); the node-by-node
methods here serve the incremental what-if updates (the test suite's plain evaluation, the
oracle both are checked against, is built from them).

>>> from argmap.model import ArgumentMap
>>> m = ArgumentMap.model_validate({"title": "t", "claims": [
...     {"id": "a", "text": "A", "confidence": 0.5}, {"id": "b", "text": "B", "confidence": 0.5}],
...     "links": [{"from": "a", "to": "b", "strength": "strong"}]})
>>> evaluate(m, semantics="dfquad").strengths["b"]   # 0.5 + 0.5 * (0.5 * 1.0)
0.75
>>> evaluate(m).strengths["b"]   # damped quadratic energy, the default: 0.5 + 0.5 * 0.25 / 1.25
0.6
"""

from __future__ import annotations

import heapq
import math
from collections.abc import Iterable, Mapping, MutableMapping
from typing import Any

from argmap.analysis.evaluation.semantics import (
    DEFAULT_SEMANTICS,
    SEMANTICS,
    aggregate,
    combine,
    total,
)
from argmap.analysis.evaluation.strengths import (
    MAX_SWEEPS,
    TOLERANCE,
    Evaluation,
    dependency_order,
)
from argmap.analysis.evaluation.strengths import strengths as fast_strengths
from argmap.analysis.index import MapIndex
from argmap.analysis.numbered import Numbered
from argmap.analysis.scc import strongly_connected
from argmap.model import ArgumentMap
from argmap.perf import collector_paused

WEIGHTS: dict[str, float] = {"strong": 1.0, "moderate": 0.7, "weak": 0.4}
FAN_IN = 8  # from this many incoming links, what-if updates a claim from cached products

# What :meth:`Evaluator.plan` gives: the parts in order, each node's part, its place in the part
Plan = tuple[list[list[str]], dict[str, int], dict[str, int]]


class Evaluator:
    """Computes strengths over a :class:`MapIndex`; reused by what-if and crux searches."""

    def __init__(self, index: MapIndex, weights: Mapping[str, float] | None = None,
                 removed: Iterable[str] = (), semantics: str = DEFAULT_SEMANTICS):
        self.index = index
        self.weights = {**WEIGHTS, **(weights or {})}
        self.bases = index.numbered().base  # per claim number (index.order)
        self.gone = _gone(index, set(removed))
        self.semantics = SEMANTICS[semantics]

    def claim_base(self, claim_id: str) -> float:
        """τ of a claim: its confidence, else by its evidence (:mod:`.base_scores`)."""
        return self.bases[self.index.order[claim_id]]

    def base(self, node: str, s: Mapping[str, float]) -> float:
        """τ of a claim; for a link, its weakest co-premise times its weight."""
        if node in self.gone:
            return 0.0
        if node in self.index.claims:
            return self.claim_base(node)
        link = self.index.links[node]
        premises = link.from_
        if type(s) is _Overlay:
            weakest = _weakest(node, premises, s)
        else:
            weakest = min(map(s.__getitem__, premises))
        return weakest * self.weights[link.strength]

    def value(self, node: str, s: Mapping[str, float]) -> float:
        """The strength of ``node`` given the current strengths ``s`` of the others."""
        if node in self.gone:
            return 0.0
        base = self.base(node, s)
        support: list[float] = []
        attack: list[float] = []
        for link in self.index.into.get(node, ()):
            (support if link.type == "supports" else attack).append(s[link.ident])
        return self.semantics.strength(base, support, attack)

    def run(self) -> Evaluation:
        """Strengths of every node: one pass when acyclic, a capped fixpoint per cyclic part;
        computed over integer arrays (:mod:`.strengths`)."""
        with collector_paused():
            return fast_strengths(self.index.numbered(), self.weights, self.gone,
                                  self.semantics.name)

    def _components(self) -> list[list[str]]:
        """Strongly connected parts of the dependency graph, each after those it depends on."""
        nodes = [*self.index.claims, *self.index.links]
        parts = strongly_connected(nodes, self.index.dependents)
        parts.reverse()  # Tarjan gives what is computed last first
        return parts

    def plan(self) -> Plan:
        """The parts to compute in order (single nodes, or strongly connected parts of a cyclic
        map), the rank of each node's part, and each node's place within its part."""
        order = dependency_order(self.index.numbered())
        if order is None:
            parts = self._components()
            return (parts, {n: i for i, part in enumerate(parts) for n in part},
                    {n: at for part in parts for at, n in enumerate(part)})
        ids = [*self.index.claims, *self.index.links]
        named = [ids[i] for i in order]
        return [[n] for n in named], dict(zip(named, range(len(named)), strict=True)), {}

    def changes(self, base: Mapping[str, float], changed: Iterable[str],
                plan: Plan, cache: dict[str, tuple[float, Any]] | None = None
                ) -> dict[str, float]:
        """The values that differ from ``base`` once ``changed`` nodes moved (removed claims
        included). Only the parts (see :meth:`plan`) that depend on them are recomputed, in
        order; in a cyclic part only the nodes whose inputs moved are recomputed, in the part's
        order, from their old values, until nothing moves (:meth:`_settle`). A claim with many
        reasons is updated from its cached aggregates, a link with many premises from its
        weakest (``cache``, shared between calls on the same ``base``), rather than recomputed.
        The cost grows with what actually changes, not with the size of the map.
        """
        parts, rank, where = plan
        view = _Overlay(base, cache)
        inputs: dict[str, list[str]] = {}  # node -> the links into it whose value moved
        changed = set(changed)
        heap = sorted({rank[n] for n in changed})
        queued = set(heap)
        push, pop, isclose = heapq.heappush, heapq.heappop, math.isclose
        dependents, gone = self.index.dependents, self.gone
        while heap:
            at = pop(heap)
            part = parts[at]
            if len(part) > 1:
                seeds = {n for n in (*inputs, *changed, *gone) if rank.get(n) == at}
                touched: Iterable[str] = self._settle(part, view, seeds, rank, where)
            else:
                node, touched = part[0], part
                quick = self._updated(node, base, view, inputs.get(node, ()), cache)
                view[node] = self.value(node, view) if quick is None else quick
            for node in touched:
                if node in gone or not isclose(view[node], base[node], abs_tol=1e-15):
                    for user in dependents(node):
                        inputs.setdefault(user, []).append(node)
                        later = rank[user]
                        if later != at and later not in queued:
                            queued.add(later)
                            push(heap, later)
                else:
                    view.pop(node, None)
        return dict(view)

    def without(self, removed: Iterable[str]) -> Evaluator:
        """This evaluator with ``removed`` claims (and the links that need them) taken out
        instead: what a crux search asks of each claim in turn, without building the rest
        again."""
        other = object.__new__(Evaluator)
        other.__dict__.update(self.__dict__)
        other.gone = _gone(self.index, set(removed))
        return other

    def _settle(self, part: list[str], s: MutableMapping[str, float], seeds: Iterable[str],
                rank: Mapping[str, int], where: Mapping[str, int]) -> list[str]:
        """Gauss-Seidel over a strongly connected ``part`` from its old values in ``s``,
        recomputing only ``seeds`` and what a move of more than ``TOLERANCE`` reaches: sweeps
        in the part's order (``where``: each node's place in it), a node reached from one
        before it within the same sweep, from one after it in the next. The nodes recomputed,
        in no particular order."""
        home = rank[part[0]]
        sweep = sorted({where[n] for n in seeds})
        touched: set[str] = set()
        for _ in range(MAX_SWEEPS):
            if not sweep:
                break
            queued, later = set(sweep), set()
            while sweep:
                at = heapq.heappop(sweep)
                node = part[at]
                new = self.value(node, s)
                moved = abs(new - s[node]) > TOLERANCE
                s[node] = new
                touched.add(node)
                if not moved:
                    continue
                for user in self.index.dependents(node):
                    if rank[user] != home:
                        continue
                    k = where[user]
                    if k > at:
                        if k not in queued:
                            queued.add(k)
                            heapq.heappush(sweep, k)
                    else:
                        later.add(k)
            sweep = sorted(later)
        return list(touched)

    def _updated(self, node: str, base: Mapping[str, float], view: Mapping[str, float],
                 moved_links: Iterable[str], cache: dict[str, tuple[float, Any]] | None
                 ) -> float | None:
        """A claim's new strength from its cached products when only some of its many
        incoming links moved; None when it must be computed in full."""
        incoming = self.index.into.get(node, ())
        if cache is None or node not in self.index.claims or node in self.gone \
                or len(incoming) < FAN_IN:
            return None
        if self.semantics.aggregate is total:  # sums: take the old value out, put the new in
            if node not in cache:
                sides = {"supports": 0.0, "attacks": 0.0}
                for lk in incoming:
                    sides[lk.type] += base[lk.ident]
                cache[node] = (sides["supports"], sides["attacks"])
            support, attack = cache[node]
            for lid in moved_links:
                if self.index.links[lid].type == "supports":
                    support += view[lid] - base[lid]
                else:
                    attack += view[lid] - base[lid]
            return self.semantics.combine(self.claim_base(node), support, attack)
        if self.semantics.aggregate is not aggregate:  # damped: no running value to update
            return None
        if node not in cache:
            rest = {"supports": 1.0, "attacks": 1.0}
            for lk in incoming:
                rest[lk.type] *= 1.0 - base[lk.ident]
            cache[node] = (rest["supports"], rest["attacks"])
        rest_support, rest_attack = cache[node]
        for lid in moved_links:
            old = 1.0 - base[lid]
            if old < 1e-9:
                return None  # a link at full strength: its factor cannot be divided out
            factor = (1.0 - view[lid]) / old
            if self.index.links[lid].type == "supports":
                rest_support *= factor
            else:
                rest_attack *= factor
        return combine(self.claim_base(node), 1.0 - rest_support, 1.0 - rest_attack)


class _Overlay(dict):  # type: ignore[type-arg]
    """New values over a base mapping: a read falls back to ``base`` for what is not set here
    (a dict lookup in C when found, unlike ChainMap's Python-level one). ``cache``: what the
    updates keep between calls on the same ``base`` (see :meth:`Evaluator.changes`)."""

    __slots__ = ("base", "cache")

    def __init__(self, base: Mapping[str, float], cache: dict[str, tuple[float, Any]] | None):
        super().__init__()
        self.base = base
        self.cache = cache

    def __missing__(self, key: str) -> float:
        return self.base[key]


def _weakest(link: str, premises: list[str], s: _Overlay) -> float:
    """The weakest of ``premises`` of ``link``, new values in ``s`` over the old. For a link with
    many premises, from the old weakest (kept in ``s.cache``) and the premises that moved, when
    the one that was weakest did not: the others can only have moved below it."""
    old, cache = s.base, s.cache
    if cache is not None and len(premises) >= FAN_IN:
        found = cache.get(link)
        if found is None:
            first = min(premises, key=old.__getitem__)
            found = cache[link] = (old[first], first)
        if found[1] not in s:
            return min([found[0], *map(s.__getitem__, filter(s.__contains__, premises))])
    return min(map(s.get, premises, map(old.__getitem__, premises)))  # in C, not __missing__


def _gone(index: MapIndex, removed: set[str]) -> set[str]:
    """The removed claims and every link that loses a premise, its target or its target link."""
    unknown = sorted(c for c in removed if c not in index.claims)  # not `- keys()`: O(map)
    if unknown:
        raise KeyError(unknown[0])
    gone = set(removed)
    stack = list(removed)
    while stack:
        node = stack.pop()
        for link in (*index.out_of.get(node, ()), *index.into.get(node, ())):
            if link.id not in gone:
                gone.add(link.ident)
                stack.append(link.ident)
    return gone


def evaluate(amap: ArgumentMap, graph: object = None, *, weights: Mapping[str, float] | None = None,
             removed: Iterable[str] = frozenset(), index: MapIndex | None = None,
             semantics: str = DEFAULT_SEMANTICS) -> Evaluation:
    """Strength of every claim and link of ``amap`` under ``semantics`` (a name in
    :data:`.semantics.SEMANTICS`; removed claims and their links left
    out). ``graph`` is accepted for symmetry with the rest of the API and not needed.
    Cost: linear in claims + links + premises on acyclic maps.
    """
    removed = set(removed)
    if index is None and not removed:  # no index needed: straight to the arrays
        with collector_paused():
            return fast_strengths(Numbered.from_map(amap), {**WEIGHTS, **(weights or {})},
                                  semantics=semantics)
    return Evaluator(index or MapIndex(amap), weights, removed, semantics).run()
