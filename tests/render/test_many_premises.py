"""A link with very many co-premises draws in linear size: each premise's edge carries a short
tooltip, and tooltips count the premises past a few instead of listing them all."""

from __future__ import annotations

from argmap.analysis import analyse
from argmap.model import ArgumentMap
from argmap.render.graphviz import build_dot


def _linked(n: int) -> ArgumentMap:
    return ArgumentMap.model_validate({
        "title": "t",
        "claims": [{"id": "c", "text": "C", "kind": "conclusion"},
                   *({"id": f"p{i}", "text": f"Premise {i}."} for i in range(n))],
        "links": [{"id": "big", "from": [f"p{i}" for i in range(n)], "to": "c"},
                  {"from": "p0", "to": "big", "type": "attacks"}]})


def _dot(n: int) -> str:
    amap = _linked(n)
    return build_dot(amap, analyse(amap)).source


def test_the_dot_of_a_link_grows_linearly_with_its_co_premises():
    small, large = len(_dot(50)), len(_dot(400))
    assert large < small * 8 * 1.2  # eight times the premises: about eight times the text


def test_every_premise_is_still_drawn_and_the_tooltips_count_the_rest():
    dot = _dot(300)
    assert all(f'id="big:from:p{i}"' in dot for i in range(300))
    assert "p0 + p1 + p2 + p3 + p4 + p5 + … (300 premises in all) supports c" in dot
    assert "co-premise 17 of 300 of link big" in dot


def test_a_link_with_few_premises_lists_them_all():
    assert "p0 + p1 + p2 supports c" in _dot(3)
