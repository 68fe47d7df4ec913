"""Quote matching is tolerant of typography, not of wording."""

from __future__ import annotations

import pytest

from argmap.analysis.quotes import quote_in

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
