"""Budget tables (Tabel 3.178–3.180, capaian kinerja anggaran, e-Monev 3.186) against the 2023 report, and the
budget workbook of any agency: SMART, IKPA and e-Monev optional, pagu and realisasi per satker, program, kegiatan
or sub kegiatan (the column Tingkat), every refusal naming file, sheet and cell."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path

import openpyxl
import pytest
import xlsxwriter

from engine import assert_formulas_match
from lkjip_xl.tables import (
    BudgetData,
    BudgetInputError,
    BudgetWeights,
    IkpaRow,
    PaguRow,
    SmartRow,
    load_budget,
    summarize_budget,
    table_number,
    to_roman,
    write_budget_tables,
    write_budget_workbook,
)
from lkjip_xl.tables.budget.model import (
    DEFAULT_WEIGHTS,
    capaian_kinerja_anggaran,
    mean,
    nilai_efisiensi,
    nilai_emonev,
    nilai_smart,
    persentase_realisasi,
    row_nilai_smart,
    smart_nilai_efisiensi,
    spreadsheet_round,
)
from lkjip_xl.guard import OutputExistsError
from lkjip_xl.formula_check import disallowed_functions, read_formulas
from sample_files import sample_script

SAMPLES = Path(__file__).resolve().parent.parent / "samples"
SAMPLE_XLSX = SAMPLES / "anggaran_2023.xlsx"
SAMPLE_JSON = json.loads((SAMPLES / "anggaran_2023.json").read_text(encoding="utf-8"))


def r2(value: float) -> float:
    """Round to 2 decimals the way the report (and a spreadsheet) does."""
    return spreadsheet_round(value, 2)


@pytest.fixture(scope="module")
def data() -> BudgetData:
    return load_budget(SAMPLE_XLSX)


@pytest.fixture(scope="module")
def written(data, tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("anggaran") / "anggaran.xlsx"
    write_budget_workbook(data, out)
    return out


# --------------------------------------------------------------------------- roman numerals


@pytest.mark.parametrize("n, roman", [
    (1, "I"), (3, "III"), (4, "IV"), (8, "VIII"), (9, "IX"), (14, "XIV"), (22, "XXII"),
    (40, "XL"), (90, "XC"), (400, "CD"), (1994, "MCMXCIV"), (2023, "MMXXIII"), (3999, "MMMCMXCIX"),
])
def test_to_roman(n, roman):
    assert to_roman(n) == roman


@pytest.mark.parametrize("bad", [0, -1, 4000, 2.0, "5", True])
def test_to_roman_rejects_out_of_range_and_non_int(bad):
    with pytest.raises(ValueError):
        to_roman(bad)


def test_table_number():
    assert table_number(3, 1) == "Tabel 3.1"
    assert table_number(3, 178) == "Tabel 3.178"
    with pytest.raises(ValueError):
        table_number(3, 0)


# --------------------------------------------------------------------------- the sample input


def test_sample_loads_20_satker_per_table(data):
    assert data.kantor == "Kantor Wilayah Kementerian Hukum dan HAM Kepulauan Bangka Belitung"
    assert data.tahun == 2023
    assert (len(data.pagu_realisasi), len(data.smart), len(data.ikpa)) == (20, 20, 20)
    assert len(data.emonev) == 9  # the 9 DIPAs of the Kantor Wilayah (Tabel 3.186)
    assert data.warnings == ()


def test_committed_sample_matches_its_json(tmp_path):
    """samples/build_budget_sample.py rebuilds the committed workbook byte for byte."""
    sample_script("build_budget_sample").build(output=tmp_path / "anggaran_2023.xlsx")
    assert (tmp_path / "anggaran_2023.xlsx").read_bytes() == SAMPLE_XLSX.read_bytes(), (
        "samples/anggaran_2023.xlsx is stale: run samples/build_budget_sample.py --force")


def test_sample_workbook_matches_its_json(data):
    assert [(r.satker, r.pagu, r.realisasi) for r in data.pagu_realisasi] == [
        (r["satuan_kerja"], r["pagu"], r["realisasi"]) for r in SAMPLE_JSON["pagu_realisasi"]]
    assert [r.nilai_efisiensi for r in data.smart] == [r["nilai_efisiensi"] for r in SAMPLE_JSON["smart"]]
    assert [r.nilai_ikpa for r in data.ikpa] == [r["nilai_ikpa"] for r in SAMPLE_JSON["ikpa"]]
    assert [r.kode_sk for r in data.pagu_realisasi] == [r["kode_sk"] for r in SAMPLE_JSON["pagu_realisasi"]]
    assert {r.tingkat for r in data.pagu_realisasi} == {"satker"}  # no column Tingkat: every row is a satker


# --------------------------------------------------------------------------- Tabel 3.178


def test_totals_and_percentage(data):
    summary = summarize_budget(data)
    assert summary.total_pagu == 109_466_687_000
    assert summary.total_realisasi == 108_414_182_179
    assert r2(summary.persentase_realisasi) == 99.04


def test_every_row_percentage_equals_the_report(data):
    for row, printed in zip(data.pagu_realisasi, SAMPLE_JSON["pagu_realisasi"]):
        assert r2(persentase_realisasi(row.realisasi, row.pagu)) == printed["persentase_dicetak"], row.satker


# --------------------------------------------------------------------------- Tabel 3.179


def test_nilai_smart_reproduces_all_20_rows(data):
    for row, printed in zip(data.smart, SAMPLE_JSON["smart"]):
        assert r2(smart_nilai_efisiensi(row)) == printed["nilai_efisiensi_dicetak"], row.satker
        assert r2(row_nilai_smart(row)) == printed["nilai_smart_dicetak"], row.satker


def test_nilai_efisiensi_formula():
    assert nilai_efisiensi(20) == 100
    assert nilai_efisiensi(16.86) == pytest.approx(92.15)
    assert nilai_efisiensi(0) == 50


def test_two_printed_efisiensi_are_too_coarse_for_the_formula(data):
    """Bapas prints Efisiensi 19,77 but Nilai Efisiensi 99,41 (50 + 2,5 × 19,77 = 99,425):
    the application rounds an unrounded efisiensi.  From the printed 19,77 alone NILAI SMART
    would be 99,83, not the printed 99,82, so the sample carries the application's value."""
    bapas = next(r for r in data.smart if r.satker.startswith("BAPAS"))
    assert r2(nilai_efisiensi(bapas.efisiensi)) == 99.43
    assert r2(nilai_smart(bapas.penyerapan, bapas.konsistensi, bapas.cro, nilai_efisiensi(bapas.efisiensi))) == 99.83
    assert bapas.nilai_efisiensi == 99.41 and r2(row_nilai_smart(bapas)) == 99.82
    overridden = [r.satker for r in data.smart if r.nilai_efisiensi is not None]
    assert overridden == ["LAPAS KELAS IIB TANJUNGPANDAN", "BAPAS KELAS II PANGKALPINANG"]


def test_smart_wilayah_row(data):
    printed = SAMPLE_JSON["dicetak"]["smart_wilayah"]
    columns = {
        "penyerapan": [r.penyerapan for r in data.smart],
        "konsistensi": [r.konsistensi for r in data.smart],
        "cro": [r.cro for r in data.smart],
        "efisiensi": [r.efisiensi for r in data.smart],
        "nilai_efisiensi": [smart_nilai_efisiensi(r) for r in data.smart],
        "nilai_smart": [row_nilai_smart(r) for r in data.smart],
    }
    for name, values in columns.items():
        assert r2(mean(values)) == printed[name], name
    assert r2(summarize_budget(data).smart_wilayah) == 99.40


def test_weights_as_worded_in_the_text_do_not_reproduce_the_table(data):
    """The narrative gives 28,6 % to Penyerapan, 18,2 % to Efisiensi and 9,7 % to Konsistensi;
    only 9,7 % Penyerapan, 18,2 % Konsistensi, 28,6 % Nilai Efisiensi reproduce Tabel 3.179."""
    as_worded = BudgetWeights(penyerapan=0.286, konsistensi=0.097, efisiensi=0.182)
    worst = max(abs(row_nilai_smart(r, as_worded) - p["nilai_smart_dicetak"])
                for r, p in zip(data.smart, SAMPLE_JSON["smart"]))
    assert worst > 0.7


# --------------------------------------------------------------------------- Tabel 3.180 and capaian


def test_ikpa_wilayah(data):
    assert r2(summarize_budget(data).ikpa_wilayah) == 98.89 == SAMPLE_JSON["dicetak"]["ikpa_wilayah"]


def test_capaian_kinerja_anggaran_is_99_20(data):
    summary = summarize_budget(data)
    assert summary.capaian_kinerja_anggaran == pytest.approx(99.196, abs=1e-12)
    assert r2(summary.capaian_kinerja_anggaran) == 99.20


def test_report_printed_99_21_by_an_arithmetic_slip():
    """The report writes (60/100 × 99,4) + (40/100 × 98,89) = 59,64 + 39,57 = 99,21.
    But 40 % × 98,89 = 39,556 (39,56), so the sum is 99,196 → 99,20: the report is off by 0,01."""
    assert "59,64 + 39,57 = 99,21" in SAMPLE_JSON["dicetak"]["capaian_kinerja_anggaran"]
    assert r2(0.6 * 99.4) == 59.64
    assert r2(0.4 * 98.89) == 39.56 != 39.57
    assert r2(capaian_kinerja_anggaran(99.40, 98.89)) == 99.20 != 99.21
    assert 59.64 + 39.57 == pytest.approx(99.21)


def test_rounding_of_the_means_is_a_setting(data):
    unrounded = BudgetWeights(mean_decimals=None)
    summary = summarize_budget(data, unrounded)
    # mean of the unrounded satker SMART values 99,403891 and IKPA 98,887
    assert summary.capaian_kinerja_anggaran == pytest.approx(0.6 * 99.403891 + 0.4 * 98.887)
    assert summary.capaian_kinerja_anggaran != summarize_budget(data).capaian_kinerja_anggaran
    # with the means of the printed (2-dp) rows, 99,4045 and 98,887, the result is 99,1975
    assert capaian_kinerja_anggaran(99.4045, 98.887, unrounded) == pytest.approx(99.1975)
    assert r2(summary.capaian_kinerja_anggaran) == 99.20


@pytest.mark.parametrize("change", [
    {"cro": 0.5}, {"penyerapan": 0.2}, {"konsistensi": 0.1}, {"efisiensi": 0.2},
    {"efisiensi_base": 40.0}, {"efisiensi_factor": 3.0}, {"bobot_smart": 0.5}, {"bobot_ikpa": 0.5},
])
def test_every_weight_is_a_setting(data, change):
    weights = dataclasses.replace(DEFAULT_WEIGHTS, **change)
    assert summarize_budget(data, weights).capaian_kinerja_anggaran != summarize_budget(data).capaian_kinerja_anggaran


# --------------------------------------------------------------------------- the written workbook


def _cell_by_text(ws, text: str):
    for row in ws.iter_rows():
        for cell in row:
            if cell.value == text:
                return cell
    raise AssertionError(f"{text!r} not found in {ws.title}")


def test_written_tables_and_titles(data, tmp_path):
    entries = write_budget_workbook(data, tmp_path / "a.xlsx", start_number=200)
    # the sample has the optional sheet e-Monev: its table follows the capaian as the next number
    assert [e.label for e in entries] == ["Tabel 3.200", "Tabel 3.201", "Tabel 3.202", "", "Tabel 3.203"]
    assert [e.sheet for e in entries] == ["Tabel 3.200", "Tabel 3.201", "Tabel 3.202", "Capaian Kinerja Anggaran",
                                          "Tabel 3.203"]
    assert entries[4].title == "Capaian Realisasi Anggaran pada e-Monev Bappenas Tahun 2023"
    assert entries[0].caption.startswith("Tabel 3.200 Pagu dan Realisasi Anggaran Kantor Wilayah")
    book = openpyxl.load_workbook(tmp_path / "a.xlsx")
    assert book.sheetnames == [e.sheet for e in entries]
    assert book["Tabel 3.201"]["A1"].value == entries[1].caption
    headers = [c.value for c in book["Tabel 3.200"][3]]
    assert headers == ["NO", "KANTOR/ SATUAN KERJA", "PAGU (Rp)", "REALISASI (Rp)", "PERSENTASE (%)"]
    smart = book["Tabel 3.201"]
    assert "C3:G3" in {str(r) for r in smart.merged_cells.ranges}  # NILAI KINERJA over five columns
    assert smart["C3"].value == "NILAI KINERJA"
    assert [c.value for c in smart[4]][2:7] == ["Penyerapan", "Konsistensi", "CRO", "Efisiensi", "Nilai Efisiensi"]
    assert smart.page_setup.orientation == "landscape" and smart.page_setup.paperSize == 9
    assert book["Tabel 3.200"]["C5"].number_format == '"Rp "#,##0'


def test_formulas_cache_the_values_of_the_pure_functions(data, written):
    formulas = openpyxl.load_workbook(written)
    values = openpyxl.load_workbook(written, data_only=True)
    summary = summarize_budget(data)

    def check(sheet: str, row_text: str, column: str, expected: float) -> None:
        row = _cell_by_text(formulas[sheet], row_text).row
        assert formulas[sheet][f"{column}{row}"].data_type == "f", (sheet, row_text, column)
        assert values[sheet][f"{column}{row}"].value == expected, (sheet, row_text, column)

    for row in data.pagu_realisasi:
        check("Tabel 3.178", row.satker, "E", persentase_realisasi(row.realisasi, row.pagu))
    check("Tabel 3.178", "TOTAL", "C", summary.total_pagu)
    check("Tabel 3.178", "TOTAL", "D", summary.total_realisasi)
    check("Tabel 3.178", "TOTAL", "E", summary.persentase_realisasi)
    for row in data.smart:
        check("Tabel 3.179", row.satker, "H", row_nilai_smart(row))
        if row.nilai_efisiensi is None:
            check("Tabel 3.179", row.satker, "G", nilai_efisiensi(row.efisiensi))
    check("Tabel 3.179", "NILAI SMART WILAYAH", "H", summary.smart_wilayah)
    check("Tabel 3.180", "NILAI IKPA WILAYAH", "C", summary.ikpa_wilayah)
    check("Capaian Kinerja Anggaran", "CAPAIAN KINERJA ANGGARAN", "E", summary.capaian_kinerja_anggaran)
    capaian = formulas["Capaian Kinerja Anggaran"]
    smart_mean_row = _cell_by_text(formulas["Tabel 3.179"], "NILAI SMART WILAYAH").row
    assert capaian["C4"].value == f"=ROUND('Tabel 3.179'!$H${smart_mean_row},2)"
    assert values["Capaian Kinerja Anggaran"]["C4"].value == 99.40
    assert values["Capaian Kinerja Anggaran"]["C5"].value == 98.89
    # inputs are plain numbers, not formulas
    assert formulas["Tabel 3.178"]["C5"].data_type == "n"


def test_every_formula_has_a_value_and_only_allowed_functions(written):
    found = read_formulas(written)
    assert len(found) > 60
    for (sheet, cell), (formula, cached) in found.items():
        assert isinstance(cached, float | int), (sheet, cell, formula)
        assert not disallowed_functions(formula), (sheet, cell, formula)


def test_libreoffice_recomputes_the_stored_values(written, tmp_path):
    assert_formulas_match(written, tmp_path)


def test_libreoffice_recomputes_unrounded_setting(data, tmp_path):
    out = tmp_path / "unrounded.xlsx"
    write_budget_workbook(data, out, weights=BudgetWeights(mean_decimals=None, cro=0.4, efisiensi_factor=2.0))
    assert_formulas_match(out, tmp_path)


def test_text_never_becomes_a_formula_even_in_a_default_workbook(tmp_path):
    """The caller's workbook may use XlsxWriter defaults (strings_to_formulas=True)."""
    data = BudgetData(
        kantor="=HYPERLINK(\"http://x\")", tahun=2023,
        pagu_realisasi=(PaguRow("=1+1", "=SUM(A1)", 100, 90),),
        smart=(SmartRow("", "+CMD", 90.0, 90.0, 100.0, 20.0),),
        ikpa=(IkpaRow("", "@x", 95.0),),
    )
    path = tmp_path / "default.xlsx"
    workbook = xlsxwriter.Workbook(path)  # default options on purpose
    write_budget_tables(workbook, data)
    workbook.close()
    book = openpyxl.load_workbook(path)
    pagu = book["Tabel 3.178"]
    assert (pagu["B4"].value, pagu["B4"].data_type) == ("=1+1", "s")  # kelompok row
    assert (pagu["B5"].value, pagu["B5"].data_type) == ("=SUM(A1)", "s")
    assert pagu["A1"].data_type == "s" and pagu["A1"].value.startswith("Tabel 3.178 Pagu")
    assert (book["Tabel 3.179"]["B5"].value, book["Tabel 3.179"]["B5"].data_type) == ("+CMD", "s")
    assert (book["Tabel 3.180"]["B4"].value, book["Tabel 3.180"]["B4"].data_type) == ("@x", "s")


def test_no_silent_overwrite(data, tmp_path):
    out = tmp_path / "a.xlsx"
    write_budget_workbook(data, out)
    with pytest.raises(OutputExistsError):
        write_budget_workbook(data, out)
    write_budget_workbook(data, out, force=True)


# --------------------------------------------------------------------------- reading input


def _input_workbook(path: Path, edit=None) -> Path:
    """The sample input as an openpyxl workbook, optionally edited, saved to ``path``."""
    book = openpyxl.load_workbook(SAMPLE_XLSX)
    if edit:
        edit(book)
    book.save(path)
    return path


def test_text_cells_are_parsed_as_indonesian_numbers(tmp_path):
    def edit(book):
        book["Pagu Realisasi"]["C2"] = "Rp 1.169.409.656"
        book["Pagu Realisasi"]["D2"] = "Rp. 1.100.000.000,-"
        book["SMART"]["C2"] = "99,71"
        book["IKPA"]["C2"] = "97.37"

    data = load_budget(_input_workbook(tmp_path / "teks.xlsx", edit))
    assert data.pagu_realisasi[0].pagu == 1_169_409_656
    assert data.pagu_realisasi[0].realisasi == 1_100_000_000
    assert data.smart[0].penyerapan == 99.71
    assert data.ikpa[0].nilai_ikpa == 97.37


def test_unparseable_cell_names_file_sheet_and_cell(tmp_path):
    path = _input_workbook(tmp_path / "rusak.xlsx", lambda b: b["Pagu Realisasi"].__setitem__("D3", "seratus juta"))
    with pytest.raises(BudgetInputError) as info:
        load_budget(path)
    [problem] = info.value.problems
    assert (problem.file, problem.sheet, problem.cell, problem.code) == (
        str(path), "Pagu Realisasi", "D3", "budget_value_not_number")
    assert problem.message == (
        f"Realisasi (Rp) untuk satuan kerja 'KANWIL (AHU)' berisi 'seratus juta', bukan angka ({path}, "
        "sheet 'Pagu Realisasi', sel D3). Ketik angka saja, misalnya 99,71 atau Rp 1.169.409.656.")


def test_several_problems_are_reported_together(tmp_path):
    def edit(book):
        del book["IKPA"]  # optional: said as a warning among the errors
        book["SMART"]["F3"] = 25  # efisiensi above its 0–20 scale
        book["SMART"]["C4"] = "99.710"  # decimal point or thousands?
        book["Pagu Realisasi"]["C5"] = 0
        book["Pagu Realisasi"]["C6"] = 1000.5
        book["Pagu Realisasi"]["B7"] = None
        book["Keterangan"]["B2"] = "dua ribu"

    with pytest.raises(BudgetInputError) as info:
        load_budget(_input_workbook(tmp_path / "banyak.xlsx", edit))
    found = {(p.code, p.sheet, p.cell) for p in info.value.problems if p.is_error}
    assert found == {
        ("budget_value_out_of_range", "SMART", "F3"),
        ("budget_value_ambiguous", "SMART", "C4"),
        ("budget_pagu_zero", "Pagu Realisasi", "C5"),
        ("budget_money_not_whole", "Pagu Realisasi", "C6"),
        ("budget_satker_missing", "Pagu Realisasi", "B7"),
        ("budget_year_invalid", "Keterangan", "B2"),
    }
    assert [(p.code, p.sheet) for p in info.value.problems if not p.is_error] == [
        ("budget_sheet_absent", "IKPA"), ("budget_capaian_skipped", "")]
    assert "Sheet 'IKPA'" not in str(info.value)  # the message of the error holds the errors only


def test_missing_header_and_summary_row(tmp_path):
    def edit(book):
        book["IKPA"]["C1"] = "Nilai"
        book["SMART"]["B22"] = "NILAI SMART WILAYAH"
        book["SMART"]["C22"] = 99.4

    with pytest.raises(BudgetInputError) as info:
        load_budget(_input_workbook(tmp_path / "judul.xlsx", edit))
    found = {(p.code, p.sheet, p.cell) for p in info.value.problems}
    assert ("budget_header_missing", "IKPA", "A1") in found  # the header row found by "Satuan Kerja"
    assert ("budget_summary_row", "SMART", "B22") in found


def test_warnings_do_not_stop_the_tables(tmp_path):
    def edit(book):
        book["Pagu Realisasi"]["D2"] = 18_800_000_000  # above its pagu
        book["SMART"]["G2"] = 95  # 50 + 2,5 × 16,86 = 92,15
        book["IKPA"].delete_rows(21)

    data = load_budget(_input_workbook(tmp_path / "peringatan.xlsx", edit))
    codes = [(p.code, p.cell) for p in data.warnings]
    assert codes == [("budget_realisasi_over_pagu", "D2"), ("budget_nilai_efisiensi_differs", "G2"),
                     ("budget_row_count_differs", "")]
    assert all(not p.is_error for p in data.warnings)


def test_missing_and_unreadable_files(tmp_path):
    with pytest.raises(BudgetInputError) as info:
        load_budget(tmp_path / "tidak_ada.xlsx")
    assert info.value.problems[0].code == "file_not_found"
    bad = tmp_path / "bukan.xlsx"
    bad.write_text("bukan excel")
    with pytest.raises(BudgetInputError) as info:
        load_budget(bad)
    assert info.value.problems[0].code == "file_not_xlsx"  # the pre-flight checks of every input workbook


# --------------------------------------------------------------------------- e-Monev Bappenas (Tabel 3.186)


def test_emonev_table_prints_every_month_and_the_mean(data, written):
    formulas = openpyxl.load_workbook(written)
    values = openpyxl.load_workbook(written, data_only=True)
    sheet = values["Tabel 3.181"]  # the standalone workbook numbers it after the three budget tables
    assert sheet["A1"].value == "Tabel 3.181 Capaian Realisasi Anggaran pada e-Monev Bappenas Tahun 2023"
    assert [c.value for c in sheet[3]][:3] == ["NO", "SATUAN KERJA", "PELAPORAN DATA"]
    assert [c.value for c in sheet[4]][2:] == ["Jan", "Feb", "Mar", "Apr", "Mei", "Jun", "Jul", "Agu", "Sep", "Okt",
                                               "Nov", "Des"]
    rows = [[c.value for c in row] for row in sheet.iter_rows(min_row=5, max_row=13)]
    assert [row[:2] for row in rows] == [[n, r["satuan_kerja"]] for n, r in enumerate(SAMPLE_JSON["emonev"], 1)]
    assert all(row[2:] == [100] * 12 for row in rows)
    assert (sheet["A14"].value, sheet["C14"].value) == ("NILAI e-MONEV", SAMPLE_JSON["dicetak"]["nilai_emonev"])
    assert formulas["Tabel 3.181"]["C14"].value == "=SUM(C5:N13)/COUNT(C5:N13)"
    assert nilai_emonev(data.emonev) == 100


def _emonev_edit(path: Path, edit) -> Path:
    return _input_workbook(path, lambda book: edit(book["e-Monev"]))


def test_emonev_month_titles_blank_months_and_text_numbers(tmp_path):
    def edit(sheet):
        sheet["C1"], sheet["D1"], sheet["N1"] = "Januari", " FEBRUARI ", "des"
        sheet["N2"] = None  # December not reported yet
        sheet["C3"] = "99,5"

    path = _emonev_edit(tmp_path / "bulan.xlsx", edit)
    data = load_budget(path)
    assert data.emonev[0].months[-1] is None and data.emonev[1].months[0] == 99.5
    values = [v for row in data.emonev for v in row.months if v is not None]
    assert nilai_emonev(data.emonev) == sum(values) / len(values) == sum(values) / 107
    out = tmp_path / "tabel.xlsx"
    write_budget_workbook(data, out)
    sheet = openpyxl.load_workbook(out, data_only=True)["Tabel 3.181"]
    assert sheet["N5"].value == "-" and sheet["C14"].value == nilai_emonev(data.emonev)
    assert_formulas_match(out, tmp_path)


def test_emonev_problems_name_sheet_and_cell(tmp_path):
    def edit(sheet):
        sheet["N1"] = "Januari"  # January twice, December missing

    with pytest.raises(BudgetInputError) as info:
        load_budget(_emonev_edit(tmp_path / "salah.xlsx", edit))
    found = {(p.code, p.sheet, p.cell) for p in info.value.problems}
    assert found == {("budget_month_duplicate", "e-Monev", "N1"), ("budget_header_missing", "e-Monev", "A1")}
    assert "Desember" in str(info.value) and "sel N1 dan C1" in str(info.value)

    def values(sheet):
        sheet["D2"] = 120
        sheet["E3"] = "seratus"
        sheet["B4"] = None

    with pytest.raises(BudgetInputError) as info:
        load_budget(_emonev_edit(tmp_path / "nilai.xlsx", values))
    found = {(p.code, p.sheet, p.cell) for p in info.value.problems}
    assert found == {("budget_value_out_of_range", "e-Monev", "D2"), ("budget_value_not_number", "e-Monev", "E3"),
                     ("budget_satker_missing", "e-Monev", "B4")}


def test_the_emonev_sheet_is_optional(tmp_path):
    path = _input_workbook(tmp_path / "tanpa.xlsx", lambda book: book.remove(book["e-Monev"]))
    data = load_budget(path)
    assert data.emonev == ()
    [warning] = data.warnings  # said once, in Indonesian, naming the sheet
    assert (warning.code, warning.sheet, warning.is_error) == ("budget_sheet_absent", "e-Monev", False)
    assert warning.message == (f"Sheet 'e-Monev' tidak ada atau kosong di {path}: tabel Capaian Realisasi Anggaran "
                               "pada e-Monev Bappenas tidak ditulis. Isi sheet ini bila datanya ada (lihat "
                               "docs/budget.md).")
    entries = write_budget_workbook(data, tmp_path / "tabel.xlsx")
    assert [e.label for e in entries] == ["Tabel 3.178", "Tabel 3.179", "Tabel 3.180", ""]


# --------------------------------------------------------------------------- optional SMART, IKPA and e-Monev


def _without(*sheets: str, empty: bool = False):
    """An edit removing ``sheets`` (or, with ``empty``, leaving only their header row)."""
    def edit(book):
        for sheet in sheets:
            if empty:
                book[sheet].delete_rows(2, book[sheet].max_row)
            else:
                book.remove(book[sheet])
    return edit


@pytest.mark.parametrize("missing", [("SMART",), ("IKPA",), ("SMART", "IKPA"), ("SMART", "IKPA", "e-Monev")])
@pytest.mark.parametrize("empty", [False, True], ids=["missing", "header_only"])
def test_optional_sheets_every_subset(tmp_path, missing, empty):
    """SMART, IKPA and e-Monev may be left out or left empty: their tables are not written, the capaian kinerja
    anggaran (needing both SMART and IKPA) neither, each said once; the numbers stay without gaps."""
    data = load_budget(_input_workbook(tmp_path / "sebagian.xlsx", _without(*missing, empty=empty)))
    assert (bool(data.smart), bool(data.ikpa), bool(data.emonev)) == tuple(
        sheet not in missing for sheet in ("SMART", "IKPA", "e-Monev"))
    said = [(p.code, p.sheet) for p in data.warnings]
    assert said == [*(("budget_sheet_absent", sheet) for sheet in missing), ("budget_capaian_skipped", "")]
    assert all(not p.is_error and p.file == str(tmp_path / "sebagian.xlsx") for p in data.warnings)
    skipped = data.warnings[-1].message
    assert skipped.startswith("Capaian Kinerja Anggaran (60% Nilai SMART + 40% Nilai IKPA) tidak ditulis karena")
    assert " dan ".join(s for s in missing if s != "e-Monev") in skipped
    summary = summarize_budget(data)
    assert summary.total_pagu == 109_466_687_000 and summary.capaian_kinerja_anggaran is None
    out = tmp_path / "tabel.xlsx"
    entries = write_budget_workbook(data, out)
    titles = [e.title.split(" ")[0] for e in entries]
    kept = [t for t, sheet in (("Nilai", "SMART"), ("Nilai", "IKPA")) if sheet not in missing]
    assert titles[:1 + len(kept)] == ["Pagu", *kept] and "Capaian" not in titles[:1 + len(kept)]
    assert [e.label for e in entries] == [f"Tabel 3.{178 + n}" for n in range(len(entries))]  # no gap, no capaian
    assert openpyxl.load_workbook(out).sheetnames == [e.sheet for e in entries]


def test_without_smart_and_ikpa_libreoffice_recomputes(tmp_path):
    data = load_budget(_input_workbook(tmp_path / "tanpa.xlsx", _without("SMART", "IKPA")))
    out = tmp_path / "tabel.xlsx"
    assert [e.label for e in write_budget_workbook(data, out)] == ["Tabel 3.178", "Tabel 3.179"]  # pagu, e-Monev
    assert_formulas_match(out, tmp_path)


def test_the_required_sheets_stay_required(tmp_path):
    with pytest.raises(BudgetInputError) as info:
        load_budget(_input_workbook(tmp_path / "tanpa_pagu.xlsx", lambda book: book.remove(book["Pagu Realisasi"])))
    assert [(p.code, p.sheet) for p in info.value.problems if p.is_error] == [
        ("budget_sheet_missing", "Pagu Realisasi")]
    assert "harus memuat sheet Keterangan dan Pagu Realisasi" in str(info.value)
    path = _input_workbook(tmp_path / "pagu_kosong.xlsx", _without("Pagu Realisasi", empty=True))
    with pytest.raises(BudgetInputError) as info:
        load_budget(path)
    [problem] = [p for p in info.value.problems if p.is_error]
    assert (problem.file, problem.sheet, problem.cell, problem.code) == (
        str(path), "Pagu Realisasi", "B2", "budget_no_rows")
    assert "sel B2" in problem.message


def test_a_missing_label_names_its_cell(tmp_path):
    path = _input_workbook(tmp_path / "tanpa_kantor.xlsx", lambda book: book["Keterangan"].__setitem__("B1", None))
    with pytest.raises(BudgetInputError) as info:
        load_budget(path)
    [problem] = info.value.problems
    assert (problem.code, problem.sheet, problem.cell) == ("budget_info_missing", "Keterangan", "B1")
    assert f"sheet 'Keterangan' di {path} (sel B1)" in problem.message


# --------------------------------------------------------------------------- the column Tingkat: a Pemda's budget


def pemda_budget(path: Path, rows: list[tuple], smart: bool = False) -> Path:
    """A Pemda's budget workbook: Keterangan and Pagu Realisasi (Tingkat, Uraian, Kode SK, Kode IKK, Pagu, Realisasi,
    Kelompok); SMART, IKPA and e-Monev only when asked (``smart``: the sample's two sheets)."""
    book = openpyxl.Workbook()
    info = book.active
    info.title = "Keterangan"
    info.append(["Kantor Wilayah", "Dinas Komunikasi dan Informatika Kabupaten Contoh"])
    info.append(["Tahun Anggaran", 2023])
    sheet = book.create_sheet("Pagu Realisasi")
    sheet.append(["Tingkat", "Uraian", "Kode SK", "Kode IKK", "Pagu (Rp)", "Realisasi (Rp)", "Kelompok"])
    for row in rows:
        sheet.append(list(row))
    if smart:
        sample = openpyxl.load_workbook(SAMPLE_XLSX)
        for name in ("SMART", "IKPA"):
            copy = book.create_sheet(name)
            for line in sample[name].iter_rows(values_only=True):
                copy.append(list(line))
    book.save(path)
    return path


PEMDA_ROWS = [
    ("Program", "Program Penunjang Urusan Pemerintahan Daerah", None, None, 1_500_000_000, 1_400_000_000, None),
    ("Program", "Program Aplikasi Informatika", None, None, 800_000_000, 760_000_000, None),
    ("Sub Kegiatan", "Penyediaan Gaji dan Tunjangan ASN", "SK01", None, 1_000_000_000, 990_000_000,
     "Program Penunjang Urusan Pemerintahan Daerah"),
    ("sub-kegiatan", "Penyediaan Jasa Komunikasi", 1, None, 500_000_000, 410_000_000,
     "Program Penunjang Urusan Pemerintahan Daerah"),
    ("SUB KEGIATAN", "Pengelolaan Nama Domain", None, "SK12-IKK1", 800_000_000, 760_000_000,
     "Program Aplikasi Informatika"),
]


def test_a_pemda_budget_per_program_and_sub_kegiatan(tmp_path):
    path = pemda_budget(tmp_path / "pemda.xlsx", PEMDA_ROWS)
    data = load_budget(path)
    assert [(r.tingkat, r.kode_sk, r.kode_ikk, r.kode_cell) for r in data.pagu_realisasi] == [
        ("program", None, "", ""), ("program", None, "", ""), ("sub_kegiatan", 1, "", "C4"),
        ("sub_kegiatan", 1, "", "C5"), ("sub_kegiatan", None, "SK12-IKK1", "D6")]
    assert data.smart == data.ikpa == data.emonev == ()
    assert [p.code for p in data.warnings] == ["budget_sheet_absent"] * 3 + ["budget_capaian_skipped"]
    summary = summarize_budget(data)  # the totals of the first level given: the programs
    assert (summary.total_pagu, summary.total_realisasi, summary.smart_wilayah) == (2_300_000_000, 2_160_000_000, None)
    out = tmp_path / "tabel.xlsx"
    entries = write_budget_workbook(data, out, start_number=40)
    assert [(e.label, e.title) for e in entries] == [
        ("Tabel 3.40", "Pagu dan Realisasi Anggaran per Program Dinas Komunikasi dan Informatika Kabupaten Contoh "
                       "(Per 31 Desember 2023)"),
        ("Tabel 3.41", "Pagu dan Realisasi Anggaran per Sub Kegiatan Dinas Komunikasi dan Informatika Kabupaten "
                       "Contoh (Per 31 Desember 2023)")]
    values = openpyxl.load_workbook(out, data_only=True)
    program = [[c for c in row] for row in values["Tabel 3.40"].iter_rows(min_row=3, values_only=True)]
    assert program[0][:2] == ["NO", "PROGRAM"]
    assert [r[:4] for r in program[1:]] == [
        [1, "Program Penunjang Urusan Pemerintahan Daerah", 1_500_000_000, 1_400_000_000],
        [2, "Program Aplikasi Informatika", 800_000_000, 760_000_000],
        ["TOTAL", None, 2_300_000_000, 2_160_000_000]]
    sub = [[c for c in row] for row in values["Tabel 3.41"].iter_rows(min_row=3, values_only=True)]
    assert sub[0][1] == "SUB KEGIATAN"
    assert [r[:4] for r in sub[1:]] == [  # grouped under their program (the column Kelompok), totalled
        [1, "Program Penunjang Urusan Pemerintahan Daerah", None, None],
        [None, "Penyediaan Gaji dan Tunjangan ASN", 1_000_000_000, 990_000_000],
        [None, "Penyediaan Jasa Komunikasi", 500_000_000, 410_000_000],
        [2, "Program Aplikasi Informatika", None, None],
        [None, "Pengelolaan Nama Domain", 800_000_000, 760_000_000],
        ["TOTAL", None, 2_300_000_000, 2_160_000_000]]
    assert sub[-1][4] == pytest.approx(2_160_000_000 / 2_300_000_000 * 100)
    assert_formulas_match(out, tmp_path)


def test_level_and_sk_code_problems_name_their_cells(tmp_path):
    rows = [
        ("Bidang", "Penyediaan Gaji dan Tunjangan ASN", None, None, 1_000, 900, None),
        ("Program", "Program Aplikasi Informatika", "Sasaran tiga", None, 800, 700, None),
        ("Kegiatan", "Pengelolaan Nama Domain", "SK0", None, 800, 760, None),
    ]
    path = pemda_budget(tmp_path / "salah.xlsx", rows)
    with pytest.raises(BudgetInputError) as info:
        load_budget(path)
    errors = [p for p in info.value.problems if p.is_error]
    assert [(p.file, p.sheet, p.cell, p.code) for p in errors] == [
        (str(path), "Pagu Realisasi", "A2", "budget_level_invalid"),
        (str(path), "Pagu Realisasi", "C3", "budget_sk_invalid"),
        (str(path), "Pagu Realisasi", "C4", "budget_sk_invalid")]
    assert errors[0].message == (
        f"Tingkat 'Bidang' untuk baris 'Penyediaan Gaji dan Tunjangan ASN' ({path}, sheet 'Pagu Realisasi', sel A2) "
        "tidak dikenal. Pilih salah satu: Satuan Kerja, Program, Kegiatan, Sub Kegiatan; kosong berarti satuan kerja.")
    assert "bukan nomor Sasaran Kegiatan" in errors[1].message and "sel C3" in errors[1].message


def test_the_name_column_is_satuan_kerja_or_uraian_and_its_absence_names_the_header_row(tmp_path):
    path = pemda_budget(tmp_path / "nama.xlsx", PEMDA_ROWS[:1])
    book = openpyxl.load_workbook(path)
    book["Pagu Realisasi"]["B1"] = "Satuan Kerja"
    book.save(path)
    assert load_budget(path).pagu_realisasi[0].satker == "Program Penunjang Urusan Pemerintahan Daerah"
    book["Pagu Realisasi"]["B1"] = "Nama"
    book.save(path)
    with pytest.raises(BudgetInputError) as info:
        load_budget(path)
    assert [(p.code, p.sheet, p.cell) for p in info.value.problems if p.is_error] == [
        ("budget_header_missing", "Pagu Realisasi", "A1")]
    assert "Kolom 'Satuan Kerja' tidak ditemukan" in str(info.value) and "sel A1" in str(info.value)
