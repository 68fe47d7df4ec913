"""The source pane: the text under review, read-only, with the map's quotes marked in it.

The app hands it the text and where the map's quotes are (:mod:`argmap.analysis.text.passages`); it
highlights the selected claim's quote and scrolls to it. Moving the cursor reports which claims
quote the paragraph under it (:class:`SourcePane.ParagraphQuoted`); ``c`` on a selection asks
for a new claim quoting it (:class:`SourcePane.ClaimFromText`).
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass
from typing import ClassVar

from rich.style import Style
from textual.binding import Binding, BindingType
from textual.message import Message
from textual.widgets import TextArea
from textual.widgets.text_area import Selection, TextAreaTheme

from argmap.analysis.text.passages import Paragraph, QuotedPassage, paragraph_at, paragraphs

THEME = TextAreaTheme("argmap-source", syntax_styles={
    "quote": Style(underline=True),
    "current": Style(bgcolor="#7a5c00", color="#ffffff", bold=True),
})


class SourcePane(TextArea):
    """The source text; the selected claim's quote in a bright band, every other quote
    underlined."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("c", "claim_from_selection", "Claim from text",
                tooltip="Make the selected words (shift+arrows, or drag) a new claim, "
                        "its quote and locator filled in"),
        Binding("enter", "go_to_quoting", "Go to the claim",
                tooltip="The claim quoting the words under the cursor (or this paragraph)"),
    ]

    @dataclass
    class ParagraphQuoted(Message):
        """The cursor is in a paragraph (None: outside any); ``idents``: who quotes it."""

        paragraph: Paragraph | None
        idents: list[str]

    @dataclass
    class GoToClaim(Message):
        """The user asked to see the claim quoting the text at the cursor."""

        ident: str

    @dataclass
    class ClaimFromText(Message):
        """The user asked for a new claim quoting ``quote`` at ``locator``."""

        quote: str
        locator: str

    def __init__(self, **kwargs: object) -> None:
        self.source_id: str | None = None
        self.passages: list[QuotedPassage] = []
        self.paras: list[Paragraph] = []
        self.current: list[QuotedPassage] = []
        self._line_starts: list[int] = [0]
        self._paragraph: Paragraph | None = None
        super().__init__("", read_only=True, soft_wrap=True, show_cursor=True,
                         **kwargs)  # type: ignore[arg-type]

    def on_mount(self) -> None:
        self.cursor_blink = False  # a reading cursor holds still
        self.register_theme(THEME)
        self.theme = THEME.name

    def load(self, source_id: str, text: str, passages: list[QuotedPassage]) -> None:
        """Show ``text`` (the text of ``source_id``) with ``passages`` marked."""
        text = text.replace("\r\n", "\n").replace("\r", "\n")
        self.source_id, self.passages = source_id, passages
        self.paras = paragraphs(text)
        self.load_text(text)
        starts, at = [0], 0
        for line in text.split("\n")[:-1]:
            at += len(line) + 1
            starts.append(at)
        self._line_starts = starts
        self.current = []
        self._paragraph = None
        self._build_highlight_map()

    def mark_passages(self, passages: list[QuotedPassage]) -> None:
        """Quotes moved (the map was edited): mark these instead."""
        self.passages = passages
        self.current = [p for p in passages if p.ident in {c.ident for c in self.current}]
        self._build_highlight_map()
        self.refresh()

    # Offsets into the text <-> (row, column) locations of the text area.
    def location(self, offset: int) -> tuple[int, int]:
        row = bisect_right(self._line_starts, offset) - 1
        return row, offset - self._line_starts[row]

    def offset(self, location: tuple[int, int]) -> int:
        row, column = location
        return self._line_starts[min(row, len(self._line_starts) - 1)] + column

    def show_quote(self, *idents: str) -> bool:
        """Highlight the quotes of the first of ``idents`` that has some and scroll to the
        first of them; False when none has any in this text (the highlight is cleared)."""
        self.current = []
        for ident in idents:
            self.current = [p for p in self.passages if p.ident == ident]
            if self.current:
                break
        self._build_highlight_map()
        self.refresh()
        if not self.current:
            return False
        first = self.current[0]
        self.move_cursor(self.location(first.start), center=True)
        self.report_paragraph(again=True)
        return True

    def _build_highlight_map(self) -> None:
        """The quotes, as the text area's highlights (it draws them with THEME's styles)."""
        self._line_cache.clear()
        highlights = self._highlights
        highlights.clear()
        current = set(map(id, self.current))
        for passage in self.passages:
            self._highlight(passage, "current" if id(passage) in current else "quote")

    def _highlight(self, passage: QuotedPassage, name: str) -> None:
        (top, left), (bottom, right) = self.location(passage.start), self.location(passage.end)
        lines = self.document.lines
        for row in range(top, bottom + 1):
            if row >= len(lines):
                break
            line = lines[row]
            start = left if row == top else 0
            end = right if row == bottom else len(line)
            # the text area's highlights are in bytes of the UTF-8 line
            self._highlights[row].append((len(line[:start].encode()),
                                          len(line[:end].encode()), name))

    # What the user does.
    def on_text_area_selection_changed(self, event: TextArea.SelectionChanged) -> None:
        event.stop()
        self.report_paragraph()

    def report_paragraph(self, again: bool = False) -> None:
        """Say who quotes the paragraph under the cursor, when it changed (or ``again``)."""
        para = paragraph_at(self.paras, self.offset(self.cursor_location))
        if para == self._paragraph and not again:
            return
        self._paragraph = para
        idents = [] if para is None else list(dict.fromkeys(
            p.ident for p in self.passages if p.start < para.end and p.end > para.start))
        self.post_message(self.ParagraphQuoted(para, idents))

    def quoting_here(self) -> list[str]:
        """Who quotes the words under the cursor, else the paragraph it is in."""
        at = self.offset(self.cursor_location)
        here = [p.ident for p in self.passages if p.start <= at < p.end]
        para = paragraph_at(self.paras, at)
        if para is not None:
            here += [p.ident for p in self.passages if p.start < para.end and p.end > para.start]
        return list(dict.fromkeys(here))

    def action_go_to_quoting(self) -> None:
        found = self.quoting_here()
        if not found:
            self.notify("No claim quotes this paragraph.", severity="warning")
            return
        self.post_message(self.GoToClaim(found[0]))

    def action_claim_from_selection(self) -> None:
        start, end = sorted((self.selection.start, self.selection.end))
        first, last = self.offset(start), self.offset(end)
        chosen = self.text[first:last]
        first += len(chosen) - len(chosen.lstrip())  # the locator is where the words start
        quote = " ".join(chosen.split())
        if not quote:
            self.notify("Select the words to quote first: shift and the arrows, or drag.",
                        severity="warning")
            return
        para = paragraph_at(self.paras, first) or paragraph_at(self.paras, last)
        self.post_message(self.ClaimFromText(quote, para.locator if para else ""))

    def select_span(self, start: int, end: int) -> None:
        """Select ``text[start:end]`` (tests and the app use it to point at words)."""
        self.selection = Selection(self.location(start), self.location(end))
