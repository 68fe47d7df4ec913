"""`argmap eval`, `cruxes`, `report` and `outline` through click's runner."""

from __future__ import annotations

from pathlib import Path

import pytest

from argmap.analysis import analyse, cruxes
from argmap.io import load_map
from argmap.render.outline import outline_markdown
from argmap.render.report import report_markdown

ROOT = Path(__file__).parents[2]
EXAMPLE = ROOT / "examples" / "car-free-downtown.yaml"
CYCLE = ROOT / "tests" / "fixtures" / "analysis" / "rules" / "am106-support-cycle.yaml"



def test_eval_lists_strengths_conclusions_first(run):
    result = run("eval", EXAMPLE)
    assert result.exit_code == 0
    lines = result.output.splitlines()
    assert lines[0] == ("Strength by damped quadratic energy (after Potyka 2018), conclusions "
                        "first (*):")
    assert lines[1].startswith("0.55 * ban-cars-downtown  ")
    assert "0.33   excludes-disabled        A ban would cut off older and disabled residents" \
        in result.output
    assert len(lines) == 15


def test_eval_what_if_shows_before_and_after(run):
    result = run("eval", EXAMPLE, "--what-if", "ban-cleans-air")
    lines = result.output.splitlines()
    assert lines[0].startswith("Without ban-cleans-air (strength by damped quadratic energy")
    assert lines[1] == "0.55 -> 0.46 * ban-cars-downtown        -0.09"
    assert "0.52 ->   —    ban-cleans-air           removed" in lines
    assert "0.80 -> 0.80   no2-over-limit" in lines


def test_eval_what_if_several_claims(run):
    both = run("eval", EXAMPLE, "--what-if", "ban-cleans-air,business-grows").output
    assert both.splitlines()[0].startswith("Without ban-cleans-air, business-grows (")
    assert both == run("eval", EXAMPLE, "--what-if", "ban-cleans-air",
                       "--what-if", "business-grows").output
    assert "0.55 -> 0.43 * ban-cars-downtown" in both


def test_eval_grounded_labels(run):
    result = run("eval", EXAMPLE, "--semantics", "grounded")
    assert result.output.splitlines()[0].startswith("Grounded labels (Dung 1995)")
    assert "OUT     excludes-disabled" in result.output
    assert "IN    * ban-cars-downtown" in result.output


def test_eval_unknown_claim_is_a_usage_error(run):
    result = run("eval", EXAMPLE, "--what-if", "nope")
    assert result.exit_code == 2 and "no claim 'nope' in this map" in result.stderr


def test_eval_notes_a_cyclic_map(run):
    result = run("eval", CYCLE)
    assert result.exit_code == 0
    assert "note: the map has cycles; strengths settled after" in result.stderr


def test_cruxes_top_n(run):
    result = run("cruxes", EXAMPLE, "--top", "2")
    assert result.output.splitlines() == [
        "Cruxes of ban-cars-downtown * by damped quadratic energy (after Potyka 2018): rank, "
        "claim, drop, conclusion before -> after",
        "  1. ban-cleans-air  -0.09  ban-cars-downtown * 0.55 -> 0.46",
        "  2. business-grows  -0.06  ban-cars-downtown * 0.55 -> 0.49",
    ]
    expected = cruxes(load_map(EXAMPLE), top=2)
    assert [c.claim for c in expected] == ["ban-cleans-air", "business-grows"]


@pytest.mark.parametrize(("command", "render"), [("report", report_markdown),
                                                 ("outline", outline_markdown)])
def test_report_and_outline_to_stdout_and_file(run, tmp_path, command, render):
    expected = render(analyse(load_map(EXAMPLE)))
    assert run(command, EXAMPLE).output == expected
    out = tmp_path / f"{command}.md"
    result = run(command, EXAMPLE, "-o", out)
    assert result.exit_code == 0 and out.read_text(encoding="utf-8") == expected
    assert result.stdout == "" and f"wrote {out}" in result.stderr


def test_report_of_a_broken_map_exits_2_and_writes_nothing(run, write, tmp_path):
    broken = write("broken.yaml", "title: t\nclaims: [\n")
    out = tmp_path / "out.md"
    result = run("report", broken, "-o", out)
    assert result.exit_code == 2 and not out.exists()
    assert "invalid YAML" in result.stderr


def test_report_opens_with_what_to_fix_first(run):
    result = run("report", Path(__file__).parents[2] / "maps" / "china-catching-up.yaml")
    assert result.exit_code == 0
    lines = result.output.splitlines()
    assert lines.index("## Fix first") < lines.index("## Verdict") < lines.index("## Details")
    assert len(lines) < 250 and "\\`" not in result.output
