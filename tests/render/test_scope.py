"""What a diagram selects: all of a map, or the neighbourhood of one claim."""

from __future__ import annotations

import pytest
from svgread import claim_nodes, make_map, needs_dot, render_svg

from argmap.errors import UsageError
from argmap.render.scope import select
from argmap.render.themes import THEMES


@pytest.fixture
def chain():
    """top <- mid <- low <- deep; a + b jointly support mid (undercut by u); r attacks top."""
    claims = [{"id": i, "text": i.upper()} for i in ("mid", "low", "deep", "a", "b", "u")]
    claims += [{"id": "top", "text": "TOP", "kind": "conclusion"},
               {"id": "r", "text": "R", "kind": "rebuttal"}]
    links = [
        {"id": "mid-top", "from": "mid", "to": "top"},
        {"id": "low-mid", "from": "low", "to": "mid"},
        {"id": "deep-low", "from": "deep", "to": "low"},
        {"id": "joint", "from": ["a", "b"], "to": "mid"},
        {"id": "undercut", "from": "u", "to": "joint", "type": "attacks"},
        {"id": "rebut", "from": "r", "to": "top", "type": "attacks"},
    ]
    return make_map(claims, links)


@pytest.mark.parametrize(("depth", "claims", "links"), [
    (0, {"mid"}, set()),
    (1, {"mid", "low", "a", "b", "top"}, {"mid-top", "low-mid", "joint"}),
    (2, {"mid", "low", "a", "b", "top", "deep", "u", "r"},
     {"mid-top", "low-mid", "joint", "deep-low", "undercut", "rebut"}),
])
def test_focus_takes_the_claims_within_depth_links(chain, depth, claims, links):
    scope = select(chain, focus="mid", depth=depth)
    assert {c.id for c in scope.claims} == claims
    assert {lk.ident for lk in scope.links} == links


def test_a_joint_link_is_an_inference_node_and_so_is_an_undercut_one(chain):
    assert select(chain).hubs == {"joint"}
    undercut_the_single = make_map(
        [{"id": "p", "text": "P"}, {"id": "q", "text": "Q"}, {"id": "x", "text": "X"}],
        [{"id": "pq", "from": "p", "to": "q"}, {"from": "x", "to": "pq", "type": "attacks"}])
    assert select(undercut_the_single).hubs == {"pq"}


def test_an_undercut_is_left_out_when_the_link_it_attacks_is(chain):
    scope = select(chain, focus="u", depth=1)
    assert {c.id for c in scope.claims} == {"u"}   # u's link reaches only a link, no claim
    assert scope.links == []


@needs_dot
def test_the_focused_diagram_draws_exactly_the_selection(chain):
    drawing = render_svg(chain, focus="mid", depth=1)
    assert claim_nodes(drawing) == {"mid", "low", "a", "b", "top", "joint"}
    assert set(drawing.edges) == {"mid-top:to:top", "low-mid:to:mid", "joint:to:mid",
                                  "joint:from:a", "joint:from:b"}
    border = drawing.nodes["mid"].painted("path")[0]
    assert border.get("stroke") == THEMES["light"].focus
    assert float(border.get("stroke-width", "1")) > 3


def test_unknown_focus_suggests_near_ids_and_a_link_names_its_claims(chain):
    with pytest.raises(UsageError, match="no claim 'mdi' in the map; did you mean mid"):
        select(chain, focus="mdi")
    with pytest.raises(UsageError, match="'joint' is a link; focus on one of its claims: a, b"):
        select(chain, focus="joint")
    with pytest.raises(UsageError, match="depth must be 0 or more"):
        select(chain, focus="mid", depth=-1)


def test_the_fast_neighbourhood_equals_the_graph_modules(chain, example):
    from argmap.graph import build_graph
    from argmap.graph import neighbourhood as reference
    from argmap.render.scope import neighbourhood

    for amap in (chain, example):
        g = build_graph(amap)
        for claim in amap.claims:
            for depth in range(4):
                expected = reference(g, claim.id, depth)
                assert neighbourhood(amap, claim.id, depth) == expected, (claim.id, depth)
                assert neighbourhood(amap, claim.id, depth, g) == expected, (claim.id, depth)


def test_focus_selects_the_same_with_or_without_the_analysis_graph(example):
    from argmap.analysis import analyse

    analysis = analyse(example)
    before = select(example, analysis, focus="business-grows", depth=1)
    assert analysis.graph is not None  # built now: the next selection walks it
    after = select(example, analysis, focus="business-grows", depth=1)
    assert [c.id for c in before.claims] == [c.id for c in after.claims]
    assert [lk.ident for lk in before.links] == [lk.ident for lk in after.links]
