"""The command line behaves as linters' users expect: Ctrl+C exits 130, NO_COLOR is honoured,
`-` reads standard input."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from click.testing import CliRunner

from argmap.cli import app

ROOT = Path(__file__).parents[2]
EXAMPLE = ROOT / "examples" / "car-free-downtown.yaml"


def test_ctrl_c_exits_130_in_a_real_process():
    code = (
        "import os, signal, sys, time\n"
        "import argmap.io\n"
        "def interrupted(path):\n"
        "    os.kill(os.getpid(), signal.SIGINT)\n"
        "    time.sleep(10)\n"
        "argmap.io.load_map = interrupted\n"
        f"sys.argv = ['argmap', 'show', {str(EXAMPLE)!r}]\n"
        "from argmap.cli import main\n"
        "main()\n")
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          timeout=60, cwd=ROOT)
    assert proc.returncode == 130, proc.stderr
    assert "Traceback" not in proc.stderr and "interrupted" in proc.stderr


def test_no_color_turns_colour_off_even_on_a_terminal():
    runner = CliRunner()
    coloured = runner.invoke(app, ["check", str(EXAMPLE)], color=True)
    assert "\x1b[" in coloured.output
    plain = runner.invoke(app, ["check", str(EXAMPLE)], color=True, env={"NO_COLOR": "1"})
    assert "\x1b[" not in plain.output and "AM101" in plain.output


def test_a_dash_reads_the_map_from_standard_input(run):
    runner = CliRunner()
    text = EXAMPLE.read_text(encoding="utf-8")
    result = runner.invoke(app, ["check", "-"], input=text)
    assert result.exit_code == 0 and result.stdout.startswith("-:")
    assert "(14 claims, 11 links)" in result.stdout
    as_json = runner.invoke(app, ["convert", "-", "--to", "json", "-o", "-"], input=text)
    assert as_json.exit_code == 0 and as_json.stdout.startswith("{")
    shown = runner.invoke(app, ["show", "-"], input=as_json.stdout)
    assert "14 claims: 1 conclusion" in shown.stdout
    broken = runner.invoke(app, ["check", "-"], input="title: t\n")
    assert broken.exit_code == 2 and "<stdin>:1:1: map: missing required field `claims`" \
        in broken.stderr


def test_new_writes_to_standard_output_with_a_dash(run, tmp_path):
    result = run("new", "Should cities ban cars?", "-o", "-")
    assert result.exit_code == 0 and "Should cities ban cars?" in result.stdout
    assert not (tmp_path / "-").exists()
