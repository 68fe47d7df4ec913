"""What rules share through the RuleContext: link strengths in map order, and work done once."""

from __future__ import annotations

from inline_maps import build, random_map

from argmap.analysis.evaluation.dfquad import Evaluator
from argmap.analysis.evaluation.strengths import Evaluation
from argmap.analysis.index import MapIndex
from argmap.analysis.rules.context import RuleContext, link_strengths


def _context(amap, evaluation=None) -> RuleContext:
    index = MapIndex(amap)
    return RuleContext(map=amap, index=index, evaluation=evaluation or Evaluator(index).run())


def test_link_strengths_are_the_evaluations_in_link_order():
    for seed in range(20):
        ctx = _context(random_map(seed, cyclic=seed % 2 == 1))
        expected = [ctx.evaluation.strengths.get(lid, 0.0) for lid in ctx.index.link_ids]
        assert link_strengths(ctx) == expected


def test_link_strengths_from_an_evaluation_in_another_order_or_with_links_left_out():
    amap = build(["a", "b", "c"], [{"id": "ab", "from": "a", "to": "b"},
                                   {"id": "bc", "from": "b", "to": "c"}])
    shuffled = Evaluation({"bc": 0.2, "ab": 0.3, "a": 1.0, "b": 0.5, "c": 0.1}, 1, True, False)
    assert link_strengths(_context(amap, shuffled)) == [0.3, 0.2]
    missing = Evaluation({"a": 1.0, "b": 0.5, "c": 0.1, "bc": 0.2}, 1, True, False)
    assert link_strengths(_context(amap, missing)) == [0.0, 0.2]


def test_shared_work_is_done_once_inside_sharing_and_afresh_outside_it():
    ctx = _context(build(["a"]))
    calls: list[int] = []

    def work() -> int:
        calls.append(1)
        return len(calls)

    assert (ctx.shared("k", work), ctx.shared("k", work)) == (1, 2)
    with ctx.sharing():
        assert ctx.is_sharing
        with ctx.sharing():  # a nested block keeps the outer one's work
            assert ctx.shared("k", work) == 3
        assert ctx.shared("k", work) == 3
    assert not ctx.is_sharing
    assert ctx.shared("k", work) == 4
