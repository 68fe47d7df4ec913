"""The benchmark script keeps working: it runs at a small size and reports every figure."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_benchmark_runs_at_the_smallest_size(tmp_path):
    out = tmp_path / "figures.json"
    cmd = [sys.executable, "-m", "benchmarks", "--sizes", "150", "--repeat", "1", "--quick",
           "--data", str(tmp_path), "--json", str(out)]
    run = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True, timeout=600)
    assert run.returncode == 0, run.stderr
    assert "== targets" in run.stdout
    figures = {row["figure"]: row for row in json.loads(out.read_text())["figures"]}
    for name in ("orjson.loads", "JSON load+validate", "YAML load+validate", "graph build",
                 "JSON load+validate+lint+DF-QuAD+grounded", "lint (all rules)", "DF-QuAD",
                 "grounded", "cruxes (main conclusion)", "DOT focus", "arguebuf load AIF",
                 "peak RSS", "TUI first screen", "TUI keypress"):
        assert figures[name]["runs"], name
        assert figures[name]["median"] > 0, name
    assert any(name.startswith("rule AM101") for name in figures)
    table = subprocess.run([sys.executable, "-m", "benchmarks.markdown", str(out)], cwd=ROOT,
                           capture_output=True, text=True, check=True).stdout
    assert "| JSON load+validate |" in table and "| target | measured |" in table
    # the generated maps went where --data said
    assert sorted(p.suffix for p in tmp_path.glob("map-*")) == [".json", ".json", ".json",
                                                                 ".yaml"]
