"""Rules about the map's own lint settings and waivers: AM113, AM114, AM124.

Findings about the map's `lint:` section have the target ``"lint"`` (it is no claim or link).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from argmap.analysis.rules.context import RuleContext
from argmap.analysis.rules.findings import RULES, Hit, expand_codes, rule
from argmap.integrity import suggest
from argmap.model import Citation


@rule("AM113", "suppression-without-reason", "warning",
      "an `ignore:` entry that gives no reason for silencing a rule")
def suppression_without_reason(ctx: RuleContext) -> Iterator[Hit]:
    """Per-claim and per-link ``ignore:`` entries whose reason is empty."""
    owners = _owners(ctx)
    for target, ignore in owners:
        for key, reason in ignore.items():
            if not (reason or "").strip():
                yield (target,
                       f"'{target}' silences {key} without saying why.",
                       f"Give the reason: `ignore: {{{key}: \"why it does not apply here\"}}`.")


def _owners(ctx: RuleContext) -> list[tuple[str, dict[str, str]]]:
    """The claims and links that silence a rule, with their ``ignore:`` entries."""
    return ctx.index.silenced


def _names() -> list[str]:
    return [*RULES, *(r.name for r in RULES.values())]


@rule("AM114", "unknown-rule", "warning",
      "a rule code or name in `lint:` or `ignore:` that no rule has")
def unknown_rule(ctx: RuleContext) -> Iterator[Hit]:
    """Selectors in the map's lint settings and ignore entries that name no rule."""
    lint = ctx.map.lint
    for where, keys in (("select", lint.select), ("ignore", lint.ignore),
                        ("severity", list(lint.severity))):
        for key in expand_codes(keys)[1]:
            yield ("lint",
                   f"`lint: {where}` names '{key}', which is no rule{suggest(key, _names())}.",
                   "Use a code (AM103) or a name (weak-link): `argmap check --help` lists them.")
    owners = _owners(ctx)
    for target, ignore in owners:
        for key in expand_codes(ignore)[1]:
            yield (target,
                   f"'{target}' ignores '{key}', which is no rule{suggest(key, _names())}.",
                   "Use a code (AM103) or a name (weak-link) of a rule.")


# What a waiver's reason may say that the map can check: that the claim is sourced, that it is
# quoted (the text's own words), or that a named source of the map backs it.
_SAYS_SOURCED = re.compile(r"(?<![\w-])(?:sourced|cited|referenced|documented|evidenced|"
                           r"backed\s+by|footnoted)\b", re.IGNORECASE)
_SAYS_QUOTED = re.compile(r"(?<![\w-])(?:quoted|quotes?|verbatim|own\s+(?:words?|wording)|"
                          r"as\s+(?:written|said))\b", re.IGNORECASE)
_NEGATED = re.compile(r"(?:\b(?:not|no|never|without|nor|isn't|aren't|wasn't|lacks?)\s+"
                      r"(?:\w+\s+)?)$", re.IGNORECASE)


def _says(pattern: re.Pattern[str], reason: str) -> str | None:
    """The first thing ``pattern`` finds in ``reason`` that is not negated ("not sourced")."""
    for match in pattern.finditer(reason):
        if not _NEGATED.search(reason[:match.start()]):
            return match.group()
    return None


@rule("AM124", "unfounded-waiver", "warning",
      "an `ignore:` reason the map contradicts: 'sourced' with no evidence, 'quoted' with no quote")
def unfounded_waiver(ctx: RuleContext) -> Iterator[Hit]:
    """Waivers whose reason states something the map shows to be false: that the claim or link
    is sourced or cited (it cites no evidence), that it is quoted or the text's own words (no
    citation of it has a quote), or that a source of the map backs it (it does not cite it)."""
    index = ctx.index
    sources = [sid for sid in index.sources if len(sid) > 2]
    for target, ignore in _owners(ctx):
        item = index.claims.get(target) or index.links.get(target)
        if item is None:
            continue
        cites = item.evidence
        for key, reason in ignore.items():
            problem = _contradiction(reason or "", cites, index.evidence(cites), sources)
            if problem:
                short = " ".join((reason or "").split())
                short = short if len(short) <= 50 else short[:47] + "..."
                yield (target,
                       f"'{target}' waives {key} as \"{short}\", but {problem}.",
                       f"Add what the reason promises, or give the true reason for waiving {key}.")


def _contradiction(reason: str, cites: list[Citation], evidence: list[Citation],
                   sources: list[str]) -> str | None:
    """What the map says against ``reason``, or None when nothing it checks is contradicted."""
    said = _says(_SAYS_SOURCED, reason)
    if said and not evidence:
        return f"it cites no evidence (the reason says '{said}')"
    said = _says(_SAYS_QUOTED, reason)
    if said and not any(c.quote for c in cites):
        return f"none of its citations has a quote (the reason says '{said}')"
    cited = {c.source for c in cites}
    for sid in sources:
        if sid not in cited and re.search(rf"(?<![\w-]){re.escape(sid)}(?![\w-])", reason):
            return f"it does not cite '{sid}', which the reason names"
    return None
