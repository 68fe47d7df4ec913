"""The command palette's claim search: type words of a claim (or its id) to go to it."""

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
