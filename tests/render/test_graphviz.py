"""build_dot: the example map rendered with the real `dot`, read back from SVG."""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from svgread import claim_nodes, make_map, needs_dot, points, render_svg

from argmap.analysis import analyse
from argmap.errors import UsageError
from argmap.render.graphviz import build_dot
from argmap.render.labels import WIDTH, wrap
from argmap.render.themes import THEMES

pytestmark = needs_dot
LIGHT = THEMES["light"]
SNAPSHOT = Path(__file__).parent / "snapshots" / "car-free-downtown.dot"
HUBS = {"air-argument", "pontevedra-precedent", "toronto-to-business"}


def test_every_claim_and_each_inference_node_is_drawn(example):
    drawing = render_svg(example)
    assert claim_nodes(drawing) == {c.id for c in example.claims} | HUBS


def test_a_linked_argument_meets_in_its_inference_node(example):
    edges = render_svg(example).edges
    assert "air-argument:from:no2-over-limit" in edges
    assert "air-argument:from:traffic-main-no2-source" in edges
    assert edges["air-argument:to:ban-cleans-air"].title == "ban-cleans-air->air-argument"
    # The premises' edges have no arrowhead: only the edge into the target points.
    assert not edges["air-argument:from:no2-over-limit"].painted("polygon")
    assert edges["air-argument:to:ban-cleans-air"].painted("polygon")


def test_the_undercut_points_into_the_link_it_attacks(example):
    edge = render_svg(example).edges["toronto-undercut:to:toronto-to-business"]
    assert edge.title == "toronto-to-business->different-city"
    assert edge.outline.get("stroke") == LIGHT.attack


def test_supports_are_green_with_an_arrow_and_attacks_red_with_a_tee(example):
    edges = render_svg(example).edges
    for link in example.links:
        edge = edges[f"{link.ident}:to:{link.to}"]
        head = edge.painted("polygon")[0]
        if link.type == "supports":
            assert edge.outline.get("stroke") == LIGHT.support, link.ident
            assert points(head) == 3, link.ident
        else:
            assert edge.outline.get("stroke") == LIGHT.attack, link.ident
            assert points(head) == 4, link.ident


def test_weak_links_are_dashed_and_no_others(example):
    edges = render_svg(example).edges
    for link in example.links:
        dashed = edges[f"{link.ident}:to:{link.to}"].outline.get("stroke-dasharray") is not None
        assert dashed == (link.strength == "weak"), link.ident


def test_conclusions_are_on_top_in_tb_and_on_the_left_in_lr(example):
    tb = render_svg(example)
    others = [tb.nodes[c.id].top() for c in example.claims if c.kind != "conclusion"]
    assert tb.nodes["ban-cars-downtown"].top() < min(others)
    lr = render_svg(example, rankdir="LR")
    others = [lr.nodes[c.id].left() for c in example.claims if c.kind != "conclusion"]
    assert lr.nodes["ban-cars-downtown"].left() < min(others)


@pytest.mark.parametrize("kind", ["conclusion", "premise", "rebuttal", "assumption"])
def test_kinds_have_their_own_fill_and_border(example, kind):
    nodes = render_svg(example).nodes
    for claim in (c for c in example.claims if c.kind == kind):
        outline = nodes[claim.id].painted("path") + nodes[claim.id].painted("polygon")
        assert outline[0].get("fill") == LIGHT.kinds[kind].fill, claim.id
        assert outline[0].get("stroke") == LIGHT.kinds[kind].border, claim.id


def test_conclusions_are_bold_and_assumptions_italic(example):
    nodes = render_svg(example).nodes
    first = {c.id: nodes[c.id].painted("text")[0] for c in example.claims}
    assert first["ban-cars-downtown"].get("font-weight") == "bold"
    assert first["pontevedra-comparable"].get("font-style") == "italic"
    assert first["ban-cleans-air"].get("font-weight") is None


def test_labels_are_wrapped_and_sources_in_small_type(example):
    node = render_svg(example).nodes["no2-over-limit"]
    body = [t for t in node.painted("text") if t.get("font-size") == "13.00"]
    small = [t for t in node.painted("text") if t.get("font-size") == "10.00"]
    text = example.claim("no2-over-limit").text
    assert [t.text for t in body] == wrap(text) and len(body) > 1
    assert all(len(t.text or "") <= WIDTH for t in body)
    assert " ".join(t.text or "" for t in body) == example.claim("no2-over-limit").text
    assert " ".join(t.text or "" for t in small) == "city-air-report, summary; in op-ed, para 1"


def test_tooltips_hold_the_full_text_sources_and_warrant(example):
    drawing = render_svg(example)
    for claim in example.claims:
        assert drawing.nodes[claim.id].tooltip.startswith(claim.text + "\n"), claim.id
    tip = drawing.nodes["toronto-most-not-by-car"].tooltip
    assert "evidence: toronto-study, findings — “most shoppers arrived on foot" in tip
    edge = drawing.edges["air-argument:to:ban-cleans-air"]
    assert "warrant: If traffic causes most of the excess pollution" in edge.tooltip


def test_the_legend_names_the_kinds_and_links_drawn(example):
    drawing = render_svg(example)
    assert "_legend" in drawing.clusters
    legend = {n for n in drawing.nodes if n.startswith("_legend_")}
    assert legend == {"_legend_conclusion", "_legend_premise", "_legend_rebuttal",
                      "_legend_assumption", "_legend_links"}
    keys = " ".join(drawing.nodes["_legend_links"].texts)
    assert "supports" in keys and "attacks" in keys and "weak link" in keys


def test_the_legend_leaves_out_what_the_map_does_not_use():
    amap = make_map([{"id": "a", "text": "A"}, {"id": "b", "text": "B", "kind": "conclusion"}],
                    [{"from": "a", "to": "b"}])
    drawing = render_svg(amap)
    assert {n for n in drawing.nodes if n.startswith("_legend_")} == {
        "_legend_conclusion", "_legend_premise", "_legend_links"}
    assert "attacks" not in " ".join(drawing.nodes["_legend_links"].texts)


def test_clusters_box_claims_by_their_first_tag(example):
    drawing = render_svg(example, clusters=True)
    boxes = {" ".join(c.texts): c for c in drawing.clusters.values() if c.id.startswith("_tag")}
    assert set(boxes) == {"air", "business"}
    air = boxes["air"].painted("path") + boxes["air"].painted("polygon")
    assert air, "the air cluster has no outline"
    for name in ("ban-cleans-air", "pontevedra-cut"):
        assert _inside(drawing.nodes[name], boxes["air"]), name
    assert not _inside(drawing.nodes["business-grows"], boxes["air"])


def _inside(node, cluster) -> bool:
    import re

    def box(shape):
        xs, ys = [], []
        for e in shape.painted("path") + shape.painted("polygon"):
            for x, y in re.findall(r"(-?[\d.]+),(-?[\d.]+)", e.get("d", "") + e.get("points", "")):
                xs.append(float(x))
                ys.append(float(y))
        return min(xs), min(ys), max(xs), max(ys)

    nx0, ny0, nx1, ny1 = box(node)
    cx0, cy0, cx1, cy1 = box(cluster)
    return cx0 <= nx0 and cy0 <= ny0 and nx1 <= cx1 and ny1 <= cy1


@pytest.mark.parametrize("theme", sorted(THEMES))
def test_themes_paint_background_kinds_and_links(example, theme):
    drawing = render_svg(example, theme=theme)
    th = THEMES[theme]
    background = drawing.root.find(".//{http://www.w3.org/2000/svg}g[@id='argmap']//"
                                   "{http://www.w3.org/2000/svg}polygon")
    assert background is not None and background.get("fill") == th.background
    node = drawing.nodes["excludes-disabled"].painted("polygon")[0]
    assert node.get("fill") == th.kinds["rebuttal"].fill
    assert drawing.edges["disabled-objection:to:ban-cars-downtown"].outline.get("stroke") == \
        th.attack


def test_unknown_theme_and_rankdir_are_usage_errors(example):
    with pytest.raises(UsageError, match="unknown theme 'neon': use one of dark, light, print"):
        build_dot(example, theme="neon")
    with pytest.raises(UsageError, match="unknown rankdir 'BT'"):
        build_dot(example, rankdir="BT")


def test_dot_source_matches_the_committed_snapshot(example):
    """The DOT text `argmap render` writes is stable: a change to it changes every diagram.

    Set ARGMAP_UPDATE_SNAPSHOTS=1 to rewrite the snapshot after an intended change (a new
    finding message changes the tooltips too), and review the diff.
    """
    source = build_dot(example, analyse(example)).source
    if os.environ.get("ARGMAP_UPDATE_SNAPSHOTS"):
        SNAPSHOT.parent.mkdir(exist_ok=True)
        SNAPSHOT.write_text(source, encoding="utf-8")
    assert source == SNAPSHOT.read_text(encoding="utf-8")


def test_flagged_links_carry_a_warning_and_their_codes(example):
    analysis = analyse(example)
    drawing = render_svg(example, analysis=analysis)
    for link in example.links:
        edge = drawing.edges[f"{link.ident}:to:{link.to}"]
        flags = analysis.link_flags(link.ident)
        assert ("⚠" in edge.texts) == bool(flags), link.ident
        for finding in flags:
            assert f"⚠ {finding.code} {finding.name}: {finding.message}" in edge.tooltip
    weak = drawing.edges["pontevedra-precedent:to:ban-cleans-air"].tooltip
    assert "AM103 weak-link" in weak and "AM102 unsourced-statistic" in weak


def test_unsourced_claims_have_a_dashed_border_and_a_warning(example):
    analysis = analyse(example)
    drawing = render_svg(example, analysis=analysis)
    for claim in example.claims:
        node = drawing.nodes[claim.id]
        border = (node.painted("path") + node.painted("polygon"))[0]
        unsourced = analysis.is_unsourced(claim.id)
        assert (border.get("stroke-dasharray") is not None) == unsourced, claim.id
        assert (node.texts[0].startswith("⚠")) == unsourced, claim.id
    assert "AM101 unsourced-premise" in drawing.nodes["walkers-spend-more"].tooltip
    assert "_legend_unsourced" in drawing.nodes


def test_no_flags_draws_the_analysis_without_warnings(example):
    drawing = render_svg(example, analysis=analyse(example), flags=False)
    assert not any("⚠" in "".join(shape.texts) for shape in drawing.edges.values())
    assert not any(n.texts and n.texts[0].startswith("⚠") for n in drawing.nodes.values())


def test_strength_prints_each_claims_dfquad_strength(example):
    analysis = analyse(example)
    drawing = render_svg(example, analysis=analysis, strength=True)
    for claim in example.claims:
        shown = f"strength {analysis.strengths[claim.id]:.2f}"
        assert any(t.startswith(shown) for t in drawing.nodes[claim.id].texts), claim.id
    plain = render_svg(example, analysis=analysis)
    assert not any("strength 0" in t for n in plain.nodes.values() for t in n.texts)


def test_the_legend_hangs_under_the_map(example):
    drawing = render_svg(example)
    legend_top = drawing.nodes["_legend_conclusion"].top()
    assert all(drawing.nodes[c.id].top() < legend_top for c in example.claims)


HOSTILE = [
    'She said "stop" and left',
    "C:\\temp\\new \\N \\G \\l \\n backslashes",
    "<b>not bold</b> <script>alert(1)</script>",
    "fish & chips &amp; &lt; &#38; &foo;",
    "{braces} | pipes | <ports> [brackets]",
    "first line\nsecond line\r\nthird",
    "[bold red]Rich markup[/] and *markdown* _here_",
    "Pneumonoultramicroscopicsilicovolcanoconiosis" * 3,
    "emoji 🙂👨‍👩‍👧 flags 🇫🇷 and שלום עולם and مرحبا بالعالم",
    '"]; evil [label="pwned" color=red]; x [',
    "> tooltip=\"x\" <",
    "control \x00 \x1b[31m chars \x7f",
]


def _hostile_map(texts: list[str]):
    claims = [{"id": f"c{i}", "text": t, "tags": [t], "evidence": [{"source": "s", "locator": t}]}
              for i, t in enumerate(texts)]
    claims.append({"id": "goal", "text": "Goal", "kind": "conclusion"})
    links = [{"from": f"c{i}", "to": "goal", "warrant": t} for i, t in enumerate(texts)]
    return make_map(claims, links, title=texts[0], sources=[{"id": "s", "title": texts[-1]}])


def _bare(text: str) -> str:
    from argmap.render.labels import clean

    return "".join(clean(text).split())


def test_hostile_labels_come_out_literally_and_add_nothing():
    amap = _hostile_map(HOSTILE)
    drawing = render_svg(amap, clusters=True)
    assert claim_nodes(drawing) == {c.id for c in amap.claims}
    for i, text in enumerate(HOSTILE):
        node = drawing.nodes[f"c{i}"]
        body = [t.text or "" for t in node.painted("text") if t.get("font-size") == "13.00"]
        small = [t.text or "" for t in node.painted("text") if t.get("font-size") == "10.00"]
        assert _bare("".join(body)) == _bare(text), text
        assert _bare("".join(small)).startswith(_bare(f"s, {text}")[:20]), text
        assert node.tooltip.split("\n\npremise · ")[0] == text.replace("\r\n", "\n").replace(
            "\x00", "\ufffd").replace("\x1b", "\ufffd").replace("\x7f", "\ufffd"), text
        assert node.painted("path")[0].get("fill") == LIGHT.kinds["premise"].fill
        edge = drawing.edges[f"l{i + 1}:to:goal"]
        assert edge.outline.get("stroke") == LIGHT.support
        assert f"warrant: {_bare(text)[:10]}" in "warrant: " + _bare(edge.tooltip.split(
            "warrant: ")[1]), text
    tags = {"".join(c.texts) for c in drawing.clusters.values() if c.id.startswith("_tag")}
    assert {_bare(t) for t in tags} == {_bare(t) for t in HOSTILE}


def test_slug_ids_that_are_dot_keywords_are_quoted():
    amap = make_map([{"id": "node", "text": "A"}, {"id": "edge", "text": "B"},
                     {"id": "graph", "text": "C", "kind": "conclusion"}],
                    [{"id": "subgraph", "from": ["node", "edge"], "to": "graph"}])
    drawing = render_svg(amap)
    assert claim_nodes(drawing) == {"node", "edge", "graph", "subgraph"}


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.text(min_size=1, max_size=80).filter(lambda t: re.search(r"\S", t)),
                min_size=1, max_size=4))
# Blank text once made an empty <B></B>, which Graphviz refuses; maps may no longer hold blank
# text, but text that is nearly all white space comes close.
@example(["\n.", " \u00a0 -  "])
def test_any_text_renders_to_svg_that_holds_it(texts):
    amap = _hostile_map(texts)
    drawing = render_svg(amap)
    for i, text in enumerate(texts):
        node = drawing.nodes[f"c{i}"]
        body = [t.text or "" for t in node.painted("text") if t.get("font-size") == "13.00"]
        assert _bare("".join(body)) == _bare(text)


@pytest.mark.parametrize("rankdir", ["TB", "LR"])
def test_the_legend_is_one_row_in_kind_order(example, rankdir):
    nodes = render_svg(example, rankdir=rankdir).nodes
    order = ["_legend_conclusion", "_legend_premise", "_legend_rebuttal", "_legend_assumption",
             "_legend_links"]
    lefts = [nodes[name].left() for name in order]
    assert lefts == sorted(lefts)
    tops = [nodes[name].top() for name in order[:-1]]
    assert max(tops) - min(tops) < 10


def test_a_link_with_a_scheme_is_labelled_with_it_and_hostile_names_stay_text():
    amap = make_map(
        [{"id": "c", "text": "Ban phones in class.", "kind": "conclusion"},
         {"id": "e", "text": "Dr Lee says phones harm attention."},
         {"id": "f", "text": "Phones & tablets."}],
        [{"id": "l1", "from": "e", "to": "c", "scheme": "ExpertOpinion"},
         {"id": "l2", "from": "f", "to": "c", "scheme": "<b>vibes</b>"}])
    drawing = render_svg(amap)
    texts = {t for shape in drawing.edges.values() for t in shape.texts}
    assert "expert opinion" in texts and "<b>vibes</b>" in texts
    tips = [shape.tooltip for shape in drawing.edges.values()]
    assert any("scheme: ExpertOpinion" in tip for tip in tips)


def _longest_side(polygon) -> float:
    import re as _re

    pts = [tuple(map(float, p.split(","))) for p in _re.findall(r"-?[\d.]+,-?[\d.]+",
                                                                polygon.get("points", ""))]
    pairs = zip(pts, pts[1:], strict=False)
    return max(((a[0] - b[0]) ** 2 + (a[1] - b[1]) ** 2) ** 0.5 for a, b in pairs)


@pytest.mark.parametrize("theme", ["light", "print"])
def test_attack_heads_are_large_bars_wider_than_support_arrows(example, theme):
    edges = render_svg(example, theme=theme).edges
    tees = [edges[f"{lk.ident}:to:{lk.to}"].painted("polygon")[0]
            for lk in example.links if lk.type == "attacks"]
    arrows = [edges[f"{lk.ident}:to:{lk.to}"].painted("polygon")[0]
              for lk in example.links if lk.type == "supports"]
    assert all(points(t) == 4 for t in tees) and all(points(a) == 3 for a in arrows)
    # A tee's bar is at least 18 pt across: twice the old 9 pt, and wider than any arrowhead.
    assert min(map(_longest_side, tees)) >= 18
    assert min(map(_longest_side, tees)) > max(map(_longest_side, arrows))


def test_only_the_weak_sample_in_the_legend_is_dashed(example):
    """Line samples are filled strokes: one piece each, except weak (four dashes)."""
    legend = render_svg(example).nodes["_legend_links"]
    pieces: dict[str, int] = {}
    for polygon in legend.painted("polygon"):
        if polygon.get("stroke") == "transparent":
            pieces[polygon.get("fill")] = pieces.get(polygon.get("fill"), 0) + 1
    assert pieces[LIGHT.support] == 1 and pieces[LIGHT.attack] == 1
    assert pieces[LIGHT.subtle] == 1 + 4   # strong (one thick stroke) + weak (four dashes)
    assert not any(ch in "".join(legend.texts) for ch in "━╍")


def test_the_legend_explains_the_warning_on_a_line(example):
    """A PNG has no tooltips: the legend says what ⚠ on a link means."""
    texts = render_svg(example, analysis=analyse(example)).nodes["_legend_links"].texts
    line = " ".join(texts)
    assert "⚠" in texts and "on a link: it is weak, or rests on a claim without a source" in line


def test_the_background_has_no_tooltip(example):
    from svgread import SVG, XLINK_TITLE

    drawing = render_svg(example)
    graph = next(g for g in drawing.root.iter(f"{SVG}g") if g.get("class") == "graph")
    assert graph.find(f"{SVG}title") is None
    for cluster in drawing.clusters.values():
        assert cluster.element.find(f"{SVG}title") is None
    tips = {a.get(XLINK_TITLE) for a in drawing.root.iter(f"{SVG}a")}
    assert example.title not in tips


def test_a_long_source_line_keeps_the_paragraph_number():
    amap = make_map(
        [{"id": "a", "text": "A", "evidence": [
            {"source": "china-catching-up", "locator": "The New Bipolarity in Global Compute, "
             "para 3"}, {"source": "s2", "locator": "The Hardware Moat, para 7"}]}],
        sources=[{"id": "china-catching-up"}, {"id": "s2"}])
    small = render_svg(amap).nodes["a"].texts[1:]
    assert small[-1].endswith("+1 more") or small[-1].endswith("para 7")
    assert "para 3" in " ".join(small)
    assert all(len(line) <= 34 for line in small)


def test_proposals_are_dashed_grey_and_named_in_the_legend():
    amap = make_map([{"id": "c", "text": "Ban cars.", "kind": "conclusion"},
                     {"id": "a", "text": "Cars are loud.", "proposed": True},
                     {"id": "b", "text": "Cars are handy."}],
                    [{"id": "l1", "from": "a", "to": "c", "proposed": True},
                     {"id": "l2", "from": "b", "to": "c", "type": "attacks"}])
    drawing = render_svg(amap)
    proposed = drawing.edges["l1:to:c"].outline
    assert proposed.get("stroke") == LIGHT.subtle and proposed.get("stroke-dasharray")
    reviewed = drawing.edges["l2:to:c"].outline
    assert reviewed.get("stroke") == LIGHT.attack and not reviewed.get("stroke-dasharray")
    border = (drawing.nodes["a"].painted("path") + drawing.nodes["a"].painted("polygon"))[0]
    assert border.get("stroke") == LIGHT.subtle and border.get("stroke-dasharray")
    assert "proposed, not reviewed" in drawing.nodes["a"].tooltip
    assert "proposed by a tool" in "".join(drawing.nodes["_legend_links"].texts)
