"""Drafting a first map from an article: text in, a commented map of proposals out.

The pipeline, one module a step: :mod:`~argmap.draft.segments` (paragraphs, headings,
sentences), :mod:`~argmap.draft.units` (sentences cut at discourse markers),
:mod:`~argmap.draft.tags` (statistics, attributions, hedges),
:mod:`~argmap.draft.conclusion` (the conclusion and its ranked alternatives),
:mod:`~argmap.draft.links` (supports and attacks from markers and places), then
:mod:`~argmap.draft.writer` (the YAML map, each proposal commented with why it was proposed).
:mod:`~argmap.draft.reading` reads the article and refuses what is not a text.

>>> d = draft("We should ban cars downtown because they pollute.", title="Cars")
>>> [(c["id"], c["kind"]) for c in d.claims]
[('we-should-ban-cars-downtown', 'conclusion'), ('they-pollute', 'premise')]
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from argmap.draft.conclusion import Candidate, rank_conclusions
from argmap.draft.links import Proposals, propose_links
from argmap.draft.segments import Document, segment
from argmap.draft.tags import named_attribution, tags_of, with_statistics
from argmap.draft.units import Unit, units_of
from argmap.edit.ops import free_id
from argmap.model import slugify

__all__ = ["Draft", "draft", "SUBJECT_ID", "QUOTE_MAX_WORDS"]

SUBJECT_ID = "text"
QUOTE_MAX_WORDS = 25
_LEADING = re.compile(r"^(?:(?:[-*+]|\d{1,3}[.)])\s+)?(?:and\s+|or\s+)?", re.IGNORECASE)


@dataclass
class Draft:
    """A drafted map: the data of its file, and what the writer comments on."""

    doc: Document
    units: list[Unit]
    ranked: list[Candidate]
    proposals: Proposals
    data: dict[str, Any]
    ids: list[str] = field(default_factory=list)  # claim id of each unit

    @property
    def claims(self) -> list[dict[str, Any]]:
        return list(self.data["claims"])

    @property
    def links(self) -> list[dict[str, Any]]:
        return list(self.data["links"])

    @property
    def conclusion(self) -> int | None:
        return self.ranked[0].index if self.ranked else None


def quote_of(unit: Unit) -> str:
    """The unit's words as a quote: verbatim, one space between words, and cut in the middle
    with " ... " when longer than :data:`QUOTE_MAX_WORDS` words (AM112 reads the ellipsis)."""
    words = unit.text.split()
    if len(words) <= QUOTE_MAX_WORDS:
        return " ".join(words)
    return " ".join(words[:12]) + " ... " + " ".join(words[-10:])


def claim_text(unit: Unit) -> str:
    """The unit as a claim: its words, without the marker that joined it to its neighbours."""
    text = " ".join(unit.text.split())
    if unit.marker and text.lower().startswith(unit.marker) and unit.role != "summary":
        rest = text[len(unit.marker):].lstrip(" ,")
        if len(rest.split()) >= 2:
            text = rest
    text = _LEADING.sub("", text) or text
    text = text.strip(" ,;:—–-")
    text = text[:1].upper() + text[1:]
    return text if text.endswith((".", "!", "?", '"', "”", "…")) else text + "."


class _IdMaker:
    """Free ids made from texts, numbered per base (``a``, ``a-2``, ``a-3`` ...) without
    scanning the numbers already given: a text repeated ten thousand times costs no more."""

    def __init__(self, taken: set[str]):
        self.taken = taken
        self.next: dict[str, int] = {}

    def __call__(self, text: str, *, slug: bool = False) -> str:
        """A free id made from ``text``; ``slug``: the text is a slug already, its own base."""
        base = text if slug else free_id(text, ())
        n = self.next.get(base, 1)
        ident = base if n == 1 else f"{base}-{n}"
        while ident in self.taken:
            n += 1
            ident = f"{base}-{n}"
        self.next[base] = n + 1
        self.taken.add(ident)
        return ident


def _title(doc: Document, title: str | None) -> str:
    if title and title.strip():
        return " ".join(title.split())
    if doc.title:
        return doc.title
    if doc.paragraphs and doc.paragraphs[0].sentences:
        words = doc.paragraphs[0].sentences[0].text.split()
        return " ".join(words[:12]) + (" ..." if len(words) > 12 else "")
    return "Drafted map"


def draft(text: str, *, title: str | None = None, text_path: str | None = None,
          source_title: str | None = None) -> Draft:
    """The draft of ``text``: every unit a claim citing the text (locator and verbatim quote),
    one conclusion, the proposed links; each claim and link marked ``proposed``.

    ``text_path`` is the text's path as the map will name it (relative to the map's folder).
    """
    doc = segment(text)
    units = units_of(doc)
    map_title = _title(doc, title)
    ranked = rank_conclusions(units, title or doc.title)
    conclusion = ranked[0].index if ranked else -1
    proposals = propose_links(units, conclusion)
    source: dict[str, Any] = {"id": SUBJECT_ID, "title": source_title or doc.title or map_title,
                              "kind": "article"}
    if text_path:
        source["text"] = text_path
    sources = [source]
    new_id = _IdMaker({SUBJECT_ID})
    claims = _claims(units, conclusion, proposals, sources, new_id)
    ids = [c["id"] for c in claims]
    links = []
    for n, p in enumerate(proposals.links, start=1):
        link: dict[str, Any] = {"id": new_id(f"l{n}", slug=True), "from": ids[p.source],
                                "to": ids[p.target]}
        if p.type != "supports":
            link["type"] = p.type
        link["proposed"] = True
        links.append(link)
    data = {"argmap": 1, "title": map_title, "subject": [SUBJECT_ID], "sources": sources,
            "claims": claims, "links": links}
    return Draft(doc, units, ranked, proposals, data, ids)


def _claims(units: list[Unit], conclusion: int, proposals: Proposals,
            sources: list[dict[str, Any]], new_id: _IdMaker) -> list[dict[str, Any]]:
    """The claim of each unit; a source the text names is added to ``sources`` and cited."""
    attacking = {p.source for p in proposals.links if p.type == "attacks"}
    figures = with_statistics([u.text for u in units])
    named_sources: dict[str, str] = {}  # a name the text gives -> its source's id
    claims = []
    for i, unit in enumerate(units):
        body = claim_text(unit)
        kind = "conclusion" if i == conclusion else (
            "rebuttal" if i in proposals.rebuttals or i in attacking else "premise")
        claim: dict[str, Any] = {"id": new_id(body), "text": body, "kind": kind, "evidence": [
            {"source": SUBJECT_ID, "locator": unit.locator, "quote": quote_of(unit)}]}
        named = named_attribution(unit.text)
        if named:
            sid = named_sources.get(named)
            if sid is None:
                sid = named_sources[named] = new_id(slugify(named, "named-source"))
                sources.append({"id": sid, "title": named, "kind": "other", "note":
                                "named in the text; give its author, date and the work cited"})
            claim["evidence"].append({"source": sid, "note": f"the text attributes this to "
                                                              f"{named}"})
        tags = tags_of(unit.text, statistic=i in figures)
        if tags:
            claim["tags"] = tags
        claim["proposed"] = True
        claims.append(claim)
    return claims
