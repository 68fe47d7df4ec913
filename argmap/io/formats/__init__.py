"""Foreign formats: which module reads and writes each, and import/export by file name.

Each foreign format is one module in ``argmap.io`` with two plain functions over the core model,
``read(text, path) -> Imported`` and ``write(amap) -> Exported``; this module picks one by name
or by the file's extension and holds the helpers the readers share.

>>> format_for("debate.argdown")
'argdown'
"""

from __future__ import annotations

import importlib
import os
import re
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

from argmap.errors import MapLoadError, Problem, UsageError
from argmap.io.atomic import atomic_write

if TYPE_CHECKING:  # the models are imported when a map is built (the CLI's start stays quick)
    from argmap.model import ArgumentMap

__all__ = ["FORMATS", "Exported", "Imported", "export_map", "export_text", "format_for",
           "import_map"]

MAX_BYTES = 50 * 1024 * 1024


class Imported(NamedTuple):
    """A map read from a foreign file, and one line for each thing the format had that was lost."""

    amap: ArgumentMap
    dropped: list[str]


class Exported(NamedTuple):
    """A map written in a foreign format, and one line for each thing the format cannot hold."""

    text: str
    dropped: list[str]


@dataclass(frozen=True)
class Format:
    """A foreign format: its module in ``argmap.io``, its extensions, whether argmap writes it."""

    name: str
    module: str
    extensions: tuple[str, ...]
    writes: bool = True
    label: str = ""

    def reader(self) -> Any:
        return importlib.import_module(f"argmap.io.formats.{self.module}").read

    def writer(self) -> Any:
        if not self.writes:
            raise UsageError(f"argmap reads {self.label or self.name} but does not write it")
        return importlib.import_module(f"argmap.io.formats.{self.module}").write


FORMAT_NAMES = ("yaml", "json", "argdown", "aif", "kialo", "microtexts")
FORMATS: dict[str, Format] = {
    f.name: f
    for f in (
        Format("argdown", "argdown", (".argdown", ".ad"), label="Argdown"),
        Format("aif", "aif", (".aif", ".aif.json"), label="AIF JSON (AIFdb, OVA)"),
        Format("kialo", "kialo", (".kialo", ".kialo.txt"), label="Kialo text export"),
        Format("microtexts", "microtexts", (".xml",), writes=False,
               label="arg-microtexts XML"),
    )
}
NATIVE = {".yaml": "yaml", ".yml": "yaml", ".json": "json"}


def format_for(path: str | os.PathLike[str], fmt: str | None = None) -> str:
    """The format name for ``path``: ``fmt`` when given, else from the extension."""
    if fmt is not None:
        name = fmt.lower()
        if name not in FORMATS and name not in ("yaml", "json"):
            known = ", ".join([*FORMATS, "yaml", "json"])
            raise UsageError(f"unknown format {fmt!r}: use one of {known}")
        return name
    lower = Path(path).name.lower()
    for f in sorted(FORMATS.values(), key=lambda f: -max(len(e) for e in f.extensions)):
        if any(lower.endswith(ext) for ext in f.extensions):
            return f.name
    suffix = Path(path).suffix.lower()
    if suffix in NATIVE:
        return NATIVE[suffix]
    exts = ", ".join([".yaml", ".json", *(e for f in FORMATS.values() for e in f.extensions)])
    raise UsageError(f"{path}: unknown map format {suffix!r}: use one of {exts}, "
                     "or name the format (--from/--to)")


def read_text(path: str | os.PathLike[str]) -> str:
    """A foreign file's text; unreadable or binary files raise MapLoadError."""
    name = str(path)
    try:
        if name == "-":
            import sys

            data = sys.stdin.buffer.read(MAX_BYTES + 1)
            size = len(data)
        else:
            size = os.path.getsize(path)
        if size > MAX_BYTES:
            raise MapLoadError([Problem(name, None, None, f"file is {size >> 20} MiB; the limit"
                                        f" is {MAX_BYTES >> 20} MiB")])
        if name != "-":
            data = Path(path).read_bytes()
    except OSError as exc:
        problem = Problem(name, None, None, f"cannot read: {exc.strerror or exc}")
        raise MapLoadError([problem]) from exc
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        problem = Problem(name, None, None, f"not UTF-8 text (byte {exc.start})")
        raise MapLoadError([problem]) from exc
    if "\x00" in text:
        raise MapLoadError([Problem(name, None, None, "not a text file (it holds NUL bytes)")])
    return text


def import_map(
    path: str | os.PathLike[str], fmt: str | None = None, *, text_base: str | os.PathLike[str] |
    None = None
) -> Imported:
    """Read a foreign (or native) map file. ``text_base``: the folder the map will be saved in,
    so a reader that knows the analysed text (microtexts) can point the subject source at it."""
    if str(path) == "-" and (fmt is None or fmt.lower() in ("yaml", "json")):
        from argmap.io import load_map

        return Imported(load_map("-"), [])  # standard input: YAML or JSON, told apart
    name = format_for(path, fmt)
    if name in ("yaml", "json"):
        from argmap.io import loads_map

        return Imported(loads_map(read_text(path), name, str(path)), [])
    reader = FORMATS[name].reader()
    if name == "microtexts":
        return reader(read_text(path), str(path), text_base=text_base)  # type: ignore[no-any-return]
    return reader(read_text(path), str(path))  # type: ignore[no-any-return]


def export_map(
    amap: ArgumentMap, path: str | os.PathLike[str], fmt: str | None = None
) -> list[str]:
    """Write ``amap`` to ``path`` (atomically) in ``fmt`` or the extension's format.

    Returns what the format could not hold, one line each (empty when nothing was lost)."""
    text, dropped = export_text(amap, format_for(path, fmt))
    atomic_write(path, text.encode("utf-8"))
    return dropped


def export_text(amap: ArgumentMap, name: str) -> Exported:
    """``amap`` as text in format ``name``, and what the format could not hold."""
    if name in ("yaml", "json"):
        from argmap.io import dumps_map

        return Exported(dumps_map(amap, name), [])
    text, dropped = FORMATS[name].writer()(amap)
    return Exported(text, list(dropped))


# Helpers the readers share -----------------------------------------------------------------


class IdMaker:
    """Hands out unique slug ids: an id from a title when it is already a slug, else a slug of
    the text, numbered when taken (``a``, ``a-2`` ...)."""

    def __init__(self, taken: set[str] | None = None, width: int = 40):
        self.taken: set[str] = set(taken or ())
        self.width = width

    def make(self, text: str, fallback: str = "claim") -> str:
        stem = text.strip()
        from argmap.model import SLUG_RE

        if not SLUG_RE.match(stem):
            stem = _short_slug(stem, self.width) or fallback
        ident, n = stem, 1
        while ident in self.taken:
            n += 1
            ident = f"{stem}-{n}"
        self.taken.add(ident)
        return ident


def _short_slug(text: str, width: int) -> str:
    from argmap.model import slugify

    slug = slugify(text, "")
    if len(slug) <= width:
        return slug
    cut = slug[:width]
    return cut[: cut.rfind("-")] if "-" in cut else cut


def title_id(title: str) -> str:
    """The argmap id for a foreign title: the title itself when it is a slug, else its slug."""
    title = title.strip()
    from argmap.model import SLUG_RE, slugify

    return title if SLUG_RE.match(title) else slugify(title, "untitled")


def one_line(text: str) -> str:
    """``text`` with its runs of white space (line breaks too) made single spaces."""
    return re.sub(r"\s+", " ", text).strip()


def build_map(data: dict[str, Any], path: str, locate: Any = None) -> ArgumentMap:
    """Validate map data a reader assembled; a problem is reported against the foreign file,
    at the line ``locate(loc, at_key)`` gives for it when the reader knows one."""
    from pydantic import ValidationError

    from argmap.model import ArgumentMap

    try:
        return ArgumentMap.model_validate(data)
    except ValidationError as exc:
        from argmap.io.native.problems import validation_problems

        problems = validation_problems(exc, data, path, locate or (lambda loc, at_key: None))
        raise MapLoadError(problems) from None


def listing(ids: list[str], limit: int = 6) -> str:
    """``a, b, c and 4 more``: a short list of ids for a message."""
    shown = ", ".join(ids[:limit])
    return shown + (f" and {len(ids) - limit} more" if len(ids) > limit else "")


def counted(ids: list[str], noun: str) -> str:
    """``2 links: a, b``: how many, of what, and which (a short list), for a message that says
    what an export dropped."""
    name = noun if len(ids) == 1 else {"claim or link": "claims and links"}.get(noun, noun + "s")
    return f"{len(ids)} {name}: {listing(ids)}"


def extras(data: dict[str, Any], skip: tuple[str, ...]) -> dict[str, Any]:
    """The fields of a claim or link (as plain data) a foreign format has no place for."""
    return {k: v for k, v in data.items() if k not in skip and v not in (None, [], {})}


def plain_links(amap: ArgumentMap, data: dict[str, Any]) -> list[dict[str, Any]]:
    """The map's links as plain data (``data`` is ``to_data(amap)``), each with its id
    (generated ids too), its type and its premises as a list."""
    links = []
    for model, plain in zip(amap.links, data.get("links", []), strict=True):
        premises = plain["from"] if isinstance(plain["from"], list) else [plain["from"]]
        links.append({**plain, "id": model.ident, "from": premises, "type": model.type})
    return links
