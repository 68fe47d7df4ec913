"""Edits as plain functions over a map's data (the dict a map file holds).

Each function changes ``data`` in place and returns what a caller needs (a new id, the ids it
removed). None of them validates: :class:`argmap.edit.EditSession` validates the edited map and
refuses the edit when the result is not a valid map. The item builders (:func:`claim_item`,
:func:`link_item`) are shared with :mod:`argmap.edit.fast`, which edits the map's objects.

>>> data = {"title": "t", "claims": [{"id": "c", "text": "C", "kind": "conclusion"}], "links": []}
>>> add_reason(data, "c", "Because B.")
'because-b'
"""

from __future__ import annotations

from collections.abc import Container
from typing import Any

from argmap.errors import UsageError
from argmap.model import slugify

Data = dict[str, Any]

CLAIM_FIELDS = ("text", "kind", "confidence", "tags", "evidence", "note", "proposed")
LINK_FIELDS = ("type", "strength", "warrant", "evidence", "note", "proposed")


def taken_ids(data: Data) -> set[str]:
    """Every claim and link id in ``data``."""
    return {c["id"] for c in data.get("claims", [])} | {
        lk["id"] for lk in data.get("links", []) if lk.get("id")
    }


def free_id(text: str, taken: Container[str], fallback: str = "claim") -> str:
    """A slug made from the first words of ``text`` that is not in ``taken``."""
    words = slugify(text, fallback).split("-")[:6]
    base = "-".join(words)[:48].rstrip("-") or fallback
    ident, n = base, 2
    while ident in taken:
        ident, n = f"{base}-{n}", n + 1
    return ident


def new_id(data: Data, text: str, fallback: str = "claim") -> str:
    """A free slug made from the first words of ``text``: ``new_id(d, "Cars pollute.")``."""
    return free_id(text, taken_ids(data), fallback)


def missing(section: str, ident: str) -> UsageError:
    """The error for an id that names no claim (``section="claims"``) or link."""
    return UsageError(f"no {section[:-1]} with id {ident!r}")


def find(data: Data, section: str, ident: str) -> Data:
    """The claim or link dict with id ``ident``; UsageError when there is none."""
    for item in data.get(section, []):
        if item.get("id") == ident:
            return item
    raise missing(section, ident)


def claim_item(text: str, kind: str, taken: Container[str]) -> Data:
    """The data of a new claim with a free id; UsageError when ``text`` is blank."""
    text = text.strip()
    if not text:
        raise UsageError("a claim needs some text")
    claim: Data = {"id": free_id(text, taken), "text": text}
    if kind != "premise":
        claim["kind"] = kind
    return claim


def link_item(premises: list[str], target: str, type_: str, strength: str,
              warrant: str | None, taken: Container[str], answers: str | None = None) -> Data:
    """The data of a new link with a free id (defaults left out, as a person would write it);
    ``answers``: the critical question of the attacked link's scheme it answers (``CQ2``)."""
    link: Data = {"id": free_id(f"{premises[0]}-{type_}", taken, "link"), "from": premises,
                  "to": target}
    if type_ != "supports":
        link["type"] = type_
    if strength != "moderate":
        link["strength"] = strength
    if warrant and warrant.strip():
        link["warrant"] = warrant.strip()
    if answers:
        link["answers"] = answers
    return link


def _new_claim(data: Data, text: str, kind: str) -> str:
    claim = claim_item(text, kind, taken_ids(data))
    data.setdefault("claims", []).append(claim)
    return str(claim["id"])


def _new_link(data: Data, premises: list[str], target: str, type_: str, strength: str,
              warrant: str | None, answers: str | None = None) -> str:
    link = link_item(premises, target, type_, strength, warrant, taken_ids(data), answers)
    data.setdefault("links", []).append(link)
    return str(link["id"])


def add_reason(data: Data, target: str, text: str, *, kind: str = "premise",
               strength: str = "moderate", warrant: str | None = None) -> str:
    """A new claim with a link that supports ``target`` (a claim or a link); returns its id."""
    ident = _new_claim(data, text, kind)
    _new_link(data, [ident], target, "supports", strength, warrant)
    return ident


def add_rebuttal(data: Data, target: str, text: str, *, strength: str = "moderate",
                 warrant: str | None = None, answers: str | None = None) -> str:
    """A new rebuttal with a link that attacks ``target`` (an undercut when it is a link);
    ``answers``: the critical question of ``target``'s scheme the objection raises."""
    ident = _new_claim(data, text, "rebuttal")
    _new_link(data, [ident], target, "attacks", strength, warrant, answers)
    return ident


def add_co_premise(data: Data, link_id: str, text: str, *, kind: str = "premise") -> str:
    """A new claim that joins ``link_id``'s premises (a linked argument); returns its id."""
    link = find(data, "links", link_id)
    ident = _new_claim(data, text, kind)
    link["from"] = [*premise_list(link), ident]
    return ident


def premise_list(link: Data) -> list[str]:
    """A link's ``from`` as a list (a file may give one premise as a plain id)."""
    return link["from"] if isinstance(link["from"], list) else [link["from"]]


def _update(item: Data, changes: dict[str, Any], allowed: tuple[str, ...], what: str) -> None:
    for key, value in changes.items():
        if key not in allowed:
            raise UsageError(f"cannot edit a {what}'s {key!r}; editable: {', '.join(allowed)}")
        if isinstance(value, str):
            value = value.strip()
        if value is None or value == "" or value == []:
            item.pop(key, None)  # an emptied optional field is removed, not saved blank
        else:
            item[key] = value


def update_claim(data: Data, claim_id: str, **changes: Any) -> None:
    """Set fields of a claim; None, "" or [] removes an optional field."""
    if "text" in changes and not str(changes["text"] or "").strip():
        raise UsageError("a claim needs some text")
    _update(find(data, "claims", claim_id), changes, CLAIM_FIELDS, "claim")


def update_link(data: Data, link_id: str, **changes: Any) -> None:
    """Set fields of a link (type, strength, warrant, evidence, note)."""
    _update(find(data, "links", link_id), changes, LINK_FIELDS, "link")


def delete_claim(data: Data, claim_id: str) -> list[str]:
    """Remove a claim, drop it from every link, and remove the links left without a premise or a
    target (and, in turn, the links that attacked those). Returns the removed ids."""
    find(data, "claims", claim_id)
    data["claims"] = [c for c in data["claims"] if c["id"] != claim_id]
    gone = {claim_id}
    for link in data.get("links", []):
        link["from"] = [p for p in premise_list(link) if p != claim_id]
    _drop_dangling_links(data, gone)
    return sorted(gone)


def delete_link(data: Data, link_id: str) -> list[str]:
    """Remove a link and the links that attacked it. Returns the removed ids."""
    find(data, "links", link_id)
    gone = {link_id}
    data["links"] = [lk for lk in data["links"] if lk["id"] != link_id]
    _drop_dangling_links(data, gone)
    return sorted(gone)


def _drop_dangling_links(data: Data, gone: set[str]) -> None:
    """Remove links with no premise or a removed target, until none is left (undercut chains)."""
    while True:
        dead = [lk for lk in data.get("links", []) if not lk["from"] or lk["to"] in gone]
        if not dead:
            return
        gone.update(lk["id"] for lk in dead)
        data["links"] = [lk for lk in data["links"] if lk["id"] not in gone]
