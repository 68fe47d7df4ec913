"""A new map file's YAML, exactly as ruamel.yaml's round-trip dumper writes the map's data
(:func:`.yamlfile.to_tree`: block style, short lists of scalars inline), laid out here.

ruamel's emitter is pure Python and weighs every scalar at length: a 10k-claim map took seconds
to convert. Here the mappings and lists are laid out directly, and each scalar written as ruamel
would: text that plainly reads as itself, whole numbers, plain decimals and booleans worked out
here, anything else (text that needs quotes, an exponent, an empty value) asked of ruamel once
per distinct value. An entry or item that holds something this cannot put on one line (text
over several lines, a line past ruamel's width, a list in a list) is written by ruamel itself,
alone, which gives the same text it would in the whole map. The test for plain text is
conservative: ASCII, a letter first, no character YAML could read as syntax, and no word a
reader could take for another type.
"""

from __future__ import annotations

import re
from functools import lru_cache
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
            written = _scalar(value)
            parts.append(_line(f"{start}: {written}" if written else f"{start}:"))
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
    if key in _KEYS:
        return key  # type: ignore[no-any-return]
    if type(key) is not str or len(key) > 128 or not _plain(key):
        raise _Unsure
    if len(_KEYS) < 1024:
        _KEYS.add(key)
    return key


_KEYS: set[str] = set()  # keys found plain (a map repeats a few dozen names)


def _scalar(value: Any, flow: bool = False) -> str:
    """How ruamel writes ``value`` on one line as a mapping's value or a list's item (inline
    in ``[...]`` with ``flow``): worked out here for plain text and numbers, else asked of
    ruamel once per value."""
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
    written = _as_ruamel_writes(value, flow)
    if written is None:
        raise _Unsure
    return written


@lru_cache(maxsize=4096, typed=True)  # typed: True, 1 and 1.0 are written differently
def _as_ruamel_writes(value: Any, flow: bool) -> str | None:
    """ruamel's own writing of one scalar (quoted text, an exponent, nothing for None); None
    when it takes more than one line."""
    text = dump_yaml(to_tree({"k": [value] if flow else value}))
    if text.count("\n") != 1:
        return None
    if flow:
        return text[4:-2] if text.startswith("k: [") and text.endswith("]\n") else None
    return text[3:-1] if text.startswith("k: ") else "" if text == "k:\n" else None


def _plain(text: str) -> bool:
    return _PLAIN.fullmatch(text) is not None and text.lower() not in _WORDS
