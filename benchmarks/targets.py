"""The targets of the scale issue, each checked against the figures of one run."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from benchmarks.timing import Figure

Figures = dict[tuple[str, int], Figure]


@dataclass(frozen=True)
class Verdict:
    target: str
    measured: str
    limit: str
    ok: bool | None  # None: not measured in this run, or a figure given for context
    info: bool = False  # no target: a figure that puts the others in context

    @property
    def word(self) -> str:
        if self.info and self.ok is not None:
            return "info"
        return "n/a" if self.ok is None else "PASS" if self.ok else "GAP"


def _get(figures: Figures, name: str, size: int) -> float | None:
    figure = figures.get((name, size))
    return figure.median if figure is not None and figure.runs else None


def _seconds(value: float) -> str:
    return f"{value:.3f} s" if value >= 0.1 else f"{value * 1e3:.1f} ms"


def absolute(target: str, name: str, size: int, limit: float) -> Callable[[Figures], Verdict]:
    """``name`` at ``size`` takes at most ``limit`` seconds."""
    def check(figures: Figures) -> Verdict:
        value = _get(figures, name, size)
        if value is None:
            return Verdict(target, "not measured", f"<= {_seconds(limit)}", None)
        return Verdict(target, _seconds(value), f"<= {_seconds(limit)}", value <= limit)
    return check


def ratio(target: str, slow: tuple[str, int], fast: tuple[str, int], least: float
          ) -> Callable[[Figures], Verdict]:
    """``slow`` takes at least ``least`` times as long as ``fast`` (or at most, if least < 1)."""
    def check(figures: Figures) -> Verdict:
        a, b = _get(figures, *slow), _get(figures, *fast)
        limit = f">= {least:g}x" if least >= 1 else f"<= {1 / least:g}x"
        if a is None or b is None or b == 0:
            return Verdict(target, "not measured", limit, None)
        value = a / b
        shown = f"{value:,.1f}x" if least >= 1 else f"{1 / value:,.2f}x"
        return Verdict(target, shown, limit, value >= least)
    return check


def growth(target: str, name: str, small: int, large: int, most: float
           ) -> Callable[[Figures], Verdict]:
    """Going from ``small`` to ``large`` claims costs at most ``most`` times as much."""
    def check(figures: Figures) -> Verdict:
        a, b = _get(figures, name, large), _get(figures, name, small)
        if a is None or b is None or b == 0:
            return Verdict(target, "not measured", f"<= {most:g}x", None)
        return Verdict(target, f"{a / b:.1f}x", f"<= {most:g}x", a / b <= most)
    return check


def context_growth(target: str, name: str, small: int, large: int
                   ) -> Callable[[Figures], Verdict]:
    """What going from ``small`` to ``large`` claims costs a figure with no target of its own."""
    def check(figures: Figures) -> Verdict:
        a, b = _get(figures, name, large), _get(figures, name, small)
        if a is None or b is None or b == 0:
            return Verdict(target, "not measured", "(context)", None, info=True)
        return Verdict(target, f"{a / b:.1f}x", "(context)", True, info=True)
    return check


def memory(target: str, name: str, size: int, limit: int) -> Callable[[Figures], Verdict]:
    def check(figures: Figures) -> Verdict:
        value = _get(figures, name, size)
        if value is None:
            return Verdict(target, "not measured", f"<= {limit >> 20} MiB", None)
        return Verdict(target, f"{value / 2**20:,.0f} MiB", f"<= {limit >> 20} MiB",
                       value <= limit)
    return check


PIPELINE = "JSON load+validate+lint+DF-QuAD+grounded"
K1, K10, K100 = 1_000, 10_000, 100_000
# The least a rule does per claim: its growth from 10k to 100k claims is the memory's, not an
# algorithm's (the map stops fitting in the CPU caches between the two).
LOOKUP_FLOOR = "floor: one dict lookup per claim"
ATTACK_ARGS = 2_000


def checks(rule_names: list[str]) -> list[Callable[[Figures], Verdict]]:
    """Every target of the issue, in its order; one growth check per lint rule measured."""
    found = [
        absolute("100k JSON: load+validate+lint+DF-QuAD+grounded", PIPELINE, K100, 1.5),
        ratio("  ... vs orjson.loads (parse floor)", ("orjson.loads", K100), (PIPELINE, K100),
              1 / 8),
        absolute("10k JSON: load+validate+lint+DF-QuAD+grounded", PIPELINE, K10, 0.150),
        ratio("10k YAML load vs fastest safe YAML parser", ("fastest safe YAML parser", K10),
              ("YAML load+validate", K10), 1 / 1.5),
        ratio("grounded vs python-argumentation (2k args)",
              ("py_arg get_grounded_extension", ATTACK_ARGS), ("grounded", ATTACK_ARGS), 1000),
        absolute("grounded at 100k", "grounded", K100, 0.5),
        absolute("DF-QuAD at 100k (acyclic)", "DF-QuAD", K100, 0.150),
        absolute("DF-QuAD at 100k (cyclic)", "DF-QuAD cyclic", K100, 0.5),
        growth("lint (all rules) 10k -> 100k", "lint (all rules)", K10, K100, 12),
    ]
    found += [growth(f"  rule {name} 10k -> 100k", f"rule {name}", K10, K100, 12)
              for name in rule_names]
    found.append(context_growth(f"  {LOOKUP_FLOOR} 10k -> 100k", LOOKUP_FLOOR, K10, K100))
    found += [
        ratio("100k load vs arguebuf loading AIF JSON", ("arguebuf load AIF", K100),
              ("JSON load+validate", K100), 8),
        absolute("TUI first screen at 100k", "TUI first screen", K100, 2.0),
        absolute("TUI keypress at 100k", "TUI keypress", K100, 0.100),
        absolute("TUI keypress after an edit at 100k", "TUI keypress after an edit", K100, 0.100),
        absolute("TUI edit (a keypress too) at 100k", "TUI edit", K100, 0.100),
        absolute("DOT of <= 500 claims (--focus)", "DOT focus", K100, 0.3),
        memory("peak memory at 100k (RSS)", "peak RSS", K100, 1 << 30),
    ]
    return found
