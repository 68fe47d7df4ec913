"""Answering a critical question through the editing session: an undercut that says which
question it raises, undoable, saved with the author's comments."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from argmap.analysis import analyse
from argmap.edit import EditSession
from argmap.errors import UsageError
from argmap.io import load_map

FIXTURE = Path(__file__).parents[1] / "fixtures" / "phones-scheme.yaml"


@pytest.fixture
def phones(tmp_path: Path) -> Path:
    path = tmp_path / "phones.yaml"
    shutil.copy(FIXTURE, path)
    return path


def open_on(amap, link: str) -> list[str]:
    """The questions AM125 reports open on ``link``, as CQ ids."""
    return [f.message.split("nothing answers ")[1].split(" ")[0]
            for f in analyse(amap).findings if f.code == "AM125" and f.target == link]


@pytest.mark.parametrize("fast", [True, False])
def test_an_answer_is_an_undercut_that_says_which_question_it_raises(phones, fast):
    session = EditSession.open(phones)
    session.fast = fast
    assert open_on(session.map, "lee") == ["CQ1", "CQ4", "CQ5", "CQ6"]
    new = session.answer_question("lee", "consistency", "Most attention researchers disagree.")
    link = session.map.links[-1]
    assert (link.from_, link.to, link.type, link.answers) == ([new], "lee", "attacks", ["CQ5"])
    assert session.map.claim(new).kind == "rebuttal"
    assert open_on(session.map, "lee") == ["CQ1", "CQ4", "CQ6"]
    assert session.undo() == "answer CQ5 of lee"
    assert open_on(session.map, "lee") == ["CQ1", "CQ4", "CQ5", "CQ6"]
    session.redo()
    session.save()
    saved = phones.read_text(encoding="utf-8")
    assert "answers: [CQ5]" in saved and "# settled without an attack" in saved
    assert load_map(phones).links[-1].answers == ["CQ5"]


def test_a_question_the_link_s_scheme_does_not_ask_is_refused(phones):
    session = EditSession.open(phones)
    with pytest.raises(UsageError, match="has no critical question 'CQ9'"):
        session.answer_question("lee", "CQ9", "Anything.")
    with pytest.raises(UsageError, match="it names no scheme argmap knows"):
        session.answer_question("l1", "CQ1", "Anything.")
    with pytest.raises(UsageError, match="no link with id 'ghost'"):
        session.answer_question("ghost", "CQ1", "Anything.")
    assert not session.dirty
