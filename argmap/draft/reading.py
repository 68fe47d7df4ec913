"""Reading the article to draft: UTF-8 text, or a clear error that says what the file is.

>>> article_text(b"Cars pollute.\\n", "essay.txt")
'Cars pollute.\\n'
>>> try:
...     article_text(b"Caf\\xe9 culture is dying.", "essay.txt")
... except UsageError as exc:
...     print(str(exc).split("; ")[1].split(":")[0])
it looks like Windows-1252 (or Latin-1)
"""

from __future__ import annotations

import sys
from pathlib import Path

from argmap.errors import UsageError

MAX_BYTES = 50 * 1024 * 1024

# What a binary file is, by how it starts.
_MAGIC = ((b"%PDF", "a PDF document"), (b"PK\x03\x04", "a ZIP archive (a .docx, .odt or .epub "
          "is one)"), (b"\xd0\xcf\x11\xe0", "an old Word or Excel document"),
          (b"\x89PNG", "a PNG image"), (b"\xff\xd8\xff", "a JPEG image"), (b"GIF8", "a GIF image"),
          (b"\x7fELF", "a program"), (b"\x1f\x8b", "a gzip archive"),
          (b"{\\rtf", "an RTF document"))
_BOMS = ((b"\xff\xfe\x00\x00", "UTF-32"), (b"\x00\x00\xfe\xff", "UTF-32"),
         (b"\xff\xfe", "UTF-16"), (b"\xfe\xff", "UTF-16"))


def read_article(name: str) -> tuple[str, Path | None]:
    """The text of the article at ``name`` (``-``: standard input) and its path (None for
    standard input). UsageError, saying what is wrong, for a folder, a missing or unreadable
    file, a binary file, a text not in UTF-8 (and the encoding it looks like), or no text."""
    if name == "-":
        return article_text(sys.stdin.buffer.read(), "standard input"), None
    path = Path(name)
    if path.is_dir():
        raise UsageError(f"{name} is a directory; give the text file of the article to draft")
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise UsageError(f"{name}: the file is {size >> 20} MiB; the limit is "
                             f"{MAX_BYTES >> 20} MiB of text")
        data = path.read_bytes()
    except OSError as exc:
        raise UsageError(f"{name}: cannot read it: {exc.strerror or exc}") from None
    return article_text(data, name), path


def article_text(data: bytes, name: str) -> str:
    """``data`` decoded as UTF-8 (a BOM is dropped); UsageError when it is not a text."""
    for magic, what in _MAGIC:
        if data.startswith(magic):
            raise UsageError(f"{name} is {what}, not a text; save or export it as plain text "
                             "(.txt) or Markdown first")
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            raise UsageError(f"{name} is {encoding} text; save it as UTF-8")
    head = data[:4096]
    if head.count(b"\x00") > len(head) // 4 and len(head) >= 4:
        raise UsageError(f"{name} looks like UTF-16 text (every other byte is 0); save it as "
                         "UTF-8")
    if b"\x00" in head:
        raise UsageError(f"{name} is not a text file (it holds NUL bytes); give a plain-text or "
                         "Markdown article")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        bad = data[exc.start : exc.start + 1]
        raise UsageError(f"{name}: the text is not UTF-8 (byte {exc.start} is {bad!r}); "
                         f"{_guess(data, name)}") from None
    if not text.strip():
        what = "empty" if not text else "only white space"
        raise UsageError(f"{name} is {what}: there is no text to draft a map from")
    controls = sum(1 for ch in text[:4096] if ord(ch) < 32 and ch not in "\t\n\r\f")
    if controls > 8:
        raise UsageError(f"{name} is not a text file (it holds {controls} control characters "
                         "near its start); give a plain-text or Markdown article")
    return text


def _guess(data: bytes, name: str) -> str:
    """What 8-bit encoding ``data`` looks like, and how to convert it."""
    for encoding, label in (("cp1252", "WINDOWS-1252"), ("latin-1", "LATIN1")):
        try:
            data.decode(encoding)
        except UnicodeDecodeError:
            continue
        words = "Windows-1252 (or Latin-1)" if encoding == "cp1252" else "Latin-1 (ISO-8859-1)"
        return (f"it looks like {words}: save it as UTF-8, e.g. iconv -f {label} -t UTF-8 "
                f"{name}")
    return "save it as UTF-8"  # pragma: no cover - latin-1 decodes every byte
