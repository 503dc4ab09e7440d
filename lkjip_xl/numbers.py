"""Indonesian number conventions: parse deliberately, render like the report.

Indonesian documents write ``76,75`` (decimal comma) and ``1.169.409.656``
(dot thousands), but the same report also prints ``3.84`` with a decimal
point.  :func:`parse_number` therefore takes the *kind* of value it expects
and refuses what stays ambiguous (``3.288`` in an index cell) instead of
guessing.  Every successful parse says which reading it took.
"""

from __future__ import annotations

import decimal
import functools
import math
import re
from collections.abc import Iterable
from dataclasses import dataclass

from . import units
from .messages import msg

#: Kinds of value a cell may hold.  Counts and money never have decimals, so a
#: lone ``.ddd`` group is read as thousands; for the other kinds it is ambiguous.
KINDS = ("count", "money", "index", "percent", "decimal")

#: Largest magnitude an input may have: the forms' data validation allows -10^15 … 10^15
#: (:mod:`lkjip_xl.forms`), and :func:`check_input_range` refuses anything beyond it.
INPUT_LIMIT = 1e15
#: Smallest non-zero magnitude an input may have (10^-15): smaller is a slip, and a ratio
#: of the largest and the smallest input (10^32) stays far from overflowing.
INPUT_MIN_MAGNITUDE = 1 / INPUT_LIMIT

#: Words that multiply the number before them ("2 ribu" is 2000): refused, never dropped or applied.
MULTIPLIER_WORDS = frozenset({
    "ratus", "ribu", "rb", "rbu", "juta", "jt", "jta", "miliar", "milyar", "mlr", "m", "triliun", "trilyun",
    "t", "k", "kb", "thousand", "million", "mio", "mn", "billion", "bn", "trillion", "tn", "lakh", "crore",
})

#: A number and what follows it. Every repetition is greedy and the text is at most
#: :data:`MAX_NUMBER_TEXT` characters, so a match takes linear time whatever the text.
_UNIT_RE = re.compile(r"^\s*([-+−]?[0-9.,\s]*[0-9])\s*(?:\(([^)]*)\)|(%)|([^\W\d_][^()]*))?$")
#: Longer texts are no number anyone typed (refused before any pattern is tried).
MAX_NUMBER_TEXT = 1000


class NumberParseError(ValueError):
    """A text could not be read as a number; ``code`` says why (see messages).

    Codes: ``not_a_number``, ``ambiguous_number``, ``out_of_range`` (the digits
    exceed what a float holds), ``multiplier_word`` ("2 ribu"), ``unit_mismatch``
    (a trailing word that is not the IKK's unit); ``word`` is the word refused.
    """

    def __init__(self, code: str, text: str, word: str = ""):
        super().__init__(f"{code}: {text!r}")
        self.code = code
        self.text = text
        self.word = word


@dataclass(frozen=True)
class ParsedNumber:
    """A number read from text, with the unit found beside it and the reading taken."""

    value: float
    unit: str | None
    reading: str  # Indonesian: which convention was applied


def _clean(text: str) -> tuple[str, bool]:
    """Strip Rupiah marks, spaces and ``,-``; return the text and whether it was money."""
    cleaned = text.strip().replace("\u00a0", " ").replace("−", "-")
    money = False
    lowered = cleaned.lower()
    if lowered.startswith("rp"):
        money = True
        cleaned = re.sub(r"^rp\.?\s*", "", cleaned, flags=re.IGNORECASE)
    cleaned = re.sub(r",\s*-\s*$", "", cleaned).strip()
    return cleaned, money


def parse_number(text: str | float | int, kind: str = "decimal", unit: str | None = None) -> ParsedNumber:
    """Read ``text`` as a number of ``kind`` (one of :data:`KINDS`) for a value whose unit is ``unit``.

    Accepted: ``93``, ``3,25``, ``3.84``, ``1.169.409.656``, ``1.234,5``,
    ``209,570,000``, ``1 234``, ``90%``, ``Rp. 14.945.870.000,-``, ``-21,4``, and a
    trailing word only when it is ``unit`` itself, compared casefolded with
    spaces normalised (``21 Layanan`` for unit "Layanan", ``82 (Indeks)``), or
    ``Indeks`` for an index.  ``%`` and a leading ``Rp`` are reported in
    :attr:`ParsedNumber.unit` for the caller to judge.  Refused with
    :class:`NumberParseError`: multiplier words (``2 ribu``, ``3,5 juta``), any
    other word (``12 dari 15``, ``5 Orang`` for unit "Layanan"), exponents and
    hexadecimal (``1e5``, ``0x10``), digits other than 0–9, and digits a float cannot hold.
    """
    if kind not in KINDS:
        raise ValueError(f"unknown kind {kind!r}")
    if isinstance(text, bool):
        raise NumberParseError("not_a_number", str(text))
    if isinstance(text, (int, float)):
        if isinstance(text, float) and not math.isfinite(text):
            raise NumberParseError("not_a_number", str(text))
        try:
            return ParsedNumber(float(text), None, "angka")
        except OverflowError:  # an int beyond any float
            raise NumberParseError("out_of_range", str(text)) from None
    if not isinstance(text, str):  # a date, a time, an error value: no number was typed as such
        raise NumberParseError("not_a_number", str(text))
    if len(text) > MAX_NUMBER_TEXT:
        raise NumberParseError("not_a_number", text)
    cleaned, money = _clean(str(text))
    match = _UNIT_RE.match(cleaned)
    if not match or not cleaned:
        raise NumberParseError("not_a_number", str(text))
    body = _body(match.group(1), str(text))
    found = match.group(3) or _unit_word(match.group(2) if match.group(2) is not None else match.group(4),
                                         kind, unit, str(text))
    sign = -1.0 if body.startswith("-") else 1.0
    body = body.lstrip("+-")
    value, reading = _read_digits(body, "money" if money else kind, str(text))
    if not math.isfinite(value):
        raise NumberParseError("out_of_range", str(text))
    return ParsedNumber(sign * value, "Rp" if money and found is None else found, reading)


def _body(body: str, original: str) -> str:
    """The digits and separators, spaces taken out only where they group thousands ("1 234")."""
    sign = body[:1] if body[:1] in "+-" else ""
    digits = body[len(sign):].lstrip()  # "- 5" is -5
    if not any(ch.isspace() for ch in digits):
        return sign + digits
    if not re.fullmatch(r"[0-9]{1,3}(?:\s[0-9]{3})+(?:[.,][0-9]+)?", digits):
        raise NumberParseError("not_a_number", original)  # "12 15" is no number
    return "".join(body.split())


def _normal(word: str) -> str:
    """A unit or word compared casefolded, with its spaces normalised."""
    return " ".join(word.split()).casefold()


def _unit_word(word: str | None, kind: str, unit: str | None, original: str) -> str | None:
    """The trailing word of a number when it may stand there; :class:`NumberParseError` otherwise."""
    if word is None:
        return None
    normal = _normal(word)
    if not normal:
        return None  # "82 ()"
    if normal == "%" or (units.is_percent(normal) and (kind == "percent" or units.is_percent(unit))):
        return "%"
    if unit is not None and _normal(unit) and (normal == _normal(unit) or units.same_unit(normal, unit)):
        return units.shown(unit)
    if units.lookup(normal) is units.INDEX and (kind == "index" or units.lookup(unit) is units.INDEX):
        return units.INDEX.name
    if normal.split()[0].rstrip(".") in MULTIPLIER_WORDS:
        raise NumberParseError("multiplier_word", original, word.strip())
    if re.fullmatch(r"[ex][0-9a-f]*", normal):
        raise NumberParseError("not_a_number", original)  # "1e5", "0x10": an exponent or hex, not a unit
    raise NumberParseError("unit_mismatch", original, word.strip())


def _read_digits(body: str, kind: str, original: str) -> tuple[float, str]:
    integer_kind = kind in ("count", "money")
    if re.fullmatch(r"[0-9]+", body):
        return float(body), msg("reading_whole")
    dots, commas = body.count("."), body.count(",")
    # Both separators: the last one is the decimal mark.
    if dots and commas:
        if body.rfind(",") > body.rfind("."):
            if re.fullmatch(r"[0-9]{1,3}(\.[0-9]{3})+,[0-9]+", body):
                return float(body.replace(".", "").replace(",", ".")), msg("reading_dot_thousands_comma_decimal")
        elif re.fullmatch(r"[0-9]{1,3}(,[0-9]{3})+\.[0-9]+", body):
            return float(body.replace(",", "")), msg("reading_comma_thousands_dot_decimal")
        raise NumberParseError("not_a_number", original)
    sep = "." if dots else ","
    count = dots or commas
    if count > 1:
        if re.fullmatch(r"[0-9]{1,3}(" + re.escape(sep) + r"[0-9]{3})+", body):
            reading = "reading_dot_thousands" if sep == "." else "reading_comma_thousands"
            return float(body.replace(sep, "")), msg(reading)
        raise NumberParseError("not_a_number", original)
    if not re.fullmatch(r"[0-9]*" + re.escape(sep) + r"[0-9]+", body) or body.startswith(sep) and not body[1:]:
        raise NumberParseError("not_a_number", original)
    head, tail = body.split(sep)
    looks_like_thousands = len(tail) == 3 and head != "" and head != "0" and len(head) <= 3
    if sep == ".":
        if looks_like_thousands:
            if integer_kind:
                return float(head + tail), msg("reading_dot_thousands")
            raise NumberParseError("ambiguous_number", original)
        if integer_kind:
            raise NumberParseError("ambiguous_number", original)
        return float(body or "0"), msg("reading_dot_decimal")
    # a single comma
    if looks_like_thousands and integer_kind:
        raise NumberParseError("ambiguous_number", original)
    if integer_kind:
        raise NumberParseError("ambiguous_number", original)
    return float(body.replace(",", ".")), msg("reading_comma_decimal")


def in_input_range(value: float) -> bool:
    """Whether ``value`` is 0 or of a magnitude between :data:`INPUT_MIN_MAGNITUDE` and :data:`INPUT_LIMIT`
    (never for NaN or an infinity; an int beyond any float is compared exactly, not converted: no overflow)."""
    return value == 0 or INPUT_MIN_MAGNITUDE <= abs(value) <= INPUT_LIMIT


# --------------------------------------------------------------------------- rendering


#: Significant digits a spreadsheet keeps of a number before it rounds or shows it.
SPREADSHEET_DIGITS = 15


def excel_round(value: float, decimals: int) -> decimal.Decimal:
    """``value`` rounded as Excel and LibreOffice round it, for ROUND() and for display.

    Both first take the number to 15 significant digits, then round half away
    from zero: 730.1649999999998 is 730.165000000000 to them, so it shows (and
    ROUNDs) to 730,17; 99.405 gives 99,41; 0.125 gives 0,13 and -2.675 gives
    -2,68 (Python's round() and f-strings round the binary value half to even
    and give 730,16, 99,4, 0,12 and -2,67).  The one rounding rule of the
    toolkit: :func:`format_number` renders with it and ``budget`` computes with it.
    """
    with decimal.localcontext(decimal.Context(prec=400)):
        exact = decimal.Decimal(format(float(value), f".{SPREADSHEET_DIGITS}g"))
        return exact.quantize(decimal.Decimal(1).scaleb(-decimals), rounding=decimal.ROUND_HALF_UP)


def format_number(value: float, decimals: int = 2, strip_zeros: bool = True) -> str:
    """Render ``value`` the Indonesian way: ``1.169.409.656``, ``76,75``, ``93``.

    Rounded by :func:`excel_round`, so the text is what Excel shows in a cell
    formatted with ``decimals`` places.
    """
    if value is None or (isinstance(value, float) and not math.isfinite(value)):
        return ""
    rounded = abs(excel_round(value, decimals))
    text = f"{rounded:,.{decimals}f}"
    integer, _, fraction = text.partition(".")
    if strip_zeros:
        fraction = fraction.rstrip("0")
    out = integer.replace(",", ".") + ("," + fraction if fraction else "")
    return ("-" if value < 0 and out.strip("0.,") else "") + out


def format_magnitude(value: float) -> str:
    """A number of any size for a message: :func:`format_number` from 10^-6 to 10^18, else ``1,5 × 10^308``."""
    if not math.isfinite(value):
        return str(value)
    if value == 0 or 1e-6 <= abs(value) <= 1e18:
        return format_number(value, 6)
    mantissa, exponent = f"{value:.6e}".split("e")
    return f"{format_number(float(mantissa), 6)} × 10^{int(exponent)}"


def format_rupiah(value: float) -> str:
    """``Rp 1.169.409.656`` (whole Rupiah)."""
    return "Rp " + format_number(value, 0)


def unit_kind(unit: str) -> str:
    """The :func:`parse_number` kind of a value in ``unit`` (a target, a typed realisasi), from the
    unit vocabulary (:mod:`lkjip_xl.units`): ``"percent"`` for %/persen, ``"index"`` for Indeks,
    ``"decimal"`` otherwise."""
    found = units.lookup(unit)
    return found.kind if found else "decimal"


def format_with_unit(value: float, unit: str, decimals: int = 2) -> str:
    """Render a value with its unit the way Tabel 3.1 does: ``90%``, ``82 (Indeks)``, ``21 Layanan``."""
    number = format_number(value, decimals)
    found = units.lookup(unit)
    if found is not None and found is not units.RUPIAH:
        return found.pattern.format(number=number)
    return f"{number} {unit}"


@functools.lru_cache(maxsize=1024)
def excel_number_format(unit: str, decimals: int = 2) -> str:
    """An Excel number format that shows the unit beside a numeric value.

    The cell keeps a plain number (so formulas and pandas see 93.26), while
    Excel shows ``93,26%``-style text in the user's locale.  Percent units are
    *not* Excel percent formats: realisasi 93.26 means 93.26 %, not 9326 %.
    Each (unit, decimals) is worked out once: a workbook asks for the format of every number it writes.
    """
    digits = "#,##0" + ("." + "0" * decimals if decimals else "")
    found = units.lookup(unit)
    if found is not None and found is not units.RUPIAH:
        return digits + '"' + found.pattern.format(number="").replace('"', "") + '"'
    if unit in ("", "-"):
        return digits
    safe = unit.replace('"', "")
    return digits + f'" {safe}"'


def plain_number_format(decimals: int) -> str:
    """``0.00``: a number with ``decimals`` places and no thousands separator (the sheets "Data")."""
    return "0" + ("." + "0" * decimals if decimals else "")


#: Relative difference under which spreadsheet engines treat two numbers as equal
#: when comparing them (LibreOffice ``rtl::math::approxEqual``: 2**-48; Excel
#: compares to 15 significant digits).  29 / 50 × 100 against a target of 58
#: gives capaian 99.99999999999999, which both engines count as = 100.
COMPARE_REL_TOL = 2.0 ** -48


def approx_equal(a: float, b: float) -> bool:
    """Whether a spreadsheet comparison (``=``, ``>=``, ``<``) sees ``a`` and ``b`` as equal."""
    if a == b:
        return True
    if a == 0 or b == 0:
        return False
    difference = abs(a - b)
    return difference < abs(a) * COMPARE_REL_TOL and difference < abs(b) * COMPARE_REL_TOL


#: The number formats the toolkit writes (:func:`excel_number_format`, ``MONEY_FORMAT``, ``0%``, ``0.00``):
#: an optional quoted prefix, the digits (``#,##0`` groups thousands, ``0`` does not) with their decimals,
#: an optional ``%`` (the value × 100) and an optional quoted suffix.
_SHOWN_FORMAT = re.compile(r'^(?:"([^"]*)")?(#,##0|0)(?:\.(0+))?(%?)(?:"([^"]*)")?$')


def widest_shown(values: list[float], number_format: str | None) -> int:
    """The most characters any of ``values`` shows under ``number_format`` (:func:`format_shown`).

    Under a format of fixed decimals the text grows with the rounded magnitude and a minus sign, so
    only the largest and the smallest value can be the widest; under any other (General) each
    distinct value is shown.  A column of 80,000 numbers is measured by two.
    """
    if _SHOWN_FORMAT.match(number_format or "") is not None:
        candidates: Iterable[float] = (max(values), min(values))
    else:
        candidates = set(values)
    return max((len(format_shown(value, number_format)) for value in candidates), default=0)


def format_shown(value: float, number_format: str | None) -> str:
    """``value`` as a spreadsheet in an Indonesian locale shows it under ``number_format``: ``93,26%``,
    ``3,8 (Indeks)``, ``Rp 1.169.409.656``, ``111 Layanan``; rounded by :func:`excel_round` as the cell is.

    Takes the formats the toolkit writes; any other (``General`` included) shows the value the way
    General does: up to 10 significant digits, decimal comma, no thousands dots.
    """
    found = _SHOWN_FORMAT.match(number_format or "")
    if found is None:
        if float(value).is_integer() and abs(value) < 1e15:
            return str(int(value))
        text = format(float(value), ".10g")
        return text.replace(".", ",") if "e" not in text else format_magnitude(value)
    prefix, grouping, fraction, percent, suffix = found.groups()
    shown = value * 100 if percent else value
    text = format_number(shown, len(fraction or ""), strip_zeros=False)
    if grouping == "0":
        text = text.replace(".", "")
    return f"{prefix or ''}{text}{percent}{suffix or ''}"
