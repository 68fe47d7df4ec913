"""`argmap schemes`: the argument schemes argmap knows, with their critical questions."""

from __future__ import annotations

import click

from argmap.cli import app


@app.command()
@click.argument("name", required=False)
def schemes(name: str | None) -> None:
    """List the argument schemes a link's `scheme:` may name, with their critical questions.

    \b
    Example:
      argmap schemes                  # every scheme, one line each
      argmap schemes expert-opinion   # one scheme: premises, conclusion, questions
    """
    from argmap.analysis.schemes import catalogue, find_scheme
    from argmap.errors import UsageError

    if name is None:
        for key, scheme in catalogue().items():
            click.echo(f"{key:<22} {scheme.name} ({len(scheme.questions)} critical questions)")
        return
    scheme = find_scheme(name)
    if scheme is None:
        raise UsageError(f"no scheme {name!r}: `argmap schemes` lists them")
    lines = [f"{scheme.key}: {scheme.name}"]
    lines += [f"  premise: {p}" for p in scheme.premises]
    lines += [f"  conclusion: {scheme.conclusion}", "  critical questions:"]
    lines += [f"    {q.id} ({q.label}): {q.ask}" for q in scheme.questions]
    click.echo("\n".join(lines))
