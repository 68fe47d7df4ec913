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
    return _find_parts(_needle(quote), normalise(text)) is not None


def quote_span(quote: str, text: str) -> tuple[int, int] | None:
    """Where ``quote`` is in ``text``: ``(start, end)`` offsets into ``text`` itself, from the
    first quoted word to the last (an ellipsis's gap included), or None when it is not there.
    The same match as :func:`quote_in` (which AM112 uses), mapped back through the
    normalisation. Cost: linear in ``text`` the first time a text is seen, then a search.

    >>> text = "He said: “Cars  must go.” Then he left."
    >>> start, end = quote_span('"cars must go."', text)
    >>> text[start:end]
    'Cars  must go.'
    """
    haystack, origins = normalised_with_offsets(text)
    parts = _find_parts(_needle(quote), haystack)
    if not parts:
        return None
    first, last = parts[0][0], parts[-1][1] - 1
    return origins[first], origins[last] + 1


def _needle(quote: str) -> str:
    return normalise(quote).strip('"').strip()


def _find_parts(needle: str, haystack: str) -> list[tuple[int, int]] | None:
    """Where each part of ``needle`` (split at "...") is in ``haystack``, in order; None when a
    part is missing. Both are normalised already."""
    found: list[tuple[int, int]] = []
    start = 0
    for part in (p.strip() for p in needle.split("...")):
        if not part:
            continue
        at = haystack.find(part, start)
        if at < 0:
            return None
        found.append((at, at + len(part)))
        start = at + len(part)
    return found


@lru_cache(maxsize=8)
def normalised_with_offsets(text: str) -> tuple[str, tuple[int, ...]]:
    """:func:`normalise` of ``text`` and, for each of its characters, the offset in ``text`` of
    the character it comes from. The string equals ``normalise(text)`` except in rare cases
    where normalising a character alone differs from normalising it in context (a combining
    accent after its letter, a Greek final sigma); a quote is then still found, on the
    per-character form."""
    chars: list[str] = []
    origins: list[int] = []
    for at, char in enumerate(text):
        for out in unicodedata.normalize("NFKC", char).translate(_TRANSLATE):
            chars.append(out)
            origins.append(at)
    joined = "".join(chars)
    joined, origins = _substitute(_SPACED_DASH, " - ", joined, origins)
    joined, origins = _substitute(_SPACE, " ", joined, origins)
    lead = len(joined) - len(joined.lstrip())
    joined, origins = joined.strip(), origins[lead:lead + len(joined.strip())]
    lower = joined.lower()
    if len(lower) != len(joined):  # a character that lowers to two: map each one
        pairs = [(low, origin) for char, origin in zip(joined, origins, strict=True)
                 for low in char.lower()]
        lower, origins = "".join(p[0] for p in pairs), [p[1] for p in pairs]
    return lower, tuple(origins)


def _substitute(pattern: re.Pattern[str], replacement: str, text: str,
                origins: list[int]) -> tuple[str, list[int]]:
    """``pattern.sub(replacement, text)`` with ``origins`` kept in step: each replacement
    character takes the origin of the matched character at the same place (or the last)."""
    out: list[str] = []
    kept: list[int] = []
    done = 0
    for match in pattern.finditer(text):
        start, end = match.span()
        out.append(text[done:start])
        kept.extend(origins[done:start])
        matched = match.group()
        for i, char in enumerate(replacement):
            out.append(char)
            # the dash of " - " keeps the dash's origin; spaces keep the ends of the match
            j = matched.find(char) if char != " " else (0 if i == 0 else len(matched) - 1)
            kept.append(origins[start + max(0, min(j, end - start - 1))])
        done = end
    out.append(text[done:])
    kept.extend(origins[done:])
    return "".join(out), kept
