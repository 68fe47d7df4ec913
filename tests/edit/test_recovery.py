"""The recovery copy: the same map back after a restore, whatever its size or text, written in
slices so the explorer stays responsive, and older copies (in the map's own format) still read."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from argmap.edit import EditSession, recovery_copies, recovery_path
from argmap.edit.recovery import recovery_json
from argmap.io import dumps_map, load_map, loads_map, to_data
from argmap.model import ArgumentMap
from benchmarks.generate import Spec, generate

ROOT = Path(__file__).parents[2]
SHIPPED = sorted((ROOT / "maps").glob("*.yaml")) + [ROOT / "examples" / "car-free-downtown.yaml"]


@pytest.mark.parametrize("path", SHIPPED, ids=lambda p: p.name)
def test_a_shipped_map_comes_back_whole(path):
    amap = load_map(path)
    back = loads_map(recovery_json(amap, chunk=5).decode(), "json")
    assert to_data(back) == to_data(amap)


def test_slices_of_a_large_map_join_into_one_map_with_a_pause_between_each():
    amap = ArgumentMap.model_validate(generate(Spec(1_000, seed=3)))
    pauses = []
    text = recovery_json(amap, pause=lambda: pauses.append(1), chunk=64)
    expected = -(-len(amap.claims) // 64) + -(-len(amap.links) // 64)
    assert len(pauses) == expected > 2
    assert to_data(loads_map(text.decode(), "json")) == to_data(amap)


def test_hostile_text_and_empty_lists_survive():
    amap = ArgumentMap.model_validate({
        "title": 'Quotes " and \\ and \u2028 line separators',
        "claims": [{"id": "a", "text": '},{"id":"x"} ] 🙂 \u202e\u0000-free'}]})
    back = loads_map(recovery_json(amap, chunk=1).decode(), "json")
    assert to_data(back) == to_data(amap)
    assert "links" not in json.loads(recovery_json(amap))  # as a save: only what was set


def test_a_yaml_map_restores_from_a_json_copy_and_keeps_its_comments(tmp_path):
    path = tmp_path / "m.yaml"
    shutil.copy(ROOT / "examples" / "car-free-downtown.yaml", path)
    session = EditSession.open(path)
    session.edit_claim("ban-cars-downtown", text="Edited before the terminal closed.")
    session.write_recovery()
    assert session.recovery_path.read_bytes().startswith(b"{")
    session.close()
    reopened = EditSession.open(path)
    assert reopened.restore_recovery()
    assert to_data(reopened.map) == to_data(session.map)
    reopened.save()
    assert "# " in path.read_text() and "Edited before the terminal closed." in path.read_text()


def test_a_copy_kept_in_the_maps_own_format_still_restores(tmp_path):
    path = tmp_path / "m.yaml"
    shutil.copy(ROOT / "examples" / "car-free-downtown.yaml", path)
    older = EditSession.open(path)
    older.edit_claim("ban-cars-downtown", text="Kept by an older version.")
    recovery_path(path).write_text(dumps_map(older.map, "yaml"), encoding="utf-8")
    reopened = EditSession.open(path)
    assert reopened.restore_recovery()
    assert reopened.map.claims[0].text == "Kept by an older version."


def test_links_added_to_a_map_that_had_none_are_in_the_copy(tmp_path):
    path = tmp_path / "m.yaml"
    path.write_text("title: t\nclaims:\n  - {id: c, text: C, kind: conclusion}\n")
    session = EditSession.open(path)
    session.add_reason("c", "B is true.")
    session.add_rebuttal("c", "But D.")
    session.write_recovery()
    session.close()
    reopened = EditSession.open(path)
    assert reopened.restore_recovery()
    assert [(lk.from_, lk.to, lk.type) for lk in reopened.map.links] == [
        (["b-is-true"], "c", "supports"), (["but-d"], "c", "attacks")]


def _example(tmp_path: Path) -> tuple[Path, EditSession]:
    path = tmp_path / "m.yaml"
    shutil.copy(ROOT / "examples" / "car-free-downtown.yaml", path)
    return path, EditSession.open(path)


def test_a_copy_overtaken_by_a_later_edit_never_replaces_that_edits_copy(tmp_path, monkeypatch):
    import argmap.edit as editing

    path, session = _example(tmp_path)
    session.edit_claim("ban-cars-downtown", text="First edit.")
    real = editing.recovery_json

    def slow(amap):  # while the first edit's copy is being written, a second edit's is written
        text = real(amap)
        if amap.claims[0].text == "First edit.":
            session.edit_claim("ban-cars-downtown", text="Second edit.")
            session.write_recovery()
        return text

    monkeypatch.setattr(editing, "recovery_json", slow)
    assert session.write_recovery() is None  # the first copy was dropped
    session.close()
    reopened = EditSession.open(path)
    assert reopened.restore_recovery()
    assert reopened.map.claims[0].text == "Second edit."


def test_a_save_while_a_copy_is_being_written_leaves_no_copy(tmp_path, monkeypatch):
    import argmap.edit as editing

    path, session = _example(tmp_path)
    session.edit_claim("ban-cars-downtown", text="Saved while the copy was written.")
    real = editing.recovery_json

    def slow(amap):
        text = real(amap)
        session.save()  # the user pressed ctrl+s meanwhile
        return text

    monkeypatch.setattr(editing, "recovery_json", slow)
    session.write_recovery()
    assert not recovery_copies(path)  # nothing to offer on the next open
    assert "Saved while the copy was written." in path.read_text()


def test_two_sessions_on_one_file_keep_separate_copies_and_never_take_each_others(tmp_path):
    path, first = _example(tmp_path)
    first.edit_claim("ban-cars-downtown", text="The first explorer's edit.")
    first_copy = first.write_recovery()
    second = EditSession.open(path)
    assert second.offered_copy() is None  # the first explorer still runs: nothing to take over
    assert second.others_editing() == [first_copy]
    second.edit_claim("ban-cars-downtown", text="The second explorer's edit.")
    second_copy = second.write_recovery()
    assert second_copy != first_copy
    second.save()  # saving removes only the second's own copy
    assert first_copy.exists() and not second_copy.exists()
    first.close()  # the first explorer crashes
    third = EditSession.open(path)
    assert third.offered_copy() == first_copy
    assert third.restore_recovery()
    assert third.map.claims[0].text == "The first explorer's edit."
    assert recovery_copies(path) == [third.recovery_path]  # adopted by the third session


def test_declining_a_copy_deletes_only_that_copy(tmp_path):
    path, first = _example(tmp_path)
    first.edit_claim("ban-cars-downtown", text="Left behind.")
    left = first.write_recovery()
    first.close()
    live = EditSession.open(path)
    live.edit_claim("ban-cars-downtown", text="Still being edited.")
    kept = live.write_recovery()
    other = EditSession.open(path)
    assert other.offered_copy() == left
    other.discard_offered(left)
    assert recovery_copies(path) == [kept]


def test_a_copy_of_another_file_with_a_longer_name_is_not_offered(tmp_path):
    path, _ = _example(tmp_path)
    other = tmp_path / "m.yaml.old.yaml"
    shutil.copy(path, other)
    session = EditSession.open(other)
    session.edit_claim("ban-cars-downtown", text="Edit of the other file.")
    session.write_recovery()
    session.close()
    assert recovery_copies(path) == []
