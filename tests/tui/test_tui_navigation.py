"""Moving around: keys, expand/collapse, search, go to id, flagged filter, palette, help."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Input, OptionList, Static

from tests.tui.conftest import (
    SIZE,
    cursor_id,
    detail_text,
    rendered,
    settle,
    tree_of,
    visible_labels,
)
from tui.app import ArgmapApp, create_app
from tui.screens.help import HelpScreen, bindings_of, key_text
from tui.widgets.argument_tree import ArgumentTree


async def test_vim_keys_and_arrows_move_expand_and_collapse(example_map: Path) -> None:
    app = create_app(example_map)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        tree = tree_of(app)
        assert cursor_id(app) == "ban-cars-downtown"
        await pilot.press("j", "j")
        assert cursor_id(app) == "ban-cleans-air"
        await pilot.press("k")
        assert cursor_id(app) == "air-to-ban"
        await pilot.press("down", "h")  # collapse ban-cleans-air
        assert cursor_id(app) == "ban-cleans-air" and not tree.cursor_node.is_expanded
        shown = len(visible_labels(app))
        await pilot.press("l")  # expand it again
        assert tree.cursor_node.is_expanded and len(visible_labels(app)) > shown
        await pilot.press("h", "h")  # collapsed: h goes to the parent row
        assert cursor_id(app) == "air-to-ban"


async def test_search_finds_text_evidence_and_ids(example_map: Path) -> None:
    app = create_app(example_map)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("slash")
        await pilot.press(*"two thirds")  # words of a quote and of a claim's text
        results = app.screen.query_one("#search-results", OptionList)
        assert [results.get_option_at_index(i).id for i in range(results.option_count)] == [
            "pontevedra-cut"]
        await pilot.press("enter")
        await settle(pilot)
        assert cursor_id(app) == "pontevedra-cut"

        await pilot.press("slash", *"toronto-study")  # a source id in the evidence
        await pilot.press("enter")
        await settle(pilot)
        assert cursor_id(app) == "toronto-most-not-by-car"


async def test_search_with_no_result_stays_open(example_map: Path) -> None:
    app = create_app(example_map)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("slash", *"zebra", "enter")
        assert app.screen.query_one("#search-results", OptionList).option_count == 0
        await pilot.press("escape")
        assert cursor_id(app) == "ban-cars-downtown"


async def test_go_to_id_with_completion(example_map: Path) -> None:
    app = create_app(example_map)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("g", *"toronto-und")
        await pilot.pause()
        await pilot.press("right")  # accept the suggested completion
        assert app.screen.query_one("#goto-input", Input).value == "toronto-undercut"
        await pilot.press("enter")
        await settle(pilot)
        assert cursor_id(app) == "toronto-undercut"


async def test_go_to_unknown_id_says_so(example_map: Path) -> None:
    app = create_app(example_map)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("g", *"nope", "enter")
        await settle(pilot)
        assert cursor_id(app) == "ban-cars-downtown"
        assert any("nope" in n.message for n in app._notifications)


async def test_go_to_a_source_goes_to_the_claim_citing_it(example_map: Path) -> None:
    app = create_app(example_map)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("g", *"toronto-study", "enter")
        await settle(pilot)
        assert cursor_id(app) == "toronto-most-not-by-car"
        assert "toronto-study" in detail_text(app)


async def test_flagged_filter_shows_only_flagged_paths(example_map: Path) -> None:
    app = create_app(example_map)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        everything = len(visible_labels(app))
        await pilot.press("f")
        await settle(pilot)
        tree = tree_of(app)
        shown = [tree.get_node_at_line(i).data.ident for i in range(tree.last_line + 1)]
        assert len(shown) < everything and "flagged only" in app.sub_title
        flagged = {f.target for f in app.analysis.findings} | {
            lk.ident for lk in app.session.map.links if app.analysis.link_flags(lk.ident)}
        assert flagged & set(shown) and set(shown) <= app.view.flagged()
        unflagged = {*app.view.claims, *app.view.links} - app.view.flagged()
        assert unflagged and not unflagged & set(shown)  # unflagged branches are hidden
        await pilot.press("f")
        await settle(pilot)
        assert len(visible_labels(app)) == everything


async def test_weakest_link_key(example_map: Path) -> None:
    app = create_app(example_map)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("w")
        await settle(pilot)
        flagged = [lk.ident for lk in app.session.map.links if app.analysis.link_flags(lk.ident)]
        weakest = min(flagged, key=lambda lk: app.analysis.strengths[lk])
        assert cursor_id(app) == weakest
        assert "Warrant" in detail_text(app)


async def test_next_finding_walks_the_findings(example_map: Path) -> None:
    app = create_app(example_map)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        from tui.widgets.findings_list import FindingsList

        def row_of(finding) -> str:  # a finding on a source shows the claim citing it
            view = app.view
            known = finding.target in view.claims or finding.target in view.links
            return finding.target if known else view.citing(finding.target)[0]

        findings = app.query_one(FindingsList).findings
        await pilot.press("n")
        assert cursor_id(app) == row_of(findings[0])
        await pilot.press("n")
        assert cursor_id(app) == row_of(findings[1 % len(findings)])
        await pilot.press("N")
        assert cursor_id(app) == row_of(findings[0])


async def test_command_palette_finds_a_claim(example_map: Path) -> None:
    app = create_app(example_map)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+p", *"toronto shoppers")
        await settle(pilot)  # the palette's search is a worker: its list is complete when it ends
        await pilot.press("enter")
        await settle(pilot)
        assert cursor_id(app) in ("toronto-most-not-by-car", "different-city")


async def test_help_lists_every_key(example_map: Path) -> None:
    app = create_app(example_map)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpScreen)
        text = rendered(app.screen.query_one("#help-body", Static).content)
        for cls in (ArgmapApp, ArgumentTree):
            for binding in bindings_of(cls):
                assert key_text(binding.key) in text and binding.description in text
        await pilot.press("escape")
        assert not isinstance(app.screen, HelpScreen)


def test_docs_list_every_key() -> None:
    from tui.app import help_sections

    docs = (Path(__file__).parent.parent.parent / "docs" / "tui.md").read_text()
    for _title, cls in help_sections():
        for binding in bindings_of(cls):
            assert f"`{key_text(binding.key)}`" in docs, binding.key
