"""HTML views of a ledger: the one-file report, and the templates `crosswire serve` renders."""

from crosswire.report.html import environment, render_report
from crosswire.report.index import LedgerIndex, sort_timeline

__all__ = ["LedgerIndex", "environment", "render_report", "sort_timeline"]
