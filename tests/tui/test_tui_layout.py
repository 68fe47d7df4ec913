"""The main screen: tree, detail pane, findings list, header; all user text shown literally."""

from __future__ import annotations

import re
from pathlib import Path

from textual.widgets._header import HeaderTitle

from argmap.analysis import analyse
from argmap.io import load_map
from tests.tui.conftest import SIZE, cursor_id, detail_text, settle, tree_of, visible_labels
from tui.app import create_app
from tui.widgets.findings_list import FindingsList


async def test_tree_shows_conclusions_links_and_premises(example_map: Path) -> None:
    app = create_app(example_map)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        analysis = analyse(load_map(example_map))
        labels = visible_labels(app)
        assert app.title == "Our city should ban private cars downtown"
        top = tree_of(app).root.children
        assert [n.data.ident for n in top] == analysis.conclusions
        conclusion = f"{analysis.strengths['ban-cars-downtown']:.2f}"
        assert labels[0].startswith(f"[{conclusion}] conclusion: The city should ban")
        # A link row leads with its strength and flag, then says what it does.
        link_rows = [re.sub(r"^\[\d\.\d\d\] (⚠ )?", "", lbl) for lbl in labels]
        assert any(lbl.startswith("＋ supports") for lbl in link_rows)
        assert any(lbl.startswith("− attacks") for lbl in link_rows)
        assert any(lbl.startswith("− undercuts") for lbl in link_rows)
        # Every flagged link carries ⚠ and the names of its flags; no other row does.
        for node_line in range(tree_of(app).last_line + 1):
            node = tree_of(app).get_node_at_line(node_line)
            if node.data.kind == "link":
                flagged = bool(analysis.link_flags(node.data.ident))
                assert ("⚠" in str(node.label)) == flagged, node.data.ident


async def test_detail_pane_shows_claim_evidence_findings_and_what_if(example_map: Path) -> None:
    app = create_app(example_map)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        app.goto("no2-over-limit")
        await pilot.pause(0.4)
        await settle(pilot)
        text = detail_text(app)
        assert "Downtown nitrogen dioxide exceeded the national limit on 41 days" in text
        assert "city-air-report — Downtown air-quality report 2023" in text
        assert "“above the national limit on 41 days of the year”" in text
        assert "Where the analysed text says it" in text  # the op-ed is the subject
        assert "Strength: 0.80" in text
        assert "If this claim were dropped" in text and "ban-cars-downtown: " in text
        for finding in app.analysis.findings_for("no2-over-limit"):
            assert finding.message in text and finding.hint in text


async def test_detail_pane_for_a_link_shows_warrant_and_flags(example_map: Path) -> None:
    app = create_app(example_map)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        app.goto("pontevedra-precedent")
        await settle(pilot)
        text = detail_text(app)
        assert "LINK supports · weak" in text
        assert "Warrant: What worked in a comparable town should work here." in text
        flags = app.analysis.link_flags("pontevedra-precedent")
        assert flags and all(f.hint in text for f in flags)


async def test_findings_panel_lists_findings_and_jumps_to_the_target(example_map: Path) -> None:
    app = create_app(example_map)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        findings = app.query_one(FindingsList)
        assert findings.option_count == len(app.analysis.findings) > 0
        on_rows = [i for i, f in enumerate(findings.findings)
                   if f.target in app.view.claims or f.target in app.view.links]
        findings.focus()
        await pilot.press(*["down"] * on_rows[1], "enter")
        await settle(pilot)
        assert cursor_id(app) == findings.findings[on_rows[1]].target
        assert tree_of(app).has_focus


async def test_claim_reached_twice_is_shown_once_in_full(write) -> None:
    path = write("shared.yaml", """\
title: Shared premise
claims:
  - {id: c1, text: First conclusion., kind: conclusion}
  - {id: c2, text: Second conclusion., kind: conclusion}
  - {id: shared, text: A premise both use.}
  - {id: under, text: Backs the shared premise.}
links:
  - {from: shared, to: c1}
  - {from: shared, to: c2}
  - {from: under, to: shared}
""")
    app = create_app(path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        labels = visible_labels(app)
        full = [lbl for lbl in labels if lbl.endswith("] A premise both use.")]
        refs = [lbl for lbl in labels if lbl.startswith("↪ A premise both use.")]
        assert len(full) == 1 and len(refs) == 1
        assert sum("Backs the shared premise." in lbl for lbl in labels) == 1
        # Enter on the reference goes to the full row.
        tree = tree_of(app)
        ref_line = labels.index(refs[0])
        tree.move_cursor_to_line(ref_line)
        await pilot.press("enter")
        await settle(pilot)
        assert cursor_id(app) == "shared" and not tree.cursor_node.data.ref


async def test_markup_in_claim_text_is_shown_literally(write) -> None:
    text = "Costs [bold]rise[/bold] by 5% [link=https://example.org]here[/link] [red"
    path = write("markup.yaml", f"""\
title: "[b]Markup[/b] in a title"
claims:
  - id: c
    text: "{text}"
    kind: conclusion
    evidence: [{{source: s, quote: "[i]not italic[/i]"}}]
sources: [{{id: s, title: "[u]Src[/u]"}}]
""")
    app = create_app(path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert text in visible_labels(app)[0]
        detail = detail_text(app)
        assert text in detail and "[i]not italic[/i]" in detail and "[u]Src[/u]" in detail
        assert str(app.query_one(HeaderTitle).render()).startswith("[b]Markup[/b] in a title")


async def test_a_failing_analysis_is_reported_and_the_map_stays_usable(
    small_map: Path, monkeypatch
) -> None:
    def broken(*args, **kwargs):
        raise RuntimeError("rule crashed")

    monkeypatch.setattr("argmap.analysis.analyse", broken)
    app = create_app(small_map)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert app.is_running and app.analysis is None
        assert any("rule crashed" in n.message for n in app._notifications)
        await pilot.press("a", *"Still editable.", "ctrl+s")
        await settle(pilot)
        assert app.session.map.claims[-1].text == "Still editable."
