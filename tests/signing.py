"""A form signed off as a program signs it (docs/form_contract.md › Sign-off block): fictional people.

Tests that fill forms for another purpose sign them too, so that their problem lists hold only what they
test (an unsigned form of contract 1.2 is the warning ``signoff_missing``).
"""

from __future__ import annotations

import datetime
from pathlib import Path

import openpyxl

from lkjip_xl.signoff import FormSignoff, Signatory

#: The sign-off block's defined names → what a program writes there (a NIP as a string, a date as a date).
SIGNED = {"LKJIP_DISIAPKAN_NAMA": "Contoh Penyusun, S.H.", "LKJIP_DISIAPKAN_NIP": "198001012005011001",
          "LKJIP_DISIAPKAN_TANGGAL": datetime.date(2025, 1, 10),
          "LKJIP_DISETUJUI_NAMA": "Contoh Kepala, S.H., M.H.", "LKJIP_DISETUJUI_NIP": "197501011999031001",
          "LKJIP_DISETUJUI_TANGGAL": datetime.date(2025, 1, 12)}


#: The same sign-off as written by ``write_forms(..., signoff=...)``.
SIGNOFF = FormSignoff(Signatory("Contoh Penyusun, S.H.", "198001012005011001", datetime.date(2025, 1, 10)),
                      Signatory("Contoh Kepala, S.H., M.H.", "197501011999031001", datetime.date(2025, 1, 12)))


def signed_by_all(master) -> dict[str, FormSignoff]:
    """``write_forms``' ``signoff`` for every Divisi of ``master``: :data:`SIGNOFF`."""
    return {divisi: SIGNOFF for divisi in master.divisi_order}


def named_cell(book, name: str):
    """The cell a workbook-scoped defined name of a form refers to."""
    (sheet_name, ref), = book.defined_names[name].destinations
    return book[sheet_name][ref.replace("$", "")]


def sign(book, values: dict[str, object] | None = None) -> None:
    """Fill the sign-off block of an openpyxl form ``book`` (every name: :data:`SIGNED`, or ``values``)."""
    for name, value in (SIGNED if values is None else values).items():
        named_cell(book, name).value = value


def sign_file(source: Path, target: Path | None = None) -> Path:
    """A signed copy of the form at ``source`` (in place without ``target``)."""
    book = openpyxl.load_workbook(source)
    sign(book)
    book.save(target or source)
    book.close()
    return target or source


def as_layout_before_1_2(book, master) -> None:
    """The form sheet of an openpyxl form ``book`` as contract 1.0 and 1.1 laid it out: the SK number and text
    on every IKK row of ``master`` (nothing merged), no sign-off block below the table nor its names."""
    sheet = book["Formulir"]
    header_row = next(r for r in range(1, 61) if sheet.cell(r, 1).value == "Kode IKK")
    columns = {c.value: c.column for c in sheet[header_row] if isinstance(c.value, str)}
    by_code = master.by_code()
    for merged in list(sheet.merged_cells.ranges):
        sheet.unmerge_cells(str(merged))
    for r in range(header_row + 1, sheet.max_row + 1):
        indicator = by_code.get(sheet.cell(r, 1).value)
        if indicator is not None:
            sheet.cell(r, columns["No SK"]).value = indicator.sk_no
            sheet.cell(r, columns["Sasaran Kegiatan"]).value = indicator.sk_text
    first = named_cell(book, "LKJIP_DISIAPKAN_NAMA").row - 2  # the note above the block
    sheet.delete_rows(first, sheet.max_row - first + 1)
    for name in [n for n in book.defined_names if n.startswith(("LKJIP_DISIAPKAN", "LKJIP_DISETUJUI"))]:
        del book.defined_names[name]
