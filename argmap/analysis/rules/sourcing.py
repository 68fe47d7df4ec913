"""Rules about sources and evidence: AM101, AM102, AM110, AM112, AM116, AM117, AM122.

A citation of one of the map's ``subject`` sources only says where the analysed text makes a
claim; it is not evidence for it (see :meth:`argmap.model.ArgumentMap.is_evidence`).
"""

from __future__ import annotations

from collections.abc import Container, Iterator
from itertools import chain, islice, repeat
from operator import attrgetter, itemgetter

from argmap.analysis.evaluation.base_scores import source_gaps
from argmap.analysis.index import ClaimRow
from argmap.analysis.rules.context import RuleContext
from argmap.analysis.rules.findings import Hit, rule
from argmap.analysis.text.quotes import quote_in
from argmap.analysis.text.wording import statistics_in


def _and(items: list[str]) -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]


@rule("AM101", "unsourced-premise", "warning",
      "a premise that nothing supports and no evidence backs")
def unsourced_premise(ctx: RuleContext) -> Iterator[Hit]:
    """Premises with no supporting link and no evidence (statistics are left to AM102)."""
    supported = ctx.index.supported
    rows = [row for row in _unbacked(ctx) if row[1] == "premise" and row[0] not in supported]
    if ctx.is_sharing:  # AM102 asks about these texts and more: work them out once for both
        figures = {row[0] for row, _ in ctx.shared(_STATED, lambda: _stated(ctx))}
    else:
        figures = {rows[i][0] for i, _ in statistics_in([row[2] for row in rows])}
    for cid, _, _, evidence, _ in rows:
        if cid in figures:
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
    for (cid, _, _, evidence, _), figures in ctx.shared(_STATED, lambda: _stated(ctx)):
        said = ", ".join(f"'{f}'" for f in figures)
        why = (" the text under review gives it without saying where it comes from"
               if evidence else " no source is cited for it")
        yield (cid,
               f"'{cid}' states a figure ({said}), but{why}.",
               "Cite the study, dataset or report the figure comes from; when the text under "
               "review names one, add it as a source of its own and cite it here.")


_STATED = "statistics of unbacked claims"


def _unbacked(ctx: RuleContext) -> list[ClaimRow]:
    """The claims other than conclusions that no evidence backs, in map order."""
    index = ctx.index
    if not index.subject:  # every citation is evidence: a claim citing nothing is unbacked
        return [row for row in index.claim_rows if not row[3] and row[1] != "conclusion"]
    backed = index.backed
    return [row for row in index.claim_rows if row[1] != "conclusion" and row[0] not in backed]


def _stated(ctx: RuleContext) -> list[tuple[ClaimRow, list[str]]]:
    """Each claim of :func:`_unbacked` whose text states a statistic, with the statistics."""
    rows = _unbacked(ctx)
    return [(rows[i], figures) for i, figures in statistics_in([row[2] for row in rows])]


@rule("AM110", "vague-source", "warning",
      "evidence from a source too vague to check: no title/author, date or locator")
def vague_source(ctx: RuleContext) -> Iterator[Hit]:
    """Evidence a reader could not check. Once per source cited as evidence that gives no
    author or publisher, no date, or neither title nor url (the target is the source id: one
    gap, one fix, however many claims cite it); then once per claim or link and source whose
    citation gives no locator, unless that source is flagged already (its finding asks for the
    locators)."""
    index, subject = ctx.index, ctx.index.subject
    gaps = {sid: source_gaps(source) for sid, source in index.sources.items()}
    # vague source (not a subject source) -> the claims and links citing it
    citing: dict[str, list[str]] = {sid: [] for sid, gap in gaps.items()
                                    if gap and sid not in subject}
    unlocated: list[tuple[str, str]] = []  # (claim or link, source) cited with no locator
    for target, citations in ctx.index.cited():
        if len(citations) == 1:  # the common case, without the grouping below
            source, locator = _SOURCE_LOCATOR(citations[0])
            users = citing.get(source)
            if users is not None:
                users.append(target)
            if not locator and source not in subject:
                unlocated.append((target, source))
            continue
        vague: list[str] = []  # each in the order first cited
        bare: list[str] = []
        for source, locator in map(_SOURCE_LOCATOR, citations):
            if source in citing and source not in vague:
                vague.append(source)
            if not locator and source not in bare and source not in subject:
                bare.append(source)
        for source in vague:
            citing[source].append(target)
        unlocated.extend(zip(repeat(target), bare))
    # one finding per problem: a source flagged for its own gaps is not flagged again on each
    # citation of it that gives no locator; its finding asks for the locators too
    bare_of = {source_id for _, source_id in unlocated}
    for source_id, users in citing.items():  # in the order of the map's sources
        if users:
            yield _vague_source(source_id, gaps[source_id], users, index.claims,
                                source_id in bare_of)
    for target, source_id in unlocated:
        if source_id in citing:
            continue
        yield (target,
               f"'{target}' cites '{source_id}' with no locator (page, section or table): a "
               "reader cannot find the passage.",
               "Give the citation a locator: the page, section, paragraph or table it comes "
               "from.")


_SOURCE_LOCATOR = attrgetter("source", "locator")
_SOURCE = attrgetter("source")
_SECOND = itemgetter(1)


def _vague_source(source_id: str, gaps: list[str], users: list[str],
                  claims: Container[str], unlocated: bool = False) -> Hit:
    """AM110 on a source itself: what it leaves out and who relies on it."""
    if len(users) == 1:
        who = f"'{users[0]}', which cites it"
    else:
        named = ", ".join(f"'{u}'" for u in users[:3])
        who = f"the {_claims_and_links(users, claims)} that cite it ({named}" + \
            (", ...)" if len(users) > 3 else ")")
    needs = _and([_NEEDS[gap] for gap in gaps])
    return (source_id,
            f"Source '{source_id}' gives {_and(gaps)}: a reader cannot check {who}.",
            f"Give source '{source_id}' {needs}" + ("; give each citation of it a locator (page, "
                                                    "section, table)" if unlocated else "")
            + "; when the text itself gives none, find where its figures come from and cite that.")


_NEEDS = {"no title or address": "a title or address", "no author or publisher":
          "an author or publisher", "no date": "a date"}


def _claims_and_links(users: list[str], claims: Container[str]) -> str:
    """'3 claims', '1 link', '2 claims and 1 link': how many of ``users`` are claims, links."""
    n_claims = sum(map(claims.__contains__, users))
    counts = [(n_claims, "claim"), (len(users) - n_claims, "link")]
    return " and ".join(f"{n} {word}{'s' if n > 1 else ''}" for n, word in counts if n)


@rule("AM112", "quote-not-found", "error",
      "a quote that does not appear in its source's text")
def quote_not_found(ctx: RuleContext) -> Iterator[Hit]:
    """Quotes checked against the source texts that could be read (see analysis.text.quotes)."""
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
    sources = map(_SOURCE, chain.from_iterable(map(_SECOND, ctx.index.cited())))
    while uncited:  # in batches: once every source is seen the other citations go unread
        batch = list(islice(sources, max(len(uncited), 256)))
        if not batch:
            break
        uncited.difference_update(batch)
    if not uncited:
        return
    for source_id in ctx.index.sources:
        if source_id in uncited:
            yield (source_id,
                   f"Source '{source_id}' is listed but nothing on the map cites it.",
                   "Cite it where it backs a claim, or remove it from `sources`.")


@rule("AM122", "unsourced-support-tree", "warning",
      "a claim with reasons whose every line of support ends in unsourced claims")
def unsourced_support_tree(ctx: RuleContext) -> Iterator[Hit]:
    """Claims that supports point into (so AM101 is silent) but beneath which no claim cites
    evidence: every line of support ends in a bare assertion. Reported on the highest such
    claims only (the claims beneath them share the problem), naming where the lines end, and
    only when two claims or more lie beneath (one bare premise is AM101's finding already).
    Objections to the case (the other side of a conclusion) are left out."""
    index, backed = ctx.index, ctx.index.backed
    claims, out_of = index.claims, index.out_of
    grounded: set[str] = set(backed)  # claims some line of support from evidence reaches
    # first the unbacked claims a backed premise supports straight away (one pass over the
    # rows), then what those support: the walk never visits the many backed claims' links
    queue = list(dict.fromkeys(
        to for _, to, premises, kind, *_ in index.link_rows
        if kind == "supports" and to not in backed and to in claims
        and not backed.isdisjoint(premises)))
    grounded.update(queue)
    for claim in queue:  # the list grows while it is read
        for link in out_of.get(claim, ()):
            if link.type == "supports" and link.to in claims and link.to not in grounded:
                grounded.add(link.to)
                queue.append(link.to)
    # an objection to the case resting on assertion is good news for the case: left out
    bare = {cid for cid in index.supported
            if cid in claims and cid not in grounded and ctx.sides.get(cid) != -1}
    for cid in index.claim_ids:
        if cid not in bare or any(lk.type == "supports" and lk.to in bare
                                  for lk in out_of.get(cid, ())):
            continue
        beneath, ends = _beneath(ctx, cid)
        if len(beneath) < 2:  # one bare premise beneath: AM101 on it says so already
            continue
        named = ", ".join(f"'{e}'" for e in ends[:3]) + (", ..." if len(ends) > 3 else "")
        yield (cid,
               f"'{cid}' has reasons, but none of the {len(beneath)} claims beneath it cites "
               f"evidence: every line of support ends in an assertion ({named}).",
               "Cite evidence for the claims it finally rests on, or say plainly that the case "
               "rests on the text's say-so.")


def _beneath(ctx: RuleContext, top: str) -> tuple[list[str], list[str]]:
    """The claims beneath ``top`` along supports, and those of them nothing supports."""
    index = ctx.index
    seen = {top: None}
    stack, ends = [top], []
    while stack:
        node = stack.pop()
        feeding = [lk for lk in index.into.get(node, ()) if lk.type == "supports"]
        if not feeding and node != top:
            ends.append(node)
        for link in feeding:
            for premise in link.from_:
                if premise not in seen and premise in index.claims:
                    seen[premise] = None
                    stack.append(premise)
    order = index.order
    return sorted(list(seen)[1:], key=order.__getitem__), sorted(ends, key=order.__getitem__)
