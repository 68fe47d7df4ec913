"""A source text's paragraphs and where a map's quotes sit in it (for reading map and text side
by side, and for making a claim from a passage).

Paragraphs are blocks between blank lines, or lines when the text has no blank line (a page
copied one paragraph a line). A short one-line block that does not end a sentence is a heading:
it is not counted as a paragraph, and when a text has headings after its first paragraph, a
paragraph's locator names its section ("The Parity of Models, para 2"), as the shipped maps do;
otherwise it is "para N".

>>> text = "Title\\n\\nFirst point. It holds.\\n\\nSecond point."
>>> [p.locator for p in paragraphs(text)]
['para 1', 'para 2']
>>> paragraph_at(paragraphs(text), 35).number
2
"""

from __future__ import annotations

import os
import re
from bisect import bisect_right
from dataclasses import dataclass

from argmap.analysis.text.quotes import quote_span
from argmap.analysis.text.sources import SourceText, source_text_args, source_texts
from argmap.model import ArgumentMap

HEADING_MAX = 100  # characters: a longer one-line block is a paragraph
_BLANK_LINE = re.compile(r"\n[ \t]*\n")
_SENTENCE_END = (".", "!", "?", ":", ";", '"', "”", "’", "'", ")")


@dataclass(frozen=True)
class Paragraph:
    """One paragraph: ``text[start:end]``, its number in the whole text (1-based) and the
    locator a citation of it would give."""

    start: int
    end: int
    number: int
    locator: str


@dataclass(frozen=True)
class QuotedPassage:
    """A quote of the map found in the text: the claim or link citing it, the quote, where it
    is (``start``, ``end`` offsets) and the number of the paragraph it starts in (0: before the
    first paragraph, in a heading)."""

    ident: str
    quote: str
    start: int
    end: int
    paragraph: int


def _blocks(text: str) -> list[tuple[int, int]]:
    """(start, end) of each non-blank block: between blank lines, or each line when none."""
    splitter = _BLANK_LINE if _BLANK_LINE.search(text.strip()) else re.compile(r"\n")
    spans: list[tuple[int, int]] = []
    done = 0
    for match in [*splitter.finditer(text), None]:
        end = match.start() if match is not None else len(text)
        chunk = text[done:end]
        if chunk.strip():
            lead = len(chunk) - len(chunk.lstrip())
            spans.append((done + lead, done + len(chunk.rstrip())))
        done = match.end() if match is not None else len(text)
    return spans


def is_heading(block: str) -> bool:
    """A short single line that does not end like a sentence."""
    line = block.strip()
    return "\n" not in line and len(line) <= HEADING_MAX and not line.endswith(_SENTENCE_END)


def paragraphs(text: str) -> list[Paragraph]:
    """The paragraphs of ``text`` in order, headings left out. Cost: linear in the text."""
    blocks = [(start, end, is_heading(text[start:end])) for start, end in _blocks(text)]
    first_body = next((i for i, (_, _, heading) in enumerate(blocks) if not heading), len(blocks))
    sectioned = any(heading for _, _, heading in blocks[first_body:])
    found: list[Paragraph] = []
    section, in_section = "", 0
    for start, end, heading in blocks:
        if heading:
            section, in_section = " ".join(text[start:end].split()), 0
            continue
        in_section += 1
        locator = f"{section}, para {in_section}" if sectioned and section \
            else f"para {len(found) + 1}"
        found.append(Paragraph(start, end, len(found) + 1, locator))
    return found


def paragraph_at(paras: list[Paragraph], offset: int) -> Paragraph | None:
    """The paragraph that holds ``offset`` (or ends just before it), None outside any."""
    i = bisect_right([p.start for p in paras], offset) - 1
    if i < 0:
        return None
    para = paras[i]
    return para if offset <= para.end else None


def quoted_passages(amap: ArgumentMap, source_id: str, text: str) -> list[QuotedPassage]:
    """Every quote of ``source_id`` in the map's claims and links that is found in ``text``
    (the match AM112 checks), in the order of the text. Quotes not found are left out: AM112
    reports them."""
    paras = paragraphs(text)
    starts = [p.start for p in paras]
    found: list[QuotedPassage] = []
    items: list[tuple[str, list]] = [(c.id, c.evidence) for c in amap.claims]
    items += [(lk.ident, lk.evidence) for lk in amap.links]
    for ident, evidence in items:
        for cite in evidence:
            if cite.source != source_id or not cite.quote:
                continue
            span = quote_span(cite.quote, text)
            if span is not None:
                number = bisect_right(starts, span[0])
                found.append(QuotedPassage(ident, cite.quote, span[0], span[1], number))
    found.sort(key=lambda q: (q.start, q.end))
    return found



def text_under_review(amap: ArgumentMap, given: str | os.PathLike[str] | None = None,
                      base_dir: str | os.PathLike[str] | None = None
                      ) -> tuple[str, SourceText] | None:
    """The source whose text a reader reads beside the map, and that text: ``given`` (a file,
    or ``ID=FILE``, as ``check --source-text`` takes it) first, else the first subject source
    with a readable `text:`, else any source with one; None when there is none. A ``given``
    file that cannot be used raises UsageError; a map's own unreadable `text:` is skipped
    (AM116 reports it)."""
    if given is not None:
        chosen = source_text_args(amap, [str(given)])
        texts = source_texts(amap, chosen, base_dir)
        source_id = next(iter(chosen))
        return source_id, texts[source_id]
    texts = source_texts(amap, None, base_dir)
    readable = [sid for sid, found in texts.items() if found.text is not None]
    for source_id in [*[s for s in amap.subject if s in readable], *readable]:
        return source_id, texts[source_id]
    return None
