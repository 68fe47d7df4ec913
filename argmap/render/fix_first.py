"""What an editor must fix first: the findings ranked, one item per claim, link or source.

Each finding scores by what its rule costs a reader (a misquote or a hole in the text costs
most, a missing warrant least) and by how near the conclusions its target stands; a target's
items are merged into one line, its worst finding first.

>>> from argmap.analysis import analyse
>>> from argmap.model import ArgumentMap
>>> m = ArgumentMap.model_validate({"title": "t", "claims": [{"id": "c", "text": "C",
...     "kind": "conclusion"}, {"id": "a", "text": "Studies show 40% walk."}],
...     "links": [{"from": "a", "to": "c", "warrant": "W"}]})
>>> [(item.target, item.problems) for item in fix_first(analyse(m))][:1]
[('a', ["unsourced figure ('40%')", "unnamed authority ('Studies show')"])]
"""

from __future__ import annotations

import heapq
import re
from collections import deque
from typing import NamedTuple

from argmap.analysis import Analysis, Finding

TOP = 10

# How much each rule's problem costs a reader who relies on the text, highest first.
WEIGHTS = {
    "AM112": 10, "AM121": 9, "AM106": 9, "AM104": 9, "AM102": 7, "AM119": 7, "AM122": 6,
    "AM123": 6, "AM124": 6, "AM105": 5, "AM107": 5, "AM101": 4, "AM110": 3, "AM103": 3,
    "AM116": 3, "AM109": 2, "AM120": 2, "AM111": 2, "AM115": 2, "AM114": 2, "AM108": 1,
    "AM113": 1, "AM117": 1, "AM118": 1,
}
_SEVERITY = {"error": 2.0, "warning": 1.0, "info": 0.5}
# The problem in a few words; "{}" takes what the finding quotes in its first brackets.
PHRASES = {
    "AM101": "unsourced premise", "AM102": "unsourced figure ({})", "AM103": "weak link",
    "AM104": "conclusion with no reasons", "AM105": "objection left unanswered",
    "AM106": "circular support", "AM107": "every line of support passes through one claim",
    "AM108": "no warrant for the step", "AM109": "sweeping wording ({})",
    "AM110": "source too vague to check", "AM111": "joined to nothing",
    "AM112": "quote not found in its source", "AM113": "waiver with no reason",
    "AM114": "unknown rule named", "AM115": "assumption nothing uses",
    "AM116": "source text unreadable", "AM117": "source nothing cites",
    "AM118": "waiver that silences nothing", "AM119": "unnamed authority ({})",
    "AM120": "superlative with no evidence ({})", "AM121": "broken text",
    "AM122": "every line of support ends in an assertion", "AM123": "duplicate link",
    "AM124": "waiver whose reason the map contradicts",
}
_BRACKETS = re.compile(r"\(([^()]*)\)")


class Item(NamedTuple):
    """One line of the list: a claim, link or source and its problems, worst first."""

    target: str
    problems: list[str]
    score: float


def phrase(finding: Finding) -> str:
    """The finding's problem in a few words: "unsourced figure ('two thirds')"."""
    text = PHRASES.get(finding.code, finding.name.replace("-", " "))
    if "{}" not in text:
        return text
    inside = _BRACKETS.search(finding.message)
    return text.format(inside.group(1)) if inside else text.replace(" ({})", "")


def fix_first(analysis: Analysis, top: int = TOP) -> list[Item]:
    """At most ``top`` items, the most pressing first (ties in map order)."""
    depth = _depths(analysis)
    far = max(depth.values(), default=0) + 2
    by_target: dict[str, list[tuple[float, Finding]]] = {}
    for finding in analysis.findings:
        near = 1.0 + 1.0 / (1 + depth.get(finding.target, far))
        score = WEIGHTS.get(finding.code, 1) * _SEVERITY.get(finding.severity, 1.0) * near
        by_target.setdefault(finding.target, []).append((score, finding))
    order = analysis.index.order
    # the worst problem decides; more problems on one claim raise it a little
    scores = {target: max(score for score, _ in scored) + 0.1 * (len(scored) - 1)
              for target, scored in by_target.items()}
    # the first ``top`` of them sorted (stable, as a full sort), worded only those
    chosen = heapq.nsmallest(top, scores, key=lambda t: (-scores[t], order.get(t, -1)))
    items = []
    for target in chosen:
        scored = sorted(by_target[target], key=lambda pair: -pair[0])
        problems = list(dict.fromkeys(phrase(f) for _, f in scored))
        items.append(Item(target, problems, scores[target]))
    return items


def _depths(analysis: Analysis) -> dict[str, int]:
    """How many links from a conclusion each claim and link stands (conclusions 0), walking
    from each conclusion to what supports or attacks it; a source takes its nearest citer's."""
    index = analysis.index
    depth = dict.fromkeys(analysis.conclusions, 0)
    queue = deque(analysis.conclusions)
    while queue:
        node = queue.popleft()
        for link in index.into.get(node, ()):
            if link.ident in depth:
                continue
            depth[link.ident] = depth[node] + 1
            queue.append(link.ident)
            for premise in link.from_:
                if premise not in depth:
                    depth[premise] = depth[node] + 1
                    queue.append(premise)
    for target, citations in index.cited():
        for citation in citations:
            if citation.source in index.claims or citation.source in index.links:
                continue  # a source named like a claim: the claim's depth stands
            known = depth.get(citation.source)
            here = depth.get(target)
            if here is not None and (known is None or here < known):
                depth[citation.source] = here
    return depth
