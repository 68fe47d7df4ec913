"""The one-scan search for words standing whole in many texts gives what asking each text gives."""

from __future__ import annotations

import random
import re

import pytest

from argmap.analysis.text.textscan import prefix_tree, texts_with_words, word_places

WORDS = frozenset({"no", "never", "nevertheless", "all", "a", "ten"})
# Pieces to build texts from: words and near-words, the separator's characters (space, NUL),
# newlines, digits and marks, and non-ASCII letters that fold to ASCII ones ignoring case.
_PIECES = ("no never Never NEVER nevertheless nevermore all All ALL a A ten tent often 10 $ % "
           "x \x00 \n \t ſ K İ é never\x00 \x00all no-one a1 1a").split(" ") + ["\x00", "\n", ""]


def _texts(count: int, seed: int) -> list[str]:
    rng = random.Random(seed)
    glue = [" ", " ", "", "-", ".", "\x00", "\n", ", "]
    return ["".join(rng.choice(_PIECES) + rng.choice(glue) for _ in range(rng.randint(0, 6)))
            for _ in range(count)]


def _plain_places(text: str, words: frozenset[str]) -> list[int]:
    return [m.start() for m in re.finditer("[a-z]+", text.lower()) if m.group() in words]


def _searched_whole(text: str) -> bool:
    return not text.isascii() or "\x00" in text


@pytest.mark.parametrize("seed", range(5))
def test_texts_with_words_lists_what_each_text_says_and_every_text_it_cannot_judge(seed):
    texts = _texts(300, seed)
    expected = [i for i, t in enumerate(texts)
                if _searched_whole(t) or _plain_places(t, WORDS) or any(m in t for m in "$%1")]
    assert texts_with_words(texts, WORDS, "$%1") == expected


@pytest.mark.parametrize("seed", range(5))
def test_word_places_gives_where_each_word_starts_in_its_own_text(seed):
    texts = _texts(300, seed)
    expected = {i: None if _searched_whole(t) else _plain_places(t, WORDS)
                for i, t in enumerate(texts) if _searched_whole(t) or _plain_places(t, WORDS)}
    places = word_places(texts, WORDS)
    assert places == expected
    assert list(places) == sorted(places)


def test_a_word_at_either_end_of_a_text_belongs_to_that_text():
    texts = ["It was never", "all the same", "", "ten", "x", "NO"]
    assert word_places(texts, WORDS) == {0: [7], 1: [0], 3: [0], 5: [0]}
    assert texts_with_words(["4", "x", "y%"], frozenset(), "%4") == [0, 2]


def test_texts_holding_the_end_mark_are_left_to_the_caller_and_do_not_shift_the_others():
    texts = ["never\x00", "calm", "a\x00b never", "then never"]
    assert word_places(texts, WORDS) == {0: None, 2: None, 3: [5]}


def test_no_texts_and_no_words():
    assert texts_with_words([], WORDS) == []
    assert word_places([], WORDS) == {}
    assert texts_with_words(["never", "é"], frozenset()) == [1]


@pytest.mark.parametrize("words", [frozenset({"Never"}), frozenset({"no one"}), frozenset({"né"})])
def test_words_must_be_lower_case_ascii_letters(words):
    with pytest.raises(ValueError, match="lower-case ASCII letters"):
        texts_with_words(["x"], words)


def test_marks_must_not_be_the_end_mark():
    with pytest.raises(ValueError, match="end mark"):
        texts_with_words(["x"], frozenset(), "\x00")


@pytest.mark.parametrize("seed", range(3))
def test_prefix_tree_matches_the_words_and_nothing_else(seed):
    rng = random.Random(seed)
    words = {"".join(rng.choice("abc") for _ in range(rng.randint(1, 4))) for _ in range(15)}
    tree = re.compile(f"(?:{prefix_tree(sorted(words))})")
    candidates = {"".join(rng.choice("abc") for _ in range(rng.randint(1, 5)))
                  for _ in range(300)} | words
    assert {w for w in candidates if tree.fullmatch(w)} == words
