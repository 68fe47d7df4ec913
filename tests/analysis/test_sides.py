"""Which side of the case each claim and link is on: by hand on a small map, and the same as
a search written over the models (claim ids and Link objects) on random maps."""

from __future__ import annotations

from collections import deque

import pytest
from inline_maps import build, random_map

from argmap.analysis.evaluation.sides import sides
from argmap.analysis.index import MapIndex


def sides_over_models(index: MapIndex) -> dict[str, int]:
    """The breadth-first search of the module docstring, over ids and Link objects."""
    side = {c: 1 for c in index.conclusions()}
    queue = deque(side)
    while queue:
        node = queue.popleft()
        for link in index.into.get(node, ()):
            premise_side = side[node] if link.type == "supports" else -side[node]
            if link.ident not in side:
                side[link.ident] = premise_side
                queue.append(link.ident)
            for premise in link.from_:
                if premise not in side:
                    side[premise] = premise_side
                    queue.append(premise)
    return side


def test_sides_of_objections_answers_and_their_reasons():
    amap = build(
        [{"id": "c", "text": "C", "kind": "conclusion"}, "why", "but", "because", "answer",
         "aside"],
        [{"id": "for", "from": "why", "to": "c"},
         {"id": "against", "from": "but", "to": "c", "type": "attacks"},
         {"id": "backs", "from": "because", "to": "but"},
         {"id": "reply", "from": "answer", "to": "against", "type": "attacks"}])
    assert sides(MapIndex(amap)) == {
        "c": 1, "for": 1, "why": 1, "against": -1, "but": -1, "backs": -1, "because": -1,
        "reply": 1, "answer": 1}


@pytest.mark.parametrize("cyclic", [False, True], ids=["acyclic", "cyclic"])
@pytest.mark.parametrize("seed", range(40))
def test_sides_match_the_search_over_the_models(seed, cyclic):
    index = MapIndex(random_map(seed, cyclic))
    assert sides(index) == sides_over_models(index)
