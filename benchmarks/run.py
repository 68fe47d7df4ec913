"""Run argmap's benchmarks: every stage at each size, the peers and floors, and the targets.

    .venv/bin/python -m benchmarks [--sizes 1000,10000,100000] [--repeat 5] [--quick]

Maps are generated into benchmarks/data/ on first use (deterministic by seed). Each figure is
the median of ``--repeat`` runs after a warm-up run; a peer whose first run takes longer than
a few seconds is run once.
"""

from __future__ import annotations

import argparse
import json
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

    def __init__(self, repeat: int, budget: float):
        self.repeat = repeat
        self.budget = budget
        self.figures: Figures = {}
        self.facts: list[str] = []

    def time(self, name: str, size: int, fn: Any, note: str = "") -> Any:
        """Measure ``fn`` as figure ``name``, unless it is missing or would take too long."""
        if fn is None:
            self.add(Figure(name, size, note="not available"))
            return None
        guess = self.estimate(name, size)
        if guess > self.budget:
            self.add(Figure(name, size, note=f"skipped: a quadratic growth from the last size"
                            f" predicts {guess:,.0f} s (over --budget {self.budget:g} s)"))
            return None
        figure, result = measure(name, size, fn, self.repeat, note)
        self.add(figure)
        return result

    def estimate(self, name: str, size: int) -> float:
        """A pessimistic (quadratic) guess at the CPU time of ``name`` at ``size`` claims."""
        smaller = [f for (n, s), f in self.figures.items() if n == name and s < size and f.runs]
        if not smaller:
            return 0.0
        last = max(smaller, key=lambda f: f.size)
        return last.median * (size / last.size) ** 2

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
    bench.time("orjson.loads", size, peers.orjson_loads(json_path), "parse floor")
    bench.time("json.loads", size, peers.json_loads(json_path))
    bench.time("JSON load+validate", size, stages.load(json_path))
    bench.time("graph build", size, stages.graph(amap))
    bench.time(targets.PIPELINE, size, stages.pipeline(json_path))
    bench.time("analyse (lint + DF-QuAD + grounded)", size, stages.analyse(amap))
    bench.time("analysis index", size, stages.index(amap))
    every, each = stages.lint(amap)
    bench.time("lint (all rules)", size, every, "index and evaluation built beforehand")
    for name, stage in each.items():
        bench.time(f"rule {name}", size, stage)
    bench.time("DF-QuAD", size, stages.evaluate(amap))
    cyclic = stages.load(ensure(Spec(size, cycles=max(1, size // 1000)), "json", data))()
    bench.time("DF-QuAD cyclic", size, stages.evaluate(cyclic), f"{max(1, size // 1000)}"
               " support cycles")
    bench.time("grounded", size, stages.grounded(amap))
    bench.time("cruxes (main conclusion)", size, stages.cruxes(amap))
    bench.time("DOT whole map", size, stages.dot(amap))
    bench.time("DOT focus", size, stages.dot(amap, stages.main_conclusion(amap)),
               "main conclusion, depth 2")
    _yaml(bench, size, yaml_path, quick)
    if not quick or size <= 10_000:
        aif = write_aif(generate(spec), data / f"{spec.stem}.aif.json")
        bench.time("arguebuf load AIF", size, peers.arguebuf_load(aif), "same map as AIF JSON")
    _memory(bench, size, json_path)
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


def _yaml(bench: Bench, size: int, path: Path, quick: bool) -> None:
    """argmap's YAML load against each safe YAML parser installed."""
    bench.time("YAML load+validate", size, stages.load(path))
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
    bench.time("rapidyaml parse (no Python data)", size, peers.ryml_tree(path))


def _memory(bench: Bench, size: int, path: Path) -> None:
    which = ["analyse"] if stages.analysis() is not None else []
    result = peak_memory(path, which)
    what = "load + analyse" if which else "load"
    bench.add(Figure("peak RSS", size, [result["max_rss"]], "B", f"{what}; fresh process"
                     f" {result['base_rss'] / 2**20:.0f} MiB"))
    bench.add(Figure("peak traced (tracemalloc)", size, [result["peak_traced"]], "B", what))


def bench_grounded(bench: Bench, n: int = targets.ATTACK_ARGS) -> None:
    """argmap's grounded labelling against python-argumentation on one random attack graph."""
    print(f"\n== grounded semantics: random attack graph, {n:,} arguments, 3 attacks each",
          flush=True)
    attacks = peers.attack_graph(n)
    from argmap.model import ArgumentMap

    amap = ArgumentMap.model_validate(peers.attack_map_data(n, attacks))
    labels = bench.time("grounded", n, stages.grounded(amap))
    bench.time("grounded incl. graph build", n, stages.grounded(amap, with_graph=True))
    extension = bench.time("py_arg get_grounded_extension", n, peers.pyarg_grounded(n, attacks))
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
    parser.add_argument("--json", type=Path, help="also write every figure to this file")
    args = parser.parse_args(argv)
    sizes = [int(s.replace("_", "")) for s in args.sizes.split(",") if s.strip()]
    print(f"argmap benchmarks on {machine()}", flush=True)
    print(f"load average at start: {' '.join(f'{x:.1f}' for x in os.getloadavg())}; figures:"
          " median CPU time of the process, then median wall time", flush=True)
    bench = Bench(args.repeat, args.budget)
    for size in sizes:
        bench_size(bench, size, args.quick, args.data)
    if not args.quick:
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
