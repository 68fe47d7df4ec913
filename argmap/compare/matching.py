"""Pair the claims of a model map with a student's, one to one, by the meaning of the words.

Every pair of claims scores a similarity (:class:`argmap.compare.similarity.Similarity`); pairs
at or above :data:`THRESHOLD` are edges of a bipartite graph weighted by their score, and
networkx's ``max_weight_matching`` picks the one-to-one pairing with the highest total score.
So a student claim that is close to two model claims goes to the one it fits best while the
other model claim can still take its own match; ids and order play no part.

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

from dataclasses import dataclass

import networkx as nx

from argmap.compare.similarity import Similarity
from argmap.model import ArgumentMap

# Tuned on hand-written paraphrases of examples/car-free-downtown.yaml and on perturbed
# arg-microtexts maps (docs/grading.md): every true pair of the paraphrases scored 0.38 or more,
# the best wrong candidate of a claim left out 0.33 at most.
THRESHOLD = 0.35


@dataclass(frozen=True)
class ClaimPair:
    """A model claim and the student claim it was matched with, and how alike they are."""

    model: str
    student: str
    similarity: float


def match_claims(model: ArgumentMap, student: ArgumentMap, *,
                 threshold: float = THRESHOLD) -> list[ClaimPair]:
    """The one-to-one pairing of ``model``'s claims with ``student``'s, in the model's order.

    Cost: the similarity of each pair sharing a word, then networkx's matching, cubic in the
    number of claims that have a candidate (a few hundred claims take well under a second).
    """
    sim = Similarity([c.text for c in model.claims], [c.text for c in student.claims])
    graph = nx.Graph()
    for i, j in sorted(sim.candidates()):
        score = sim.score(i, j)
        if score >= threshold:
            graph.add_edge(("m", i), ("s", j), weight=score)
    pairs = []
    for a, b in nx.max_weight_matching(graph):
        (_, i), (_, j) = sorted((a, b))  # ("m", i) sorts before ("s", j)
        pairs.append(ClaimPair(model.claims[i].id, student.claims[j].id,
                               round(graph[a][b]["weight"], 3)))
    order = {c.id: n for n, c in enumerate(model.claims)}
    return sorted(pairs, key=lambda p: order[p.model])
