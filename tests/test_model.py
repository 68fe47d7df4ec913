"""Validation rules of the map model: each bad input gives its own message."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from argmap.model import ArgumentMap, Claim, Link, slugify


def make(claims=(), links=(), sources=(), **extra):
    return ArgumentMap.model_validate(
        {"title": "t", "claims": list(claims), "links": list(links), "sources": list(sources),
         **extra}
    )


def claim(ident, **kw):
    return {"id": ident, "text": ident.upper(), **kw}


def messages(exc: ValidationError) -> list[str]:
    return [e["msg"] for e in exc.errors()]


class TestValid:
    def test_minimal_map_gets_defaults(self):
        m = make([claim("a")])
        assert m.claims[0].kind == "premise"
        assert m.defaults.confidence == 0.5
        assert m.argmap == 1

    def test_from_accepts_one_id_or_a_list(self):
        m = make([claim("a"), claim("b"), claim("c")],
                 [{"from": "a", "to": "c"}, {"from": ["a", "b"], "to": "c"}])
        assert m.links[0].from_ == ["a"]
        assert m.links[1].from_ == ["a", "b"]

    def test_missing_link_ids_are_generated_without_clashing(self):
        m = make([claim("l1"), claim("b")], [{"from": "l1", "to": "b"}, {"id": "l2", "from": "b",
                                                                       "to": "l1"}])
        assert [lk.id for lk in m.links] == ["l3", "l2"]
        assert "id" not in m.links[0].model_fields_set

    @pytest.mark.parametrize("given", [{}, {"id": None}], ids=["no id", "null id"])
    def test_a_link_without_an_id_is_named_whatever_the_order(self, given):
        # Whether a link needs a name is learnt during the reference check: a missing or null
        # id anywhere (first, last) still gets one, and named links keep theirs.
        for at in (0, 2):
            links = [{"id": f"k{i}", "from": "a", "to": "b"} for i in range(3)]
            links[at] = {**given, "from": "a", "to": "b"}
            m = make([claim("a"), claim("b")], links)
            assert [lk.id for lk in m.links] == ["l1" if i == at else f"k{i}" for i in range(3)]
            assert ("id" in m.links[at].model_fields_set) == ("id" in given)

    def test_undercut_targets_a_link(self):
        m = make([claim("a"), claim("b"), claim("c")],
                 [{"id": "ab", "from": "a", "to": "b"},
                  {"from": "c", "to": "ab", "type": "attacks"}])
        assert m.links[1].to == "ab"

    def test_lookups(self):
        m = make([claim("a"), claim("b")], [{"id": "ab", "from": "a", "to": "b"}])
        assert m.claim("b").text == "B"
        assert m.link("ab").to == "b"
        assert [lk.id for lk in m.links_into("b")] == ["ab"]
        assert [lk.id for lk in m.links_out_of("a")] == ["ab"]
        with pytest.raises(KeyError):
            m.claim("zz")

    def test_subject_citations_are_provenance_not_evidence(self):
        m = make([claim("a", evidence=[{"source": "art"}, {"source": "study"}])],
                 sources=[{"id": "art"}, {"id": "study"}], subject="art")
        assert [m.is_evidence(c) for c in m.claims[0].evidence] == [False, True]


class TestInvalid:
    @pytest.mark.parametrize(
        ("kwargs", "expected"),
        [
            ({"claims": [claim("a"), claim("a")]}, "duplicate id 'a'"),
            ({"claims": [claim("a")], "links": [{"id": "a", "from": "a", "to": "a"}]},
             "duplicate id 'a'"),
            ({"claims": [claim("us-leads")], "links": [{"id": "l7", "from": "us-leads",
                                                        "to": "us-lead"}]},
             "link 'l7' points to unknown claim 'us-lead' (did you mean 'us-leads'?)"),
            ({"claims": [claim("a"), claim("b")], "links": [{"from": ["a", "x"], "to": "b"}]},
             "link #1 starts from unknown claim 'x'"),
            ({"claims": [claim("a")], "links": [{"id": "s", "from": "a", "to": "a"}]},
             "link 's' supports itself"),
            ({"claims": [claim("a", evidence=[{"source": "nope"}])]},
             "claim 'a' cites unknown source 'nope'"),
            ({"claims": [claim("a")], "subject": "art"}, "subject 'art' is not a source"),
        ],
    )
    def test_reference_errors(self, kwargs, expected):
        with pytest.raises(ValidationError) as info:
            ArgumentMap.model_validate({"title": "t", **kwargs})
        assert any(expected in m for m in messages(info.value)), messages(info.value)

    def test_link_attacking_itself_as_undercut(self):
        with pytest.raises(ValidationError, match="link 'x' attacks itself"):
            make([claim("a"), claim("b")], [{"id": "x", "from": "a", "to": "x",
                                             "type": "attacks"}])

    @pytest.mark.parametrize("value", [-0.1, 1.01, "high"])
    def test_confidence_in_unit_interval(self, value):
        with pytest.raises(ValidationError, match="confidence"):
            make([claim("a", confidence=value)])

    def test_unknown_fields_refused(self):
        with pytest.raises(ValidationError, match="Extra inputs are not permitted"):
            make([claim("a", strenght="weak")])

    @pytest.mark.parametrize("bad", ["Us Lead", "a b", "", "-x", "é"])
    def test_ids_are_slugs(self, bad):
        with pytest.raises(ValidationError, match="not a slug"):
            make([claim("a") | {"id": bad}])

    def test_field_and_reference_errors_reported_together(self):
        with pytest.raises(ValidationError) as info:
            make([claim("a", kind="premis")], [{"from": "a", "to": "b"}])
        kinds = {e["type"] for e in info.value.errors()}
        assert {"literal_error", "reference"} <= kinds

    def test_wrong_format_version(self):
        with pytest.raises(ValidationError, match="argmap"):
            make([claim("a")], argmap=2)


def test_models_built_in_python():
    c = Claim(id="a", text="A", kind="conclusion")
    link = Link(**{"from": "b", "to": "a"})
    m = ArgumentMap(title="t", claims=[c, Claim(id="b", text="B")], links=[link])
    assert m.links[0].premises == ["b"]
    with pytest.raises(ValidationError):
        c.confidence = 3  # assignments are validated too


@pytest.mark.parametrize(("text", "slug"), [("US leads!", "us-leads"), ("  ", "x"),
                                             ("Ünïcode — dash", "unicode-dash")])
def test_slugify(text, slug):
    assert slugify(text) == slug
