"""Helpers for diagram tests: render with the real Graphviz and read the SVG back."""

from __future__ import annotations

import re
import shutil
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path

import pytest

from argmap.model import ArgumentMap
from argmap.render.output import render_bytes

ROOT = Path(__file__).parent.parent.parent
EXAMPLE = ROOT / "examples" / "car-free-downtown.yaml"
SVG = "{http://www.w3.org/2000/svg}"
XLINK_TITLE = "{http://www.w3.org/1999/xlink}title"

needs_dot = pytest.mark.skipif(shutil.which("dot") is None, reason="Graphviz is not installed")


@dataclass
class Shape:
    """One node or edge of a rendered SVG: what a reader sees of it."""

    id: str
    title: str            # the DOT node name, or "tail->head" for an edge
    tooltip: str
    texts: list[str]      # the lines of text drawn in it, in order
    element: ET.Element
    classes: list[str]    # the classes argmap gave it (kind, link type, weak, flagged ...)

    def painted(self, tag: str) -> list[ET.Element]:
        return [e for e in self.element.iter(f"{SVG}{tag}")]

    @property
    def outline(self) -> ET.Element:
        """The first path, polygon or ellipse: a node's border or an edge's line."""
        for e in self.element.iter():
            if e.tag in (f"{SVG}path", f"{SVG}polygon", f"{SVG}ellipse"):
                return e
        raise AssertionError(f"{self.id} has no outline")

    def top(self) -> float:
        """The smallest y of the shape's text (SVG y grows downward)."""
        return min(float(t.get("y", "0")) for t in self.element.iter(f"{SVG}text"))

    def left(self) -> float:
        return min(float(t.get("x", "0")) for t in self.element.iter(f"{SVG}text"))


@dataclass
class Drawing:
    root: ET.Element
    nodes: dict[str, Shape]
    edges: dict[str, Shape]
    clusters: dict[str, Shape]


def parse_svg(data: bytes) -> Drawing:
    """The nodes, edges and clusters of an SVG written by Graphviz, keyed by their ids."""
    root = ET.fromstring(data)
    found: dict[str, dict[str, Shape]] = {"node": {}, "edge": {}, "cluster": {}}
    for g in root.iter(f"{SVG}g"):
        classes = g.get("class", "").split()
        if not classes or classes[0] not in found:
            continue
        kind = classes[0]
        title = g.findtext(f"{SVG}title") or ""
        tips = [a.get(XLINK_TITLE) for a in g.iter(f"{SVG}a") if a.get(XLINK_TITLE) is not None]
        texts = [t.text or "" for t in g.iter(f"{SVG}text")]
        found[kind][g.get("id", "")] = Shape(g.get("id", ""), title, tips[0] if tips else "",
                                              texts, g, classes[1:])
    return Drawing(root, found["node"], found["edge"], found["cluster"])


def render_svg(amap: ArgumentMap, **opts) -> Drawing:
    return parse_svg(render_bytes(amap, "svg", **opts))


def claim_nodes(drawing: Drawing) -> set[str]:
    """Ids of drawn nodes that are not part of the legend."""
    return {n for n in drawing.nodes if not n.startswith("_")}


def points(polygon: ET.Element) -> int:
    """How many corners a polygon has (a tee arrowhead is a box, a normal one a triangle)."""
    return len(re.findall(r"-?[\d.]+,-?[\d.]+", polygon.get("points", ""))) - 1


def make_map(claims: list[dict], links: list[dict] | None = None, **extra) -> ArgumentMap:
    """A map from plain claim and link dicts (ids, texts, kinds ...)."""
    return ArgumentMap.model_validate(
        {"title": extra.pop("title", "test map"), "claims": claims, "links": links or [], **extra}
    )
