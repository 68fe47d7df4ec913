"""AM130 unreviewed-proposal: what a tool proposed and no one has accepted yet."""

from __future__ import annotations

from argmap.analysis import analyse
from argmap.io import loads_map
from argmap.model import ArgumentMap

CLAIMS = [{"id": "c", "text": "Ban cars.", "kind": "conclusion", "proposed": True},
          {"id": "a", "text": "Cars are loud.", "proposed": True},
          {"id": "b", "text": "Cars are handy."}]


def am130(links: list[dict]) -> list[tuple[str, str]]:
    amap = ArgumentMap.model_validate({"title": "t", "claims": CLAIMS, "links": links})
    return [(f.target, f.message) for f in analyse(amap).findings if f.code == "AM130"]


def test_each_proposed_claim_once_naming_its_proposed_links():
    found = am130([{"id": "l1", "from": "a", "to": "c", "proposed": True},
                   {"id": "l2", "from": "b", "to": "c", "type": "attacks"}])
    assert found == [
        ("c", "Claim 'c' was proposed by a tool and is not reviewed yet."),
        ("a", "Claim 'a' (and the link 'l1' it starts) was proposed by a tool and is not "
              "reviewed yet."),
    ]


def test_a_proposed_link_between_reviewed_claims_is_listed_on_its_own():
    found = am130([{"id": "l2", "from": "b", "to": "c", "proposed": True}])
    assert ("l2", "Link 'l2' was proposed by a tool and is not reviewed yet.") in found


def test_a_map_without_proposals_has_no_finding_and_old_maps_load_unchanged():
    amap = loads_map("title: t\nclaims:\n  - id: a\n    text: A\n", "yaml")
    assert not amap.claims[0].proposed
    assert not [f for f in analyse(amap).findings if f.code == "AM130"]
    assert "proposed" not in amap.claims[0].model_dump(exclude_unset=True)
