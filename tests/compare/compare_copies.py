"""Copies of a map for the comparison tests: ids renamed and order shuffled, or one thing
changed, built from the map's data so the model file itself is never touched."""

from __future__ import annotations

from typing import Any

from argmap.io import load_map, to_data
from argmap.model import ArgumentMap


def data_of(path: Any) -> dict[str, Any]:
    return to_data(load_map(path))


def renamed(data: dict[str, Any], prefix: str = "s-") -> dict[str, Any]:
    """The map with every claim and link id prefixed, claims and links in reverse order."""
    new = {c["id"]: prefix + c["id"] for c in data["claims"]}
    new.update({lk["id"]: prefix + lk["id"] for lk in data["links"]})
    claims = [{**c, "id": new[c["id"]]} for c in reversed(data["claims"])]
    links = []
    for lk in reversed(data["links"]):
        premises = lk["from"] if isinstance(lk["from"], list) else [lk["from"]]
        links.append({**lk, "id": new[lk["id"]], "from": [new[p] for p in reversed(premises)],
                      "to": new[lk["to"]]})
    return {**data, "claims": claims, "links": links}


def as_map(data: dict[str, Any]) -> ArgumentMap:
    return ArgumentMap.model_validate(data)


def link(data: dict[str, Any], ident: str) -> dict[str, Any]:
    return next(lk for lk in data["links"] if lk["id"] == ident)


WORDS = ("cars pollution shops rent transit schools phones budget taxes parks bikes noise "
         "jobs health safety prices streets council residents visitors").split()


def random_data(seed: int) -> dict[str, Any]:
    """Up to 30 claims of random words (repeated wordings included); links with one to three
    premises into claims or into other links (undercuts), cycles allowed."""
    import random

    rng = random.Random(seed)
    n = rng.randint(1, 30)
    claims = [{"id": f"c{i}", "text": " ".join(rng.sample(WORDS, rng.randint(1, 6)))}
              for i in range(n)]
    links: list[dict[str, Any]] = []
    for k in range(rng.randint(0, 2 * n)):
        premises = rng.sample(range(n), min(n, rng.choice([1, 1, 2, 3])))
        targets = [f"c{i}" for i in range(n) if i not in premises] + [lk["id"] for lk in links]
        if not targets:
            continue
        links.append({"id": f"l{k}", "from": [f"c{p}" for p in premises],
                      "to": rng.choice(targets), "type": rng.choice(["supports", "attacks"])})
    return {"title": f"random {seed}", "claims": claims, "links": links}
