"""The common edits applied to a map's objects, validating only what they change.

The plain path (:mod:`argmap.edit.ops` over the whole map's data, then the whole map validated
again) costs seconds on a map of 100,000 claims. Each edit here gives the same map, from the same
:mod:`~argmap.edit.ops` helpers: it validates only the new or changed claims and links, checks
their references against the map's ids, and builds the new map sharing every unchanged object
with the old one (maps are never changed in place, so sharing is safe).

The old map is trusted to be valid (it was validated when it was loaded or edited). An edit
raises :class:`Unsure` when anything it made does not validate or resolve, or the map is not as
expected: the session then runs the plain path, which refuses the edit in its own words.

>>> from argmap.model import ArgumentMap
>>> old = ArgumentMap.model_validate(
...     {"title": "t", "claims": [{"id": "c", "text": "C", "kind": "conclusion"}]})
>>> new, ident = add_reason(old, "c", "B is true.")
>>> ident, [lk.from_ for lk in new.links], new.claims[0] is old.claims[0]
('b-is-true', [['b-is-true']], True)
"""

from __future__ import annotations

from operator import attrgetter
from typing import Any

from pydantic import BaseModel, ValidationError

from argmap.edit import ops
from argmap.integrity import part_resolves
from argmap.model import ArgumentMap, Claim, Link

Data = dict[str, Any]


class Unsure(Exception):
    """The edit cannot be vouched for here; the whole-map path must run it."""


_ID = attrgetter("id")


class _Ids:
    """The claim and link ids of a map, and the ids an edit takes."""

    def __init__(self, amap: ArgumentMap):
        self.claim_list: list[str] = list(map(_ID, amap.claims))
        self.link_list: list[str] = list(map(_ID, amap.links))
        self.claims, self.links = set(self.claim_list), set(self.link_list)
        if (len(self.claims) != len(self.claim_list) or len(self.links) != len(self.link_list)
                or None in self.links or not self.claims.isdisjoint(self.links)):
            raise Unsure("the map's ids are not unique")
        self.new: set[str] = set()

    def claim_at(self, ident: str) -> int | None:
        """The position of the claim ``ident``, None when there is none."""
        return self.claim_list.index(ident) if ident in self.claims else None

    def link_at(self, ident: str) -> int | None:
        """The position of the link ``ident``, None when there is none."""
        return self.link_list.index(ident) if ident in self.links else None

    def __contains__(self, ident: object) -> bool:
        return ident in self.claims or ident in self.links or ident in self.new

    def take(self, ident: str) -> str:
        """Mark ``ident`` (a new item's id, free) as taken."""
        if ident in self:
            raise Unsure(f"id {ident!r} is taken")
        self.new.add(ident)
        return ident


def claim_data(claim: Claim) -> Data:
    """A claim as its map's data holds it (what :func:`argmap.edit.map_data` gives for it)."""
    return claim.model_dump(mode="json", by_alias=True, exclude_unset=True)


def link_data(link: Link) -> Data:
    """A link as :func:`argmap.edit.map_data` gives it: with its id, even a generated one."""
    data = link.model_dump(mode="json", by_alias=True, exclude_unset=True)
    data["id"] = link.ident
    return data


def _claim(data: Data) -> Claim:
    try:
        return Claim.model_validate(data)
    except ValidationError:
        raise Unsure("the claim is not valid") from None


def _link(data: Data, old: Link | None = None) -> Link:
    """The link ``data`` validated; its id stays out of the file when ``old``'s was generated."""
    try:
        link = Link.model_validate(data)
    except ValidationError:
        raise Unsure("the link is not valid") from None
    if old is not None and "id" not in old.model_fields_set:
        link.model_fields_set.discard("id")
    return link


def _check(amap: ArgumentMap, ids: _Ids, claims: list[Data], links: list[Data]) -> None:
    """Unsure unless the new or changed ``claims`` and ``links`` refer only to the map's ids."""
    claim_ids = ids.claims
    claim_ids.update(c["id"] for c in claims)
    nodes = claim_ids.union(ids.links, ids.new)
    sources = {s.id for s in amap.sources}
    if not part_resolves(claims, links, claim_ids, nodes, sources):
        raise Unsure("a reference does not resolve")


def _rebuilt(old: ArgumentMap, **sections: list[Any]) -> ArgumentMap:
    """``old`` with new ``claims`` and/or ``links`` lists (everything else shared)."""
    return old.model_copy(update=sections)


def _replace(items: list[Any], position: int, item: BaseModel) -> list[Any]:
    return [*items[:position], item, *items[position + 1:]]


def _add(amap: ArgumentMap, target: str, text: str, kind: str, type_: str, strength: str,
         warrant: str | None) -> tuple[ArgumentMap, str]:
    ids = _Ids(amap)
    claim = ops.claim_item(text, kind, ids)
    ident = ids.take(claim["id"])
    link = ops.link_item([ident], target, type_, strength, warrant, ids)
    ids.take(link["id"])
    new_claim, new_link = _claim(claim), _link(link)
    _check(amap, ids, [claim], [link])
    return _rebuilt(amap, claims=[*amap.claims, new_claim], links=[*amap.links, new_link]), ident


def add_reason(amap: ArgumentMap, target: str, text: str, *, kind: str = "premise",
               strength: str = "moderate", warrant: str | None = None) -> tuple[ArgumentMap, str]:
    """:func:`argmap.edit.ops.add_reason` on ``amap``: the new map and the new claim's id."""
    return _add(amap, target, text, kind, "supports", strength, warrant)


def add_rebuttal(amap: ArgumentMap, target: str, text: str, *, strength: str = "moderate",
                 warrant: str | None = None) -> tuple[ArgumentMap, str]:
    """:func:`argmap.edit.ops.add_rebuttal` on ``amap``: the new map and the rebuttal's id."""
    return _add(amap, target, text, "rebuttal", "attacks", strength, warrant)


def add_co_premise(amap: ArgumentMap, link_id: str, text: str, *,
                   kind: str = "premise") -> tuple[ArgumentMap, str]:
    """:func:`argmap.edit.ops.add_co_premise` on ``amap``: the new map and the claim's id."""
    ids = _Ids(amap)
    position = ids.link_at(link_id)
    if position is None:
        raise ops.missing("links", link_id)
    claim = ops.claim_item(text, kind, ids)
    ident = ids.take(claim["id"])
    old = amap.links[position]
    link = link_data(old)
    link["from"] = [*ops.premise_list(link), ident]
    new_claim, new_link = _claim(claim), _link(link, old)
    _check(amap, ids, [claim], [link])
    return _rebuilt(amap, claims=[*amap.claims, new_claim],
                    links=_replace(amap.links, position, new_link)), ident


def update_claim(amap: ArgumentMap, claim_id: str, **changes: Any) -> ArgumentMap:
    """:func:`argmap.edit.ops.update_claim` on ``amap``: the new map."""
    ids = _Ids(amap)
    position = ids.claim_at(claim_id)
    items = [] if position is None else [claim_data(amap.claims[position])]
    ops.update_claim({"claims": items}, claim_id, **changes)  # the same checks and changes
    assert position is not None  # ops.update_claim raised otherwise
    new = _claim(items[0])
    if new.id != claim_id:
        raise Unsure("the claim's id changed")
    _check(amap, ids, items, [])
    return _rebuilt(amap, claims=_replace(amap.claims, position, new))


def update_link(amap: ArgumentMap, link_id: str, **changes: Any) -> ArgumentMap:
    """:func:`argmap.edit.ops.update_link` on ``amap``: the new map."""
    ids = _Ids(amap)
    position = ids.link_at(link_id)
    items = [] if position is None else [link_data(amap.links[position])]
    ops.update_link({"links": items}, link_id, **changes)
    assert position is not None
    old = amap.links[position]
    new = _link(items[0], old)
    if new.id != link_id:
        raise Unsure("the link's id changed")
    _check(amap, ids, [], items)
    return _rebuilt(amap, links=_replace(amap.links, position, new))


def delete(amap: ArgumentMap, ident: str) -> tuple[ArgumentMap, list[str]]:
    """What :meth:`argmap.edit.EditSession.delete` does to ``amap``: the new map and the removed
    ids (a claim with the links left dangling, or a link with the links that attacked it)."""
    ids = _Ids(amap)
    if ident in ids.claims:
        return _delete_claim(amap, ids, ident)
    if ident not in ids.links:
        raise ops.missing("links", ident)
    gone = _dangling(amap.links, {ident}, {})
    return _rebuilt(amap, links=[lk for lk in amap.links if lk.id not in gone]), sorted(gone)


def _delete_claim(amap: ArgumentMap, ids: _Ids, claim_id: str) -> tuple[ArgumentMap, list[str]]:
    """:func:`argmap.edit.ops.delete_claim` on ``amap``."""
    position = ids.claim_list.index(claim_id)
    claims = [*amap.claims[:position], *amap.claims[position + 1:]]
    trimmed = {i: [p for p in lk.from_ if p != claim_id]
               for i, lk in enumerate(amap.links) if claim_id in lk.from_}
    gone = _dangling(amap.links, {claim_id}, trimmed)
    if not trimmed and len(gone) == 1:
        return _rebuilt(amap, claims=claims), [claim_id]
    links: list[Link] = []
    changed: list[Data] = []
    for i, link in enumerate(amap.links):
        if link.id in gone:
            continue
        if i in trimmed:
            data = link_data(link)
            data["from"] = trimmed[i]
            changed.append(data)
            link = _link(data, link)
        links.append(link)
    ids.claims.discard(claim_id)
    ids.links.difference_update(gone)
    _check(amap, ids, [], changed)
    return _rebuilt(amap, claims=claims, links=links), sorted(gone)


def _dangling(links: list[Link], gone: set[str], trimmed: dict[int, list[str]]) -> set[str]:
    """``gone`` with the links left without a premise (``trimmed`` gives changed premises) or
    pointing at something gone, until none is left, as :mod:`argmap.edit.ops` removes them."""
    alive = [i for i, lk in enumerate(links) if lk.id not in gone]
    while True:
        dead = [i for i in alive
                if not trimmed.get(i, links[i].from_) or links[i].to in gone]
        if not dead:
            return gone
        gone.update(str(links[i].id) for i in dead)
        alive = [i for i in alive if links[i].id not in gone]
