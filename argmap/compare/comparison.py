"""Compare a student's map with a model map: the whole result, and its JSON shape.

>>> from argmap.model import ArgumentMap
>>> m = ArgumentMap.model_validate({"title": "m", "claims": [
...     {"id": "ban", "text": "Schools should ban phones.", "kind": "conclusion"},
...     {"id": "distract", "text": "Phones distract pupils from lessons."}],
...     "links": [{"id": "l1", "from": "distract", "to": "ban"}]})
>>> s = ArgumentMap.model_validate({"title": "s", "claims": [
...     {"id": "x", "text": "Pupils get distracted from lessons by their phones."},
...     {"id": "y", "text": "Mobile phones ought to be banned in schools."}],
...     "links": [{"id": "a", "from": "x", "to": "y", "type": "attacks"}]})
>>> result = compare_maps(m, s)
>>> result.matched, [(v.model, v.problem) for v in result.links], result.score
({'ban': 'y', 'distract': 'x'}, [('l1', 'wrong-type')], 0.75)
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from argmap.compare.links import LinkVerdict, judge_links
from argmap.compare.matching import CONTEXT_THRESHOLD, THRESHOLD, ClaimPair, match_claims
from argmap.compare.scoring import LINK_CREDIT, Grade, grade
from argmap.model import ArgumentMap


@dataclass(frozen=True)
class Comparison:
    """What a student's map has of a model map, claim by claim and link by link."""

    model: ArgumentMap
    student: ArgumentMap
    pairs: list[ClaimPair]
    missing: list[str]  # model claim ids with no match, in the model's order
    extra: list[str]  # student claim ids with no match, in the student's order
    links: list[LinkVerdict]  # one per model link, then one per extra student link
    grade: Grade
    feedback: list[str] = field(default_factory=list)

    @property
    def score(self) -> float:
        return self.grade.score

    @property
    def matched(self) -> dict[str, str]:
        """Model claim id -> student claim id."""
        return {p.model: p.student for p in self.pairs}

    def count(self, problem: str) -> int:
        return sum(1 for v in self.links if v.problem == problem)


def compare_maps(model: ArgumentMap, student: ArgumentMap, *, threshold: float = THRESHOLD,
                 context_threshold: float = CONTEXT_THRESHOLD) -> Comparison:
    """Match ``student``'s claims to ``model``'s by their wording, judge every model link,
    grade the result and word the feedback (:mod:`argmap.compare.feedback`)."""
    from argmap.compare.feedback import feedback

    pairs = match_claims(model, student, threshold=threshold,
                         context_threshold=context_threshold)
    matched = {p.model: p.student for p in pairs}
    taken = set(matched.values())
    verdicts = judge_links(model, student, matched)
    model_verdicts = [v for v in verdicts if v.model is not None]
    used = len({s for v in model_verdicts for s in v.student})
    result = Comparison(
        model=model,
        student=student,
        pairs=pairs,
        missing=[c.id for c in model.claims if c.id not in matched],
        extra=[c.id for c in student.claims if c.id not in taken],
        links=verdicts,
        grade=grade(
            claims=(len(pairs), len(model.claims)),
            links=[LINK_CREDIT[v.problem] for v in model_verdicts],
            focus=(len(pairs) + used,
                   len(student.claims) + len(student.links)),
        ),
    )
    return Comparison(**{**result.__dict__, "feedback": feedback(result)})


def to_data(result: Comparison) -> dict[str, Any]:
    """The comparison as JSON data: ``score``, ``matched`` (model id -> student id), ``missing``
    (model claim ids), ``extra`` (student claim ids), ``links`` (each model link's id, its
    problem and the student link(s) it was found as; extra student links with ``model`` null)
    and ``feedback`` (sentences)."""
    return {
        "score": result.score,
        "matched": result.matched,
        "missing": result.missing,
        "extra": result.extra,
        "links": [{"model": v.model, "problem": v.problem, "student": list(v.student)}
                  for v in result.links],
        "feedback": result.feedback,
    }
