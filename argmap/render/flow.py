"""The flow sheet a judge and a coach keep: every line of argument and how far it was answered.

One sheet per conclusion and side: the case *for* a conclusion (the links that support it) and
the case *against* it (the links that attack it). Columns are levels of clash: a contention, the
other side's responses to it, this side's answers to those, and so on; a row is one line of
argument. An argument answers another when it attacks one of its premises, the link it makes,
or a claim that backs a premise (a card). An argument the next column never answers is
*dropped*: the other side let it stand. Each attack is written out once per sheet; meeting it
again (a card shared by two contentions, an attack cycle) gives a cell that points to the row
where it stands, so the sheet is at most one row per link. Pure: no printing, no files.

>>> from argmap.analysis import analyse
>>> from argmap.model import ArgumentMap
>>> m = ArgumentMap.model_validate({"title": "t", "claims": [
...     {"id": "r", "text": "R", "kind": "conclusion"}, {"id": "c", "text": "C"},
...     {"id": "x", "text": "X"}], "links": [{"from": "c", "to": "r"},
...     {"from": "x", "to": "c", "type": "attacks"}]})
>>> sheet = flow_sheets(analyse(m))[0]
>>> [(cell.text, cell.dropped) for cell in sheet.rows[0]]
[('C', False), ('X', True)]
"""

from __future__ import annotations

from dataclasses import dataclass, field

from argmap.analysis import Analysis
from argmap.model import Citation, Link, Source
from argmap.render.labels import clean

COLUMN_NAMES = ("Contention", "Response", "Answer", "Reply", "Rejoinder")
SHORT = 90  # characters of claim text in a cell: a flow is written in shorthand
ANALYTIC_TAG = "analytic"  # a claim the case-writer argues without a card


@dataclass(frozen=True)
class FlowCell:
    """One argument on the flow: its link, its words, its cards and whether it was answered."""

    link: str
    text: str
    cites: tuple[str, ...]
    analytic: bool = False
    against: str | None = None  # what it hits, when not the argument to its left itself
    dropped: bool = False
    repeat_of: int | None = None  # the row (from 1) where this argument is written out


@dataclass
class FlowSheet:
    """The flow of one side's case on one conclusion; ``rows[i][j]`` is None for a blank cell."""

    conclusion: str
    conclusion_text: str
    side: str  # "for" or "against"
    rows: list[list[FlowCell | None]] = field(default_factory=list)

    @property
    def columns(self) -> list[str]:
        width = max((len(r) for r in self.rows), default=1)
        return [COLUMN_NAMES[i] if i < len(COLUMN_NAMES) else f"Level {i + 1}"
                for i in range(width)]


def column_side(sheet: FlowSheet, column: int) -> str:
    """Which side speaks in ``column`` of ``sheet``: the sheet's side, then alternating."""
    other = {"for": "against", "against": "for"}
    return sheet.side if column % 2 == 0 else other[sheet.side]


def flow_sheets(analysis: Analysis) -> list[FlowSheet]:
    """The flow sheets of an analysed map: for each conclusion, its case for, then against
    (a side with no contention has no sheet). Cost: linear in the map's links and cards."""
    sheets = []
    for cid in analysis.conclusions:
        text = analysis.index.claims[cid].text
        for side, links in (("for", analysis.index.supports_into(cid)),
                            ("against", analysis.index.attacks_into(cid))):
            if links:
                sheets.append(_Builder(analysis, FlowSheet(cid, short(text), side)).build(links))
    return sheets


def short(text: str, width: int = SHORT) -> str:
    """``text`` on one line, cut at a word before ``width`` characters with an ellipsis."""
    text = " ".join(clean(text).split())
    if len(text) <= width:
        return text
    cut = text[: width - 1]
    return (cut.rsplit(" ", 1)[0] if " " in cut else cut).rstrip(",;:") + "…"


def short_cite(source: Source | None, citation: Citation) -> str:
    """A card's cite in shorthand: author or publisher (else the source id), then the locator."""
    who = (source.author or source.publisher) if source else None
    parts = [who or citation.source]
    if citation.locator:
        parts.append(citation.locator)
    return clean(", ".join(parts))


class _Builder:
    def __init__(self, analysis: Analysis, sheet: FlowSheet):
        self.a = analysis
        self.index = analysis.index
        self.sheet = sheet
        self.sources = {s.id: s for s in analysis.map.sources}
        self.placed: dict[str, int] = {}  # attack link -> row index where it is written out

    def build(self, contentions: list[Link]) -> FlowSheet:
        for link in contentions:
            self._walk(link, 0, self._new_row(), parent=None)
        return self.sheet

    def _new_row(self) -> int:
        self.sheet.rows.append([])
        return len(self.sheet.rows) - 1

    def _put(self, row: int, column: int, cell: FlowCell) -> None:
        cells = self.sheet.rows[row]
        cells.extend([None] * (column + 1 - len(cells)))
        cells[column] = cell

    def _walk(self, link: Link, column: int, row: int, parent: Link | None) -> int:
        """Write ``link`` at (row, column) and its answers to the right; the last row used."""
        if link.ident in self.placed:
            cell = self._cell(link, parent, dropped=False)
            self._put(row, column, _repeat(cell, self.placed[link.ident] + 1))
            return row
        self.placed[link.ident] = row
        answers = self._answers(link)
        self._put(row, column, self._cell(link, parent, dropped=not answers))
        for number, answer in enumerate(answers):
            if number:
                row = self._new_row()
            row = self._walk(answer, column + 1, row, parent=link)
        return row

    def _answers(self, link: Link) -> list[Link]:
        """The attacks on the argument ``link`` makes: on the link, its premises, their cards."""
        found: dict[str, Link] = {}
        for node in self._argument_nodes(link):
            for attack in self.index.attacks_into(node):
                found.setdefault(attack.ident, attack)
        return list(found.values())

    def _argument_nodes(self, link: Link) -> list[str]:
        """The link, its premises and what supports them (transitively), each once."""
        nodes = [link.ident]
        seen = {link.ident}
        stack = list(reversed(link.from_))
        while stack:
            node = stack.pop()
            if node in seen:
                continue
            seen.add(node)
            nodes.append(node)
            for support in self.index.supports_into(node):
                if support.ident not in seen:
                    seen.add(support.ident)
                    nodes.append(support.ident)
                stack.extend(p for p in reversed(support.from_) if p not in seen)
        return nodes

    def _cell(self, link: Link, parent: Link | None, *, dropped: bool) -> FlowCell:
        claims = [self.index.claims[p] for p in dict.fromkeys(link.from_)]
        cites = [short_cite(self.sources.get(c.source), c)
                 for c in self._cards(link)]
        return FlowCell(
            link=link.ident,
            text=" + ".join(short(c.text) for c in claims),
            cites=tuple(dict.fromkeys(cites)),
            analytic=all(ANALYTIC_TAG in c.tags for c in claims),
            against=self._against(link, parent),
            dropped=dropped,
        )

    def _cards(self, link: Link) -> list[Citation]:
        """The link's own citations, each premise's, else those of the claims backing it."""
        found = list(self.index.evidence(link.evidence))
        for premise in dict.fromkeys(link.from_):
            own = self.index.evidence(self.index.claims[premise].evidence)
            if not own:
                own = [c for s in self.index.supports_into(premise) for p in s.from_
                       for c in self.index.evidence(self.index.claims[p].evidence)]
            found += own
        return found

    def _against(self, link: Link, parent: Link | None) -> str | None:
        """What ``link`` attacks, in words, unless it is a premise of the argument to its left."""
        if parent is None or link.to in parent.from_:
            return None
        if link.to == parent.ident:
            return "the link"
        claim = self.index.claims.get(link.to)
        if claim is not None:
            return short(claim.text, 50)
        return "the link " + link.to


def _repeat(cell: FlowCell, row: int) -> FlowCell:
    return FlowCell(cell.link, cell.text, cell.cites, cell.analytic, cell.against,
                    dropped=False, repeat_of=row)
