"""Argumentative units: sentences cut at the discourse markers that open a clause of their own.

A sentence is one unit unless a marker of :data:`argmap.draft.markers.SPLITTING` opens a clause
inside it ("Cars pollute, so they should go" is two units), a fronted clause ends at its comma
("Although cars are handy, they pollute"), "and" joins a clause that a marker opens ("... and
therefore ..."), or a semicolon joins two clauses. Each part keeps at least
:data:`MIN_WORDS` words; every unit is a verbatim span of the text.

>>> from argmap.draft.segments import segment
>>> [(u.text, u.marker) for u in units_of(segment("Cars pollute the air, so they must go."))]
[('Cars pollute the air', None), ('so they must go.', 'so')]
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right, insort
from dataclasses import dataclass

from argmap.draft.markers import (
    CONCESSION,
    NEED_PUNCTUATION,
    REASON,
    SPLITTING,
    Marker,
    markers_in,
)
from argmap.draft.segments import Document, Paragraph, Sentence

MIN_WORDS = 3
JOINED_WORDS = 4
_WORD = re.compile(r"\w+")
_TRIM = " \t\n,;:—–-"
_OPENERS = " \t\n\"'“‘("
_AND_BEFORE = re.compile(r"(?:,\s*)?\band\s*$", re.IGNORECASE)


@dataclass
class Unit:
    """One argumentative unit: ``text`` is ``whole[start:end]``.

    ``marker`` is the discourse marker that opens it (lower case) and ``role`` that marker's
    role; ``fronted`` says the marker opened a clause before its sentence's main clause
    ("Because it is cheap, we should buy it"); ``sentence`` counts the text's sentences from 0
    and ``part`` the unit's place in its sentence.
    """

    start: int
    end: int
    text: str
    paragraph: Paragraph
    sentence: int
    part: int
    marker: str | None = None
    role: str | None = None
    fronted: bool = False

    @property
    def words(self) -> int:
        return len(_WORD.findall(self.text))

    @property
    def locator(self) -> str:
        return self.paragraph.locator


def _words(text: str) -> int:
    return len(_WORD.findall(text))


def _cuts(text: str) -> list[tuple[int, Marker | None, bool]]:
    """Where ``text`` (one sentence) is cut: (offset, the marker opening the part there,
    whether that part is a fronted clause). The first cut is always at 0."""
    found = markers_in(text)
    lead = found[0] if found and not text[: found[0].start].strip(_OPENERS) else None
    cuts: list[tuple[int, Marker | None, bool]] = [(0, lead, False)]
    if lead is not None and lead.role in (REASON, CONCESSION) and lead.phrase in SPLITTING:
        comma = text.find(",", lead.end)
        if comma > 0 and _words(text[lead.end:comma]) >= MIN_WORDS \
                and _words(text[comma:]) >= MIN_WORDS:
            cuts[0] = (0, lead, True)
            cuts.append((comma + 1, None, False))
    for marker in found:
        if marker is lead or marker.phrase not in SPLITTING or marker.start <= cuts[-1][0]:
            continue
        before = text[: marker.start]
        at = marker.start
        joined = _AND_BEFORE.search(before)
        if joined:
            at = joined.start() + (before[joined.start():].find("and"))
        elif marker.phrase in NEED_PUNCTUATION and not before.rstrip().endswith((",", ";", "—",
                                                                                 "–", ":")):
            continue
        if _words(text[cuts[-1][0]:at]) >= MIN_WORDS and _words(text[marker.end:]) >= MIN_WORDS - 1:
            cuts.append((at, marker, False))
    return _semicolons(text, _clauses(text, cuts))


_JOINED_CLAUSE = re.compile(r"(?:,|\s[-—–])\s*(?:and|or)\b(?:\s*,)?", re.IGNORECASE)


def _clauses(text: str, cuts: list[tuple[int, Marker | None, bool]]
             ) -> list[tuple[int, Marker | None, bool]]:
    """``cuts`` with a cut before each ", and" / ", or" that joins a clause of its own (at
    least :data:`JOINED_WORDS` words on either side; a list's last item is shorter)."""
    places = sorted(c[0] for c in cuts)
    for match in _JOINED_CLAUSE.finditer(text):
        word = re.search(r"and|or", match.group(), re.IGNORECASE)
        assert word is not None
        at = match.start() + word.start()
        before, after = _around(places, at, len(text))
        if at - before < 4 or after - at < 4:
            continue
        if _words(text[before:at]) >= JOINED_WORDS and _words(text[at:after]) >= JOINED_WORDS:
            following = markers_in(text[match.end():match.end() + 30])
            marker = following[0] if following and following[0].start < 3 else None
            if marker is not None:
                marker = Marker(marker.phrase, marker.role, marker.start + match.end(),
                                marker.end + match.end())
            cuts.append((at, marker, False))
            insort(places, at)
    return sorted(cuts, key=lambda c: c[0])


def _semicolons(text: str, cuts: list[tuple[int, Marker | None, bool]]
                ) -> list[tuple[int, Marker | None, bool]]:
    """``cuts`` with a cut after each semicolon that has a clause on either side."""
    places = sorted(c[0] for c in cuts)
    for match in re.finditer(";", text):
        at = match.end()
        before, after = _around(places, at, len(text))
        if _words(text[before:at]) >= MIN_WORDS and _words(text[at:after]) >= MIN_WORDS:
            cuts.append((at, None, False))
            insort(places, at)
    return sorted(cuts, key=lambda c: c[0])


def _around(places: list[int], at: int, end: int) -> tuple[int, int]:
    """The nearest of the sorted ``places`` before ``at`` (0 when none) and after it
    (``end`` when none)."""
    i = bisect_left(places, at)
    j = bisect_right(places, at)
    return (places[i - 1] if i else 0), (places[j] if j < len(places) else end)


def split_sentence(whole: str, sentence: Sentence) -> list[tuple[int, int, Marker | None, bool]]:
    """The units of one sentence as (start, end, opening marker, fronted), offsets in
    ``whole``, each trimmed of the spaces and joining punctuation around it."""
    text = sentence.text
    cuts = _cuts(text)
    out = []
    for i, (at, marker, fronted) in enumerate(cuts):
        end = cuts[i + 1][0] if i + 1 < len(cuts) else len(text)
        piece = text[at:end]
        left = len(piece) - len(piece.lstrip(_TRIM))
        rest = piece[left:]
        body = rest.rstrip(_TRIM) if i + 1 < len(cuts) else rest.rstrip()
        if body:
            start = sentence.start + at + left
            out.append((start, start + len(body), marker, fronted))
    return out


def units_of(doc: Document) -> list[Unit]:
    """Every unit of the document, in text order."""
    units: list[Unit] = []
    for number, (para, sentence) in enumerate(doc.sentences):
        for part, (start, end, marker, fronted) in enumerate(split_sentence(doc.text, sentence)):
            units.append(Unit(start, end, doc.text[start:end], para, number, part,
                              marker.phrase if marker else None,
                              marker.role if marker else None, fronted))
    return units
