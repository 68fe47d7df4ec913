"""Reviewing proposals through the editing session: accept keeps the item, reject deletes it."""

from __future__ import annotations

from pathlib import Path

import pytest

from argmap.edit import EditSession
from argmap.errors import UsageError
from argmap.io import load_map

MAP = """\
# a drafted map, trimmed
argmap: 1
title: Cars
claims:
  - id: ban
    text: Ban cars downtown.
    kind: conclusion
    proposed: true
  - id: loud
    text: Cars are loud.
    proposed: true  # the tool's guess
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


@pytest.fixture
def drafted(tmp_path: Path) -> Path:
    path = tmp_path / "cars.yaml"
    path.write_text(MAP)
    return path


def test_accept_removes_the_mark_and_keeps_comments_on_save(drafted):
    session = EditSession.open(drafted)
    assert session.accept("loud") == "accept loud"
    assert not session.map.claim("loud").proposed and session.map.link("l1").proposed
    session.accept("l1")
    session.save()
    text = drafted.read_text()
    assert "# a drafted map, trimmed" in text
    saved = load_map(drafted)
    assert [c.id for c in saved.claims if c.proposed] == ["ban"]
    assert not saved.link("l1").proposed


def test_reject_deletes_the_proposal_and_the_links_left_dangling(drafted):
    session = EditSession.open(drafted)
    assert session.reject("loud") == ["l1", "loud"]
    assert [c.id for c in session.map.claims] == ["ban", "handy"]


def test_accept_and_reject_are_undone_one_step_at_a_time(drafted):
    session = EditSession.open(drafted)
    session.accept("l1")
    session.reject("loud")
    assert session.undo() == "reject loud"
    assert session.map.claim("loud").proposed and not session.map.link("l1").proposed
    assert session.undo() == "accept l1"
    assert session.map.link("l1").proposed and not session.dirty


def test_only_proposals_are_accepted_or_rejected(drafted):
    session = EditSession.open(drafted)
    with pytest.raises(UsageError, match="'handy' is not a proposal"):
        session.accept("handy")
    with pytest.raises(UsageError, match="not a proposal"):
        session.reject("l2")
    with pytest.raises(UsageError, match="no claim or link"):
        session.accept("nope")
    assert not session.dirty
