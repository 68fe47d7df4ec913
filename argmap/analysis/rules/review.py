"""Rules about review: AM130, the proposals (``proposed: true``) no one has accepted yet.

``argmap draft`` marks every claim and link it writes as a proposal; accepting one removes the
mark (the explorer's + key, or deleting the line), rejecting one deletes it.
"""

from __future__ import annotations

from collections.abc import Iterator

from argmap.analysis.rules.context import RuleContext
from argmap.analysis.rules.findings import Hit, rule


@rule("AM130", "unreviewed-proposal", "info",
      "a claim or link a tool proposed that no one has accepted or rejected yet")
def unreviewed_proposal(ctx: RuleContext) -> Iterator[Hit]:
    """One finding per proposed claim (naming the proposed links it starts), then one per
    proposed link none of whose premises is itself a proposal."""
    amap = ctx.map
    proposed_claims = {c.id for c in amap.claims if c.proposed}
    if not proposed_claims and not any(lk.proposed for lk in amap.links):
        return
    from_claim: dict[str, list[str]] = {}
    for link in amap.links:
        if link.proposed:
            owner = next((p for p in link.from_ if p in proposed_claims), None)
            if owner is not None:
                from_claim.setdefault(owner, []).append(link.ident)
    for claim in amap.claims:
        if claim.proposed:
            links = from_claim.get(claim.id, [])
            also = (f" (and the link{'s' if len(links) > 1 else ''} "
                    f"{', '.join(repr(x) for x in links)} it starts)") if links else ""
            yield (claim.id,
                   f"Claim '{claim.id}'{also} was proposed by a tool and is not reviewed yet.",
                   "Accept it (the explorer's + key, or delete its `proposed: true` line) once "
                   "it says what the text says, or reject it (- in the explorer, or delete it).")
    for link in amap.links:
        if link.proposed and not any(p in proposed_claims for p in link.from_):
            yield (link.ident,
                   f"Link '{link.ident}' was proposed by a tool and is not reviewed yet.",
                   "Accept it (+ in the explorer, or delete its `proposed: true` line) when the "
                   "text does argue this way; otherwise reject it (- in the explorer).")
