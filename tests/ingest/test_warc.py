from crosswire.ingest.metadata import Batch
from crosswire.ingest.warc import read_warc
from crosswire.records import RawDocument, Skipped
from crosswire.settings import Settings

from .builders import article_html, warc_bytes, write

PAGES = [(f"https://example.org/news/{i}", article_html(title=f"Warehouse fire, update {i}")) for i in range(3)]


def _read(path):
    return list(read_warc(path, Batch(settings=Settings())))


def test_warc_html_responses_become_documents_addressed_by_offset(tmp_path):
    path = write(tmp_path, "crawl.warc.gz", warc_bytes(PAGES))
    docs = _read(path)
    assert [d.url for d in docs] == [url for url, _ in PAGES]
    assert all(d.format == "warc" and d.path.startswith(f"{path}#") for d in docs)
    assert len({d.path for d in docs}) == 3
    assert docs[0].title == "Warehouse fire, update 0" and docs[0].original == PAGES[0][1]
    assert docs[0].metadata_from["url"] == "warc-header"


def test_warc_date_is_the_fallback_for_published(tmp_path):
    [doc, *_] = _read(write(tmp_path, "crawl.warc", warc_bytes(PAGES, gzip=False)))
    assert doc.published == "2024-03-26T08:30+00:00"
    assert doc.metadata_from["published"] == "warc-date"


def test_warc_offset_points_at_the_record(tmp_path):
    data = warc_bytes(PAGES, gzip=False)
    [doc, *_] = _read(write(tmp_path, "crawl.warc", data))
    offset = int(doc.path.rsplit("#", 1)[1])
    assert data[offset:].startswith(b"WARC/1.0") and b"https://example.org/news/0" in data[offset:offset + 400]


def test_warc_non_200_responses_are_passed_over(tmp_path):
    [skipped] = _read(write(tmp_path, "crawl.warc.gz", warc_bytes(PAGES, status="404 Not Found")))
    assert skipped.reason.startswith("no HTML pages")


def test_warc_page_without_article_text_is_skipped_and_reading_goes_on(tmp_path):
    pages = [PAGES[0], ("https://example.org/empty", "<html><body></body></html>"), PAGES[1]]
    out = _read(write(tmp_path, "crawl.warc.gz", warc_bytes(pages)))
    assert [type(x) for x in out] == [RawDocument, Skipped, RawDocument]
    assert out[1].path.startswith(f"{tmp_path}/crawl.warc.gz#") and "no article text found" in out[1].reason


def test_warc_truncated_gz_keeps_records_before_the_break(tmp_path):
    data = warc_bytes(PAGES)
    for cut in (len(data) - 30, len(data) - 300, len(data) * 2 // 3):
        out = _read(write(tmp_path, "crawl.warc.gz", data[:cut]))
        assert all(isinstance(x, RawDocument) for x in out[:-1]) and len(out) >= 2, cut
        assert isinstance(out[-1], Skipped) and out[-1].reason.startswith("WARC file cut short"), cut


def test_warc_truncated_plain_warc_keeps_records_before_the_break(tmp_path):
    data = warc_bytes(PAGES, gzip=False)
    out = _read(write(tmp_path, "crawl.warc", data[:-200]))
    assert [type(x) for x in out] == [RawDocument, RawDocument, Skipped]


def test_warc_file_that_is_not_a_warc_is_skipped(tmp_path):
    [skipped] = _read(write(tmp_path, "crawl.warc", "just some text, not an archive\n"))
    assert skipped.reason.startswith("not a WARC file")


def test_warc_page_over_max_file_mb_is_skipped_and_the_next_page_is_read(tmp_path):
    huge = article_html(body_extra="<p>" + "filler words " * 200_000 + "</p>")  # about 2.6 MB
    out = list(read_warc(write(tmp_path, "crawl.warc.gz", warc_bytes([PAGES[0], ("https://example.org/huge", huge),
                                                                        PAGES[1]])),
                         Batch(settings=Settings(max_file_mb=1))))
    assert [type(x) for x in out] == [RawDocument, Skipped, RawDocument]
    assert "page is over max_file_mb = 1" in out[1].reason and "#" in out[1].path
