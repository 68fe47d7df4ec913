"""Rules about inferences and wording: AM103, AM108, AM109."""

from __future__ import annotations

from collections.abc import Iterator

from argmap.analysis.context import RuleContext
from argmap.analysis.findings import Hit, rule
from argmap.analysis.wording import sweeping
from argmap.model import Link


@rule("AM103", "weak-link", "warning",
      "a link marked weak, or whose computed strength falls under the threshold")
def weak_link(ctx: RuleContext) -> Iterator[Hit]:
    """Links the analyst marked weak, and links of the case (not objections to it) whose
    DF-QuAD strength is under the threshold (`lint: weak-threshold`, default 0.25)."""
    for link in ctx.map.links:
        what = "to accept" if link.type == "supports" else "to doubt"
        value = ctx.evaluation.strengths.get(link.ident, 0.0)
        premises = "' and '".join(link.from_)
        gives = "gives" if len(link.from_) == 1 else "together give"
        if link.strength == "weak":
            message = (f"The link '{link.ident}' is marked weak: '{premises}' {gives} only "
                       f"slight reason {what} '{link.to}'.")
        elif value < ctx.weak_threshold and ctx.sides.get(link.ident) != -1:
            # An objection that its answers have weakened is good news for the case, not a flaw.
            message = (f"The link '{link.ident}' carries little weight (strength {value:.2f}, "
                       f"under {ctx.weak_threshold:.2f}): {_why_weak(ctx, link)}.")
        else:
            continue
        yield (link.ident, message,
               "Back the inference with a warrant and evidence, add independent reasons, or "
               "rest less of the case on it.")


def _why_weak(ctx: RuleContext, link: Link) -> str:
    """What holds a link down: its weakest premise, and what undercuts it."""
    strengths = ctx.evaluation.strengths
    weakest = min(link.from_, key=lambda p: strengths.get(p, 0.0))
    reason = f"its weakest premise '{weakest}' stands at {strengths.get(weakest, 0.0):.2f}"
    cutters = [lk.ident for lk in ctx.index.attacks_into(link.ident)]
    if cutters:
        reason += " and it is undercut by '" + "', '".join(cutters) + "'"
    return reason


@rule("AM108", "missing-warrant", "info",
      "a single-premise link with no warrant: a hidden assumption may be doing the work")
def missing_warrant(ctx: RuleContext) -> Iterator[Hit]:
    """Support links from one premise to a claim that state no warrant."""
    for link in ctx.map.links:
        if link.type != "supports" or link.warrant or len(set(link.from_)) != 1:
            continue
        if link.to not in ctx.index.claims:
            continue
        premise = link.from_[0]
        yield (link.ident,
               f"Nothing says why '{premise}' would make '{link.to}' true: an unstated "
               "assumption may be doing the work.",
               "Write the warrant (`warrant:`), or add the hidden assumption as a claim "
               "(kind: assumption) and a co-premise of the link.")


@rule("AM109", "sweeping-claim", "info",
      "absolute wording (only, never, cannot, all, irreplicable, ...) to review")
def sweeping_claim(ctx: RuleContext) -> Iterator[Hit]:
    """Claims whose text uses absolute words (the map's `lint: sweeping-words` extend the list)."""
    for claim in ctx.map.claims:
        words = sweeping(claim.text, ctx.sweeping_words)
        if words:
            said = ", ".join(f"'{w}'" for w in words)
            yield (claim.id,
                   f"'{claim.id}' uses absolute wording ({said}): a single counter-example "
                   "would refute it.",
                   "Check the source really says this; soften it (most, often, rarely) or, when "
                   "it is the text's own wording, keep it with `ignore: {AM109: reason}`.")
