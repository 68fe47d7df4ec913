import pytest

from argmap.errors import UsageError
from argmap.io.targets import check_target


def test_new_file_is_fine(tmp_path):
    check_target(tmp_path / "new.md")


def test_existing_file_needs_force(tmp_path):
    out = tmp_path / "out.md"
    out.write_text("keep me")
    with pytest.raises(UsageError, match="--force"):
        check_target(out)
    check_target(out, force=True)


def test_the_map_read_is_never_replaced_even_with_force(tmp_path):
    src = tmp_path / "m.yaml"
    src.write_text("argmap: 1\n")
    with pytest.raises(UsageError, match="the file the command read"):
        check_target(src, force=True, inputs=[src])
    link = tmp_path / "link.yaml"
    link.symlink_to(src)
    with pytest.raises(UsageError, match="the file the command read"):
        check_target(link, force=True, inputs=[src])


def test_directory_refused(tmp_path):
    with pytest.raises(UsageError, match="directory"):
        check_target(tmp_path, force=True)
