"""Strongly connected components without building a networkx graph.

>>> strongly_connected(["a", "b", "c"], {"a": ["b"], "b": ["a", "c"]}.get)
[['c'], ['a', 'b']]
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping


def strongly_connected(nodes: Iterable[str],
                       successors: Callable[[str], Iterable[str] | None]) -> list[list[str]]:
    """The strongly connected components (Tarjan, iterative), each component after every
    component it has an edge into: sinks first, the reverse of a topological order.
    Members keep the order of ``nodes``; every successor must be one of ``nodes``.
    Cost: O(nodes + edges)."""
    order = list(dict.fromkeys(nodes))
    number = {node: i for i, node in enumerate(order)}
    numbered = {i: [number[child] for child in successors(node) or ()]
                for i, node in enumerate(order)}
    return [[order[i] for i in part]
            for part in strongly_connected_ints(range(len(order)), numbered)]


def strongly_connected_ints(nodes: Iterable[int],
                            successors: Mapping[int, list[int]]) -> list[list[int]]:
    """:func:`strongly_connected` for nodes numbered by int, each with its list of successors
    (every successor must be a key of ``successors`` too). Components come sinks first, members
    in increasing order. Cost: O(nodes + edges)."""
    index: dict[int, int] = {}
    low: dict[int, int] = {}
    on_stack: set[int] = set()
    stack: list[int] = []
    found: list[list[int]] = []
    for root in nodes:
        if root in index:
            continue
        index[root] = low[root] = len(index)
        stack.append(root)
        on_stack.add(root)
        work = [(root, iter(successors[root]))]
        while work:
            node, children = work[-1]
            for child in children:
                if child not in index:
                    index[child] = low[child] = len(index)
                    stack.append(child)
                    on_stack.add(child)
                    work.append((child, iter(successors[child])))
                    break
                if child in on_stack and index[child] < low[node]:
                    low[node] = index[child]
            else:
                work.pop()
                if work:
                    parent = work[-1][0]
                    if low[node] < low[parent]:
                        low[parent] = low[node]
                if low[node] == index[node]:
                    part: list[int] = []
                    while True:
                        member = stack.pop()
                        on_stack.discard(member)
                        part.append(member)
                        if member == node:
                            break
                    part.sort()
                    found.append(part)
    return found
