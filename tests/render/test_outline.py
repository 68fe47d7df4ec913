"""The Markdown debate outline: a snapshot of the example; contentions, cards and rebuttals."""

from __future__ import annotations

import os
from pathlib import Path

from argmap.analysis import analyse
from argmap.io import load_map
from argmap.render.outline import outline_markdown

ROOT = Path(__file__).parents[2]
EXAMPLE = ROOT / "examples" / "car-free-downtown.yaml"
SNAPSHOTS = ROOT / "tests" / "fixtures" / "analysis"
UPDATE = os.environ.get("ARGMAP_UPDATE_SNAPSHOTS") == "1"  # regenerate deliberately, then read


def outline_of(path: Path) -> str:
    return outline_markdown(analyse(load_map(path)))


def test_outline_of_the_example_matches_its_snapshot():
    text = outline_of(EXAMPLE)
    path = SNAPSHOTS / "car-free-downtown.outline.md"
    if UPDATE:
        path.write_text(text, encoding="utf-8")
    assert text == path.read_text(encoding="utf-8")


def test_contentions_in_order_of_strength_with_cards():
    text = outline_of(EXAMPLE)
    first = text.index("### Contention 1: Banning cars downtown would bring nitrogen dioxide")
    second = text.index("### Contention 2: Downtown businesses would gain, not lose, customers.")
    assert first < second
    card = ("> **Downtown nitrogen dioxide exceeded the national limit on 41 days in 2023.**  \n"
            "> City environment office, 2023, *Downtown air-quality report 2023*, summary")
    assert card in text[first:second]


def test_rebuttals_show_answers_and_mark_the_unanswered():
    text = outline_of(EXAMPLE)
    rebuttals = text[text.index("### Rebuttals to expect"):]
    toronto = rebuttals.index("**Toronto's shoppers tell us little about a small city")
    assert rebuttals.index("⚠ **Unanswered:**") > toronto
    assert "- **Answer:** Deliveries, taxis and disability permit holders keep access" in rebuttals
    assert rebuttals.count("⚠ **Unanswered:**") == 1


def test_outline_escapes_user_text():
    text = outline_of(SNAPSHOTS / "markdown-in-claims.yaml")
    assert "## We should &lt;script&gt;alert(1)&lt;/script&gt; act \\*\\*now\\*\\*" in text
    assert "**\\- not a list item**" in text
    assert "> “\\_emphasis\\_ &gt; quote”" in text
    assert "<" not in text.replace("<http", "")
