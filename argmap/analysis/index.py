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
from collections.abc import Iterator
from itertools import chain, compress
from operator import attrgetter, itemgetter

from argmap.analysis.numbered import Numbered
from argmap.graph import conclusions_among
from argmap.model import ArgumentMap, Citation, Claim, Link, Source
from argmap.perf import collector_paused

# What the rules read of each claim and link, pulled out of the models in one pass each: at
# 100k claims every pass over the models costs tens of milliseconds in memory traffic alone.
ClaimRow = tuple[str, str, str, list[Citation], dict[str, str]]  # id, kind, text, evidence, ignore
# id, to, from, type, strength, warrant, evidence, ignore
LinkRow = tuple[str, str, list[str], str, str, "str | None", list[Citation], dict[str, str]]
_EVIDENCE, _LINK_EVIDENCE, _CITES = itemgetter(3), itemgetter(6), itemgetter(1)
_CLAIM_ROW = attrgetter("id", "kind", "text", "evidence", "ignore")
_LINK_ROW = attrgetter("id", "to", "from_", "type", "strength", "warrant", "evidence", "ignore")
_0, _1, _2, _3 = map(itemgetter, (0, 1, 2, 3))  # columns of the rows


class MapIndex:
    """Claims, links and sources by id; links into each node and out of each claim.

    Besides the lookups, the facts the lint rules share, pulled out of the models once, in map
    order: ``claim_rows`` and ``link_rows`` (see ClaimRow, LinkRow), the claim ids, kinds and
    texts, the link ids, the claims and links that silence a rule (``silenced``), the nodes a
    support or an attack points into (``supported``, ``attacked``) and the claims some evidence
    backs (``backed``; see :meth:`evidence`). The evaluations run on the map as numbers,
    built from these columns on first use (:meth:`numbered`).
    """

    def __init__(self, amap: ArgumentMap):
        with collector_paused():  # hundreds of thousands of new containers, all kept
            self._build(amap)

    def _build(self, amap: ArgumentMap) -> None:
        self.map = amap
        claims, links = amap.claims, amap.links
        self.claim_rows: list[ClaimRow] = list(map(_CLAIM_ROW, claims))
        self.link_rows: list[LinkRow] = list(map(_LINK_ROW, links))
        rows, lrows = self.claim_rows, self.link_rows
        self.link_ids: list[str] = list(map(_0, lrows))
        self.links: dict[str, Link] = dict(zip(self.link_ids, links, strict=True))
        if None in self.links:  # only a map that has not been validated
            self.link_ids = [lk.ident for lk in links]
            self.links = dict(zip(self.link_ids, links, strict=True))
        self.claim_ids: list[str] = list(map(_0, rows))
        self.kinds: list[str] = list(map(_1, rows))
        self.texts: list[str] = list(map(_2, rows))
        self.claims: dict[str, Claim] = dict(zip(self.claim_ids, claims, strict=True))
        self.sources: dict[str, Source] = {s.id: s for s in amap.sources}
        self.subject: frozenset[str] = frozenset(amap.subject)
        self.silenced: list[tuple[str, dict[str, str]]] = [(r[0], r[4]) for r in rows if r[4]]
        self.silenced += [(r[0], r[7]) for r in lrows if r[7]]
        self.backed: set[str] = {
            row[0] for row in rows if row[3] and self.evidence(row[3])} if self.subject \
            else set(compress(self.claim_ids, map(_3, rows)))
        self.into: dict[str, list[Link]] = {}
        self.out_of: dict[str, list[Link]] = {}
        self.supported: set[str] = set()
        self.attacked: set[str] = set()
        self._link_lookups(links)
        self._topo: list[str] | None = None
        self._order_done = False
        self._numbered: Numbered | None = None
        self.order: dict[str, int] = dict(zip(self.claim_ids, range(len(claims)), strict=True))
        self.order.update(
            zip(self.link_ids, range(len(claims), len(claims) + len(links)), strict=True))

    def _link_lookups(self, links: list[Link]) -> None:
        """Fill ``into``, ``out_of``, ``supported`` and ``attacked`` in one pass over the links
        (one pass: at 100k claims, hashing each id string again in a pass of its own costs
        more than the Python loop saves)."""
        into, out_of = self.into, self.out_of
        targets = {"supports": self.supported, "attacks": self.attacked}
        for link, row in zip(links, self.link_rows, strict=True):
            to, premises = row[1], row[2]
            targets[row[3]].add(to)
            feeding = into.get(to)
            if feeding is None:
                into[to] = [link]
            else:
                feeding.append(link)
            for premise in premises if len(premises) == 1 else dict.fromkeys(premises):
                leaving = out_of.get(premise)
                if leaving is None:
                    out_of[premise] = [link]
                else:
                    leaving.append(link)

    def cited(self) -> Iterator[tuple[str, list[Citation]]]:
        """The claims, then the links, that cite something, with their citations, in map order
        (without a Python-level step for the many that cite nothing)."""
        claims = zip(self.claim_ids, map(_EVIDENCE, self.claim_rows), strict=True)
        links = zip(self.link_ids, map(_LINK_EVIDENCE, self.link_rows), strict=True)
        return chain(filter(_CITES, claims), filter(_CITES, links))

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
        """Claims of kind conclusion; when none is marked, the claims that feed nothing further
        (:func:`argmap.graph.conclusions_among`, over this index's columns)."""
        return conclusions_among(self.claim_ids, self.kinds, self.out_of, self.into)

    def numbered(self) -> Numbered:
        """The map as numbers (claims, then links, numbered as in ``order``), built from this
        index's columns on first use: what DF-QuAD, the sides and the grounded labels run on."""
        if self._numbered is None:
            with collector_paused():
                self._numbered = Numbered.from_index(self)
        return self._numbered

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
