"""The Graphviz picture of a map, as a DOT object. Pure: nothing here runs a program
(:mod:`argmap.render.output` does).

How the picture reads:
- conclusions at the top: every edge is written target -> premise with ``dir=back``, so dot ranks
  targets above their reasons while the arrow still points from the reason to what it backs;
- kinds by shape and fill: conclusion bold rounded box, premise rounded box, rebuttal box with
  cut corners, assumption a note in italics;
- supports green with a normal arrowhead, attacks red with a large tee (twice the size, so the
  two stay distinct in the greyscale print theme too); weak links dashed (dashed means weak and
  nothing else), strong thick;
- a link with several premises, or one that is undercut, is a small inference node so the
  premises meet there and an undercut can point into it;
- flagged links carry ⚠ (the legend says what it means, since a PNG has no tooltip) with their
  finding codes in the tooltip; unsourced claims get a dashed border and ⚠; every node and edge
  has an SVG tooltip with the full text and findings; the background has none.

>>> from argmap.model import ArgumentMap
>>> m = ArgumentMap.model_validate({"title": "t", "claims": [{"id": "a", "text": "A"},
...     {"id": "b", "text": "B", "kind": "conclusion"}], "links": [{"from": "a", "to": "b"}]})
>>> 'b -> a' in build_dot(m).source
True
"""

from __future__ import annotations

from typing import Any

import graphviz

from argmap.errors import UsageError
from argmap.model import ArgumentMap, Claim, Link
from argmap.render.labels import dot_string, html_lines, html_text, shorten, wrap
from argmap.render.legend import KIND_STYLE, add_legend
from argmap.render.scope import AnalysisLike, Scope, select
from argmap.render.themes import FONT, Theme, get_theme

RANKDIRS = ("TB", "LR")
SOURCE_WIDTH = 34   # characters per line of the small source line under a claim
SOURCE_LINES = 2
TITLE_WIDTH = 70
PENWIDTH = {"strong": "2.6", "moderate": "1.6", "weak": "1.4"}
ARROW = {"supports": "normal", "attacks": "tee"}
ARROWSIZE = {"supports": "1.1", "attacks": "2"}


def build_dot(
    amap: ArgumentMap,
    analysis: AnalysisLike | None = None,
    *,
    focus: str | None = None,
    depth: int = 2,
    rankdir: str = "TB",
    flags: bool = True,
    strength: bool = False,
    theme: str = "light",
    clusters: bool = False,
    legend: bool = True,
) -> graphviz.Digraph:
    """The DOT graph of ``amap`` (or of the claims within ``depth`` steps of ``focus``).

    ``analysis`` supplies the flags (weak/unsourced findings) and, with ``strength``, the
    DF-QuAD strength printed under each claim; without it nothing is flagged.
    """
    scope = select(amap, analysis, focus=focus, depth=depth, flags=flags, strength=strength)
    return draw(amap, scope, analysis, depth=depth, rankdir=rankdir, theme=theme,
                clusters=clusters, legend=legend)


def draw(amap: ArgumentMap, scope: Scope, analysis: AnalysisLike | None = None, *,
         depth: int = 2, rankdir: str = "TB", theme: str = "light", clusters: bool = False,
         legend: bool = True) -> graphviz.Digraph:
    """The DOT graph of what ``scope`` selected (see :func:`argmap.render.scope.select`)."""
    if rankdir not in RANKDIRS:
        raise UsageError(f"unknown rankdir {rankdir!r}: use TB or LR")
    th = get_theme(theme)
    dot = graphviz.Digraph("argmap")
    dot.graph_attr.update(_graph_attrs(amap, th, rankdir, scope, depth))
    dot.attr("node", fontname=FONT, fontsize="13", fontcolor=th.text, shape="box",
             margin="0.14,0.07", penwidth="1.2")
    dot.attr("edge", fontname=FONT, fontsize="13", dir="back", arrowsize="0.9")
    groups = _tag_groups(scope.claims) if clusters else {}
    for index, (tag, members) in enumerate(groups.items(), 1):
        with dot.subgraph(name=f"cluster_tag_{index}") as sub:
            sub.attr(label=f"<<B>{html_text(tag)}</B>>", style="rounded,dashed",
                     color=th.subtle, fontcolor=th.subtle, fontsize="12", id=f"_tag_{index}")
            for claim in members:
                _claim_node(sub, amap, claim, scope, analysis, th)
    grouped = {c.id for members in groups.values() for c in members}
    for claim in scope.claims:
        if claim.id not in grouped:
            _claim_node(dot, amap, claim, scope, analysis, th)
    for link in scope.links:
        _link(dot, link, scope, th)
    if legend and scope.claims:
        add_legend(dot, scope, th, across=rankdir == "LR")
    return dot


def _graph_attrs(amap: ArgumentMap, th: Theme, rankdir: str, scope: Scope,
                 depth: int) -> dict[str, str]:
    title = f"<B>{html_lines(wrap(amap.title, TITLE_WIDTH))}</B>"
    if scope.focus is not None:
        around = shorten(amap.claim(scope.focus).text, TITLE_WIDTH)
        steps = "1 link" if depth == 1 else f"{depth} links"
        title += (f'<BR/><FONT POINT-SIZE="13" COLOR="{th.subtle}">within {steps} of: '
                  f"{html_text(around)}</FONT>")
    return {
        "rankdir": rankdir, "newrank": "true", "bgcolor": th.background,
        "fontname": FONT, "fontcolor": th.text, "fontsize": "20",
        "label": f"<{title}>", "labelloc": "t", "labeljust": "c",
        "nodesep": "0.3", "ranksep": "0.45", "pad": "0.3",
        "id": "argmap",
    }


def _tag_groups(claims: list[Claim]) -> dict[str, list[Claim]]:
    groups: dict[str, list[Claim]] = {}
    for claim in claims:
        if claim.tags:
            groups.setdefault(claim.tags[0], []).append(claim)
    return groups


def _claim_node(dot: graphviz.Digraph, amap: ArgumentMap, claim: Claim, scope: Scope,
                analysis: AnalysisLike | None, th: Theme) -> None:
    kind = th.kinds[claim.kind]
    style = KIND_STYLE[claim.kind]
    unsourced = claim.id in scope.unsourced
    if unsourced or claim.proposed:
        style += ",dashed"
    attrs = {
        "id": claim.id, "label": _claim_label(amap, claim, scope, th, unsourced),
        "shape": "note" if claim.kind == "assumption" else "box", "style": style,
        "fillcolor": kind.fill, "color": kind.border,
        "tooltip": dot_string(_claim_tooltip(amap, claim, scope, analysis)),
        "class": f"{claim.kind} unsourced" if unsourced else claim.kind,
    }
    if claim.proposed:  # a tool's proposal, not reviewed yet: dashed grey
        attrs.update(color=th.subtle, **{"class": attrs["class"] + " proposed"})
    if claim.kind == "conclusion":
        attrs["penwidth"] = "2.2"
    if claim.id == scope.focus:
        attrs.update(color=th.focus, penwidth="3.5")
    dot.node(claim.id, **attrs)


def _claim_label(amap: ArgumentMap, claim: Claim, scope: Scope, th: Theme,
                 unsourced: bool) -> str:
    # The mark is wrapped with the text so the first line is no longer than the others; the
    # escaped text holds no markup, so the first "⚠ " is the mark.
    text = html_lines(wrap(("⚠ " if unsourced else "") + claim.text))
    if unsourced:
        text = text.replace("⚠ ", f'<FONT COLOR="{th.flag}">⚠ </FONT>', 1)
    text = {"conclusion": f"<B>{text}</B>", "assumption": f"<I>{text}</I>"}.get(claim.kind, text)
    rows = [f'<TR><TD BALIGN="LEFT" ALIGN="LEFT">{text}</TD></TR>']
    parts = _citation_parts(amap, claim)
    if claim.id in scope.strengths:
        parts.insert(0, f"strength {scope.strengths[claim.id]:.2f} ·")
    if parts:
        lines = source_lines(parts)
        rows.append(f'<TR><TD BALIGN="LEFT" ALIGN="LEFT"><FONT POINT-SIZE="10" '
                    f'COLOR="{th.subtle}">{html_lines(lines)}</FONT></TD></TR>')
    return ('<<TABLE BORDER="0" CELLBORDER="0" CELLSPACING="0" CELLPADDING="1">'
            + "".join(rows) + "</TABLE>>")


def _citation_parts(amap: ArgumentMap, claim: Claim) -> list[str]:
    """The claim's sources in short: evidence first, then where the analysed text says it."""
    evidence = [c for c in claim.evidence if amap.is_evidence(c)]
    said = [c for c in claim.evidence if not amap.is_evidence(c)]
    parts = [c.source + (f", {c.locator}" if c.locator else "") for c in evidence]
    parts += ["in " + c.source + (f", {c.locator}" if c.locator else "") for c in said]
    return [p + ";" for p in parts[:-1]] + parts[-1:]


def source_lines(parts: list[str], width: int = SOURCE_WIDTH,
                 most: int = SOURCE_LINES) -> list[str]:
    """The small source line under a claim, in at most ``most`` lines of ``width``.

    Citations that do not fit are counted ("+2 more"), never cut off at the end: a citation
    that must be shortened loses the middle of its locator, so the paragraph number stays.

    >>> source_lines(["in china-catching-up, The New Bipolarity in Global Compute, para 3"])
    ['in china-catching-up, The New', 'Bipolarity in Global Comp…, para 3']
    >>> source_lines(["a, para 1;", "b, para 2;", "c, para 3;", "d, section four, para 9"], 16)
    ['a, para 1; b,', 'para 2; +2 more']
    """
    def fits(text: str) -> list[str] | None:
        lines = wrap(text, width)
        return lines if len(lines) <= most else None

    for shown in range(len(parts), 0, -1):
        more = len(parts) - shown
        tail = f" +{more} more" if more else ""
        head, last = parts[:shown - 1], parts[shown - 1]
        lines = fits(" ".join([*head, last]) + tail)
        if lines:
            return lines
        # Shorten the middle of the last citation shown, keeping its first and last pieces.
        end = ";" if last.endswith(";") else ""
        pieces = last.removesuffix(";").split(", ")
        if len(pieces) < 3:
            continue
        middle = ", ".join(pieces[1:-1])
        for keep in range(len(middle) - 1, 0, -1):
            short = f"{pieces[0]}, {middle[:keep].rstrip()}…, {pieces[-1]}{end}"
            lines = fits(" ".join([*head, short]) + tail)
            if lines:
                return lines
    lines = wrap(" ".join(parts), width)[:most]
    return lines[:-1] + [lines[-1][:width - 1] + "…"]


def _claim_tooltip(amap: ArgumentMap, claim: Claim, scope: Scope,
                   analysis: AnalysisLike | None) -> str:
    lines = [claim.text, "", f"{claim.kind} · {claim.id}" + (" · proposed, not reviewed"
                                                             if claim.proposed else "")]
    if claim.id in scope.strengths:
        lines.append(f"strength {scope.strengths[claim.id]:.2f}")
    for cite in claim.evidence:
        where = cite.source + (f", {cite.locator}" if cite.locator else "")
        role = "evidence" if amap.is_evidence(cite) else "said in"
        lines.append(f"{role}: {where}" + (f" — “{cite.quote}”" if cite.quote else ""))
    lines += _finding_lines(analysis.findings_for(claim.id) if analysis is not None else [])
    if claim.note:
        lines.append(f"note: {claim.note}")
    return "\n".join(lines)


def _finding_lines(findings: list[Any]) -> list[str]:
    lines = [f"⚠ {f.code} {f.name}: {f.message}" for f in findings]
    return list(dict.fromkeys(lines))


def _link(dot: graphviz.Digraph, link: Link, scope: Scope, th: Theme) -> None:
    colour = th.support if link.type == "supports" else th.attack
    flagged = scope.flags.get(link.ident, [])
    tip = dot_string(_link_tooltip(scope, link, flagged))
    style = "dashed" if link.strength == "weak" or link.proposed else "solid"
    classes = f"{link.type} {link.strength}" + (" flagged" if flagged else "")
    if link.proposed:  # a tool's proposal, not reviewed yet: dashed grey
        colour, classes = th.subtle, classes + " proposed"
    common = {"color": colour, "style": style, "penwidth": PENWIDTH[link.strength],
              "tooltip": tip, "edgetooltip": tip, "class": classes}
    last = dict(common, arrowtail=ARROW[link.type], arrowsize=ARROWSIZE[link.type],
                id=f"{link.ident}:to:{link.to}")
    if flagged:
        last.update(label="<<B>⚠</B>>", fontcolor=th.flag, fontsize="16", labeltooltip=tip)
    if link.scheme:
        # The scheme names the kind of inference: small italics beside the line, after any ⚠.
        flag = f'<FONT COLOR="{th.flag}" POINT-SIZE="16"><B>⚠</B></FONT> ' if flagged else ""
        last.update(label=f"<{flag}<I>{html_text(scheme_label(link.scheme))}</I>>",
                    fontsize="11", fontcolor=th.subtle, labeltooltip=tip)
    if link.ident not in scope.hubs:
        dot.edge(link.to, link.from_[0], **last)
        return
    dot.node(link.ident, label="", shape="circle", width="0.16", height="0.16", fixedsize="true",
             style="filled", fillcolor=colour, color=colour, id=link.ident, tooltip=tip,
             **{"class": f"inference {classes}"})
    many = len(link.from_) > PREMISES_SHOWN
    for n, premise in enumerate(link.from_, 1):
        edge = common
        if many:  # the whole tooltip (findings of every premise) on each edge is quadratic
            short = dot_string(f"{premise}: co-premise {n} of {len(link.from_)} of link "
                               f"{link.ident} (its dot has the link's findings)")
            edge = dict(common, tooltip=short, edgetooltip=short)
        dot.edge(link.ident, premise, arrowtail="none", id=f"{link.ident}:from:{premise}", **edge)
    dot.edge(link.to, link.ident, **last)


def scheme_label(name: str) -> str:
    """A scheme as a diagram shows it: the catalogue's short name, else the name as written."""
    from argmap.analysis.schemes import scheme_words

    return shorten(scheme_words(name), 40)


PREMISES_SHOWN = 8  # co-premises listed by name in a tooltip; past this they are counted


def premise_list(premises: list[str], shown: int = PREMISES_SHOWN - 2) -> str:
    """``a + b + c``; past ``shown`` premises the rest are counted, not listed: the tooltip goes
    on every co-premise's edge, so listing them all made a link's DOT quadratic in its size."""
    if len(premises) <= shown + 2:
        return " + ".join(premises)
    return " + ".join(premises[:shown]) + f" + … ({len(premises)} premises in all)"


def _link_tooltip(scope: Scope, link: Link, flagged: list[Any]) -> str:
    target = _name(scope, link.to)
    lines = [f"{premise_list(link.from_)} {link.type} {target}",
             f"{link.strength} link · {link.ident}" + (" · proposed, not reviewed"
                                                       if link.proposed else "")]
    if link.warrant:
        lines.append(f"warrant: {link.warrant}")
    if link.scheme:
        lines.append(f"scheme: {link.scheme}")
    lines += _finding_lines(flagged)
    if link.note:
        lines.append(f"note: {link.note}")
    return "\n".join(lines)


def _name(scope: Scope, target: str) -> str:
    """A link's target as a reader knows it: a claim id, or 'the link a -> b' for an undercut."""
    inner = scope.link_index.get(target)
    if inner is None:
        return target
    return f"the link {premise_list(inner.from_)} -> {inner.to}"
