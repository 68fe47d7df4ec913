"""Superlatives and puffery (rule AM120): "the world's most complete", "world-leading",
"the best", "unrivalled", "every time without fail".

Absolute words (all, never, only) are AM109's (:mod:`argmap.analysis.text.sweeping`); this detector
finds the claims of being first, best or beyond compare, which a reader checks against a
ranking or a comparison the text seldom gives.

>>> superlatives("It is the world's most complete and world-leading archive.")
["the world's most complete", 'world-leading']
>>> superlatives("Most people walk; the most recent survey agrees.")
[]
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

from argmap.analysis.text.textscan import texts_with_words

_SUPER_ADJECTIVES = (
    "best|worst|largest|biggest|greatest|highest|lowest|fastest|strongest|smallest|cheapest|"
    "finest|richest|poorest|safest|deadliest|smartest|brightest")
# "most recent", "for the most part", "at the least": superlatives that measure nothing.
_BENIGN = r"recent|part|likely|least|important|common|frequent|often|probably|notably"
# "the world's largest": a possessive that gives the superlative its scope
_SCOPE = (r"(?:world|globe|planet|earth|nation|country|continent|region|europe|asia|africa|"
          r"america|industry|market|sector|history)")
_PATTERNS = [
    # the world's most complete, the most advanced, Europe's least polluted
    rf"(?P<a>(?:the\s+)?(?:(?P<pa>{_SCOPE}['’]s)\s+|the\s+)(?:single\s+|very\s+)?(?:most|least)\s+"
    rf"(?!(?:{_BENIGN})\b)[a-z][\w-]*)",
    # the best, the world's largest, the biggest ever
    rf"(?P<b>(?:the\s+)?(?:(?P<pb>{_SCOPE}['’]s)\s+|the\s+)(?:single\s+|very\s+)?"
    rf"(?:{_SUPER_ADJECTIVES})\b)",
    # world-leading, industry-leading, world-class, best-in-class, first-ever
    r"(?:world|industry|market|class|sector|globally)[\s-](?:leading|class|beating|first)\b",
    r"best[\s-]in[\s-]class|first[\s-]ever|second\s+to\s+none|bar\s+none|like\s+no\s+other|"
    r"unrivall?ed|unmatched|unparalleled|unbeatable|unsurpassed|peerless|incomparable|"
    r"(?:every\s+time\s+)?without\s+fail|never\s+fails?",
]
_PATTERN = re.compile(r"(?<![\w'’-])(?:" + "|".join(f"(?:{p})" for p in _PATTERNS) + ")",
                      re.IGNORECASE)
# "the best way to", "the leading cause of": a superlative of a method or cause, not a boast
_NOT_A_BOAST = re.compile(r"\s+(?:way|ways|cause|causes|option|hope|guess|case|bet|answer|"
                          r"practice|practices|time|known|estimate|estimates)\b", re.IGNORECASE)
_KEY_WORDS = frozenset(
    (_SUPER_ADJECTIVES + "|most|least|class|beating|first|ever|none|other|unrivalled|unrivaled|"
     "unmatched|unparalleled|unbeatable|unsurpassed|peerless|incomparable|fail|fails|leading")
    .split("|"))


# A superlative is a claim when the text asserts it: after a verb of being or having ("China is
# the largest", "has the most engineers"), or with its scope ("the world's largest", "the
# largest in the world"). "access to the most advanced chips", "only the richest countries":
# it picks out a thing, and asserts nothing about it.
_ASSERTED_BEFORE = re.compile(
    r"(?:\b(?:is|are|was|were|be|been|being|remains?|remained|becomes?|became|has|have|had|"
    r"holds?|held|ranks?|ranked|as|among|one\s+of)|['’]s)\s+$", re.IGNORECASE)
_SCOPE_AFTER = re.compile(r"(?:\s+[\w-]+){0,4}?\s+(?:in\s+the\s+world|on\s+earth|on\s+the\s+"
                          r"planet|anywhere|of\s+all(?:\s+time)?|ever|in\s+history)\b",
                          re.IGNORECASE)


def superlatives(text: str) -> list[str]:
    """The superlatives and puffery of ``text``, in order, as written (whitespace folded).

    "the most" and "-est" count where the text asserts them (see ``_ASSERTED_BEFORE``), not
    where they pick something out ("access to the most advanced chips").
    """
    found = []
    for match in _PATTERN.finditer(text):
        if _NOT_A_BOAST.match(text, match.end()):
            continue
        graded = match.group("a") or match.group("b")
        scoped = match.group("pa") or match.group("pb")
        if graded and not scoped and not _SCOPE_AFTER.match(text, match.end()) \
                and not _ASSERTED_BEFORE.search(text, max(0, match.start() - 20), match.start()):
            continue
        found.append(" ".join(match.group().split()))
    return list(dict.fromkeys(found))


def superlatives_in(texts: Sequence[str]) -> Iterator[tuple[int, list[str]]]:
    """The place and :func:`superlatives` of each of ``texts`` that has some, in order."""
    for i in texts_with_words(texts, _KEY_WORDS):
        found = superlatives(texts[i])
        if found:
            yield i, found
