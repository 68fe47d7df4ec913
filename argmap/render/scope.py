"""What a diagram shows: which claims and links (all, or the neighbourhood of one claim), which
links are drawn as an inference node, and the flags the analysis puts on them.

Shared by the Graphviz and Mermaid renderers so both draw exactly the same selection.

>>> from argmap.model import ArgumentMap
>>> m = ArgumentMap.model_validate({"title": "t", "claims": [{"id": "a", "text": "A"},
...     {"id": "b", "text": "B"}, {"id": "c", "text": "C", "kind": "conclusion"}],
...     "links": [{"from": ["a", "b"], "to": "c"}]})
>>> s = select(m); [c.id for c in s.claims], s.hubs
(['a', 'b', 'c'], {'l1'})
>>> [c.id for c in select(m, focus="a", depth=0).claims]
['a']
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Protocol

from argmap.perf import LazyModule

if TYPE_CHECKING:
    import networkx as nx
else:
    nx = LazyModule("networkx")  # imported when first used

from argmap.errors import UsageError
from argmap.graph import neighbourhood as graph_neighbourhood
from argmap.model import ArgumentMap, Claim, Link


class FindingLike(Protocol):
    code: str
    name: str
    severity: str
    message: str


class AnalysisLike(Protocol):
    """The part of ``argmap.analysis.Analysis`` a diagram reads."""

    strengths: dict[str, float]

    def findings_for(self, target_id: str) -> list[Any]: ...
    def link_flags(self, link_id: str) -> list[Any]: ...
    def is_unsourced(self, claim_id: str) -> bool: ...


@dataclass
class Scope:
    """The claims and links to draw, in map order, and how to mark them."""

    claims: list[Claim]
    links: list[Link]
    hubs: set[str]                 # link ids drawn as a small inference node
    focus: str | None = None
    flags: dict[str, list[Any]] = field(default_factory=dict)   # link id -> findings
    unsourced: set[str] = field(default_factory=set)             # claim ids
    strengths: dict[str, float] = field(default_factory=dict)    # shown only when asked

    @property
    def link_index(self) -> dict[str, Link]:
        """The drawn links by id."""
        if self._index is None:
            self._index = {lk.ident: lk for lk in self.links}
        return self._index

    _index: dict[str, Link] | None = field(default=None, repr=False)


def select(
    amap: ArgumentMap,
    analysis: AnalysisLike | None = None,
    *,
    focus: str | None = None,
    depth: int = 2,
    flags: bool = True,
    strength: bool = False,
) -> Scope:
    """The claims and links to draw: all of them, or those within ``depth`` steps of ``focus``.

    A link is drawn when its target and all its premises are drawn (so a focused diagram never
    shows half a linked argument); it becomes an inference node when it has several premises or
    a drawn link attacks it (an undercut needs something to point at).
    """
    if focus is None:
        keep: set[str] | None = None
    else:
        # Walk the analysis's graph when it has been built already (it is a cached property)
        # for this very map; building it just for this costs more than scanning the links.
        built = None
        if analysis is not None and getattr(analysis, "map", None) is amap:
            built = vars(analysis).get("graph")
        keep = _neighbourhood(amap, focus, depth, built)
    claims = amap.claims if keep is None else [c for c in amap.claims if c.id in keep]
    links = _drawn_links(amap, {c.id for c in claims}, keep)
    undercut = {lk.to for lk in links}
    hubs = {lk.ident for lk in links if len(lk.from_) > 1 or lk.ident in undercut}
    scope = Scope(claims=claims, links=links, hubs=hubs, focus=focus)
    if analysis is not None and flags:
        scope.flags = {lk.ident: found for lk in links if (found := analysis.link_flags(lk.ident))}
        scope.unsourced = {c.id for c in claims if analysis.is_unsourced(c.id)}
    if analysis is not None and strength:
        scope.strengths = dict(analysis.strengths)
    return scope


def _drawn_links(amap: ArgumentMap, drawn: set[str], keep: set[str] | None) -> list[Link]:
    """The links whose premises and target are all drawn, in map order. An undercut is drawn
    only when the link it attacks is, so links into claims are settled first."""
    pending = list(enumerate(amap.links if keep is None else
                             (lk for lk in amap.links if lk.id in keep)))
    chosen: list[tuple[int, Link]] = []
    while True:
        added = [(i, lk) for i, lk in pending
                 if lk.to in drawn and all(p in drawn for p in lk.from_)]
        if not added:
            break
        chosen.extend(added)
        drawn.update(lk.ident for _, lk in added)
        pending = [(i, lk) for i, lk in pending if lk.id not in drawn]
    return [lk for _, lk in sorted(chosen, key=lambda pair: pair[0])]


def _neighbourhood(amap: ArgumentMap, focus: str, depth: int,
                   graph: nx.DiGraph | None) -> set[str]:
    if not any(c.id == focus for c in amap.claims):
        if any(lk.id == focus for lk in amap.links):
            ends = ", ".join(amap.link(focus).from_ + [amap.link(focus).to])
            raise UsageError(f"{focus!r} is a link; focus on one of its claims: {ends}")
        near = difflib.get_close_matches(focus, [c.id for c in amap.claims], n=3)
        hint = f"; did you mean {', '.join(near)}?" if near else ""
        raise UsageError(f"no claim {focus!r} in the map{hint}")
    if depth < 0:
        raise UsageError(f"depth must be 0 or more, not {depth}")
    return neighbourhood(amap, focus, depth, graph)


def neighbourhood(amap: ArgumentMap, center: str, depth: int,
                  graph: nx.DiGraph | None = None) -> set[str]:
    """The claims and links :func:`argmap.graph.neighbourhood` selects, found faster.

    With the map's ``graph`` (an analysis keeps one) the search walks only the neighbourhood;
    without it, each of the ``2 * depth`` steps is one pass over the links, which allocates
    nothing per link and spares building a graph for one diagram.
    """
    if graph is not None:
        return graph_neighbourhood(graph, center, depth)
    claim_ids = {c.id for c in amap.claims}
    seen = {center}
    frontier = {center}
    for _ in range(2 * depth):
        frontier = _step_scan(amap, frontier) - seen
        seen |= frontier
    claims = seen & claim_ids
    return claims | {lk.ident for lk in amap.links if lk.id in seen
                     and (lk.to in claims or any(p in claims for p in lk.from_))}


def _step_scan(amap: ArgumentMap, frontier: set[str]) -> set[str]:
    found: set[str] = set()
    for link in amap.links:
        if link.id in frontier:
            found.update(link.from_)
            found.add(link.to)
        elif link.to in frontier or any(p in frontier for p in link.from_):
            found.add(link.ident)
    return found
