"""How alike two claims' wordings are, in [0, 1]: the signal the claim matching runs on.

Two signals, because one string score alone rates a real paraphrase low ("Pupils get
distracted from lessons by their phones." against "Phones distract pupils from lessons." is 62
by rapidfuzz's token set ratio):

- content-word overlap: the claims' content words (:mod:`argmap.compare.words`) weighted by
  how rare each word is across both maps (a word every claim uses tells claims apart less than
  a name or a number), two words counting as one when their stems are equal or when rapidfuzz
  rates them alike (spelling variants, "neighbouring"/"neighboring"); the overlap is the
  harmonic mean of how much of each claim the other covers;
- rapidfuzz's token sort ratio of the two stemmed wordings, which rewards the same words in a
  different order and forgives typos.

``score = OVERLAP_WEIGHT * overlap + STRING_WEIGHT * string``.

>>> sim = Similarity(["Phones distract pupils from lessons."],
...                  ["Pupils get distracted from lessons by their phones.", "Homework is useful."])
>>> sim.score(0, 0) > 0.9, sim.score(0, 1) < 0.2
(True, True)
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Sequence

from rapidfuzz import fuzz, process

from argmap.compare.words import key_words

OVERLAP_WEIGHT = 0.75
STRING_WEIGHT = 0.25
WORD_ALIKE = 85  # rapidfuzz ratio from which two different words count (partly) as one
WORD_MIN_LEN = 5  # shorter words must be equal: "car" and "cat" are not variants
TOP = 20  # candidates scored per model claim
MANY = 400  # claims in both maps together from which the commonest words are not looked up
COMMON_SHARE = 0.25


class Similarity:
    """Scores between the claims of a model (``left``) and a student (``right``) map.

    Building it costs one pass over the words plus one rapidfuzz comparison of the two
    vocabularies (its loop runs in C); each :meth:`score` then costs the length of the two claims.
    """

    def __init__(self, left: Sequence[str], right: Sequence[str]):
        self.left = [key_words(t) for t in left]
        self.right = [key_words(t) for t in right]
        df: dict[str, int] = defaultdict(int)
        for ws in (*self.left, *self.right):
            for w in ws:
                df[w] += 1
        total = len(self.left) + len(self.right)
        self.df = dict(df)
        self.weight = {w: math.log(1 + total / n) for w, n in df.items()}
        self.alike = _alike_words(
            {w for ws in self.left for w in ws}, {w for ws in self.right for w in ws})

    def candidates(self, rows: set[int] | None = None, cols: set[int] | None = None
                   ) -> set[tuple[int, int]]:
        """The pairs (model index, student index) worth scoring: those sharing a word (or a
        variant); every other pair scores at most the string part and is never a match.
        ``rows`` and ``cols`` limit the claims looked at. Each model claim keeps its
        :data:`TOP` candidates with the most shared word weight, and in big maps (over
        :data:`MANY` claims) a word found in more than :data:`COMMON_SHARE` of the claims is
        not looked up, so the cost stays near linear in the number of claims."""
        total = len(self.left) + len(self.right)
        common = {w for w, n in self.df.items() if n > COMMON_SHARE * total} \
            if total > MANY else set()
        by_word: dict[str, list[int]] = defaultdict(list)
        for j, ws in enumerate(self.right):
            if cols is None or j in cols:
                for w in ws:
                    if w not in common:
                        by_word[w].append(j)
        pairs: set[tuple[int, int]] = set()
        for i, ws in enumerate(self.left):
            if rows is not None and i not in rows:
                continue
            shared: dict[int, float] = defaultdict(float)
            for w in ws:
                for v, ratio in ((w, 1.0), *self.alike.get(w, {}).items()):
                    for j in by_word.get(v, ()):
                        shared[j] += self.weight[w] * ratio
            best = sorted(shared, key=lambda j: (-shared[j], j))[:TOP]
            pairs.update((i, j) for j in best)
        return pairs

    def score(self, i: int, j: int) -> float:
        """How alike model claim ``i`` and student claim ``j`` are, in [0, 1]."""
        a, b = self.left[i], self.right[j]
        if a == b:
            return 1.0
        if not a or not b:
            return 0.0
        overlap = _harmonic(self._covered(a, b, forward=True), self._covered(b, a, forward=False))
        string = fuzz.token_sort_ratio(" ".join(a), " ".join(b)) / 100
        return OVERLAP_WEIGHT * overlap + STRING_WEIGHT * string

    def _covered(self, these: list[str], other: list[str], *, forward: bool) -> float:
        """The weighted share of ``these`` words found in ``other`` (exactly or as a variant)."""
        others = set(other)
        got = total = 0.0
        for w in these:
            weight = self.weight[w]
            total += weight
            if w in others:
                got += weight
                continue
            variants = self.alike.get(w, {}) if forward else self._reverse().get(w, {})
            best = max((r for v, r in variants.items() if v in others), default=0.0)
            got += weight * best
        return got / total if total else 0.0

    def _reverse(self) -> dict[str, dict[str, float]]:
        if not hasattr(self, "_rev"):
            rev: dict[str, dict[str, float]] = defaultdict(dict)
            for w, near in self.alike.items():
                for v, r in near.items():
                    rev[v][w] = r
            self._rev = dict(rev)
        return self._rev


def _alike_words(left: set[str], right: set[str]) -> dict[str, dict[str, float]]:
    """For each long word of ``left``, the different long words of ``right`` rapidfuzz rates
    alike, with the ratio as a share (0.85 .. 1)."""
    a = sorted(w for w in left if len(w) >= WORD_MIN_LEN)
    b = sorted(w for w in right if len(w) >= WORD_MIN_LEN)
    if not a or not b:
        return {}
    found: dict[str, dict[str, float]] = {}
    for word in a:
        for other, ratio, _ in process.extract(word, b, scorer=fuzz.ratio, limit=None,
                                               score_cutoff=WORD_ALIKE):
            if other != word:
                found.setdefault(word, {})[other] = ratio / 100
    return found


def _harmonic(x: float, y: float) -> float:
    return 2 * x * y / (x + y) if x + y else 0.0
