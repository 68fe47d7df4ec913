"""Immediate dominators over a plain successor table, without building a networkx graph.

The iterative algorithm of Cooper, Harvey and Kennedy ("A Simple, Fast Dominance Algorithm"),
the one :func:`networkx.immediate_dominators` uses; immediate dominators are unique, so the answer
is the same, at a fraction of the cost on the small subgraphs rule AM107 asks about.

>>> immediate_dominators({"c": ["a", "b"], "a": ["p"], "b": ["p"], "p": ["end"]}, "c")["end"]
'p'
"""

from __future__ import annotations

from collections.abc import Hashable, Mapping, Sequence
from typing import TypeVar

N = TypeVar("N", bound=Hashable)


def _postorder(succ: Mapping[N, Sequence[N]], start: N) -> list[N]:
    """The nodes reachable from ``start``, each after every node first reached through it."""
    order: list[N] = []
    seen = {start}
    stack = [(start, iter(succ.get(start, ())))]
    while stack:
        node, rest = stack[-1]
        for nxt in rest:
            if nxt not in seen:
                seen.add(nxt)
                stack.append((nxt, iter(succ.get(nxt, ()))))
                break
        else:
            stack.pop()
            order.append(node)
    return order


def immediate_dominators(succ: Mapping[N, Sequence[N]], start: N) -> dict[N, N]:
    """Node -> its immediate dominator, for every node reachable from ``start`` (which maps to
    itself). ``succ`` maps a node to the nodes it has edges to; repeats are harmless."""
    order = _postorder(succ, start)
    rank = {node: i for i, node in enumerate(order)}
    preds: dict[N, list[N]] = {node: [] for node in order}
    for node in order:
        for nxt in succ.get(node, ()):
            preds[nxt].append(node)
    idom = {start: start}
    todo = order[-2::-1]  # reverse postorder, without the start
    changed = True
    while changed:
        changed = False
        for node in todo:
            new = None
            for pred in preds[node]:
                if pred in idom:
                    new = pred if new is None else _intersect(idom, rank, pred, new)
            if idom.get(node) != new:
                idom[node] = new
                changed = True
    return idom


def _intersect(idom: dict[N, N], rank: dict[N, int], a: N, b: N) -> N:
    """The nearest common dominator of ``a`` and ``b`` found so far."""
    while a != b:
        while rank[a] < rank[b]:
            a = idom[a]
        while rank[b] < rank[a]:
            b = idom[b]
    return a


def nearest_dominator(succ: Mapping[N, Sequence[N]], start: N, end: N) -> N | None:
    """The node nearest ``start``, other than ``start`` and ``end``, that every path from
    ``start`` to ``end`` passes through; None when there is none.

    Only for an acyclic graph in which every node reachable from ``start`` reaches ``end``.
    Then, in a topological order, a node lies on every such path exactly when no edge jumps
    over it (from a node before it to one after it); the first such node is the answer. It is
    what the chain of immediate dominators from ``end`` ends with, in one linear sweep.

    >>> nearest_dominator({"c": ["a", "b"], "a": ["p"], "b": ["p"], "p": ["end"]}, "c", "end")
    'p'
    """
    order = _postorder(succ, start)
    order.reverse()
    position = {node: i for i, node in enumerate(order)}
    reach = 0  # the farthest position an edge from the nodes seen so far lands on
    for i, node in enumerate(order):
        if 0 < i and reach <= i:
            return None if node == end else node
        for nxt in succ.get(node, ()):
            if position[nxt] > reach:
                reach = position[nxt]
    return None
