"""The app's review actions: accept or reject the selected proposal (see `argmap draft`), and
raise an open critical question of the selected link's argument scheme."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from tui.screens.answer_form import AnswerForm

if TYPE_CHECKING:
    from tui.app import ArgmapApp

    Base = ArgmapApp
else:
    Base = object


class ReviewActions(Base):
    """Mixed into the app: + accepts the proposal under the cursor, - rejects it (u undoes);
    A raises a critical question of the link under the cursor (or above the premise there)."""

    def _proposal(self) -> str | None:
        picked = self._selection()
        if picked is None:
            return None
        if not self.session.is_proposal(picked[1]):
            self.notify(f"The {picked[0]} {picked[1]} is not a proposal: nothing to review.",
                        severity="warning")
            return None
        return picked[1]

    def action_accept_proposal(self) -> None:
        ident = self._proposal()
        if ident is None:
            return
        error = self.run_edit(lambda: self.session.accept(ident), select=ident)
        if error:
            self.notify(error, title="Not accepted", severity="error")
        else:
            self.notify(f"Accepted {ident} (u undoes)", title="Accepted")

    def action_reject_proposal(self) -> None:
        ident = self._proposal()
        if ident is None:
            return
        removed: list[str] = []
        error = self.run_edit(lambda: removed.extend(self.session.reject(ident)))
        if error:
            self.notify(error, title="Not rejected", severity="error")
        else:
            self.notify("Rejected " + ", ".join(removed) + " (u undoes)", title="Rejected")

    def action_answer_question(self) -> None:
        picked = self._selection()
        if picked is None or self.view is None:
            return
        kind, ident = picked
        link = ident if kind == "link" else self._parent_link()
        asked = self.view.questions(link) if link is not None else None
        if link is None or asked is None:
            self.notify("Select a link that names an argument scheme (`scheme:`), or a premise "
                        "under one, to raise one of its critical questions.", severity="warning")
            return
        if not asked.open:
            self.notify(f"Every critical question of {link} is answered already.",
                        title="Nothing open")
            return

        def apply(v: dict[str, Any]) -> str | None:
            question = v.pop("question")
            return self.run_edit(lambda: self.session.answer_question(link, question, **v),
                                 select="result")

        self.push_screen(AnswerForm(apply, link, asked.scheme.short_name, asked.open))
