"""`argmap check`: findings as text, JSON and GitHub annotations; rule selection; exit codes."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema

from argmap.analysis.rules.formats import JSON_SCHEMA

ROOT = Path(__file__).parents[2]
EXAMPLE = ROOT / "examples" / "car-free-downtown.yaml"
RULE_MAPS = ROOT / "tests" / "fixtures" / "analysis" / "rules"
CYCLE = RULE_MAPS / "am106-support-cycle.yaml"
MISQUOTE = RULE_MAPS / "am112-misquote.yaml"
ESSAY = RULE_MAPS / "texts" / "essay.txt"



def test_findings_are_file_line_col_code_name_message(run):
    result = run("check", EXAMPLE)
    assert result.exit_code == 0  # warnings and notes only
    lines = result.output.splitlines()
    assert f"{EXAMPLE}:62:5: AM102 unsourced-statistic 'pontevedra-cut' states a figure " \
           "('two thirds'), but the text under review gives it without saying where it comes " \
           "from." in lines
    assert f"{EXAMPLE}:161:5: AM105 unanswered-rebuttal The objection 'different-city' against " \
           "the inference 'toronto-to-business' is not answered on the map." in lines
    assert lines[-1] == f"{EXAMPLE}: 0 errors, 10 warnings, 3 info (14 claims, 11 links)"
    assert "\x1b[" not in result.output  # no colour when not on a terminal


def test_findings_come_in_file_order(run):
    lines = run("check", EXAMPLE).output.splitlines()[:-1]
    places = [tuple(int(x) for x in line.split(":")[1:3]) for line in lines]
    assert places == sorted(places) and len(places) == 13


def test_error_level_finding_exits_1(run):
    result = run("check", CYCLE)
    assert result.exit_code == 1
    assert "AM106 circular-reasoning 'safe' ends up supporting itself (safe -> popular -> safe)" \
        in result.output


def test_unusable_map_exits_2_even_beside_errors(run, write):
    broken = write("broken.yaml", "title: t\nclaims: [\n")
    result = run("check", CYCLE, broken)
    assert result.exit_code == 2
    assert result.stderr.startswith(f"{broken}:3:1: invalid YAML")
    assert "AM106" in result.stdout


def test_select_and_ignore_by_code_name_and_prefix(run):
    result = run("check", EXAMPLE, "--select", "AM101,weak-link")
    codes = {line.split()[1] for line in result.output.splitlines()[:-1]}
    assert codes == {"AM101", "AM103"}
    result = run("check", EXAMPLE, "--ignore", "AM10", "--ignore", "vague-source")
    assert result.output.splitlines()[-1].startswith(f"{EXAMPLE}: ok (14 claims")
    result = run("check", CYCLE, "--ignore", "circular-reasoning")
    assert result.exit_code == 0


def test_unknown_rule_on_the_command_line_exits_2(run):
    result = run("check", EXAMPLE, "--select", "AM999")
    assert result.exit_code == 2
    assert "unknown rule 'AM999'" in result.stderr


def test_hints_are_printed_on_request(run):
    result = run("check", EXAMPLE, "--select", "AM102", "--hints")
    assert "    hint: Cite the study, dataset or report the figure comes from" in result.output


def test_json_output_validates_against_its_schema(run, write):
    broken = write("broken.yaml", "title: t\nclaims: [\n")
    result = run("check", "--format", "json", EXAMPLE, CYCLE, broken)
    assert result.exit_code == 2
    doc = json.loads(result.stdout)
    jsonschema.validate(doc, JSON_SCHEMA)
    example, cycle, bad = doc["files"]
    assert example["usable"] and example["counts"] == {"error": 0, "warning": 10, "info": 3}
    stat = next(f for f in example["findings"] if f["code"] == "AM102")
    assert (stat["target"], stat["line"], stat["column"], stat["severity"]) == (
        "pontevedra-cut", 62, 5, "warning")
    assert cycle["counts"]["error"] == 1
    assert not bad["usable"] and bad["problems"][0]["line"] == 3 and bad["findings"] == []
    assert doc["counts"] == {level: example["counts"][level] + cycle["counts"][level]
                             for level in ("error", "warning", "info")}


def test_github_annotations(run):
    result = run("check", "--format", "github", EXAMPLE)
    lines = result.output.splitlines()
    assert f"::warning file={EXAMPLE},line=62,col=5,title=AM102 unsourced-statistic::" \
           "'pontevedra-cut' states a figure ('two thirds'), but the text under review gives " \
           "it without saying where it comes from." in lines
    assert any(line.startswith("::notice ") and "AM108" in line for line in lines)
    assert all(line.startswith("::") for line in lines)


def test_source_text_checks_quotes_of_the_subject(run, write):
    other = write("other.txt", "Nothing about walking here.")
    result = run("check", RULE_MAPS / "am112-quote-found.yaml", "--source-text", other)
    assert result.exit_code == 1
    assert result.output.count("AM112 quote-not-found") == 2
    result = run("check", MISQUOTE, "--source-text", f"essay={ESSAY}", "--select", "AM112")
    assert result.exit_code == 1  # the essay itself does not hold the misquote


def test_source_text_errors_are_usage_errors(run, write):
    assert "no such file" not in run("check", MISQUOTE, "--source-text", "missing.txt").stderr
    result = run("check", MISQUOTE, "--source-text", "missing.txt")
    assert result.exit_code == 2 and "the file does not exist" in result.stderr
    result = run("check", MISQUOTE, "--source-text", f"nope={ESSAY}")
    assert result.exit_code == 2 and "no source 'nope'" in result.stderr
    result = run("check", RULE_MAPS / "am101-unsourced-premise.yaml", "--source-text", ESSAY)
    assert result.exit_code == 2 and "no `subject` source" in result.stderr


def test_json_map_findings_have_positions(run, tmp_path):
    target = tmp_path / "cycle.json"
    assert run("convert", CYCLE, "-o", target).exit_code == 0
    doc = json.loads(run("check", "--format", "json", target).stdout)
    [finding] = [f for f in doc["files"][0]["findings"] if f["code"] == "AM106"]
    assert finding["line"] is not None and finding["column"] is not None


def test_help_has_an_example(run):
    for command in ("check", "eval", "cruxes", "report", "outline"):
        result = run(command, "--help")
        assert result.exit_code == 0
        assert "  Example:\n    argmap " + command + " " in result.output


def test_source_text_on_the_command_line_is_checked_for_broken_text(run):
    whole = RULE_MAPS / "am121-whole-text.yaml"
    assert run("check", whole, "--select", "broken-text").output.splitlines()[-1].endswith(
        "no findings")
    broken = RULE_MAPS / "texts" / "broken-essay.txt"
    result = run("check", whole, "--select", "AM121", "--source-text", f"essay={broken}")
    assert result.exit_code == 0
    assert "AM121 broken-text The text of source 'essay' is damaged: placeholder '[Insert " \
           "Statistic Here]' (line 3), doubled word 'is is' (line 5)." in result.output


def test_the_reviewer_rules_fire_from_the_command_line(run):
    result = run("check", RULE_MAPS / "am119-vague-attribution.yaml", "--select", "AM119")
    assert "AM119 vague-attribution 'walking-healthy' leans on an unnamed authority " \
           "('Studies show')" in result.output
    result = run("check", RULE_MAPS / "am123-duplicate-link.yaml", "--format", "json")
    codes = [f["code"] for f in json.loads(result.output)["files"][0]["findings"]]
    assert "AM123" in codes


def test_cycles_are_listed_in_the_same_order_whatever_the_hash_seed(tmp_path):
    """AM106 lists at most 20 cycles of a part: which ones, and in what order, must not change
    from one run to the next (Python's string hashing does, with PYTHONHASHSEED)."""
    import os
    import subprocess
    import sys

    claims = [{"id": f"point-{i}", "text": f"Point {i}."} for i in range(7)]
    links = [{"from": f"point-{i}", "to": f"point-{j}", "type": "supports"}
             for i in range(7) for j in range(7) if i != j and (i + j) % 3]
    path = tmp_path / "dense.json"
    path.write_text(json.dumps({"title": "t", "claims": claims, "links": links}),
                    encoding="utf-8")
    outputs = set()
    for seed in ("1", "2", "3"):
        result = subprocess.run([sys.executable, "-m", "argmap", "check", str(path)],
                                capture_output=True, text=True, cwd=ROOT,
                                env={**os.environ, "PYTHONHASHSEED": seed})
        assert result.returncode == 1
        assert result.stdout.count("AM106 circular-reasoning") == 20
        outputs.add(result.stdout)
    assert len(outputs) == 1


def test_on_a_terminal_the_place_is_bold_and_the_code_coloured_by_severity():
    from click.testing import CliRunner

    from argmap.cli import app

    result = CliRunner().invoke(app, ["check", str(EXAMPLE)], color=True)
    lines = result.output.splitlines()
    assert any(line.startswith(f"\x1b[1m{EXAMPLE}:62:5:\x1b[0m \x1b[33m\x1b[1mAM102\x1b[0m "
                               "unsourced-statistic 'pontevedra-cut'") for line in lines)
    assert any("\x1b[36m\x1b[1mAM1" in line for line in lines)  # info in cyan
