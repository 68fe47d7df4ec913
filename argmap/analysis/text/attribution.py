"""Vague attribution: a claim leaning on an authority it does not name ("experts agree",
"studies show", "recent data suggests", "people tend to", "critics say", "it is widely believed").

Used by rule AM119 and by anything that drafts claims from a text, so both agree on what counts.

>>> [a.phrase for a in vague_attributions("Experts agree, and studies show it works.")]
['Experts agree', 'studies show']
>>> vague_attributions("A 2021 Lancet study shows it works.")
[]
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from typing import NamedTuple

from argmap.analysis.text.textscan import texts_with_words


class Attribution(NamedTuple):
    """One vague attribution in a text: where it is (``text[start:end] == phrase``)."""

    start: int
    end: int
    phrase: str


# Who is said to hold the view: a crowd, a kind of document, or data in general.
_WHO = (r"experts?|scientists|researchers|economists|analysts|observers|commentators|critics|"
        r"scholars|academics|specialists|pundits|insiders|officials|sources|authorities|"
        r"studies|research|reports|surveys|polls|data|evidence|people|many|some|others|most")
# Words that may stand before the crowd without naming it.
_VAGUE = (r"many|most|some|several|numerous|countless|various|leading|top|independent|recent|"
          r"new|other|respected|prominent|western|industry|multiple|a\s+lot\s+of|lots\s+of|"
          r"a\s+number\s+of|a\s+growing\s+number\s+of|more\s+and\s+more")
# What they are said to do.
_SAY = (r"agree|agrees|say|says|said|show|shows|showed|suggest|suggests|suggested|believe|"
        r"believes|argue|argues|argued|claim|claims|claimed|warn|warns|warned|note|notes|noted|"
        r"find|finds|found|indicate|indicates|predict|predicts|expect|expects|estimate|"
        r"estimates|think|thinks|fear|fears|confirm|confirms|point\s+to|points\s+to|tend\s+to|"
        r"(?:have|has)\s+(?:long\s+)?(?:shown|found|suggested|argued|warned|noted|confirmed)")
_HEDGE = r"(?:(?:now|often|generally|widely|largely|increasingly|repeatedly|consistently|all)\s+)?"
_PATTERNS = [
    # "experts agree", "recent data suggests", "many economists warn", "critics say"
    rf"(?:(?:{_VAGUE})\s+)*(?:{_WHO})\s+{_HEDGE}(?:{_SAY})\b",
    # "it is widely believed", "it has been shown", "it is well known"
    r"it\s+(?:is|was|has\s+been|had\s+been)\s+(?:widely\s+|generally\s+|commonly\s+|often\s+|"
    r"well\s+|now\s+|long\s+)?(?:believed|said|thought|known|accepted|agreed|reported|claimed|"
    r"argued|assumed|shown|understood|acknowledged|recognized|recognised)\b(?!\s+(?:as|for)\b)",
    # "is widely regarded as", "is generally considered"
    r"(?:is|are|was|were)\s+(?:widely|generally|commonly|universally|broadly)\s+(?:regarded|"
    r"considered|seen|believed|thought|accepted|known|recognized|recognised|acknowledged)\b",
    # "everyone knows", "according to experts", "experts say" spelt the other way round
    r"(?:everyone|everybody)\s+(?:knows|agrees|says|thinks)\b",
    rf"according\s+to\s+(?:(?:{_VAGUE})\s+)*(?:{_WHO})\b(?!\s+(?:by|from|of|at|in)\b)",
    r"(?:many|some|most)\s+(?:would\s+)?(?:say|argue|believe|agree|think|claim|fear)\b",
]
_IMPERSONAL = re.compile(r"(?:is|are|was|were|it|everyone|everybody)\b", re.IGNORECASE)
_PATTERN = re.compile(r"(?<![\w'’-])(?:" + "|".join(f"(?:{p})" for p in _PATTERNS) + ")",
                      re.IGNORECASE)
# "the data show", "these studies suggest": the text points back to whom it means.
_POINTING = frozenset("the these those this that its their our his her both such two three four "
                      "five six both".split())
# Capitalised only because they open a sentence: "As critics say", "But experts agree".
_FUNCTION_WORDS = frozenset("as and but so yet while because since when if although though also "
                            "even still indeed yes no now then thus hence however today".split())
# Every pattern holds one of these words: texts with none are skipped in one scan.
_KEY_WORDS = frozenset(
    "agree agrees say says said show shows showed suggest suggests suggested believe believes "
    "argue argues argued claim claims claimed warn warns warned note notes noted find finds "
    "found indicate indicates predict predicts expect expects estimate estimates think thinks "
    "fear fears confirm confirms point points tend shown believed thought known accepted agreed "
    "reported assumed understood acknowledged recognized recognised regarded considered seen "
    "knows according".split())


def vague_attributions(text: str) -> list[Attribution]:
    """The vague attributions in ``text``, in order.

    Not vague: a crowd the text names or points back to ("Stanford researchers found", "the data
    show", "these studies suggest", "a 2021 study shows"), and "according to" followed by whom
    ("according to reports by Reuters").
    """
    found = []
    for match in _PATTERN.finditer(text):
        crowd = not _IMPERSONAL.match(match.group())
        if not crowd or not _named_before(text[max(0, match.start() - 40):match.start()]):
            found.append(Attribution(match.start(), match.end(), match.group()))
    return found


def _named_before(before: str) -> bool:
    """Whether the word just before an attribution names or points to whom it means: "the",
    "these", a number, a possessive ("Reuters's sources"), a capitalised name ("Stanford
    researchers", "U.S. officials") other than the end of the sentence before."""
    if not before or not before[-1].isspace():
        return False
    words = before.split()
    if not words:
        return False
    last = words[-1]
    if last.lower() in _POINTING or last.isdigit() or last.endswith(("'s", "’s")):
        return True
    if not last[0].isupper() or last.lower().strip(",;:") in _FUNCTION_WORDS:
        return False
    # "in China. Experts agree": the capital ends the sentence before; "U.S." is a name
    return not (last[-1] in ".!?:;" and "." not in last[:-1])


def quoted_sentence(quote: str, text: str) -> str | None:
    """The sentence of ``text`` that ``quote`` comes from (the first place its words stand in
    order, case and spacing aside; an ellipsis skips words), or None when it is not there.

    >>> quoted_sentence("A FEW months", "Costs fell. Recent data suggests a few months. Fine.")
    'Recent data suggests a few months.'
    """
    words = re.findall(r"[\w%$€£]+", quote.split("...")[0].split("\u2026")[0])
    if not words:
        return None
    match = re.search(r"\W+".join(map(re.escape, words)), text, re.IGNORECASE)
    if match is None:
        return None
    starts = [m.end() for m in _SENTENCE_END.finditer(text, 0, match.start())]
    start = starts[-1] if starts else 0
    end = _SENTENCE_END.search(text, match.end())
    return text[start:end.start() + 1 if end else len(text)].strip()


_SENTENCE_END = re.compile(r"[.!?][\"”’')\]]*(?=\s)|\n\s*\n")


def vague_attributions_in(texts: Sequence[str]) -> Iterator[tuple[int, list[Attribution]]]:
    """The place and :func:`vague_attributions` of each of ``texts`` that has some, in order.
    One scan of all the texts picks those holding a word every attribution needs."""
    for i in texts_with_words(texts, _KEY_WORDS):
        found = vague_attributions(texts[i])
        if found:
            yield i, found
