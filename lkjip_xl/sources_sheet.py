"""The sheet "Sumber" of a consolidated workbook: every input value with its file, sheet, cell and SHA-256.

Each value a form gave (realisasi, pembilang and penyebut, NIHIL, and the free
texts: Keterangan and the narrative texts of :mod:`lkjip_xl.free_text`) is one
row, named as its source is named (``realisasi``, ``pembilang1``,
``faktor_pendukung``, ``realisasi.B04`` for a sub-period row), with the form's
file, sheet, cell and the file's SHA-256.  Texts are written as strings, never
formulas.  Written by :mod:`lkjip_xl.capaian_book` (one Kanwil) and
:mod:`lkjip_xl.period_book` (every period of a period consolidation).
"""

from __future__ import annotations

from collections.abc import Sequence

from ._values import YES
from .consolidation import Consolidated
from .free_text import texts_of
from .messages import LABELS, label
from .model import IndicatorInput
from .styles import StyleBook
from .xlsx import column_width, print_setup, row_height

SHEET_SOURCES = LABELS["sheet_sources"]
#: The widest the column of values grows; a longer text (a narrative) wraps within it.
VALUE_WIDTH = 50


def write_sources(workbook, styles: StyleBook, parts: Sequence[tuple[str, Consolidated]]) -> None:
    """The sheet "Sumber": every input value of every part with file, sheet, cell and the file's SHA-256.

    ``parts`` are (period, data) pairs; with more than one period (a period consolidation) a first
    column names each row's period.
    """
    sheet = workbook.add_worksheet(SHEET_SOURCES)
    keys: tuple[str, ...] = ("col_kode", "col_divisi", "col_isian", "col_nilai", "col_berkas", "col_sheet",
                             "col_sel", "col_sha256_berkas")
    with_period = any(period for period, _ in parts)
    if with_period:
        keys = ("col_periode", *keys)
    headers = tuple(label(key) for key in keys)
    for col, title in enumerate(headers):
        sheet.write_string(0, col, title, styles.header)
    value_col = keys.index("col_nilai")
    rows: list[list] = []  # what each row shows, for the widths and heights
    for period, data in parts:
        for result, reported, checked in data.rows:
            values = input_values(reported)  # and each sub-period row's, named "realisasi.B04", ...
            for sub_period, sub in checked.sub_inputs.get(reported.code, {}).items():
                values |= {f"{key}.{sub_period}": v for key, v in input_values(sub).items()}
            for name, ref in reported.sources.items():
                value = values.get(name)
                number = isinstance(value, (int, float)) and not isinstance(value, bool)
                rows.append([*([period] if with_period else []), reported.code, result.indicator.divisi, name,
                             (value, None) if number else "" if value is None else str(value), ref.file, ref.sheet,
                             ref.cell, checked.form.sha256])
    widths = [column_width([cells[col] for cells in rows], wrapped=[title], least=6,
                           most=VALUE_WIDTH if col == value_col else 70) for col, title in enumerate(headers)]
    for col, width in enumerate(widths):
        sheet.set_column(col, col, width)
    for row, cells in enumerate(rows, start=1):
        for col, cell in enumerate(cells):
            if isinstance(cell, tuple):
                sheet.write_number(row, col, cell[0], styles.wrap)
            else:
                sheet.write_string(row, col, cell, styles.wrap)
        if not isinstance(cells[value_col], tuple) and len(cells[value_col]) > widths[value_col]:
            sheet.set_row(row, row_height([(cells[value_col], widths[value_col])]))  # a long text (a narrative)
    sheet.freeze_panes(1, 0)
    sheet.autofilter(0, 0, max(len(rows), 1), len(headers) - 1)
    kanwil, year = (parts[0][1].kanwil, parts[0][1].year) if parts else ("", None)
    print_setup(sheet, owner=kanwil, year=year, repeat_rows=0)


def input_values(reported: IndicatorInput) -> dict[str, object]:
    """Every input of ``reported`` by the name its source carries ("realisasi", "pembilang1", "keterangan",
    "faktor_pendukung", ...)."""
    values: dict[str, object] = {"realisasi": reported.value, "keterangan": reported.keterangan,
                                 **texts_of(reported)}
    if reported.nihil:
        values["nihil"] = YES
    for n, (num, den) in enumerate(reported.pairs, start=1):
        values[f"pembilang{n}"] = num
        values[f"penyebut{n}"] = den
    return values
