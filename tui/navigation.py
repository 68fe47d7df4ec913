"""The app's navigation: go to an id, search, the flagged filter, the weakest link, findings."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.suggester import SuggestFromList

from tui.screens.dialogs import PromptScreen
from tui.screens.search import SearchScreen
from tui.widgets.argument_tree import ArgumentTree
from tui.widgets.findings_list import FindingsList

if TYPE_CHECKING:
    from tui.app import ArgmapApp

    Base = ArgmapApp
else:
    Base = object


class NavigationActions(Base):
    """Mixed into the app: moving the tree's cursor to what the user asks for."""

    def goto(self, ident: str) -> bool:
        """Put the tree's cursor on ``ident`` (turning the flagged filter off if it hides it).
        A source id goes to the first claim or link that cites it."""
        tree = self.query_one(ArgumentTree)
        if self.view is not None and ident not in self.view.claims \
                and ident not in self.view.links:
            citing = self.view.citing(ident)
            if citing:
                self.notify(f"Source {ident} is cited by " + ", ".join(citing[:5])
                            + (" …" if len(citing) > 5 else ""), title="Source")
                ident = citing[0]
        if tree.only is not None and ident not in tree.only:
            self.flagged_only = False
            tree.show(self.view) if self.view else None
            self._update_subtitle()
        found = tree.reveal(ident)
        if found:
            tree.focus()
            # the details follow now, not when the tree's message comes round (seconds later
            # while an analysis keeps the interpreter busy)
            self.selected = tree.selected_row
            self.show_detail()
            self.show_source_quote()
        else:
            self.notify(f"No claim or link with id {ident!r}", severity="warning")
        return found

    def action_search(self) -> None:
        if self.view is not None:
            self.push_screen(SearchScreen(self.view), self._goto_answer)

    def action_goto(self) -> None:
        if self.view is None:
            return
        ids = [*self.view.claims, *self.view.links]
        self.push_screen(PromptScreen("Go to id:", suggester=SuggestFromList(ids),
                                      input_id="goto-input"), self._goto_answer)

    def _goto_answer(self, ident: str | None) -> None:
        if ident:
            self.goto(ident)

    def action_toggle_flagged(self) -> None:
        if self.view is None or self.view.analysis is None:
            self.notify("Still analysing the map; try again in a moment.")
            return
        self.flagged_only = not self.flagged_only
        tree = self.query_one(ArgumentTree)
        tree.show(self.view, self.view.flagged() if self.flagged_only else None)
        self._update_subtitle()
        self.notify("Showing only flagged claims and links" if self.flagged_only
                    else "Showing the whole map")

    def action_weakest(self) -> None:
        if self.view is None or self.view.analysis is None:
            self.notify("Still analysing the map; try again in a moment.")
            return
        weakest = self.view.weakest_link()
        if weakest is None:
            self.notify("This map has no links yet.")
            return
        self.goto(weakest)
        names = ", ".join(sorted({f.name for f in self.view.link_flags(weakest)})) or "no flags"
        self.notify(f"Weakest link: {weakest} (strength {self.view.strength(weakest):.2f}; "
                    f"{names}). Its details are on the right.", title="Weakest link")

    def action_next_finding(self, step: int) -> None:
        findings = self.query_one(FindingsList)
        if not findings.findings:
            self.notify("No findings" if self.analysis is not None else "Still analysing…")
            return
        self._finding_index = (self._finding_index + step) % len(findings.findings)
        if self._finding_index < findings.option_count:
            findings.highlighted = self._finding_index
        self.goto(findings.findings[self._finding_index].target)
