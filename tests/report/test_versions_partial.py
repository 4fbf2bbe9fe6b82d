"""The competing-versions partial (_versions.html): one ACH matrix per contested attribute of an event."""

from crosswire.records import Cell, Event, Evidence, EvidenceQuote, Ledger, LedgerDocument, Version, VersionValue
from crosswire.report.html import environment
from crosswire.report.index import LedgerIndex
from crosswire.report.links import ReportLinks

TEXT = "Ruritania denied any involvement in the attack."


def piece(**changes):
    fields = dict(
        id="p1", about="Ruritania", holder="Ruritania <script>", holder_kind="organization", stance="denies",
        modality="denied", documents=("d1",), text=TEXT, origin="holder:ruritania", independence="one statement",
        stake="denies its own part (Ruritania)",
        quotes=(EvidenceQuote(document="d1", sentence=0, start=0, end=len(TEXT), text=TEXT, modality="denied"),),
    )
    return Evidence(**(fields | changes))


def ledger(versions):
    return Ledger(
        schema_version=2, generated_at="2025-03-06T00:00:00+00:00", entities=(), conflicts=(),
        documents=(LedgerDocument(id="d1", source="Post", title=None, published="2025-03-05", url=None, path="d1.txt",
                                  text=TEXT),),
        events=(Event(id="ev-1", type="ASSAULT", summary="Bombing", independent_sources=1, status="single-source"),),
        versions=versions,
    )  # fmt: skip


def render(versions):
    index = LedgerIndex(ledger(versions))
    return environment().get_template("_versions.html").render(event=index.event["ev-1"], index=index, links=ReportLinks(), h=3)


def test_matrix_has_a_column_per_version_and_a_cell_per_row():
    denial = Cell(evidence="p1", cell="inconsistent", reason="denies it")
    ruritania = VersionValue(value="Ruritania", cells=(denial,), consistent=0, inconsistent=1, inconsistent_without_stake=0)
    front = VersionValue(value="Northern Front", cells=(), consistent=0, inconsistent=0, inconsistent_without_stake=0)
    html = render((Version(event="ev-1", attribute="perpetrator", evidence=(piece(),), values=(front, ruritania),
                           rule="The rule.", reading="The reading."),))
    assert html.count('class="version"') == 2
    assert 'class="cell neutral"' in html and 'class="cell inconsistent"' in html
    assert "0 / 1" in html and "(0 without a stake)" in html
    assert 'class="badge stake"' in html and "The rule." in html and "The reading." in html
    assert "<script>" not in html and "Ruritania &lt;script&gt;" in html


def test_an_event_without_versions_renders_nothing():
    assert render(()).strip() == ""
