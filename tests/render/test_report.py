"""The Markdown audit report: a snapshot of the example, escaping, the sections a reviewer reads."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from argmap.analysis import analyse
from argmap.io import load_map
from argmap.render.report import report_markdown
from argmap.render.verdicts import strength_word

ROOT = Path(__file__).parents[2]
EXAMPLE = ROOT / "examples" / "car-free-downtown.yaml"
SNAPSHOTS = ROOT / "tests" / "fixtures" / "analysis"
UPDATE = os.environ.get("ARGMAP_UPDATE_SNAPSHOTS") == "1"  # regenerate deliberately, then read


def snapshot(name: str, text: str) -> str:
    path = SNAPSHOTS / name
    if UPDATE:
        path.write_text(text, encoding="utf-8")
    return path.read_text(encoding="utf-8")


def test_report_of_the_example_matches_its_snapshot():
    text = report_markdown(analyse(load_map(EXAMPLE)))
    assert text == snapshot("car-free-downtown.report.md", text)


def test_report_opens_with_what_to_fix_then_the_verdict_then_the_details():
    text = report_markdown(analyse(load_map(EXAMPLE)))
    headings = [line for line in text.splitlines() if line.startswith("#")]
    assert headings[:5] == [
        "# Audit report: Our city should ban private cars downtown", "## Fix first",
        "## Verdict", "## Summary", "## Details"]
    assert headings[-3:] == ["## Cruxes", "## Sources", "## How the numbers are computed"]
    assert len(text.splitlines()) < 100  # the old report of this map ran to 125 lines


def test_fix_first_lists_at_most_ten_claims_each_with_its_text_and_problem_on_one_line():
    text = report_markdown(analyse(load_map(ROOT / "maps" / "china-catching-up.yaml")))
    block = text[text.index("## Fix first"):text.index("## Verdict")]
    items = [line for line in block.splitlines() if line[:1].isdigit()]
    assert len(items) == 10 and items[0].startswith("1. `")
    assert all(":" in item and "“" in item or "(source:" in item or "(supports" in item
               or "(attacks" in item for item in items)
    # the unnamed authority the article leans on is among the first things to fix
    assert any("`general-overrated`" in item and "unnamed authority ('People tend to'" in item
               for item in items)


def test_each_conclusion_gets_one_sentence_with_its_cause():
    text = report_markdown(analyse(load_map(ROOT / "maps" / "china-catching-up.yaml")))
    block = text[text.index("## Verdict"):text.index("## Summary")]
    verdicts = [line for line in block.splitlines() if line.startswith("- ")]
    assert len(verdicts) == 3
    # the strength's figure is the evaluation's; the cause is what the verdict adds
    assert "`bifurcation`" in verdicts[0] and ") and it stands, but only 4 of the 58 claims " \
        "beneath it cite evidence" in verdicts[0]


@pytest.mark.parametrize(("value", "word"), [
    (0.5485, "Moderate"), (0.5449, "Doubtful"), (0.7499, "Strong"), (0.3951, "Doubtful"),
    (0.394, "Weak")])
def test_the_verdict_word_agrees_with_the_figure_printed_beside_it(value, word):
    assert strength_word(value) == word  # "Doubtful (0.55)" would contradict itself


def test_a_conclusion_that_falls_names_the_attacker_that_defeats_it():
    text = report_markdown(analyse(load_map(ROOT / "maps" / "core-perspectives.yaml")))
    assert "but it falls: 'cc-no-total-victory' attacks it and nothing on the map defeats " \
        "that" in text


def test_errors_come_first_with_their_claim():
    amap = load_map(ROOT / "tests" / "fixtures" / "analysis" / "rules" / "am112-misquote.yaml")
    text = report_markdown(analyse(amap))
    assert text.index("### AM112 quote-not-found (1 error)") < text.index("### AM10")
    first = text[text.index("## Fix first"):].splitlines()[4]
    assert first.startswith("1. `walking-healthy` “Walking is good for children's health.”: "
                            "quote not found in its source")


def test_no_escaped_backticks_and_code_spans_stay_code():
    amap = load_map(ROOT / "maps" / "us-china-ai-debate.yaml")
    text = report_markdown(analyse(amap))
    assert "\\`" not in text
    assert "(`` ` ``neg-divergence`` ` ``)" in text  # the backticks show, unescaped


@pytest.fixture
def markdown_map():
    return load_map(SNAPSHOTS / "markdown-in-claims.yaml")


def test_user_text_with_markdown_and_html_shows_literally(markdown_map):
    text = report_markdown(analyse(markdown_map))
    assert "<script>" not in text and "<i>" not in text and "<br>" not in text
    assert "We should &lt;script&gt;alert(1)&lt;/script&gt; act \\*\\*now\\*\\*" in text
    assert "\\# Not a heading, and \\[a link\\](http://example.com) \\| a pipe &amp; " \
        "`` ` ``code`` ` ``" in text
    assert "\\`" not in text
    assert "# Audit report: Tags &lt;b&gt;and&lt;/b&gt; \\*stars\\*" in text


SCHEME_MAP = """\
title: Phones in class
claims:
  - {id: ban-phones, text: Schools should ban phones in class., kind: conclusion}
  - {id: lee-says, text: Dr Lee says phones harm pupils' attention.}
  - {id: lee-sleep, text: Dr Lee's research is on sleep rather than attention., kind: rebuttal}
  - {id: lessons-quieter, text: Lessons were quieter after the ban at Hill School.}
links:
  - id: lee
    from: lee-says
    to: ban-phones
    scheme: expert-opinion
    answered: {CQ3: "the newsletter quotes Dr Lee's own words"}
  - {from: lee-sleep, to: lee, type: attacks, answers: CQ2}
  - {from: lessons-quieter, to: ban-phones, scheme: example}
"""


def scheme_report(tmp_path, text=SCHEME_MAP):
    path = tmp_path / "phones.yaml"
    path.write_text(text, encoding="utf-8")
    return report_markdown(analyse(load_map(path)))


def test_open_critical_questions_are_listed_by_link_in_plain_words(tmp_path):
    text = scheme_report(tmp_path)
    block = text[text.index("## Open critical questions"):text.index("## Cruxes")]
    items = [line for line in block.splitlines() if line.startswith(("- ", "  - "))]
    assert items == [
        "- `lee` (supports: `lee-says` → `ban-phones`), argument from expert opinion:",
        "  - CQ1 (expertise): How credible is the source as an expert?",
        "  - CQ4 (trustworthiness): Is the source reliable here, free of bias or a stake in the "
        "answer?",
        "  - CQ5 (consistency): Do other experts agree with the claim?",
        "  - CQ6 (backup evidence): Does the source's assertion rest on evidence?",
        # a link without an id of its own is named by its premise and target
        "- `l2` (supports: `lessons-quieter` → `ban-phones`), argument from example:",
        "  - CQ1 (truth): Is the example itself true?",
        "  - CQ2 (support): Does the example actually support the general claim?",
        "  - CQ3 (typical): Is the example typical of the cases the claim covers?",
        "  - CQ4 (generality): How strong is the general claim; does it admit exceptions?",
        "  - CQ5 (special circumstances): Were there special circumstances in the example that "
        "stop it from generalising?",
    ]
    # the details point there instead of repeating each question
    assert "### AM125 open-critical-question (9 notes)\n\nListed by link under *Open critical " \
        "questions* below." in text
    assert text.index("## Details") < text.index("## Open critical questions")


def test_the_section_is_left_out_without_open_questions_and_follows_the_map_s_lint(tmp_path):
    assert "## Open critical questions" not in report_markdown(analyse(load_map(EXAMPLE)))
    off = SCHEME_MAP.replace("title: Phones in class\n", "title: Phones\nlint: {ignore: [AM125]}\n")
    assert "Open critical questions" not in scheme_report(tmp_path, off)
    quiet = SCHEME_MAP.replace("scheme: example}", "scheme: example, ignore: {AM125: one school}}")
    text = scheme_report(tmp_path, quiet)
    block = text[text.index("## Open critical questions"):text.index("## Cruxes")]
    assert "`lee` (supports" in block and "`l2`" not in block


def test_verdicts_of_conclusions_resting_on_a_circle_count_what_lies_beneath_each():
    """Two conclusions on one circle of supports (a and b support each other): each counts the
    four claims beneath it once, and sees the objection to a claim on the circle."""
    from argmap.model import ArgumentMap
    from argmap.render.verdicts import verdict

    amap = ArgumentMap.model_validate({
        "title": "t", "sources": [{"id": "s", "title": "S", "author": "W", "date": "2024"}],
        "claims": [{"id": "c1", "text": "C1", "kind": "conclusion"},
                   {"id": "c2", "text": "C2", "kind": "conclusion"},
                   {"id": "a", "text": "A"}, {"id": "b", "text": "B"}, {"id": "d", "text": "D"},
                   {"id": "e", "text": "E", "evidence": [{"source": "s", "locator": "p. 1"}]},
                   {"id": "x", "text": "X"}],
        "links": [{"from": "a", "to": "c1"}, {"from": "e", "to": "c1"},
                  {"from": "a", "to": "c2"}, {"from": "e", "to": "c2"},
                  {"from": "b", "to": "a"}, {"from": "a", "to": "b"}, {"from": "d", "to": "b"},
                  {"id": "doubt", "from": "x", "to": "b", "type": "attacks"}]})
    analysis = analyse(amap)
    for cid in ("c1", "c2"):
        sentence = verdict(analysis, cid).sentence
        assert "only 1 of the 4 claims beneath it cite evidence" in sentence, sentence
        assert "the objection 'doubt' goes unanswered" in sentence, sentence
