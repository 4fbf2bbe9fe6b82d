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


RUSSIAN_HEADLINE = "Взрыв в Москве: пять погибших, десять раненых."
FRENCH_HEADLINE = "Le ministère a déclaré vendredi."


@pytest.mark.parametrize("text, codec", [(RUSSIAN_HEADLINE, "cp1251"), (RUSSIAN_HEADLINE, "koi8-r"),
                                         (FRENCH_HEADLINE, "latin-1"), (FRENCH_HEADLINE, "cp1252")])
def test_encoding_short_legacy_text_prefers_the_common_news_encoding(text, codec):
    # charset-normalizer alone reads these as cp1250 ("ministčre") and a Japanese code page.
    assert decode(text.encode(codec)) == text


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_encoding_utf16_without_bom_is_recognised_by_its_nul_pattern(codec):
    assert decode(FRENCH.encode(codec)) == FRENCH


def test_encoding_many_control_bytes_mean_binary_even_without_nul():
    with pytest.raises(InputError, match="binary file"):
        decode(bytes(range(1, 32)) * 40 + b"some text")


def test_encoding_bytes_no_encoding_explains_are_refused_with_what_to_do():
    noise = bytes((i * 97 + 131) % 128 + 128 for i in range(4000))
    with pytest.raises(InputError, match="save it as UTF-8"):
        decode(noise)


def test_encoding_byte_order_mark_over_broken_text_is_refused_with_what_to_do():
    with pytest.raises(InputError, match="starts with a utf-16 byte-order mark but is not utf-16.*Save it again as UTF-8"):
        decode(codecs.BOM_UTF16_LE + "ok".encode("utf-16-le") + b"\x00\xd8")  # a lone high surrogate
