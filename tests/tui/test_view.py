"""What the explorer shows, without a terminal: tree rows, references, paths, search, flags."""

from __future__ import annotations

from argmap.analysis import analyse
from argmap.io import load_map, loads_map
from tests.tui.conftest import EXAMPLE
from tui.view import OTHER, MapView, Row

SHARED = """\
title: Shared premise
claims:
  - {id: c1, text: First conclusion., kind: conclusion}
  - {id: c2, text: Second conclusion., kind: conclusion}
  - {id: shared, text: A premise both use.}
  - {id: under, text: Backs the shared premise.}
  - {id: loner, text: Joined to nothing.}
  - {id: objection, text: The link is shaky., kind: rebuttal}
links:
  - {id: one, from: shared, to: c1}
  - {id: two, from: shared, to: c2}
  - {id: back, from: under, to: shared}
  - {id: cut, from: objection, to: two, type: attacks}
"""


def test_rows_under_claims_and_links() -> None:
    view = MapView(loads_map(SHARED, "yaml"))
    assert view.top_rows() == [Row("c1", "claim"), Row("c2", "claim"), Row(OTHER, "group")]
    assert view.children(Row("c1", "claim")) == [Row("one", "link")]
    # Under a link: its premises, then the links attacking it (undercuts).
    assert view.children(Row("two", "link")) == [Row("shared", "claim", ref=True),
                                                Row("cut", "link")]
    assert view.children(Row(OTHER, "group")) == [Row("loner", "claim")]


def test_a_claim_reached_twice_is_full_once_and_a_reference_elsewhere() -> None:
    view = MapView(loads_map(SHARED, "yaml"))
    assert view.children(Row("one", "link")) == [Row("shared", "claim")]
    assert view.children(Row("two", "link"))[0].ref
    assert view.children(Row("shared", "claim", ref=True)) == []
    assert not view.has_children(Row("shared", "claim", ref=True))


def test_path_to_leads_to_the_full_row() -> None:
    view = MapView(loads_map(SHARED, "yaml"))
    assert view.path_to("under") == [Row("c1", "claim"), Row("one", "link"),
                                     Row("shared", "claim"), Row("back", "link"),
                                     Row("under", "claim")]
    assert view.path_to("objection")[-2:] == [Row("cut", "link"), Row("objection", "claim")]
    assert view.path_to("loner") == [Row(OTHER, "group"), Row("loner", "claim")]


def test_cycles_are_placed_and_terminate() -> None:
    view = MapView(loads_map("""\
title: Circle
claims: [{id: a, text: A.}, {id: b, text: B.}]
links: [{from: a, to: b}, {from: b, to: a}]
""", "yaml"))
    assert set(view.home) == {"a", "b"}
    assert view.path_to("b")[-1] == Row("b", "claim")


def test_search_covers_text_evidence_warrants_and_ids() -> None:
    view = MapView(load_map(EXAMPLE))
    assert view.search("TWO THIRDS") == ["pontevedra-cut"]
    assert "toronto-most-not-by-car" in view.search("toronto-study")  # a cited source id
    assert view.search("comparable town") == ["pontevedra-precedent"]  # a warrant
    assert view.search("air-to-ban") == ["air-to-ban"]
    assert view.search("   ") == []


def test_flagged_keeps_flagged_rows_and_their_paths_only() -> None:
    amap = load_map(EXAMPLE)
    analysis = analyse(amap)
    view = MapView(amap, analysis)
    kept = view.flagged()
    for link in amap.links:
        if analysis.link_flags(link.ident):
            assert {r.ident for r in view.path_to(link.ident)} <= kept
    warned = {f.target for f in analysis.findings if f.severity != "info"}
    assert warned & (set(view.claims) | set(view.links)) <= kept
    assert not warned & {s.id for s in amap.sources} & kept  # sources are not tree rows
    assert kept < set(view.claims) | set(view.links)


def test_weakest_link_is_the_weakest_flagged_support() -> None:
    amap = load_map(EXAMPLE)
    analysis = analyse(amap)
    view = MapView(amap, analysis)
    flagged = [lk for lk in amap.links
               if lk.type == "supports" and analysis.link_flags(lk.ident)]
    assert view.weakest_link() == min(flagged, key=lambda lk: analysis.strengths[lk.ident]).ident
    assert MapView(amap).weakest_link() is None  # nothing to say before the analysis


def test_findings_on_cited_sources_and_who_cites_them() -> None:
    amap = load_map(EXAMPLE)
    view = MapView(amap, analyse(amap))
    assert view.citing("toronto-study") == ["toronto-most-not-by-car"]
    assert view.citing("op-ed")[0] == "ban-cars-downtown"
    assert [f.target for f in view.source_findings("toronto-most-not-by-car")] == [
        f.target for f in view.analysis.findings_for("toronto-study")]


def test_undercuts_attacking_each_other_do_not_loop():
    # u1 undercuts the a->c link and is undercut by u2, which u1's premise undercuts in turn.
    amap = loads_map(
        "title: t\nclaims:\n  - {id: a, text: A}\n  - {id: c, text: C, kind: conclusion}\n"
        "  - {id: x, text: X}\n  - {id: y, text: Y}\n"
        "links:\n  - {id: ac, from: a, to: c}\n"
        "  - {id: u1, from: x, to: u2, type: attacks}\n"
        "  - {id: u2, from: y, to: u1, type: attacks}\n"
        "  - {id: u3, from: x, to: ac, type: attacks}\n",
        "yaml",
    )
    view = MapView(amap, analyse(amap))
    assert set(view.home) == {"a", "c", "x", "y"}
    path = view.path_to("u1")
    assert len(path) <= 3 and path[-1] == Row("u1", "link")


def test_search_lists_each_match_once_claims_first_up_to_the_limit() -> None:
    view = MapView(loads_map("""\
title: Search order
claims:
  - {id: c, text: "Straße works: the straße is shared.", kind: conclusion}
  - {id: p, text: "The STRASSE plan."}
  - {id: q, text: "No match here."}
links:
  - {id: l1, from: p, to: c, warrant: "A strasse argument."}
  - {id: l2, from: q, to: c}
""", "yaml"))
    assert view.search("strasse") == ["c", "p", "l1"]  # ß folds to ss; c matches twice
    assert view.search("strasse", limit=2) == ["c", "p"]
    assert view.search("l2") == ["l2"] and view.search("nothing like it") == []
    assert view.search("shared.\nno") == []  # a match never runs from one item into the next


def test_roots_without_marked_conclusions_and_the_analysed_view() -> None:
    amap = loads_map(SHARED.replace(", kind: conclusion", ""), "yaml")
    view = MapView(amap)
    analysis = analyse(amap)
    assert view.roots == analysis.conclusions == ["c1", "c2"]
    done = view.analysed(analysis)
    assert done.analysis is analysis and view.analysis is None
    assert done.home is view.home and done.roots == view.roots  # the structure is shared
    assert done.flagged() == MapView(amap, analysis).flagged()


def _rows(view: MapView) -> list[tuple[Row, list[Row]]]:
    """Every row reachable from the top, with its children."""
    out, stack = [], list(view.top_rows())
    while stack:
        row = stack.pop()
        kids = view.children(row)
        out.append((row, kids))
        stack.extend(kids)
    return out


def test_an_edit_that_keeps_the_structure_reuses_the_layout() -> None:
    from argmap.edit import EditSession

    session = EditSession(loads_map(SHARED, "yaml"))
    view = MapView(session.map)
    session.edit_claim("shared", text="A premise both use, reworded.")
    session.edit_link("two", strength="weak")
    kept = view.edited(session.map)
    assert kept is not None and kept.home is view.home  # the layout was not worked out again
    assert kept.claims["shared"].text == "A premise both use, reworded."
    assert kept.links["two"].strength == "weak" and view.links["two"].strength == "moderate"
    assert kept.search("reworded") == ["shared"] and view.search("reworded") == []
    assert _rows(kept) == _rows(MapView(session.map))


def _same_view(kept: MapView | None, amap) -> None:
    """``kept`` is what laying out ``amap`` anew gives."""
    fresh = MapView(amap)
    assert kept is not None
    assert (kept.claims, kept.links, kept.into, kept.feeds) == (
        fresh.claims, fresh.links, fresh.into, fresh.feeds)
    assert (kept.roots, kept.others, kept.home) == (fresh.roots, fresh.others, fresh.home)
    assert _rows(kept) == _rows(fresh)


def test_new_reasons_and_rebuttals_are_placed_as_a_new_layout_places_them() -> None:
    from argmap.edit import EditSession

    session = EditSession(loads_map(SHARED, "yaml"))
    view = MapView(session.map)
    session.add_reason("shared", "A new reason under a shared premise.")
    session.add_rebuttal("two", "An objection to an inference.")
    session.add_rebuttal("objection", "An answer to the objection.")
    kept = view.edited(session.map)
    assert kept is not None and kept.others is view.others  # worked out from the old layout
    assert kept.home is not view.home  # ... so the tree must be built again, not relabelled
    _same_view(kept, session.map)
    assert "a-new-reason-under-a-shared-premise" not in view.claims  # the old view is intact


def test_random_edits_give_the_layout_a_new_view_gives() -> None:
    import random

    from argmap.edit import EditSession
    from argmap.model import ArgumentMap
    from benchmarks.generate import Spec, generate

    rng = random.Random(4)
    session = EditSession(ArgumentMap.model_validate(generate(Spec(300, seed=2))))
    view = MapView(session.map)
    reused = 0
    for step in range(40):
        _random_edit(session, rng, step)
        kept = view.edited(session.map)
        reused += kept is not None
        view = kept or MapView(session.map)
        _same_view(view, session.map)
    assert reused >= 20  # most of these edits let the layout be worked out from the old one


def _random_edit(session, rng, step: int) -> None:
    claim = rng.choice(session.map.claims).id
    link = rng.choice(session.map.links).ident
    kind = rng.choice(["reason", "rebuttal", "co-premise", "text", "strength", "delete"])
    if kind == "reason":
        session.add_reason(claim, f"Reason {step}.")
    elif kind == "rebuttal":
        session.add_rebuttal(rng.choice([claim, link]), f"Objection {step}.")
    elif kind == "co-premise":
        session.add_co_premise(link, f"Co-premise {step}.")
    elif kind == "text":
        session.edit_claim(claim, text=f"Reworded {step}.")
    elif kind == "strength":
        session.edit_link(link, strength=rng.choice(["weak", "strong"]))
    else:
        session.delete(claim)


def test_an_edit_that_changes_the_structure_is_laid_out_anew() -> None:
    from argmap.edit import EditSession

    base = loads_map(SHARED, "yaml")
    view = MapView(base)
    session = EditSession(base)
    session.edit_claim("loner", kind="conclusion")
    assert view.edited(session.map) is None  # a new root
    session = EditSession(base)
    session.add_co_premise("one", "Needed alongside.")
    assert view.edited(session.map) is None  # a link's premises changed
    session = EditSession(base)
    session.apply("move a link", lambda data: data["links"][2].update(to="c2"))
    assert view.edited(session.map) is None  # a link moved
    session = EditSession(base)
    session.delete("under")
    assert view.edited(session.map) is None  # fewer claims
    session = EditSession(base)
    session.apply("reorder", lambda data: data["claims"].reverse())
    assert view.edited(session.map) is None  # the same items in another order
