"""Commands for a debate: the outline to speak from (either side) and the flow sheet."""

from __future__ import annotations

from pathlib import Path

import click

from argmap.cli import app
from argmap.cli.output import is_stdout, write_output
from argmap.io.targets import check_target
from argmap.render.terminal import terminal_safe

PathArg = click.Path(dir_okay=False, path_type=Path)


def _analysis(map_file: Path):  # type: ignore[no-untyped-def]
    from argmap.analysis import analyse
    from argmap.io import load_map

    return analyse(load_map(map_file), lint=False)  # outline and flow print no finding


def _emit(text: str, output: Path | None, force: bool, map_file: Path) -> None:
    """Print ``text`` (to stdout without ``output`` or with ``-``), or write it to ``output`` in
    one piece; no control character from the map gets through either way."""
    write_output(terminal_safe(text), output, force=force, inputs=[map_file])


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

    if not is_stdout(output):
        check_target(output, force=force, inputs=[map_file])  # before the work, not after
    _emit(outline_markdown(_analysis(map_file), side=side), output, force, map_file)


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
    if not is_stdout(output):
        fmt = format_for(output)
        check_target(output, force=force, inputs=[map_file])
    analysis = _analysis(map_file)
    _emit(render_flow(flow_sheets(analysis), analysis.map.title, fmt), output, force, map_file)
