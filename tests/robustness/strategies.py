"""Hypothesis strategies for valid argument maps: linked premises, undercuts, support and attack
cycles, and text full of odd Unicode and markup."""

from __future__ import annotations

import re
from typing import Any

from hypothesis import strategies as st

from argmap.model import CLAIM_KINDS, STRENGTHS, ArgumentMap

# Characters that have broken text tools before: emoji and ZWJ, combining marks, right-to-left
# script and overrides, zero-width characters, markup of Rich, HTML, DOT, Markdown and Mermaid,
# YAML and JSON punctuation, quotes and backslashes.
ODD = [
    "🚗", "👩\u200d👩\u200d👧", "🏳\ufe0f\u200d🌈", "e\u0301", "Z\u0351\u0352", "\u0627\u0644",
    "\u05de", "\u202e", "\u202c", "\u200b", "\u200c", "\u200d", "\ufeff", "\u2060", "[bold]",
    "[/]", "[link=https://x.example]", "<script>", "&amp;", '"];', "->", "{", "}", "|", "\\",
    "**", "_", "`", "#", "%%", ": ", " #", "- ", "'", '"', "\t", "\n", "---", "...", "&a", "*a",
    "!tag", "yes", "null", "1.0", "0x1F", "~", "@", "\u00a0", "\u3000", "日本語",
]
odd_text = st.lists(
    st.one_of(st.sampled_from(ODD), st.text(min_size=1, max_size=6)), min_size=1, max_size=6
).map("".join)
plain_words = st.text("abcdefghijklmnopqrstuvwxyz ", min_size=1, max_size=20).filter(str.strip)
# Titles and claim texts must say something (not only white space), as the format requires.
text = st.one_of(plain_words, odd_text.filter(lambda t: re.search(r"\S", t)))
slug = st.from_regex(r"[a-z0-9][a-z0-9_.-]{0,11}", fullmatch=True)
unit = st.floats(0.0, 1.0, allow_nan=False)


@st.composite
def citations(draw: st.DrawFn, sources: list[str]) -> list[dict[str, Any]]:
    if not sources:
        return []
    items = []
    for _ in range(draw(st.integers(0, 2))):
        cite: dict[str, Any] = {"source": draw(st.sampled_from(sources))}
        if draw(st.booleans()):
            cite["locator"] = draw(text)
        if draw(st.booleans()):
            cite["quote"] = draw(text)
        items.append(cite)
    return items


@st.composite
def map_data(draw: st.DrawFn, max_claims: int = 8, max_links: int = 10) -> dict[str, Any]:
    """Plain data of a valid map: every reference resolves, no link points at itself."""
    size = max_claims + max_links + 2
    ids = draw(st.lists(slug, min_size=size, max_size=size, unique=True))
    source_ids = ids[:2] if draw(st.booleans()) else []
    n_claims = draw(st.integers(1, min(max_claims, len(ids) - 2 - max_links)))
    claim_ids = ids[2 : 2 + n_claims]
    link_ids = ids[2 + n_claims :][:max_links]
    data: dict[str, Any] = {"title": draw(text)}
    if draw(st.booleans()):
        data["description"] = draw(text)
    if source_ids:
        data["sources"] = [{"id": s, "title": draw(text)} for s in source_ids]
        if draw(st.booleans()):
            data["subject"] = source_ids[:1]
    data["claims"] = [_claim(draw, cid, source_ids) for cid in claim_ids]
    n_links = draw(st.integers(0, len(link_ids) if len(claim_ids) > 1 else 0))
    links = [_link(draw, link_ids, i, claim_ids, n_links, source_ids) for i in range(n_links)]
    targeted = {lk["to"] for lk in links}
    for link in links:
        # An id left out is generated on load (l1, l2 ...) and never saved; targeted ones stay.
        if link.pop("_drop_id") and link["id"] not in targeted:
            del link["id"]
    if links:
        data["links"] = links
    return data


def _claim(draw: st.DrawFn, cid: str, sources: list[str]) -> dict[str, Any]:
    claim: dict[str, Any] = {"id": cid, "text": draw(text), "kind": draw(st.sampled_from(
        CLAIM_KINDS))}
    if draw(st.booleans()):
        claim["confidence"] = draw(unit)
    evidence = draw(citations(sources))
    if evidence:
        claim["evidence"] = evidence
    if draw(st.booleans()):
        claim["tags"] = draw(st.lists(slug, max_size=3))
    if draw(st.booleans()):
        claim["note"] = draw(text)
    return claim


def _link(draw: st.DrawFn, link_ids: list[str], i: int, claims: list[str], n_links: int,
          sources: list[str]) -> dict[str, Any]:
    premises = draw(st.lists(st.sampled_from(claims), min_size=1, max_size=3, unique=True))
    if len(premises) == len(claims):
        premises.pop()
    # Any claim but a premise, or any other link (an undercut, possibly of a later link: cycles).
    targets = [c for c in claims if c not in premises]
    targets += [lid for j, lid in enumerate(link_ids[:n_links]) if j != i]
    link: dict[str, Any] = {"id": link_ids[i], "from": premises if len(premises) > 1 or draw(
        st.booleans()) else premises[0], "to": draw(st.sampled_from(targets))}
    if draw(st.booleans()):
        link["type"] = draw(st.sampled_from(["supports", "attacks"]))
    if draw(st.booleans()):
        link["strength"] = draw(st.sampled_from(STRENGTHS))
    if draw(st.booleans()):
        link["warrant"] = draw(text)
    evidence = draw(citations(sources))
    if evidence:
        link["evidence"] = evidence
    link["_drop_id"] = draw(st.booleans())
    return link


maps = map_data().map(ArgumentMap.model_validate)
