"""A map as numbers: claims 0..C-1 in map order, then links C..C+L-1, each link's target and
premises as those numbers.

The evaluations (DF-QuAD, grounded labels, which side each claim is on) run over these plain
lists of ints instead of over the models and their string ids. Reading a field of every model
is what costs at 100k claims (the models no longer fit in the CPU caches, so each read is a
memory access), so each field is read once, column by column, in C (``attrgetter`` under
``map``); ids are turned into numbers once, through one dict.

>>> from argmap.model import ArgumentMap
>>> m = ArgumentMap.model_validate({"title": "t", "claims": [{"id": "a", "text": "A"},
...     {"id": "b", "text": "B"}], "links": [{"from": "a", "to": "b"}]})
>>> n = Numbered.from_map(m); n.ids, n.target, n.premises
(['a', 'b', 'l1'], [1], [[0]])
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from itertools import repeat
from operator import attrgetter, itemgetter
from typing import TYPE_CHECKING

from argmap.analysis.evaluation.base_scores import claim_bases
from argmap.model import ArgumentMap

if TYPE_CHECKING:
    from argmap.analysis.index import MapIndex

_ID, _CONFIDENCE, _EVIDENCE = attrgetter("id"), attrgetter("confidence"), attrgetter("evidence")
_LINK = attrgetter("id", "to", "from_", "type", "strength")


class Numbered:
    """The claims and links of one map as numbers (claims first, then links, in map order).

    ``ids``: the id of each number; ``pos``: the number of each id; ``target``, ``froms``,
    ``supports`` and ``strength``: per link (link ``k`` is number ``c + k``), the number of
    its target, the ids of its premises, whether it supports (else it attacks) and its
    strength name; ``base``: per claim, its base score (its confidence, else by its evidence:
    :mod:`argmap.analysis.evaluation.base_scores`). :attr:`premises` (numbers) and :meth:`into` are
    worked out on first use.
    """

    __slots__ = ("c", "ids", "pos", "target", "froms", "supports", "strength",
                 "base", "_into", "_premises")

    def __init__(self, c: int, ids: list[str], pos: dict[str, int], to: Iterable[str],
                 froms: Sequence[Sequence[str]], types: Iterable[str], strength: list[str],
                 base: list[float]):
        self.c, self.ids, self.pos = c, ids, pos
        number = pos.__getitem__
        self.target: list[int] = list(map(number, to))
        self.froms: Sequence[Sequence[str]] = froms
        self.supports: list[bool] = list(map("supports".__eq__, types))
        self.strength, self.base = strength, base
        self._into: dict[int, list[int]] | None = None
        self._premises: list[list[int]] | None = None

    @classmethod
    def from_map(cls, amap: ArgumentMap) -> Numbered:
        """Read straight from the models (when no :class:`MapIndex` has been built): each link
        once for all its fields, the claims once for their ids and once for their confidences
        (at 100k claims, cheaper than pulling pairs apart)."""
        claims, links = amap.claims, amap.links
        ids = list(map(_ID, claims))
        confidence = list(map(_CONFIDENCE, claims))
        if links:
            link_ids, to, froms, types, strength = zip(*map(_LINK, links), strict=True)
        else:
            link_ids = to = froms = types = strength = ()
        ids.extend(link_ids)
        pos = dict(zip(ids, range(len(ids)), strict=True))
        if None in pos:  # a map that has not been validated: links without ids
            ids[len(claims):] = [lk.ident for lk in links]
            pos = dict(zip(ids, range(len(ids)), strict=True))
        return cls(len(claims), ids, pos, to, froms, types, list(strength),
                   claim_bases(amap, confidence, list(map(_EVIDENCE, claims))))

    @classmethod
    def from_index(cls, index: MapIndex) -> Numbered:
        """From the columns an index has already read (only the confidences are read again)."""
        rows = index.link_rows
        claims = index.map.claims
        return cls(len(claims), [*index.claim_ids, *index.link_ids], index.order,
                   map(itemgetter(1), rows), list(map(itemgetter(2), rows)),
                   map(itemgetter(3), rows),
                   list(map(itemgetter(4), rows)),
                   claim_bases(index.map, list(map(_CONFIDENCE, claims)),
                               list(map(itemgetter(3), index.claim_rows))))

    @property
    def n(self) -> int:
        """How many claims and links."""
        return len(self.ids)

    @property
    def premises(self) -> list[list[int]]:
        """Per link, the numbers of its premises (repeats kept); worked out on first use."""
        if self._premises is None:
            number = self.pos.__getitem__
            self._premises = list(map(list, map(map, repeat(number), self.froms)))
        return self._premises

    def into(self) -> dict[int, list[int]]:
        """For each node some link points into, those links' numbers in map order (computed
        once)."""
        if self._into is None:
            into: dict[int, list[int]] = {}
            for j, t in enumerate(self.target, self.c):
                feeding = into.get(t)
                if feeding is None:
                    into[t] = [j]
                else:
                    feeding.append(j)
            self._into = into
        return self._into
