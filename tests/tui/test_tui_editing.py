"""Editing from the keyboard: forms, validation shown in the form, delete, undo, save, quit."""

from __future__ import annotations

import os
from pathlib import Path

from textual.widgets import Input, Select, Static

from argmap.edit import recovery_copies, recovery_path
from argmap.io import load_map
from tests.tui.conftest import SIZE, cursor_id, rendered, settle, visible_labels
from tui.app import create_app
from tui.screens.dialogs import ConfirmScreen, QuitScreen
from tui.screens.forms import ClaimForm, LinkForm, NewClaimForm


async def test_add_reason_under_a_claim_then_save(small_map: Path) -> None:
    app = create_app(small_map)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert cursor_id(app) == "start-later"
        await pilot.press("a")
        assert isinstance(app.screen, NewClaimForm)
        await pilot.press(*"Rested pupils miss fewer classes.", "ctrl+s")
        await settle(pilot)
        assert not isinstance(app.screen, NewClaimForm)
        new = cursor_id(app)
        assert app.session.map.claim(new).text == "Rested pupils miss fewer classes."
        assert any("Rested pupils miss fewer classes." in lbl for lbl in visible_labels(app))
        assert "modified" in app.sub_title
        # The new claim is analysed like the others.
        assert app.analysis.map is app.session.map and new in app.analysis.strengths
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert "modified" not in app.sub_title
    saved = load_map(small_map)
    assert saved.claim(new).text == "Rested pupils miss fewer classes."
    assert [lk.from_ for lk in saved.links_into("start-later")][-1] == [new]
    assert "# the biology" in small_map.read_text()  # the author's comments survive


async def test_add_rebuttal_to_a_link_is_an_undercut(small_map: Path) -> None:
    app = create_app(small_map)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        app.goto("l1")
        await pilot.press("r", *"Grades depend on more than sleep.")
        await pilot.press("enter")  # enter in a field applies too
        await settle(pilot)
        new = cursor_id(app)
        link = app.session.map.links_into("l1")[0]
        assert link.from_ == [new] and link.type == "attacks"
        assert app.session.map.claim(new).kind == "rebuttal"


async def test_add_co_premise_from_a_premise_row(small_map: Path) -> None:
    app = create_app(small_map)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        app.goto("teens-sleep-late")
        await pilot.press("p", *"Grades are what the school cares about.", "ctrl+s")
        await settle(pilot)
        assert app.session.map.link("l1").from_[-1] == cursor_id(app)


async def test_edit_claim_fields_and_evidence(small_map: Path) -> None:
    app = create_app(small_map)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        app.goto("sleep-helps-grades")
        await pilot.press("e")
        form = app.screen
        assert isinstance(form, ClaimForm)
        form.query_one("#confidence", Input).value = "0.35"
        form.query_one("#tags", Input).value = "school, grades"
        form.query_one("#kind", Select).value = "assumption"
        form.query_one("#evidence").text = "sleep-study | p. 9 | grades rose"
        await pilot.press("ctrl+s")
        await settle(pilot)
    claim = app.session.map.claim("sleep-helps-grades")
    assert (claim.confidence, claim.tags, claim.kind) == (0.35, ["school", "grades"],
                                                          "assumption")
    assert (claim.evidence[0].locator, claim.evidence[0].quote) == ("p. 9", "grades rose")


async def test_invalid_value_is_shown_in_the_form_and_nothing_changes(small_map: Path) -> None:
    app = create_app(small_map)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        before = app.session.map
        await pilot.press("e")
        form = app.screen
        form.query_one("#confidence", Input).value = "1.7"
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert app.screen is form  # still open, with the reason
        assert "less than or equal to 1" in rendered(form.query_one("#form-error", Static).content)
        form.query_one("#confidence", Input).value = "high"
        await pilot.press("ctrl+s")
        assert "must be a number" in rendered(form.query_one("#form-error", Static).content)
        form.query_one("#evidence").text = "no-such-source | p. 1"
        form.query_one("#confidence", Input).value = ""
        await pilot.press("ctrl+s")
        assert "unknown source 'no-such-source'" in rendered(
            form.query_one("#form-error", Static).content)
        await pilot.press("escape")
        await settle(pilot)
        assert app.session.map is before and not app.session.dirty


async def test_edit_link_strength_and_warrant(small_map: Path) -> None:
    app = create_app(small_map)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        app.goto("cost-objection")
        await pilot.press("e")
        form = app.screen
        assert isinstance(form, LinkForm)
        form.query_one("#strength", Select).value = "weak"
        form.query_one("#warrant", Input).value = "Money decides school policy."
        await pilot.press("ctrl+s")
        await settle(pilot)
        link = app.session.map.link("cost-objection")
        assert (link.strength, link.warrant) == ("weak", "Money decides school policy.")
        assert cursor_id(app) == "cost-objection"
        assert "weak" in str(app.query_one("#tree").cursor_node.label)


async def test_delete_asks_then_undo_and_redo(small_map: Path) -> None:
    app = create_app(small_map)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        app.goto("buses-cost")
        await pilot.press("d")
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("n")  # keep it
        await settle(pilot)
        assert "buses-cost" in [c.id for c in app.session.map.claims]
        await pilot.press("d", "y")
        await settle(pilot)
        ids = [c.id for c in app.session.map.claims]
        assert "buses-cost" not in ids
        assert cursor_id(app) == "start-later"  # the nearest row that is still there
        assert [lk.ident for lk in app.session.map.links] == ["l1"]
        assert not any("Later buses" in lbl for lbl in visible_labels(app))
        await pilot.press("u")
        await settle(pilot)
        assert "buses-cost" in [c.id for c in app.session.map.claims]
        assert not app.session.dirty and "modified" not in app.sub_title
        await pilot.press("U")
        await settle(pilot)
        assert "buses-cost" not in [c.id for c in app.session.map.claims]


async def test_recovery_copy_kept_while_unsaved_and_offered_on_open(small_map: Path) -> None:
    app = create_app(small_map)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("a", *"Later starts cut absences.", "ctrl+s")
        await settle(pilot)
        assert recovery_copies(small_map)
        app.exit()  # leave without the quit question, as a crash would
    assert "Later starts" not in small_map.read_text()

    app = create_app(small_map)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("y")
        await settle(pilot)
        assert app.session.dirty
        assert any(c.text == "Later starts cut absences." for c in app.session.map.claims)


async def test_quit_with_unsaved_changes_asks(small_map: Path) -> None:
    original = small_map.read_text()
    app = create_app(small_map)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("d", "y")
        await settle(pilot)
        await pilot.press("q")
        assert isinstance(app.screen, QuitScreen)
        await pilot.press("escape")  # cancel: still running, still modified
        assert app.is_running and app.session.dirty
        await pilot.press("q", "d")  # discard
        await pilot.pause()
    assert small_map.read_text() == original
    assert not recovery_copies(small_map)


async def test_quit_and_save(small_map: Path) -> None:
    app = create_app(small_map)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("e")
        app.screen.query_one("#text", Input).value = "Schools should start at 9.30 am."
        await pilot.press("ctrl+s")
        await settle(pilot)
        await pilot.press("ctrl+q", "s")
        await pilot.pause()
    assert load_map(small_map).claim("start-later").text == "Schools should start at 9.30 am."


async def test_save_warns_when_the_file_changed_on_disk(small_map: Path) -> None:
    app = create_app(small_map)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        app.goto("buses-cost")
        await pilot.press("d", "y")
        await settle(pilot)
        small_map.write_text(small_map.read_text() + "# someone else's edit\n")
        os.utime(small_map, ns=(1, 1))
        await pilot.press("ctrl+s")
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("n")
        assert small_map.read_text().endswith("# someone else's edit\n")
        assert app.session.dirty
        await pilot.press("ctrl+s", "y")  # overwrite on purpose
        await settle(pilot)
        assert not app.session.dirty
    assert "Later buses" not in small_map.read_text()


async def test_keys_behind_a_dialog_do_not_touch_the_map(small_map: Path) -> None:
    app = create_app(small_map)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("d")
        await pilot.press("a", "u", "x")  # not meant for the map while the question is open
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("escape")
        assert not app.session.dirty and isinstance(app.screen, type(app.screen))


async def test_edits_saved_and_reloaded_give_the_same_map(example_map: Path) -> None:
    app = create_app(example_map)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        app.goto("business-grows")
        await pilot.press("a", *"Shops near car-free streets report more visits.", "ctrl+s")
        await settle(pilot)
        app.goto("toronto-to-business")
        await pilot.press("e")
        app.screen.query_one("#warrant", Input).value = "Toronto's streets resemble ours."
        await pilot.press("ctrl+s")
        await settle(pilot)
        app.goto("different-city")
        await pilot.press("d", "y")
        await settle(pilot)
        await pilot.press("ctrl+s")
        await settle(pilot)
        edited = app.session.map
    assert load_map(example_map).model_dump() == edited.model_dump()
    text = example_map.read_text()
    assert "# Contention 2: business." in text and "# an undercut" not in text


async def test_deleting_a_claim_before_its_what_if_runs_is_quiet(small_map: Path) -> None:
    app = create_app(small_map)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        app.goto("buses-cost")  # starts the what-if timer for this claim
        await pilot.press("d", "y")  # deleted before the timer fires
        await pilot.pause(0.5)
        await settle(pilot)
        assert app.is_running
        assert "buses-cost" not in [c.id for c in app.session.map.claims]
        assert not [n for n in app._notifications if n.severity == "error"]
        assert cursor_id(app) == "start-later"


async def test_a_broken_recovery_copy_is_reported_and_kept(small_map: Path) -> None:
    broken = recovery_path(small_map)
    broken.write_text("title: t\nclaims:\n  - id: a\n    text: \"cut off\n", encoding="utf-8")
    app = create_app(small_map)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("y")  # Restore
        await settle(pilot)
        errors = [n for n in app._notifications if n.severity == "error"]
        assert len(errors) == 1 and errors[0].title == "Not restored"
        assert "invalid YAML" in errors[0].message and "The copy was kept." in errors[0].message
        assert not app.session.dirty
    assert broken.exists()


BLOCK_TEXT_MAP = """title: t
claims:
  - id: a
    kind: conclusion
    text: >
      The gap between the two is
      a chasm.
  - id: b
    text: |
      Line one.
      Line two.
links:
  - {from: b, to: a}
"""


async def test_folded_and_literal_text_round_trip_through_the_edit_form(tmp_path: Path) -> None:
    from textual.widgets import TextArea

    path = tmp_path / "block.yaml"
    path.write_text(BLOCK_TEXT_MAP, encoding="utf-8")
    app = create_app(path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert cursor_id(app) == "a"
        await pilot.press("e")
        await pilot.pause()
        assert app.screen.query_one("#text", Input).value == "The gap between the two is a chasm."
        await pilot.press("end", *" EDITED", "ctrl+s")
        await settle(pilot)
        assert app.session.map.claim("a").text == "The gap between the two is a chasm. EDITED"
        await pilot.press("down")
        await settle(pilot)
        if cursor_id(app) != "b":
            await pilot.press("down")
            await settle(pilot)
        assert cursor_id(app) == "b"
        await pilot.press("e")
        await pilot.pause()
        area = app.screen.query_one("#text", TextArea)
        assert area.text == "Line one.\nLine two."
        area.text = "Line one.\nLine two.\nLine three."
        await pilot.press("ctrl+s")
        await settle(pilot)
        await pilot.press("ctrl+s")
        await settle(pilot)
    saved = load_map(path)
    assert saved.claim("a").text == "The gap between the two is a chasm. EDITED"
    assert saved.claim("b").text == "Line one.\nLine two.\nLine three."
    assert "text: >" in path.read_text() and "text: |" in path.read_text()


async def test_editing_another_field_leaves_folded_text_as_written(tmp_path: Path) -> None:
    path = tmp_path / "block.yaml"
    path.write_text(BLOCK_TEXT_MAP, encoding="utf-8")
    app = create_app(path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("e")
        await pilot.pause()
        app.screen.query_one("#confidence", Input).value = "0.7"
        await pilot.press("ctrl+s")
        await settle(pilot)
        await pilot.press("ctrl+s")
        await settle(pilot)
    assert path.read_text() == BLOCK_TEXT_MAP.replace(
        "      a chasm.\n", "      a chasm.\n    confidence: 0.7\n")
