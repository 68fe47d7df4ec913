"""The app's editing actions: forms for new and changed claims and links, delete, undo, save."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from textual import work

from argmap.edit import ChangedOnDisk
from argmap.errors import ArgmapError
from tui.screens.dialogs import ConfirmScreen
from tui.screens.forms import ClaimForm, LinkForm, NewClaimForm
from tui.widgets.argument_tree import ArgumentTree

if TYPE_CHECKING:
    from tui.app import ArgmapApp

    Base = ArgmapApp
else:
    Base = object


class EditActions(Base):
    """Mixed into the app: every edit goes through the session, then the map is shown again."""

    def run_edit(self, edit: Callable[[], Any], select: str | None = None) -> str | None:
        """Run one session edit; returns the error message when it was refused."""
        try:
            result = edit()
        except ArgmapError as exc:
            return str(exc)
        chosen = result if isinstance(result, str) and select == "result" else select
        self.after_edit(chosen)
        return None

    def after_edit(self, select: str | None) -> None:
        self.refresh_map(select)
        if self.session.dirty:
            self.keep_recovery_copy(self.session.map)
        else:
            self.session.discard_recovery()

    @work(thread=True, exclusive=True, group="recovery", description="recovery copy")
    def keep_recovery_copy(self, amap: Any) -> None:
        """Write the unsaved map beside its file, so a crash loses nothing."""
        if amap is self.session.map:
            try:
                self.session.write_recovery()
            except Exception as exc:  # a failed copy is reported, never fatal
                self.call_from_thread(self.notify, str(exc), title="Recovery copy not written",
                                      severity="warning")

    def _selection(self) -> tuple[str, str] | None:
        """("claim" | "link", id) of the row under the cursor, or None (with a hint)."""
        row = self.query_one(ArgumentTree).selected_row
        if row is None or row.kind == "group" or self.view is None:
            self.notify("Select a claim or a link first.", severity="warning")
            return None
        return ("claim" if row.ident in self.view.claims else "link", row.ident)

    def action_add_reason(self) -> None:
        picked = self._selection()
        if picked is None or self.view is None:
            return
        kind, ident = picked
        target = ident if kind == "claim" else self.view.links[ident].to
        heading = f"New reason supporting: {self.view.summary(target)}"

        def apply(v: dict[str, Any]) -> str | None:
            return self.run_edit(lambda: self.session.add_reason(target, **v), select="result")

        self.push_screen(NewClaimForm(apply, heading, ("premise", "assumption")))

    def action_add_rebuttal(self) -> None:
        picked = self._selection()
        if picked is None or self.view is None:
            return
        kind, target = picked
        what = self.view.summary(target) if kind == "claim" else f"the link {target}"
        heading = f"New rebuttal attacking {what}"

        def apply(v: dict[str, Any]) -> str | None:
            v.pop("kind", None)
            return self.run_edit(lambda: self.session.add_rebuttal(target, **v), select="result")

        self.push_screen(NewClaimForm(apply, heading, ("rebuttal",)))

    def action_add_co_premise(self) -> None:
        picked = self._selection()
        if picked is None:
            return
        kind, ident = picked
        link = ident if kind == "link" else self._parent_link()
        if link is None:
            self.notify("Select a link, or a premise under one, to add a co-premise to it.",
                        severity="warning")
            return

        def apply(v: dict[str, Any]) -> str | None:
            return self.run_edit(lambda: self.session.add_co_premise(link, **v), select="result")

        self.push_screen(NewClaimForm(apply, f"New co-premise of the link {link}",
                                      ("premise", "assumption"), with_link=False))

    def _parent_link(self) -> str | None:
        node = self.query_one(ArgumentTree).cursor_node
        parent = node.parent.data if node is not None and node.parent is not None else None
        return parent.ident if parent is not None and parent.kind == "link" else None

    def action_edit(self) -> None:
        picked = self._selection()
        if picked is None or self.view is None:
            return
        kind, ident = picked

        def apply(changes: dict[str, Any]) -> str | None:
            if not changes:
                return None
            method = self.session.edit_claim if kind == "claim" else self.session.edit_link
            return self.run_edit(lambda: method(ident, **changes), select=ident)

        form = ClaimForm(apply, self.view.claims[ident]) if kind == "claim" else LinkForm(
            apply, self.view.links[ident])
        self.push_screen(form)

    def action_delete(self) -> None:
        picked = self._selection()
        if picked is None or self.view is None:
            return
        kind, ident = picked
        question = (f"Delete the {kind} {ident}?\n“{self.view.summary(ident)}”\n"
                    "Links left without a premise or a target are deleted with it "
                    "(u undoes it).")

        node = self.query_one(ArgumentTree).cursor_node
        above: list[str] = []  # where the cursor goes afterwards: the nearest row that stays
        while node is not None and node.parent is not None:
            node = node.parent
            if node.data is not None:
                above.append(node.data.ident)

        def answer(yes: bool | None) -> None:
            if not yes:
                return
            removed: list[str] = []
            doomed = self._doomed(ident)
            stays = next((a for a in above if a not in doomed), None)
            error = self.run_edit(lambda: removed.extend(self.session.delete(ident)), stays)
            if error:
                self.notify(error, title="Not deleted", severity="error")
            else:
                self.notify("Deleted " + ", ".join(removed), title="Deleted")

        self.push_screen(ConfirmScreen(question, yes="Delete", no="Keep"), answer)

    def _doomed(self, ident: str) -> set[str]:
        """What deleting ``ident`` would remove (the map is left as it is)."""
        try:
            return set(self.session.deletion_preview(ident))
        except ArgmapError:
            return {ident}

    def action_undo(self) -> None:
        self._history(self.session.undo, "Undone")

    def action_redo(self) -> None:
        self._history(self.session.redo, "Redone")

    def _history(self, step: Callable[[], str], title: str) -> None:
        # where the cursor goes: the selected row, or (an undone addition) the nearest row
        # above it that is still in the map
        node = self.query_one(ArgumentTree).cursor_node
        candidates: list[str] = []
        while node is not None and node.data is not None:
            candidates.append(node.data.ident)
            node = node.parent
        try:
            label = step()
        except ArgmapError as exc:
            self.notify(str(exc))
            return
        amap = self.session.map
        kept = {c.id for c in amap.claims} | {lk.ident for lk in amap.links}
        self.after_edit(next((c for c in candidates if c in kept), None))
        self.notify(label, title=title)

    def action_save(self) -> None:
        self.save()

    def save(self, *, force: bool = False, then_quit: bool = False) -> bool:
        """Save the map; on a file changed on disk, ask before overwriting. True when saved."""
        try:
            path = self.session.save(force=force)
        except ChangedOnDisk as exc:
            def answer(overwrite: bool | None) -> None:
                if overwrite and self.save(force=True) and then_quit:
                    self.exit()

            self.push_screen(ConfirmScreen(f"{exc}\nOverwrite it with your version?",
                                           yes="Overwrite", no="Don't save"), answer)
            return False
        except ArgmapError as exc:
            self.notify(str(exc), title="Not saved", severity="error")
            return False
        self._update_subtitle()
        self.notify(f"Saved {path}", title="Saved")
        return True
