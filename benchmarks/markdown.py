"""Markdown tables of a benchmark run, for docs/performance.md.

    python -m benchmarks --json figures.json && python -m benchmarks.markdown figures.json
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

from benchmarks import targets
from benchmarks.timing import Figure, seconds


def load(path: Path) -> tuple[dict[str, Any], dict[tuple[str, int], Figure]]:
    doc = json.loads(path.read_text())
    figures = {(r["figure"], r["claims"]): Figure(r["figure"], r["claims"], r["runs"], r["unit"],
                                                   r["note"], r.get("wall", []))
               for r in doc["figures"]}
    return doc, figures


def _cell(figure: Figure | None) -> str:
    if figure is None or not figure.runs:
        return "—"
    if figure.unit == "B":
        return figure.shown()
    wall = f" ({seconds(figure.wall_median)})" if figure.wall else ""
    return f"{figure.shown()}{wall}"


def figures_table(figures: dict[tuple[str, int], Figure]) -> str:
    """Every figure by size: CPU time, wall time in brackets."""
    sizes = sorted({s for _, s in figures if s != targets.ATTACK_ARGS} or {0})
    names = list(dict.fromkeys(n for n, s in figures if s != targets.ATTACK_ARGS))
    lines = ["| figure | " + " | ".join(f"{s:,} claims" for s in sizes) + " | note |",
             "| --- | " + " | ".join("---:" for _ in sizes) + " | --- |"]
    for name in names:
        cells = [_cell(figures.get((name, s))) for s in sizes]
        notes = [part for s in sizes if (name, s) in figures
                 for part in figures[(name, s)].note.split("; ") if part]
        note = "; ".join(dict.fromkeys(notes))
        lines.append(f"| {name} | " + " | ".join(cells) + f" | {note} |")
    return "\n".join(lines)


def attack_table(figures: dict[tuple[str, int], Figure]) -> str:
    rows = [(n, f) for (n, s), f in figures.items() if s == targets.ATTACK_ARGS]
    lines = ["| figure | 2,000 arguments | note |", "| --- | ---: | --- |"]
    lines += [f"| {n} | {_cell(f)} | {f.note} |" for n, f in rows]
    return "\n".join(lines)


def targets_table(figures: dict[tuple[str, int], Figure]) -> str:
    rules = sorted({n[5:] for n, _ in figures if n.startswith("rule ")})
    lines = ["| target | measured | limit | verdict |", "| --- | ---: | --- | --- |"]
    for check in targets.checks(rules):
        v = check(figures)
        lines.append(f"| {v.target.strip()} | {v.measured} | {v.limit} | {v.word} |")
    return "\n".join(lines)


def main() -> None:
    doc, figures = load(Path(sys.argv[1]))
    print(f"Machine: {doc['machine']}\n")
    print("### Targets\n\n" + targets_table(figures) + "\n")
    print("### Every figure (CPU time; wall time in brackets)\n\n" + figures_table(figures))
    print("\n### Grounded semantics on a random attack graph\n\n" + attack_table(figures))
    for fact in doc.get("facts", []):
        print(f"\n- {fact}")


if __name__ == "__main__":
    main()
