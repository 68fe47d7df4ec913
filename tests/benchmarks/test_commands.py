"""The whole-command benchmark: its map variants have the shapes it promises, each command is
timed with its output to a pipe and to a file, and both carry the same output."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from argmap.analysis.evaluation.strengths import dependency_order
from argmap.analysis.numbered import Numbered
from argmap.model import ArgumentMap
from benchmarks.commands import ARGMAP, reshape, run
from benchmarks.generate import Spec, dump_json, generate

ROOT = Path(__file__).resolve().parents[2]


def _premises(link: dict) -> list[str]:
    return link["from"] if isinstance(link["from"], list) else [link["from"]]


def test_dense_variant_has_links_with_fifty_or_more_co_premises():
    data = reshape(generate(Spec(400)), "dense")
    sizes = [len(_premises(link)) for link in data["links"]]
    assert max(sizes) >= 50
    assert ArgumentMap.model_validate(data)  # still a valid map


def test_cyclic_variant_closes_cycles_through_co_premises():
    plain = generate(Spec(400))
    assert dependency_order(Numbered.from_map(ArgumentMap.model_validate(plain))) is not None
    cyclic = reshape(generate(Spec(400)), "cyclic")
    assert dependency_order(Numbered.from_map(ArgumentMap.model_validate(cyclic))) is None


def test_numbers_variant_puts_figures_in_every_claim():
    data = reshape(generate(Spec(200)), "numbers")
    assert all("%" in c["text"] and "$" in c["text"] for c in data["claims"])


def test_printed_output_is_the_same_to_a_pipe_and_to_a_file(tmp_path):
    path = tmp_path / "map.json"
    path.write_text(dump_json(reshape(generate(Spec(150)), "cyclic")), encoding="utf-8")
    out = tmp_path / "eval.json"
    args = [*ARGMAP, "eval", "--format", "json", str(path)]
    piped = run(args)
    filed = run(args, out, stdout_to_file=True)
    assert piped.code == filed.code == 0
    assert piped.cpu > 0 and filed.wall > 0
    assert filed.out_bytes == piped.out_bytes == out.stat().st_size
    assert len(json.loads(out.read_text())["claims"]) == 150


def test_script_times_eval_json_and_printed_commands_to_a_file(tmp_path):
    cmd = [sys.executable, "-m", "benchmarks.commands", "--claims", "120", "--variant", "dense",
           "--format", "json", "--command", "eval json", "--command", "report"]
    done = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    rows = [line.split(" | ") for line in done.stdout.splitlines() if line.startswith("| ")]
    timed = {(r[0].lstrip("| "), r[2]) for r in rows[2:]}
    assert timed == {("eval json", "pipe"), ("eval json", "file"), ("report", "pipe"),
                     ("report", "file")}
    assert all(r[-1].rstrip(" |") == "0" for r in rows[2:])  # every command succeeded
