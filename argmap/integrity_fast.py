"""The fast reference check: whether a parsed map's references all resolve, in bulk.

Set operations over the ids, without saying what is wrong: when it vouches for a map,
:func:`argmap.integrity.all_reference_errors` has nothing to report; when it cannot (or meets
anything unexpected), those item-by-item checks run and explain.
"""

from __future__ import annotations

import enum
from operator import itemgetter, methodcaller
from typing import Any

__all__ = ["Resolved", "RunningCheck", "part_resolves", "resolves"]


def _cited(items: list[Any], sources: set[str]) -> bool:
    """Whether every citation of ``items`` names a known source."""
    for item in items:
        evidence = item.get("evidence")
        if evidence and not sources.issuperset([cite["source"] for cite in evidence]):
            return False
    return True


class Resolved(enum.IntEnum):
    """What the fast check found: false when it cannot vouch for the map."""

    NO = 0
    YES = 1  # every reference resolves; some link has no id yet
    ALL_NAMED = 2  # every reference resolves and every link has an id


_ID = itemgetter("id")
_GET_ID = methodcaller("get", "id")


def resolves(data: Any) -> Resolved:
    """Whether ``data`` is a well-formed parsed map whose references all resolve.

    A fast check for the common case: when it says yes, the item-by-item checks have nothing
    to report; when it says NO (or meets anything unexpected), they run and explain. It also
    tells whether every link has an id, which spares the validated map a walk over its links
    to name them.
    """
    if type(data) is not dict:
        return Resolved.NO
    sections = [data.get(key, []) for key in ("sources", "claims", "links")]
    if any(type(items) is not list for items in sections):
        return Resolved.NO
    check = RunningCheck()
    if check.sources(sections[0]) and check.claims(sections[1]) and check.links(sections[2]):
        return check.verdict(data.get("subject", []))
    return Resolved.NO


class RunningCheck:
    """:func:`resolves`, fed the map's parsed items a part at a time: all the sources, then
    all the claims, then all the links (each part's checks need the ids of those before), and
    then asked for its :meth:`verdict`. A loader checks each part just after building it, while
    it is still in the processor's cache. Each feeding method says False once the map cannot
    be vouched for.
    """

    def __init__(self) -> None:
        self.source_ids: set[str] = set()
        self.claim_ids: set[str] = set()
        self.link_ids: set[str] = set()
        self.counts = [0, 0, 0]  # ids fed of sources, claims, links: more than in the sets = twice
        self.targets: list[Any] = []  # link targets that are not claims: links, or unknown
        self.named = True
        self.ok = True

    def sources(self, items: list[Any]) -> bool:
        return self._add(items, self.source_ids, 0, lambda: True)

    def claims(self, items: list[Any]) -> bool:
        return self._add(items, self.claim_ids, 1, lambda: _cited(items, self.source_ids))

    def links(self, items: list[Any]) -> bool:
        def resolve() -> bool:
            return (_start_right(items, self.claim_ids, self.targets)
                    and _cited(items, self.source_ids))
        return self._add(items, self.link_ids, 2, resolve, _GET_ID)

    def _add(self, items: list[Any], ids: set[str], kind: int, resolve: Any,
             get: Any = _ID) -> bool:
        try:
            found = list(map(get, items))  # KeyError, TypeError, AttributeError: not a dict
            if kind == 2 and None in found:
                self.named = False
                found = [ident for ident in found if ident is not None]
            "".join(found)  # TypeError unless every id is a str
            self.ok = self.ok and resolve()
        except (TypeError, KeyError, AttributeError):
            self.ok = False
        if self.ok:
            ids.update(found)
            self.counts[kind] += len(found)
        return self.ok

    def verdict(self, subject: Any) -> Resolved:
        """Whether everything fed resolves, ids are unique and ``subject`` (the map's, as
        parsed) names sources; and whether every link had an id."""
        sizes = [len(self.source_ids), len(self.claim_ids), len(self.link_ids)]
        try:
            if not (self.ok and sizes == self.counts and self.claim_ids.isdisjoint(self.link_ids)
                    and self.link_ids.issuperset(self.targets) and self.source_ids.issuperset(
                        [subject] if isinstance(subject, str) else subject)):
                return Resolved.NO
        except TypeError:
            return Resolved.NO
        return Resolved.ALL_NAMED if self.named else Resolved.YES


def _start_right(links: list[Any], claims: set[str], targets: list[Any]) -> bool:
    """Whether ``links`` start from ``claims`` and none is a self-link; each target that is not
    a claim is added to ``targets``, for the caller to look for among the links."""
    for link in links:
        premises, target = link["from"], link["to"]
        if type(premises) is str:
            if premises not in claims or premises == target:
                return False
        elif type(premises) is not list or not claims.issuperset(premises) or target in premises:
            return False
        if target == link.get("id"):
            return False
        if target not in claims:
            targets.append(target)
    return True


def _links_resolve(links: list[Any], claims: set[str], nodes: set[str]) -> bool:
    """Whether every link starts from claims, ends at a claim or link (``nodes``, which holds
    the claims), and is not a self-link."""
    targets: list[Any] = []
    return _start_right(links, claims, targets) and nodes.issuperset(targets)


def part_resolves(claims: list[Any], links: list[Any], claim_ids: set[str], node_ids: set[str],
                  source_ids: set[str]) -> bool:
    """Whether some claims and links (as parsed dicts) refer only to ids of their map.

    ``claim_ids``, ``node_ids`` (claims and links) and ``source_ids`` are the map's ids. The same
    checks as :func:`resolves`, for an edit that changed only these items;
    False on anything unexpected.
    """
    try:
        return (_links_resolve(links, claim_ids, node_ids) and _cited(claims, source_ids)
                and _cited(links, source_ids))
    except (TypeError, KeyError, AttributeError):
        return False
