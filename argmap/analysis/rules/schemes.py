"""Rules about argument schemes: AM125 (open critical question), AM126 (unknown scheme).

A link that names its scheme (``scheme: expert-opinion``) invites the scheme's critical
questions; each one the map leaves unanswered is a finding on the link (see
:mod:`argmap.analysis.schemes` for what counts as an answer).
"""

from __future__ import annotations

from collections.abc import Iterator

from argmap.analysis.rules.context import RuleContext
from argmap.analysis.rules.findings import Hit, rule
from argmap.analysis.schemes import catalogue, find_scheme, is_default, open_questions
from argmap.integrity import suggest


@rule("AM125", "open-critical-question", "info",
      "a critical question of a link's argument scheme that nothing in the map answers")
def open_critical_question(ctx: RuleContext) -> Iterator[Hit]:
    """One finding per unanswered question of each link whose scheme argmap knows."""
    for asked in open_questions(ctx.map):
        ident = asked.link.ident
        for q in asked.open:
            yield (ident,
                   f"'{ident}' argues from {asked.scheme.short_name} and nothing answers "
                   f"{q.id} ({q.label}): \"{q.ask}\".",
                   f"Answer it with an attack on the link that says `answers: {q.id}`, or mark it "
                   f"`answered: {{{q.id}: \"why\"}}` on '{ident}'.")


@rule("AM126", "unknown-scheme", "info",
      "a `scheme:` argmap does not know, or an `answers:` that names no critical question")
def unknown_scheme(ctx: RuleContext) -> Iterator[Hit]:
    """Scheme names outside the catalogue (kept as written), and answers that answer nothing."""
    amap = ctx.map
    if not any(link.scheme or link.answers or link.answered for link in amap.links):
        return
    known = list(catalogue())
    by_id = {link.ident: link for link in amap.links}
    for link in amap.links:
        if link.scheme and not is_default(link.scheme) and find_scheme(link.scheme) is None:
            yield (link.ident,
                   f"'{link.ident}' names the scheme '{link.scheme}', which argmap does not know: "
                   f"its critical questions are not checked{suggest(link.scheme, known)}.",
                   "Use one of the schemes `argmap schemes` lists, or keep the name as a label.")
        scheme = find_scheme(link.scheme)
        for ref in link.answered:
            if scheme is None or scheme.question(ref) is None:
                yield (link.ident,
                       f"'{link.ident}' marks '{ref}' answered, but "
                       + ("its scheme has no such question." if scheme else
                          "it names no scheme argmap knows."),
                       "Use a question id (CQ1, CQ2 ...) or label of the link's scheme.")
        if not link.answers:
            continue
        schemes = [find_scheme(lk.scheme) for lk in _answered_links(amap, link, by_id)]
        for ref in link.answers:
            if link.type != "attacks":
                yield (link.ident, f"'{link.ident}' supports, so it answers no critical question"
                       f" ('{ref}').", "Put `answers:` on an attack.")
            elif not any(s is not None and s.question(ref) for s in schemes):
                yield (link.ident,
                       f"'{link.ident}' says it answers '{ref}', but no link it attacks has a "
                       f"scheme with that question.",
                       "Attack the link (or one of its premises) whose scheme asks it, and use "
                       "the question's id (CQ2) or label.")


def _answered_links(amap, attack, by_id):  # type: ignore[no-untyped-def]
    """The links whose questions ``attack`` can answer: the link it undercuts, or the links
    that use the claim it attacks as a premise."""
    if attack.to in by_id:
        return [by_id[attack.to]]
    return [link for link in amap.links if attack.to in link.premises]
