"""The draft as a commented YAML map: what it is, how to review it, why each link was proposed.

>>> from argmap.draft import draft
>>> text = draft_yaml(draft("We should act now because time is short.", title="Act"))
>>> "proposed: true" in text and "# The conclusion proposed" in text
True
"""

from __future__ import annotations

from typing import Any

from argmap.draft import Draft
from argmap.io.yamlfile import dump_yaml, to_tree

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


def draft_yaml(d: Draft, source_name: str | None = None) -> str:
    """The draft's YAML text, commented."""
    tree: Any = to_tree(d.data)
    what = source_name or "a text"
    tree.yaml_set_start_comment(HEADER.format(what=what))
    tree.yaml_set_comment_before_after_key(
        "sources", before="\nThe text under review is the subject: its citations say where it "
        "makes each claim.", indent=0)
    claims = tree["claims"]
    if d.conclusion is not None and claims:
        tree.yaml_set_comment_before_after_key(
            "claims", before=f"\n{len(claims)} claims, one per argumentative unit of the text, "
            "in text order.", indent=0)
        claims.yaml_set_comment_before_after_key(d.conclusion, before=_conclusion_comment(d),
                                                 indent=2)
    if tree["links"]:
        tree.yaml_set_comment_before_after_key(
            "links", before="\nLinks proposed from discourse markers and from where each unit "
            "stands; each says why.", indent=0)
        for n in range(len(tree["links"])):
            tree["links"].yaml_set_comment_before_after_key(n, before=_link_comment(d, n),
                                                            indent=2)
    return dump_yaml(tree)
