"""to_mermaid: the flowchart text, read back line by line."""

from __future__ import annotations

import re

from test_graphviz import HOSTILE, _hostile_map

from argmap.analysis import analyse
from argmap.render.labels import clean
from argmap.render.mermaid import to_mermaid
from argmap.render.themes import THEMES

NODE = re.compile(r'^    (?P<id>[ni]\d+)(?P<open>\(\["|\("|\{\{"|\[/"|\(\(")(?P<text>[^"\n]*)'
                  r'(?P<close>"\]\)|"\)|"\}\}|"/\]|"\)\))$')
EDGE = re.compile(r'^    (?P<tail>[ni]\d+) (?P<arrow>[-=.x>]+)(?:\|"(?P<label>[^"]*)"\|)? '
                  r'(?P<head>[ni]\d+)$')
SHAPE = {"conclusion": '(["', "premise": '("', "rebuttal": '{{"', "assumption": '[/"'}


def _read(text: str):
    """Node texts by claim id, edges as (tail id, arrow, head id), and the linkStyle lines."""
    names = dict(re.findall(r"^    %% ([ni]\d+): (\S+)$", text, re.M))
    nodes, edges = {}, []
    for line in text.splitlines():
        if m := NODE.match(line):
            nodes[names.get(m["id"], m["id"])] = m
        elif m := EDGE.match(line):
            edges.append((names.get(m["tail"], m["tail"]), m["arrow"],
                          names.get(m["head"], m["head"]), m["label"]))
    styles = dict(re.findall(r"^    linkStyle ([\d,]+) stroke:(\S+?),", text, re.M))
    return nodes, edges, {colour: [int(i) for i in ids.split(",")] for ids, colour in
                          styles.items()}


def _decode(label: str) -> str:
    text = label.replace("<br/>", " ").replace("#quot;", '"')
    return re.sub(r"#(\d+);", lambda m: chr(int(m[1])), text)


def test_it_is_a_bottom_to_top_flowchart_so_conclusions_sit_on_top(example):
    lines = to_mermaid(example).splitlines()
    assert "flowchart BT" in lines
    assert all(not line.startswith(" ") for line in lines[: lines.index("flowchart BT")])


def test_each_claim_has_its_kinds_shape_and_class(example):
    text = to_mermaid(example)
    nodes, _, _ = _read(text)
    assert {n for n in nodes if not re.match(r"i\d+$", n)} == {c.id for c in example.claims}
    for claim in example.claims:
        assert nodes[claim.id]["open"] == SHAPE[claim.kind], claim.id
        assert _decode(nodes[claim.id]["text"]) == claim.text
        node_id = nodes[claim.id]["id"]
        (members,) = re.findall(rf"^    class (\S+) {claim.kind}$", text, re.M)
        assert node_id in members.split(","), claim.id


def test_supports_attacks_weak_strong_and_inference_nodes(example):
    _, edges, styles = _read(to_mermaid(example))
    into = {(tail, head): arrow for tail, arrow, head, _ in edges}
    assert into[("ban-cleans-air", "ban-cars-downtown")] == "==>"          # strong support
    assert into[("walkers-spend-more", "business-grows")] == "-->"        # moderate support
    assert into[("excludes-disabled", "ban-cars-downtown")] == "--x"      # attack
    assert into[("traffic-evaporates", "traffic-displaced")] == "-.-x"    # weak attack
    hub = next(t for (t, h) in into if h == "ban-cleans-air" and t.startswith("i")
               and ("no2-over-limit", t) in into)
    assert into[("traffic-main-no2-source", hub)] == "==="                # joint premises meet
    assert into[(hub, "ban-cleans-air")] == "==>"
    undercut_hub = next(h for (t, h) in into if t == "toronto-most-not-by-car")
    assert into[("different-city", undercut_hub)] == "--x"                # into the link
    attacks = [i for i, (_, arrow, _, _) in enumerate(edges) if arrow.endswith("x")]
    assert styles[THEMES["light"].attack] == attacks
    assert sorted(styles[THEMES["light"].support] + attacks) == list(range(len(edges)))


def test_focus_draws_the_same_selection_as_graphviz(example):
    nodes, edges, _ = _read(to_mermaid(example, focus="business-grows", depth=1))
    assert set(nodes) == {"business-grows", "walkers-spend-more", "toronto-most-not-by-car",
                          "ban-cars-downtown"}
    # The undercut is two steps away: its target link is a plain edge, not an inference node.
    assert ("toronto-most-not-by-car", "-.->", "business-grows", None) in edges
    assert "classDef focus" in to_mermaid(example, focus="business-grows", depth=1)


def test_hostile_labels_stay_inside_their_quotes_and_read_back_literally():
    amap = _hostile_map(HOSTILE)
    text = to_mermaid(amap)
    nodes, edges, _ = _read(text)
    for i, original in enumerate(HOSTILE):
        assert "".join(_decode(nodes[f"c{i}"]["text"]).split()) == "".join(
            clean(original).split()), original
    body = [line for line in text.splitlines() if line.startswith("    ") and "%%" not in line]
    assert all(NODE.match(line) or EDGE.match(line) or line.startswith(
        ("    class", "    linkStyle")) for line in body)
    assert len(edges) == len(amap.links)
    assert "\n%% " + "\n" not in text and text.count("flowchart") == 1


def test_unsourced_claims_are_dashed_and_flagged_links_labelled(example):
    analysis = analyse(example)
    text = to_mermaid(example, analysis)
    nodes, edges, _ = _read(text)
    for claim in example.claims:
        marked = _decode(nodes[claim.id]["text"]).startswith("⚠ ")
        assert marked == analysis.is_unsourced(claim.id), claim.id
    (members,) = re.findall(r"^    class (\S+) unsourced$", text, re.M)
    assert {n for n, m in nodes.items() if m["id"] in members.split(",")} == {
        c.id for c in example.claims if analysis.is_unsourced(c.id)}
    labels = {(tail, head): label for tail, _, head, label in edges}
    assert labels[("traffic-evaporates", "traffic-displaced")] == "⚠ AM101 AM103"
    assert labels[("excludes-disabled", "ban-cars-downtown")] is None
    assert "⚠" not in to_mermaid(example, analysis, flags=False)
