"""Cross-reference checks of a map: unique ids, every reference resolves, no self-links.

Two steps, one after the other. The bulk check (:func:`resolves`, and :class:`RunningCheck`
when a loader feeds it a part at a time) works in set operations over the ids and only says
whether it vouches for the map: on a clean map that is the whole cost. When it cannot vouch
(or meets anything unexpected), the item-by-item checks (:func:`all_reference_errors`) run
over the raw input (dicts as parsed, or model instances), tolerating malformed parts, so that
they can be reported together with field errors. Each error is a pydantic line error with a
``loc`` the io layer turns into a file position.
"""

from __future__ import annotations

import difflib
import enum
from collections.abc import Iterable, Iterator
from operator import itemgetter, methodcaller
from typing import Any

from pydantic_core import InitErrorDetails, PydanticCustomError

Loc = tuple[str | int, ...]


def _get(obj: Any, key: str) -> Any:
    if isinstance(obj, dict):
        return obj.get(key)
    attr = "from_" if key == "from" else key
    return getattr(obj, attr, None)


def _items(obj: Any, key: str) -> list[Any]:
    value = _get(obj, key)
    return value if isinstance(value, list) else []


def _as_ids(value: Any) -> list[Any]:
    if isinstance(value, str):
        return [value]
    return value if isinstance(value, list) else []


def suggest(name: str, known: Iterable[str]) -> str:
    """`` (did you mean 'x'?)`` when a known id is close to ``name``, else an empty string."""
    if not isinstance(name, str):
        return ""
    known = list(known)
    same = [k for k in known if k.lower() == name.lower()]  # ids are lowercase: `B` means `b`
    close = same or difflib.get_close_matches(name, known, n=1, cutoff=0.6)
    return f" (did you mean {close[0]!r}?)" if close else ""


def _error(loc: Loc, value: Any, message: str, kind: str = "reference") -> InitErrorDetails:
    return InitErrorDetails(
        type=PydanticCustomError(kind, "{msg}", {"msg": message}),
        loc=loc,
        input=value,
    )


def _link_name(link: Any, index: int) -> str:
    ident = _get(link, "id")
    return f"link {ident!r}" if isinstance(ident, str) else f"link #{index + 1}"


def _verb(link: Any) -> str:
    kind = _get(link, "type") or "supports"
    return kind if kind in ("supports", "attacks") else "links to"


def _duplicates(data: Any) -> Iterator[InitErrorDetails]:
    seen: dict[str, Loc] = {}
    for section in ("claims", "links"):
        for i, item in enumerate(_items(data, section)):
            ident = _get(item, "id")
            if not isinstance(ident, str):
                continue
            if ident in seen:
                first = seen[ident]
                yield _error(
                    (section, i, "id"),
                    ident,
                    f"duplicate id {ident!r}: already used by {first[0][:-1]} #{int(first[1]) + 1};"
                    " ids must be unique across claims and links",
                    "duplicate_id",
                )
            else:
                seen[ident] = (section, i)
    source_ids: set[str] = set()
    for i, source in enumerate(_items(data, "sources")):
        ident = _get(source, "id")
        if isinstance(ident, str) and ident in source_ids:
            message = f"duplicate source id {ident!r}"
            yield _error(("sources", i, "id"), ident, message, "duplicate_id")
        elif isinstance(ident, str):
            source_ids.add(ident)


def _citations(data: Any, sources: set[str]) -> Iterator[InitErrorDetails]:
    for section in ("claims", "links"):
        for i, item in enumerate(_items(data, section)):
            for j, cite in enumerate(_items(item, "evidence")):
                ref = _get(cite, "source")
                if isinstance(ref, str) and ref not in sources:
                    owner = _get(item, "id")
                    yield _error(
                        (section, i, "evidence", j, "source"),
                        ref,
                        f"{section[:-1]} {owner!r} cites unknown source {ref!r}"
                        f"{suggest(ref, sources)};"
                        " add it under `sources:` or fix the id",
                    )


def _links(data: Any, claims: set[str], links: set[str]) -> Iterator[InitErrorDetails]:
    for i, link in enumerate(_items(data, "links")):
        name = _link_name(link, i)
        premises = _as_ids(_get(link, "from"))
        for j, ref in enumerate(premises):
            if not isinstance(ref, str) or ref in claims:
                continue
            loc: Loc = ("links", i, "from", j) if isinstance(_get(link, "from"), list) else (
                "links", i, "from")
            if ref in links:
                message = f"{name} starts from {ref!r}, which is a link; premises are claims"
            else:
                message = f"{name} starts from unknown claim {ref!r}{suggest(ref, claims)}"
            yield _error(loc, ref, message)
        target = _get(link, "to")
        if isinstance(target, str):
            if target not in claims and target not in links:
                yield _error(
                    ("links", i, "to"),
                    target,
                    f"{name} points to unknown claim {target!r}{suggest(target, claims | links)}",
                )
            elif target == _get(link, "id"):
                yield _error(
                    ("links", i, "to"),
                    target,
                    f"{name} {_verb(link)} itself: `to` is its own id; point it at a claim or"
                    " another link",
                    "self_link",
                )
            elif target in premises:
                yield _error(
                    ("links", i, "to"),
                    target,
                    f"{name} {_verb(link)} itself: {target!r} is both"
                    " its premise and its target",
                    "self_link",
                )


def item_reference_errors(claims: dict[int, Any], links: dict[int, Any], claim_ids: set[str],
                          link_ids: set[str], source_ids: set[str]) -> list[InitErrorDetails]:
    """The errors :func:`all_reference_errors` reports for some claims and links of a map.

    ``claims`` and ``links`` map each item's position in its map to the item, in order; the ids
    are the whole map's. For an edit that changed only these items (with new, unique ids) of a
    valid map: these are all the map's reference errors, with the same locations.
    """
    part = {"claims": list(claims.values()), "links": list(links.values())}
    positions = {"claims": list(claims), "links": list(links)}
    errors = [*_links(part, claim_ids, link_ids), *_citations(part, source_ids)]
    for err in errors:
        section, at, *rest = err["loc"]
        err["loc"] = (section, positions[str(section)][int(at)], *rest)
    return errors


def reference_errors(data: Any) -> list[InitErrorDetails]:
    """Every cross-reference problem in ``data`` (a parsed map or an ArgumentMap)."""
    return reference_check(data)[0]


def reference_check(data: Any) -> tuple[list[InitErrorDetails], bool]:
    """:func:`reference_errors` of ``data``, and whether every link of it is known to have an id
    (False when unknown: the caller then looks)."""
    verdict = resolves(data)
    if verdict:
        return [], verdict == Resolved.ALL_NAMED
    return all_reference_errors(data), False


def all_reference_errors(data: Any) -> list[InitErrorDetails]:
    """:func:`reference_errors` without the fast check first: each item checked on its own."""
    if not isinstance(data, dict) and not hasattr(data, "claims"):
        return []
    claims = {c for c in (_get(x, "id") for x in _items(data, "claims")) if isinstance(c, str)}
    links = {k for k in (_get(x, "id") for x in _items(data, "links")) if isinstance(k, str)}
    sources = {s for s in (_get(x, "id") for x in _items(data, "sources")) if isinstance(s, str)}
    errors = list(_duplicates(data))
    errors.extend(_links(data, claims, links))
    errors.extend(_citations(data, sources))
    for i, ref in enumerate(_as_ids(_get(data, "subject"))):
        if isinstance(ref, str) and ref not in sources:
            loc: Loc = ("subject", i) if isinstance(_get(data, "subject"), list) else ("subject",)
            errors.append(_error(loc, ref, f"subject {ref!r} is not a source of this map"
                                 f"{suggest(ref, sources)}"))
    return errors


# The bulk check: set operations over the ids, vouching for a clean map without messages.


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
