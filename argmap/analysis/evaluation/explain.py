"""Where a claim's strength comes from: its base and why, what each link into it adds or takes
away, and, under grounded semantics, what defeats it.

The CLI (``argmap eval --explain``) and the explorer's details print :meth:`Explanation.lines`;
:meth:`Explanation.as_dict` is the JSON form.

>>> from argmap.model import ArgumentMap
>>> from argmap.analysis import analyse
>>> m = ArgumentMap.model_validate({"title": "t", "claims": [
...     {"id": "c", "text": "C", "kind": "conclusion"}, {"id": "a", "text": "A"},
...     {"id": "x", "text": "X"}], "links": [{"id": "l1", "from": "a", "to": "c"},
...     {"id": "l2", "from": "x", "to": "c", "type": "attacks"}]})
>>> e = explain(analyse(m), "c")
>>> e.base.level, [(c.link, round(c.change, 3)) for c in e.contributions], e.label, e.defeaters
('unsourced', [('l2', -0.044), ('l1', 0.029)], 'OUT', ['l2'])
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from argmap.analysis.evaluation.base_scores import Base, claim_base
from argmap.analysis.evaluation.semantics import DEFAULT_SEMANTICS, SEMANTICS

if TYPE_CHECKING:
    from collections.abc import Mapping

    from argmap.analysis.analysis import Analysis
    from argmap.analysis.index import MapIndex

MAX_DEPTH = 50  # undercuts of undercuts ... followed this deep when labelling an attack


@dataclass(frozen=True)
class Contribution:
    """A link into the claim: its value (what it brings into the aggregate) and how far the
    claim's strength would move if it were left out (``change``: + for help, - for harm)."""

    link: str
    type: str
    strength: str
    premises: list[str]
    value: float
    change: float
    undercut: bool = False


@dataclass(frozen=True)
class Explanation:
    """Why ``claim`` has ``strength`` under ``semantics`` and its grounded ``label``;
    ``defeaters``: for an OUT claim, the attack links into it that stand (IN)."""

    claim: str
    text: str
    conclusion: bool
    semantics: str
    strength: float
    base: Base
    contributions: list[Contribution]
    label: str
    defeaters: list[str] = field(default_factory=list)
    premises_of: dict[str, list[str]] = field(default_factory=dict)

    def lines(self) -> list[str]:
        """The explanation as lines of plain text."""
        title = SEMANTICS[self.semantics].title
        mark = " (conclusion)" if self.conclusion else ""
        out = [f"{self.claim}{mark}: strength {self.strength:.2f} by {title}",
               f"base {self.base.score:.2f}: {self.base.why}"]
        supports = [c for c in self.contributions if c.type == "supports"]
        attacks = [c for c in self.contributions if c.type == "attacks"]
        for name, group in (("supports", supports), ("attacks", attacks)):
            if not group:
                out.append(f"{name}: none")
                continue
            out.append(f"{name} ({len(group)}), by how much each moves it:")
            out.extend(f"  {c.change:+.2f}  {c.link}: {c.strength}, from "
                       f"{', '.join(c.premises)}; worth {c.value:.2f}"
                       f"{' (undercut)' if c.undercut else ''}" for c in group)
        out.append(self._grounded_line())
        return out

    def _grounded_line(self) -> str:
        if self.label == "OUT":
            who = "; ".join(f"{d} from {', '.join(self.premises_of.get(d, []))}"
                            for d in self.defeaters)
            return f"grounded: OUT, defeated by {who}: an attack nothing defeats"
        if self.label == "UNDEC":
            return "grounded: UNDEC, attacks on it stand and fall together (no tie-break)"
        attacked = any(c.type == "attacks" for c in self.contributions)
        return ("grounded: IN, every attack on it is defeated" if attacked
                else "grounded: IN, nothing attacks it")

    def as_dict(self) -> dict[str, Any]:
        """The explanation as JSON-ready data (see docs/evaluation.md for the schema)."""
        return {
            "claim": self.claim, "text": self.text, "conclusion": self.conclusion,
            "semantics": self.semantics, "strength": self.strength,
            "base": {"score": self.base.score, "level": self.base.level,
                     "source": self.base.source, "why": self.base.why},
            "contributions": [
                {"link": c.link, "type": c.type, "strength": c.strength, "from": c.premises,
                 "value": c.value, "change": c.change, "undercut": c.undercut}
                for c in self.contributions],
            "grounded": self.label,
            "defeaters": [{"link": d, "from": self.premises_of.get(d, [])}
                          for d in self.defeaters],
        }


def explain(analysis: Analysis, claim_id: str, *, semantics: str = DEFAULT_SEMANTICS,
            strengths: Mapping[str, float] | None = None) -> Explanation:
    """The explanation of ``claim_id``'s strength in ``analysis`` (``strengths``: the map's
    strengths under ``semantics``, when not the analysis's own, default ones). Raises
    KeyError for an unknown claim. Cost: the links into the claim, and for an OUT claim the
    attacks on its attackers."""
    index = analysis.index
    claim = index.claims[claim_id]
    values = analysis.strengths if strengths is None else strengths
    base = claim_base(analysis.map, claim)
    chosen = SEMANTICS[semantics]
    into = index.into.get(claim_id, ())
    sup = [values[lk.ident] for lk in into if lk.type == "supports"]
    att = [values[lk.ident] for lk in into if lk.type == "attacks"]
    whole = chosen.strength(base.score, sup, att)
    contributions = []
    for lk in into:
        value = values[lk.ident]
        if lk.type == "supports":
            without = chosen.strength(base.score, _drop_one(sup, value), att)
        else:
            without = chosen.strength(base.score, sup, _drop_one(att, value))
        contributions.append(Contribution(
            lk.ident, lk.type, lk.strength, list(lk.from_), value, whole - without,
            undercut=any(u.type == "attacks" for u in index.into.get(lk.ident, ()))))
    contributions.sort(key=lambda c: -abs(c.change))
    label = analysis.labels[claim_id]
    defeaters = ([lk.ident for lk in into if lk.type == "attacks"
                  and attack_label(index, analysis.labels, lk.ident) == "IN"]
                 if label == "OUT" else [])
    return Explanation(
        claim_id, claim.text, claim_id in analysis.conclusions, semantics, values[claim_id],
        base, contributions, label, defeaters,
        {d: list(index.links[d].from_) for d in defeaters})


def _drop_one(values: list[float], value: float) -> list[float]:
    rest = list(values)
    rest.remove(value)
    return rest


def attack_label(index: MapIndex, labels: Mapping[str, str], link_id: str,
                 depth: int = 0) -> str:
    """The grounded label of an attack link: OUT when a premise is OUT or an attack on the
    link stands; IN when every premise is IN and every attack on the link is OUT; else UNDEC
    (and UNDEC past ``MAX_DEPTH`` undercuts, as in a ring of undercuts)."""
    link = index.links[link_id]
    premise_labels = {labels[p] for p in link.from_}
    if "OUT" in premise_labels:
        return "OUT"
    if depth >= MAX_DEPTH:
        return "UNDEC"
    cuts = {attack_label(index, labels, u.ident, depth + 1)
            for u in index.into.get(link_id, ()) if u.type == "attacks"}
    if "IN" in cuts:
        return "OUT"
    if premise_labels == {"IN"} and cuts <= {"OUT"}:
        return "IN"
    return "UNDEC"
