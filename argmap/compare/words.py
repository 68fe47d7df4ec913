"""The content words of a claim: what two wordings of one claim share.

Lower-cased (NFKC, casefold), punctuation dropped, English stop words dropped, negations
kept as ``not``, each word cut to a light stem (plural, -ed, -ing, -ly, -er and a final e), so
"Banning cars" and "a ban on cars" both give ``ban`` and ``car``.

>>> content_words("Pupils get distracted from lessons by their phones.")
['pupil', 'distract', 'lesson', 'phon']
>>> content_words("Phones distract pupils from lessons.")
['phon', 'distract', 'pupil', 'lesson']
"""

from __future__ import annotations

import re
import unicodedata

_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")

# Function words and the vaguest verbs: they say nothing about which claim is meant.
STOP_WORDS = frozenset("""
a about above after again against all also am an and any are as at be because been before being
below between both but by can could did do does doing down during each few for from further get
gets got had has have having he her here hers herself him himself his how i if in into is it its
itself just let me more most my myself no nor not of off on once only or other our ours
ourselves out over own same she should so some such than that the their theirs them themselves
then there these they this those through to too under until up very was we were what when where
which while who whom why will with would you your yours yourself yourselves us one ones thing
things would shall may might must make makes made really quite rather much many s t
""".split())
# Negations change what a claim says: kept as words although they are short and common.
NEGATIONS = frozenset({"no", "not", "never", "nor", "without", "none", "nobody", "nothing",
                       "neither", "cannot"})


def words(text: str) -> list[str]:
    """The words of ``text``, lower-cased, with "n't" spelt out as "not" and possessives cut."""
    folded = unicodedata.normalize("NFKC", text).casefold()
    out: list[str] = []
    for word in _WORD.findall(folded):
        word = word.replace("’", "'")
        if word.endswith("n't"):
            out.extend((word[:-3] or "not", "not"))
            continue
        out.append(word[:-2] if word.endswith("'s") else word)
    return out


def stem(word: str) -> str:
    """A light English stem: enough to join inflections, never a dictionary form.

    >>> [stem(w) for w in ("banning", "banned", "bans", "cities", "reduced", "reduce", "cleaner")]
    ['ban', 'ban', 'ban', 'city', 'reduc', 'reduc', 'clean']
    """
    if len(word) <= 3 or not word.isalpha():
        return word
    base = word
    if base.endswith("ies") and len(base) > 4:
        base = base[:-3] + "y"
    elif base.endswith(("sses", "shes", "ches", "xes", "zes")):
        base = base[:-2]
    elif base.endswith("s") and not base.endswith(("ss", "us", "is")):
        base = base[:-1]
    for suffix in ("ingly", "edly", "ing", "ied", "ed", "ly", "er"):
        if base.endswith(suffix) and len(base) - len(suffix) >= 3:
            base = base[: -len(suffix)] + ("y" if suffix == "ied" else "")
            if len(base) > 3 and base[-1] == base[-2] and base[-1] not in "lsz":
                base = base[:-1]  # banned -> bann -> ban
            break
    if base.endswith("e") and len(base) > 3:
        base = base[:-1]
    return base


def content_words(text: str) -> list[str]:
    """The stems of the words of ``text`` that carry its meaning, in order, each once."""
    seen: dict[str, None] = {}
    for word in words(text):
        if word in STOP_WORDS and word not in NEGATIONS:
            continue
        seen.setdefault("not" if word in NEGATIONS else stem(word), None)
    return list(seen)


def key_words(text: str) -> list[str]:
    """What a claim is compared by: its content words; failing those (a claim of stop words
    only, or of symbols), all its stemmed words, or its whole folded text.

    >>> key_words("It is what it is."), key_words("🚗 ✗")
    (['it', 'is', 'what'], ['🚗 ✗'])
    """
    found = content_words(text)
    if found:
        return found
    every = list(dict.fromkeys(stem(w) for w in words(text)))
    return every or [" ".join(unicodedata.normalize("NFKC", text).casefold().split())]


def negated(text: str) -> bool:
    """Whether ``text`` holds an odd number of negations ("not", "no", "never", "n't" ..., and
    the contrasts "rather than", "instead of"): two wordings of one claim that differ here may
    say opposite things ("should ban" against "should not ban"). "without" is left out: "without
    cars" names a state, not a denial.

    >>> negated("Germany should by no means introduce it."), negated("It isn't not true.")
    (True, False)
    >>> negated("Shops would gain, not lose."), negated("Shops would win rather than lose.")
    (True, True)
    """
    said = words(text)
    count = sum(1 for w in said if w in NEGATIONS and w != "without")
    count += sum(1 for a, b in zip(said, said[1:], strict=False)
                 if (a, b) in (("rather", "than"), ("instead", "of")))
    return count % 2 == 1
