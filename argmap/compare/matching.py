"""Pair the claims of a model map with a student's, one to one, by the meaning of the words.

Every pair of claims scores a similarity (:class:`argmap.compare.similarity.Similarity`), and
networkx's ``max_weight_matching`` picks, over a bipartite graph of the acceptable pairs
weighted by their score, the one-to-one pairing with the highest total. So a student claim close
to two model claims goes to the one it fits best while the other model claim can still take its
own match; ids and order play no part.

A pair is acceptable when its words alone are close enough (:data:`THRESHOLD`), or when they
are fairly close (:data:`CONTEXT_THRESHOLD`) and the map around them agrees: a claim the
model links to (or from) one of them is paired with a claim the student links to (or from)
the other, in the same role. Words alone rate a paraphrase with new vocabulary low; its place
in the argument vouches for it. The pairing is redone until the context stops growing.

A pair whose wordings differ in negation ("should ban" / "should not ban") is kept but marked
``opposite``: on the arg-microtexts corpus this flag told apart the conclusions of authors on
opposite sides of a question (34 of 36 flagged) from those on the same side (0 of 66).

A claim whose words are the same as a claim on the other side (after normalising) scores 1.0,
so a map compared with itself, or with a copy whose ids are renamed and claims reordered, pairs
every claim with its twin.

>>> from argmap.model import ArgumentMap
>>> m = ArgumentMap.model_validate({"title": "m", "claims": [
...     {"id": "a", "text": "Phones distract pupils from lessons."},
...     {"id": "b", "text": "Schools should ban phones."}]})
>>> s = ArgumentMap.model_validate({"title": "s", "claims": [
...     {"id": "x", "text": "Mobile phones ought to be banned in schools."},
...     {"id": "y", "text": "Pupils get distracted from lessons by their phones."}]})
>>> [(p.model, p.student) for p in match_claims(m, s)]
[('a', 'y'), ('b', 'x')]
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

import networkx as nx

from argmap.compare.similarity import Similarity
from argmap.compare.words import negated
from argmap.model import ArgumentMap

# Tuned on hand-written paraphrases of examples/car-free-downtown.yaml and on the
# arg-microtexts corpus (figures in docs/grading.md).
THRESHOLD = 0.45
CONTEXT_THRESHOLD = 0.3
EXACT_LIMIT = 300  # claims in one connected part of the candidate graph matched exactly
ROUNDS = 5  # context rounds at most; each one can only add pairs next to the last ones


@dataclass(frozen=True)
class ClaimPair:
    """A model claim and the student claim it was matched with, and how alike they are."""

    model: str
    student: str
    similarity: float
    opposite: bool = False  # one wording is negated and the other not: it may say the reverse


Roles = dict[int, set[tuple[str, int]]]


def _roles(amap: ArgumentMap) -> Roles:
    """For each claim (by index), its neighbours: ("to", target) for a claim it supports or
    attacks, ("from", premise) for a claim that supports or attacks it, ("with", co-premise)."""
    index = {c.id: n for n, c in enumerate(amap.claims)}
    links = {lk.ident: lk for lk in amap.links}
    roles: Roles = defaultdict(set)
    for link in amap.links:
        target = link.to
        seen: set[str] = set()
        while target in links and target not in seen:  # an undercut: the step's conclusion
            seen.add(target)
            target = links[target].to
        premises = [index[p] for p in link.from_ if p in index]
        for p in premises:
            if target in index:
                roles[p].add(("to", index[target]))
                roles[index[target]].add(("from", p))
            roles[p].update(("with", q) for q in premises if q != p)
    return roles


def _pairing(edges: dict[tuple[int, int], float]) -> dict[int, int]:
    """The best one-to-one pairing over ``edges`` ((model, student) -> weight): exact (networkx's
    ``max_weight_matching``) in each connected part of up to :data:`EXACT_LIMIT` claims;
    a bigger part, which only big maps worded alike throughout produce and which the exact
    algorithm would take minutes on, is paired greedily, highest score first."""
    graph = nx.Graph()
    for (i, j), weight in edges.items():
        graph.add_edge(("m", i), ("s", j), weight=weight)
    found: dict[int, int] = {}
    for part in nx.connected_components(graph):
        if len(part) <= EXACT_LIMIT:
            matched = nx.max_weight_matching(graph.subgraph(part))
            for a, b in matched:
                (_, i), (_, j) = sorted((a, b))  # ("m", i) sorts before ("s", j)
                found[i] = j
            continue
        taken: set[int] = set()
        ranked = sorted(((w, i, j) for (i, j), w in edges.items() if ("m", i) in part),
                        key=lambda e: (-e[0], e[1], e[2]))
        for _, i, j in ranked:
            if i not in found and j not in taken:
                found[i] = j
                taken.add(j)
    return found


def _twins(sim: Similarity, model_roles: Roles, student_roles: Roles) -> dict[int, int]:
    """Claims whose words are the same on both sides, paired before any scoring: first those
    whose neighbours' words are the same too (so repeated wordings in a renamed, reordered copy
    still find their own twin), then the rest in map order."""
    def signature(words: list[list[str]], roles: Roles, i: int) -> tuple[object, ...]:
        return (tuple(words[i]), frozenset((r, tuple(words[o])) for r, o in roles.get(i, ())))

    pairs: dict[int, int] = {}
    waiting: dict[object, list[int]] = defaultdict(list)
    for j in range(len(sim.right)):
        waiting[signature(sim.right, student_roles, j)].append(j)
    for i in range(len(sim.left)):
        found = waiting.get(signature(sim.left, model_roles, i))
        if found:
            pairs[i] = found.pop(0)
    taken = set(pairs.values())
    by_words: dict[tuple[str, ...], list[int]] = defaultdict(list)
    for j, ws in enumerate(sim.right):
        if j not in taken:
            by_words[tuple(ws)].append(j)
    for i, ws in enumerate(sim.left):
        if i not in pairs and by_words.get(tuple(ws)):
            pairs[i] = by_words[tuple(ws)].pop(0)
    return pairs


def match_claims(model: ArgumentMap, student: ArgumentMap, *, threshold: float = THRESHOLD,
                 context_threshold: float = CONTEXT_THRESHOLD) -> list[ClaimPair]:
    """The one-to-one pairing of ``model``'s claims with ``student``'s, in the model's order.

    Cost: claims worded the same on both sides are paired first in linear time; for the rest,
    the similarity of each pair sharing a word, then networkx's matching (cubic in the number
    of claims with a candidate) once per context round.
    """
    sim = Similarity([c.text for c in model.claims], [c.text for c in student.claims])
    model_roles, student_roles = _roles(model), _roles(student)
    twins = _twins(sim, model_roles, student_roles)
    rows = set(range(len(model.claims))) - set(twins)
    cols = set(range(len(student.claims))) - set(twins.values())
    scores = {pair: sim.score(*pair) for pair in sorted(sim.candidates(rows, cols))}
    edges = {pair: s for pair, s in scores.items() if s >= threshold}
    near = {pair: s for pair, s in scores.items() if context_threshold <= s < threshold}
    pairs = {**twins, **_pairing(edges)}
    for _ in range(ROUNDS if near else 0):
        for (i, j), s in list(near.items()):
            theirs = student_roles.get(j, set())
            if any((role, pairs[o]) in theirs for role, o in model_roles.get(i, ())
                   if o in pairs):
                edges[(i, j)] = s
                del near[(i, j)]
        again = {**twins, **_pairing(edges)}
        if again == pairs:
            break
        pairs = again
    scores.update({pair: 1.0 for pair in twins.items()})
    return [ClaimPair(model.claims[i].id, student.claims[j].id, round(scores[(i, j)], 3),
                      negated(model.claims[i].text) != negated(student.claims[j].text))
            for i, j in sorted(pairs.items())]
