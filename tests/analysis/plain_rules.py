"""The lint rules written the plain way, straight over the models: what the fast rules must match.

Each function takes a RuleContext and returns the rule's (target, message, hint) triples, as the
rules were written before they read the index's pulled-out rows. Rules AM106, AM112, AM116 and
AM118 are left out: they are cheap and read the models as they always did.
"""

from __future__ import annotations

from collections.abc import Callable

from argmap.analysis.dominators import immediate_dominators
from argmap.analysis.evaluation.base_scores import source_gaps as _source_gaps
from argmap.analysis.rules.context import RuleContext
from argmap.analysis.rules.findings import RULES, Finding, expand_codes
from argmap.analysis.rules.sourcing import _and
from argmap.analysis.text.wording import statistics, sweeping
from argmap.model import Citation, Claim

Hits = list[tuple[str, str, str]]


def _evidence(ctx: RuleContext, citations: list[Citation]) -> list[Citation]:
    return [c for c in citations if c.source not in ctx.index.subject]


def _supports_into(ctx: RuleContext, node: str) -> list:
    return [lk for lk in ctx.index.into.get(node, ()) if lk.type == "supports"]


def _attacks_into(ctx: RuleContext, node: str) -> list:
    return [lk for lk in ctx.index.into.get(node, ()) if lk.type == "attacks"]


def _located_only(ctx: RuleContext, claim: Claim) -> bool:
    return bool(claim.evidence) and not _evidence(ctx, claim.evidence)


def am101(ctx: RuleContext) -> Hits:
    hits = []
    for claim in ctx.map.claims:
        if claim.kind != "premise" or _evidence(ctx, claim.evidence):
            continue
        if _supports_into(ctx, claim.id) or statistics(claim.text):
            continue
        where = (" the text under review asserts it but gives no source"
                 if _located_only(ctx, claim) else " nothing on the map supports it")
        hits.append((claim.id, f"Premise '{claim.id}' has no evidence behind it:{where}.",
                     _HINTS["AM101"]))
    return hits


def am102(ctx: RuleContext) -> Hits:
    hits = []
    for claim in ctx.map.claims:
        if claim.kind == "conclusion" or _evidence(ctx, claim.evidence):
            continue
        figures = statistics(claim.text)
        if figures:
            said = ", ".join(f"'{f}'" for f in figures)
            why = (" the text under review gives it without saying where it comes from"
                   if _located_only(ctx, claim) else " no source is cited for it")
            hits.append((claim.id, f"'{claim.id}' states a figure ({said}), but{why}.",
                         _HINTS["AM102"]))
    return hits


def am103(ctx: RuleContext) -> Hits:
    hits = []
    for link in ctx.map.links:
        what = "to accept" if link.type == "supports" else "to doubt"
        value = ctx.evaluation.strengths.get(link.ident, 0.0)
        premises = "' and '".join(link.from_)
        gives = "gives" if len(link.from_) == 1 else "together give"
        if link.strength == "weak" and link.type == "attacks" and (
                ctx.sides.get(link.ident) != 1
                or len(_attacks_into(ctx, link.to)) != 1):
            continue  # an objection marked weak that does not carry the case
        if link.strength == "weak":
            message = (f"The link '{link.ident}' is marked weak: '{premises}' {gives} only "
                       f"slight reason {what} '{link.to}'.")
        elif value < ctx.weak_threshold and ctx.sides.get(link.ident) != -1:
            strengths = ctx.evaluation.strengths
            weakest = min(link.from_, key=lambda p: strengths.get(p, 0.0))
            why = f"its weakest premise '{weakest}' stands at {strengths.get(weakest, 0.0):.2f}"
            cutters = [lk.ident for lk in _attacks_into(ctx, link.ident)]
            if cutters:
                why += " and it is undercut by '" + "', '".join(cutters) + "'"
            message = (f"The link '{link.ident}' carries little weight (strength {value:.2f}, "
                       f"under {ctx.weak_threshold:.2f}): {why}.")
        else:
            continue
        hits.append((link.ident, message, _HINTS["AM103"]))
    return hits


def am104(ctx: RuleContext) -> Hits:
    return [(c.id, f"Conclusion '{c.id}' has no reasons given for it.", _HINTS["AM104"])
            for c in ctx.map.claims if c.kind == "conclusion" and not _supports_into(ctx, c.id)]


def am105(ctx: RuleContext) -> Hits:
    hits = []
    for link in ctx.map.links:
        if link.type != "attacks" or _attacks_into(ctx, link.ident) or any(
                _attacks_into(ctx, p) for p in link.from_):
            continue
        side = ctx.sides.get(link.ident)
        if side == -1 or (side is None and any(
                ctx.index.claims[p].kind == "rebuttal" for p in link.from_)):
            who = "' and '".join(link.from_)
            what = "the inference" if link.to in ctx.index.links else "claim"
            hits.append((link.ident, f"The objection '{who}' against {what} '{link.to}' is not "
                         "answered on the map.", _HINTS["AM105"]))
    return hits


def _chokepoint(ctx: RuleContext, conclusion: str) -> str | None:
    end = ("", "end")
    succ: dict[object, list[object]] = {conclusion: []}
    stack, ended = [conclusion], False
    while stack:
        node = stack.pop()
        feeding = _supports_into(ctx, node)  # type: ignore[arg-type]
        if not feeding and node != conclusion:
            succ[node].append(end)
            ended = True
        for link in feeding:
            for premise in link.from_:
                succ[node].append(premise)
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


def am107(ctx: RuleContext) -> Hits:
    hits = []
    for claim in ctx.map.claims:
        point = _chokepoint(ctx, claim.id) if claim.kind == "conclusion" else None
        if point is not None:
            hits.append((claim.id, f"Every line of support for '{claim.id}' passes through "
                         f"'{point}': if it falls, the conclusion has no reason left.",
                         f"Add an independent reason for '{claim.id}' that does not go through "
                         f"'{point}', or make sure '{point}' is well backed."))
    return hits


def am108(ctx: RuleContext) -> Hits:
    return [(lk.ident, f"Nothing says why '{lk.from_[0]}' would make '{lk.to}' true: an "
             "unstated assumption may be doing the work.", _HINTS["AM108"])
            for lk in ctx.map.links
            if lk.type == "supports" and not lk.warrant and len(set(lk.from_)) == 1
            and lk.to in ctx.index.claims]


def am109(ctx: RuleContext) -> Hits:
    hits = []
    for claim in ctx.map.claims:
        words = sweeping(claim.text, ctx.sweeping_words)
        if words:
            said = ", ".join(f"'{w}'" for w in words)
            hits.append((claim.id, f"'{claim.id}' uses absolute wording ({said}): a single "
                         "counter-example would refute it.", _HINTS["AM109"]))
    return hits


def _cited(ctx: RuleContext) -> list[tuple[str, list[Citation]]]:
    return [(c.id, c.evidence) for c in ctx.map.claims if c.evidence] + \
        [(lk.ident, lk.evidence) for lk in ctx.map.links if lk.evidence]


def am110(ctx: RuleContext) -> Hits:
    gaps = {sid: _source_gaps(source) for sid, source in ctx.index.sources.items()}
    citing: dict[str, list[str]] = {sid: [] for sid in gaps}
    unlocated = []
    for target, citations in _cited(ctx):
        for citation in citations:
            if citation.source in ctx.index.subject:
                continue
            if target not in citing[citation.source]:
                citing[citation.source].append(target)
            if not citation.locator and (target, citation.source) not in unlocated:
                unlocated.append((target, citation.source))
    hits = []
    for sid, users in citing.items():
        if users and gaps[sid]:
            claims = [u for u in users if u in ctx.index.claims]
            links = [u for u in users if u not in ctx.index.claims]
            counted = " and ".join(
                f"{len(group)} {word}" + ("s" if len(group) > 1 else "")
                for group, word in ((claims, "claim"), (links, "link")) if group)
            who = (f"'{users[0]}', which cites it" if len(users) == 1 else
                   f"the {counted} that cite it ("
                   + ", ".join(f"'{u}'" for u in users[:3]) + (", ...)" if len(users) > 3 else ")"))
            needs = [{"no title or address": "a title or address",
                      "no author or publisher": "an author or publisher",
                      "no date": "a date"}[gap] for gap in gaps[sid]]
            bare = any(s == sid for _, s in unlocated)
            hits.append((sid, f"Source '{sid}' gives {_and(gaps[sid])}: a reader cannot check "
                         f"{who}.", f"Give source '{sid}' {_and(needs)}"
                         + ("; give each citation of it a locator (page, section, table)"
                            if bare else "")
                         + "; when the text itself gives none, find where its figures come "
                         "from and cite that."))
    hits += [(target, f"'{target}' cites '{sid}' with no locator (page, section or table): a "
              "reader cannot find the passage.", _HINTS["AM110"]) for target, sid in unlocated
             if not gaps[sid]]
    return hits


def am111(ctx: RuleContext) -> Hits:
    if len(ctx.map.claims) < 2:
        return []
    return [(c.id, f"'{c.id}' is not joined to any other claim.", _HINTS["AM111"])
            for c in ctx.map.claims if c.id not in ctx.index.into and c.id not in ctx.index.out_of]


def am115(ctx: RuleContext) -> Hits:
    return [(c.id, f"Assumption '{c.id}' is not a premise of any link, so no argument rests on "
             "it.", _HINTS["AM115"]) for c in ctx.map.claims
            if c.kind == "assumption" and c.id not in ctx.index.out_of and c.id in ctx.index.into]


def am117(ctx: RuleContext) -> Hits:
    cited = {c.source for _, citations in _cited(ctx) for c in citations}
    return [(s.id, f"Source '{s.id}' is listed but nothing on the map cites it.",
             _HINTS["AM117"]) for s in ctx.map.sources if s.id not in cited]


def _owners(ctx: RuleContext) -> list[tuple[str, dict[str, str]]]:
    return [(c.id, c.ignore) for c in ctx.map.claims if c.ignore] + \
        [(lk.ident, lk.ignore) for lk in ctx.map.links if lk.ignore]


def am113(ctx: RuleContext) -> Hits:
    return [(target, f"'{target}' silences {key} without saying why.",
             f"Give the reason: `ignore: {{{key}: \"why it does not apply here\"}}`.")
            for target, ignore in _owners(ctx) for key, reason in ignore.items()
            if not (reason or "").strip()]


PLAIN: dict[str, Callable[[RuleContext], Hits]] = {
    "AM101": am101, "AM102": am102, "AM103": am103, "AM104": am104, "AM105": am105,
    "AM107": am107, "AM108": am108, "AM109": am109, "AM110": am110, "AM111": am111,
    "AM113": am113, "AM115": am115, "AM117": am117,
}
# The hints that do not name the target: taken from what the fast rule says on the same map
# would make the test circular, so they are written out here.
_HINTS = {
    "AM101": "Cite a source that backs it, add a claim that supports it, or make it an "
             "assumption (kind: assumption) if the argument simply takes it for granted.",
    "AM102": "Cite the study, dataset or report the figure comes from; when the text under "
             "review names one, add it as a source of its own and cite it here.",
    "AM103": "Back the inference with a warrant and evidence, add independent reasons, or "
             "rest less of the case on it.",
    "AM104": "Add the premises that lead to it, each with a `supports` link to it.",
    "AM105": "Add a claim that attacks the objection (or the inference it rests on), or "
             "concede the point and say why the case survives it.",
    "AM108": "Write the warrant (`warrant:`), or add the hidden assumption as a claim "
             "(kind: assumption) and a co-premise of the link.",
    "AM109": "Check the source really says this; soften it (most, often, rarely) or, when "
             "it is the text's own wording, keep it with `ignore: {AM109: reason}`.",
    "AM110": "Give the citation a locator: the page, section, paragraph or table it comes "
             "from.",
    "AM111": "Link it to the claim it supports or attacks, or remove it.",
    "AM115": "Add it to the `from` of the link whose inference needs it, or remove it.",
    "AM117": "Cite it where it backs a claim, or remove it from `sources`.",
}


def plain_run_rules(ctx: RuleContext, codes: set[str], levels: dict[str, str]) -> list[Finding]:
    """The engine the plain way: every finding checked against every suppression, AM118 added
    last, the whole sorted by (target's place, code)."""
    raw = [Finding(code, RULES[code].name, levels[code], t, m, h) for code in sorted(codes)
           for t, m, h in (PLAIN[code](ctx) if code in PLAIN else RULES[code].check(ctx))]
    table = {owner: {key: expand_codes([key])[0] for key in ignore}
             for owner, ignore in _owners(ctx)}
    used, kept = set(), []
    for f in raw:
        keys = [k for k, c in table.get(f.target, {}).items() if f.code in c]
        used.update((f.target, k) for k in keys)
        if not keys:
            kept.append(f)
    index = ctx.index
    for f in [f for f in kept if f.code == "AM110" and f.target in index.sources
              and f.target not in index.claims and f.target not in index.links]:
        citers = [t for t, cs in _cited(ctx) if any(
            c.source == f.target and c.source not in index.subject for c in cs)]
        waivers = [[(t, k) for k, c in table.get(t, {}).items() if "AM110" in c] for t in citers]
        if citers and all(waivers):  # every claim citing the source waives AM110
            kept.remove(f)
            used.update(w for ws in waivers for w in ws)
    if "AM118" in codes:
        kept += [Finding("AM118", "unused-suppression", levels["AM118"], target,
                         f"'{target}' ignores {key}, but {key} finds nothing here.",
                         "Remove the entry from `ignore:`, it no longer silences anything.")
                 for target, entries in table.items() for key, named in entries.items()
                 if named and named <= codes and (target, key) not in used]
    kept.sort(key=lambda f: (ctx.index.order.get(f.target, -1), f.code))
    return kept
