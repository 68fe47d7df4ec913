"""Where the commands' output goes: a file (checked, written atomically) or standard output.

Every writing command goes through :func:`write_output`, so the rule of
:func:`argmap.io.targets.check_target` holds everywhere: never replace the map the command read,
never replace an existing file without ``--force``; ``-`` (or no ``-o``) is standard output.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterable
from pathlib import Path

import click

from argmap.io.atomic import atomic_write
from argmap.io.targets import check_target


def is_stdout(output: str | os.PathLike[str] | None) -> bool:
    return output is None or str(output) == "-"


def write_output(data: str | bytes, output: str | os.PathLike[str] | None, *, force: bool,
                 inputs: Iterable[str | os.PathLike[str]] = (), say: bool = True) -> None:
    """Write ``data`` to ``output`` (standard output when None or ``-``)."""
    raw = data.encode("utf-8") if isinstance(data, str) else data
    if is_stdout(output):
        stream = sys.stdout.buffer if hasattr(sys.stdout, "buffer") else None
        if stream is None:
            click.echo(raw.decode("utf-8"), nl=False)
        else:
            stream.write(raw)
            stream.flush()
        return
    assert output is not None
    check_target(output, force=force, inputs=inputs)
    atomic_write(output, raw)
    if say:
        click.echo(f"wrote {Path(output)}", err=True)
