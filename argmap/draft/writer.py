"""The draft as a commented YAML map: what it is, how to review it, why each link was proposed.

The draft has one fixed shape, so its YAML is written line by line here (a round-trip emitter
costs seconds on a long text's thousands of claims); every string is written plain only when
plain YAML reads it back unchanged, double-quoted with escapes otherwise, and the tests load
what is written and compare it with the draft's data. So :func:`check_valid` validates the
draft's data, not the text: parsing a long draft's YAML again would cost more than drafting it.

>>> from argmap.draft import draft
>>> text = draft_yaml(draft("We should act now because time is short.", title="Act"))
>>> "proposed: true" in text and "# The conclusion proposed" in text
True
"""

from __future__ import annotations

import json
import re
from typing import Any

from argmap.draft import Draft

ALTERNATIVES = 3  # the runner-up conclusions named in the comment above the conclusion

HEADER = """\
A first map drafted by `argmap draft` from {what}: a proposal to review, not a finished map.
Every claim and link marked `proposed: true` is the tool's guess. Review each one: in the
explorer (`argmap tui MAP`) + accepts the selected proposal and - rejects it (u undoes);
by hand, delete the `proposed: true` line to accept, or the item to reject.
`argmap check MAP --select unreviewed-proposal` lists the proposals still to review.
Claims are the text's own words (quoted under `evidence`): restate them in your words.
Tags: statistic (a figure: find its source), attribution / vague-attribution (who says so?),
hedged (the text itself is unsure)."""

_PLAIN = re.compile(r"[A-Za-z][A-Za-z0-9 ,.;!?'’()%$&/+=-]*[A-Za-z0-9.!?)%'’]|[A-Za-z]")
_RESERVED = frozenset("y n yes no true false on off null".split())
# What YAML does not allow raw in a double-quoted string, or folds: control characters, NEL,
# the Unicode line and paragraph separators, surrogates and the non-characters.
_UNPRINTABLE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u2028\u2029\ud800-\udfff"
                          "\ufffe\uffff]")
_COMMENT_UNSAFE = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\ud800-\udfff\ufffe\uffff]")


def scalar(value: Any) -> str:
    """``value`` as a YAML scalar: plain when that reads back as the same string."""
    if type(value) is str:
        text = value
    elif isinstance(value, bool):
        return "true" if value else "false"
    elif isinstance(value, int | float):
        return str(value)
    else:
        text = str(value)
    if _PLAIN.fullmatch(text) and text.lower() not in _RESERVED and "  " not in text:
        return text
    quoted = json.dumps(text, ensure_ascii=False)  # JSON's escapes are YAML's too
    return _UNPRINTABLE.sub(lambda m: f"\\u{ord(m.group()):04x}", quoted)


def comment(text: str, indent: int = 0) -> list[str]:
    """``text`` as comment lines (control characters become spaces)."""
    pad = " " * indent
    return [f"{pad}# {_COMMENT_UNSAFE.sub(' ', line)}".rstrip() for line in text.split("\n")]


def _short(text: str, words: int = 10) -> str:
    parts = text.split()
    return " ".join(parts[:words]) + (" ..." if len(parts) > words else "")


def _conclusion_comment(d: Draft) -> str:
    best = d.ranked[0]
    lines = [f"The conclusion proposed (score {best.score:.1f}: {', '.join(best.why) or 'first'})."]
    others = d.ranked[1 : 1 + ALTERNATIVES]
    if others:
        lines.append("Alternatives, best first (make one of them the conclusion if it fits "
                     "better):")
        for n, c in enumerate(others, start=2):
            why = ", ".join(c.why) or "no sign"
            lines.append(f"  {n}. {d.ids[c.index]} (score {c.score:.1f}: {why})")
    return "\n".join(lines)


def _link_comment(d: Draft, n: int) -> str:
    p = d.proposals.links[n]
    return f"{p.why}: {_short(d.units[p.source].text, 6)} -> {_short(d.units[p.target].text, 6)}"


class _Scalars(dict[Any, str]):
    """:func:`scalar` of each value, each string written once: ids, locators and tags recur."""

    def __missing__(self, value: Any) -> str:
        text = scalar(value)
        if type(value) is str:  # only strings are kept: True == 1 as a key
            self[value] = text
        return text


def _item(item: dict[str, Any], lines: list[str], scalars: _Scalars) -> None:
    """One claim, link or source as a list item at indent 2, its citations nested below."""
    lead = "  - "
    for key, value in item.items():
        if key == "evidence":
            lines.append(f"{lead}evidence:")
            for citation in value:
                sub = "      - "
                for ckey, cvalue in citation.items():
                    lines.append(f"{sub}{ckey}: {scalars[cvalue]}")
                    sub = "        "
        elif type(value) is list:
            lines.append(f"{lead}{key}: [{', '.join([scalars[v] for v in value])}]")
        elif value is True:
            lines.append(f"{lead}{key}: true")
        else:
            lines.append(f"{lead}{key}: {scalars[value]}")
        lead = "    "


def draft_yaml(d: Draft, source_name: str | None = None) -> str:
    """The draft's YAML text, commented."""
    data = d.data
    scalars = _Scalars()
    lines = comment(HEADER.format(what=source_name or "a text"))
    lines += [f"argmap: {data['argmap']}", f"title: {scalar(data['title'])}",
              f"subject: [{', '.join(map(scalar, data['subject']))}]", ""]
    lines += comment("The text under review is the subject: its citations say where it makes "
                     "each claim.")
    lines.append("sources:")
    for source in data["sources"]:
        _item(source, lines, scalars)
    lines.append("")
    claims = data["claims"]
    lines += comment(f"{len(claims)} claims, one per argumentative unit of the text, in text "
                     "order.")
    lines.append("claims:" if claims else "claims: []")
    for n, claim in enumerate(claims):
        if n == d.conclusion:
            lines += comment(_conclusion_comment(d), 2)
        _item(claim, lines, scalars)
    lines.append("")
    if data["links"]:
        lines += comment("Links proposed from discourse markers and from where each unit "
                         "stands; each says why.")
    lines.append("links:" if data["links"] else "links: []")
    for n, link in enumerate(data["links"]):
        lines += comment(_link_comment(d, n), 2)
        _item(link, lines, scalars)
    return "\n".join(lines) + "\n"


def check_valid(d: Draft, yaml_text: str, name: str) -> None:
    """Make sure the draft is a valid map: its data is validated as a map's is (the written
    ``yaml_text`` reads back as that data, see above). Should the quick validation not vouch
    for it, the text is loaded the full way, which raises MapLoadError saying what is wrong
    and where (a draft never is)."""
    from argmap.io.native.quick import SECTIONS, validate

    data = dict(d.data)
    for section in SECTIONS:  # the validation swaps a section's items for their models
        data[section] = list(data[section])
    if validate(data) is None:
        from argmap.io import loads_map

        loads_map(yaml_text, "yaml", name)
