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

from itertools import compress

from argmap.analysis.index import MapIndex


def sides(index: MapIndex) -> dict[str, int]:
    """+1 (for the conclusions) or -1 (against) for every claim and link reachable backwards,
    claims then links in map order; computed over the map as numbers
    (:meth:`MapIndex.numbered`)."""
    nb = index.numbered()
    into, premises, supports, c = nb.into(), nb.premises, nb.supports, nb.c
    queue = list(dict.fromkeys(map(nb.pos.__getitem__, index.conclusions())))
    side = [0] * nb.n
    for node in queue:
        side[node] = 1
    reach = queue.append
    for node in queue:  # the list grows while it is read: breadth first
        links = into.get(node)
        if links is None:
            continue
        here = side[node]
        for j in links:
            premise_side = here if supports[j - c] else -here
            if not side[j]:
                side[j] = premise_side
                reach(j)
            for premise in premises[j - c]:
                if not side[premise]:
                    side[premise] = premise_side
                    reach(premise)
    return dict(zip(compress(nb.ids, side), compress(side, side), strict=True))
