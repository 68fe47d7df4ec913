"""render_bytes / render_file: format, layout choice, atomic writing, Graphviz errors."""

from __future__ import annotations

import pytest
from svgread import make_map, needs_dot, parse_svg

from argmap.errors import UsageError
from argmap.render.output import (
    SFDP_ABOVE,
    GraphvizMissing,
    RenderError,
    choose_layout,
    output_format,
    render_bytes,
    render_file,
)


def test_the_format_comes_from_the_option_or_the_extension():
    assert output_format("map.SVG") == "svg"
    assert output_format("map.gv") == "dot"
    assert output_format("map.mmd") == "mermaid"
    assert output_format("map.txt", "mmd") == "mermaid"
    with pytest.raises(UsageError, match="cannot tell the format from 'a name without ext"):
        output_format("map")
    with pytest.raises(UsageError, match="unknown format 'jpg'"):
        output_format("map.svg", "jpg")


def test_dot_up_to_the_measured_size_and_sfdp_above_it():
    assert choose_layout(SFDP_ABOVE) == "dot"
    assert choose_layout(SFDP_ABOVE + 1) == "sfdp"
    assert choose_layout(SFDP_ABOVE + 1, "dot") == "dot"
    with pytest.raises(UsageError, match="unknown layout 'neato': use dot or sfdp"):
        choose_layout(3, "neato")


@needs_dot
def test_a_focused_render_counts_only_the_claims_it_draws(monkeypatch):
    big = make_map([{"id": f"c{i}", "text": f"C{i}"} for i in range(5)],
                   [{"from": f"c{i}", "to": "c0"} for i in range(1, 5)])
    monkeypatch.setattr("argmap.render.output.SFDP_ABOVE", 3)
    assert b"_legend" not in render_bytes(big, "svg")                 # 5 claims: sfdp
    focused = render_bytes(big, "svg", focus="c1", depth=0)           # 1 claim: dot
    assert b"_legend" in focused
    assert set(parse_svg(focused).nodes) - {n for n in parse_svg(focused).nodes
                                            if n.startswith("_")} == {"c1"}


def test_missing_graphviz_leaves_the_old_file(tmp_path, monkeypatch):
    out = tmp_path / "map.svg"
    out.write_bytes(b"old")
    monkeypatch.setenv("PATH", "")
    amap = make_map([{"id": "a", "text": "A"}])
    with pytest.raises(GraphvizMissing, match="apt-get install graphviz"):
        render_file(amap, out)
    assert out.read_bytes() == b"old"
    assert render_file(amap, tmp_path / "map.mmd").read_text(encoding="utf-8").startswith("%%")


def test_a_graphviz_failure_is_reported_with_its_message(tmp_path, monkeypatch):
    fake = tmp_path / "bin" / "dot"
    fake.parent.mkdir()
    fake.write_text("#!/bin/sh\necho 'Error: out of memory' >&2\nexit 1\n", encoding="utf-8")
    fake.chmod(0o755)
    monkeypatch.setenv("PATH", str(fake.parent))
    out = tmp_path / "map.svg"
    with pytest.raises(RenderError, match="Graphviz `dot` failed: Error: out of memory"):
        render_file(make_map([{"id": "a", "text": "A"}]), out)
    assert not out.exists()
