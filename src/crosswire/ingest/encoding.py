"""Turn bytes into text: byte-order marks, then UTF-8, then a declared charset, then detection."""

from __future__ import annotations

import codecs
import re

from charset_normalizer import from_bytes

from crosswire.errors import InputError

BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),  # before UTF-16: the UTF-32 LE mark starts with the UTF-16 LE one
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE)
SNIFF_BYTES = 8192


def decode(data: bytes, *, declared: str | None = None) -> str:
    """Decode `data`, trusting a BOM, then UTF-8, then `declared`, then charset-normalizer.

    UTF-8 goes before the declared charset because pages often declare latin-1 and are UTF-8;
    text that is valid UTF-8 is almost never meant as anything else.
    """
    for bom, encoding in BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding)
            except UnicodeDecodeError as exc:
                raise InputError(f"starts with a {encoding} byte-order mark but is not {encoding}: {exc.reason}. "
                                 "Save it again as UTF-8.") from exc
    if is_binary(data):
        raise InputError("binary file, not text, HTML, JSONL or WARC: remove it from the folder")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    if declared:
        try:
            return data.decode(declared)
        except (LookupError, UnicodeDecodeError):
            pass
    best = from_bytes(data).best()
    if best is None:
        raise InputError("text encoding not recognised (not UTF-8, and detection failed): save it as UTF-8")
    return str(best)


def is_binary(data: bytes) -> bool:
    """True when the start of `data` holds NUL bytes, which no text encoding without a BOM produces."""
    return b"\x00" in data[:SNIFF_BYTES]


def html_charset(data: bytes) -> str | None:
    """The charset an HTML page declares in a <meta> tag near its top, if any."""
    match = META_CHARSET.search(data[:SNIFF_BYTES])
    return match.group(1).decode("ascii") if match else None
