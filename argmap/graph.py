"""The networkx view of a map, and traversal helpers over it.

Claims and links are both nodes (a link is an inference node, as in AIF): each premise has an edge
to its link, and the link an edge to its target, a claim or (for an undercut) another link.

>>> from argmap.model import ArgumentMap
>>> m = ArgumentMap.model_validate({"title": "t", "claims": [{"id": "a", "text": "A"},
...     {"id": "b", "text": "B", "kind": "conclusion"}], "links": [{"from": "a", "to": "b"}]})
>>> g = build_graph(m); supporters(g, "b")
['l1']
"""

from __future__ import annotations

from collections.abc import Container, Sequence
from itertools import compress
from typing import TYPE_CHECKING

from argmap.perf import LazyModule

if TYPE_CHECKING:
    import networkx as nx
else:
    nx = LazyModule("networkx")  # imported when first used

from argmap.model import ArgumentMap
from argmap.perf import collector_paused

CLAIM = "claim"
LINK = "link"


def build_graph(amap: ArgumentMap) -> nx.DiGraph:
    """Claims and links as nodes, edges premise -> link -> target. Cost: O(claims + links)."""
    with collector_paused():
        return _build(amap)


def _build(amap: ArgumentMap) -> nx.DiGraph:
    g = nx.DiGraph()
    g.add_nodes_from((c.id, {"node": CLAIM, "kind": c.kind}) for c in amap.claims)
    for link in amap.links:
        g.add_node(link.ident, node=LINK, type=link.type, strength=link.strength)
        g.add_edges_from((p, link.ident) for p in link.from_)
        g.add_edge(link.ident, link.to)
    return g


def is_link(g: nx.DiGraph, node: str) -> bool:
    return bool(g.nodes[node].get("node") == LINK)


def links_into(g: nx.DiGraph, target: str, type_: str | None = None) -> list[str]:
    """Ids of the links whose target is ``target`` (a claim or a link), optionally by type."""
    return [
        n for n in g.predecessors(target)
        if is_link(g, n) and (type_ is None or g.nodes[n]["type"] == type_)
    ]


def supporters(g: nx.DiGraph, target: str) -> list[str]:
    return links_into(g, target, "supports")


def attackers(g: nx.DiGraph, target: str) -> list[str]:
    return links_into(g, target, "attacks")


def premises(g: nx.DiGraph, link: str) -> list[str]:
    return list(g.predecessors(link))


def target(g: nx.DiGraph, link: str) -> str:
    return next(iter(g.successors(link)))


def conclusions(amap: ArgumentMap, g: nx.DiGraph | None = None) -> list[str]:
    """Claims of kind conclusion; when a map names none, the claims that feed nothing further
    (and that something feeds, rebuttals excepted). ``g``: the map's graph, when built (the
    links are read otherwise)."""
    if g is None:
        feeds = {p for link in amap.links for p in link.from_}
        fed: Container[str] = {link.to for link in amap.links}
    else:
        feeds = {n for n, after in g.succ.items() if after}
        fed = {n for n, before in g.pred.items() if before}
    return conclusions_among([c.id for c in amap.claims], [c.kind for c in amap.claims],
                             feeds, fed)


def conclusions_among(ids: Sequence[str], kinds: Sequence[str], feeds: Container[str],
                      fed: Container[str]) -> list[str]:
    """Which of the claims ``ids`` (of ``kinds``) are the map's conclusions: those of kind
    conclusion; when none is, those that are not a premise of anything (not in ``feeds``) but
    that some link points into (in ``fed``), rebuttals excepted. The one definition of a map's
    conclusions, for callers holding the claims' ids and kinds and the premises and targets
    of the links in any form.

    >>> conclusions_among(["a", "b", "r"], ["premise", "premise", "rebuttal"], {"a"}, {"b", "r"})
    ['b']
    """
    marked = list(compress(ids, map("conclusion".__eq__, kinds)))
    if marked:
        return marked
    return [cid for cid, kind in zip(ids, kinds, strict=True)
            if cid not in feeds and cid in fed and kind != "rebuttal"]


def leaves(g: nx.DiGraph) -> list[str]:
    """Claims that no link points into: where the reasoning starts."""
    return [n for n in g if not is_link(g, n) and not links_into(g, n)]


def claim_graph(g: nx.DiGraph, type_: str | None = "supports") -> nx.DiGraph:
    """Premise -> target edges between claims only, through links of ``type_`` (all if None)."""
    h = nx.DiGraph()
    h.add_nodes_from(n for n in g if not is_link(g, n))
    for link in (n for n in g if is_link(g, n)):
        if type_ is not None and g.nodes[link]["type"] != type_:
            continue
        goal = target(g, link)
        if not is_link(g, goal):
            h.add_edges_from((p, goal) for p in g.predecessors(link))
    return h


def cycles(g: nx.DiGraph, type_: str | None = "supports", limit: int = 100) -> list[list[str]]:
    """Up to ``limit`` claim cycles through links of ``type_``.

    Acyclicity is tested first with a topological sort (linear); only strongly connected
    components with more than one claim (or a self-loop) are searched for simple cycles.
    """
    h = claim_graph(g, type_)
    if nx.is_directed_acyclic_graph(h):
        return []
    found: list[list[str]] = []
    for component in nx.strongly_connected_components(h):
        if len(component) == 1 and not any(h.has_edge(n, n) for n in component):
            continue
        for cycle in nx.simple_cycles(h.subgraph(component)):
            found.append(cycle)
            if len(found) >= limit:
                return found
    return found


def neighbourhood(g: nx.DiGraph, center: str, depth: int) -> set[str]:
    """Claims and links within ``depth`` claim-steps of ``center`` (both directions).

    One claim-step crosses a link node, so the search radius in the graph is ``2 * depth``; the
    links between the selected claims come along. Cost: the size of the neighbourhood (a
    breadth-first walk; no undirected copy of the whole graph).
    """
    if center not in g:
        raise KeyError(center)
    nodes = {center}
    frontier = {center}
    for _ in range(2 * depth):
        frontier = {n for node in frontier for n in _ends(g, node)} - nodes
        nodes |= frontier
    claims = {n for n in nodes if not is_link(g, n)}
    return claims | {n for n in nodes if is_link(g, n) and _touches(g, n, claims)}


def _ends(g: nx.DiGraph, node: str) -> list[str]:
    return [*g.predecessors(node), *g.successors(node)]


def _touches(g: nx.DiGraph, link: str, claims: set[str]) -> bool:
    return any(e in claims for e in _ends(g, link))
