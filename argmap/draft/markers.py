"""Discourse markers: the words that say how a clause bears on its neighbours.

Each marker has a role, which is what the draft proposes from it:

- ``reason``: the clause it opens is a reason for what it is attached to ("because", "since");
- ``inference``: the clause it opens follows from what came before ("so", "therefore");
- ``contrast``: the clause it opens goes against what came before ("but", "however");
- ``concession``: the clause it opens is granted, and the rest of the sentence answers it
  ("although", "while", "whereas");
- ``addition``: one more point of the same kind ("moreover", "also");
- ``summary``: the sentence states the text's conclusion ("in conclusion", "to sum up").

>>> found = markers_in("But it is cheap, so we should act because time is short.")
>>> [(m.phrase, m.role) for m in found]
[('but', 'contrast'), ('so', 'inference'), ('because', 'reason')]
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from argmap.analysis.text.textscan import prefix_tree
from argmap.draft.caseless import Caseless

REASON, INFERENCE, CONTRAST, CONCESSION, ADDITION, SUMMARY = (
    "reason", "inference", "contrast", "concession", "addition", "summary")

MARKERS: dict[str, str] = {
    "because": REASON, "since": REASON, "given that": REASON, "as long as": REASON,
    "for the simple reason that": REASON, "due to the fact that": REASON, "for": REASON,
    "as": REASON,
    "so": INFERENCE, "therefore": INFERENCE, "thus": INFERENCE, "hence": INFERENCE,
    "consequently": INFERENCE, "as a result": INFERENCE, "that is why": INFERENCE,
    "this is why": INFERENCE, "which is why": INFERENCE, "accordingly": INFERENCE,
    "that's why": INFERENCE, "that’s why": INFERENCE, "this is the reason": INFERENCE,
    "but": CONTRAST, "however": CONTRAST, "yet": CONTRAST, "nevertheless": CONTRAST,
    "nonetheless": CONTRAST, "on the other hand": CONTRAST, "still": CONTRAST,
    "instead": CONTRAST, "on the contrary": CONTRAST, "then again": CONTRAST,
    "although": CONCESSION, "though": CONCESSION, "even though": CONCESSION,
    "even if": CONCESSION, "while": CONCESSION, "whereas": CONCESSION, "admittedly": CONCESSION,
    "granted": CONCESSION, "of course": CONCESSION, "unless": CONCESSION,
    "moreover": ADDITION, "furthermore": ADDITION, "in addition": ADDITION,
    "additionally": ADDITION, "besides": ADDITION, "also": ADDITION, "what is more": ADDITION,
    "on top of that": ADDITION, "not to mention": ADDITION, "apart from that": ADDITION,
    "in conclusion": SUMMARY, "to sum up": SUMMARY, "to conclude": SUMMARY,
    "all in all": SUMMARY, "in short": SUMMARY, "in sum": SUMMARY, "overall": SUMMARY,
    "ultimately": SUMMARY, "in the end": SUMMARY,
}

# Where a marker in the middle of a sentence starts a new unit: these may open a clause inside a
# sentence; the others ("moreover", "in conclusion") only mark the sentence they open.
SPLITTING = frozenset({
    "because", "since", "given that", "so", "therefore", "thus", "hence", "consequently",
    "as a result", "which is why", "that is why", "but", "however", "yet", "nevertheless",
    "nonetheless", "although", "though", "even though", "even if", "whereas", "while", "for",
    "as", "unless",
})
# Markers that only count in the middle of a sentence, after a comma: at a sentence's start
# "For" and "As" are far more often a preposition ("For years, ...", "As a rule, ...").
MID_ONLY = frozenset({"for", "as"})
# Markers that split mid-sentence only after a comma, semicolon or dash: without one they are
# too often something else ("so much", "while waiting", "since 2010", "yet to come").
NEED_PUNCTUATION = frozenset({"so", "while", "since", "yet", "though", "thus", "hence",
                              "therefore", "however", "as a result", "still", "for", "as"})

# A prefix tree of the phrases: the engine tries one branch per first letter, not one per marker.
_PATTERN = Caseless(r"\b(" + prefix_tree(MARKERS) + r")\b")
# "so that", "so many", "since then", "as a result of": not the marker's connecting use.
_NOT_AFTER = {
    "so": re.compile(r"\s+(?:that|far|much|many|few|long|to|called|on|forth|as)\b", re.I),
    "since": re.compile(r"\s+(?:then|\d|the\s+\d|last|early|january|february|march|april|may|"
                        r"june|july|august|september|october|november|december)\b", re.I),
    "as a result": re.compile(r"\s+of\b", re.I),
    "because": re.compile(r"\s+of\b", re.I),
    "for": re.compile(r"\s+(?:example|instance|one thing|the|a|an|all|years|decades|this|that|"
                      r"them|us|me|him|her|it|its|their|our|his|many|most|some|each|every)\b",
                      re.I),
    "as": re.compile(r"\s+(?:a|an|the|well|long|much|many|far|soon|if|though|to|such|such|"
                     r"part|opposed|regards|for)\b", re.I),
    "still": re.compile(r"\s+(?:\w+ed|be|is|are|has|have|had|a|an|the|in)\b", re.I),
    "granted": re.compile(r"\s+(?:to|by)\b", re.I),
    "instead": re.compile(r"\s+of\b", re.I),
    "overall": re.compile(r"\s+(?!,)\w", re.I),
    "also": re.compile(r"", re.I),  # only ever at a sentence's start (checked below)
}


@dataclass(frozen=True)
class Marker:
    """A marker found in a text: its phrase (lower case), role and place."""

    phrase: str
    role: str
    start: int
    end: int


def markers_in(text: str) -> list[Marker]:
    """The discourse markers in ``text``, in order (see :data:`MARKERS`)."""
    found = []
    for match in _PATTERN.finditer(text):
        phrase = match.group(1).lower()
        guard = _NOT_AFTER.get(phrase)
        at_start = not text[: match.start()].strip(" \"'“‘(")
        if guard is not None and guard.match(text, match.end()) and not (
                phrase == "also" and at_start):
            continue
        if (phrase == "also" and not at_start) or (phrase in MID_ONLY and at_start):
            continue
        found.append(Marker(phrase, MARKERS[phrase], match.start(), match.end()))
    return found


def role_of(phrase: str | None) -> str | None:
    """The role of a marker phrase; None when there is no marker."""
    return MARKERS.get(phrase) if phrase else None
