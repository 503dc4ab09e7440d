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
