"""The map as a Mermaid flowchart, for Markdown on code hosts (GitHub, GitLab render it).

Same meanings as the Graphviz picture, as far as Mermaid allows: conclusions on top
(``flowchart BT`` with edges from premise to target); kinds by shape and class (conclusion
stadium, premise rounded box, rebuttal hexagon, assumption parallelogram); supports green
``-->``, attacks red ``--x``; weak links dotted, strong ones thick; several premises or an
undercut link meet in a small circle; flagged links labelled ⚠ with their finding codes;
unsourced claims dashed. Node ids are n1, n2 ... and i1, i2 ... (never the author's text).

>>> from argmap.model import ArgumentMap
>>> m = ArgumentMap.model_validate({"title": "t", "claims": [{"id": "a", "text": "A"},
...     {"id": "b", "text": "B", "kind": "conclusion"}], "links": [{"from": "a", "to": "b"}]})
>>> print(to_mermaid(m).splitlines()[6])
    n2(["B"])
"""

from __future__ import annotations

from typing import Any

from argmap.model import ArgumentMap, Claim
from argmap.render.labels import mermaid_lines, mermaid_text, shorten, wrap
from argmap.render.scope import AnalysisLike, Scope, select
from argmap.render.themes import THEMES

SHAPES = {"conclusion": ('(["', '"])'), "premise": ('("', '")'),
          "rebuttal": ('{{"', '"}}'), "assumption": ('[/"', '"/]')}
ARROWS = {  # (type, strength) -> arrow into the target; premise -> inference node has no head
    ("supports", "strong"): "==>", ("supports", "moderate"): "-->", ("supports", "weak"): "-.->",
    ("attacks", "strong"): "==x", ("attacks", "moderate"): "--x", ("attacks", "weak"): "-.-x",
}
PLAIN = {"strong": "===", "moderate": "---", "weak": "-.-"}


def to_mermaid(amap: ArgumentMap, analysis: AnalysisLike | None = None, *,
               focus: str | None = None, depth: int = 2, flags: bool = True) -> str:
    """Mermaid flowchart text of ``amap`` (or of the claims within ``depth`` of ``focus``)."""
    scope = select(amap, analysis, focus=focus, depth=depth, flags=flags)
    ids = {c.id: f"n{i}" for i, c in enumerate(scope.claims, 1)}
    hubs = [lk.ident for lk in scope.links if lk.ident in scope.hubs]
    ids.update({h: f"i{i}" for i, h in enumerate(hubs, 1)})
    lines = [f"%% {mermaid_text(shorten(amap.title, 100))}",
             "%% made by argmap render --format mermaid", "flowchart BT"]
    lines += [f"    %% {ids[c.id]}: {c.id}" for c in scope.claims]
    lines += [f"    {ids[c.id]}{_shape(c, c.id in scope.unsourced)}" for c in scope.claims]
    lines += [f'    {ids[h]}((" "))' for h in hubs]
    edges, types = _edges(scope, ids)
    lines += edges
    lines += _styles(scope, ids, types)
    return "\n".join(lines) + "\n"


def _shape(claim: Claim, unsourced: bool) -> str:
    text = wrap(claim.text)
    if unsourced:
        text[0] = "⚠ " + text[0]
    opening, closing = SHAPES[claim.kind]
    return f"{opening}{mermaid_lines(text)}{closing}"


def _edges(scope: Scope, ids: dict[str, str]) -> tuple[list[str], list[str]]:
    """The edge lines, and the link type of each edge in order (for linkStyle)."""
    edges: list[str] = []
    types: list[str] = []
    for link in scope.links:
        found: list[Any] = scope.flags.get(link.ident, [])
        label = f'|"⚠ {" ".join(sorted({f.code for f in found}))}"|' if found else ""
        arrow = ARROWS[(link.type, link.strength)]
        if link.ident in scope.hubs:
            for premise in link.from_:
                edges.append(f"    {ids[premise]} {PLAIN[link.strength]} {ids[link.ident]}")
                types.append(link.type)
            edges.append(f"    {ids[link.ident]} {arrow}{label} {ids[link.to]}")
        else:
            edges.append(f"    {ids[link.from_[0]]} {arrow}{label} {ids[link.to]}")
        types.append(link.type)
    return edges, types


def _styles(scope: Scope, ids: dict[str, str], types: list[str]) -> list[str]:
    th = THEMES["light"]
    out = []
    for kind, style in th.kinds.items():
        width = "2px" if kind == "conclusion" else "1px"
        out.append(f"    classDef {kind} fill:{style.fill},stroke:{style.border},"
                   f"stroke-width:{width},color:{th.text}")
        members = [ids[c.id] for c in scope.claims if c.kind == kind]
        if members:
            out.append(f"    class {','.join(members)} {kind}")
    out.append("    classDef unsourced stroke-dasharray:5 4")
    if scope.unsourced:
        out.append(f"    class {','.join(ids[c] for c in sorted(scope.unsourced))} unsourced")
    for kind, colour in (("supports", th.support), ("attacks", th.attack)):
        hubs = [ids[lk.ident] for lk in scope.links if lk.ident in scope.hubs and lk.type == kind]
        if hubs:
            out.append(f"    classDef {kind}Hub fill:{colour},stroke:{colour}")
            out.append(f"    class {','.join(hubs)} {kind}Hub")
        numbers = [str(i) for i, t in enumerate(types) if t == kind]
        if numbers:
            out.append(f"    linkStyle {','.join(numbers)} stroke:{colour},color:{colour}")
    if scope.focus is not None:
        out.append(f"    classDef focus stroke:{th.focus},stroke-width:4px")
        out.append(f"    class {ids[scope.focus]} focus")
    return out
