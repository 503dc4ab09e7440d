"""Small shared helpers for writing and reading .xlsx files."""

from __future__ import annotations

import os
from datetime import datetime

import xlsxwriter
from xlsxwriter.utility import xl_rowcol_to_cell

#: XlsxWriter options for every workbook the toolkit writes: text is never
#: turned into a formula, a number or a link, whatever it starts with.
SAFE_OPTIONS = {
    "strings_to_formulas": False,
    "strings_to_numbers": False,
    "strings_to_urls": False,
}


def new_workbook(path: str, created: datetime | None = None, title: str = "", **options) -> xlsxwriter.Workbook:
    """An XlsxWriter workbook with safe options and deterministic properties."""
    workbook = xlsxwriter.Workbook(path, {**SAFE_OPTIONS, **options})
    workbook.set_properties({
        "title": title,
        "author": "lkjip-xl",
        "created": created or fixed_timestamp(),
    })
    return workbook


def fixed_timestamp() -> datetime:
    """``SOURCE_DATE_EPOCH`` when set, else a fixed date: outputs are reproducible."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch and epoch.isdigit():
        return datetime.utcfromtimestamp(int(epoch))
    return datetime(2000, 1, 1)


def a1(row: int, col: int, absolute: bool = False) -> str:
    """0-based (row, col) → "A1" (or "$A$1")."""
    return xl_rowcol_to_cell(row, col, row_abs=absolute, col_abs=absolute)


def quote_sheet(name: str) -> str:
    """A sheet name as it must appear in a formula reference."""
    return "'" + name.replace("'", "''") + "'"


def excel_string(text: str) -> str:
    """A text as a formula string literal ("..." with doubled quotes)."""
    return '"' + text.replace('"', '""') + '"'


def wrapped_lines(text: str, column_width: float) -> int:
    """Lines a wrapped text needs in a column of ``column_width`` characters (an estimate)."""
    per_line = max(int(column_width * 1.15), 1)
    lines = 0
    for paragraph in str(text).split("\n"):
        words, length, count = paragraph.split(), 0, 1
        for word in words:
            if length and length + 1 + len(word) > per_line:
                count += 1
                length = len(word)
            else:
                length += len(word) + (1 if length else 0)
        lines += count
    return max(lines, 1)


def row_height(cells: list[tuple[str, float]], line_points: float = 13.5) -> float:
    """Row height in points that shows every wrapped ``(text, column width)`` in full.

    XlsxWriter cannot autofit rows and LibreOffice does not on load, so the
    writer sets the height itself.
    """
    lines = max((wrapped_lines(text, width) for text, width in cells if text), default=1)
    return lines * line_points + 2


def decimals_for(value: float, most: int = 2) -> int:
    """Fewest decimals (up to ``most``) that show ``value`` exactly: 90 → 0, 76.75 → 2, 3.1 → 1."""
    for places in range(most + 1):
        if abs(round(value, places) - value) < 1e-9:
            return places
    return most


def number_literal(value: float) -> str:
    """A number as a formula literal; ``repr`` keeps every digit (100.0 → "100", 0.435 → "0.435")."""
    text = repr(float(value))
    return text[:-2] if text.endswith(".0") else text


def print_a4(worksheet, landscape: bool = True) -> None:
    """A4, the given orientation, one page wide, centred: ready to paste into the report."""
    worksheet.set_paper(9)  # A4
    if landscape:
        worksheet.set_landscape()
    else:
        worksheet.set_portrait()
    worksheet.fit_to_pages(1, 0)
    worksheet.center_horizontally()
