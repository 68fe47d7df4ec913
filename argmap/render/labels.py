"""Label text for diagrams: wrapping, and escaping for DOT, HTML-like labels, SVG and Mermaid.

A map's text is the author's: it may hold quotes, backslashes, ``<tags>``, ``&amp;``, braces,
pipes, newlines, ``[bold]`` markup, emoji or right-to-left script. Every function here turns such
text into something that shows *literally* in the output and can never end a string early or
add an attribute.

>>> wrap("A ban would cut off older and disabled residents", 20)
['A ban would cut off', 'older and disabled', 'residents']
>>> html_text('<b> & "x"')
'&lt;b&gt; &amp; &quot;x&quot;'
>>> mermaid_text('a "b" [c] #d')
'a #quot;b#quot; #91;c#93; #35;d'
"""

from __future__ import annotations

import re
import textwrap
import unicodedata

import graphviz

WIDTH = 24  # characters per line of claim text: about 4 words; narrow boxes project well
_UNPRINTABLE = re.compile("[\x00-\x09\x0b-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")
_JOINERS = {"\u200d", "\ufe0e", "\ufe0f"}  # zero-width joiner, variation selectors


def clean(text: str) -> str:
    """``text`` without what no output format can hold.

    Control characters (except newline; a tab becomes a space), lone surrogates and the
    non-characters U+FFFE/U+FFFF become U+FFFD, the visible replacement mark. XML (and so SVG)
    refuses them, and a lone surrogate cannot be encoded at all.
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\t", " ")
    return _UNPRINTABLE.sub("\ufffd", text)


def _chunks(word: str, width: int) -> list[str]:
    """Cut a word longer than ``width`` into pieces, never between a character and its marks."""
    if len(word) <= width:
        return [word]
    pieces: list[str] = []
    current = ""
    for ch in word:
        joins = ch in _JOINERS or unicodedata.combining(ch) or (current and current[-1] == "\u200d")
        if len(current) >= width and not joins:
            pieces.append(current)
            current = ""
        current += ch
    if current:
        pieces.append(current)
    return pieces


def wrap(text: str, width: int = WIDTH) -> list[str]:
    """The lines of ``text`` wrapped at ``width`` characters; the author's newlines are kept
    and words longer than a line (URLs, hashes) are broken so no line runs on."""
    lines: list[str] = []
    for paragraph in clean(text).split("\n"):
        words = [piece for word in paragraph.split() for piece in _chunks(word, width)]
        if not words:
            lines.append("")
            continue
        lines.extend(textwrap.wrap(" ".join(words), width, break_long_words=False,
                                   break_on_hyphens=False))
    while len(lines) > 1 and not lines[-1]:
        lines.pop()
    return lines or [""]


def shorten(text: str, limit: int) -> str:
    """``text`` on one line, cut to ``limit`` characters with an ellipsis when longer."""
    flat = " ".join(clean(text).split())
    return flat if len(flat) <= limit else flat[: limit - 1].rstrip() + "…"


def html_text(text: str) -> str:
    """``text`` for the inside of a Graphviz HTML-like label (one line: no newlines left).

    Graphviz decodes each entity once and writes the result escaped into SVG, so escaping
    ``&`` here makes ``&amp;`` in a claim show as ``&amp;``, not ``&``. It then expands
    ``\\N``, ``\\G`` ... (node and graph names) even in HTML-like text, so backslashes are
    doubled.
    """
    text = clean(text).replace("\n", " ")
    return (
        text.replace("\\", "\\\\")
        .replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace('"', "&quot;")
        .replace("'", "&#39;")
        # Graphviz 2.43 fails on text that starts with "]" after a tag (`a<BR/>]`).
        .replace("]", "&#93;")
    )


def html_lines(lines: list[str]) -> str:
    """Several lines for an HTML-like label, each escaped, joined by ``<BR/>``.

    Blank text becomes a no-break space: Graphviz refuses an empty ``<B></B>``.
    """
    return "<BR/>".join(html_text(line) for line in lines) or "&#160;"


def dot_string(text: str) -> str:
    """A plain (non-HTML) DOT attribute value such as a tooltip: shown literally.

    Graphviz reads a tooltip's backslash escapes twice (once as an escString, once more when
    it substitutes ``\\N``, ``\\G`` ...), so each backslash is written as four; newlines
    become ``\\n``, ``&`` becomes ``&amp;`` (entities are decoded once), and the value is marked
    as not HTML so ``<b>`` stays text. The graphviz package quotes it and escapes ``"``.
    """
    text = clean(text).replace("\\", "\\" * 4).replace("&", "&amp;").replace("\n", "\\n")
    return graphviz.nohtml(text)


# Mermaid reads "#code;" as a character code inside a quoted label; everything that could
# end the label, start markup or an HTML tag, or look like an entity is written that way.
_MERMAID_CODES = {ch: f"#{ord(ch)};" for ch in '"#<>&[]{}()|\\`;'}
_MERMAID_CODES['"'] = "#quot;"


def mermaid_text(text: str) -> str:
    """One line of ``text`` for the inside of a quoted Mermaid label: shown literally."""
    return "".join(_MERMAID_CODES.get(ch, ch) for ch in clean(text).replace("\n", " "))


def mermaid_lines(lines: list[str]) -> str:
    """Several lines for a quoted Mermaid label, joined by ``<br/>``."""
    return "<br/>".join(mermaid_text(line) for line in lines)
