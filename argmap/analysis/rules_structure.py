"""Rules about the shape of the argument: AM104, AM105, AM106, AM107, AM111, AM115."""

from __future__ import annotations

from collections.abc import Iterator

import networkx as nx

from argmap.analysis.context import RuleContext
from argmap.analysis.dominators import immediate_dominators
from argmap.analysis.findings import Hit, rule
from argmap.analysis.scc import strongly_connected


@rule("AM104", "unsupported-conclusion", "error", "a conclusion with no supporting link")
def unsupported_conclusion(ctx: RuleContext) -> Iterator[Hit]:
    """Claims of kind conclusion that no support link points into."""
    for claim in ctx.map.claims:
        if claim.kind == "conclusion" and not ctx.index.supports_into(claim.id):
            yield (claim.id,
                   f"Conclusion '{claim.id}' has no reasons given for it.",
                   "Add the premises that lead to it, each with a `supports` link to it.")


def _answered(ctx: RuleContext, link_id: str) -> bool:
    link = ctx.index.links[link_id]
    return bool(ctx.index.attacks_into(link_id)) or any(
        ctx.index.attacks_into(p) for p in link.from_)


@rule("AM105", "unanswered-rebuttal", "warning",
      "an attack that nothing attacks back: the case must answer it")
def unanswered_rebuttal(ctx: RuleContext) -> Iterator[Hit]:
    """Attack links against the conclusions' side (or, off that side, made by rebuttals) that no
    attack answers: neither their premises nor the link itself are attacked."""
    for link in ctx.map.links:
        if link.type != "attacks" or _answered(ctx, link.ident):
            continue
        side = ctx.sides.get(link.ident)
        objection = side == -1 or (side is None and any(
            ctx.index.claims[p].kind == "rebuttal" for p in link.from_))
        if objection:
            who = "' and '".join(link.from_)
            what = "the inference" if link.to in ctx.index.links else "claim"
            yield (link.ident,
                   f"The objection '{who}' against {what} '{link.to}' is not answered on the map.",
                   "Add a claim that attacks the objection (or the inference it rests on), or "
                   "concede the point and say why the case survives it.")


def support_cycles(ctx: RuleContext, limit: int = 20) -> list[list[str]]:
    """Up to ``limit`` cycles of support between claims. Linear when there are none: only the
    strongly connected parts of the support graph are searched for simple cycles."""
    if ctx.index.topological_order() is not None:
        return []

    def supported(claim: str) -> list[str]:
        return [lk.to for lk in ctx.index.out_of.get(claim, ())
                if lk.type == "supports" and lk.to in ctx.index.claims]

    found: list[list[str]] = []
    for part in strongly_connected(ctx.index.claims, supported):
        if len(part) < 2:
            continue
        members = set(part)
        h = nx.DiGraph((c, t) for c in part for t in supported(c) if t in members)
        for cycle in nx.simple_cycles(h):
            found.append(cycle)
            if len(found) >= limit:
                return found
    return found


@rule("AM106", "circular-reasoning", "error", "a support cycle")
def circular_reasoning(ctx: RuleContext) -> Iterator[Hit]:
    """Cycles of support between claims (searched only where the support graph is cyclic)."""
    for cycle in support_cycles(ctx):
        start = min(cycle, key=ctx.index.order.__getitem__)
        at = cycle.index(start)
        path = cycle[at:] + cycle[:at] + [start]
        yield (start,
               f"'{start}' ends up supporting itself ({' -> '.join(path)}): the reasoning goes "
               "in a circle.",
               "Break the circle: one of these claims needs support from outside it.")


def _chokepoint(ctx: RuleContext, conclusion: str) -> str | None:
    """The claim nearest ``conclusion`` that every support path to it passes through."""
    end = ("", "end")  # a node no id can equal: where every line of support starts
    succ: dict[object, list[object]] = {conclusion: []}
    stack, ended = [conclusion], False
    into = ctx.index.into
    while stack:
        node = stack.pop()
        feeding = [lk for lk in into.get(node, ()) if lk.type == "supports"]
        edges = succ[node]
        if not feeding and node != conclusion:
            edges.append(end)
            ended = True
        for link in feeding:
            for premise in link.from_:
                edges.append(premise)
                if premise not in succ:
                    succ[premise] = []
                    stack.append(premise)
    if not ended:
        return None
    idom = immediate_dominators(succ, conclusion)
    node, nearest = idom[end], None
    while node != conclusion:
        nearest, node = node, idom[node]
    return nearest  # type: ignore[return-value]


@rule("AM107", "single-point-of-failure", "warning",
      "a conclusion whose every line of support passes through one claim")
def single_point_of_failure(ctx: RuleContext) -> Iterator[Hit]:
    """Conclusions with one claim that dominates every support path into them."""
    for claim in ctx.map.claims:
        if claim.kind != "conclusion":
            continue
        point = _chokepoint(ctx, claim.id)
        if point is not None:
            yield (claim.id,
                   f"Every line of support for '{claim.id}' passes through '{point}': if it "
                   "falls, the conclusion has no reason left.",
                   f"Add an independent reason for '{claim.id}' that does not go through "
                   f"'{point}', or make sure '{point}' is well backed.")


@rule("AM111", "orphan-claim", "warning", "a claim joined to nothing")
def orphan_claim(ctx: RuleContext) -> Iterator[Hit]:
    """Claims that are neither a premise nor the target of any link."""
    if len(ctx.map.claims) < 2:
        return
    for claim in ctx.map.claims:
        if claim.id not in ctx.index.into and claim.id not in ctx.index.out_of:
            yield (claim.id,
                   f"'{claim.id}' is not joined to any other claim.",
                   "Link it to the claim it supports or attacks, or remove it.")


@rule("AM115", "unused-assumption", "warning", "an assumption that no link uses as a premise")
def unused_assumption(ctx: RuleContext) -> Iterator[Hit]:
    """Assumptions that are not a premise of any link (orphans are left to AM111)."""
    for claim in ctx.map.claims:
        if claim.kind == "assumption" and claim.id not in ctx.index.out_of \
                and claim.id in ctx.index.into:
            yield (claim.id,
                   f"Assumption '{claim.id}' is not a premise of any link, so no argument "
                   "rests on it.",
                   "Add it to the `from` of the link whose inference needs it, or remove it.")
