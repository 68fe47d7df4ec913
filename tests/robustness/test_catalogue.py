"""Every case of the bad-input catalogue through the real `argmap check`: its exact outcome, no
traceback; a few through a separate process; and the docs table kept identical to the catalogue."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from catalogue import CASES, FIXTURES, Case, large_map, table
from click.testing import CliRunner

from argmap.cli import app

ROOT = Path(__file__).parents[2]
DOC = ROOT / "docs" / "robustness.md"


def _lines(text: str, path: Path) -> list[str]:
    return [line.replace(str(path), "{file}") for line in text.splitlines() if line]


@pytest.mark.parametrize("case", CASES, ids=[c.file for c in CASES])
def test_check_in_process(case: Case, tmp_path: Path):
    path = case.write(tmp_path)
    result = CliRunner().invoke(app, ["check", str(path)])
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    assert "Traceback" not in result.output
    assert result.exit_code == case.exit_code, result.output
    if case.exit_code == 2:
        assert _lines(result.stderr, path) == list(case.stderr)
        assert result.stdout == ""
    else:
        out = _lines(result.stdout, path)
        for line in case.stdout:
            assert line in out


SUBPROCESS = ["alias-bomb.yaml", "recursive-alias.yaml", "python-tag.yaml", "deep.json",
              "binary.yaml", "support-cycle.yaml"]


@pytest.mark.parametrize("name", SUBPROCESS)
def test_check_in_a_real_process(name: str, tmp_path: Path):
    case = next(c for c in CASES if c.file == name)
    path = case.write(tmp_path)
    proc = subprocess.run([sys.executable, "-m", "argmap", "check", str(path)],
                          capture_output=True, text=True, timeout=120)
    assert "Traceback" not in proc.stderr
    assert proc.returncode == case.exit_code
    if case.exit_code == 2:
        assert _lines(proc.stderr, path) == list(case.stderr)


def test_docs_table_is_the_catalogue():
    text = DOC.read_text(encoding="utf-8")
    begin, end = "<!-- catalogue: begin -->\n", "<!-- catalogue: end -->"
    assert begin in text and end in text
    shown = text.split(begin, 1)[1].split(end, 1)[0]
    hint = "regenerate it in tests/robustness: python -c 'import catalogue as c; print(c.table())'"
    assert shown == table(), hint


def test_every_fixture_is_in_the_catalogue():
    used = {c.file for c in CASES} | {"wrong-types.expected"}
    assert sorted(p.name for p in FIXTURES.iterdir()) == sorted(
        used & {p.name for p in FIXTURES.iterdir()})


@pytest.mark.skipif(not os.environ.get("ARGMAP_BIG"),
                    reason="50 MB maps take a minute and 2 GB: set ARGMAP_BIG=1 to run")
@pytest.mark.parametrize("fmt", ["json", "yaml"])
def test_50_megabyte_map_loads(fmt: str, tmp_path: Path):
    from argmap.io import load_map

    path = tmp_path / f"big.{fmt}"
    path.write_bytes(large_map(200_000 if fmt == "yaml" else 160_000, fmt))
    assert path.stat().st_size > 50_000_000
    amap = load_map(path)
    assert len(amap.claims) in (200_000, 160_000)
