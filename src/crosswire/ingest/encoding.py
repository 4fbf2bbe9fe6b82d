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
# Legacy encodings of news pages, most common first. charset-normalizer rates a short text equally
# in several of them (it reads short latin-1 as cp1250 and short koi8-r as a Japanese code page), so
# these are tried first and a tie goes to the earlier one; other encodings are tried after.
LEGACY = ("cp1252", "latin_1", "cp1251", "koi8_r", "cp1250", "iso8859_2", "iso8859_5", "cp1253", "iso8859_7",
          "cp1254", "cp1256", "cp1257")
# Text has almost no bytes below 0x20 other than tab, newline, form feed, carriage return and escape.
TEXT_BYTES = bytes(range(0x20, 0x100)) + b"\t\n\x0c\r\x1b"
MAX_CONTROL_SHARE = 0.05
META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE)
SNIFF_BYTES = 8192


def decode(data: bytes, *, declared: str | None = None) -> str:
    """Decode `data`, trusting a BOM, then the NUL pattern of UTF-16, then UTF-8, then `declared`, then detection.

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
    if wide := utf16_without_bom(data):
        try:
            return data.decode(wide)
        except UnicodeDecodeError:
            pass
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
    return _detect(data)


def _detect(data: bytes) -> str:
    """The most likely legacy decoding; among equally likely ones, the encoding listed first in LEGACY."""
    found = list(from_bytes(data, cp_isolation=list(LEGACY)))
    if found:
        best = min(found, key=lambda m: (m.chaos, -m.coherence))
        ties = [m for m in found if m.chaos == best.chaos and m.coherence == best.coherence]
        return str(min(ties, key=lambda m: LEGACY.index(m.encoding)))
    other = from_bytes(data).best()
    if other is None:
        raise InputError("text encoding not recognised (not UTF-8, and detection failed): save it as UTF-8")
    return str(other)


def is_binary(data: bytes) -> bool:
    """True when the start of `data` holds NUL bytes or many control bytes, which text without a BOM does not."""
    sniff = data[:SNIFF_BYTES]
    if b"\x00" in sniff:
        return True
    return len(sniff.translate(None, delete=TEXT_BYTES)) > MAX_CONTROL_SHARE * len(sniff)


def utf16_without_bom(data: bytes) -> str | None:
    """'utf-16-le' or 'utf-16-be' when every other byte of the start is NUL, as in mostly-Latin UTF-16 text."""
    sniff = data[: SNIFF_BYTES - SNIFF_BYTES % 2]
    if len(sniff) < 4 or len(data) % 2:
        return None
    half = len(sniff) // 2
    even, odd = sniff[0::2].count(0), sniff[1::2].count(0)
    if odd >= 0.9 * half and even == 0:
        return "utf-16-le"
    if even >= 0.9 * half and odd == 0:
        return "utf-16-be"
    return None


def html_charset(data: bytes) -> str | None:
    """The charset an HTML page declares in a <meta> tag near its top, if any."""
    match = META_CHARSET.search(data[:SNIFF_BYTES])
    return match.group(1).decode("ascii") if match else None
