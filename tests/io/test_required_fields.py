"""What docs/format.md says a map must have: `claims:`, a title and claim texts that say
something."""

from __future__ import annotations

import pytest

from argmap.errors import MapLoadError
from argmap.io import loads_map


@pytest.mark.parametrize(("text", "fmt", "message"), [
    ("title: t\n", "yaml",
     "m:1:1: map: missing required field `claims` (`claims: []` for a map with no claims yet)"),
    ('{"title": "t"}', "json",
     "m:1:1: map: missing required field `claims` (`claims: []` for a map with no claims yet)"),
    ('title: ""\nclaims: []\n', "yaml",
     "m:1:8: map: `title` is empty or only white space; it must say something"),
    ("title: '  '\nclaims: []\n", "yaml",
     "m:1:8: map: `title` is empty or only white space; it must say something"),
    ('title: t\nclaims:\n  - id: a\n    text: " \\u00a0\\n"\n', "yaml",
     "m:4:11: claim 'a': `text` is empty or only white space; it must say something"),
])
def test_a_map_missing_what_the_format_requires_is_refused(text, fmt, message):
    with pytest.raises(MapLoadError) as info:
        loads_map(text, fmt, "m")
    assert str(info.value) == message


def test_an_empty_claim_list_is_a_map():
    assert loads_map("title: t\nclaims: []\n", "yaml").claims == []
