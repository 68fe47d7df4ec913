"""Write a map as Argdown the Argdown tools accept, and that argmap reads back as the same map.

Every claim is a statement definition ``[id]: text #tags {data}``; every link is an argument
``<id>: note`` with a premise–conclusion structure. A supporting link concludes in its target;
an attacking link carries the relation (``-> [target]``, or ``_> <link>`` for an undercut) and
concludes in an untitled ``Not: ...`` statement, which the reader folds back into the link.
What Argdown has no syntax for (kinds, evidence, strengths, sources ...) goes into ``{...}``
data and the front matter's ``argmap`` key, where the Argdown tools keep but ignore it.
"""

from __future__ import annotations

import json
import re
from typing import Any

from argmap.io.formats import Exported, counted, one_line, plain_links
from argmap.io.formats.argdown_resolve import CLAIM_KEYS, LINK_KEYS, MAP_KEYS, kind_guesser
from argmap.model import ArgumentMap

__all__ = ["write"]

_SPECIAL = re.compile(r"([\\\[\]<>{}#*_@])|(/(?=[/*]))")
_PLAIN_TAG = re.compile(r"^[A-Za-z0-9-]+$")
_UNSAFE_RULE = re.compile(r"--|[{}\n/\\<#]|^[\s-]|[\s-]$")  # what an inference line cannot hold
# What goes into a statement's or an argument's {data}: what the reader takes from there, less
# what has Argdown syntax (a claim's kind and tags; a link's warrant and note).
_CLAIM_DATA = tuple(k for k in CLAIM_KEYS if k not in ("kind", "tags"))
_LINK_DATA = tuple(k for k in LINK_KEYS if k not in ("warrant", "note"))


def _escape(text: str) -> str:
    """Statement text with Argdown's special characters escaped by a backslash."""
    out = _SPECIAL.sub(lambda m: "\\" + m.group(), one_line(text))
    return out.replace("=", "\\=") if "===" in out else out


def _json(value: Any) -> str:
    """JSON (so YAML) in one line, safe inside Argdown's ``{...}`` and front matter."""
    if isinstance(value, str):
        return json.dumps(value, ensure_ascii=False).translate(
            {ord("{"): "\\u007b", ord("}"): "\\u007d", ord("="): "\\u003d"})
    if isinstance(value, dict):
        return "{" + ", ".join(f"{_json(str(k))}: {_json(v)}" for k, v in value.items()) + "}"
    if isinstance(value, list):
        return "[" + ", ".join(_json(v) for v in value) + "]"
    return json.dumps(value)


def _data(fields: dict[str, Any]) -> str:
    kept = {k: v for k, v in fields.items() if v not in (None, [], {})}
    return f" {_json(kept)}" if kept else ""


def _tags(tags: list[str]) -> tuple[str, list[str]]:
    """Tags as Argdown hashtags; when one cannot be written so, all go into the data (so their
    order survives)."""
    shown = []
    for tag in tags:
        if _PLAIN_TAG.match(tag):
            shown.append(f" #{tag}")
        elif ")" not in tag and tag.strip() == tag and tag:
            shown.append(f" #({tag})")
        else:
            return "", list(tags)
    return "".join(shown), []


def _claim_line(claim: dict[str, Any], guess: Any) -> str:
    tags, rest = _tags(claim.get("tags", []))
    fields = {k: claim.get(k) for k in _CLAIM_DATA}
    kind = claim.get("kind", "premise")
    if kind != guess(claim["id"]):
        fields = {"kind": kind, **fields}
    if rest:
        fields["tags"] = rest
    return f"[{claim['id']}]: {_escape(claim['text'])}{tags}{_data(fields)}"


def _inference(link: dict[str, Any]) -> str:
    warrant = link.get("warrant")
    if not warrant:
        return "----"
    if not _UNSAFE_RULE.search(warrant):
        return f"-- {warrant} --"
    return f"--\n{_json({'warrant': warrant})}\n--"


def _argument(link: dict[str, Any], texts: dict[str, str], link_ids: set[str]) -> list[str]:
    head = f"<{link['id']}>"
    if link.get("note"):
        head += f": {_escape(link['note'])}"
    head += _data({k: link.get(k) for k in _LINK_DATA
                   if k != "strength" or link.get(k) != "moderate"})
    lines = [head]
    attack = link["type"] == "attacks"
    if attack:
        target = link["to"]
        lines.append(f"    _> <{target}>" if target in link_ids else f"    -> [{target}]")
    lines.append("")
    premises = link["from"]
    lines.extend(f"({n}) [{p}]" for n, p in enumerate(premises, 1))
    lines.append(_inference(link))
    end = len(premises) + 1
    if attack:
        what = (f"the inference of {link['to']} holds" if link["to"] in link_ids
                else texts[link["to"]])
        lines.append(f"({end}) Not: {_escape(what)}")
    else:
        lines.append(f"({end}) [{link['to']}]")
    return lines


def write(amap: ArgumentMap) -> Exported:
    """The map as an Argdown document, and what Argdown could not say (one line each)."""
    from argmap.io import to_data

    data = to_data(amap)
    links = plain_links(amap, data)
    link_ids = {lk["id"] for lk in links}
    lost = [lk["id"] for lk in links if lk["type"] == "supports" and lk["to"] in link_ids]
    while more := [lk["id"] for lk in links if lk["to"] in lost and lk["id"] not in lost]:
        lost += more  # an attack on a link that was left out goes with it
    links = [lk for lk in links if lk["id"] not in lost]
    meta = {k: data[k] for k in MAP_KEYS if k in data}
    out = ["===", f"title: {_json(data['title'])}"]
    if meta:
        out.append(f"argmap: {_json(meta)}")
    out += ["===", "", "// Claims", ""]
    guess = kind_guesser(links)
    for claim in data.get("claims", []):
        out += [_claim_line(claim, guess), ""]
    if links:
        out += ["// Arguments: one for each link of the map", ""]
    texts = {c.id: c.text for c in amap.claims}
    for link in links:
        out += [*_argument(link, texts, link_ids), ""]
    dropped = []
    if lost:
        dropped.append("supports of a link have no Argdown form; left out with the links that "
                       f"attack them: {counted(lost, 'link')}")
    broken = [c.id for c in amap.claims if "\n" in c.text.strip()]
    if broken:
        dropped.append(f"line breaks in claim text joined into spaces: {counted(broken, 'claim')}")
    return Exported("\n".join(out).rstrip() + "\n", dropped)
