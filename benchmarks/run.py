"""Run argmap's benchmarks: every stage at each size, the peers and floors, and the targets.

    .venv/bin/python -m benchmarks [--sizes 1000,10000,100000] [--repeat 5] [--quick]

Maps are generated into benchmarks/data/ on first use (deterministic by seed). Each figure is
the median of ``--repeat`` runs after a warm-up run; a peer whose first run takes longer than
a few seconds is run once.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import platform
import subprocess
import sys
from pathlib import Path
from typing import Any

from benchmarks import peers, stages, targets
from benchmarks.aif import write_aif
from benchmarks.generate import DATA, Spec, ensure, generate
from benchmarks.timing import Figure, measure, peak_memory

Figures = dict[tuple[str, int], Figure]


class Bench:
    """Collects figures and prints each as it is measured."""

    def __init__(self, repeat: int, budget: float, only: list[str] | None = None):
        self.repeat = repeat
        self.budget = budget
        self.only = only or []
        self.figures: Figures = {}
        self.facts: list[str] = []

    def wants(self, name: str) -> bool:
        """Whether ``--only`` (substrings of figure names) lets figure ``name`` be measured."""
        return not self.only or any(part in name for part in self.only)

    def time(self, name: str, size: int, make: Any, note: str = "") -> Any:
        """Measure the stage ``make()`` returns as figure ``name``, unless it is not wanted,
        missing, or predicted to take too long."""
        if not self.wants(name):
            return None
        guess = self.estimate(name, size)
        if guess > self.budget:
            self.add(Figure(name, size, note=f"skipped: its growth so far predicts"
                            f" {guess:,.0f} s (over --budget {self.budget:g} s)"))
            return None
        fn = make()
        if fn is None:
            self.add(Figure(name, size, note="not available"))
            return None
        figure, result = measure(name, size, fn, self.repeat, note)
        self.add(figure)
        return result

    def estimate(self, name: str, size: int) -> float:
        """A guess at the CPU time of ``name`` at ``size`` claims: the growth between the two
        last sizes measured (at least linear), or quadratic growth from a single one."""
        smaller = sorted((f for (n, s), f in self.figures.items()
                          if n == name and s < size and f.runs), key=lambda f: f.size)
        if not smaller:
            return 0.0
        last, power = smaller[-1], 2.0
        if len(smaller) >= 2 and smaller[-2].median > 0:
            before = smaller[-2]
            power = max(1.0, math.log(last.median / before.median) / math.log(
                last.size / before.size))
        return last.median * (size / last.size) ** power

    def add(self, figure: Figure) -> None:
        self.figures[(figure.name, figure.size)] = figure
        runs = f"{len(figure.runs)} run{'s' if len(figure.runs) != 1 else ''}"
        note = f"  ({figure.note})" if figure.note else ""
        wall = figure.shown(wall=True) if figure.wall else ""
        print(f"  {figure.name:<44} {figure.shown():>10} {wall:>10}  {runs}{note}", flush=True)

    def fact(self, text: str) -> None:
        self.facts.append(text)
        print(f"  * {text}", flush=True)


def bench_size(bench: Bench, size: int, quick: bool, data: Path) -> None:
    """Every stage and peer on the generated map of ``size`` claims."""
    spec = Spec(size)
    json_path, yaml_path = ensure(spec, "json", data), ensure(spec, "yaml", data)
    amap = stages.load(json_path)()
    print(f"\n== {size:,} claims, {len(amap.links):,} links; JSON {_mib(json_path)},"
          f" YAML {_mib(yaml_path)}", flush=True)
    t = bench.time
    t("orjson.loads", size, lambda: peers.orjson_loads(json_path), "parse floor")
    t("json.loads", size, lambda: peers.json_loads(json_path))
    t("JSON load+validate", size, lambda: stages.load(json_path))
    t("graph build", size, lambda: stages.graph(amap))
    t(targets.PIPELINE, size, lambda: stages.pipeline(json_path))
    t("analyse (lint + DF-QuAD + grounded)", size, lambda: stages.analyse(amap))
    t("analysis index", size, lambda: stages.index(amap))
    if bench.wants("lint") or bench.wants("rule "):
        every, each = stages.lint(amap)
        t("lint (all rules)", size, lambda: every, "index and evaluation built beforehand")
        for name, stage in each.items():
            t(f"rule {name}", size, lambda stage=stage: stage)
        t(targets.LOOKUP_FLOOR, size, lambda: stages.lookup_floor(amap),
          "each claim id looked up in the index once: the least a rule does")
    t("DF-QuAD", size, lambda: stages.evaluate(amap))
    cycles = max(1, size // 1000)
    t("DF-QuAD cyclic", size, lambda: stages.evaluate(stages.load(
        ensure(Spec(size, cycles=cycles), "json", data))()), f"{cycles} support cycles")
    t("grounded", size, lambda: stages.grounded(amap))
    t("cruxes (main conclusion)", size, lambda: stages.cruxes(amap))
    t("DOT whole map", size, lambda: stages.dot(amap))
    t("DOT focus", size, lambda: stages.dot(amap, stages.main_conclusion(amap)),
      "main conclusion, depth 2")
    if bench.wants("YAML"):
        _yaml(bench, size, yaml_path, quick)
    if (not quick or size <= 10_000) and bench.wants("arguebuf"):
        aif = write_aif(generate(spec), data / f"{spec.stem}.aif.json")
        t("arguebuf load AIF", size, lambda: peers.arguebuf_load(aif), "same map as AIF JSON")
    if bench.wants("peak"):
        _memory(bench, size, json_path)
    if bench.wants("TUI"):
        _tui(bench, size, json_path)


def _tui(bench: Bench, size: int, path: Path) -> None:
    """The TUI's first screen and keypresses, headless in a fresh process (wall time)."""
    try:
        import tui.app  # noqa: F401
    except ImportError:
        bench.add(Figure("TUI first screen", size, note="not available"))
        return
    cmd = [sys.executable, "-m", "benchmarks.tui_probe", str(path)]
    root = Path(__file__).resolve().parent.parent
    out = subprocess.run(cmd, capture_output=True, text=True, cwd=root, timeout=900)
    if out.returncode != 0:
        bench.add(Figure("TUI first screen", size, note=f"failed: {out.stderr[-200:]}"))
        return
    result = json.loads(out.stdout.strip().splitlines()[-1])
    bench.add(Figure("TUI first screen", size, [result["first_screen"]], note="wall time from"
                     f" opening the file; {result['rows']} rows shown",
                     wall=[result["first_screen"]]))
    bench.add(Figure("TUI keypress", size, [result["keypress"]], note="wall time, median of 8"
                     f" moves and expansions; slowest {result['keypress_max']:.2f} s",
                     wall=[result["keypress"]]))
    bench.add(Figure("TUI edit", size, [result["edit"]], note="wall time from one edit of a"
                     " claim's text (the edit form's Enter) to the screen showing it",
                     wall=[result["edit"]]))
    bench.add(Figure("TUI keypress after an edit", size, [result["keypress_after_edit"]],
                     note="wall time, the same 8 keys while the edited map is analysed again;"
                     f" slowest {result['keypress_after_edit_max']:.2f} s",
                     wall=[result["keypress_after_edit"]]))


def _yaml(bench: Bench, size: int, path: Path, quick: bool) -> None:
    """argmap's YAML load against each safe YAML parser installed."""
    bench.time("YAML load+validate", size, lambda: stages.load(path))
    if quick and size > 10_000:
        return
    best: Figure | None = None
    for name, loader in peers.yaml_parsers(path).items():
        measured, _ = measure(name, size, loader, bench.repeat)
        bench.add(measured)
        if best is None or measured.median < best.median:
            best = measured
    if best is not None:
        bench.add(Figure("fastest safe YAML parser", size, best.runs, note=best.name,
                         wall=best.wall))
    bench.time("rapidyaml parse (no Python data)", size, lambda: peers.ryml_tree(path))


def _memory(bench: Bench, size: int, path: Path) -> None:
    """Peak memory of a fresh process that loads the map, and of one that also analyses it."""
    runs = [("load", [])]
    if stages.analysis() is not None:
        runs.append(("load + analyse", ["analyse"]))
    for what, which in runs:
        result = peak_memory(path, which)
        suffix = "" if which else " (load only)"
        bench.add(Figure(f"peak RSS{suffix}", size, [result["max_rss"]], "B",
                         f"{what}; a fresh process: {result['base_rss'] / 2**20:.0f} MiB"))
        bench.add(Figure(f"peak traced (tracemalloc){suffix}", size, [result["peak_traced"]],
                         "B", what))


def bench_grounded(bench: Bench, n: int = targets.ATTACK_ARGS) -> None:
    """argmap's grounded labelling against python-argumentation on one random attack graph."""
    print(f"\n== grounded semantics: random attack graph, {n:,} arguments, 3 attacks each",
          flush=True)
    attacks = peers.attack_graph(n)
    from argmap.model import ArgumentMap

    amap = ArgumentMap.model_validate(peers.attack_map_data(n, attacks))
    labels = bench.time("grounded", n, lambda: stages.grounded(amap))
    bench.time("grounded incl. graph build", n, lambda: stages.grounded(amap, with_graph=True))
    extension = bench.time("py_arg get_grounded_extension", n,
                           lambda: peers.pyarg_grounded(n, attacks))
    if labels is not None and extension is not None:
        ours = {arg for arg, label in labels.items() if label == "IN"}
        same = "the same" if ours == extension else "DIFFERENT"
        bench.fact(f"grounded extensions: {same} ({len(ours)} IN for argmap,"
                   f" {len(extension)} for python-argumentation)")


def report(bench: Bench) -> list[targets.Verdict]:
    rules = sorted({name[5:] for name, _ in bench.figures if name.startswith("rule ")})
    verdicts = [check(bench.figures) for check in targets.checks(rules)]
    print("\n== targets")
    for v in verdicts:
        print(f"  {v.target:<52} {v.measured:>14}  {v.limit:<12} {v.word}")
    return verdicts


def previous_figures(path: Path) -> Figures:
    rows = json.loads(path.read_text())["figures"]
    return {(r["figure"], r["claims"]): Figure(r["figure"], r["claims"], r["runs"], r["unit"],
                                               r["note"], r.get("wall", [])) for r in rows}


def machine() -> str:
    cpu = "unknown CPU"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    ram = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30
    return (f"{os.cpu_count()} cores, {ram:.0f} GiB RAM, {cpu}, Python"
            f" {platform.python_version()}, {platform.system()} {platform.release()}")


def _mib(path: Path) -> str:
    return f"{path.stat().st_size / 2**20:.1f} MiB"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks", description=__doc__)
    parser.add_argument("--sizes", default="1000,10000,100000",
                        help="claim counts, comma-separated (default: 1000,10000,100000)")
    parser.add_argument("--repeat", type=int, default=5, help="timed runs per figure")
    parser.add_argument("--quick", action="store_true",
                        help="skip the slow peers (python-argumentation, arguebuf and YAML"
                        " parsers above 10k claims)")
    parser.add_argument("--budget", type=float, default=60.0,
                        help="skip a figure whose quadratic extrapolation from the previous size"
                        " exceeds this many seconds (default 60)")
    parser.add_argument("--data", type=Path, default=DATA,
                        help="where generated maps are kept (default: benchmarks/data)")
    parser.add_argument("--only", help="measure only figures whose names contain one of these"
                        " comma-separated words")
    parser.add_argument("--previous", type=Path, help="figures of an earlier run (--json FILE):"
                        " reported with this run's, which replace them")
    parser.add_argument("--json", type=Path, help="also write every figure to this file")
    args = parser.parse_args(argv)
    sizes = [int(s.replace("_", "")) for s in args.sizes.split(",") if s.strip()]
    print(f"argmap benchmarks on {machine()}", flush=True)
    print(f"load average at start: {' '.join(f'{x:.1f}' for x in os.getloadavg())}; figures:"
          " median CPU time of the process, then median wall time", flush=True)
    bench = Bench(args.repeat, args.budget, args.only.split(",") if args.only else None)
    if args.previous:
        bench.figures.update(previous_figures(args.previous))
    for size in sizes:
        bench_size(bench, size, args.quick, args.data)
    if not args.quick and bench.wants("grounded"):
        bench_grounded(bench)
    report(bench)
    if args.json:
        rows = [{"figure": f.name, "claims": f.size, "median": f.median, "runs": f.runs,
                 "wall": f.wall, "unit": f.unit, "note": f.note} for f in bench.figures.values()]
        args.json.write_text(json.dumps({"machine": machine(), "figures": rows,
                                         "facts": bench.facts}, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
