"""The links a draft proposes between units, from their markers and their places.

- a reason ("because", "since") supports the clause it is attached to: what it follows, or,
  fronted ("Because X, Y"), the main clause after it;
- an inference ("so", "therefore") is supported by what comes just before it;
- a contrast ("but", "however") attacks what comes just before it; when that was attributed to
  someone ("X says ... But ..."), it is a rebuttal of the conclusion and the contrast answers it;
- a concession ("although", "while") attacks its sentence's main clause: it grants a point
  against it;
- an addition ("moreover", "also") supports what the unit before it supports;
- any other unit supports the conclusion (its place in a text that argues for it).

No proposal closes a cycle, and the conclusion proposes no link of its own.

>>> from argmap.draft.segments import segment
>>> from argmap.draft.units import units_of
>>> units = units_of(segment("We should ban cars because they pollute. But cars are handy."))
>>> [(p.source, p.target, p.type, p.marker) for p in propose_links(units, 0).links]
[(1, 0, 'supports', 'because'), (2, 1, 'attacks', 'but')]
"""

from __future__ import annotations

from dataclasses import dataclass, field

from argmap.draft.markers import ADDITION, CONCESSION, CONTRAST, INFERENCE, REASON
from argmap.draft.tags import named_attribution, vague_attribution
from argmap.draft.units import Unit

POSITION = "position"  # the "marker" of a link proposed from a unit's place alone


@dataclass(frozen=True)
class Proposal:
    """A proposed link from unit ``source`` to unit ``target``; ``marker`` is what proposed it
    (a marker phrase, or :data:`POSITION`) and ``why`` says so in a sentence."""

    source: int
    target: int
    type: str
    marker: str
    why: str


@dataclass
class Proposals:
    """The proposed links, and the units proposed as rebuttals (objections the text answers)."""

    links: list[Proposal] = field(default_factory=list)
    rebuttals: set[int] = field(default_factory=set)


def _short(unit: Unit) -> str:
    words = unit.text.split()
    return " ".join(words[:6]) + (" ..." if len(words) > 6 else "")


class _Builder:
    def __init__(self, units: list[Unit], conclusion: int):
        self.units, self.conclusion = units, conclusion
        self.out = Proposals()
        self.edges: dict[int, set[int]] = {}
        self.supports: dict[int, int] = {}  # unit -> the target of its first support

    def reaches(self, start: int, goal: int) -> bool:
        seen, todo = {start}, [start]
        while todo:
            for nxt in self.edges.get(todo.pop(), ()):
                if nxt == goal:
                    return True
                if nxt not in seen:
                    seen.add(nxt)
                    todo.append(nxt)
        return False

    def add(self, source: int, target: int, type_: str, marker: str, why: str) -> bool:
        """Propose a link unless it starts at the conclusion, repeats one or closes a cycle."""
        n = len(self.units)
        if not (0 <= source < n and 0 <= target < n) or source == target \
                or source == self.conclusion or target in self.edges.get(source, ()) \
                or self.reaches(target, source):
            return False
        self.edges.setdefault(source, set()).add(target)
        if type_ == "supports":
            self.supports.setdefault(source, target)
        self.out.links.append(Proposal(source, target, type_, marker, why))
        return True

    def has_link(self, source: int) -> bool:
        return bool(self.edges.get(source))


def _attributed(unit: Unit) -> str | None:
    return named_attribution(unit.text) or vague_attribution(unit.text)


def propose_links(units: list[Unit], conclusion: int) -> Proposals:
    """The links proposed between ``units`` (by their places), ``conclusion`` being the place
    of the proposed conclusion."""
    b = _Builder(units, conclusion)
    for i, unit in enumerate(units):
        _by_marker(b, i, unit)
    for i in range(len(units)):
        if i != conclusion and not b.has_link(i):
            b.add(i, conclusion, "supports", POSITION,
                  "no marker ties it elsewhere: taken as a reason for the conclusion")
    return b.out


def _by_marker(b: _Builder, i: int, unit: Unit) -> None:
    units, role, m = b.units, unit.role, unit.marker
    if role == REASON:
        if unit.fronted:
            b.add(i, i + 1, "supports", m or "", f'a fronted "{m}" clause supports the main '
                  "clause after it")
        else:
            b.add(i, i - 1, "supports", m or "", f'"{m}" opens a reason for what it follows')
    elif role == INFERENCE and i > 0:
        b.add(i - 1, i, "supports", m or "", f'"{m}" draws this from what comes just before it')
    elif role == CONTRAST and i > 0:
        said = _attributed(units[i - 1])
        if said and i - 1 != b.conclusion:
            b.out.rebuttals.add(i - 1)
            b.add(i - 1, b.conclusion, "attacks", m or "",
                  f'attributed ("{said}") and then answered by "{m}": an objection to the '
                  "conclusion")
            b.add(i, i - 1, "attacks", m or "", f'"{m}" answers the view attributed just before')
        else:
            b.add(i, i - 1, "attacks", m or "", f'"{m}" opens an objection to what comes just '
                  "before it")
    elif role == CONCESSION:
        main = i + 1 if unit.fronted else i - 1
        if 0 <= main < len(units) and units[main].sentence == unit.sentence:
            b.out.rebuttals.add(i)
            b.add(i, main, "attacks", m or "", f'"{m}" grants a point against the clause its '
                  "sentence goes on to assert")
    elif role == ADDITION and i > 0:
        before = b.supports.get(i - 1)
        if before is not None:
            b.add(i, before, "supports", m or "", f'"{m}" adds a reason beside '
                  f"the one before it ({_short(units[i - 1])})")
