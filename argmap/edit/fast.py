"""The common edits applied to a map's objects, validating only what they change.

The plain path (:mod:`argmap.edit.ops` over the whole map's data, then the whole map validated
again) costs seconds on a map of 100,000 claims. Each edit here gives the same map, from the same
:mod:`~argmap.edit.ops` helpers: it validates only the new or changed claims and links, checks
their references against the map's ids, and builds the new map sharing every unchanged object
with the old one (maps are never changed in place, so sharing is safe).

The old map is trusted to be valid (it was validated when it was loaded or edited), so only
what an edit made can be wrong: when it does not validate or refers to an unknown id, the edit
raises :class:`~argmap.edit.EditRejected` worded as the whole-map validation words it. An edit
raises :class:`Unsure` when the map is not as expected (ids not unique) or it meets anything it
does not handle: the session then runs the plain path.

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
from argmap.edit.errors import EditRejected
from argmap.integrity import item_reference_errors, part_resolves
from argmap.io.native.problems import validation_problems
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
        return self.claim_list.index(ident) if _text(ident) in self.claims else None

    def link_at(self, ident: str) -> int | None:
        """The position of the link ``ident``, None when there is none."""
        return self.link_list.index(ident) if _text(ident) in self.links else None

    def __contains__(self, ident: object) -> bool:
        return ident in self.claims or ident in self.links or ident in self.new

    def take(self, ident: str) -> str:
        """Mark ``ident`` (a new item's id, free) as taken."""
        if ident in self:
            raise Unsure(f"id {ident!r} is taken")
        self.new.add(ident)
        return ident


def _text(ident: object) -> str:
    """``ident`` when it is text (as every id a person picks is); Unsure otherwise."""
    if not isinstance(ident, str):
        raise Unsure("an id that is not text")
    return ident


def claim_data(claim: Claim) -> Data:
    """A claim as its map's data holds it (what :func:`argmap.edit.map_data` gives for it)."""
    return claim.model_dump(mode="json", by_alias=True, exclude_unset=True)


def link_data(link: Link) -> Data:
    """A link as :func:`argmap.edit.map_data` gives it: with its id, even a generated one."""
    data = link.model_dump(mode="json", by_alias=True, exclude_unset=True)
    data["id"] = link.ident
    return data


def _valid(model: type[BaseModel], section: str, index: int, data: Data,
           errors: list[Any]) -> Any:
    """``data`` validated as ``model``, or None with its errors (located in the whole map)."""
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        for err in exc.errors():
            if err["type"] == "string_pattern_mismatch":
                raise Unsure("an id is not a slug") from None  # the map words these itself
            errors.append({**err, "loc": (section, index, *err["loc"])})
        return None


def _validate(amap: ArgumentMap, ids: _Ids, claims: dict[int, Data], links: dict[int, Data],
              olds: dict[int, Link] | None = None) -> tuple[dict[int, Claim], dict[int, Link]]:
    """The new or changed ``claims`` and ``links`` (by position in the new map) validated.

    EditRejected, worded as the whole-map validation words it, when they do not validate or
    refer to ids the map does not have. A link keeps its id out of the file when its ``olds``
    link's id was generated.
    """
    errors: list[Any] = []
    new_claims = {i: _valid(Claim, "claims", i, d, errors) for i, d in sorted(claims.items())}
    new_links = {i: _valid(Link, "links", i, d, errors) for i, d in sorted(links.items())}
    for i, link in new_links.items():
        old = (olds or {}).get(i)
        if link is not None and old is not None and "id" not in old.model_fields_set:
            link.model_fields_set.discard("id")
    ids.claims.update(d["id"] for d in claims.values())
    ids.links.update(d["id"] for d in links.values())
    sources = {s.id for s in amap.sources}
    if not errors and part_resolves(list(claims.values()), list(links.values()), ids.claims,
                                    ids.claims.union(ids.links), sources):
        return new_claims, new_links
    errors.extend(item_reference_errors(dict(sorted(claims.items())), dict(sorted(links.items())),
                                        ids.claims, ids.links, sources))
    if not errors:
        raise Unsure("a reference does not resolve")
    exc = ValidationError.from_exception_data(ArgumentMap.__name__, errors)
    raw = {"claims": claims, "links": links}  # what the words look up: each item's id
    problems = validation_problems(exc, raw, "", lambda *_: None)
    raise EditRejected("; ".join(p.message for p in problems))


def _rebuilt(old: ArgumentMap, **sections: list[Any]) -> ArgumentMap:
    """``old`` with new ``claims`` and/or ``links`` lists (everything else shared)."""
    return old.model_copy(update=sections)


def _replace(items: list[Any], position: int, item: BaseModel) -> list[Any]:
    return [*items[:position], item, *items[position + 1:]]


def _add(amap: ArgumentMap, target: str, text: str, kind: str, type_: str, strength: str,
         warrant: str | None, answers: str | None = None) -> tuple[ArgumentMap, str]:
    ids = _Ids(amap)
    claim = ops.claim_item(text, kind, ids)
    ident = ids.take(claim["id"])
    link = ops.link_item([ident], target, type_, strength, warrant, ids, answers)
    ids.take(link["id"])
    claims, links = _validate(amap, ids, {len(amap.claims): claim}, {len(amap.links): link})
    return _rebuilt(amap, claims=[*amap.claims, *claims.values()],
                    links=[*amap.links, *links.values()]), ident


def add_reason(amap: ArgumentMap, target: str, text: str, *, kind: str = "premise",
               strength: str = "moderate", warrant: str | None = None) -> tuple[ArgumentMap, str]:
    """:func:`argmap.edit.ops.add_reason` on ``amap``: the new map and the new claim's id."""
    return _add(amap, target, text, kind, "supports", strength, warrant)


def add_rebuttal(amap: ArgumentMap, target: str, text: str, *, strength: str = "moderate",
                 warrant: str | None = None, answers: str | None = None
                 ) -> tuple[ArgumentMap, str]:
    """:func:`argmap.edit.ops.add_rebuttal` on ``amap``: the new map and the rebuttal's id."""
    return _add(amap, target, text, "rebuttal", "attacks", strength, warrant, answers)


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
    claims, links = _validate(amap, ids, {len(amap.claims): claim}, {position: link},
                              {position: old})
    return _rebuilt(amap, claims=[*amap.claims, *claims.values()],
                    links=_replace(amap.links, position, links[position])), ident


def update_claim(amap: ArgumentMap, claim_id: str, **changes: Any) -> ArgumentMap:
    """:func:`argmap.edit.ops.update_claim` on ``amap``: the new map."""
    ids = _Ids(amap)
    position = ids.claim_at(claim_id)
    items = [] if position is None else [claim_data(amap.claims[position])]
    ops.update_claim({"claims": items}, claim_id, **changes)  # the same checks and changes
    assert position is not None  # ops.update_claim raised otherwise
    if items[0].get("id") != claim_id:
        raise Unsure("the claim's id changed")
    claims, _ = _validate(amap, ids, {position: items[0]}, {})
    return _rebuilt(amap, claims=_replace(amap.claims, position, claims[position]))


def update_link(amap: ArgumentMap, link_id: str, **changes: Any) -> ArgumentMap:
    """:func:`argmap.edit.ops.update_link` on ``amap``: the new map."""
    ids = _Ids(amap)
    position = ids.link_at(link_id)
    items = [] if position is None else [link_data(amap.links[position])]
    ops.update_link({"links": items}, link_id, **changes)
    assert position is not None
    if items[0].get("id") != link_id:
        raise Unsure("the link's id changed")
    _, links = _validate(amap, ids, {}, {position: items[0]}, {position: amap.links[position]})
    return _rebuilt(amap, links=_replace(amap.links, position, links[position]))


def delete(amap: ArgumentMap, ident: str) -> tuple[ArgumentMap, list[str]]:
    """What :meth:`argmap.edit.EditSession.delete` does to ``amap``: the new map and the removed
    ids (a claim with the links left dangling, or a link with the links that attacked it)."""
    ids = _Ids(amap)
    if _text(ident) in ids.claims:
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
    changed: dict[int, Data] = {}
    olds: dict[int, Link] = {}
    for i, link in enumerate(amap.links):
        if link.id in gone:
            continue
        if i in trimmed:
            data = link_data(link)
            data["from"] = trimmed[i]
            changed[len(links)], olds[len(links)] = data, link
        links.append(link)
    ids.claims.discard(claim_id)
    ids.links.difference_update(gone)
    _, validated = _validate(amap, ids, {}, changed, olds)
    for i, link in validated.items():
        links[i] = link
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
