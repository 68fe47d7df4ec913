"""The legend of a diagram: a boxed key naming only what the picture uses.

Claim kinds are shown as real nodes drawn like the claims; link meanings as a small table of
coloured strokes, since sample edges would need nodes of their own and stretch the layout.
Node names start with ``_``, which no claim or link id can (ids are slugs).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import graphviz

from argmap.perf import LazyModule

if TYPE_CHECKING:
    import networkx as nx
else:
    nx = LazyModule("networkx")  # imported when first used

from argmap.model import CLAIM_KINDS
from argmap.render.scope import Scope
from argmap.render.themes import Theme

KIND_STYLE = {"conclusion": "rounded,filled,bold", "premise": "rounded,filled",
              "rebuttal": "filled,diagonals", "assumption": "filled"}


def add_legend(dot: graphviz.Digraph, scope: Scope, th: Theme, across: bool = False) -> None:
    """Add a ``cluster_legend`` subgraph to ``dot`` explaining the kinds and links drawn.

    It sits under the deepest row of the map (an invisible edge hangs it there): the top row
    holds the conclusions and should stay narrow.
    """
    kinds = [k for k in CLAIM_KINDS if any(c.kind == k for c in scope.claims)]
    with dot.subgraph(name="cluster_legend") as leg:
        leg.attr(label="<<B>Legend</B>>", fontsize="12", style="rounded,filled",
                 fillcolor=th.legend, color=th.subtle, fontcolor=th.text, id="_legend",
                 labeljust="l", margin="10")
        names = []
        for kind in kinds:
            name = f"_legend_{kind}"
            names.append(name)
            label = f"<<I>{kind}</I>>" if kind == "assumption" else kind
            leg.node(name, label=label, shape="note" if kind == "assumption" else "box",
                     style=KIND_STYLE[kind], fillcolor=th.kinds[kind].fill,
                     color=th.kinds[kind].border, fontsize="11", id=name,
                     penwidth="2.2" if kind == "conclusion" else "1.2", tooltip=f"a {kind}")
        if scope.unsourced:
            leg.node("_legend_unsourced", label=f'<<FONT COLOR="{th.flag}">⚠</FONT> unsourced>',
                     style="rounded,filled,dashed", fillcolor=th.kinds["premise"].fill,
                     color=th.kinds["premise"].border, fontsize="11", id="_legend_unsourced",
                     tooltip="a claim that nothing backs: no evidence, no supporting link")
            names.append("_legend_unsourced")
        rows = _link_rows(scope, th)
        if rows:
            leg.node("_legend_links", label=f'<<TABLE BORDER="0" CELLSPACING="0" CELLPADDING="1">'
                     f'{rows}</TABLE>>', shape="plain", id="_legend_links",
                     tooltip="how links are drawn")
            names.append("_legend_links")
        # One row under the map. Top-down, a rank is a row: chain the entries within one rank
        # and hang the row under the deepest claim. Left-right, ranks are columns: chain the
        # entries across ranks, starting next to a conclusion, so they line up under the map.
        with leg.subgraph() as row:
            if not across:
                row.attr(rank="same")
            for left, right in zip(names, names[1:], strict=False):
                row.edge(left, right, style="invis", dir="none")
    depth = _depths(scope)
    if depth:
        pick = min if across else max
        start = pick(depth, key=depth.__getitem__)
        dot.edge(start, names[0], style="invis", dir="none", weight="0")


def _depths(scope: Scope) -> dict[str, int]:
    """How many ranks each drawn node sits below the top (empty when the links form a cycle)."""
    g = nx.DiGraph()
    g.add_nodes_from(c.id for c in scope.claims)
    for link in scope.links:
        if link.ident in scope.hubs:
            g.add_edge(link.to, link.ident)
            g.add_edges_from((link.ident, p) for p in link.from_)
        else:
            g.add_edge(link.to, link.from_[0])
    if not g or not nx.is_directed_acyclic_graph(g):
        return {}
    depth: dict[str, int] = {}
    for node in nx.topological_sort(g):
        depth[node] = max((depth[u] + 1 for u in g.predecessors(node)), default=0)
    return depth


def _row(glyph: str, colour: str, text: str, th: Theme) -> str:
    return (f'<TR><TD ALIGN="RIGHT"><FONT COLOR="{colour}" POINT-SIZE="12">{glyph}</FONT></TD>'
            f'<TD ALIGN="LEFT"><FONT POINT-SIZE="11" COLOR="{th.text}">{text}</FONT></TD></TR>')


def _link_rows(scope: Scope, th: Theme) -> str:
    types = {lk.type for lk in scope.links}
    rows = []
    if "supports" in types:
        rows.append(_row("━━━▶", th.support, "supports", th))
    if "attacks" in types:
        rows.append(_row("━━━┫", th.attack, "attacks", th))
    if any(lk.strength == "strong" for lk in scope.links):
        rows.append(_row("━━━", th.subtle, "strong link (thick)", th))
    if any(lk.strength == "weak" for lk in scope.links):
        rows.append(_row("╍╍╍", th.subtle, "weak link (dashed)", th))
    if scope.hubs:
        rows.append(_row("●", th.subtle, "premises joined, or a link that is undercut", th))
    if scope.flags:
        rows.append(_row("⚠", th.flag, "flagged: weak or unsourced (see tooltip)", th))
    return "".join(rows)
