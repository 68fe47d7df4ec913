"""Lookups over a map built once per analysis: every rule and the evaluation use them.

Building the index is linear in the size of the map; every lookup after that is a dict access.

>>> from argmap.model import ArgumentMap
>>> m = ArgumentMap.model_validate({"title": "t", "claims": [{"id": "a", "text": "A"},
...     {"id": "b", "text": "B"}], "links": [{"from": "a", "to": "b"}]})
>>> [lk.ident for lk in MapIndex(m).into["b"]]
['l1']
"""

from __future__ import annotations

from collections import deque

from argmap.model import ArgumentMap, Citation, Claim, Link, Source


class MapIndex:
    """Claims, links and sources by id; links into each node and out of each claim."""

    def __init__(self, amap: ArgumentMap):
        self.map = amap
        self.claims: dict[str, Claim] = {c.id: c for c in amap.claims}
        self.links: dict[str, Link] = {lk.ident: lk for lk in amap.links}
        self.sources: dict[str, Source] = {s.id: s for s in amap.sources}
        self.subject: frozenset[str] = frozenset(amap.subject)
        self.into: dict[str, list[Link]] = {}
        self.out_of: dict[str, list[Link]] = {}
        for link in amap.links:
            self.into.setdefault(link.to, []).append(link)
            for premise in dict.fromkeys(link.from_):
                self.out_of.setdefault(premise, []).append(link)
        self._topo: list[str] | None = None
        self._order_done = False
        self.order: dict[str, int] = {c.id: i for i, c in enumerate(amap.claims)}
        self.order.update({lk.ident: len(amap.claims) + i for i, lk in enumerate(amap.links)})

    def supports_into(self, target: str) -> list[Link]:
        return [lk for lk in self.into.get(target, ()) if lk.type == "supports"]

    def attacks_into(self, target: str) -> list[Link]:
        return [lk for lk in self.into.get(target, ()) if lk.type == "attacks"]

    def evidence(self, citations: list[Citation]) -> list[Citation]:
        """The citations that back a claim or link (those of a subject source only locate it)."""
        return [c for c in citations if c.source not in self.subject]

    def is_claim(self, node: str) -> bool:
        return node in self.claims

    def conclusions(self) -> list[str]:
        """Claims of kind conclusion; when none is marked, the claims that feed nothing further.

        Same answer as :func:`argmap.graph.conclusions`, without building the graph.
        """
        marked = [c.id for c in self.map.claims if c.kind == "conclusion"]
        if marked:
            return marked
        return [
            c.id for c in self.map.claims
            if c.id not in self.out_of and c.id in self.into and c.kind != "rebuttal"
        ]

    def dependencies(self, node: str) -> list[str]:
        """The nodes whose strength the strength of ``node`` is computed from."""
        deps = [lk.ident for lk in self.into.get(node, ())]
        if node in self.links:
            deps.extend(dict.fromkeys(self.links[node].from_))
        return deps

    def topological_order(self) -> list[str] | None:
        """Claims and links so that each comes after what it depends on; None on a cycle.

        Kahn's algorithm over premise -> link -> target edges: O(claims + links + premises),
        computed once per index.
        """
        if self._order_done:
            return self._topo
        pending: dict[str, int] = {cid: len(self.into.get(cid, ())) for cid in self.claims}
        for lid, link in self.links.items():
            pending[lid] = len(self.into.get(lid, ())) + len(set(link.from_))
        queue = deque(n for n, k in pending.items() if k == 0)
        order: list[str] = []
        links, out_of = self.links, self.out_of
        take, push, emit = queue.popleft, queue.append, order.append
        while queue:
            node = take()
            emit(node)
            link = links.get(node)
            if link is not None:
                left = pending[link.to] - 1
                pending[link.to] = left
                if left == 0:
                    push(link.to)
                continue
            for lk in out_of.get(node, ()):
                user = lk.id
                left = pending[user] - 1  # type: ignore[index]
                pending[user] = left  # type: ignore[index]
                if left == 0:
                    push(user)  # type: ignore[arg-type]
        self._topo = order if len(order) == len(pending) else None
        self._order_done = True
        return self._topo

    def dependents(self, node: str) -> list[str]:
        """The nodes computed from ``node``: links it is a premise of, or the target of a link."""
        if node in self.links:
            return [self.links[node].to]
        return [lk.ident for lk in self.out_of.get(node, ())]
