"""An article's paragraphs, headings and sentences, each with where it stands in the text.

Paragraphs are separated by blank lines; a text with no blank line at all (one paragraph per
line, as many exports are) has one paragraph per line. A heading is a Markdown ``#`` line or a
short line that ends without a sentence's punctuation. Sentences come from pysbd, a rule-based
segmenter that knows abbreviations ("Dr.", "U.S."), decimals ("9.5%") and quotations.

Offsets are character offsets into the whole text, so every piece is ``text[start:end]``.

>>> doc = segment("Cars\\n\\nCars pollute. Dr. Lee agrees.\\n\\n## Costs\\n\\nSo ban them.")
>>> [(p.locator, [s.text for s in p.sentences]) for p in doc.paragraphs]
[('para 1', ['Cars pollute.', 'Dr. Lee agrees.']), ('Costs, para 1', ['So ban them.'])]
>>> doc.title
'Cars'
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache
from typing import Any

_LIST_ITEM = re.compile(r"(?:[-*+]|\d{1,3}[.)])\s")
_BLANK = re.compile(r"\n[ \t]*\n")
_MD_HEADING = re.compile(r"#{1,6}[ \t]+(.*?)[ \t#]*\Z")
_SENTENCE_END = (".", "!", "?", ":", ";", ",", '"', "”", "’", "'", ")", "…")
HEADING_MAX_WORDS = 14
WRAPPED_MAX = 100  # characters: a longer line is a paragraph of its own, not a wrapped line


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
    import warnings

    with warnings.catch_warnings():  # pysbd's sources hold regexes with invalid escapes
        warnings.simplefilter("ignore", DeprecationWarning)
        warnings.simplefilter("ignore", SyntaxWarning)
        import pysbd  # imported when first needed: `argmap check` never pays for it
        from pysbd.lang.english import English  # noqa: F401  (compiled under the filter)

    return pysbd.Segmenter(language="en", clean=False, char_span=True)


def _blocks(text: str) -> list[tuple[int, int]]:
    """(start, end) of each paragraph or heading: the text is cut at blank lines, and a block
    is cut at every line break when the text has no blank line, when one of its lines is too
    long to be a wrapped line (over :data:`WRAPPED_MAX` characters: one paragraph a line), or
    at its first line break when that line is a Markdown heading."""
    blank = bool(_BLANK.search(text))
    spans, at = [], 0
    for cut in [*(m for m in _BLANK.finditer(text)), None]:
        end = cut.start() if cut else len(text)
        spans.extend(_lines(text, at, end, one_per_line=not blank))
        at = cut.end() if cut else len(text)
    return spans


def _lines(text: str, start: int, end: int, one_per_line: bool) -> list[tuple[int, int]]:
    """The paragraphs of one block (see :func:`_blocks`), stripped of surrounding space."""
    block = text[start:end]
    lines = block.split("\n")
    if not one_per_line and (max(map(len, lines)) > WRAPPED_MAX or all(
            _LIST_ITEM.match(line.strip()) for line in lines if line.strip())):
        one_per_line = True  # long lines, or a Markdown list: an item a paragraph
    pieces: list[tuple[int, int]] = []
    if one_per_line:
        at = start
        for line in lines:
            pieces.append((at, at + len(line)))
            at += len(line) + 1
    elif len(lines) > 1 and _MD_HEADING.match(lines[0].strip()):
        pieces = [(start, start + len(lines[0])), (start + len(lines[0]) + 1, end)]
    else:
        pieces = [(start, end)]
    out = []
    for a, b in pieces:
        chunk = text[a:b]
        stripped = chunk.strip()
        if stripped:
            lead = len(chunk) - len(chunk.lstrip())
            out.append((a + lead, a + lead + len(stripped)))
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
    """The sentences of ``text[start:end]`` as pysbd finds them in the whole paragraph,
    stripped of surrounding space.

    Line breaks inside a paragraph are read as spaces (a wrapped line is not a sentence). pysbd
    costs about 2 s a megabyte, so the paragraph is first cut where pysbd surely ends a
    sentence (see :func:`clear_ends`), and a piece that holds nothing pysbd could split at
    (see :func:`_one_sentence`) is taken as one sentence; pysbd reads every other piece. The
    result is the one pysbd gives on the whole paragraph (tests compare the two), except that
    a piece is never longer than :data:`PIECE_MAX` characters (pysbd's time grows with the
    square of a piece's length): a longer run is cut at its last stop, else its last space,
    before that.
    """
    body = text[start:end].replace("\n", " ")
    out: list[Sentence] = []
    at = 0
    plain = _plain(body)
    for cut in _bounded([*(clear_ends(body) if plain else ()), len(body)], body):
        piece = body[at:cut]
        one = plain and _one_sentence(piece[_item_number(piece) if at == 0 else 0 :])
        spans = [(0, len(piece))] if one else pysbd_spans(piece)
        for s_start, s_end in spans:
            raw = piece[s_start:s_end]
            lead = len(raw) - len(raw.lstrip())
            stripped = raw.strip()
            if stripped:
                s = start + at + s_start + lead
                out.append(Sentence(s, s + len(stripped), text[s : s + len(stripped)]))
        at = cut
    return out


PIECE_MAX = 4000


def pysbd_spans(piece: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence pysbd finds in ``piece``: what its ``segment`` gives with
    ``char_span=True``, without its way of finding where each sentence stands (a regular
    expression compiled from each sentence: a third of pysbd's time here, and a flood of
    compiled patterns that pushes pysbd's own out of the cache of :mod:`re`).

    pysbd looks for ``sentence`` followed by white space (``\\s*``), left to right without
    overlaps, and keeps the first match that ends past the previous sentence's end; the same
    search is made here with :meth:`str.find`. A sentence pysbd gives empty (never seen) is
    found the way pysbd finds it.
    """
    segmenter = _segmenter()
    sentences = segmenter.processor(piece).process() if piece else []
    if not all(sentences):
        return [(span.start, span.end) for span in segmenter.segment(piece)]
    spans: list[tuple[int, int]] = []
    prior = 0
    for sentence in sentences:
        at = 0
        while (found := piece.find(sentence, at)) >= 0:
            end = found + len(sentence)
            while end < len(piece) and piece[end].isspace():
                end += 1
            if end > prior:
                spans.append((found, end))
                prior = end
                break
            at = end
    return spans


def _bounded(cuts: list[int], body: str) -> list[int]:
    """``cuts`` with more cuts, so that no piece is longer than :data:`PIECE_MAX`."""
    out: list[int] = []
    at = 0
    for cut in cuts:
        while cut - at > PIECE_MAX:
            window = body[at : at + PIECE_MAX]
            stop = max(window.rfind(". "), window.rfind("? "), window.rfind("! "))
            space = window.rfind(" ")
            step = stop + 2 if stop > PIECE_MAX // 2 else space + 1 if space > 0 else PIECE_MAX
            at += step
            out.append(at)
        out.append(cut)
        at = cut
    return out


# What pysbd reads in a paragraph as a whole, not clause by clause: anything its list rules may
# take for an item ("1. ", "a.", "2) ", "(iv)": they compare each item of the paragraph with
# the next) but a lone one in the first word (see :func:`_lone_leading_item`), two stops
# opening the paragraph (its rules for "!!" and "?!" are skipped then), a brace (its
# abbreviation rule looks for "{Dr} "), and the characters it uses as markers of its own (a
# text holding them confuses it). Each pattern starts at its stop or parenthesis, what stands
# before it checked behind: a scan for one character is many times faster.
_LIST_PERIOD = re.compile(r"\.(?:(?<=(?<!\S)[a-z]\.)|(?=[\s)])(?:(?<=(?<![^\s\-⁃])\d\.)"
                          r"|(?<=(?<![^\s\-⁃])\d\d\.)))")
_LIST_PARENS = re.compile(r"\)(?:(?<=\d\))(?=\s)|(?<=(?<![^\s(])[a-z]\))"
                          r"|(?<=(?<![^\s(])[ivx][ivx]\))|(?<=(?<![^\s(])[ivx]{3}\))"
                          r"|(?<=(?<![^\s(])[ivx]{4}\))|(?<=(?<![^\s(])[ivx]{5}\)))")
_MARKERS = re.compile("[{∯♟♝♨☝ƪᓴᓷᓸᓳᓱᓰ✂☏☉☈☇☄∮ȹȸ⎋⌬♭♬ǃ،]")


def _plain(body: str) -> bool:
    """Whether pysbd may read the paragraph ``body`` a piece at a time (see above)."""
    if body[:1] in "!?" and body[1:2] in ("!", "?"):
        return False
    if not _lone_leading_item(body):
        return False
    return "{" not in body if body.isascii() else not _MARKERS.search(body)


def _lone_leading_item(body: str) -> bool:
    """Whether ``body`` holds nothing pysbd may take for a list item but, perhaps, one item
    number or letter in its first word ("12. ", "a) ", "(iv) ").

    pysbd's list rules (``ListItemReplacer``) change a paragraph only where two of its items of
    one kind are consecutive ("1." then "2.", "a)" then "b)"): every item is compared with the
    one before and the one after, and an item alone in its list is compared with itself and
    left as it is. The patterns above find every item of every kind, so when the only one they
    find is in the first word, each of pysbd's lists holds that item at most, and its rules
    leave the whole paragraph and each piece of it alike. The item stays in the first piece and
    so in its first sentence, as pysbd keeps it (its rules for a number and a stop opening a
    text keep "12." in the sentence after it).
    """
    first_word = next((i for i, c in enumerate(body) if c.isspace()), len(body))
    items = [m.start() for m in _LIST_PERIOD.finditer(body)]
    if ")" in body:
        items.extend(m.start() for m in _LIST_PARENS.finditer(body))
    return not items or (len(items) == 1 and items[0] < first_word)


# A stop, with a space and a capital letter other than the pronoun "I" after it; and the word
# of letters (the first may be a capital) just before it.
_STOP_THEN_CAPITAL = re.compile(r"[.!?](?= +[A-Z])(?! +I(?![a-z]))")
_WORD_BEFORE = re.compile(r"(?<!\w)[A-Za-z][a-z]+\Z")
# A stop or line break (in pysbd's sense), or one of its markers: a piece holding one inside
# goes to pysbd.
_STOP = re.compile("[.!?…\n\r。．！？ȸȹ☉☈☇☄]")
# Where pysbd reads text between two marks as one, whatever it holds: between quotes,
# brackets, parentheses or double dashes. Each pair: what opens, what closes (a plain ' opens
# only where it does not follow a letter or digit: elsewhere it is an apostrophe).
_ENCLOSING = (("(（[「", re.compile(r"[(（\[「]"), re.compile(r"[)）\]」]")),
              ('"“”„«»', re.compile("[\"“”„«»]"), re.compile("[\"“”„«»]")),
              ("'‘", re.compile(r"‘|(?<!\w)'"), re.compile("[’']")),
              ("-", re.compile("--"), re.compile("--")))
_KEPT_INITIALS = re.compile(r"(?<![\w.])[A-Z](?:\.[A-Z])+\.(?=\s+[a-z]|[,-])")
_OPENS = ("(", "（", "[", "「", '"', "“", "'", "‘", "«")
_QUOTE_THEN_CAPITAL = re.compile("-[\"'“”]\\s[A-Z]")
_WORDS_KEPT = frozenset(("yahoo", "yum"))  # pysbd's words ending in "!" ("Yahoo!")


@cache
def _never_ends() -> frozenset[str]:
    """The words (lower case) after which :func:`clear_ends` never cuts."""
    _segmenter()  # imports pysbd, its warnings silenced
    from pysbd.lang.english import English
    from pysbd.lists_item_replacer import ListItemReplacer

    return frozenset(a.lower() for a in English.Abbreviation.ABBREVIATIONS) | frozenset(
        ListItemReplacer.ROMAN_NUMERALS) | _WORDS_KEPT


def _enclosed(body: str) -> list[tuple[int, int]]:
    """Each stretch of ``body`` from the first mark of a kind that opens an enclosure to the
    last mark that closes one of that kind: a stretch holding all that pysbd may enclose."""
    out = []
    for marks, opens, closes in _ENCLOSING:
        if not any(mark in body for mark in marks):
            continue
        first = opens.search(body)
        if first is not None:
            last = max((m.end() for m in closes.finditer(body, first.end())), default=-1)
            if last > 0:
                out.append((first.start(), last))
    return out


def clear_ends(body: str) -> list[int]:
    """Where pysbd surely ends a sentence of the paragraph ``body`` (a text without line
    breaks, :func:`_plain`): just after a word of two or more letters
    (all lower case but the first) that ends in ``.``, ``!`` or ``?``, followed by a space and
    a capital letter other than the pronoun "I", where the word is none of pysbd's
    abbreviations ("Dr", "etc", "no"), roman numerals ("iv") or words ending in "!" ("Yahoo"),
    and no quotes, brackets, parentheses or double dashes may enclose the place.

    Every other rule of pysbd that keeps a stop inside a sentence looks at a single letter or
    digit before it ("J. Smith", "U.S.", "9.5"), at a lower-case word, digit or "I" after it,
    or at one of the words excluded here; every rule that looks further is excluded with the
    lists and enclosures. So the pieces between these places are split by pysbd as the whole
    paragraph is.
    """
    never = _never_ends()
    enclosed = _enclosed(body)
    ends = []
    for stop in _STOP_THEN_CAPITAL.finditer(body):
        word = _WORD_BEFORE.search(body, max(0, stop.start() - 40), stop.start())
        if word is not None and word.group().lower() not in never and not any(
                a < stop.end() < b for a, b in enclosed):
            ends.append(stop.end())
    return ends


_ITEM_NUMBER = re.compile(r"\d{1,2}\. (?=\S)")


def _item_number(piece: str) -> int:
    """The length of the item number ("12. ") that opens the paragraph's first ``piece``, or
    0. pysbd never ends a sentence there: its rules for a number opening a text
    (``StartLineNumberPeriodRule``, ``StartLineTwoDigitNumberPeriodRule``) keep the stop of
    one or two digits followed by a space and more text; its list rules keep it too when it
    is the paragraph's only item (see :func:`_lone_leading_item`). So the piece is one
    sentence when what follows the number is."""
    found = _ITEM_NUMBER.match(piece)
    return found.end() if found else 0


def _one_sentence(piece: str) -> bool:
    """Whether pysbd takes the ``piece`` (of a paragraph without lists or pysbd's markers) as
    one sentence: it holds no stop but perhaps its last character, besides those of capitals
    with stops ("U.S.", "E.U.") that a lower-case word, a comma or a dash follows (pysbd reads
    each such run of letters and stops as one word, and ends a sentence after one only before
    a capital); it does not open with a quote or a bracket (pysbd ends a sentence after a
    quotation that opens one, before a capital), has no quote after a dash before a capital,
    and no quotes around parentheses."""
    inner = piece.rstrip()[:-1]
    if _STOP.search(inner) and _STOP.search(_KEPT_INITIALS.sub("", inner)):
        return False
    if piece.lstrip().startswith(_OPENS):
        return False
    if "(" in piece and any(q in piece for q in '"“”'):
        return False
    return not _QUOTE_THEN_CAPITAL.search(piece)


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
