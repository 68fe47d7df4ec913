"""A large generated map for the explorer's scale test (written to a temp folder)."""

from __future__ import annotations

import json
from pathlib import Path


def write_big_map(path: Path, conclusions: int = 100, per_tree: int = 100) -> Path:
    """``conclusions`` trees of ``per_tree`` claims each (branching 3, every 7th link an attack),
    plus a premise shared by two trees so references occur. Written as JSON."""
    claims, links = [], []
    for t in range(conclusions):
        root = f"c{t}-0"
        claims.append({"id": root, "text": f"Conclusion {t} holds.", "kind": "conclusion"})
        for i in range(1, per_tree):
            ident = f"c{t}-{i}"
            claims.append({"id": ident, "text": f"Reason {i} of conclusion {t}, 12% of cases.",
                           "confidence": round(0.3 + (i % 7) / 10, 2)})
            links.append({"id": f"l{t}-{i}", "from": ident, "to": f"c{t}-{(i - 1) // 3}",
                          "type": "attacks" if i % 7 == 0 else "supports",
                          "strength": ("weak", "moderate", "strong")[i % 3]})
    links.append({"id": "shared-link", "from": "c0-99" if per_tree > 99 else "c0-1", "to": "c1-0"})
    path.write_text(json.dumps({"argmap": 1, "title": "Large generated map", "claims": claims,
                                "links": links}))
    return path
