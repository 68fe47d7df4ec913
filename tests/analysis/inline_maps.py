"""Maps written inline as plain data, for the analysis tests."""

from __future__ import annotations

import random
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


def random_map(seed: int, cyclic: bool):
    """Up to 40 claims; links with one to three premises, into claims or (undercuts) into
    earlier links; with ``cyclic`` some links run from older claims to newer ones."""
    rng = random.Random(seed)
    n = rng.randint(2, 40)
    claims = []
    for i in range(n):
        claim = {"id": f"c{i}", "text": f"Claim {i}."}
        if rng.random() < 0.5:
            claim["confidence"] = rng.choice([0.0, 1.0, rng.random()])
        claims.append(claim)
    links: list[dict] = []
    feeds: dict[str, int] = {}  # link -> the claim it finally moves
    for k in range(rng.randint(1, 2 * n)):
        source = rng.randrange(1, n)
        premises = sorted({source, *rng.sample(range(n), rng.choice([0, 0, 1, 2]))})
        older = [i for i in range(n) if i not in premises and (cyclic or i < min(premises))]
        cuttable = [lid for lid, at in feeds.items() if cyclic or at < min(premises)]
        if cuttable and (rng.random() < 0.15 or not older):
            to = rng.choice(cuttable)
            feeds[f"l{k}"] = feeds[to]
        elif older:
            feeds[f"l{k}"] = rng.choice(older)
            to = f"c{feeds[f'l{k}']}"
        else:
            continue
        links.append({"id": f"l{k}", "from": [f"c{p}" for p in premises], "to": to,
                      "type": rng.choice(["supports", "supports", "attacks"]),
                      "strength": rng.choice(["weak", "moderate", "strong"])})
    return build(claims, links)
