"""Quote matching is tolerant of typography, not of wording."""

from __future__ import annotations

import pytest

from argmap.analysis.text.quotes import normalise, normalised_with_offsets, quote_in, quote_span

TEXT = "Every morning the children’s “walking bus” leaves the park at eight.\nWalking is\ngood."


@pytest.mark.parametrize("quote", [
    'the children\'s "walking bus" leaves',           # straight quotes for curly ones
    "EVERY MORNING the children’s",                    # case
    "at eight. Walking is good",                       # a line break in the text
    "“the park at eight.”",                            # quotation marks around the quote
    "Every morning ... leaves the park",               # an ellipsis skips words
])
def test_quote_found_despite_typography(quote):
    assert quote_in(quote, TEXT)


@pytest.mark.parametrize("quote", [
    "the children's walking bus leaves at seven",
    "leaves the park ... Every morning",              # the parts must come in order
    "walking is great",
])
def test_quote_with_other_words_is_not_found(quote):
    assert not quote_in(quote, TEXT)


@pytest.mark.parametrize(("quote", "expected"), [
    ('the children\'s "walking bus" leaves', "the children’s “walking bus” leaves"),
    ("at eight. Walking is good", "at eight.\nWalking is\ngood"),
    ("“the park at eight.”", "the park at eight."),
    ("Every morning ... leaves the park", "Every morning the children’s “walking bus” leaves "
                                          "the park"),
])
def test_quote_span_points_at_the_words_in_the_text_itself(quote, expected):
    start, end = quote_span(quote, TEXT)
    assert TEXT[start:end] == expected


@pytest.mark.parametrize("quote", [
    'the children\'s "walking bus" leaves', "at eight. Walking is good",
    "the children's walking bus leaves at seven", "leaves the park ... Every morning",
])
def test_quote_span_finds_what_quote_in_finds_and_nothing_else(quote):
    assert (quote_span(quote, TEXT) is not None) == quote_in(quote, TEXT)


def test_offsets_survive_spaced_dashes_ellipses_and_wide_characters():
    text = "Intro — the “plan” … works ﬁne. Ünïcode   spaces\u00a0here."
    assert normalised_with_offsets(text)[0] == normalise(text)
    for quote, expected in [("the \"plan\" ... works fine", "the “plan” … works ﬁne"),
                            ("ünïcode spaces here.", "Ünïcode   spaces\u00a0here.")]:
        start, end = quote_span(quote, text)
        assert text[start:end] == expected


def test_the_shipped_example_text_normalises_the_same_both_ways():
    from pathlib import Path

    text = (Path(__file__).parents[2] / "examples" / "car-free-downtown.txt").read_text()
    assert normalised_with_offsets(text)[0] == normalise(text)
