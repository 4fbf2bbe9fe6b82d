"""read_paths end to end: real files in tmp_path, every format, every way a file can fail."""

import tracemalloc
from pathlib import Path

import pytest

from crosswire.errors import UsageError
from crosswire.ingest import read_paths
from crosswire.records import RawDocument, Skipped
from crosswire.settings import Settings

from .builders import article_html, read, warc_bytes, write

METADATA_LINE_TEXT = (" date 2024-04-01 Storm closes the northern pass for a week\n\n"
                      "Storm closes the pass\n\nThe northern pass was closed on Sunday after heavy snow, officials said.\n")
FRONT_MATTER_TEXT = ("---\ntitle: Ferry service resumes\ndate: 2024-03-28\nsource: Harbour Times\n"
                     "url: https://example.org/ferry\n---\n\nThe ferry to the island ran again on Thursday.\n")
DATELINE_TEXT = ("Landslide blocks valley road\n\n25 March 2024, 21:48\n\n"
                 "A landslide blocked the valley road on Monday evening, the regional road authority said.\n\n"
                 "This article was originally published by The Ridge Review on March 24, 2024.\n\n"
                 "Source: Valley Herald\n")
RUSSIAN_TEXT = ("Оползень перекрыл дорогу\n\n25 March 2024\n\nВ понедельник вечером оползень перекрыл дорогу в долине, "
                "сообщили в региональном дорожном управлении. Движение направлено в объезд через соседнее село.\n")


def test_read_paths_txt_metadata_line_gives_title_and_date_and_is_stripped(tmp_path):
    path = write(tmp_path, "storm.txt", METADATA_LINE_TEXT)
    [doc] = read(path)
    assert doc == RawDocument(
        path=str(path), format="txt", text=METADATA_LINE_TEXT.split("\n\n", 1)[1], original=METADATA_LINE_TEXT,
        title="Storm closes the northern pass for a week", published="2024-04-01",
        metadata_from={"published": "metadata-line", "title": "metadata-line"})


def test_read_paths_txt_front_matter_gives_all_fields(tmp_path):
    [doc] = read(write(tmp_path, "ferry.txt", FRONT_MATTER_TEXT))
    assert (doc.title, doc.published, doc.source, doc.url) == (
        "Ferry service resumes", "2024-03-28", "Harbour Times", "https://example.org/ferry")
    assert doc.text == "The ferry to the island ran again on Thursday.\n"
    assert set(doc.metadata_from.values()) == {"front-matter"}


def test_read_paths_txt_clues_from_the_text_and_text_left_whole(tmp_path):
    [doc] = read(write(tmp_path, "landslide.txt", DATELINE_TEXT))
    assert (doc.title, doc.published, doc.source) == ("Landslide blocks valley road", "2024-03-25T21:48", "Valley Herald")
    assert doc.metadata_from == {"title": "leading-line", "published": "dateline", "source": "source-line"}
    assert doc.text == doc.original == DATELINE_TEXT


def test_read_paths_txt_in_cp1251_is_decoded(tmp_path):
    [doc] = read(write(tmp_path, "ru.txt", RUSSIAN_TEXT.encode("cp1251")))
    assert doc.text == RUSSIAN_TEXT and doc.published == "2024-03-25"


def test_read_paths_txt_future_date_is_rejected_for_the_caller_to_flag(tmp_path):
    [doc] = read(write(tmp_path, "typo.txt", METADATA_LINE_TEXT.replace("2024-04-01", "2924-04-01")))
    assert doc.published is None
    assert doc.metadata_from["published"] == "rejected: 2924-04-01 is in the future (metadata-line)"


def test_read_paths_html_file(tmp_path):
    head = "<meta property='og:site_name' content='Valley Herald'><meta name='date' content='2024-03-25'>"
    html = article_html(head=head)
    [doc] = read(write(tmp_path, "fire.html", html))
    assert doc.format == "html" and doc.original == html
    assert (doc.title, doc.source, doc.published) == ("Warehouse fire in Lakeford", "Valley Herald", "2024-03-25")
    assert "\n\nOfficials said four workers" in doc.text


def test_read_paths_html_in_declared_legacy_charset(tmp_path):
    html = article_html(title="Пожар на складе").replace("charset='utf-8'", "charset='windows-1251'")
    [doc] = read(write(tmp_path, "fire.htm", html.encode("cp1251")))
    assert doc.title == "Пожар на складе"


def test_read_paths_malformed_html_is_skipped(tmp_path):
    path = write(tmp_path, "broken.html", "<html><head><title>Only a title</title></head><body><div><span></div>")
    [skipped] = read(path)
    assert skipped == Skipped(path=str(path), reason=skipped.reason)
    assert skipped.reason.startswith("no article text found")


@pytest.mark.parametrize("name, content, reason", [
    ("image.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00", "binary file, not text, HTML, JSONL or WARC"),
    ("blank.txt", b"", "empty file"),
    ("spaces.txt", b"  \n\n  \n", "only whitespace"),
])
def test_read_paths_unreadable_file_is_skipped_and_reading_goes_on(tmp_path, name, content, reason):
    bad = write(tmp_path, name, content)
    good = write(tmp_path, "z_good.txt", DATELINE_TEXT)
    skipped, doc = read(tmp_path)
    assert skipped.path == str(bad) and skipped.reason.startswith(reason)
    assert doc.path == str(good)


def test_read_paths_file_over_max_file_mb_is_skipped(tmp_path):
    [skipped] = read(write(tmp_path, "long.txt", DATELINE_TEXT * 20), settings=Settings(max_file_mb=0.001))
    assert "over max_file_mb" in skipped.reason


def test_read_paths_folder_mixes_formats_in_name_order(tmp_path):
    write(tmp_path, "b/crawl.warc.gz", warc_bytes([("https://example.org/fire", article_html())]))
    write(tmp_path, "a.txt", DATELINE_TEXT)
    write(tmp_path, "b/feed.jsonl", '{"text": "The pass reopened on Friday."}\n')
    write(tmp_path, "c.html", article_html())
    write(tmp_path, "notes.md", "not read")
    write(tmp_path, ".cache/old.txt", DATELINE_TEXT)
    docs = read(tmp_path)
    assert [d.format for d in docs] == ["txt", "warc", "jsonl", "html"]
    assert all(isinstance(d, RawDocument) for d in docs)


def test_read_paths_explicit_unsupported_file_is_skipped(tmp_path):
    [skipped] = read(write(tmp_path, "notes.md", "# Notes"))
    assert skipped.reason.startswith("unsupported file type '.md'")


def test_read_paths_overrides_apply_to_every_document(tmp_path):
    write(tmp_path, "a.txt", FRONT_MATTER_TEXT)
    write(tmp_path, "b.jsonl", '{"text": "The pass reopened on Friday.", "source": "Wire", "date": "2024-03-01"}\n')
    docs = read(tmp_path, source="Desk Copy", published="2024-03-30")
    assert {(d.source, d.published) for d in docs} == {("Desk Copy", "2024-03-30")}
    assert all(d.metadata_from["source"] == d.metadata_from["published"] == "override" for d in docs)
    assert docs[0].title == "Ferry service resumes"


def test_read_paths_bad_override_fails_before_reading(tmp_path):
    with pytest.raises(UsageError, match="not a date"):
        read_paths([Path("does-not-matter")], published="next week", settings=Settings())


@pytest.mark.parametrize("codec", ["cp1251", "koi8-r", "utf-16"])
def test_read_paths_undeclared_encoding_gives_the_right_russian_words(tmp_path, codec):
    # "utf-16" writes a byte-order mark; cp1251 and koi8-r have no marker at all.
    [doc] = read(write(tmp_path, "slide.txt", RUSSIAN_TEXT.encode(codec)))
    assert "оползень перекрыл дорогу в долине" in doc.text
    assert doc.title == "Оползень перекрыл дорогу"


def test_read_paths_latin1_text_keeps_its_accents(tmp_path):
    text = "Incendie à Lyon\n\nLe ministère a déclaré vendredi que les pompiers étaient arrivés très vite.\n"
    [doc] = read(write(tmp_path, "feu.txt", text.encode("latin-1")))
    assert "ministère a déclaré" in doc.text


def test_read_paths_unclosed_tags_still_give_the_article_text(tmp_path):
    html = article_html().replace("</p>", "").replace("</article>", "").replace("</body></html>", "")
    [doc] = read(write(tmp_path, "unclosed.html", html + "<div><span>"))
    assert "crews from three towns were sent" in doc.text


def test_read_paths_front_matter_nested_past_the_recursion_limit_is_left_as_text(tmp_path):
    deep = "---\n" + "[" * 5000 + "]" * 5000 + "\n---\n\nThe pass reopened on Friday, officials said.\n"
    [doc] = read(write(tmp_path, "deep.txt", deep))
    assert doc.text.endswith("The pass reopened on Friday, officials said.\n")


def test_read_paths_huge_file_is_refused_without_being_read(tmp_path):
    huge = tmp_path / "dump.txt"
    with huge.open("wb") as stream:  # sparse: 3 GB on paper, nothing on disk
        stream.truncate(3 * 1024**3)
    tracemalloc.start()
    try:
        [skipped] = read(huge)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert "over max_file_mb = 50" in skipped.reason
    assert peak < 10 * 1024**2


def test_read_paths_unexpected_failure_costs_one_file_not_the_batch(tmp_path, monkeypatch):
    def explode(html, *, url=None):
        raise RecursionError("maximum recursion depth exceeded")

    monkeypatch.setattr("crosswire.ingest.read_html", explode)
    bad = write(tmp_path, "a.html", article_html())
    good = write(tmp_path, "b.txt", DATELINE_TEXT)
    skipped, doc = read(tmp_path)
    assert skipped.path == str(bad)
    assert skipped.reason.startswith("crosswire failed on this file (RecursionError: maximum recursion depth")
    assert "Please report it" in skipped.reason
    assert doc.path == str(good)
