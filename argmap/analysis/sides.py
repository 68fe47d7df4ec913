"""Which side of the case each claim and link is on, seen from the conclusions.

A conclusion is on side +1. A claim that supports something takes its side; a claim that attacks
something takes the other side; a link is on the side of its premises. A claim reached both ways
keeps the side it was reached by first (breadth first from the conclusions); claims not connected
to any conclusion have no side. Cost: linear.

>>> from argmap.model import ArgumentMap
>>> from argmap.analysis.index import MapIndex
>>> m = ArgumentMap.model_validate({"title": "t", "claims": [{"id": "c", "text": "C",
...     "kind": "conclusion"}, {"id": "r", "text": "R"}], "links": [{"from": "r", "to": "c",
...     "type": "attacks"}]})
>>> sides(MapIndex(m))["r"]
-1
"""

from __future__ import annotations

from collections import deque

from argmap.analysis.index import MapIndex


def sides(index: MapIndex) -> dict[str, int]:
    """+1 (for the conclusions) or -1 (against) for every claim and link reachable backwards."""
    side: dict[str, int] = {c: 1 for c in index.conclusions()}
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
