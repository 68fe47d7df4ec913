"""The footer: the keys of the focused pane, as many as fit, and always Quit.

Textual's footer lists every shown binding in declaration order and cuts what does not fit, so
on a narrow terminal Quit went first. This one takes, for the pane that has focus, a list of
actions in order of use, keeps those that fit the width, and ends with Quit.
"""

from __future__ import annotations

from collections.abc import Mapping

from textual.app import ComposeResult
from textual.binding import Binding
from textual.widget import Widget
from textual.widgets import Footer
from textual.widgets._footer import FooterKey

ALWAYS = "quit"


class PaneFooter(Footer):
    """Shows ``keys[pane id]`` for the focused pane (``keys[""]`` when none matches)."""

    def __init__(self, keys: Mapping[str, tuple[str, ...]], **kwargs: object) -> None:
        super().__init__(**kwargs)  # type: ignore[arg-type]
        self.keys = keys

    def wanted(self) -> tuple[str, ...]:
        """The actions to show, for the focused pane (or the nearest pane holding the focus)."""
        node: Widget | None = self.screen.focused
        while node is not None:
            if node.id in self.keys:
                return self.keys[node.id]
            node = node.parent if isinstance(node.parent, Widget) else None
        return self.keys.get("", ())

    def shown(self) -> list[tuple[Binding, bool, str]]:
        """(binding, enabled, tooltip) of the keys that fit, Quit last; none while a dialog
        is up (its keys are on its buttons, and a letter goes to its fields)."""
        if self.app.screen is not self.screen:
            return []
        by_action: dict[str, tuple[Binding, bool, str]] = {}
        for _, binding, enabled, tooltip in self.screen.active_bindings.values():
            if not binding.description:
                continue
            known = by_action.get(binding.action)  # of two keys for one action, the shorter
            if known is None or len(binding.key) < len(known[0].key):
                by_action[binding.action] = (binding, enabled, tooltip)
        room = self.app.size.width
        last = by_action.get(ALWAYS)
        if last is not None:
            room -= self._width(last[0])
        picked: list[tuple[Binding, bool, str]] = []
        for action in self.wanted():
            found = by_action.get(action)
            if found is None or action == ALWAYS:
                continue
            width = self._width(found[0])
            if width > room:
                break
            room -= width
            picked.append(found)
        return [*picked, last] if last is not None else picked

    def _width(self, binding: Binding) -> int:
        return len(self.app.get_key_display(binding)) + len(binding.description) + 3

    def compose(self) -> ComposeResult:
        if not self._bindings_ready:
            return
        for binding, enabled, tooltip in self.shown():
            yield FooterKey(binding.key, self.app.get_key_display(binding), binding.description,
                            binding.action, disabled=not enabled,
                            tooltip=tooltip or binding.tooltip).data_bind(compact=Footer.compact)

    def on_resize(self) -> None:
        self.call_after_refresh(self.recompose)
