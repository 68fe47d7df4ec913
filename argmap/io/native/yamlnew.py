"""A new map file's YAML, exactly as ruamel.yaml's round-trip dumper writes the map's data
(:func:`.yamlfile.to_tree`: block style, short lists of scalars inline), the common parts laid
out here.

ruamel's emitter is pure Python and weighs every scalar at length: a 10k-claim map took seconds
to convert. Here each entry of the map (and each item of its lists: a claim, a link, a source)
is written directly when all it holds is text that plainly reads as itself, whole numbers,
plain decimals and booleans, in mappings and lists; an entry or item with anything else (text
that needs quotes, an empty value, a long line) is written by ruamel itself, alone, which
gives the same text it would in the whole map. The test against ruamel is conservative: text
is taken as plain only when it is ASCII, starts with a letter, holds no character YAML could
read as syntax, and cannot be read as another type.
"""

from __future__ import annotations

import re
from typing import Any

from argmap.io.native.yamlfile import dump_yaml, to_tree

# Text ruamel writes plain in block context (conservative: ASCII, a letter first, no `:` `#`,
# no line break or tab, no space at the end); in a flow list [a, b] also none of , [ ] { } ?
_PLAIN = re.compile(r"[A-Za-z][A-Za-z0-9 .,;!?()'\"/&%$+=_*@<>~^|-]*(?<! )")
_FLOW_UNSAFE = re.compile(r"[,\[\]{}?]")
_DECIMAL = re.compile(r"-?[0-9]+\.[0-9]+")
# words a YAML reader may take for a boolean or null (in either YAML version)
_WORDS = frozenset({"true", "false", "yes", "no", "on", "off", "y", "n", "null"})
_WIDE = 4000  # a longer line goes to ruamel (it wraps lines past its width, 4096)
_FLOW_MAX = 8  # as to_tree: lists of at most this many scalars are written inline


class _Unsure(Exception):
    """Something this writer leaves to ruamel."""


def dump_new(data: dict[str, Any]) -> str:
    """``data`` (a map's plain data) as the YAML text of a new file."""
    if not data:
        return dump_yaml(to_tree(data))
    out: list[str] = []
    for key, value in data.items():
        try:
            if isinstance(value, list) and not _inline(value):
                out.append(_block_list(key, value))
            else:
                out.append(_entry(key, value))
        except _Unsure:
            out.append(dump_yaml(to_tree({key: value})))
    return "".join(out)


def _block_list(key: str, items: list[Any]) -> str:
    """A top-level list, each item written here or, failing that, by ruamel alone."""
    lines = [f"{_key(key)}:\n"]
    for item in items:
        if not isinstance(item, dict):
            raise _Unsure
        try:
            lines.append(_mapping(item, 4, "  - "))
        except _Unsure:  # this item alone, its first line the `key:` of the list
            lines.append(dump_yaml(to_tree({key: [item]})).partition("\n")[2])
    return "".join(lines)


def _entry(key: str, value: Any) -> str:
    return _mapping({key: value}, 0, "")


def _mapping(data: dict[str, Any], indent: int, lead: str) -> str:
    """A block mapping at ``indent``; its first line starts with ``lead`` (``- `` for an item
    of a list) in place of the indentation."""
    if not data:
        raise _Unsure
    pad = " " * indent
    parts = []
    for n, (key, value) in enumerate(data.items()):
        start = (lead if n == 0 else pad) + _key(key)
        if isinstance(value, dict):
            parts.append(f"{start}: {{}}\n" if not value else
                         f"{start}:\n" + _mapping(value, indent + 2, " " * (indent + 2)))
        elif isinstance(value, list):
            if _inline(value):
                parts.append(_line(f"{start}: [{', '.join(_scalar(v, True) for v in value)}]"))
            else:
                parts.append(f"{start}:\n" + _items(value, indent))
        else:
            parts.append(_line(f"{start}: {_scalar(value)}"))
    return "".join(parts)


def _line(text: str) -> str:
    if len(text) > _WIDE:
        raise _Unsure
    return text + "\n"


def _items(items: list[Any], indent: int) -> str:
    """The items of a block list under a key at ``indent``: dashes two further in."""
    dash = " " * (indent + 2) + "- "
    parts = []
    for item in items:
        if isinstance(item, dict):
            parts.append(_mapping(item, indent + 4, dash))
        elif isinstance(item, list):
            raise _Unsure
        else:
            parts.append(_line(f"{dash}{_scalar(item)}"))
    return "".join(parts)


def _inline(items: list[Any]) -> bool:
    """Whether to_tree writes the list inline: at most eight scalars (booleans count)."""
    return len(items) <= _FLOW_MAX and all(isinstance(v, str | int | float) for v in items)


def _key(key: Any) -> str:
    if type(key) is not str or len(key) > 128 or not _plain(key):
        raise _Unsure
    return key


def _scalar(value: Any, flow: bool = False) -> str:
    kind = type(value)
    if kind is str:
        if _plain(value) and not (flow and _FLOW_UNSAFE.search(value)):
            return value
    elif kind is bool:
        return "true" if value else "false"
    elif kind is int:
        return str(value)
    elif kind is float:
        text = repr(value)
        if _DECIMAL.fullmatch(text):
            return text
    raise _Unsure


def _plain(text: str) -> bool:
    return _PLAIN.fullmatch(text) is not None and text.lower() not in _WORDS
