"""`argmap diff` through click's runner: one student map, a folder of them, and what it writes."""

from __future__ import annotations

import csv
import io
import json
import shutil
from pathlib import Path

ROOT = Path(__file__).parents[2]
MODEL = ROOT / "examples" / "car-free-downtown.yaml"
FIXTURES = ROOT / "tests" / "fixtures" / "compare"
MISTAKES = FIXTURES / "car-free-mistakes.yaml"


def test_json_has_the_grading_keys(run):
    result = run("diff", MODEL, MISTAKES, "--format", "json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert list(data) == ["score", "matched", "missing", "extra", "links", "feedback"]
    assert data["score"] == 0.787
    assert data["matched"]["no2-over-limit"] == "pollution-days"
    assert data["missing"] == ["pontevedra-comparable", "different-city"]
    assert data["extra"] == ["nicer"]
    assert {"model": "evaporation-answer", "problem": "wrong-type", "student": ["b11"]} \
        in data["links"]
    assert all(isinstance(s, str) and s.endswith(".") for s in data["feedback"])


def test_text_names_each_claim_and_link_and_ends_with_feedback(run):
    result = run("diff", MODEL, MISTAKES)
    assert result.exit_code == 0
    lines = result.output.splitlines()
    assert lines[0].startswith(f"{MISTAKES} against {MODEL}: score 0.787")
    assert "  missing  pontevedra-comparable: Pontevedra's centre is comparable to our " \
           "downtown." in lines
    assert "  extra    nicer: Streets without cars are more pleasant to walk in." in lines
    assert any(line == "  linked premises split up  air-argument (yours: b1, b2)"
               for line in lines)
    assert "Feedback:" in lines


def test_markdown_is_a_page_with_tables(run):
    result = run("diff", MODEL, MISTAKES, "--format", "md")
    assert result.output.startswith(f"# {MISTAKES} against {MODEL}\n\n**Score: 0.787**")
    assert "| `toronto-to-business` | wrong target | `b6` |" in result.output


def test_a_folder_is_graded_one_row_per_map_and_a_broken_map_does_not_stop_it(run, tmp_path):
    shutil.copy(MISTAKES, tmp_path / "bob.yaml")
    shutil.copy(FIXTURES / "car-free-paraphrased.yaml", tmp_path / "alice.yaml")
    (tmp_path / "carol.yaml").write_text("title: x\nclaims:\n  - id: a\n    txt: oops\n",
                                         encoding="utf-8")
    (tmp_path / "notes.txt").write_text("not a map", encoding="utf-8")
    result = run("diff", MODEL, tmp_path, "--format", "csv")
    assert result.exit_code == 0
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert [Path(r["file"]).name for r in rows] == ["alice.yaml", "bob.yaml", "carol.yaml"]
    assert [r["score"] for r in rows] == ["1.000", "0.787", ""]
    assert rows[1]["links_split"] == "1" and rows[1]["claims_missing"] == "2"
    assert "carol.yaml:4:5" in rows[2]["error"] and "txt" in rows[2]["error"]
    assert "1 of 3 maps could not be read" in result.stderr


def test_a_folder_as_text_gives_a_line_per_map(run, tmp_path):
    shutil.copy(MISTAKES, tmp_path / "bob.yaml")
    result = run("diff", MODEL, tmp_path)
    assert result.stdout == f"{tmp_path / 'bob.yaml'}: score 0.787 (claims 12/14, links 6/11)\n"


def test_output_file_is_written_and_never_replaced_without_force(run, tmp_path):
    out = tmp_path / "grade.json"
    assert run("diff", MODEL, MISTAKES, "--format", "json", "-o", out).exit_code == 0
    assert json.loads(out.read_text(encoding="utf-8"))["score"] == 0.787
    out.write_text("keep me", encoding="utf-8")
    refused = run("diff", MODEL, MISTAKES, "-o", out)
    assert refused.exit_code == 2
    assert f"{out} exists; use --force to overwrite it" in refused.output
    assert out.read_text(encoding="utf-8") == "keep me"
    assert run("diff", MODEL, MISTAKES, "-o", out, "--force").exit_code == 0
    assert out.read_text(encoding="utf-8").startswith(f"{MISTAKES} against")


def test_never_writes_over_a_map_it_read(run, tmp_path):
    student = tmp_path / "student.yaml"
    shutil.copy(MISTAKES, student)
    before = student.read_bytes()
    result = run("diff", MODEL, student, "-o", student, "--force")
    assert result.exit_code == 2
    assert "this is the file the command read" in result.output
    assert student.read_bytes() == before


def test_the_output_file_in_the_class_folder_is_not_graded(run, tmp_path):
    shutil.copy(MISTAKES, tmp_path / "bob.yaml")
    out = tmp_path / "grades.json"
    assert run("diff", MODEL, tmp_path, "--format", "json", "-o", out).exit_code == 0
    again = run("diff", MODEL, tmp_path, "--format", "json", "-o", out, "--force")
    assert again.exit_code == 0
    files = [m["file"] for m in json.loads(out.read_text(encoding="utf-8"))["maps"]]
    assert files == [str(tmp_path / "bob.yaml")]


def test_a_broken_model_or_student_map_exits_2(run, tmp_path):
    broken = tmp_path / "broken.yaml"
    broken.write_text("title: [\n", encoding="utf-8")
    assert run("diff", broken, MISTAKES).exit_code == 2
    result = run("diff", MODEL, broken)
    assert result.exit_code == 2 and "broken.yaml" in result.output


def test_an_empty_folder_is_a_clear_error(run, tmp_path):
    result = run("diff", MODEL, tmp_path)
    assert result.exit_code == 2
    assert "no maps (.yaml, .yml, .json) in this folder" in result.output


def test_text_output_carries_no_control_characters(run, tmp_path):
    student = tmp_path / "evil.json"
    student.write_text(json.dumps({"title": "t", "claims": [
        {"id": "a", "text": "The city should ban \u001b[31mprivate cars\u0007 \u009b downtown."},
        {"id": "b", "text": "Cars\u202e are evil\u001b]0;pwned\u0007"}]}), encoding="utf-8")
    for fmt in ("text", "md", "csv", "json"):
        output = run("diff", MODEL, student, "--format", fmt).stdout
        assert "\x1b" not in output and "\x07" not in output and "\x9b" not in output, fmt
        assert "\u202e" not in output, fmt


def test_output_dash_is_standard_output(run, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = run("diff", MODEL, MISTAKES, "--format", "json", "-o", "-")
    assert json.loads(result.stdout)["extra"] == ["nicer"]
    assert not (tmp_path / "-").exists()


def test_a_folder_as_markdown_is_a_table(run, tmp_path):
    shutil.copy(MISTAKES, tmp_path / "bob.yaml")
    (tmp_path / "eve.json").write_text("{", encoding="utf-8")
    lines = run("diff", MODEL, tmp_path, "--format", "md").stdout.splitlines()
    assert lines[:2] == ["| file | score | claims | links | error |", "|---|---|---|---|---|"]
    assert lines[2] == f"| {tmp_path / 'bob.yaml'} | 0.787 | 12/14 | 6/11 |  |"
    assert lines[3].startswith(f"| {tmp_path / 'eve.json'} |  |  |  | ")
    assert "invalid JSON" in lines[3]
