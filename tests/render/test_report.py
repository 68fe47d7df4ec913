"""The Markdown audit report: a snapshot of the example, escaping, the sections a reviewer reads."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from argmap.analysis import analyse
from argmap.io import load_map
from argmap.render.report import report_markdown

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


def test_report_has_the_sections_a_reviewer_reads():
    text = report_markdown(analyse(load_map(EXAMPLE)))
    headings = [line for line in text.splitlines() if line.startswith("#")]
    assert headings == [
        "# Audit report: Our city should ban private cars downtown", "## Summary",
        "## Conclusions", "## Findings", "### Warnings (11)", "### Notes (3)",
        "## Unsourced statistics", "## Sweeping claims", "## Unanswered objections", "## Cruxes",
        "## How the numbers are computed"]
    assert "- Pontevedra's emissions fell by two thirds within a decade of closing its centre " \
           "to traffic. (`pontevedra-cut`)" in text


def test_errors_come_first_with_the_claim_and_its_evidence():
    amap = load_map(ROOT / "tests" / "fixtures" / "analysis" / "rules" / "am112-misquote.yaml")
    text = report_markdown(analyse(amap))
    assert text.index("### Errors (1)") < text.index("### Warnings")
    block = text[text.index("- **AM112 quote-not-found**"):]
    assert "  - Claim (premise): Walking is good for children's health." in block
    assert "  - Located in the text: A. Student, 2024, *Why we walk*, para 2: " \
           "“walking is great for children”" in block


@pytest.fixture
def markdown_map():
    return load_map(SNAPSHOTS / "markdown-in-claims.yaml")


def test_user_text_with_markdown_and_html_shows_literally(markdown_map):
    text = report_markdown(analyse(markdown_map))
    assert "<script>" not in text and "<i>" not in text and "<br>" not in text
    assert "We should &lt;script&gt;alert(1)&lt;/script&gt; act \\*\\*now\\*\\*" in text
    assert "\\# Not a heading, and \\[a link\\](http://example.com) \\| a pipe &amp; \\`code\\`" \
        in text
    assert "# Audit report: Tags &lt;b&gt;and&lt;/b&gt; \\*stars\\*" in text
