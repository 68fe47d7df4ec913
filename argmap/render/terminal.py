"""Text from a map made safe to print on a terminal: no control character reaches it.

A map is written by anyone (a pull request, a shared file), and a terminal obeys the control
sequences in what it prints: ESC starts sequences that clear the screen, set the window title or
write the clipboard (OSC 52); a carriage return or backspace can hide what came before it. Every
place argmap prints map text to a terminal (the CLI's output, the explorer's labels) goes
through :func:`terminal_safe`, which shows each control character as a visible stand-in of the
same length (one character), so styled text keeps its spans: the C0 controls as Unicode's
control pictures (ESC as ␛, CR as ␍), DEL as ␡, the C1 controls as �.

>>> terminal_safe("a\\x1b]52;c;ZXZpbA==\\x07b")
'a␛]52;c;ZXZpbA==␇b'
>>> terminal_safe("two\\nlines\\tand a tab, \\r\\x9b")
'two\\nlines\\tand a tab, ␍�'
>>> terminal_safe("one\\nline", newlines=False)
'one␤line'
"""

from __future__ import annotations

import re

_PICTURES = {c: 0x2400 + c for c in range(0x20)} | {0x7F: 0x2421}
_PICTURES |= {c: 0xFFFD for c in range(0x80, 0xA0)}
_PICTURES[0x0A] = 0x2424  # ␤: a line break shown on one line
_KEEP_LINES = {c: p for c, p in _PICTURES.items() if c not in (0x0A, 0x09)}
# Any character _KEEP_LINES replaces: one scan in C finds whether a long text holds one (a
# ``str.translate`` with a dict costs some 0.1 s a megabyte even when it changes nothing).
_CONTROL = re.compile("[" + "".join(re.escape(chr(c)) for c in sorted(_KEEP_LINES)) + "]")


def terminal_safe(text: str, *, newlines: bool = True) -> str:
    """``text`` with every control character replaced by a visible stand-in (same length).

    Line feeds and tabs are kept unless ``newlines`` is false (a one-line label). Cost: one
    ``str.translate`` pass; text without controls comes back as it is.
    """
    if text.isprintable():
        return text
    if newlines:
        return text.translate(_KEEP_LINES) if _CONTROL.search(text) else text
    return text.translate(_PICTURES)
