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


_PIECES = ["In ,", "the the", "The the", "[Insert Name Here]", "{{name}}", "<insert x>", "TODO",
           "lorem ipsum", "rose by %", "$ billion", "€ m", "40 %", "$40 billion", "ok ok",
           "İstanbul İstanbul", "had had", "US us", "word.", "(p. 4)", "a\x00a", "x ,", "naïve",
           "naïve naïve", "50%", "rank 3 of 50.", "is\nis", "\t;", "fixme", "Ça ça", "ıt ıt",
           "\u212a k", "—the the", "ſo so"]


def test_the_joined_search_finds_what_each_text_holds():
    import random

    rng = random.Random(19)
    texts = [" ".join(rng.choice(_PIECES) for _ in range(rng.randint(0, 6))) for _ in range(600)]
    expected = [(i, text_flaws(t)) for i, t in enumerate(texts) if text_flaws(t)]
    assert list(text_flaws_in(texts)) == expected
    assert len(expected) > 400  # the pieces make flaws of every kind
    assert {f.kind for _, flaws in expected for f in flaws} == {
        "placeholder", "empty slot", "doubled word"}
