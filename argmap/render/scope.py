"""What a diagram shows: which claims and links (all, or the neighbourhood of one claim), which
links are drawn as an inference node, and the flags the analysis puts on them.

Shared by the Graphviz and Mermaid renderers so both draw exactly the same selection.

>>> from argmap.model import ArgumentMap
>>> m = ArgumentMap.model_validate({"title": "t", "claims": [{"id": "a", "text": "A"},
...     {"id": "b", "text": "B"}, {"id": "c", "text": "C", "kind": "conclusion"}],
...     "links": [{"from": ["a", "b"], "to": "c"}]})
>>> s = select(m); [c.id for c in s.claims], s.hubs
(['a', 'b', 'c'], {'l1'})
>>> [c.id for c in select(m, focus="a", depth=0).claims]
['a']
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass, field
from typing import Any, Protocol

from argmap.errors import UsageError
from argmap.graph import build_graph, neighbourhood
from argmap.model import ArgumentMap, Claim, Link


class FindingLike(Protocol):
    code: str
    name: str
    severity: str
    message: str


class AnalysisLike(Protocol):
    """The part of ``argmap.analysis.Analysis`` a diagram reads."""

    strengths: dict[str, float]

    def findings_for(self, target_id: str) -> list[Any]: ...
    def link_flags(self, link_id: str) -> list[Any]: ...
    def is_unsourced(self, claim_id: str) -> bool: ...


@dataclass
class Scope:
    """The claims and links to draw, in map order, and how to mark them."""

    claims: list[Claim]
    links: list[Link]
    hubs: set[str]                 # link ids drawn as a small inference node
    focus: str | None = None
    flags: dict[str, list[Any]] = field(default_factory=dict)   # link id -> findings
    unsourced: set[str] = field(default_factory=set)             # claim ids
    strengths: dict[str, float] = field(default_factory=dict)    # shown only when asked

    @property
    def link_index(self) -> dict[str, Link]:
        """The drawn links by id."""
        if self._index is None:
            self._index = {lk.ident: lk for lk in self.links}
        return self._index

    _index: dict[str, Link] | None = field(default=None, repr=False)


def select(
    amap: ArgumentMap,
    analysis: AnalysisLike | None = None,
    *,
    focus: str | None = None,
    depth: int = 2,
    flags: bool = True,
    strength: bool = False,
) -> Scope:
    """The claims and links to draw: all of them, or those within ``depth`` steps of ``focus``.

    A link is drawn when its target and all its premises are drawn (so a focused diagram never
    shows half a linked argument); it becomes an inference node when it has several premises or
    a drawn link attacks it (an undercut needs something to point at).
    """
    if focus is None:
        keep: set[str] | None = None
    else:
        keep = _neighbourhood(amap, focus, depth)
    claims = [c for c in amap.claims if keep is None or c.id in keep]
    drawn = {c.id for c in claims}
    links: list[Link] = []
    # An undercut is drawn only when the link it attacks is: settle links into claims first.
    pending = [lk for lk in amap.links if keep is None or lk.ident in keep]
    while True:
        added = [lk for lk in pending if lk.to in drawn and all(p in drawn for p in lk.from_)]
        if not added:
            break
        links.extend(added)
        drawn.update(lk.ident for lk in added)
        pending = [lk for lk in pending if lk.ident not in drawn]
    order = {lk.ident: i for i, lk in enumerate(amap.links)}
    links.sort(key=lambda lk: order[lk.ident])
    undercut = {lk.to for lk in links}
    hubs = {lk.ident for lk in links if len(lk.from_) > 1 or lk.ident in undercut}
    scope = Scope(claims=claims, links=links, hubs=hubs, focus=focus)
    if analysis is not None and flags:
        scope.flags = {lk.ident: found for lk in links if (found := analysis.link_flags(lk.ident))}
        scope.unsourced = {c.id for c in claims if analysis.is_unsourced(c.id)}
    if analysis is not None and strength:
        scope.strengths = dict(analysis.strengths)
    return scope


def _neighbourhood(amap: ArgumentMap, focus: str, depth: int) -> set[str]:
    claim_ids = [c.id for c in amap.claims]
    if focus not in claim_ids:
        if any(lk.ident == focus for lk in amap.links):
            ends = ", ".join(amap.link(focus).from_ + [amap.link(focus).to])
            raise UsageError(f"{focus!r} is a link; focus on one of its claims: {ends}")
        near = difflib.get_close_matches(focus, claim_ids, n=3)
        hint = f"; did you mean {', '.join(near)}?" if near else ""
        raise UsageError(f"no claim {focus!r} in the map{hint}")
    if depth < 0:
        raise UsageError(f"depth must be 0 or more, not {depth}")
    return neighbourhood(build_graph(amap), focus, depth)
