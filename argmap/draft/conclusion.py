"""Which unit is the text's conclusion: every unit scored, the best proposed, the rest ranked.

A unit gains for what marks a thesis: a summary marker ("in conclusion"), an inference marker
("therefore", "so"), a recommendation ("should", "must", "ought to"), words it shares with the
title, and standing first or last in the text; it loses for what marks a reason or an objection
(a "because" or "although" clause, a question, an attribution to someone else).

>>> from argmap.draft.segments import segment
>>> from argmap.draft.units import units_of
>>> units = units_of(segment("Cars pollute. They are loud. So the city should ban them."))
>>> ranked = rank_conclusions(units)
>>> units[ranked[0].index].text, ranked[0].why
('So the city should ban them.', ['"so"', 'should', 'last sentence'])
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from argmap.draft.caseless import Caseless
from argmap.draft.markers import CONCESSION, CONTRAST, INFERENCE, REASON, SUMMARY
from argmap.draft.tags import named_attribution, vague_attribution
from argmap.draft.units import Unit

_RECOMMEND = Caseless(r"\b(?:should|must|ought to|need to|needs to|has to|have to|"
                     r"it is (?:time|essential|necessary|vital|crucial) to)\b")
_OPINION = Caseless(r"\b(?:i (?:think|believe|am convinced|argue|find|consider)|in my "
                    r"(?:view|opinion)|we (?:should|must|need))\b")
_VERDICT = Caseless(
    r"\b(?:is|are|would be|be|seems?)\s+(?:not\s+|therefore\s+|thus\s+|hence\s+|also\s+)?"
    r"(?:(?:very|most|more|only|certainly|simply|clearly|absolutely|definitely)\s+)?"
    r"(?:fair|unfair|right|wrong|wise|unwise|appropriate|inappropriate|desirable|undesirable|"
    r"good|bad|necessary|unnecessary|justified|unjustified|acceptable|unacceptable|"
    r"irresponsible|responsible|sensible|reasonable|unreasonable|essential|better|worse|"
    r"the right|the wrong|a good idea|a bad idea|out of the question|to be (?:supported|"
    r"rejected|welcomed)|preferable|overdue|pointless|senseless|absurd)\b")
_INFERENCE_INSIDE = Caseless(r"\b(?:therefore|thus|hence|consequently|that's why|that is why)\b")
_WORD = re.compile(r"[a-z]{4,}")
_STOP = frozenset("that this with from have they their there what when where which while "
                  "will would should could about into than then them these those been were "
                  "being does more most much many some such only also just very over".split())

# What each sign is worth: tuned on the arg-microtexts corpus (see docs/draft.md).
WEIGHTS = {"summary": 3.0, "inference": 2.0, "recommend": 2.5, "opinion": 1.0, "title": 1.5,
           "verdict": 2.0,
           "first": 1.0, "last": 0.75, "reason": -2.5, "concession": -2.0, "contrast": -0.5,
           "question": -2.0, "attributed": -1.5}


@dataclass(frozen=True)
class Candidate:
    """A unit's place in the draft's units, its score, and the signs that gave it."""

    index: int
    score: float
    why: list[str]


def _content(text: str) -> set[str]:
    return {w for w in _WORD.findall(text.lower()) if w not in _STOP}


def _score(unit: Unit, first: bool, last: bool, title: set[str]) -> tuple[float, list[str]]:
    signs: list[tuple[str, str]] = []
    if unit.role == SUMMARY:
        signs.append(("summary", f'"{unit.marker}"'))
    elif unit.role == INFERENCE:
        signs.append(("inference", f'"{unit.marker}"'))
    elif unit.role == REASON:
        signs.append(("reason", f'a "{unit.marker}" clause'))
    elif unit.role == CONCESSION:
        signs.append(("concession", f'a "{unit.marker}" clause'))
    elif unit.role == CONTRAST:
        signs.append(("contrast", f'opens with "{unit.marker}"'))
    if _RECOMMEND.search(unit.text):
        signs.append(("recommend", _RECOMMEND.search(unit.text).group(0).lower()))  # type: ignore[union-attr]
    if unit.role != INFERENCE and _INFERENCE_INSIDE.search(unit.text):
        signs.append(("inference", f'"{_INFERENCE_INSIDE.search(unit.text).group(0).lower()}"'))  # type: ignore[union-attr]
    if _VERDICT.search(unit.text):
        signs.append(("verdict", "a verdict"))
    if _OPINION.search(unit.text):
        signs.append(("opinion", "the author's own view"))
    if title and len(_content(unit.text) & title) >= max(1, len(title) // 3):
        signs.append(("title", "shares the title's words"))
    if first:
        signs.append(("first", "first sentence"))
    if last:
        signs.append(("last", "last sentence"))
    if unit.text.rstrip().endswith("?"):
        signs.append(("question", "a question"))
    if named_attribution(unit.text) or vague_attribution(unit.text):
        signs.append(("attributed", "attributed to someone else"))
    return sum(WEIGHTS[k] for k, _ in signs), [why for _, why in signs]


def rank_conclusions(units: list[Unit], title: str | None = None) -> list[Candidate]:
    """Every unit as a candidate conclusion, best first (ties: the earlier unit)."""
    if not units:
        return []
    first_sentence, last_sentence = units[0].sentence, units[-1].sentence
    title_words = _content(title or "")
    ranked = []
    for i, unit in enumerate(units):
        score, why = _score(unit, unit.sentence == first_sentence,
                            unit.sentence == last_sentence, title_words)
        ranked.append(Candidate(i, score, why))
    return sorted(ranked, key=lambda c: (-c.score, c.index))
