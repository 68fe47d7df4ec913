"""Quote checking (AM112): does a quote appear in its source's text?

Both sides are normalised first, so that typography does not count as a misquote: curly and
straight quotes and apostrophes, dashes, ellipses, whitespace (line breaks included) and case.

>>> quote_in("“Cars,” he said — “must go.”", '"cars," he said - "MUST\\n go."')
True
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from pathlib import Path

from argmap.analysis.context import SourceText

_TRANSLATE = str.maketrans({
    "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u2032": "'", "`": "'",
    "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u201f": '"', "\u2033": '"', "«": '"', "»": '"',
    "\u2013": "-", "\u2014": "-", "\u2012": "-", "\u2212": "-", "\u2010": "-", "\u2011": "-",
    "\u00a0": " ", "\u2009": " ", "\u202f": " ", "\u2026": "...",
})
_SPACE = re.compile(r"\s+")
_SPACED_DASH = re.compile(r"\s*-\s*")


def normalise(text: str) -> str:
    """``text`` in the form quotes are compared in: NFKC, plain quotes/dashes, one space, lower."""
    text = unicodedata.normalize("NFKC", text).translate(_TRANSLATE)
    text = _SPACED_DASH.sub(" - ", text)
    return _SPACE.sub(" ", text).strip().lower()


def quote_in(quote: str, text: str) -> bool:
    """True when ``quote`` appears in ``text`` once both are normalised.

    Quotation marks around the whole quote and an ellipsis inside it ("a ... b", the parts in
    order) are allowed.
    """
    needle = normalise(quote).strip('"').strip()
    haystack = normalise(text)
    start = 0
    for part in (p.strip() for p in needle.split("...")):
        if not part:
            continue
        found = haystack.find(part, start)
        if found < 0:
            return False
        start = found + len(part)
    return True


def read_source_text(path: Path, from_map: bool) -> SourceText:
    """The text at ``path``, or a SourceText that says why it cannot be read.

    Texts are cached by path, size and modification time: an editor that analyses the map after
    every change does not read its sources again.
    """
    try:
        stat = path.stat()
        text = _read(str(path), stat.st_size, stat.st_mtime_ns)
        return SourceText(str(path), text, from_map=from_map)
    except FileNotFoundError:
        return SourceText(str(path), problem="the file does not exist", from_map=from_map)
    except UnicodeDecodeError:
        return SourceText(str(path), problem="the file is not UTF-8 text", from_map=from_map)
    except OSError as exc:
        return SourceText(str(path), problem=str(exc.strerror or exc), from_map=from_map)


@lru_cache(maxsize=16)
def _read(path: str, size: int, mtime_ns: int) -> str:
    return Path(path).read_text(encoding="utf-8-sig")


def _normalised_with_places(text: str) -> tuple[str, list[int]]:
    """:func:`normalise` of ``text`` and, for each character of it, where it came from."""
    chars: list[tuple[str, int]] = []
    for i, ch in enumerate(text):
        for c in unicodedata.normalize("NFKC", ch).translate(_TRANSLATE):
            if c == "-":  # a dash gets one space on each side, as _SPACED_DASH writes it
                while chars and chars[-1][0].isspace():
                    chars.pop()
                chars.extend(((" ", i), ("-", i), (" ", i)))
                continue
            if c.isspace():
                if chars and chars[-1][0] == " ":
                    continue
                chars.append((" ", i))
                continue
            chars.extend((low, i) for low in c.lower())
    while chars and chars[0][0] == " ":
        chars.pop(0)
    while chars and chars[-1][0] == " ":
        chars.pop()
    return "".join(c for c, _ in chars), [i for _, i in chars]


def quote_span(quote: str, text: str) -> tuple[int, int] | None:
    """Where ``quote`` sits in ``text`` (start and end offsets in ``text``), found as
    :func:`quote_in` finds it; None when it is not there. A quote with an ellipsis spans from
    its first part to its last.

    >>> text = "He said: “Cars must  go,” and left."
    >>> start, end = quote_span('"cars must go"', text); text[start:end]
    'Cars must  go'
    """
    haystack, places = _normalised_with_places(text)
    if haystack != normalise(text):
        return None  # a character whose form depends on its neighbours: no reliable places
    needle = normalise(quote).strip('"').strip()
    start = first = 0
    last = -1
    for part in (p.strip() for p in needle.split("...")):
        if not part:
            continue
        found = haystack.find(part, start)
        if found < 0:
            return None
        if last < 0:
            first = found
        start = last = found + len(part)
    if last < 0:
        return None
    return places[first], places[last - 1] + 1
