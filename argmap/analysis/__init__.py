"""Analysis of argument maps: findings (lint rules), DF-QuAD strength, grounded labels, cruxes.

The public API (other code imports only these names):

>>> from argmap.model import ArgumentMap
>>> m = ArgumentMap.model_validate({"title": "t", "claims": [{"id": "a", "text": "A"},
...     {"id": "c", "text": "C", "kind": "conclusion"}], "links": [{"from": "a", "to": "c"}]})
>>> analysis = analyse(m)
>>> [f.code for f in analysis.findings]
['AM101', 'AM107', 'AM108']
"""

from argmap.analysis import (  # noqa: F401
    rules_config,
    rules_inference,
    rules_review,
    rules_reviewer,
    rules_schemes,
    rules_sourcing,
    rules_structure,
    rules_text,
)
from argmap.analysis.analysis import FLAG_CODES, Analysis, analyse
from argmap.analysis.cruxes import Crux, cruxes, what_if
from argmap.analysis.dfquad import WEIGHTS, Evaluation, evaluate
from argmap.analysis.dung import grounded
from argmap.analysis.findings import RULES, SEVERITIES, Finding, Rule, rule_code

__all__ = [
    "FLAG_CODES",
    "RULES",
    "SEVERITIES",
    "WEIGHTS",
    "Analysis",
    "Crux",
    "Evaluation",
    "Finding",
    "Rule",
    "analyse",
    "cruxes",
    "evaluate",
    "grounded",
    "rule_code",
    "what_if",
]
