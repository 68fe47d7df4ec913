"""Read and write Argdown (``.argdown``, ``.ad``).

What maps onto what:

- a statement ``[Title]: text`` (an equivalence class) is a claim, its id the title when that is
  a slug, else the title's slug (the title then kept in the note); an untitled statement is a
  claim with an id made from its text; ``#tags`` are tags;
- a reconstructed argument ``<Title>`` with its premise–conclusion structure is a supporting link
  from the premises to the conclusion, its id from the title, the inference rules its warrant
  and its description its note; each further inference step is a link of its own;
- an argument whose conclusion is untitled and whose only job is to attack (``->``) or undercut
  (``_>``) one element is an attacking link straight from its premises to that element;
- an argument without a structure is a claim (its description the text);
- relations ``+ - _`` in either direction, nested by indentation, become links: support and
  attack between claims, an undercut (or an attack on a reconstructed argument) an attack on the
  argument's link; a contradiction ``><`` two attacks;
- headings tag the claims first met under them; front matter ``title`` is the map title;
- ``{...}`` data holds what Argdown has no syntax for (kind, evidence, strength ...), which is how
  a map written by argmap reads back the same.

Lines that do not fit (a support of a whole argument, an undercut of a statement ...) are skipped
and listed with their line numbers.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from argmap.errors import MapLoadError, Problem
from argmap.io.formats import Exported, IdMaker, Imported, build_map, title_id
from argmap.io.formats import argdown_syntax as syn
from argmap.model import ArgumentMap

__all__ = ["read", "write"]

Member = tuple[Any, ...]  # ("s", claim id) | ("a", argument title) | ("i", title, step index)


@dataclass
class _Claim:
    id: str
    title: str | None
    line: int
    text: str = ""
    tags: list[str] = field(default_factory=list)
    data: dict[str, Any] = field(default_factory=dict)


@dataclass
class _Step:
    premises: list[str]
    conclusion: str
    line: int
    rules: str = ""
    data: dict[str, Any] = field(default_factory=dict)


@dataclass
class _Argument:
    title: str
    line: int
    descriptions: list[str] = field(default_factory=list)
    tags: list[str] = field(default_factory=list)
    data: dict[str, Any] = field(default_factory=dict)
    steps: list[_Step] = field(default_factory=list)
    untitled_conclusion: bool = False


@dataclass
class _Relation:
    source: Member
    target: Member
    kind: str  # "supports" | "attacks" | "undercut" | "contradicts"
    line: int


def _direction(symbol: str, parent: Member, child: Member) -> tuple[Member, Member, str]:
    kind = {"+": "supports", "-": "attacks", "_": "undercut", "><": "contradicts"}[
        symbol.strip("<>") or symbol]
    if symbol.endswith(">") and symbol != "><":
        return parent, child, kind
    return child, parent, kind


class _Reader:
    def __init__(self, path: str):
        self.path = path
        self.ids = IdMaker(width=60)  # titles: as long as slugify makes them
        self.claims: dict[str, _Claim] = {}  # by title (or by id for untitled ones)
        self.arguments: dict[str, _Argument] = {}
        self.relations: list[_Relation] = []
        self.skipped: list[str] = []
        self.section: str | None = None
        self.problems: list[Problem] = []

    # Elements -----------------------------------------------------------------------------

    def member(self, el: syn.Element) -> Member:
        if el.kind == "argument":
            assert el.title is not None
            arg = self.arguments.setdefault(el.title, _Argument(el.title, el.line))
            if el.defines:
                arg.descriptions.append(el.text)
            arg.tags.extend(t for t in el.tags if t not in arg.tags)
            arg.data.update(el.data)
            return ("a", el.title)
        key = el.title if el.title is not None else f"\0{el.line}:{len(self.claims)}"
        claim = self.claims.get(key)
        if claim is None:
            ident = self.ids.make(el.title if el.title is not None else el.text, "statement")
            claim = self.claims[key] = _Claim(ident, el.title, el.line)
            if self.section:
                claim.tags.append(self.section)
        if el.defines and el.text:
            if not claim.text:
                claim.text = el.text
            elif el.text != claim.text:
                self.skipped.append(f"line {el.line}: [{el.title}] defined again in other words;"
                                    " the first wording is kept")
        claim.tags.extend(t for t in el.tags if t not in claim.tags)
        claim.data.update(el.data)
        return ("s", claim.id)

    # Blocks -------------------------------------------------------------------------------

    def block(self, lines: list[syn.Line], previous: Member | None) -> Member | None:
        """Read one block; returns the argument it heads (a following structure belongs to it)."""
        number, first = lines[0]
        if heading := syn.HEADING.match(first):
            text, _, _ = syn.split_inline(heading[2], number, self.path)
            self.section = title_id(text) if text else None
            for n, _ in lines[1:]:
                self.skipped.append(f"line {n}: text under a heading line; skipped")
            return None
        if syn.PCS_ITEM.match(first) or syn.INFERENCE.match(first):
            self.structure(lines, previous)
            return None
        if syn.RELATION.match(first):
            self.problems.append(Problem(self.path, number, 1, "a relation needs the element it "
                                         "belongs to on the line above (no empty line between)"))
            return None
        if syn.LIST_ITEM.match(first):
            for item in self.items(lines):
                self.member(syn.element(item[1], item[0], self.path))
            return None
        return self.tree(lines)

    def items(self, lines: list[syn.Line]) -> list[syn.Line]:
        out: list[syn.Line] = []
        for n, line in lines:
            match = syn.LIST_ITEM.match(line)
            if match:
                out.append((n, match[1]))
            elif out:
                out[-1] = (out[-1][0], out[-1][1] + " " + line.strip())
        return out

    def tree(self, lines: list[syn.Line]) -> Member | None:
        """A root element and the relations nested under it by indentation."""
        entries: list[tuple[int, int, str, str]] = []  # line, indent, symbol, element text
        for n, line in lines:
            match = syn.RELATION.match(line)
            if match and entries:
                entries.append((n, len(match[1].expandtabs(4)), match[2], match[3]))
            elif entries:
                last = entries[-1]
                entries[-1] = (last[0], last[1], last[2], last[3] + "\n" + line.strip())
            else:
                entries.append((n, -1, "", line))
        stack: list[tuple[int, Member]] = []
        root: Member | None = None
        for n, indent, symbol, text in entries:
            member = self.member(syn.element(text, n, self.path))
            if root is None:
                root, stack = member, [(-1, member)]
                continue
            while stack and stack[-1][0] >= indent:
                stack.pop()
            parent = stack[-1][1] if stack else root
            self.relate(symbol, parent, member, n)
            stack.append((indent, member))
        return root if root is not None and root[0] == "a" else None

    def relate(self, symbol: str, parent: Member, child: Member, line: int) -> None:
        source, target, kind = _direction(symbol, parent, child)
        self.relations.append(_Relation(source, target, kind, line))

    def structure(self, lines: list[syn.Line], previous: Member | None) -> None:
        """A premise–conclusion structure: numbered statements and inference lines."""
        from argmap.io.formats.argdown_pcs import read_structure

        if previous is None:
            title = self.ids.make(f"argument-{lines[0][0]}", "argument")
            previous = ("a", title)
            self.arguments[title] = _Argument(title, lines[0][0])
        arg = self.arguments[previous[1]]
        if arg.steps:
            self.skipped.append(f"line {lines[0][0]}: <{arg.title}> already has a premise–"
                                "conclusion structure; this one is skipped")
            return
        read_structure(self, arg, lines)


def read(text: str, path: str = "<string>") -> Imported:
    """The map an Argdown document holds; the lines it skipped, with their numbers and why."""
    from argmap.io.formats.argdown_resolve import assemble

    raw = text.splitlines()
    meta, end = syn.front_matter(raw, path)  # before comments: `//` in it is not one
    kept = "\n".join([""] * (end + 1) + raw[end + 1 :])
    lines = syn.strip_comments(kept, path).splitlines()
    before = kept.splitlines()
    comments = frozenset(k for k, line in enumerate(lines)
                         if not line.strip() and k < len(before) and before[k].strip())
    reader = _Reader(path)
    previous: Member | None = None
    for block in syn.blocks(lines, end, comments):
        previous = reader.block(block, previous)
    if reader.problems:
        raise MapLoadError(reader.problems)
    data, origins = assemble(reader, meta)

    def locate(loc: Any, at_key: bool) -> tuple[int, int] | None:
        at = origins.get(loc[0]) if len(loc) >= 2 and isinstance(loc[1], int) else None
        return (at[loc[1]], 1) if at is not None and loc[1] < len(at) else None

    return Imported(build_map(data, path, locate), reader.skipped)


def write(amap: ArgumentMap) -> Exported:
    """The map as Argdown, and what Argdown could not say; see :mod:`.argdown_write`."""
    from argmap.io.formats.argdown_write import write as _write

    return _write(amap)
