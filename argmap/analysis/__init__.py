"""Analysis of argument maps: findings (lint rules), DF-QuAD strength, grounded labels, cruxes.

The public API (other code imports only these names):

>>> from argmap.model import ArgumentMap
>>> m = ArgumentMap.model_validate({"title": "t", "claims": [{"id": "a", "text": "A"},
...     {"id": "c", "text": "C", "kind": "conclusion"}], "links": [{"from": "a", "to": "c"}]})
>>> analysis = analyse(m)
>>> [f.code for f in analysis.findings]
['AM101', 'AM107', 'AM108']
"""

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from argmap.analysis.analysis import FLAG_CODES, Analysis, analyse
    from argmap.analysis.evaluation.crux import Crux, cruxes, what_if
    from argmap.analysis.evaluation.dfquad import WEIGHTS, Evaluation, evaluate
    from argmap.analysis.evaluation.dung import grounded
    from argmap.analysis.rules.findings import RULES, SEVERITIES, Finding, Rule, rule_code

# Where each public name lives. They are imported on first use (PEP 562), so a command that
# needs only a small part of the package (the names of the gradual semantics, say) does not pay
# for all of it; the rule modules register themselves when the engine is imported.
_HOME = {
    "FLAG_CODES": "analysis", "Analysis": "analysis", "analyse": "analysis",
    "Crux": "evaluation.crux", "cruxes": "evaluation.crux", "what_if": "evaluation.crux",
    "WEIGHTS": "evaluation.dfquad", "Evaluation": "evaluation.dfquad",
    "evaluate": "evaluation.dfquad",
    "grounded": "evaluation.dung",
    "RULES": "rules.engine", "SEVERITIES": "rules.findings", "Finding": "rules.findings",
    "Rule": "rules.findings", "rule_code": "rules.findings",
}


def __getattr__(name: str) -> Any:
    home = _HOME.get(name)
    if home is None:
        raise AttributeError(f"module 'argmap.analysis' has no attribute {name!r}")
    import_module("argmap.analysis.rules.engine")  # every rule registered before any is listed
    value = getattr(import_module(f"argmap.analysis.{home}"), name)
    globals()[name] = value
    return value


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
