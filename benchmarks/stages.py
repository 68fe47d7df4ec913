"""argmap's own stages, each as a callable to time; a stage whose module is missing is None."""

from __future__ import annotations

import importlib
from collections.abc import Callable
from pathlib import Path
from typing import Any

from argmap.graph import build_graph
from argmap.io import load_map
from argmap.model import ArgumentMap

Stage = Callable[[], Any]


def _module(name: str) -> Any:
    try:
        return importlib.import_module(name)
    except ImportError:
        return None


def analysis() -> Any:
    """argmap.analysis when it provides the analysis API, else None."""
    module = _module("argmap.analysis")
    return module if module is not None and hasattr(module, "analyse") else None


def load(path: Path) -> Stage:
    return lambda: load_map(path)


def graph(amap: ArgumentMap) -> Stage:
    return lambda: build_graph(amap)


def pipeline(path: Path) -> Stage:
    """Load + validate + lint + DF-QuAD + grounded (analyse does all three), or what exists."""
    api = analysis()

    def run() -> Any:
        amap = load_map(path)
        return api.analyse(amap) if api is not None else build_graph(amap)

    return run


def analyse(amap: ArgumentMap) -> Stage | None:
    api = analysis()
    return None if api is None else lambda: api.analyse(amap)


def rule_context(amap: ArgumentMap) -> Any:
    """What every lint rule sees, built as :func:`argmap.analysis.analyse` builds it."""
    from argmap.analysis.evaluation.dfquad import Evaluator
    from argmap.analysis.evaluation.sides import sides
    from argmap.analysis.index import MapIndex
    from argmap.analysis.rules.context import RuleContext
    from argmap.analysis.rules.engine import weak_threshold

    index = MapIndex(amap)
    return RuleContext(map=amap, index=index, evaluation=Evaluator(index).run(),
                       sweeping_words=tuple(amap.lint.sweeping_words),
                       weak_threshold=weak_threshold(amap), sides=sides(index))


def lint(amap: ArgumentMap) -> tuple[Stage | None, dict[str, Stage]]:
    """All rules together (suppressions and ordering included), and each rule on its own."""
    if analysis() is None:
        return None, {}
    from argmap.analysis.rules.engine import run_rules
    from argmap.analysis.rules.findings import RULES

    ctx = rule_context(amap)
    codes = set(RULES)
    each = {f"{code} {rule.name}": (lambda rule=rule: rule.run(ctx))
            for code, rule in sorted(RULES.items())}
    return (lambda: run_rules(ctx, codes)), each


def lookup_floor(amap: ArgumentMap) -> Stage | None:
    """Each claim id looked up once in a dict of the index: a linear pass, the least a rule
    does per claim."""
    if analysis() is None:
        return None
    from argmap.analysis.index import MapIndex

    index = MapIndex(amap)
    return lambda: sum(map(index.out_of.__contains__, index.claim_ids))


def index(amap: ArgumentMap) -> Stage | None:
    if analysis() is None:
        return None
    from argmap.analysis.index import MapIndex

    return lambda: MapIndex(amap)


def evaluate(amap: ArgumentMap) -> Stage | None:
    api = analysis()
    if api is None:
        return None
    g = build_graph(amap)
    return lambda: api.evaluate(amap, g)


def grounded(amap: ArgumentMap, with_graph: bool = False) -> Stage | None:
    api = analysis()
    if api is None:
        return None
    if with_graph:
        return lambda: api.grounded(amap, build_graph(amap))
    g = build_graph(amap)
    return lambda: api.grounded(amap, g)


def main_conclusion(amap: ArgumentMap) -> str:
    """The first conclusion: in generated maps the root of the largest case."""
    return next(c.id for c in amap.claims if c.kind == "conclusion")


def cruxes(amap: ArgumentMap) -> Stage | None:
    api = analysis()
    if api is None:
        return None
    goal = main_conclusion(amap)
    return lambda: api.cruxes(amap, goal)


def dot(amap: ArgumentMap, focus: str | None = None) -> Stage | None:
    """DOT text of the whole map (or of the claims near ``focus``), with the analysis shown."""
    render = _module("argmap.render.graphviz")
    api = analysis()
    if render is None or not hasattr(render, "build_dot"):
        return None
    result = api.analyse(amap) if api is not None else None
    return lambda: render.build_dot(amap, result, focus=focus).source
