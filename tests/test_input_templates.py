"""The blank templates of every input (``lkjip-xl template --jenis ...``) are read by their readers.

Each template is written by the real command line, filled with openpyxl the way
a user fills it (one row under the header, cells found by their column titles)
and read back by the reader of that input, which gives the row back; left
empty, it gives the reader's usual answer for no rows.  Every template carries
the sheet Petunjuk, the master's header look, validation and its kind mark.
"""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest
from click.testing import CliRunner

import lkjip_xl
from lkjip_xl._values import YEAR_RANGE
from lkjip_xl.cli import cli
from lkjip_xl.errors import UsageError
from lkjip_xl.input_templates import ALL, TEMPLATE_CHOICES, TEMPLATES, renstra_years, write_input_template
from lkjip_xl.kinds import (
    KIND_ACTION_PLAN, KIND_BUDGET, KIND_MASTER, KIND_PREVIOUS, KIND_RENSTRA, KIND_SUPPORTING, workbook_kind,
)
from lkjip_xl.master import MasterError, read_master
from lkjip_xl.master_layout import GUIDE_SHEET, PK_SHEET
from lkjip_xl.messages import LABELS, msg
from lkjip_xl.model import Indicator, Master
from lkjip_xl.styles import LABEL_BLUE
from lkjip_xl.tables.action_plan import KANWIL, ActionRow, read_action_plan
from lkjip_xl.tables.budget.model import IkpaRow, PaguRow, SmartRow
from lkjip_xl.tables.budget.read import MONTHS, BudgetInputError, load_budget
from lkjip_xl.tables.inputs import InputError
from lkjip_xl.tables.previous import YearFigures, read_previous
from lkjip_xl.tables.renstra import read_renstra
from lkjip_xl.tables.supporting import SupportingTable, read_supporting
from lkjip_xl.validate import validate_files

ROOT = Path(__file__).resolve().parents[1]
FILES = {
    "master": "LKjIP_template.xlsx", "tahun-lalu": "Template_Capaian_Tahun_Lalu.xlsx",
    "renstra": "Template_Renstra.xlsx", "anggaran": "Template_Anggaran.xlsx",
    "rencana-aksi": "Template_Rencana_Aksi.xlsx", "pendukung": "Template_Tabel_Pendukung.xlsx",
}
MARKS = {"master": KIND_MASTER, "tahun-lalu": KIND_PREVIOUS, "renstra": KIND_RENSTRA, "anggaran": KIND_BUDGET,
         "rencana-aksi": KIND_ACTION_PLAN, "pendukung": KIND_SUPPORTING}
MASTER = Master("Kantor Wilayah Kementerian Hukum Nusa Tenggara Barat", 2023, (
    Indicator("SK01-IKK1", "Administrasi", 1, "Meningkatnya tata kelola", 1, "Indeks kepuasan", "Indeks", 3.5),
))


def run(*args: object):
    return CliRunner().invoke(cli, [str(a) for a in args], catch_exceptions=False)


@pytest.fixture(scope="module")
def blank(tmp_path_factory) -> Path:
    """Every template, written once by ``lkjip-xl template --jenis semua``."""
    folder = tmp_path_factory.mktemp("templat")
    result = run("template", "--jenis", ALL, "--out", folder)
    assert result.exit_code == 0, result.output
    assert result.output == "".join(msg("template_written", path=folder / name) + "\n" for name in FILES.values())
    return folder


def filled(source: Path, out: Path, rows: dict[str, dict[str, object] | list[dict[str, object]]],
           cells: dict[str, object] | None = None) -> Path:
    """``source`` with rows under each sheet's header (``rows``: sheet → column title → value, or a list of
    them for several rows), cells of a labelled sheet (``cells``: "Sheet!label" → value, the value beside the
    label) — as a user fills it."""
    book = openpyxl.load_workbook(source)
    for name, lines in rows.items():
        sheet = book[name]
        column = {sheet.cell(1, c).value: c for c in range(1, sheet.max_column + 1)}
        for r, values in enumerate(lines if isinstance(lines, list) else [lines], start=2):
            for title, value in values.items():
                sheet.cell(r, column[title]).value = value
    for where, value in (cells or {}).items():
        name, label = where.split("!")
        sheet = book[name]
        row = next(r for r in range(1, sheet.max_row + 1) if sheet.cell(r, 1).value == label)
        sheet.cell(row, 2).value = value
    book.save(out)
    return out


# --------------------------------------------------------------------------- the registry and the files


def test_every_input_has_a_template_with_its_file_and_mark():
    assert TEMPLATE_CHOICES == (*FILES, "semua")
    assert {kind: t.file_name for kind, t in TEMPLATES.items()} == FILES
    assert all(t.default_path == Path("templates") / t.file_name and t.description for t in TEMPLATES.values())


def test_every_template_has_the_guide_the_header_look_and_its_mark(blank):
    master_header = openpyxl.load_workbook(blank / FILES["master"])[PK_SHEET]["A1"]
    look = (master_header.font.b, master_header.fill.fgColor.rgb, master_header.alignment.wrap_text)
    assert look == (True, "FF" + LABEL_BLUE.lstrip("#"), True)
    for kind, name in FILES.items():
        path = blank / name
        assert workbook_kind(path) == MARKS[kind]
        book = openpyxl.load_workbook(path)
        assert book.sheetnames[-1] == GUIDE_SHEET, kind
        guide = book[GUIDE_SHEET]
        assert guide.cell(1, 1).font.b and guide.column_dimensions["B"].width > 90
        kolom = next(r for r in range(1, guide.max_row + 1) if guide.cell(r, 1).value == LABELS["col_guide_column"])
        entries = [guide.cell(r, 1).value for r in range(kolom + 1, guide.max_row + 1)]
        assert all(guide.cell(r, 2).value for r in range(kolom + 1, guide.max_row + 1)), kind
        for sheet in book.worksheets[:-1]:
            if sheet.freeze_panes is None:  # a labelled sheet (Info, Keterangan)
                continue
            assert sheet.freeze_panes == "A2", (kind, sheet.title)
            titles = [cell.value for cell in sheet[1] if isinstance(cell.value, str)]
            for cell in sheet[1]:
                if isinstance(cell.value, str):  # the master's header look: bold, light blue, wrapped
                    assert (cell.font.b, cell.fill.fgColor.rgb, cell.alignment.wrap_text) == look, \
                        (kind, sheet.title, cell.coordinate)
            if kind == "master":
                continue
            assert sheet.title in entries, (kind, sheet.title)
            explained = set()  # every column is explained, alone or in a run ("B03 … B12")
            for entry in entries:
                first, _, last = entry.partition(" … ")
                if first in titles and (last or first) in titles:
                    explained |= set(titles[titles.index(first):titles.index(last or first) + 1])
            assert explained == set(titles), (kind, sheet.title, set(titles) - explained)


def validations(path: Path, sheet: str) -> dict[str, tuple]:
    book = openpyxl.load_workbook(path)
    rules = book[sheet].data_validations.dataValidation
    return {str(v.sqref): (v.type, v.operator, v.formula1, v.formula2) for v in rules}


def test_validation_numbers_years_lists_and_code_columns_as_text(blank, tmp_path):
    rules = validations(blank / FILES["tahun-lalu"], "Capaian Tahun Lalu")
    assert rules["B2:B301"] == ("whole", None, str(YEAR_RANGE[0]), str(YEAR_RANGE[1]))
    assert rules["D2:D301"] == ("decimal", "greaterThanOrEqual", "0", None)
    assert "E2:E301" not in rules  # Realisasi may be NIHIL or -
    book = openpyxl.load_workbook(blank / FILES["tahun-lalu"])
    assert book["Capaian Tahun Lalu"].column_dimensions["A"].number_format == "@"  # Kode IKK stays text
    rules = validations(blank / FILES["rencana-aksi"], "Rencana Aksi")
    assert rules["B2:B301"] == ("whole", "greaterThanOrEqual", "1", None)
    assert [rules[f"{c}2:{c}301"][0] for c in "DEFG"] == ["decimal"] * 4
    rules = validations(blank / FILES["renstra"], "Renstra")
    assert rules["C1"] == ("whole", None, "2000", "2100") and rules["J2:J301"][2] == '"Ya,Tidak"'
    rules = validations(blank / FILES["anggaran"], "Pagu Realisasi")
    assert rules["E2:E301"][2] == '"Satuan Kerja,Program,Kegiatan,Sub Kegiatan"'
    # --tahun: the earlier years stop before it, the Renstra period and the budget year are filled in
    assert run("template", "--jenis", ALL, "--out", tmp_path, "--tahun", "2025").exit_code == 0
    assert validations(tmp_path / FILES["tahun-lalu"], "Capaian Tahun Lalu")["B2:B301"][3] == "2024"
    assert validations(tmp_path / FILES["rencana-aksi"], "Capaian Tahun Lalu")["B2:B301"][3] == "2024"
    header = [c.value for c in openpyxl.load_workbook(tmp_path / FILES["renstra"])["Renstra"][1]]
    assert header[2:7] == [2025, 2026, 2027, 2028, 2029]
    assert openpyxl.load_workbook(tmp_path / FILES["anggaran"])["Keterangan"]["B4"].value == 2025
    assert openpyxl.load_workbook(tmp_path / FILES["master"])["Info"]["B4"].value == 2025
    assert renstra_years(2023) == (2020, 2021, 2022, 2023, 2024) and renstra_years(None) == (None,) * 5


# --------------------------------------------------------------------------- round trips


def test_previous_years(blank, tmp_path):
    path = filled(blank / FILES["tahun-lalu"], tmp_path / "tahun_lalu.xlsx", {"Capaian Tahun Lalu": {
        "Kode IKK": "SK01-IKK1", "Tahun": 2022, "Target": "3,1", "Realisasi": 3.8, "Sumber": "LKjIP 2022"}})
    expected = YearFigures("SK01-IKK1", 2022, 3.1, 3.8, source="LKjIP 2022")
    assert read_previous([path]).by_code == {"SK01-IKK1": [expected]}
    assert read_previous([blank / FILES["tahun-lalu"]]).by_code == {}


def test_renstra(blank, tmp_path):
    path = filled(blank / FILES["renstra"], tmp_path / "renstra.xlsx", {"Renstra": {
        "Kode IKK": "SK01-IKK1", "Skala PK": "1-4", "Skala Renstra": "1-10", "Kumulatif": "Tidak"}})
    book = openpyxl.load_workbook(path)
    for col, year in zip("CDEFG", renstra_years(2023)):  # the user types the plan years into the header
        book["Renstra"][f"{col}1"] = year
    book["Renstra"]["F2"] = "7,22"
    book.save(path)
    renstra = read_renstra(path)
    assert renstra.years == (2020, 2021, 2022, 2023, 2024)
    row = renstra.rows["SK01-IKK1"]
    assert (row.targets, row.skala_pk, row.skala_renstra, row.cumulative) == ({2023: 7.22}, "1-4", "1-10", False)
    empty = read_renstra(blank / FILES["renstra"])
    assert empty.rows == {} and [p.code for p in empty.warnings] == ["renstra_no_years"]


def test_supporting_tables(blank, tmp_path):
    path = filled(blank / FILES["pendukung"], tmp_path / "pendukung.xlsx", {"Tabel Pendukung": {
        "Sebelum": "sk01-ikk1", "Judul Tabel": "Rekapitulasi Hasil Survei"}})
    assert read_supporting(path, ["SK01-IKK1"]) == (SupportingTable("SK01-IKK1", "Rekapitulasi Hasil Survei"),)
    assert read_supporting(blank / FILES["pendukung"], ["SK01-IKK1"]) == ()


def test_action_plan(blank, tmp_path):
    path = filled(blank / FILES["rencana-aksi"], tmp_path / "rencana_aksi.xlsx", {
        "Rencana Aksi": {"Divisi": "Administrasi", "No": 1, "Target Kinerja": "Meningkatnya nilai SAKIP",
                         "B03": 100, "B06": 100, "B09": 90, "B12": "99,5"},
        "Capaian Tahun Lalu": {"Unit": KANWIL, "Tahun": 2022, "Capaian": 100},
    })
    plan = read_action_plan(path, MASTER)
    assert plan.periods == ("B03", "B06", "B09", "B12")
    assert plan.rows == (ActionRow("Administrasi", 1, "Meningkatnya nilai SAKIP", (100, 100, 90, 99.5), "C2"),)
    assert plan.previous == {KANWIL: 100.0}
    with pytest.raises(InputError) as caught:
        read_action_plan(blank / FILES["rencana-aksi"], MASTER)
    assert [p.code for p in caught.value.problems] == ["action_plan_no_rows"]


def test_budget(blank, tmp_path):
    months = dict.fromkeys(MONTHS, 100)
    path = filled(blank / FILES["anggaran"], tmp_path / "anggaran.xlsx", {
        "Pagu Realisasi": {"Satuan Kerja": "KANWIL (SETJEN)", "Pagu (Rp)": 18758766000,
                           "Realisasi (Rp)": "Rp 18.704.112.438"},
        "SMART": {"Satuan Kerja": "SETJEN", "Penyerapan": 99.71, "Konsistensi": 99.79, "CRO": 100, "Efisiensi": 16.86},
        "IKPA": {"Satuan Kerja": "KANWIL (SETJEN)", "Nilai IKPA": "97,37"},
        "e-Monev": {"Satuan Kerja": "SETJEN", **months},
    }, {"Keterangan!Kantor Wilayah": MASTER.kanwil, "Keterangan!Tahun Anggaran": 2023})
    data = load_budget(path)
    assert (data.kantor, data.tahun) == (MASTER.kanwil, 2023)
    assert data.pagu_realisasi == (PaguRow("", "KANWIL (SETJEN)", 18758766000, 18704112438),)
    assert data.smart == (SmartRow("", "SETJEN", 99.71, 99.79, 100, 16.86),)
    assert data.ikpa == (IkpaRow("", "KANWIL (SETJEN)", 97.37),)
    assert [row.months for row in data.emonev] == [(100.0,) * 12]
    with pytest.raises(BudgetInputError) as caught:
        load_budget(blank / FILES["anggaran"])
    codes = [(p.code, p.sheet) for p in caught.value.problems if p.is_error]
    assert ("budget_info_missing", "Keterangan") in codes and ("budget_no_rows", "Pagu Realisasi") in codes


def test_master(blank, tmp_path):
    assert run("template", "--jenis", "MASTER", "--tahun", "2025", "--out", tmp_path / "m.xlsx").exit_code == 0
    with pytest.raises(MasterError) as caught:
        read_master(tmp_path / "m.xlsx")
    assert [(p.code, p.cell) for p in caught.value.problems] == [("master_info_missing", "B3")]  # the year is in
    assert PK_SHEET in openpyxl.load_workbook(blank / FILES["master"]).sheetnames


def test_a_filled_template_in_a_forms_folder_is_skipped_by_its_mark(blank, tmp_path):
    folder = tmp_path / "formulir"
    folder.mkdir()
    (folder / "anggaran.xlsx").write_bytes((blank / FILES["anggaran"]).read_bytes())
    problems = {p.code: p for p in validate_files([folder]).problems}
    assert problems["toolkit_output_skipped"].severity == "warning"  # not a broken form: skipped, and said why
    assert msg("kind_anggaran") in problems["toolkit_output_skipped"].message


# --------------------------------------------------------------------------- command line and API


def test_each_kind_goes_to_its_file_under_templates_by_default(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    for kind, name in FILES.items():
        result = run("template", "--jenis", kind)
        assert result.exit_code == 0 and result.output == msg("template_written", path=Path("templates") / name) + "\n"
    assert sorted(p.name for p in (tmp_path / "templates").iterdir()) == sorted(FILES.values())


def test_an_existing_template_is_only_replaced_with_force(blank, tmp_path):
    target = tmp_path / "ada"
    target.mkdir()
    (target / FILES["renstra"]).write_bytes(b"jangan ditimpa")
    for args in (["--jenis", "renstra", "--out", target / FILES["renstra"]], ["--jenis", ALL, "--out", target]):
        result = run("template", *args)
        assert result.exit_code == 2 and "output_exists" in result.output, result.output
    assert (target / FILES["renstra"]).read_bytes() == b"jangan ditimpa"
    assert sorted(p.name for p in target.iterdir()) == [FILES["renstra"]]  # all or nothing
    assert run("template", "--jenis", ALL, "--out", target, "--force").exit_code == 0
    assert workbook_kind(target / FILES["renstra"]) == KIND_RENSTRA and len(list(target.iterdir())) == len(FILES)


def test_a_wrong_year_or_kind_is_refused_in_indonesian(tmp_path):
    result = run("template", "--jenis", "renstra", "--tahun", "1999", "--out", tmp_path / "r.xlsx")
    assert result.exit_code == 2 and "template_year_invalid" in result.output and "Traceback" not in result.output
    assert not (tmp_path / "r.xlsx").exists()
    with pytest.raises(UsageError) as caught:
        write_input_template("laporan", tmp_path / "x.xlsx")
    assert caught.value.code == "template_kind_unknown" and "tahun-lalu" in caught.value.message


def test_the_api_writes_what_the_command_line_writes(blank, tmp_path):
    paths = lkjip_xl.write_input_template("pendukung", tmp_path / "p.xlsx", year=2024)
    assert paths == [tmp_path / "p.xlsx"]
    assert workbook_kind(paths[0]) == KIND_SUPPORTING
    assert lkjip_xl.write_input_template(ALL, tmp_path / "semua") == [tmp_path / "semua" / n for n in FILES.values()]
