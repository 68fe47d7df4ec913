"""A 10,000-claim map opens, is navigable at once, and is analysed in the background."""

from __future__ import annotations

from pathlib import Path

from tests.tui.bigmap import write_big_map
from tests.tui.conftest import SIZE, cursor_id, settle, tree_of
from tui.app import create_app
from tui.widgets.findings_list import SHOWN_AT_MOST, FindingsList


def built_nodes(app) -> int:
    stack, count = list(tree_of(app).root.children), 0
    while stack:
        node = stack.pop()
        count += 1
        stack.extend(node.children)
    return count


async def test_ten_thousand_claims_open_and_stay_usable(tmp_path: Path) -> None:
    path = write_big_map(tmp_path / "big.json")
    app = create_app(path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        # Before the analysis is done the tree is already there and the keys work.
        assert len(tree_of(app).root.children) == 100
        assert built_nodes(app) < 1000  # rows are built when opened, not all 20,000
        await pilot.press("j", "j", "l")
        assert cursor_id(app) is not None
        await settle(pilot)
        assert app.analysis is not None and app.analysis.map is app.session.map
        findings = app.query_one(FindingsList)
        assert findings.option_count == min(len(app.analysis.findings), SHOWN_AT_MOST)
        # Going to a deep claim builds only the rows on its path.
        assert app.goto("c57-98")
        assert cursor_id(app) == "c57-98"
        assert built_nodes(app) < 2000
        await pilot.press("slash", *"Reason 98 of conclusion 57", "enter")
        assert cursor_id(app) == "c57-98"
