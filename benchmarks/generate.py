"""Realistic argument maps of any size, the same for the same seed.

A generated map looks like many debate cases merged into one file: each case has a conclusion,
convergent reasons for it, chains of premises under those, linked co-premises (some of them
unstated assumptions), rebuttals and answers to them, undercuts of inferences, and citations on
most premises. About a tenth of the links join separate cases (cross-links). Every link runs from
a newer claim to an older one, so the map is acyclic unless ``cycles`` asks for support cycles.

    python -m benchmarks.generate --claims 10000 --seed 7 --cycles 10 --out benchmarks/data
"""

from __future__ import annotations

import argparse
import json
import random
from collections import deque
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

VERSION = 1  # bump when the generated maps change, so cached files are made anew
DATA = Path(__file__).parent / "data"

SUBJECTS = ["the city", "schools", "the council", "local firms", "hospitals", "farmers",
            "commuters", "renters", "the state", "universities", "young voters", "retailers"]
VERBS = ["should fund", "would gain from", "cannot afford", "already pays for", "depends on",
         "would lose", "is harmed by", "measurably improves", "reduces the cost of", "delays"]
OBJECTS = ["a congestion charge", "free transit", "rent control", "a four-day week",
           "later school start times", "a sugar tax", "wind farms", "bike lanes",
           "a land value tax", "remote exams", "public broadband", "a carbon dividend"]
QUALIFIERS = ["within five years", "in most districts", "according to the 2023 survey",
              "at current prices", "for low-income households", "", "", ""]
SWEEPING = ["always", "never", "everyone agrees that", "clearly", "obviously"]
TOPICS = ["transit", "housing", "health", "energy", "schools", "tax", "food", "work"]
SOURCE_KINDS = ["article", "study", "report", "dataset", "interview", "opinion", "other"]


@dataclass(frozen=True)
class Spec:
    """What to generate: ``claims`` claims, ``cycles`` support cycles closed on purpose."""

    claims: int
    seed: int = 7
    cycles: int = 0
    cross: float = 0.10

    @property
    def stem(self) -> str:
        suffix = f"-cyc{self.cycles}" if self.cycles else ""
        return f"map-v{VERSION}-{self.claims}-s{self.seed}{suffix}"


class _Generator:
    """Grows the cases of one map claim by claim."""

    def __init__(self, spec: Spec):
        self.spec = spec
        self.rng = random.Random(spec.seed)
        self.claims: list[dict[str, Any]] = []
        self.links: list[dict[str, Any]] = []
        self.parent: dict[str, str] = {}  # claim -> the claim it supports in its chain
        self.next_link = 0
        n_sources = max(5, spec.claims // 25)
        self.sources = [self._source(i) for i in range(n_sources)]

    # -- pieces -------------------------------------------------------------------------------
    def _source(self, i: int) -> dict[str, Any]:
        rng = self.rng
        source: dict[str, Any] = {"id": f"src-{i}", "title": f"Report on {rng.choice(OBJECTS)}",
                                  "kind": rng.choice(SOURCE_KINDS)}
        if rng.random() < 0.6:
            source["date"] = str(rng.randint(1995, 2025))
        if rng.random() < 0.4:
            source["url"] = f"https://example.org/{i}"
        return source

    def _text(self) -> str:
        rng = self.rng
        words = [rng.choice(SUBJECTS), rng.choice(VERBS), rng.choice(OBJECTS),
                 rng.choice(QUALIFIERS)]
        if rng.random() < 0.05:
            words.insert(0, rng.choice(SWEEPING))
        text = " ".join(w for w in words if w)
        return text[0].upper() + text[1:] + "."

    def _citations(self, count: int) -> list[dict[str, Any]]:
        rng, cites = self.rng, []
        for _ in range(count):
            cite: dict[str, Any] = {"source": rng.choice(self.sources)["id"]}
            if rng.random() < 0.7:
                cite["locator"] = f"para {rng.randint(1, 40)}"
            if rng.random() < 0.2:
                cite["quote"] = f"{rng.choice(SUBJECTS)} {rng.choice(VERBS)}"
            cites.append(cite)
        return cites

    def claim(self, topic: str, kind: str = "premise") -> str:
        """Add a claim of ``kind``; most premises and rebuttals cite one or two sources."""
        rng = self.rng
        ident = f"{topic}-{len(self.claims)}"
        claim: dict[str, Any] = {"id": ident, "text": self._text()}
        if kind != "premise":
            claim["kind"] = kind
        cited = 0.3 if kind == "conclusion" else 0.0 if kind == "assumption" else 0.8
        if rng.random() < cited:
            claim["evidence"] = self._citations(1 if rng.random() < 0.7 else 2)
        if rng.random() < 0.4:
            claim["confidence"] = round(rng.uniform(0.1, 0.95), 2)
        if rng.random() < 0.3:
            claim["tags"] = [topic]
        self.claims.append(claim)
        return ident

    def link(self, premises: list[str], target: str, type_: str = "supports") -> str:
        """Add a link; every link carries an id so the map reads the same in every tool."""
        rng = self.rng
        self.next_link += 1
        ident = f"l{self.next_link}"
        link: dict[str, Any] = {"id": ident, "from": premises[0] if len(premises) == 1
                                else premises, "to": target}
        if type_ != "supports":
            link["type"] = type_
        strength = rng.choices(["moderate", "strong", "weak"], [6, 3, 1])[0]
        if strength != "moderate":
            link["strength"] = strength
        if rng.random() < 0.25:
            link["warrant"] = f"What holds for {rng.choice(SUBJECTS)} holds here."
        if rng.random() < 0.05:
            link["evidence"] = self._citations(1)
        self.links.append(link)
        return ident

    # -- structure ----------------------------------------------------------------------------
    def reason(self, topic: str, target: str) -> list[str]:
        """A reason for ``target``: one premise, or linked co-premises (maybe an assumption)."""
        rng = self.rng
        if rng.random() < 0.25:
            premises = [self.claim(topic) for _ in range(rng.choice([2, 2, 3]))]
            if rng.random() < 0.4:
                premises.append(self.claim(topic, "assumption"))
        else:
            premises = [self.claim(topic)]
        lk = self.link(premises, target)
        for p in premises:
            self.parent[p] = target
        if rng.random() < 0.04:  # an undercut: the premises hold but do not support the target
            self.link([self.claim(topic, "rebuttal")], lk, "attacks")
        return premises

    def expand(self, topic: str, target: str, kind: str, depth: int) -> list[str]:
        """Grow the claims that answer ``target``: its reasons, rebuttals and their answers."""
        rng = self.rng
        grown: list[str] = []
        if kind == "rebuttal":
            if rng.random() < 0.5:
                grown.append(self.claim(topic))
                self.link([grown[-1]], target, "attacks")
            return grown
        reasons = rng.randint(2, 4) if kind == "conclusion" else rng.choices([0, 1, 2, 3],
                                                                             [2, 5, 3, 1])[0]
        if depth >= 7:
            reasons = 0
        for _ in range(reasons):
            grown.extend(self.reason(topic, target))
        if rng.random() < (0.5 if kind == "conclusion" else 0.15):
            grown.append(self.claim(topic, "rebuttal"))
            self.link([grown[-1]], target, "attacks")
        return grown

    def case(self, topic: str, budget: int) -> None:
        """One debate case of about ``budget`` claims, grown breadth-first from a conclusion."""
        start = len(self.claims)
        root = self.claim(topic, "conclusion")
        frontier: deque[tuple[str, int]] = deque([(root, 0)])
        while len(self.claims) - start < budget:
            if not frontier:
                frontier.append((root, 0))
            ident, depth = frontier.popleft()
            kind = self.claims[self._index(ident)].get("kind", "premise")
            for child in self.expand(topic, ident, kind, depth):
                frontier.append((child, depth + 1))

    def _index(self, ident: str) -> int:
        return int(ident.rsplit("-", 1)[1])

    def cross_links(self) -> None:
        """Links between branches and cases, each from a newer claim to an older one."""
        rng, count = self.rng, int(self.spec.cross * len(self.links))
        for _ in range(count):
            a = rng.randrange(1, len(self.claims))
            b = rng.randrange(0, a)
            type_ = "supports" if rng.random() < 0.7 else "attacks"
            self.link([self.claims[a]["id"]], self.claims[b]["id"], type_)

    def close_cycles(self) -> None:
        """Support links from a claim's grandparent back to it: each closes a support cycle."""
        chained = [c for c, p in self.parent.items() if p in self.parent]
        for claim in self.rng.sample(chained, min(self.spec.cycles, len(chained))):
            self.link([self.parent[self.parent[claim]]], claim)


def generate(spec: Spec) -> dict[str, Any]:
    """The map as plain data (what a map file holds)."""
    gen = _Generator(spec)
    for i, size in enumerate(_case_sizes(spec.claims, gen.rng)):
        gen.case(f"{TOPICS[i % len(TOPICS)]}{i}", size)
        if len(gen.claims) >= spec.claims:
            break
    del gen.claims[spec.claims:]
    kept = {c["id"] for c in gen.claims}
    gen.links = _prune(gen.links, kept)
    gen.parent = {c: p for c, p in gen.parent.items() if c in kept and p in kept}
    gen.cross_links()
    gen.close_cycles()
    return {"argmap": 1, "title": f"Generated debate corpus ({spec.claims} claims)",
            "description": "Cases merged from a season of debates (generated for benchmarks).",
            "sources": gen.sources, "claims": gen.claims, "links": gen.links}


def _prune(links: list[dict[str, Any]], claims: set[str]) -> list[dict[str, Any]]:
    """The links whose premises and target (a claim or a kept link) are all kept."""
    kept: list[dict[str, Any]] = []
    ids: set[str] = set()
    for link in links:
        premises = link["from"] if isinstance(link["from"], list) else [link["from"]]
        if all(p in claims for p in premises) and (link["to"] in claims or link["to"] in ids):
            kept.append(link)
            ids.add(link["id"])
    return kept


def _case_sizes(total: int, rng: random.Random) -> Iterator[int]:
    """The first case (the main conclusion) takes a tenth of the map, the rest 60-400 claims."""
    yield max(30, total // 10)
    while True:
        yield rng.randint(60, 400)


def dump_json(data: dict[str, Any]) -> str:
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"


def dump_yaml(data: dict[str, Any]) -> str:
    dumper = getattr(yaml, "CSafeDumper", yaml.SafeDumper)
    return yaml.dump(data, Dumper=dumper, sort_keys=False, allow_unicode=True, width=100,
                     default_flow_style=False)


def ensure(spec: Spec, fmt: str, folder: Path = DATA) -> Path:
    """The path of the generated map in ``fmt`` ('json' or 'yaml'), written when missing."""
    path = folder / f"{spec.stem}.{fmt}"
    if not path.exists():
        folder.mkdir(parents=True, exist_ok=True)
        data = generate(spec)
        text = dump_json(data) if fmt == "json" else dump_yaml(data)
        tmp = path.with_suffix(path.suffix + ".tmp")
        tmp.write_text(text, encoding="utf-8")
        tmp.replace(path)
    return path


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--claims", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--cycles", type=int, default=0)
    parser.add_argument("--out", type=Path, default=DATA)
    args = parser.parse_args(argv)
    spec = Spec(args.claims, args.seed, args.cycles)
    for fmt in ("json", "yaml"):
        print(ensure(spec, fmt, args.out))


if __name__ == "__main__":
    main()
