"""The audit report: what a reviewer needs to judge a map's reasoning, as Markdown.

Sections: summary, conclusions and their strength, findings grouped by severity (each with the
claim's text and its evidence), unsourced statistics, sweeping wording, unanswered objections and
the cruxes. Every piece of user text is escaped (see :func:`argmap.render.markdown.md`).
"""

from __future__ import annotations

from collections import Counter

from argmap.analysis import RULES, Analysis, Finding, cruxes
from argmap.analysis.base_scores import describe_bases
from argmap.analysis.dfquad_formula import DEFAULT_SEMANTICS, SEMANTICS
from argmap.model import CLAIM_KINDS, Citation
from argmap.render.markdown import cite, code, md, percent, sources_by_id, table_row

TOP_CRUXES = 10
_HEADINGS = {"error": "Errors", "warning": "Warnings", "info": "Notes"}
_LABEL_WORDS = {"IN": "stands", "OUT": "falls", "UNDEC": "undecided"}


def report_markdown(analysis: Analysis) -> str:
    """The audit report of an analysed map, as a Markdown document."""
    parts = [
        _summary(analysis),
        _conclusions(analysis),
        _findings(analysis),
        _by_rule(analysis, "AM102", "Unsourced statistics",
                 "Figures stated without a source a reader could check."),
        _by_rule(analysis, "AM109", "Sweeping claims",
                 "Absolute wording that one counter-example would refute."),
        _by_rule(analysis, "AM105", "Unanswered objections",
                 "Objections the map raises and does not answer."),
        _cruxes(analysis),
        _method(analysis),
    ]
    return "\n\n".join(p.rstrip() for p in parts if p) + "\n"


def _summary(a: Analysis) -> str:
    amap = a.map
    kinds = Counter(c.kind for c in amap.claims)
    types = Counter(lk.type for lk in amap.links)
    counts = {level: a.count(level) for level in ("error", "warning", "info")}
    lines = [f"# Audit report: {md(amap.title)}"]
    if amap.description:
        lines += ["", md(amap.description)]
    sources = sources_by_id(amap)
    under_review = [cite(sources[s], Citation(source=s)) for s in amap.subject if s in sources]
    if under_review:
        lines += ["", f"Text under review: {'; '.join(under_review)}."]
    lines += [
        "", "## Summary", "",
        f"- {len(amap.claims)} claims: "
        + ", ".join(_plural(kinds[k], k) for k in CLAIM_KINDS),
        f"- {len(amap.links)} links: {_plural(types['supports'], 'support')}, "
        f"{_plural(types['attacks'], 'attack')}",
        f"- Findings: {counts['error']} errors, {counts['warning']} warnings, "
        f"{counts['info']} notes",
    ]
    for cid in a.conclusions:
        lines.append(f"- Conclusion {code(cid)}: strength {percent(a.strengths[cid])}, "
                     f"{_LABEL_WORDS[a.labels[cid]]} under grounded semantics")
    return "\n".join(lines)


def _plural(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


def _conclusions(a: Analysis) -> str:
    if not a.conclusions:
        return "## Conclusions\n\nThe map has no conclusion."
    lines = ["## Conclusions", "", table_row(["Conclusion", "Strength", "Grounded"]),
             table_row(["---", "---:", "---"])]
    for cid in a.conclusions:
        text = md(a.index.claims[cid].text)
        lines.append(table_row([f"{text} ({code(cid)})", percent(a.strengths[cid]),
                                f"{a.labels[cid]} ({_LABEL_WORDS[a.labels[cid]]})"]))
    return "\n".join(lines)


def _findings(a: Analysis) -> str:
    lines = ["## Findings"]
    if not a.findings:
        return "## Findings\n\nNo findings."
    for level in ("error", "warning", "info"):
        group = [f for f in a.findings if f.severity == level]
        if not group:
            continue
        lines += ["", f"### {_HEADINGS[level]} ({len(group)})"]
        for finding in sorted(group, key=lambda f: (f.code, a.index.order.get(f.target, -1))):
            lines += ["", *_finding_block(a, finding)]
    return "\n".join(lines)


def _finding_block(a: Analysis, finding: Finding) -> list[str]:
    lines = [f"- **{finding.code} {finding.name}** on {code(finding.target)}: "
             f"{md(finding.message)}"]
    lines += [f"  {line}" for line in _target_details(a, finding.target)]
    lines.append(f"  - *To mend:* {md(finding.hint)}")
    return lines


def _target_details(a: Analysis, target: str) -> list[str]:
    """The claim's text and evidence, or a link's premises and target, as nested list items."""
    claim = a.index.claims.get(target)
    link = a.index.links.get(target)
    if claim is not None:
        lines = [f"- Claim ({claim.kind}): {md(claim.text)}"]
        citations = claim.evidence
    elif link is not None:
        premises = " + ".join(_claim_or_link(a, p) for p in link.from_)
        lines = [f"- Link ({link.type}, {link.strength}): {premises} → "
                 f"{_claim_or_link(a, link.to)}"]
        if link.warrant:
            lines.append(f"- Warrant: {md(link.warrant)}")
        citations = link.evidence
    elif target in a.index.sources:
        return [f"- Source: {cite(a.index.sources[target], Citation(source=target))}"]
    else:
        return []
    sources = sources_by_id(a.map)
    for citation in citations:
        role = "Evidence" if a.map.is_evidence(citation) else "Located in the text"
        quote = f": “{md(citation.quote)}”" if citation.quote else ""
        lines.append(f"- {role}: {cite(sources.get(citation.source), citation)}{quote}")
    if claim is not None and not citations and claim.kind != "conclusion":
        lines.append("- Evidence: none")
    return lines


def _claim_or_link(a: Analysis, node: str) -> str:
    claim = a.index.claims.get(node)
    if claim is not None:
        return f"“{md(claim.text)}”"
    link = a.index.links.get(node)
    if link is None:
        return code(node)
    premises = " + ".join(_claim_or_link(a, p) for p in link.from_)
    return f"the step from {premises} to {_claim_or_link(a, link.to)}"


def _by_rule(a: Analysis, rule_code: str, title: str, blurb: str) -> str:
    found = [f for f in a.findings if f.code == rule_code]
    lines = [f"## {title}", "", f"{blurb} ({RULES[rule_code].code} {RULES[rule_code].name})", ""]
    if not found:
        return "\n".join([*lines, "None."])
    for finding in found:
        claim = a.index.claims.get(finding.target)
        link = a.index.links.get(finding.target)
        if claim is not None:
            lines.append(f"- {md(claim.text)} ({code(claim.id)})")
        elif link is not None:
            said = " + ".join(_claim_or_link(a, p) for p in link.from_)
            lines.append(f"- {said}, against {_claim_or_link(a, link.to)} ({code(link.ident)})")
        else:
            lines.append(f"- {md(finding.message)}")
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
        text = md(a.index.claims[crux.claim].text)
        lines.append(table_row([str(rank), f"{text} ({code(crux.claim)})", code(crux.conclusion),
                                percent(crux.drop),
                                f"{percent(crux.before)} → {percent(crux.after)}"]))
    return "\n".join(lines)


def _method(a: Analysis) -> str:
    ev = a.evaluation
    lines = ["## How the numbers are computed", "",
             f"Strength is {SEMANTICS[DEFAULT_SEMANTICS].title}: each claim starts at "
             f"{describe_bases(a.map)}; a link passes on its weakest premise times "
             "its weight (strong 1.0, moderate 0.7, weak 0.4), lowered when it is undercut; "
             "supports raise a claim and attacks lower it. Grounded semantics takes every attack "
             "at face value: a claim stands when all its attackers fall."]
    if ev.cyclic:
        lines += ["", f"The map has cycles: strengths are a fixpoint after {ev.iterations} "
                  "rounds" + ("." if ev.converged else
                              ", and they had not settled; treat them as rough.")]
    return "\n".join(lines)
