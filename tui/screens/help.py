"""The help screen: every key, generated from the bindings the app and its widgets declare."""

from __future__ import annotations

from collections.abc import Iterable
from typing import ClassVar

from rich.console import Group
from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

KEY_NAMES = {"question_mark": "?", "slash": "/", "ctrl+": "ctrl+", "escape": "esc",
             "delete": "del", "space": "space", "enter": "enter", "home": "home", "end": "end",
             "plus": "+", "minus": "-"}


def key_text(key: str) -> str:
    """Binding keys as a user types them: ``question_mark`` -> ``?``, ``j,down`` -> ``j / down``."""
    return " / ".join(KEY_NAMES.get(k.strip(), k.strip()) for k in key.split(","))


def bindings_of(cls: type) -> list[Binding]:
    """The bindings with a description that ``cls`` and its bases in the app declare, nearest
    class first, in the app's own words (Textual's generic ones, "Scroll Home" and the like,
    are left out: each pane declares the keys it means, with its words). A binding whose keys
    are all taken by a nearer class is left out (it never fires)."""
    found: list[Binding] = []
    taken: set[str] = set()
    for klass in cls.__mro__:
        ours = klass.__module__.split(".")[0] == "tui"
        for item in klass.__dict__.get("BINDINGS", []):
            binding = item if isinstance(item, Binding) else Binding(*item)
            keys = {k.strip() for k in binding.key.split(",")}
            if ours and binding.description and not binding.system and not keys <= taken:
                found.append(binding)
            taken |= keys
    return found


def help_table(sections: Iterable[tuple[str, type]]) -> Group:
    """One titled table of keys per section."""
    parts: list[Text | Table] = []
    for title, cls in sections:
        table = Table.grid(padding=(0, 2))
        table.add_column(style="bold cyan", no_wrap=True, min_width=14)
        table.add_column()
        for binding in bindings_of(cls):
            text = Text(binding.description)
            if binding.tooltip:
                text.append(f" — {binding.tooltip}", style="dim")
            table.add_row(key_text(binding.key), text)
        parts += [Text(title, style="bold underline"), table, Text()]
    return Group(*parts)


class HelpScreen(ModalScreen[None]):
    """Lists every key of the sections given (title, class declaring BINDINGS)."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,q,question_mark", "dismiss", "Close help"),
    ]

    def __init__(self, sections: list[tuple[str, type]]) -> None:
        super().__init__()
        self.sections = sections

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="help-box") as box:
            box.border_title = "Keys (esc closes)"
            yield Static(help_table(self.sections), id="help-body")
