"""The static HTML report: one self-contained page rendered from a `Ledger`."""

from crosswire.report.html import environment, render_report, sort_timeline

__all__ = ["environment", "render_report", "sort_timeline"]
