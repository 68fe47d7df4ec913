"""Links a message names by an id argmap generated (``l5``) are also named by their premises.

A link without an ``id:`` in the file gets one when the map loads (``l1``, ``l2`` ...), and it is
not written back on save; a message that said only ``'l5'`` would send the reader looking for
an id the file does not hold. So wherever a finding quotes a generated id, the link's premises
and target follow it: ``'l5' (a, b -> c)``.

>>> from argmap.model import ArgumentMap
>>> m = ArgumentMap.model_validate({"title": "t", "claims": [{"id": "a", "text": "A"},
...     {"id": "c", "text": "C"}], "links": [{"from": "a", "to": "c"}]})
>>> f = Finding("AM103", "weak-link", "warning", "l1", "The link 'l1' is weak.", "")
>>> name_generated_links(m, [f])[0].message
"The link 'l1' (a -> c) is weak."
"""

from __future__ import annotations

from argmap.analysis.rules.findings import Finding
from argmap.model import ArgumentMap


def generated_link_names(amap: ArgumentMap) -> dict[str, str]:
    """``'l5'`` -> ``'l5' (a, b -> c)`` for every link whose id argmap generated."""
    return {f"'{lk.ident}'": f"'{lk.ident}' ({', '.join(lk.from_)} -> {lk.to})"
            for lk in amap.links if "id" not in lk.model_fields_set and lk.id is not None}


def name_generated_links(amap: ArgumentMap, findings: list[Finding]) -> list[Finding]:
    """``findings`` with each quoted generated link id followed by the link's premises and
    target. Cost: nothing when every link has its own id; else one search per finding."""
    names = generated_link_names(amap)
    if not names:
        return findings
    named = []
    for finding in findings:
        message = finding.message
        if "'l" in message:
            for quoted, name in names.items():
                if quoted in message:
                    message = message.replace(quoted, name)
        named.append(finding._replace(message=message) if message != finding.message
                     else finding)
    return named
