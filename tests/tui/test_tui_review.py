"""Reviewing a draft in the explorer: + accepts the selected proposal, - rejects it, u undoes."""

from __future__ import annotations

from pathlib import Path

from argmap.io import load_map
from tests.tui.conftest import SIZE, cursor_id, settle, visible_labels
from tui.app import create_app

MAP = """\
argmap: 1
title: Cars
claims:
  - id: ban
    text: Ban cars downtown.
    kind: conclusion
  - id: loud
    text: Cars are loud.
    proposed: true
  - id: handy
    text: Cars are handy.
links:
  - id: l1
    from: loud
    to: ban
    proposed: true
  - id: l2
    from: handy
    to: ban
    type: attacks
"""


def drafted(tmp_path: Path) -> Path:
    path = tmp_path / "cars.yaml"
    path.write_text(MAP)
    return path


def label_of(app, text: str) -> str:
    return next(lbl for lbl in visible_labels(app) if text in lbl)


async def test_proposals_are_marked_and_plus_accepts_the_selected_one(tmp_path):
    path = drafted(tmp_path)
    app = create_app(path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert "proposed?" in label_of(app, "Cars are loud.")
        assert "proposed?" not in label_of(app, "Cars are handy.")
        app.goto("loud")
        await settle(pilot)
        await pilot.press("plus")
        await settle(pilot)
        assert cursor_id(app) == "loud"
        assert "proposed?" not in label_of(app, "Cars are loud.")
        assert not app.session.map.claim("loud").proposed
        await pilot.press("ctrl+s")
        await settle(pilot)
    saved = load_map(path)
    assert not saved.claim("loud").proposed and saved.link("l1").proposed


async def test_minus_rejects_the_selected_proposal_and_u_brings_it_back(tmp_path):
    app = create_app(drafted(tmp_path))
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        app.goto("loud")
        await settle(pilot)
        await pilot.press("minus")
        await settle(pilot)
        assert not any("Cars are loud." in lbl for lbl in visible_labels(app))
        assert [c.id for c in app.session.map.claims] == ["ban", "handy"]
        await pilot.press("u")
        await settle(pilot)
        assert any("Cars are loud." in lbl for lbl in visible_labels(app))
        assert app.session.map.claim("loud").proposed


async def test_a_reviewed_claim_is_left_alone(tmp_path):
    app = create_app(drafted(tmp_path))
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        app.goto("handy")
        await settle(pilot)
        await pilot.press("minus")
        await settle(pilot)
        assert [c.id for c in app.session.map.claims] == ["ban", "loud", "handy"]
        assert not app.session.dirty
