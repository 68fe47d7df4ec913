"""Strongly connected components, checked against networkx."""

from __future__ import annotations

import random

import networkx as nx
import pytest

from argmap.analysis.scc import strongly_connected, strongly_connected_ints


@pytest.mark.parametrize("seed", range(50))
def test_components_match_networkx_and_come_sinks_first(seed):
    rng = random.Random(seed)
    nodes = [f"n{i}" for i in range(rng.randint(1, 30))]
    edges = {(a, b) for a in nodes for b in nodes if rng.random() < 0.08}
    succ = {n: [b for a, b in sorted(edges) if a == n] for n in nodes}
    parts = strongly_connected(nodes, succ.get)
    g = nx.DiGraph(list(edges))
    g.add_nodes_from(nodes)
    assert sorted(map(sorted, parts)) == sorted(map(sorted, nx.strongly_connected_components(g)))
    rank = {n: i for i, part in enumerate(parts) for n in part}
    assert all(rank[b] <= rank[a] for a, b in edges)  # an edge never points to a later part
    assert all(part == sorted(part, key=nodes.index) for part in parts)


def test_long_chain_does_not_recurse():
    nodes = [str(i) for i in range(50_000)]
    parts = strongly_connected(nodes, lambda n: [str(int(n) + 1)] if int(n) < 49_999 else [])
    assert len(parts) == 50_000 and parts[0] == ["49999"]


@pytest.mark.parametrize("seed", range(50))
def test_numbered_components_match_the_named_ones(seed):
    rng = random.Random(seed)
    n = rng.randint(1, 30)
    succ = {i: sorted({rng.randrange(n) for _ in range(rng.choice([0, 1, 2, 3]))})
            for i in range(n)}
    named = strongly_connected([str(i) for i in range(n)],
                               lambda x: [str(j) for j in succ[int(x)]])
    assert strongly_connected_ints(range(n), succ) == [[int(x) for x in p] for p in named]


def test_numbered_long_chain_does_not_recurse():
    succ = {i: [i + 1] if i < 49_999 else [] for i in range(50_000)}
    parts = strongly_connected_ints(range(50_000), succ)
    assert len(parts) == 50_000 and parts[0] == [49_999]
