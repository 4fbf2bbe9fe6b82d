import codecs

import pytest

from crosswire.errors import InputError
from crosswire.ingest.encoding import decode, html_charset

RUSSIAN = (
    "В пятницу вечером в подмосковном концертном зале произошёл пожар. Пожарные прибыли на место через несколько "
    "минут, сообщили в региональном управлении. По словам очевидцев, люди выходили через запасные выходы."
)
FRENCH = (
    "Le ministère a déclaré vendredi que les secours étaient arrivés très rapidement sur les lieux. Les témoins "
    "décrivent une scène de panique générale, et l'enquête a été confiée à la police judiciaire de la région."
)


def test_encoding_utf8_is_decoded():
    assert decode(RUSSIAN.encode("utf-8")) == RUSSIAN


@pytest.mark.parametrize("bom, codec", [(codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16-le"),
                                        (codecs.BOM_UTF16_BE, "utf-16-be")])
def test_encoding_byte_order_mark_decides_and_is_dropped(bom, codec):
    assert decode(bom + FRENCH.encode(codec)) == FRENCH


@pytest.mark.parametrize("text, codec", [(RUSSIAN, "cp1251"), (RUSSIAN, "koi8-r"), (FRENCH, "latin-1")])
def test_encoding_undeclared_legacy_encodings_are_detected(text, codec):
    assert decode(text.encode(codec)) == text


def test_encoding_declared_charset_is_used_when_not_utf8():
    assert decode(RUSSIAN.encode("cp1251"), declared="windows-1251") == RUSSIAN


def test_encoding_nul_bytes_mean_binary():
    with pytest.raises(InputError, match="binary file, not text, HTML, JSONL or WARC: remove it"):
        decode(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")


def test_encoding_html_charset_reads_meta_tag():
    assert html_charset(b'<html><head><meta http-equiv="Content-Type" content="text/html; charset=koi8-r">') == "koi8-r"
    assert html_charset(b"<html><head><meta charset='utf-8'>") == "utf-8"
    assert html_charset(b"<html>") is None
