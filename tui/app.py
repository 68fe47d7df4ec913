"""The argmap explorer and editor: a Textual app over an :class:`argmap.edit.EditSession`.

The app owns the session and the latest analysis; the widgets get what to show through method
calls and tell the app what the user did through messages. Analysis, what-if and exports run in
thread workers so the screen stays responsive on large maps; a large map's analysis runs in a
child process (:mod:`tui.analysing`), so it does not hold the GIL the UI thread needs.
"""

from __future__ import annotations

import gc
import os
from collections.abc import Mapping
from pathlib import Path
from typing import Any, ClassVar

from textual import events, work
from textual.app import App, ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal
from textual.screen import ModalScreen
from textual.widgets import Header
from textual.worker import get_current_worker

from argmap.edit import EditSession
from argmap.perf import keep_out_of_collections, release_collections
from argmap.render.terminal import terminal_safe
from tui.analysing import AnalysisFailed, analyse_off_ui, strengths_without
from tui.commands import AppCommands, ClaimCommands
from tui.editing import EditActions
from tui.exporting import ExportActions
from tui.navigation import NavigationActions
from tui.reading import ReadingActions, SourceChoice
from tui.reviewing import ReviewActions
from tui.screens.dialogs import ConfirmScreen
from tui.screens.help import HelpScreen
from tui.screens.search import SearchScreen
from tui.view import MapView, Row
from tui.widgets.argument_tree import ArgumentTree
from tui.widgets.detail import DetailPane
from tui.widgets.findings_list import FindingsList, by_severity
from tui.widgets.pane_footer import PaneFooter
from tui.widgets.source_pane import SourcePane

WHAT_IF_DELAY = 0.25  # seconds the cursor rests on a claim before its what-if is computed
NARROW = 120  # columns: below, the details go under the tree

# The footer's keys for each pane, most used first (as many as fit; Quit always ends it).
FOOTER_KEYS = {
    "tree": ("help", "add_reason", "add_rebuttal", "edit", "undo", "toggle_flagged", "weakest",
             "search", "toggle_source", "save", "export_selection", "command_palette"),
    "detail": ("help", "edit", "undo", "search", "toggle_source", "save", "command_palette"),
    "findings": ("help", "next_finding(1)", "toggle_flagged", "weakest", "search", "save",
                 "export_report", "command_palette"),
    "source": ("help", "claim_from_selection", "go_to_quoting", "toggle_source", "undo", "save",
               "command_palette"),
    "": ("help", "search", "save", "command_palette"),
}


class ArgmapApp(NavigationActions, EditActions, ReviewActions, ExportActions, ReadingActions,
                App[None]):
    """Explore a map as a tree, read each claim's evidence and findings, edit, save, export."""

    CSS_PATH = "argmap.tcss"
    # The palette: the app's commands with their keys, then claims. Textual's own commands
    # are left out (its screenshot went to ~/Downloads and failed; the app saves one beside
    # the map, and its theme and quit commands are among the app's).
    COMMANDS: ClassVar = {AppCommands, ClaimCommands}
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("question_mark", "help", "Help", tooltip="Every key, by part of the screen"),
        Binding("slash", "search", "Search", tooltip="Claim text, warrants, evidence and ids"),
        Binding("g", "goto", "Go to id", show=False,
                tooltip="Type an id (completed as you type)"),
        Binding("f", "toggle_flagged", "Flagged",
                tooltip="Show only flagged claims and links (again: all)"),
        Binding("w", "weakest", "Weakest", tooltip="Go to the weakest flagged link"),
        Binding("n", "next_finding(1)", "Next finding", show=False,
                tooltip="Go to the next finding's claim or link"),
        Binding("N", "next_finding(-1)", "Previous finding", show=False),
        Binding("a", "add_reason", "Reason",
                tooltip="Add a reason supporting the selected claim"),
        Binding("r", "add_rebuttal", "Rebuttal",
                tooltip="Add a rebuttal attacking the selection (a link: undercut)"),
        Binding("p", "add_co_premise", "Co-premise", show=False,
                tooltip="Add a premise to the selected link (linked argument)"),
        Binding("A", "answer_question", "Critical question", show=False,
                tooltip="Raise an open critical question of the selected link's argument "
                        "scheme: an objection that answers it"),
        Binding("e", "edit", "Edit", tooltip="Edit the selected claim or link"),
        Binding("d,delete", "delete", "Delete", show=False,
                tooltip="Delete the selection (asks first)"),
        Binding("plus", "accept_proposal", "Accept", show=False,
                tooltip="Accept the selected proposal (from `argmap draft`)"),
        Binding("minus", "reject_proposal", "Reject", show=False,
                tooltip="Reject the selected proposal: delete it"),
        Binding("u,ctrl+z", "undo", "Undo", tooltip="Undo the last edit"),
        Binding("U,ctrl+y", "redo", "Redo", show=False, tooltip="Redo what was undone"),
        Binding("ctrl+s", "save", "Save", tooltip="Save the map file, keeping its comments"),
        Binding("x", "export_selection", "Export",
                tooltip="Diagram of the selection (SVG, PNG, PDF)"),
        Binding("X", "export_map", "Export map", show=False, tooltip="Diagram of the whole map"),
        Binding("m", "export_report", "Report", show=False,
                tooltip="Write the audit report (Markdown)"),
        Binding("t", "toggle_source", "Source text",
                tooltip="Show or hide the text under review beside the map"),
        Binding("S", "screenshot_beside_map", "Screenshot", show=False,
                tooltip="Save an SVG picture of the screen beside the map"),
        Binding("T", "change_theme", "Theme", show=False, tooltip="Choose the colours"),
        Binding("ctrl+p", "command_palette", "Palette", show=False,
                tooltip="Every command with its key; or type words of a claim to go to it"),
        Binding("tab", "focus_next", "Next pane", show=False,
                tooltip="Tree, text, details, findings in turn"),
        Binding("q", "quit", "Quit", tooltip="Asks first when there are unsaved changes"),
    ]

    def __init__(self, session: EditSession, source: SourceChoice | None = None) -> None:
        super().__init__()
        self.session = session
        self.source = source  # the text under review, when there is one
        self.analysis: Any = None  # the analysis of session.map, once its worker is done
        self.view: MapView | None = None
        self.flagged_only = False
        self.selected: Row | None = None
        self.what_if: dict[str, Mapping[str, float]] = {}  # claim -> strengths without it
        self._finding_index = -1
        self._what_if_timer: Any = None

    def notify(self, message: str, *, title: str = "", severity: Any = "information",
               timeout: float | None = None, markup: bool = False) -> None:
        """A notification; its text is shown literally (ids and claim text are not markup)."""
        message = terminal_safe(message)
        super().notify(message, title=title, severity=severity, timeout=timeout, markup=markup)

    def compose(self) -> ComposeResult:
        yield Header()
        with Horizontal(id="main"):
            yield ArgumentTree(id="tree")
            yield SourcePane(id="source")
            with Horizontal(id="side"):
                yield DetailPane(id="detail")
                yield FindingsList(id="findings")
        yield PaneFooter(FOOTER_KEYS)

    def on_mount(self) -> None:
        self.title = terminal_safe(self.session.map.title, newlines=False)
        self.query_one(FindingsList).border_title = "Findings"
        self.query_one(DetailPane).border_title = "Details"
        self.query_one(ArgumentTree).border_title = "Map"
        self.query_one(SourcePane).border_title = "Source text"
        self.query_one(SourcePane).display = False
        self.fit_layout()
        self.refresh_map()
        self.query_one(ArgumentTree).focus()
        others = self.session.others_editing()
        if others:
            self.notify(f"Another session has unsaved edits of this map (kept in {others[0]}); "
                        "saving here may overwrite them.", title="Open elsewhere",
                        severity="warning")
        offered = self.session.offered_copy()
        if offered is not None:
            self.push_screen(ConfirmScreen(
                f"Unsaved edits from an earlier session were kept in {offered}. "
                "Restore them? (No deletes that copy.)", yes="Restore", no="No"),
                lambda restore: self._recovery_answer(restore, offered))

    def on_resize(self, event: events.Resize) -> None:
        # The event's size: this handler runs before Textual's own stores it in self.size.
        self.fit_layout(event.size.width)

    def fit_layout(self, width: int | None = None) -> None:
        """Below NARROW columns the panes stack: the details go under the tree."""
        width = self.size.width if width is None else width
        self.query_one("#main").set_class(width < NARROW, "-narrow")

    def _recovery_answer(self, restore: bool | None, offered: Path) -> None:
        if restore:
            error = self.run_edit(lambda: self.session.restore_recovery(offered))
            if error:  # the copy stays where it is, for the user to mend or delete
                self.notify(f"{error}\nThe copy was kept.", title="Not restored",
                            severity="error")
        else:
            self.session.discard_offered(offered)

    # Showing the map.
    def refresh_map(self, select: str | None = None) -> None:
        """Show the session's current map (analysis pending) and start analysing it."""
        amap = self.session.map
        analysis = self.analysis if self.analysis is not None and self.analysis.map is amap \
            else None
        self.analysis = analysis
        # Most edits let the tree's layout be worked out from the one shown (tui.view_edit);
        # one that kept it whole (a text, a strength) shares it, and the rows stay as they are.
        shown = self.view
        kept = shown.edited(amap) if shown is not None else None
        self.view = (kept.analysed(analysis) if analysis is not None else kept) if kept \
            else MapView(amap, analysis)
        same_rows = kept is not None and shown is not None and kept.home is shown.home
        self.what_if = {}
        if self._what_if_timer is not None:  # it was for a claim of the previous map
            self._what_if_timer.stop()
            self._what_if_timer = None
        self._show_view(same_rows=same_rows)
        if select is not None:
            self.goto(select)
        self._update_subtitle()
        if analysis is None:
            self.query_one(FindingsList).border_title = "Findings (analysing…)"
            self.analyse_map(amap, pristine=not self.session.dirty)

    def _show_view(self, same_rows: bool = False) -> None:
        """Show ``self.view``; ``same_rows``: its tree has the rows of the one shown (an edit of
        a text or a strength), so only their labels are redrawn."""
        assert self.view is not None
        only = self.view.flagged() if self.flagged_only and self.view.analysis else None
        tree = self.query_one(ArgumentTree)
        if same_rows and only is None and tree.only is None:
            tree.relabel(self.view)
        else:
            tree.show(self.view, only)
        self.selected = tree.selected_row  # the details follow the cursor at once
        self.query_one(FindingsList).show(self.view)
        self.show_detail()
        self.show_source_marks()

    def _update_subtitle(self) -> None:
        parts = []
        if self.session.dirty:
            parts.append("● modified")
        if self.flagged_only:
            parts.append("flagged only")
        parts.append(display_path(self.session.path) if self.session.path else "unsaved map")
        self.sub_title = " · ".join(parts)

    @work(thread=True, exclusive=True, group="analysis", description="analysis")
    def analyse_map(self, amap: Any, pristine: bool = False) -> None:
        """Findings and strengths of ``amap``, off the UI thread (a large map in a child
        process); a result overtaken by an edit is dropped unseen."""
        worker = get_current_worker()
        try:
            given = self.source.given if self.source is not None else None
            result = analyse_off_ui(amap, pristine=pristine, source_texts=given,
                                    cancelled=lambda: worker.is_cancelled)
        except AnalysisFailed as exc:
            self.call_from_thread(self.notify, str(exc), title="Analysis failed",
                                  severity="error")
            return
        if result is None or worker.is_cancelled:
            return
        # What the keys and the findings panel need, worked out here rather than on the UI.
        shown = self.view
        view = shown.analysed(result) if shown is not None and shown.map is amap \
            else MapView(amap, result)
        view.prepare()
        by_severity(result)
        self.call_from_thread(self._analysed, amap, view)

    def _analysed(self, amap: Any, view: MapView) -> None:
        if amap is not self.session.map:
            return  # an edit came in meanwhile; its own analysis is on the way
        self.analysis = view.analysis
        self.view = view
        tree = self.query_one(ArgumentTree)
        if self.flagged_only:
            tree.show(self.view, self.view.flagged())
        else:
            tree.relabel(self.view)
        self.query_one(FindingsList).show(self.view)
        self.show_detail()
        # Not frozen here (only the map is, at start): frozen objects that later become cyclic
        # garbage, like the rows of a rebuilt tree, would never be collected while the app runs.

    def show_detail(self) -> None:
        row = self.selected
        known = self.what_if.get(row.ident) if row is not None else None
        panes = self.query(DetailPane)
        if not panes:
            return  # the app is closing
        via = self._parent_link() if row is not None and row.kind == "claim" else None
        panes.first().show(self.view, row, known, via)
        if row is not None and self.view is not None and row.ident in self.view.claims \
                and row.ident not in self.what_if and self.view.analysis is not None:
            if self._what_if_timer is not None:
                self._what_if_timer.stop()
            self._what_if_timer = self.set_timer(
                WHAT_IF_DELAY, lambda: self.compute_what_if(self.analysis, row.ident))

    @work(thread=True, exclusive=True, group="what-if", description="what-if")
    def compute_what_if(self, analysis: Any, claim: str) -> None:
        """Strengths with ``claim`` removed, for the detail pane."""
        if analysis is None or analysis is not self.analysis \
                or analysis.map is not self.session.map or claim not in analysis.strengths:
            return  # an edit came in meanwhile, or the claim was deleted: nothing to show
        try:
            result = strengths_without(analysis, claim)
        except Exception as exc:  # the pane says so; the editor stays up
            self.call_from_thread(self.notify, f"What-if failed: {exc}", severity="error")
            return
        self.call_from_thread(self._what_if_done, analysis.map, claim, result)

    def _what_if_done(self, amap: Any, claim: str, result: Mapping[str, float]) -> None:
        if amap is self.session.map:
            self.what_if[claim] = result
            if self.selected is not None and self.selected.ident == claim:
                self.show_detail()

    # Messages from the widgets.
    def on_argument_tree_row_highlighted(self, event: ArgumentTree.RowHighlighted) -> None:
        if event.row is not self.selected:
            self.selected = event.row
            self.show_detail()
        self.show_source_quote()

    def on_findings_list_finding_chosen(self, event: FindingsList.FindingChosen) -> None:
        self.goto(event.finding.target)

    def action_help(self) -> None:
        self.push_screen(HelpScreen(help_sections()))

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        # Behind a dialog only quitting works; keys meant for the map must not act on it.
        if isinstance(self.screen, ModalScreen) and action in MAP_ACTIONS:
            return False
        return True

    def on_unmount(self) -> None:
        from tui.analysing import end_children

        self.workers.cancel_group(self, "analysis")
        end_children()  # no analysing process outlives the app
        self.session.close()  # a copy of unsaved edits is kept, and offered on next open
        # The app is done with its map: everything is collectable again (a program that goes
        # on after the app, or a test suite, does not keep it for good).
        release_collections()

    # Quitting.
    async def action_quit(self) -> None:
        if not self.session.dirty:
            self.session.discard_recovery()
            self.exit()
            return
        from tui.screens.dialogs import QuitScreen

        self.push_screen(QuitScreen(), self._quit_answer)

    def _quit_answer(self, answer: str | None) -> None:
        if answer == "save":
            if self.save(then_quit=True):
                self.exit()
        elif answer == "discard":
            self.session.discard_recovery()
            self.exit()


MAP_ACTIONS = {
    b.action.split("(")[0] for b in ArgmapApp.BINDINGS if isinstance(b, Binding)
} - {"quit", "focus_next", "change_theme", "screenshot_beside_map"}


def palette_bindings() -> list[Binding]:
    """The commands of the palette: the app's keys and the source pane's, in that order."""
    from tui.screens.help import bindings_of

    skip = {"command_palette", "focus_next"}
    return [b for b in [*bindings_of(ArgmapApp), *bindings_of(SourcePane)]
            if b.action not in skip]


def help_sections() -> list[tuple[str, type]]:
    """What the help screen lists: each part of the UI and the class that declares its keys."""
    from tui.screens.dialogs import ConfirmScreen, QuitScreen
    from tui.screens.forms import FormScreen

    return [("Map", ArgmapApp), ("Tree", ArgumentTree), ("Source text", SourcePane),
            ("Findings list", FindingsList), ("Search", SearchScreen), ("Edit forms", FormScreen),
            ("Yes/no questions", ConfirmScreen),
            ("Quitting with unsaved changes", QuitScreen)]


def display_path(path: Path) -> str:
    """``path`` relative to the working folder when it is inside it."""
    try:
        return str(path.resolve().relative_to(Path.cwd()))
    except ValueError:
        return str(path)


def create_app(path: str | os.PathLike[str],
               source_text: str | os.PathLike[str] | None = None) -> ArgmapApp:
    """The app over the map file at ``path``; ``source_text``: the text under review when the
    map names none (else its subject's `text:` file is shown). Raises MapLoadError (or
    UsageError for a source text that cannot be used) before any UI starts."""
    from tui.reading import choose_source

    gc.collect()  # what earlier work left behind goes now, not frozen for good below
    session = EditSession.open(path)
    source = choose_source(session.map, source_text)
    keep_out_of_collections()
    return ArgmapApp(session, source)
