"""The source pane: the text under review beside the map, its quotes marked, claims made from it."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Input

from argmap.io import load_map
from tests.tui.conftest import SIZE, cursor_id, detail_text, settle, tree_of
from tui.app import create_app
from tui.screens.quoted_claim import QuotedClaimForm
from tui.widgets.source_pane import SourcePane


def pane_of(app) -> SourcePane:
    return app.query_one(SourcePane)


async def test_t_shows_the_text_scrolled_to_the_selected_claims_quote(example_map: Path) -> None:
    app = create_app(example_map)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        pane = pane_of(app)
        assert not pane.display
        app.goto("pontevedra-cut")
        await pilot.press("t")
        await pilot.pause()
        assert pane.display and pane.has_focus
        assert "Our downtown is choking" in pane.text
        # The claim's quote is the highlighted passage and the cursor sits at its start.
        [current] = pane.current
        quoted = pane.text[current.start:current.end]
        claim = app.session.map.claim("pontevedra-cut")
        assert quoted.casefold() == claim.evidence[0].quote.casefold()
        assert pane.offset(pane.cursor_location) == current.start
        row, _ = pane.cursor_location
        assert pane.scroll_offset.y <= row < pane.scroll_offset.y + pane.size.height
        # Another claim selected in the tree: the text follows.
        app.goto("walkers-spend-more")
        await pilot.pause()
        assert [p.ident for p in pane.current] == ["walkers-spend-more"]
        # t again hides it.
        await pilot.press("t")
        assert not pane.display


async def test_moving_through_the_text_marks_the_claims_quoting_that_paragraph(
        example_map: Path) -> None:
    app = create_app(example_map)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("t")
        pane = pane_of(app)
        third = pane.paras[2]  # "Second, business will not suffer" (the Toronto study)
        pane.move_cursor(pane.location(third.start))
        await pilot.pause()
        marked = tree_of(app).marked
        assert "walkers-spend-more" in marked
        assert "no2-over-limit" not in marked
        assert "para 3 · quoted by walkers-spend-more" in str(pane.border_subtitle)
        # enter goes to the claim quoting it, and its details follow.
        await pilot.press("enter")
        await pilot.pause()
        assert cursor_id(app) == "walkers-spend-more"
        assert "Toronto" in detail_text(app) or "walk" in detail_text(app).lower()


async def test_selected_words_become_a_claim_with_quote_and_locator(example_map: Path) -> None:
    app = create_app(example_map)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        app.goto("ban-cars-downtown")
        await pilot.press("t")
        pane = pane_of(app)
        words = "slower than a bicycle"
        start = pane.text.index(words)
        pane.select_span(start, start + len(words))
        await pilot.press("c")
        await pilot.pause()
        form = app.screen
        assert isinstance(form, QuotedClaimForm)
        assert form.query_one("#quote", Input).value == words
        assert form.query_one("#locator", Input).value == "para 1"
        text = form.query_one("#text", Input)
        text.value = "Downtown traffic is slower than cycling."
        await pilot.press("ctrl+s")
        await settle(pilot)
        new = cursor_id(app)
        claim = app.session.map.claim(new)
        assert claim.text == "Downtown traffic is slower than cycling."
        assert [(e.source, e.locator, e.quote) for e in claim.evidence] == [
            ("op-ed", "para 1", words)]
        link = app.session.map.links_into("ban-cars-downtown")[-1]
        assert link.from_ == [new] and link.type == "supports"
        assert "Downtown traffic is slower than cycling." in detail_text(app)
        # The new quote is marked in the text at once.
        assert new in {p.ident for p in pane.passages}
        # One undo takes the whole claim back.
        await pilot.press("u")
        await settle(pilot)
        assert new not in {c.id for c in app.session.map.claims}
        await pilot.press("ctrl+s")
        await settle(pilot)
    assert new not in {c.id for c in load_map(example_map).claims}


async def test_c_without_a_selection_says_what_to_do(example_map: Path) -> None:
    app = create_app(example_map)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("t", "c")
        await pilot.pause()
        assert not isinstance(app.screen, QuotedClaimForm)
        assert any("Select the words" in str(n.message) for n in app._notifications)


async def test_a_map_without_a_text_says_how_to_give_one(small_map: Path) -> None:
    app = create_app(small_map)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("t")
        await pilot.pause()
        assert not pane_of(app).display
        assert any("--source-text" in str(n.message) for n in app._notifications)


async def test_source_text_given_on_the_command_line(tmp_path: Path, example_map: Path) -> None:
    text = tmp_path / "draft.txt"
    text.write_text("Cars Downtown\n\nA ban on private cars in the twelve blocks around the "
                    "square would help.\n")
    app = create_app(example_map, text)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("t")
        pane = pane_of(app)
        assert pane.source_id == "op-ed" and pane.text.startswith("Cars Downtown")
        assert [p.ident for p in pane.passages] == ["ban-cars-downtown"]
        # The quote checks (AM112) read the same text: the quotes not in it are findings.
        missing = {f.target for f in app.analysis.findings if f.code == "AM112"}
        assert "no2-over-limit" in missing and "ban-cars-downtown" not in missing


def test_a_source_text_that_cannot_be_used_stops_before_the_ui(tmp_path: Path,
                                                               small_map: Path) -> None:
    import pytest

    from argmap.errors import UsageError

    with pytest.raises(UsageError, match="no `subject`"):
        create_app(small_map, tmp_path / "essay.txt")
    with pytest.raises(UsageError, match="does not exist"):
        create_app(small_map, f"sleep-study={tmp_path / 'missing.txt'}")


async def test_source_text_named_by_source_id(tmp_path: Path, example_map: Path) -> None:
    text = tmp_path / "report.txt"
    text.write_text("Summary\n\nNitrogen dioxide exceeded the limit on 41 days.\n")
    app = create_app(example_map, f"city-air-report={text}")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("t")
        pane = pane_of(app)
        assert pane.source_id == "city-air-report"
        assert "exceeded the limit on 41 days" in pane.text


async def test_a_link_without_quotes_shows_where_its_premises_are_quoted(
        example_map: Path) -> None:
    app = create_app(example_map)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("t")
        app.goto("pontevedra-precedent")
        await pilot.pause()
        pane = pane_of(app)
        assert app.session.map.link("pontevedra-precedent").evidence == []
        assert [p.ident for p in pane.current] == ["pontevedra-cut"]
        assert "quoted by pontevedra-cut" in str(pane.border_subtitle)


async def test_a_selection_starting_on_a_blank_line_is_located_where_its_words_start(
        example_map: Path) -> None:
    app = create_app(example_map)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("t")
        pane = pane_of(app)
        start = pane.text.index("First, cleaner air.")
        pane.select_span(start - 2, start + len("First, cleaner air"))  # from the blank line
        await pilot.press("c")
        await pilot.pause()
        assert app.screen.query_one("#quote", Input).value == "First, cleaner air"
        assert app.screen.query_one("#locator", Input).value == "para 2"
