from pathlib import Path

import pytest

from crosswire.ingest.walk import format_of, walk
from crosswire.records import Skipped
from crosswire.settings import Settings

from .builders import write


def test_walk_format_of_reads_compound_suffixes():
    assert format_of(Path("a.jsonl.gz")) == "jsonl"
    assert format_of(Path("A.WARC.GZ")) == "warc"
    assert format_of(Path("page.htm")) == "html"
    assert format_of(Path("notes.gz")) is None


def test_walk_folder_is_recursive_sorted_and_skips_hidden_and_unknown_files(tmp_path):
    for name in ["b.txt", "a/z.html", "a/c.jsonl", ".hidden.txt", ".git/x.txt", "photo.jpg", "c.warc.gz"]:
        write(tmp_path, name, "x")
    found = list(walk([tmp_path], Settings()))
    assert [p.relative_to(tmp_path).as_posix() for p, _ in found] == ["a/c.jsonl", "a/z.html", "b.txt", "c.warc.gz"]


def test_walk_explicit_unknown_file_is_skipped_with_the_readable_types(tmp_path):
    photo = write(tmp_path, "photo.jpg", b"\xff\xd8")
    [skipped] = walk([photo], Settings())
    assert isinstance(skipped, Skipped)
    assert "unsupported file type '.jpg'" in skipped.reason and ".warc.gz" in skipped.reason


def test_walk_missing_path_is_skipped(tmp_path):
    [skipped] = walk([tmp_path / "nope.txt"], Settings())
    assert skipped.reason.startswith("no such file or folder")


def test_walk_empty_file_is_skipped(tmp_path):
    [skipped] = walk([write(tmp_path, "a.txt", b"")], Settings())
    assert skipped.reason.startswith("empty file")


def test_walk_file_over_max_file_mb_is_skipped_before_reading(tmp_path):
    big = write(tmp_path, "big.txt", "word " * 400)
    [skipped] = walk([big], Settings(max_file_mb=0.001))
    assert "over max_file_mb = 0.001" in skipped.reason and "crosswire.toml" in skipped.reason


def test_walk_web_archive_over_max_file_mb_is_streamed_not_refused(tmp_path):
    crawl = write(tmp_path, "CC-NEWS-20250303-00000.warc.gz", b"x" * 2048)
    assert list(walk([crawl], Settings(max_file_mb=0.001))) == [(crawl, "warc")]


def test_walk_file_named_twice_is_read_once(tmp_path):
    article = write(tmp_path, "a.txt", "text")
    assert len(list(walk([article, tmp_path], Settings()))) == 1


def test_walk_file_inside_a_folder_named_before_is_read_once(tmp_path):
    write(tmp_path, "a.txt", "text")
    write(tmp_path / "sub", "b.txt", "text")
    found = list(walk([tmp_path, tmp_path / "sub" / "b.txt", tmp_path / "sub"], Settings()))
    assert [f.name for f, _ in found] == ["a.txt", "b.txt"]


def test_walk_unlistable_folder_is_skipped(tmp_path):
    locked = tmp_path / "locked"
    locked.mkdir()
    write(tmp_path, "a.txt", "text")
    locked.chmod(0)
    try:
        out = list(walk([tmp_path], Settings()))
    finally:
        locked.chmod(0o755)
    if not isinstance(out[-1], Skipped):
        pytest.skip("running as root: permissions are not enforced")
    assert out[-1].reason.startswith("folder cannot be listed")
