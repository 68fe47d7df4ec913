"""Whole commands as a user runs them: each one a process, timed from start to its last byte.

The stage benchmark (``python -m benchmarks``) times load, lint and evaluation inside one
process. A user runs commands, so this script starts ``argmap`` once per command and variant and
reads the CPU time the child used (user + system, from ``wait4``) and the wall time, with the
output going to a pipe (read to its end) and to a file: standard output redirected to one for
the commands that print, ``-o FILE`` for those that write files. Each
figure is set beside the *parse floor*: the CPU time of ``orjson.loads`` of the same map as JSON,
in this process, the least any command that reads the map must spend.

Map variants (all from :mod:`benchmarks.generate`, then reshaped):

- ``base``: the generator's own maps;
- ``numbers``: every claim's text carries figures (shares, money, years, ranks), the load the
  statistic detector (AM102) meets in real articles;
- ``cyclic``: a tenth of the links gain a co-premise taken from further down the map, which
  closes cycles through co-premises (the shape the plain generator never makes);
- ``dense``: one link in fifty has 50-80 co-premises;
- ``long``: claim texts of about 2 KB.

    python -m benchmarks.commands --claims 20000            # every variant, JSON and YAML
    python -m benchmarks.commands --claims 100000 --variant numbers --format json
    python -m benchmarks.commands --claims 10000 --variant dense --command cruxes
"""

from __future__ import annotations

import argparse
import os
import random
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from benchmarks.generate import Spec, dump_json, dump_yaml, generate

VARIANTS = ("base", "numbers", "cyclic", "dense", "long")
ARGMAP = [sys.executable, "-m", "argmap"]

# name, arguments before the map, writes a file with -o (else prints: its standard output is
# sent to the file)
COMMANDS: list[tuple[str, list[str], bool]] = [
    ("check text", ["check"], False),
    ("check json", ["check", "--format", "json"], False),
    ("check github", ["check", "--format", "github"], False),
    ("eval text", ["eval"], False),
    ("eval json", ["eval", "--format", "json"], False),
    ("cruxes", ["cruxes"], False),
    ("report", ["report"], True),
    ("outline", ["outline"], True),
    ("convert", ["convert"], True),
    ("render --focus", ["render", "--depth", "2"], True),
]


def reshape(data: dict[str, Any], variant: str, seed: int = 7) -> dict[str, Any]:
    """The generated map changed into ``variant`` (see the module's docstring)."""
    rng = random.Random(seed)
    claims, links = data["claims"], data["links"]
    if variant == "numbers":
        for c in claims:
            c["text"] += (f" About {rng.randint(2, 97)}% of {rng.randint(100, 9999):,} "
                          f"households paid ${rng.randint(1, 900)}.{rng.randint(0, 9)}m in "
                          f"{rng.randint(1990, 2024)}, rank {rng.randint(1, 50)} of 50.")
    elif variant == "long":
        for c in claims:
            words = c["text"].split()
            c["text"] = " ".join(rng.choice(words) for _ in range(330)) + "."
    elif variant == "cyclic":
        ids = [c["id"] for c in claims]
        for link in links[::10]:
            premises = link["from"] if isinstance(link["from"], list) else [link["from"]]
            extra = rng.choice(ids)
            if extra != link["to"] and extra not in premises:
                link["from"] = [*premises, extra]
    elif variant == "dense":
        ids = [c["id"] for c in claims]
        for link in links[::50]:
            premises = link["from"] if isinstance(link["from"], list) else [link["from"]]
            more = [x for x in rng.sample(ids, rng.randint(50, 80))
                    if x != link["to"] and x not in premises]
            link["from"] = [*premises, *more]
    return data


@dataclass
class Run:
    cpu: float
    wall: float
    code: int
    out_bytes: int


def run(args: list[str], out_file: Path | None = None, stdout_to_file: bool = False) -> Run:
    """One process: CPU (user + system) and wall seconds, exit code, bytes of output.

    Its standard output goes to a pipe read to its end, or with ``stdout_to_file`` into
    ``out_file`` (as ``> out_file`` in a shell); the bytes counted include ``out_file``'s."""
    start = time.perf_counter()
    size = 0
    if stdout_to_file:
        assert out_file is not None
        with out_file.open("wb") as sink:
            proc = subprocess.Popen(args, stdout=sink, stderr=subprocess.DEVNULL,
                                    stdin=subprocess.DEVNULL)
    else:
        proc = subprocess.Popen(args, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
                                stdin=subprocess.DEVNULL)
        assert proc.stdout is not None
        while chunk := proc.stdout.read(1 << 16):
            size += len(chunk)
        proc.stdout.close()
    _, status, usage = os.wait4(proc.pid, 0)
    proc.returncode = os.waitstatus_to_exitcode(status)  # reaped here: Popen must not wait
    wall = time.perf_counter() - start
    if out_file is not None and out_file.exists():
        size += out_file.stat().st_size
    return Run(usage.ru_utime + usage.ru_stime, wall, proc.returncode, size)


def parse_floor(json_path: Path, repeat: int = 3) -> float:
    """The least CPU seconds ``orjson.loads`` of the file takes here (best of ``repeat``), with
    the cyclic collector off, as argmap loads a map: with it on, the collector walks what this
    process holds (the generated map) again and again while the parse allocates, and the floor
    of two maps of one size came out 0.22 s and 0.64 s."""
    import gc

    import orjson

    raw = json_path.read_bytes()
    best = float("inf")
    for _ in range(repeat):
        gc.collect()
        gc.disable()
        try:
            t0 = time.process_time()
            orjson.loads(raw)
            best = min(best, time.process_time() - t0)
        finally:
            gc.enable()
    return best


def first_conclusion(data: dict[str, Any]) -> str:
    return next(c["id"] for c in data["claims"] if c.get("kind") == "conclusion")


def bench_variant(variant: str, claims: int, formats: list[str], folder: Path,
                  commands: list[str] | None = None) -> list[str]:
    data = reshape(generate(Spec(claims)), variant)
    paths = {}
    for fmt in ("json", "yaml"):
        path = folder / f"{variant}-{claims}.{fmt}"
        path.write_text(dump_json(data) if fmt == "json" else dump_yaml(data), encoding="utf-8")
        paths[fmt] = path
    floor = parse_floor(paths["json"])
    focus = first_conclusion(data)
    lines = [f"### {variant}: {claims:,} claims, {len(data['links']):,} links "
             f"(JSON {paths['json'].stat().st_size / 2**20:.0f} MiB; parse floor "
             f"{floor * 1000:.0f} ms)", "",
             "| command | format | output | CPU s | wall s | × floor | exit |",
             "| --- | --- | --- | ---: | ---: | ---: | ---: |"]
    for fmt in formats:
        for name, argv, writes in COMMANDS:
            if commands and name not in commands:
                continue
            for target in ("pipe", "file"):
                out = folder / f"out-{variant}.{_suffix(name, fmt)}"
                out.unlink(missing_ok=True)
                args = [*ARGMAP, *argv, str(paths[fmt])]
                if name == "render --focus":
                    args += ["--focus", focus, "-o", str(out if target == "file" else
                                                          folder / "out.dot")]
                    if target == "pipe":
                        continue
                elif name == "convert":
                    if target == "pipe":
                        continue
                    args += ["-o", str(out), "--force"] if _has_output_option() else [str(out)]
                elif target == "file" and writes:
                    args += ["-o", str(out)]
                r = run(args, out if target == "file" else None,
                        stdout_to_file=target == "file" and not writes)
                lines.append(f"| {name} | {fmt} | {target} | {r.cpu:.2f} | {r.wall:.2f} | "
                             f"{r.cpu / floor:.0f} | {r.code} |")
                print(lines[-1], file=sys.stderr, flush=True)
    return lines + [""]


def _suffix(name: str, fmt: str) -> str:
    if name == "render --focus":
        return "dot"
    if name == "convert":
        return "yaml" if fmt == "json" else "json"
    return "md"


def _has_output_option() -> bool:
    """Whether ``argmap convert`` takes ``-o`` (older versions take OUT as an argument)."""
    help_text = subprocess.run([*ARGMAP, "convert", "--help"], capture_output=True,
                               text=True).stdout
    return "--output" in help_text


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--claims", type=int, default=100_000)
    parser.add_argument("--variant", action="append", choices=VARIANTS)
    parser.add_argument("--format", action="append", choices=("json", "yaml"))
    parser.add_argument("--command", action="append", choices=[c[0] for c in COMMANDS],
                        help="Time only this command (repeat for several; default: all).")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="argmap-commands-") as tmp:
        for variant in args.variant or VARIANTS:
            print("\n".join(bench_variant(variant, args.claims, args.format or ["json", "yaml"],
                                          Path(tmp), args.command)), flush=True)


if __name__ == "__main__":
    main()
