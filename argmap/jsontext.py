"""JSON text exactly as ``json.dumps(data, indent=2, ensure_ascii=False)`` writes it, built in
large blocks.

The standard library indents in pure Python, several calls per value: for a command that
prints 100k rows that is seconds. Here the layout (brackets, keys, line breaks, indentation) is
laid out once per container, a dict of scalars from a template shared by every dict with the
same keys (the rows of a table), and all the scalars are encoded in one call of the C encoder.
The layout marks each scalar's place with a NUL, which encoded JSON never holds raw (it is
written ``\\u0000``), and the encoded scalars are told apart by line breaks, which JSON
escapes inside strings too.

>>> dumps({"a": [1, {"b": None}], "c": "x"}) == json.dumps(
...     {"a": [1, {"b": None}], "c": "x"}, indent=2, ensure_ascii=False)
True
"""

from __future__ import annotations

import json
from itertools import chain
from typing import Any

_SLOT = "\x00"
_CONTAINERS = (dict, list, tuple)
_CONTAINER_TYPES = frozenset(_CONTAINERS)


def dumps(data: Any) -> str:
    """``data`` (dicts, lists and tuples of str, int, float, bool and None) as JSON text with
    an indent of two spaces; a TypeError for anything JSON cannot hold, as ``json.dumps``."""
    layout: list[str] = []
    scalars: list[Any] = []
    _lay(data, "", layout, scalars, {})
    chunks = "".join(layout).split(_SLOT)
    if not scalars:
        return chunks[0]
    encoded = json.dumps(scalars, ensure_ascii=False, separators=("\n", ":"))[1:-1].split("\n")
    if len(encoded) != len(scalars):  # a subclass of dict or list taken for a scalar
        return json.dumps(data, indent=2, ensure_ascii=False)
    return "".join(chain.from_iterable(zip(chunks, encoded, strict=False))) + chunks[-1]


def _lay(value: Any, indent: str, layout: list[str], scalars: list[Any],
         templates: dict[tuple[tuple[str, ...], str], str]) -> None:
    """Append the layout of ``value`` (at ``indent``) to ``layout`` and its scalars, in order,
    to ``scalars``."""
    if isinstance(value, dict):
        if not value:
            layout.append("{}")
            return
        inner = indent + "  "
        if _CONTAINER_TYPES.isdisjoint(map(type, value.values())):
            keys = tuple(value)
            template = templates.get((keys, indent))
            if template is None:
                template = templates[keys, indent] = (
                    "{\n" + inner + f",\n{inner}".join(f"{_key(k)}: {_SLOT}" for k in keys)
                    + "\n" + indent + "}")
            layout.append(template)
            scalars.extend(value.values())
            return
        layout.append("{")
        sep = "\n" + inner
        for key, item in value.items():
            layout.append(f"{sep}{_key(key)}: ")
            sep = ",\n" + inner
            _item(item, inner, layout, scalars, templates)
        layout.append("\n" + indent + "}")
    elif isinstance(value, (list, tuple)):
        if not value:
            layout.append("[]")
            return
        inner = indent + "  "
        layout.append("[")
        sep = "\n" + inner
        for item in value:
            layout.append(sep)
            sep = ",\n" + inner
            _item(item, inner, layout, scalars, templates)
        layout.append("\n" + indent + "]")
    else:
        layout.append(_SLOT)
        scalars.append(value)


def _item(item: Any, indent: str, layout: list[str], scalars: list[Any],
          templates: dict[tuple[tuple[str, ...], str], str]) -> None:
    if isinstance(item, _CONTAINERS):
        _lay(item, indent, layout, scalars, templates)
    else:
        layout.append(_SLOT)
        scalars.append(item)


def _key(key: Any) -> str:
    """A dict key as JSON writes it: a string (numbers, booleans and None turned into one)."""
    return json.dumps({key: 0}, ensure_ascii=False)[1:-4]
