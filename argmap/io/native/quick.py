"""The quick path of loading a map, for maps that have no problem: parsed by jiter (JSON) or
yaml-rs (YAML), then validated a part at a time. It keeps no positions and never says what is
wrong: on anything it cannot vouch for, each function gives None and the caller takes the full
path (:func:`argmap.io._loads_map`: the standard library's JSON reader, or libyaml's parser
through :mod:`.yamlfast`, positions kept), which reads the file again to say what is wrong and
where. On input both accept, the two give the same data and the same map (tests/io and
tests/robustness/test_quick_paths.py compare them).

**JSON** (:func:`parse_json`): jiter reads a 100k-claim map in about half the time of the
standard library with the duplicate-key hook the full path needs, and refuses duplicate keys
itself (and bad JSON, invalid UTF-8, nesting past its limit, a lone surrogate escape).

**YAML** (:func:`parse_yaml`): yaml-rs builds the data of a 10k-claim map about eight times
faster than libyaml, but reads a few things differently, so a text is parsed with it only when
a screen finds none of those things:

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
gives None as well.

**Validation** (:func:`validate`): a big map's validation is bound by memory, not by the
checks. Validating the whole map and then running the reference checks over it walks every
parsed item twice, the second time from main memory. Here the sources, then the claims, then the
links are validated :data:`PART` items at a time; each part's reference checks
(:class:`argmap.integrity.RunningCheck`, the bulk check fed in parts) run just after, on data
still in cache, and the part's parsed items are then dropped, so that the next part's models
reuse their memory (about a tenth less at 100k claims). Each item is validated by its own
model's validator, the one the whole map's validation uses for it, so a map it accepts is the
map the model builds.

>>> parse_yaml(b"title: t\\nclaims: [{id: a, text: A}]\\n")
{'title': 't', 'claims': [{'id': 'a', 'text': 'A'}]}
>>> parse_yaml(b"title: !!python/name:os.system t\\n") is None
True
>>> parse_json(b'{"title": "t", "title": "u"}') is None
True
"""

from __future__ import annotations

import codecs
import datetime as _dt
import re
from functools import cache
from typing import Any

from pydantic import TypeAdapter, ValidationError

from argmap.integrity import Resolved, RunningCheck
from argmap.model import REFERENCES_CHECKED, ArgumentMap, Claim, Link, Source

try:
    import jiter
except ImportError:  # a dependency, but the full path works without it
    jiter = None
try:
    import yaml_rs
except ImportError:  # a dependency, but the full path works without it
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


def parse_json(data: bytes) -> Any | None:
    """The JSON value of ``data`` (UTF-8, BOM allowed); None when jiter is missing or refuses it."""
    if jiter is None:
        return None
    if data.startswith(codecs.BOM_UTF8):
        data = data[len(codecs.BOM_UTF8):]
    try:
        return jiter.from_json(data, catch_duplicate_keys=True, cache_mode="keys")
    except ValueError:
        return None


def parse_yaml(data: bytes) -> Any | None:
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


PART = 1000  # items per part: a part's data and models stay within the caches

# Each section needs the ids of those before it: citations name sources, links join claims.
SECTIONS = ("sources", "claims", "links")


@cache
def _adapters() -> dict[str, TypeAdapter[Any]]:
    return {"sources": TypeAdapter(list[Source]), "claims": TypeAdapter(list[Claim]),
            "links": TypeAdapter(list[Link])}


def validate(data: Any) -> ArgumentMap | None:
    """The map ``data`` (as parsed; its item lists are reused) describes when it is valid;
    None when it is not or the fast checks cannot tell."""
    if type(data) is not dict:
        return None
    check = RunningCheck()
    try:
        for section in SECTIONS:
            items = data.get(section, [])
            if type(items) is not list or not _validate_section(items, section, check):
                return None
        verdict = check.verdict(data.get("subject", []))
        if not verdict:
            return None
        amap = ArgumentMap.model_validate(data, context=REFERENCES_CHECKED)
    except ValidationError:
        return None
    if verdict != Resolved.ALL_NAMED:
        check.claim_ids.update(check.link_ids)  # the check is done with: its sets are reused
        amap._name_links(check.claim_ids)
    return amap


def _validate_section(items: list[Any], section: str, check: RunningCheck) -> bool:
    """Replace the parsed ``items`` of ``section`` by their models, a part at a time, each part
    fed to ``check``; False as soon as the check cannot vouch for the map."""
    adapter, feed = _adapters()[section], getattr(check, section)
    for start in range(0, len(items), PART):
        part = items[start : start + PART]
        models = adapter.validate_python(part)
        if not feed(part):
            return False
        items[start : start + PART] = models
    return True
