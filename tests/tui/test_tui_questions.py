"""Critical questions in the explorer: the details list a link's scheme and its questions
answered or open, and A raises an open one as an objection (undoable, saved)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from argmap.io import load_map
from tests.tui.conftest import FIXTURES, SIZE, cursor_id, detail_text, settle, visible_labels
from tui.app import create_app
from tui.screens.answer_form import AnswerForm


@pytest.fixture
def phones(tmp_path: Path) -> Path:
    path = tmp_path / "phones.yaml"
    shutil.copy(FIXTURES / "phones-scheme.yaml", path)
    return path


def details(app) -> str:
    """The details pane's text, without the spaces that pad its lines."""
    return "\n".join(line.rstrip() for line in detail_text(app).splitlines())


def open_findings(app) -> list[str]:
    """The CQ ids of the AM125 findings on the link 'lee' in the app's latest analysis."""
    return [f.message.split("nothing answers ")[1].split(" ")[0]
            for f in app.analysis.findings if f.code == "AM125" and f.target == "lee"]


async def test_a_link_s_details_show_its_scheme_and_each_question_answered_or_open(phones):
    app = create_app(phones)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        app.goto("lee")
        await settle(pilot)
        assert "＋ supports · moderate · expert opinion" in visible_labels(app)[1]  # the tree row
        text = details(app)
        assert "Argument scheme\n  Argument from expert opinion (expert-opinion)" in text
        assert "Critical questions (4 of 6 open; A raises one)" in text
        assert "? CQ1 expertise: How credible is the source as an expert?\n" \
               "    open: nothing in the map answers it" in text
        assert "✓ CQ2 field: Is the source an expert in the field this claim belongs to?\n" \
               "    answered by field-doubt: Dr Lee's research is on sleep rather than " \
               "attention." in text
        assert "    answered: the newsletter quotes Dr Lee's own words" in text
        # the premise's row stands for the link: its details show the link's questions too
        await pilot.press("j")
        await settle(pilot)
        assert cursor_id(app) == "lee-says"
        assert "Argument scheme of the link above (lee)" in details(app)
        assert "? CQ5 consistency: Do other experts agree with the claim?" in details(app)


async def test_A_raises_the_chosen_question_then_u_undoes_and_ctrl_s_saves(phones):
    app = create_app(phones)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert open_findings(app) == ["CQ1", "CQ4", "CQ5", "CQ6"]
        app.goto("lee-says")  # from the premise's row, as from the link's
        await settle(pilot)
        await pilot.press("A")
        assert isinstance(app.screen, AnswerForm)
        await pilot.press("down", "down", "enter")  # CQ1, CQ4, CQ5: chosen, on to the text
        await pilot.press(*"Most attention researchers find no such harm.", "ctrl+s")
        await settle(pilot)
        assert not isinstance(app.screen, AnswerForm)
        new = cursor_id(app)
        attack = app.session.map.links_into("lee")[-1]
        assert (attack.from_, attack.type, attack.answers) == ([new], "attacks", ["CQ5"])
        assert open_findings(app) == ["CQ1", "CQ4", "CQ6"]  # re-analysed: CQ5 is answered
        app.goto("lee")
        await settle(pilot)
        text = details(app)
        assert "Critical questions (3 of 6 open; A raises one)" in text
        assert f"✓ CQ5 consistency: Do other experts agree with the claim?\n    answered by " \
               f"{attack.ident}: Most attention researchers find no such harm." in text
        await pilot.press("u")
        await settle(pilot)
        assert open_findings(app) == ["CQ1", "CQ4", "CQ5", "CQ6"]
        assert "? CQ5 consistency" in details(app)
        await pilot.press("U", "ctrl+s")
        await settle(pilot)
    saved = load_map(phones)
    assert saved.links_into("lee")[-1].answers == ["CQ5"]
    assert "# settled without an attack" in phones.read_text(encoding="utf-8")


async def test_with_one_question_open_the_form_only_asks_for_the_objection(phones):
    text = phones.read_text(encoding="utf-8")
    phones.write_text(text.replace("CQ3: \"the newsletter quotes Dr Lee's own words\"",
                                   "{CQ1: licensed, CQ3: quoted, CQ4: no stake, CQ6: cites data}"
                                   ).replace("answered:  # settled without an attack\n      {",
                                             "answered: {"), encoding="utf-8")
    app = create_app(phones)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        app.goto("lee")
        await settle(pilot)
        assert "Critical questions (1 of 6 open; A raises one)" in details(app)
        await pilot.press("A")
        assert isinstance(app.screen, AnswerForm)
        assert "CQ5 consistency: Do other experts agree with the claim?" in str(
            app.screen.query_one(".question").render())
        await pilot.press(*"Other experts disagree.", "enter")
        await settle(pilot)
        assert app.session.map.links_into("lee")[-1].answers == ["CQ5"]
        assert open_findings(app) == []
        app.goto("lee")
        await settle(pilot)
        assert "Critical questions (0 of 6 open)" in details(app)
        await pilot.press("A")  # nothing left to raise: no form
        await pilot.pause()
        assert not isinstance(app.screen, AnswerForm)


async def test_A_on_a_link_without_a_scheme_says_what_to_select(phones):
    app = create_app(phones)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        app.goto("field-doubt")
        await settle(pilot)
        assert "Argument scheme" not in details(app)
        await pilot.press("A")
        await pilot.pause()
        assert not isinstance(app.screen, AnswerForm) and not app.session.dirty
        assert any("names an argument scheme" in str(n.message)
                   for n in app._notifications)
