"""The Markdown debate outline: a snapshot of the example; contentions, cards and rebuttals."""

from __future__ import annotations

import os
import re
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


ROUND = ROOT / "tests" / "fixtures" / "debate" / "small-round.yaml"


def test_affirmative_outline_follows_each_exchange_to_its_last_reply():
    text = outline_markdown(analyse(load_map(ROUND)), side="aff")
    rebuttals = text[text.index("### Rebuttals to expect"):]
    buses = rebuttals.index("**Buses cannot run a later schedule.**")
    answer = rebuttals.index("- **Answer:** Staggering the primary and secondary runs", buses)
    reply = rebuttals.index("- **Their reply:** Staggering needs more drivers", answer)
    unanswered = rebuttals.index("⚠ **Unanswered:** the map gives no answer", reply)
    assert buses < answer < reply < unanswered
    # the undercut of the sleep contention has no answer; the screens objection has one
    study = rebuttals.index("**One study of one district does not generalise.**")
    assert rebuttals.index("⚠ **Unanswered:** the map gives no reply", study) > study
    assert "- **Answer:** Screen time is a matter for parents" in rebuttals


def test_negative_outline_has_its_contentions_their_case_and_the_rebuttals():
    text = outline_markdown(analyse(load_map(ROUND)), side="neg")
    assert "## Against: The school should start at nine." in text
    ours = text[:text.index("### Their contentions: your responses")]
    assert ours.count("### Contention ") == 1
    assert "> **Buses cannot run a later schedule.**  \n> District transport office, 2025" in ours
    theirs = text[text.index("### Their contentions"):text.index("### Rebuttals to expect")]
    items = {item.split("**")[1]: item for item in re.split(r"\n(?=\d+\. )", theirs)[1:]}
    sleep = items["Later starts give teenagers more sleep."]
    assert "- **Answer:** One study of one district does not generalise." in sleep
    assert "- **Their reply:** Screen time is a matter for parents" in sleep
    # their reply on screens is left standing: the negative is told to prepare an answer
    screens = sleep.index("Screen time is a matter for parents")
    assert sleep.index("⚠ **Unanswered:** the map gives no answer", screens) > screens
    # the grades contention has no response: the negative is told it stands
    assert "⚠ **Unanswered:** you give no response" in items["Rested students earn better grades."]
    rebuttals = text[text.index("### Rebuttals to expect"):]
    assert "1. **Staggering the primary and secondary runs frees the buses.**" in rebuttals
    assert "- **Answer:** Staggering needs more drivers" in rebuttals
    assert "Unanswered" not in rebuttals


def test_outline_refuses_an_unknown_side():
    import pytest

    from argmap.errors import UsageError

    with pytest.raises(UsageError, match="choose aff or neg"):
        outline_markdown(analyse(load_map(ROUND)), side="judge")
