"""The statistic detector (AM102)."""

from __future__ import annotations

import random
import re

import pytest
from wording_texts import AT_THE_JOIN, random_texts

from argmap.analysis.text import wording
from argmap.analysis.text.wording import statistics


@pytest.mark.parametrize(("text", "found"), [
    ("Output rose 40% last year.", ["40%"]),
    ("GDP grew 3.5 percent.", ["3.5 percent"]),
    ("Forty percent of voters agree.", ["Forty percent"]),
    ("Emissions fell by two thirds.", ["two thirds"]),
    ("Half of all shoppers walk.", ["Half of all shoppers"]),
    ("One in five adults cycles.", ["One in five"]),
    ("China hosts 6 of the top 16 labs.", ["6 of the top 16"]),
    ("It is the third-largest economy.", ["third-largest"]),
    ("It ranks 2nd in Europe.", ["2nd"]),
    ("The new chips are 3x faster.", ["3x"]),
    ("Bikes are twice as fast in town.", ["twice"]),
    ("The deal is worth $40 billion.", ["$40 billion"]),
    ("It cost €3m to build.", ["€3m"]),
    ("Traffic crawls at 9 km/h.", ["9 km/h"]),
    ("Chips are made at 7 nm.", ["7 nm"]),
    ("The limit was broken on 41 days in 2023.", ["41 days"]),
    ("1,200,000 people live there.", ["1,200,000 people"]),
    ("2000 people signed the petition.", ["2000 people"]),
    ("Prices rose 5% in 2020.", ["5%"]),
    ("Tools trail by 1 to 2 release cycles.", ["1 to 2"]),
    ("The lead is 2 years.", ["2 years"]),
    ("Permits are issued in 41 days.", ["41 days"]),
    ("ByteDance has 6 of the world's top 16 models.", ["6 of the world's top 16"]),
    ("It handles millions of transactions.", ["millions of transactions"]),
])
def test_statistics_are_found(text, found):
    assert statistics(text) == found


@pytest.mark.parametrize("text", [
    "The law changed in 2019.",
    "The 2023 report says so.",
    "Things were different in the 1990s.",
    "Ban cars in the twelve blocks around the square.",
    "A shuttle loops every ten minutes.",
    "Cities changed in the 21st century.",
    "Walking is good for children.",
    "Models from the start-up 01.AI rank well.",
    "GPT-4 writes code.",
    "Traffic peaks during the Double 11 shopping festival.",
    "It runs on Windows 11 machines.",
])
def test_years_in_passing_and_spelled_small_numbers_are_not_statistics(text):
    assert statistics(text) == []


@pytest.mark.parametrize("text", [
    "AGI may come within 5 to 10 years.",
    "It will happen in the next 10 years.",
    "In 5 years the plan ends.",
    "Over the past 20 years the city grew.",
    "The ban holds for 10 years.",
    "Ten years from now, 10 years from now, nothing changes.",
    "They expect it within the next 3 decades.",
])
def test_time_windows_and_forecast_horizons_are_not_statistics(text):
    assert statistics(text) == []


def test_a_window_beside_a_figure_leaves_the_figure():
    assert statistics("In 5 years, 30% of cars will be electric.") == ["30%"]
    assert statistics("Over the past 20 years output grew 3x.") == ["3x"]


def test_statistic_search_tries_every_place_one_can_start():
    for text in random_texts(4000, seed=3):
        fast = [(m.span(), m.group()) for m in wording.stat_matches(text)]
        assert fast == [(m.span(), m.group()) for m in wording._STAT_RE.finditer(text)], text


@pytest.mark.parametrize("pattern", range(len(wording._STAT_PATTERNS)))
def test_every_statistic_pattern_starts_where_the_quick_search_looks(pattern: int):
    """Text drawn from each pattern itself (every alternative, not a fixed vocabulary), set in
    a sentence: the quick search finds what the full one finds. A pattern that can start with a
    word missing from ``_FIRST_WORDS`` fails here."""
    from hypothesis import given, settings
    from hypothesis import strategies as st

    one = re.compile(wording._STAT_PATTERNS[pattern], re.IGNORECASE)
    ascii_ = st.characters(codec="ascii", exclude_categories=["Cc"])
    drawn = st.from_regex(one, fullmatch=True, alphabet=ascii_)

    @settings(max_examples=50)
    @given(before=st.sampled_from(["", "They say ", "By 2030, "]), stat=drawn,
           after=st.sampled_from(["", " of them.", " more"]))
    def check(before: str, stat: str, after: str) -> None:
        text = before + stat + after
        quick = [m.span() for m in wording.stat_matches(text)]
        assert quick == [m.span() for m in wording._STAT_RE.finditer(text)], text

    check()


@pytest.mark.parametrize("seed", range(4))
def test_statistics_in_gives_what_statistics_gives_each_text(seed):
    rng = random.Random(seed)
    texts = random_texts(1500, seed=10 + seed) + AT_THE_JOIN
    rng.shuffle(texts)
    expected = [(i, found) for i, t in enumerate(texts) if (found := statistics(t))]
    assert list(wording.statistics_in(texts)) == expected


@pytest.mark.parametrize("seed", range(3))
def test_a_year_check_looks_only_at_the_end_of_the_text_before_it(seed):
    rng = random.Random(seed)
    pieces = ["in", "since", "between", "c.", "'s", "the", "x", "In", "ſince", "9", "-", "é"]
    spaces = ["", " ", "  ", "\n", "\u00a0", "\u2003", "\t \n"]
    for _ in range(2000):
        before = "".join(rng.choice(pieces) + rng.choice(spaces) for _ in range(rng.randint(0, 4)))
        near = max(0, len(before.rstrip()) - 8)
        assert bool(wording._YEAR_BEFORE.search(before, near)) == bool(
            wording._YEAR_BEFORE.search(before)), repr(before)


@pytest.mark.parametrize("pattern", range(len(wording._STAT_PATTERNS)))
def test_every_statistic_pattern_starts_with_a_word_it_is_listed_under(pattern: int):
    """In a text searched the quick way, a pattern is tried only where one of the words listed
    for it (or a run of digits, "0") starts: what it matches must start with one of them."""
    from hypothesis import given, settings
    from hypothesis import strategies as st

    one = re.compile(wording._STAT_PATTERNS[pattern], re.IGNORECASE)
    ascii_ = st.characters(codec="ascii", exclude_categories=["Cc"])

    @settings(max_examples=100)
    @given(stat=st.from_regex(one, fullmatch=True, alphabet=ascii_))
    def check(stat: str) -> None:
        low = stat.lower()
        first = re.match("[a-z]+|[0-9]", low)
        keys = {"0" if first.group().isdigit() else first.group()} if first else set()
        keys |= wording._marks(low).get(0, set())  # a currency, a word before "percent"
        assert keys & wording._PATTERN_STARTS[pattern], stat

    check()


_MONEY_AND_SHARES = ["$40 billion", "US$ 5", "us$5", "USD 12", "12 usd", "EUR5", "neuro5", "gbp 3m",
                     "forty percent", "forty-five per cent", "x-forty percent", "3.5 percent",
                     "one percent", "a-b percent", "Forty Percent", "PER CENT", "$$5", "us$$5",
                     "\tpercent", "Windows 11", "GPT-4", "Double 11", "2,571 households", "in",
                     "1994", "rank 3 of 50", "%", "-", "\n", " ", "the", "top 10", "twice"]


@pytest.mark.parametrize("seed", range(3))
def test_currencies_and_words_before_percent_are_found_the_quick_way(seed):
    """Money and "forty percent" can start inside a word or after any word: the quick search
    looks there too, and finds what the full search finds."""
    rng = random.Random(seed)
    for _ in range(3000):
        text = rng.choice(["", " "]).join(rng.choice(_MONEY_AND_SHARES)
                                          for _ in range(rng.randint(1, 8)))
        quick = [m.span() for m in wording.stat_matches(text)]
        assert quick == [m.span() for m in wording._STAT_RE.finditer(text)], text


@pytest.mark.parametrize("seed", range(3))
def test_a_name_before_a_number_is_found_walking_back(seed):
    rng = random.Random(seed)
    pieces = ["Windows", "windows", "x", ",", ";", "'", "-", "_", "É", "9", "Ab'c-d", " ", "\n",
              "\u2003", "."]
    for _ in range(3000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 8)))
        assert wording._name_before(text, len(text)) == bool(
            wording._NAME_BEFORE.search(text)), repr(text)
