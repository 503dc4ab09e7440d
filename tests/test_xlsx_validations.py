"""Each data validation rule of a form is written once, for every range it was given (lkjip_xl.xlsx_validations).

The sheets are written with the form's own worksheet and read back with openpyxl, also after a round trip
through LibreOffice: every cell keeps its rule, and no cell gains one.
"""

from __future__ import annotations

import re
import warnings
import zipfile
from pathlib import Path

import openpyxl
import pytest

from engine import recalculate, soffice_path
from lkjip_xl.forms import FormWorksheet, write_form
from lkjip_xl.master import read_master
from lkjip_xl.validate import check_path
from lkjip_xl.xlsx import new_workbook

NUMBER = {"validate": "decimal", "criteria": "between", "minimum": 0, "maximum": 1e15,
          "input_title": "SK01-IKK1", "input_message": "Isi angka.", "error_title": "Bukan angka",
          "error_message": "Isi dengan angka tidak negatif."}
TEXT = {"validate": "length", "criteria": "<=", "value": 2000, "input_title": "Faktor Pendukung",
        "input_message": "Paling banyak 2.000 karakter.", "error_title": "Teks terlalu panjang",
        "error_message": "Teks terlalu panjang."}
YES = {"validate": "list", "source": ["Ya"], "input_title": "NIHIL"}
SAMPLES = Path(__file__).resolve().parent.parent / "samples"


def _write(path: Path) -> dict[str, tuple]:
    """A sheet with rules given cell by cell as a form gives them; returns cell → its rule's (type, prompt title)."""
    workbook = new_workbook(str(path), worksheet_class=FormWorksheet)
    sheet = workbook.add_worksheet("Formulir")
    expected: dict[str, tuple] = {}
    for row in (8, 9, 11, 12):  # the IKK rows; row 10 (a sub-row) has none
        for col, rule in ((6, NUMBER), (7, NUMBER), (8, YES), (15, TEXT)):
            assert sheet.data_validation(row, col, row, col, dict(rule)) == 0
            kind = {"length": "textLength"}.get(rule["validate"], rule["validate"])  # as the file names it
            expected[f"{'ABCDEFGHIJKLMNOP'[col]}{row + 1}"] = (kind, rule["input_title"])
    other = {**NUMBER, "input_title": "SK01-IKK2"}  # another IKK's prompt: another rule
    sheet.data_validation(13, 6, 14, 7, other)
    expected.update({cell: ("decimal", "SK01-IKK2") for cell in ("G14", "H14", "G15", "H15")})
    formula = {"validate": "custom", "value": "=ISNUMBER(A1)", "input_title": "Rumus"}  # relative: never shared
    sheet.data_validation(0, 0, 0, 0, formula)
    sheet.data_validation(1, 0, 1, 0, formula)
    expected.update({"A1": ("custom", "Rumus"), "A2": ("custom", "Rumus")})
    sheet.data_validation("C1:C2", dict(YES))  # A1 notation: as XlsxWriter writes it
    expected.update({"C1": ("list", "NIHIL"), "C2": ("list", "NIHIL")})
    assert sheet.data_validation(1_048_576, 0, 1_048_576, 0, dict(YES)) == -1  # outside the sheet: refused
    sheet.write_string(0, 1, "isi")
    workbook.close()
    return expected


def _rules(path: Path) -> dict[str, tuple]:
    """Cell → (type, prompt title) of every rule openpyxl reads, each cell once."""
    book = openpyxl.load_workbook(path)
    found: dict[str, tuple] = {}
    for validation in book["Formulir"].data_validations.dataValidation:
        for cell_range in validation.sqref.ranges:
            for row in range(cell_range.min_row, cell_range.max_row + 1):
                for col in range(cell_range.min_col, cell_range.max_col + 1):
                    cell = f"{openpyxl.utils.get_column_letter(col)}{row}"
                    assert cell not in found, cell
                    found[cell] = (validation.type, validation.promptTitle)
    book.close()
    return found


def test_a_rule_given_for_many_cells_is_written_once_listing_them_in_order(tmp_path):
    path = tmp_path / "rules.xlsx"
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # XlsxWriter accepts every rule
        expected = _write(path)
    xml = zipfile.ZipFile(path).read("xl/worksheets/sheet1.xml").decode()
    sqrefs = re.findall(r'<dataValidation [^>]*sqref="([^"]*)"', xml)
    # the formula rule twice and the A1 one as given, then each shared rule once, in the order first given
    assert sqrefs == ["A1", "A2", "C1:C2", "G9 H9 G10 H10 G12 H12 G13 H13", "I9 I10 I12 I13",
                      "P9 P10 P12 P13", "G14:H15"]
    assert _rules(path) == expected


@pytest.mark.skipif(soffice_path() is None, reason="LibreOffice is not installed")
def test_libreoffice_keeps_every_cell_of_a_shared_rule(tmp_path):
    path = tmp_path / "rules.xlsx"
    expected = _write(path)
    assert _rules(recalculate(path, tmp_path)) == expected


def test_a_form_writes_each_of_its_rules_once(tmp_path):
    """The sample master's largest Divisi: one element per rule (the texts' limit, each IKK's numbers, NIHIL,
    the revision and sign-off cells), not one per cell; the form reads back as a blank form does."""
    master = read_master(SAMPLES / "master_pk_2023.xlsx")
    divisi = max(master.divisi_order, key=lambda name: len(master.for_divisi(name)))
    path = write_form(master, divisi, tmp_path / "form.xlsx")
    book = openpyxl.load_workbook(path)
    found = book["Formulir"].data_validations.dataValidation
    rules = [(v.type, v.operator, v.formula1, v.formula2, v.allow_blank, v.promptTitle, v.prompt, v.errorTitle,
              v.error) for v in found]
    cells = sum(len(v.sqref.ranges) for v in found)
    book.close()
    assert len(rules) == len(set(rules))  # no rule twice
    assert cells > 2 * len(rules)  # most rules serve several cells
    checked = check_path(str(path))  # read as any form: blank, not yet signed
    assert {problem.code for problem in checked.problems} <= {"value_missing", "signoff_missing"}
