"""The broken-text detector (AM121): placeholders, empty slots, doubled words."""

from __future__ import annotations

import pytest

from argmap.analysis.text.textflaws import text_flaws, text_flaws_in


@pytest.mark.parametrize(("text", "kind", "snippet"), [
    ("The plan [Insert Date Here] works.", "placeholder", "[Insert Date Here]"),
    ("Ask {{name}} first.", "placeholder", "{{name}}"),
    ("TODO: find the source.", "placeholder", "TODO"),
    ("In , the focus was on chips.", "empty slot", "In ,"),
    ("Sales rose by % last year.", "empty slot", "by %"),
    ("The deal was worth $ billion.", "empty slot", "$ billion"),
    ("It is the the best.", "doubled word", "the the"),
    ("It is\nis quiet.", "doubled word", "is is"),
])
def test_flaws_are_found_with_their_kind(text, kind, snippet):
    [flaw] = text_flaws(text)
    assert (flaw.kind, flaw.snippet) == (kind, snippet)
    assert text[flaw.start:flaw.end].split() == snippet.split()


@pytest.mark.parametrize("text", [
    "In 2021, the focus was on chips.",
    "It is what the plan belongs to.",
    "He had had enough; I said that that is fine.",
    "Sales rose by 40 % last year.",
    "The deal was worth $40 billion.",
    "See note [1] and the table (p. 4).",
    "The US us-versus-them story.",
])
def test_whole_text_has_no_flaws(text):
    assert text_flaws(text) == []


def test_joined_texts_keep_their_flaws_apart():
    texts = ["It ends with the", "the next one starts.", "ok ok", "In , a", ""]
    assert [(i, [f.snippet for f in flaws]) for i, flaws in text_flaws_in(texts)] == [
        (2, ["ok ok"]), (3, ["In ,"])]
