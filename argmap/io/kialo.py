"""Read and write Kialo's plain-text discussion export.

A Kialo export is a numbered tree::

    Discussion Title: Should our city ban cars downtown?

    1. The city should ban private cars downtown.
    1.1. Pro: Banning cars would clean the air.
    1.1.1. Con: Traffic would move to the neighbouring streets.
    1.2. Con: -> See 1.1.1.

The thesis becomes the conclusion, each ``Pro:`` a claim supporting its parent, each ``Con:`` a
rebuttal attacking it; ``-> See N.`` reuses claim N. Items without Pro/Con under a question are
separate theses. Kialo has no linked premises, no undercuts and no evidence: writing a map says
what it had to flatten or leave out.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from argmap.errors import MapLoadError, Problem
from argmap.io.formats import Exported, IdMaker, Imported, build_map, listing, one_line
from argmap.model import ArgumentMap, Claim, Link

__all__ = ["read", "write"]

ITEM = re.compile(r"^\s*(\d+(?:\.\d+)*)\.\s+(?:(Pro|Con):\s*)?(.*)$")
HEADER = re.compile(r"^\s*Discussion Title:\s*(.*)$")
SEE = re.compile(r"^->\s*See\s+(\d+(?:\.\d+)*)\.?\s*$")


@dataclass
class _Item:
    number: str
    stance: str | None
    text: str
    line: int
    children: list[_Item] = field(default_factory=list)
    target: str | None = None  # for a reference: the number of the claim it ends at

    @property
    def ref(self) -> str | None:
        match = SEE.match(self.text)
        return match[1] if match else None


def _parse(text: str, path: str) -> tuple[str | None, list[_Item]]:
    title: str | None = None
    items: dict[str, _Item] = {}
    order: list[_Item] = []
    problems: list[Problem] = []
    for n, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        if not order and title is None and (head := HEADER.match(line)):
            title = head[1].strip()
            continue
        match = ITEM.match(line)
        if not match:
            if order:
                order[-1].text += " " + line.strip()
            else:
                problems.append(Problem(path, n, 1, "expected the thesis as `1. <text>` "
                                        "(a Kialo export starts with numbered items)"))
                break
            continue
        number, stance, body = match[1], match[2], match[3].strip()
        parent = number.rpartition(".")[0]
        if number in items:
            problems.append(Problem(path, n, 1, f"item {number}. appears twice "
                                    f"(first on line {items[number].line})"))
        elif parent and parent not in items:
            problems.append(Problem(path, n, 1, f"item {number}. has no parent item {parent}."))
        else:
            item = _Item(number, stance, body, n)
            items[number] = item
            order.append(item)
            if parent:
                items[parent].children.append(item)
    if not order and not problems:
        problems.append(Problem(path, 1, 1, "no items: a Kialo export lists `1. <thesis>`"))
    problems.extend(_reference_problems(order, items, path))
    if problems:
        raise MapLoadError(problems)
    for item in order:
        item.target = _final(item, items) if item.ref else None
    return title, [i for i in order if "." not in i.number]


def _reference_problems(order: list[_Item], items: dict[str, _Item], path: str) -> list[Problem]:
    problems = []
    for item in order:
        if item.ref and item.ref not in items:
            problems.append(Problem(path, item.line, 1, f"item {item.number}. refers to "
                                    f"{item.ref}., which the file does not have"))
        elif item.ref and (item.stance is None or _final(item, items) is None):
            problems.append(Problem(path, item.line, 1, f"item {item.number}. refers to "
                                    f"{item.ref}. but is not a pro or con of a claim, or its "
                                    "references go round in a circle"))
        elif not item.text:
            problems.append(Problem(path, item.line, 1, f"item {item.number}. has no text"))
    return problems


def _final(item: _Item, items: dict[str, _Item]) -> str | None:
    """The number of the claim a reference ends at (references may chain); None on a cycle."""
    seen = {item.number}
    while item.ref is not None:
        if item.ref in seen or item.ref not in items:
            return None
        seen.add(item.ref)
        item = items[item.ref]
    return item.number


def _unescape(text: str) -> str:
    return re.sub(r"\\([\[\]()])", r"\1", one_line(text))


def read(text: str, path: str = "<string>") -> Imported:
    """The map a Kialo export holds: theses, pros and cons, cross-references resolved."""
    title, roots = _parse(text, path)
    dropped: list[str] = []
    ids = IdMaker()
    by_number: dict[str, str] = {}
    claims: list[dict[str, Any]] = []
    question = len(roots) == 1 and roots[0].children and \
        all(c.stance is None for c in roots[0].children)
    theses = roots[0].children if question else roots
    if question:
        title = title or _unescape(roots[0].text)

    def add_claims(item: _Item, kind: str) -> None:
        if item.ref is None:
            by_number[item.number] = ident = ids.make(_unescape(item.text))
            claims.append({"id": ident, "text": _unescape(item.text), "kind": kind})
        for child in item.children:
            if child.stance is None:
                dropped.append(f"line {child.line}: item {child.number}. has no Pro/Con; "
                               "read as a thesis of its own, not linked")
            add_claims(child, {"Pro": "premise", "Con": "rebuttal"}.get(child.stance or "",
                                                                       "conclusion"))

    for thesis in theses:
        add_claims(thesis, "conclusion")
    links = _links(theses, by_number, dropped)
    data = {"title": title or claims[0]["text"], "claims": claims, "links": links}
    return Imported(build_map(data, path), dropped)


def _links(theses: list[_Item], by_number: dict[str, str], dropped: list[str]
           ) -> list[dict[str, Any]]:
    links: list[dict[str, Any]] = []
    seen: set[tuple[str, str, str]] = set()

    def claim_of(item: _Item) -> str:
        return by_number[item.target] if item.target else by_number[item.number]

    def walk(item: _Item) -> None:
        for child in item.children:
            if child.stance is not None:
                key = (claim_of(child), claim_of(item),
                       "supports" if child.stance == "Pro" else "attacks")
                if key[0] == key[1]:
                    dropped.append(f"line {child.line}: item {child.number}. refers to its own"
                                   " parent; skipped")
                elif key not in seen:
                    seen.add(key)
                    links.append({"from": key[0], "to": key[1], "type": key[2]})
            walk(child)

    for thesis in theses:
        walk(thesis)
    return links


# Writing ------------------------------------------------------------------------------------


@dataclass
class _Writer:
    amap: ArgumentMap
    lines: list[str] = field(default_factory=list)
    placed: dict[str, str] = field(default_factory=dict)
    first_stance: dict[str, str | None] = field(default_factory=dict)
    flattened: list[str] = field(default_factory=list)
    undercuts: list[str] = field(default_factory=list)

    def place(self, claim: Claim, number: str, stance: str | None) -> None:
        label = f"{stance}: " if stance else ""
        self.lines.append(f"{number}. {label}{one_line(claim.text)}")
        self.placed[claim.id] = number
        self.first_stance[claim.id] = stance
        children = [(lk, p) for lk in self.amap.links_into(claim.id) for p in lk.from_]
        for lk in self.amap.links:  # undercuts hang under the attacked link's first premise
            target = _link_or_none(self.amap, lk.to)
            if target is not None and target.from_[0] == claim.id:
                self.undercuts.append(lk.ident)
                children.extend((lk, p) for p in lk.from_)
        for n, (link, premise) in enumerate(children, 1):
            if len(link.from_) > 1 and link.ident not in self.flattened:
                self.flattened.append(link.ident)
            sub = f"{number}.{n}"
            stance = "Pro" if link.type == "supports" else "Con"
            if premise in self.placed:
                self.lines.append(f"{sub}. {stance}: -> See {self.placed[premise]}.")
            else:
                self.place(self.amap.claim(premise), sub, stance)


def _link_or_none(amap: ArgumentMap, ident: str) -> Link | None:
    try:
        return amap.link(ident)
    except KeyError:
        return None


def write(amap: ArgumentMap) -> Exported:
    """The map as a Kialo export; the lines returned beside it say what Kialo cannot hold."""
    premises = {p for lk in amap.links for p in lk.from_}
    roots = [c for c in amap.claims if c.id not in premises] or amap.claims[:1]
    while True:
        writer = _Writer(amap)
        single = len(roots) == 1
        for n, root in enumerate(roots, 1):
            writer.place(root, "1" if single else f"1.{n}", None)
        missing = [c for c in amap.claims if c.id not in writer.placed]
        if not missing:
            break
        roots.append(missing[0])
    head = [f"Discussion Title: {one_line(amap.title)}", ""]
    if not single:
        head.append(f"1. {one_line(amap.title)}")
    text = "\n".join(head + writer.lines) + "\n"
    return Exported(text, _losses(amap, writer, single))


def _losses(amap: ArgumentMap, writer: _Writer, single: bool) -> list[str]:
    out = []
    if writer.flattened:
        out.append(f"linked premises written as separate reasons (Kialo has no linked "
                   f"premises): {listing(writer.flattened)}")
    if writer.undercuts:
        out.append(f"undercuts written as pros/cons of the attacked link's first premise: "
                   f"{listing(writer.undercuts)}")
    expect = {"Pro": "premise", "Con": "rebuttal", None: "conclusion"}
    kinds = [c.id for c in amap.claims if expect[writer.first_stance[c.id]] != c.kind]
    if kinds:
        out.append(f"claim kinds Kialo cannot show (they will read back as pro/con/thesis): "
                   f"{listing(kinds)}")
    fields = {
        "claim tags": [c.id for c in amap.claims if c.tags],
        "claim confidences": [c.id for c in amap.claims if c.confidence is not None],
        "claim notes": [c.id for c in amap.claims if c.note],
        "citations": [x.id for x in [*amap.claims, *amap.links] if x.evidence],  # type: ignore
        "link strengths": [lk.ident for lk in amap.links if lk.strength != "moderate"],
        "warrants": [lk.ident for lk in amap.links if lk.warrant],
        "link notes": [lk.ident for lk in amap.links if lk.note],
        "link ids": [lk.ident for lk in amap.links if "id" in lk.model_fields_set],
    }
    for what, idents in fields.items():
        if idents:
            out.append(f"{what} not kept (a Kialo export has no place for them): {listing(idents)}")
    if amap.sources:
        out.append(f"sources not kept: {listing([s.id for s in amap.sources])}")
    return out
