"""The `tui` command: open a map in the explorer. Textual is imported only when it runs."""

from __future__ import annotations

from pathlib import Path

import click

from argmap.cli import app
from argmap.errors import UsageError

SOURCE_TREE = Path(__file__).resolve().parent.parent.parent
DEFAULT_MAPS = ("maps/china-catching-up.yaml", "examples/car-free-downtown.yaml")


def default_map() -> Path:
    """The shipped map opened when no MAP is given (in a source checkout)."""
    for name in DEFAULT_MAPS:
        if (SOURCE_TREE / name).is_file():
            return SOURCE_TREE / name
    raise UsageError("no MAP given and no shipped map found: run `argmap tui MAP`")


@app.command()
@click.argument("map_file", metavar="[MAP]", required=False,
                type=click.Path(dir_okay=False, path_type=Path))
@click.option("--source-text", metavar="FILE|ID=FILE",
              help="The text under review, shown beside the map (key t): the text of the "
                   "map's subject, or of source ID. Default: the subject's `text:` file.")
def tui(map_file: Path | None, source_text: str | None) -> None:
    """Explore and edit MAP in a terminal UI (press ? inside for every key, ctrl+p for
    every command).

    Without MAP it opens a map shipped with argmap. A MAP (or --source-text) that cannot be
    used is reported (exit 2) without starting the UI.

    \b
    Example:
      argmap tui examples/car-free-downtown.yaml
      argmap tui maps/core-perspectives.yaml --source-text article.txt
    """
    from tui.app import create_app

    explorer = create_app(map_file if map_file is not None else default_map(), source_text)
    explorer.run()
