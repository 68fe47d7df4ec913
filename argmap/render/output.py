"""Write a diagram to a file: the one module of argmap that runs a program (Graphviz).

Everything else in :mod:`argmap.render` builds text (DOT, Mermaid) and is pure; here the DOT is
piped through ``dot`` or ``sfdp`` and the result written atomically, so a failed render never
leaves half a file where a good one was.
"""

from __future__ import annotations

import os
import re
from pathlib import Path
from typing import TYPE_CHECKING, Any

from argmap.errors import ArgmapError, UsageError
from argmap.io.atomic import atomic_write

if TYPE_CHECKING:  # the drawing modules are imported when a diagram is drawn
    import graphviz

    from argmap.model import ArgumentMap
    from argmap.render.scope import AnalysisLike

SUFFIXES = {".svg": "svg", ".png": "png", ".pdf": "pdf", ".dot": "dot", ".gv": "dot",
            ".mmd": "mermaid", ".mermaid": "mermaid", ".html": "html", ".htm": "html"}
FORMATS = ("svg", "png", "pdf", "dot", "mermaid", "html")
LAYOUTS = ("dot", "sfdp")
# Above this many claims drawn, the automatic layout is sfdp: dot's layered layout grows much
# faster than linear in the map's size (figures in docs/diagrams.md).
SFDP_ABOVE = 400
# Graphviz gives the picture and each box of claims a <title> (the DOT name: "argmap",
# "cluster_legend"), which a browser shows as a tooltip anywhere over the background.
_GROUP_TITLE = re.compile(
    rb'(<g id="[^"]*" class="(?:graph|cluster)"[^>]*>\n)<title>[^<]*</title>\n')
PNG_DPI = "110"   # a little over screen resolution: crisp when projected or zoomed


class GraphvizMissing(ArgmapError):
    """The Graphviz programs (``dot``, ``sfdp``) are not installed or not on PATH."""


class RenderError(ArgmapError):
    """Graphviz ran but could not draw the map."""


def output_format(out: str | os.PathLike[str], fmt: str | None = None) -> str:
    """The format to write: ``fmt`` when given, else the one ``out``'s extension names."""
    if fmt is not None:
        if fmt == "mmd":
            return "mermaid"
        if fmt not in FORMATS:
            raise UsageError(f"unknown format {fmt!r}: use one of {', '.join(FORMATS)}")
        return fmt
    suffix = Path(out).suffix.lower()
    if suffix not in SUFFIXES:
        raise UsageError(
            f"{out}: cannot tell the format from {suffix or 'a name without extension'!r}; "
            f"use .svg, .png, .pdf, .dot, .mmd or .html, or give --format"
        )
    return SUFFIXES[suffix]


def choose_layout(claims: int, layout: str | None = None) -> str:
    """``layout`` when given; otherwise dot up to ``SFDP_ABOVE`` claims and sfdp above."""
    if layout is None:
        return "sfdp" if claims > SFDP_ABOVE else "dot"
    if layout not in LAYOUTS:
        raise UsageError(f"unknown layout {layout!r}: use dot or sfdp")
    return layout


def render_bytes(amap: ArgumentMap, fmt: str, *, layout: str | None = None,
                 analysis: AnalysisLike | None = None, **dot_opts: Any) -> bytes:
    """The diagram of ``amap`` in ``fmt`` (svg, png, pdf, dot, mermaid or html) as bytes.

    html: the page of :mod:`argmap.render.page`, around the SVG, with the subject sources'
    texts (their `text:` files, read beside the map file).
    """
    if fmt == "html":
        from argmap.render.page import build_page

        svg = render_bytes(amap, "svg", layout=layout, analysis=analysis, **dot_opts)
        page = build_page(amap, analysis, svg.decode("utf-8"), subject_texts(amap))
        return page.encode("utf-8")
    from argmap.render.graphviz import build_dot, draw
    from argmap.render.mermaid import to_mermaid
    from argmap.render.scope import select

    if fmt == "mermaid":
        keep = {k: v for k, v in dot_opts.items() if k in ("focus", "depth", "flags")}
        return to_mermaid(amap, analysis, **keep).encode("utf-8")
    if fmt == "dot":
        return build_dot(amap, analysis, **dot_opts).source.encode("utf-8")
    selection = {k: dot_opts.pop(k) for k in ("focus", "depth", "flags", "strength")
                 if k in dot_opts}
    scope = select(amap, analysis, **selection)
    engine = choose_layout(len(scope.claims), layout)
    # sfdp ignores clusters: a legend would come apart into loose nodes, so it is left out.
    dot = draw(amap, scope, analysis, depth=selection.get("depth", 2),
               **{"legend": engine == "dot", **dot_opts})
    if engine == "sfdp":
        dot.attr("graph", overlap="prism", splines="false", outputorder="edgesfirst")
    if fmt == "png":
        dot.attr("graph", dpi=PNG_DPI)
    return pipe(dot, fmt, engine)


def pipe(dot: graphviz.Digraph, fmt: str, engine: str = "dot") -> bytes:
    """``dot`` drawn by Graphviz's ``engine`` in ``fmt`` (svg, png, pdf). An SVG has no
    tooltip on its background."""
    data = _pipe(dot, fmt, engine)
    return _GROUP_TITLE.sub(rb"\1", data) if fmt == "svg" else data


def _pipe(dot: graphviz.Digraph, fmt: str, engine: str) -> bytes:
    import graphviz

    try:
        data: bytes = dot.pipe(format=fmt, engine=engine, quiet=True)
    except graphviz.ExecutableNotFound:
        raise GraphvizMissing(
            f"Graphviz's `{engine}` program was not found: install Graphviz "
            f"(Debian/Ubuntu: `apt-get install graphviz`, macOS: `brew install graphviz`), "
            f"or write DOT text with `-o FILE.dot` / Mermaid with `--format mermaid`"
        ) from None
    except graphviz.CalledProcessError as exc:
        detail = (exc.stderr or b"").decode("utf-8", "replace").strip()
        raise RenderError(f"Graphviz `{engine}` failed: {detail or exc}") from None
    return data


def render_file(amap: ArgumentMap, out: str | os.PathLike[str], *, fmt: str | None = None,
                layout: str | None = None, analysis: AnalysisLike | None = None,
                **dot_opts: Any) -> Path:
    """Draw ``amap`` into ``out`` (format from ``fmt`` or the extension), atomically."""
    kind = output_format(out, fmt)
    data = render_bytes(amap, kind, layout=layout, analysis=analysis, **dot_opts)
    atomic_write(out, data)
    return Path(out)


def subject_texts(amap: ArgumentMap) -> dict[str, str]:
    """The texts under review: each subject source's `text:` file (read beside the map file)
    that can be read, by source id."""
    from argmap.analysis.text.sources import source_texts

    subject = [s for s in amap.sources if s.id in amap.subject and s.text]
    if not subject:
        return {}
    found = source_texts(amap, None, None)
    return {s.id: found[s.id].text for s in subject
            if s.id in found and found[s.id].text is not None}


# "About two screens": two 1920-pixel screens side by side, at 96 pixels per inch.
WIDE_PT = 2 * 1920 * 72 / 96
_SVG_WIDTH = re.compile(rb'<svg width="([\d.]+)pt"')
_PDF_BOX = re.compile(rb"/MediaBox \[\s*[-\d.]+\s+[-\d.]+\s+([\d.]+)")


def picture_width_pt(data: bytes, fmt: str) -> float | None:
    """How wide a written picture is in points (1/72 inch); None for text formats."""
    if fmt == "svg":
        found = _SVG_WIDTH.search(data[:2000])
        return float(found.group(1)) if found else None
    if fmt == "png" and data[:8] == b"\x89PNG\r\n\x1a\n":
        return int.from_bytes(data[16:20], "big") * 72 / float(PNG_DPI)
    if fmt == "pdf":
        found = _PDF_BOX.search(data)
        return float(found.group(1)) if found else None
    return None
