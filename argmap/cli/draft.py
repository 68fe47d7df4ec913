"""`argmap draft`: a first map from an article, every claim and link a proposal to review."""

from __future__ import annotations

import os
from pathlib import Path

import click

from argmap.cli import app
from argmap.errors import UsageError

PathArg = click.Path(dir_okay=False, path_type=Path)


@app.command()
@click.argument("text", metavar="TEXT")
@click.option("-o", "--output", type=PathArg, help="Map file to write (.yaml); stdout without it.")
@click.option("--title", help="The map's title (default: the text's first line when it is a "
              "heading, else its first words).")
@click.option("--force", is_flag=True, help="Overwrite OUTPUT if it exists.")
def draft(text: str, output: Path | None, title: str | None, force: bool) -> None:
    """Draft a first map of the article TEXT (plain text or Markdown; - reads stdin).

    Each argumentative unit becomes a claim quoting the text, with its locator ("para 3",
    "Heading, para 2"); one conclusion is proposed (the runners-up are named in a comment);
    supports and attacks are proposed from discourse markers ("because", "but", "although")
    and from where each unit stands, each with a comment saying why. Statistics, attributions
    and hedges are tagged. Everything is marked `proposed: true` until reviewed: `argmap tui`
    accepts (+) or rejects (-) each proposal, `argmap check` finds unsourced figures at once.
    `docs/draft.md` says how good the drafts are.

    \b
    Example:
      argmap draft essay.txt -o essay.yaml
      argmap check essay.yaml
      cat essay.md | argmap draft - --title "Ban cars downtown?" > essay.yaml
    """
    from argmap.draft import draft as draft_map
    from argmap.draft.reading import read_article
    from argmap.draft.writer import check_valid, draft_yaml
    from argmap.io import map_format
    from argmap.io.atomic import atomic_write
    from argmap.io.targets import check_target

    if output is not None:
        if map_format(output) != "yaml":
            raise UsageError(f"{output}: `argmap draft` writes a commented YAML map; use a "
                             ".yaml name")
        check_target(output, force=force, inputs=[text])
    article, path = read_article(text)
    where = Path(output).parent if output is not None else Path(".")
    text_path = None
    if path is not None:
        text_path = Path(os.path.relpath(path.resolve(), where.resolve())).as_posix()
    result = draft_map(article, title=title, text_path=text_path)
    yaml_text = draft_yaml(result, path.name if path is not None else "standard input")
    check_valid(result, yaml_text, str(output or "<draft>"))  # a draft is always a valid map
    if output is None:
        click.echo(yaml_text, nl=False)
        return
    atomic_write(output, yaml_text.encode("utf-8"))
    tagged = sum(1 for c in result.claims if "statistic" in c.get("tags", []))
    click.echo(f"wrote {output}: {len(result.claims)} claims (1 conclusion proposed), "
               f"{len(result.links)} links, {tagged} stating a figure; every one a proposal"
               if result.claims else f"wrote {output}: no sentence found to draft")
    click.echo(f"next: argmap check {output}   then   argmap tui {output}")
