"""What a reviewer checks first in a unit: statistics, attributions and hedges.

Statistics are found by the detector rule AM102 uses
(:func:`argmap.analysis.text.wording.statistics`), so a unit the draft tags ``statistic`` is
one ``argmap check`` reports when nothing backs it.
Attributions are named ("according to Reuters", "Smith says") or vague ("experts agree",
"studies show"); a named one gives the draft a source of its own to cite.

>>> tags_of("According to the OECD, costs may rise by 40%.")
['statistic', 'attribution', 'hedged']
>>> named_attribution("Jane Smith says the plan fails.")
'Jane Smith'
>>> named_attribution("As reported by Reuters, exports fell.")
'Reuters'
"""

from __future__ import annotations

import re
from functools import lru_cache

from argmap.analysis.text.textscan import prefix_tree
from argmap.analysis.text.wording import statistics, statistics_in
from argmap.draft.caseless import Caseless

_NAME = r"(?:[A-Z][\w&.'’-]*)(?:\s+(?:of|for|and|on|the|de|van|von|[A-Z][\w&.'’-]*))*"
_SAYING = (r"(?:says|said|claims|claimed|argues|argued|reports|reported|finds|found|estimates|"
           r"estimated|warns|warned|notes|noted|believes|believed|states|stated|writes|wrote|"
           r"insists|insisted|concludes|concluded|predicts|predicted|suggests|suggested|"
           r"told|explains|explained|points out|pointed out)")
_ACCORDING = re.compile(rf"\b(?i:according to)\s+(?:the\s+)?({_NAME})")
# "as reported by Reuters", "a view shared by the IMF"
_BY = re.compile(rf"\b(?:reported|stated|noted|found|estimated|argued|shown|claimed|predicted|"
                 rf"published|shared|cited|confirmed)\s+by\s+(?:the\s+)?({_NAME})")
_SAYS = re.compile(rf"(?<![\w’'])((?:[A-Z][\w&.'’-]*)(?:\s+[A-Z][\w&.'’-]*)*)\s+{_SAYING}\b")
_VAGUE = re.compile(
    r"\b(?:(?:many|most|some|several|leading|top)\s+)?(?:experts?|scientists|researchers|studies|"
    r"research|analysts|critics|observers|economists|officials|sources|scholars|commentators|"
    r"people|observers|reports|surveys|polls|data)\s+(?:have\s+)?(?:say|said|agree|agreed|"
    r"believe|argue|argued|claim|suggest|suggests|show|shows|shown|showed|found|warn|think|"
    r"estimate|point out|indicate|indicates|confirm|confirms)\b"
    r"|\bit is (?:widely |generally |often |commonly )?(?:said|believed|argued|claimed|thought|"
    r"known|accepted)\b"
    r"|\baccording to (?:some|many|experts|studies|research|reports|sources|analysts|critics)\b"
    r"|\b(?:recent |new )?data suggests\b|\bsome (?:say|argue|claim|believe)\b"
    r"|\b(?:[a-z]+\s+)?[a-z]+s\s+(?:say|argue|claim|believe|insist|complain|fear|warn|object)\b",
    re.IGNORECASE)
# Each way of attributing vaguely ends in one of these words (or is "according to" someone): a
# text without any is passed over after one quick scan, not the slow one of _VAGUE.
_VAGUE_WORDS = Caseless(r"\b(?:" + prefix_tree(
    "say said agree agreed believe believed argue argued claim claimed suggest suggests show "
    "shows shown showed found warn think thought estimate indicate indicates confirm confirms "
    "known accepted insist complain fear object".split() + ["point out", "according to"])
    + r")\b")
_NOT_NAMES = frozenset({"It", "This", "That", "He", "She", "They", "We", "I", "You", "There",
                        "The", "A", "An", "Yes", "No", "But", "And", "So", "Some", "Many",
                        "Most", "Critics", "Experts", "Studies", "Research", "Officials",
                        "Analysts", "Scientists", "Researchers", "People", "Everyone",
                        "Nobody", "One", "Who", "Which", "What", "Data", "Recent", "As",
                        "When", "If", "While", "Although", "Because", "Since", "However",
                        "Yet", "Or", "Then", "Now", "Here", "Today", "Also"})
HEDGES = ("may might could perhaps possibly probably likely unlikely arguably presumably "
          "apparently seemingly seem seems appear appears suggest suggests somewhat roughly "
          "approximately").split() + ["tend to", "tends to", "in some cases", "to some extent",
                                      "it is possible"]
_HEDGES = Caseless(rf"\b(?:{prefix_tree(HEDGES)})\b")


@lru_cache(maxsize=1 << 16)  # the conclusion, the links and the writer all ask of each unit
def named_attribution(text: str) -> str | None:
    """The person or body ``text`` attributes its claim to by name, or None."""
    for pattern in (_ACCORDING, _BY, _SAYS):
        for match in pattern.finditer(text):
            name = match.group(1).strip(" .,'’")
            first = name.split()[0] if name else ""
            if name and first not in _NOT_NAMES and not _VAGUE.match(match.group(0)):
                return name
    return None


@lru_cache(maxsize=1 << 16)
def vague_attribution(text: str) -> str | None:
    """The words attributing ``text`` to an unnamed authority ("experts agree"), or None."""
    found = _VAGUE.search(text) if _VAGUE_WORDS.search(text) else None
    return found.group(0) if found else None


def hedges(text: str) -> list[str]:
    """The hedging words of ``text`` ("may", "likely", "appears"), lower case, in order."""
    return [m.group(0).lower() for m in _HEDGES.finditer(text)]


def tags_of(text: str, *, statistic: bool | None = None) -> list[str]:
    """The review tags of a unit: ``statistic``, ``attribution`` or ``vague-attribution``,
    ``hedged``. ``statistic``: whether the text states one, when the caller knows already
    (:func:`with_statistics` asks of many texts at once)."""
    tags = []
    if statistic if statistic is not None else statistics(text):
        tags.append("statistic")
    if named_attribution(text):
        tags.append("attribution")
    elif vague_attribution(text):
        tags.append("vague-attribution")
    if hedges(text):
        tags.append("hedged")
    return tags


def with_statistics(texts: list[str]) -> set[int]:
    """The places of the ``texts`` that state a statistic, found in one scan of them all."""
    return {i for i, _ in statistics_in(texts)}
