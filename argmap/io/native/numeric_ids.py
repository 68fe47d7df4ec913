"""Ids a parser read as numbers: ``1.1`` and ``1.10``, ``0x1F``, ``1e3``.

An id is text, but YAML and JSON read an unquoted ``1.10`` as the number 1.1, so two ids the
author wrote apart (``1.1`` and ``1.10``) would merge, and ``0x1F`` would become ``31``. The
YAML reader (:mod:`.yamlfast`) keeps every id-like value as the text written in the file;
the quick parsers, which keep no text, hand such a map to the full readers; JSON, where a number
is never an id, refuses a fractional one with a message saying to quote it.

>>> numeric_ids({"claims": [{"id": "a"}, {"id": 1.1}], "links": [{"from": [2], "to": "a"}]})
[('claims', 1, 'id'), ('links', 0, 'from', 0)]
"""

from __future__ import annotations

from typing import Any

ID_KEYS = frozenset({"id", "from", "to", "source", "subject"})
_SECTIONS = ("sources", "claims", "links")


def _is_number(value: Any) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


def numeric_ids(raw: Any, *, floats_only: bool = False) -> list[tuple[Any, ...]]:
    """Where ``raw`` (a parsed map) holds a number as an id or a reference to one."""
    if type(raw) is not dict:
        return []
    wanted = (lambda v: isinstance(v, float)) if floats_only else _is_number
    found: list[tuple[Any, ...]] = []

    def look(value: Any, loc: tuple[Any, ...]) -> None:
        if isinstance(value, list):
            found.extend((*loc, i) for i, v in enumerate(value) if wanted(v))
        elif wanted(value):
            found.append(loc)

    look(raw.get("subject"), ("subject",))
    for section in _SECTIONS:
        items = raw.get(section)
        if type(items) is not list:
            continue
        for i, item in enumerate(items):
            if type(item) is not dict:
                continue
            for key in ("id", "from", "to"):
                if key in item:
                    look(item[key], (section, i, key))
            for j, cite in enumerate(item.get("evidence") or ()):
                if type(cite) is dict and "source" in cite:
                    look(cite["source"], (section, i, "evidence", j, "source"))
    return found
