"""The app and the report in Debian's Chromium: what a reader sees, and that article text runs nothing."""

from __future__ import annotations

import re
from pathlib import Path

from typer.testing import CliRunner

from crosswire.cli import app as cli

SHOTS = Path("/tmp/crosswire-shots")


def _visible_rows(page):
    return page.locator("li.event-row:not([hidden])")


def test_timeline_filters_in_place_and_keeps_the_filter_in_the_url(page, example_url):
    p = page.page
    p.goto(example_url + "/")
    total = p.locator("li.event-row").count()
    assert total > 10 and p.locator("svg a.bar").count() > 3
    SHOTS.mkdir(exist_ok=True)
    p.screenshot(path=str(SHOTS / "timeline.png"))
    p.select_option("select[name=type]", "ASSAULT")
    shown = _visible_rows(p)
    assert 0 < shown.count() < total
    assert set(shown.evaluate_all("rows => rows.map(r => r.dataset.type)")) == {"ASSAULT"}
    assert "type=ASSAULT" in p.url
    assert p.locator("#shown-count").inner_text().startswith(f"{shown.count()} event")
    p.select_option("select[name=status]", "contested")
    assert set(_visible_rows(p).evaluate_all("rows => rows.map(r => r.dataset.status)")) == {"contested"}
    rows = set(_visible_rows(p).evaluate_all("rows => rows.map(r => r.dataset.event)"))
    bars = set(p.locator("svg a.bar:not(.off)").evaluate_all("bars => bars.map(b => b.dataset.bar)"))
    assert bars and bars <= rows
    assert page.errors == []


def test_timeline_date_range_reloads_the_axis_for_that_range(page, example_url):
    p = page.page
    p.goto(example_url + "/")
    p.fill("input[name=start]", "2025-03-03")
    p.fill("input[name=end]", "2025-03-05")
    p.click("button[type=submit]")
    p.wait_for_url(re.compile(r"start=2025-03-03"))
    starts = _visible_rows(p).evaluate_all("rows => rows.map(r => [r.dataset.start, r.dataset.end])")
    assert starts and all(s <= "2025-03-05" and e >= "2025-03-03" for s, e in starts)
    assert "2025-03-03 to 2025-03-05" in p.locator("figure.axis figcaption").inner_text()


def test_event_page_shows_disagreement_and_evidence_and_a_quote_leads_to_its_sentence(page, example_url):
    p = page.page
    p.goto(example_url + "/?status=contested")
    p.locator("li.event-row:not([hidden]) a.event-link").first.click()
    p.wait_for_url(re.compile(r"/events/"))
    assert p.locator("section.disagreements").is_visible()
    assert "Where the sources disagree" in p.locator("section.disagreements").inner_text()
    assert p.locator("table.counts").count() >= 1
    mention = p.locator("li.mention").first
    outlet, quote = mention.locator("a.outlet").inner_text(), mention.locator("blockquote mark").inner_text()
    assert outlet and quote
    p.screenshot(path=str(SHOTS / "event.png"))
    mention.locator("a.in-context").click()
    p.wait_for_url(re.compile(r"/documents/.+#m-"))
    target = p.locator(":target")
    assert target.inner_text().lower() == quote.lower()
    assert target.is_visible() and p.locator(".cited:has(:target)").count() == 1
    assert outlet in p.locator("article.document dl").inner_text()
    p.screenshot(path=str(SHOTS / "document.png"))
    assert page.errors == []


def test_entity_sources_and_search_pages_answer_who_says_what(page, example_url):
    p = page.page
    p.goto(example_url + "/sources")
    assert "Who copies whom" in p.inner_text("main") and "repeats" in p.inner_text("ul.copies")
    p.fill("nav input[name=q]", "Northern Front")
    p.press("nav input[name=q]", "Enter")
    p.wait_for_url(re.compile(r"/search\?q="))
    assert p.locator("ul.hits li").count() > 0
    p.goto(example_url + "/entities")
    p.locator("table.entities a").first.click()
    assert "Events by role" in p.inner_text("main") and "Who says what about it" in p.inner_text("main")


def test_hostile_article_is_shown_as_text_and_runs_nothing_in_the_app(page, hostile_url):
    p = page.page
    p.set_content("<img src=x onerror=\"alert('control')\">")  # the watch does see a payload that runs
    p.wait_for_timeout(100)
    assert page.dialogs == ["control"]
    page.dialogs.clear()
    p.goto(hostile_url + "/")
    event_links = p.locator("a.event-link").evaluate_all("links => links.map(a => a.href)")
    document_links = []
    for href in event_links:
        p.goto(href)
        assert page.ran_nothing(), href
        document_links += p.locator("a.in-context").evaluate_all("links => links.map(a => a.href)")
    p.goto(document_links[0])
    p.locator("body").hover()
    p.locator("article.document").hover()
    text = p.inner_text("article.document")
    assert "<script>window.__xss='text'</script>" in text
    assert "<img src=x onerror=alert('outlet')>Evil Wire" in text
    assert p.locator("article.document a[href^='javascript' i]").count() == 0
    assert p.locator("img").count() == 0 and p.locator("main script").count() == 0
    assert page.ran_nothing(), page.dialogs
    for path in ("/sources", "/documents", "/entities", "/search?q=script"):
        p.goto(hostile_url + path)
        assert page.ran_nothing(), (path, page.dialogs)


def test_report_is_one_file_with_the_same_timeline_that_filters_under_its_csp(page, example_db, tmp_path):
    out = tmp_path / "report.html"
    assert CliRunner().invoke(cli, ["report", "--db", str(example_db), "-o", str(out)]).exit_code == 0
    p = page.page
    p.goto(out.as_uri())
    total = p.locator("li.event-row").count()
    p.select_option("select[name=type]", "ASSAULT")  # works only if the hashed inline script runs
    assert 0 < _visible_rows(p).count() < total
    p.click("button[type=reset]")
    p.wait_for_function(f"document.querySelectorAll('li.event-row:not([hidden])').length === {total}")
    p.select_option("select[name=type]", "ASSAULT")
    p.locator("li.event-row:not([hidden]) a.event-link").first.click()
    assert p.locator("article.event:target").count() == 1
    p.locator("article.event:target a.in-context").first.click()
    assert p.locator("article.document :target").count() == 1
    assert not [e for e in page.errors if "Content Security Policy" in e], page.errors


def test_hostile_article_runs_nothing_in_the_report(page, hostile_db, tmp_path):
    out = tmp_path / "report.html"
    assert CliRunner().invoke(cli, ["report", "--db", str(hostile_db), "-o", str(out)]).exit_code == 0
    p = page.page
    p.goto(out.as_uri())
    p.locator("body").hover()
    assert "<script>window.__xss='text'</script>" in p.inner_text("#documents")
    assert p.locator("a[href^='javascript' i]").count() == 0 and p.locator("img").count() == 0
    assert page.ran_nothing(), page.dialogs
