"""Rules about sources and evidence: AM101, AM102, AM110, AM112, AM116, AM117.

A citation of one of the map's ``subject`` sources only says where the analysed text makes a
claim; it is not evidence for it (see :meth:`argmap.model.ArgumentMap.is_evidence`).
"""

from __future__ import annotations

from collections.abc import Iterator
from operator import attrgetter

from argmap.analysis.context import RuleContext
from argmap.analysis.findings import Hit, rule
from argmap.analysis.quotes import quote_in
from argmap.analysis.wording import statistics
from argmap.model import Source


def _and(items: list[str]) -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]


@rule("AM101", "unsourced-premise", "warning",
      "a premise that nothing supports and no evidence backs")
def unsourced_premise(ctx: RuleContext) -> Iterator[Hit]:
    """Premises with no supporting link and no evidence (statistics are left to AM102)."""
    index = ctx.index
    backed, supported = index.backed, index.supported
    for cid, kind, text, evidence, _ in index.claim_rows:
        if kind != "premise" or cid in backed or cid in supported or statistics(text):
            continue
        where = (" the text under review asserts it but gives no source"
                 if evidence else " nothing on the map supports it")
        yield (cid,
               f"Premise '{cid}' has no evidence behind it:{where}.",
               "Cite a source that backs it, add a claim that supports it, or make it an "
               "assumption (kind: assumption) if the argument simply takes it for granted.")


@rule("AM102", "unsourced-statistic", "warning",
      "a claim stating a number, share, rank or measurement with no evidence")
def unsourced_statistic(ctx: RuleContext) -> Iterator[Hit]:
    """Claims (other than conclusions) whose text states a statistic and that cite no evidence."""
    backed = ctx.index.backed
    for cid, kind, text, evidence, _ in ctx.index.claim_rows:
        if kind == "conclusion" or cid in backed:
            continue
        figures = statistics(text)
        if not figures:
            continue
        said = ", ".join(f"'{f}'" for f in figures)
        why = (" the text under review gives it without saying where it comes from"
               if evidence else " no source is cited for it")
        yield (cid,
               f"'{cid}' states a figure ({said}), but{why}.",
               "Cite the study, dataset or report the figure comes from; when the text under "
               "review names one, add it as a source of its own and cite it here.")


def _source_gaps(source: Source) -> list[str]:
    """What ``source`` itself leaves out: title or address, author or publisher, date."""
    missing = []
    if not (source.title or source.url):
        missing.append("no title or address")
    if not (source.author or source.publisher):
        missing.append("no author or publisher")
    if not source.date:
        missing.append("no date")
    return missing


@rule("AM110", "vague-source", "warning",
      "evidence from a source too vague to check: no title/author, date or locator")
def vague_source(ctx: RuleContext) -> Iterator[Hit]:
    """Evidence a reader could not check. Once per source cited as evidence that gives no
    author or publisher, no date, or neither title nor url (the target is the source id: one
    gap, one fix, however many claims cite it); then once per claim or link and source whose
    citation gives no locator."""
    index = ctx.index
    gaps = {sid: _source_gaps(source) for sid, source in index.sources.items()}
    citing: dict[str, list[str]] = {}  # vague source -> the claims and links citing it
    unlocated: list[tuple[str, str]] = []  # (claim or link, source) cited with no locator
    subject = index.subject
    for target, citations in index.cited():
        pairs = [(source, locator) for source, locator in map(_SOURCE_LOCATOR, citations)
                 if source not in subject]
        for source in dict.fromkeys(source for source, _ in pairs if gaps[source]):
            citing.setdefault(source, []).append(target)
        unlocated.extend((target, source) for source in
                         dict.fromkeys(source for source, locator in pairs if not locator))
    for source_id in index.sources:
        if source_id in citing:
            yield _vague_source(source_id, gaps[source_id], citing[source_id])
    for target, source_id in unlocated:
        yield (target,
               f"'{target}' cites '{source_id}' with no locator (page, section or table): a "
               "reader cannot find the passage.",
               "Give the citation a locator: the page, section, paragraph or table it comes "
               "from.")


_SOURCE_LOCATOR = attrgetter("source", "locator")
_SOURCE = attrgetter("source")


def _vague_source(source_id: str, gaps: list[str], users: list[str]) -> Hit:
    """AM110 on a source itself: what it leaves out and who relies on it."""
    if len(users) == 1:
        who = f"'{users[0]}', which cites it"
    else:
        named = ", ".join(f"'{u}'" for u in users[:3])
        who = f"the {len(users)} claims and links that cite it ({named}" + \
            (", ...)" if len(users) > 3 else ")")
    return (source_id,
            f"Source '{source_id}' gives {_and(gaps)}: a reader cannot check {who}.",
            f"Complete source '{source_id}' (title or address, author or publisher, date); "
            "when the text itself gives none, find where its figures come from and cite that.")


@rule("AM112", "quote-not-found", "error",
      "a quote that does not appear in its source's text")
def quote_not_found(ctx: RuleContext) -> Iterator[Hit]:
    """Quotes checked against the source texts that could be read (see argmap.analysis.quotes)."""
    if not ctx.source_texts:
        return
    for target, citations in ctx.index.cited():
        for citation in citations:
            known = ctx.source_texts.get(citation.source)
            if citation.quote and known is not None and known.text is not None \
                    and not quote_in(citation.quote, known.text):
                short = citation.quote if len(citation.quote) <= 60 else citation.quote[:57] + "..."
                yield (target,
                       f"The quote \"{short}\" on '{target}' is not in the text of "
                       f"'{citation.source}'.",
                       "Copy the words exactly from the source (an ellipsis ... may skip words), "
                       "or correct the source or the locator.")


@rule("AM116", "missing-source-text", "warning",
      "a source's `text:` file cannot be read, so its quotes go unchecked")
def missing_source_text(ctx: RuleContext) -> Iterator[Hit]:
    """Sources whose named local text is missing or unreadable (the target is the source id)."""
    for source_id, known in ctx.source_texts.items():
        if known.problem is not None:
            yield (source_id,
                   f"The text of source '{source_id}' ({known.path}) cannot be read: "
                   f"{known.problem}; its quotes are not checked.",
                   "Fix the `text:` path (it is relative to the map's folder) or remove it.")


@rule("AM117", "unused-source", "info", "a source that no claim or link cites")
def unused_source(ctx: RuleContext) -> Iterator[Hit]:
    """Sources listed in the map that nothing cites (the target is the source id)."""
    uncited = set(ctx.index.sources)
    for _, citations in ctx.index.cited():
        uncited.difference_update(map(_SOURCE, citations))
        if not uncited:
            return  # every source is cited: no need to read the remaining citations
    for source_id in ctx.index.sources:
        if source_id in uncited:
            yield (source_id,
                   f"Source '{source_id}' is listed but nothing on the map cites it.",
                   "Cite it where it backs a claim, or remove it from `sources`.")
