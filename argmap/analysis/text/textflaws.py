"""Broken text (rule AM121): placeholders left in ("[Insert Name Here]", "TODO"), empty slots
where a word or figure went missing ("In , the focus was", "rose by % last year"), and doubled
words ("the the").

Such text is a sign that an article was assembled from a template or never proof-read; in a
map it means a claim was copied with a hole in it.

>>> [(f.kind, f.snippet) for f in text_flaws("In , the the plan [Insert Date Here] works.")]
[('empty slot', 'In ,'), ('doubled word', 'the the'), ('placeholder', '[Insert Date Here]')]
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterator, Sequence
from itertools import accumulate, compress, count, islice, repeat
from operator import eq
from typing import NamedTuple


class Flaw(NamedTuple):
    """One flaw: where it is (``text[start:end] == snippet``) and what kind it is."""

    start: int
    end: int
    kind: str  # "placeholder", "empty slot" or "doubled word"
    snippet: str


_PLACEHOLDER = re.compile(
    r"\[[^\[\]\n\x00]{0,60}?\b(?:insert|here|placeholder|todo|tbd|tbc|name of|your|add\s+\w+|"
    r"citation needed|source needed|xx+)\b[^\[\]\n\x00]{0,60}\]"
    r"|\{\{[^{}\n\x00]{0,60}\}\}|<(?:insert|placeholder)[^<>\n\x00]{0,60}>"
    r"|\b(?:TODO|TBD|FIXME|XXX+)\b|\blorem ipsum\b", re.IGNORECASE)
# A word that cannot end a phrase, then a gap and punctuation: "In , the focus" (a date or a
# place went missing). A preposition ending a sentence ("what it belongs to.") has no gap.
_EMPTY_SLOT = re.compile(
    r"\b(?:in|on|at|by|of|from|since|until|to|for|with|about|between|than|the|a|an|and|or|"
    r"as|over|under|per|of|like)[ \t]+[,.;:!?)](?!\d)"
    # a percent sign, currency or magnitude with its number missing: "rose by % ", "$ billion"
    r"|\b[A-Za-z]+[ \t]+%(?!\w)|[$€£][ \t]*(?:million|billion|trillion|bn|m)\b", re.IGNORECASE)
_DOUBLED = re.compile(r"\b([A-Za-z]+)\s+\1\b", re.IGNORECASE)
# Doubled words English uses on purpose.
_NEW = tuple.__new__
_MEANT_TWICE = frozenset("had that very really so no ha bye yes well many more far again "
                         "knock tut chop dum la".split())


PLACEHOLDER, EMPTY_SLOT, DOUBLED = "placeholder", "empty slot", "doubled word"
KINDS = frozenset((PLACEHOLDER, EMPTY_SLOT, DOUBLED))


def text_flaws(text: str, kinds: frozenset[str] = KINDS) -> list[Flaw]:
    """The placeholders, empty slots and doubled words of ``text`` (those of ``kinds``), in
    order."""
    flaws = []
    if PLACEHOLDER in kinds:
        flaws += [Flaw(m.start(), m.end(), PLACEHOLDER, m.group())
                  for m in _PLACEHOLDER.finditer(text)]
    if EMPTY_SLOT in kinds:
        flaws += [Flaw(m.start(), m.end(), EMPTY_SLOT, m.group().strip())
                  for m in _EMPTY_SLOT.finditer(text)]
    if DOUBLED in kinds:
        for m in _DOUBLED.finditer(text):
            first, second = m.group(1), m.group().split()[-1]
            if first.lower() not in _MEANT_TWICE and _same_case(first, second):
                # (a Flaw made without a Python-level call: a long text may hold thousands)
                flaws.append(_NEW(Flaw, (m.start(), m.end(), DOUBLED, f"{first} {second}")))
    return sorted(flaws)


def _same_case(first: str, second: str) -> bool:
    """"The the" and "the the" are doubled; "Will will" (a name, then the verb) is not told
    apart from them, but "US us" is: an all-capitals word beside a lower-case one is not."""
    return first.isupper() == second.isupper() or len(first) > 1 and first.istitle()


def text_flaws_in(texts: Sequence[str]) -> Iterator[tuple[int, list[Flaw]]]:
    """The place and :func:`text_flaws` of each of ``texts`` that has some, in order.

    The texts are searched joined, for what each kind of flaw needs (a bracket, a placeholder
    word; a gap before punctuation or a per cent sign, a currency sign before "million"; a word
    said twice), each in one C-level pass; a text is then searched closely only for the kinds whose
    needs it holds. Cost: linear in the length of the texts.
    """
    joined = _SEPARATOR.join(texts)
    if joined.count(_END) != len(texts) - 1:  # a text holding the separator
        joined = _SEPARATOR.join(text.replace(_END, " ") for text in texts)
    if not joined.isascii():
        joined = joined.translate(_ASCII_CASES)
    data = joined.lower().encode("ascii", "replace")  # a byte a character
    starts = list(accumulate((len(t) + len(_SEPARATOR) for t in texts), initial=0))
    wanted: dict[int, set[str]] = {}
    for kind, patterns in _NEEDS:
        for pattern in patterns:
            for match in pattern.finditer(data):
                wanted.setdefault(bisect_right(starts, match.start()) - 1, set()).add(kind)
    for i in _with_a_word_said_twice(data):
        wanted.setdefault(i, set()).add(DOUBLED)
    for i in sorted(wanted):
        found = text_flaws(texts[i], frozenset(wanted[i]))
        if found:
            yield i, found


def _with_a_word_said_twice(data: bytes) -> Iterator[int]:
    """The place of each text of the joined ``data`` where a word follows itself ("the the.")."""
    words = data.translate(_LETTERS).split()  # letters only: "the the." gives two "the"
    said_twice = bytes(map(eq, words, islice(words, 1, None)))  # 1 where the next is the same
    at = said_twice.find(1)
    if at < 0:
        return
    ends = [*compress(count(), map(eq, words, repeat(_END_BYTE))), len(words)]
    while at >= 0:  # from a text with a word said twice on to the next text
        i = bisect_right(ends, at)
        if words[at] != _END_BYTE:  # (not two texts' ends: an empty text)
            yield i
            at = ends[i]
        at = said_twice.find(1, at + 1)


_END = "\x00"  # between the joined texts: no pattern matches across it
_SEPARATOR = f" {_END} "  # spaced, so that the last word of a text and the next stand apart
_END_BYTE = _END.encode()
# What each kind of flaw needs, in lower-cased text, where any other character is "?" (€, £
# and the letters that are not ASCII): cheap patterns, each led by a literal (a fast scan).
_NEEDS = [
    (PLACEHOLDER, [re.compile(rb"\["), re.compile(rb"\{\{"),
                   re.compile(rb"<(?:insert|placeholder)"),
                   *(re.compile(word) for word in (b"todo", b"tbd", b"fixme", b"xxx", b"lorem"))]),
    (EMPTY_SLOT, [re.compile(rb"[,.;:!?)](?<=[ \t].)"), re.compile(rb"%(?<=[ \t]%)"),
                  *(re.compile(re.escape(sign) + rb"(?=[ \t]*(?:million|billion|trillion|bn|m)\b)")
                    for sign in (b"$", b"?"))]),
]
# The letters that are not ASCII but that [a-z] matches when case is ignored, as ASCII letters
# (lowered, "İ" would be two characters).
_ASCII_CASES = str.maketrans("İıſ\u212a", "iisk")
_LETTERS = bytes(b if (97 <= b <= 122 or b == 0) else 32 for b in range(256))
