"""The `render` command: draw a map with Graphviz (SVG, PNG, PDF, DOT) or as Mermaid text."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import click

from argmap.cli import app
from argmap.cli.output import is_stdout, write_output
from argmap.errors import UsageError
from argmap.io.targets import check_target
from argmap.render.output import FORMATS, LAYOUTS, SFDP_ABOVE, output_format, render_bytes
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
@click.option("-o", "--output", "out", required=True, type=PathArg,
              help="File to write: .svg, .png, .pdf, .dot or .mmd (Mermaid).")
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
@click.option("--force", is_flag=True, help="Overwrite OUTPUT if it exists.")
def render(map_file: Path, out: Path, fmt: str | None, focus: str | None, depth: int,
           layout: str | None, rankdir: str, no_flags: bool, strength: bool, theme: str,
           clusters: bool, force: bool) -> None:
    """Draw MAP as a diagram: conclusions at the top, supports green, attacks red.

    The format comes from the extension of OUTPUT (or --format). SVG has tooltips with each claim's
    full text, sources and findings. Weak links are dashed, flagged links carry a warning sign,
    unsourced claims a dashed border. Needs Graphviz for SVG, PNG and PDF; DOT and Mermaid
    text are written without it.

    \b
    Example:
      argmap render examples/car-free-downtown.yaml -o car-free.svg
      argmap render examples/car-free-downtown.yaml -o part.png --focus ban-cleans-air --depth 1
      argmap render examples/car-free-downtown.yaml -o map.mmd
    """
    if is_stdout(out) and fmt is None:
        raise UsageError("writing to stdout (-): name the format with --format")
    kind = output_format(out, fmt)
    check_target(out, force=force, inputs=[map_file])
    from argmap.io import load_map

    amap = load_map(map_file)
    analysis = _analysis(amap, wanted=strength or not no_flags)
    data = render_bytes(amap, kind, layout=layout, analysis=analysis, focus=focus,
                        depth=depth, rankdir=rankdir, flags=not no_flags, strength=strength,
                        theme=theme, clusters=clusters)
    write_output(data, out, force=force, inputs=[map_file], say=False)
    if not is_stdout(out):
        click.echo(f"wrote {out}")
