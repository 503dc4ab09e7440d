"""The action plan of the Target Kinerja (--rencana-aksi) and e-Monev: Tabel 3.181–3.186 against the 2023 report.

Line numbers refer to shared/reference/lkjip_2023_kanwil_babel.txt.
"""

from __future__ import annotations

import csv
import dataclasses
import re
from pathlib import Path

import openpyxl
import pytest
from click.testing import CliRunner

from engine import assert_formulas_match
from lkjip_xl.cli import cli
from lkjip_xl.master import read_master
from lkjip_xl.problems import WARNING
from lkjip_xl.tables import (
    SHEET_TOC, ActionPlan, ActionRow, InputError, divisi_capaian, kanwil_capaian, load_tables_data, make_tables,
    read_action_plan, write_tables,
)
from lkjip_xl.tables.action_plan import (
    divisi_capaian_formula, kanwil_capaian_formula, mean_score, mean_score_formula,
)
from fixtures_hostile_sheets import append_rows, sheet_xml
from test_docs_run import README, bash, blocks, fresh_copy

from sample_files import (
    ANGGARAN, MASTER, PREVIOUS, RENCANA_AKSI, RENSTRA, SAMPLES, SUPPORTING, run_tables, sample_script,
)

SAMPLE_CSV = SAMPLES / "rencana_aksi_2023.csv"

SHEET = "Rencana Aksi"
PREVIOUS_SHEET = "Capaian Tahun Lalu"
DIVISI = ("Administrasi", "Pelayanan Hukum dan HAM", "Pemasyarakatan", "Keimigrasian")  #: the report's order

#: The captions of Tabel 3.181–3.186 as the report prints them.
PRINTED_TITLES = {
    "3.181": "Capaian Target Kinerja Divisi Administrasi Tahun 2023",  # L5529
    "3.182": "Capaian Target Kinerja Divisi Pelayanan Hukum dan HAM Tahun 2023",  # L5546
    "3.183": "Capain Target Kinerja Divisi Pemasarakatan Tahun 2023",  # L5574
    "3.184": "Capaian Target Kinerja Divisi Keimigrasian Tahun 2023",  # L5590
    "3.185": "Perbandingan Capaian Target Kinerja Kantor Wilayah Tahun 2022 dan 2023",  # L5603
    "3.186": "Capaian Realisasi Anggaran pada e-Monev Bappenas Tahun 2023",  # L5620
}
#: Titles generated from one pattern where the report's own caption slips.
TITLE_DIFFERS = {
    "3.183": "report prints 'Capain' and the text-conversion artefact 'Pemasarakatan' (its DAFTAR TABEL, L347, "
             "even 'Divisi Masyarakat'); the Divisi is Pemasyarakatan, as in the master",
}
#: Tabel 3.185 as printed (L5606-5610): unit, Capaian 2022, Capaian 2023.
PRINTED_3_185 = [
    ("Kepala Kantor Wilayah", 100, 100),
    ("Kepala Divisi Administrasi", 100, 100),  # printed "Adminsitrasi"
    ("Kepala Divisi Pelayanan Hukum dan HAM", 100, 100),
    ("Kepala Divisi Pemasyarakatan", 99.54, 100),  # printed "Pemasarakatan"
    ("Kepala Divisi Keimigrasian", 100, 100),
]


BUILDER = sample_script("build_action_plan_sample")


@pytest.fixture(scope="module")
def master():
    return read_master(MASTER)


BASE_ARGS = ("--master", MASTER, "--previous", PREVIOUS, "--renstra", RENSTRA)


@pytest.fixture(scope="module")
def written(konsolidasi, tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("tabel") / "tabel_2023.xlsx"
    result = run_tables(konsolidasi, *BASE_ARGS, "--anggaran", ANGGARAN, "--supporting", SUPPORTING,
                        "--rencana-aksi", RENCANA_AKSI, "--out", out)
    assert result.exit_code == 0, result.output
    assert "(186 tabel bernomor, Tabel 3.1 sampai Tabel 3.186)" in result.output
    return out


def _rows(path: Path, sheet: str, formulas: bool = False) -> list[list[object]]:
    book = openpyxl.load_workbook(path, data_only=not formulas)
    return [list(row) for row in book[sheet].iter_rows(values_only=True)]


def _plan_book(path: Path, rows: list[list[object]], previous: list[list[object]] | None = None,
               headers: tuple[str, ...] = ("Divisi", "No", "Target Kinerja", "B03", "B06", "B09", "B12")) -> Path:
    """An action-plan workbook typed by hand (openpyxl), header in row 1."""
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = SHEET
    sheet.append(list(headers))
    for row in rows:
        sheet.append(row)
    if previous is not None:
        other = book.create_sheet(PREVIOUS_SHEET)
        other.append(["Unit", "Tahun", "Capaian"])
        for row in previous:
            other.append(row)
    book.save(path)
    return path


def _problems(path: Path, master) -> list[tuple[str, str, str]]:
    with pytest.raises(InputError) as caught:
        read_action_plan(path, master)
    return [(p.code, p.sheet, p.cell) for p in caught.value.problems]


# ----------------------------------------------------------------------------- the sample


def test_sample_holds_the_39_target_kinerja_of_the_report(master):
    plan = read_action_plan(RENCANA_AKSI, master)
    assert plan.divisi_order == DIVISI  # Adm–Yankum–Pas–Imi, not the PK's order
    assert master.divisi_order != DIVISI and set(master.divisi_order) == set(DIVISI)
    assert [len(plan.for_divisi(d)) for d in DIVISI] == [10, 17, 9, 3]  # L5520-5525
    assert plan.periods == ("B03", "B06", "B09", "B12")
    assert all(row.scores == (100.0,) * 4 for row in plan.rows)  # all 156 values are 100
    assert [row.no for row in plan.for_divisi("Pelayanan Hukum dan HAM")] == list(range(1, 18))
    assert plan.previous == {"Kepala Kantor Wilayah": 100, "Administrasi": 100, "Pelayanan Hukum dan HAM": 100,
                             "Pemasyarakatan": 99.54, "Keimigrasian": 100}
    assert plan.warnings == ()
    texts = [row.text for row in plan.rows]
    assert not any(re.search(r"asarakat|<i>", text) for text in texts)  # artefacts fixed, tags gone
    assert texts[22] == ("Menyelenggarakan kegiatan konsultasi teknis terkait pemanfaatan informasi paten bagi "
                         "kalangan Perguruan Tinggi dan Lembaga Litbang")  # split over a page (L5562, L5568)
    with open(SAMPLE_CSV, newline="", encoding="utf-8") as handle:
        assert texts == [row["target_kinerja"] for row in csv.DictReader(handle)]


def test_the_year_is_the_mean_of_the_last_period(master):
    plan = read_action_plan(RENCANA_AKSI, master)
    assert [divisi_capaian(plan, d) for d in DIVISI] == [100, 100, 100, 100]
    assert kanwil_capaian(plan) == 100


def test_pooled_mean_not_mean_of_means():
    rows = (ActionRow("A", 1, "x", (100.0, 100.0)), ActionRow("A", 2, "y", (60.0, 50.0)),
            ActionRow("B", 1, "z", (None, 90.0)), ActionRow("B", 2, "w", (80.0, None)))
    plan = ActionPlan("p.xlsx", 2023, ("B06", "B12"), rows)
    assert divisi_capaian(plan, "A") == 75 and divisi_capaian(plan, "B") == 90  # a blank B12 is left out
    assert kanwil_capaian(plan) == (100 + 50 + 90) / 3 == 80  # not (75 + 90) / 2
    assert divisi_capaian(dataclasses.replace(plan, rows=rows[3:]), "B") is None
    assert mean_score([]) is None
    assert divisi_capaian_formula("'Tabel 3.181'!$F$4:$F$13") == "AVERAGE('Tabel 3.181'!$F$4:$F$13)"
    assert kanwil_capaian_formula(["S!$F$4:$F$5", "T!$F$4:$F$5"]) == "AVERAGE(S!$F$4:$F$5,T!$F$4:$F$5)"
    assert mean_score_formula(["A1:A3"]) == "AVERAGE(A1:A3)"


# ----------------------------------------------------------------------------- refusals


def test_every_row_problem_is_reported_at_once_with_its_cell(master, tmp_path):
    path = _plan_book(tmp_path / "salah.xlsx", [
        ["Administrasi", 1, "Baik", 100, 100, 100, 100],
        ["Divisi Umum", 2, "Divisi tak dikenal", 100, 100, 100, 100],
        [None, 3, "Divisi kosong", 100, 100, 100, 100],
        ["administrasi", "satu", "No bukan angka", 100, 100, 100, 100],
        ["Administrasi", 1.5, "No pecahan", 100, 100, 100, 100],
        ["Administrasi", 1, "No ganda", 100, 100, 100, 100],
        ["Administrasi", 7, None, 100, 100, 100, 100],
        ["Keimigrasian", 1, "Nilai salah", "seratus", "99.540", 120, -1],
    ])
    found = _problems(path, master)
    assert found == [
        ("action_plan_divisi_unknown", SHEET, "A3"),
        ("action_plan_divisi_missing", SHEET, "A4"),
        ("action_plan_no_invalid", SHEET, "B5"),
        ("action_plan_no_invalid", SHEET, "B6"),
        ("action_plan_no_duplicate", SHEET, "B7"),
        ("action_plan_text_missing", SHEET, "C8"),
        ("action_plan_value_invalid", SHEET, "D9"),
        ("action_plan_value_ambiguous", SHEET, "E9"),
        ("action_plan_value_out_of_range", SHEET, "F9"),
        ("action_plan_value_out_of_range", SHEET, "G9"),
    ]
    with pytest.raises(InputError) as caught:
        read_action_plan(path, master)
    messages = {p.cell: p.message for p in caught.value.problems}
    assert messages["A3"] == (
        f"Divisi 'Divisi Umum' ({path}, sheet 'Rencana Aksi', sel A3) tidak ada di master PK. Tulis salah satu "
        "Divisi master: Administrasi, Pemasyarakatan, Keimigrasian, Pelayanan Hukum dan HAM.")
    assert "sel B7 dan B2" in messages["B7"]
    assert messages["D9"].startswith("Capaian B03 Target Kinerja No 1 Divisi Keimigrasian berisi 'seratus'")


def test_headers_and_periods_follow_the_masters_calendar(master, tmp_path):
    missing = _plan_book(tmp_path / "judul.xlsx", [["Administrasi", 1, "x", 100, 100, 100]],
                         headers=("Divisi", "No", "Target Kinerja", "B03", "B06", "B09"))
    assert _problems(missing, master) == [("input_header_missing", SHEET, "")]
    monthly = _plan_book(tmp_path / "bulanan.xlsx", [["Administrasi", 1, "x", 100, 100, 100, 100, 100]],
                         headers=("Divisi", "No", "Target Kinerja", "B01", "B03", "B06", "B09", "B12"))
    found = _problems(monthly, master)
    assert found == [("action_plan_period_other_calendar", SHEET, "D1")]
    semester = read_action_plan(_plan_book(tmp_path / "semester.xlsx", [["Administrasi", 1, "x", 80, 100]],
                                           headers=("Divisi", "No", "Target Kinerja", "B06", "B12")),
                                dataclasses.replace(master, calendar="semester"))
    assert (semester.periods, semester.rows[0].scores) == (("B06", "B12"), (80.0, 100.0))


def test_files_and_sheets_that_cannot_be_used(master, tmp_path):
    assert _problems(tmp_path / "tidak_ada.xlsx", master) == [("file_not_found", "", "")]
    pdf = tmp_path / "bukan.xlsx"
    pdf.write_bytes(b"%PDF-1.7\n%%EOF\n")
    assert [code for code, _, _ in _problems(pdf, master)] == ["file_not_xlsx"]
    other = _plan_book(tmp_path / "lain.xlsx", [], previous=[["Kepala Kantor Wilayah", 2022, 100]])
    book = openpyxl.load_workbook(other)
    book.remove(book[SHEET])
    book.save(other)
    assert _problems(other, master) == [("input_sheet_missing", "", "")]
    empty = _plan_book(tmp_path / "kosong.xlsx", [])
    assert _problems(empty, master) == [("action_plan_no_rows", SHEET, "")]


def test_last_years_sheet(master, tmp_path):
    rows = [["Administrasi", 1, "x", 100, 100, 100, 100], ["Keimigrasian", 1, "y", 100, 100, 100, 100]]
    bad = _plan_book(tmp_path / "lalu.xlsx", rows, previous=[
        ["Kepala Kantor Wilayah", 2022, "100%"],
        ["Divisi Umum", 2022, 100],
        ["Administrasi", "dua ribu", 100],
        ["Keimigrasian", 2023, 100],
        ["Keimigrasian", 2022, None],
        ["Kepala Kantor Wilayah", 2022, 99],
    ])
    assert _problems(bad, master) == [
        ("action_plan_unit_unknown", PREVIOUS_SHEET, "A3"),
        ("input_year_invalid", PREVIOUS_SHEET, "B4"),
        ("action_plan_previous_not_earlier", PREVIOUS_SHEET, "B5"),
        ("action_plan_value_missing", PREVIOUS_SHEET, "C6"),
        ("action_plan_previous_duplicate", PREVIOUS_SHEET, "A7"),
    ]
    good = _plan_book(tmp_path / "lalu_baik.xlsx", rows, previous=[
        ["kepala kantor wilayah", 2022, "99,5"],
        ["Kepala Divisi Keimigrasian", 2022, 98],
        ["Administrasi", 2021, 97],
        ["Pemasyarakatan", 2022, 96],
    ])
    plan = read_action_plan(good, master)
    assert plan.previous == {"Kepala Kantor Wilayah": 99.5, "Keimigrasian": 98}
    warnings = [(p.code, p.cell) for p in plan.warnings]
    assert warnings == [("action_plan_previous_older", "B4"), ("action_plan_previous_unused", "A5"),
                        ("action_plan_divisi_absent", ""), ("action_plan_divisi_absent", "")]
    assert not any(p.is_error for p in plan.warnings)


def test_an_unscored_last_period_is_a_warning(master, tmp_path):
    path = _plan_book(tmp_path / "belum.xlsx", [
        [d, 1, "x", 100, 100, None, None] for d in master.divisi_order] + [["Keimigrasian", 2, "y", 100, 90, 80, 70]])
    plan = read_action_plan(path, master)
    assert [(p.code, p.severity) for p in plan.warnings] == [("action_plan_last_period_incomplete", WARNING)] * 4
    assert "1 target kinerja Divisi Administrasi belum memiliki capaian B12" in plan.warnings[0].message
    assert divisi_capaian(plan, "Administrasi") is None and divisi_capaian(plan, "Keimigrasian") == 70
    assert kanwil_capaian(plan) == 70


# ----------------------------------------------------------------------------- the tables on the samples


def test_numbers_and_titles_match_the_report(written):
    toc = {row[0]: row for row in _rows(written, SHEET_TOC)[3:]}
    for number, printed in PRINTED_TITLES.items():
        label, title, sheet = toc[f"Tabel {number}"]
        assert sheet == label  # one sheet per table, named after it, linked from the DAFTAR TABEL
        assert (title == printed) == (number not in TITLE_DIFFERS), number
    assert toc["Tabel 3.183"][1] == "Capaian Target Kinerja Divisi Pemasyarakatan Tahun 2023"
    book = openpyxl.load_workbook(written)
    links = {cell.offset(column=-2).value: cell.hyperlink.location for cell in book[SHEET_TOC]["C"][3:]}
    assert [links[f"Tabel 3.{n}"] for n in range(181, 187)] == [f"'Tabel 3.{n}'!A1" for n in range(181, 187)]


def test_no_table_is_left_to_be_prepared_by_hand(written):
    assert all(row[2] != "disusun sendiri" for row in _rows(written, SHEET_TOC)[3:])


def test_divisi_tables_print_every_target_kinerja(written, master):
    plan = read_action_plan(RENCANA_AKSI, master)
    for number, divisi in zip(range(181, 185), DIVISI):
        rows = _rows(written, f"Tabel 3.{number}")
        assert rows[0][0] == f"Tabel 3.{number} Capaian Target Kinerja Divisi {divisi} Tahun 2023"
        assert rows[1][:3] == ["No", "Target Kinerja", "Capaian Periode"]
        assert rows[2][2:] == ["B03", "B06", "B09", "B12"]
        body = [row for row in rows[3:] if row[0] is not None]
        assert [(row[0], row[1]) for row in body] == [(r.no, r.text) for r in plan.for_divisi(divisi)]
        assert all(row[2:] == [100] * 4 for row in body)


def test_comparison_table_matches_the_report(written):
    rows = _rows(written, "Tabel 3.185")
    assert rows[1] == ["No", "Kepala Kantor Wilayah/Divisi", "Capaian 2022", "Capaian 2023"]
    assert [tuple(row[1:]) for row in rows[2:7]] == PRINTED_3_185
    assert [row[0] for row in rows[2:7]] == [1, 2, 3, 4, 5]
    formulas = _rows(written, "Tabel 3.185", formulas=True)
    assert formulas[2][3] == ("=AVERAGE('Tabel 3.181'!$F$4:$F$13,'Tabel 3.182'!$F$4:$F$20,'Tabel 3.183'!$F$4:$F$12,"
                              "'Tabel 3.184'!$F$4:$F$6)")
    assert formulas[3][3] == "=AVERAGE('Tabel 3.181'!$F$4:$F$13)"
    assert formulas[2][2] == 100  # last year's figures are inputs, not formulas
    number_format = openpyxl.load_workbook(written)["Tabel 3.185"]["C6"].number_format
    assert number_format == '#,##0.00"%"'  # 99,54%


def test_emonev_table_in_the_chapter(written):
    rows = _rows(written, "Tabel 3.186")
    assert rows[0][0] == "Tabel 3.186 Capaian Realisasi Anggaran pada e-Monev Bappenas Tahun 2023"
    body = rows[4:13]
    assert [row[1] for row in body] == ["SETJEN", "DITJEN PAS", "DITJEN IMIGRASI", "DITJEN AHU", "DITJEN KI",
                                        "DITJEN PP", "DITJEN HAM", "BPHN", "BSK"]  # L5624-5632
    assert rows[13][0] == "NILAI e-MONEV" and rows[13][2] == 100  # "sebesar 100" (L5634)


def test_every_formula_recomputes_in_libreoffice(written, tmp_path):
    assert_formulas_match(written, tmp_path)


def test_uneven_scores_blanks_and_missing_last_year(konsolidasi, master, tmp_path):
    """Values other than 100 and blank cells, so that the pooled mean differs from the mean of the means."""
    rows = [(ActionRow("Keimigrasian", 1, "Satu", (100.0, 90.0, 80.0, 70.0)), ""),
            (ActionRow("Keimigrasian", 2, "Dua", (100.0, None, 60.0, 55.5)), ""),
            (ActionRow("Administrasi", 1, "Tiga", (90.0, 95.0, 97.25, 99.75)), ""),
            (ActionRow("Administrasi", 2, "Empat", (None, None, None, None)), "")]
    path = BUILDER.write_action_plan_workbook(rows, BUILDER.PERIODS, [("Keimigrasian", 2022, 88.8, "")],
                                              tmp_path / "aksi.xlsx")
    data = load_tables_data(konsolidasi, master, [PREVIOUS], RENSTRA, rencana_aksi=path)
    assert {p.code for p in data.warnings} >= {"action_plan_divisi_absent", "action_plan_last_period_incomplete"}
    out = write_tables(data, tmp_path / "tabel.xlsx").output
    plan = data.action_plan
    toc = {row[1]: row[0] for row in _rows(out, SHEET_TOC)[3:]}
    first = toc["Capaian Target Kinerja Divisi Keimigrasian Tahun 2023"]  # the sheet's order, not the PK's
    assert (first, toc["Capaian Target Kinerja Divisi Administrasi Tahun 2023"]) == ("Tabel 3.173", "Tabel 3.174")
    comparison = _rows(out, toc["Perbandingan Capaian Target Kinerja Kantor Wilayah Tahun 2022 dan 2023"])
    assert [row[1:] for row in comparison[2:5]] == [
        ["Kepala Kantor Wilayah", "data tidak tersedia", kanwil_capaian(plan)],
        ["Kepala Divisi Keimigrasian", 88.8, divisi_capaian(plan, "Keimigrasian")],
        ["Kepala Divisi Administrasi", "data tidak tersedia", divisi_capaian(plan, "Administrasi")]]
    assert kanwil_capaian(plan) == (70 + 55.5 + 99.75) / 3 != (62.75 + 99.75) / 2
    assert _rows(out, first)[4][3] == "-"  # not scored in B06
    assert_formulas_match(out, tmp_path)


def test_nothing_is_scored_in_the_last_period(konsolidasi, master, tmp_path):
    rows = [(ActionRow("Administrasi", 1, "Satu", (100.0, None, None, None)), "")]
    path = BUILDER.write_action_plan_workbook(rows, BUILDER.PERIODS, [], tmp_path / "aksi.xlsx")
    data = load_tables_data(konsolidasi, master, [PREVIOUS], RENSTRA, rencana_aksi=path)
    out = write_tables(data, tmp_path / "tabel.xlsx").output
    comparison = _rows(out, "Tabel 3.174")  # 172 tables without budget and supporting tables, then 2
    assert [row[1:] for row in comparison[2:4]] == [["Kepala Kantor Wilayah", "data tidak tersedia", "-"],
                                                    ["Kepala Divisi Administrasi", "data tidak tersedia", "-"]]


# ----------------------------------------------------------------------------- the command and the API


def test_without_the_option_the_tables_are_not_written(konsolidasi, tmp_path):
    out = tmp_path / "tanpa.xlsx"
    result = run_tables(konsolidasi, *BASE_ARGS, "--anggaran", ANGGARAN, "--supporting", SUPPORTING, "--out", out)
    assert result.exit_code == 0, result.output
    assert "(181 tabel bernomor, Tabel 3.1 sampai Tabel 3.181)" in result.output  # e-Monev takes 3.181
    titles = [row[1] for row in _rows(out, SHEET_TOC)[3:]]
    assert not any(title.startswith(("Capaian Target Kinerja", "Perbandingan Capaian Target")) for title in titles)
    assert titles[-1] == "Capaian Realisasi Anggaran pada e-Monev Bappenas Tahun 2023"


def test_command_line_option(konsolidasi, tmp_path):
    help_text = " ".join(CliRunner().invoke(cli, ["tables", "--help"]).output.split())
    assert "--rencana-aksi BERKAS Buku kerja rencana aksi Target Kinerja (sheet 'Rencana Aksi'" in help_text
    bad = _plan_book(tmp_path / "salah.xlsx", [["Divisi Umum", 1, "x", 100, 100, 100, 100]])
    out = tmp_path / "x.xlsx"
    result = run_tables(konsolidasi, *BASE_ARGS, "--rencana-aksi", bad, "--out", out)
    assert result.exit_code == 1
    assert re.search(r"^KESALAHAN  \[action_plan_divisi_unknown\] .* › A2: ", result.output, re.MULTILINE)
    assert not out.exists()
    before = RENCANA_AKSI.read_bytes()
    result = run_tables(konsolidasi, *BASE_ARGS, "--rencana-aksi", RENCANA_AKSI, "--out", RENCANA_AKSI, "--force")
    assert result.exit_code == 2 and "[output_is_input]" in result.output
    assert RENCANA_AKSI.read_bytes() == before
    result = run_tables(konsolidasi, *BASE_ARGS, "--rencana-aksi", tmp_path / "tidak_ada.xlsx", "--out", out)
    assert result.exit_code == 1 and "[file_not_found]" in result.output


@pytest.mark.parametrize("sheet", [SHEET, PREVIOUS_SHEET])
def test_a_far_stray_cell_is_refused_before_reading(konsolidasi, tmp_path, sheet):
    """The action plan is opened like every input: each sheet bounded, the problem naming sheet and cell."""
    far = tmp_path / "jauh.xlsx"
    sheet_xml(RENCANA_AKSI, sheet, append_rows(b'<row r="1048576"><c r="XFD1048576"><v>1</v></c></row>'))(far)
    out = tmp_path / "x.xlsx"
    result = run_tables(konsolidasi, *BASE_ARGS, "--rencana-aksi", far, "--out", out)
    assert result.exit_code == 1
    assert "[sheet_too_large]" in result.output and f"sheet '{sheet}'" in result.output
    assert "XFD1048576" in result.output and not out.exists()


def test_make_tables_takes_the_action_plan(konsolidasi, tmp_path):
    result = make_tables(konsolidasi, MASTER, tmp_path / "t.xlsx", [PREVIOUS], RENSTRA, rencana_aksi=RENCANA_AKSI)
    numbered = [entry.label for entry in result.toc if entry.label]
    assert numbered[-5:] == [f"Tabel 3.{n}" for n in range(173, 178)]  # no budget, no supporting tables
    assert [entry.sheet for entry in result.toc[-5:]] == numbered[-5:]


def test_the_readme_command_produces_3_181_to_3_186(tmp_path):
    (block,) = [b for b in blocks(README) if b.section == "Report tables" and b.lang == "bash"]
    assert any("--rencana-aksi samples/rencana_aksi_2023.xlsx" in command for command in block.commands)
    copy = fresh_copy(tmp_path)
    done = bash(block.text, copy)
    assert done.returncode == 0, (done.stdout[-3000:], done.stderr[-3000:])
    assert "(186 tabel bernomor, Tabel 3.1 sampai Tabel 3.186)" in done.stdout
    toc = _rows(copy / "out" / "tabel_bab3_2023.xlsx", SHEET_TOC)[3:]
    assert {row[0]: row[1] for row in toc[-6:]} == {
        f"Tabel {n}": (t.replace("Capain", "Capaian").replace("Pemasarakatan", "Pemasyarakatan"))
        for n, t in PRINTED_TITLES.items()}
