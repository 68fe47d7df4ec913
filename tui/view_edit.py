"""The explorer's view of an edited map, worked out from the view before the edit.

Laying out the tree (which path shows each claim in full) visits every claim: most of a second
at 100,000 claims, on every edit. Two common edits leave the layout to be worked out from the
old one, and give exactly what laying it out anew gives:

- an edit that keeps every claim's id and kind and every link's id, premises and target (a
  text, a strength, some evidence): the layout is shared, the changed items swapped in;
- new claims and links only (a reason, a rebuttal), each new claim the premise of exactly one
  new link, into a claim or link that was there, on a map with a marked conclusion: each new
  claim is shown in full under its new link, and nothing else moves.

Anything else (a deletion, a new co-premise, a changed kind) is laid out anew. An edit shares
the claims and links it did not touch (:mod:`argmap.edit`), so finding the changed ones is a
pass in C.
"""

from __future__ import annotations

import copy
from collections import Counter
from itertools import compress
from operator import is_not
from typing import TYPE_CHECKING, Any

from argmap.model import ArgumentMap, Claim, Link

if TYPE_CHECKING:
    from tui.view import MapView


def edited_view(view: MapView, amap: ArgumentMap) -> MapView | None:
    """``view`` for the edited map ``amap`` (no analysis yet), or None when the edit changed
    the layout in a way only laying it out anew gets right."""
    old = view.map
    n_claims, n_links = len(old.claims), len(old.links)
    if len(amap.claims) < n_claims or len(amap.links) < n_links:
        return None
    at_claims, at_links = _changed(amap.claims, old.claims), _changed(amap.links, old.links)
    if any(amap.claims[i].id != old.claims[i].id for i in at_claims) or any(
            amap.links[i].ident != old.links[i].ident for i in at_links):
        return None  # items moved: the order of the rows may change
    claims, links = [amap.claims[i] for i in at_claims], [amap.links[i] for i in at_links]
    added_claims, added_links = amap.claims[n_claims:], amap.links[n_links:]
    if added_claims or added_links:
        if claims or links or not _appended(view, added_claims, added_links):
            return None
    elif not _same_layout(view, claims, links):
        return None
    new = copy.copy(view)
    new.map, new.analysis, new._memo, new._shared = amap, None, {}, {}
    if claims or added_claims:
        new.claims = {**view.claims, **{c.id: c for c in [*claims, *added_claims]}}
    if links or added_links:
        new.links = {**view.links, **{lk.ident: lk for lk in [*links, *added_links]}}
    if added_links:
        _place_appended(new, view, added_links)
    return new


def _changed(new: list[Any], old: list[Any]) -> list[int]:
    """Positions (of ``old``) where ``new`` holds another object."""
    return list(compress(range(len(old)), map(is_not, new, old)))


def _same_layout(view: MapView, claims: list[Claim], links: list[Link]) -> bool:
    """Whether the changed items kept their ids, kinds, premises and targets."""
    if any(c.id not in view.claims or c.kind != view.claims[c.id].kind for c in claims):
        return False
    return all(lk.ident in view.links and (lk.to, lk.from_) == (
        view.links[lk.ident].to, view.links[lk.ident].from_) for lk in links)


def _appended(view: MapView, claims: list[Claim], links: list[Link]) -> bool:
    """Whether new ``claims`` and ``links`` only hang new leaves on what was there."""
    if not view.marked or any(c.kind == "conclusion" for c in claims):
        return False
    fresh = {c.id for c in claims}
    uses = Counter(p for lk in links for p in dict.fromkeys(lk.from_))
    if set(uses) != fresh or any(n != 1 for n in uses.values()):
        return False  # a new link on an existing claim, or a new claim used twice or never
    return all(lk.to in view.claims or lk.to in view.links for lk in links)


def _place_appended(new: MapView, view: MapView, links: list[Link]) -> None:
    """Links into the targets, and each new premise shown in full under its one new link."""
    new.into = dict(view.into)
    new.feeds = set(view.feeds)
    new.home = dict(view.home)
    for link in links:
        new.into[link.to] = [*new.into.get(link.to, ()), link.ident]
        new.feeds.update(link.from_)
        for premise in link.from_:
            new.home[premise] = link.ident
