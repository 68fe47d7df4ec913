"""A new map file's YAML: byte for byte what ruamel's round-trip dumper writes for the map's
data, whatever the text holds (what the quick writer is unsure of goes to ruamel)."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from argmap.io.native.yamlfile import dump_yaml, to_tree
from argmap.io.native.yamlnew import dump_new

TRICKY = "ab Z09 .,:;#-?!'\"[]{}&*%@`|>~=\n\té\x85yesNoNULL~"
text = st.one_of(st.text(alphabet=TRICKY, max_size=12), st.sampled_from(
    ["yes", "No", "null", "Null", "on", "y", "1996", "0.5", "- a", "a: b", "a #b", "x,y",
     "it's", " lead", "end ", "", "plain words", "-a", "a-", "e5", "100%", "=", "<<"]))
scalar = st.one_of(text, st.integers(-10**6, 10**6), st.booleans(), st.none(),
                   st.floats(allow_nan=False, allow_infinity=False),
                   st.sampled_from([0.7, 0.25, 1e-05, 3e20]))
keys = st.one_of(st.sampled_from(["id", "text", "from", "to", "kind", "quote"]), text)
inner = st.recursive(scalar, lambda v: st.one_of(st.lists(v, max_size=10),
                                                 st.dictionaries(keys, v, max_size=4)),
                     max_leaves=12)
item = st.dictionaries(keys, inner, min_size=0, max_size=5)
data = st.dictionaries(keys, st.one_of(scalar, st.lists(item, max_size=5),
                                       st.lists(scalar, max_size=10),
                                       st.dictionaries(keys, inner, max_size=3)), max_size=6)


@settings(max_examples=300, deadline=None)
@given(data)
def test_a_new_file_is_written_as_ruamel_writes_it(value):
    assert dump_new(value) == dump_yaml(to_tree(value))


def test_a_map_of_plain_items_and_awkward_ones():
    claims = [{"id": f"c{i}", "text": f"Claim {i} costs $4.5m, about 40% (rank {i})",
               "confidence": 0.7, "evidence": [{"source": "s", "locator": "p. 2"}]}
              for i in range(20)]
    claims[3]["text"] = "Needs: quotes"
    claims[5]["text"] = "two\nlines"
    claims[7]["tags"] = []
    links = [{"from": "c1", "to": "c0"}, {"from": ["c2", "c3"], "to": "c0", "strength": "weak"},
             {"from": [f"c{i}" for i in range(10)], "to": "c0"}]
    data = {"argmap": 1, "title": "A map", "claims": claims, "links": links,
            "lint": {"ignore": ["AM101"], "severity": {"AM103": "info"}},
            "defaults": {"evidence": False}, "subject": ["s"]}
    assert dump_new(data) == dump_yaml(to_tree(data))
