"""Cross-reference checks of a map: unique ids, every reference resolves, no self-links.

They run over the raw input (dicts as parsed, or model instances), tolerating malformed parts,
so that they can be reported together with field errors. Each error is a pydantic line error
with a ``loc`` the io layer turns into a file position.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Iterator
from typing import Any

from pydantic_core import InitErrorDetails, PydanticCustomError

from argmap.integrity_fast import (
    Resolved,
    part_resolves,  # noqa: F401 - argmap.edit imports it here
)
from argmap.integrity_fast import resolves as _resolves

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
    verdict = _resolves(data)
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
