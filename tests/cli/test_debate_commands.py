"""`argmap outline --side` and `argmap flow` through click's runner: what is printed, the files
written, and the files they refuse to replace."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest

from argmap.analysis import analyse
from argmap.io import load_map
from argmap.render.flow import flow_sheets
from argmap.render.flow_output import flow_markdown
from argmap.render.outline import outline_markdown

ROOT = Path(__file__).parents[2]
ROUND = ROOT / "tests" / "fixtures" / "debate" / "small-round.yaml"
CASE = ROOT / "maps" / "us-china-ai-debate.yaml"


def test_outline_sides(run):
    aff = run("outline", ROUND).output
    assert aff == run("outline", ROUND, "--side", "aff").output
    assert aff == outline_markdown(analyse(load_map(ROUND)))
    neg = run("outline", ROUND, "--side", "neg").output
    assert neg == outline_markdown(analyse(load_map(ROUND)), side="neg")
    assert neg.startswith("# Debate outline: Resolved: the school should start at nine (negative)")
    assert "### Contention 1: Buses cannot run a later schedule." in neg
    assert "### Contention" not in neg.split("### Their contentions", 1)[1]


def test_outline_refuses_an_unknown_side(run):
    result = run("outline", ROUND, "--side", "judge")
    assert result.exit_code == 2 and "judge" in result.stderr


def test_flow_prints_markdown(run):
    result = run("flow", ROUND)
    assert result.exit_code == 0
    assert result.output == flow_markdown(flow_sheets(analyse(load_map(ROUND))),
                                          load_map(ROUND).title)


@pytest.mark.parametrize("suffix", [".md", ".html", ".csv"])
def test_flow_writes_the_format_its_name_asks_for(run, tmp_path, suffix):
    out = tmp_path / f"flow{suffix}"
    result = run("flow", ROUND, "-o", out)
    assert result.exit_code == 0 and result.stdout == ""
    assert f"wrote {out}" in result.stderr
    text = out.read_text(encoding="utf-8")
    if suffix == ".html":
        assert text.startswith("<!DOCTYPE html>") and "<table>" in text
    elif suffix == ".csv":
        rows = list(csv.reader(io.StringIO(text)))
        assert rows[0][:3] == ["sheet", "row", "Contention"] and len(rows) == 5
    else:
        assert text.startswith("# Flow: ") and "**dropped**" in text


@pytest.mark.parametrize("command", [["flow"], ["outline", "--side", "neg"]])
def test_refuses_to_overwrite_without_force(run, tmp_path, command):
    out = tmp_path / "out.md"
    out.write_text("my notes", encoding="utf-8")
    result = run(*command[:1], ROUND, *command[1:], "-o", out)
    assert result.exit_code == 2 and "--force" in result.stderr
    assert out.read_text(encoding="utf-8") == "my notes"
    result = run(*command[:1], ROUND, *command[1:], "-o", out, "--force")
    assert result.exit_code == 0 and out.read_text(encoding="utf-8") != "my notes"


def test_flow_never_replaces_the_map_it_reads(run, tmp_path):
    copy = tmp_path / "round.md"
    copy.write_bytes(ROUND.read_bytes())
    before = copy.read_bytes()
    result = run("flow", copy, "-o", copy, "--force")
    assert result.exit_code == 2 and copy.read_bytes() == before


def test_flow_refuses_an_unknown_format(run, tmp_path):
    result = run("flow", ROUND, "-o", tmp_path / "flow.pdf")
    assert result.exit_code == 2 and ".md, .html or .csv" in result.stderr
    assert not (tmp_path / "flow.pdf").exists()


def test_help_has_an_example(run):
    for command in ("outline", "flow"):
        result = run(command, "--help")
        assert result.exit_code == 0
        assert "  Example:\n    argmap " + command + " " in result.output


def test_flow_of_the_shipped_case(run, tmp_path):
    out = tmp_path / "flow.csv"
    assert run("flow", CASE, "-o", out).exit_code == 0
    rows = list(csv.reader(io.StringIO(out.read_text(encoding="utf-8"))))
    sheets = {row[0] for row in rows[1:]}
    assert len(sheets) == 2 and all(s.startswith("Case ") for s in sheets)


def test_a_broken_map_exits_2_and_writes_nothing(run, tmp_path):
    broken = tmp_path / "broken.yaml"
    broken.write_text("title: t\nclaims: [\n", encoding="utf-8")
    for command in ("flow", "outline"):
        out = tmp_path / f"{command}.md"
        result = run(command, broken, "-o", out)
        assert result.exit_code == 2 and not out.exists()
        assert "invalid YAML" in result.stderr
