"""The `argmap` command: thin over the library. Each module here registers its commands."""

from __future__ import annotations

import os
import sys
from typing import Any

import click

from argmap.errors import ArgmapError


class _Group(click.Group):
    """Prints argmap errors as plain lines on stderr (no traceback) and exits with their code."""

    def invoke(self, ctx: click.Context) -> Any:
        if os.environ.get("NO_COLOR"):  # https://no-color.org: any non-empty value
            ctx.color = False
        try:
            return super().invoke(ctx)
        except KeyboardInterrupt:  # Ctrl+C: 130, as shells report SIGINT (1 means "error found")
            click.echo("interrupted", err=True)
            raise click.exceptions.Exit(130) from None
        except ArgmapError as exc:
            from argmap.render.terminal import terminal_safe

            click.echo(terminal_safe(str(exc)), err=True)
            raise click.exceptions.Exit(exc.exit_code) from None
        except BrokenPipeError:  # `argmap ... | head`
            sys.stderr.close()
            raise click.exceptions.Exit(0) from None


def _version() -> str:
    from argmap import __version__

    return __version__


@click.group(cls=_Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="argmap", message="argmap %(version)s")
def app() -> None:
    """Map arguments, find weak reasoning, evaluate conclusions, draw diagrams.

    \b
    Example:
      argmap check maps/china-catching-up.yaml
      argmap tui maps/china-catching-up.yaml
    """


# Command modules register themselves on `app` when imported.
from argmap.cli import (  # noqa: E402,F401
    analysis,
    classroom,
    core,
    debate,
    draft,
    evaluation,
    interop,
    render,
    schemes,
    tui,
)


def main() -> None:
    try:
        app(prog_name="argmap")
    except KeyboardInterrupt:  # before a command started (while importing)
        sys.exit(130)
