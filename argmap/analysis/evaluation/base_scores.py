"""Base scores by evidence: where a claim starts before its supports and attacks move it.

A claim's ``confidence`` is its base when it gives one. Otherwise the base follows how the claim
is backed, by the best of its citations (levels and their scores in the map's
``defaults: {evidence: …}``, :class:`argmap.model.EvidenceLevels`):

    quoted     evidence (a source other than the map's subject) with a quote and a locator
    cited      evidence without a quote, or without a locator
    vague      evidence only from sources too vague to check (no title/address, author/publisher
               or date: what AM110 reports)
    asserted   only provenance: a citation of a subject source, the text under review says it
    unsourced  no citation at all

A map without a ``subject`` counts every citation as evidence. With ``defaults: {evidence:
false}`` every claim without a confidence starts at ``defaults.confidence``, as before the
levels existed.

>>> from argmap.model import ArgumentMap
>>> m = ArgumentMap.model_validate({"title": "t", "subject": "art",
...     "sources": [{"id": "art", "title": "A"}, {"id": "r", "title": "R", "author": "X",
...                  "date": "2024"}],
...     "claims": [{"id": "a", "text": "A", "evidence": [{"source": "art"}]},
...                {"id": "b", "text": "B", "evidence": [{"source": "r", "locator": "p. 2",
...                                                       "quote": "q"}]},
...                {"id": "c", "text": "C"}, {"id": "d", "text": "D", "confidence": 0.9}]})
>>> [(b.level, b.score) for b in map(lambda c: claim_base(m, c), m.claims)]
[('asserted', 0.45), ('quoted', 0.8), ('unsourced', 0.4), ('confidence', 0.9)]
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from operator import attrgetter

from argmap.model import ArgumentMap, Citation, Claim, Source

LEVELS: tuple[str, ...] = ("quoted", "cited", "vague", "asserted", "unsourced")
_RANK = {level: rank for rank, level in enumerate(LEVELS)}
_CITATION = attrgetter("source", "quote", "locator")

# Why a claim sits at its level, in the words explanations print.
LEVEL_WHY: dict[str, str] = {
    "quoted": "evidence with a quote and a locator",
    "cited": "evidence without a quote or a locator",
    "vague": "evidence only from a source too vague to check",
    "asserted": "only asserted by the text under review (no outside evidence)",
    "unsourced": "no evidence cited",
    "confidence": "the confidence set on the claim",
    "default": "the map's one base score (evidence levels are off)",
}


@dataclass(frozen=True)
class Base:
    """A claim's base score, the level it comes from (one of :data:`LEVELS`, ``confidence``
    when the claim sets its own, ``default`` when the map turns the levels off) and the source
    of the citation that decided the level (None when no citation did)."""

    score: float
    level: str
    source: str | None = None

    @property
    def why(self) -> str:
        """The level in words, naming the deciding source."""
        text = LEVEL_WHY[self.level]
        return f"{text} ('{self.source}')" if self.source else text


def source_gaps(source: Source) -> list[str]:
    """What ``source`` leaves out that a reader needs to check it: title or address, author or
    publisher, date. A source with a gap is vague (AM110)."""
    missing = []
    if not (source.title or source.url):
        missing.append("no title or address")
    if not (source.author or source.publisher):
        missing.append("no author or publisher")
    if not source.date:
        missing.append("no date")
    return missing


def _source_kinds(amap: ArgumentMap) -> dict[str, str]:
    """Each source id -> ``asserted`` (a subject source), ``vague`` or ``evidence``."""
    subject = set(amap.subject)
    return {s.id: "asserted" if s.id in subject else "vague" if source_gaps(s) else "evidence"
            for s in amap.sources}


def _citation_level(citation: Citation, kinds: dict[str, str]) -> str:
    kind = kinds.get(citation.source, "vague")
    if kind != "evidence":
        return kind
    return "quoted" if citation.quote and citation.locator else "cited"


def _best(evidence: Iterable[Citation], kinds: dict[str, str]) -> tuple[str, str | None]:
    """The best level among ``evidence`` and the source of the citation that gives it."""
    level, source = "unsourced", None
    for citation in evidence:
        found = _citation_level(citation, kinds)
        if _RANK[found] < _RANK[level]:
            level, source = found, citation.source
    return level, source


def claim_base(amap: ArgumentMap, claim: Claim) -> Base:
    """The base score of ``claim`` (of ``amap``) and why."""
    return explained_bases(amap, [claim])[0]


def explained_bases(amap: ArgumentMap, claims: Iterable[Claim]) -> list[Base]:
    """:func:`claim_base` of each of ``claims`` (of ``amap``), the map's sources sorted out
    once for all of them. Cost: linear in sources + claims + citations."""
    levels = amap.defaults.evidence
    kinds: dict[str, str] | None = None
    found: list[Base] = []
    for claim in claims:
        if claim.confidence is not None:
            found.append(Base(claim.confidence, "confidence"))
        elif levels is False:
            found.append(Base(amap.defaults.confidence, "default"))
        else:
            if kinds is None:
                kinds = _source_kinds(amap)
            level, source = _best(claim.evidence, kinds)
            found.append(Base(getattr(levels, level), level, source))
    return found


def claim_bases(amap: ArgumentMap, confidences: Sequence[float | None],
                evidences: Sequence[Sequence[Citation]]) -> list[float]:
    """The base score of every claim, given their confidences and citations in map order (the
    columns the caller has read already). Cost: linear in claims + citations."""
    levels = amap.defaults.evidence
    if levels is False:
        default = amap.defaults.confidence
        return [default if x is None else x for x in confidences]
    if None not in confidences:
        return list(confidences)  # type: ignore[arg-type]
    kinds = _source_kinds(amap)
    score = {level: getattr(levels, level) for level in LEVELS}
    unsourced, quoted, cited = score["unsourced"], score["quoted"], score["cited"]
    bases: list[float] = []
    append = bases.append
    for confidence, evidence in zip(confidences, evidences, strict=True):
        if confidence is not None:
            append(confidence)
        elif not evidence:
            append(unsourced)
        elif len(evidence) == 1:  # the common case, without _best's loop
            source, quote, locator = _CITATION(evidence[0])
            kind = kinds.get(source, "vague")
            if kind != "evidence":
                append(score[kind])
            else:
                append(quoted if quote and locator else cited)
        else:
            append(score[_best(evidence, kinds)[0]])
    return bases


def describe_bases(amap: ArgumentMap) -> str:
    """Where the claims of ``amap`` start, in one phrase: "its confidence, else …"."""
    levels = amap.defaults.evidence
    if levels is False:
        return f"its confidence, else the map's one default ({amap.defaults.confidence:.2f})"
    named = {"quoted": "quoted evidence", "cited": "evidence without a quote",
             "vague": "a vague source", "asserted": "only the text's say-so",
             "unsourced": "nothing"}
    return ("its confidence, else by its evidence: " + ", ".join(
        f"{named[level]} {getattr(levels, level):.2f}" for level in LEVELS))
