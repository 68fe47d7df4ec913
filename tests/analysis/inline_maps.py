"""Maps written inline as plain data, for the analysis tests."""

from __future__ import annotations

from typing import Any

from argmap.model import ArgumentMap


def build(claims: list[dict[str, Any]], links: list[dict[str, Any]] = (), **extra: Any
          ) -> ArgumentMap:
    """A map from claim and link dicts; a claim given as a string is ``{"id": s, "text": s}``."""
    data = {
        "title": "test",
        "claims": [{"id": c, "text": f"Claim {c}."} if isinstance(c, str) else c for c in claims],
        "links": list(links),
        **extra,
    }
    return ArgumentMap.model_validate(data)
