"""Grade a student's argument map against a model map (``argmap diff``).

The claims are paired one to one by the meaning of their words (:mod:`.words`,
:mod:`.similarity`, :mod:`.matching`), each model link is judged through that pairing
(:mod:`.links`), the result is graded (:mod:`.scoring`) and explained in sentences a student
can read (:mod:`.feedback`); :mod:`.report` prints it as text, Markdown or CSV rows.
Everything here is pure: maps in, values out.
"""

from __future__ import annotations

from argmap.compare.comparison import Comparison, compare_maps, to_data
from argmap.compare.links import PROBLEMS, LinkVerdict
from argmap.compare.matching import THRESHOLD, ClaimPair, match_claims
from argmap.compare.scoring import LINK_CREDIT, WEIGHTS, Grade

__all__ = ["Comparison", "compare_maps", "to_data", "PROBLEMS", "LinkVerdict", "THRESHOLD",
           "ClaimPair", "match_claims", "LINK_CREDIT", "WEIGHTS", "Grade"]
