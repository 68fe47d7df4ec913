"""Map a location in a parsed map (a pydantic ``loc``) back to a line and column of its file."""

from __future__ import annotations

import re
from collections.abc import Sequence
from itertools import accumulate, chain, repeat
from operator import attrgetter
from typing import Any

Loc = Sequence[str | int]
_ID = attrgetter("id")
Position = tuple[int, int]  # 1-based line, column


def yaml_position(tree: Any, loc: Loc, at_key: bool = False) -> Position | None:
    """Where ``loc`` is in a ruamel round-trip tree; the nearest existing parent when missing."""
    node = tree
    best: Position | None = _node_start(tree)
    for i, step in enumerate(loc):
        last = i == len(loc) - 1
        lc = getattr(node, "lc", None)
        if isinstance(node, dict) and step in node and lc is not None:
            line, col = lc.key(step) if (at_key and last) else lc.value(step)
            best = (line + 1, col + 1)
            node = node[step]
        elif isinstance(node, list) and isinstance(step, int) and 0 <= step < len(node) and lc:
            line, col = lc.item(step)
            best = (line + 1, col + 1)
            node = node[step]
        else:
            break
    return best


def _node_start(node: Any) -> Position | None:
    lc = getattr(node, "lc", None)
    if lc is None or lc.line is None:
        return None
    return (lc.line + 1, lc.col + 1)


_BRACKETS = re.compile(r'"(?:[^"\\]|\\.)*"|[\[\]{}]')


def nesting_position(text: str, limit: int) -> Position | None:
    """Where the brackets of a JSON text first nest deeper than ``limit`` (strings skipped)."""
    depth = 0
    for match in _BRACKETS.finditer(text):
        char = match.group()
        if char in "[{":
            depth += 1
            if depth > limit:
                offset = match.start()
                line = text.count("\n", 0, offset)
                return line + 1, offset - (text.rfind("\n", 0, offset) + 1) + 1
        elif char in "]}":
            depth -= 1
    return None


_WS = re.compile(r"[ \t\r\n]*")
_STRING = re.compile(r'"(?:[^"\\]|\\.)*"', re.DOTALL)
_SCALAR = re.compile(r"[^,\]}\s]+")


def _value_pattern(levels: int) -> str:
    """A JSON value whose brackets nest at most ``levels`` deep, for text already parsed (an
    opening bracket of either kind closes with either: the parser checked which). Written
    unrolled (a run of plain characters, then a string or a bracketed value and another run):
    the engine takes a run in one step."""
    string = r'"[^"\\]*+(?:\\.[^"\\]*+)*+"'
    run = rf'[^"\[\]{{}}]*+(?:{string}[^"\[\]{{}}]*+)*+'
    inner = run
    for _ in range(levels - 1):
        inner = rf"{run}(?:[\[{{]{inner}[\]}}]{run})*+"
    return rf'{string}|[\[{{]{inner}[\]}}]|[^,\]}}\s"\[{{]++'


# One item of an array and the comma after it: the items of a map's sections are found in one
# pass of the regular expression engine over the text, their insides skipped, not scanned.
_ITEM = re.compile(rf"[ \t\r\n]*+({_value_pattern(8)})[ \t\r\n]*+,?", re.DOTALL)


class JsonPositions:
    """Positions of every key and value of a JSON text, computed once on first use.

    The JSON was already parsed successfully, so this scanner trusts its shape. A ``shallow``
    one places only the root's keys and values and the items of the arrays among them (a map's
    claims, links and sources), in one pass of the regular expression engine over each array;
    anything deeper is found at its item.
    """

    def __init__(self, text: str, shallow: bool = False):
        self.text = text
        self.shallow = shallow
        self._keys: dict[tuple[Any, ...], int] | None = None
        self._values: dict[tuple[Any, ...], int] = {}
        self._items: dict[tuple[Any, ...], list[int]] = {}  # an array skimmed: its items' offsets
        self.duplicate: Position | None = None  # the first key repeated in its object, once scanned
        self._last = (0, 0)  # the offset and 0-based line of the last position asked for

    def position(self, loc: Loc, at_key: bool = False) -> Position | None:
        self._scanned()
        path = tuple(loc)
        while path:
            items, last = self._items.get(path[:-1]), path[-1]
            if items is not None and type(last) is int and 0 <= last < len(items):
                return self._line_col(items[last])
            table = self._keys if at_key and path in self._keys else self._values
            if path in table:
                return self._line_col(table[path])
            path = path[:-1]
            at_key = False
        return self._line_col(self._values[()]) if () in self._values else None

    def item_positions(self, key: str) -> list[Position] | None:
        """The position of each item of the array under the root's ``key``, in one C-level
        pass of the text (lines counted between items); None unless a shallow scan skimmed it
        whole."""
        self._scanned()
        offsets = self._items.get((key,))
        if offsets is None or (key, len(offsets)) in self._values:
            return None
        text, lf = self.text, repeat("\n")
        lines = accumulate(map(text.count, lf, chain((0,), offsets), offsets))
        starts = map(text.rfind, lf, repeat(0), offsets)
        return [(line + 1, at - start) for line, at, start in zip(lines, offsets, starts,
                                                                        strict=True)]

    def _scanned(self) -> None:
        if self._keys is None:
            self._keys = {}
            try:
                self._scan(0, ())
            except (RecursionError, IndexError, ValueError):
                pass

    def _line_col(self, offset: int) -> Position:
        """Lines are counted on from the last position asked for: asked in file order, the
        text is counted once in all."""
        last, line = self._last
        if offset < last:
            last, line = 0, 0
        line += self.text.count("\n", last, offset)
        self._last = (offset, line)
        return (line + 1, offset - self.text.rfind("\n", 0, offset))

    def _skip(self, i: int) -> int:
        return _WS.match(self.text, i).end()  # type: ignore[union-attr]

    def _scan(self, i: int, path: tuple[Any, ...]) -> int:
        import json

        assert self._keys is not None
        i = self._skip(i)
        self._values[path] = i
        char = self.text[i]
        if self.shallow and path and char in "[{":
            return self._skim(i, path)
        if char == "{":
            i = self._skip(i + 1)
            while self.text[i] != "}":
                match = _STRING.match(self.text, i)
                if match is None:
                    raise ValueError(i)
                key = json.loads(match.group())
                if path + (key,) in self._keys and self.duplicate is None:
                    self.duplicate = self._line_col(i)
                self._keys[path + (key,)] = i
                i = self._skip(match.end())
                i = self._scan(i + 1, path + (key,))  # past ':'
                i = self._skip(i)
                if self.text[i] == ",":
                    i = self._skip(i + 1)
            return i + 1
        if char == "[":
            return self._skip_items(self._skip(i + 1), path, 0)
        match = _STRING.match(self.text, i) if char == '"' else _SCALAR.match(self.text, i)
        if match is None:
            raise ValueError(i)
        return match.end()

    def _skim(self, i: int, path: tuple[Any, ...]) -> int:
        """Past the object or array at ``i`` (under the root), placing only the items of an
        array of the root; what nests deeper than :data:`_ITEM` reads is scanned."""
        if self.text[i] == "{" or len(path) > 1:
            match = _ITEM.match(self.text, i)
            if match is not None:
                return match.end(1)
            self.shallow = False
            try:
                return self._scan(i, path)
            finally:
                self.shallow = True
        i += 1
        end, items = i, self._items.setdefault(path, [])
        for match in _ITEM.finditer(self.text, i):
            if match.start() != end:
                break
            items.append(match.start(1))
            end = match.end()
        end = self._skip(end)
        if self.text[end] != "]":
            return self._skip_items(end, path, len(items))
        return end + 1

    def _skip_items(self, i: int, path: tuple[Any, ...], index: int) -> int:
        """Past the rest of an array from ``i`` (its item ``index``), scanned item by item."""
        while self.text[i] != "]":
            i = self._skip(self._scan(i, path + (index,)))
            index += 1
            if self.text[i] == ",":
                i = self._skip(i + 1)
        return i + 1


def element_positions(amap: Any) -> dict[str, Position]:
    """Line and column of every claim, link and source id of a loaded map (and of its `lint:`
    section, under the key ``"lint"``), from the file it was read from.

    Empty for a map built in memory. In the YAML text kept on the map the items are found line
    by line (:func:`yaml_item_positions`), or the text is parsed again when its layout is not
    one that tells them; a JSON map's file is read again and its items found without parsing
    them (a shallow :class:`JsonPositions`). Cost: linear in the map.
    """
    origin = getattr(amap, "_origin", None)
    if origin is None:
        return {}
    if origin.fmt == "yaml" and origin.text is not None:
        counts = {section: len(getattr(amap, section)) for section in _SECTIONS}
        placed = yaml_item_positions(origin.text, counts)
        if placed is not None:  # a block-style file: its items found line by line
            return _by_id(amap, placed)
    locate = _locator(origin)
    if locate is None:
        return {}
    found: dict[str, Position] = {}
    for section in _SECTIONS:
        items = getattr(amap, section)
        places = _all_items(locate, section, len(items))
        if places is not None:  # in one pass
            found.update(zip(map(_ID, items), places, strict=True))
            found.pop(None, None)  # an item without an id (the models give each one)
            continue
        for i, item in enumerate(items):
            where = locate((section, i), False)
            if where is not None and item.id is not None:
                found[item.id] = where
    where = locate(("lint",), True)
    if where is not None and where != locate((), False):
        found["lint"] = where
    return found


_SECTIONS = ("sources", "claims", "links")


def _by_id(amap: Any, placed: dict[str, list[Position]]) -> dict[str, Position]:
    found: dict[str, Position] = {}
    for section in _SECTIONS:
        found.update(zip(map(_ID, getattr(amap, section)), placed[section], strict=True))
    found.pop(None, None)  # an item without an id (the models give each one)
    if "lint" in placed:
        found["lint"] = placed["lint"][0]
    return found


# What the line-by-line reading of a YAML file does not follow (a document marker or directive,
# a tab or a quoted or complex key at the start of a line, a line break other than LF or CRLF, a
# byte order mark, a root that is not a block mapping at the left margin): such files are
# parsed for their positions.
_YAML_ODD = re.compile(r"^(?:---|\.\.\.|[%\t\"'?])|\r(?!\n)|[\ufeff\x85\u2028\u2029]", re.MULTILINE)
_YAML_FIRST = re.compile(r"^[^\s#]", re.MULTILINE)


def yaml_item_positions(text: str, counts: dict[str, int]) -> dict[str, list[Position]] | None:
    """Where each item of the root's ``sources``, ``claims`` and ``links`` starts in a YAML
    text written in block style (``- `` starting each item on a line of its own), and the
    ``lint:`` key under ``"lint"`` unless it is the first key; as libyaml places them. None when
    the text is not laid out so (then it is parsed): an item is told by its line alone, so the
    items found must be as many as ``counts`` says. Cost: a few C-level scans of the text."""
    first = _YAML_FIRST.search(text)
    if first is None or _YAML_ODD.search(text) or first.group() in "-[{\"'&!*?|>":
        return None
    placed: dict[str, list[Position]] = {}
    for section, count in counts.items():
        offsets = _yaml_items(text, section)
        if offsets is None or len(offsets) != count:
            return None
        lines = accumulate(map(text.count, repeat("\n"), chain((0,), offsets), offsets))
        starts = map(text.rfind, repeat("\n"), repeat(0), offsets)
        placed[section] = [(line + 1, at - start) for line, at, start in zip(lines, offsets,
                                                                             starts, strict=True)]
    lint = re.search(r"^lint[ \t]*:", text, re.MULTILINE)
    if lint is not None and lint.start() != first.start():
        placed["lint"] = [(text.count("\n", 0, lint.start()) + 1, 1)]
    return placed


def _yaml_items(text: str, key: str) -> list[int] | None:
    """The offsets where the items of the root's block sequence under ``key`` start (past
    ``- ``); [] when the key is absent; None when its value is not a block sequence whose items
    each start on their dash's line."""
    head = re.search(rf"^{key}[ \t]*:[ \t]*(?:#[^\n]*)?\r?\n", text, re.MULTILINE)
    if head is None:
        return None if re.search(rf"^{key}\b", text, re.MULTILINE) else []
    body = re.compile(r"(?:[ \t]*(?:#[^\n]*)?\r?\n)*( *)-[ \n]").match(text, head.end())
    if body is None:
        return None
    indent = len(body.group(1))
    # the sequence ends at the first line less indented than its dashes that holds more than a
    # comment (at the margin: one that is not an item either)
    end = re.compile(rf"^(?: {{0,{indent - 1}}}[^ \t\r\n#]|[^ \t\r\n#-]|-[^ \t\r\n])"
                     if indent else r"^(?:[^ \t\r\n#-]|-[^ \t\r\n])", re.MULTILINE)
    stop = end.search(text, body.start(1))
    item = re.compile(rf"^ {{{indent}}}- +(?=[^ \t\r\n#])", re.MULTILINE)
    return [m.end() for m in item.finditer(text, body.start(1),
                                           stop.start() if stop else len(text))]


def _all_items(locate: Any, section: str, count: int) -> list[Position] | None:
    """The positions of all ``count`` items of ``section`` when a shallow JSON scan found each."""
    positions = getattr(locate, "__self__", None)
    if not isinstance(positions, JsonPositions):
        return None
    places = positions.item_positions(section)
    return places if places is not None and len(places) == count else None


def _locator(origin: Any) -> Any:
    if origin.fmt == "yaml" and origin.text is not None:
        from argmap.io.native.yamlfast import load_fast, node_position

        try:
            root = load_fast(origin.text)[1]
        except Exception:  # the text loaded once already; a failure here only costs positions
            return None
        return lambda loc, at_key: node_position(root, loc, at_key)
    if origin.fmt == "json":
        try:
            with open(origin.path, encoding="utf-8-sig") as handle:
                return JsonPositions(handle.read(), shallow=True).position
        except (OSError, UnicodeDecodeError):
            return None
    return None
