"""Commands over the analysis: the findings of `check`, and eval, cruxes, report, outline."""

from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING

import click

from argmap.cli import app
from argmap.cli.output import write_output
from argmap.errors import MapLoadError, UsageError
from argmap.render.terminal import terminal_safe

if TYPE_CHECKING:  # imported by the commands that use them: `argmap --version` starts quickly
    from argmap.analysis import Analysis, Finding

PathArg = click.Path(dir_okay=False, path_type=Path)
_COLOUR = {"error": "red", "warning": "yellow", "info": "cyan"}


def report_check(maps: Iterable[Path], *, fmt: str, select: list[str], ignore: list[str],
                 source_text: Iterable[str], hints: bool) -> int:
    """Print the findings of every map in ``fmt``; the exit code (0, 1 error found, 2 unusable)."""
    from argmap.analysis import analyse
    from argmap.analysis.engine import source_text_args
    from argmap.analysis.formats import document, file_data, github_line, github_problem
    from argmap.io import load_map

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
        elif fmt == "github":
            for finding, pos in placed:
                click.echo(terminal_safe(github_line(str(path), pos, finding), newlines=False))
        files.append(file_data(str(path), placed))
        if any(f.severity == "error" for f in analysis.findings):
            status = max(status, 1)
    if fmt == "json":
        click.echo(json.dumps(document(files), indent=2, ensure_ascii=False))
    return status


def _placed(analysis: Analysis) -> list[tuple[Finding, tuple[int, int] | None]]:
    """Findings with their place in the file, in file order."""
    from argmap.io.positions import element_positions

    positions = element_positions(analysis.map)
    placed = [(f, positions.get(f.target)) for f in analysis.findings]
    placed.sort(key=lambda fp: (fp[1] or (0, 0), fp[0].code))
    return placed


def _print_text(path: str, analysis: Analysis, placed: list, hints: bool) -> None:
    from argmap.analysis.formats import severity_counts, text_line
    from argmap.render.counts import size as map_size

    for finding, pos in placed:
        line = terminal_safe(text_line(path, pos, finding), newlines=False)
        head, _, rest = line.partition(f" {finding.code} ")
        click.echo(click.style(head, bold=True) + " "
                   + click.style(finding.code, fg=_COLOUR[finding.severity], bold=True)
                   + " " + rest)
        if hints:
            click.echo(terminal_safe(f"    hint: {finding.hint}", newlines=False))
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


def _short(text: str, width: int = 70) -> str:
    text = terminal_safe(" ".join(text.split()), newlines=False)
    return text if len(text) <= width else text[: width - 1] + "…"


@app.command("eval")
@click.argument("map_file", metavar="MAP", type=PathArg)
@click.option("--semantics", type=click.Choice(["dfquad", "grounded"]), default="dfquad",
              show_default=True, help="Gradual strength (DF-QuAD) or grounded labels.")
@click.option("--what-if", "what_if_ids", multiple=True, metavar="CLAIM",
              help="Remove CLAIM (repeat it, or give several separated by commas) and show "
                   "how the strengths change.")
def eval_(map_file: Path, semantics: str, what_if_ids: tuple[str, ...]) -> None:
    """Evaluate MAP: the strength of every claim, conclusions first.

    DF-QuAD gives each claim a strength in [0, 1] from its base score, its supports and its
    attacks; grounded semantics says which claims stand (IN), fall (OUT) or stay undecided
    (UNDEC) when every attack is taken at face value.

    \b
    Example:
      argmap eval examples/car-free-downtown.yaml
      argmap eval examples/car-free-downtown.yaml --what-if ban-cleans-air
      argmap eval examples/car-free-downtown.yaml --semantics grounded
    """
    from argmap.analysis import what_if

    what_if_ids = tuple(c.strip() for v in what_if_ids for c in v.split(",") if c.strip())
    analysis = _load_analysis(map_file)
    order = _claims_in_order(analysis)
    width = min(max(map(len, order), default=0), 32)
    if semantics == "grounded":
        if what_if_ids:
            raise UsageError("--what-if works with --semantics dfquad")
        for cid in order:
            label = analysis.labels[cid]
            colour = {"IN": "green", "OUT": "red", "UNDEC": "yellow"}[label]
            click.echo(click.style(f"{label:<5}", fg=colour) + f"  {cid:<{width}}  "
                       f"{_short(analysis.index.claims[cid].text)}")
        return
    _note_cycles(analysis)
    if not what_if_ids:
        for cid in order:
            click.echo(f"{analysis.strengths[cid]:.2f}  {cid:<{width}}  "
                       f"{_short(analysis.index.claims[cid].text)}")
        return
    after = what_if(analysis.map, what_if_ids, index=analysis.index)
    click.echo(f"Without {', '.join(what_if_ids)}:")
    for cid in order:
        before = analysis.strengths[cid]
        if cid not in after:
            click.echo(f"{before:.2f} ->   —   {cid:<{width}}  removed")
            continue
        change = after[cid] - before
        mark = "" if abs(change) < 0.005 else f"  {change:+.2f}"
        click.echo(f"{before:.2f} -> {after[cid]:.2f}  {cid:<{width}}{mark}".rstrip())


def _claims_in_order(analysis: Analysis) -> list[str]:
    """Conclusions first, then every other claim in map order."""
    rest = [c.id for c in analysis.map.claims if c.id not in analysis.conclusions]
    return [*analysis.conclusions, *rest]


def _note_cycles(analysis: Analysis) -> None:
    ev = analysis.evaluation
    if ev.cyclic:
        how = "settled" if ev.converged else "did NOT settle (values are approximate)"
        click.echo(f"note: the map has cycles; strengths {how} after {ev.iterations} rounds",
                   err=True)


@app.command()
@click.argument("map_file", metavar="MAP", type=PathArg)
@click.option("--top", type=click.IntRange(min=1), default=None, help="Show the first N only.")
@click.option("--conclusion", metavar="CLAIM", default=None,
              help="Cruxes of this conclusion only (default: every conclusion).")
def cruxes(map_file: Path, top: int | None, conclusion: str | None) -> None:
    """List the cruxes of MAP: the claims whose removal weakens a conclusion most.

    Each line shows how far the conclusion's DF-QuAD strength drops without the claim. The top
    of the list is where a debater attacks and where a reviewer looks first.

    \b
    Example:
      argmap cruxes examples/car-free-downtown.yaml --top 5
    """
    from argmap.analysis import cruxes as find_cruxes

    analysis = _load_analysis(map_file)
    found = find_cruxes(analysis.map, conclusion, top, index=analysis.index,
                        evaluation=analysis.evaluation)
    _note_cycles(analysis)
    if not found:
        click.echo("No cruxes: removing no single claim weakens a conclusion.")
        return
    width = min(max(len(c.claim) for c in found), 32)
    for rank, crux in enumerate(found, 1):
        click.echo(f"{rank:>3}. {crux.claim:<{width}}  -{crux.drop:.2f}  "
                   f"{crux.conclusion} {crux.before:.2f} -> {crux.after:.2f}")


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


@app.command()
@click.argument("map_file", metavar="MAP", type=PathArg)
@click.option("-o", "--output", type=PathArg,
              help="Markdown file to write; stdout without it (or with -).")
@click.option("--force", is_flag=True, help="Overwrite OUTPUT if it exists.")
def outline(map_file: Path, output: Path | None, force: bool) -> None:
    """Write the debate outline of MAP (Markdown) to speak from.

    Each conclusion with its contentions in order of strength, evidence cards (tag, cite,
    quote), and the rebuttals to expect with the answers on the map; unanswered ones marked.

    \b
    Example:
      argmap outline examples/car-free-downtown.yaml -o case.md
    """
    from argmap.render.outline import outline_markdown

    _write_or_echo(outline_markdown(_load_analysis(map_file)), output, force, map_file)
