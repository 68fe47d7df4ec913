"""The flow sheet written out: Markdown (also what the terminal shows), a standalone HTML page,
or CSV for a spreadsheet.

Every cell is the author's text: Markdown and HTML constructs are escaped, control characters
removed (:func:`argmap.render.labels.clean`), and a CSV cell that a spreadsheet would run as a
formula (``=``, ``+``, ``-``, ``@`` first) is prefixed with an apostrophe.

>>> csv_cell("=HYPERLINK(\\"x\\")")
'\\'=HYPERLINK("x")'
"""

from __future__ import annotations

import csv
import html
import io
from pathlib import Path

from argmap.errors import UsageError
from argmap.render.flow import FlowCell, FlowSheet, column_side
from argmap.render.labels import clean
from argmap.render.markdown import md

FORMATS = {".md": "md", ".markdown": "md", ".html": "html", ".htm": "html", ".csv": "csv"}
_SIDE_WORDS = {"for": "for", "against": "against"}


def format_for(path: Path) -> str:
    """The output format a file name asks for; UsageError for any other suffix."""
    fmt = FORMATS.get(path.suffix.lower())
    if fmt is None:
        raise UsageError(f"{path}: the flow sheet is written as .md, .html or .csv")
    return fmt


def render_flow(sheets: list[FlowSheet], title: str, fmt: str) -> str:
    """The flow sheets as a document in ``fmt`` (md, html or csv)."""
    return {"md": flow_markdown, "html": flow_html, "csv": flow_csv}[fmt](sheets, title)


def heading(sheet: FlowSheet) -> str:
    return f"Case {_SIDE_WORDS[sheet.side]}: {sheet.conclusion_text}"


def column_heads(sheet: FlowSheet) -> list[str]:
    return [f"{name} ({column_side(sheet, i)})" for i, name in enumerate(sheet.columns)]


def cell_text(cell: FlowCell | None) -> str:
    """A cell in plain words: text [cites] (against …) DROPPED, or a pointer to its row."""
    if cell is None:
        return ""
    if cell.repeat_of is not None:
        return f"{cell.text} (see row {cell.repeat_of})"
    words = cell.text + f" [{_cards(cell)}]"
    if cell.against:
        words += f" (against: {cell.against})"
    return words + (" DROPPED" if cell.dropped else "")


def _cards(cell: FlowCell, shown: int = 2) -> str:
    """The first cites of the cell's cards (a flow is shorthand), and how many more there are."""
    if cell.cites:
        more = len(cell.cites) - shown
        return "; ".join(cell.cites[:shown]) + (f"; +{more} more" if more > 0 else "")
    return "analytic" if cell.analytic else "no card"


# --- Markdown -----------------------------------------------------------------------------------

def flow_markdown(sheets: list[FlowSheet], title: str) -> str:
    parts = [f"# Flow: {md(clean(title))}"]
    if not sheets:
        parts.append("No contention on the map: nothing supports or attacks a conclusion.")
    for sheet in sheets:
        heads = ["#", *(md(h) for h in column_heads(sheet))]
        lines = [f"## {md(heading(sheet))}", "", _row(heads), _row(["---"] * len(heads))]
        for number, row in enumerate(sheet.rows, 1):
            cells = [_md_cell(row[i] if i < len(row) else None) for i in range(len(heads) - 1)]
            lines.append(_row([str(number), *cells]))
        parts.append("\n".join(lines))
    parts.append("**dropped**: the next column never answers it. A cell without a card is the "
                 "case-writer's analysis (*analytic*) or has *no card* on the map.")
    return "\n\n".join(parts) + "\n"


def _row(cells: list[str]) -> str:
    return "| " + " | ".join(cells) + " |"


def _md_cell(cell: FlowCell | None) -> str:
    if cell is None:
        return ""
    if cell.repeat_of is not None:
        return f"{md(cell.text)} *(see row {cell.repeat_of})*"
    words = f"{md(cell.text)} *({md(_cards(cell))})*"
    if cell.against:
        words = f"*against {md(cell.against)}:* " + words
    return words + (" **dropped**" if cell.dropped else "")


# --- HTML ---------------------------------------------------------------------------------------

_STYLE = """
body { font-family: system-ui, sans-serif; margin: 1.5rem; }
table { border-collapse: collapse; margin-bottom: 2rem; }
th, td { border: 1px solid #999; padding: .35rem .5rem; vertical-align: top; max-width: 22rem; }
th.for, td.for { background: #eef5ff; } th.against, td.against { background: #fff1ee; }
td.dropped { outline: 2px solid #c00; outline-offset: -2px; }
.cite { color: #555; font-style: italic; } .mark { color: #c00; font-weight: bold; }
"""


def flow_html(sheets: list[FlowSheet], title: str) -> str:
    esc = _html
    body = [f"<h1>Flow: {esc(title)}</h1>"]
    if not sheets:
        body.append("<p>No contention on the map: nothing supports or attacks a conclusion.</p>")
    for sheet in sheets:
        sides = [column_side(sheet, i) for i in range(len(sheet.columns))]
        heads = "".join(f'<th class="{s}">{esc(h)}</th>'
                        for s, h in zip(sides, column_heads(sheet), strict=True))
        rows = []
        for number, row in enumerate(sheet.rows, 1):
            cells = "".join(_html_cell(row[i] if i < len(row) else None, side)
                            for i, side in enumerate(sides))
            rows.append(f"<tr><th>{number}</th>{cells}</tr>")
        body.append(f"<h2>{esc(heading(sheet))}</h2>\n<table>\n<tr><th>#</th>{heads}</tr>\n"
                    + "\n".join(rows) + "\n</table>")
    body.append('<p><span class="mark">dropped</span>: the next column never answers it.</p>')
    return ("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
            f"<title>Flow: {esc(title)}</title>\n<style>{_STYLE}</style>\n</head>\n<body>\n"
            + "\n".join(body) + "\n</body>\n</html>\n")


def _html(text: str) -> str:
    return html.escape(" ".join(clean(text).split()), quote=True)


def _html_cell(cell: FlowCell | None, side: str) -> str:
    if cell is None:
        return "<td></td>"
    if cell.repeat_of is not None:
        return f'<td class="{side}">{_html(cell.text)} <span class="cite">(see row ' \
               f"{cell.repeat_of})</span></td>"
    words = f'{_html(cell.text)} <span class="cite">({_html(_cards(cell))})</span>'
    if cell.against:
        words = f"<em>against {_html(cell.against)}:</em> " + words
    if cell.dropped:
        return f'<td class="{side} dropped">{words} <span class="mark">dropped</span></td>'
    return f'<td class="{side}">{words}</td>'


# --- CSV ----------------------------------------------------------------------------------------

def flow_csv(sheets: list[FlowSheet], title: str) -> str:
    """One table: the sheet and row number, then one column per level (as wide as the widest)."""
    width = max((len(s.columns) for s in sheets), default=1)
    names = max((s.columns for s in sheets), key=len, default=["Contention"])
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["sheet", "row", *names][: width + 2])
    for sheet in sheets:
        for number, row in enumerate(sheet.rows, 1):
            cells = [cell_text(row[i] if i < len(row) else None) for i in range(width)]
            writer.writerow([csv_cell(heading(sheet)), number, *map(csv_cell, cells)])
    return out.getvalue()


def csv_cell(text: str) -> str:
    """``text`` on one line, safe to open in a spreadsheet (no formula runs)."""
    text = " ".join(clean(text).split())
    return "'" + text if text[:1] in ("=", "+", "-", "@") else text
