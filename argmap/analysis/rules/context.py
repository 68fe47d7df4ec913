"""What every rule sees: the map, its index, its evaluation and the lint settings in force."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from itertools import islice, repeat
from typing import Any, TypeVar

from argmap.analysis.evaluation.dfquad import Evaluation
from argmap.analysis.index import MapIndex
from argmap.analysis.text.sources import SourceText
from argmap.model import ArgumentMap

T = TypeVar("T")

DEFAULT_WEAK_THRESHOLD = 0.25


@dataclass
class RuleContext:
    """The inputs of a rule. Rules read it and never change it; the engine opens a
    :meth:`sharing` block around a run so that what several rules derive from it (through
    :meth:`shared`) is derived once."""

    map: ArgumentMap
    index: MapIndex
    evaluation: Evaluation
    sweeping_words: tuple[str, ...] = ()
    weak_threshold: float = DEFAULT_WEAK_THRESHOLD
    source_texts: dict[str, SourceText] = field(default_factory=dict)
    sides: dict[str, int] = field(default_factory=dict)  # +1 for a conclusion's side, -1 against
    _shared: dict[str, Any] | None = field(default=None, init=False, repr=False, compare=False)

    @contextmanager
    def sharing(self) -> Iterator[None]:
        """Within the block, what rules work out through :meth:`shared` is worked out once and
        kept; after it, forgotten (a rule run on its own works everything out itself)."""
        outer = self._shared
        if outer is None:
            self._shared = {}
        try:
            yield
        finally:
            self._shared = outer

    @property
    def is_sharing(self) -> bool:
        """Whether :meth:`shared` keeps what it works out (inside :meth:`sharing`)."""
        return self._shared is not None

    def shared(self, key: str, compute: Callable[[], T]) -> T:
        """``compute()``, worked out once per :meth:`sharing` block for each ``key``."""
        if self._shared is None:
            return compute()
        if key not in self._shared:
            self._shared[key] = compute()
        return self._shared[key]  # type: ignore[no-any-return]

    @property
    def acyclic(self) -> bool:
        """True when no claim or link depends on itself: the evaluation's pass found that out,
        so no rule needs a topological sort of its own."""
        return not self.evaluation.cyclic

    def text_of(self, node: str) -> str:
        """A claim's text, or for a link a short description ("a -> b")."""
        claim = self.index.claims.get(node)
        if claim is not None:
            return claim.text
        link = self.index.links[node]
        return f"{', '.join(link.from_)} -> {link.to}"


def link_strengths(ctx: RuleContext) -> list[float]:
    """The DF-QuAD strength of each link, in the order of ``ctx.index.link_ids`` (0.0 for one
    the evaluation left out). When the evaluation lists the claims, then the links, in map
    order (as the evaluation passes do), its values are read in one sweep instead of one
    lookup per link; the order is checked first."""
    strengths, ids = ctx.evaluation.strengths, ctx.index.link_ids
    skip = len(ctx.index.claim_ids)
    if len(strengths) == skip + len(ids) and list(islice(strengths, skip, None)) == ids:
        return list(islice(strengths.values(), skip, None))
    return list(map(strengths.get, ids, repeat(0.0)))
