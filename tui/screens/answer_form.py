"""The form that raises an open critical question of a link: which question, and the objection.

The objection becomes a rebuttal undercutting the link, its attack saying ``answers: CQn``
(:meth:`argmap.edit.EditSession.answer_question`).
"""

from __future__ import annotations

from typing import Any

from rich.text import Text
from textual.app import ComposeResult
from textual.widgets import Input, Label, OptionList, Static
from textual.widgets.option_list import Option

from argmap.analysis.schemes import Question
from tui.screens.forms import Apply, FormScreen


def question_text(q: Question) -> Text:
    """``CQ1 expertise: How credible is the source as an expert?`` (the label in bold)."""
    return Text(f"{q.id} ").append(q.label, style="bold").append(f": {q.ask}")


class AnswerForm(FormScreen):
    """Which of the link's open questions (a list when there are several), and the objection
    that raises it, in the user's words."""

    submit_label = "Add objection"

    def __init__(self, apply: Apply, link: str, scheme: str, questions: list[Question]) -> None:
        super().__init__(apply)
        self.questions = questions
        self.heading = f"Raise a critical question of {link} (argument from {scheme})"

    def fields(self) -> ComposeResult:
        if len(self.questions) > 1:
            yield Label("Which open question does the objection raise? (↑/↓, then tab)")
            yield OptionList(*(Option(question_text(q), id=q.id) for q in self.questions),
                             id="question")
        else:
            yield Label("The open question")
            yield Static(question_text(self.questions[0]), classes="question")
        yield Label("The objection, as a claim in your own words")
        yield Input(id="text", placeholder="One sentence: why the answer may be no")

    def on_mount(self) -> None:  # (the form's own on_mount focuses the list, the first field)
        chooser = self.query(OptionList)
        if chooser:
            chooser.first().highlighted = 0

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.query_one("#text", Input).focus()  # enter on a question moves on to the text

    def values(self) -> dict[str, Any]:
        chooser = self.query(OptionList)
        picked = chooser.first().highlighted_option if chooser else None
        question = picked.id if picked is not None else self.questions[0].id
        return {"question": question, "text": self.text_of("text")}
