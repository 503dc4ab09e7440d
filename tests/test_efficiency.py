"""The efficiency table (Analisis Efisiensi Penggunaan Sumber Daya) and a Pemda's budget through ``lkjip-xl tables``.

The master declares the Anggaran (Rp) of a Sasaran Kegiatan on its first IKK row (or of single IKK, on several
rows); the budget workbook's rows carry Kode SK / Kode IKK to give their realisasi.  Spot checks against
samples/pk_2023.csv (anggaran) and samples/realisasi_2023.csv (this year's figures), and LibreOffice recomputes
every formula.
"""

from __future__ import annotations

import dataclasses
import re
from pathlib import Path

import openpyxl
import pytest

from engine import mismatches_after, recalculate_many, require_soffice
from lkjip_xl.master import read_master
from lkjip_xl.tables import SHEET_TOC, InputError, load_tables_data, plan_tables, write_tables
from lkjip_xl.tables.budget.efficiency import (
    capaian_sk, efficiency_groups, indeks_efisiensi, map_realisasi, penyerapan, realisasi_line,
)
from test_budget import PEMDA_ROWS, pemda_budget

from sample_files import ANGGARAN, MASTER, PREVIOUS, RENCANA_AKSI, RENSTRA, SUPPORTING, run_tables

SHEET = "Efisiensi Anggaran"
TITLE = ("Analisis Efisiensi Penggunaan Sumber Daya: Anggaran dan Capaian Kinerja per Sasaran Kegiatan Tahun 2023")
HEADERS = ["NO", "SASARAN KEGIATAN / INDIKATOR KINERJA KEGIATAN", "ANGGARAN (Rp)", "REALISASI ANGGARAN (Rp)",
           "PENYERAPAN (%)", "CAPAIAN IKK (%)", "RATA-RATA CAPAIAN SK (%)", "INDEKS EFISIENSI"]

#: samples/pk_2023.csv: the SK with an Anggaran (Rp) on their first IKK row.
ANGGARAN_SK = {1: 14_945_870_000, 2: 540_527_000, 11: 1_320_128_000, 12: 2_330_716_000, 14: 1_330_618_000,
               16: 279_214_000, 17: 209_570_000, 19: 144_967_000, 20: 975_298_000, 21: 243_997_000}
#: samples/realisasi_2023.csv and pk_2023.csv by hand: (realisasi, target) of the IKK of SK 1, 2 and 20.
SK01 = [(1154.03 / 12 / 25, 3.1)]  # survei: 12 months' scores / 12, scale 1–100 to 1–4
SK02 = [(810 / 9, 82.0)]
SK20 = [(190 / 201 * 100, 82.0), (26 / 26 * 100, 80.0), (77.25, 76.75), (25 / 32 * 100, 70.0), (17 / 19 * 100, 20.0)]


def _capaian(pairs):
    return [realisasi / target * 100 for realisasi, target in pairs]


def _rows(path: Path, sheet: str = SHEET) -> list[list[object]]:
    return [list(row) for row in openpyxl.load_workbook(path, data_only=True)[sheet].iter_rows(values_only=True)]


def _block(rows: list[list[object]], sk_no: int) -> list[list[object]]:
    """The SK row of ``sk_no`` and its IKK rows."""
    start = next(i for i, row in enumerate(rows) if i > 2 and row[0] == sk_no)
    end = next((i for i in range(start + 1, len(rows)) if rows[i][0] is not None), len(rows))
    return rows[start:end]


@pytest.fixture(scope="module")
def sample_run(konsolidasi, tmp_path_factory):
    out = tmp_path_factory.mktemp("tabel") / "tabel_2023.xlsx"
    result = run_tables(konsolidasi, "--master", MASTER, "--previous", PREVIOUS, "--renstra", RENSTRA, "--anggaran",
                        ANGGARAN, "--supporting", SUPPORTING, "--rencana-aksi", RENCANA_AKSI, "--out", out)
    assert result.exit_code == 0, result.output
    return out, result


@pytest.fixture(scope="module")
def pemda_run(konsolidasi, tmp_path_factory):
    """A Pemda's budget (programs and sub kegiatan, no SMART, IKPA or e-Monev) through the command line."""
    folder = tmp_path_factory.mktemp("pemda")
    budget = pemda_budget(folder / "anggaran_pemda.xlsx", PEMDA_ROWS)
    out = folder / "tabel_pemda.xlsx"
    result = run_tables(konsolidasi, "--master", MASTER, "--previous", PREVIOUS, "--renstra", RENSTRA,
                        "--anggaran", budget, "--out", out)
    return out, result, budget


def per_ikk_master():
    """The sample master with SK 3's anggaran per IKK: on its IKK 1 and 2 (not on IKK 3)."""
    master = read_master(MASTER)
    anggaran = {"SK03-IKK1": 300_000_000.0, "SK03-IKK2": 200_000_000.0}
    return dataclasses.replace(master, indicators=tuple(
        dataclasses.replace(i, anggaran=anggaran.get(i.code, i.anggaran)) for i in master.indicators))


PER_IKK_ROWS = [
    ("Sub Kegiatan", "Layanan Tahanan", None, "SK03-IKK1", 120_000_000, 100_000_000, None),
    ("Sub Kegiatan", "Layanan Tahanan Tambahan", 3, "sk03-ikk1", 160_000_000, 150_000_000, None),
    ("Sub Kegiatan", "Penyuluhan Hukum Tahanan", None, "SK03-IKK2", 200_000_000, 180_000_000, None),
]


@pytest.fixture(scope="module")
def per_ikk_run(konsolidasi, tmp_path_factory):
    folder = tmp_path_factory.mktemp("per_ikk")
    budget = pemda_budget(folder / "anggaran_per_ikk.xlsx", PER_IKK_ROWS)
    data = load_tables_data(konsolidasi, per_ikk_master(), [PREVIOUS], RENSTRA, anggaran=budget)
    return write_tables(data, folder / "tabel_per_ikk.xlsx").output, data


# --------------------------------------------------------------------------- the samples


def test_placed_before_the_budget_unnumbered_and_the_numbering_unchanged(sample_run):
    out, result = sample_run
    assert "(186 tabel bernomor, Tabel 3.1 sampai Tabel 3.186)" in result.output
    book = openpyxl.load_workbook(out)
    names = book.sheetnames
    assert names[names.index(SHEET) - 1:names.index(SHEET) + 2] == ["SK22-IKK1", SHEET, "Tabel 3.178"]
    toc = [row for row in book[SHEET_TOC].iter_rows(min_row=4, values_only=True)]
    assert [row[0] for row in toc] == [f"Tabel 3.{n}" for n in range(1, 187)]  # like Capaian Kinerja Anggaran
    sheet = book[SHEET]
    assert sheet["A1"].value == TITLE
    assert [c.value for c in sheet[3]] == HEADERS
    assert sheet.page_setup.orientation == "landscape" and sheet.page_setup.paperSize == 9
    rows = _rows(out)
    assert [row[0] for row in rows if isinstance(row[0], int)] == list(ANGGARAN_SK)  # one block per SK, PK order
    assert {row[0]: row[2] for row in rows if isinstance(row[0], int)} == ANGGARAN_SK
    assert rows[-1][0].startswith("Anggaran: kolom Anggaran (Rp) master PK")


def test_sk_02_mapped_to_its_dipa(sample_run):
    """KANWIL (PAS) has exactly SK 2's anggaran (Rp 540.527.000); its realisasi Rp 540.495.257 (the report's
    L5723: 99,99%) comes from Tabel 3.178 by formula."""
    out, _ = sample_run
    sk, ikk = _block(_rows(out), 2)
    capaian = _capaian(SK02)[0]
    assert sk[1].startswith("Terwujudnya penyelenggaraan pelayanan pemasyarakatan")
    assert sk[2:4] == [540_527_000, 540_495_257]
    assert sk[4] == pytest.approx(540_495_257 / 540_527_000 * 100, rel=1e-12)
    assert round(sk[4], 2) == 99.99
    assert ikk[1] == "1. Indeks penyelenggaraan pemasyarakatan di wilayah"
    assert ikk[5] == pytest.approx(capaian, rel=1e-12) and sk[6] == pytest.approx(capaian, rel=1e-12)
    assert sk[7] == pytest.approx(capaian / (540_495_257 / 540_527_000 * 100) * 100, rel=1e-12)
    formulas = openpyxl.load_workbook(out)[SHEET]
    row = next(r for r in range(4, 40) if formulas.cell(r, 1).value == 2)
    pas_row = next(r for r, line in enumerate(_rows(out, "Tabel 3.178"), start=1) if line[1] == "KANWIL (PAS)")
    assert formulas.cell(row, 4).value == f"='Tabel 3.178'!$D${pas_row}"
    assert formulas.cell(row, 5).value == f"=D{row}/C{row}*100"
    assert formulas.cell(row, 8).value == f"=G{row}/E{row}*100"
    assert formulas.cell(row + 1, 6).value.startswith("=IF(OR('Tabel 3.1'!$E$")  # from Tabel 3.1's cells


def test_sk_01_and_20_without_a_dipa_of_their_own(sample_run):
    """SK 1 (Rp 14.945.870.000) and SK 20 (Rp 975.298.000) match no DIPA: 'data tidak tersedia'; SK 20's
    capaian is the mean of its five IKK."""
    out, _ = sample_run
    rows = _rows(out)
    sk01 = _block(rows, 1)[0]
    assert sk01[2:5] == [14_945_870_000, "data tidak tersedia", "-"] and sk01[7] == "-"
    assert round(sk01[6], 2) == 124.09  # as the report prints it
    block = _block(rows, 20)
    assert block[0][2:5] == [975_298_000, "data tidak tersedia", "-"]
    assert [row[5] for row in block[1:]] == pytest.approx(_capaian(SK20), rel=1e-12)
    assert block[0][6] == pytest.approx(sum(_capaian(SK20)) / 5, rel=1e-12)
    assert round(block[0][6], 2) == 179.98


def test_the_numbers_are_the_functions():
    assert realisasi_line([540_495_257]) == 540_495_257 and realisasi_line([1, 2, 3]) == 6
    assert penyerapan(990, 1000) == pytest.approx(99.0)
    assert capaian_sk([100.0, 120.0, 140.0]) == 120.0
    assert indeks_efisiensi(120.0, 80.0) == 150.0  # 120% capaian for 80% of the anggaran spent
    groups = efficiency_groups(read_master(MASTER))
    assert [g.sk_no for g in groups] == list(ANGGARAN_SK)
    assert all(not g.per_ikk and g.lines[0].indicator.ikk_no == 1 for g in groups)


# --------------------------------------------------------------------------- a Pemda without SMART and IKPA


def test_a_pemda_budget_runs_and_says_each_missing_sheet_once(pemda_run):
    out, result, budget = pemda_run
    assert result.exit_code == 0, result.output
    lines = re.findall(r"^PERINGATAN \[\w+\].*$", result.output, re.MULTILINE)
    assert len(set(lines)) == len(lines)  # nothing said twice
    said = [re.match(r"PERINGATAN \[(\w+)\]", line).group(1) for line in lines]
    assert [code for code in said if code.startswith("budget")] == ["budget_sheet_absent"] * 3 + [
        "budget_capaian_skipped"]
    for sheet, table in (("SMART", "tabel Nilai SMART DJA"), ("IKPA", "tabel Nilai IKPA"),
                         ("e-Monev", "tabel Capaian Realisasi Anggaran pada e-Monev Bappenas")):
        assert result.output.count(f"Sheet '{sheet}' tidak ada atau kosong di {budget}: {table} tidak ditulis") == 1
    assert result.output.count("Capaian Kinerja Anggaran (60% Nilai SMART + 40% Nilai IKPA) tidak ditulis "
                               f"karena sheet SMART dan IKPA di {budget} tidak ada atau kosong.") == 1
    book = openpyxl.load_workbook(out)
    labels = [row[0] for row in book[SHEET_TOC].iter_rows(min_row=4, values_only=True)]
    assert labels == [f"Tabel 3.{n}" for n in range(1, len(labels) + 1)]  # no gap
    last_two = [book[label]["A1"].value for label in labels[-2:]]
    assert last_two[0].startswith(f"{labels[-2]} Pagu dan Realisasi Anggaran per Program Dinas Komunikasi")
    assert last_two[1].startswith(f"{labels[-1]} Pagu dan Realisasi Anggaran per Sub Kegiatan")
    assert "Capaian Kinerja Anggaran" not in book.sheetnames
    assert f"Tabel ditulis: {out} ({len(labels)} tabel bernomor, Tabel 3.1 sampai {labels[-1]})." in result.output


def test_a_pemda_budget_feeds_the_efficiency_table(pemda_run):
    out, _, _ = pemda_run
    rows = _rows(out)
    sk01 = _block(rows, 1)[0]  # two sub kegiatan with Kode SK "SK01" and 1
    assert sk01[2:4] == [14_945_870_000, 990_000_000 + 410_000_000]
    assert sk01[4] == pytest.approx(1_400_000_000 / 14_945_870_000 * 100, rel=1e-12)
    assert sk01[7] == pytest.approx(_capaian(SK01)[0] / sk01[4] * 100, rel=1e-12)
    sk12 = _block(rows, 12)[0]  # a sub kegiatan with Kode IKK SK12-IKK1: its SK's anggaran
    assert sk12[2:4] == [2_330_716_000, 760_000_000]
    formulas = openpyxl.load_workbook(out)[SHEET]
    row = next(r for r in range(4, 40) if formulas.cell(r, 1).value == 1)
    sub = openpyxl.load_workbook(out)[SHEET_TOC]
    sub_sheet = [r[0] for r in sub.iter_rows(min_row=4, values_only=True)][-1]  # the sub kegiatan table
    assert formulas.cell(row, 4).value == f"='{sub_sheet}'!$D$5+'{sub_sheet}'!$D$6"


# --------------------------------------------------------------------------- anggaran per IKK


def test_anggaran_per_ikk(per_ikk_run):
    out, data = per_ikk_run
    block = _block(_rows(out), 3)
    sk, ikk1, ikk2, ikk3 = block
    assert sk[2:6] == [None, None, None, None] and sk[7] is None  # the lines are the IKK's
    capaian = [row[5] for row in (ikk1, ikk2, ikk3)]
    assert sk[6] == pytest.approx(sum(capaian) / 3, rel=1e-12)
    assert ikk1[2:4] == [300_000_000, 250_000_000]  # "SK03-IKK1" and "sk03-ikk1" (with Kode SK 3): one IKK
    assert ikk1[4] == pytest.approx(250 / 300 * 100, rel=1e-12)
    assert ikk1[7] == pytest.approx(capaian[0] / ikk1[4] * 100, rel=1e-12)
    assert ikk2[2:4] == [200_000_000, 180_000_000]
    assert ikk3[2:5] == [None, None, None] and ikk3[7] is None  # no anggaran of its own
    assert [p.code for p in data.warnings if p.code.startswith("budget_code")] == []


# --------------------------------------------------------------------------- the mapping's problems


def test_mapping_problems_name_file_sheet_and_cell(konsolidasi, tmp_path):
    rows = [
        ("Sub Kegiatan", "Kode IKK yang tidak ada", None, "SK99-IKK1", 10, 9, None),       # row 2
        ("Sub Kegiatan", "Kode SK yang tidak ada", 99, None, 10, 9, None),                 # row 3
        ("Sub Kegiatan", "SK dan IKK berbeda", 2, "SK12-IKK1", 10, 9, None),               # row 4
        ("Sub Kegiatan", "SK beranggaran per IKK", "SK 3", None, 10, 9, None),             # row 5
        ("Sub Kegiatan", "SK tanpa anggaran", 4, None, 10, 9, None),                       # row 6
        ("Program", "Program yang juga dipetakan", 1, None, 10, 9, None),                  # row 7
        ("Sub Kegiatan", "Sub kegiatan dari program itu", 1, None, 10, 9, None),           # row 8
    ]
    budget = pemda_budget(tmp_path / "kode.xlsx", rows)
    with pytest.raises(InputError) as info:
        load_tables_data(konsolidasi, per_ikk_master(), [PREVIOUS], RENSTRA, anggaran=budget)
    found = [(p.file, p.sheet, p.cell, p.code, p.severity) for p in info.value.problems if p.code.startswith("budget")]
    where = (str(budget), "Pagu Realisasi")
    assert found == [
        (*where, "D2", "budget_code_unknown", "error"),
        (*where, "C3", "budget_code_unknown", "error"),
        (*where, "D4", "budget_code_conflict", "error"),
        (*where, "C5", "budget_code_per_ikk", "error"),
        (*where, "C6", "budget_code_no_anggaran", "warning"),
        (*where, "C7", "budget_code_levels", "error"),
    ]
    messages: dict[str, str] = {}
    for problem in info.value.problems:
        messages.setdefault(problem.code, problem.message)
    assert messages["budget_code_unknown"] == (
        f"Kode IKK 'SK99-IKK1' untuk baris 'Kode IKK yang tidak ada' ({budget}, sheet 'Pagu Realisasi', sel D2) "
        "tidak ada di master PK tahun 2023. Periksa kodenya atau kosongkan sel ini.")
    assert "isi Kode IKK, misalnya SK03-IKK1" in messages["budget_code_per_ikk"]
    assert messages["budget_code_levels"].startswith("SK 1 menerima realisasi dari baris tingkat Program, Sub Kegiatan")
    assert "sel C7, C8" in messages["budget_code_levels"]
    groups, problems = map_realisasi(per_ikk_master(), None)
    assert problems == [] and all(not line.rows for g in groups for line in g.lines)


# --------------------------------------------------------------------------- without anggaran, without a budget


def test_no_budget_workbook_still_gives_the_table_and_no_anggaran_none(konsolidasi, tmp_path):
    data = load_tables_data(konsolidasi, read_master(MASTER), [PREVIOUS], RENSTRA)
    out = write_tables(data, tmp_path / "tanpa_anggaran.xlsx").output
    rows = _rows(out)
    assert {row[3] for row in rows if isinstance(row[0], int)} == {"data tidak tersedia"}
    assert "Capaian Kinerja Anggaran" not in openpyxl.load_workbook(out).sheetnames  # no budget tables
    master = read_master(MASTER)
    bare = dataclasses.replace(master, indicators=tuple(dataclasses.replace(i, anggaran=None)
                                                        for i in master.indicators))
    plan = plan_tables(bare, set(), with_budget=True)
    assert "efisiensi" not in {t.kind for t in plan}
    out = write_tables(load_tables_data(konsolidasi, bare, [PREVIOUS], RENSTRA), tmp_path / "tanpa.xlsx").output
    assert SHEET not in openpyxl.load_workbook(out).sheetnames


# --------------------------------------------------------------------------- LibreOffice


def test_libreoffice_recomputes_every_efficiency_table(sample_run, pemda_run, per_ikk_run, tmp_path):
    require_soffice()
    outputs = [sample_run[0], pemda_run[0], per_ikk_run[0]]
    recalculated = recalculate_many(outputs, tmp_path)
    for path in outputs:
        assert mismatches_after(path, recalculated[Path(path)]) == [], path
