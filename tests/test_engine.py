"""Tests of the formula truth harness (tests/engine.py) and lkjip_xl.formula_check.

The harness tests build small XlsxWriter workbooks whose formulas carry
cached values, then let LibreOffice recompute them. Each check is shown to
pass on correct values and to fail on a wrong one.
"""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor

import engine
import openpyxl
import pytest
import xlsxwriter
from engine import (
    assert_formulas_match,
    compare_formulas,
    recalculate,
    recomputed_values,
    require_soffice,
)

from lkjip_xl.formula_check import (
    ALLOWED_FUNCTIONS,
    disallowed_functions,
    functions_used,
    read_formulas,
)


@pytest.fixture
def soffice() -> str:
    """The LibreOffice executable; skips (or fails under CI=true) without it."""
    return require_soffice()


def write_workbook(path, sheets):
    """Write an xlsx at *path*.

    *sheets* maps a sheet name to a list of ``(cell, content)``; content is a
    plain value, or ``(formula, cached value)`` for a formula cell.
    """
    book = xlsxwriter.Workbook(str(path))
    for name, cells in sheets.items():
        sheet = book.add_worksheet(name)
        for cell, content in cells:
            if isinstance(content, tuple):
                formula, cached = content
                sheet.write_formula(cell, formula, None, cached)
            else:
                sheet.write(cell, content)
    book.close()
    return path


# --- functions_used / disallowed_functions ---------------------------------


def test_functions_used_finds_nested_calls():
    assert functions_used("=IFERROR(ROUND(SUM(A1:A3)/COUNT(A1:A3),2),0)") == {
        "IFERROR",
        "ROUND",
        "SUM",
        "COUNT",
    }


def test_functions_used_is_case_insensitive_and_accepts_no_equals_sign():
    assert functions_used("sumifs(C:C,A:A,\"x\")+max(B1,B2)") == {"SUMIFS", "MAX"}


def test_functions_used_ignores_string_literals():
    assert functions_used('=IF(A1="SUM(x)","MAX(",LEN(B1))') == {"IF", "LEN"}


def test_functions_used_handles_escaped_quotes_in_literals():
    assert functions_used('="say ""SUM(1)"" now"&TEXT(A1,"0")') == {"TEXT"}


def test_functions_used_ignores_quoted_sheet_names():
    formula = "='Rekap (MIN(x))'!A1+'It''s XLOOKUP('!B2+AVERAGE(C1:C2)"
    assert functions_used(formula) == {"AVERAGE"}


def test_functions_used_ignores_references_and_numbers():
    assert functions_used("=Data!A1*1E5+$B$2-'PK 2024'!C3") == set()


def test_functions_used_strips_xlfn_prefixes():
    assert functions_used("=_xlfn.XLOOKUP(A1,B:B,C:C)") == {"XLOOKUP"}
    assert functions_used("=_xlfn._xlws.FILTER(A1:A9,B1:B9>0)") == {"FILTER"}
    assert functions_used("=_xlfn.IFNA(A1,0)+_xludf.MYFUNC(1)") == {"IFNA", "MYFUNC"}


def test_functions_used_keeps_dotted_names():
    assert functions_used("=STDEV.S(A1:A9)") == {"STDEV.S"}


def test_common_toolkit_formula_is_allowed():
    formula = '=IF(AND(ISNUMBER(C2),C2<>0),ROUND(D2/C2*100,2),"")'
    assert disallowed_functions(formula) == set()


@pytest.mark.parametrize(
    "formula, rejected",
    [
        ("=XLOOKUP(A1,B:B,C:C)", {"XLOOKUP"}),
        ("=_xlfn.XLOOKUP(A1,B:B,C:C)", {"XLOOKUP"}),
        ("=_xlfn.LET(x,A1*2,x+1)", {"LET"}),
        ("=_xlfn._xlws.FILTER(A1:A9,B1:B9>0)", {"FILTER"}),
        ("=SUM(_xlfn.UNIQUE(A1:A9))", {"UNIQUE"}),
        ('=_xlfn.TEXTJOIN(",",TRUE,A1:A3)&_xlfn.CONCAT(B1:B3)', {"TEXTJOIN", "CONCAT"}),
        ("=_xlfn.IFS(A1>1,1,TRUE,0)+_xlfn.SWITCH(A1,1,2)", {"IFS", "SWITCH"}),
        ("=_xlfn.MAXIFS(A:A,B:B,1)-_xlfn.MINIFS(A:A,B:B,1)", {"MAXIFS", "MINIFS"}),
        ("=_xlfn.IFNA(VLOOKUP(A1,B:C,2,FALSE),0)", {"IFNA"}),
    ],
)
def test_disallowed_functions_rejects_new_excel_functions(formula, rejected):
    assert disallowed_functions(formula) == rejected


def test_allowed_list_excludes_excel_2013_and_later_functions():
    newer = {"XLOOKUP", "LET", "FILTER", "SORT", "UNIQUE", "LAMBDA", "TEXTJOIN", "CONCAT"}
    newer |= {"IFS", "SWITCH", "MAXIFS", "MINIFS", "IFNA"}
    assert not newer & ALLOWED_FUNCTIONS


# --- read_formulas -----------------------------------------------------------


def test_read_formulas_returns_formula_and_cached_value(tmp_path):
    path = write_workbook(
        tmp_path / "book.xlsx",
        {
            "Data": [
                ("A1", 4),
                ("B1", ("=A1*2", 8)),
                ("B2", ('=IF(A1>9,"ya","")', "")),
                ("B3", ('=IF(A1>1,"ya","tidak")', "ya")),
            ],
        },
    )
    assert read_formulas(path) == {
        ("Data", "B1"): ("=A1*2", 8),
        ("Data", "B2"): ('=IF(A1>9,"ya","")', None),
        ("Data", "B3"): ('=IF(A1>1,"ya","tidak")', "ya"),
    }


# --- require_soffice -----------------------------------------------------------


def test_require_soffice_skips_without_libreoffice(monkeypatch):
    monkeypatch.setattr(engine, "soffice_path", lambda: None)
    monkeypatch.delenv("CI", raising=False)
    with pytest.raises(pytest.skip.Exception):
        require_soffice()


def test_require_soffice_fails_without_libreoffice_under_ci(monkeypatch):
    monkeypatch.setattr(engine, "soffice_path", lambda: None)
    monkeypatch.setenv("CI", "true")
    with pytest.raises(pytest.fail.Exception):
        require_soffice()


# --- recalculation against LibreOffice -------------------------------------


def test_correct_cached_values_pass(soffice, tmp_path):
    path = write_workbook(
        tmp_path / "ok.xlsx",
        {
            "Data": [
                ("A1", 3),
                ("A2", 4.5),
                ("A3", 7),
                ("B1", ("=SUM(A1:A3)", 14.5)),
                ("B2", ("=ROUND(A2/A3*100,2)", 64.29)),
                ("B3", ("=A1/A3", 3 / 7)),
                ("B4", ("=IFERROR(A1/0,0)", 0)),
                ("B5", ("=MAX(A1:A3)-MIN(A1:A3)", 4)),
                ("B6", ("=SUMPRODUCT(A1:A2,A2:A3)", 3 * 4.5 + 4.5 * 7)),
                ("B7", ("=AND(A1>0,NOT(A2>5))", True)),
            ],
        },
    )
    assert_formulas_match(path, tmp_path)


def test_wrong_cached_value_fails(soffice, tmp_path):
    path = write_workbook(
        tmp_path / "wrong.xlsx",
        {
            "Data": [
                ("A1", 2),
                ("A2", 3),
                ("B1", ("=A1+A2", 5)),
                ("B2", ("=A1*A2", 7)),
            ],
        },
    )
    mismatches = compare_formulas(path, tmp_path)
    assert len(mismatches) == 1
    assert mismatches[0].startswith("Data!B2 =A1*A2")
    assert "stored 7" in mismatches[0] and "6" in mismatches[0]
    with pytest.raises(AssertionError, match="Data!B2"):
        assert_formulas_match(path, tmp_path)


def test_numbers_compare_within_relative_tolerance(soffice, tmp_path):
    exact = 10 / 3
    path = write_workbook(
        tmp_path / "tolerance.xlsx",
        {
            "Data": [
                ("A1", 10),
                ("B1", ("=A1/3", exact * (1 + 1e-12))),
                ("B2", ("=A1/3", exact * (1 + 1e-6))),
            ],
        },
    )
    mismatches = compare_formulas(path, tmp_path)
    assert [line.split(" ")[0] for line in mismatches] == ["Data!B2"]


def test_div0_is_reported(soffice, tmp_path):
    path = write_workbook(
        tmp_path / "div0.xlsx",
        {"Data": [("A1", 5), ("A2", 0), ("B1", ("=A1/A2", 0))]},
    )
    mismatches = compare_formulas(path, tmp_path)
    assert len(mismatches) == 1
    assert "Data!B1" in mismatches[0] and "#DIV/0!" in mismatches[0]


def test_stored_error_matches_same_error_only(soffice, tmp_path):
    path = write_workbook(
        tmp_path / "errors.xlsx",
        {
            "Data": [
                ("A1", 5),
                ("B1", ("=A1/0", "#DIV/0!")),
                ("B2", ("=A1/0", "#VALUE!")),
                ("B3", ('=VLOOKUP(99,A1:A1,1,FALSE)', "#N/A")),
            ],
        },
    )
    mismatches = compare_formulas(path, tmp_path)
    assert [line.split(" ")[0] for line in mismatches] == ["Data!B2"]


def test_text_results_compare(soffice, tmp_path):
    path = write_workbook(
        tmp_path / "text.xlsx",
        {
            "Data": [
                ("A1", 120),
                ("B1", ('=IF(A1>=100,"Tercapai","Belum tercapai")', "Tercapai")),
                ("B2", ('=CONCATENATE("Capaian ",TEXT(A1,"0"),"%")', "Capaian 120%")),
                ("B3", ('=IF(A1>=100,"","kosong")', "")),
                ("B4", ('=IF(A1>=100,"Belum tercapai","Tercapai")', "Tercapai")),
            ],
        },
    )
    mismatches = compare_formulas(path, tmp_path)
    assert [line.split(" ")[0] for line in mismatches] == ["Data!B4"]
    assert "'Belum tercapai'" in mismatches[0]


def test_recalculation_ignores_the_callers_locale(soffice, tmp_path, monkeypatch):
    monkeypatch.setenv("LANG", "id_ID.UTF-8")
    monkeypatch.setenv("LC_ALL", "id_ID.UTF-8")
    path = write_workbook(
        tmp_path / "locale.xlsx",
        {
            "Data": [
                ("A1", 1234.5),
                ("B1", ('=TEXT(A1,"#,##0.00")', "1,234.50")),
                ("B2", ('=CONCATENATE("Rp ",A1)', "Rp 1234.5")),
            ],
        },
    )
    assert_formulas_match(path, tmp_path)


def test_cross_sheet_countifs_and_averageifs(soffice, tmp_path):
    data = [("A1", "Divisi"), ("B1", "Status"), ("C1", "Capaian")]
    rows = [("Yankum", "Tercapai", 100), ("Yankum", "Belum", 80), ("PAS", "Tercapai", 110)]
    for number, (divisi, status, capaian) in enumerate(rows, start=2):
        data += [(f"A{number}", divisi), (f"B{number}", status), (f"C{number}", capaian)]
    path = write_workbook(
        tmp_path / "cross.xlsx",
        {
            "Data IKU": data,
            "Rekap": [
                ("A1", "Yankum"),
                ("B1", ("=COUNTIFS('Data IKU'!A2:A4,A1,'Data IKU'!B2:B4,\"Tercapai\")", 1)),
                ("C1", ("=AVERAGEIFS('Data IKU'!C2:C4,'Data IKU'!A2:A4,A1)", 90)),
                ("D1", ("=SUMIFS('Data IKU'!C2:C4,'Data IKU'!B2:B4,\"Tercapai\")", 210)),
                ("E1", ("=COUNTIF('Data IKU'!B2:B4,\"Tercapai\")/COUNTA('Data IKU'!B2:B4)", 2 / 3)),
                ("F1", ("=INDEX('Data IKU'!C2:C4,MATCH(\"PAS\",'Data IKU'!A2:A4,0))", 110)),
            ],
        },
    )
    assert_formulas_match(path, tmp_path)


def test_recomputed_values_include_plain_cells(soffice, tmp_path):
    path = write_workbook(
        tmp_path / "plain.xlsx",
        {"Data": [("A1", "label"), ("A2", 2), ("B2", ("=A2*10", 0))]},
    )
    assert recomputed_values(path, tmp_path) == {
        ("Data", "A1"): "label",
        ("Data", "A2"): 2,
        ("Data", "B2"): 20,
    }


def test_recalculate_leaves_the_original_untouched(soffice, tmp_path):
    path = write_workbook(tmp_path / "orig.xlsx", {"Data": [("A1", 1), ("B1", ("=A1+1", 99))]})
    before = path.read_bytes()
    converted = recalculate(path, tmp_path)
    assert converted != path
    assert path.read_bytes() == before
    assert openpyxl.load_workbook(converted, data_only=True)["Data"]["B1"].value == 2


def test_concurrent_recalculations_use_private_profiles(soffice, tmp_path):
    jobs = []
    for index in range(2):
        workdir = tmp_path / f"job{index}"
        workdir.mkdir()
        path = write_workbook(
            workdir / "book.xlsx",
            {"Data": [("A1", index + 1), ("B1", ("=A1*100", 0))]},
        )
        jobs.append((path, workdir))

    with ThreadPoolExecutor(max_workers=len(jobs)) as pool:
        futures = [pool.submit(recomputed_values, path, workdir) for path, workdir in jobs]
        results = [future.result() for future in futures]

    assert [values[("Data", "B1")] for values in results] == [100, 200]
