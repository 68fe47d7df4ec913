"""Each conclusion's verdict in one sentence, with its cause, from the analysis already made:
its strength, its grounded label (naming the attackers that defeat it), how much of what lies
beneath it cites evidence, and the findings that weigh on it.

>>> from argmap.analysis import analyse
>>> from argmap.model import ArgumentMap
>>> m = ArgumentMap.model_validate({"title": "t", "claims": [{"id": "c", "text": "C",
...     "kind": "conclusion"}, {"id": "a", "text": "A"}, {"id": "b", "text": "B"}],
...     "links": [{"from": "a", "to": "c"}, {"from": "b", "to": "a"}]})
>>> head, cause = verdict(analyse(m), "c").sentence.split(", but ")
>>> head, cause[:33]
('Doubtful (0.45) and it stands', 'nothing beneath it cites evidence')
"""

from __future__ import annotations

from typing import NamedTuple

from argmap.analysis import Analysis


class Verdict(NamedTuple):
    """A conclusion's verdict: the sentence, and the ids it names (for the caller to show)."""

    conclusion: str
    sentence: str


def strength_word(value: float) -> str:
    """How a reader would call a strength: strong, moderate, doubtful or weak."""
    if value >= 0.75:
        return "Strong"
    if value >= 0.55:
        return "Moderate"
    return "Doubtful" if value >= 0.4 else "Weak"


def verdict(analysis: Analysis, cid: str) -> Verdict:
    """The verdict on conclusion ``cid``: strength, grounded label and the main cause."""
    value, label = analysis.strengths.get(cid, 0.0), analysis.labels.get(cid, "UNDEC")
    head = f"{strength_word(value)} ({value:.2f})"
    causes = _causes(analysis, cid)
    if label == "OUT":
        defeaters = _defeaters(analysis, cid)
        named = ", ".join(f"'{d}'" for d in defeaters[:3]) or "its attackers"
        sentence = f"{head}, but it falls: {named} attack{'s' if len(defeaters) == 1 else ''} " \
                   "it and nothing on the map defeats " + ("that" if len(defeaters) == 1 else
                                                           "them")
    elif label == "UNDEC":
        sentence = f"{head}, and undecided: its attacks and answers go round in a circle that " \
                   "no side wins"
    else:
        sentence = f"{head} and it stands"
    if causes:
        sentence += (", but " if label == "IN" else "; ") + "; ".join(causes[:2])
    elif label == "IN":
        sentence += _carried_by(analysis, cid)
    return Verdict(cid, sentence + ".")


def _carried_by(analysis: Analysis, cid: str) -> str:
    """What holds a standing conclusion up: its evidence and its strongest reason."""
    beneath = _beneath(analysis, cid)
    sourced = sum(c in analysis.index.backed for c in beneath)
    supports = analysis.index.supports_into(cid)
    said = f": {sourced} of the {len(beneath)} claims beneath it cite evidence" if beneath else ""
    if supports:
        best = max(supports, key=lambda lk: analysis.strengths.get(lk.ident, 0.0))
        said += (", and" if said else ":") + " its strongest reason is '" + \
            "' with '".join(best.from_) + "'"
    return said


def _defeaters(analysis: Analysis, cid: str) -> list[str]:
    """The claims attacking ``cid`` that stand (grounded IN): what makes it fall."""
    found = []
    for link in analysis.index.attacks_into(cid):
        for premise in link.from_:
            if analysis.labels.get(premise) == "IN" and premise not in found:
                found.append(premise)
    return found


def _causes(analysis: Analysis, cid: str) -> list[str]:
    """What weighs on the conclusion, most telling first."""
    codes = {f.code: f for f in analysis.findings_for(cid)}
    beneath = _beneath(analysis, cid)
    causes = []
    if "AM104" in codes:
        causes.append("no reason is given for it")
    elif "AM122" in codes or beneath and not any(c in analysis.index.backed for c in beneath):
        causes.append(f"nothing beneath it cites evidence: the {len(beneath)} claim"
                      f"{'s' if len(beneath) != 1 else ''} under it end in assertions")
    else:
        sourced = sum(c in analysis.index.backed for c in beneath)
        if beneath and sourced * 2 < len(beneath):
            causes.append(f"only {sourced} of the {len(beneath)} claims beneath it cite evidence")
    if "AM107" in codes:
        point = codes["AM107"].message.split("'")[3]
        causes.append(f"every line of support passes through '{point}'")
    # the links into it and the claims beneath it that AM105 marks (not a scan of every
    # finding for each conclusion: a big map has hundreds of conclusions)
    unanswered = [link.ident for target in dict.fromkeys((cid, *beneath))
                  for link in analysis.index.into.get(target, ())
                  if any(f.code == "AM105" for f in analysis.findings_for(link.ident))]
    if unanswered:
        causes.append(f"{len(unanswered)} objection{'s' if len(unanswered) != 1 else ''} to "
                      "it go unanswered" if len(unanswered) != 1 else
                      f"the objection '{unanswered[0]}' goes unanswered")
    return causes


def _beneath(analysis: Analysis, cid: str) -> list[str]:
    """The claims under ``cid`` along supports (cycles end the walk)."""
    index = analysis.index
    seen = {cid: None}
    stack = [cid]
    while stack:
        for link in index.supports_into(stack.pop()):
            for premise in link.from_:
                if premise not in seen and premise in index.claims:
                    seen[premise] = None
                    stack.append(premise)
    return list(seen)[1:]
