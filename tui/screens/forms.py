"""Edit forms: a new claim under the selection, a claim's fields, a link's fields.

A form gathers the changed values and hands them to an ``apply`` callback (the app's edit);
the callback returns an error message when the edit is refused, and the form stays open showing
it, so a mistake never loses what was typed.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, Select, Static, TextArea

from argmap.model import CLAIM_KINDS, LINK_TYPES, STRENGTHS, Citation, Claim, Link

Apply = Callable[[dict[str, Any]], str | None]


def citations_text(evidence: list[Citation]) -> str:
    """One citation a line: ``source | locator | quote``."""
    return "\n".join(
        " | ".join([c.source, c.locator or "", c.quote or ""]).rstrip(" |") for c in evidence)


def parse_citations(text: str, before: list[Citation]) -> list[dict[str, Any]]:
    """Lines of ``source | locator | quote`` as citation data; unchanged lines keep their note."""
    kept = {(c.source, c.locator or "", c.quote or ""): c for c in before}
    result: list[dict[str, Any]] = []
    for line in text.splitlines():
        if not line.strip():
            continue
        parts = [p.strip() for p in line.split("|", 2)] + ["", ""]
        key = (parts[0], parts[1], parts[2])
        if key in kept:
            result.append(kept[key].model_dump(mode="json", exclude_none=True))
            continue
        cite = {"source": parts[0], "locator": parts[1] or None, "quote": parts[2] or None}
        result.append({k: v for k, v in cite.items() if v is not None})
    return result


def _options(values: tuple[str, ...]) -> list[tuple[str, str]]:
    return [(v, v) for v in values]


class FormScreen(ModalScreen[bool]):
    """Base of the forms: ctrl+s or the button applies (to the map in memory; saving the
    file is the map's own ctrl+s), esc cancels."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+s", "submit", "Apply the edit (the map is saved with ctrl+s afterwards)"),
        Binding("escape", "cancel", "Cancel"),
    ]
    heading = ""
    submit_label = "Apply edit"  # what the button does, in the form's own words

    def __init__(self, apply: Apply) -> None:
        super().__init__()
        self.apply = apply

    def compose(self) -> ComposeResult:
        with VerticalScroll(classes="dialog form") as box:
            # The heading quotes claim text: plain Content, never parsed as markup.
            box.border_title = Content(self.heading)
            yield from self.fields()
            yield Static("", id="form-error")
            with Horizontal(classes="buttons"):
                yield Button(f"{self.submit_label} (ctrl+s)", variant="primary", id="save")
                yield Button("Cancel (esc)", id="cancel")

    def on_mount(self) -> None:
        first = self.query("Input, Select, TextArea, OptionList").first()
        first.focus()
        self.query_one(VerticalScroll).can_focus = False

    def fields(self) -> ComposeResult:
        raise NotImplementedError

    def values(self) -> dict[str, Any]:
        raise NotImplementedError

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "save":
            self.action_submit()
        else:
            self.action_cancel()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.action_submit()

    def action_submit(self) -> None:
        try:
            values = self.values()
        except ValueError as exc:
            self.show_error(str(exc))
            return
        error = self.apply(values)
        if error:
            self.show_error(error)
        else:
            self.dismiss(True)

    def show_error(self, message: str) -> None:
        self.query_one("#form-error", Static).update(Text(message, style="bold red"))

    def action_cancel(self) -> None:
        self.dismiss(False)

    def text_of(self, widget_id: str) -> str:
        return self.query_one(f"#{widget_id}", Input).value.strip()

    def select_of(self, widget_id: str) -> str:
        return str(self.query_one(f"#{widget_id}", Select).value)


class NewClaimForm(FormScreen):
    """A new reason, rebuttal or co-premise: its text, kind, and the new link's strength."""

    submit_label = "Add claim"

    def __init__(self, apply: Apply, heading: str, kinds: tuple[str, ...],
                 with_link: bool = True) -> None:
        super().__init__(apply)
        self.heading, self.kinds, self.with_link = heading, kinds, with_link

    def fields(self) -> ComposeResult:
        yield Label("Claim text (in your own words)")
        yield Input(id="text", placeholder="One sentence")
        yield Label("Kind")
        yield Select(_options(self.kinds), value=self.kinds[0], allow_blank=False, id="kind")
        if self.with_link:
            yield Label("Strength of the inference")
            yield Select(_options(STRENGTHS), value="moderate", allow_blank=False, id="strength")
            yield Label("Warrant: why it bears on the target (optional)")
            yield Input(id="warrant")

    def values(self) -> dict[str, Any]:
        values = {"text": self.text_of("text"), "kind": self.select_of("kind")}
        if self.with_link:
            values["strength"] = self.select_of("strength")
            values["warrant"] = self.text_of("warrant") or None
        return values


class ClaimForm(FormScreen):
    """A claim's text, kind, confidence, tags, evidence and note."""

    def __init__(self, apply: Apply, claim: Claim) -> None:
        super().__init__(apply)
        self.claim = claim
        self.heading = f"Edit claim {claim.id}"

    def fields(self) -> ComposeResult:
        claim = self.claim
        yield Label("Text")
        # YAML block text (`text: >` or `|`) ends in a newline the author never typed: the form
        # shows the text without it; text on several lines is edited on several lines.
        shown = claim.text.strip()
        yield TextArea(shown, id="text") if "\n" in shown else Input(shown, id="text")
        yield Label("Kind")
        yield Select(_options(CLAIM_KINDS), value=claim.kind, allow_blank=False, id="kind")
        yield Label("Confidence, 0 to 1 (blank: the map's default)")
        yield Input("" if claim.confidence is None else f"{claim.confidence:g}", id="confidence")
        yield Label("Tags, comma-separated")
        yield Input(", ".join(claim.tags), id="tags")
        yield Label("Evidence, one a line: source | locator | quote")
        yield TextArea(citations_text(claim.evidence), id="evidence")
        yield Label("Note")
        yield Input(claim.note or "", id="note")

    def values(self) -> dict[str, Any]:
        claim = self.claim
        raw = self.text_of("confidence")
        try:
            confidence = float(raw) if raw else None
        except ValueError:
            raise ValueError(f"confidence must be a number from 0 to 1, not {raw!r}") from None
        tags = [t.strip() for t in self.text_of("tags").split(",") if t.strip()]
        evidence_text = self.query_one("#evidence", TextArea).text
        text_box = self.query_one("#text")
        text = (text_box.text if isinstance(text_box, TextArea) else text_box.value).strip()
        new = {"text": text, "kind": self.select_of("kind"),
               "confidence": confidence, "tags": tags, "note": self.text_of("note") or None}
        old = {"text": claim.text.strip(), "kind": claim.kind, "confidence": claim.confidence,
               "tags": claim.tags, "note": claim.note}
        changes = {k: v for k, v in new.items() if v != old[k]}
        if evidence_text.strip() != citations_text(claim.evidence).strip():
            changes["evidence"] = parse_citations(evidence_text, claim.evidence)
        return changes


class LinkForm(FormScreen):
    """A link's type, strength, warrant and note."""

    def __init__(self, apply: Apply, link: Link) -> None:
        super().__init__(apply)
        self.link = link
        self.heading = f"Edit link {link.ident}"

    def fields(self) -> ComposeResult:
        link = self.link
        yield Label("Type")
        yield Select(_options(LINK_TYPES), value=link.type, allow_blank=False, id="type")
        yield Label("Strength of the inference")
        yield Select(_options(STRENGTHS), value=link.strength, allow_blank=False, id="strength")
        yield Label("Warrant: why the premises would make the target true")
        yield Input(link.warrant or "", id="warrant")
        yield Label("Note")
        yield Input(link.note or "", id="note")

    def values(self) -> dict[str, Any]:
        link = self.link
        new = {"type": self.select_of("type"), "strength": self.select_of("strength"),
               "warrant": self.text_of("warrant") or None, "note": self.text_of("note") or None}
        old = {"type": link.type, "strength": link.strength, "warrant": link.warrant,
               "note": link.note}
        return {k: v for k, v in new.items() if v != old[k]}
