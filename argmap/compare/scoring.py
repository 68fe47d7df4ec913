"""The grade of a student's map against the model: one number in [0, 1], and its parts.

    score = 0.4 * claims + 0.5 * links + 0.1 * focus

- ``claims``: the share of the model's claims the student's map has (matched one to one);
- ``links``: the model's links, each credited by what became of it (:data:`LINK_CREDIT`: 1 when
  present, half when the type is reversed, the linked premises are split up or a co-premise
  differs, a quarter when the premises point at another claim, 0 when missing), averaged;
- ``focus``: the share of the student's claims and links that answer to something in the model
  (extra material lowers it a little: a student may add sound reasons the model lacks).

A part with nothing to count (a model without links) is left out and the other weights are
scaled to sum to 1. Two identical maps, or a map and a copy with renamed ids and reordered
claims, score exactly 1.0. The score is rounded to three decimals.

>>> grade(claims=(14, 14), links=[1.0] * 11, focus=(25, 25)).score
1.0
>>> grade(claims=(7, 14), links=[1.0, 0.0], focus=(9, 10)).score
0.54
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

WEIGHTS = {"claims": 0.4, "links": 0.5, "focus": 0.1}
LINK_CREDIT = {
    "present": 1.0,
    "wrong-type": 0.5,
    "split": 0.5,
    "premises-differ": 0.5,
    "wrong-target": 0.25,
    "missing": 0.0,
}


@dataclass(frozen=True)
class Grade:
    """The score and each part that went into it (None: nothing to count)."""

    score: float
    claims: float | None
    links: float | None
    focus: float | None


def grade(*, claims: tuple[int, int], links: Sequence[float], focus: tuple[int, int]) -> Grade:
    """The grade from (model claims matched, model claims), the credit of each model link and
    (student claims and links that answer to the model, all the student's claims and links)."""
    parts = {
        "claims": claims[0] / claims[1] if claims[1] else None,
        "links": sum(links) / len(links) if links else None,
        "focus": focus[0] / focus[1] if focus[1] else None,
    }
    counted = {k: v for k, v in parts.items() if v is not None}
    if not counted:
        score = 1.0  # two empty maps agree
    else:
        total = sum(WEIGHTS[k] for k in counted)
        score = sum(WEIGHTS[k] * v for k, v in counted.items()) / total
    return Grade(min(1.0, max(0.0, round(score, 3))), parts["claims"], parts["links"],
                 parts["focus"])
