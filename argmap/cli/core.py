"""Commands over the map format: check, show, new, convert, schema."""

from __future__ import annotations

import json
from pathlib import Path

import click

from argmap.cli import app
from argmap.cli.output import is_stdout, write_output
from argmap.errors import UsageError
from argmap.io.atomic import atomic_write
from argmap.io.formats import FORMAT_NAMES, export_text, format_for, import_map
from argmap.io.targets import check_target
from argmap.render.terminal import terminal_safe

PathArg = click.Path(dir_okay=False, path_type=Path)


@app.command()
@click.argument("maps", nargs=-1, required=True, type=PathArg)
@click.option("--format", "fmt", type=click.Choice(["text", "json", "github"]), default="text",
              show_default=True, help="text lines, a JSON document, or GitHub annotations.")
@click.option("--select", multiple=True, metavar="CODES",
              help="Run only these rules (codes, names or prefixes; comma-separated).")
@click.option("--ignore", multiple=True, metavar="CODES", help="Do not run these rules.")
@click.option("--source-text", multiple=True, metavar="[ID=]FILE",
              help="Text of the map's subject source (or of source ID) to check quotes against.")
@click.option("--hints", is_flag=True, help="Print how to mend each finding under it.")
def check(maps: tuple[Path, ...], fmt: str, select: tuple[str, ...], ignore: tuple[str, ...],
          source_text: tuple[str, ...], hints: bool) -> None:
    """Validate MAPS and list what a careful reader would point out in them.

    Each finding is printed as FILE:LINE:COL: CODE name message. Exit 0 when there is no
    error-level finding, 1 when there is one, 2 when a map cannot be used (its problems are
    printed as FILE:LINE:COL: message). `docs/findings.md` explains every rule.

    \b
    Example:
      argmap check examples/car-free-downtown.yaml
      argmap check maps/*.yaml --format github --ignore AM108,AM109
      argmap check essay-map.yaml --source-text essay.txt --select unsourced-statistic
    """
    from argmap.cli.analysis import report_check

    raise click.exceptions.Exit(report_check(
        maps, fmt=fmt, select=_codes(select), ignore=_codes(ignore),
        source_text=source_text, hints=hints))


def _codes(values: tuple[str, ...]) -> list[str]:
    return [code.strip() for value in values for code in value.split(",") if code.strip()]


@app.command()
@click.argument("map_file", metavar="MAP", type=PathArg)
def show(map_file: Path) -> None:
    """Summarise MAP: title, counts by kind, conclusions and sources.

    \b
    Example:
      argmap show maps/core-perspectives.yaml
    """
    from argmap.io import load_map
    from argmap.render.counts import kind_lines

    amap = load_map(map_file)
    safe = terminal_safe
    click.echo(safe(amap.title))
    if amap.description:
        click.echo(safe(amap.description.strip()))
    claims, links = kind_lines(amap)
    click.echo(f"\n{claims}\n{links}")
    click.echo("\nConclusions:")
    for claim in amap.claims:
        if claim.kind == "conclusion":
            click.echo(f"  {claim.id}: {safe(claim.text)}")
    if amap.sources:
        click.echo("\nSources:")
        for source in amap.sources:
            by = ", ".join(x for x in (source.author, source.publisher, source.date) if x)
            by = f" ({by})" if by else ""
            click.echo(safe(f"  {source.id}: {source.title or '(untitled)'}{by}", newlines=False))


@app.command()
@click.argument("title")
@click.option("-o", "--output", type=PathArg, help="File to write (.yaml); stdout without it.")
@click.option("--force", is_flag=True, help="Overwrite OUTPUT if it exists.")
def new(title: str, output: Path | None, force: bool) -> None:
    """Write a new, valid, commented map titled TITLE to start from.

    \b
    Example:
      argmap new "Should cities ban cars downtown?" -o cars.yaml
    """
    from argmap.io import map_format
    from argmap.skeleton import skeleton

    text = skeleton(title)
    if is_stdout(output):
        click.echo(text, nl=False)
        return
    if map_format(output) != "yaml":
        raise UsageError(f"{output}: `argmap new` writes YAML; use a .yaml name")
    check_target(output, force=force)
    atomic_write(output, text.encode("utf-8"))
    click.echo(f"wrote {output}")


@app.command()
@click.argument("source", metavar="IN", type=PathArg)
@click.argument("old_target", metavar="[OUT]", required=False, type=PathArg)
@click.option("-o", "--output", "target", type=PathArg, help="The file to write (- for stdout).")
@click.option("--from", "from_fmt", type=click.Choice(FORMAT_NAMES, case_sensitive=False),
              help="Format of IN when its extension does not say.")
@click.option("--to", "to_fmt", type=click.Choice(FORMAT_NAMES, case_sensitive=False),
              help="Format of OUT when its extension does not say.")
@click.option("--force", is_flag=True, help="Overwrite OUTPUT if it exists.")
def convert(source: Path, old_target: Path | None, target: Path | None, from_fmt: str | None,
            to_fmt: str | None, force: bool) -> None:
    """Convert a map between any two formats (by the files' extensions, or --from/--to).

    YAML and JSON maps, Argdown (.argdown, .ad), AIF JSON (.aif, .aif.json), Kialo text
    exports (.kialo, .kialo.txt); arg-microtexts XML (.xml) as input only. What the target
    format cannot hold is listed on stderr; the conversion still succeeds. An existing OUT is
    replaced only with --force, and never when it is IN.

    \b
    Example:
      argmap convert maps/core-perspectives.yaml -o core.json
      argmap convert debate.kialo.txt -o debate.argdown
    """
    if old_target is not None:
        if target is not None:
            raise UsageError("give OUT once: either `-o OUT` or the old second argument")
        click.echo("note: `argmap convert IN OUT` is deprecated; write `argmap convert IN -o OUT`",
                   err=True)
        target = old_target
    if target is None:
        raise UsageError("say where to write: `argmap convert IN -o OUT`")
    if is_stdout(target) and to_fmt is None:
        raise UsageError("writing to stdout (-): name the format with --to")
    name = format_for(target, to_fmt)
    if not is_stdout(target):
        check_target(target, force=force, inputs=[source])
    amap, dropped = import_map(source, from_fmt)
    amap._origin = None  # a new file in a new format: no layout to keep
    text, lost = export_text(amap, name)
    dropped = [f"{source}: {line}" for line in dropped] + [f"{target}: {line}" for line in lost]
    for line in dropped:
        click.echo(f"dropped: {line}", err=True)
    write_output(text, target, force=True, inputs=[source], say=False)
    if not is_stdout(target):
        click.echo(f"wrote {target}")


@app.command()
def schema() -> None:
    """Print the JSON Schema of the map format (for editors' completion and validation).

    \b
    Example:
      argmap schema > argmap.schema.json
    """
    from argmap.model import ArgumentMap

    doc = ArgumentMap.model_json_schema(by_alias=True)
    doc = {"$schema": "https://json-schema.org/draft/2020-12/schema", **doc}
    click.echo(json.dumps(doc, indent=2))
