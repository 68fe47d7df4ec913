"""Rich Text labels for rows and findings. User text is appended as plain Text, never as markup."""

from __future__ import annotations

from typing import Any

from rich.console import Group
from rich.padding import Padding
from rich.text import Text

from argmap.analysis.schemes import scheme_words
from argmap.render.terminal import terminal_safe
from tui.view import OTHER, MapView, Row

SUPPORT = "green"
ATTACK = "red"
PROPOSED = "proposed? "  # a tool's proposal not reviewed yet: + accepts it, - rejects it
PROPOSED_STYLE = "italic grey50"
SEVERITY_STYLE = {"error": "bold red", "warning": "yellow", "info": "cyan"}


def strength_style(value: float | None) -> str:
    if value is None:
        return "dim"
    return "green" if value >= 0.6 else "yellow" if value >= 0.4 else "red"


def strength_badge(value: float | None) -> Text:
    shown = "  …  " if value is None else f"{value:.2f}"
    return Text(f"[{shown.strip():>4}]", style=strength_style(value))


def safe(renderable: Any, newlines: bool = True) -> Any:
    """``renderable`` (Text, or a Group or Padding of them) with every control character from
    the map shown as a visible stand-in (:func:`argmap.render.terminal.terminal_safe`), in place:
    the stand-ins are one character each, so styles stay where they were."""
    if isinstance(renderable, Text):
        if not renderable.plain.isprintable():
            renderable.plain = terminal_safe(renderable.plain, newlines=newlines)
    elif isinstance(renderable, Group):
        for part in renderable.renderables:
            safe(part, newlines)
    elif isinstance(renderable, Padding):
        safe(renderable.renderable, newlines)
    return renderable


def row_label(view: MapView, row: Row) -> Text:
    """The one-line label of a tree row."""
    return safe(_row_label(view, row), newlines=False)  # type: ignore[no-any-return]


def _row_label(view: MapView, row: Row) -> Text:
    if row.kind == "group":
        return Text(OTHER, style="italic dim")
    if row.kind == "link":
        return link_label(view, row.ident)
    claim = view.claims[row.ident]
    label = Text()
    if row.ref:
        label.append("↪ ", style="dim")
        label.append(claim.text, style="dim italic")
        label.append(f"  (shown in full elsewhere: {claim.id})", style="dim")
        return label
    label.append_text(strength_badge(view.strength(row.ident)))
    label.append(" ")
    if any(f.severity != "info" for f in view.findings(row.ident)):
        label.append("⚠ ", style="bold yellow")
    if claim.proposed:
        label.append(PROPOSED, style=PROPOSED_STYLE)
    if claim.kind != "premise":
        label.append(f"{claim.kind}: ", style=f"bold {kind_style(claim.kind)}")
    label.append(claim.text)
    return label


def kind_style(kind: str) -> str:
    return {"conclusion": "bright_white", "rebuttal": "magenta", "assumption": "cyan"}.get(
        kind, "white")


def link_label(view: MapView, link_id: str) -> Text:
    """``[0.73] ⚠ ＋ supports · strong · expert opinion · weak-link``: the strength and the flag
    first (a narrow pane cuts the end of a row, never them); undercuts say so; the argument
    scheme when the link names one."""
    link = view.links[link_id]
    attack = link.type == "attacks"
    sign, colour = ("− ", ATTACK) if attack else ("＋ ", SUPPORT)
    verb = ("undercuts" if link.to in view.links else "attacks") if attack else "supports"
    if len(link.from_) > 1:
        verb += f" (linked, {len(link.from_)} premises)"
    label = strength_badge(view.strength(link_id))
    label.append(" ")
    if link.proposed:
        label.append(f"{PROPOSED.strip()} ", style=PROPOSED_STYLE)
    flags = view.link_flags(link_id)
    if flags:
        label.append("⚠ ", style="bold yellow")
    label.append(sign, style=f"bold {colour}")
    label.append(verb, style=colour)
    label.append(f" · {link.strength}", style="dim" if link.strength == "moderate" else "")
    if link.scheme:  # the argument scheme, in the words the diagrams use
        label.append(f" · {scheme_words(link.scheme)}", style="italic")
    if flags:
        names = sorted({f.name for f in flags})
        label.append(f" · {', '.join(names)}", style="yellow")
    return label


def finding_label(view: MapView, finding: Any) -> Text:
    """``⚠ weak-link  l2 · message`` on one line (cut at the pane's edge) for the findings list."""
    style = SEVERITY_STYLE.get(finding.severity, "")
    label = Text("⚠ " if finding.severity != "info" else "ℹ ", style=style, no_wrap=True,
                 overflow="ellipsis")
    label.append(finding.name, style=style)
    label.append(f"  {finding.target}", style="bold")
    label.append(f" · {finding.message}", style="dim")
    return safe(label, newlines=False)  # type: ignore[no-any-return]
