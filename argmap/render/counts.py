"""Counts in words, the same everywhere a map is summarised: ``1 link``, ``9 premises``.

>>> plural(1, "link"), plural(0, "premise"), plural(2, "analysis", "analyses")
('1 link', '0 premises', '2 analyses')
"""

from __future__ import annotations

from collections import Counter

from argmap.model import CLAIM_KINDS, ArgumentMap


def plural(n: int, word: str, many: str | None = None) -> str:
    """``n`` and ``word``, in the plural unless ``n`` is 1."""
    return f"{n} {word if n == 1 else many or word + 's'}"


def size(amap: ArgumentMap) -> str:
    """``14 claims, 1 link``."""
    return f"{plural(len(amap.claims), 'claim')}, {plural(len(amap.links), 'link')}"


def kind_lines(amap: ArgumentMap) -> list[str]:
    """The claims by kind and the links by type, as the audit report's summary counts them:
    ``14 claims: 1 conclusion, 9 premises, 3 rebuttals, 1 assumption`` and
    ``4 links: 3 supports, 1 attack``."""
    kinds = Counter(c.kind for c in amap.claims)
    types = Counter(lk.type for lk in amap.links)
    return [
        f"{plural(len(amap.claims), 'claim')}: "
        + ", ".join(plural(kinds[k], k) for k in CLAIM_KINDS),
        f"{plural(len(amap.links), 'link')}: {plural(types['supports'], 'support')}, "
        f"{plural(types['attacks'], 'attack')}",
    ]
