"""The findings list: every finding of the map; choosing one jumps to its claim or link."""

from __future__ import annotations

from dataclasses import dataclass
from threading import Lock
from typing import Any, ClassVar
from weakref import WeakKeyDictionary

from textual.binding import Binding, BindingType
from textual.message import Message
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from tui.labels import finding_label
from tui.view import MapView

SEVERITY_ORDER = {"error": 0, "warning": 1, "info": 2}
SHOWN_AT_MOST = 200  # rows in the list (each laid out on the UI thread); `n` walks them all


class FindingsList(OptionList):
    """Findings, errors first; posts :class:`FindingsList.FindingChosen` on enter or click."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("down", "cursor_down", "Next finding", show=False),
        Binding("up", "cursor_up", "Previous finding", show=False),
        Binding("enter", "select", "Go to its claim or link", show=False),
    ]

    @dataclass
    class FindingChosen(Message):
        finding: Any

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.findings: list[Any] = []

    def show(self, view: MapView) -> None:
        """List ``view``'s findings (nothing while the analysis is still running)."""
        highlighted = self.highlighted
        self.findings = by_severity(view.analysis) if view.analysis is not None else []
        self.clear_options()
        shown = self.findings[:SHOWN_AT_MOST]
        self.add_options(Option(finding_label(view, f)) for f in shown)
        if shown:
            self.highlighted = min(highlighted or 0, len(shown) - 1)
        count = f"{len(self.findings)}" if len(shown) == len(self.findings) else (
            f"{len(self.findings)}, the first {len(shown)} listed; n walks them all")
        self.border_title = (f"Findings ({count})" if view.analysis is not None
                             else "Findings (analysing…)")

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.post_message(self.FindingChosen(self.findings[event.option_index]))


def by_severity(analysis: Any) -> list[Any]:
    """The analysis's findings, errors first, then warnings, then the rest, each kept in its
    own order. Computed once per analysis (the app calls this off the UI thread before showing
    an analysis: a 100,000-claim map has about 185,000 findings)."""
    with _ORDERED_LOCK:
        ordered = _ORDERED.get(analysis)
    if ordered is None:
        groups: dict[str, list[Any]] = {severity: [] for severity in SEVERITY_ORDER}
        rest: list[Any] = []
        for finding in analysis.findings:
            groups.get(finding.severity, rest).append(finding)
        ordered = [*groups["error"], *groups["warning"], *groups["info"], *rest]
        with _ORDERED_LOCK:
            _ORDERED[analysis] = ordered
    return ordered


_ORDERED: WeakKeyDictionary[Any, list[Any]] = WeakKeyDictionary()
_ORDERED_LOCK = Lock()
