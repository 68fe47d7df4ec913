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
from argmap.io.formats import Exported, IdMaker, Imported, build_map, counted, one_line
from argmap.model import ArgumentMap, Link

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
    ref: str | None = None  # `-> See N.`: the number it names
    target: str | None = None  # for a reference: the number of the claim it ends at


def _parse(text: str, path: str) -> tuple[str | None, list[_Item]]:
    """The title and the items in file order (each after its parent)."""
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
    for item in order:
        see = SEE.match(item.text) if item.text.startswith("->") else None
        item.ref = see[1] if see else None
    problems.extend(_reference_problems(order, items, path))
    if problems:
        raise MapLoadError(problems)
    for item in order:
        item.target = _final(item, items) if item.ref else None
    return title, order


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
    title, order = _parse(text, path)
    dropped: list[str] = []
    roots = [i for i in order if "." not in i.number]
    question = len(roots) == 1 and bool(roots[0].children) and \
        all(c.stance is None for c in roots[0].children)
    if question:
        title = title or _unescape(roots[0].text)
        order = order[1:]
    ids = IdMaker()
    by_number: dict[str, str] = {}
    claims: list[dict[str, Any]] = []
    for item in order:  # parents come before their children
        thesis = "." not in item.number or (question and item in roots[0].children)
        if item.stance is None and not thesis:
            dropped.append(f"line {item.line}: item {item.number}. has no Pro/Con; read as a "
                           "thesis of its own, not linked")
        if item.ref is None:
            by_number[item.number] = ident = ids.make(_unescape(item.text))
            kind = {"Pro": "premise", "Con": "rebuttal"}.get(item.stance or "", "conclusion")
            claims.append({"id": ident, "text": _unescape(item.text), "kind": kind})
    links = _links(order, by_number, dropped)
    data = {"title": title or claims[0]["text"], "claims": claims, "links": links}
    return Imported(build_map(data, path), dropped)


def _links(order: list[_Item], by_number: dict[str, str], dropped: list[str]
           ) -> list[dict[str, Any]]:
    """A link for each pro and con, from its claim (or the one it refers to) to its parent's."""
    links: list[dict[str, Any]] = []
    seen: set[tuple[str, str, str]] = set()
    numbers = {item.number: item for item in order}

    def claim_of(item: _Item) -> str:
        return by_number[item.target] if item.target else by_number[item.number]

    for item in order:
        parent = numbers.get(item.number.rpartition(".")[0])
        if item.stance is None or parent is None:
            continue
        key = (claim_of(item), claim_of(parent),
               "supports" if item.stance == "Pro" else "attacks")
        if key[0] == key[1]:
            dropped.append(f"line {item.line}: item {item.number}. refers to its own parent;"
                           " skipped")
        elif key not in seen:
            seen.add(key)
            links.append({"from": key[0], "to": key[1], "type": key[2]})
    return links


# Writing ------------------------------------------------------------------------------------


@dataclass
class _Writer:
    """Lays the map out as a numbered tree, depth first, each claim in full once."""

    amap: ArgumentMap
    lines: list[str] = field(default_factory=list)
    placed: dict[str, str] = field(default_factory=dict)
    first_stance: dict[str, str | None] = field(default_factory=dict)
    flattened: list[str] = field(default_factory=list)
    undercuts: list[str] = field(default_factory=list)
    kids: dict[str, list[tuple[Link, str]]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        claims = {c.id for c in self.amap.claims}
        links = {lk.ident: lk for lk in self.amap.links}
        for lk in self.amap.links:
            if lk.to in claims:
                self.kids.setdefault(lk.to, []).extend((lk, p) for p in lk.from_)
        for lk in self.amap.links:  # undercuts hang under the attacked link's first premise
            if lk.to in links:
                self.undercuts.append(lk.ident)
                self.kids.setdefault(links[lk.to].from_[0], []).extend((lk, p) for p in lk.from_)
        self.flattened = [lk.ident for lk in self.amap.links if len(lk.from_) > 1]

    def reach(self, roots: list[str]) -> set[str]:
        seen, todo = set(roots), list(roots)
        while todo:
            for _, premise in self.kids.get(todo.pop(), []):
                if premise not in seen:
                    seen.add(premise)
                    todo.append(premise)
        return seen

    def place(self, roots: list[str]) -> None:
        single = len(roots) == 1
        texts = {c.id: one_line(c.text) for c in self.amap.claims}
        no_stance: str | None = None
        stack = [(root, "1" if single else f"1.{n}", no_stance)
                 for n, root in enumerate(roots, 1)][::-1]
        while stack:
            claim, number, stance = stack.pop()
            label = f"{stance}: " if stance else ""
            if claim in self.placed:
                self.lines.append(f"{number}. {label}-> See {self.placed[claim]}.")
                continue
            self.lines.append(f"{number}. {label}{texts[claim]}")
            self.placed[claim] = number
            self.first_stance[claim] = stance
            children = self.kids.get(claim, [])
            stack.extend((premise, f"{number}.{n}", "Pro" if lk.type == "supports" else "Con")
                         for n, (lk, premise) in reversed(list(enumerate(children, 1))))


def write(amap: ArgumentMap) -> Exported:
    """The map as a Kialo export; the lines returned beside it say what Kialo cannot hold."""
    writer = _Writer(amap)
    premises = {p for lk in amap.links for p in lk.from_}
    roots = [c.id for c in amap.claims if c.id not in premises] or [c.id for c in amap.claims[:1]]
    reached = writer.reach(roots)
    for claim in amap.claims:  # claims only reachable round a cycle: a thesis each
        if claim.id not in reached:
            roots.append(claim.id)
            reached |= writer.reach([claim.id])
    writer.place(roots)
    single = len(roots) == 1
    head = [f"Discussion Title: {one_line(amap.title)}", ""]
    if not single:
        head.append(f"1. {one_line(amap.title)}")
    text = "\n".join(head + writer.lines) + "\n"
    return Exported(text, _losses(amap, writer, single))


def _losses(amap: ArgumentMap, writer: _Writer, single: bool) -> list[str]:
    """What the export changed or left out, each with how many and which."""
    out = []
    if writer.flattened:
        out.append(f"linked premises written as separate reasons (Kialo has no linked "
                   f"premises): {counted(writer.flattened, 'link')}")
    if writer.undercuts:
        out.append(f"undercuts written as pros/cons of the attacked link's first premise: "
                   f"{counted(writer.undercuts, 'link')}")
    expect = {"Pro": "premise", "Con": "rebuttal", None: "conclusion"}
    kinds = [c.id for c in amap.claims if expect[writer.first_stance[c.id]] != c.kind]
    if kinds:
        out.append(f"claim kinds Kialo cannot show (they will read back as pro/con/thesis): "
                   f"{counted(kinds, 'claim')}")
    claims, links, both = amap.claims, amap.links, [*amap.claims, *amap.links]
    fields: list[tuple[str, str, list[str]]] = [
        ("claim tags", "claim", [c.id for c in claims if c.tags]),
        ("claim confidences", "claim", [c.id for c in claims if c.confidence is not None]),
        ("claim notes", "claim", [c.id for c in claims if c.note]),
        ("citations", "claim or link", [x.id for x in both if x.evidence]),  # type: ignore
        ("link strengths", "link", [lk.ident for lk in links if lk.strength != "moderate"]),
        ("warrants", "link", [lk.ident for lk in links if lk.warrant]),
        ("link notes", "link", [lk.ident for lk in links if lk.note]),
        ("argument schemes", "link", [lk.ident for lk in links if lk.scheme]),
        ("critical-question answers", "link",
         [lk.ident for lk in links if lk.answers or lk.answered]),
        ("who said what (said:)", "claim", [c.id for c in claims if c.said]),
        ("rules silenced (ignore:)", "claim or link",
         [x.id for x in both if x.ignore]),  # type: ignore
        ("proposal marks (proposed:)", "claim or link",
         [x.id for x in both if x.proposed]),  # type: ignore
        ("link ids", "link", [lk.ident for lk in links if "id" in lk.model_fields_set]),
    ]
    for what, noun, idents in fields:
        if idents:
            out.append(f"{what} not kept (a Kialo export has no place for them) on "
                       f"{counted(idents, noun)}")
    if amap.sources:
        out.append(f"sources not kept: {counted([s.id for s in amap.sources], 'source')}")
    settings = [k for k in ("description", "subject", "defaults", "lint")
                if k in amap.model_fields_set and getattr(amap, k)]
    if settings:
        out.append(f"the map's {', '.join(settings)} not kept (a Kialo export has only a title)")
    return out
