"""Validation of a parsed map a part at a time, for maps read by the quick parsers.

A big map's validation is bound by memory, not by the checks: the parsed data and the models
built from it far exceed the processor's caches. Validating the whole map and then running the
reference checks over it (:func:`argmap.integrity.reference_errors`) walks every parsed item
twice, the second time from main memory. Here the sources, then the claims, then the links are
validated a part of :data:`PART` items at a time; each part's reference checks
(:class:`argmap.integrity.RunningCheck`, the same checks as the whole-map bulk check) run
just after, on data still in cache, and the part's parsed items are then dropped, so that the
next part's models reuse their memory. At 100k claims this costs about a tenth less.

It only ever says "valid, and here is the map" or None: for any map with a problem (or anything
the fast checks cannot vouch for) the caller validates the whole map again the usual way, whose
messages say what is wrong and where. Each item is validated by its own model's validator, the
one the whole map's validation uses for it, so a map it accepts is the map the model builds.
"""

from __future__ import annotations

from functools import cache
from typing import Any

from pydantic import TypeAdapter, ValidationError

from argmap.integrity import Resolved, RunningCheck
from argmap.model import REFERENCES_CHECKED, ArgumentMap, Claim, Link, Source

PART = 1000  # items per part: a part's data and models stay within the caches

# Each section needs the ids of those before it: citations name sources, links join claims.
SECTIONS = ("sources", "claims", "links")


@cache
def _adapters() -> dict[str, TypeAdapter[Any]]:
    return {"sources": TypeAdapter(list[Source]), "claims": TypeAdapter(list[Claim]),
            "links": TypeAdapter(list[Link])}


def validate(data: Any) -> ArgumentMap | None:
    """The map ``data`` (as parsed; its item lists are reused) describes when it is valid;
    None when it is not or the fast checks cannot tell."""
    if type(data) is not dict:
        return None
    check = RunningCheck()
    try:
        for section in SECTIONS:
            items = data.get(section, [])
            if type(items) is not list or not _validate_section(items, section, check):
                return None
        verdict = check.verdict(data.get("subject", []))
        if not verdict:
            return None
        amap = ArgumentMap.model_validate(data, context=REFERENCES_CHECKED)
    except ValidationError:
        return None
    if verdict != Resolved.ALL_NAMED:
        check.claim_ids.update(check.link_ids)  # the check is done with: its sets are reused
        amap._name_links(check.claim_ids)
    return amap


def _validate_section(items: list[Any], section: str, check: RunningCheck) -> bool:
    """Replace the parsed ``items`` of ``section`` by their models, a part at a time, each part
    fed to ``check``; False as soon as the check cannot vouch for the map."""
    adapter, feed = _adapters()[section], getattr(check, section)
    for start in range(0, len(items), PART):
        part = items[start : start + PART]
        models = adapter.validate_python(part)
        if not feed(part):
            return False
        items[start : start + PART] = models
    return True
