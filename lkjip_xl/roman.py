"""Roman numerals and table labels as the LKjIP prints them.

The report numbers Sasaran Kegiatan and IKK in Roman numerals in table titles
("SK XXII dan IKK III") and tables as ``Tabel <bab>.<n>`` ("Tabel 3.178").
Table numbers run without gaps through a chapter, so they are always generated
from a running counter, never typed.
"""

from __future__ import annotations

_NUMERALS = (
    (1000, "M"), (900, "CM"), (500, "D"), (400, "CD"),
    (100, "C"), (90, "XC"), (50, "L"), (40, "XL"),
    (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"),
)


def _check_positive_int(name: str, value: int) -> None:
    if isinstance(value, bool) or not isinstance(value, int):
        raise ValueError(f"{name} must be an int, got {value!r}")
    if value < 1:
        raise ValueError(f"{name} must be at least 1, got {value}")


def to_roman(n: int) -> str:
    """``n`` (1..3999) in Roman numerals: 4 → "IV", 22 → "XXII"."""
    _check_positive_int("n", n)
    if n > 3999:
        raise ValueError(f"n must be at most 3999, got {n}")
    parts = []
    for value, numeral in _NUMERALS:
        count, n = divmod(n, value)
        parts.append(numeral * count)
    return "".join(parts)


def table_number(chapter: int, n: int) -> str:
    """The label of table ``n`` in ``chapter``: ``table_number(3, 178)`` → "Tabel 3.178"."""
    _check_positive_int("chapter", chapter)
    _check_positive_int("n", n)
    return f"Tabel {chapter}.{n}"
