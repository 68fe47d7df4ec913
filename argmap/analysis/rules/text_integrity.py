"""Text integrity: AM121 (broken text) in claims, quotes, warrants and the sources' own texts.

A placeholder, an empty slot or a doubled word found in a source's text (its `text:` file, or
``--source-text``) is reported once on the source; a quote of a source whose text was read is
then not checked again (its flaw is the source's, or the quote is not in the text: AM112).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from functools import lru_cache

from argmap.analysis.rules.context import RuleContext
from argmap.analysis.rules.findings import Hit, rule
from argmap.analysis.text.textflaws import Flaw, text_flaws, text_flaws_in

_SHOWN = 3  # flaws named in a message; the rest are counted


def _listed(flaws: list[tuple[Flaw, str]]) -> str:
    """"empty slot 'In ,' (line 4), doubled word 'the the'" and how many more."""
    said = list(Counter(f"{flaw.kind} '{_short(flaw.snippet)}'{where}" for flaw, where in flaws)
                .items())  # "In ," twice on one line is said once, with a count
    named = [what + (f" ({n} times)" if n > 1 else "") for what, n in said[:_SHOWN]]
    more = len(said) - _SHOWN
    return ", ".join(named) + (f" and {more} more" if more > 0 else "")


@lru_cache(maxsize=4096)  # a long text says "the the" many times
def _short(snippet: str) -> str:
    snippet = " ".join(snippet.split())
    return snippet if len(snippet) <= 40 else snippet[:37] + "..."


@rule("AM121", "broken-text", "warning",
      "a placeholder, an empty slot or a doubled word in a claim, quote or source text")
def broken_text(ctx: RuleContext) -> Iterator[Hit]:
    """Claims and links whose text, quotes or warrant hold a placeholder ("[Insert Name
    Here]"), an empty slot ("In , the focus was") or a doubled word; then the sources whose
    local text does (see :mod:`argmap.analysis.text.textflaws`)."""
    index = ctx.index
    found: dict[str, list[tuple[Flaw, str]]] = {}
    for i, flaws in text_flaws_in(index.texts):
        found[index.claim_ids[i]] = [(f, "") for f in flaws]
    read = {sid for sid, known in ctx.source_texts.items() if known.text is not None}
    owners: list[tuple[str, str]] = []  # (claim or link, where in it) of each text below
    texts: list[str] = []
    for target, citations in index.cited():
        for citation in citations:
            if citation.quote and citation.source not in read:
                owners.append((target, " in a quote"))
                texts.append(citation.quote)
    for lid, *_, warrant, _evidence, _ignore in index.link_rows:
        if warrant:
            owners.append((lid, " in the warrant"))
            texts.append(warrant)
    for i, flaws in text_flaws_in(texts):
        target, where = owners[i]
        found.setdefault(target, []).extend((f, where) for f in flaws)
    for target in (*index.claim_ids, *index.link_ids):
        flaws = found.get(target)
        if flaws:
            yield (target,
                   f"'{target}' has broken text: {_listed(flaws)}.",
                   "Restore what is missing from the source, remove the placeholder or the "
                   "doubled word.")
    for source_id, known in ctx.source_texts.items():
        if known.text is None:
            continue
        flaws = text_flaws(known.text)
        if flaws:
            lines = [(f, f" (line {known.text.count(chr(10), 0, f.start) + 1})") for f in flaws]
            yield (source_id,
                   f"The text of source '{source_id}' is damaged: {_listed(lines)}.",
                   "Check the copy against the original; if the original has the hole, quote "
                   "around it and weigh the source accordingly.")
