"""A whole batch of bad input through `crosswire build`: each bad file is one clear line and one stored skip.

The batch goes on, the good files (and the good parts of cut files) are in the ledger, the exit code is 1
and the summary counts the skips. docs/faults.md lists each case with the test that covers it.
"""

import json

import pytest
from typer.testing import CliRunner

from crosswire.cli import app
from crosswire.store import Store

from .builders import article_html, warc_bytes, write

runner = CliRunner()
STORY = ("KRASNOGORSK, March 23, 2024 (Wire) - Rescuers searched the burned concert hall on Saturday, officials "
         "said. Police said 40 people were killed in the attack on Friday evening.")
RUSSIAN = ("Пожар в концертном зале\n\n23 March 2024\n\nВ пятницу вечером в концертном зале произошёл пожар. Пожарные "
           "прибыли на место через несколько минут, сообщили в региональном управлении.\n")
ABSURD = ("Storm hits the coast\n\n2 April 2024\n\nThe storm killed 1,000,000,000 people in Port Anselm on Monday, "
          "a local blogger said. Officials said the harbour would reopen on Wednesday.\n")
FUTURE = " date 2099-01-01 Ferry service resumes\n\nThe ferry to the island ran again on Thursday, the operator said.\n"

BAD = {  # file name -> what the skip reason must say
    "sidebar.txt": "nothing is left after removing page furniture",
    "binary.txt": "binary file",
    "empty.txt": "empty file",
    "huge.txt": "over max_file_mb = 0.01",
    "no-article.html": "no article text found",
    "notes.txt": "only whitespace",
}


@pytest.fixture(scope="module")
def batch(tmp_path_factory):
    folder = tmp_path_factory.mktemp("batch")
    write(folder, "binary.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    write(folder, "empty.txt", b"")
    write(folder, "huge.txt", STORY * 100)
    write(folder, "no-article.html", "<html><head><title>Only a title</title></head><body><div><span></div>")
    write(folder, "notes.txt", "  \n\n \t\n")
    write(folder, "sidebar.txt", "All news\n\nMay 30, 2024 15:15\n\nCourt refuses bail\n\nNews archive\n")
    write(folder, "fire-cp1251.txt", RUSSIAN.encode("cp1251"))
    write(folder, "fire-koi8.txt", RUSSIAN.replace("пятницу", "субботу").encode("koi8-r"))
    write(folder, "fire-utf16.txt", RUSSIAN.replace("пятницу", "четверг").encode("utf-16"))
    write(folder, "absurd.txt", ABSURD)
    write(folder, "future.txt", FUTURE)
    write(folder, "undated.txt", "Ferry back\n\nThe ferry to the island ran again, the operator said on the radio.\n")
    lines = [json.dumps({"text": f"{STORY} Update {i}."}) for i in range(3)]
    write(folder, "feed.jsonl", "\n".join([lines[0], '{"text": "cut in ha', lines[1], lines[2]]) + "\n")
    crawl = warc_bytes([(f"https://example.org/{i}", article_html(title=f"Update {i}")) for i in range(3)])
    write(folder, "crawl.warc.gz", crawl[: len(crawl) - 40])
    config = write(folder.parent, "crosswire.toml", "[crosswire]\nmax_file_mb = 0.01\n")
    db = folder.parent / "ledger.duckdb"
    result = runner.invoke(app, ["build", str(folder), "--db", str(db), "--config", str(config), "--json"])
    with Store.open(db, read_only=True) as store:
        skipped = {s.path: s.reason for s in store.skipped()}
        documents = store.documents()
    exported = runner.invoke(app, ["export", "--db", str(db), "--config", str(config)])
    return folder, result, skipped, documents, json.loads(exported.stdout)


def test_bad_batch_exit_code_and_summary_count_the_skips(batch):
    folder, result, skipped, _, _ = batch
    assert result.exit_code == 1, result.output
    summary = json.loads(result.stdout)
    # The bad files, the broken JSON line, the cut WARC.
    assert summary["skipped"] == len(BAD) + 2 == len(skipped)
    assert summary["added"] >= 8


@pytest.mark.parametrize("name", BAD)
def test_bad_batch_each_bad_file_is_one_line_with_path_reason_and_remedy(batch, name):
    folder, result, skipped, _, _ = batch
    path = str(folder / name)
    lines = [line for line in result.stderr.splitlines() if path in line]
    assert len(lines) == 1 and BAD[name] in lines[0]
    assert BAD[name] in skipped[path] and not skipped[path].startswith(path)  # the path is said once
    assert ":" in skipped[path] or ". " in skipped[path]  # what is wrong, then what to do


def test_bad_batch_broken_json_line_is_skipped_by_number_and_good_lines_count(batch):
    folder, _, skipped, documents, _ = batch
    assert "not valid JSON" in skipped[f"{folder / 'feed.jsonl'}#2"]
    assert {d.path for d in documents} >= {f"{folder / 'feed.jsonl'}#{n}" for n in (1, 3, 4)}


def test_bad_batch_cut_warc_keeps_the_pages_before_the_cut(batch):
    folder, _, skipped, documents, _ = batch
    assert skipped[str(folder / "crawl.warc.gz")].startswith("WARC file cut short")
    assert sum(d.path.startswith(str(folder / "crawl.warc.gz#")) for d in documents) == 2


def test_bad_batch_undeclared_encodings_give_the_right_russian_words(batch):
    _, _, _, documents, _ = batch
    texts = {d.path.rsplit("/", 1)[1]: d.text for d in documents}
    assert "В пятницу вечером в концертном зале" in texts["fire-cp1251.txt"]
    assert "В субботу вечером" in texts["fire-koi8.txt"]
    assert "В четверг вечером" in texts["fire-utf16.txt"]


def test_bad_batch_future_date_is_flagged_not_stored(batch):
    folder, result, _, documents, _ = batch
    [future] = [d for d in documents if d.path == str(folder / "future.txt")]
    assert future.published is None
    assert future.metadata_from["published"].startswith("rejected: 2099-01-01 is in the future")
    assert any("flagged" in line and "future.txt" in line for line in result.stderr.splitlines())


def test_bad_batch_missing_date_is_flagged(batch):
    folder, result, _, documents, _ = batch
    [undated] = [d for d in documents if d.path == str(folder / "undated.txt")]
    assert undated.published is None and undated.metadata_from["published"].startswith("missing:")
    assert f"flagged {folder / 'undated.txt'}: published missing: no publication date found" in result.stderr


def test_bad_batch_absurd_count_is_flagged_in_the_ledger(batch):
    *_, ledger = batch
    counts = [c for e in ledger["events"] for c in e["counts"] if c["value"] == 1_000_000_000]
    assert counts and all("plausibility bound" in c["implausible"] for c in counts)
    assert all("1000000000" not in e["summary"] for e in ledger["events"])
