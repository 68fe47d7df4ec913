"""The map as one self-contained web page: the diagram's SVG, the claims' details and the text
under review, with inline CSS and script and nothing loaded from anywhere (it works from a USB
stick, offline).

Pure: it takes the map, its analysis, the SVG that `argmap render` draws and the subject texts,
and returns the HTML. Everything from the map reaches the page either as escaped text or inside
one JSON block whose ``<``, ``>`` and ``&`` are written as ``\\u003c`` ... (so ``</script>`` in
a claim cannot end it); the script puts the map's text on the page only through
``textContent``, never as markup.

>>> from argmap.model import ArgumentMap
>>> m = ArgumentMap.model_validate({"title": "</script><b>t", "claims": [{"id": "a",
...     "text": "A </script>"}]})
>>> html = build_page(m, None, "<svg></svg>")
>>> "</script><b>" in html, html.count("</script>")  # the data block and the script
(False, 2)
"""

from __future__ import annotations

import html
import json
import re
from collections.abc import Mapping
from importlib import resources
from typing import Any

from argmap.analysis.text.quotes import quote_span
from argmap.model import ArgumentMap, Citation, Claim, Link
from argmap.render.labels import clean
from argmap.render.scope import AnalysisLike

# Graphviz's prolog, doctype and comments have no place inside an HTML page.
_BEFORE_SVG = re.compile(r"\A.*?(?=<svg\b)", re.S)
_COMMENT = re.compile(r"<!--.*?-->", re.S)
_SIZE = re.compile(r'(<svg\b[^>]*?)\s(?:width|height)="[^"]*"')


# The page may load nothing: no scripts, styles, fonts or pictures from anywhere, only its own.
_CSP = "default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:"


def _asset(name: str) -> str:
    return resources.files("argmap.render").joinpath(name).read_text(encoding="utf-8")


def _esc(text: str) -> str:
    return html.escape(clean(text), quote=True)


def _json(data: Any) -> str:
    """JSON safe inside a ``<script>`` element: no ``<``, ``>`` or ``&`` left, all ASCII."""
    text = json.dumps(data, ensure_ascii=True, separators=(",", ":"))
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def inline_svg(svg: str) -> str:
    """Graphviz's SVG document as an element to put in a page: no prolog, doctype, comments
    or fixed size (the page sizes it)."""
    body = _COMMENT.sub("", _BEFORE_SVG.sub("", svg, count=1))
    for _ in range(2):
        body = _SIZE.sub(r"\1", body, count=1)
    return body.replace("<svg", '<svg id="diagram" role="img"', 1)


def _citation(amap: ArgumentMap, cite: Citation, texts: Mapping[str, str]) -> dict[str, Any]:
    source = next((s for s in amap.sources if s.id == cite.source), None)
    found: dict[str, Any] = {
        "source": clean(cite.source),
        "title": clean(source.title) if source is not None and source.title else "",
        "locator": clean(cite.locator or ""),
        "quote": clean(cite.quote or ""),
        "evidence": amap.is_evidence(cite),
    }
    text = texts.get(cite.source)
    if text is not None and cite.quote:
        span = quote_span(cite.quote, text)
        if span is not None:
            found["span"] = list(span)
    return found


def _findings(analysis: AnalysisLike | None, target: str) -> list[dict[str, str]]:
    if analysis is None:
        return []
    return [{"code": f.code, "name": f.name, "severity": f.severity,
             "message": clean(f.message)} for f in analysis.findings_for(target)]


def _claim(amap: ArgumentMap, claim: Claim, analysis: AnalysisLike | None,
           texts: Mapping[str, str]) -> dict[str, Any]:
    strength = analysis.strengths.get(claim.id) if analysis is not None else None
    findings = _findings(analysis, claim.id)
    return {
        "id": claim.id, "text": clean(claim.text), "kind": claim.kind,
        "strength": None if strength is None else round(strength, 3),
        "evidence": [_citation(amap, c, texts) for c in claim.evidence],
        "findings": findings, "note": clean(claim.note or ""),
        "tags": [clean(t) for t in claim.tags],
        "flagged": bool(findings),
    }


def _link(amap: ArgumentMap, link: Link, analysis: AnalysisLike | None,
          texts: Mapping[str, str]) -> dict[str, Any]:
    findings = _findings(analysis, link.ident)
    flags = analysis.link_flags(link.ident) if analysis is not None else []
    return {
        "id": link.ident, "from": list(link.from_), "to": link.to, "type": link.type,
        "strength": link.strength, "warrant": clean(link.warrant or ""),
        "evidence": [_citation(amap, c, texts) for c in link.evidence],
        "findings": findings, "note": clean(link.note or ""),
        "flagged": bool(findings or flags),
    }


def page_data(amap: ArgumentMap, analysis: AnalysisLike | None,
              texts: Mapping[str, str] | None = None) -> dict[str, Any]:
    """What the page's script reads: claims and links with their details, and the texts.

    ``texts``: source id -> the source's text, for the subject sources that have one.
    """
    texts = dict(texts or {})
    return {
        "title": clean(amap.title),
        "claims": {c.id: _claim(amap, c, analysis, texts) for c in amap.claims},
        "links": {lk.ident: _link(amap, lk, analysis, texts) for lk in amap.links},
        "texts": [{"source": sid, "title": _source_title(amap, sid), "text": clean(text)}
                  for sid, text in texts.items()],
    }


def _source_title(amap: ArgumentMap, source_id: str) -> str:
    source = next((s for s in amap.sources if s.id == source_id), None)
    return clean(source.title or source_id) if source is not None else source_id


def _print_list(data: dict[str, Any]) -> str:
    """Every claim with its details, for the printed page (the screen shows one at a time)."""
    items = []
    for claim in data["claims"].values():
        extra = [f"<span class='kind'>{_esc(claim['kind'])}</span>"]
        if claim["strength"] is not None:
            extra.append(f"strength {claim['strength']:.2f}")
        cites = "".join(
            f"<li>{_esc(c['source'])}{', ' + _esc(c['locator']) if c['locator'] else ''}"
            f"{' — “' + _esc(c['quote']) + '”' if c['quote'] else ''}</li>"
            for c in claim["evidence"])
        found = "".join(f"<li class='finding'>⚠ {_esc(f['code'])} {_esc(f['message'])}</li>"
                        for f in claim["findings"])
        items.append(f"<li><b>{_esc(claim['text'])}</b> <small>{_esc(claim['id'])} · "
                     f"{' · '.join(extra)}</small><ul>{cites}{found}</ul></li>")
    return "<ol>" + "".join(items) + "</ol>"


def build_page(amap: ArgumentMap, analysis: AnalysisLike | None, svg: str,
               texts: Mapping[str, str] | None = None) -> str:
    """The whole page as HTML text.

    ``svg``: the diagram as Graphviz wrote it (claim nodes carry the claim ids, edges
    ``LINK:to:TARGET``); ``texts``: source id -> text of the subject sources to show beside it.
    """
    data = page_data(amap, analysis, texts)
    flagged = sum(1 for c in data["claims"].values() if c["flagged"])
    flagged += sum(1 for lk in data["links"].values() if lk["flagged"])
    text_panel = ('<section id="source" aria-label="Text under review">'
                  '<h2>Text under review</h2><div id="source-texts"></div></section>'
                  if data["texts"] else "")
    title = _esc(amap.title)
    return f"""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="{_CSP}">
<title>{title}</title>
<style>
{_asset("page.css")}
</style>
</head>
<body class="{'with-text' if data['texts'] else 'no-text'}">
<header>
<h1>{title}</h1>
<div class="controls" role="toolbar" aria-label="Map controls">
<input id="search" type="search" placeholder="Search claims…" aria-label="Search claims">
<span id="search-count" aria-live="polite"></span>
<label><input id="flagged-only" type="checkbox"> flagged only ({flagged})</label>
<button id="zoom-in" type="button" title="Zoom in">+</button>
<button id="zoom-out" type="button" title="Zoom out">−</button>
<button id="zoom-fit" type="button" title="Fit the map to the window">fit</button>
</div>
</header>
<main>
<div id="map" tabindex="0" aria-label="Diagram: drag to pan, wheel to zoom, click a claim">
<div id="canvas">
{inline_svg(svg)}
</div>
</div>
<aside>
<section id="details" aria-live="polite"><p class="hint">Click a claim or a link to see its
text, evidence, findings and strength.</p></section>
{text_panel}
</aside>
</main>
<section id="print-list" aria-hidden="true"><h2>Claims</h2>{_print_list(data)}</section>
<script type="application/json" id="argmap-data">{_json(data)}</script>
<script>
{_asset("page.js")}
</script>
</body>
</html>
"""
