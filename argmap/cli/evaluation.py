"""`argmap eval` and `argmap cruxes`: strengths, grounded labels, explanations and cruxes, as
text or JSON (the JSON schema is in docs/evaluation.md)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from argmap.analysis.evaluation.semantics import DEFAULT_SEMANTICS, SEMANTICS
from argmap.cli import app
from argmap.errors import UsageError
from argmap.perf import collector_paused
from argmap.render.terminal import terminal_safe

if TYPE_CHECKING:  # the analysis loads when a command runs: the CLI starts quickly
    from argmap.analysis import Analysis


def analyse(amap):  # type: ignore[no-untyped-def]
    """The evaluation of ``amap``; no lint rule runs (eval and cruxes print no finding), and
    the grounded labels are worked out only if printed."""
    from argmap.analysis import analyse as run

    return run(amap, lint=False)


def load_map(path):  # type: ignore[no-untyped-def]
    from argmap.io import load_map as load

    return load(path)


def explained_bases(amap, claims):  # type: ignore[no-untyped-def]
    from argmap.analysis.evaluation.base_scores import explained_bases as bases

    return bases(amap, claims)

PathArg = click.Path(dir_okay=False, path_type=Path)
GRADUAL = [DEFAULT_SEMANTICS, *sorted(set(SEMANTICS) - {DEFAULT_SEMANTICS})]
_FORMAT = click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text",
                       show_default=True, help="Plain lines, or one JSON document.")
CONCLUSION_MARK = "*"


def _short(text: str, width: int = 70) -> str:
    """``text`` on one line, no control characters from the map, cut at ``width``."""
    text = terminal_safe(" ".join(text.split()), newlines=False)
    return text if len(text) <= width else text[: width - 1] + "…"


def _strengths(analysis: Analysis, semantics: str) -> dict[str, float]:
    """The map's strengths under ``semantics`` (the analysis's own for the default one)."""
    if semantics == DEFAULT_SEMANTICS:
        return analysis.strengths
    from argmap.analysis import evaluate

    return evaluate(analysis.map, index=analysis.index, semantics=semantics).strengths


def _json(data: dict[str, Any]) -> None:
    from argmap.jsontext import dumps

    click.echo(dumps(data))


@app.command("eval")
@click.argument("map_file", metavar="MAP", type=PathArg)
@click.option("--semantics", type=click.Choice([*GRADUAL, "grounded"]),
              default=DEFAULT_SEMANTICS, show_default=True,
              help="Gradual strength (damped or plain quadratic energy, DF-QuAD or "
                   "Euler-based) or grounded labels.")
@click.option("--what-if", "what_if_ids", multiple=True, metavar="CLAIM",
              help="Remove CLAIM (repeat it, or give several separated by commas) and show "
                   "how the strengths change.")
@click.option("--explain", "explain_id", metavar="CLAIM", default=None,
              help="Say where CLAIM's strength comes from: its base and why, what each link "
                   "into it adds or takes, and what defeats it under grounded semantics.")
@_FORMAT
def eval_(map_file: Path, semantics: str, what_if_ids: tuple[str, ...],
          explain_id: str | None, fmt: str) -> None:
    """Evaluate MAP: the strength of every claim, conclusions first (marked *).

    Each claim starts at a base score set by its evidence (a quoted source counts more than
    the text's own say-so; see docs/evaluation.md); its supports and attacks move it. The
    default semantics is damped quadratic energy, where each further reason counts half the
    one before; plain quadratic energy, DF-QuAD and Euler-based are there to compare.
    Grounded semantics says which claims stand (IN), fall (OUT) or stay undecided (UNDEC)
    when every attack is taken at face value.

    \b
    Example:
      argmap eval examples/car-free-downtown.yaml
      argmap eval examples/car-free-downtown.yaml --explain ban-cars-downtown
      argmap eval examples/car-free-downtown.yaml --what-if ban-cleans-air
      argmap eval examples/car-free-downtown.yaml --semantics grounded --format json
    """
    what_if_ids = tuple(c.strip() for v in what_if_ids for c in v.split(",") if c.strip())
    if semantics == "grounded" and what_if_ids:
        raise UsageError("--what-if works with a gradual semantics, not grounded")
    if explain_id and what_if_ids:
        raise UsageError("give --explain or --what-if, not both")
    with collector_paused():  # what is built here all stays alive to the end
        analysis = analyse(load_map(map_file))
        gradual = DEFAULT_SEMANTICS if semantics == "grounded" else semantics
        if explain_id is not None:
            _explain(analysis, explain_id, gradual, fmt)
            return
        _note_cycles(analysis)
        if fmt == "json":
            _json(_eval_data(analysis, map_file, semantics, what_if_ids))
            return
        order = _claims_in_order(analysis)
        width = min(max(map(len, order), default=0), 32)
        conclusions = set(analysis.conclusions)

        def mark(cid: str) -> str:
            return CONCLUSION_MARK if cid in conclusions else " "

        if semantics == "grounded":
            colours = {"IN": "green", "OUT": "red", "UNDEC": "yellow"}
            click.echo("\n".join([
                f"Grounded labels (Dung 1995), conclusions first ({CONCLUSION_MARK}):",
                *(click.style(f"{analysis.labels[cid]:<5}", fg=colours[analysis.labels[cid]])
                  + f" {mark(cid)} {cid:<{width}}  {_short(analysis.index.claims[cid].text)}"
                  for cid in order)]))
            return
        strengths = _strengths(analysis, semantics)
        title = SEMANTICS[semantics].title
        if not what_if_ids:
            click.echo("\n".join([
                f"Strength by {title}, conclusions first ({CONCLUSION_MARK}):",
                *(f"{strengths[cid]:.2f} {mark(cid)} {cid:<{width}}  "
                  f"{_short(analysis.index.claims[cid].text)}" for cid in order)]))
            return
        after = _what_if(analysis, what_if_ids, semantics)
        lines = [f"Without {', '.join(what_if_ids)} (strength by {title}; "
                 f"{CONCLUSION_MARK} conclusion):"]
        for cid in order:
            before = strengths[cid]
            if cid not in after:
                lines.append(f"{before:.2f} ->   —  {mark(cid)} {cid:<{width}}  removed")
                continue
            change = after[cid] - before
            shown = "" if abs(change) < 0.005 else f"  {change:+.2f}"
            lines.append(f"{before:.2f} -> {after[cid]:.2f} {mark(cid)} {cid:<{width}}{shown}"
                         .rstrip())
        click.echo("\n".join(lines))  # one block: a write per line costs more than the lines


def _what_if(analysis: Analysis, claim_ids: tuple[str, ...], semantics: str
             ) -> dict[str, float]:
    from argmap.analysis import what_if

    return what_if(analysis.map, claim_ids, index=analysis.index, semantics=semantics)


def _explain(analysis: Analysis, claim_id: str, semantics: str, fmt: str) -> None:
    from argmap.analysis.evaluation.explain import explain

    if claim_id not in analysis.index.claims:
        raise UsageError(f"no claim {claim_id!r} in this map")
    found = explain(analysis, claim_id, semantics=semantics,
                    strengths=_strengths(analysis, semantics))
    if fmt == "json":
        _json(found.as_dict())
        return
    click.echo(_short(found.text, 500))
    for line in found.lines():
        click.echo(terminal_safe(line, newlines=False))


def _eval_data(analysis: Analysis, map_file: Path, semantics: str,
               what_if_ids: tuple[str, ...]) -> dict[str, Any]:
    """The JSON document of `eval --format json`."""
    gradual = DEFAULT_SEMANTICS if semantics == "grounded" else semantics
    strengths = _strengths(analysis, gradual)
    after = _what_if(analysis, what_if_ids, gradual) if what_if_ids else None
    ev = analysis.evaluation
    claims = []
    conclusions = set(analysis.conclusions)
    order = [analysis.index.claims[cid] for cid in _claims_in_order(analysis)]
    for claim, base in zip(order, explained_bases(analysis.map, order), strict=True):
        cid = claim.id
        row: dict[str, Any] = {
            "id": cid, "text": claim.text, "kind": claim.kind,
            "conclusion": cid in conclusions, "strength": strengths[cid],
            "base": base.score, "base_level": base.level, "grounded": analysis.labels[cid]}
        if after is not None:
            row["without"] = after.get(cid)
        claims.append(row)
    data: dict[str, Any] = {
        "map": str(map_file), "semantics": semantics, "gradual": gradual,
        "cyclic": ev.cyclic, "converged": ev.converged}
    if what_if_ids:
        data["what_if"] = list(what_if_ids)
    data["claims"] = claims
    return data


def _claims_in_order(analysis: Analysis) -> list[str]:
    """Conclusions first, then every other claim in map order."""
    conclusions = set(analysis.conclusions)
    rest = [c.id for c in analysis.map.claims if c.id not in conclusions]
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
@click.option("--semantics", type=click.Choice(GRADUAL), default=DEFAULT_SEMANTICS,
              show_default=True, help="The gradual semantics the drops are measured in.")
@_FORMAT
def cruxes(map_file: Path, top: int | None, conclusion: str | None, semantics: str,
           fmt: str) -> None:
    """List the cruxes of MAP: the claims whose removal weakens a conclusion most.

    Each line shows how far the conclusion's strength drops without the claim. The top
    of the list is where a debater attacks and where a reviewer looks first.

    \b
    Example:
      argmap cruxes examples/car-free-downtown.yaml --top 5
      argmap cruxes examples/car-free-downtown.yaml --conclusion ban-cars-downtown --format json
    """
    from argmap.analysis import cruxes as find_cruxes
    from argmap.analysis import evaluate

    with collector_paused():  # what is built here all stays alive to the end
        analysis = analyse(load_map(map_file))
        evaluation = (analysis.evaluation if semantics == DEFAULT_SEMANTICS else
                      evaluate(analysis.map, index=analysis.index, semantics=semantics))
        found = find_cruxes(analysis.map, conclusion, top, index=analysis.index,
                            evaluation=evaluation, semantics=semantics)
        _note_cycles(analysis)
        goals = [conclusion] if conclusion else analysis.conclusions
        if fmt == "json":
            _json({"map": str(map_file), "semantics": semantics, "conclusions": goals,
                   "cruxes": [{"rank": rank, "claim": c.claim, "conclusion": c.conclusion,
                               "before": c.before, "after": c.after, "drop": c.drop}
                              for rank, c in enumerate(found, 1)]})
            return
        named = ", ".join(f"{g} {CONCLUSION_MARK}" for g in goals) or "no conclusion"
        lines = [f"Cruxes of {named} by {SEMANTICS[semantics].title}: rank, claim, drop, "
                 "conclusion before -> after"]
        if not found:
            lines.append("No cruxes: removing no single claim weakens a conclusion.")
        width = min(max((len(c.claim) for c in found), default=0), 32)
        lines.extend(f"{rank:>3}. {crux.claim:<{width}}  -{crux.drop:.2f}  {crux.conclusion} "
                     f"{CONCLUSION_MARK} {crux.before:.2f} -> {crux.after:.2f}"
                     for rank, crux in enumerate(found, 1))
        click.echo("\n".join(lines))
