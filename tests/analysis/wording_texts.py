"""Texts for the wording tests: random ones from a vocabulary, and ones set side by side."""

from __future__ import annotations

import random

# Words, figures, names and non-ASCII letters that fold to ASCII ones ignoring case.
VOCAB = (
    "one two three a an the half most of all in out every top first last second third tenth "
    "largest twice doubled double 11 2nd 21st century 3x 3.5 40% percent per cent forty $40 € "
    "£3m usd eur gbp amateur us$5 billion million thousands dozens hundreds people km/h 7 nm "
    "1,200 2023 since 1990s times as more GPT-4 01.AI Windows Double - – , . ; ' x × fold "
    "-fold MOST Half ONE İ ı ſ K µm nothing never only cannot can't no one not longer easily "
    "always day ten minutes few without exception doubt proves All NEVER only-child all-in"
).split()


def random_texts(count: int, seed: int) -> list[str]:
    """``count`` texts of 1 to 12 pieces of VOCAB, glued by spaces, hyphens, commas or newlines."""
    rng = random.Random(seed)
    seps = [" ", " ", " ", "-", "", ", ", "\n"]
    return ["".join(rng.choice(VOCAB) + rng.choice(seps) for _ in range(rng.randint(1, 12)))
            for _ in range(count)]


# The batch forms scan all the texts joined: a statistic or a word must never reach across the
# join, and texts the scan cannot judge (not ASCII, or holding its end mark) are asked one by one.
AT_THE_JOIN = [
    "It rose 5", "x faster since then.", "Half", "of all shoppers walk.", "$", "40 billion",
    "Fares rose 40%", "in 2019.", "never", "all of it\x00holds", "\x00", "Cut 3\x00x", "one",
    "in five", "ſtill never", "K: only 2nd", "İt is the only way", "The \u00a0 2023 report",
    "", "twice\n", "\ncannot", "Forty percent agree", "GPT-4", "11 days a year",
]
