"""Read and write map files (YAML or JSON, chosen by extension).

>>> from argmap.io import loads_map
>>> loads_map('{"title": "t", "claims": [{"id": "a", "text": "A"}]}', "json").title
't'
"""

from __future__ import annotations

import json
import os
import re
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from argmap.errors import MapLoadError, Problem, UsageError
from argmap.io.atomic import atomic_write
from argmap.io.native.numeric_ids import numeric_ids
from argmap.perf import collector_paused

if TYPE_CHECKING:
    from yaml import MarkedYAMLError

    from argmap.model import ArgumentMap

# The parsers, pydantic and the models are imported by the functions that use them: a command
# that only writes a file, or `argmap --version`, does not pay for them.

__all__ = ["load_map", "loads_map", "read_map_text", "save_map", "dumps_map", "map_format",
           "to_data", "Origin"]

FORMATS = {".yaml": "yaml", ".yml": "yaml", ".json": "json"}
MAX_BYTES = 200 * 1024 * 1024
# libyaml's wording for a line indented differently from its siblings.
_INDENT_HINTS = ("expected '-' indicator", "mapping values are not allowed",
                 "could not find expected ':'", "did not find expected key")


@dataclass
class Origin:
    """What a map was loaded from: kept on the map so a save can preserve the author's layout."""

    path: str
    fmt: str
    text: str | None = None  # the YAML as read; parsed for round-trip only when saving
    tree: Any = None  # the ruamel round-trip tree, once a save has needed it
    style: tuple[int, int, int] = (2, 4, 2)
    mtime_ns: int | None = None


STDIN = "-"  # a map read from standard input


def map_format(path: str | os.PathLike[str]) -> str:
    if str(path) == STDIN:
        raise UsageError("standard input (-) has no extension: its format is guessed")
    suffix = Path(path).suffix.lower()
    if suffix not in FORMATS:
        raise UsageError(f"{path}: unknown map format {suffix!r}: use .yaml, .yml or .json")
    return FORMATS[suffix]


def _fail(path: str, message: str, line: int | None = None, col: int | None = None) -> MapLoadError:
    return MapLoadError([Problem(path, line, col, message)])


def load_map(path: str | os.PathLike[str]) -> ArgumentMap:
    """Load and validate a map file; raises MapLoadError listing every problem in it."""
    name = str(path)
    if name == STDIN:
        data = _read_stdin()
        fmt = "json" if data.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"{") else "yaml"
        name = "<stdin>"
    else:
        fmt = map_format(path)
        data = _read(path)
    with collector_paused():
        amap = _quick_load(data, fmt, name) or _loads_map(_decode(data, name), fmt, name)
    assert amap._origin is not None
    if name == "<stdin>":
        amap._origin.path = STDIN  # saving back to it is refused: `-` has no format to write
    else:
        amap._origin.mtime_ns = os.stat(path).st_mtime_ns
    return amap


def _read_stdin() -> bytes:
    """The map piped in on standard input (``-``), within the size limit."""
    import sys

    data = sys.stdin.buffer.read(MAX_BYTES + 1)
    if len(data) > MAX_BYTES:
        raise _fail("<stdin>", f"more than {MAX_BYTES >> 20} MiB; the limit is"
                    f" {MAX_BYTES >> 20} MiB")
    return data


def read_map_text(path: str | os.PathLike[str]) -> str:
    """The text of a map file; MapLoadError when it cannot be read, is too big or is not UTF-8."""
    return _decode(_read(path), str(path))


def _read(path: str | os.PathLike[str]) -> bytes:
    """The bytes of a map file; MapLoadError when it cannot be read or is too big."""
    name = str(path)
    try:
        size = os.path.getsize(path)
        if size > MAX_BYTES:
            raise _fail(name, f"file is {size >> 20} MiB; the limit is {MAX_BYTES >> 20} MiB")
        return Path(path).read_bytes()
    except OSError as exc:
        raise _fail(name, f"cannot read: {exc.strerror or exc}") from exc


def _decode(data: bytes, path: str) -> str:
    """The UTF-8 text of a file, or a MapLoadError that says where it stops being UTF-8."""
    if data.startswith((b"\xff\xfe\x00\x00", b"\x00\x00\xfe\xff")):
        raise _fail(path, "the file is UTF-32 text; save it as UTF-8", 1, 1)
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise _fail(path, "the file is UTF-16 text; save it as UTF-8", 1, 1)
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        bad = data[exc.start : exc.start + 1]
        if b"\x00" in data[:1024] or exc.start < 16:
            message = f"not a text file (it is not UTF-8); byte {exc.start} is {bad!r}"
            raise _fail(path, message) from None
        line = data.count(b"\n", 0, exc.start) + 1
        start = data.rfind(b"\n", 0, exc.start) + 1
        col = len(data[start : exc.start].decode("utf-8", "replace")) + 1
        message = f"the text is not UTF-8 here (byte {bad!r}); save the file as UTF-8"
        raise _fail(path, message, line, col) from None


def loads_map(text: str, fmt: str, path: str = "<string>") -> ArgumentMap:
    """Parse and validate map text in ``fmt`` ('yaml' or 'json')."""
    with collector_paused():
        return _quick_load(text, fmt, path) or _loads_map(text, fmt, path)


def _quick_load(data: bytes | str, fmt: str, path: str) -> ArgumentMap | None:
    """The map in ``data`` (the file's bytes, or text) when a quick parser reads it and it
    validates; otherwise None, and the full path (:func:`_loads_map`) reads it again to say
    what is wrong and where. The quick parsers keep no positions: they cost nothing more for
    maps without problems.
    """
    from argmap.io.native import quick

    text = data if isinstance(data, str) else None
    if isinstance(data, str):
        data = data.encode("utf-8", "surrogatepass")
    raw = quick.parse_json(data) if fmt == "json" else quick.parse_yaml(data)
    if raw is not None and numeric_ids(raw, floats_only=fmt == "json"):
        return None  # the full readers keep such ids as written, or say to quote them
    amap = None if raw is None else quick.validate(raw)
    if amap is None:
        return None
    if fmt == "yaml":  # the text a save merges into, as the full path keeps it
        amap._origin = Origin(path, fmt, text=text or data.decode("utf-8-sig"))
    else:
        amap._origin = Origin(path, fmt)
    return amap


def _loads_map(text: str, fmt: str, path: str) -> ArgumentMap:
    from pydantic import ValidationError

    from argmap.io.native.problems import validation_problems
    from argmap.model import ArgumentMap

    if "\x00" in text:
        raise _fail(path, "not a text file (it holds NUL bytes)")
    if not text.strip():
        raise _fail(path, "the file is empty; `argmap new TITLE` writes a starting map", 1, 1)
    if fmt == "json":
        raw, locate, origin = _parse_json(text, path)
    else:
        raw, locate, origin = _parse_yaml(text, path)
    if fmt == "json":
        _refuse_number_ids(raw, path, locate)
    if isinstance(raw, dict) and "nodes" in raw and "edges" in raw and "claims" not in raw:
        raise _fail(path, "this looks like AIF (`nodes` and `edges`), not an argmap map: use"
                    f" `argmap import --from aif {path} -o MAP.yaml`", 1, 1)
    try:
        amap = ArgumentMap.model_validate(raw)
    except ValidationError as exc:
        raise MapLoadError(validation_problems(exc, raw, path, locate)) from None
    amap._origin = origin
    return amap


def _refuse_number_ids(raw: Any, path: str, locate: Any) -> None:
    """JSON reads an unquoted 1.10 as the number 1.1: such an id is refused, never changed."""
    problems = []
    for loc in numeric_ids(raw, floats_only=True):
        value = raw
        for step in loc:
            value = value[step]
        line, col = locate(loc, False) or (None, None)
        problems.append(Problem(path, line, col, (
            f"the id {value!r} is a number in JSON, which does not keep how it was written "
            f"(1.10 reads as 1.1): write it as text in quotes, \"{value}\"")))
    if problems:
        raise MapLoadError(problems)


_LONG_NUMBER = re.compile(r"(?<![0-9.])-?[0-9]{4300,}")


def _long_number_message(digits: int) -> str:
    return (f"a number with {digits} digits; numbers in a map are far shorter (argmap reads up"
            " to 4300 digits): quote it to keep it as text")


def _line_col(text: str, at: int) -> tuple[int, int]:
    """1-based line and column of offset ``at`` in ``text``."""
    return text.count("\n", 0, at) + 1, at - text.rfind("\n", 0, at)


def _parse_json(text: str, path: str) -> tuple[Any, Any, Origin]:
    from argmap.io.native.positions import JsonPositions, nesting_position
    from argmap.io.native.yamlfast import MAX_DEPTH

    def no_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
        seen: dict[str, Any] = {}
        for key, value in pairs:
            if key in seen:
                raise ValueError(f"duplicate key {key!r}")
            seen[key] = value
        return seen

    try:
        raw = json.loads(text, object_pairs_hook=no_duplicates)
    except json.JSONDecodeError as exc:
        what = exc.msg
        if what.startswith("Unterminated string"):
            what = "a string is not closed"
        if exc.pos >= len(text.rstrip()) or what == "a string is not closed":
            what += "; the file ends too early (is it cut short?)"
        raise _fail(path, f"invalid JSON: {what}", exc.lineno, exc.colno) from None
    except ValueError as exc:
        long = _LONG_NUMBER.search(text)
        if "integer string conversion" in str(exc) and long is not None:
            raise _fail(path, _long_number_message(long.end() - long.start()),
                        *_line_col(text, long.start())) from None
        positions = JsonPositions(text)
        positions.position(())  # scans the text, noting the first repeated key
        raise _fail(path, f"invalid JSON: {exc}", *(positions.duplicate or (None, None))) from None
    except RecursionError:
        line, col = nesting_position(text, MAX_DEPTH) or (None, None)
        message = f"nested more than {MAX_DEPTH} levels deep; a map never needs that"
        raise _fail(path, message + " (is the file broken?)", line, col) from None
    lone = _lone_surrogate(text)
    if lone is not None:
        line = text.count("\n", 0, lone) + 1
        col = lone - text.rfind("\n", 0, lone)
        raise _fail(path, f"invalid JSON: {text[lone:lone + 6]} is half of a surrogate pair"
                    " without its other half, not a character; remove it or write the"
                    " character itself", line, col)
    positions = JsonPositions(text)
    return raw, positions.position, Origin(path, "json")


_U_ESCAPE = re.compile(r"\\+u([0-9a-fA-F]{4})")


def _lone_surrogate(text: str) -> int | None:
    """Where the first escape of half a surrogate pair without its other half is in JSON
    ``text`` (``"\\ud800"``); None when there is none. Python's reader lets these through."""
    if "\\u" not in text:
        return None
    pending = None  # a high half waiting for its low half right after it
    for match in _U_ESCAPE.finditer(text):
        if (match.end() - match.start() - 5) % 2 == 0:
            continue  # `\\u`: an escaped backslash, then text
        at, code = match.end() - 6, int(match.group(1), 16)
        if pending is not None:
            if 0xDC00 <= code <= 0xDFFF and at == pending + 6:
                pending = None
                continue
            return pending
        if 0xD800 <= code <= 0xDBFF:
            pending = at
        elif 0xDC00 <= code <= 0xDFFF:
            return at
    return pending


_PAIR_ESCAPE = re.compile(r"\\u([dD][89abAB][0-9a-fA-F]{2})\\u([dD][c-fC-F][0-9a-fA-F]{2})")
_SURROGATE_ESCAPE = re.compile(r"\\u[dD][89a-fA-F][0-9a-fA-F]{2}")


def _joined_pair(text: str, exc: MarkedYAMLError) -> str | None:
    """``text`` with the surrogate-pair escape libyaml stopped at (``\\ud83d\\ude97``, valid in
    YAML and JSON) written as the one escape libyaml reads (``\\U0001f697``); None when the
    error is not that."""
    mark = exc.problem_mark
    if mark is None or "invalid Unicode character escape" not in str(exc.problem):
        return None
    at = text.rfind("\\u", 0, mark.index + 1)
    pair = _PAIR_ESCAPE.match(text, at) if at >= 0 else None
    if pair is None:
        return None
    high, low = int(pair.group(1), 16), int(pair.group(2), 16)
    code = 0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00)
    return f"{text[:at]}\\U{code:08x}{text[pair.end():]}"


def _parse_yaml(text: str, path: str) -> tuple[Any, Any, Origin]:
    from yaml import MarkedYAMLError, YAMLError

    from argmap.io.native.yamlfast import YamlInputError, node_position

    try:
        raw, root = _load_yaml(text)
    except YamlInputError as exc:
        raise _fail(path, exc.message, exc.line, exc.col) from None
    except MarkedYAMLError as exc:
        message, line, col = _yaml_syntax(exc, text)
        if "invalid Unicode character escape" in message and exc.problem_mark is not None and \
                _SURROGATE_ESCAPE.match(text, text.rfind("\\u", 0, exc.problem_mark.index + 1)):
            message = ("invalid YAML: a lone surrogate escape (\\ud800 to \\udfff without its"
                       " pair) is not a character; remove it or write the character itself")
        raise _fail(path, message, line, col) from None
    except YAMLError as exc:
        raise _fail(path, f"invalid YAML: {exc}") from None
    except RecursionError:
        raise _fail(path, "invalid YAML: nested too deeply") from None

    if raw is None:
        message = "the file holds no map, only comments or an empty document;" \
            " `argmap new TITLE` writes a starting map"
        raise _fail(path, message, *(node_position(root, ()) or (1, 1)))

    def locate(loc: Any, at_key: bool) -> Any:
        return node_position(root, loc, at_key)

    return raw, locate, Origin(path, "yaml", text=text)


def _load_yaml(text: str) -> tuple[Any, Any]:
    """:func:`load_fast`, reading surrogate-pair escapes in double-quoted text as YAML does."""
    from yaml import MarkedYAMLError

    from argmap.io.native.yamlfast import load_fast

    for _ in range(10_000):
        try:
            return load_fast(text)
        except MarkedYAMLError as exc:
            joined = _joined_pair(text, exc)
            if joined is None:
                raise
            text = joined
    return load_fast(text)


def _colon_in_value(line: str) -> bool:
    """Whether ``line`` is ``key: text: more``: an unquoted value holding ``: ``."""
    key, sep, value = line.lstrip(" -").partition(": ")
    return bool(sep) and " " not in key.strip() and ": " in value + " " and \
        not value.lstrip().startswith(("'", '"', "{", "["))


def _yaml_syntax(exc: MarkedYAMLError, text: str) -> tuple[str, int | None, int | None]:
    """The message and position of a YAML syntax error, with a hint for the usual causes."""
    mark = exc.problem_mark or exc.context_mark
    if mark is None:
        return f"invalid YAML: {exc.problem or exc}", None, None
    what = str(exc.problem or "unreadable")
    if exc.context:
        what += f" ({exc.context})"
    what = what.replace("'<stream end>'", "the end of the file")
    lines = text.split("\n")
    here = lines[mark.line][mark.column:] if mark.line < len(lines) else ""
    if here.startswith("\t"):
        what = "a tab character here: YAML indents with spaces only"
    elif not (here + "".join(lines[mark.line + 1 :])).strip():
        what += "; the file ends too early (is it cut short?)"
    elif "mapping values are not allowed" in what and _colon_in_value(lines[mark.line]):
        key, _, value = lines[mark.line].lstrip(" -").partition(": ")
        quoted = value.strip().replace("\\", "\\\\").replace('"', '\\"')
        what = (f"the text after `{key}:` holds `: `, which YAML reads as the start of a new"
                f" key; put the text in quotes: {key}: \"{quoted}\"")
    elif any(hint in what for hint in _INDENT_HINTS):
        what += "; check this line's indentation against the lines above"
    return f"invalid YAML: {what}", mark.line + 1, mark.column + 1


def to_data(amap: ArgumentMap) -> dict[str, Any]:
    """The map as plain data, holding only what the author set (no filled-in defaults)."""
    data = amap.model_dump(mode="json", by_alias=True, exclude_unset=True)
    for link in data.get("links", []):
        if isinstance(link.get("from"), list) and len(link["from"]) == 1:
            link["from"] = link["from"][0]
    return data


def dumps_map(amap: ArgumentMap, fmt: str) -> str:
    """The map as text; YAML loaded from a file keeps its comments and layout."""
    from argmap.io.native.yamlfile import dump_yaml, merge, parse_yaml

    data = to_data(amap)
    origin = amap._origin
    if fmt == "yaml" and origin is not None and origin.fmt == "yaml" and origin.text is not None:
        if origin.tree is None:
            origin.tree, origin.style = parse_yaml(origin.text)
        origin.tree = merge(origin.tree, data)
        return dump_yaml(origin.tree, origin.style)
    # A new file states its format version first.
    data = {"argmap": data.pop("argmap", 1), **data}
    if fmt == "json":
        from argmap.jsontext import dumps

        return dumps(data) + "\n"
    from argmap.io.native.yamlnew import dump_new

    return dump_new(data)


def save_map(amap: ArgumentMap, path: str | os.PathLike[str] | None = None) -> Path:
    """Save atomically to ``path`` (default: where it was loaded from). Returns the path."""
    if path is None:
        if amap._origin is None:
            raise UsageError("this map was not loaded from a file: give a path to save it to")
        path = amap._origin.path
    fmt = map_format(path)
    text = dumps_map(amap, fmt)
    atomic_write(path, text.encode("utf-8"))
    if amap._origin is None or amap._origin.fmt != fmt:
        amap._origin = Origin(str(path), fmt)
    amap._origin.path = str(path)
    amap._origin.mtime_ns = os.stat(path).st_mtime_ns
    return Path(path)
