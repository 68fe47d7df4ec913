"""The format commands through click's runner, and once through a real subprocess."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest
from ruamel.yaml import YAML

from argmap.cli import app

ROOT = Path(__file__).parents[2]
EXAMPLE = ROOT / "examples" / "car-free-downtown.yaml"



def test_check_example_ok(run):
    result = run("check", EXAMPLE)
    assert result.exit_code == 0, result.output
    assert "car-free-downtown.yaml" in result.output


def test_check_reports_each_problem_with_position_and_exits_2(run, write):
    dangling = write("dangling.yaml", "title: t\nclaims:\n  - id: us-leads\n    text: x\n"
                     "links:\n  - id: l7\n    from: us-leads\n    to: us-lead\n")
    duplicate = write("dup.yaml", "title: t\nclaims:\n  - id: a\n    text: x\n  - id: a\n"
                      "    text: y\n")
    syntax = write("syntax.yaml", "title: t\nclaims: [\n")
    result = run("check", dangling, duplicate, syntax)
    assert result.exit_code == 2
    errors = [line for line in result.stderr.splitlines() if line]
    assert errors == [
        f"{dangling}:8:9: link 'l7' points to unknown claim 'us-lead' (did you mean 'us-leads'?)",
        f"{duplicate}:5:9: duplicate id 'a': already used by claim #1; ids must be unique across"
        " claims and links",
        f"{syntax}:3:1: invalid YAML: did not find expected node content (while parsing a"
        " flow node); the file ends too early (is it cut short?)",
    ]
    assert "Traceback" not in result.output


def test_new_output_passes_check(run, tmp_path):
    out = tmp_path / "cars.yaml"
    result = run("new", "Should cities ban cars downtown?", "-o", out)
    assert result.exit_code == 0
    assert out.read_text().startswith("# Should cities ban cars downtown?\n")
    assert run("check", out).exit_code == 0
    again = run("new", "Other", "-o", out)
    assert again.exit_code == 2 and "exists; use --force" in again.stderr


def test_new_to_stdout(run):
    result = run("new", 'A "quoted" title: with colon')
    assert result.exit_code == 0
    assert 'title: "A \\"quoted\\" title: with colon"' in result.output


def test_show_summarises(run):
    result = run("show", EXAMPLE)
    assert result.exit_code == 0
    # Counted as the audit report counts them.
    assert "14 claims: 1 conclusion, 9 premises, 3 rebuttals, 1 assumption" in result.output
    assert "11 links: 6 supports, 5 attacks" in result.output
    report = run("report", EXAMPLE).output
    assert "- 14 claims: 1 conclusion, 9 premises, 3 rebuttals, 1 assumption" in report
    assert "ban-cars-downtown: The city should ban private cars" in result.output
    assert "toronto-study: Study of retail streets in Toronto" in result.output


def test_convert_yaml_json_yaml(run, tmp_path):
    as_json = tmp_path / "m.json"
    as_yaml = tmp_path / "m.yaml"
    assert run("convert", EXAMPLE, "-o", as_json).exit_code == 0
    assert json.loads(as_json.read_text())["argmap"] == 1
    assert run("convert", as_json, "-o", as_yaml).exit_code == 0
    assert run("check", as_yaml).exit_code == 0


def test_convert_refuses_unknown_format(run, tmp_path):
    result = run("convert", EXAMPLE, "-o", tmp_path / "m.txt")
    assert result.exit_code == 2
    assert "unknown map format '.txt'" in result.stderr


def test_schema_validates_the_example(run):
    result = run("schema")
    schema = json.loads(result.output)
    data = json.loads(json.dumps(YAML(typ="safe").load(EXAMPLE), default=str))
    jsonschema.validate(data, schema)
    data["claims"][0]["kind"] = "opinion"
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(data, schema)


def test_every_command_has_help_with_an_example(run):
    for name, command in app.commands.items():
        assert command.help and "Example:" in command.help, name
        assert run(name, "--help").exit_code == 0


def test_version(run):
    result = run("--version")
    assert result.output.startswith("argmap ")


def test_real_subprocess_errors_without_traceback(write):
    bad = write("bad.yaml", "title: t\nclaims:\n  - id: a\n    text: x\n    kind: premis\n")
    proc = subprocess.run([sys.executable, "-m", "argmap", "check", str(bad)],
                          capture_output=True, text=True, stdin=subprocess.DEVNULL, timeout=60)
    assert proc.returncode == 2
    assert "Traceback" not in proc.stderr
    assert f"{bad}:5:11: claim 'a': `kind`: Input should be" in proc.stderr
    assert "(did you mean 'premise'?)" in proc.stderr
    ok = subprocess.run([sys.executable, "-m", "argmap", "check", str(EXAMPLE)],
                        capture_output=True, text=True, stdin=subprocess.DEVNULL, timeout=60)
    assert ok.returncode == 0, ok.stderr


def test_counts_of_one_are_singular(run, write):
    path = write("one.yaml", "title: t\nclaims:\n  - {id: a, text: A, kind: conclusion}\n"
                 "  - {id: b, text: B}\nlinks:\n  - {from: b, to: a}\n")
    shown = run("show", path).output
    assert "2 claims: 1 conclusion, 1 premise, 0 rebuttals, 0 assumptions" in shown
    assert "1 link: 1 support, 0 attacks" in shown
    assert "(2 claims, 1 link)" in run("check", path).output
