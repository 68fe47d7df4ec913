"""Case-insensitive patterns searched in the lower-cased text: the same matches as IGNORECASE."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from argmap.draft.caseless import Caseless
from argmap.draft.conclusion import _OPINION, _RECOMMEND, _VERDICT
from argmap.draft.markers import _PATTERN
from argmap.draft.tags import _HEDGES

_PIECES = ["Should", "MUST", "i think", "I Think", "because", "BUT", "so", "As", "may", "Likely",
           "is fair", "IS UNFAIR", "ſhould", "İ", "K", "ß", "straße", " ", ", ", ".", "ought to"]


@pytest.mark.parametrize("caseless", [_RECOMMEND, _OPINION, _VERDICT, _PATTERN, _HEDGES])
@given(st.lists(st.sampled_from(_PIECES), max_size=12))
def test_the_same_matches_at_the_same_places_as_ignorecase(caseless, pieces):
    text = " ".join(pieces)
    reference = re.compile(caseless.pattern, re.IGNORECASE)
    assert [m.span() for m in caseless.finditer(text)] == [
        m.span() for m in reference.finditer(text)]
    found, expected = caseless.search(text), reference.search(text)
    assert (found and found.span()) == (expected and expected.span())


def test_a_pattern_with_a_capital_is_refused():
    with pytest.raises(ValueError, match="lower case"):
        Caseless(r"\bI think\b")
    assert Caseless(r"\Asaid\b").search("SAID so").span() == (0, 4)  # escapes are no letters
