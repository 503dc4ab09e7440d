"""Indonesian number conventions: lkjip_xl/numbers.py, reading and rendering."""

from __future__ import annotations

import math

import pytest

from lkjip_xl.numbers import (
    KINDS,
    NumberParseError,
    ParsedNumber,
    excel_number_format,
    format_number,
    format_rupiah,
    format_with_unit,
    parse_number,
)

# --------------------------------------------------------------------------- parse_number


@pytest.mark.parametrize(
    ("text", "kind", "expected"),
    [
        ("3,25", "decimal", ParsedNumber(3.25, None, "koma sebagai tanda desimal")),
        ("3,25", "index", ParsedNumber(3.25, None, "koma sebagai tanda desimal")),
        ("3.84", "index", ParsedNumber(3.84, None, "titik sebagai tanda desimal")),
        ("90%", "percent", ParsedNumber(90.0, "%", "angka bulat")),
        ("90 %", "percent", ParsedNumber(90.0, "%", "angka bulat")),
        ("93,26%", "percent", ParsedNumber(93.26, "%", "koma sebagai tanda desimal")),
        ("1.169.409.656", "money", ParsedNumber(1169409656.0, None, "titik sebagai pemisah ribuan")),
        ("1.169.409.656", "count", ParsedNumber(1169409656.0, None, "titik sebagai pemisah ribuan")),
        ("Rp. 14.945.870.000,-", "money", ParsedNumber(14945870000.0, "Rp", "titik sebagai pemisah ribuan")),
        ("Rp 1.000", "decimal", ParsedNumber(1000.0, "Rp", "titik sebagai pemisah ribuan")),
        ("209,570,000", "money", ParsedNumber(209570000.0, None, "koma sebagai pemisah ribuan")),
        ("82 (Indeks)", "index", ParsedNumber(82.0, "Indeks", "angka bulat")),
        ("-21,4", "percent", ParsedNumber(-21.4, None, "koma sebagai tanda desimal")),
        ("−21,4", "percent", ParsedNumber(-21.4, None, "koma sebagai tanda desimal")),  # U+2212 minus
        ("1.234,5", "decimal", ParsedNumber(1234.5, None, "titik sebagai pemisah ribuan, koma sebagai desimal")),
        ("1,234.5", "decimal", ParsedNumber(1234.5, None, "koma sebagai pemisah ribuan, titik sebagai desimal")),
        ("3.288", "count", ParsedNumber(3288.0, None, "titik sebagai pemisah ribuan")),
        ("3.288", "money", ParsedNumber(3288.0, None, "titik sebagai pemisah ribuan")),
        ("0.288", "index", ParsedNumber(0.288, None, "titik sebagai tanda desimal")),
        (" 93 ", "percent", ParsedNumber(93.0, None, "angka bulat")),
        ("1 234", "count", ParsedNumber(1234.0, None, "angka bulat")),
    ],
)
def test_parse_text(text, kind, expected):
    assert parse_number(text, kind) == expected


@pytest.mark.parametrize(
    ("text", "kind", "unit", "expected"),
    [
        ("21 Layanan", "count", "Layanan", ParsedNumber(21.0, "Layanan", "angka bulat")),
        ("21  layanan ", "decimal", " Layanan", ParsedNumber(21.0, " Layanan", "angka bulat")),
        ("3 (Lokus)", "decimal", "Lokus", ParsedNumber(3.0, "Lokus", "angka bulat")),
        ("82 (Indeks)", "decimal", "Indeks", ParsedNumber(82.0, "Indeks", "angka bulat")),
        ("3,85 indeks", "index", None, ParsedNumber(3.85, "Indeks", "koma sebagai tanda desimal")),
        ("1 234", "count", "Orang", ParsedNumber(1234.0, None, "angka bulat")),
        ("- 5", "decimal", None, ParsedNumber(-5.0, None, "angka bulat")),
    ],
)
def test_the_ikk_unit_may_follow_the_number(text, kind, unit, expected):
    assert parse_number(text, kind, unit) == expected


@pytest.mark.parametrize(
    ("text", "unit", "code", "word"),
    [
        ("2 ribu", "Layanan", "multiplier_word", "ribu"),
        ("2 rb", None, "multiplier_word", "rb"),
        ("3,5 juta", "Orang", "multiplier_word", "juta"),
        ("3,5 Jt.", "Orang", "multiplier_word", "Jt."),
        ("1,2 miliar", None, "multiplier_word", "miliar"),
        ("4 M", "Orang", "multiplier_word", "M"),
        ("7 triliun", None, "multiplier_word", "triliun"),
        ("5k", None, "multiplier_word", "k"),
        ("Rp 2 juta", None, "multiplier_word", "juta"),
        ("12 dari 15", "Layanan", "unit_mismatch", "dari 15"),
        ("5 Orang", "Layanan", "unit_mismatch", "Orang"),
        ("21 Layanan", None, "unit_mismatch", "Layanan"),
        ("82 (Indeks)", "Orang", "unit_mismatch", "Indeks"),
        ("0x10", None, "not_a_number", ""),
        ("1e5", "Layanan", "not_a_number", ""),
        ("12 15", None, "not_a_number", ""),
        ("١٢", None, "not_a_number", ""),
        ("9" * 400, None, "out_of_range", ""),
    ],
)
def test_other_trailing_words_are_refused_never_dropped(text, unit, code, word):
    with pytest.raises(NumberParseError) as caught:
        parse_number(text, "decimal", unit)
    assert (caught.value.code, caught.value.word) == (code, word)


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("3.288", "index"),  # 3,288 or 3288? an index is never guessed
        ("3.288", "decimal"),
        ("3.288", "percent"),
        ("3,288", "count"),  # a count has no decimals, and "," is no Indonesian thousands mark
        ("12.5", "count"),
        ("1,5", "money"),
    ],
)
def test_ambiguous_text_is_refused(text, kind):
    with pytest.raises(NumberParseError) as caught:
        parse_number(text, kind)
    assert caught.value.code == "ambiguous_number"
    assert caught.value.text == text


@pytest.mark.parametrize("text", ["abc", "", "   ", "1.2.3", "12,345.678,9", "5.", "Rp", "1e5", "1E15"])
def test_not_a_number(text):
    with pytest.raises(NumberParseError) as caught:
        parse_number(text, "decimal")
    assert caught.value.code == "not_a_number"


def test_numbers_pass_through_and_bad_numbers_are_refused():
    assert parse_number(93, "percent") == ParsedNumber(93.0, None, "angka")
    assert parse_number(3.8468, "index") == ParsedNumber(3.8468, None, "angka")
    for bad in (True, False, math.nan, math.inf, -math.inf):
        with pytest.raises(NumberParseError) as caught:
            parse_number(bad, "decimal")
        assert caught.value.code == "not_a_number"


def test_unknown_kind_is_a_programming_error():
    assert KINDS == ("count", "money", "index", "percent", "decimal")
    with pytest.raises(ValueError, match="unknown kind 'rupiah'"):
        parse_number("1", "rupiah")


# --------------------------------------------------------------------------- rendering


@pytest.mark.parametrize(
    ("value", "decimals", "expected"),
    [
        (1169409656, 0, "1.169.409.656"),
        (1169409656, 2, "1.169.409.656"),
        (76.75, 2, "76,75"),
        (93, 2, "93"),
        (93.0, 2, "93"),
        (3.8468, 2, "3,85"),
        (3.8468, 4, "3,8468"),
        (-21.4, 2, "-21,4"),
        (-1234.5, 2, "-1.234,5"),
        (-1234.5, 0, "-1.235"),
        (-0.001, 2, "0"),  # no "-0"
        (0.125, 2, "0,13"),  # half up, as Excel and the report round
        (2.675, 2, "2,68"),
        (0.5, 0, "1"),
        (-0.5, 0, "-1"),
        (1e15, 0, "1.000.000.000.000.000"),
    ],
)
def test_format_number(value, decimals, expected):
    assert format_number(value, decimals) == expected


def test_format_number_keeps_zeros_on_request_and_blanks_non_numbers():
    assert format_number(90, 2, strip_zeros=False) == "90,00"
    assert format_number(76.5, 2, strip_zeros=False) == "76,50"
    assert format_number(None) == ""
    assert format_number(math.nan) == ""
    assert format_number(math.inf) == ""


def test_format_rupiah():
    assert format_rupiah(14945870000) == "Rp 14.945.870.000"
    assert format_rupiah(1169409656.4) == "Rp 1.169.409.656"
    assert format_rupiah(2.5) == "Rp 3"


def test_format_with_unit():
    assert format_with_unit(90, "%") == "90%"
    assert format_with_unit(93.2609, "%") == "93,26%"
    assert format_with_unit(82, "Indeks") == "82 (Indeks)"
    assert format_with_unit(3.8468, "indeks") == "3,85 (Indeks)"
    assert format_with_unit(21, "Layanan") == "21 Layanan"
    assert format_with_unit(1.5, "Orang", 0) == "2 Orang"


def test_excel_number_format_keeps_the_unit_out_of_the_value():
    assert excel_number_format("%") == '#,##0.00"%"'
    assert excel_number_format("%", 0) == '#,##0"%"'
    assert excel_number_format("Indeks") == '#,##0.00" (Indeks)"'
    assert excel_number_format("Orang", 0) == '#,##0" Orang"'
    assert excel_number_format("") == "#,##0.00"
    assert excel_number_format("-", 1) == "#,##0.0"
    assert excel_number_format('Lo"kus', 0) == '#,##0" Lokus"'
