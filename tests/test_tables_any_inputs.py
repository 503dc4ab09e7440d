"""``lkjip-xl tables`` for any agency: only this year's figures and the master are required.

- every subset of the optional inputs (earlier years, Renstra, budget, supporting tables, action plan)
  gives a workbook: exit code 0, the tables of the inputs given, numbered without gaps, and each input
  not given said exactly once, in Indonesian; the comparison and Renstra tables still appear, with
  "data tidak tersedia" where the missing figures would be (a few recomputed by LibreOffice);
- the earlier-years sheet "Capaian Tahun Lalu" takes what last year's report printed: a row without a
  target still makes the IKK not new, and Pembilang/Penyebut give realisasi by the IKK's method
  (a printed Realisasi that disagrees is warned, naming the cell);
- the shape "realisasi s.d. against a medium-term target" (docs/bentuk_indikator.md, Renstra column
  Kumulatif): a court's cases settled 2020–2024 summed and compared with the five-year target, the
  worked example computed here, recomputed by LibreOffice and printed by the page as computed.
"""

from __future__ import annotations

import itertools
import re
from pathlib import Path

import openpyxl
import pytest
from click.testing import CliRunner

from engine import assert_formulas_match, mismatches_after, recalculate_many
from lkjip_xl import consolidate, write_forms
from lkjip_xl.cli import cli
from lkjip_xl.master import read_master
from lkjip_xl.model import Indicator, IndicatorInput, Master, Method
from lkjip_xl.numbers import format_number
from lkjip_xl.periods import PeriodRule
from lkjip_xl.tables import SHEET_TOC, InputError, load_tables_data, make_tables, read_previous, read_renstra
from lkjip_xl.tables.cells import NOT_AVAILABLE
from lkjip_xl.tables.load import ABSENT
from lkjip_xl.tables.previous import PREVIOUS_COLUMNS, SHEET_PREVIOUS
from lkjip_xl.tables.renstra import COL_KUMULATIF, RENSTRA_COLUMNS, SHEET_RENSTRA, cumulative_realisasi
from lkjip_xl.template import write_master

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "samples"
MASTER = SAMPLES / "master_pk_2023.xlsx"
PAGE = ROOT / "docs" / "bentuk_indikator.md"

#: The optional inputs: option, sample file, and how many numbered tables they add to the 181 of the
#: consolidated workbook and master alone (with earlier years, the 9 new IKK's comparisons are unnumbered).
OPTIONAL = {
    "previous": ("--previous", SAMPLES / "capaian_2022.xlsx", -9),
    "renstra": ("--renstra", SAMPLES / "renstra_2020_2024.xlsx", 0),
    "anggaran": ("--anggaran", SAMPLES / "anggaran_2023.xlsx", 4),  # 3 budget tables and e-Monev
    "supporting": ("--supporting", SAMPLES / "tabel_pendukung_2023.xlsx", 5),
    "rencana_aksi": ("--rencana-aksi", SAMPLES / "rencana_aksi_2023.xlsx", 5),  # 4 Divisi and their comparison
}
SUBSETS = [frozenset(name for name, on in zip(OPTIONAL, flags) if on)
           for flags in itertools.product((False, True), repeat=len(OPTIONAL))]


def _name(subset: frozenset[str]) -> str:
    return "+".join(name for name in OPTIONAL if name in subset) or "minimal"


def _rows(path: Path, sheet: str) -> list[list[object]]:
    book = openpyxl.load_workbook(path, read_only=True, data_only=True)  # read_only: one sheet read, not 70
    try:
        return [list(row) for row in book[sheet].iter_rows(values_only=True)]
    finally:
        book.close()


def _table(out: Path, code: str, words: str) -> list[list[object]]:
    """The rows below the caption holding ``words`` on the IKK's sheet: headers, data row, notes."""
    sheet = _rows(out, code)
    i = next(i for i, row in enumerate(sheet) if words in str(row[0]))
    return sheet[i + 1:i + 5]


def _book(path: Path, sheet: str, rows: list[list[object]]) -> Path:
    book = openpyxl.Workbook()
    book.active.title = sheet
    for row in rows:
        book.active.append(row)
    book.save(path)
    return path


@pytest.fixture(scope="module")
def matrix(konsolidasi, tmp_path_factory) -> dict[frozenset[str], tuple[Path, object]]:
    """``lkjip-xl tables`` on the consolidated workbook and master with every subset of the optional inputs."""
    folder = tmp_path_factory.mktemp("matriks")
    runs = {}
    for subset in SUBSETS:
        out = folder / f"tabel_{_name(subset)}.xlsx"
        args = [arg for name in OPTIONAL if name in subset for arg in OPTIONAL[name][:2]]
        runs[subset] = (out, CliRunner().invoke(cli, ["tables", str(konsolidasi), "--master", str(MASTER),
                                                      *map(str, args), "--out", str(out)]))
    return runs


# ----------------------------------------------------------------------------- every subset of the inputs


@pytest.mark.parametrize("subset", SUBSETS, ids=_name)
def test_every_subset_of_the_optional_inputs(matrix, subset):
    out, result = matrix[subset]
    assert result.exit_code == 0, result.output
    count = 181 + sum(OPTIONAL[name][2] for name in subset)
    assert f"({count} tabel bernomor, Tabel 3.1 sampai Tabel 3.{count})" in result.output
    for name, code in ABSENT.items():  # each missing piece said exactly once, in Indonesian
        lines = [line for line in result.output.splitlines() if f"[{code}]" in line]
        assert len(lines) == (name not in subset), (code, lines)
        if lines:
            assert f"tidak diberikan ({OPTIONAL[name][0]})" in lines[0]
    labels = [row[0] for row in _rows(out, SHEET_TOC)[3:] if row[0] != "tanpa nomor"]
    assert labels == [f"Tabel 3.{n}" for n in range(1, count + 1)]
    sheet = _rows(out, "SK01-IKK1")  # the comparison and the Renstra table are there either way
    comparison = next(i for i, row in enumerate(sheet) if str(row[0]).endswith("Kinerja SK I dan IKK I"))
    renstra = next(i for i, row in enumerate(sheet) if str(row[0]).endswith("Menengah SK I dan IKK I"))
    assert sheet[comparison + 1][1] == "2022"
    assert (sheet[comparison + 3][1] == NOT_AVAILABLE) == ("previous" not in subset)
    assert (sheet[renstra + 3][1] == NOT_AVAILABLE) == ("renstra" not in subset)
    assert (sheet[renstra + 3][-1] == NOT_AVAILABLE or sheet[renstra + 3][4] == NOT_AVAILABLE) == (
        "renstra" not in subset)


def test_all_inputs_keep_the_reports_numbers_and_the_minimal_run_says_what_is_missing(matrix):
    everything = frozenset(OPTIONAL)
    assert "(186 tabel bernomor, Tabel 3.1 sampai Tabel 3.186)" in matrix[everything][1].output
    minimal = matrix[frozenset()][1].output
    assert "Data tahun sebelumnya tidak diberikan (--previous): tabel Perbandingan Realisasi dan Capaian " \
           "Kinerja menampilkan 'data tidak tersedia' pada kolom tahun 2022." in minimal
    assert "[tables_new_ikk]" not in minimal  # without earlier years no IKK is known to be new
    assert "Ringkasan: 0 kesalahan, 5 peringatan." in minimal


def test_a_few_subsets_recompute_in_libreoffice(matrix, tmp_path):
    chosen = [frozenset(), frozenset({"anggaran", "supporting", "rencana_aksi"}), frozenset({"previous"}),
              frozenset({"renstra"})]
    recalculated = recalculate_many([matrix[subset][0] for subset in chosen], tmp_path)
    for original, copy in recalculated.items():
        assert mismatches_after(original, copy) == [], original.name


def test_the_library_takes_the_same_inputs(konsolidasi, tmp_path):
    result = make_tables(konsolidasi, MASTER, tmp_path / "t.xlsx")
    assert [p.code for p in result.warnings] == list(ABSENT.values())
    result = make_tables(konsolidasi, MASTER, tmp_path / "u.xlsx", SAMPLES / "capaian_2022.xlsx",
                         renstra=SAMPLES / "renstra_2020_2024.xlsx")  # one earlier-years file alone
    assert [p.code for p in result.warnings] == [ABSENT[n] for n in ("anggaran", "supporting", "rencana_aksi")] + [
        "tables_new_ikk"]


def test_a_renstra_without_any_target_is_no_error(konsolidasi, tmp_path):
    empty = _book(tmp_path / "renstra.xlsx", SHEET_RENSTRA, [["Kode IKK", "2023", "2024"], ["SK01-IKK1"]])
    data = load_tables_data(konsolidasi, MASTER, renstra=empty)
    assert [p.code for p in data.warnings if "renstra" in p.code] == ["renstra_no_years"]
    out = make_tables(konsolidasi, MASTER, tmp_path / "t.xlsx", renstra=empty).output
    values = [v for v in _table(out, "SK03-IKK1", "Target Jangka Menengah")[2] if v is not None]
    assert values[1] == values[-1] == NOT_AVAILABLE


# ----------------------------------------------------------------------------- the earlier-years sheet


def _previous(path: Path, rows: list[list[object]], headers=PREVIOUS_COLUMNS) -> Path:
    return _book(path, SHEET_PREVIOUS, [list(headers), *rows])


def _comparison(out: Path, code: str) -> list[object]:
    return [v for v in _table(out, code, "Perbandingan Realisasi dan Capaian")[2] if v is not None]


def test_a_row_without_a_target_still_makes_the_ikk_not_new(konsolidasi, tmp_path):
    rows = [["SK02-IKK1", 2022, "Indeks penyelenggaraan pemasyarakatan di wilayah", None, 88, None, None, "LKjIP"],
            ["SK03-IKK1", 2022, "", "", "80", None, None, ""]]
    path = _previous(tmp_path / "lalu.xlsx", rows)
    data = load_tables_data(konsolidasi, MASTER, [path])
    assert "SK02-IKK1" not in data.new_codes and len(data.new_codes) == 58
    out = make_tables(konsolidasi, MASTER, tmp_path / "t.xlsx", [path]).output
    assert _comparison(out, "SK02-IKK1")[1:6] == [NOT_AVAILABLE, 88, NOT_AVAILABLE, 82, 90]
    assert _comparison(out, "SK02-IKK1")[-1] == "tidak dapat dibandingkan"
    assert _comparison(out, "SK03-IKK1")[1:4] == [NOT_AVAILABLE, 80, NOT_AVAILABLE]
    assert_formulas_match(out, tmp_path)


def test_raw_counts_give_realisasi_by_the_ikks_method(konsolidasi, tmp_path):
    rows = [["SK04-IKK2", 2022, "", 98, 97, "1.455", "1.500", ""],  # 97,00: agrees
            ["SK03-IKK1", 2022, "", 80, 80, 41, 50, ""],  # 82: the printed 80 is warned, 82 is used
            ["SK04-IKK1", 2022, "", 70, None, 43, 50, ""],  # no printed realisasi: 86 computed
            ["SK01-IKK1", 2022, "", 3.1, 3.8, None, None, ""],  # no counts: the printed realisasi
            ["SK12-IKK1", 2022, "", 5, None, 105, 100, ""]]  # perubahan: (105 − 100) / 100 × 100
    path = _previous(tmp_path / "lalu.xlsx", rows)
    previous = read_previous([path], read_master(MASTER))
    realisasi = {code: figures[0].realisasi for code, figures in previous.by_code.items()}
    assert realisasi == {"SK04-IKK2": 97.0, "SK03-IKK1": 82.0, "SK04-IKK1": 86.0, "SK01-IKK1": 3.8,
                         "SK12-IKK1": 5.0}
    [warning] = previous.warnings
    assert (warning.code, warning.cell, warning.ikk) == ("previous_realisasi_differs", "E3", "SK03-IKK1")
    assert "tertulis 80" in warning.message and "dihitung 82" in warning.message and "sel E3" in warning.message
    result = make_tables(konsolidasi, MASTER, tmp_path / "t.xlsx", [path])
    assert "previous_realisasi_differs" in [p.code for p in result.warnings]
    assert _comparison(result.output, "SK04-IKK1")[1:4] == [70, 86, 86 / 70 * 100]
    assert_formulas_match(result.output, tmp_path)
    counts_only = _previous(tmp_path / "hitungan.xlsx", [["SK04-IKK1", 2022, 43, 50]],
                            ("Kode IKK", "Tahun", "Pembilang", "Penyebut"))
    assert read_previous([counts_only], read_master(MASTER)).by_code["SK04-IKK1"][0].realisasi == 86.0


def test_raw_counts_that_cannot_be_used_name_the_cell(tmp_path):
    rows = [["SK11-IKK1", 2022, "", 3.15, None, 10, 12, ""],  # langsung: realisasi is typed, not counted
            ["SK04-IKK1", 2022, "", 70, 86, 43, None, ""],  # Penyebut missing
            ["SK04-IKK2", 2022, "", 98, None, 5, 0, ""],  # penyebut 0
            ["SK04-IKK3", 2022, "", 85, None, None, None, ""]]  # nothing at all
    path = _previous(tmp_path / "salah.xlsx", rows)
    with pytest.raises(InputError) as caught:
        read_previous([path], read_master(MASTER))
    found = [(p.code, p.cell, p.ikk) for p in caught.value.problems]
    assert found == [("previous_counts_method", "F2", "SK11-IKK1"), ("previous_counts_incomplete", "G3", "SK04-IKK1"),
                     ("previous_counts_no_value", "F4", "SK04-IKK2"), ("input_value_missing", "E5", "SK04-IKK3")]
    assert all(re.search(r"sel [A-Z]+\d+\)", p.message) for p in caught.value.problems)
    half = _previous(tmp_path / "separuh.xlsx", [["SK04-IKK1", 2022, 43]], ("Kode IKK", "Tahun", "Pembilang"))
    with pytest.raises(InputError) as caught:
        read_previous([half])
    assert [(p.code, p.message.split("'")[1]) for p in caught.value.problems] == [("input_header_missing",
                                                                                    "Penyebut")]


# ----------------------------------------------------------------------------- realisasi s.d. against the Renstra

#: The worked example of docs/bentuk_indikator.md#realisasi-sd-renstra (constructed): a Pengadilan Agama
#: plans to settle 1.250 cases in its Renstra 2020–2024; the cases settled each year, 2024 from its form.
SETTLED = {2020: 240.0, 2021: 262.0, 2022: 255.0, 2023: 271.0, 2024: 268.0}
RENSTRA_TARGETS = {2020: 250.0, 2021: 500.0, 2022: 750.0, 2023: 1000.0, 2024: 1250.0}
PK_TARGETS = {2021: 250.0, 2022: 250.0, 2023: 260.0, 2024: 270.0}  # 2020: the report printed no target
SETTLED_SD = 240 + 262 + 255 + 271 + 268
SETTLED_CAPAIAN = SETTLED_SD / 1250 * 100
COURT = Master("Pengadilan Agama Contoh", 2024, (
    Indicator("PA01", "Kepaniteraan", 1, "Meningkatnya penyelesaian perkara", 1, "Jumlah perkara yang diselesaikan",
              "Perkara", PK_TARGETS[2024], method=Method.LANGSUNG, period_rule=PeriodRule.JUMLAH),
))


@pytest.fixture(scope="module")
def court(tmp_path_factory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("pengadilan")
    master = write_master(COURT, folder / "master.xlsx")
    [form] = write_forms(COURT, folder / "formulir", inputs={"PA01": IndicatorInput("PA01", value=SETTLED[2024])})
    book = consolidate(form, folder / "konsolidasi_2024.xlsx", master=master)
    assert book.report.valid, book.report.problems
    previous = _previous(folder / "capaian_2020_2023.xlsx", [
        ["PA01", year, "", PK_TARGETS.get(year), SETTLED[year], None, None, f"LKjIP {year + 1}"]
        for year in (2020, 2021, 2022, 2023)])
    renstra = _book(folder / "renstra.xlsx", SHEET_RENSTRA, [
        ["Kode IKK", "Indikator Kinerja Kegiatan", *RENSTRA_TARGETS, COL_KUMULATIF],
        ["PA01", "Jumlah perkara yang diselesaikan", *RENSTRA_TARGETS.values(), "Ya"]])
    return {"master": master, "konsolidasi": book.output, "previous": previous, "renstra": renstra}


def _renstra_rows(out: Path) -> list[list[object]]:
    return _table(out, "PA01", "Tabel 3.4 Target Jangka Menengah")


def test_realisasi_sd_against_the_five_year_target(court, tmp_path):
    assert cumulative_realisasi(list(SETTLED.values())) == SETTLED_SD == 1296
    result = make_tables(court["konsolidasi"], court["master"], tmp_path / "tabel.xlsx", [court["previous"]],
                         court["renstra"])
    assert [p.code for p in result.warnings] == [ABSENT[n] for n in ("anggaran", "supporting", "rencana_aksi")]
    head, years, row, note = _renstra_rows(result.output)
    assert [v for v in head if v is not None] == ["Indikator Kinerja Kegiatan", "Target", "Realisasi",
                                                  "Realisasi s.d. 2024", "Capaian (%)"]
    assert years[1:11] == ["2020", "2021", "2022", "2023", "2024"] * 2
    assert row[1:6] == list(RENSTRA_TARGETS.values()) and row[6:11] == list(SETTLED.values())
    assert (row[11], row[12]) == (SETTLED_SD, SETTLED_CAPAIAN)
    assert note[0] == ("Realisasi s.d. 2024 = jumlah realisasi 2020–2024; Capaian = Realisasi s.d. 2024 / Target "
                       "Renstra 2024 (target akhir Renstra) × 100%")
    sheet = openpyxl.load_workbook(result.output)["PA01"]
    sums = [cell.value for line in sheet.iter_rows() for cell in line if str(cell.value).startswith("=SUM(")]
    assert len(sums) == 1 and re.fullmatch(r"=SUM\(G(\d+):K\1\)", sums[0])  # the five years, this one from Tabel 3.1
    assert_formulas_match(result.output, tmp_path)
    comparison = _comparison(result.output, "PA01")  # the earlier years' comparison: 2020 printed no target
    assert comparison[1:4] == [NOT_AVAILABLE, 240, NOT_AVAILABLE]


def test_a_missing_year_makes_the_sum_not_available(court, tmp_path):
    previous = _previous(tmp_path / "lalu.xlsx", [["PA01", year, "", None, SETTLED[year], None, None, ""]
                                                  for year in (2020, 2022, 2023)])
    result = make_tables(court["konsolidasi"], court["master"], tmp_path / "t.xlsx", [previous], court["renstra"])
    [warning] = [p for p in result.warnings if p.code == "tables_cumulative_missing"]
    assert "PA01 (2021)" in warning.message
    _, _, row, _ = _renstra_rows(result.output)
    assert row[6:13] == [240, NOT_AVAILABLE, 255, 271, 268, NOT_AVAILABLE, NOT_AVAILABLE]


def test_kumulatif_is_ya_or_tidak(tmp_path):
    book = _book(tmp_path / "renstra.xlsx", SHEET_RENSTRA, [["Kode IKK", "2024", COL_KUMULATIF], ["PA01", 1250, "ya"],
                                                             ["PA02", 90, ""], ["PA03", 90, "mungkin"]])
    with pytest.raises(InputError) as caught:
        read_renstra(book)
    [problem] = [p for p in caught.value.problems if p.is_error]
    assert (problem.code, problem.cell, problem.ikk) == ("renstra_cumulative_invalid", "C4", "PA03")
    assert "'mungkin'" in problem.message and "sel C4" in problem.message
    fixed = _book(tmp_path / "benar.xlsx", SHEET_RENSTRA, [["Kode IKK", "2024", COL_KUMULATIF], ["PA01", 1250, "Ya"],
                                                           ["PA02", 90, None], ["PA03", 90, "Tidak"]])
    assert {code: row.cumulative for code, row in read_renstra(fixed).rows.items()} == {
        "PA01": True, "PA02": False, "PA03": False}


def test_the_page_prints_the_worked_example_as_computed():
    text = PAGE.read_text(encoding="utf-8")
    found = re.search(r'<a id="realisasi-sd-renstra"></a>(.*?)(?=<a id="|\Z)', text, re.S)
    assert found, "docs/bentuk_indikator.md has no section realisasi-sd-renstra"
    section = found.group(1)
    for value in (*SETTLED.values(), 1250, SETTLED_SD, SETTLED_CAPAIAN):
        assert format_number(value, 2) in section, format_number(value, 2)
    assert f"`{COL_KUMULATIF}`" in section and Path(__file__).name in section
    assert COL_KUMULATIF in RENSTRA_COLUMNS
