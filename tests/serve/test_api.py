"""The JSON API and the pages through FastAPI's TestClient, on the example ledger."""

import re
import shutil
import sys

import pytest
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from crosswire.cli import app as cli
from crosswire.errors import StoreError
from crosswire.serve import create_app
from crosswire.serve.app import CSP
from crosswire.serve.queries import LedgerSnapshot
from crosswire.store import Store

PAGES = ["/", "/sources", "/documents", "/entities", "/search?q=bomb", "/docs"]


@pytest.fixture(scope="module")
def client(example_db):
    return TestClient(create_app(example_db))


@pytest.fixture(scope="module")
def events(client):
    return client.get("/api/events", params={"limit": 1000}).json()["events"]


def test_api_events_come_in_time_order_with_undated_last(client, events):
    starts = [e["date"]["start"] for e in events if e["date"] and e["date"]["start"]]
    assert starts == sorted(starts) and len(events) == client.get("/api/events").json()["total"]
    dated = [bool(e["date"] and e["date"]["start"]) for e in events]
    assert dated == sorted(dated, reverse=True)


def test_api_events_filter_by_type_status_and_date_range(client, events):
    assault = client.get("/api/events", params={"type": "ASSAULT"}).json()
    assert assault["total"] == sum(e["type"] == "ASSAULT" for e in events) > 0
    assert {e["type"] for e in assault["events"]} == {"ASSAULT"}
    contested = client.get("/api/events", params={"status": "contested"}).json()["events"]
    assert contested and {e["status"] for e in contested} == {"contested"}
    march = client.get("/api/events", params={"start": "2025-03-03", "end": "2025-03-05"}).json()["events"]
    assert march and all(e["date"]["start"] <= "2025-03-05" and e["date"]["end"] >= "2025-03-03" for e in march)


def test_api_events_filter_by_entity_and_source(client, events):
    entity = next(p["entity"] for e in events for p in e["participants"] if p["entity"])
    found = client.get("/api/events", params={"entity": entity}).json()["events"]
    assert found and all(any(p["entity"] == entity for p in e["participants"]) for e in found)
    found = client.get("/api/events", params={"source": "Eastgate Radio"}).json()["events"]
    assert found and all(any(m["source"] == "Eastgate Radio" for m in e["mentions"]) for e in found)


def test_api_refuses_a_bad_filter_value(client):
    assert client.get("/api/events", params={"status": "<script>"}).status_code == 422
    assert client.get("/api/events", params={"start": "not a date"}).status_code == 422


def test_api_event_carries_its_conflicts(client, events):
    contested = next(e for e in events if e["status"] == "contested")
    detail = client.get(f"/api/events/{contested['id']}").json()
    assert detail["event"]["id"] == contested["id"]
    assert detail["conflicts"] and all(c["event"] == contested["id"] for c in detail["conflicts"])
    assert isinstance(detail["versions"], list)


def test_api_unknown_ids_are_json_404s(client):
    for path in ("/api/events/nope", "/api/entities/nope", "/api/documents/nope"):
        response = client.get(path)
        assert response.status_code == 404 and "nope" in response.json()["detail"]


def test_api_documents_list_without_text_and_one_with_text(client):
    documents = client.get("/api/documents").json()
    assert len(documents) == 8 and "text" not in documents[0]
    copies = [d for d in documents if d["copy_of"]]
    assert copies, "the example corpus has a syndicated copy"
    one = client.get(f"/api/documents/{documents[0]['id']}").json()
    assert one["text"] and one["events"]


def test_api_sources_count_each_outlet_and_who_copies_whom(client):
    sources = client.get("/api/sources").json()
    names = {o["name"] for o in sources["outlets"]}
    assert {"Meridian Daily", "Coastline Times", "Eastgate Radio"} <= names
    assert sum(len(o["documents"]) for o in sources["outlets"]) == 8
    assert sources["copies"]


def test_api_search_finds_events_and_documents(client):
    found = client.get("/api/search", params={"q": "halvik market"}).json()
    assert found["events"] and found["documents"]
    assert client.get("/api/search", params={"q": "zzqqxx"}).json() == {"events": [], "documents": []}


def test_openapi_documents_every_api_route(client):
    spec = client.get("/openapi.json").json()
    assert {"/api/events", "/api/events/{event_id}", "/api/entities", "/api/documents", "/api/sources", "/api/search"} <= set(spec["paths"])
    assert not any(path.startswith(("/events", "/static")) for path in spec["paths"])


def test_docs_page_renders_the_openapi_document_with_nothing_from_elsewhere(client):
    html = client.get("/docs").text
    assert "GET /api/events" in html and "/openapi.json" in html
    assert not re.search(r'(src|href)="(https?:)?//', html)


@pytest.mark.parametrize("path", [*PAGES, "/static/crosswire.css", "/api/events", "/events/nope"])
def test_every_response_has_a_strict_csp(client, path):
    headers = client.get(path).headers
    assert headers["content-security-policy"] == CSP
    assert "unsafe-inline" not in CSP and "script-src 'self'" in CSP
    assert headers["x-content-type-options"] == "nosniff"


@pytest.mark.parametrize("path", PAGES)
def test_pages_have_no_inline_script_style_or_handler(client, path):
    html = client.get(path).text
    assert client.get(path).status_code == 200
    assert re.findall(r"<script[^>]*>", html) == ['<script src="/static/crosswire.js" defer>']
    assert "<style" not in html and " style=" not in html
    assert not re.search(r"<[^>]+\son\w+=", html)


def test_every_event_entity_and_document_page_renders(client, events):
    paths = [f"/events/{e['id']}" for e in events]
    paths += [f"/entities/{e['id']}" for e in client.get("/api/entities").json()]
    paths += [f"/documents/{d['id']}" for d in client.get("/api/documents").json()]
    assert [p for p in paths if client.get(p).status_code != 200] == []


def test_event_page_links_each_quote_to_its_sentence_in_the_document(client, events):
    event = max(events, key=lambda e: len(e["mentions"]))
    html = client.get(f"/events/{event['id']}").text
    links = re.findall(r'<a class="in-context" href="(/documents/[^"#]+)#([^"]+)"', html)
    assert len(links) == len(event["mentions"])
    page, anchor = links[0]
    assert f'id="{anchor}"' in client.get(page).text


def test_unknown_page_is_an_html_404(client):
    response = client.get("/events/nope")
    assert response.status_code == 404 and "No event with id" in response.text and "<nav" in response.text


def test_static_serves_only_the_packaged_assets(client):
    css = client.get("/static/crosswire.css")
    assert css.status_code == 200 and css.headers["content-type"].startswith("text/css")
    assert client.get("/static/crosswire.js").headers["content-type"].startswith("text/javascript")
    assert client.get("/static/..%2Fhtml.py").status_code == 404
    assert client.get("/static/missing.js").status_code == 404


def test_app_reads_the_ledger_without_locking_or_changing_it(db_copy):
    before = db_copy.stat().st_mtime_ns
    client = TestClient(create_app(db_copy))
    assert client.get("/").status_code == 200 and client.get("/api/events").status_code == 200
    assert db_copy.stat().st_mtime_ns == before
    with Store.open(db_copy) as writer:  # a build can write while the app runs
        assert writer.events()
    assert client.get("/api/events").status_code == 200


def test_snapshot_reloads_when_the_file_changes(db_copy, hostile_db):
    snapshot = LedgerSnapshot(db_copy)
    assert len(snapshot.current().ledger.documents) == 8
    shutil.copy(hostile_db, db_copy)
    assert len(snapshot.current().ledger.documents) == 1


def test_app_refuses_a_missing_ledger_with_what_to_do(tmp_path):
    with pytest.raises(StoreError, match="crosswire build"):
        create_app(tmp_path / "none.duckdb")


def test_serve_command_listens_on_localhost_by_default():
    result = CliRunner().invoke(cli, ["serve", "--help"])
    assert result.exit_code == 0 and "127.0.0.1" in result.output and "--db" in result.output


def test_event_page_and_api_carry_the_competing_versions(client, events):
    with_versions = [e for e in events if client.get(f"/api/events/{e['id']}").json()["versions"]]
    assert with_versions, "the example corpus has a contested perpetrator"
    html = client.get(f"/events/{with_versions[0]['id']}").text
    assert "Competing versions" in html and 'class="ach-matrix"' in html


def test_serve_command_without_the_extra_says_how_to_install_it(monkeypatch, example_db):
    monkeypatch.setitem(sys.modules, "crosswire.serve", None)  # as if fastapi were not installed
    result = CliRunner().invoke(cli, ["serve", "--db", str(example_db)])
    assert result.exit_code == 2 and "pip install 'crosswire[serve]'" in result.output.replace("\n", " ")
