"""The details pane says why a claim's strength is what it is: the library's explanation."""

from __future__ import annotations

from pathlib import Path

from tests.tui.conftest import SIZE, cursor_id, detail_text, settle
from tui.app import create_app


async def test_details_explain_the_base_and_name_the_defeating_attack(example_map: Path
                                                                         ) -> None:
    app = create_app(example_map)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("g", *"excludes-disabled", "enter")
        await settle(pilot)
        assert cursor_id(app) == "excludes-disabled"
        text = " ".join(detail_text(app).split())
        assert "Why this strength" in text
        assert "base 0.40: no evidence cited" in text
        assert "-0.07 exemptions-answer: strong, from access-exemptions" in text
        assert ("grounded: OUT, defeated by exemptions-answer from access-exemptions: an "
                "attack nothing defeats") in text


async def test_details_of_the_conclusion_list_its_supports_and_base(example_map: Path
                                                                     ) -> None:
    app = create_app(example_map)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert cursor_id(app) == "ban-cars-downtown"
        text = " ".join(detail_text(app).split())
        assert "base 0.45: only asserted by the text under review" in text
        assert "supports (2), by how much each moves it:" in text
        assert "+0.09 air-to-ban: strong, from ban-cleans-air" in text
        assert "grounded: IN, every attack on it is defeated" in text
