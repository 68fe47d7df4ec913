"""The reviewer's first catches in wording: AM119 (vague attribution), AM120 (superlatives).

Both look at a claim's text and at the quotes it cites, and both stay quiet on a claim that
cites evidence (a citation of a source other than the map's ``subject``): once the analyst has
found who the "experts" are, or the ranking behind "the largest", the claim is checkable.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence

from argmap.analysis.rules.context import RuleContext
from argmap.analysis.rules.findings import Hit, rule
from argmap.analysis.text.attribution import quoted_sentence, vague_attributions_in
from argmap.analysis.text.superlatives import superlatives_in
from argmap.analysis.text.sweeping import sweeping_finder

Scan = Callable[[Sequence[str]], Iterable[tuple[int, list[str]]]]


def _attributions(texts: Sequence[str]) -> Iterator[tuple[int, list[str]]]:
    for i, found in vague_attributions_in(texts):
        yield i, [" ".join(a.phrase.split()) for a in found]


def unbacked_wording(ctx: RuleContext, scan: Scan, sentences: bool = False
                     ) -> Iterator[tuple[str, list[str], bool]]:
    """(claim id, what ``scan`` found, whether only in a quote) for each claim that cites no
    evidence and whose text, or one of whose quotes, ``scan`` finds something in; map order.
    With ``sentences``, a quote whose source's text was read is widened to the sentence it
    comes from: "Recent data suggests that" may stand just before the words quoted."""
    index, backed = ctx.index, ctx.index.backed
    texts = {sid: known.text for sid, known in ctx.source_texts.items()
             if sentences and known.text is not None}
    # only claims no evidence backs are asked about: on most maps, a minority
    unbacked = [i for i, cid in enumerate(index.claim_ids) if cid not in backed]
    in_text = {index.claim_ids[unbacked[j]]: found
               for j, found in scan([index.texts[i] for i in unbacked])}
    owners: list[str] = []
    quotes: list[str] = []
    # a claim citing anything is backed unless the map has a subject: only then may an
    # unbacked claim hold quotes (of the subject)
    for i in unbacked if index.subject else ():
        cid = index.claim_ids[i]
        for citation in index.claim_rows[i][3]:
            if citation.quote:
                owners.append(cid)
                text = texts.get(citation.source)
                sentence = quoted_sentence(citation.quote, text) if text else None
                quotes.append(sentence or citation.quote)
    in_quotes: dict[str, list[str]] = {}
    for i, found in scan(quotes):
        in_quotes.setdefault(owners[i], []).extend(found)
    for i in unbacked:
        cid = index.claim_ids[i]
        if cid not in in_text and cid not in in_quotes:
            continue
        found = list(dict.fromkeys([*in_text.get(cid, ()), *in_quotes.get(cid, ())]))
        yield cid, found, cid not in in_text


def _said(found: list[str]) -> str:
    return ", ".join(f"'{f}'" for f in found[:3]) + (", ..." if len(found) > 3 else "")


@rule("AM119", "vague-attribution", "warning",
      "a claim resting on an unnamed authority: experts agree, studies show, critics say")
def vague_attribution(ctx: RuleContext) -> Iterator[Hit]:
    """Claims citing no evidence whose text or quote appeals to an authority it does not name
    (see :mod:`argmap.analysis.text.attribution`); when the quoted source's text was read, the
    whole sentence a quote comes from is read."""
    for cid, found, quoted in unbacked_wording(ctx, _attributions, sentences=True):
        where = " where it is quoted from" if quoted else ""
        yield (cid,
               f"'{cid}' leans on an unnamed authority ({_said(found)}{where}): the text does "
               "not say who, so a reader cannot check it.",
               "Find the source the text means (who, where, when) and cite it; when the text "
               "names none, say so, or state the claim without the appeal.")


@rule("AM120", "superlative-claim", "info",
      "a superlative or boast with no evidence: the world's most complete, world-leading")
def superlative_claim(ctx: RuleContext) -> Iterator[Hit]:
    """Claims citing no evidence whose text or quote claims to be first, best or beyond compare
    (see :mod:`argmap.analysis.text.superlatives`)."""
    absolute = sweeping_finder(ctx.sweeping_words)
    for cid, found, quoted in unbacked_wording(ctx, superlatives_in):
        # one finding per problem: a word AM109 reports on the claim ("incomparable" in the
        # map's sweeping-words) is not reported again here
        said = set(absolute(ctx.index.claims[cid].text))
        found = [f for f in found if f.lower() not in said]
        if not found:
            continue
        where = " in its quote" if quoted else ""
        yield (cid,
               f"'{cid}' makes a superlative claim ({_said(found)}{where}) with no evidence: "
               "being first or best needs a ranking or comparison a reader can check.",
               "Cite the ranking or comparison that backs it, or say what was measured "
               "against what ('larger than any other port in Asia, by tonnage in 2023').")
