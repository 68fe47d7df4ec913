"""Detectors over a claim's wording: statistics (AM102) here, and sweeping, absolute words
(AM109) in :mod:`argmap.analysis.text.sweeping` (re-exported).

>>> statistics("Emissions fell by two thirds in 2019, to 41 days a year.")
['two thirds', '41 days']
>>> sweeping("Nothing can ever replace it; it is the only way.")
['nothing', 'only']
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from functools import cache
from itertools import repeat
from operator import methodcaller

from argmap.analysis.text.sweeping import SWEEPING_WORDS, sweeping, sweeping_finder, sweeping_in
from argmap.analysis.text.textscan import texts_with_words, word_places

__all__ = ["SWEEPING_WORDS", "stat_matches", "statistics", "statistics_in", "sweeping",
           "sweeping_finder", "sweeping_in"]

_NUM_WORD = (r"(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|"
             r"a|an|half|several|many|dozens|hundreds|thousands|millions|tens)")
_FRACTION = r"(?:halves|half|thirds?|quarters?|fifths?|sixths?|sevenths?|eighths?|ninths?|tenths?)"
_MAGNITUDE = r"(?:thousand|million|billion|trillion|bn|m|k)"
_UNIT = (r"(?:%|percent|per\s?cent|percentage points?|pp|km/h|mph|kph|km|m|cm|mm|nm|µm|kg|g|mg|"
         r"t|tonnes?|tons?|lbs?|kwh|mwh|gwh|twh|kw|mw|gw|w|ghz|mhz|hz|gb|tb|mb|kb|db|°c|°f|c|f|"
         r"mpg|l|ml|litres?|liters?|miles?|metres?|meters?|kilometres?|kilometers?|feet|ft|"
         r"inches|hours?|minutes?|seconds?|days?|weeks?|months?|years?|decades?|centuries|"
         r"times|x|fold|people|persons|residents|users|deaths|cases|jobs|[a-z]+s)")
_CURRENCY = r"(?:[$€£¥]|usd|eur|gbp|us\$)"

_STAT_PATTERNS = [
    # money: $40 billion, €3m, 12 USD
    rf"{_CURRENCY}\s?\d[\d,.]*(?:\s?{_MAGNITUDE}\b)?",
    rf"\b\d[\d,.]*\s?(?:{_MAGNITUDE}\s)?(?:dollars|euros|pounds|yuan|usd|eur|gbp)\b",
    # shares: two thirds, half of, one in five, three quarters
    rf"\b(?:one|two|three|four|five|six|seven|eight|nine|a)[\s-]{_FRACTION}\b",
    r"\b(?:half|most|a majority|the majority|a minority) of (?:all |the )?\w+",
    r"\b(?:one|\d+) (?:in|out of) (?:every )?(?:\d+|two|three|four|five|six|seven|eight|nine|ten|"
    r"a hundred|a thousand)\b",
    # ranks: 6 of the top 16, third-largest, 2nd place
    r"\b\d+ of (?:the )?(?:[\w']+ )?(?:top|largest|biggest|best|leading) \d+\b",
    r"\b(?:top|first|last) \d+\b",
    r"\b\d+(?:st|nd|rd|th)\b(?!\s+century)",
    r"\b(?:second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth)[\s-](?:largest|biggest|"
    r"highest|lowest|most|best|worst|fastest|smallest)\b",
    # multipliers: 3x, twice, three times, doubled
    r"\b\d+(?:\.\d+)?\s?(?:x|×|-fold|fold)\b",
    r"\b(?:twice|thrice|double[ds]?|tripled?|quadrupled?|halved)\b",
    rf"\b(?:two|three|four|five|six|seven|eight|nine|ten|{_NUM_WORD}) times (?:as|more|less|"
    r"faster|slower|higher|lower|larger|smaller|the)\b",
    # spelled magnitudes: two million people, hundreds of thousands
    rf"\b{_NUM_WORD}[\s-](?:hundred|thousand|million|billion|trillion)\b",
    r"\b(?:dozens|hundreds|thousands|millions|billions) of \w+",
    r"\b[a-z]+(?:-[a-z]+)?\s(?:percent|per cent)\b",
]
# Every statistic holds a digit or symbol, or one of these words: a cheap test that lets most
# claims skip the full search.
_MAYBE_SYMBOL = re.compile(r"[\d$€£¥%×]")
_WORD = re.compile(r"[a-z]+")
_MAYBE_WORDS = frozenset(
    "half halve halved halves third thirds quarter quarters fifth fifths sixth sixths seventh "
    "eighth ninth tenth tenths percent cent twice thrice double doubled doubles triple tripled "
    "quadruple quadrupled dozen dozens hundred hundreds thousand thousands million millions "
    "billion billions trillion most majority minority second fourth times one".split())


def _maybe_statistic(text: str) -> bool:
    return bool(_MAYBE_SYMBOL.search(text)) or not _MAYBE_WORDS.isdisjoint(
        _WORD.findall(text.lower()))


_STAT_RE = re.compile("|".join(f"(?:{p})" for p in _STAT_PATTERNS), re.IGNORECASE)
_NUM = r"(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?"
_NUMBER_RE = re.compile(rf"\b{_NUM}(?:\s?(?:to|-|–)\s?{_NUM})?(?:\s?{_UNIT}\b|\s?%)?",
                        re.IGNORECASE)
# "Double 11", "Windows 11", "Table 2": a capitalised word (not the first of a sentence) then a
# bare number is a name or a label.
_NAME_BEFORE = re.compile(r"[\w,;]\s+[A-Z][\w'-]*\s+$")
_YEAR_BEFORE = re.compile(
    r"(?:\b(?:in|since|by|until|till|from|before|after|of|during|to|between|and|the|a|its|"
    r"their|early|late|mid|circa|c\.)|'s)\s*$", re.IGNORECASE)
_YEAR = re.compile(r"1[5-9]\d\d|2[01]\d\d|(?:1[5-9]|2[01])\d0s")
_LETTER_AFTER = re.compile(r"\s*[a-z]", re.IGNORECASE)
_YEAR_UNIT = re.compile(r"\s?(?:%|percent|per cent|[$€£]|million|billion|people|tonnes|units)\b",
                        re.IGNORECASE)


# What each pattern above can start with, in an ASCII text: the words ("0" for a run of
# digits), "$" for a currency (a sign, or a code that may start inside a word) and "%" for the
# word before "percent" ("forty percent", "forty-five per cent"). A pattern starting with a word
# starts at a word boundary and has a non-letter after the word, so where a statistic starts
# its word stands whole.
_NUMBER_WORDS = ("one two three four five six seven eight nine ten eleven twelve a an half several "
                 "many dozens hundreds thousands millions tens")
_PATTERN_STARTS: list[frozenset[str]] = [frozenset(words.split()) for words in (
    "$", "0", "one two three four five six seven eight nine a", "half most a the", "one 0", "0",
    "top first last", "0", "second third fourth fifth sixth seventh eighth ninth tenth", "0",
    "twice thrice double doubled doubles triple tripled quadruple quadrupled halved",
    "two three four five six seven eight nine ten " + _NUMBER_WORDS, _NUMBER_WORDS,
    "dozens hundreds thousands millions billions", "%")]
_FIRST_WORDS = frozenset().union(*_PATTERN_STARTS) - {"0", "$", "%"}
_CURRENCY_AT = re.compile(r"(?=\$|usd|eur|gbp|us\$)")
_PERCENT_AT = re.compile(r"\s(?=percent|per cent)")
_DIGIT = re.compile(r"\d")
_DIGITS = re.compile(r"[0-9]+")
_START_AT = methodcaller("start")


@cache
def _stat_at(starts: frozenset[str]) -> re.Pattern[str] | None:
    """The patterns that can start with one of ``starts``, in their order (None if none can):
    at a place where only these can, this finds what _STAT_RE finds there, trying far fewer."""
    can = [f"(?:{p})" for p, words in zip(_STAT_PATTERNS, _PATTERN_STARTS, strict=True)
           if starts & words]
    return re.compile("|".join(can), re.IGNORECASE) if can else None


_AT_WORD = {word: _stat_at(frozenset({word})) for word in _FIRST_WORDS}
_AT_DIGITS = _stat_at(frozenset({"0"}))
# Where a run of digits starts a word: every pattern starting with a digit starts at a word
# boundary.
_NUMBER_STARTS = re.compile(r"(?<![a-z0-9_])[0-9]")


def stat_matches(text: str, starts: Iterable[int] | None = None) -> list[re.Match[str]]:
    """What ``_STAT_RE.finditer(text)`` finds, trying the pattern only where a statistic can start.

    For ASCII text every match starts at a word, a run of digits, a currency or the word before
    "percent" (see ``_PATTERN_STARTS``); only those places are tried, left to right, each after
    the last match's end, which is how ``finditer`` proceeds, and at each only the patterns that
    can start there. ``starts``, when given, are where in ``text`` a word of ``_FIRST_WORDS``
    stands whole (see :mod:`argmap.analysis.text.textscan`), in order. Other texts take the
    plain search. Cost: linear in the text, a few C-level scans and a step per place tried.
    """
    if not text.isascii():
        return list(_STAT_RE.finditer(text))
    low = text.lower()
    if starts is None:
        starts = word_places([text], _FIRST_WORDS).get(0, ())
        if starts is None:  # a text the scan leaves to its caller (it holds the scan's end mark)
            return list(_STAT_RE.finditer(text))
    marks = _marks(low)
    places = [*map(_START_AT, _NUMBER_STARTS.finditer(low))]
    if starts or marks:
        places = sorted({*starts, *places, *marks})
    found: list[re.Match[str]] = []
    end, word_at, at_word = 0, _WORD.match, _AT_WORD.get
    for start in places:
        if start < end:
            continue
        if "0" <= low[start] <= "9":
            key, pattern = "0", _AT_DIGITS
        else:
            word = word_at(low, start)
            key = word.group() if word else ""
            pattern = at_word(key)
        if start in marks:
            pattern = _stat_at(frozenset({key, *marks[start]}))
        match = None if pattern is None else pattern.match(text, start)
        if match is not None:
            found.append(match)
            end = match.end()
    return found


def _marks(low: str) -> dict[int, set[str]]:
    """Where in the lower-cased ``low`` a currency ("$") or a word before "percent" ("%")
    starts, as :data:`_PATTERN_STARTS` names them."""
    marks: dict[int, set[str]] = {}
    if "$" in low or "usd" in low or "eur" in low or "gbp" in low:
        for match in _CURRENCY_AT.finditer(low):
            marks[match.start()] = {"$"}
    if "per" in low:
        for match in _PERCENT_AT.finditer(low):
            at = match.start()  # one white space, after a word and a hyphenated one before it
            for _ in range(2):
                first = at
                while first > 0 and "a" <= low[first - 1] <= "z":
                    first -= 1
                if first == at:
                    break
                marks.setdefault(first, set()).add("%")
                at = first - 1
                if at < 1 or low[at] != "-":
                    break
    return marks


def _is_year(text: str, match: re.Match[str]) -> bool:
    """A bare 1500-2199 number named as a date in passing ("in 2023", "the 2023 report")."""
    token = match.group().strip()
    if not _YEAR.fullmatch(token):
        return False
    after = text[match.end():]
    if _YEAR_UNIT.match(after):
        return False
    before = text[:match.start()]
    # A word before the year is followed by spaces alone: it ends where the stripped text ends,
    # and none is longer than 7 letters, so the search starts there (\b still sees before it).
    near = max(0, len(before.rstrip()) - 8)
    return bool(_YEAR_BEFORE.search(before, near)) or not _LETTER_AFTER.match(after)


# "within 5 to 10 years", "over the past 20 years", "in 10 years' time": a time window or a
# forecast horizon says when, not how much. A bare "in" counts before years and decades only
# ("issued in 41 days" reports a measurement).
_SPAN = re.compile(r"[\d,.\s]+(?:to|-|–)?[\d,.\s]*(?P<unit>years?|decades?|months?|weeks?|"
                   r"centuries)$", re.IGNORECASE)
_WINDOW_BEFORE = re.compile(
    r"\b(?:within|over|during|for|(?:in|over|within|for|during)\s+the\s+(?:next|coming|past|last|"
    r"following|first)|next|coming|past|last|(?P<bare>in))\s*$", re.IGNORECASE)
_WINDOW_AFTER = re.compile(r"\s*(?:'\s*time\b|’\s*time\b|from now\b|ahead\b|hence\b)",
                           re.IGNORECASE)


def _is_time_window(text: str, match: re.Match[str]) -> bool:
    """A span of time named as a window or horizon ("within 5 to 10 years", "in the next 10
    years", "5 years from now"), not a measured duration."""
    span = _SPAN.match(match.group())
    if span is None:
        return False
    if _WINDOW_AFTER.match(text, match.end()):
        return True
    before = _WINDOW_BEFORE.search(text[max(0, match.start() - 40):match.start()])
    if before is None:
        return False
    return not before.group("bare") or span.group("unit").lower().startswith(("year", "decade"))


_DOT_LETTER = re.compile(r"\.[A-Za-z]")
_HYPHEN_BEFORE = re.compile(r"[A-Za-z]-$")  # (searched in the 3 characters before: "X-\n")
_SPACE_DIGIT = re.compile(r"\s+\d")
_PERCENT_SAID = re.compile(r"%|percent|per cent", re.IGNORECASE)


def _is_name(text: str, match: re.Match[str]) -> bool:
    """Part of a name rather than a figure: "GPT-4", "01.AI", "Double 11", "Windows 11"."""
    start, end, phrase = match.start(), match.end(), match.group()
    if _DOT_LETTER.match(text, end, end + 2) or _HYPHEN_BEFORE.search(text, max(0, start - 3),
                                                                      start):
        return True
    if phrase.lower() == "double" and _SPACE_DIGIT.match(text, end):
        return True
    if not phrase[:1].isdigit() or _PERCENT_SAID.search(phrase):
        return False
    return _name_before(text, start)


def _name_before(text: str, start: int) -> bool:
    """Whether a capitalised word (not the first of a sentence) stands just before ``start``:
    what ``_NAME_BEFORE.search(text[:start])`` says, found by walking back from ``start``."""
    end = start
    while end > 0 and text[end - 1].isspace():
        end -= 1
    word = end
    while word > 0 and (text[word - 1].isalnum() or text[word - 1] in "_'-"):
        word -= 1
    if end == start or word == end or not "A" <= text[word] <= "Z":
        return False
    before = word
    while before > 0 and text[before - 1].isspace():
        before -= 1
    return before < word and before > 0 and (text[before - 1].isalnum()
                                              or text[before - 1] in "_,;")


def statistics(text: str) -> list[str]:
    """The numbers, shares, ranks, multipliers, money and measurements stated in ``text``.

    Years named in passing ("in 2023", "the 2023 report") are not statistics, nor are time
    windows and forecast horizons ("within 5 to 10 years", "over the past 20 years"); neither
    are small numbers spelled out on their own ("twelve blocks", "every ten minutes"), which
    describe a scene or a plan more often than they report a measurement.
    """
    return _statistics(text) if _maybe_statistic(text) else []


def statistics_in(texts: Sequence[str]) -> Iterator[tuple[int, list[str]]]:
    """The place and :func:`statistics` of each of ``texts`` that states some, in order. One
    scan of all the texts finds those that may (a digit, $, % or one of ``_MAYBE_WORDS``)."""
    maybe = texts_with_words(texts, _MAYBE_WORDS, "0123456789$%")
    starts = word_places([texts[i] for i in maybe], _FIRST_WORDS)
    for i, places in zip(maybe, map(starts.get, range(len(maybe)), repeat(())), strict=True):
        text = texts[i]
        # a text the scans judged passed _maybe_statistic already; the others are asked
        found = statistics(text) if places is None else _statistics(text, places)
        if found:
            yield i, found


_DIGIT_BEFORE = re.compile(r"\d\s*$")
_ORDINAL = re.compile(r"\d+(?:st|nd|rd|th)\b")


def _statistics(text: str, starts: Iterable[int] | None = None) -> list[str]:
    """:func:`statistics` for a text that may hold one (``starts``: see :func:`stat_matches`)."""
    spans: list[tuple[int, int]] = []  # in order, none overlapping
    found: list[tuple[int, str]] = []
    for match in stat_matches(text, starts):
        if _is_name(text, match):
            continue
        if _DIGIT.search(match.group()) is None and "percent" in match.group().lower() \
                and _DIGIT_BEFORE.search(text, 0, match.start()):
            continue  # "3.5 percent": the number pass below reports it whole
        spans.append(match.span())
        found.append((match.start(), match.group().strip()))
    spans.append((len(text) + 1, len(text) + 1))
    at = 0  # the first span that does not end before the number (numbers come in order)
    for match in _NUMBER_RE.finditer(text) if _DIGIT.search(text) else ():
        start, phrase = match.start(), match.group()
        while spans[at][1] <= start:
            at += 1
        if spans[at][0] < match.end():
            continue
        token = phrase.strip()
        if (_YEAR.fullmatch(token) and _is_year(text, match)) or (
                _SPAN.match(phrase) and _is_time_window(text, match)):
            continue
        if _ORDINAL.match(text, start) or _is_name(text, match):
            continue  # an ordinal the rank patterns passed over ("21st century"), or a name
        found.append((start, token))
    return [phrase for _, phrase in sorted(found)]
