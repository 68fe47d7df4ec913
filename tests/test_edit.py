"""The editing session: edits, validation, undo/redo, the dirty flag, saving and recovery."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from argmap.edit import ChangedOnDisk, EditRejected, EditSession
from argmap.errors import UsageError
from argmap.io import load_map

FIXTURE = Path(__file__).parent / "fixtures" / "edit-small.yaml"


@pytest.fixture
def mapfile(tmp_path: Path) -> Path:
    path = tmp_path / "school.yaml"
    shutil.copy(FIXTURE, path)
    return path


@pytest.fixture
def session(mapfile: Path) -> EditSession:
    return EditSession.open(mapfile)


def ids(session: EditSession) -> tuple[list[str], list[str]]:
    return [c.id for c in session.map.claims], [lk.ident for lk in session.map.links]


def test_add_reason_links_a_new_premise_to_the_target(session: EditSession) -> None:
    new = session.add_reason("start-later", "Tired students learn less.", strength="weak")
    assert session.map.claim(new).text == "Tired students learn less."
    link = session.map.links_into("start-later")[-1]
    assert (link.from_, link.type, link.strength) == ([new], "supports", "weak")
    assert session.dirty


def test_add_rebuttal_attacks_a_claim_or_undercuts_a_link(session: EditSession) -> None:
    new = session.add_rebuttal("l1", "Grades depend on much more than sleep.")
    assert session.map.claim(new).kind == "rebuttal"
    link = session.map.links_into("l1")[0]
    assert (link.from_, link.type) == ([new], "attacks")


def test_add_co_premise_joins_the_link(session: EditSession) -> None:
    new = session.add_co_premise("l1", "Grades matter for the school.", kind="assumption")
    assert session.map.link("l1").from_ == ["teens-sleep-late", "sleep-helps-grades", new]
    assert session.map.claim(new).kind == "assumption"


def test_new_ids_are_unique_slugs(session: EditSession) -> None:
    first = session.add_reason("start-later", "Teenagers fall asleep later than adults!")
    second = session.add_reason("start-later", "Teenagers fall asleep later than adults!")
    assert first != second and first.startswith("teenagers-fall-asleep")


def test_edit_claim_fields(session: EditSession) -> None:
    session.edit_claim("sleep-helps-grades", text="Sleep improves grades.", kind="assumption",
                       confidence=0.3, tags=["school"],
                       evidence=[{"source": "sleep-study", "quote": "grades rose"}])
    claim = session.map.claim("sleep-helps-grades")
    assert (claim.text, claim.kind, claim.confidence, claim.tags) == (
        "Sleep improves grades.", "assumption", 0.3, ["school"])
    assert claim.evidence[0].quote == "grades rose"


def test_emptied_optional_field_is_removed(session: EditSession) -> None:
    session.edit_claim("teens-sleep-late", confidence=None, evidence=[])
    claim = session.map.claim("teens-sleep-late")
    assert claim.confidence is None and claim.evidence == []
    assert "confidence" not in claim.model_fields_set


def test_edit_link_strength_and_warrant(session: EditSession) -> None:
    session.edit_link("cost-objection", strength="strong", warrant="Budgets decide.")
    link = session.map.link("cost-objection")
    assert (link.strength, link.warrant) == ("strong", "Budgets decide.")


@pytest.mark.parametrize(
    ("edit", "message"),
    [
        (lambda s: s.edit_claim("start-later", confidence=1.5), "confidence"),
        (lambda s: s.edit_claim("start-later", kind="verdict"), "kind"),
        (lambda s: s.edit_link("l1", strength="huge"), "strength"),
        (lambda s: s.edit_claim("start-later", evidence=[{"source": "nope"}]), "unknown source"),
        (lambda s: s.add_reason("no-such-claim", "X."), "no-such-claim"),
    ],
)
def test_invalid_edit_is_rejected_and_map_unchanged(session: EditSession, edit, message) -> None:
    before = session.map
    with pytest.raises(EditRejected, match=message):
        edit(session)
    assert session.map is before and not session.dirty and not session.can_undo


def test_edit_that_makes_no_sense_is_a_usage_error(session: EditSession) -> None:
    with pytest.raises(UsageError, match="needs some text"):
        session.add_reason("start-later", "   ")
    with pytest.raises(UsageError, match="no claim with id 'ghost'"):
        session.edit_claim("ghost", text="x")
    with pytest.raises(UsageError, match="cannot edit"):
        session.edit_claim("start-later", id="renamed")
    assert not session.dirty


def test_delete_claim_drops_links_left_without_premise_and_their_undercuts(
    session: EditSession,
) -> None:
    removed = session.delete("buses-cost")
    assert removed == ["buses-cost", "cost-objection", "undercut"]
    claims, links = ids(session)
    assert "buses-cost" not in claims and links == ["l1"]
    assert "costs-unknown" in claims  # the undercut's premise stays, now an orphan


def test_delete_co_premise_keeps_the_link(session: EditSession) -> None:
    session.delete("sleep-helps-grades")
    assert session.map.link("l1").from_ == ["teens-sleep-late"]


def test_delete_target_claim_drops_links_into_it(session: EditSession) -> None:
    session.delete("start-later")
    assert ids(session)[1] == []


def test_delete_link(session: EditSession) -> None:
    assert session.delete("cost-objection") == ["cost-objection", "undercut"]
    assert ids(session)[1] == ["l1"]


def test_undo_redo(session: EditSession) -> None:
    original = ids(session)
    new = session.add_reason("start-later", "Later starts cut absences.")
    after = ids(session)
    assert session.undo() == "add a reason"
    assert ids(session) == original and not session.dirty
    assert session.redo() == "add a reason"
    assert ids(session) == after and session.map.claim(new)
    assert session.dirty


def test_new_edit_clears_redo_and_empty_history_says_so(session: EditSession) -> None:
    with pytest.raises(UsageError, match="nothing to undo"):
        session.undo()
    session.delete("buses-cost")
    session.undo()
    session.edit_claim("start-later", text="Start at 9.")
    assert not session.can_redo
    with pytest.raises(UsageError, match="nothing to redo"):
        session.redo()


def test_edit_save_reload_gives_the_same_map(session: EditSession, mapfile: Path) -> None:
    session.add_reason("start-later", "Later starts cut absences.", warrant="Present pupils learn.")
    session.add_rebuttal("sleep-helps-grades", "Grades rose for other reasons.")
    session.edit_link("l1", strength="moderate")
    session.delete("undercut")
    session.save()
    assert not session.dirty
    assert load_map(mapfile).model_dump() == session.map.model_dump()


def test_save_keeps_comments_and_generated_ids_out(session: EditSession, mapfile: Path) -> None:
    session.edit_claim("teens-sleep-late", confidence=0.9)
    session.save()
    text = mapfile.read_text()
    assert "# the biology" in text and "# No id on this one" in text
    assert "confidence: 0.9" in text
    assert "id: l1" not in text


def test_save_refuses_when_file_changed_on_disk(session: EditSession, mapfile: Path) -> None:
    session.edit_claim("start-later", text="Start at 9.")
    mapfile.write_text(mapfile.read_text() + "# edited elsewhere\n")
    os.utime(mapfile, ns=(1, 1))  # a clearly different mtime, whatever the clock resolution
    with pytest.raises(ChangedOnDisk, match="changed by another program"):
        session.save()
    assert mapfile.read_text().endswith("# edited elsewhere\n")
    assert session.dirty
    session.save(force=True)
    assert "Start at 9." in mapfile.read_text() and not session.changed_on_disk()


def test_save_as_another_file(session: EditSession, tmp_path: Path) -> None:
    session.edit_claim("start-later", text="Start at 9.")
    out = session.save(tmp_path / "copy.yaml")
    assert load_map(out).claim("start-later").text == "Start at 9."
    assert session.path == out


def test_recovery_copy_round_trip(session: EditSession, mapfile: Path) -> None:
    session.add_reason("start-later", "Later starts cut absences.")
    copy = session.write_recovery()
    assert copy == session.recovery_path and copy.exists()
    assert copy.name.startswith("school.yaml.") and copy.parent == mapfile.parent
    assert "# the biology" in mapfile.read_text()  # the map file itself is untouched

    session.close()  # the session ends without saving, as a crash would
    fresh = EditSession.open(mapfile)
    assert fresh.restore_recovery()
    assert fresh.dirty and fresh.map.claims[-1].text == "Later starts cut absences."
    fresh.save()
    assert not copy.exists()
    assert "# the biology" in mapfile.read_text()


def test_restore_without_recovery_copy(session: EditSession) -> None:
    assert session.restore_recovery() is False and not session.dirty
