"""The superlative detector (AM120)."""

from __future__ import annotations

import pytest

from argmap.analysis.text.superlatives import superlatives, superlatives_in


@pytest.mark.parametrize(("text", "found"), [
    ("It has the world's most complete hardware chain.", ["the world's most complete"]),
    ("It has the world’s most complete chain.", ["the world’s most complete"]),
    ("A world-leading team built it.", ["world-leading"]),
    ("It works every time without fail.", ["every time without fail"]),
    ("China is the largest producer of drones.", ["the largest"]),
    ("It is the best port in the world.", ["the best"]),
    ("China has the most engineers.", ["the most engineers"]),
    ("Their service is unrivalled and second to none.", ["unrivalled", "second to none"]),
])
def test_boasts_are_found(text, found):
    assert superlatives(text) == found


@pytest.mark.parametrize("text", [
    "Most people walk; the most recent survey agrees.",
    "The best way to learn is to walk.",
    "The gap between the best US models and theirs is closing.",
    "Controls limit access to the most advanced GPUs.",
    "Only the richest countries can take part.",
    "For the most part, traffic fell.",
    "The leading cause of delay is parking.",
    "Things happen in the world.",
    "China's most advanced chips are made abroad.",
])
def test_superlatives_that_pick_something_out_are_not_boasts(text):
    assert superlatives(text) == []


def test_many_texts_at_once_give_what_each_gives():
    texts = ["Plain.", "It is the best.", "Ünrivalled: it is unmatched.", "x"]
    assert list(superlatives_in(texts)) == [(1, ["the best"]), (2, ["unmatched"])]
