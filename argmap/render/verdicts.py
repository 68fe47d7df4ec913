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
from weakref import WeakKeyDictionary

from argmap.analysis import Analysis
from argmap.analysis.scc import strongly_connected


class Verdict(NamedTuple):
    """A conclusion's verdict: the sentence, and the ids it names (for the caller to show)."""

    conclusion: str
    sentence: str


def strength_word(value: float) -> str:
    """How a reader would call a strength: strong, moderate, doubtful or weak (judged on the
    two decimals shown beside it, so 0.5485 reads "Moderate (0.55)")."""
    value = round(value, 2)
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
    below = _below(analysis)
    size, sourced = below.counts(cid, below.reach(cid))
    supports = analysis.index.supports_into(cid)
    said = f": {sourced} of the {size} claims beneath it cite evidence" if size else ""
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
    below = _below(analysis)
    reach = below.reach(cid)
    size, sourced = below.counts(cid, reach)
    causes = []
    if "AM104" in codes:
        causes.append("no reason is given for it")
    elif "AM122" in codes or size and not sourced:
        causes.append(f"nothing beneath it cites evidence: the {size} claim"
                      f"{'s' if size != 1 else ''} under it end in assertions")
    elif size and sourced * 2 < size:
        causes.append(f"only {sourced} of the {size} claims beneath it cite evidence")
    if "AM107" in codes:
        point = codes["AM107"].message.split("'")[3]
        causes.append(f"every line of support passes through '{point}'")
    unanswered = below.unanswered(cid, reach)
    if unanswered:
        causes.append(f"{len(unanswered)} objection{'s' if len(unanswered) != 1 else ''} to "
                      "it go unanswered" if len(unanswered) != 1 else
                      f"the objection '{unanswered[0]}' goes unanswered")
    return causes


class _Below:
    """What lies beneath each conclusion of one analysis, along supports. Claims that support
    one another in a circle share what lies beneath them: that is walked once and kept, so a
    map whose conclusions all rest on one big circle is not walked once per conclusion."""

    def __init__(self, analysis: Analysis):
        index = analysis.index
        self.index = index
        self.part: dict[str, int] = {}  # claim -> its circle (claims in no circle: absent)
        parts = strongly_connected(index.claims, self._premises)
        for n, part in enumerate(parts):
            if len(part) > 1:
                for claim in part:
                    self.part[claim] = n
        self.kept: dict[int, set[str]] = {}  # circle -> what is reached from it
        self.sourced: dict[int, int] = {}  # circle -> how much of that cites evidence
        # the links AM105 marks, by the claim they bear on
        self.marked: dict[str, list[str]] = {}
        for finding in analysis.findings:
            link = index.links.get(finding.target) if finding.code == "AM105" else None
            if link is not None and finding.target not in self.marked.get(link.to, ()):
                self.marked.setdefault(link.to, []).append(finding.target)

    def _premises(self, claim: str) -> list[str]:
        return [p for link in self.index.supports_into(claim) for p in link.from_
                if p in self.index.claims]

    def reach(self, cid: str) -> set[str]:
        """The claims reached from ``cid`` along supports (``cid`` too, when it is on a circle);
        a kept set, not to be changed."""
        part = self.part.get(cid)
        return self._reach(cid) if part is None else self._circle(part, cid)

    def counts(self, cid: str, reach: set[str]) -> tuple[int, int]:
        """How many claims lie beneath ``cid`` (its ``reach`` but itself), and how many of them
        cite evidence; the second counted once per circle."""
        backed = self.index.backed
        part = self.part.get(cid)
        if part is None:
            sourced = len(reach & backed)
        elif part in self.sourced:
            sourced = self.sourced[part]
        else:
            sourced = self.sourced[part] = len(reach & backed)
        inside = cid in reach
        return len(reach) - inside, sourced - (inside and cid in backed)

    def _reach(self, start: str) -> set[str]:
        """Every claim reached from ``start`` by one support or more; a circle met on the way
        adds everything reached from it, worked out once."""
        seen: set[str] = set()
        stack = self._premises(start)
        while stack:
            node = stack.pop()
            if node in seen:
                continue
            part = self.part.get(node)
            if part is not None and part != self.part.get(start):
                seen |= self._circle(part, node)
                continue
            seen.add(node)
            stack.extend(self._premises(node))
        return seen

    def _circle(self, part: int, member: str) -> set[str]:
        if part not in self.kept:
            self.kept[part] = self._reach(member)  # holds ``member``: it is on a circle
        return self.kept[part]

    def unanswered(self, cid: str, reach: set[str]) -> list[str]:
        """The links AM105 marks that bear on ``cid`` or a claim beneath it."""
        marked = self.marked
        hit = [cid] if cid in marked else []
        hit.extend(c for c in (reach if len(reach) < len(marked) else marked)
                   if c != cid and c in marked and c in reach)
        return [link for claim in hit for link in marked[claim]]


_FOUND: WeakKeyDictionary[Analysis, _Below] = WeakKeyDictionary()


def _below(analysis: Analysis) -> _Below:
    """The :class:`_Below` of ``analysis``, made on its first verdict."""
    found = _FOUND.get(analysis)
    if found is None:
        found = _FOUND[analysis] = _Below(analysis)
    return found
