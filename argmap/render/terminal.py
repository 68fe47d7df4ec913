"""Text from a map made safe to print on a terminal: no control character reaches it.

A map is written by anyone (a pull request, a shared file), and a terminal obeys the control
sequences in what it prints: ESC starts sequences that clear the screen, set the window title or
write the clipboard (OSC 52); a carriage return or backspace can hide what came before it. Every
place argmap prints map text to a terminal (the CLI's output, the explorer's labels) goes
through :func:`terminal_safe`, which shows each control character as a visible escape instead.

>>> terminal_safe("a\\x1b]52;c;ZXZpbA==\\x07b")
'a\\\\x1b]52;c;ZXZpbA==\\\\x07b'
>>> terminal_safe("two\\nlines\\tand a tab")
'two\\nlines\\tand a tab'
>>> terminal_safe("one\\nline", newlines=False)
'one\\\\nline'
"""

from __future__ import annotations

# C0 controls and DEL, and the C1 controls (U+0080 to U+009F: 8-bit CSI, OSC, NEL ...).
_CONTROLS = [*range(0x20), 0x7F, *range(0x80, 0xA0)]
_NAMED = {0x0A: "\\n", 0x0D: "\\r", 0x09: "\\t"}
_ESCAPES = {c: _NAMED.get(c, f"\\x{c:02x}") for c in _CONTROLS}
_KEEP_LINES = {c: e for c, e in _ESCAPES.items() if c not in (0x0A, 0x09)}


def terminal_safe(text: str, *, newlines: bool = True) -> str:
    """``text`` with every control character shown as an escape (``\\x1b``, ``\\r``).

    Line feeds and tabs are kept unless ``newlines`` is false (a one-line label), where they
    are escaped too. Cost: one ``str.translate`` pass; text without controls comes back as is.
    """
    if text.isprintable():
        return text
    return text.translate(_KEEP_LINES if newlines else _ESCAPES)
