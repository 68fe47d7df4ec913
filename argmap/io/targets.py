"""Where a command may write: the one rule every writing command follows.

Never replace a map the command read, never replace an existing file without ``--force``.
``-`` means standard output and is always allowed.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path

from argmap.errors import UsageError


def _same_file(a: Path, b: Path) -> bool:
    try:
        return a.exists() and b.exists() and os.path.samefile(a, b)
    except OSError:
        return False


def check_target(
    output: str | os.PathLike[str],
    *,
    force: bool = False,
    inputs: Iterable[str | os.PathLike[str]] = (),
) -> None:
    """Raise :class:`UsageError` when writing ``output`` could destroy the user's work.

    - ``output`` is one of ``inputs`` (the map or text the command read): refused even with
      ``--force``, since the command would replace what it is reading;
    - ``output`` exists and ``force`` is false: refused with a hint to pass ``--force``;
    - ``output`` is a directory: refused.

    >>> check_target("-")  # stdout is always fine
    """
    if str(output) == "-":
        return
    target = Path(output)
    for source in inputs:
        if str(source) == "-":
            continue
        if _same_file(target, Path(source)):
            raise UsageError(
                f"{target}: this is the file the command read; refusing to replace it "
                f"(write to another path)"
            )
    if target.is_dir():
        raise UsageError(f"{target} is a directory; give a file path to write")
    if target.exists() and not force:
        raise UsageError(f"{target} exists; use --force to overwrite it")
