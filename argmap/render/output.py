"""Write a diagram to a file: the one module of argmap that runs a program (Graphviz).

Everything else in :mod:`argmap.render` builds text (DOT, Mermaid) and is pure; here the DOT is
piped through ``dot`` or ``sfdp`` and the result written atomically, so a failed render never
leaves half a file where a good one was.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING, Any

from argmap.errors import ArgmapError, UsageError
from argmap.io.atomic import atomic_write

if TYPE_CHECKING:  # the drawing modules are imported when a diagram is drawn
    import graphviz

    from argmap.model import ArgumentMap
    from argmap.render.scope import AnalysisLike

SUFFIXES = {".svg": "svg", ".png": "png", ".pdf": "pdf", ".dot": "dot", ".gv": "dot",
            ".mmd": "mermaid", ".mermaid": "mermaid"}
FORMATS = ("svg", "png", "pdf", "dot", "mermaid")
LAYOUTS = ("dot", "sfdp")
# Above this many claims drawn, the automatic layout is sfdp: dot's layered layout grows much
# faster than linear in the map's size (figures in docs/diagrams.md).
SFDP_ABOVE = 400
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
            f"use .svg, .png, .pdf, .dot or .mmd, or give --format"
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
    """The diagram of ``amap`` in ``fmt`` (svg, png, pdf, dot or mermaid) as bytes."""
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
    return _pipe(dot, fmt, engine)


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
