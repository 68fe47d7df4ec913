"""The legend of a diagram: a boxed key naming only what the picture uses.

Claim kinds are shown as real nodes drawn like the claims; link meanings as a small table of
coloured strokes, since sample edges would need nodes of their own and stretch the layout. The
strokes are filled table cells: only the weak sample is dashed, as only weak links are.
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


def _row(sample: str, text: str, th: Theme) -> str:
    return (f'<TR><TD ALIGN="RIGHT">{sample}</TD>'
            f'<TD ALIGN="LEFT" BALIGN="LEFT"><FONT POINT-SIZE="11" COLOR="{th.text}">'
            f'{text}</FONT></TD></TR>')


def _stroke(colour: str, *, thick: bool = False, dashed: bool = False, head: str = "") -> str:
    """A sample line drawn as filled table cells (box-drawing glyphs would show gaps, so every
    line would look dashed): solid unless ``dashed``, ending in ``head`` (a glyph) if given."""
    height = "4" if thick else "2"
    if dashed:
        segments = ['<TD WIDTH="7" HEIGHT="{h}" FIXEDSIZE="TRUE" BGCOLOR="{c}"></TD>'] * 4
        cells = '<TD WIDTH="4" HEIGHT="{h}" FIXEDSIZE="TRUE"></TD>'.join(segments)
    else:
        cells = '<TD WIDTH="40" HEIGHT="{h}" FIXEDSIZE="TRUE" BGCOLOR="{c}"></TD>'
    cells = cells.format(h=height, c=colour)
    if head:
        cells += f'<TD>{head}</TD>'
    return ('<TABLE BORDER="0" CELLSPACING="0" CELLPADDING="0"><TR>'
            f'{cells}</TR></TABLE>')


def _glyph(glyph: str, colour: str, size: int = 12) -> str:
    return f'<FONT COLOR="{colour}" POINT-SIZE="{size}">{glyph}</FONT>'


def _link_rows(scope: Scope, th: Theme) -> str:
    types = {lk.type for lk in scope.links}
    rows = []
    if "supports" in types:
        rows.append(_row(_stroke(th.support, head=_glyph("▶", th.support, 13)), "supports", th))
    if "attacks" in types:
        rows.append(_row(_stroke(th.attack, head=_glyph("┃", th.attack, 18)), "attacks", th))
    if any(lk.strength == "strong" for lk in scope.links):
        rows.append(_row(_stroke(th.subtle, thick=True), "strong link (thick)", th))
    if any(lk.strength == "weak" for lk in scope.links):
        rows.append(_row(_stroke(th.subtle, dashed=True), "weak link (dashed)", th))
    if scope.hubs:
        rows.append(_row(_glyph("●", th.subtle), "premises joined, or a link that is undercut",
                         th))
    if scope.flags:
        rows.append(_row(_glyph("⚠", th.flag, 13), "on a link: it is weak, or rests on a claim "
                         "without a source<BR/>(argmap check says which)", th))
    if any(lk.proposed for lk in scope.links) or any(c.proposed for c in scope.claims):
        rows.append(_row(_stroke(th.subtle, dashed=True),
                         "proposed by a tool, not reviewed (dashed grey)", th))
    return "".join(rows)
