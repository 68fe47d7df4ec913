"""Case-insensitive patterns searched about twice as fast as :data:`re.IGNORECASE` searches.

In an ASCII text, a :class:`Caseless` pattern is searched as a case-sensitive one in the text
lower-cased: the same matches at the same places. In any other text it is searched with
:data:`re.IGNORECASE` (lower-casing may change a non-ASCII text's length, and case-insensitive
matching knows folds that lower-casing does not, "ſ" for "s"). A match's text may be
lower-cased: read the original through its places.

The pattern is written in lower case, its letters in words and classes alike.

>>> should = Caseless(r"\\bshould\\b")
>>> should.search("We SHOULD act.").span(), should.search("We ſhould act.").span()
((3, 9), (3, 9))
"""

from __future__ import annotations

import re
from collections.abc import Iterator


class Caseless:
    """A case-insensitive pattern (see the module)."""

    def __init__(self, pattern: str):
        if any(ch.isupper() for ch in re.sub(r"\\.", "", pattern)):
            raise ValueError(f"write the pattern in lower case: {pattern!r}")
        self.pattern = pattern
        self._lower = re.compile(pattern)
        self._any = re.compile(pattern, re.IGNORECASE)

    def search(self, text: str) -> re.Match[str] | None:
        return self._lower.search(text.lower()) if text.isascii() else self._any.search(text)

    def finditer(self, text: str) -> Iterator[re.Match[str]]:
        return self._lower.finditer(text.lower()) if text.isascii() else self._any.finditer(text)
