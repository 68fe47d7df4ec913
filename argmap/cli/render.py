"""The `render` command: draw a map with Graphviz (SVG, PNG, PDF, DOT), as Mermaid text, as a
self-contained web page, or as a folder of slides."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import click

from argmap.cli import app
from argmap.cli.output import is_stdout, write_output
from argmap.errors import UsageError
from argmap.io.targets import check_target
from argmap.render.output import (
    FORMATS,
    LAYOUTS,
    SFDP_ABOVE,
    WIDE_PT,
    output_format,
    picture_width_pt,
    render_bytes,
)
from argmap.render.themes import THEMES

if TYPE_CHECKING:
    from argmap.analysis import Analysis
    from argmap.model import ArgumentMap

PathArg = click.Path(dir_okay=False, path_type=Path)


def _analysis(amap: ArgumentMap, wanted: bool) -> Analysis | None:
    """The map's analysis (flags and strengths), or None when neither is drawn."""
    from argmap.analysis import analyse

    return analyse(amap) if wanted else None


@app.command()
@click.argument("map_file", metavar="MAP", type=PathArg)
@click.option("-o", "--output", "out", type=PathArg,
              help="File to write: .svg, .png, .pdf, .dot, .mmd (Mermaid) or .html (a page).")
@click.option("--slides", "slides", type=click.Path(file_okay=False, path_type=Path),
              help="Write projector slides into this folder instead: one PNG and one SVG per "
                   "conclusion and per contention, 16:9, in large type.")
@click.option("--force", is_flag=True, help="Replace files that already exist.")
@click.option("--format", "fmt", type=click.Choice([*FORMATS, "mmd"]),
              help="Output format when the extension does not say it.")
@click.option("--focus", metavar="ID", help="Draw only the claims around this claim.")
@click.option("--depth", type=click.IntRange(min=0), default=2, show_default=True,
              help="With --focus: how many links away from it to draw.")
@click.option("--layout", type=click.Choice(LAYOUTS),
              help=f"Graphviz layout (default: dot; sfdp above {SFDP_ABOVE} claims).")
@click.option("--rankdir", type=click.Choice(["TB", "LR"]), default="TB", show_default=True,
              help="TB: conclusions at the top; LR: conclusions on the left.")
@click.option("--no-flags", is_flag=True, help="Do not mark weak or unsourced links and claims.")
@click.option("--strength", is_flag=True, help="Print each claim's DF-QuAD strength under it.")
@click.option("--theme", type=click.Choice(sorted(THEMES)), default="light", show_default=True,
              help="light for screens, dark for dark slides, print for greyscale paper.")
@click.option("--clusters", is_flag=True, help="Group claims in boxes by their first tag.")
def render(map_file: Path, out: Path | None, slides: Path | None, force: bool, fmt: str | None,
           focus: str | None, depth: int, layout: str | None, rankdir: str, no_flags: bool,
           strength: bool, theme: str, clusters: bool) -> None:
    """Draw MAP as a diagram: conclusions at the top, supports green, attacks red.

    The format comes from the extension of OUTPUT (or --format). SVG has tooltips with each claim's
    full text, sources and findings. Weak links are dashed, flagged links carry a warning sign,
    unsourced claims a dashed border. Needs Graphviz for SVG, PNG and PDF; DOT and Mermaid
    text are written without it.

    An .html OUTPUT is one self-contained page (works offline, from a USB stick): pan and zoom,
    click a claim for its text, evidence, findings and strength, search, a flagged-only filter,
    and the text under review beside the map with the selected claim's quote highlighted.

    --slides DIR writes one 16:9 picture per conclusion and per contention (a claim that bears
    directly on a conclusion), in type large enough to read from the back of a room.

    \b
    Example:
      argmap render examples/car-free-downtown.yaml -o car-free.svg
      argmap render examples/car-free-downtown.yaml -o part.png --focus ban-cleans-air --depth 1
      argmap render examples/car-free-downtown.yaml -o map.mmd
      argmap render examples/car-free-downtown.yaml -o car-free.html
      argmap render examples/car-free-downtown.yaml --slides slides/
    """
    if (out is None) == (slides is None):
        raise UsageError("give either -o/--output FILE or --slides DIR")
    if slides is not None:
        if slides.exists() and not slides.is_dir():
            raise UsageError(f"{slides} is a file; --slides needs a folder")
        from argmap.io import load_map
        from argmap.render.slides import write_slides

        amap = load_map(map_file)
        analysis = _analysis(amap, wanted=strength or not no_flags)
        written = write_slides(amap, slides, analysis=analysis, flags=not no_flags,
                               strength=strength, theme=theme, force=force, inputs=[map_file])
        for path in written:
            click.echo(f"wrote {path}")
        return
    assert out is not None
    if is_stdout(out) and fmt is None:
        raise UsageError("writing to stdout (-): name the format with --format")
    kind = output_format(out, fmt)
    check_target(out, force=force, inputs=[map_file])
    from argmap.io import load_map

    amap = load_map(map_file)
    analysis = _analysis(amap, wanted=strength or not no_flags or kind == "html")
    data = render_bytes(amap, kind, layout=layout, analysis=analysis, focus=focus, depth=depth,
                        rankdir=rankdir, flags=not no_flags, strength=strength,
                        theme=theme, clusters=clusters)
    write_output(data, out, force=force, inputs=[map_file], say=False)
    if not is_stdout(out):
        click.echo(f"wrote {out}")
    _warn_if_wide(picture_width_pt(data, kind), focus)


def _warn_if_wide(width_pt: float | None, focus: str | None) -> None:
    """Say so on stderr when the picture is wider than about two screens: shown whole, its
    text is too small to read."""
    if width_pt is None or width_pt <= WIDE_PT:
        return
    pixels = round(width_pt * 96 / 72)
    smaller = ("a smaller --depth" if focus else
               "--slides DIR (one picture per contention) or --focus ID --depth 1")
    click.echo(f"warning: the picture is {pixels:,} px wide (about {pixels / 1920:.0f} screens); "
               f"shown whole, its text is too small to read: use {smaller}", err=True)
