"""Rules about the shape of the argument: AM104, AM105, AM106, AM107, AM111, AM115, AM123."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from itertools import filterfalse
from typing import TYPE_CHECKING

from argmap.perf import LazyModule

if TYPE_CHECKING:
    import networkx as nx
else:
    nx = LazyModule("networkx")  # imported when first used

from argmap.analysis.dominators import immediate_dominators, nearest_dominator
from argmap.analysis.rules.context import RuleContext
from argmap.analysis.rules.findings import Hit, rule
from argmap.analysis.scc import strongly_connected_ints
from argmap.model import Link


def _of_kind(ctx: RuleContext, kind: str) -> list[str]:
    """The ids of the claims of ``kind``, in map order."""
    return [cid for cid, k in zip(ctx.index.claim_ids, ctx.index.kinds, strict=True) if k == kind]


@rule("AM104", "unsupported-conclusion", "error", "a conclusion with no supporting link")
def unsupported_conclusion(ctx: RuleContext) -> Iterator[Hit]:
    """Claims of kind conclusion that no support link points into."""
    supported = ctx.index.supported
    for cid in _of_kind(ctx, "conclusion"):
        if cid not in supported:
            yield (cid,
                   f"Conclusion '{cid}' has no reasons given for it.",
                   "Add the premises that lead to it, each with a `supports` link to it.")


@rule("AM105", "unanswered-rebuttal", "warning",
      "an attack that nothing attacks back: the case must answer it")
def unanswered_rebuttal(ctx: RuleContext) -> Iterator[Hit]:
    """Attack links against the conclusions' side (or, off that side, made by rebuttals) that no
    attack answers: neither their premises nor the link itself are attacked."""
    index, sides = ctx.index, ctx.sides
    attacked, claims, links = index.attacked, index.claims, index.links
    for lid, to, premises, kind, _strength, _warrant, _evidence, _ignore in index.link_rows:
        if kind != "attacks" or lid in attacked or not attacked.isdisjoint(premises):
            continue
        side = sides.get(lid)
        objection = side == -1 or (side is None and any(
            claims[p].kind == "rebuttal" for p in premises))
        if objection:
            who = "' and '".join(premises)
            what = "the inference" if to in links else "claim"
            yield (lid,
                   f"The objection '{who}' against {what} '{to}' is not answered on the map.",
                   "Add a claim that attacks the objection (or the inference it rests on), or "
                   "concede the point and say why the case survives it.")


def support_cycles(ctx: RuleContext, limit: int = 20) -> list[list[str]]:
    """Up to ``limit`` cycles of support between claims. Linear when there are none: only the
    strongly connected parts of the support graph are searched for simple cycles."""
    if ctx.acyclic:
        return []

    def supported(claim: str) -> list[str]:
        return [lk.to for lk in ctx.index.out_of.get(claim, ())
                if lk.type == "supports" and lk.to in ctx.index.claims]

    found: list[list[str]] = []
    for part in _support_parts(ctx):
        if len(part) < 2:
            continue
        # networkx keeps the nodes in sets: numbered by map order, they come out in the same
        # order in every run (a string's place in a set changes with PYTHONHASHSEED).
        number = {claim: i for i, claim in enumerate(part)}
        h = nx.DiGraph()
        h.add_nodes_from(range(len(part)))
        h.add_edges_from((number[c], number[t]) for c in part for t in supported(c)
                         if t in number)
        for cycle in nx.simple_cycles(h):
            found.append([part[i] for i in cycle])
            if len(found) >= limit:
                return found
    return found


def _support_parts(ctx: RuleContext) -> list[list[str]]:
    """The strongly connected parts of the support graph between claims (claim -> the claims
    it supports), over the map's numbers: sinks first, members in map order."""
    numbers = ctx.index.numbered()
    claims = numbers.c
    supported: list[list[int]] = [[] for _ in range(claims)]  # in link order, as ``out_of``
    for target, supports, premises in zip(numbers.target, numbers.supports, numbers.premises,
                                          strict=True):
        if supports and target < claims:
            for premise in premises if len(premises) == 1 else dict.fromkeys(premises):
                supported[premise].append(target)
    ids = numbers.ids
    return [[ids[i] for i in part] for part in strongly_connected_ints(range(claims), supported)
            if len(part) > 1]


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


_END = object()  # a node no id can equal: where every line of support starts
_ENDS = (_END,)


class _Feeds(dict[object, "list[str] | None"]):
    """Claim or link -> the premises of the support links into it (repeats kept), or None when
    no support points into it; filled in as nodes are asked for, so a rule that looks at a few
    lines of support does not pay for the whole map."""

    def __init__(self, into: dict[str, list[Link]]):
        super().__init__()
        self._into = into

    def __missing__(self, node: object) -> list[str] | None:
        premises: list[str] | None = None
        for link in self._into.get(node, ()):  # type: ignore[call-overload]
            if link.type == "supports":
                if premises is None:
                    premises = list(link.from_)
                else:
                    premises.extend(link.from_)
        self[node] = premises
        return premises


def _two_lines(feeds: _Feeds, conclusion: str) -> bool:
    """Whether two lines of support into ``conclusion`` that share no claim were found, by
    walking down from its premises (first unused premise at each step). When they exist no claim
    lies on every line; when the walks fail nothing is concluded."""
    used, found = {conclusion}, 0
    for start in dict.fromkeys(feeds[conclusion] or ()):
        node: str | None = start
        while node is not None and node not in used:
            used.add(node)
            premises = feeds[node]
            if premises is None:  # nothing supports it: this line of support is complete
                found += 1
                if found == 2:
                    return True
                break
            node = next((p for p in premises if p not in used), None)
    return False


def _chokepoint(feeds: _Feeds, conclusion: str, acyclic: bool) -> str | None:
    """The claim nearest ``conclusion`` that every support path to it passes through."""
    if _two_lines(feeds, conclusion):
        return None
    succ: dict[object, Sequence[object]] = {conclusion: feeds[conclusion] or ()}
    stack, ended = [conclusion], False
    while stack:
        for premise in succ[stack.pop()]:
            if premise not in succ:
                edges = feeds[premise]
                if edges is None:  # nothing supports it: a line of support starts here
                    succ[premise], ended = _ENDS, True
                else:
                    succ[premise] = edges
                    stack.append(premise)  # type: ignore[arg-type]
    if not ended:
        return None
    if acyclic:
        return nearest_dominator(succ, conclusion, _END)  # type: ignore[return-value]
    idom = immediate_dominators(succ, conclusion)
    node, nearest = idom[_END], None
    while node != conclusion:
        nearest, node = node, idom[node]
    return nearest  # type: ignore[return-value]


@rule("AM107", "single-point-of-failure", "warning",
      "a conclusion whose every line of support passes through one claim")
def single_point_of_failure(ctx: RuleContext) -> Iterator[Hit]:
    """Conclusions with one claim that dominates every support path into them."""
    feeds = _Feeds(ctx.index.into)
    for cid in _of_kind(ctx, "conclusion"):
        point = _chokepoint(feeds, cid, ctx.acyclic)
        if point is not None:
            yield (cid,
                   f"Every line of support for '{cid}' passes through '{point}': if it "
                   "falls, the conclusion has no reason left.",
                   f"Add an independent reason for '{cid}' that does not go through "
                   f"'{point}', or make sure '{point}' is well backed.")


@rule("AM111", "orphan-claim", "warning", "a claim joined to nothing")
def orphan_claim(ctx: RuleContext) -> Iterator[Hit]:
    """Claims that are neither a premise nor the target of any link."""
    if len(ctx.index.claim_ids) < 2:
        return
    into, out_of = ctx.index.into, ctx.index.out_of
    # Most claims are a premise of something: asking out_of first leaves few to ask into about.
    for cid in filterfalse(into.__contains__, filterfalse(out_of.__contains__, ctx.index.claims)):
        yield (cid,
               f"'{cid}' is not joined to any other claim.",
               "Link it to the claim it supports or attacks, or remove it.")


@rule("AM115", "unused-assumption", "warning", "an assumption that no link uses as a premise")
def unused_assumption(ctx: RuleContext) -> Iterator[Hit]:
    """Assumptions that are not a premise of any link (orphans are left to AM111)."""
    into, out_of = ctx.index.into, ctx.index.out_of
    for cid in _of_kind(ctx, "assumption"):
        if cid not in out_of and cid in into:
            yield (cid,
                   f"Assumption '{cid}' is not a premise of any link, so no argument "
                   "rests on it.",
                   "Add it to the `from` of the link whose inference needs it, or remove it.")


@rule("AM123", "duplicate-link", "warning",
      "a link repeating another: the same premises, target and type")
def duplicate_link(ctx: RuleContext) -> Iterator[Hit]:
    """Links with the same premises (in any order), target and type as an earlier link: the
    evaluation counts the one reason twice. Reported on each repeat, naming the first."""
    first: dict[tuple[object, str, str], str] = {}
    for lid, to, premises, kind, *_ in ctx.index.link_rows:
        # one premise (the common case) is its own key; several, a set of them (any order)
        key = (premises[0] if len(premises) == 1 else frozenset(premises), to, kind)
        earlier = first.setdefault(key, lid)
        if earlier != lid:
            yield (lid,
                   f"The link '{lid}' repeats '{earlier}' (the same premises, the same target "
                   f"'{to}', both {kind}): the one reason is counted twice.",
                   f"Remove '{lid}', moving its warrant and evidence to '{earlier}' if it "
                   "adds any.")
