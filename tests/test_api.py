"""The public API of ``import lkjip_xl``: its names, a light import, records and DataFrames.

Real files throughout: the bundled samples, synthetic forms of several Kanwil
(benchmarks/synthetic.py) and pandas reading the written workbooks.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import openpyxl
import pandas as pd
import pytest

import lkjip_xl
from lkjip_xl.fileio import sha256_file
from lkjip_xl.layout import COL_CODE, COL_REAL, COLUMN_INDEX
from lkjip_xl.national import consolidate_national
from lkjip_xl.records import DATA_COLUMNS, DATA_TABLE, PROBLEM_COLUMNS, SHEET_DATA

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "samples"
FORMS = SAMPLES / "formulir"
MASTER = SAMPLES / "master_pk_2023.xlsx"

sys.path.insert(0, str(ROOT / "benchmarks"))
from synthetic import generate  # noqa: E402

#: The public API. Changing it is a decision: this list changes with it.
PUBLIC = {
    "ConsolidationResult", "Indicator", "LkjipError", "Master", "Problem", "Report", "Validation",
    "consolidate", "make_chapter", "make_tables", "read_master", "validate", "write_forms", "write_input_template",
    "write_master",
}
#: Never imported by ``import lkjip_xl``.
HEAVY = ("pandas", "numpy", "xlwings", "click")


def python(code: str, cwd: Path | None = None) -> subprocess.CompletedProcess:
    """``code`` in a fresh interpreter of this environment."""
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=300, cwd=cwd)
    assert done.returncode == 0, done.stderr[-3000:]
    return done


@pytest.fixture(scope="module")
def consolidated(tmp_path_factory):
    out = tmp_path_factory.mktemp("api") / "konsolidasi.xlsx"
    result = lkjip_xl.consolidate([FORMS], out, MASTER)
    assert result.output == out, result.report.to_text()
    return result


# --------------------------------------------------------------------------- names and import


def test_all_is_the_public_api_and_every_name_resolves():
    assert set(lkjip_xl.__all__) == PUBLIC
    namespace: dict[str, object] = {}
    exec("from lkjip_xl import *", namespace)
    assert PUBLIC <= set(namespace)
    assert PUBLIC <= set(dir(lkjip_xl))
    assert issubclass(lkjip_xl.LkjipError, Exception)


def test_import_lkjip_xl_is_light():
    done = python("import json, sys, lkjip_xl; print(json.dumps(sorted(sys.modules)))")
    loaded = {name.split(".")[0] for name in json.loads(done.stdout)}
    assert not loaded & set(HEAVY), loaded & set(HEAVY)
    # the report tables are imported on first use only
    assert "lkjip_xl.tables" not in json.loads(done.stdout)


def test_consolidate_and_validate_stay_the_functions_whatever_is_imported():
    """The modules lkjip_xl.consolidate and lkjip_xl.validate do not shadow the functions of the same name."""
    python(
        "import importlib, pkgutil, lkjip_xl\n"
        "for module in pkgutil.walk_packages(lkjip_xl.__path__, 'lkjip_xl.'):\n"
        "    importlib.import_module(module.name)\n"
        "from lkjip_xl.consolidate import consolidate\n"
        "from lkjip_xl.validate import validate_files\n"
        "assert lkjip_xl.consolidate is consolidate and lkjip_xl.validate is validate_files\n"
        "assert lkjip_xl.make_tables is importlib.import_module('lkjip_xl.tables').make_tables\n"
    )


# --------------------------------------------------------------------------- consolidation records


def test_to_dataframe_equals_the_data_sheet_read_by_pandas(consolidated):
    frame = consolidated.to_dataframe()
    assert list(frame.columns) == list(DATA_COLUMNS)
    assert len(frame) == 60
    for engine in ("openpyxl", "calamine"):
        pd.testing.assert_frame_equal(pd.read_excel(consolidated.output, sheet_name=SHEET_DATA, engine=engine),
                                      frame)


def test_records_are_the_computed_numbers_in_pk_order(consolidated):
    records = consolidated.to_records()
    assert [r["Kode IKK"] for r in records] == [r.indicator.code for r in consolidated.results]
    for record, result in zip(records, consolidated.results):
        indicator = result.indicator
        assert (record["Divisi"], record["No SK"], record["No IKK"], record["Target"], record["Satuan"]) == (
            indicator.divisi, indicator.sk_no, indicator.ikk_no, indicator.target, indicator.unit)
        assert record["Realisasi"] == result.realisasi and record["Capaian (%)"] == result.capaian
        assert record["Status"] == ("Tercapai" if result.tercapai else "Tidak Tercapai")
    assert sum(r["Status"] == "Tercapai" for r in records) == 54
    assert {r["No. Divisi"] for r in records} == {1, 2, 3, 4}
    assert sum(r["NIHIL"] for r in records) == 7 and all(isinstance(r["NIHIL"], bool) for r in records)


def test_each_record_names_the_form_cell_it_comes_from(consolidated):
    books: dict[str, openpyxl.Workbook] = {}
    for record in consolidated.to_records():
        path = record["Berkas"]
        if path not in books:
            books[path] = openpyxl.load_workbook(path, data_only=True)
            assert sha256_file(path) == record["SHA-256"]
        sheet = books[path][record["Sheet"]]
        row = sheet[record["Sel"]].row
        assert sheet.cell(row, COLUMN_INDEX[COL_CODE] + 1).value == record["Kode IKK"]
        assert sheet[record["Sel"]].column == COLUMN_INDEX[COL_REAL] + 1


def test_the_data_sheet_is_a_table_of_values_with_headers_in_row_one(consolidated):
    book = openpyxl.load_workbook(consolidated.output)
    sheet = book[SHEET_DATA]
    assert [c.value for c in sheet[1]] == list(DATA_COLUMNS)
    assert not sheet.merged_cells.ranges
    assert not any(isinstance(c.value, str) and c.value.startswith("=") for row in sheet.iter_rows() for c in row)
    assert sheet.print_area == "'Data'!$A$1:$Y$1" and not sheet.print_title_rows  # not for paper: its header
    (table,) = sheet.tables.values()
    assert table.name == DATA_TABLE and table.ref == f"A1:Y{1 + 60}"


def test_a_refused_run_has_no_records_and_an_empty_frame_with_the_columns(tmp_path):
    bad = tmp_path / "rusak.xlsx"
    bad.write_bytes(b"bukan buku kerja")
    result = lkjip_xl.consolidate([bad], tmp_path / "k.xlsx")
    assert result.output is None and result.to_records() == []
    frame = result.to_dataframe()
    assert frame.empty and list(frame.columns) == list(DATA_COLUMNS)


def test_national_records_are_the_kanwil_data_sheets_stacked(tmp_path):
    folders = generate(8, tmp_path / "forms", workers=1)  # 2 Kanwil x 4 Divisi
    result = consolidate_national(folders, tmp_path / "nasional")
    assert result.output is not None, result.report.to_text()
    kanwil_books = result.outputs[1:]
    assert len(kanwil_books) == 2
    stacked = pd.concat([pd.read_excel(path, sheet_name=SHEET_DATA, engine="calamine") for path in kanwil_books],
                        ignore_index=True)
    pd.testing.assert_frame_equal(stacked, result.to_dataframe())
    assert stacked["Kantor Wilayah"].nunique() == 2 and len(stacked) == len(result.results)


# --------------------------------------------------------------------------- validation records


def test_one_folder_may_be_given_alone(tmp_path):
    assert lkjip_xl.validate(str(FORMS)).to_records() == lkjip_xl.validate([FORMS]).to_records()
    assert len(lkjip_xl.consolidate(FORMS, tmp_path / "k.xlsx").to_records()) == 60


def test_validation_records_are_the_problems():
    check = lkjip_xl.validate([FORMS], MASTER)
    assert isinstance(check, lkjip_xl.Validation) and check.valid
    assert check.to_records() == check.report.flatten()
    frame = check.to_dataframe()
    assert list(frame.columns) == list(PROBLEM_COLUMNS)
    assert list(frame["code"]) == ["numerator_exceeds_denominator"] * 2
    assert list(frame["ikk"]) == ["SK03-IKK2", "SK04-IKK7"]


def test_a_report_without_problems_gives_an_empty_frame_with_the_columns():
    frame = lkjip_xl.Report().to_dataframe()
    assert frame.empty and list(frame.columns) == list(PROBLEM_COLUMNS)


def test_without_pandas_the_error_names_the_install_command(tmp_path):
    """pandas made unimportable in a fresh interpreter (``sys.modules["pandas"] = None``)."""
    done = python(
        "import sys\n"
        "sys.modules['pandas'] = None\n"
        "import lkjip_xl\n"
        f"result = lkjip_xl.consolidate([{str(FORMS)!r}], {str(tmp_path / 'k.xlsx')!r})\n"
        "assert len(result.to_records()) == 60\n"
        "for call in (result.to_dataframe, lkjip_xl.validate([" + repr(str(FORMS)) + "]).to_dataframe):\n"
        "    try:\n"
        "        call()\n"
        "    except ImportError as error:\n"
        "        assert isinstance(error, lkjip_xl.LkjipError) and error.kind == 'setup'\n"
        "        print(error.code, error.message)\n"
    )
    lines = done.stdout.splitlines()
    assert len(lines) == 2
    for line in lines:
        assert line.startswith("pandas_missing ") and 'pip install "lkjip-xl[pandas]"' in line
