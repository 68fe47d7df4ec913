"""Slides: one 16:9 picture per conclusion and per contention, in type a class can read."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

import pytest
from svgread import ROOT, SVG, make_map, needs_dot

from argmap.analysis import analyse
from argmap.errors import UsageError
from argmap.io import load_map
from argmap.render.slides import MAX_LINKS, plan_slides, write_slides


def test_one_slide_per_conclusion_then_one_per_contention(example):
    slides = plan_slides(example, analyse(example))
    assert [s.name for s in slides] == ["01-ban-cars-downtown", "02-ban-cleans-air",
                                        "03-business-grows", "04-excludes-disabled"]
    assert [s.title for s in slides] == ["Conclusion 1", "Contention 1", "Contention 2",
                                         "Objection 1"]
    first = {c.id for c in slides[0].scope.claims}
    assert first == {"ban-cars-downtown", "ban-cleans-air", "business-grows",
                     "excludes-disabled"}
    # A contention's slide shows what it bears on, its reasons, and the undercut of a reason.
    business = slides[2].scope
    assert business.focus == "business-grows"
    assert {"ban-cars-downtown", "walkers-spend-more", "toronto-most-not-by-car",
            "different-city"} <= {c.id for c in business.claims}
    assert "toronto-undercut" in {lk.ident for lk in business.links}
    assert "toronto-to-business" in business.hubs


def test_a_claim_with_many_reasons_is_split_over_several_slides():
    reasons = [{"id": f"r{i}", "text": f"Reason {i}"} for i in range(MAX_LINKS + 2)]
    amap = make_map([{"id": "c", "text": "C", "kind": "conclusion"}, *reasons],
                    [{"from": r["id"], "to": "c"} for r in reasons])
    slides = plan_slides(amap)[:2]
    assert [s.title for s in slides] == ["Conclusion 1 (1 of 2)", "Conclusion 1 (2 of 2)"]
    assert [len(s.scope.links) for s in slides] == [MAX_LINKS, 2]


def test_a_map_without_conclusions_starts_from_the_claims_that_bear_on_nothing():
    amap = make_map([{"id": "top", "text": "Top"}, {"id": "r", "text": "R"}],
                    [{"from": "r", "to": "top"}])
    assert [s.name for s in plan_slides(amap)] == ["01-top", "02-r"]


def _size(png: bytes) -> tuple[int, int]:
    return int.from_bytes(png[16:20], "big"), int.from_bytes(png[20:24], "big")


def _claim_type_px(svg: bytes) -> float:
    """How tall (em, in pixels of a 1920-pixel-wide slide) claim text is drawn (the largest
    type in the boxes; the source line under it is smaller)."""
    root = ET.fromstring(svg)
    width = float(root.get("viewBox").split()[2])
    scale = float(re.search(r"scale\(([\d.]+)", root.find(f"{SVG}g").get("transform")).group(1))
    sizes = [float(t.get("font-size")) for g in root.iter(f"{SVG}g")
             if g.get("class", "").startswith("node") and not g.get("id", "").startswith("_")
             for t in g.iter(f"{SVG}text")]
    return max(sizes) * scale * 1920 / width


@needs_dot
def test_slides_are_1920_by_1080_in_large_type(tmp_path, example):
    written = write_slides(example, tmp_path / "slides", analysis=analyse(example))
    assert [p.name for p in written][:2] == ["01-ban-cars-downtown.png",
                                             "01-ban-cars-downtown.svg"]
    for path in written:
        data = path.read_bytes()
        if path.suffix == ".png":
            assert _size(data) == (1920, 1080), path.name
        else:
            assert _claim_type_px(data) >= 36, path.name   # 18 pt on a 7.5-inch slide
            assert b"Legend" in data


@needs_dot
def test_the_largest_shipped_map_gives_readable_slides(tmp_path):
    amap = load_map(ROOT / "maps" / "china-catching-up.yaml")
    written = write_slides(amap, tmp_path, analysis=analyse(amap), formats=("svg",))
    assert len(written) >= 10
    assert min(_claim_type_px(p.read_bytes()) for p in written) >= 30


@needs_dot
def test_existing_slides_are_kept_without_force(tmp_path, example):
    write_slides(example, tmp_path, formats=("svg",))
    before = (tmp_path / "01-ban-cars-downtown.svg").read_bytes()
    with pytest.raises(UsageError, match="exists; use --force"):
        write_slides(example, tmp_path, formats=("svg",), theme="dark")
    assert (tmp_path / "01-ban-cars-downtown.svg").read_bytes() == before
    write_slides(example, tmp_path, formats=("svg",), theme="dark", force=True)
    assert (tmp_path / "01-ban-cars-downtown.svg").read_bytes() != before
