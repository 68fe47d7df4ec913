"""One analysis of a map: findings, DF-QuAD strengths and grounded labels, computed once.

>>> from argmap.model import ArgumentMap, Link
>>> m = ArgumentMap.model_validate({"title": "t", "claims": [{"id": "a", "text": "A"},
...     {"id": "c", "text": "C", "kind": "conclusion"}], "links": [{"from": "a", "to": "c"}]})
>>> a = analyse(m)
>>> [f.code for f in a.findings_for("a")], a.labels["c"], round(a.strengths["c"], 3)
(['AM101'], 'IN', 0.444)
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Mapping
from functools import cached_property
from typing import TYPE_CHECKING

from argmap.perf import LazyModule

if TYPE_CHECKING:
    import networkx as nx
else:
    nx = LazyModule("networkx")  # imported when first used

from argmap.analysis.evaluation.dfquad import Evaluation, Evaluator
from argmap.analysis.evaluation.dung import grounded
from argmap.analysis.evaluation.sides import sides
from argmap.analysis.index import MapIndex
from argmap.analysis.rules.context import RuleContext
from argmap.analysis.rules.engine import run_rules, selected_codes, weak_threshold
from argmap.analysis.rules.findings import Finding
from argmap.analysis.rules.link_names import name_generated_links
from argmap.analysis.text.sources import source_texts
from argmap.graph import build_graph
from argmap.model import ArgumentMap, Link
from argmap.perf import collector_paused

# The findings that mark a link as weak or unsourced (on the link itself or on a premise).
FLAG_CODES = frozenset({"AM101", "AM102", "AM103", "AM110"})
UNSOURCED_CODES = frozenset({"AM101", "AM102"})


class Analysis:
    """The result of :func:`analyse`; cheap to query. The findings and the grounded labels are
    worked out on first use when :func:`analyse` did not (``lint=False``), once."""

    def __init__(self, amap: ArgumentMap, index: MapIndex, evaluation: Evaluation,
                 lint: Callable[[], list[Finding]]):
        self.map = amap
        self.index = index
        self.evaluation = evaluation
        self.strengths = evaluation.strengths
        self._lint = lint
        self.conclusions = index.conclusions()

    @cached_property
    def findings(self) -> list[Finding]:
        """The findings of the selected rules (``argmap check``'s), in map order."""
        return self._lint()

    @cached_property
    def labels(self) -> dict[str, str]:
        """The grounded label (IN, OUT, UNDEC) of every claim."""
        with collector_paused():
            return grounded(self.map, index=self.index)

    @cached_property
    def _by_target(self) -> dict[str, list[Finding]]:
        """The findings by the claim or link they are about, in order; grouped on first use
        (a 100k-claim map has some 190k findings)."""
        grouped: dict[str, list[Finding]] = {}
        for finding in self.findings:
            found = grouped.get(finding.target)
            if found is None:
                grouped[finding.target] = [finding]
            else:
                found.append(finding)
        return grouped

    @cached_property
    def graph(self) -> nx.DiGraph:
        """The networkx view of the map (:func:`argmap.graph.build_graph`), built on first use."""
        return build_graph(self.map)

    def findings_for(self, target_id: str) -> list[Finding]:
        """The findings about one claim or link."""
        return list(self._by_target.get(target_id, ()))

    def link(self, link_id: str) -> Link:
        """The link ``link_id`` of the analysed map."""
        return self.index.links[link_id]

    def link_flags(self, link_id: str) -> list[Finding]:
        """The weak/unsourced findings that flag a link: on the link itself or on a premise,
        and AM110 on a source a premise cites as evidence."""
        link = self.link(link_id)
        found = [f for f in self.findings_for(link_id) if f.code in FLAG_CODES]
        for premise in dict.fromkeys(link.from_):
            found.extend(f for f in self.findings_for(premise) if f.code in FLAG_CODES)
            claim = self.index.claims.get(premise)
            # a vague source is flagged once, on itself: it flags each link its citers feed
            for source in dict.fromkeys(c.source for c in self.index.evidence(
                    claim.evidence if claim is not None else [])):
                found.extend(f for f in self.findings_for(source)
                             if f.code == "AM110" and f not in found)
        return found

    def is_unsourced(self, claim_id: str) -> bool:
        """True when AM101 (unsourced premise) or AM102 (unsourced statistic) fired on it."""
        return any(f.code in UNSOURCED_CODES for f in self._by_target.get(claim_id, ()))

    def count(self, severity: str) -> int:
        return sum(1 for f in self.findings if f.severity == severity)


def analyse(amap: ArgumentMap, *, select: Iterable[str] = (), ignore: Iterable[str] = (),
            source_texts: Mapping[str, str | os.PathLike[str]] | None = None,
            base_dir: str | os.PathLike[str] | None = None, lint: bool = True) -> Analysis:
    """Lint, evaluate and label ``amap``.

    ``select``/``ignore``: rule codes, names or prefixes (as on the command line; unknown ones
    raise UsageError). ``source_texts``: source id -> path of its text, for quote checks
    (AM112); sources with a `text:` path are read relative to ``base_dir`` (default: the map
    file's folder). ``lint=False``: evaluate now, and run the rules and label the claims only
    when the findings or labels are first asked for (a command that prints strengths runs no
    rule). Cost: linear in the map on acyclic maps.
    """
    with collector_paused():
        analysis = _analyse(amap, select, ignore, source_texts, base_dir)
        if lint:
            _ = analysis.findings, analysis.labels
        return analysis


def _analyse(amap: ArgumentMap, select: Iterable[str], ignore: Iterable[str],
             source_texts: Mapping[str, str | os.PathLike[str]] | None,
             base_dir: str | os.PathLike[str] | None) -> Analysis:
    index = MapIndex(amap)
    codes = selected_codes(amap, select, ignore)  # unknown codes refused now, not on first use
    texts = _texts(amap, source_texts, base_dir)  # a given text that cannot be read: refused now
    evaluation = Evaluator(index).run()

    def lint() -> list[Finding]:
        ctx = RuleContext(
            map=amap, index=index, evaluation=evaluation,
            sweeping_words=tuple(amap.lint.sweeping_words),
            weak_threshold=weak_threshold(amap), source_texts=texts, sides=sides(index),
        )
        return name_generated_links(amap, run_rules(ctx, codes))

    return Analysis(amap, index, evaluation, lint)


_texts = source_texts
