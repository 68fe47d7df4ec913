"""import, export and convert between formats, as a user runs them."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from argmap.io import load_map

ROOT = Path(__file__).parents[2]
FIXTURES = ROOT / "tests" / "fixtures" / "interop"
EXAMPLE = ROOT / "examples" / "car-free-downtown.yaml"


def test_import_argdown_writes_a_map_that_checks(run, tmp_path):
    out = tmp_path / "school.yaml"
    result = run("import", FIXTURES / "later-school-start.argdown", "-o", out)
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith(f"wrote {out} (")
    assert "line 47: contradiction read as two attacks" in result.stderr
    assert load_map(out).claim("later-start").kind == "conclusion"
    assert run("check", out).exit_code in (0, 1)


def test_import_refuses_to_overwrite_without_force(run, tmp_path):
    out = tmp_path / "m.yaml"
    out.write_text("keep me", encoding="utf-8")
    result = run("import", FIXTURES / "four-day-week.kialo.txt", "-o", out)
    assert result.exit_code == 2 and "use --force" in result.stderr
    assert out.read_text(encoding="utf-8") == "keep me"
    assert run("import", FIXTURES / "four-day-week.kialo.txt", "-o", out, "--force").exit_code == 0
    assert len(load_map(out).claims) == 9


def test_import_format_by_option_when_the_extension_does_not_say(run, tmp_path):
    plain = tmp_path / "discussion.txt"
    shutil.copy(FIXTURES / "four-day-week.kialo.txt", plain)
    result = run("import", plain, "-o", tmp_path / "d.yaml")
    assert result.exit_code == 2 and "unknown map format '.txt'" in result.stderr
    assert run("import", plain, "--from", "kialo", "-o", tmp_path / "d.yaml").exit_code == 0


def test_import_microtext_with_its_text_linked(run, tmp_path):
    out = tmp_path / "trees.yaml"
    result = run("import", FIXTURES / "micro_trees.xml", "-o", out, "--link-text")
    assert result.exit_code == 0, result.output
    source = load_map(out).sources[0]
    assert (tmp_path / str(source.text)).resolve() == (FIXTURES / "micro_trees.txt").resolve()


@pytest.mark.parametrize(
    ("name", "where"),
    [
        ("pcs-without-conclusion.argdown", "pcs-without-conclusion.argdown:7:1: "),
        ("missing-parent.kialo.txt", "missing-parent.kialo.txt:5:1: "),
        ("bad-edges.xml", "bad-edges.xml:26: "),
    ],
)
def test_malformed_input_exits_2_with_the_line(run, tmp_path, name, where):
    out = tmp_path / "out.yaml"
    result = run("import", FIXTURES / name, "-o", out)
    assert result.exit_code == 2
    assert where in result.stderr and "Traceback" not in result.output
    assert not out.exists()


def test_export_kialo_says_what_it_dropped(run, tmp_path):
    out = tmp_path / "car.kialo.txt"
    result = run("export", EXAMPLE, "-o", out)
    assert result.exit_code == 0
    assert f"dropped: {out}: linked premises written as separate reasons" in result.stderr
    assert out.read_text(encoding="utf-8").startswith("Discussion Title: Our city should ban")


def test_export_argdown_and_aif_lose_nothing(run, tmp_path):
    for name in ("car.argdown", "car.aif.json"):
        result = run("export", EXAMPLE, "-o", tmp_path / name)
        assert result.exit_code == 0 and result.stderr == ""
        back = tmp_path / f"{name}.yaml"
        assert run("import", tmp_path / name, "-o", back).exit_code == 0
        assert load_map(back).model_dump() == load_map(EXAMPLE).model_dump()


def test_export_needs_a_format_argmap_writes(run, tmp_path):
    result = run("export", EXAMPLE, "-o", tmp_path / "car.txt")
    assert result.exit_code == 2 and "unknown map format" in result.stderr
    result = run("export", EXAMPLE, "-o", tmp_path / "car.xml")
    assert result.exit_code == 2 and "does not write" in result.stderr
    assert run("export", EXAMPLE, "-o", tmp_path / "car.txt", "--to", "kialo").exit_code == 0


def test_convert_any_pair(run, tmp_path):
    argdown = tmp_path / "week.argdown"
    result = run("convert", FIXTURES / "four-day-week.kialo.txt", "-o", argdown)
    assert result.exit_code == 0 and result.stderr == ""
    assert "[schools-should-move-to-a-four-day-week]: Schools should move" in argdown.read_text(
        encoding="utf-8")
    result = run("convert", EXAMPLE, "-o", tmp_path / "car.kialo")
    assert result.exit_code == 0 and "dropped: " in result.stderr


def test_convert_to_argdown_keeps_every_field_and_to_kialo_names_each_loss(run, tmp_path):
    source = FIXTURES / "every-field.yaml"
    argdown, back = tmp_path / "all.argdown", tmp_path / "back.yaml"
    result = run("convert", source, "-o", argdown)
    assert result.exit_code == 0 and result.stderr == ""  # nothing is dropped, so nothing said
    assert run("convert", argdown, "-o", back).exit_code == 0
    assert load_map(back).model_dump() == load_map(source).model_dump()

    kialo = tmp_path / "all.kialo"
    result = run("convert", source, "-o", kialo)
    assert result.exit_code == 0
    said = [line.removeprefix(f"dropped: {kialo}: ") for line in result.stderr.splitlines()]
    for kind_and_count in [
        "argument schemes not kept (a Kialo export has no place for them) on 1 link: lee",
        "critical-question answers not kept (a Kialo export has no place for them) on 2 links: "
        "lee, l1",
        "citations not kept (a Kialo export has no place for them) on 2 claims and links: "
        "lee-says, lee",
        "claim confidences not kept (a Kialo export has no place for them) on 1 claim: lee-says",
        "who said what (said:) not kept (a Kialo export has no place for them) on 1 claim: "
        "lee-says",
        "rules silenced (ignore:) not kept (a Kialo export has no place for them) on 2 claims "
        "and links: lee-says, lee",
        "proposal marks (proposed:) not kept (a Kialo export has no place for them) on 2 claims "
        "and links: lee-says, lee",
        "sources not kept: 2 sources: news, lee-paper",
        "the map's description, subject, defaults, lint not kept (a Kialo export has only a "
        "title)",
    ]:
        assert kind_and_count in said
    # whatever the Kialo file lost is among what was said
    lost = load_map(source).model_dump().keys() - {"argmap", "title", "claims", "links"}
    assert all(any(key in line for line in said) for key in lost)
