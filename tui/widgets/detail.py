"""The detail pane: everything about the selected claim or link, as plain (unmarked-up) Text."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from rich.console import Group, RenderableType
from rich.padding import Padding
from rich.text import Text
from textual.containers import VerticalScroll
from textual.widgets import Static

from argmap.analysis.evaluation.base_scores import claim_base
from argmap.analysis.evaluation.explain import explain
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
    if value is not None:
        line.append(" of 1", style="dim")
    return line


GROUNDED_WORDS = {  # what each grounded label means, said where the label is shown
    "IN": "stands: every attack on it is defeated",
    "OUT": "falls: an attack on it stands (grounded lets any standing attack defeat a claim; "
           "the strength above weighs attacks by how strong they are)",
    "UNDEC": "undecided: the attacks on it go round in a cycle nothing breaks",
}


def _grounded_line(label: str) -> Text:
    line = Text("Grounded: ", style="bold")
    line.append(label, style={"IN": "green", "OUT": "red"}.get(label, "yellow"))
    words = GROUNDED_WORDS.get(label)
    if words:
        line.append(f" — {words}", style="dim")
    return line


def _scheme(view: MapView, link_id: str, above: bool = False) -> list[RenderableType]:
    """The link's argument scheme and each of its critical questions, answered (by which
    objection, or the link's own reason) or open; nothing when the link names no scheme."""
    link = view.links[link_id]
    if not link.scheme:
        return []
    title = f"Argument scheme of the link above ({link_id})" if above else "Argument scheme"
    asked = view.questions(link_id)
    if asked is None:
        line = Text(link.scheme, style="bold").append(
            " — not in argmap's catalogue: no critical questions to check", style="dim")
        return [_heading(title), _indented(line, 2)]
    scheme = asked.scheme
    parts: list[RenderableType] = [_heading(title), _indented(
        Text(scheme.name, style="bold").append(f" ({scheme.key})", style="dim"), 2)]
    n_open = len(asked.open)
    parts.append(_heading(f"Critical questions ({n_open} of {len(asked.statuses)} open"
                          + ("; A raises one)" if n_open else ")")))
    for status in asked.statuses:
        q = status.question
        line = Text("? ", style="bold yellow") if status.open else Text("✓ ", style="bold green")
        line.append(f"{q.id} ").append(q.label, style="bold").append(f": {q.ask}")
        parts.append(_indented(line, 2))
        parts += [_indented(answer, 4) for answer in _answers(view, status)]
    return parts


def _answers(view: MapView, status: Any) -> list[Text]:
    """What answers one critical question: each objection that raises it, the link's reason."""
    if status.open:
        return [Text("open: nothing in the map answers it", style="yellow")]
    found = []
    for attack in status.answered_by:
        line = Text("answered by ", style="green").append(attack, style="bold")
        premises = view.links[attack].from_ if attack in view.links else []
        if premises and premises[0] in view.claims:
            line.append(f": {view.claims[premises[0]].text}")
        found.append(line)
    if status.reason:
        found.append(Text("answered: ", style="green").append(status.reason))
    return found


def claim_detail(view: MapView, ident: str, what_if: Mapping[str, float] | None,
                 via: str | None = None) -> RenderableType:
    """``via``: the link the claim's row stands under, as one of its premises."""
    claim = view.claims[ident]
    head = Text(f"{claim.kind.upper()} ", style=f"bold {kind_style(claim.kind)}")
    head.append(claim.id, style="dim")
    parts: list[RenderableType] = [head, Text(claim.text, style="bold"), Text()]
    line = _strength_line(view, ident)
    line.append(f"   base {claim_base(view.map, claim).score:.2f}", style="dim")
    parts.append(line)
    labels = getattr(view.analysis, "labels", None) or {}
    if ident in labels:
        parts.append(_grounded_line(labels[ident]))
    if claim.tags:
        parts.append(Text("Tags: ", style="bold").append(", ".join(claim.tags)))
    parts += _why(view, ident)
    parts += _evidence(view, claim.evidence)
    parts += _findings(view.findings(ident) + view.source_findings(ident))
    if via is not None and via in view.links:
        parts += _scheme(view, via, above=True)
    parts += _what_if(view, ident, what_if)
    if claim.note:
        parts += [_heading("Note"), Text(claim.note)]
    return Group(*parts)


def _why(view: MapView, ident: str) -> list[RenderableType]:
    """Where the strength comes from: the library's explanation (what `eval --explain`
    prints), without its first line (the strength, shown above)."""
    parts: list[RenderableType] = [_heading("Why this strength")]
    analysis = view.analysis
    if analysis is None or ident not in analysis.index.claims:
        return [*parts, Text("  computing…", style="dim")]
    for line in explain(analysis, ident).lines()[1:]:
        out = Text(line)
        if line.startswith("grounded: OUT"):
            out.stylize("bold red", 0, len("grounded: OUT"))
        parts.append(_indented(out, 2))
    return parts


WHAT_IF_SHOWN = 8  # conclusions listed at most, the most affected first


def _what_if(view: MapView, ident: str, what_if: Mapping[str, float] | None) -> list[Text]:
    parts: list[Text] = [_heading("If this claim were dropped")]
    if what_if is None:
        return [*parts, Text("  computing…", style="dim")]
    changes = []
    for root in view.roots:
        before, after = view.strength(root), what_if.get(root)
        if root == ident or before is None or after is None:
            continue
        # the change shown is the difference of the two figures shown, so they agree
        shown_before, shown_after = round(before, 2), round(after, 2)
        if shown_before != shown_after:
            changes.append((round(shown_before - shown_after, 2), root, shown_before,
                            shown_after))
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
    parts += _scheme(view, ident)
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
             what_if: Mapping[str, float] | None = None, via: str | None = None) -> None:
        """``via``: the link a claim's row stands under (its scheme is shown too)."""
        body = self.query_one("#detail-body", Static)
        if view is None or row is None or row.kind == "group":
            body.update(Text("Select a claim or a link in the tree.", style="dim"))
        elif row.ident in view.claims:
            body.update(safe(claim_detail(view, row.ident, what_if, via)))
        elif row.ident in view.links:
            body.update(safe(link_detail(view, row.ident)))
        else:
            body.update(Text(f"{row.ident} is no longer in the map.", style="dim"))
