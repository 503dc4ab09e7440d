"""The unnumbered table "Capaian Kinerja per Triwulan" of ``lkjip-xl tables`` on a source of period forms.

The 2023 report prints an e-Performance table (section D.1, before Tabel 3.181) with each
indicator's target and realisasi per triwulan, without a table number.  From the 16 quarterly
sample forms (samples/formulir_triwulan) — as a folder or consolidated into a workbook —
``tables`` writes the same 186 numbered tables as from the yearly forms, plus that table,
whose rows are the consolidation's per-period results.  A yearly source has no such table.
"""

from __future__ import annotations

import csv
import zipfile
from dataclasses import replace
from pathlib import Path

import openpyxl
import pytest
from click.testing import CliRunner

from engine import assert_formulas_match
from lkjip_xl import calc, rollup
from lkjip_xl.cli import cli
from lkjip_xl.consolidate import consolidate
from lkjip_xl.master import read_master
from lkjip_xl.period_consolidation import compute_view
from lkjip_xl.periods import CALENDARS, TargetKind
from lkjip_xl.tables import SHEET_TOC, make_tables, plan_tables, read_action_plan, read_previous, read_supporting
from lkjip_xl.tables.numbering import PER_PERIODE, report_order
from lkjip_xl.tables.per_period import period_sheet, period_title
from lkjip_xl.template import write_master
from lkjip_xl.validate import validate_files

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "samples"
MASTER = SAMPLES / "master_pk_2023.xlsx"
QUARTERLY = SAMPLES / "formulir_triwulan"
SAMPLE_ARGS = ("--master", MASTER, "--previous", SAMPLES / "capaian_2022.xlsx",
               "--renstra", SAMPLES / "renstra_2020_2024.xlsx", "--anggaran", SAMPLES / "anggaran_2023.xlsx",
               "--supporting", SAMPLES / "tabel_pendukung_2023.xlsx",
               "--rencana-aksi", SAMPLES / "rencana_aksi_2023.xlsx")
TITLE = "Capaian Kinerja per Triwulan Tahun 2023"
SHEET = "Capaian per Triwulan"
CODES = ("TW1", "TW2", "TW3", "TW4")


def _tables(source: Path, out: Path, *extra: str):
    result = CliRunner().invoke(cli, ["tables", str(source), *(str(a) for a in SAMPLE_ARGS), "--out", str(out),
                                      *extra])
    assert result.exit_code == 0, result.output
    return result


@pytest.fixture(scope="module")
def master():
    return read_master(MASTER)


@pytest.fixture(scope="module")
def quarterly_book(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("konsolidasi") / "konsolidasi_triwulan_2023.xlsx"
    result = consolidate([QUARTERLY], out, MASTER)
    assert result.summary.headline == "54 dari 60 IKK tercapai"
    return out


@pytest.fixture(scope="module")
def written(quarterly_book, tmp_path_factory) -> dict[str, tuple[Path, object]]:
    """The tables of the yearly forms, of the quarterly forms' folder and of their consolidated workbook."""
    folder = tmp_path_factory.mktemp("tabel")
    annual_book = folder / "konsolidasi_tahunan_2023.xlsx"
    consolidate([SAMPLES / "formulir"], annual_book)
    runs = {"tahunan": annual_book, "folder": QUARTERLY, "buku": quarterly_book}
    return {name: (folder / f"tabel_{name}.xlsx", _tables(source, folder / f"tabel_{name}.xlsx"))
            for name, source in runs.items()}


@pytest.fixture(scope="module")
def consolidation(master):
    """The per-period results of the quarterly forms, as ``lkjip-xl consolidate`` computes them."""
    validation = validate_files([QUARTERLY], master)
    _, periods = compute_view(validation.accepted, master)
    assert periods is not None and periods.complete
    return periods


def _rows(path: Path, master) -> dict[tuple[str, str], tuple]:
    """(IKK code, period code) → (Target, Realisasi, Satuan, Capaian) of the per-period sheet, the IKK found by
    report order (its cell is merged over its period rows)."""
    sheet = openpyxl.load_workbook(path, data_only=True)[SHEET]
    lines = [row for row in sheet.iter_rows(min_row=3, values_only=True) if row[3] is not None]
    order = report_order(master)
    assert len(lines) == len(order) * len(CODES)
    found = {}
    for i, line in enumerate(lines):
        indicator = order[i // len(CODES)]
        if i % len(CODES) == 0:
            assert line[2] == f"{indicator.ikk_no}. {indicator.text}"
        assert line[3] == CODES[i % len(CODES)]
        found[(indicator.code, line[3])] = line[4:8]
    return found


def _toc(path: Path) -> list[tuple]:
    return list(openpyxl.load_workbook(path)[SHEET_TOC].iter_rows(min_row=4, values_only=True))


# ----------------------------------------------------------------------------- the same numbered tables


def test_folder_and_workbook_give_the_same_file(written):
    assert written["folder"][0].read_bytes() == written["buku"][0].read_bytes()


@pytest.mark.parametrize("source", ["folder", "buku"])
def test_the_numbered_tables_are_those_of_the_yearly_forms(written, source):
    """Every sheet of the yearly run is in the quarterly run with the same cells; one sheet more."""
    path, result = written[source]
    assert "(186 tabel bernomor, Tabel 3.1 sampai Tabel 3.186)" in result.output
    annual = openpyxl.load_workbook(written["tahunan"][0], data_only=True)
    book = openpyxl.load_workbook(path, data_only=True)
    assert [name for name in book.sheetnames if name != SHEET] == annual.sheetnames
    for name in annual.sheetnames:
        if name != SHEET_TOC:
            assert list(book[name].iter_rows(values_only=True)) == list(annual[name].iter_rows(values_only=True)), name
    toc, annual_toc = _toc(path), _toc(written["tahunan"][0])
    assert [row for row in toc if row[0] != "tanpa nomor"] == annual_toc
    assert [row[0] for row in annual_toc] == [f"Tabel 3.{n}" for n in range(1, 187)]


def test_placed_after_the_budget_before_the_action_plan(written):
    book = openpyxl.load_workbook(written["buku"][0])
    names = book.sheetnames
    assert names[names.index(SHEET) - 2:names.index(SHEET) + 2] == [
        "Tabel 3.180", "Capaian Kinerja Anggaran", SHEET, "Tabel 3.181"]
    assert book[SHEET]["A1"].value == TITLE  # no number: 3.181–3.186 keep the report's numbers


def test_daftar_tabel_lists_it_without_a_number(written):
    path = written["buku"][0]
    toc = _toc(path)
    at = [row[0] for row in toc].index("tanpa nomor")
    assert toc[at - 1][0] == "Tabel 3.180" and toc[at + 1][0] == "Tabel 3.181"
    assert toc[at][1:] == (TITLE, SHEET)
    links = {cell.row: cell.hyperlink.location for cell in openpyxl.load_workbook(path)[SHEET_TOC]["C"]
             if cell.hyperlink}
    assert links[4 + at] == f"'{SHEET}'!A1"


def test_the_plan_numbers_nothing_differently(master):
    supporting = read_supporting(SAMPLES / "tabel_pendukung_2023.xlsx", [i.code for i in master.indicators])
    divisi = read_action_plan(SAMPLES / "rencana_aksi_2023.xlsx", master).divisi_order
    plain = plan_tables(master, set(), supporting, 1, True, divisi)
    with_periods = plan_tables(master, set(), supporting, 1, True, divisi, period_title=TITLE)
    assert [t for t in with_periods if t.kind != PER_PERIODE] == plain
    added = [t for t in with_periods if t.kind == PER_PERIODE]
    assert [(t.number, t.title, t.label()) for t in added] == [(None, TITLE, "")]


# ----------------------------------------------------------------------------- the values


def test_rows_are_the_per_period_results(written, master, consolidation):
    rows = _rows(written["buku"][0], master)
    for indicator in master.indicators:
        for k, code in enumerate(CODES, start=1):
            result = consolidation.period_result(indicator.code, k)
            target, realisasi, unit, capaian = rows[(indicator.code, code)]
            assert target == rollup.period_target(indicator, k) == result.indicator.target
            assert unit == indicator.unit
            if result.realisasi is None:
                assert (realisasi, capaian) == ("-", "-")
            else:
                # as stored in the file: XlsxWriter writes 16 significant digits
                assert realisasi == pytest.approx(result.realisasi, rel=1e-15, abs=0), (indicator.code, code)
                assert capaian == pytest.approx(result.capaian, rel=1e-15, abs=0), (indicator.code, code)


def test_sk04_ikk2_remission_per_quarter(written, master):
    """Tabel 3.20's remissions by date: 5/7, 1.341/1.467, 1.551/1.587, 36/36 — 2.933/3.097 over the year."""
    with open(SAMPLES / "realisasi_2023_triwulan.csv", encoding="utf-8") as handle:
        quarters = [row for row in csv.DictReader(handle) if row["code"] == "SK04-IKK2"]
    pairs = [(float(row["num1"]), float(row["den1"])) for row in quarters]
    assert pairs == [(5, 7), (1341, 1467), (1551, 1587), (36, 36)]
    rows = _rows(written["folder"][0], master)
    for (numerator, denominator), code in zip(pairs, CODES):
        target, realisasi, unit, capaian = rows[("SK04-IKK2", code)]
        assert (target, unit) == (99, "%")
        assert realisasi == pytest.approx(calc.ratio_percent(numerator, denominator), rel=1e-15, abs=0)
        assert capaian == pytest.approx(calc.capaian(realisasi, 99.0, master.by_code()["SK04-IKK2"].direction),
                                        rel=1e-15, abs=0)
    assert [round(rows[("SK04-IKK2", code)][1], 2) for code in CODES] == [71.43, 91.41, 97.73, 100.0]
    assert sum(n for n, _ in pairs) == 2933 and sum(d for _, d in pairs) == 3097
    summary = openpyxl.load_workbook(written["folder"][0], data_only=True)["Tabel 3.1"]
    year = [row for row in summary.iter_rows(values_only=True) if row[2] == "2. Persentase narapidana yang "
            "mendapatkan hak remisi"]
    assert [row[4] for row in year] == [pytest.approx(calc.ratio_percent(2933, 3097), rel=1e-15, abs=0)]  # 94,70%


def test_layout_merges_sk_and_ikk_over_their_periods(written):
    sheet = openpyxl.load_workbook(written["buku"][0])[SHEET]
    assert [c.value for c in sheet[2]] == ["No", "Sasaran Kegiatan", "Indikator Kinerja Kegiatan", "Periode",
                                           "Target", "Realisasi", "Satuan", "Capaian"]
    merged = {str(r) for r in sheet.merged_cells.ranges}
    assert {"A3:H3", "A4:A7", "B4:B7", "C4:C7"} <= merged  # Divisi row; SK I with its one IKK over TW1..TW4
    assert sheet["H4"].value == "=IF(OR(F4=\"\",N(E4)=0),\"\",F4/E4*100)"
    assert sheet.page_setup.orientation == "landscape" and sheet.print_title_rows == "$2:$2"


def test_formulas_recompute_in_libreoffice(written, tmp_path):
    assert_formulas_match(written["buku"][0], tmp_path)


# ----------------------------------------------------------------------------- other sources


def test_a_yearly_source_has_no_such_table(written):
    path, result = written["tahunan"]
    assert SHEET not in openpyxl.load_workbook(path).sheetnames
    assert all(row[0] != "tanpa nomor" for row in _toc(path))
    assert "tables_period" not in result.output


def test_a_period_without_data_is_a_dash_and_one_warning(quarterly_book, master, tmp_path):
    """A workbook whose sheet "Triwulan III" was renamed: that quarter shows "-", said once."""
    damaged = tmp_path / "konsolidasi_tanpa_tw3.xlsx"
    with zipfile.ZipFile(quarterly_book) as source, zipfile.ZipFile(damaged, "w", zipfile.ZIP_DEFLATED) as out:
        for item in source.infolist():
            data = source.read(item.filename)
            if item.filename == "xl/workbook.xml":
                data = data.replace(b'name="Triwulan III"', b'name="Lama TW3"')
            out.writestr(item, data)
    out = tmp_path / "tabel.xlsx"
    result = _tables(damaged, out)
    assert result.output.count("[tables_period_missing]") == 1
    assert "tidak memuat data Triwulan III untuk Divisi" in result.output
    rows = _rows(out, master)
    assert all(rows[(i.code, "TW3")][1] == rows[(i.code, "TW3")][3] == "-" for i in master.indicators)
    assert all(rows[(i.code, code)][1] != "-" for i in master.indicators for code in ("TW1", "TW2", "TW4"))


def test_a_period_target_other_than_the_masters_is_warned(quarterly_book, master, tmp_path):
    """A master declaring SK04-IKK2's period targets the workbook was not consolidated with: the table uses
    the master's period targets, and the run names each period whose target differs."""
    declared = tuple(replace(i, period_targets=(95.0, 97.0, 98.0, 99.0), target_kind=TargetKind.KUMULATIF)
                     if i.code == "SK04-IKK2" else i for i in master.indicators)
    other = tmp_path / "master_target_triwulan.xlsx"
    write_master(replace(master, indicators=declared), other)
    result = make_tables(quarterly_book, other, tmp_path / "tabel.xlsx", [SAMPLES / "capaian_2022.xlsx"],
                         SAMPLES / "renstra_2020_2024.xlsx")
    differs = [p for p in result.warnings if p.code == "tables_period_target_differs"]
    assert [(p.ikk, p.message.split(" IKK")[0]) for p in differs] == [
        ("SK04-IKK2", f"Target Triwulan {n}") for n in ("I", "II", "III")]  # Triwulan IV: 99 either way
    rows = _rows(result.output, master)
    assert [rows[("SK04-IKK2", code)][0] for code in CODES] == [95, 97, 98, 99]


def test_last_years_complete_period_consolidation_is_an_earlier_year(written, quarterly_book):
    """Next year, this year's consolidation of the sixteen quarterly forms is a --previous input: it gives
    the figures of the yearly consolidation, IKK for IKK."""
    annual = read_previous([written["tahunan"][0].parent / "konsolidasi_tahunan_2023.xlsx"])
    quarterly = read_previous([quarterly_book])
    assert quarterly.years == (2023,) and len(quarterly.by_code) == 60
    for code, [figures] in quarterly.by_code.items():
        [expected] = annual.by_code[code]
        assert (figures.target, figures.realisasi, figures.note) == (expected.target, expected.realisasi,
                                                                     expected.note), code
        assert figures.source.startswith("konsolidasi_triwulan_2023.xlsx, sheet Capaian Kinerja, sel ")


@pytest.mark.parametrize(("calendar", "word"), [("triwulan", "Triwulan"), ("semester", "Semester"),
                                                 ("bulanan", "Bulan")])
def test_title_names_the_calendar(calendar, word):
    assert period_title(CALENDARS[calendar], 2023) == f"Capaian Kinerja per {word} Tahun 2023"
    assert period_sheet(CALENDARS[calendar]) == f"Capaian per {word}"
