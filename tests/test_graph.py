"""The networkx view of a map and its traversal helpers."""

from __future__ import annotations

from argmap import graph
from argmap.model import ArgumentMap


def build(claims, links):
    amap = ArgumentMap.model_validate({
        "title": "t",
        "claims": [{"id": c, "text": c, **({"kind": "conclusion"} if c == "c" else {})}
                   for c in claims],
        "links": links,
    })
    return amap, graph.build_graph(amap)


def chain():
    # a -> b -> c (conclusion); d attacks b; e undercuts the b->c link; [f, g] linked into c
    return build("abcdefg", [
        {"id": "ab", "from": "a", "to": "b"},
        {"id": "bc", "from": "b", "to": "c", "strength": "weak"},
        {"id": "db", "from": "d", "to": "b", "type": "attacks"},
        {"id": "ebc", "from": "e", "to": "bc", "type": "attacks"},
        {"id": "fgc", "from": ["f", "g"], "to": "c"},
    ])


def test_nodes_and_edges_go_premise_link_target():
    _, g = chain()
    assert g.nodes["bc"] == {"node": "link", "type": "supports", "strength": "weak"}
    assert g.nodes["a"]["node"] == "claim"
    assert set(g.edges) == {("a", "ab"), ("ab", "b"), ("b", "bc"), ("bc", "c"), ("d", "db"),
                            ("db", "b"), ("e", "ebc"), ("ebc", "bc"), ("f", "fgc"),
                            ("g", "fgc"), ("fgc", "c")}


def test_supporters_attackers_premises_target():
    _, g = chain()
    assert sorted(graph.supporters(g, "c")) == ["bc", "fgc"]
    assert graph.attackers(g, "b") == ["db"]
    assert graph.attackers(g, "bc") == ["ebc"]
    assert sorted(graph.premises(g, "fgc")) == ["f", "g"]
    assert graph.target(g, "ebc") == "bc"


def test_conclusions_and_leaves():
    amap, g = chain()
    assert graph.conclusions(amap, g) == ["c"]
    assert sorted(graph.leaves(g)) == ["a", "d", "e", "f", "g"]


def test_conclusions_inferred_when_none_marked():
    amap, g = build("xyz", [{"from": "x", "to": "y"}, {"from": "z", "to": "x",
                                                      "type": "attacks"}])
    assert graph.conclusions(amap, g) == ["y"]
    assert graph.conclusions(amap) == ["y"]  # without the graph: from the links


def test_no_cycles_in_a_dag_and_support_cycle_found():
    _, g = chain()
    assert graph.cycles(g) == []
    _, g = build("abc", [{"from": "a", "to": "b"}, {"from": "b", "to": "c"},
                         {"from": "c", "to": "a"}])
    (cycle,) = graph.cycles(g)
    assert sorted(cycle) == ["a", "b", "c"]


def test_attack_cycles_only_with_attack_type():
    _, g = build("ab", [{"from": "a", "to": "b", "type": "attacks"},
                        {"from": "b", "to": "a", "type": "attacks"}])
    assert graph.cycles(g) == []
    assert len(graph.cycles(g, "attacks")) == 1


def test_neighbourhood_by_depth():
    _, g = chain()
    assert graph.neighbourhood(g, "c", 0) == {"c"}
    assert graph.neighbourhood(g, "c", 1) == {"c", "b", "f", "g", "bc", "fgc"}
    two = graph.neighbourhood(g, "c", 2)
    assert {"a", "d", "ab", "db"} <= two and "e" in two


def test_neighbourhood_unknown_claim():
    _, g = chain()
    try:
        graph.neighbourhood(g, "zz", 1)
    except KeyError as exc:
        assert exc.args == ("zz",)
    else:
        raise AssertionError("expected KeyError")


def test_empty_map():
    amap, g = build("", [])
    assert graph.conclusions(amap, g) == [] and graph.leaves(g) == [] and graph.cycles(g) == []
