"""`argmap draft`: the map it writes, what `check` says right after, and the inputs it refuses."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from argmap.cli import app
from argmap.io import load_map

ESSAY = """\
# Should the city ban cars downtown?

Cars make the centre loud and dangerous. Downtown trips average 1.8 km, so most of them could
be walked.

Shop owners say that a ban would ruin their trade. But footfall rose by 12% in Ghent after its
centre closed to cars. Experts agree that cities with fewer cars are healthier.

Therefore the city should ban cars downtown.
"""


def invoke(*args: object, stdin: bytes | None = None):
    return CliRunner().invoke(app, [str(a) for a in args], input=stdin)


@pytest.fixture
def essay(tmp_path: Path) -> Path:
    path = tmp_path / "texts" / "essay.md"
    path.parent.mkdir()
    path.write_text(ESSAY, encoding="utf-8")
    return path


def test_draft_writes_a_map_citing_the_text_by_a_path_relative_to_the_map(essay, tmp_path):
    out = tmp_path / "maps" / "essay.yaml"
    out.parent.mkdir()
    result = invoke("draft", essay, "-o", out)
    assert result.exit_code == 0, result.output
    assert f"wrote {out}" in result.output
    amap = load_map(out)
    assert amap.title == "Should the city ban cars downtown?"
    assert amap.source("text").text == "../texts/essay.md"
    assert out.read_text().startswith("# A first map drafted by `argmap draft` from essay.md")


def test_check_right_after_draft_lists_the_unsourced_figures_and_finds_every_quote(essay,
                                                                                    tmp_path):
    out = tmp_path / "essay.yaml"
    invoke("draft", essay, "-o", out)
    result = invoke("check", out, "--format", "json")
    found = json.loads(result.output)["files"][0]["findings"]
    by_code: dict[str, list[str]] = {}
    for f in found:
        by_code.setdefault(f["code"], []).append(f["target"])
    assert "AM112" not in by_code and "AM116" not in by_code  # every quote is in the text
    figures = {c.id for c in load_map(out).claims if "statistic" in c.tags}
    assert figures and set(by_code["AM102"]) == figures
    assert len(by_code["AM130"]) == len(load_map(out).claims)


def test_title_option_and_stdin(tmp_path):
    out = tmp_path / "m.yaml"
    result = invoke("draft", "-", "-o", out, "--title", "Cars downtown",
                    stdin=ESSAY.encode("utf-8"))
    assert result.exit_code == 0, result.output
    amap = load_map(out)
    assert amap.title == "Cars downtown" and amap.source("text").text is None


def test_without_output_the_map_goes_to_stdout(essay):
    result = invoke("draft", essay)
    assert result.exit_code == 0
    assert "proposed: true" in result.output and "wrote" not in result.output


def test_an_existing_file_is_not_overwritten_without_force(essay, tmp_path):
    out = tmp_path / "essay.yaml"
    out.write_text("keep me\n")
    result = invoke("draft", essay, "-o", out)
    assert result.exit_code == 2 and "--force" in result.output
    assert out.read_text() == "keep me\n"
    assert invoke("draft", essay, "-o", out, "--force").exit_code == 0
    assert "proposed: true" in out.read_text()


def test_the_text_itself_is_never_the_output(tmp_path):
    text = tmp_path / "essay.yaml"
    text.write_text(ESSAY)
    result = invoke("draft", text, "-o", text, "--force")
    assert result.exit_code == 2 and "refusing to replace" in result.output
    assert text.read_text() == ESSAY


@pytest.mark.parametrize("content, says", [
    (b"", "is empty"),
    (b"  \n\t\n", "only white space"),
    (b"%PDF-1.7\n...", "a PDF document"),
    (b"PK\x03\x04rest", "ZIP archive"),
    (b"\x00\x01\x02binary\x00", "not a text file"),
    ("Ca va très bien.".encode("cp1252"), "looks like Windows-1252"),
    ("Straße".encode("utf-16"), "UTF-16"),
])
def test_bad_input_is_refused_with_a_clear_error_and_exit_2(tmp_path, content, says):
    path = tmp_path / "in.txt"
    path.write_bytes(content)
    out = tmp_path / "out.yaml"
    result = invoke("draft", path, "-o", out)
    assert result.exit_code == 2, result.output
    assert says in result.output and str(path) in result.output
    assert "Traceback" not in result.output and not out.exists()


def test_a_directory_or_a_missing_file_is_refused(tmp_path):
    result = invoke("draft", tmp_path)
    assert result.exit_code == 2 and "is a directory" in result.output
    result = invoke("draft", tmp_path / "nope.txt")
    assert result.exit_code == 2 and "cannot read it" in result.output


def test_the_output_must_be_yaml(essay, tmp_path):
    result = invoke("draft", essay, "-o", tmp_path / "m.json")
    assert result.exit_code == 2 and ".yaml" in result.output
