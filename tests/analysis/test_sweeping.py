"""The sweeping-wording detector (AM109)."""

from __future__ import annotations

import random

import pytest
from wording_texts import AT_THE_JOIN, random_texts

from argmap.analysis.text import sweeping as sweeping_module
from argmap.analysis.text.sweeping import sweeping


@pytest.mark.parametrize(("text", "found"), [
    ("Nothing can replace it.", ["nothing"]),
    ("It is the only way.", ["only"]),
    ("Cars can't ever be clean and never will be.", ["can't", "never"]),
    ("All cities must act.", ["all"]),
    ("Every city suffers.", ["every"]),
])
def test_sweeping_words_are_found(text, found):
    assert sweeping(text) == found


@pytest.mark.parametrize("text", [
    "A bus comes every ten minutes.",
    "We walk every day.",
    "It is not only cheaper but cleaner.",
    "Only a few shops closed.",
    "They bring standards that not every government wants.",
    "Chips are no longer the only constraint.",
    "Each side holds advantages the other cannot easily copy.",
    "The overall effect was small; all-weather paths help.",
])
def test_frequencies_and_counts_are_not_sweeping(text):
    assert sweeping(text) == []


def test_a_maps_own_phrase_fires_though_its_first_word_alone_is_exempt():
    """A map's `sweeping-words: ["every time"]` is asked for: the exemption of "every" before
    a time is about the built-in word alone."""
    assert sweeping("It works every time without fail.", ["every time"]) == ["every time"]
    assert sweeping("It works every time.") == []
    assert sweeping("Buses run only a few times.", ["only a few"]) == ["only a few"]


def test_the_map_extends_the_word_list_with_words_and_phrases():
    assert sweeping("This is the most effective step, unshakable.", ["most effective",
                                                                     "Unshakable"]) == [
        "most effective", "unshakable"]


@pytest.mark.parametrize("extra", [(), ("most effective", "surely", "24/7", "ſure")])
def test_sweeping_skips_only_texts_where_no_word_can_match(extra):
    pattern, _ = sweeping_module._sweeping_pattern(tuple(extra))
    for text in random_texts(4000, seed=4):
        if not pattern.search(text):
            continue
        assert sweeping(text, extra) == _plain_sweeping(text, extra), text


def _plain_sweeping(text: str, extra: tuple[str, ...]) -> list[str]:
    pattern, _ = sweeping_module._sweeping_pattern(extra)
    hits = [m.group().lower() for m in pattern.finditer(text)
            if (m.group().lower() not in ("every", "only")
                or not sweeping_module._EXEMPT.match(text[m.start():]))
            and not sweeping_module._NEGATED.search(text[:m.start()])
            and not sweeping_module._HEDGED.match(text[m.end():])]
    return list(dict.fromkeys(hits))


@pytest.mark.parametrize("extra", [(), ("most effective", "surely", "24/7", "ſure")])
def test_sweeping_in_gives_what_sweeping_gives_each_text(extra):
    texts = random_texts(1500, seed=20) + AT_THE_JOIN
    random.Random(5).shuffle(texts)
    expected = [(i, found) for i, t in enumerate(texts) if (found := sweeping(t, extra))]
    assert list(sweeping_module.sweeping_in(texts, extra)) == expected




@pytest.mark.parametrize(("before", "found"), [
    ("not" + " " * 40 + "the" + "\n" * 30, []), ("no longer\ta\u2003 ", []),
    ("not the ", []), ("knot ", ["only"]), ("not the very ", ["only"]), ("n't  ", []),
])
def test_a_negation_is_seen_across_any_white_space_before_the_word(before, found):
    assert sweeping(f"It is {before}only way.") == found
