"""Rules about inferences and wording: AM103, AM108, AM109."""

from __future__ import annotations

from collections.abc import Iterator

from argmap.analysis.rules.context import RuleContext, link_strengths
from argmap.analysis.rules.findings import Hit, rule
from argmap.analysis.text.sweeping import sweeping_in


@rule("AM103", "weak-link", "warning",
      "a link marked weak, or whose computed strength falls under the threshold")
def weak_link(ctx: RuleContext) -> Iterator[Hit]:
    """Links the analyst marked weak, and links of the case (not objections to it) whose
    DF-QuAD strength is under the threshold (`lint: weak-threshold`, default 0.25). An attack
    marked weak is reported only when it carries the case (see :func:`_carries_case`)."""
    sides, threshold = ctx.sides, ctx.weak_threshold
    under = f"under {threshold:.2f}"
    values = link_strengths(ctx)  # in link order, without a lookup per link
    for row, value in zip(ctx.index.link_rows, values, strict=True):
        lid, to, premises, kind, strength, _warrant, _evidence, _ignore = row
        if strength != "weak" and (not value < threshold or sides.get(lid) == -1):
            continue
        if strength == "weak" and kind == "attacks" and not _carries_case(ctx, lid, to):
            continue
        what = "to accept" if kind == "supports" else "to doubt"
        if strength == "weak":
            gives = "gives" if len(premises) == 1 else "together give"
            said = "' and '".join(premises)
            message = (f"The link '{lid}' is marked weak: '{said}' {gives} only "
                       f"slight reason {what} '{to}'.")
        else:
            # An objection that its answers have weakened is good news for the case, not a flaw.
            message = (f"The link '{lid}' carries little weight (strength {value:.2f}, "
                       f"{under}): {_why_weak(ctx, lid, premises)}.")
        yield (lid, message,
               "Back the inference with a warrant and evidence, add independent reasons, or "
               "rest less of the case on it.")


def _carries_case(ctx: RuleContext, lid: str, to: str) -> bool:
    """Whether an attack the analyst marked weak carries the case: it answers an objection on
    the case's behalf and is the only attack on that target, so the objection stands but for
    it. An objection to the case marked weak is the analyst's own judgement, good news for the
    case: reporting it again is noise."""
    if ctx.sides.get(lid) != 1:
        return False
    return sum(lk.type == "attacks" for lk in ctx.index.into.get(to, ())) == 1


def _why_weak(ctx: RuleContext, link: str, premises: list[str]) -> str:
    """What holds a link down: its weakest premise, and what undercuts it."""
    strengths = ctx.evaluation.strengths
    weakest = premises[0] if len(premises) == 1 else \
        min(premises, key=lambda p: strengths.get(p, 0.0))
    reason = f"its weakest premise '{weakest}' stands at {strengths.get(weakest, 0.0):.2f}"
    cutters = [lk.ident for lk in ctx.index.into.get(link, ()) if lk.type == "attacks"]
    if cutters:
        reason += " and it is undercut by '" + "', '".join(cutters) + "'"
    return reason


@rule("AM108", "missing-warrant", "info",
      "a single-premise link with no warrant: a hidden assumption may be doing the work")
def missing_warrant(ctx: RuleContext) -> Iterator[Hit]:
    """Support links from one premise to a claim that state no warrant."""
    claims = ctx.index.claims
    for lid, to, premises, kind, _strength, warrant, _evidence, _ignore in ctx.index.link_rows:
        if kind != "supports" or warrant or len(premises) != 1 and len(set(premises)) != 1:
            continue
        if to not in claims:  # a support of an inference (a link) is not asked about here
            continue
        yield (lid,
               f"Nothing says why '{premises[0]}' would make '{to}' true: an unstated "
               "assumption may be doing the work.",
               "Write the warrant (`warrant:`), or add the hidden assumption as a claim "
               "(kind: assumption) and a co-premise of the link.")


@rule("AM109", "sweeping-claim", "info",
      "absolute wording (only, never, cannot, all, irreplicable, ...) to review")
def sweeping_claim(ctx: RuleContext) -> Iterator[Hit]:
    """Claims whose text uses absolute words (the map's `lint: sweeping-words` extend the list)."""
    ids = ctx.index.claim_ids
    for i, words in sweeping_in(ctx.index.texts, ctx.sweeping_words):
        cid = ids[i]
        said = ", ".join(f"'{w}'" for w in words)
        yield (cid,
               f"'{cid}' uses absolute wording ({said}): a single counter-example "
               "would refute it.",
               "Check the source really says this; soften it (most, often, rarely) or, when "
               "it is the text's own wording, keep it with `ignore: {AM109: reason}`.")
