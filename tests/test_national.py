"""National consolidation (``lkjip-xl consolidate --out-dir``) on generated forms of 3 Kanwil × 4 Divisi."""

from __future__ import annotations

import shutil
import sys
from dataclasses import replace
from pathlib import Path

import openpyxl
import pytest
from click.testing import CliRunner
from xlsxwriter.worksheet import Worksheet, re_dynamic_function

from engine import assert_formulas_match
from lkjip_xl import calc, methods, national, national_book
from lkjip_xl.cli import cli
from lkjip_xl.capaian_book import SHEET_CAPAIAN, SHEET_SUMMARY
from lkjip_xl.consolidate import consolidate
from lkjip_xl.fileio import sha256_file
from lkjip_xl.formula_check import disallowed_functions, read_formulas
from lkjip_xl.records import SHEET_DATA
from lkjip_xl.forms import form_filename, write_form
from lkjip_xl.validate import validate_files

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))
from synthetic import generate, master_for  # noqa: E402

SHEETS = [national_book.SHEET_NATIONAL, national_book.SHEET_MATRIX, national_book.SHEET_FORMS, national_book.SHEET_DATA]


@pytest.fixture(scope="module")
def folders(tmp_path_factory) -> list[Path]:
    """12 filled forms of about 80 IKK: 3 Kanwil × 4 Divisi."""
    return generate(12, tmp_path_factory.mktemp("forms"), workers=1)


@pytest.fixture(scope="module")
def run(folders, tmp_path_factory):
    out = tmp_path_factory.mktemp("nasional")
    result = national.consolidate_national(folders, out)
    assert result.output is not None, result.report.to_text()
    return result, out


def rows(path: Path, sheet: str) -> list[tuple]:
    """The values of a sheet (the stored values of formulas), row by row."""
    book = openpyxl.load_workbook(path, read_only=True, data_only=True)
    try:
        return [tuple(r) for r in book[sheet].iter_rows(values_only=True)]
    finally:
        book.close()


def expected(folders: list[Path]):
    """Every IKK of every form, computed independently: (form, row number, result)."""
    validation = validate_files(folders, multi_kanwil=True)
    assert validation.report.valid, validation.report.to_text()
    out = []
    for checked in validation.forms:
        form = checked.form
        for indicator in form.indicators:
            result = methods.evaluate(indicator, checked.inputs[indicator.code], form.achievement)
            out.append((form, form.row_index[indicator.code] + 1, result))
    return out


def test_one_workbook_per_kanwil_and_a_national_workbook(run):
    result, out = run
    names = sorted(p.name for p in out.iterdir())
    assert names == sorted(p.name for p in result.outputs)
    assert result.output.name == "Nasional_2023.xlsx" and len(names) == 4
    assert openpyxl.load_workbook(result.output, read_only=True).sheetnames == SHEETS
    for path in result.outputs[1:]:
        assert path.name.startswith("Capaian_2023_Kantor_Wilayah_Kementerian_Hukum_dan_HAM_")
        assert openpyxl.load_workbook(path, read_only=True).sheetnames == [SHEET_CAPAIAN, SHEET_SUMMARY, SHEET_DATA]


def test_data_sheet_has_every_ikk_of_every_form_with_calc_values_and_lineage(run, folders):
    result, _ = run
    data = rows(result.output, national_book.SHEET_DATA)
    assert data[0] == tuple(title for title, _ in national_book.DATA_COLUMNS)
    want = expected(folders)
    assert len(data) - 1 == len(want) > 12 * 75
    got = {(r[12], r[4]): r for r in data[1:]}
    assert len(got) == len(want)
    for form, row_number, res in want:
        row = got[(form.path, res.indicator.code)]
        assert row[0] == form.kanwil and row[1] == form.year and row[3] == form.divisi
        assert row[8] == res.indicator.target
        # calc's numbers, as XlsxWriter stores them (16 significant digits)
        assert row[9] == pytest.approx(res.realisasi, rel=1e-15, abs=0)
        assert row[10] == pytest.approx(res.capaian, rel=1e-15, abs=0)
        assert (row[11] or "") == calc.status_text(res.tercapai)
        assert row[13:16] == ("Formulir", row_number, sha256_file(form.path))
        assert all(isinstance(key, int) and key >= 1 for key in row[16:])  # No. Kanwil, No. Divisi
    form_path = data[1][12]
    sheet = openpyxl.load_workbook(form_path, read_only=True)["Formulir"]
    assert sheet.cell(data[1][14], 1).value == data[1][4]  # the row holds that IKK


def test_national_summary_counts_per_kanwil_and_divisi(run, folders):
    result, _ = run
    want = expected(folders)
    kanwils = list(dict.fromkeys(form.kanwil for form, _, _ in want))
    summary = rows(result.output, national_book.SHEET_NATIONAL)
    table = {r[0]: r for r in summary[4:4 + len(kanwils)]}
    for kanwil in kanwils:
        results = [res for form, _, res in want if form.kanwil == kanwil]
        group = calc.group_summary(kanwil, results)
        forms = {form.path for form, _, _ in want if form.kanwil == kanwil}
        assert table[kanwil][1:5] == (len(forms), group.total, group.tercapai, group.tidak_tercapai)
        assert table[kanwil][5] == pytest.approx(group.mean_capaian, rel=1e-12)
    overall = calc.group_summary("Nasional", [res for _, _, res in want])
    total = summary[4 + len(kanwils)]
    assert total[:5] == ("Nasional", len({f.path for f, _, _ in want}), overall.total, overall.tercapai,
                         overall.tidak_tercapai)
    assert summary[6 + len(kanwils)][1] == calc.headline(overall.tercapai, overall.total) == result.summary.headline
    assert [g.name for g in result.summary.groups] == kanwils
    matrix = rows(result.output, national_book.SHEET_MATRIX)
    divisi = [d for d in matrix[3][1:] if d]
    for r, kanwil in enumerate(kanwils, start=4):
        assert matrix[r][0] == kanwil
        for c, name in enumerate(divisi, start=1):
            results = [res for form, _, res in want if form.kanwil == kanwil and form.divisi == name]
            tercapai, total = matrix[r][c], matrix[r + len(kanwils) + 3][c]
            if results:
                assert (tercapai, total) == (sum(1 for x in results if x.tercapai), len(results))
            else:
                assert tercapai is None and total is None


def test_kanwil_workbook_is_the_single_kanwil_workbook(run, folders, tmp_path):
    result, _ = run
    folder = folders[0]
    single = consolidate([folder], tmp_path / "single.xlsx")
    assert single.output is not None, single.report.to_text()
    kanwil_book = next(p for p in result.outputs[1:] if p.name.endswith("_Aceh.xlsx"))
    for sheet in (SHEET_CAPAIAN, SHEET_SUMMARY):
        assert rows(kanwil_book, sheet) == rows(single.output, sheet)
    assert read_formulas(kanwil_book) == {k: v for k, v in read_formulas(single.output).items()
                                          if k[0] in (SHEET_CAPAIAN, SHEET_SUMMARY)}


def test_every_formula_has_its_value_allowed_functions_and_needs_no_prefix(run):
    result, _ = run
    stock = Worksheet()
    count = 0
    for path in result.outputs:
        for (sheet, cell), (formula, cached) in read_formulas(path).items():
            count += 1
            assert cached is not None, f"{path.name} {sheet}!{cell} {formula} has no stored value"
            assert not disallowed_functions(formula), f"{sheet}!{cell} uses {disallowed_functions(formula)}"
            assert stock._prepare_formula(formula) == formula[1:]  # what FormulaWorksheet skips changes nothing
            assert not re_dynamic_function.search(formula)  # nor does its test for dynamic arrays
    assert count > 3 * 900


def test_libreoffice_recomputes_the_national_summary(run, tmp_path):
    result, _ = run
    assert_formulas_match(result.output, tmp_path)


def test_parallel_run_writes_the_same_bytes_as_a_serial_run(run, folders, tmp_path, monkeypatch):
    result, _ = run
    monkeypatch.setattr(national, "MIN_PARALLEL_FORMS", 1)
    parallel = national.consolidate_national(folders, tmp_path, workers=2)
    assert [p.name for p in parallel.outputs] == [p.name for p in result.outputs]
    for mine, theirs in zip(parallel.outputs, result.outputs):
        assert mine.read_bytes() == theirs.read_bytes(), mine.name
    assert parallel.report.problems == result.report.problems


@pytest.mark.parametrize("workers", [1, 2])
def test_a_higher_revision_replaces_a_form_also_in_the_pool(folders, tmp_path, monkeypatch, workers):
    """A corrected form ("Revisi ke" 1) of one Kanwil's Divisi replaces the first with a warning, read
    serially or in the process pool (whose compact forms keep the header block)."""
    from fixtures_bad import set_cells

    monkeypatch.setattr(national, "MIN_PARALLEL_FORMS", 1)
    original = folders[1] / "Formulir_2023_Administrasi.xlsx"
    corrected = tmp_path / "perbaikan" / "Formulir_2023_Administrasi_revisi.xlsx"
    corrected.parent.mkdir()
    set_cells(original, {"C7": 1}, text=False)(corrected)
    result = national.consolidate_national([*folders, corrected.parent], tmp_path / "out", workers=workers)
    assert result.output is not None and result.complete and result.period_label == "Tahun 2023"
    replaced = [(p.file, p.severity, p.cell) for p in result.report.problems if p.code == "form_revision_replaced"]
    assert replaced == [(str(original), "warning", "C7")]
    files = {row["Berkas"] for row in result.to_records() if row["Divisi"] == "Administrasi"}
    assert str(corrected) in files and str(original) not in files


def test_cross_checks_across_kanwil(folders, tmp_path):
    """Same Divisi in two Kanwil is fine; twice in one Kanwil or another year is refused."""
    copies = [tmp_path / p.name for p in folders]
    for source, target in zip(folders, copies):
        shutil.copytree(source, target)
    duplicate = tmp_path / "kiriman_ulang"
    duplicate.mkdir()
    shutil.copy(copies[1] / "Formulir_2023_Administrasi.xlsx", duplicate)
    master = replace(master_for(5, 1), year=2022)  # a fourth Kanwil, last year's form
    other_year = write_form(master, "Administrasi", duplicate / form_filename(master, "Administrasi"))
    (copies[0] / "Formulir_2023_Keimigrasian.xlsx").unlink()
    all_folders = [*copies, duplicate]

    refused = national.consolidate_national(all_folders, tmp_path / "out")
    codes = {(Path(p.file).parent.name, Path(p.file).name, p.code) for p in refused.report.problems}
    assert refused.output is None and not (tmp_path / "out").exists()
    assert (copies[1].name, "Formulir_2023_Administrasi.xlsx", "form_duplicate_divisi") in codes
    assert ("kiriman_ulang", "Formulir_2023_Administrasi.xlsx", "form_duplicate_divisi") in codes
    assert ("kiriman_ulang", other_year.name, "form_other_year") in codes
    assert not any(code == "form_other_kanwil" for _, _, code in codes)
    missing = [p.message for p in refused.report.problems if p.code == "form_missing_divisi_kanwil"]
    assert missing == ["Formulir Divisi Keimigrasian dari Kantor Wilayah Kementerian Hukum dan HAM Aceh belum "
                       "ada. IKK Divisi ini tidak ikut dihitung."]

    skipped = national.consolidate_national(all_folders, tmp_path / "out", skip_invalid=True)
    assert sorted(Path(p).name for p in skipped.refused) == ["Formulir_2022_Administrasi.xlsx",
                                                              "Formulir_2023_Administrasi.xlsx",
                                                              "Formulir_2023_Administrasi.xlsx"]
    data = rows(skipped.output, national_book.SHEET_DATA)[1:]
    assert len({r[12] for r in data}) == 12 - 1 - 1  # one deleted, one pair of duplicates left out


def test_cli(folders, tmp_path):
    runner = CliRunner()
    out = tmp_path / "nasional"
    done = runner.invoke(cli, ["consolidate", *map(str, folders), "--out-dir", str(out)])
    assert done.exit_code == 0, done.output
    assert f"Hasil konsolidasi ditulis: {out / 'Nasional_2023.xlsx'}" in done.output
    assert f"3 buku kerja Kanwil ditulis di {out}." in done.output
    before = {p.name: p.read_bytes() for p in out.iterdir()}
    (out / "Nasional_2023.xlsx").unlink()
    again = runner.invoke(cli, ["consolidate", *map(str, folders), "--out-dir", str(out)])
    assert again.exit_code == 2 and "sudah ada. Gunakan opsi --force" in again.output
    assert not (out / "Nasional_2023.xlsx").exists()  # refused before anything was written
    forced = runner.invoke(cli, ["consolidate", *map(str, folders), "--out-dir", str(out), "--force"])
    assert forced.exit_code == 0
    assert {p.name: p.read_bytes() for p in out.iterdir()} == before
    both = runner.invoke(cli, ["consolidate", str(folders[0]), "--out", str(tmp_path / "a.xlsx"),
                               "--out-dir", str(out)])
    assert both.exit_code == 2 and "Pilih salah satu: --out" in both.output
    single = runner.invoke(cli, ["consolidate", *map(str, folders), "--out", str(tmp_path / "a.xlsx")])
    assert single.exit_code == 1 and "[national_hint]" in single.output and "--out-dir FOLDER" in single.output


def test_the_private_xlsxwriter_method_we_override_is_unchanged():
    """capaian_book.FormulaWorksheet overrides XlsxWriter's private ``Worksheet._prepare_formula``.

    pyproject.toml bounds XlsxWriter to the releases checked; this test fails loudly
    (before any workbook is wrong) when the private method is renamed or its signature
    changes, so the bound is raised only after the override is checked again.
    """
    import inspect

    import xlsxwriter
    from lkjip_xl.capaian_book import FormulaWorksheet

    stock = inspect.signature(Worksheet._prepare_formula)
    assert list(stock.parameters) == ["self", "formula", "expand_future_functions"], (
        f"XlsxWriter {xlsxwriter.__version__} changed Worksheet._prepare_formula{stock}; "
        "review capaian_book.FormulaWorksheet before raising the version bound")
    assert list(inspect.signature(FormulaWorksheet._prepare_formula).parameters) == list(stock.parameters)
    assert Worksheet()._prepare_formula("=SUM(A1:A2)") == "SUM(A1:A2)"
