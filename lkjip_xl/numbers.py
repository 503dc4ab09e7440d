"""Indonesian number conventions: parse deliberately, render like the report.

Indonesian documents write ``76,75`` (decimal comma) and ``1.169.409.656``
(dot thousands), but the same report also prints ``3.84`` with a decimal
point.  :func:`parse_number` therefore takes the *kind* of value it expects
and refuses what stays ambiguous (``3.288`` in an index cell) instead of
guessing.  Every successful parse says which reading it took.
"""

from __future__ import annotations

import decimal
import math
import re
from dataclasses import dataclass

#: Kinds of value a cell may hold.  Counts and money never have decimals, so a
#: lone ``.ddd`` group is read as thousands; for the other kinds it is ambiguous.
KINDS = ("count", "money", "index", "percent", "decimal")

_UNIT_RE = re.compile(r"^\s*([-+−]?[\d.,\s]*\d)\s*(?:\(\s*([^)]*?)\s*\)|(%)|([A-Za-z][\w /.-]*))?\s*$")


class NumberParseError(ValueError):
    """A text could not be read as a number; ``code`` says why (see messages)."""

    def __init__(self, code: str, text: str):
        super().__init__(f"{code}: {text!r}")
        self.code = code
        self.text = text


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


def parse_number(text: str | float | int, kind: str = "decimal") -> ParsedNumber:
    """Read ``text`` as a number of ``kind`` (one of :data:`KINDS`).

    Accepted: ``93``, ``3,25``, ``3.84``, ``1.169.409.656``, ``1.234,5``,
    ``209,570,000``, ``90%``, ``21 Layanan``, ``82 (Indeks)``, ``Rp. 14.945.870.000,-``,
    ``-21,4``.  Raises :class:`NumberParseError` with code ``not_a_number`` or
    ``ambiguous_number``.
    """
    if kind not in KINDS:
        raise ValueError(f"unknown kind {kind!r}")
    if isinstance(text, bool):
        raise NumberParseError("not_a_number", str(text))
    if isinstance(text, (int, float)):
        if isinstance(text, float) and not math.isfinite(text):
            raise NumberParseError("not_a_number", str(text))
        return ParsedNumber(float(text), None, "angka")
    cleaned, money = _clean(str(text))
    match = _UNIT_RE.match(cleaned)
    if not match or not cleaned:
        raise NumberParseError("not_a_number", str(text))
    body = match.group(1).replace(" ", "")
    unit = match.group(2) or match.group(3) or match.group(4)
    if money:
        unit = "Rp"
    if unit is not None:
        unit = unit.strip() or None
    if unit is not None and re.fullmatch(r"[eE]\d+", unit):
        raise NumberParseError("not_a_number", str(text))  # "1e5": an exponent, not the unit "e5"
    sign = -1.0 if body.startswith("-") else 1.0
    body = body.lstrip("+-")
    value, reading = _read_digits(body, "money" if money else kind, str(text))
    return ParsedNumber(sign * value, unit, reading)


def _read_digits(body: str, kind: str, original: str) -> tuple[float, str]:
    integer_kind = kind in ("count", "money")
    if re.fullmatch(r"\d+", body):
        return float(body), "angka bulat"
    dots, commas = body.count("."), body.count(",")
    # Both separators: the last one is the decimal mark.
    if dots and commas:
        if body.rfind(",") > body.rfind("."):
            if re.fullmatch(r"\d{1,3}(\.\d{3})+,\d+", body):
                return float(body.replace(".", "").replace(",", ".")), (
                    "titik sebagai pemisah ribuan, koma sebagai desimal"
                )
        elif re.fullmatch(r"\d{1,3}(,\d{3})+\.\d+", body):
            return float(body.replace(",", "")), "koma sebagai pemisah ribuan, titik sebagai desimal"
        raise NumberParseError("not_a_number", original)
    sep = "." if dots else ","
    count = dots or commas
    if count > 1:
        if re.fullmatch(r"\d{1,3}(" + re.escape(sep) + r"\d{3})+", body):
            name = "titik" if sep == "." else "koma"
            return float(body.replace(sep, "")), f"{name} sebagai pemisah ribuan"
        raise NumberParseError("not_a_number", original)
    if not re.fullmatch(r"\d*" + re.escape(sep) + r"\d+", body) or body.startswith(sep) and not body[1:]:
        raise NumberParseError("not_a_number", original)
    head, tail = body.split(sep)
    looks_like_thousands = len(tail) == 3 and head != "" and head != "0" and len(head) <= 3
    if sep == ".":
        if looks_like_thousands:
            if integer_kind:
                return float(head + tail), "titik sebagai pemisah ribuan"
            raise NumberParseError("ambiguous_number", original)
        if integer_kind:
            raise NumberParseError("ambiguous_number", original)
        return float(body or "0"), "titik sebagai tanda desimal"
    # a single comma
    if looks_like_thousands and integer_kind:
        raise NumberParseError("ambiguous_number", original)
    if integer_kind:
        raise NumberParseError("ambiguous_number", original)
    return float(body.replace(",", ".")), "koma sebagai tanda desimal"


# --------------------------------------------------------------------------- rendering


def format_number(value: float, decimals: int = 2, strip_zeros: bool = True) -> str:
    """Render ``value`` the Indonesian way: ``1.169.409.656``, ``76,75``, ``93``."""
    if value is None or (isinstance(value, float) and not math.isfinite(value)):
        return ""
    # Half up on the shortest decimal form, as Excel's number formats and the
    # printed report round: 0.125 → 0,13 and 2.675 → 2,68 (a plain f-string
    # would round half to even on the binary value: 0,12 and 2,67).
    exact = decimal.Decimal(repr(float(value)))
    with decimal.localcontext(decimal.Context(prec=400)):
        rounded = abs(exact).quantize(decimal.Decimal(1).scaleb(-decimals), rounding=decimal.ROUND_HALF_UP)
    text = f"{rounded:,.{decimals}f}"
    integer, _, fraction = text.partition(".")
    if strip_zeros:
        fraction = fraction.rstrip("0")
    out = integer.replace(",", ".") + ("," + fraction if fraction else "")
    return ("-" if value < 0 and out.strip("0.,") else "") + out


def format_rupiah(value: float) -> str:
    """``Rp 1.169.409.656`` (whole Rupiah)."""
    return "Rp " + format_number(value, 0)


def format_with_unit(value: float, unit: str, decimals: int = 2) -> str:
    """Render a value with its unit the way Tabel 3.1 does: ``90%``, ``82 (Indeks)``, ``21 Layanan``."""
    number = format_number(value, decimals)
    if unit == "%":
        return f"{number}%"
    if unit.lower() == "indeks":
        return f"{number} (Indeks)"
    return f"{number} {unit}"


def excel_number_format(unit: str, decimals: int = 2) -> str:
    """An Excel number format that shows the unit beside a numeric value.

    The cell keeps a plain number (so formulas and pandas see 93.26), while
    Excel shows ``93,26%``-style text in the user's locale.  Percent units are
    *not* Excel percent formats: realisasi 93.26 means 93.26 %, not 9326 %.
    """
    digits = "#,##0" + ("." + "0" * decimals if decimals else "")
    if unit == "%":
        return digits + '"%"'
    if unit.lower() == "indeks":
        return digits + '" (Indeks)"'
    if unit in ("", "-"):
        return digits
    safe = unit.replace('"', "")
    return digits + f'" {safe}"'
