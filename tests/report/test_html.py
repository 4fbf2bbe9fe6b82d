import base64
import hashlib
import re
from html import unescape

from crosswire.records import Event, EventMentionRef, MentionAttribution
from crosswire.report import render_report, sort_timeline
from crosswire.report.html import field_label, inline_assets

from .conftest import build_ledger

XSS_TITLE = "<script>alert(1)</script>"
XSS_TEXT = "Witnesses saw <img src=x onerror=alert(1)> near the stalls."


def _section(html: str, marker: str) -> str:
    return html.split(marker, 1)[1].split("</article>", 1)[0]


def _sha256(text: str) -> str:
    return "sha256-" + base64.b64encode(hashlib.sha256(text.encode()).digest()).decode()


def _hostile_ledger():
    """The fixture ledger with script-bearing title, outlet, URL, text, quote and speaker."""
    ledger = build_ledger()
    text = f"PORT ANSELM - {XSS_TEXT}"
    document = ledger.documents[0].model_copy(
        update={"title": XSS_TITLE, "source": "<b>Evil</b> Outlet", "url": "javascript:alert(1)", "text": text}
    )
    start = text.index("saw")
    hostile = EventMentionRef(
        id="m-x", document=document.id, sentence=0, start=start, end=start + 3, text=XSS_TEXT, trigger="saw",
        modality="reported", source=document.source, origin="o-x",
        attribution=MentionAttribution(speaker='"><script>alert(2)</script>', via="<i>wire</i>"),
    )  # fmt: skip
    event = ledger.events[3].model_copy(update={"summary": XSS_TITLE, "mentions": (hostile,)})
    return ledger.model_copy(
        update={"documents": (document, *ledger.documents[1:]), "events": (*ledger.events[:3], event)}
    )


def test_render_report_allows_only_its_own_inline_css_and_js_by_hash(ledger):
    html = render_report(ledger)
    assert html.startswith("<!DOCTYPE html>") and html.rstrip().endswith("</html>")
    csp = unescape(re.search(r'<meta http-equiv="Content-Security-Policy" content="([^"]+)">', html)[1])
    style = re.search(r"<style>(.*?)</style>", html, flags=re.S)[1]
    script = re.search(r"<script>(.*?)</script>", html, flags=re.S)[1]
    assert f"style-src '{_sha256(style)}'" in csp
    assert f"script-src '{_sha256(script)}'" in csp
    assert "unsafe-inline" not in csp and "default-src 'none'" in csp
    assert csp == inline_assets().csp


def test_render_report_header_counts_events_conflicts_outlets_documents_skipped(ledger):
    header = re.sub(r"<[^>]+>", "", render_report(ledger).split("<main>")[0])
    for phrase in ("4 events", "1 conflict", "3 outlets", "3 documents", "1 skipped"):
        assert phrase in header


def test_render_report_timeline_is_in_date_order_with_undated_last(ledger):
    order = re.findall(r'<li class="event-row [^"]*" data-event="([^"]+)"', render_report(ledger))
    # ev-claim is month-precision March, so it starts on the 1st, before the bombing.
    assert order == ["ev-claim", "ev-bombing", "ev-arrests", "ev-undated"]


def test_sort_timeline_keeps_ledger_order_among_undated_events(ledger):
    undated = [Event(id=f"u{i}", type="X", summary="", independent_sources=1, status="single-source") for i in range(3)]
    assert [e.id for e in sort_timeline([*undated, *ledger.events])][-4:] == ["u0", "u1", "u2", "ev-undated"]


def test_render_report_draws_a_month_as_a_span_and_a_day_as_a_short_bar(ledger):
    html = render_report(ledger)
    widths = {
        event: float(width)
        for event, width in re.findall(r'data-bar="([^"]+)">\s*<title>.*?</title>\s*<rect x="[^"]+" y="[^"]+" width="([^"]+)"', html, flags=re.S)
    }
    assert set(widths) == {"ev-claim", "ev-bombing", "ev-arrests"}  # the undated event has no bar
    assert widths["ev-claim"] > 3 * widths["ev-arrests"] > 3 * widths["ev-bombing"] / 3


def test_render_report_timeline_rows_carry_what_the_filters_read(ledger):
    html = render_report(ledger)
    row = re.search(r'<li class="event-row[^>]*data-event="ev-bombing"[^>]*>', html)[0]
    assert 'data-type="ASSAULT"' in row and 'data-status="corroborated"' in row
    assert 'data-start="2025-03-03" data-end="2025-03-03"' in row
    assert 'data-entities="e-nf"' in row
    assert re.search(r'data-sources="o\d o\d"', row)


def test_render_report_shows_dates_with_their_precision(ledger):
    html = render_report(ledger)
    assert ">March 2025</p>" in html
    assert ">3 Mar 2025</p>" in html
    assert ">5–7 Mar 2025</p>" in html
    assert ">undated</p>" in html
    assert "read from “two days after the bombing”" in html


def test_render_report_event_shows_type_location_participants_status(ledger):
    bombing = _section(render_report(ledger), 'id="event-ev-bombing"')
    assert "ASSAULT · bombing" in bombing
    assert "<dt>Where</dt>" in bombing and "Halvik</span> (VD)" in bombing
    assert "<dt>Actor</dt>" in bombing and ">Northern Front</span>" in bombing
    assert 'status-corroborated">corroborated</span>' in bombing
    assert "2 independent sources" in bombing


def test_render_report_highlights_the_conflict_and_the_figures_it_is_about(ledger):
    bombing = _section(render_report(ledger), 'id="event-ev-bombing"')
    box = bombing.split('<section class="disagreements">')[1].split("</section>")[0]
    assert "number killed" in box
    assert "<strong class=\"value\">at least 27</strong>" in box and "health ministry" in box
    assert '<table class="counts conflicted">' in bombing
    assert "sources disagree" in bombing


def test_render_report_reported_figures_sit_side_by_side_with_report_dates(ledger):
    bombing = _section(render_report(ledger), 'id="event-ev-bombing"')
    rows = re.findall(r'<td class="figure">([^<]+)</td>\s*<td>([^<]*)</td>\s*<td><a class="outlet"[^>]*>([^<]+)</a>', bombing)
    assert rows == [("at least 27", "2025-03-03", "Meridian Daily"), ("31", "2025-03-04", "Veldris Post")]


def test_render_report_evidence_quotes_link_to_the_sentence_in_the_document(ledger):
    html = render_report(ledger)
    bombing = _section(html, 'id="event-ev-bombing"')
    assert "31 people <mark>died</mark>, according to the health ministry." in bombing
    assert '<span class="speaker">health ministry</span> · via <span class="via">Northwire</span>' in bombing
    assert 'modality-reported" title="how the report presents it">reported</span>' in bombing
    anchors = re.findall(r'<a class="in-context" href="#([^"]+)"', bombing)
    assert anchors and all(f'id="{anchor}"' in html for anchor in anchors)


def test_render_report_documents_show_the_text_with_marks_and_furniture_folded(ledger):
    removed = ledger.documents[0].model_copy(
        update={"removed": ({"start": 0, "end": 9, "text": "Subscribe", "reason": "subscription line"},)}
    )
    html = render_report(ledger.model_copy(update={"documents": (removed, *ledger.documents[1:])}))
    wire = _section(html, 'id="doc-d-wire"')
    assert '<span class="cited">A bomb <a class="trigger"' in wire
    assert ">exploded</a> in the market on Monday.</span>" in wire
    assert "1 block of page furniture removed" in wire and "<pre>Subscribe</pre>" in wire
    assert '<a href="https://meridian-daily.example/halvik" rel="noopener noreferrer nofollow">' in wire


def test_render_report_sources_and_skipped_files(ledger):
    html = render_report(ledger)
    sources = html.split('<section id="sources">')[1].split("</section>")[0]
    assert ">Meridian Daily</a>" in sources and "No document copies another" in sources
    assert "<code>corpus/broken.pdf</code>" in html


def test_render_report_shows_hostile_text_as_text_and_links_no_script():
    html = render_report(_hostile_ledger())
    assert html.count("<script>") == 1  # the report's own, allowed by its hash
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "&lt;img src=x onerror=alert(1)&gt;" in html
    assert "<img" not in html and "<b>Evil" not in html and "<i>wire" not in html
    assert 'href="javascript:' not in html.lower()
    assert '<span class="unlinked" title="not an http(s) link, shown as text">javascript:alert(1)</span>' in html


def test_field_label_says_figures_in_words():
    assert field_label("counts.killed") == "number killed"
    assert field_label("date") == "date"
