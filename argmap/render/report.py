"""The audit report: what a reviewer needs to judge a map's reasoning, as Markdown.

Sections, in the order an editor reads them: what to fix first (at most ten claims, ranked; see
:mod:`argmap.render.fix_first`), each conclusion's verdict in one sentence with its cause (see
:mod:`argmap.render.verdicts`), a summary, then the details: every finding in one line, grouped
by rule, the critical questions of argument schemes left open (by link), the cruxes and how the
numbers are computed. Every piece of user text is escaped (see :func:`argmap.render.markdown.md`);
code spans the user wrote stay code spans.
"""

from __future__ import annotations

from collections import Counter

from argmap.analysis import RULES, Analysis, Finding, cruxes
from argmap.analysis.evaluation.base_scores import describe_bases
from argmap.analysis.evaluation.semantics import DEFAULT_SEMANTICS, SEMANTICS
from argmap.analysis.schemes import open_questions
from argmap.model import CLAIM_KINDS, Citation
from argmap.render.fix_first import fix_first
from argmap.render.markdown import cite, code, ours, percent, prose, table_row
from argmap.render.verdicts import verdict

TOP_CRUXES = 5
_HEADINGS = {"error": "error", "warning": "warning", "info": "note"}
OPEN_QUESTION = "AM125"  # its findings are listed by link under "Open critical questions"
_LABEL_WORDS = {"IN": "stands", "OUT": "falls", "UNDEC": "undecided"}


def report_markdown(analysis: Analysis) -> str:
    """The audit report of an analysed map, as a Markdown document: what to fix first, each
    conclusion's verdict, then the details."""
    parts = [
        _title(analysis),
        _fix_first(analysis),
        _verdicts(analysis),
        _summary(analysis),
        _details(analysis),
        _open_questions(analysis),
        _cruxes(analysis),
        _sources(analysis),
        _method(analysis),
    ]
    return "\n\n".join(p.rstrip() for p in parts if p) + "\n"


def _title(a: Analysis) -> str:
    amap = a.map
    lines = [f"# Audit report: {prose(amap.title)}"]
    if amap.description:
        lines += ["", prose(amap.description)]
    sources = a.index.sources
    under_review = [cite(sources[s], Citation(source=s)) for s in amap.subject if s in sources]
    if under_review:
        lines += ["", f"Text under review: {'; '.join(under_review)}."]
    return "\n".join(lines)


def _fix_first(a: Analysis) -> str:
    items = fix_first(a)
    lines = ["## Fix first", ""]
    if not items:
        return "\n".join([*lines, "Nothing: the map raises no finding."])
    lines.append("The problems that cost a reader most, nearest the conclusions first.")
    lines.append("")
    for rank, item in enumerate(items, 1):
        lines.append(f"{rank}. {code(item.target)} {_what(a, item.target)}: "
                     f"{prose('; '.join(item.problems))}.")
    return "\n".join(lines)


def _what(a: Analysis, target: str) -> str:
    """A claim's text (shortened), a link's ends, or a source's title, for one line."""
    claim = a.index.claims.get(target)
    if claim is not None:
        return f"“{prose(_short(claim.text))}”"
    link = a.index.links.get(target)
    if link is not None:
        return f"({link.type}: {', '.join(code(p) for p in link.from_)} → {code(link.to)})"
    source = a.index.sources.get(target)
    if source is not None:
        return f"(source: {prose(_short(source.title or source.id))})"
    return ""


def _short(text: str, limit: int = 90) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[:limit - 1].rstrip() + "…"


def _verdicts(a: Analysis) -> str:
    if not a.conclusions:
        return "## Verdict\n\nThe map has no conclusion."
    lines = ["## Verdict", ""]
    for cid in a.conclusions:
        said = prose(verdict(a, cid).sentence)
        lines.append(f"- {code(cid)} “{prose(_short(a.index.claims[cid].text, 120))}” {said}")
    return "\n".join(lines)


def _summary(a: Analysis) -> str:
    amap = a.map
    kinds = Counter(c.kind for c in amap.claims)
    types = Counter(lk.type for lk in amap.links)
    counts = {level: a.count(level) for level in ("error", "warning", "info")}
    lines = [
        "## Summary", "",
        f"- {_plural(len(amap.claims), 'claim')}: "
        + ", ".join(_plural(kinds[k], k) for k in CLAIM_KINDS),
        f"- {len(amap.links)} links: {_plural(types['supports'], 'support')}, "
        f"{_plural(types['attacks'], 'attack')}",
        f"- Findings: {_plural(counts['error'], 'error')}, "
        f"{_plural(counts['warning'], 'warning')}, {_plural(counts['info'], 'note')}",
    ]
    for cid in a.conclusions:
        lines.append(f"- Conclusion {code(cid)}: strength {percent(a.strengths[cid])}, "
                     f"{_LABEL_WORDS[a.labels[cid]]} under grounded semantics")
    return "\n".join(lines)


def _plural(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


def _details(a: Analysis) -> str:
    """Every finding, one line each, grouped by rule (errors' rules first), with how to mend
    said once per rule when it is the same for all."""
    if not a.findings:
        return "## Details\n\nNo findings."
    lines = ["## Details", ""]
    by_code: dict[str, list[Finding]] = {}
    for finding in a.findings:
        by_code.setdefault(finding.code, []).append(finding)
    rank = {"error": 0, "warning": 1, "info": 2}
    for rule_code in sorted(by_code, key=lambda c: (rank[by_code[c][0].severity], c)):
        found = by_code[rule_code]
        found.sort(key=lambda f: a.index.order.get(f.target, -1))
        lines += [f"### {rule_code} {RULES[rule_code].name} "
                  f"({_plural(len(found), _HEADINGS[found[0].severity])})", ""]
        if rule_code == OPEN_QUESTION:
            lines += ["Listed by link under *Open critical questions* below.", ""]
            continue
        hints = {f.hint for f in found}
        for finding in found:
            mend = f" *To mend:* {ours(finding.hint)}" if len(hints) > 1 else ""
            claim = a.index.claims.get(finding.target)
            said = f" “{prose(claim.text)}”" if claim is not None else ""
            lines.append(f"- {code(finding.target)}{said}: {prose(finding.message)}{mend}")
        if len(hints) == 1:
            lines += ["", f"*To mend:* {ours(found[0].hint)}"]
        lines.append("")
    return "\n".join(lines)


def _open_questions(a: Analysis) -> str:
    """Per link with an argument scheme, the critical questions nothing in the map answers
    (omitted when there are none)."""
    shown = {f.target for f in a.findings if f.code == OPEN_QUESTION}  # as the map's lint says
    asked = [q for q in open_questions(a.map) if q.link.ident in shown] if shown else []
    if not asked:
        return ""
    lines = ["## Open critical questions", "",
             "The questions a link's argument scheme raises that nothing in the map answers yet. "
             "Answer one with an attack on the link that says `answers: CQ2`, or mark it "
             "`answered:` on the link with the reason.", ""]
    for link in asked:
        ident = link.link.ident
        lines.append(f"- {code(ident)} {_what(a, ident)}, {prose(link.scheme.name.lower())}:")
        lines += [f"  - {q.id} ({prose(q.label)}): {prose(q.ask)}" for q in link.open]
    return "\n".join(lines)


def _cruxes(a: Analysis) -> str:
    found = cruxes(a.map, top=TOP_CRUXES, index=a.index, evaluation=a.evaluation)
    lines = ["## Cruxes", "",
             "The claims each conclusion leans on most: how far its strength drops when the "
             "claim is removed. Look here first.", ""]
    if not found:
        return "\n".join([*lines, "None: removing no single claim weakens a conclusion."])
    lines += [table_row(["#", "Claim", "Conclusion", "Drop", "Strength without it"]),
              table_row(["---:", "---", "---", "---:", "---:"])]
    for rank, crux in enumerate(found, 1):
        text = prose(a.index.claims[crux.claim].text)
        lines.append(table_row([str(rank), f"{text} ({code(crux.claim)})", code(crux.conclusion),
                                percent(crux.drop),
                                f"{percent(crux.before)} → {percent(crux.after)}"]))
    return "\n".join(lines)


def _sources(a: Analysis) -> str:
    """The sources the map names, each once, with its address as a link."""
    if not a.map.sources:
        return ""
    lines = ["## Sources", ""]
    lines += [f"- {code(s.id)}: {cite(s, Citation(source=s.id))}" for s in a.map.sources]
    return "\n".join(lines)


def _method(a: Analysis) -> str:
    ev = a.evaluation
    lines = ["## How the numbers are computed", "",
             f"Strength is {SEMANTICS[DEFAULT_SEMANTICS].title}: each claim starts at "
             f"{describe_bases(a.map)}; a link passes on its weakest premise times "
             "its weight (strong 1.0, moderate 0.7, weak 0.4), lowered when it is undercut; "
             "supports raise a claim and attacks lower it, the strongest reason most and each "
             "further one half as much as the one before it. Grounded semantics takes every attack "
             "at face value: a claim stands when all its attackers fall."]
    if ev.cyclic:
        lines += ["", f"The map has cycles: strengths are a fixpoint after {ev.iterations} "
                  "rounds" + ("." if ev.converged else
                              ", and they had not settled; treat them as rough.")]
    return "\n".join(lines)
