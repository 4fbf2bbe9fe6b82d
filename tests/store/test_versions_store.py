"""Claims, versions and analyst evidence in the store: written whole, read back, replaced per file."""

from crosswire.records import Claim, Version, VersionValue
from crosswire.store import Store


def claim(value):
    return Claim(event="ev-1", attribute="perpetrator", value=value, value_name=value, holder="Officials",
                 holder_kind="unnamed", stance="asserts", modality="reported", document="a", sentence=0, start=0,
                 end=10, text="Something.", origin="unnamed:officials@a", rule="suspicion-on")


def version(name):
    column = VersionValue(value=name, cells=(), consistent=0, inconsistent=0, inconsistent_without_stake=0)
    return Version(event="ev-1", attribute="perpetrator", evidence=(), values=(column,), rule="r",
                   reading="One version on record.")


def test_versions_are_replaced_whole_on_each_link(tmp_path):
    with Store.open(tmp_path / "l.duckdb") as store:
        store.replace_versions([claim("A")], [version("A")])
        store.replace_versions([claim("B")], [version("B")])
        assert [c.value for c in store.claims()] == ["B"]
        assert [v.values[0].value for v in store.versions()] == ["B"]


def test_rereading_an_evidence_file_replaces_only_its_entries(tmp_path):
    with Store.open(tmp_path / "l.duckdb") as store:
        store.replace_analyst_evidence("a.yml", [{"event": "x", "value": "1", "holder": "h"}])
        store.replace_analyst_evidence("b.yml", [{"event": "y", "value": "2", "holder": "h"}])
        store.replace_analyst_evidence("a.yml", [{"event": "z", "value": "3", "holder": "h"}])
        assert [(p, e["event"]) for p, _, e in store.analyst_evidence()] == [("a.yml", "z"), ("b.yml", "y")]


def test_versions_come_back_in_the_order_written(tmp_path):
    with Store.open(tmp_path / "l.duckdb") as store:
        store.replace_versions([], [version("Z"), version("A"), version("M")])
        assert [v.values[0].value for v in store.versions()] == ["Z", "A", "M"]


def test_what_a_report_says_is_replaced_per_report_and_read_back_by_event_in_reading_order(tmp_path):
    with Store.open(tmp_path / "l.duckdb") as store:
        store.replace_report_claims(["b", "a"], [("b", 0, "ev-1", "claim", '"b0"'), ("a", 1, "ev-1", "claim", '"a1"'),
                                                 ("a", 0, "ev-2", "claim", '"a0"'), ("a", 2, "ev-1", "statement", '"a2"')])
        store.replace_report_claims(["b"], [("b", 0, "ev-2", "claim", '"b-again"')])
        assert store.report_claims(["ev-1"]) == [("claim", '"a1"'), ("statement", '"a2"')]
        assert store.report_claims(["ev-2"]) == [("claim", '"a0"'), ("claim", '"b-again"')]
