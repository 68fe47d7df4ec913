"""A map's `sources[].text:` reads only regular files inside the map's folder, within a size
limit; a file given on the command line may be anywhere."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from argmap.analysis import analyse
from argmap.analysis.text import sources
from argmap.io import load_map

QUOTED = "root:x:0:0"


def _map(folder: Path, text_path: str) -> Path:
    path = folder / "m.yaml"
    path.write_text(
        "title: t\nsubject: s\nsources:\n  - id: s\n    title: S\n"
        f"    text: {text_path}\nclaims:\n  - id: a\n    text: A\n    evidence:\n"
        f"      - {{source: s, locator: l1, quote: '{QUOTED}'}}\n", encoding="utf-8")
    return path


def _findings(path: Path, **kwargs: object) -> list[tuple[str, str]]:
    return [(f.code, f.message) for f in analyse(load_map(path), **kwargs).findings
            if f.code in ("AM112", "AM116")]


def test_a_text_outside_the_maps_folder_is_never_read(tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text(f"{QUOTED}:/root\n", encoding="utf-8")
    folder = tmp_path / "maps"
    folder.mkdir()
    for named in ("../secret.txt", str(secret)):
        found = _findings(_map(folder, named))
        assert [code for code, _ in found] == ["AM116"], found
        assert "outside the map's folder" in found[0][1]


def test_a_symlink_inside_the_folder_pointing_out_is_refused_too(tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text(f"{QUOTED}\n", encoding="utf-8")
    folder = tmp_path / "maps"
    folder.mkdir()
    (folder / "innocent.txt").symlink_to(secret)
    assert [code for code, _ in _findings(_map(folder, "innocent.txt"))] == ["AM116"]


def test_a_device_is_never_read(tmp_path):
    if not os.path.exists("/dev/zero"):
        pytest.skip("no /dev/zero here")
    (tmp_path / "zero.txt").symlink_to("/dev/zero")
    found = _findings(_map(tmp_path, "zero.txt"))
    assert [code for code, _ in found] == ["AM116"]


def test_a_fifo_in_the_folder_is_not_a_regular_file(tmp_path):
    os.mkfifo(tmp_path / "pipe.txt")
    found = _findings(_map(tmp_path, "pipe.txt"))
    assert found and "not a regular file" in found[0][1]


def test_a_text_over_the_size_limit_is_refused(tmp_path, monkeypatch):
    monkeypatch.setattr(sources, "SOURCE_TEXT_MAX", 100)
    (tmp_path / "big.txt").write_text("x" * 200, encoding="utf-8")
    found = _findings(_map(tmp_path, "big.txt"))
    assert found and "source texts are limited to" in found[0][1]


def test_a_text_inside_the_folder_is_checked_and_one_given_by_the_user_may_be_anywhere(tmp_path):
    folder = tmp_path / "maps"
    (folder / "texts").mkdir(parents=True)
    (folder / "texts" / "s.txt").write_text("Nothing of the sort.\n", encoding="utf-8")
    path = _map(folder, "texts/s.txt")
    assert [code for code, _ in _findings(path)] == ["AM112"]
    elsewhere = tmp_path / "s.txt"
    elsewhere.write_text(f"{QUOTED}\n", encoding="utf-8")
    assert _findings(path, source_texts={"s": elsewhere}) == []
