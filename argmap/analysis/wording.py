"""Detectors over a claim's wording: statistics (AM102) and sweeping, absolute words (AM109).

>>> statistics("Emissions fell by two thirds in 2019, to 41 days a year.")
['two thirds', '41 days']
>>> sweeping("Nothing can ever replace it; it is the only way.")
['nothing', 'only']
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from functools import lru_cache

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
_YEAR_UNIT = re.compile(r"\s?(?:%|percent|per cent|[$€£]|million|billion|people|tonnes|units)\b",
                        re.IGNORECASE)


# The words a statistic can begin with: the first word of every pattern above that starts at a
# word boundary (the others start at a digit). Each is followed in its pattern by a non-letter,
# so in a text where a statistic starts, that word stands whole.
_FIRST_WORDS = frozenset(
    "one two three four five six seven eight nine ten eleven twelve a an the half most several "
    "many dozens hundreds thousands millions billions tens top first last second third fourth "
    "fifth sixth seventh eighth ninth tenth twice thrice double doubled doubles triple tripled "
    "quadruple quadrupled halved".split())
# Patterns that may start inside a word (currencies) or after any word ("forty percent"): texts
# holding these are searched the plain way.
_ANYWHERE = ("$", "usd", "eur", "gbp", "percent", "per cent")
_TOKEN = re.compile(r"[a-z]+|[0-9]+")
_DIGIT = re.compile(r"\d")


def stat_matches(text: str) -> list[re.Match[str]]:
    """What ``_STAT_RE.finditer(text)`` finds, trying the pattern only where a statistic can start.

    For ASCII text every match starts at a word or a run of digits; only those whose word is in
    ``_FIRST_WORDS`` (or that are digits) are tried, left to right, each after the last match's
    end, which is how ``finditer`` proceeds. Other texts take the plain search.
    """
    low = text.lower()
    if not text.isascii() or any(s in low for s in _ANYWHERE):
        return list(_STAT_RE.finditer(text))
    found: list[re.Match[str]] = []
    end, first, try_at = 0, _FIRST_WORDS, _STAT_RE.match
    for token in _TOKEN.finditer(low):
        start = token.start()
        if start < end or not (low[start] <= "9" or token.group() in first):
            continue
        match = try_at(text, start)
        if match is not None:
            found.append(match)
            end = match.end()
    return found


def _is_year(text: str, match: re.Match[str]) -> bool:
    """A bare 1500-2199 number named as a date in passing ("in 2023", "the 2023 report")."""
    token = match.group().strip()
    if not re.fullmatch(r"1[5-9]\d\d|2[01]\d\d|(?:1[5-9]|2[01])\d0s", token):
        return False
    after = text[match.end():]
    if _YEAR_UNIT.match(after):
        return False
    before = text[:match.start()]
    return bool(_YEAR_BEFORE.search(before)) or not re.match(r"\s*[a-z]", after, re.IGNORECASE)


def _is_name(text: str, match: re.Match[str]) -> bool:
    """Part of a name rather than a figure: "GPT-4", "01.AI", "Double 11", "Windows 11"."""
    start, end, phrase = match.start(), match.end(), match.group()
    if re.match(r"\.[A-Za-z]", text[end:end + 2]) or re.search(r"[A-Za-z]-$", text[:start]):
        return True
    if re.fullmatch(r"double", phrase, re.IGNORECASE) and re.match(r"\s+\d", text[end:]):
        return True
    if re.search(r"%|percent|per cent", phrase, re.IGNORECASE) or not phrase[:1].isdigit():
        return False
    return bool(_NAME_BEFORE.search(text[:start]))


def statistics(text: str) -> list[str]:
    """The numbers, shares, ranks, multipliers, money and measurements stated in ``text``.

    Years named in passing ("in 2023", "the 2023 report") are not statistics; neither are small
    numbers spelled out on their own ("twelve blocks", "every ten minutes"), which describe a
    scene or a plan more often than they report a measurement.
    """
    if not _maybe_statistic(text):
        return []
    spans: list[tuple[int, int]] = []
    found: list[tuple[int, str]] = []
    for match in stat_matches(text):
        if _is_name(text, match):
            continue
        if re.search(r"\d", match.group()) is None and "percent" in match.group().lower() \
                and re.search(r"\d\s*$", text[:match.start()]):
            continue  # "3.5 percent": the number pass below reports it whole
        spans.append(match.span())
        found.append((match.start(), match.group().strip()))
    for match in _NUMBER_RE.finditer(text) if _DIGIT.search(text) else ():
        if any(s < match.end() and match.start() < e for s, e in spans) or _is_year(text, match):
            continue
        if re.match(r"\d+(?:st|nd|rd|th)\b", text[match.start():]) or _is_name(text, match):
            continue  # an ordinal the rank patterns passed over ("21st century"), or a name
        found.append((match.start(), match.group().strip()))
    return [phrase for _, phrase in sorted(found)]


SWEEPING_WORDS: tuple[str, ...] = (
    "all", "always", "never", "none", "nothing", "nobody", "no one", "everyone", "everybody",
    "everything", "everywhere", "every", "only", "cannot", "can't", "impossible", "certainly",
    "undeniably", "unquestionably", "indisputably", "inevitably", "irreplicable", "irreversible",
    "unprecedented", "guaranteed", "proves", "proven", "completely", "entirely", "totally",
    "absolutely", "forever", "without exception", "no doubt",
)
# "every ten minutes", "every day": a frequency, not a sweeping claim; "not only": a concession.
_EXEMPT = re.compile(
    r"^every\s+(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|few|other|"
    r"day|week|month|year|hour|minute|morning|evening|night|season|time)\b|^only\s+(?:a|an|one|"
    r"\d+)\b", re.IGNORECASE)


_LEAD = re.compile(r"[a-z]+")


@lru_cache(maxsize=32)
def _sweeping_pattern(extra: tuple[str, ...]) -> tuple[re.Pattern[str], frozenset[str] | None]:
    """The pattern of the absolute words, and the set of their leading runs of letters.

    In an ASCII text a word can only be found where its leading letters stand as a whole word
    (nothing word-like may precede a match), so a text with none of them is skipped. The set is
    None when some word is not ASCII or does not start with a letter: every text is searched.
    """
    words = sorted({w.lower().strip() for w in (*SWEEPING_WORDS, *extra) if w.strip()},
                   key=len, reverse=True)
    alternatives = "|".join(re.escape(w) for w in words)
    pattern = re.compile(rf"(?<![\w'-])(?:{alternatives})(?![\w'-])", re.IGNORECASE)
    leads = [_LEAD.match(w) if w.isascii() else None for w in words]
    if any(lead is None for lead in leads):
        return pattern, None
    return pattern, frozenset(lead.group() for lead in leads if lead is not None)


# "not every government", "no longer the only constraint": a negated absolute is a hedge.
_NEGATED = re.compile(r"\b(?:not|no longer|n't)\s+(?:the\s+|a\s+)?$", re.IGNORECASE)
# "cannot easily copy": the absolute is softened on the spot.
_HEDGED = re.compile(r"\s+(?:easily|readily|quite|always|yet)\b", re.IGNORECASE)


def sweeping(text: str, extra: Iterable[str] = ()) -> list[str]:
    """The absolute words of ``text`` (lower-cased, in order): SWEEPING_WORDS plus ``extra``.

    Words are matched whole and case-insensitively; phrases ("most effective") too. "every" before
    a time or number ("every ten minutes") and "only" before a count ("only a few") are left out,
    and so are negated or hedged ones ("not every", "no longer the only", "cannot easily").
    """
    return sweeping_finder(extra)(text)


def sweeping_finder(extra: Iterable[str] = ()) -> Callable[[str], list[str]]:
    """:func:`sweeping` with the word list fixed: a function of the text alone."""
    pattern, leads = _sweeping_pattern(tuple(extra))
    exempt, negated, hedged, words = _EXEMPT.match, _NEGATED.search, _HEDGED.match, _LEAD.findall

    def find(text: str) -> list[str]:
        if leads is not None and text.isascii() and leads.isdisjoint(words(text.lower())):
            return []
        hits: list[str] = []
        for match in pattern.finditer(text):
            if exempt(text[match.start():]):
                continue
            if negated(text[:match.start()]) or hedged(text[match.end():]):
                continue
            hits.append(match.group().lower())
        return list(dict.fromkeys(hits))

    return find
