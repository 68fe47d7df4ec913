"""Wrapping and escaping of label text."""

from __future__ import annotations

import graphviz

from argmap.render.labels import (
    clean,
    dot_string,
    html_lines,
    html_text,
    mermaid_text,
    shorten,
    wrap,
)


class TestWrap:
    def test_wraps_at_the_width_on_word_boundaries(self):
        lines = wrap("Traffic would simply move to the neighbouring streets.", 20)
        assert lines == ["Traffic would simply", "move to the", "neighbouring", "streets."]

    def test_keeps_the_authors_line_breaks(self):
        assert wrap("first\nsecond", 30) == ["first", "second"]

    def test_breaks_a_word_longer_than_a_line(self):
        url = "https://example.org/" + "a" * 50
        lines = wrap(f"see {url} now", 30)
        assert all(len(line) <= 30 for line in lines)
        assert "".join(lines).replace(" ", "") == f"see{url}now"

    def test_never_splits_an_emoji_sequence_or_a_letter_from_its_accent(self):
        family = "👨\u200d👩\u200d👧"
        accented = "e\u0301" * 40
        for text in (family * 12, accented):
            lines = wrap(text, 10)
            assert "".join(lines) == text
            for line in lines:
                assert not line.startswith(("\u200d", "\u0301"))
                assert not line.endswith("\u200d")

    def test_empty_and_blank_text_is_one_empty_line(self):
        assert wrap("") == [""]
        assert wrap("   \n  ") == [""]


def test_clean_replaces_what_xml_cannot_hold():
    assert clean("a\x00b\x1bc\x7fd\ud800e\ufffef") == "a\ufffdb\ufffdc\ufffdd\ufffde\ufffdf"
    assert clean("tab\there\r\nnext") == "tab here\nnext"
    assert clean("שלום 🙂 [bold]x[/bold]") == "שלום 🙂 [bold]x[/bold]"


def test_shorten_flattens_and_cuts_with_an_ellipsis():
    assert shorten("one\ntwo   three", 50) == "one two three"
    assert shorten("abcdefghij", 6) == "abcde…"


def test_html_text_escapes_markup_and_entities():
    assert html_text('<b>&amp; "q" \'s\'</b>') == (
        "&lt;b&gt;&amp;amp; &quot;q&quot; &#39;s&#39;&lt;/b&gt;")
    assert html_text("{a|b} [c]") == "{a|b} [c&#93;"  # Graphviz 2.43 chokes on "<BR/>]"
    assert html_text("\\N \\G") == "\\\\N \\\\G"  # else Graphviz puts names there


def test_html_lines_joins_escaped_lines_with_breaks():
    assert html_lines(["a<", ">b"]) == "a&lt;<BR/>&gt;b"


def test_dot_string_is_never_html_and_keeps_backslashes_literal():
    value = dot_string('<b>"x"\\n & y\nz')
    assert isinstance(value, graphviz.quoting.NoHtml)
    assert value == '<b>"x"\\\\\\\\n &amp; y\\nz'
    # Quoted by the graphviz package, the value cannot end its string early.
    assert graphviz.quoting.quote(value) == '"<b>\\"x\\"\\\\\\\\n &amp; y\\nz"'


def test_mermaid_text_codes_everything_that_could_end_a_label():
    assert mermaid_text('say "hi" <b> [x] {y} (z) |p| #q; `r` \\ &') == (
        "say #quot;hi#quot; #60;b#62; #91;x#93; #123;y#125; #40;z#41; #124;p#124; "
        "#35;q#59; #96;r#96; #92; #38;"
    )
    assert mermaid_text("line\nbreak") == "line break"


def test_blank_html_lines_are_a_no_break_space_not_nothing():
    assert html_lines([""]) == "&#160;"
