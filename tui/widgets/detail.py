"""The detail pane: everything about the selected claim or link, as plain (unmarked-up) Text."""

from __future__ import annotations

from collections.abc import Mapping

from rich.console import Group, RenderableType
from rich.padding import Padding
from rich.text import Text
from textual.containers import VerticalScroll
from textual.widgets import Static

from argmap.model import Citation
from tui.labels import SEVERITY_STYLE, kind_style, safe, strength_style
from tui.view import MapView, Row


def _heading(title: str) -> Text:
    return Text(f"\n{title}", style="bold underline")


def _indented(text: Text, left: int) -> RenderableType:
    """``text`` wrapped with every line ``left`` columns in (a hanging indent)."""
    return Padding(text, (0, 0, 0, left))


def _citation(view: MapView, cite: Citation) -> RenderableType:
    line = Text("• ")
    line.append(cite.source, style="bold")
    source = next((s for s in view.map.sources if s.id == cite.source), None)
    if source is not None:
        about = ", ".join(x for x in (source.author, source.publisher, source.date) if x)
        line.append(f" — {source.title or '(untitled)'}")
        if about:
            line.append(f" ({about})", style="dim")
    if cite.locator:
        line.append(f", {cite.locator}", style="italic")
    parts: list[RenderableType] = [_indented(line, 2)]
    if cite.quote:
        parts.append(_indented(Text("“").append(cite.quote, style="italic").append("”"), 4))
    return Group(*parts)


def _evidence(view: MapView, evidence: list[Citation]) -> list[RenderableType]:
    backing = [c for c in evidence if view.map.is_evidence(c)]
    located = [c for c in evidence if not view.map.is_evidence(c)]
    parts: list[RenderableType] = [_heading("Evidence")]
    parts += [_citation(view, c) for c in backing] or [Text("  none", style="dim")]
    if located:
        parts.append(_heading("Where the analysed text says it"))
        parts += [_citation(view, c) for c in located]
    return parts


def _findings(findings: list, title: str = "Findings") -> list[RenderableType]:
    parts: list[RenderableType] = [_heading(title)]
    if not findings:
        return [*parts, Text("  none", style="dim")]
    for f in findings:
        style = SEVERITY_STYLE.get(f.severity, "")
        line = Text("⚠ " if f.severity != "info" else "ℹ ", style=style)
        line.append(f"{f.code} {f.name}", style=style)
        line.append(f" on {f.target}", style="dim")
        parts += [_indented(line, 2), _indented(Text(f.message), 4),
                  _indented(Text("→ ", style="green").append(f.hint), 4)]
    return parts


def _strength_line(view: MapView, ident: str) -> Text:
    value = view.strength(ident)
    line = Text("Strength: ", style="bold")
    line.append("computing…" if value is None else f"{value:.2f}", style=strength_style(value))
    return line


def claim_detail(view: MapView, ident: str, what_if: Mapping[str, float] | None) -> RenderableType:
    claim = view.claims[ident]
    head = Text(f"{claim.kind.upper()} ", style=f"bold {kind_style(claim.kind)}")
    head.append(claim.id, style="dim")
    parts: list[RenderableType] = [head, Text(claim.text, style="bold"), Text()]
    line = _strength_line(view, ident)
    base = claim.confidence if claim.confidence is not None else view.map.defaults.confidence
    line.append(f"   base {base:.2f}" + ("" if claim.confidence is not None else " (map default)"),
                style="dim")
    labels = getattr(view.analysis, "labels", None) or {}
    if ident in labels:
        line.append(f"   grounded: {labels[ident]}", style="dim")
    parts.append(line)
    if claim.tags:
        parts.append(Text("Tags: ", style="bold").append(", ".join(claim.tags)))
    parts += _evidence(view, claim.evidence)
    parts += _findings(view.findings(ident) + view.source_findings(ident))
    parts += _what_if(view, ident, what_if)
    if claim.note:
        parts += [_heading("Note"), Text(claim.note)]
    return Group(*parts)


WHAT_IF_SHOWN = 8  # conclusions listed at most, the most affected first


def _what_if(view: MapView, ident: str, what_if: Mapping[str, float] | None) -> list[Text]:
    parts: list[Text] = [_heading("If this claim were dropped")]
    if what_if is None:
        return [*parts, Text("  computing…", style="dim")]
    changes = []
    for root in view.roots:
        before, after = view.strength(root), what_if.get(root)
        if root != ident and before is not None and after is not None \
                and abs(before - after) >= 0.005:
            changes.append((before - after, root, before, after))
    changes.sort(reverse=True)
    for drop, root, before, after in changes[:WHAT_IF_SHOWN]:
        line = Text(f"  {root}: {before:.2f} → {after:.2f}")
        line.append(f"  ({-drop:+.2f})", style="red" if drop > 0 else "green")
        parts.append(line)
    if len(changes) > WHAT_IF_SHOWN:
        parts.append(Text(f"  … and {len(changes) - WHAT_IF_SHOWN} more conclusions",
                          style="dim"))
    if not changes:
        parts.append(Text("  no conclusion would change", style="dim"))
    return parts


def link_detail(view: MapView, ident: str) -> RenderableType:
    link = view.links[ident]
    head = Text(f"LINK {link.type} · {link.strength} ",
                style="bold green" if link.type == "supports" else "bold red")
    head.append(ident, style="dim")
    parts: list[RenderableType] = [head, Text()]
    if len(link.from_) == 1:
        parts.append(Text("Premise: ", style="bold").append(view.claims[link.from_[0]].text))
    else:
        parts.append(Text(f"Premises ({len(link.from_)}, only together):", style="bold"))
        parts += [Text("  • ").append(view.claims[p].text) for p in link.from_]
    to = Text("To: ", style="bold")
    parts.append(to.append(view.summary(link.to) if link.to in view.claims
                           else f"the link {link.to} ({view.summary(link.to)})"))
    parts.append(_strength_line(view, ident))
    parts.append(Text("Warrant: ", style="bold").append(
        link.warrant or "none given", style="" if link.warrant else "dim"))
    parts += _evidence(view, link.evidence)
    parts += _findings(view.link_flags(ident) + view.source_findings(ident),
                       "Flags on this link and its premises")
    if link.note:
        parts += [_heading("Note"), Text(link.note)]
    return Group(*parts)


class DetailPane(VerticalScroll):
    """Shows one claim or link; the app calls :meth:`show` when the selection changes."""

    def compose(self):  # type: ignore[no-untyped-def]
        yield Static(id="detail-body")

    def show(self, view: MapView | None, row: Row | None,
             what_if: Mapping[str, float] | None = None) -> None:
        body = self.query_one("#detail-body", Static)
        if view is None or row is None or row.kind == "group":
            body.update(Text("Select a claim or a link in the tree.", style="dim"))
        elif row.ident in view.claims:
            body.update(safe(claim_detail(view, row.ident, what_if)))
        elif row.ident in view.links:
            body.update(safe(link_detail(view, row.ident)))
        else:
            body.update(Text(f"{row.ident} is no longer in the map.", style="dim"))
