import gzip
import json
import tracemalloc

from crosswire.ingest.jsonl import read_jsonl
from crosswire.ingest.metadata import Batch
from crosswire.records import RawDocument, Skipped
from crosswire.settings import Settings

from .builders import article_html, write

STORY = "LAKEFORD, March 25, 2024 (Reuters) - Crews cleared the road on Monday, officials said."


def _lines(*items):
    return "\n".join(item if isinstance(item, str) else json.dumps(item) for item in items) + "\n"


def _read(path, settings=None):
    return list(read_jsonl(path, Batch(settings=settings or Settings())))


def test_jsonl_each_line_is_a_document_addressed_by_line_number(tmp_path):
    path = write(tmp_path, "feed.jsonl", _lines(
        {"text": STORY, "title": "Road cleared", "url": "https://example.org/1", "source": "Wire Desk",
         "published": "2024-03-26"},
        {"html": article_html(), "date": "2024-03-24"},
    ))
    first, second = _read(path)
    assert first.path == f"{path}#1" and first.format == "jsonl"
    assert (first.title, first.url, first.source, first.published) == (
        "Road cleared", "https://example.org/1", "Wire Desk", "2024-03-26")
    assert first.metadata_from == {"title": "jsonl", "source": "jsonl", "url": "jsonl", "published": "jsonl"}
    assert second.path == f"{path}#2" and second.title == "Warehouse fire in Lakeford"
    assert second.published == "2024-03-24" and second.original == article_html()


def test_jsonl_text_without_fields_falls_back_to_text_clues(tmp_path):
    [doc] = _read(write(tmp_path, "feed.jsonl", _lines({"text": STORY})))
    assert (doc.source, doc.published) == ("Reuters", "2024-03-25")
    assert doc.metadata_from == {"published": "dateline", "source": "dateline"}


def test_jsonl_broken_lines_are_skipped_and_good_lines_still_come_out(tmp_path):
    path = write(tmp_path, "feed.jsonl", _lines(
        {"text": STORY}, '{"text": "cut off', "", "[1, 2]", {"body": STORY}, {"text": "  "}, {"text": STORY}))
    out = _read(path)
    assert [type(x).__name__ for x in out] == ["RawDocument", "Skipped", "Skipped", "Skipped", "Skipped", "RawDocument"]
    assert [x.path.rsplit("#", 1)[1] for x in out] == ["1", "2", "4", "5", "6", "7"]
    assert out[1].reason.startswith("not valid JSON (Unterminated string")
    assert out[2].reason.startswith("not a JSON object")
    assert out[3].reason.startswith('no "text" or "html"')


def test_jsonl_line_that_is_not_utf8_is_skipped(tmp_path):
    path = write(tmp_path, "feed.jsonl", json.dumps({"text": "Caf\u00e9 reopened."}).encode("ascii") + b"\n"
                 + '{"text": "Caf\u00e9 ferm\u00e9."}\n'.encode("latin-1"))
    first, second = _read(path)
    assert isinstance(first, RawDocument) and isinstance(second, Skipped)
    assert "not UTF-8" in second.reason


def test_jsonl_gz_is_read(tmp_path):
    path = write(tmp_path, "feed.jsonl.gz", gzip.compress(_lines({"text": STORY}).encode()))
    [doc] = _read(path)
    assert doc.path == f"{path}#1" and doc.text == STORY


def test_jsonl_truncated_gz_keeps_lines_read_before_the_break(tmp_path):
    lines = _lines(*[{"text": f"{STORY} Item {i}."} for i in range(200)]).encode()
    data = gzip.compress(lines)
    out = _read(write(tmp_path, "feed.jsonl.gz", data[: len(data) // 2]))
    assert all(isinstance(x, RawDocument) for x in out[:-1]) and len(out) > 2
    assert isinstance(out[-1], Skipped) and "the lines before were read" in out[-1].reason


def test_jsonl_binary_file_is_skipped_whole(tmp_path):
    [skipped] = _read(write(tmp_path, "feed.jsonl", b"\x00\x01\x02binary\n{}\n"))
    assert skipped.reason.startswith("binary file")


def test_jsonl_over_max_file_mb_once_decompressed_stops(tmp_path):
    data = gzip.compress(_lines(*[{"text": STORY}] * 50).encode())
    out = _read(write(tmp_path, "feed.jsonl.gz", data), settings=Settings(max_file_mb=0.002))
    assert isinstance(out[-1], Skipped) and "once decompressed" in out[-1].reason


def test_jsonl_endless_line_is_read_only_up_to_max_file_mb(tmp_path):
    # 30 MB of one line, gzipped to a few kB: a line must not be read whole before the size check.
    data = gzip.compress(b'{"text": "' + b"a" * (30 * 1024 * 1024), compresslevel=1)
    path = write(tmp_path, "bomb.jsonl.gz", data)
    tracemalloc.start()
    try:
        [skipped] = _read(path, settings=Settings(max_file_mb=1))
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert "once decompressed; stopped at line 1" in skipped.reason
    assert peak < 5 * 1024 * 1024


def test_jsonl_broken_line_reports_its_line_number_and_the_good_lines_count(tmp_path):
    path = write(tmp_path, "feed.jsonl", _lines({"text": STORY}, {"text": STORY + " Again."}, '{"text": "half a li',
                                             {"text": STORY + " Later."}))
    out = _read(path)
    assert sum(isinstance(x, RawDocument) for x in out) == 3
    [broken] = [x for x in out if isinstance(x, Skipped)]
    assert broken.path == f"{path}#3" and "fix or remove the line" in broken.reason


def test_jsonl_line_nested_past_the_recursion_limit_is_skipped_and_the_next_line_read(tmp_path):
    path = write(tmp_path, "feed.jsonl", _lines("[" * 100_000 + "]" * 100_000, {"text": STORY}))
    skipped, doc = _read(path)
    assert skipped.path == f"{path}#1" and skipped.reason.startswith("JSON nested too deeply")
    assert isinstance(doc, RawDocument) and doc.path == f"{path}#2"
