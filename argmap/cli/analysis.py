"""Commands over the analysis: the findings of `check` and the report (eval and cruxes:
:mod:`argmap.cli.evaluation`; the outline and flow sheet: :mod:`argmap.cli.debate`)."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING

import click

from argmap.cli import app
from argmap.cli.output import write_output
from argmap.errors import MapLoadError
from argmap.render.terminal import terminal_safe

if TYPE_CHECKING:  # imported by the commands that use them: `argmap --version` starts quickly
    from argmap.analysis import Analysis, Finding

PathArg = click.Path(dir_okay=False, path_type=Path)
_COLOUR = {"error": "red", "warning": "yellow", "info": "cyan"}


def report_check(maps: Iterable[Path], *, fmt: str, select: list[str], ignore: list[str],
                 source_text: Iterable[str], hints: bool) -> int:
    """Print the findings of every map in ``fmt``; the exit code (0, 1 error found, 2 unusable)."""
    from argmap.perf import collector_paused

    # A big map's objects all stay alive to the end: the cyclic collector would only walk them
    # again and again while the positions and the outputs are built.
    with collector_paused():
        return _report_check(maps, fmt=fmt, select=select, ignore=ignore,
                             source_text=source_text, hints=hints)


def _report_check(maps: Iterable[Path], *, fmt: str, select: list[str], ignore: list[str],
                  source_text: Iterable[str], hints: bool) -> int:
    from argmap.analysis import analyse
    from argmap.analysis.rules.formats import (
        document,
        file_data,
        github_line,
        github_problem,
    )
    from argmap.analysis.text.sources import source_text_args
    from argmap.io import load_map
    from argmap.jsontext import dumps

    files = []
    status = 0
    for path in maps:
        try:
            amap = load_map(path)
        except MapLoadError as exc:
            click.echo(terminal_safe(str(exc)), err=True)
            if fmt == "github":
                for problem in exc.problems:
                    click.echo(github_problem(problem))
            files.append(file_data(str(path), None, exc.problems))
            status = 2
            continue
        analysis = analyse(amap, select=select, ignore=ignore,
                           source_texts=source_text_args(amap, source_text))
        placed = _placed(analysis)
        if fmt == "text":
            _print_text(str(path), analysis, placed, hints)
        elif fmt == "github" and placed:
            click.echo("\n".join(terminal_safe(github_line(str(path), pos, finding),
                                                newlines=False) for finding, pos in placed))
        files.append(file_data(str(path), placed))
        if any(f.severity == "error" for f in analysis.findings):
            status = max(status, 1)
    if fmt == "json":
        click.echo(dumps(document(files)))
    return status


def _placed(analysis: Analysis) -> list[tuple[Finding, tuple[int, int] | None]]:
    """Findings with their place in the file, in file order."""
    from argmap.io.native.positions import element_positions

    positions = element_positions(analysis.map)
    placed = [(f, positions.get(f.target)) for f in analysis.findings]
    placed.sort(key=lambda fp: (fp[1] or (0, 0), fp[0].code))
    return placed


def _print_text(path: str, analysis: Analysis, placed: list, hints: bool) -> None:
    from argmap.analysis.rules.formats import severity_counts, text_line
    from argmap.render.counts import size as map_size

    lines = []  # printed in one block: one write per finding costs more than the findings
    bold, plain = click.style("\0", bold=True).split("\0")  # styled once: (code, severity)
    codes = {key: click.style(key[0], fg=_COLOUR[key[1]], bold=True)
             for key in {(f.code, f.severity) for f, _ in placed}}
    for finding, pos in placed:
        line = terminal_safe(text_line(path, pos, finding), newlines=False)
        head, _, rest = line.partition(f" {finding.code} ")
        lines.append(f"{bold}{head}{plain} {codes[finding.code, finding.severity]} {rest}")
        if hints:
            lines.append(terminal_safe(f"    hint: {finding.hint}", newlines=False))
    if lines:
        click.echo("\n".join(lines))
    counts = severity_counts(analysis.findings)
    size = map_size(analysis.map)
    if not analysis.findings:
        click.echo(f"{path}: ok ({size}), no findings")
    else:
        said = ", ".join(f"{n} {level}{'s' if n != 1 and level != 'info' else ''}"
                         for level, n in counts.items())
        click.echo(f"{path}: {said} ({size})")


def _load_analysis(map_file: Path) -> Analysis:
    from argmap.analysis import analyse
    from argmap.io import load_map

    return analyse(load_map(map_file))


def _write_or_echo(text: str, output: Path | None, force: bool, map_file: Path) -> None:
    # Map text reaches a terminal when the Markdown is printed or the file is viewed: no
    # control character from the map gets through either way.
    write_output(terminal_safe(text), output, force=force, inputs=[map_file])


@app.command()
@click.argument("map_file", metavar="MAP", type=PathArg)
@click.option("-o", "--output", type=PathArg,
              help="Markdown file to write; stdout without it (or with -).")
@click.option("--force", is_flag=True, help="Overwrite OUTPUT if it exists.")
def report(map_file: Path, output: Path | None, force: bool) -> None:
    """Write the audit report of MAP (Markdown) for a reviewer.

    Summary, conclusions and their strength, findings by severity with each claim's text and
    evidence, unsourced statistics, sweeping claims, unanswered objections and cruxes.

    \b
    Example:
      argmap report examples/car-free-downtown.yaml -o audit.md
    """
    from argmap.render.report import report_markdown

    _write_or_echo(report_markdown(_load_analysis(map_file)), output, force, map_file)
