"""Sources' local texts: which to read for a map (its sources' `text:` paths, or files given on
the command line) and reading them safely, for the quote checks and for reading map and text
side by side."""

from __future__ import annotations

import os
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from stat import S_ISREG

from argmap.errors import UsageError
from argmap.model import ArgumentMap


@dataclass(frozen=True)
class SourceText:
    """A source's local text (for quote checks), or why it could not be read."""

    path: str
    text: str | None = None
    problem: str | None = None
    from_map: bool = True  # named by the source's own `text:` (not given on the command line)


SOURCE_TEXT_MAX = 20 * 1024 * 1024  # a book is a few MiB; past this a `text:` is refused


def read_source_text(path: Path, from_map: bool, inside: Path | None = None) -> SourceText:
    """The text at ``path``, or a SourceText that says why it cannot be read.

    Only a regular file of at most :data:`SOURCE_TEXT_MAX` bytes is read (never a device such
    as /dev/zero or a pipe). A path a map names (``from_map``) must lie inside the folder
    ``inside`` (the map's own), symlinks followed: a map from elsewhere cannot make argmap read,
    and reveal through its quote checks, any other file of the machine it runs on.
    Texts are cached by path, size and modification time: an editor that analyses the map after
    every change does not read its sources again.
    """
    try:
        if inside is not None and not _within(path, inside):
            return SourceText(str(path), from_map=from_map, problem=(
                "the file is outside the map's folder; a map may only name texts in its own"
                " folder (give this one with --source-text to use it)"))
        stat = path.stat()
        if not S_ISREG(stat.st_mode):
            return SourceText(str(path), problem="not a regular file", from_map=from_map)
        if stat.st_size > SOURCE_TEXT_MAX:
            return SourceText(str(path), from_map=from_map, problem=(
                f"the file is {stat.st_size >> 20} MiB; source texts are limited to"
                f" {SOURCE_TEXT_MAX >> 20} MiB"))
        text = _read(str(path), stat.st_size, stat.st_mtime_ns)
        return SourceText(str(path), text, from_map=from_map)
    except FileNotFoundError:
        return SourceText(str(path), problem="the file does not exist", from_map=from_map)
    except UnicodeDecodeError:
        return SourceText(str(path), problem="the file is not UTF-8 text", from_map=from_map)
    except OSError as exc:
        return SourceText(str(path), problem=str(exc.strerror or exc), from_map=from_map)


def _within(path: Path, folder: Path) -> bool:
    """Whether ``path``, symlinks resolved, is in ``folder`` or below it."""
    try:
        return Path(os.path.realpath(path)).is_relative_to(os.path.realpath(folder))
    except OSError:
        return False


@lru_cache(maxsize=16)
def _read(path: str, size: int, mtime_ns: int) -> str:
    return Path(path).read_text(encoding="utf-8-sig")


def source_texts(amap: ArgumentMap, given: Mapping[str, str | os.PathLike[str]] | None,
                 base_dir: str | os.PathLike[str] | None) -> dict[str, SourceText]:
    """The local texts of sources: ``given`` (source id -> path) first, else each `text:` path
    read relative to ``base_dir`` (default: the map file's folder). A given path that cannot
    be read raises UsageError; a map's own `text:` that cannot be read becomes AM116."""
    known = {s.id for s in amap.sources}
    texts: dict[str, SourceText] = {}
    for source_id, path in (given or {}).items():
        if source_id not in known:
            raise UsageError(f"--source-text: no source {source_id!r} in this map")
        found = read_source_text(Path(path), from_map=False)
        if found.problem:
            raise UsageError(f"--source-text {path}: {found.problem}")
        texts[source_id] = found
    if base_dir is None:
        origin = amap._origin
        base_dir = Path(origin.path).parent if origin is not None else Path(".")
    for source in amap.sources:
        if source.text and source.id not in texts:
            texts[source.id] = read_source_text(Path(base_dir) / source.text, from_map=True,
                                                inside=Path(base_dir))
    return texts


def source_text_args(amap: ArgumentMap, values: Iterable[str]) -> dict[str, str]:
    """Source id -> path from command-line values: ``ID=FILE`` names a source, a bare ``FILE``
    is the text of the map's subject source(s). Raises UsageError when that cannot apply."""
    known = {s.id for s in amap.sources}
    given: dict[str, str] = {}
    for value in values:
        source_id, sep, path = value.partition("=")
        if sep and source_id in known:
            given[source_id] = path
        elif sep and not Path(value).exists():
            raise UsageError(f"--source-text {value}: no source {source_id!r} in this map")
        elif not amap.subject:
            raise UsageError(f"--source-text {value}: this map has no `subject` source; "
                             "name the source: --source-text ID=FILE")
        else:
            given.update(dict.fromkeys(amap.subject, value))
    return given
