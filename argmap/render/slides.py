"""Projector slides: one 16:9 picture per conclusion and one per contention (a claim that bears
directly on a conclusion), each with few claims in large type, so a class can read it from the
back of the room. A whole map of some size is thousands of pixels wide: shown on one screen its
text shrinks to a few pixels.

A slide shows its claim (outlined as the focus), the reasons and objections that point at it,
and the undercuts of those links; a contention's slide also shows what it bears on, for context.
A claim with many reasons gets several slides ("2 of 3"), ``MAX_LINKS`` links each.

>>> from argmap.model import ArgumentMap
>>> m = ArgumentMap.model_validate({"title": "t", "claims": [
...     {"id": "c", "text": "C", "kind": "conclusion"}, {"id": "a", "text": "A"},
...     {"id": "b", "text": "B"}], "links": [{"from": "a", "to": "c"}, {"from": "b", "to": "a"}]})
>>> [(s.name, [c.id for c in s.scope.claims]) for s in plan_slides(m)]
[('01-c', ['c', 'a']), ('02-a', ['c', 'a', 'b'])]
"""

from __future__ import annotations

import json
import os
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

import graphviz

from argmap.io.atomic import atomic_write
from argmap.io.targets import check_target
from argmap.model import ArgumentMap, Link
from argmap.render.graphviz import draw
from argmap.render.labels import html_lines, html_text, shorten, wrap
from argmap.render.legend import add_legend
from argmap.render.output import pipe
from argmap.render.scope import AnalysisLike, Scope, select
from argmap.render.themes import get_theme

MAX_LINKS = 4            # reasons and objections on one slide
SLIDE_W, SLIDE_H = 960, 540   # points: 13.333 x 7.5 inches, 16:9
SLIDE_DPI = "144"        # 13.333 x 7.5 inches at 144 dpi: 1920 x 1080 pixels
FONT_SCALE = 1.9         # type on a slide, against the same map's diagram
LEGEND_SCALE = 1.4
TITLE_WIDTH = 60
_SIZES = re.compile(r'((?:fontsize|POINT-SIZE)="?)(\d+(?:\.\d+)?)')


@dataclass
class Slide:
    """One picture: its file name (without extension), heading and what it shows."""

    name: str
    title: str
    scope: Scope


def plan_slides(amap: ArgumentMap, analysis: AnalysisLike | None = None, *,
                flags: bool = True, strength: bool = False) -> list[Slide]:
    """The slides of ``amap``: each conclusion, then each contention, in map order.

    A map without conclusions takes the claims that bear on nothing as its conclusions.
    """
    full = select(amap, analysis, flags=flags, strength=strength)
    by_target: dict[str, list[Link]] = {}
    for link in full.links:
        by_target.setdefault(link.to, []).append(link)
    premises = {p for lk in full.links for p in lk.from_}
    tops = [c.id for c in amap.claims if c.kind == "conclusion"]
    if not tops:
        tops = [c.id for c in amap.claims if c.id not in premises and c.id in by_target]
    contentions = list(dict.fromkeys(p for top in tops for lk in by_target.get(top, [])
                                     for p in lk.from_ if p not in tops))
    slides: list[Slide] = []
    counts: dict[str, int] = {}
    for claim_id in [*tops, *contentions]:
        into = by_target.get(claim_id, [])
        context = [] if claim_id in tops else [
            lk for top in tops for lk in by_target.get(top, []) if claim_id in lk.from_]
        role = _role(claim_id in tops, context)
        counts[role] = counts.get(role, 0) + 1
        heading = f"{role} {counts[role]}"
        parts = [into[i:i + MAX_LINKS] for i in range(0, len(into), MAX_LINKS)] or [[]]
        for number, chunk in enumerate(parts, 1):
            links = [*context, *chunk]
            links += [lk for lk in full.links if lk.to in {x.ident for x in links}]
            suffix = f"-{number}" if len(parts) > 1 else ""
            title = heading + (f" ({number} of {len(parts)})" if len(parts) > 1 else "")
            slides.append(Slide(f"{len(slides) + 1:02d}-{claim_id}{suffix}", title,
                                _restrict(full, claim_id, links)))
    return slides


def _role(top: bool, context: list[Link]) -> str:
    """What a slide's claim is to the class: a conclusion, a contention for one, or an
    objection to one."""
    if top:
        return "Conclusion"
    return "Objection" if all(lk.type == "attacks" for lk in context) else "Contention"


def _restrict(full: Scope, focus: str, links: list[Link]) -> Scope:
    """The part of ``full`` made of ``focus``, ``links`` and their ends, in map order."""
    keep_links = {lk.ident for lk in links}
    drawn = [lk for lk in full.links if lk.ident in keep_links]
    ids = {focus} | {p for lk in drawn for p in lk.from_} | {lk.to for lk in drawn}
    undercut = {lk.to for lk in drawn}
    return Scope(
        claims=[c for c in full.claims if c.id in ids], links=drawn,
        hubs={lk.ident for lk in drawn if len(lk.from_) > 1 or lk.ident in undercut},
        focus=focus, flags={k: v for k, v in full.flags.items() if k in keep_links},
        unsourced=full.unsourced & ids, strengths=full.strengths,
    )


def slide_dot(amap: ArgumentMap, slide: Slide, number: int, total: int,
              analysis: AnalysisLike | None = None, theme: str = "light") -> graphviz.Digraph:
    """The DOT graph of one slide: the diagram's drawing in larger type, on a 16:9 page."""
    dot = draw(amap, slide.scope, analysis, depth=1, theme=theme, legend=False)
    th = get_theme(theme)
    heading = (f"<B>{html_lines(wrap(slide.title, TITLE_WIDTH))}</B><BR/>"
               f'<FONT POINT-SIZE="12" COLOR="{th.subtle}">'
               f"{html_text(shorten(amap.title, TITLE_WIDTH))} · {number} of {total}</FONT>")
    dot.graph_attr.update(label=f"<{heading}>", size=f"{SLIDE_W / 72:.3f},{SLIDE_H / 72:.3f}!",
                          nodesep="0.5", ranksep="0.7", pad="0", dpi=SLIDE_DPI)
    _scale_type(dot, FONT_SCALE)
    if slide.scope.claims:  # the key in smaller type: it is read once, not from afar
        start = len(dot.body)
        add_legend(dot, slide.scope, th)
        dot.body[start:] = [_SIZES.sub(_times(LEGEND_SCALE), line) for line in dot.body[start:]]
    return dot


def _times(factor: float) -> Callable[[re.Match[str]], str]:
    def scaled(match: re.Match[str]) -> str:
        return f"{match.group(1)}{float(match.group(2)) * factor:g}"
    return scaled


def _scale_type(dot: graphviz.Digraph, factor: float) -> None:
    """Multiply every font size in ``dot`` (attributes and HTML-like labels) by ``factor``."""
    bigger = _times(factor)
    for attrs in (dot.graph_attr, dot.node_attr, dot.edge_attr):
        for key in ("fontsize", "label"):
            if key in attrs:
                attrs[key] = _SIZES.sub(bigger, attrs[key]) if key == "label" else \
                    f"{float(attrs[key]) * factor:g}"
    dot.body[:] = [_SIZES.sub(bigger, line) for line in dot.body]  # subgraphs included


def fill_slide(dot: graphviz.Digraph) -> None:
    """Pad ``dot`` so its picture has exactly the slide's shape (16:9): Graphviz scales the
    drawing and its pad together to the slide's size, so the pad makes up the missing side."""
    layout = json.loads(pipe(dot, "json"))
    _, _, width, height = (float(v) for v in layout["bb"].split(","))
    pad_x = max(0.0, height * SLIDE_W / SLIDE_H - width) / 2 + 12
    pad_y = max(0.0, width * SLIDE_H / SLIDE_W - height) / 2 + 12 * SLIDE_H / SLIDE_W
    dot.graph_attr["pad"] = f"{pad_x / 72:.4f},{pad_y / 72:.4f}"


def write_slides(amap: ArgumentMap, folder: str | os.PathLike[str], *,
                 analysis: AnalysisLike | None = None, flags: bool = True,
                 strength: bool = False, theme: str = "light", force: bool = False,
                 inputs: Iterable[str | os.PathLike[str]] = (),
                 formats: tuple[str, ...] = ("png", "svg")) -> list[Path]:
    """Write each slide of ``amap`` into ``folder`` (made when missing) as PNG and SVG; the
    files written, in order. Nothing is written when one of them exists and not ``force``."""
    folder = Path(folder)
    slides = plan_slides(amap, analysis, flags=flags, strength=strength)
    paths = [folder / f"{s.name}.{fmt}" for s in slides for fmt in formats]
    for path in paths:
        check_target(path, force=force, inputs=list(inputs))
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for number, slide in enumerate(slides, 1):
        dot = slide_dot(amap, slide, number, len(slides), analysis, theme)
        fill_slide(dot)
        for fmt in formats:
            path = folder / f"{slide.name}.{fmt}"
            atomic_write(path, pipe(dot, fmt))
            written.append(path)
    return written
