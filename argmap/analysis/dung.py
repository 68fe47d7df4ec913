"""Grounded semantics (Dung 1995) over a map's attacks: which claims stand, fall or stay open.

How a map becomes an abstract argumentation framework:

- Every claim is an argument, and so is every attack link (the inference "these premises tell
  against that target").
- An attack link attacks its target: a claim, or, for an undercut, another attack link.
- Attacking a premise attacks every attack link that uses it: a linked attack (several
  co-premises) falls when any one of its premises is defeated, and stands only when all do.
- Supports are not attacks: they take no part here (their weight is what DF-QuAD measures). So an
  undercut of a *support* link changes no grounded label.

Claims get the labels of their arguments: IN (stands: every attacker is defeated), OUT (some
attacker stands) or UNDEC (neither can be settled: attack cycles nobody breaks).

>>> grounded_labels(["a", "b", "c"], [("a", "b"), ("b", "c")])
{'a': 'IN', 'b': 'OUT', 'c': 'IN'}
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterable

from argmap.analysis.index import MapIndex
from argmap.model import ArgumentMap

IN, OUT, UNDEC = "IN", "OUT", "UNDEC"


def grounded_labels(arguments: Iterable[str], attacks: Iterable[tuple[str, str]]) -> dict[str, str]:
    """The grounded labelling of the framework (arguments, attacker -> attacked pairs).

    Queue-based: an argument all of whose attackers are OUT becomes IN, and everything an IN
    argument attacks becomes OUT; what is never settled is UNDEC. Cost: O(arguments + attacks).
    """
    args = list(dict.fromkeys(arguments))
    targets: dict[str, list[str]] = {a: [] for a in args}
    alive: dict[str, int] = dict.fromkeys(args, 0)  # attackers not yet OUT
    for attacker, attacked in set(attacks):
        targets[attacker].append(attacked)
        alive[attacked] += 1
    label: dict[str, str] = {}
    queue = deque(a for a in args if alive[a] == 0)
    for arg in queue:
        label[arg] = IN
    while queue:
        arg = queue.popleft()
        for victim in targets[arg]:
            if victim in label:
                continue
            label[victim] = OUT
            for further in targets[victim]:
                alive[further] -= 1
                if alive[further] == 0 and further not in label:
                    label[further] = IN
                    queue.append(further)
    return {a: label.get(a, UNDEC) for a in args}


def attack_framework(index: MapIndex) -> tuple[list[str], list[tuple[str, str]]]:
    """The arguments and attacks of a map, as the module docstring describes."""
    attack_links = {lid: lk for lid, lk in index.links.items() if lk.type == "attacks"}
    arguments = [*index.claims, *attack_links]
    pairs: list[tuple[str, str]] = []
    for lid, link in attack_links.items():
        if link.to in index.claims or link.to in attack_links:
            pairs.append((lid, link.to))
    for lid, link in attack_links.items():
        for premise in dict.fromkeys(link.from_):
            pairs.extend((a.ident, lid) for a in index.attacks_into(premise))
    return arguments, pairs


def grounded(amap: ArgumentMap, graph: object = None, *,
             index: MapIndex | None = None) -> dict[str, str]:
    """Grounded label ("IN", "OUT" or "UNDEC") of every claim id of ``amap``."""
    index = index or MapIndex(amap)
    labels = grounded_labels(*attack_framework(index))
    return {cid: labels[cid] for cid in index.claims}
