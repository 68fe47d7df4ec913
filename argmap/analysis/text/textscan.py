"""Which of many texts hold one of a few words: one scan of all the texts at once.

The wording rules look at every claim's text, and on a big map most texts hold none of the words
that could start a finding. Asking each text in turn costs a few Python-level calls per text;
joining the texts and scanning the whole once with a prefix-tree pattern costs a fraction.

A word "stands whole" in a text where it is a whole run of letters, case aside: one of what
``re.findall("[a-z]+", text.lower())`` gives. The scan judges ASCII texts only (``"K".lower()``
is not ASCII, ``"ſ"`` matches ``s`` ignoring case): every other text is reported for the caller
to look at the slow way.

>>> texts_with_words(["It never rains.", "Sun.", "NEVER!", "nevermore"], frozenset({"never"}))
[0, 2]
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from functools import lru_cache
from itertools import compress

_END = "\x00"  # where a text ends in the joined texts
_SEPARATOR = f" {_END} "  # the spaces let a word at either end of a text stand whole
_ABSENT: list[int] = []


@lru_cache(maxsize=32)
def _word_scan(words: frozenset[str]) -> tuple[re.Pattern[bytes], bytes]:
    """The pattern that finds a word with a space on each side, and the translation table that
    makes the joined texts' bytes what it searches: letters lower-cased, the end of each text
    kept, every other byte a space."""
    if any(not w.isascii() or not w.isalpha() or not w.islower() for w in words):
        raise ValueError("words must be lower-case ASCII letters")
    table = bytearray(b" " * 256)
    for letter in range(ord("a"), ord("z") + 1):
        table[letter] = table[letter - 32] = letter
    table[ord(_END)] = ord(_END)
    # the leading space is consumed, the trailing one only looked at: "never never" gives two
    tree = prefix_tree(sorted(words)).encode("ascii")
    return re.compile(b" (?:" + tree + b")(?= )" if words else b"(?!)"), bytes(table)


def prefix_tree(words: Iterable[str]) -> str:
    """An alternation of ``words`` (escaped) as a prefix tree: the regex engine tries one
    branch per first letter instead of one per word.

    >>> prefix_tree(["can", "cannot", "certainly", "no"])
    'c(?:an(?:not)?|ertainly)|no'
    """
    groups: dict[str, list[str]] = {}
    for word in dict.fromkeys(words):
        if word:
            groups.setdefault(word[0], []).append(word[1:])
    parts = []
    for first, tails in groups.items():
        rest = [t for t in tails if t]
        optional = len(rest) < len(tails)  # the first letter alone is a word too
        head = re.escape(first)
        while len(rest) > 1 and not optional and len({t[0] for t in rest}) == 1:
            head += re.escape(rest[0][0])  # a letter every tail starts with: no branch for it
            rest = [t[1:] for t in rest]
            optional = "" in rest
            rest = [t for t in rest if t]
        if not rest:
            parts.append(head)
        elif len(rest) == 1 and not optional:
            parts.append(head + re.escape(rest[0]))
        else:
            parts.append(f"{head}(?:{prefix_tree(rest)}){'?' if optional else ''}")
    return "|".join(parts)


def texts_with_words(texts: Sequence[str], words: frozenset[str], marks: str = "") -> list[int]:
    """The places, in order, of the texts in which one of ``words`` (lower-case ASCII letters)
    stands whole, of those holding one of the ASCII characters ``marks``, and of every text
    that is not ASCII.

    Cost: linear in the length of the texts, in a few C-level passes.
    """
    joined, whole = _joined(texts)
    found = {*whole, *(i for i, _ in _word_hits(joined, words))}
    if marks:
        found.update(_with_marks(joined, marks))
    return sorted(found)


def word_places(texts: Sequence[str], words: frozenset[str]) -> dict[int, list[int] | None]:
    """Text place -> where in that text one of ``words`` starts, standing whole, for each text
    holding one of them (as :func:`texts_with_words` finds them, ``marks`` aside); None for a
    text that is not ASCII or holds the separator, which the caller must search whole."""
    joined, whole = _joined(texts)
    places: dict[int, list[int] | None] = dict.fromkeys(whole)
    for i, at in _word_hits(joined, words):
        got = places.get(i, _ABSENT)
        if got is _ABSENT:
            places[i] = [at]
        elif got is not None:
            got.append(at)
    return dict(sorted(places.items())) if whole else places


def _joined(texts: Sequence[str]) -> tuple[bytes, list[int]]:
    """The texts joined by the separator, one byte per character (a non-ASCII one becomes "?"),
    and the places of the texts the scan cannot judge: those not ASCII, and those holding the
    end mark themselves (they are left out of the join, to be searched whole)."""
    joined = _SEPARATOR.join(texts)
    whole: list[int] = []
    if not joined.isascii() or joined.count(_END) >= len(texts):
        whole = [i for i, text in enumerate(texts) if not text.isascii() or _END in text]
        joined = _SEPARATOR.join("" if _END in text else text for text in texts)
    return joined.encode("ascii", "replace"), whole


def _word_hits(joined: bytes, words: frozenset[str]) -> Iterator[tuple[int, int]]:
    """Each place a word stands whole, in order, as (place of the text, where in it the word
    starts): the end marks before the hit count the texts; the last of them is 2 before the
    text's start (the first text starts at 1, after the padding space)."""
    pattern, table = _word_scan(words)
    letters = b" " + joined.translate(table) + b" "
    count, rfind, end = letters.count, letters.rfind, _END.encode()
    place, counted = 0, 0
    for match in pattern.finditer(letters):
        at = match.start() + 1  # after the space before the word
        place += count(end, counted, at)
        counted = at
        yield place, at - rfind(end, 0, at) - 2


def _with_marks(joined: bytes, marks: str) -> Iterator[int]:
    """The places of the texts that hold one of ``marks``: everything else deleted, what is
    left between the end marks is each text's marks."""
    each = joined.translate(None, _dropped(marks)).split(_END.encode())
    return compress(range(len(each)), each)


@lru_cache(maxsize=32)
def _dropped(marks: str) -> bytes:
    """Every byte but ``marks`` and the end mark."""
    if any(not m.isascii() or m == _END for m in marks):
        raise ValueError("marks must be ASCII characters other than the end mark")
    keep = {*marks.encode("ascii"), ord(_END)}
    return bytes(b for b in range(256) if b not in keep)
