"""immediate_dominators agrees with networkx's on acyclic and cyclic graphs; nearest_dominator
agrees with the chain of immediate dominators on acyclic ones."""

import random

import networkx as nx
import pytest

from argmap.analysis.dominators import immediate_dominators, nearest_dominator


def _random_graph(seed: int, nodes: int, edges: int) -> dict[int, list[int]]:
    rng = random.Random(seed)
    succ: dict[int, list[int]] = {}
    for _ in range(edges):
        a, b = rng.randrange(nodes), rng.randrange(nodes)
        succ.setdefault(a, []).append(b)
    return succ


@pytest.mark.parametrize("seed", range(40))
def test_same_as_networkx(seed):
    succ = _random_graph(seed, nodes=30, edges=45 + seed)
    g = nx.DiGraph()
    g.add_node(0)
    g.add_edges_from((a, b) for a, bs in succ.items() for b in bs)
    ours = immediate_dominators(succ, 0)
    theirs = nx.immediate_dominators(g, 0)
    assert ours.pop(0) == 0
    theirs.pop(0, None)  # networkx 3.5 leaves the start out, earlier versions map it to itself
    assert ours == theirs


def test_diamond_and_chain():
    succ = {"c": ["a", "b"], "a": ["p"], "b": ["p"], "p": ["q"], "q": ["end"]}
    idom = immediate_dominators(succ, "c")
    assert idom == {"c": "c", "a": "c", "b": "c", "p": "c", "q": "p", "end": "q"}


def test_only_reachable_nodes():
    assert immediate_dominators({"x": ["y"], "z": ["x"]}, "x") == {"x": "x", "y": "x"}


def _random_dag(seed: int, nodes: int, edges: int) -> dict[object, list[object]]:
    """Edges from lower to higher numbers; every node without one leads to "end"."""
    rng = random.Random(seed)
    succ: dict[object, list[object]] = {n: [] for n in range(nodes)}
    for _ in range(edges):
        a, b = sorted(rng.sample(range(nodes), 2))
        succ[a].append(b)
    for after in succ.values():
        if not after:
            after.append("end")
    return succ


def _nearest_by_idom(succ: dict[object, list[object]], start: object) -> object | None:
    idom = immediate_dominators(succ, start)
    node, nearest = idom["end"], None
    while node != start:
        nearest, node = node, idom[node]
    return nearest


@pytest.mark.parametrize("seed", range(300))
def test_nearest_dominator_is_the_end_of_the_dominator_chain(seed):
    nodes = 3 + seed % 25
    succ = _random_dag(seed, nodes, edges=seed % 7 + nodes * (seed % 3) // 2)
    assert nearest_dominator(succ, 0, "end") == _nearest_by_idom(succ, 0)


def test_nearest_dominator_in_a_chain_and_around_a_diamond():
    assert nearest_dominator({"c": ["a"], "a": ["b"], "b": ["end"]}, "c", "end") == "a"
    diamond = {"c": ["a", "b"], "a": ["end"], "b": ["end"]}
    assert nearest_dominator(diamond, "c", "end") is None
