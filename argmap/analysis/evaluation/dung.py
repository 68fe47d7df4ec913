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

from collections.abc import Iterable
from itertools import compress, islice, repeat
from operator import attrgetter, not_

from argmap.analysis.index import MapIndex
from argmap.analysis.numbered import Numbered
from argmap.model import ArgumentMap
from argmap.perf import collector_paused

IN, OUT, UNDEC = "IN", "OUT", "UNDEC"
_IN, _OUT = 1, 2  # in the bytearray of labels; 0 is not (yet) settled
_NAMES = (UNDEC, IN, OUT)


def grounded_labels(arguments: Iterable[str], attacks: Iterable[tuple[str, str]]) -> dict[str, str]:
    """The grounded labelling of the framework (arguments, attacker -> attacked pairs).

    Queue-based: an argument all of whose attackers are OUT becomes IN, and everything an IN
    argument attacks becomes OUT; what is never settled is UNDEC. Cost: O(arguments + attacks).
    """
    args = list(dict.fromkeys(arguments))
    pos = dict(zip(args, range(len(args)), strict=True))
    targets: list[list[int]] = [[] for _ in args]
    alive = [0] * len(args)  # attackers not yet OUT
    for attacker, attacked in set(attacks):
        b = pos[attacked]
        targets[pos[attacker]].append(b)
        alive[b] += 1
    label = bytearray(len(args))
    queue = [i for i, k in enumerate(alive) if not k]
    for arg in queue:
        label[arg] = _IN
    while queue:
        for victim in targets[queue.pop()]:
            if label[victim]:
                continue
            label[victim] = _OUT
            for further in targets[victim]:
                left = alive[further] - 1
                alive[further] = left
                if not left and not label[further]:
                    label[further] = _IN
                    queue.append(further)
    return dict(zip(args, map(_NAMES.__getitem__, label), strict=True))


def attack_framework(index: MapIndex) -> tuple[list[str], list[tuple[str, str]]]:
    """The arguments and attacks of a map, as the module docstring describes, written out pair
    by pair: the reference :func:`grounded` is checked against."""
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
    """Grounded label ("IN", "OUT" or "UNDEC") of every claim id of ``amap``.

    The framework of :func:`attack_framework`, kept implicit: arguments are numbered (claims,
    then attack links), and an attack on a premise reaches the attack links that use it when
    it is followed, rather than being copied onto each of them. With ``index`` (of ``amap``),
    the map is read from its numbers (:meth:`MapIndex.numbered`) rather than from the models.
    ``graph`` is accepted for symmetry with the rest of the API and not needed.
    Cost: O(claims + links + premises).
    """
    with collector_paused():
        if index is not None:
            return _grounded_numbered(index.numbered())
        return _grounded(amap)


def _grounded(amap: ArgumentMap) -> dict[str, str]:
    claims = amap.claims
    c = len(claims)
    ids = list(map(attrgetter("id"), claims))
    pos = dict(zip(ids, range(c), strict=True))
    attacks = [lk for lk in amap.links if lk.type == "attacks"]
    pos.update(zip(map(attrgetter("id"), attacks), range(c, c + len(attacks)), strict=True))
    target = [pos.get(lk.to, -1) for lk in attacks]  # -1: an undercut of a support
    premises = map(map, repeat(pos.__getitem__), map(attrgetter("from_"), attacks))
    return dict(zip(ids, map(_NAMES.__getitem__, _implicit(c, target, premises)), strict=False))


def _grounded_numbered(nb: Numbered) -> dict[str, str]:
    """:func:`_grounded` over the map's numbers: attack links renumbered from ``c`` on."""
    c = nb.c
    attacks = list(compress(range(len(nb.supports)), map(not_, nb.supports)))
    renumber = [*range(c), *repeat(-1, len(nb.supports))]  # -1: a support link
    for j, k in enumerate(attacks, c):
        renumber[c + k] = j
    target = list(map(renumber.__getitem__, map(nb.target.__getitem__, attacks)))
    premises = map(nb.premises.__getitem__, attacks)
    labels = _implicit(c, target, premises)
    return dict(zip(islice(nb.ids, c), map(_NAMES.__getitem__, labels), strict=False))


def _implicit(c: int, target: list[int], premises: Iterable[Iterable[int]]) -> bytearray:
    """Grounded labels of claims ``0..c-1`` and attack links ``c..``: ``target`` (-1 for a
    link into a support link) and ``premises`` (claim numbers) per attack link."""
    alive = [0] * (c + len(target))  # attackers not yet OUT
    for t in target:
        if t >= 0:
            alive[t] += 1
    users: list[list[int]] = [[] for _ in range(c)]  # claim -> the attack links it is a premise of
    for j, ps in enumerate(premises, c):
        for at in dict.fromkeys(ps):
            users[at].append(j)
            alive[j] += alive[at]  # whatever attacks a premise attacks the link too
    return _label(c, target, users, alive)


def _label(c: int, target: list[int], users: list[list[int]], alive: list[int]) -> bytearray:
    """Grounded labels of the implicit framework: what attack link ``j`` (numbered from ``c``)
    attacks is its target and, when that is a claim, the attack links using that claim."""
    label = bytearray(len(alive))
    queue = [i for i, k in enumerate(alive) if not k]
    for arg in queue:
        label[arg] = _IN
    queue = [i for i in queue if i >= c]  # claims attack nothing
    push = queue.append
    while queue:
        t = target[queue.pop() - c]
        if t < 0:
            continue
        if t < c:
            label[t] = _OUT
            victims = users[t]
        else:
            victims = [t]
        for victim in victims:
            if label[victim]:
                continue
            label[victim] = _OUT
            tv = target[victim - c]
            if tv < 0:
                continue
            for further in ([tv, *users[tv]] if tv < c else (tv,)):
                left = alive[further] - 1
                alive[further] = left
                if not left and not label[further]:
                    label[further] = _IN
                    if further >= c:
                        push(further)
    return label
