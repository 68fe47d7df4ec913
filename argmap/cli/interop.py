"""Commands that bring maps in from other tools and send them back out: import, export."""

from __future__ import annotations

from pathlib import Path

import click

from argmap.cli import app
from argmap.cli.output import is_stdout, write_output
from argmap.io.formats import FORMAT_NAMES, FORMATS, export_text, format_for, import_map
from argmap.io.targets import check_target

PathArg = click.Path(dir_okay=False, path_type=Path)
FOREIGN = click.Choice(list(FORMATS), case_sensitive=False)


def _say_dropped(where: Path, dropped: list[str]) -> None:
    for line in dropped:
        click.echo(f"dropped: {where}: {line}", err=True)


@app.command("import")
@click.argument("source", metavar="IN", type=PathArg)
@click.option("-o", "--output", required=True, type=PathArg,
              help="The map to write (.yaml or .json).")
@click.option("--from", "fmt", type=FOREIGN,
              help="Format of IN when its extension does not say.")
@click.option("--link-text", is_flag=True,
              help="microtexts: make the subject source point at the .txt beside IN "
                   "(a path relative to OUTPUT), so quotes added later are checked against it.")
@click.option("--force", is_flag=True, help="Overwrite OUTPUT if it exists.")
def import_(source: Path, output: Path, fmt: str | None, link_text: bool, force: bool) -> None:
    """Read a map made elsewhere and save it as an argmap map.

    Formats by extension or --from: Argdown (.argdown, .ad), AIF JSON from AIFdb or OVA
    (.aif, .aif.json), Kialo's text export (.kialo, .kialo.txt), arg-microtexts XML (.xml).
    What argmap could not keep is listed on stderr, with line numbers where the format has
    them; the import still succeeds. A file that cannot be read exits 2.

    \b
    Example:
      argmap import debate.argdown -o debate.yaml
      argmap import micro_b001.xml -o b001.yaml --link-text
      argmap import discussion.txt --from kialo -o discussion.yaml
    """
    from argmap.io import map_format, save_map
    from argmap.render.counts import size

    map_format(output)  # refuse a foreign OUTPUT before reading anything
    check_target(output, force=force, inputs=[source])
    amap, dropped = import_map(source, fmt, text_base=output.parent if link_text else None)
    save_map(amap, output)
    _say_dropped(source, dropped)
    click.echo(f"wrote {output} ({size(amap)})")


@app.command("export")
@click.argument("map_file", metavar="MAP", type=PathArg)
@click.option("-o", "--output", required=True, type=PathArg, help="The file to write.")
@click.option("--to", "fmt", type=click.Choice(FORMAT_NAMES[:-1], case_sensitive=False),
              help="Format of OUTPUT when its extension does not say.")
@click.option("--force", is_flag=True, help="Overwrite OUTPUT if it exists.")
def export(map_file: Path, output: Path, fmt: str | None, force: bool) -> None:
    """Write MAP in another tool's format: Argdown, AIF JSON or a Kialo text export.

    Format by OUTPUT's extension (.argdown/.ad, .aif/.aif.json, .kialo/.kialo.txt) or --to.
    What the format cannot hold (Kialo has no linked premises, for one) is listed on stderr.

    \b
    Example:
      argmap export examples/car-free-downtown.yaml -o car-free.argdown
      argmap export examples/car-free-downtown.yaml -o car-free.txt --to kialo
    """
    check_target(output, force=force, inputs=[map_file])
    from argmap.io import load_map

    amap = load_map(map_file)
    text, dropped = export_text(amap, format_for(output, fmt))
    _say_dropped(output, dropped)
    write_output(text, output, force=force, inputs=[map_file], say=False)
    if not is_stdout(output):
        click.echo(f"wrote {output}")
