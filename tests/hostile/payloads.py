"""Script, event-handler and breakout payloads, a ledger full of them, and a parser that sees what a browser sees."""

from __future__ import annotations

from html.parser import HTMLParser
from typing import Any

from crosswire.records import Ledger

PAYLOADS = (
    "<script>alert(1)</script>",
    '"><img src=x onerror=alert(2)>',
    "'><svg onload=alert(3)>",
    "</script><script>alert(4)</script>",
    "</style><script>alert(5)</script>",
    "</textarea></title><iframe src=javascript:alert(6)>",
    '<a href="javascript:alert(7)">click</a>',
    "<!-- x --><body onload=alert(8)>",
    "]]>{{ 7*7 }}${7*7}",
    "\u2028\u2029\u202e",
)
URLS = ("javascript:alert(9)", "JaVaScRiPt:alert(10)", " javascript:alert(11)", "data:text/html,<script>alert(12)</script>",
        '"><script>alert(13)</script>', "vbscript:msgbox(14)")
# Free-text fields of the ledger that come from the articles; appending keeps every offset valid.
TEXT_FIELDS = {"title", "source", "summary", "name", "speaker", "via", "path", "reason", "value", "text", "trigger",
               "aliases", "origin"}
PAYLOAD = " ".join(PAYLOADS)


def poisoned(ledger: Ledger, *, text: str = PAYLOAD, urls: tuple[str, ...] = URLS) -> Ledger:
    """The ledger with `text` appended to every article-borne text field, and its URLs replaced by `urls`.

    `poisoned(ledger, text="plain words", urls=("not a link",))` is the baseline: the same fields
    changed harmlessly, so the page takes the same branches (a URL that is no http link is shown unlinked).
    """
    cycle = iter(urls * 1000)
    return Ledger.model_validate(_poison(ledger.model_dump(mode="json"), text, cycle))


def baseline(ledger: Ledger) -> Ledger:
    return poisoned(ledger, text="plain words", urls=("not a link",))


def _poison(node: Any, text: str, urls, key: str | None = None) -> Any:
    if isinstance(node, dict):
        return {k: _poison(v, text, urls, k) for k, v in node.items()}
    if isinstance(node, list):
        return [_poison(v, text, urls, key) for v in node]
    if key == "url":
        return next(urls)
    if key in TEXT_FIELDS and isinstance(node, str):
        return f"{node} {text}"
    return node


class Tags(HTMLParser):
    """Every start tag with its attributes, as a browser would parse them."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.text: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))

    def handle_data(self, data):
        self.text.append(data)


def tags(html: str) -> list[tuple[str, dict[str, str | None]]]:
    parser = Tags()
    parser.feed(html)
    parser.close()
    return parser.tags


def shown_text(html: str) -> str:
    """The page's text as a reader sees it, entities decoded."""
    parser = Tags()
    parser.feed(html)
    parser.close()
    return "".join(parser.text)


def assert_inert(hostile_html: str, clean_html: str) -> None:
    """The hostile page has no tag, attribute or script the clean page lacks, and no script URL."""
    hostile, clean = tags(hostile_html), tags(clean_html)
    shape = {(tag, tuple(sorted(attrs))) for tag, attrs in clean}
    new = [(tag, attrs) for tag, attrs in hostile if (tag, tuple(sorted(attrs))) not in shape]
    assert not new, f"tags the payloads made: {new[:5]}"
    assert sum(tag == "script" for tag, _ in hostile) == sum(tag == "script" for tag, _ in clean)
    for tag, attrs in hostile:
        assert not any(name.startswith("on") for name in attrs), (tag, attrs)
        for name in ("href", "src", "action", "formaction"):
            target = (attrs.get(name) or "").strip().lower()
            assert not target.startswith(("javascript:", "vbscript:", "data:text/html")), (tag, attrs)
