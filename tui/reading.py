"""The app's reading actions: the text under review beside the map, and claims made from it.

Where the quotes are comes from the library (:mod:`argmap.analysis.text.passages`, the quote
matching AM112 checks), worked out again only when the map has changed since.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from argmap.analysis.text.passages import quoted_passages, text_under_review
from argmap.edit import ops
from argmap.errors import UsageError
from argmap.model import ArgumentMap
from tui.screens.quoted_claim import QuotedClaimForm
from tui.widgets.argument_tree import ArgumentTree
from tui.widgets.source_pane import SourcePane

if TYPE_CHECKING:
    from tui.app import ArgmapApp

    Base = ArgmapApp
else:
    Base = object

NO_TEXT = ("This map names no text under review. Give one: argmap tui MAP --source-text FILE "
           "(or a `text:` file on the subject source).")


@dataclass(frozen=True)
class SourceChoice:
    """The source read beside the map: its id, file and text."""

    source_id: str
    path: str
    text: str
    given: dict[str, str] | None = None  # {source id: path} when given on the command line



def choose_source(amap: ArgumentMap, given: str | os.PathLike[str] | None) -> SourceChoice | None:
    """The text under review of ``amap`` (``given`` first); None when it names none."""
    base = Path(amap._origin.path).parent if amap._origin is not None else None
    found = text_under_review(amap, given, base)
    if found is None:
        return None
    source_id, source = found
    if source.text is None:
        raise UsageError(f"--source-text {given}: {source.problem}")
    return SourceChoice(source_id, source.path, source.text,
                        None if source.from_map else {source_id: source.path})


class ReadingActions(Base):
    """Mixed into the app: the source pane, kept in step with the tree and the map."""

    _passages_of: Any = None  # the map the source pane's quote marks were worked out for

    def action_toggle_source(self) -> None:
        pane = self.query_one(SourcePane)
        if self.source is None:
            self.notify(NO_TEXT, title="No source text", severity="warning", timeout=8)
            return
        pane.display = not pane.display
        self.query_one("#main").set_class(pane.display, "-reading")
        if not pane.display:
            self.query_one(ArgumentTree).mark(set())
            if self.focused is None or self.focused is pane:
                self.query_one(ArgumentTree).focus()
            return
        if pane.source_id is None:
            passages = quoted_passages(self.session.map, self.source.source_id, self.source.text)
            pane.load(self.source.source_id, self.source.text, passages)
            self._passages_of = self.session.map
            pane.border_title = f"Source text: {self.source.source_id}"
        self.show_source_marks()
        self.show_source_quote()
        pane.focus()

    def show_source_marks(self) -> None:
        """Mark the quotes anew after an edit (only while the pane is shown)."""
        panes = self.query(SourcePane)
        if not panes or not panes.first().display or self.source is None:
            return
        if self._passages_of is not self.session.map:
            panes.first().mark_passages(
                quoted_passages(self.session.map, self.source.source_id, self.source.text))
            self._passages_of = self.session.map

    def show_source_quote(self) -> None:
        """Scroll the text to the selected claim's quote (the pane says when it has none)."""
        panes = self.query(SourcePane)
        if not panes or not panes.first().display:
            return
        pane = panes.first()
        ident = self.selected.ident if self.selected is not None else None
        if ident is None or pane.has_focus:
            return
        # a link without quotes of its own: where its premises are quoted
        premises = self.view.links[ident].from_ if self.view is not None \
            and ident in self.view.links else []
        found = pane.show_quote(ident, *premises)
        if not found:
            pane.border_subtitle = f"{ident} quotes nothing in this text"

    def on_source_pane_paragraph_quoted(self, event: SourcePane.ParagraphQuoted) -> None:
        self.query_one(ArgumentTree).mark(set(event.idents))
        pane = self.query_one(SourcePane)
        if event.paragraph is None:
            pane.border_subtitle = ""
            return
        who = ", ".join(event.idents[:4]) + (" …" if len(event.idents) > 4 else "")
        pane.border_subtitle = f"{event.paragraph.locator} · quoted by {who or 'no claim'}"

    def on_source_pane_go_to_claim(self, event: SourcePane.GoToClaim) -> None:
        self.goto(event.ident)

    def on_source_pane_claim_from_text(self, event: SourcePane.ClaimFromText) -> None:
        if self.source is None or self.view is None:
            return
        row = self.selected
        target = row.ident if row is not None and row.kind != "group" else None
        about = self.view.summary(target) if target is not None else None
        source_id = self.source.source_id

        def apply(v: dict[str, Any]) -> str | None:
            def edit(data: dict[str, Any]) -> str:
                return add_quoted_claim(data, v, target, source_id)

            return self.run_edit(lambda: self.session.apply("add a claim from the text", edit),
                                 select="result")

        self.push_screen(QuotedClaimForm(apply, event.quote, event.locator, target, about))


def add_quoted_claim(data: dict[str, Any], values: dict[str, Any], target: str | None,
                     source_id: str) -> str:
    """One edit of the map's data: a new claim citing ``source_id`` (quote and locator from
    ``values``), supporting or attacking ``target`` or standing alone; returns its id."""
    relation, text, kind = values["relation"], values["text"], values["kind"]
    link = {"strength": values.get("strength", "moderate"), "warrant": values.get("warrant")}
    if relation == "supports" and target is not None:
        ident = ops.add_reason(data, target, text, kind=kind, **link)
    elif relation == "attacks" and target is not None:
        ident = ops.add_rebuttal(data, target, text, **link)
    else:
        claim = ops.claim_item(text, kind, ops.taken_ids(data))
        data.setdefault("claims", []).append(claim)
        ident = str(claim["id"])
    cite = {"source": source_id, "locator": values.get("locator") or None,
            "quote": values.get("quote") or None}
    ops.update_claim(data, ident, evidence=[{k: v for k, v in cite.items() if v}])
    return ident
