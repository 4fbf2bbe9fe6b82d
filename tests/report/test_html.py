import re
from html.parser import HTMLParser

from crosswire.records import Event, EventMentionRef, MentionAttribution
from crosswire.report import environment, render_report, sort_timeline

from .conftest import build_ledger

CSP = (
    "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; "
    "script-src 'unsafe-inline'; img-src data:\">"
)
XSS_TITLE = "<script>alert(1)</script>"
XSS_TEXT = "Witnesses saw <img src=x onerror=alert(1)> near the stalls."


class _Tags(HTMLParser):
    """Every start tag with its attributes, as a browser would parse them."""

    def __init__(self):
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))


def _tags(html: str) -> list[tuple[str, dict[str, str | None]]]:
    parser = _Tags()
    parser.feed(html)
    return parser.tags


def _hostile_ledger():
    """The fixture ledger with script-bearing title, outlet, URL, quote and speaker."""
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


def test_render_report_is_a_whole_page_with_the_csp_meta(ledger):
    html = render_report(ledger)
    assert html.startswith("<!DOCTYPE html>")
    assert CSP in html
    assert html.rstrip().endswith("</html>")


def test_render_report_header_counts_documents_events_conflicts_skipped(ledger):
    header = render_report(ledger).split("<main>")[0]
    text = re.sub(r"<[^>]+>", "", header)
    for phrase in ("3 documents", "4 events", "1 conflict", "1 skipped"):
        assert phrase in text


def test_render_report_timeline_is_in_date_order_with_undated_last(ledger):
    html = render_report(ledger)
    order = re.findall(r'<article class="event [^"]*" id="event-([^"]+)"', html)
    # ev-claim is month-precision March, so it starts on the 1st, before the bombing.
    assert order == ["ev-claim", "ev-bombing", "ev-arrests", "ev-undated"]


def test_sort_timeline_keeps_ledger_order_among_undated_events(ledger):
    undated = [Event(id=f"u{i}", type="X", summary="", independent_sources=1, status="single-source") for i in range(3)]
    assert [e.id for e in sort_timeline([*undated, *ledger.events])][-4:] == ["u0", "u1", "u2", "ev-undated"]


def test_render_report_shows_dates_with_their_precision(ledger):
    html = render_report(ledger)
    assert ">March 2025</p>" in html
    assert ">3 Mar 2025</p>" in html
    assert ">5–7 Mar 2025</p>" in html
    assert ">undated</p>" in html
    assert "read from “two days after the bombing”" in html


def test_render_report_event_shows_type_mode_location_participants_status(ledger):
    html = render_report(ledger)
    bombing = html.split('id="event-ev-bombing"')[1].split("</article>")[0]
    assert "ASSAULT · bombing" in bombing
    assert "<dt>Location</dt>\n    <dd>Halvik (VD)</dd>" in bombing
    assert "<dt>Actor</dt>\n    <dd>Northern Front</dd>" in bombing
    assert "<dt>Victim</dt>\n    <dd>shoppers</dd>" in bombing
    assert 'status-corroborated">corroborated</span>' in bombing
    assert "2 independent sources" in bombing


def test_render_report_evidence_highlights_the_trigger_and_names_speaker_and_via(ledger):
    html = render_report(ledger)
    bombing = html.split('id="event-ev-bombing"')[1].split("</article>")[0]
    assert "31 people <mark>died</mark>, according to the health ministry." in bombing
    assert '<span class="speaker">health ministry</span> · via <span class="via">Northwire</span>' in bombing
    assert 'modality-reported">reported</span>' in bombing
    assert '<a class="outlet" href="#doc-d-post">Veldris Post</a>' in bombing


def test_render_report_shows_reported_counts_side_by_side(ledger):
    html = render_report(ledger)
    rows = re.findall(r'<td class="figure">([^<]+)</td>\s*<td><a class="outlet"[^>]*>([^<]+)</a></td>', html)
    assert ("at least 27", "Meridian Daily") in rows
    assert ("31", "Veldris Post") in rows


def test_render_report_conflicts_list_each_value_with_outlets_and_speaker(ledger):
    conflicts = render_report(ledger).split('<section id="conflicts">')[1].split("</section>")[0]
    assert '<a href="#event-ev-bombing">Bombing of the Halvik covered market</a>' in conflicts
    assert "at least 27</strong> · <a class=\"outlet\" href=\"#doc-d-wire\">Meridian Daily</a>" in conflicts
    assert '<span class="speaker">health ministry</span>' in conflicts


def test_render_report_documents_and_skipped_files(ledger):
    html = render_report(ledger)
    assert '<tr id="doc-d-wire">' in html
    assert '<a href="https://meridian-daily.example/halvik" rel="noopener noreferrer nofollow">' in html
    assert "<code>corpus/broken.pdf</code>" in html


def test_render_report_mention_without_the_trigger_is_quoted_unmarked(ledger):
    event = ledger.events[1]
    mention = event.mentions[0].model_copy(update={"trigger": "detained"})
    ledger = ledger.model_copy(update={"events": (event.model_copy(update={"mentions": (mention,)}),)})
    html = render_report(ledger)
    assert "<blockquote>Police arrested five suspects on Wednesday.</blockquote>" in html
    assert "<mark>" not in html


def test_render_report_escapes_titles_text_outlets_and_speakers():
    html = render_report(_hostile_ledger())
    assert "<script>alert" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "<b>Evil</b>" not in html and "&lt;b&gt;Evil&lt;/b&gt;" in html
    assert "<i>wire</i>" not in html
    # The quote is escaped piece by piece around the highlighted trigger.
    assert "Witnesses <mark>saw</mark> &lt;img src=x onerror=alert(1)&gt; near the stalls." in html
    assert all("onerror" not in name for _, attrs in _tags(html) for name in attrs)
    assert all(tag != "img" for tag, _ in _tags(html))
    assert [attrs for tag, attrs in _tags(html) if tag == "script"] == [{}]  # only our own inline script


def test_render_report_never_links_a_javascript_url():
    html = render_report(_hostile_ledger())
    hrefs = [attrs.get("href") or "" for _, attrs in _tags(html)]
    assert not any(href.strip().lower().startswith("javascript:") for href in hrefs)
    assert 'href="javascript:' not in html.lower()
    assert '<span class="unlinked" title="not an http(s) link, shown as text">javascript:alert(1)</span>' in html


def test_render_report_is_self_contained(ledger):
    html = render_report(ledger)
    document_urls = {document.url for document in ledger.documents if document.url}
    for tag, attrs in _tags(html):
        for name in ("src", "href", "action", "data", "poster"):
            value = attrs.get(name) or ""
            if re.match(r"\s*(https?:)?//", value):
                assert tag == "a" and name == "href" and value in document_urls, (tag, name, value)
        assert not (tag == "link" and attrs.get("rel") == "stylesheet")
        assert not (tag == "script" and "src" in attrs)
    assert "@import" not in html and "url(" not in html


def test_render_report_renders_an_empty_ledger():
    empty = build_ledger().model_copy(update={"documents": (), "events": (), "conflicts": (), "skipped": ()})
    html = render_report(empty)
    assert "No events were found." in html
    assert "Every file was read." in html


def test_event_partial_renders_alone_for_the_web_app(ledger):
    documents = {document.id: document for document in ledger.documents}
    html = environment().get_template("_event.html").render(event=ledger.events[3], documents=documents)
    assert html.lstrip().startswith('<article class="event status-corroborated" id="event-ev-bombing"')
