"""A new, valid, commented map to start from (what `argmap new` writes)."""

from __future__ import annotations

import json

from argmap.model import slugify

_TEMPLATE = """\
# {title}
# An argmap map. Check it with `argmap check FILE`; format reference: docs/format.md
argmap: 1
title: {title_yaml}
description: What this map is about, in a sentence or two.

# The texts the claims cite. `subject:` (optional) names the text this map audits.
sources:
  - id: my-source
    title: Title of the article, study or report
    author: Who wrote it
    date: "2025"
    kind: article           # article | study | report | dataset | interview | opinion | other

# Claims, in your own words. kind: conclusion | premise | rebuttal | assumption
claims:
  - id: {slug}
    text: The main conclusion, stated as one sentence.
    kind: conclusion
  - id: first-reason
    text: A reason to accept the conclusion.
    kind: premise
    evidence:
      - source: my-source
        locator: "para 1"   # where in the source
        quote: "a short excerpt"
  - id: objection
    text: An objection a critic would raise.
    kind: rebuttal

# Links join claims: supports or attacks; strength: strong | moderate | weak.
links:
  - from: first-reason
    to: {slug}
    type: supports
    strength: moderate
    warrant: Why the reason, if true, makes the conclusion more likely.
  - from: objection
    to: {slug}
    type: attacks
"""


def skeleton(title: str) -> str:
    """YAML text of a starting map titled ``title``; it loads and checks cleanly."""
    slug = slugify(title, "main-conclusion")
    if slug in {"first-reason", "objection"}:
        slug = "main-conclusion"
    return _TEMPLATE.format(title=title.replace("\n", " "), title_yaml=json.dumps(title), slug=slug)
