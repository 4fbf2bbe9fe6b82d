"""The static report keeps article-borne payloads inert: escaped text, no new tags, no script links."""

from crosswire.report import render_report
from tests.report.conftest import build_ledger

from .payloads import PAYLOADS, assert_inert, baseline, poisoned


def test_report_payloads_in_every_text_field_make_no_tag_and_no_script():
    ledger = build_ledger()
    assert_inert(render_report(poisoned(ledger)), render_report(baseline(ledger)))


def test_report_payloads_are_shown_as_text():
    html = render_report(poisoned(build_ledger()))
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "</script><script>alert(4)" not in html
    assert all(payload not in html for payload in PAYLOADS[:8])
