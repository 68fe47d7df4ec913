"""The errors argmap raises: values with a message for humans, never a traceback for users."""

from __future__ import annotations

from dataclasses import dataclass


class ArgmapError(Exception):
    """Base of every error argmap reports to a user. ``exit_code`` is what the CLI exits with."""

    exit_code = 2


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong with an input file, at a place in it (1-based line and column)."""

    path: str
    line: int | None
    col: int | None
    message: str

    def __str__(self) -> str:
        where = self.path
        if self.line is not None:
            where += f":{self.line}"
            if self.col is not None:
                where += f":{self.col}"
        return f"{where}: {self.message}"


class MapLoadError(ArgmapError):
    """A map file could not be read: every problem found in it, in file order."""

    def __init__(self, problems: list[Problem]):
        self.problems = sorted(problems, key=lambda p: (p.line or 0, p.col or 0, p.message))
        super().__init__("\n".join(str(p) for p in self.problems))


class MapSaveError(ArgmapError):
    """A map could not be written; the file on disk is left as it was."""


class UsageError(ArgmapError):
    """The user asked for something that cannot be done (unknown id, unknown format ...)."""
