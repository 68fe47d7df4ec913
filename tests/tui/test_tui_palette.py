"""The command palette, the footer, the layout at each size, and the details following the
cursor at once."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.command import CommandPalette
from textual.widgets import Button, Input

from tests.tui.conftest import SIZE, cursor_id, detail_text, rendered, settle
from tui.app import ArgmapApp, create_app, help_sections, palette_bindings
from tui.screens.forms import ClaimForm, NewClaimForm
from tui.screens.help import help_table
from tui.widgets.detail import DetailPane
from tui.widgets.pane_footer import PaneFooter
from tui.widgets.source_pane import SourcePane

EVERY_ACTION = ["Save", "Export", "Report", "Flagged", "Weakest", "Undo", "Redo", "Reason",
                "Rebuttal", "Source text", "Theme", "Quit", "Screenshot", "Help",
                "Critical question"]


async def palette_names(app: ArgmapApp, pilot, query: str) -> list[str]:
    await pilot.press("ctrl+p", *query)
    await settle(pilot)  # the palette's search is a worker: its list is complete when it ends
    palette = app.screen
    assert isinstance(palette, CommandPalette)
    options = palette.query_one("CommandList")
    return [str(options.get_option_at_index(i).prompt)
            for i in range(options.option_count)]


def test_the_palette_offers_every_app_action_with_its_key() -> None:
    names = [b.description for b in palette_bindings()]
    for wanted in EVERY_ACTION:
        assert wanted in names, wanted


PALETTE_QUERIES = [("save", "Save (ctrl+s)"), ("export", "Export (x)"),
                   ("undo", "Undo (u / ctrl+z)"), ("weakest", "Weakest (w)"),
                   ("theme", "Theme (T)"), ("critical question", "Critical question (A)"),
                   ("source text", "Source text (t)")]


async def test_typing_an_action_offers_it_first_with_its_key_and_enter_runs_it(
        example_map: Path) -> None:
    """One session: each query typed in a fresh palette (escape closes it), the last one run."""
    app = create_app(example_map)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        for query, expected in PALETTE_QUERIES:
            names = await palette_names(app, pilot, query)
            assert names and names[0].startswith(expected), (query, names[:3])
            if query != "source text":
                await pilot.press("escape")
                await pilot.pause()
                assert not isinstance(app.screen, CommandPalette)
        assert not app.query_one(SourcePane).display
        await pilot.press("enter")  # "Source text" is offered first: it opens the pane
        await pilot.pause()
        assert app.query_one(SourcePane).display


async def test_screenshot_is_saved_beside_the_map_as_svg(example_map: Path) -> None:
    app = create_app(example_map)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("S")
        await pilot.press("S")  # a second one does not replace the first
        await pilot.pause()
    first = example_map.parent / "car-free-downtown-screen.svg"
    second = example_map.parent / "car-free-downtown-screen-2.svg"
    assert first.read_text().startswith("<svg") and second.is_file()
    assert "The city should ban private cars" in first.read_text().replace("&#160;", " ")


FOOTER_WIDTHS = [80, 100, 180]


async def test_the_footer_always_ends_with_quit(example_map: Path) -> None:
    """At each width (the terminal resized in one session), for the tree and the source pane."""
    app = create_app(example_map)
    async with app.run_test(size=(FOOTER_WIDTHS[0], 30)) as pilot:
        await settle(pilot)
        footer = app.query_one(PaneFooter)
        for width in FOOTER_WIDTHS:
            await pilot.resize_terminal(width, 30)
            await pilot.pause()
            shown = [b.action for b, _, _ in footer.shown()]
            assert shown[-1] == "quit" and "add_reason" in shown, width
        await pilot.press("t")  # the source pane has focus: its keys are shown
        await pilot.pause()
        for width in reversed(FOOTER_WIDTHS):
            await pilot.resize_terminal(width, 30)
            await pilot.pause()
            shown = [b.action for b, _, _ in footer.shown()]
            assert shown[-1] == "quit" and "claim_from_selection" in shown, width
            assert "add_reason" not in shown, width


async def test_below_120_columns_the_details_go_under_the_tree(example_map: Path) -> None:
    """Started narrow, then the terminal resized narrower and wider in the same session."""
    app = create_app(example_map)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        for width, under in [(100, True), (80, True), (140, False), (100, True)]:
            if width != app.size.width:
                await pilot.resize_terminal(width, 30)
                await settle(pilot)
            tree, detail = app.query_one("#tree").region, app.query_one(DetailPane).region
            assert (detail.y >= tree.bottom) == under, width
            assert (detail.x >= tree.right) == (not under), width


async def test_long_rows_end_in_an_ellipsis_and_keep_strength_and_flag(example_map: Path) -> None:
    app = create_app(example_map)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        tree = app.query_one("#tree")
        lines = [rendered(tree.render_line(y).text) for y in range(tree.size.height)]
        cut = [line for line in lines if "…" in line]
        assert cut
        assert any("⚠" in line and "[0." in line for line in cut)


async def test_details_follow_the_cursor_at_once(example_map: Path) -> None:
    app = create_app(example_map)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("w")  # the weakest link: the details show it without waiting
        weakest = cursor_id(app)
        assert weakest is not None and weakest in detail_text(app)
        app.goto("walkers-spend-more")
        assert "walkers-spend-more" in detail_text(app)
        await pilot.press("r")
        await pilot.press(*"Toronto is not our city.", "ctrl+s")
        new = cursor_id(app)
        assert new != "walkers-spend-more" and "Toronto is not our city." in detail_text(app)
        await pilot.press("u")
        assert "walkers-spend-more" in detail_text(app)


async def test_help_uses_the_apps_words_only() -> None:
    text = rendered(help_table(help_sections()), 120)
    for generic in ("Scroll Home", "Cursor to next ancestor", "Toggle node", "Select all",
                    "delete right", "Page Up"):
        assert generic.casefold() not in text.casefold()
    assert "Claim from text" in text and "Source text" in text


async def test_form_buttons_say_what_they_do(example_map: Path) -> None:
    app = create_app(example_map)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("e")
        assert isinstance(app.screen, ClaimForm)
        assert str(app.screen.query_one("#save", Button).label) == "Apply edit (ctrl+s)"
        await pilot.press("escape", "a")
        assert isinstance(app.screen, NewClaimForm)
        assert str(app.screen.query_one("#save", Button).label) == "Add claim (ctrl+s)"


async def test_export_prompt_fits_at_80_columns_and_defaults_beside_the_map(
        example_map: Path) -> None:
    app = create_app(example_map)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("x")
        await pilot.pause()
        field = app.screen.query_one("#export-input", Input)
        assert Path(field.value).expanduser().resolve().parent == example_map.parent.resolve()
        dialog = app.screen.query_one(".dialog")
        assert dialog.region.right <= 80 and dialog.region.x >= 0
        question = app.screen.query_one(".question")
        assert "(.svg, .png, .pdf or .dot)" in str(question.render())
        assert question.region.right <= dialog.region.right


async def test_a_shipped_maps_exports_default_outside_argmap(tmp_path: Path,
                                                            monkeypatch: pytest.MonkeyPatch
                                                            ) -> None:
    from tests.tui.conftest import EXAMPLE

    monkeypatch.chdir(tmp_path)
    app = create_app(EXAMPLE)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert Path(app.default_export(".svg")).resolve().parent == tmp_path.resolve()


async def test_the_focused_pane_is_marked_and_the_tree_cursor_stays_visible(
        example_map: Path) -> None:
    app = create_app(example_map)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        tree = app.query_one("#tree")
        assert tree.styles.border_top[0] == "heavy"
        await pilot.press("tab")  # the details have the focus now
        await pilot.pause()
        assert tree.styles.border_top[0] == "round"
        assert app.query_one(DetailPane).styles.border_top[0] == "heavy"
        cursor = tree.get_component_rich_style("tree--cursor")
        assert cursor.bgcolor is not None and cursor.bgcolor != tree.rich_style.bgcolor
