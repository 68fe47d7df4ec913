"""The debate outline: one side's case to speak from, as Markdown.

The affirmative holds the conclusion: its contentions are the links that support it. The
negative is against it: its contentions are the links that attack it. For each conclusion, the
chosen side's contentions in order of strength, each with its warrant, the reasons under it and
its evidence as cards (tag = the claim, cite = source author, date, title and locator, then the
quote); for the negative, the affirmative's contentions with the responses the map gives; then
the rebuttals to expect from the other side, each with this side's answers, the replies to
those answers and so on down the exchange, the unanswered ones marked. User text is escaped
(see :func:`argmap.render.markdown.md`).
"""

from __future__ import annotations

from argmap.analysis import Analysis
from argmap.errors import UsageError
from argmap.model import Citation, Link
from argmap.render.markdown import cite, code, md, percent

_LABEL_WORDS = {"IN": "stands", "OUT": "falls", "UNDEC": "undecided"}


SIDES = ("aff", "neg")


def outline_markdown(analysis: Analysis, side: str = "aff") -> str:
    """The debate outline of an analysed map for ``side`` (aff or neg), as Markdown."""
    if side not in SIDES:
        raise UsageError(f"unknown side {side!r}: choose aff or neg")
    amap = analysis.map
    suffix = " (negative)" if side == "neg" else ""
    parts = [f"# Debate outline: {md(amap.title)}{suffix}"]
    if amap.description:
        parts.append(md(amap.description))
    if not analysis.conclusions:
        parts.append("The map has no conclusion to argue for.")
    for cid in analysis.conclusions:
        parts.append(_conclusion(analysis, cid) if side == "aff" else _against(analysis, cid))
    return "\n\n".join(p.rstrip() for p in parts) + "\n"


def _by_strength(a: Analysis, links: list[Link]) -> list[Link]:
    return sorted(links, key=lambda lk: -a.strengths[lk.ident])


def _conclusion(a: Analysis, cid: str) -> str:
    claim = a.index.claims[cid]
    lines = [f"## {md(claim.text)}", "",
             f"Conclusion {code(cid)}: strength {percent(a.strengths[cid])}, "
             f"{_LABEL_WORDS[a.labels[cid]]} when every attack is taken at face value."]
    contentions = _by_strength(a, a.index.supports_into(cid))
    if not contentions:
        lines += ["", "No contention supports it yet."]
    for number, link in enumerate(contentions, 1):
        lines += ["", *_contention(a, number, link)]
    lines += ["", *_rebuttals(a, _case_nodes(a, cid))]
    return "\n".join(lines)


def _against(a: Analysis, cid: str) -> str:
    """The negative's outline on one conclusion: its contentions, its responses to the
    affirmative's, and the rebuttals to expect on its own case."""
    claim = a.index.claims[cid]
    lines = [f"## Against: {md(claim.text)}", "",
             f"Conclusion {code(cid)}: strength {percent(a.strengths[cid])}, "
             f"{_LABEL_WORDS[a.labels[cid]]} when every attack is taken at face value; "
             f"the negative argues it falls."]
    contentions = _by_strength(a, a.index.attacks_into(cid))
    if not contentions:
        lines += ["", "No contention attacks it yet."]
    for number, link in enumerate(contentions, 1):
        lines += ["", *_contention(a, number, link)]
    lines += ["", *_their_contentions(a, cid)]
    nodes = [n for link in contentions for n in _argument_nodes(a, link)]
    lines += ["", *_rebuttals(a, list(dict.fromkeys(nodes)))]
    return "\n".join(lines)


def _argument_nodes(a: Analysis, link: Link) -> list[str]:
    """The link, its premises, the claims supporting them (transitively) and those links."""
    premises = list(dict.fromkeys(link.from_))
    claims = [*premises, *_subclaims(a, premises)]
    return [link.ident, *claims, *(lk.ident for n in claims for lk in a.index.supports_into(n))]


def _their_contentions(a: Analysis, cid: str) -> list[str]:
    """The affirmative's contentions, strongest first, each with the negative's responses."""
    lines = ["### Their contentions: your responses"]
    theirs = _by_strength(a, a.index.supports_into(cid))
    if not theirs:
        return [*lines, "", "The other side has no contention on the map."]
    for number, link in enumerate(theirs, 1):
        said = " + ".join(md(a.index.claims[p].text) for p in link.from_)
        lines += ["", f"{number}. **{said}** (strength {percent(a.strengths[link.ident])})"]
        responses = {lk.ident: lk for n in _argument_nodes(a, link)
                     for lk in a.index.attacks_into(n)}
        if not responses:
            lines += ["", "   - ⚠ **Unanswered:** you give no response on the map; it stands."]
        lines += _exchange(a, list(responses.values()), 0, {link.ident}, ours=True,
                           aimed_at=set(link.from_))
    return lines


def _contention(a: Analysis, number: int, link: Link) -> list[str]:
    premises = [a.index.claims[p] for p in link.from_ if p in a.index.claims]
    title = " — together with — ".join(md(p.text) for p in premises)
    lines = [f"### Contention {number}: {title}", "",
             f"Strength {percent(a.strengths[link.ident])} ({link.strength} link "
             f"{code(link.ident)})."]
    if link.warrant:
        lines += ["", f"*Why it matters:* {md(link.warrant)}"]
    reasons = [line for p in premises for line in _reasons(a, p.id, 0, {link.ident})]
    if reasons:
        lines += ["", "Reasons:", "", *reasons]
    cards = [card for p in premises for card in _cards(a, p.id)]
    for sub in _subclaims(a, [p.id for p in premises]):
        cards += _cards(a, sub)
    cards += _link_cards(a, link)
    if cards:
        lines += ["", "Evidence:", ""]
        lines += [line for card in cards for line in (*card, "")][:-1]
    else:
        lines += ["", "Evidence: none on the map."]
    return lines


def _reasons(a: Analysis, cid: str, depth: int, seen: set[str]) -> list[str]:
    """Nested list of the claims that support ``cid``, strongest first (each shown once)."""
    lines: list[str] = []
    for link in sorted(a.index.supports_into(cid), key=lambda lk: -a.strengths[lk.ident]):
        if link.ident in seen:
            continue
        seen.add(link.ident)
        said = " + ".join(md(a.index.claims[p].text) for p in link.from_)
        lines.append(f"{'  ' * depth}- {said} ({percent(a.strengths[link.ident])})")
        for premise in link.from_:
            lines += _reasons(a, premise, depth + 1, seen)
    return lines


def _subclaims(a: Analysis, roots: list[str]) -> list[str]:
    """Claims supporting ``roots`` (transitively), in the order the reasons list shows them."""
    found: list[str] = []
    seen = set(roots)
    stack = list(reversed(roots))
    while stack:
        node = stack.pop()
        if node not in roots:
            found.append(node)
        links = sorted(a.index.supports_into(node), key=lambda lk: -a.strengths[lk.ident])
        fresh = [p for lk in links for p in lk.from_ if p not in seen]
        seen.update(fresh)
        stack.extend(reversed(fresh))
    return found


def _cards(a: Analysis, cid: str) -> list[list[str]]:
    claim = a.index.claims[cid]
    return _evidence_cards(a, md(claim.text), claim.evidence)


def _link_cards(a: Analysis, link: Link) -> list[list[str]]:
    tag = md(link.warrant) if link.warrant else f"The step {code(link.ident)}"
    return _evidence_cards(a, tag, link.evidence)


def _evidence_cards(a: Analysis, tag: str, evidence: list[Citation]) -> list[list[str]]:
    """One card per citation: the tag in bold, the cite, then the quote when there is one."""
    sources = a.index.sources
    cards = []
    for citation in evidence:
        card = [f"> **{tag}**  ", f"> {cite(sources.get(citation.source), citation)}"]
        if citation.quote:
            card[-1] += "  "
            card.append(f"> “{md(citation.quote)}”")
        cards.append(card)
    return cards


def _case_nodes(a: Analysis, cid: str) -> list[str]:
    """The conclusion, the claims that support it (transitively) and the links between them."""
    nodes = [cid, *_subclaims(a, [cid])]
    links = [lk.ident for n in nodes for lk in a.index.supports_into(n)]
    return nodes + links


def _target_words(a: Analysis, node: str) -> str:
    claim = a.index.claims.get(node)
    if claim is not None:
        return "the conclusion" if node in a.conclusions else f"“{md(claim.text)}”"
    link = a.index.links[node]
    premises = " + ".join(f"“{md(a.index.claims[p].text)}”" for p in link.from_)
    return f"the step from {premises} to {_target_words(a, link.to)}"


def _rebuttals(a: Analysis, case: list[str]) -> list[str]:
    """Each objection to the case, strongest first, with the answers the map gives to it.

    An objection made against several points (the same premises in several attack links) is
    listed once, with every point it attacks.
    """
    grouped: dict[tuple[str, ...], list[Link]] = {}
    for node in case:
        for link in a.index.attacks_into(node):
            grouped.setdefault(tuple(link.from_), []).append(link)
    lines = ["### Rebuttals to expect"]
    if not grouped:
        return [*lines, "", "None on the map yet: ask what the other side will say."]
    order = sorted(grouped.values(), key=lambda ls: -max(a.strengths[lk.ident] for lk in ls))
    for number, links in enumerate(order, 1):
        said = " + ".join(md(a.index.claims[p].text) for p in links[0].from_)
        against = "; against ".join(
            f"{_target_words(a, lk.to)}, strength {percent(a.strengths[lk.ident])}"
            for lk in links)
        lines += ["", f"{number}. **{said}** (against {against})"]
        lines += _answers(a, links)
    return lines


def _answers(a: Analysis, objections: list[Link]) -> list[str]:
    """The attacks on the objection's premises or on its links, with their cards, and the
    exchange below each (their reply, your answer, ...)."""
    answers = {lk.ident: lk for p in dict.fromkeys(objections[0].from_)
               for lk in a.index.attacks_into(p)}
    answers.update({lk.ident: lk for o in objections for lk in a.index.attacks_into(o.ident)})
    if not answers:
        return ["", "   - ⚠ **Unanswered:** the map gives no reply; prepare one."]
    return _exchange(a, list(answers.values()), 0, {o.ident for o in objections}, ours=True)


def _exchange(a: Analysis, links: list[Link], depth: int, seen: set[str], *,
              ours: bool, aimed_at: set[str] | None = None) -> list[str]:
    """``links`` (one side's arguments at this depth of the exchange), strongest first, each
    with its cards and the other side's replies below it. An argument of the other side that
    this side never answers is marked; each link is shown once (attack cycles end). An
    argument that hits something other than the claims ``aimed_at`` (a card, the step) says
    what it hits."""
    pad = "   " + "  " * depth
    word = "Answer" if ours else "Their reply"
    lines: list[str] = []
    for link in _by_strength(a, links):
        if link.ident in seen:
            continue
        seen.add(link.ident)
        reply = " + ".join(md(a.index.claims[p].text) for p in link.from_)
        against = ("" if aimed_at is None or link.to in aimed_at
                   else f"against {_target_words(a, link.to)}, ")
        lines += ["", f"{pad}- **{word}:** {reply} ({against}strength "
                      f"{percent(a.strengths[link.ident])}, {link.strength})"]
        for premise in link.from_:
            for card in _cards(a, premise):
                lines += ["", *(f"{pad}  {line}" for line in card)]
        replies = {lk.ident: lk for n in (link.ident, *dict.fromkeys(link.from_))
                   for lk in a.index.attacks_into(n)}
        if not replies and not ours:
            lines += ["", f"{pad}  - ⚠ **Unanswered:** the map gives no answer; prepare one."]
        lines += _exchange(a, list(replies.values()), depth + 1, seen, ours=not ours)
    return lines
