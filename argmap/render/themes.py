"""Colour themes for diagrams: light (screens), dark (dark slides), print (greyscale paper).

A theme says only colours and fonts; shapes, arrowheads and dash styles carry the same meaning
in every theme, so a printed map reads the same as a projected one.

>>> THEMES["light"].support
'#2e7d32'
>>> sorted(THEMES)
['dark', 'light', 'print']
"""

from __future__ import annotations

from dataclasses import dataclass

from argmap.errors import UsageError

FONT = "Helvetica,Arial,sans-serif"


@dataclass(frozen=True)
class KindStyle:
    """How one kind of claim is filled and outlined."""

    fill: str
    border: str


@dataclass(frozen=True)
class Theme:
    """The colours a diagram is drawn in."""

    name: str
    background: str
    text: str        # claim text
    subtle: str      # ids, sources, strengths: the small type
    support: str     # support edges and inference nodes
    attack: str      # attack edges and inference nodes
    flag: str        # the ⚠ mark on flagged links and unsourced claims
    focus: str       # border of the claim a --focus diagram is centred on
    legend: str      # fill of the legend box
    kinds: dict[str, KindStyle]


THEMES: dict[str, Theme] = {
    "light": Theme(
        name="light", background="white", text="#1a1a1a", subtle="#555555",
        support="#2e7d32", attack="#c62828", flag="#b35900", focus="#6a1b9a", legend="#f7f7f7",
        kinds={
            "conclusion": KindStyle("#cfe2f3", "#1f4e79"),
            "premise": KindStyle("#ffffff", "#444444"),
            "rebuttal": KindStyle("#f8d7da", "#8e1b1b"),
            "assumption": KindStyle("#fff2cc", "#7f6000"),
        },
    ),
    "dark": Theme(
        name="dark", background="#1e1e1e", text="#f0f0f0", subtle="#b8b8b8",
        support="#66bb6a", attack="#ef5350", flag="#ffb74d", focus="#ce93d8", legend="#2a2a2a",
        kinds={
            "conclusion": KindStyle("#1f3a5a", "#90caf9"),
            "premise": KindStyle("#2d2d2d", "#bdbdbd"),
            "rebuttal": KindStyle("#4a1f24", "#ef9a9a"),
            "assumption": KindStyle("#4a3f14", "#ffe082"),
        },
    ),
    "print": Theme(
        name="print", background="white", text="black", subtle="#333333",
        support="black", attack="#555555", flag="black", focus="black", legend="white",
        kinds={
            "conclusion": KindStyle("#d9d9d9", "black"),
            "premise": KindStyle("white", "black"),
            "rebuttal": KindStyle("#efefef", "black"),
            "assumption": KindStyle("white", "#333333"),
        },
    ),
}


def get_theme(name: str) -> Theme:
    """The theme called ``name``; a UsageError naming the themes there are otherwise."""
    try:
        return THEMES[name]
    except KeyError:
        raise UsageError(
            f"unknown theme {name!r}: use one of {', '.join(sorted(THEMES))}"
        ) from None
