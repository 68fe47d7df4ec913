"""The form for a claim made from words selected in the source text: the quote and its
locator come filled in; the user states the claim and says how it bears on the selection."""

from __future__ import annotations

from typing import Any

from textual.app import ComposeResult
from textual.widgets import Input, Label, Select

from argmap.model import STRENGTHS
from tui.screens.forms import Apply, FormScreen, _options

RELATIONS = (("supports", "Supports the selected claim"),
             ("attacks", "Attacks the selected claim"),
             ("alone", "Stands alone (link it later)"))


class QuotedClaimForm(FormScreen):
    """A new claim citing the text under review."""

    submit_label = "Add claim"

    def __init__(self, apply: Apply, quote: str, locator: str, target: str | None,
                 about: str | None) -> None:
        super().__init__(apply)
        self.quote, self.locator, self.target = quote, locator, target
        self.heading = "New claim from the text" + (f" · selected: {about}" if about else "")

    def fields(self) -> ComposeResult:
        yield Label("Claim text (in your own words; it starts as the quote)")
        yield Input(self.quote, id="text")
        yield Label("How it bears on the selected claim")
        relations = RELATIONS if self.target is not None else RELATIONS[2:]
        yield Select([(label, value) for value, label in relations], value=relations[0][0],
                     allow_blank=False, id="relation")
        yield Label("Kind")
        yield Select(_options(("premise", "assumption", "rebuttal", "conclusion")),
                     value="premise", allow_blank=False, id="kind")
        yield Label("Strength of the inference")
        yield Select(_options(STRENGTHS), value="moderate", allow_blank=False, id="strength")
        yield Label("Quote (verbatim, short)")
        yield Input(self.quote, id="quote")
        yield Label("Locator")
        yield Input(self.locator, id="locator")

    def values(self) -> dict[str, Any]:
        relation = self.select_of("relation")
        kind = self.select_of("kind")
        if relation == "attacks":
            kind = "rebuttal"
        return {"text": self.text_of("text"), "relation": relation, "kind": kind,
                "strength": self.select_of("strength"), "quote": self.text_of("quote"),
                "locator": self.text_of("locator")}
