"""Sweeping, absolute wording (rule AM109): "only", "never", "cannot", "all" ...

>>> sweeping("Nothing can ever replace it; it is the only way.")
['nothing', 'only']
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from functools import lru_cache

from argmap.analysis.text.textscan import word_places

SWEEPING_WORDS: tuple[str, ...] = (
    "all", "always", "never", "none", "nothing", "nobody", "no one", "everyone", "everybody",
    "everything", "everywhere", "every", "only", "cannot", "can't", "impossible", "certainly",
    "undeniably", "unquestionably", "indisputably", "inevitably", "irreplicable", "irreversible",
    "unprecedented", "guaranteed", "proves", "proven", "completely", "entirely", "totally",
    "absolutely", "forever", "without exception", "no doubt",
)
# "every ten minutes", "every day": a frequency, not a sweeping claim; "not only": a concession.
# (Matched where a word starts: ``_EXEMPT.match(text, at)``.)
_EXEMPT = re.compile(
    r"every\s+(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|few|other|"
    r"day|week|month|year|hour|minute|morning|evening|night|season|time)\b|only\s+(?:a|an|one|"
    r"\d+)\b", re.IGNORECASE)


_EXEMPT_LENGTHS = (len("only"), len("every"))  # the words _EXEMPT is about, matched alone

_LEAD = re.compile(r"[a-z]+")


@lru_cache(maxsize=32)
def _sweeping_pattern(extra: tuple[str, ...]) -> tuple[re.Pattern[str], frozenset[str] | None]:
    """The pattern of the absolute words, and the set of their leading runs of letters.

    In an ASCII text a word can only be found where its leading letters stand as a whole word
    (nothing word-like may precede a match), so a text with none of them is skipped. The set is
    None when some word is not ASCII or does not start with a letter: every text is searched.
    """
    words = sorted({w.lower().strip() for w in (*SWEEPING_WORDS, *extra) if w.strip()},
                   key=len, reverse=True)
    alternatives = "|".join(re.escape(w) for w in words)
    pattern = re.compile(rf"(?<![\w'-])(?:{alternatives})(?![\w'-])", re.IGNORECASE)
    leads = [_LEAD.match(w) if w.isascii() else None for w in words]
    if any(lead is None for lead in leads):
        return pattern, None
    return pattern, frozenset(lead.group().lower() for lead in leads if lead is not None)


# "not every government", "no longer the only constraint": a negated absolute is a hedge.
_NEGATED = re.compile(r"\b(?:not|no longer|n't)\s+(?:the\s+|a\s+)?$", re.IGNORECASE)
# "cannot easily copy": the absolute is softened on the spot.
_HEDGED = re.compile(r"\s+(?:easily|readily|quite|always|yet)\b", re.IGNORECASE)


def sweeping(text: str, extra: Iterable[str] = ()) -> list[str]:
    """The absolute words of ``text`` (lower-cased, in order): SWEEPING_WORDS plus ``extra``.

    Words are matched whole and case-insensitively; phrases ("most effective") too. "every" before
    a time or number ("every ten minutes") and "only" before a count ("only a few") are left out,
    and so are negated or hedged ones ("not every", "no longer the only", "cannot easily").
    """
    return sweeping_finder(extra)(text)


def sweeping_finder(extra: Iterable[str] = ()) -> Callable[[str], list[str]]:
    """:func:`sweeping` with the word list fixed: a function of the text alone."""
    pattern, leads = _sweeping_pattern(tuple(extra))
    search = _sweeping_search(pattern)
    words = _LEAD.findall

    def find(text: str) -> list[str]:
        if leads is not None and text.isascii() and leads.isdisjoint(words(text.lower())):
            return []
        return search(text)

    return find


def sweeping_in(texts: Sequence[str], extra: Iterable[str] = ()) -> Iterator[tuple[int, list[str]]]:
    """The place and :func:`sweeping` words of each of ``texts`` that has some, in order. One
    scan of all the texts finds where a word can match: where its leading letters stand whole
    (every text is searched whole when some word does not start with an ASCII letter)."""
    pattern, leads = _sweeping_pattern(tuple(extra))
    search, find = _sweeping_search(pattern), sweeping_finder(extra)
    if leads is None:
        places: dict[int, list[int] | None] = dict.fromkeys(range(len(texts)))
    else:
        places = word_places(texts, leads)
    for i, starts in places.items():
        # a text the scan did not judge is asked the plain way
        words = find(texts[i]) if starts is None else search(texts[i], starts)
        if words:
            yield i, words


def _sweeping_search(pattern: re.Pattern[str]) -> Callable[[str, list[int] | None], list[str]]:
    """The words of ``pattern`` in a text, those exempt, negated or hedged left out; tried only
    at ``starts`` when they are given (every place a match can start, in order)."""
    exempt, negated, hedged = _EXEMPT.match, _NEGATED.search, _HEDGED.match

    def negated_before(text: str, start: int) -> bool:
        """``_NEGATED.search(text[:start])``, searched only as far back as a match can start:
        white space, "the" or "a", white space, and the negation."""
        at = start
        while at > 0 and text[at - 1].isspace():
            at -= 1
        at -= 3
        while at > 0 and text[at - 1].isspace():
            at -= 1
        return negated(text, max(0, at - 12), start) is not None

    def matches(text: str, starts: list[int]) -> Iterator[re.Match[str]]:
        end, match_at = 0, pattern.match
        for start in starts:  # as finditer goes: each match after the one before
            if start >= end:
                match = match_at(text, start)
                if match is not None:
                    end = match.end()
                    yield match

    def search(text: str, starts: list[int] | None = None) -> list[str]:
        hits: list[str] = []
        for match in pattern.finditer(text) if starts is None else matches(text, starts):
            # the exemptions are of the built-in "every" and "only"; a map's own "every time" is
            # a phrase it asked for
            start, end = match.span()
            if end - start in _EXEMPT_LENGTHS and exempt(text, start):
                continue
            if negated_before(text, start) or hedged(text, end):
                continue
            hits.append(match.group().lower())
        return list(dict.fromkeys(hits))

    return search
