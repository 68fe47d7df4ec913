"""The command palette: the app's actions, each with its key, and a search of the claims.

Typing "save" offers Save (ctrl+s); typing words of a claim (or its id) goes to it.
"""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING, cast

from textual.command import DiscoveryHit, Hit, Hits, Provider
from textual.content import Content

if TYPE_CHECKING:
    from tui.app import ArgmapApp

MAX_HITS = 50


class ClaimCommands(Provider):
    """Goes to a claim or link chosen by fuzzy search over its id and text."""

    @property
    def argmap_app(self) -> ArgmapApp:
        return cast("ArgmapApp", self.app)

    async def discover(self) -> Hits:
        view = self.argmap_app.view
        if view is None:
            return
        for root in view.roots[:MAX_HITS]:
            text = f"Go to {root}: {view.summary(root)}"
            yield DiscoveryHit(Content(text), partial(self.argmap_app.goto, root), text=text,
                               help="a conclusion of the map")

    async def search(self, query: str) -> Hits:
        view = self.argmap_app.view
        if view is None:
            return
        matcher = self.matcher(query)
        shown = 0
        for ident in [*view.claims, *view.links]:
            candidate = f"{ident}: {view.summary(ident)}"
            score = matcher.match(candidate)
            if score > 0:
                yield Hit(score, matcher.highlight(candidate), partial(self.argmap_app.goto, ident),
                          text=candidate, help="go to this claim" if ident in view.claims
                          else "go to this link")
                shown += 1
                if shown >= MAX_HITS:
                    return


class AppCommands(Provider):
    """Every action of the app's keys (help, save, export, undo, source text, theme, quit...),
    shown with its key; the list is the app's bindings, so it cannot drift from the keys."""

    def commands(self) -> list[tuple[str, str, str]]:
        """(name with its key, what it does, action) of each command."""
        from tui.app import palette_bindings
        from tui.screens.help import key_text

        found = []
        for binding in palette_bindings():
            keys = key_text(binding.key)
            found.append((f"{binding.description} ({keys})", binding.tooltip or "",
                          binding.action))
        return found

    async def discover(self) -> Hits:
        for name, about, action in self.commands():
            yield DiscoveryHit(name, partial(self.app.run_action, action), help=about)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for name, about, action in self.commands():
            score = matcher.match(f"{name} {about}")
            if score > 0:
                yield Hit(score, matcher.highlight(name), partial(self.app.run_action, action),
                          text=name, help=about)
