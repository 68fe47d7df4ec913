"""The flow sheet: sheets per side, columns by level of clash, dropped versus answered, the three
written forms, and hostile text kept literal."""

from __future__ import annotations

import csv
import io
from html.parser import HTMLParser
from pathlib import Path

from markdown_it import MarkdownIt

from argmap.analysis import analyse
from argmap.io import load_map
from argmap.model import ArgumentMap
from argmap.render.flow import FlowCell, FlowSheet, flow_sheets
from argmap.render.flow_output import flow_csv, flow_html, flow_markdown

ROOT = Path(__file__).parents[2]
ROUND = ROOT / "tests" / "fixtures" / "debate" / "small-round.yaml"
SHIPPED_CASE = ROOT / "maps" / "us-china-ai-debate.yaml"


def sheets_of(amap: ArgumentMap) -> list[FlowSheet]:
    return flow_sheets(analyse(amap))


def the_round() -> list[FlowSheet]:
    return sheets_of(load_map(ROUND))


def cells(sheet: FlowSheet) -> dict[str, tuple[int, int, FlowCell]]:
    """Each written-out argument by its link id: (row, column, cell)."""
    return {cell.link: (r, c, cell) for r, row in enumerate(sheet.rows)
            for c, cell in enumerate(row) if cell is not None and cell.repeat_of is None}


class TestTheSmallRound:
    def test_one_sheet_per_side_with_its_contentions_first(self):
        case_for, case_against = the_round()
        assert (case_for.side, case_against.side) == ("for", "against")
        assert [row[0].link for row in case_for.rows if row and row[0]] == ["a1", "a2"]
        assert [row[0].link for row in case_against.rows if row and row[0]] == ["n1"]

    def test_columns_are_levels_of_clash(self):
        case_for, case_against = the_round()
        assert case_for.columns == ["Contention", "Response", "Answer"]
        placed = cells(case_against)
        assert [placed[link][:2] for link in ("n1", "x1", "y1")] == [(0, 0), (0, 1), (0, 2)]

    def test_a_response_on_a_card_or_on_the_link_answers_the_contention(self):
        placed = cells(the_round()[0])
        assert placed["n3"][1] == placed["n2"][1] == 1  # both respond to aff-sleep
        assert placed["n3"][2].against == "the link"
        assert placed["n2"][2].against.startswith("Students slept 34 minutes more")
        assert not placed["a1"][2].dropped  # it was answered

    def test_what_the_next_column_never_answers_is_dropped(self):
        case_for, case_against = the_round()
        dropped = {link for sheet in (case_for, case_against)
                   for link, (_, _, cell) in cells(sheet).items() if cell.dropped}
        assert dropped == {"a2", "n3", "x2", "y1"}

    def test_cells_carry_the_cards_cite_or_say_analytic(self):
        placed = cells(the_round()[0])
        assert placed["a1"][2].cites == ("Sleep Lab, table 2",)  # its card's cite
        assert placed["x2"][2].analytic and placed["x2"][2].cites == ()
        assert not placed["n3"][2].analytic

    def test_markdown_table_per_sheet(self):
        text = flow_markdown(the_round(), "Round")
        assert "## Case for: The school should start at nine." in text
        assert "| # | Contention (for) | Response (against) | Answer (for) |" in text
        assert ("| 3 | Rested students earn better grades. *(Sleep Lab, p. 5)* **dropped** "
                "|  |  |") in text
        assert "Screen time is a matter for parents, not the timetable. *(analytic)* **dropped**" \
            in text

    def test_csv_has_a_row_per_line_of_argument(self):
        rows = list(csv.reader(io.StringIO(flow_csv(the_round(), "Round"))))
        assert rows[0] == ["sheet", "row", "Contention", "Response", "Answer"]
        assert len(rows) == 1 + 3 + 1
        last = rows[-1]
        assert last[:2] == ["Case against: The school should start at nine.", "1"]
        assert last[4] == "Staggering needs more drivers, which the budget lacks. [no card] DROPPED"

    def test_html_page_marks_dropped_cells(self):
        page = flow_html(the_round(), "Round")
        assert page.startswith("<!DOCTYPE html>")
        assert page.count('class="for dropped"') + page.count('class="against dropped"') == 4
        assert "<h2>Case against: The school should start at nine.</h2>" in page


def test_attack_cycles_end_with_a_pointer_to_the_row():
    amap = ArgumentMap.model_validate({"title": "t", "claims": [
        {"id": "c", "text": "C", "kind": "conclusion"}, {"id": "a", "text": "A"},
        {"id": "b", "text": "B"}], "links": [
        {"id": "ac", "from": "a", "to": "c"},
        {"id": "ba", "from": "b", "to": "a", "type": "attacks"},
        {"id": "ab", "from": "a", "to": "b", "type": "attacks"}]})
    (sheet,) = sheets_of(amap)
    row = sheet.rows[0]
    assert [cell.link for cell in row] == ["ac", "ba", "ab", "ba"]
    assert row[3].repeat_of == 1 and not row[2].dropped  # answered by the attack already shown
    assert len(sheet.rows) == 1
    assert "B *(see row 1)*" in flow_markdown([sheet], "t")


def test_a_map_without_a_contention_says_so():
    amap = ArgumentMap.model_validate({"title": "t", "claims": [
        {"id": "c", "text": "C", "kind": "conclusion"}]})
    assert sheets_of(amap) == []
    assert "No contention on the map" in flow_markdown([], "t")


HOSTILE = ArgumentMap.model_validate({"title": "<b>T</b> | x", "claims": [
    {"id": "c", "text": "We <script>alert(1)</script> | act", "kind": "conclusion"},
    {"id": "f", "text": "=HYPERLINK(\"http://evil\") **bold** \x1b[31mred\x07"},
    {"id": "g", "text": "-1 | pipe\nnew line"}], "links": [
    {"from": "f", "to": "c"}, {"from": "g", "to": "f", "type": "attacks"}]})


class _Html(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: set[str] = set()
        self.text: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.tags.add(tag)

    def handle_data(self, data):
        self.text.append(data)


def test_hostile_labels_stay_literal_in_every_form():
    sheets = sheets_of(HOSTILE)
    for text in (flow_markdown(sheets, HOSTILE.title), flow_html(sheets, HOSTILE.title),
                 flow_csv(sheets, HOSTILE.title)):
        assert "\x1b" not in text and "\x07" not in text
    page = _Html()
    page.feed(MarkdownIt("commonmark").enable("table").render(
        flow_markdown(sheets, HOSTILE.title)))
    assert "script" not in page.tags and "strong" in page.tags  # only the "dropped" marks
    assert "We <script>alert(1)</script> | act" in "".join(page.text)
    html_page = _Html()
    html_page.feed(flow_html(sheets, HOSTILE.title))
    assert not html_page.tags & {"script", "b"}
    rows = list(csv.reader(io.StringIO(flow_csv(sheets, HOSTILE.title))))
    assert rows[1][2].startswith("'=HYPERLINK(")
    assert rows[1][3].startswith("'-1 | pipe new line")


def test_shipped_case_flows_both_sides_to_the_last_exchange():
    case_for, case_against = flow_sheets(analyse(load_map(SHIPPED_CASE)))
    amap = load_map(SHIPPED_CASE)
    contentions = {lk.ident for lk in amap.links_into("resolution")}
    firsts = {row[0].link for sheet in (case_for, case_against) for row in sheet.rows
              if row and row[0]}
    assert firsts == contentions
    # every attack on the map appears on some sheet
    shown = {link for sheet in (case_for, case_against) for link in cells(sheet)}
    attacks = {lk.ident for lk in amap.links if lk.type == "attacks"}
    assert attacks <= shown
    assert len(case_against.columns) >= 4  # contention, response, answer, reply
