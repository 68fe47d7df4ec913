"""Rules about the map's own lint settings: AM113, AM114.

Findings about the map's `lint:` section have the target ``"lint"`` (it is no claim or link).
"""

from __future__ import annotations

from collections.abc import Iterator

from argmap.analysis.context import RuleContext
from argmap.analysis.findings import RULES, Hit, expand_codes, rule
from argmap.integrity import suggest


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
