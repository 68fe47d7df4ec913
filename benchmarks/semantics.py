"""Compare the gradual semantics and the evidence-aware base scores on real maps.

Prints, for each map given (default: the shipped maps and the example), each conclusion's
strength under DF-QuAD with one flat base (0.5, the evaluation before evidence levels) and
under DF-QuAD, Euler-based, quadratic energy and damped quadratic energy (the default) with the
evidence levels; then how many claims reach 0.95. With ``--microtexts DIR`` it does the same
over a folder of arg-microtexts XML files, summarised (their figures go in docs/evaluation.md;
the texts stay out of the repo).

    python -m benchmarks.semantics
    python -m benchmarks.semantics --microtexts path/to/arg-microtexts/en
"""

from __future__ import annotations

import argparse
import statistics
from pathlib import Path

from argmap.analysis import analyse, evaluate
from argmap.analysis.evaluation.base_scores import claim_base
from argmap.io import load_map
from argmap.model import ArgumentMap

ROOT = Path(__file__).parents[1]
MAPS = [*sorted((ROOT / "maps").glob("*.yaml")), ROOT / "examples" / "car-free-downtown.yaml"]
COLUMNS = ["dfquad-flat", "dfquad", "euler", "quadratic", "damped"]


def strengths(amap: ArgumentMap) -> dict[str, dict[str, float]]:
    """Strengths of every claim and link under each column's semantics and bases."""
    flat = amap.model_copy(deep=True)
    flat.defaults.evidence = False
    out = {"dfquad-flat": evaluate(flat, semantics="dfquad").strengths}
    for name in COLUMNS[1:]:
        out[name] = evaluate(amap, semantics=name).strengths
    return out


def report_map(path: Path) -> None:
    amap = load_map(path)
    conclusions = analyse(amap).conclusions
    values = strengths(amap)
    levels: dict[str, int] = {}
    for claim in amap.claims:
        level = claim_base(amap, claim).level
        levels[level] = levels.get(level, 0) + 1
    print(f"{path.relative_to(ROOT)}  bases: {levels}")
    print(f"  {'claim':30} " + " ".join(f"{c:>11}" for c in COLUMNS))
    for cid in conclusions:
        print(f"  {cid[:30]:30} " + " ".join(f"{values[c][cid]:11.2f}" for c in COLUMNS))
    ids = [c.id for c in amap.claims]
    print(f"  {'claims >= 0.95':30} " + " ".join(
        f"{sum(values[c][i] >= 0.95 for i in ids):11d}" for c in COLUMNS))


def report_microtexts(folder: Path) -> None:
    from argmap.io.formats.microtexts import read

    central: dict[str, list[float]] = {c: [] for c in COLUMNS}
    for xml in sorted(folder.glob("*.xml")):
        imported = read(xml.read_text(encoding="utf-8"), str(xml))
        amap = imported.amap
        values = strengths(amap)
        for cid in analyse(amap).conclusions:
            for c in COLUMNS:
                central[c].append(values[c][cid])
    n = len(central[COLUMNS[0]])
    print(f"arg-microtexts: {n} central claims")
    for label, f in (("mean", statistics.mean), ("median", statistics.median),
                     ("max", max)):
        print(f"  {label:30} " + " ".join(f"{f(central[c]):11.2f}" for c in COLUMNS))
    for bar in (0.9, 0.95):
        print(f"  {'share >= ' + str(bar):30} " + " ".join(
            f"{sum(v >= bar for v in central[c]) / n:11.0%}" for c in COLUMNS))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("maps", nargs="*", type=Path)
    parser.add_argument("--microtexts", type=Path, default=None)
    args = parser.parse_args()
    for path in args.maps or MAPS:
        report_map(path.resolve())
    if args.microtexts:
        report_microtexts(args.microtexts)


if __name__ == "__main__":
    main()
