"""The parts of a form around its IKK rows (contract 1.2): the merged SK cells and the sign-off block.

- :func:`write_sk_cells`: the No SK and Sasaran Kegiatan of each run of IKK of one
  SK (:func:`lkjip_xl.layout.sk_groups`) in one cell each, merged over the run's
  rows (its IKK rows and their sub-rows), as Tabel 3.1 of the report shows them;
  the run's last row grows when the SK text needs more room than its rows give;
- :func:`write_signoff`: the sign-off block below the table ("Disiapkan oleh",
  "Disetujui oleh" with the unit head's title; Nama, NIP, Tanggal each), its open
  yellow cells validated (NIP: 18 characters, typed as text; Tanggal: a date) and
  named (:data:`lkjip_xl.layout.SIGNOFF_NAMES`).  :mod:`lkjip_xl.signoff` reads it.

Both write through the form writer of :mod:`lkjip_xl.forms`, passed as ``form``
(its workbook, sheet, styles, master, Divisi and IKK, and :meth:`set_height`).
"""

from __future__ import annotations

from datetime import date, datetime, time
from typing import Any

from ._values import YEAR_RANGE
from .layout import (
    COL_SK_NO, COL_SK_TEXT, COLUMN_INDEX, COLUMNS, FORM_SHEET, NIP_DIGITS, SIGNOFF_FIELDS, SIGNOFF_LABEL_COL,
    SIGNOFF_NAMES, SIGNOFF_ROLES, SIGNOFF_VALUE_COL, sk_groups,
)
from .messages import msg
from .signoff import DATE_FORMAT, FormSignoff, Signatory, head_title
from .xlsx import MAX_ROW_HEIGHT, a1, quote_sheet, row_height

C = COLUMN_INDEX
#: The height of a row whose height is not set (XlsxWriter's and Excel's default), in points.
DEFAULT_ROW_HEIGHT = 15.0
_SK_WIDTH = {key: width for key, _, width in COLUMNS}[COL_SK_TEXT]


def write_sk_cells(form: Any, rows: dict[str, tuple[int, int]], heights: dict[int, float]) -> None:
    """The No SK and Sasaran Kegiatan cells of every SK run; ``rows`` gives each IKK's first and last row (its
    sub-rows included), ``heights`` the rows' heights as written."""
    sheet, style = form.sheet, form.st.text
    for group in sk_groups(form.indicators):
        lead = group[0]
        first, last = rows[lead.code][0], rows[group[-1].code][1]
        have = sum(heights.get(r, DEFAULT_ROW_HEIGHT) for r in range(first, last + 1))
        needed = row_height([(lead.sk_text, _SK_WIDTH)])
        if needed > have:
            form.set_height(last, min(heights.get(last, DEFAULT_ROW_HEIGHT) + needed - have, MAX_ROW_HEIGHT))
        for col in (C[COL_SK_NO], C[COL_SK_TEXT]):
            if last > first:
                sheet.merge_range(first, col, last, col, "", style)
        sheet.write_number(first, C[COL_SK_NO], lead.sk_no, style)
        sheet.write_string(first, C[COL_SK_TEXT], lead.sk_text, style)


def write_signoff(form: Any, first: int, signoff: FormSignoff | None = None) -> int:
    """The sign-off block from row ``first`` (a note, then each part: its label, and Nama, NIP and Tanggal),
    pre-filled from ``signoff``; returns its last row."""
    sheet, st = form.sheet, form.st
    label_col, value_col = C[SIGNOFF_LABEL_COL], C[SIGNOFF_VALUE_COL]
    year = form.master.year
    sheet.write_string(first, label_col, msg("form_signoff_note", year=year), st.note)
    sheet_ref = quote_sheet(FORM_SHEET)
    row = first
    for n, (role, role_label) in enumerate(SIGNOFF_ROLES):
        row += 1 if n == 0 else 2
        sheet.write_string(row, label_col, role_label, st.label)
        if role == "approved":
            sheet.write_string(row, value_col, head_title(form.divisi), st.value)
        part = signoff.part(role) if signoff is not None else Signatory()
        for key, field_label in SIGNOFF_FIELDS:
            row += 1
            sheet.write_string(row, label_col, field_label, st.label)
            _input_cell(form, row, value_col, key, field_label, part, year)
            form.wb.define_name(SIGNOFF_NAMES[(role, key)], f"={sheet_ref}!{a1(row, value_col, absolute=True)}")
    return row


def _input_cell(form: Any, row: int, col: int, key: str, title: str, part: Signatory, year: int) -> None:
    """One open cell of the block: the name and the NIP as text (``@``: 18 digits stay 18 digits), the date
    as a date; each with its input message and validation."""
    sheet, st = form.sheet, form.st
    if key == "date":
        style = st("input", DATE_FORMAT)
        if part.date is None:
            sheet.write_blank(row, col, None, style)
        else:
            sheet.write_datetime(row, col, datetime.combine(part.date, time()), style)
        rule: dict[str, Any] = {
            "validate": "date", "criteria": "between", "minimum": date(YEAR_RANGE[0], 1, 1),
            "maximum": date(YEAR_RANGE[1], 12, 31), "error_type": "warning",
            "input_message": msg("form_signoff_date_input", year=year),
            "error_message": msg("form_signoff_date_error", year=year),
        }
    else:
        style = st("input_text", "@")
        value = part.name if key == "name" else part.nip
        if value:
            sheet.write_string(row, col, value, style)
        else:
            sheet.write_blank(row, col, None, style)
        rule = ({"validate": "any", "input_message": msg("form_signoff_name_input")} if key == "name" else {
            "validate": "length", "criteria": "==", "value": NIP_DIGITS,
            "input_message": msg("form_signoff_nip_input"), "error_message": msg("form_signoff_nip_error")})
    sheet.data_validation(row, col, row, col, {**rule, "input_title": title,
                                               **({"error_title": title} if "error_message" in rule else {})})
