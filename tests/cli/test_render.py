"""`argmap render` through click's runner: formats, options, errors a user meets."""

from __future__ import annotations

import shutil
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

ROOT = Path(__file__).parents[2]
EXAMPLE = ROOT / "examples" / "car-free-downtown.yaml"
SVG = "{http://www.w3.org/2000/svg}"
needs_dot = pytest.mark.skipif(shutil.which("dot") is None, reason="Graphviz is not installed")


def _node_ids(svg: Path) -> set[str]:
    root = ET.parse(svg).getroot()
    return {g.get("id", "") for g in root.iter(f"{SVG}g")
            if "node" in g.get("class", "").split() and not g.get("id", "").startswith("_")}


@needs_dot
@pytest.mark.parametrize(("name", "magic"), [
    ("map.svg", b"<?xml"), ("map.png", b"\x89PNG"), ("map.pdf", b"%PDF"),
    ("map.dot", b"digraph argmap {"), ("map.mmd", b"%% Our city"),
])
def test_the_extension_chooses_the_format(run, tmp_path, name, magic):
    out = tmp_path / name
    result = run("render", EXAMPLE, "-o", out)
    assert result.exit_code == 0, result.output
    assert result.output == f"wrote {out}\n"
    assert out.read_bytes().startswith(magic)


def test_format_option_wins_over_the_extension(run, tmp_path):
    out = tmp_path / "diagram.txt"
    assert run("render", EXAMPLE, "-o", out, "--format", "mermaid").exit_code == 0
    assert "flowchart BT" in out.read_text(encoding="utf-8")
    assert run("render", EXAMPLE, "-o", out, "--format", "dot", "--force").exit_code == 0
    assert out.read_text(encoding="utf-8").startswith("digraph argmap {")


def test_an_unknown_extension_is_a_clear_error(run, tmp_path):
    result = run("render", EXAMPLE, "-o", tmp_path / "map.jpeg")
    assert result.exit_code == 2
    assert "cannot tell the format from '.jpeg'" in result.output
    assert "--format" in result.output
    assert not (tmp_path / "map.jpeg").exists()


@needs_dot
def test_focus_and_depth_draw_the_neighbourhood(run, tmp_path):
    out = tmp_path / "part.svg"
    result = run("render", EXAMPLE, "-o", out, "--focus", "business-grows", "--depth", "1")
    assert result.exit_code == 0, result.output
    assert _node_ids(out) == {"business-grows", "walkers-spend-more", "toronto-most-not-by-car",
                              "ban-cars-downtown"}


def test_an_unknown_focus_names_the_near_ids(run, tmp_path):
    result = run("render", EXAMPLE, "-o", tmp_path / "x.dot", "--focus", "business")
    assert result.exit_code == 2
    assert "no claim 'business' in the map; did you mean business-grows?" in result.output


def test_options_reach_the_dot_text(run, tmp_path):
    out = tmp_path / "map.dot"
    args = ("--rankdir", "LR", "--theme", "dark", "--clusters")
    assert run("render", EXAMPLE, "-o", out, *args).exit_code == 0
    dot = out.read_text(encoding="utf-8")
    assert "rankdir=LR" in dot and "bgcolor=\"#1e1e1e\"" in dot
    assert "subgraph cluster_tag_1" in dot


@needs_dot
def test_sfdp_layout_renders(run, tmp_path):
    out = tmp_path / "map.svg"
    assert run("render", EXAMPLE, "-o", out, "--layout", "sfdp").exit_code == 0
    assert len(_node_ids(out)) == 17  # 14 claims and 3 inference nodes
    assert "_legend" not in out.read_text(encoding="utf-8")  # sfdp cannot keep a legend boxed


def test_missing_graphviz_is_a_clear_error_naming_the_package(run, tmp_path, monkeypatch):
    out = tmp_path / "map.svg"
    out.write_text("the old picture", encoding="utf-8")
    monkeypatch.setenv("PATH", str(tmp_path / "empty"))
    result = run("render", EXAMPLE, "-o", out, "--force")
    assert result.exit_code == 2
    assert "Graphviz's `dot` program was not found" in result.output
    assert "apt-get install graphviz" in result.output
    assert "Traceback" not in result.output
    assert out.read_text(encoding="utf-8") == "the old picture"
    # DOT and Mermaid text need no Graphviz.
    assert run("render", EXAMPLE, "-o", tmp_path / "map.dot").exit_code == 0


def test_a_map_that_does_not_load_is_reported_not_rendered(run, tmp_path):
    bad = tmp_path / "bad.yaml"
    bad.write_text("title: t\nclaims:\n  - id: a\n    text: A\n    kind: opinion\n",
                   encoding="utf-8")
    result = run("render", bad, "-o", tmp_path / "x.svg")
    assert result.exit_code == 2
    assert f"{bad}:5" in result.output
    assert not (tmp_path / "x.svg").exists()


def test_help_has_an_example(run):
    result = run("render", "--help")
    assert "Example:" in result.output and "argmap render" in result.output


def test_flags_and_strength_come_from_the_maps_analysis(run, tmp_path):
    out = tmp_path / "map.dot"
    assert run("render", EXAMPLE, "-o", out, "--strength").exit_code == 0
    dot = out.read_text(encoding="utf-8")
    assert "AM101 unsourced-premise" in dot and 'class="premise unsourced"' in dot
    assert "strength 0.55" in dot  # the conclusion's strength (damped quadratic energy)
    assert run("render", EXAMPLE, "-o", out, "--no-flags", "--force").exit_code == 0
    dot = out.read_text(encoding="utf-8")
    assert "⚠" not in dot.split("cluster_legend")[0] and "strength 0." not in dot


def test_the_map_itself_is_never_overwritten(run, tmp_path):
    amap = tmp_path / "map.yaml"
    amap.write_bytes(EXAMPLE.read_bytes())
    result = run("render", amap, "-o", amap, "--format", "dot")
    assert result.exit_code == 2
    assert "this is the file the command read; refusing to replace it" in result.output
    assert amap.read_bytes() == EXAMPLE.read_bytes()


@needs_dot
def test_html_writes_one_self_contained_page(run, tmp_path):
    out = tmp_path / "map.html"
    result = run("render", EXAMPLE, "-o", out)
    assert result.exit_code == 0, result.output
    page = out.read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>") and '<svg id="diagram"' in page
    assert "Text under review" in page and "Our downtown is choking." in page
    assert run("render", EXAMPLE, "-o", out).exit_code == 2  # exists: needs --force
    assert run("render", EXAMPLE, "-o", out, "--force").exit_code == 0


@needs_dot
def test_slides_write_a_picture_per_conclusion_and_contention(run, tmp_path):
    folder = tmp_path / "slides"
    result = run("render", EXAMPLE, "--slides", folder)
    assert result.exit_code == 0, result.output
    names = sorted(p.name for p in folder.iterdir())
    assert names == sorted(f"{stem}.{ext}" for stem in (
        "01-ban-cars-downtown", "02-ban-cleans-air", "03-business-grows",
        "04-excludes-disabled") for ext in ("png", "svg"))
    assert result.output.count("wrote ") == 8
    again = run("render", EXAMPLE, "--slides", folder)
    assert again.exit_code == 2 and "use --force" in again.output


def test_output_and_slides_are_asked_for_one_at_a_time(run, tmp_path):
    for args in ([], ["-o", tmp_path / "a.svg", "--slides", tmp_path / "s"]):
        result = run("render", EXAMPLE, *args)
        assert result.exit_code == 2
        assert "give either -o/--output FILE or --slides DIR" in result.output


@needs_dot
def test_a_picture_wider_than_two_screens_gets_a_warning(tmp_path):
    from click.testing import CliRunner

    from argmap.cli import app

    runner = CliRunner()
    wide = runner.invoke(app, ["render", str(ROOT / "maps" / "china-catching-up.yaml"),
                               "-o", str(tmp_path / "wide.svg")])
    assert wide.exit_code == 0
    assert "warning: the picture is" in wide.stderr and "--slides DIR" in wide.stderr
    assert "warning" not in wide.stdout
    small = runner.invoke(app, ["render", str(EXAMPLE), "-o", str(tmp_path / "small.png")])
    assert small.exit_code == 0 and "warning" not in small.stderr
