"""The fast edits give the same map, the same saved file and the same errors as the plain path.

Every edit runs twice: on a session with the fast path (the default) and on one with
``fast = False``, which runs every edit over the whole map's data and validates the whole map.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from pydantic import BaseModel

from argmap.edit import EditRejected, EditSession
from argmap.errors import UsageError
from argmap.io import dumps_map, load_map
from argmap.model import ArgumentMap
from benchmarks.generate import Spec, generate

ROOT = Path(__file__).parents[2]
SMALL = ROOT / "tests" / "fixtures" / "edit-small.yaml"
EXAMPLE = ROOT / "examples" / "car-free-downtown.yaml"

Edit = Callable[[EditSession], Any]


def fields_set(model: Any) -> Any:
    """Which fields each model in ``model`` has set (what a save writes), recursively."""
    if isinstance(model, BaseModel):
        return (sorted(model.model_fields_set),
                {name: fields_set(getattr(model, name)) for name in type(model).model_fields})
    if isinstance(model, list):
        return [fields_set(item) for item in model]
    return None


def outcome(session: EditSession, edit: Edit) -> tuple[str, Any]:
    """What ``edit`` returned, or the error it raised (its type and message)."""
    try:
        return "ok", edit(session)
    except Exception as exc:
        return type(exc).__name__, str(exc)


def assert_same_maps(fast: ArgumentMap, plain: ArgumentMap,
                     formats: tuple[str, ...] = ("yaml", "json")) -> None:
    assert fast == plain
    assert fields_set(fast) == fields_set(plain)
    assert fast._origin is plain._origin
    for fmt in formats:
        assert dumps_map(fast, fmt) == dumps_map(plain, fmt)


def sessions(amap: ArgumentMap) -> tuple[EditSession, EditSession]:
    plain = EditSession(amap)
    plain.fast = False
    return EditSession(amap), plain


def whole_map_path(label: str, edit: Any) -> None:
    raise AssertionError(f"{label!r} took the whole-map path")


def run_both(amap: ArgumentMap, edit: Edit, *,
             falls_back: bool = False) -> tuple[EditSession, tuple[str, Any]]:
    """Run ``edit`` on both paths, check they agree, and return the fast session and outcome.

    Unless ``falls_back``, the fast session must not need the whole-map path.
    """
    fast, plain = sessions(amap)
    if not falls_back:
        fast.apply = whole_map_path  # type: ignore[method-assign]
    got = outcome(fast, edit)
    assert got == outcome(plain, edit)
    assert_same_maps(fast.map, plain.map)
    return fast, got


def shares_unchanged_claims(old: ArgumentMap, new: ArgumentMap) -> bool:
    """True when the new map reuses the old claim objects (the fast path ran)."""
    kept = {id(claim) for claim in old.claims}
    return sum(id(claim) in kept for claim in new.claims) >= len(new.claims) - 1


VALID: list[tuple[str, Edit]] = [
    ("reason for a claim", lambda s: s.add_reason("start-later", "Tired pupils learn less.")),
    ("reason with options", lambda s: s.add_reason("start-later", "  Absences fall. ",
                                                   kind="assumption", strength="strong",
                                                   warrant=" Present pupils learn. ")),
    ("reason for a generated link", lambda s: s.add_reason("l1", "Sleep studies agree.")),
    ("reason with a taken slug", lambda s: s.add_reason("start-later", "More sleep improves"
                                                        " grades.")),
    ("rebuttal of a claim", lambda s: s.add_rebuttal("sleep-helps-grades", "Grades vary.",
                                                     strength="weak")),
    ("undercut of a link", lambda s: s.add_rebuttal("cost-objection", "Buses run anyway.")),
    ("co-premise of a generated link", lambda s: s.add_co_premise("l1", "Grades matter.")),
    ("co-premise of a named link", lambda s: s.add_co_premise("undercut", "Budgets are public.",
                                                              kind="assumption")),
    ("edit claim fields", lambda s: s.edit_claim(
        "sleep-helps-grades", text=" Sleep improves grades. ", kind="assumption",
        confidence=0.3, tags=["school"], note="see p. 4",
        evidence=[{"source": "sleep-study", "quote": "grades rose"}])),
    ("empty claim fields", lambda s: s.edit_claim("teens-sleep-late", confidence=None,
                                                  evidence=[], note="")),
    ("edit generated link", lambda s: s.edit_link("l1", strength="weak", warrant="Rested"
                                                  " pupils focus.", type="attacks")),
    ("edit named link", lambda s: s.edit_link("cost-objection", strength="strong",
                                              evidence=[{"source": "sleep-study"}])),
    ("empty link field", lambda s: s.edit_link("l1", strength=None)),
    ("delete premise with undercut", lambda s: s.delete("buses-cost")),
    ("delete co-premise", lambda s: s.delete("sleep-helps-grades")),
    ("delete conclusion", lambda s: s.delete("start-later")),
    ("delete orphan-making claim", lambda s: s.delete("costs-unknown")),
    ("delete attacked link", lambda s: s.delete("cost-objection")),
    ("delete generated link", lambda s: s.delete("l1")),
]

INVALID: list[tuple[str, Edit, type[Exception], str]] = [
    ("dangling target", lambda s: s.add_reason("no-such-claim", "X."), EditRejected,
     "no-such-claim"),
    ("near-miss target", lambda s: s.add_rebuttal("start_later", "X."), EditRejected,
     "did you mean"),
    ("self-link", lambda s: s.add_reason("b-is-true", "B is true."), EditRejected, "itself"),
    ("bad kind", lambda s: s.add_reason("start-later", "X.", kind="verdict"), EditRejected,
     "kind"),
    ("bad strength", lambda s: s.add_rebuttal("l1", "X.", strength="huge"), EditRejected,
     "strength"),
    ("blank text", lambda s: s.add_reason("start-later", "   "), UsageError, "needs some text"),
    ("blank co-premise", lambda s: s.add_co_premise("l1", ""), UsageError, "needs some text"),
    ("co-premise of no link", lambda s: s.add_co_premise("ghost", "X."), UsageError,
     "no link with id 'ghost'"),
    ("confidence out of range", lambda s: s.edit_claim("start-later", confidence=1.5),
     EditRejected, "confidence"),
    ("unknown source", lambda s: s.edit_claim("start-later", evidence=[{"source": "sleep"}]),
     EditRejected, "unknown source"),
    ("link cites unknown source", lambda s: s.edit_link("l1", evidence=[{"source": "nope"}]),
     EditRejected, "unknown source"),
    ("blank claim text", lambda s: s.edit_claim("start-later", text=" "), UsageError,
     "needs some text"),
    ("edit no claim", lambda s: s.edit_claim("ghost", text="x"), UsageError,
     "no claim with id 'ghost'"),
    ("edit no link", lambda s: s.edit_link("ghost", strength="weak"), UsageError,
     "no link with id 'ghost'"),
    ("rename a claim", lambda s: s.edit_claim("start-later", id="renamed"), UsageError,
     "cannot edit"),
    ("move a link", lambda s: s.edit_link("l1", to="buses-cost"), UsageError, "cannot edit"),
    ("bad link type", lambda s: s.edit_link("l1", type="refutes"), EditRejected, "type"),
    ("delete nothing", lambda s: s.delete("ghost"), UsageError, "no link with id 'ghost'"),
    ("errors in claim, link and target", lambda s: s.add_reason(
        "start_later", "X.", kind="verdict", strength="huge"), EditRejected, "strength"),
    ("field and reference errors", lambda s: s.edit_claim(
        "start-later", confidence=-1, tags="x", evidence=[{"source": "nope", "page": 2}]),
     EditRejected, "unknown source"),
    ("co-premise of a bad kind", lambda s: s.add_co_premise("undercut", "X.", kind="verdict"),
     EditRejected, "kind"),
    ("unknown option", lambda s: s.add_reason("start-later", "X.", colour="red"), TypeError,
     "colour"),
]


@pytest.fixture(scope="module")
def small() -> ArgumentMap:
    return load_map(SMALL)


@pytest.mark.parametrize(("name", "edit"), VALID, ids=[v[0] for v in VALID])
def test_valid_edit_gives_the_plain_path_map(small: ArgumentMap, name: str, edit: Edit) -> None:
    session, (status, _) = run_both(small, edit)
    assert status == "ok" and session.map is not small
    assert shares_unchanged_claims(small, session.map)  # it did not take the plain path


@pytest.mark.parametrize(("name", "edit", "error", "match"), INVALID,
                         ids=[v[0] for v in INVALID])
def test_invalid_edit_gives_the_plain_path_error(
    small: ArgumentMap, name: str, edit: Edit, error: type[Exception], match: str
) -> None:
    session, (status, message) = run_both(small, edit)
    assert status == error.__name__ and match in message
    assert session.map is small and not session.can_undo


def test_map_with_duplicate_ids_falls_back_to_the_plain_refusal(small: ArgumentMap) -> None:
    twin = small.claims[1].model_copy(update={"text": "A twin."})
    broken = small.model_copy(update={"claims": [*small.claims, twin]})
    _, (status, message) = run_both(broken, lambda s: s.add_reason("start-later", "X."),
                                    falls_back=True)
    assert status == "EditRejected" and "duplicate id 'teens-sleep-late'" in message


def test_edits_save_the_same_file(tmp_path: Path) -> None:
    (tmp_path / "a").mkdir(), (tmp_path / "b").mkdir()
    written = []
    for folder, use_fast in (("a", True), ("b", False)):
        path = tmp_path / folder / "map.yaml"
        path.write_text(SMALL.read_text())
        session = EditSession.open(path)
        session.fast = use_fast
        session.add_co_premise("l1", "Grades matter.")
        session.edit_link("l1", warrant="Rested pupils learn.")
        session.delete("undercut")
        session.save()
        written.append(path.read_text())
    assert written[0] == written[1]
    assert "# the biology" in written[0] and "id: l1" not in written[0]


def test_undo_redo_give_back_the_same_maps(small: ArgumentMap) -> None:
    fast, plain = sessions(small)
    for session in (fast, plain):
        session.add_reason("start-later", "Absences fall.")
        session.delete("buses-cost")
        session.undo()
        session.undo()
    assert fast.map is small and plain.map is small
    fast.redo(), plain.redo()
    assert_same_maps(fast.map, plain.map)
    fresh = load_map(SMALL)  # the edits left the loaded map as it was
    assert small.model_dump() == fresh.model_dump() and fields_set(small) == fields_set(fresh)


def test_example_map(tmp_path: Path) -> None:
    example = load_map(EXAMPLE)
    claim, link = example.claims[-1].id, example.links[-1].ident
    for edit in (lambda s: s.add_reason(claim, "One more reason."),
                 lambda s: s.add_rebuttal(link, "One more objection."),
                 lambda s: s.add_co_premise(link, "One more co-premise."),
                 lambda s: s.edit_claim(claim, text="Reworded.", confidence=0.2),
                 lambda s: s.edit_link(link, strength="weak"),
                 lambda s: s.delete(claim), lambda s: s.delete(link),
                 lambda s: s.delete(example.claims[0].id)):
        assert run_both(example, edit)[1][0] == "ok"


def generated(seed: int) -> ArgumentMap:
    """A generated map in which some links have no id (theirs is generated on load)."""
    data = generate(Spec(250, seed=seed))
    targets = {link["to"] for link in data["links"]}
    for i, link in enumerate(data["links"]):
        if i % 3 == 0 and link["id"] not in targets:
            del link["id"]
    return ArgumentMap.model_validate(data)


def random_edit(rng: random.Random, amap: ArgumentMap) -> Edit:
    claim, link = rng.choice(amap.claims).id, rng.choice(amap.links).ident
    source = rng.choice(amap.sources).id
    target = rng.choice([claim, link])
    text = rng.choice(["Prices rise.", "Prices rise!", "Fewer cars.", "It is cheaper."])
    return rng.choice([
        lambda s: s.add_reason(target, text, strength="weak"),
        lambda s: s.add_rebuttal(target, text),
        lambda s: s.add_co_premise(link, text, kind="assumption"),
        lambda s: s.edit_claim(claim, tags=["x"], evidence=[{"source": source}]),
        lambda s: s.edit_claim(claim, confidence=None, note="checked"),
        lambda s: s.edit_link(link, type="attacks", warrant="Since."),
        lambda s: s.delete(claim),
        lambda s: s.delete(link),
        lambda s: s.add_reason(claim, text, kind="conclusion"),
        lambda s: s.edit_link(link, evidence=[{"source": source + "-x"}]),  # refused
        lambda s: s.edit_claim(claim, confidence=2),  # refused
    ])


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_generated_maps_random_edits(seed: int) -> None:
    rng = random.Random(seed)
    fast, plain = sessions(generated(seed))
    for _ in range(25):
        edit = random_edit(rng, fast.map)
        assert outcome(fast, edit) == outcome(plain, edit)
        assert_same_maps(fast.map, plain.map, ("json",))  # (YAML output is checked above)
    while fast.can_undo:
        assert fast.undo() == plain.undo()
        assert fast.map == plain.map


def test_first_link_of_a_map_without_links() -> None:
    bare = ArgumentMap.model_validate(
        {"title": "t", "claims": [{"id": "c", "text": "C", "kind": "conclusion"}]})
    session, (status, ident) = run_both(bare, lambda s: s.add_reason("c", "B is true."))
    assert status == "ok" and "links" in session.map.model_fields_set
    assert [lk.from_ for lk in session.map.links] == [[ident]]


def test_id_that_is_not_text_takes_the_plain_path(small: ArgumentMap) -> None:
    _, (status, message) = run_both(small, lambda s: s.edit_claim(["start-later"], note="x"),
                                    falls_back=True)
    assert status == "UsageError" and "no claim with id" in message


@pytest.mark.parametrize("ident", ["buses-cost", "sleep-helps-grades", "start-later",
                                   "costs-unknown", "cost-objection", "l1"])
def test_deletion_preview_names_what_delete_removes_and_changes_nothing(ident: str):
    for session in sessions(load_map(SMALL)):
        before = session.map
        preview = session.deletion_preview(ident)
        assert session.map is before and not session.dirty
        assert preview == session.delete(ident)


def test_deletion_preview_of_nothing_is_a_usage_error():
    for session in sessions(load_map(SMALL)):
        with pytest.raises(UsageError, match="no link with id 'ghost'"):
            session.deletion_preview("ghost")
