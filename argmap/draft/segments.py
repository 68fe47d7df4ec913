"""An article's paragraphs, headings and sentences, each with where it stands in the text.

Paragraphs are separated by blank lines; a text with no blank line at all (one paragraph per
line, as many exports are) has one paragraph per line. A heading is a Markdown ``#`` line or a
short line that ends without a sentence's punctuation. Sentences come from pysbd, a rule-based
segmenter that knows abbreviations ("Dr.", "U.S."), decimals ("9.5%") and quotations.

Offsets are character offsets into the whole text, so every piece is ``text[start:end]``.

>>> doc = segment("Cars\\n\\nCars pollute. Dr. Lee agrees.\\n\\nSo ban them.")
>>> [(p.locator, [s.text for s in p.sentences]) for p in doc.paragraphs]
[('Cars, para 1', ['Cars pollute.', 'Dr. Lee agrees.']), ('Cars, para 2', ['So ban them.'])]
>>> doc.title
'Cars'
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache
from typing import Any

_BLANK = re.compile(r"\n[ \t]*\n")
_MD_HEADING = re.compile(r"#{1,6}[ \t]+(.*?)[ \t#]*\Z")
_SENTENCE_END = (".", "!", "?", ":", ";", ",", '"', "”", "’", "'", ")", "…")
HEADING_MAX_WORDS = 14


@dataclass(frozen=True)
class Sentence:
    """One sentence: ``text`` is ``whole[start:end]`` without surrounding space."""

    start: int
    end: int
    text: str


@dataclass
class Paragraph:
    """One paragraph of body text, its locator ("para 3", "Heading, para 2") and sentences."""

    start: int
    end: int
    locator: str
    heading: str | None
    number: int
    sentences: list[Sentence] = field(default_factory=list)


@dataclass
class Document:
    """The text cut into paragraphs; ``title`` is its first line when that line is a heading."""

    text: str
    title: str | None
    headings: list[str]
    paragraphs: list[Paragraph]

    @property
    def sentences(self) -> list[tuple[Paragraph, Sentence]]:
        return [(p, s) for p in self.paragraphs for s in p.sentences]


@cache
def _segmenter() -> Any:
    import pysbd  # imported when first needed: `argmap check` never pays for it

    return pysbd.Segmenter(language="en", clean=False, char_span=True)


def _blocks(text: str) -> list[tuple[int, int]]:
    """(start, end) of each non-blank block: split at blank lines, or at every line break when
    the text has no blank line."""
    if _BLANK.search(text):
        cuts = [(m.start(), m.end()) for m in _BLANK.finditer(text)]
    else:
        cuts = [(m.start(), m.end()) for m in re.finditer(r"\n", text)]
    spans, at = [], 0
    for cut_start, cut_end in [*cuts, (len(text), len(text))]:
        spans.append((at, cut_start))
        at = cut_end
    out = []
    for start, end in spans:
        chunk = text[start:end]
        stripped = chunk.strip()
        if stripped:
            lead = len(chunk) - len(chunk.lstrip())
            out.append((start + lead, start + lead + len(stripped)))
    return out


def heading_text(block: str) -> str | None:
    """The heading a block is, or None for body text: a Markdown ``#`` line, or one short line
    that does not end like a sentence.

    >>> heading_text("## Why it matters"), heading_text("It matters."), heading_text("Costs")
    ('Why it matters', None, 'Costs')
    """
    if "\n" in block:
        return None
    found = _MD_HEADING.match(block)
    if found:
        return found.group(1).strip() or None
    words = block.split()
    if len(words) > HEADING_MAX_WORDS or block.endswith(_SENTENCE_END) or block.startswith("-"):
        return None
    return block if block[:1].isupper() or block[:1].isdigit() else None


def sentences_in(text: str, start: int, end: int) -> list[Sentence]:
    """The sentences of ``text[start:end]`` as pysbd finds them, stripped of surrounding space."""
    out = []
    for span in _segmenter().segment(text[start:end]):
        piece = span.sent
        lead = len(piece) - len(piece.lstrip())
        body = piece.strip()
        if body:
            s = start + span.start + lead
            out.append(Sentence(s, s + len(body), body))
    return out


def segment(text: str) -> Document:
    """The paragraphs (with locators) and sentences of ``text``; headings name the paragraphs
    under them, counted afresh under each heading. A first line that is a heading is the title
    and names no paragraph."""
    title: str | None = None
    heading: str | None = None
    headings: list[str] = []
    paragraphs: list[Paragraph] = []
    number = 0
    for i, (start, end) in enumerate(_blocks(text)):
        found = heading_text(text[start:end])
        if found is not None:
            if i == 0:
                title = found
            else:
                heading, number = found, 0
                headings.append(found)
            continue
        number += 1
        locator = f"{heading}, para {number}" if heading else f"para {number}"
        para = Paragraph(start, end, locator, heading, number)
        para.sentences = sentences_in(text, start, end)
        paragraphs.append(para)
    return Document(text, title, headings, paragraphs)
