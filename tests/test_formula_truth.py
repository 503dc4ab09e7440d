"""Formula truth over every kind of workbook the toolkit writes.

Each workbook is recomputed by LibreOffice Calc (see tests/engine.py); every
formula cell must equal the value the toolkit stored beside it, and may use
only the spreadsheet functions of ``lkjip_xl.formula_check.ALLOWED_FUNCTIONS``.
Other test files check their own outputs the same way; this file is the
one place that lists every workbook type.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from engine import assert_formulas_match
from lkjip_xl.formula_check import disallowed_functions, read_formulas

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "samples"


def blank_form(tmp_path: Path) -> Path:
    from lkjip_xl.forms import write_forms
    from lkjip_xl.master import read_master

    return write_forms(read_master(SAMPLES / "master_pk_2023.xlsx"), tmp_path)[1]


def filled_form(tmp_path: Path) -> Path:
    return SAMPLES / "formulir" / "Formulir_2023_Pemasyarakatan.xlsx"


def consolidated(tmp_path: Path) -> Path:
    from lkjip_xl.consolidate import consolidate

    return consolidate([SAMPLES / "formulir"], tmp_path / "konsolidasi.xlsx").output


def budget_tables(tmp_path: Path) -> Path:
    from lkjip_xl.tables import load_budget, write_budget_workbook

    out = tmp_path / "anggaran.xlsx"
    write_budget_workbook(load_budget(SAMPLES / "anggaran_2023.xlsx"), out)
    return out


def report_tables(tmp_path: Path) -> Path:
    from lkjip_xl.tables import load_tables_data, write_tables

    data = load_tables_data(consolidated(tmp_path), SAMPLES / "master_pk_2023.xlsx",
                            [SAMPLES / "capaian_2022.xlsx"], SAMPLES / "renstra_2020_2024.xlsx",
                            SAMPLES / "anggaran_2023.xlsx", SAMPLES / "tabel_pendukung_2023.xlsx")
    return write_tables(data, tmp_path / "tabel.xlsx").output


def national(tmp_path: Path) -> Path:
    import sys

    from lkjip_xl.national import consolidate_national

    sys.path.insert(0, str(ROOT / "benchmarks"))
    from synthetic import generate

    folders = generate(8, tmp_path / "forms", workers=1)
    result = consolidate_national(folders, tmp_path / "nasional")
    return result.output


WORKBOOKS = {
    "formulir_kosong": blank_form,
    "formulir_terisi": filled_form,
    "konsolidasi": consolidated,
    "tabel_anggaran": budget_tables,
    "tabel_laporan": report_tables,
    "nasional": national,
}


@pytest.mark.parametrize("name", sorted(WORKBOOKS))
def test_every_formula_is_recomputed_to_its_stored_value(name, tmp_path):
    path = WORKBOOKS[name](tmp_path)
    formulas = read_formulas(path)
    assert formulas, f"{name} has no formulas to check"
    for (sheet, cell), (formula, _) in formulas.items():
        assert not disallowed_functions(formula), f"{name} {sheet}!{cell}: {formula}"
    assert_formulas_match(path, tmp_path)


def test_the_control_workbook_computes_nothing_and_opens_in_libreoffice(tmp_path):
    """The Excel button's workbook computes nothing itself: the library does, through the button.  Its one
    formula hands the "python.exe" setting of sheet Kendali to xlwings' own settings sheet."""
    from engine import recalculate, require_soffice
    from lkjip_xl.control import write_control_workbook
    from lkjip_xl.control.layout import CONF_INTERPRETER_CELL, CONF_SHEET

    path = write_control_workbook(tmp_path / "konsolidasi.xlsm")
    assert list(read_formulas(path)) == [(CONF_SHEET, CONF_INTERPRETER_CELL)]
    require_soffice()
    assert recalculate(path, tmp_path).exists()
