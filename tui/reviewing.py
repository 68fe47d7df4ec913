"""The app's review actions: accept or reject the selected proposal (see `argmap draft`)."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from tui.app import ArgmapApp

    Base = ArgmapApp
else:
    Base = object


class ReviewActions(Base):
    """Mixed into the app: + accepts the proposal under the cursor, - rejects it (u undoes)."""

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
