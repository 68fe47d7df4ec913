"""The draft benchmark's timed texts have the shapes they are named for, and the timing runs the
command. Every text here is written for the tests."""

from __future__ import annotations

import re

from argmap.draft.segments import segment
from benchmarks.draft_quality import big_texts, sentence_agreement, time_draft

_CORPUS = {
    "a.txt": "Cars make the centre loud and dangerous for every child who walks to school there.\n"
             "So the city should ban cars downtown, although the shops will need their deliveries.",
    "b.txt": "Buses are cheaper to run than trams are, and they can change routes overnight too.\n"
             "But trams carry more people than buses and do not burn diesel in the narrow streets.",
}
_SEEDS = {"one.txt": "Trams or buses\nA city must choose how it moves people, and it is late.\n",
          "two.txt": "Parking\nParking takes the space that parks and homes could use.\n"}


def _folders(tmp_path):
    corpus, seeds = tmp_path / "corpus", tmp_path / "seeds"
    for folder, files in ((corpus, _CORPUS), (seeds, _SEEDS)):
        folder.mkdir()
        for name, text in files.items():
            (folder / name).write_text(text, encoding="utf-8")
    return corpus, seeds


def test_the_timed_texts_have_their_shapes_and_size(tmp_path):
    corpus, seeds = _folders(tmp_path)
    texts = big_texts(corpus, seeds, 0.02)
    assert set(texts) == {"corpus", "numbered", "markdown", "seeds"}
    assert all(20_000 <= len(t) < 21_000 for t in texts.values())

    paras = segment(texts["corpus"]).paragraphs
    assert len({texts["corpus"][p.start:p.end] for p in paras}) == len(paras)  # none repeated

    numbered = segment(texts["numbered"])
    assert all(re.match(r"\d{1,2}\. ", p.sentences[0].text) for p in numbered.paragraphs)
    assert numbered.paragraphs[1].sentences[0].text.startswith("2. So the city should ban")

    markdown = segment(texts["markdown"])
    assert markdown.headings[:2] == ["Part 1: what the texts say", "Part 2: what the texts say"]
    items = [p for p in markdown.paragraphs if p.heading == "Part 1: what the texts say"]
    assert [p.locator for p in items][-1] == "Part 1: what the texts say, para 5"
    assert [texts["markdown"][p.start] for p in items] == ["S", "B", "*", "*", "*"]
    assert texts["seeds"].startswith(_SEEDS["one.txt"] + _SEEDS["two.txt"] + _SEEDS["one.txt"])


def test_the_timing_runs_the_draft_command(tmp_path):
    wall, cpu = time_draft("Cars pollute. So the city should ban them.\n")
    assert wall > 0 and cpu > 0


def test_sentence_agreement_counts_paragraphs_with_and_without_an_item_number(tmp_path):
    corpus, _ = _folders(tmp_path)
    assert sentence_agreement([corpus]) == (4, 4)
    assert sentence_agreement([corpus], "12. ") == (4, 4)
