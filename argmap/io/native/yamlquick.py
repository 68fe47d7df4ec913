"""Quick YAML parsing for maps that have no problem: yaml-rs, when it is installed.

yaml-rs (a Rust YAML 1.2 parser) builds the data of a 10k-claim map about eight times faster
than the libyaml path (:mod:`argmap.io.native.yamlfast`), but keeps no positions and reads a few
things differently. So a text is parsed with it only when a screen finds none of those things:

- tags, anchors and aliases (argmap refuses tags and limits aliases, with its own messages);
- numbers with ``_``, ``0b``, upper-case prefixes or signed ``0x``/``0o`` (yaml-rs reads
  ``1_000`` as 1000; argmap's YAML 1.2 reading keeps it text);
- timestamps with a time, and dates that do not exist (``2024-02-30``);
- a ``:`` or ``?`` starting a scalar after a flow indicator (``[:x]``, ``[?x]``);
- characters YAML does not allow in a stream, the YAML 1.1 line breaks (NEL, LS, PS) and byte
  order marks past the start, which the two parsers treat differently.

The screen looks for these anywhere, not only where a node starts, so text that merely mentions
them (``a * b``) goes to the full path too: slower, never different. A plain date is a date for
both parsers; yaml-rs also reads a quoted one as a date, which fails validation wherever argmap
wants text (sending the file to the full path) and gives the same text where a date is allowed
(a source's ``date``). Whatever yaml-rs refuses (duplicate keys, several documents, bad syntax)
gives None as well; the caller then takes the full path, which says what is wrong and where.

>>> parse(b"title: t\\nclaims: [{id: a, text: A}]\\n")
{'title': 't', 'claims': [{'id': 'a', 'text': 'A'}]}
>>> parse(b"title: !!python/name:os.system t\\n") is None
True
"""

from __future__ import annotations

import codecs
import datetime as _dt
import re
from typing import Any

try:
    import yaml_rs
except ImportError:  # optional: without it every YAML map takes the libyaml path
    yaml_rs = None

# The ASCII control characters YAML refuses (tab, LF and CR are allowed); all else is deleted.
_KEEP_CONTROLS = bytes(range(256)).translate(None, bytes([*range(9), 11, 12, *range(14, 32),
                                                          127]))
# In UTF-8: C1 controls and NEL; the line and paragraph separators; a byte order mark and two
# non-characters. One pattern each, so that each starts with a literal byte (a fast scan).
_ODD_UNICODE = (re.compile(b"\xc2[\x80-\x9f]"), re.compile(b"\xe2\x80[\xa8\xa9]"),
                re.compile(b"\xef(?:\xbb\xbf|\xbf[\xbe\xbf])"))
_UNDERSCORE_NUMBER = re.compile(rb"[0-9][0-9A-Za-z.+_-]*_|_[0-9A-Za-z.+_-]*[0-9]")
# `:` or `?` starting a scalar after a flow indicator: libyaml (YAML 1.1) refuses `[:x]` and
# reads `[?x]` as a mapping; yaml-rs reads both as text.
# Found from the `:` or `?` (a fast scan), what comes before checked by _after_indicator.
_FLOW_STARTS = (re.compile(rb":(?<=[\[{,:\s]:)"), re.compile(rb"\?(?<=[\[{,:\s]\?)"))
_PREFIX = re.compile(rb"0(?:[XObB]|(?<=[-+]0)[xXoO])")
# Year-month-day, found from its first dash (a fast scan), the year checked behind it.
_DAY = re.compile(rb"-(?<=[0-9]{4}-)([0-9]{1,2})-([0-9]{1,2})")
_TIME = re.compile(rb"[Tt]|[ \t]+[0-9]")


def parse(data: bytes) -> Any | None:
    """The data of a one-document UTF-8 YAML text; None when yaml-rs is missing, the screen
    finds something the two parsers read differently, or yaml-rs refuses the text."""
    if yaml_rs is None:
        return None
    data = data.removeprefix(codecs.BOM_UTF8)
    if not _screened(data):
        return None
    try:
        return yaml_rs.loads(data.decode("utf-8"), parse_datetime=True)
    except Exception:  # noqa: BLE001 - whatever yaml-rs refuses, the full path explains
        return None


def _screened(data: bytes) -> bool:
    """Whether ``data`` holds none of what yaml-rs reads differently from argmap's loader."""
    if any(mark in data for mark in (b"!", b"&", b"*")) or data.translate(None, _KEEP_CONTROLS):
        return False
    if not data.isascii() and any(odd.search(data) for odd in _ODD_UNICODE):
        return False
    if b"_" in data and _UNDERSCORE_NUMBER.search(data):
        return False
    if any(_after_indicator(data, m.start()) for flow in _FLOW_STARTS
           for m in flow.finditer(data)):
        return False
    return not _PREFIX.search(data) and _days_are_dates(data)


def _after_indicator(data: bytes, at: int) -> bool:
    """Whether only white space lies between ``data[at]`` and a flow indicator before it."""
    at -= 1
    while at >= 0 and data[at] in b" \t\r\n\f\v":
        at -= 1
    return at < 0 or data[at] in b"[{,:"


def _days_are_dates(data: bytes) -> bool:
    """Whether every ``yyyy-m-d`` run of the text is a plain date that exists (no time)."""
    for match in _DAY.finditer(data):
        start, end = match.start() - 4, match.end()
        if _TIME.match(data, end):
            return False  # a timestamp: yaml-rs reads it as one, argmap keeps the text
        month, day = match.groups()
        whole = (start == 0 or not data[start - 1 : start].isdigit()) and not data[
            end : end + 1].isdigit()
        if whole and len(month) == len(day) == 2:
            try:
                _dt.date(int(data[start:start + 4]), int(month), int(day))
            except ValueError:
                return False
    return True
