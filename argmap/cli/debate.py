"""Commands for a debate: the outline to speak from (either side) and the flow sheet."""

from __future__ import annotations

from pathlib import Path

import click

from argmap.analysis import analyse
from argmap.cli import app
from argmap.io import load_map
from argmap.io.atomic import atomic_write
from argmap.io.targets import check_target

PathArg = click.Path(dir_okay=False, path_type=Path)


def _emit(text: str, output: Path | None) -> None:
    """Print ``text``, or write it to ``output`` (already checked) in one piece."""
    if output is None:
        click.echo(text, nl=False)
        return
    atomic_write(output, text.encode("utf-8"))
    click.echo(f"wrote {output}", err=True)


@app.command()
@click.argument("map_file", metavar="MAP", type=PathArg)
@click.option("--side", type=click.Choice(["aff", "neg"]), default="aff", show_default=True,
              help="aff: the side that holds the conclusion; neg: the side against it.")
@click.option("-o", "--output", type=PathArg, help="Markdown file to write; stdout without it.")
@click.option("--force", is_flag=True, help="Overwrite OUTPUT if it exists.")
def outline(map_file: Path, side: str, output: Path | None, force: bool) -> None:
    """Write one side's debate outline of MAP (Markdown) to speak from.

    The side's contentions in order of strength with their evidence cards (tag, cite, quote),
    the other side's contentions with this side's responses (for the negative), and the
    rebuttals to expect with this side's answers and the replies to them; unanswered ones
    marked.

    \b
    Example:
      argmap outline maps/us-china-ai-debate.yaml --side neg -o neg-case.md
    """
    from argmap.render.outline import outline_markdown

    if output is not None:
        check_target(output, force=force, inputs=[map_file])
    _emit(outline_markdown(analyse(load_map(map_file)), side=side), output)


@app.command()
@click.argument("map_file", metavar="MAP", type=PathArg)
@click.option("-o", "--output", type=PathArg,
              help=".md, .html or .csv file to write (by its name); Markdown on stdout without it.")
@click.option("--force", is_flag=True, help="Overwrite OUTPUT if it exists.")
def flow(map_file: Path, output: Path | None, force: bool) -> None:
    """Write the flow sheet of MAP: each line of argument and how far it was answered.

    One sheet per conclusion and side; columns are levels of clash (contention, response,
    answer, reply, ...), each cell the claim's short text with its card's cite. An argument
    the next column never answers is marked dropped.

    \b
    Example:
      argmap flow maps/us-china-ai-debate.yaml -o flow.html
    """
    from argmap.render.flow import flow_sheets
    from argmap.render.flow_output import format_for, render_flow

    fmt = "md"
    if output is not None:
        fmt = format_for(output)
        check_target(output, force=force, inputs=[map_file])
    amap = load_map(map_file)
    _emit(render_flow(flow_sheets(analyse(amap)), amap.title, fmt), output)
