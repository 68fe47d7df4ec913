"""Search across claim text, evidence and ids; results listed as you type."""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Label, OptionList
from textual.widgets.option_list import Option

from argmap.render.terminal import terminal_safe
from tui.view import MapView


class SearchScreen(ModalScreen[str | None]):
    """Type to search; enter or a click goes to the highlighted result (its id is returned)."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel"),
        Binding("down", "move(1)", "Next result", show=False),
        Binding("up", "move(-1)", "Previous result", show=False),
    ]

    def __init__(self, view: MapView, query: str = "") -> None:
        super().__init__()
        self.view, self.query_text = view, query

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog search"):
            yield Label("Search claim text, warrants, evidence and ids:")
            yield Input(self.query_text, placeholder="words to find", id="search-input")
            yield OptionList(id="search-results")

    def on_mount(self) -> None:
        self._refresh(self.query_text)

    def on_input_changed(self, event: Input.Changed) -> None:
        self._refresh(event.value)

    def _refresh(self, query: str) -> None:
        results = self.query_one("#search-results", OptionList)
        results.clear_options()
        for ident in self.view.search(query):
            label = Text(f"{ident}: ", style="bold")
            label.append(terminal_safe(self.view.summary(ident), newlines=False))
            results.add_option(Option(label, id=ident))
        if results.option_count:
            results.highlighted = 0
        results.border_title = f"{results.option_count} found" if query.strip() else ""

    def action_move(self, step: int) -> None:
        results = self.query_one("#search-results", OptionList)
        if results.option_count:
            current = results.highlighted or 0
            results.highlighted = max(0, min(results.option_count - 1, current + step))

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        results = self.query_one("#search-results", OptionList)
        if results.highlighted is None:
            self.notify("Nothing found", severity="warning")
            return
        self.dismiss(results.get_option_at_index(results.highlighted).id)

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(event.option.id)

    def action_cancel(self) -> None:
        self.dismiss(None)
