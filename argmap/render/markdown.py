"""Markdown helpers shared by the audit report and the debate outline.

Claim text, quotes and titles come from users: :func:`md` escapes them so that Markdown or HTML
in them shows literally.

>>> md("Use <b>*all*</b> [links](x) & `code`")
'Use &lt;b&gt;\\\\*all\\\\*&lt;/b&gt; \\\\[links\\\\](x) &amp; \\\\`code\\\\`'
"""

from __future__ import annotations

import re

from argmap.model import Citation, Source

_SPECIAL = re.compile(r"([\\`*_\[\]{}|~#!])")
_LINE_START = re.compile(r"^(\s*)([-+>=]|\d+[.)])(?=\s|$)", re.MULTILINE)


def md(text: str) -> str:
    """``text`` with every Markdown and HTML construct escaped, on one line."""
    text = " ".join(text.split())
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    text = _SPECIAL.sub(r"\\\1", text)
    return _LINE_START.sub(lambda m: m.group(1) + "\\" + m.group(2), text)


def prose(text: str) -> str:
    """:func:`md`, except that a backtick shows as a code span holding a backtick rather than
    as an escaped backtick: the text still shows literally (CommonMark renders the backtick),
    and the Markdown holds no escaped backticks, which some renderers show as typed.

    >>> prose("See `neg-divergence` <here>")
    'See `` ` ``neg-divergence`` ` `` &lt;here&gt;'
    """
    return md(text).replace("\\`", "`` ` ``")


def ours(text: str) -> str:
    """Our own wording (a rule's hint or message) whose `backticked` words are code spans: they
    stay code spans, and the rest is escaped like :func:`md` (it may quote the user's words).

    >>> ours("Add `evidence:` to <it>")
    'Add `evidence:` to &lt;it&gt;'
    """
    parts = text.split("`")
    if len(parts) % 2 == 0:  # an unpaired backtick: not ours to interpret
        return prose(text)
    return "".join(code(p) if i % 2 else _keep_edges(p) for i, p in enumerate(parts))


def _keep_edges(text: str) -> str:
    """:func:`md` of ``text`` keeping one space where it began or ended with space."""
    lead = " " if text[:1].isspace() else ""
    trail = " " if text[-1:].isspace() and text.strip() else ""
    return lead + md(text) + trail


def code(text: str) -> str:
    """An inline code span holding ``text`` (ids are slugs, but be safe)."""
    return f"`{text.replace('`', '')}`"


def table_row(cells: list[str]) -> str:
    return "| " + " | ".join(cells) + " |"


def cite(source: Source | None, citation: Citation) -> str:
    """A citation's reference: who, when, what, where (escaped), e.g. 'City office, 2023, ...'."""
    if source is None:
        return md(citation.source)
    parts = [p for p in (source.author or source.publisher, source.date) if p]
    title = f"*{md(source.title)}*" if source.title else code(source.id)
    text = ", ".join([*(md(p) for p in parts), title])
    if citation.locator:
        text += f", {md(citation.locator)}"
    if source.url:  # http(s) or doi: with nothing Markdown reads (argmap.model.URL_RE)
        url = source.url
        if url.lower().startswith("doi:"):
            url = "https://doi.org/" + url[4:]
        text += f" <{url}>"
    return text


def percent(value: float) -> str:
    """A strength in [0, 1] as a two-decimal number, the way the CLI prints it."""
    return f"{value:.2f}"
