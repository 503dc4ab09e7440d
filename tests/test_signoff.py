"""The form's SK cells merged per SK, and its sign-off block (issue #15 item 5; form contract 1.2).

A small master (two Divisi, one named "Divisi ..."; SK with several IKK, sub-rates and a monthly Rincian) goes
through the real command line: ``lkjip-xl forms`` merges No SK and Sasaran Kegiatan over each SK's rows (IKK
rows and sub-rows, annual and quarterly forms) and ends every form with the sign-off block (Disiapkan oleh,
Disetujui oleh with the unit head's title; Nama, NIP, Tanggal, each a defined name); a program fills it as the
contract says, and ``validate`` / ``consolidate`` read it back into the consolidated workbook's list of the forms
received (sheet Ringkasan for yearly forms, the block "Pengesahan Formulir" of sheet Pemantauan for period
forms), recomputed by LibreOffice.  A NIP that is not 18 digits typed as text, a date that is no date and a
formula are refused naming file, sheet and cell (and marked in the feedback copy); a form not signed is one
warning and is consolidated; a form of contract 1.1 (SK text on every row, no block) is read as before.
"""

from __future__ import annotations

import datetime
import json
import re
from dataclasses import replace
from pathlib import Path

import openpyxl
import pytest

from engine import assert_formulas_match
from signing import as_layout_before_1_2
from test_free_text import run, stamp_version, table
from lkjip_xl.consolidate import consolidate
from lkjip_xl.feedback import FILLS
from lkjip_xl.forms import write_forms
from lkjip_xl.model import Indicator, IndicatorInput, Master, Method
from lkjip_xl.periods import PeriodRule
from lkjip_xl.problems import ERROR
from lkjip_xl.signoff import FormSignoff, Signatory, parse_date, parse_nip
from lkjip_xl.template import write_master
from lkjip_xl.xlsx import row_height

UMUM, LAYANAN = "Umum", "Divisi Layanan"
SK1 = ("Meningkatnya akuntabilitas pengelolaan keuangan, barang milik negara dan kinerja organisasi pada seluruh "
       "satuan kerja di wilayah")
SK2 = "Meningkatnya tertib administrasi persuratan"
SK3 = "Meningkatnya kualitas layanan publik yang mudah, cepat dan terjangkau bagi masyarakat"


def ikk(code: str, divisi: str, sk_no: int, sk_text: str, n: int, unit: str, target: float, **fields) -> Indicator:
    return Indicator(code=code, divisi=divisi, sk_no=sk_no, sk_text=sk_text, ikk_no=n, text=f"Indikator {code}",
                     unit=unit, target=target, **fields)


MASTER = Master("Kantor Wilayah Uji Pengesahan", 2024, (
    ikk("UM01-IKK1", UMUM, 1, SK1, 1, "Laporan", 4.0),
    ikk("UM01-IKK2", UMUM, 1, SK1, 2, "%", 90.0, method=Method.RASIO),
    ikk("UM01-IKK3", UMUM, 1, SK1, 3, "%", 85.0, method=Method.RERATA_SUBRASIO, sub_labels=("Paspor", "Visa")),
    ikk("UM02-IKK1", UMUM, 2, SK2, 1, "Surat", 120.0, period_rule=PeriodRule.JUMLAH, breakdown="bulanan"),
    ikk("LY01-IKK1", LAYANAN, 3, SK3, 1, "Layanan", 12.0, period_rule=PeriodRule.JUMLAH),
    ikk("LY02-IKK1", LAYANAN, 4, "Meningkatnya penyuluhan", 1, "Kegiatan", 6.0, period_rule=PeriodRule.JUMLAH),
))
FORM_UMUM, FORM_LAYANAN = "Formulir_2024_Umum.xlsx", "Formulir_2024_Divisi_Layanan.xlsx"
#: What the Divisi report: form → {row code: {column title: value}}.
NUMBERS = {
    FORM_UMUM: {"UM01-IKK1": {"Realisasi": 4}, "UM01-IKK2": {"Pembilang": 45, "Penyebut": 50},
                "UM01-IKK3.1": {"Pembilang": 9, "Penyebut": 10}, "UM01-IKK3.2": {"Pembilang": 8, "Penyebut": 10},
                **{f"UM02-IKK1.B{m:02d}": {"Realisasi": 10} for m in range(1, 13)}},
    FORM_LAYANAN: {"LY01-IKK1": {"Realisasi": 12}, "LY02-IKK1": {"Realisasi": 6}},
}
NAMES = ("NAMA", "NIP", "TANGGAL")
PREPARED = {f"LKJIP_DISIAPKAN_{key}": value for key, value in zip(NAMES, (
    "Contoh Penyusun, S.H.", "198001012005011001", datetime.date(2025, 1, 10)))}
APPROVED = {f"LKJIP_DISETUJUI_{key}": value for key, value in zip(NAMES, (
    "Contoh Kepala, S.H., M.H.", "197501011999031001", datetime.date(2025, 1, 12)))}
#: The Layanan form signs with dates typed as text, as the contract allows, and a name a spreadsheet would run.
LAYANAN_SIGNED = {**PREPARED, **APPROVED, "LKJIP_DISIAPKAN_NAMA": '=HYPERLINK("http://contoh.test","klik")',
                  "LKJIP_DISIAPKAN_TANGGAL": "31 Desember 2024", "LKJIP_DISETUJUI_TANGGAL": "02/01/2025"}


def rows_by_code(sheet) -> dict[str, int]:
    header_row, columns = table(sheet)
    return {sheet.cell(r, columns["Kode IKK"]).value: r for r in range(header_row + 1, sheet.max_row + 1)
            if isinstance(sheet.cell(r, columns["Kode IKK"]).value, str)}


def named(book, name: str):
    """The cell a defined name of the form refers to."""
    (sheet_name, ref), = book.defined_names[name].destinations
    return book[sheet_name][ref.replace("$", "")]


def fill(source: Path, target: Path, numbers: dict, signoff: dict[str, object] | None = None) -> dict[str, str]:
    """A copy of the form with ``numbers`` typed in and ``signoff`` written by defined name (texts as text);
    returns {defined name: cell address}."""
    book = openpyxl.load_workbook(source)
    sheet = book["Formulir"]
    _, columns = table(sheet)
    rows = rows_by_code(sheet)
    for code, cells in numbers.items():
        for title, value in cells.items():
            sheet.cell(rows[code], columns[title]).value = value
    where = {}
    for name, value in (signoff or {}).items():
        cell = named(book, name)
        assert not cell.protection.locked, name
        cell.value = value
        if isinstance(value, str):
            cell.data_type = "s"  # text, whatever it starts with: what the cell's "@" format makes of it
        where[name] = cell.coordinate
    book.save(target)
    book.close()
    return where


def problems_of(result) -> list[dict]:
    return json.loads(result.stdout)["problems"]


@pytest.fixture(scope="module")
def work(tmp_path_factory) -> dict[str, Path]:
    base = tmp_path_factory.mktemp("pengesahan")
    master = write_master(MASTER, base / "master.xlsx")
    paths = {"base": base, "master": master}
    for label, folder in (("Tahunan", "tahunan"), ("Triwulan I", "tw1"), ("Triwulan II", "tw2")):
        result = run("forms", master, "--out-dir", base / folder, "--periode", label)
        assert result.exit_code == 0, result.output
        paths[label] = base / folder
    return paths


@pytest.fixture(scope="module")
def signed(work) -> dict[str, object]:
    """The annual forms filled and signed by a program, validated and consolidated by the command line."""
    folder = work["base"] / "diisi"
    folder.mkdir()
    where = {FORM_UMUM: fill(work["Tahunan"] / FORM_UMUM, folder / FORM_UMUM, NUMBERS[FORM_UMUM],
                             {**PREPARED, **APPROVED}),
             FORM_LAYANAN: fill(work["Tahunan"] / FORM_LAYANAN, folder / FORM_LAYANAN, NUMBERS[FORM_LAYANAN],
                                LAYANAN_SIGNED)}
    result = run("validate", folder, "--master", work["master"], "--json")
    assert result.exit_code == 0 and problems_of(result) == [], result.output
    out = work["base"] / "konsolidasi.xlsx"
    result = run("consolidate", folder, "--master", work["master"], "--out", out)
    assert result.exit_code == 0 and result.output.endswith("6 dari 6 IKK tercapai.\n"), result.output
    return {"folder": folder, "out": out, "where": where}


# --------------------------------------------------------------------------- merged SK cells


@pytest.mark.parametrize("period, form", [("Tahunan", FORM_UMUM), ("Tahunan", FORM_LAYANAN),
                                          ("Triwulan II", "Formulir_2024_Umum_Triwulan_II.xlsx")])
def test_no_sk_and_sasaran_kegiatan_are_merged_over_each_sks_rows(work, period, form):
    book = openpyxl.load_workbook(work[period] / form)
    sheet = book["Formulir"]
    _, columns = table(sheet)
    rows = rows_by_code(sheet)
    by_code = MASTER.by_code()
    # each SK runs from its first IKK row to the row before the next SK's (its IKK rows and their sub-rows)
    firsts = [(r, by_code[code]) for code, r in rows.items() if code in by_code
              and (r == min(rows.values()) or by_code[code].ikk_no == 1)]
    spans = [(r, (firsts[n + 1][0] - 1) if n + 1 < len(firsts) else max(rows.values()), indicator)
             for n, (r, indicator) in enumerate(firsts)]
    if period == "Triwulan II" and form.startswith("Formulir_2024_Umum"):
        assert [(first, last) for first, last, _ in spans] == [(9, 13), (14, 17)]  # April, Mei, Juni
    merged = {str(r) for r in sheet.merged_cells.ranges}
    sk_no, sk_text = (openpyxl.utils.get_column_letter(columns[t]) for t in ("No SK", "Sasaran Kegiatan"))
    heights = {r: (dim.height or 15) for r, dim in sheet.row_dimensions.items()}
    for first, last, indicator in spans:
        for letter in (sk_no, sk_text):
            assert (f"{letter}{first}:{letter}{last}" in merged) is (last > first), (letter, first, last)
            assert all(sheet[f"{letter}{r}"].value is None for r in range(first + 1, last + 1))
        assert sheet[f"{sk_no}{first}"].value == indicator.sk_no
        assert sheet[f"{sk_text}{first}"].value == indicator.sk_text
        assert sheet[f"{sk_text}{first}"].protection.locked
        # the rows of the merged cell give its text room (the long SK1 on three short rows)
        room = sum(heights.get(r, 15) for r in range(first, last + 1))
        assert room >= row_height([(indicator.sk_text, 30)]) - 1, (indicator.code, room)
    book.close()


def test_a_blank_merged_row_is_read_and_a_changed_sk_text_is_still_caught(work, signed, tmp_path):
    """The SK's other rows read blank (the merged cell holds its text in its first row only): no problem; the
    SK text changed in that first row is refused there."""
    book = openpyxl.load_workbook(signed["folder"] / FORM_UMUM)
    sheet = book["Formulir"]
    _, columns = table(sheet)
    rows = rows_by_code(sheet)
    cell = sheet.cell(rows["UM01-IKK1"], columns["Sasaran Kegiatan"])
    cell.value = "Sasaran lain"
    book.save(tmp_path / FORM_UMUM)
    result = run("validate", tmp_path / FORM_UMUM, "--master", work["master"], "--json")
    assert result.exit_code == 1
    assert [(p["code"], p["cell"], p["ikk"]) for p in problems_of(result) if p["file"]] == [
        ("locked_changed", cell.coordinate, "UM01-IKK1")]


# --------------------------------------------------------------------------- the sign-off block


@pytest.mark.parametrize("form, head", [(FORM_UMUM, "Kepala Divisi Umum"), (FORM_LAYANAN, "Kepala Divisi Layanan")])
def test_every_form_ends_with_the_signoff_block(work, form, head):
    book = openpyxl.load_workbook(work["Tahunan"] / form)
    sheet = book["Formulir"]
    _, columns = table(sheet)
    last_table_row = max(rows_by_code(sheet).values())
    rules = {ref.coord: (v.type, v.operator, v.formula1, v.errorStyle)
             for v in sheet.data_validations.dataValidation for ref in v.sqref.ranges}
    for part, label in (("DISIAPKAN", "Disiapkan oleh"), ("DISETUJUI", "Disetujui oleh")):
        cells = [named(book, f"LKJIP_{part}_{key}") for key in NAMES]
        assert [c.column for c in cells] == [columns["Indikator Kinerja Kegiatan"]] * 3
        assert all(c.row > last_table_row + 1 for c in cells)  # below the table, a row apart
        labels = [sheet.cell(c.row, columns["Sasaran Kegiatan"]).value for c in cells]
        assert labels == ["Nama", "NIP", "Tanggal"]
        assert sheet.cell(cells[0].row - 1, columns["Sasaran Kegiatan"]).value == label
        assert all(not c.protection.locked and c.value is None for c in cells)
        name, nip, date = cells
        assert name.number_format == nip.number_format == "@"  # 18 digits stay text, "=..." stays text
        assert date.number_format == "dd/mm/yyyy"
        assert rules[nip.coordinate][:3] == ("textLength", "equal", "18")
        assert rules[date.coordinate] == ("date", None, "36526", "warning")  # between 2000-01-01 and ..
    title = named(book, "LKJIP_DISETUJUI_NAMA").row - 1
    assert sheet.cell(title, columns["Indikator Kinerja Kegiatan"]).value == head  # the unit head, no "Divisi" twice
    book.close()


def test_the_pemkab_forms_name_the_head_of_the_bidang():
    sample = Path(__file__).resolve().parents[1] / "samples" / "pemkab" / "formulir" / "Formulir_2024_Sekretariat.xlsx"
    book = openpyxl.load_workbook(sample)
    cell = named(book, "LKJIP_DISETUJUI_NAMA")
    assert book["Formulir"].cell(cell.row - 1, cell.column).value == "Kepala Bidang Sekretariat"
    assert isinstance(named(book, "LKJIP_DISETUJUI_NIP").value, str)  # the samples are signed (fictional)
    book.close()


def test_the_signoff_comes_back_in_ringkasan_as_typed(work, signed, tmp_path):
    book = openpyxl.load_workbook(signed["out"])
    sheet = book["Ringkasan"]
    header = [c.value for c in sheet[3]]
    assert header[7:13] == ["Disiapkan oleh", "NIP", "Tanggal", "Disetujui oleh", "NIP", "Tanggal"]
    rows = {sheet.cell(r, 1).value: [c.value for c in sheet[r][7:13]] for r in range(4, 6)}
    jan = datetime.datetime
    assert rows == {
        UMUM: ["Contoh Penyusun, S.H.", "198001012005011001", jan(2025, 1, 10), "Contoh Kepala, S.H., M.H.",
               "197501011999031001", jan(2025, 1, 12)],
        LAYANAN: ['=HYPERLINK("http://contoh.test","klik")', "198001012005011001", jan(2024, 12, 31),
                  "Contoh Kepala, S.H., M.H.", "197501011999031001", jan(2025, 1, 2)],
    }
    # a name is a string, never a formula; a NIP a string; a date a date shown dd/mm/yyyy
    assert all(sheet.cell(r, c).data_type == "s" for r in (4, 5) for c in (8, 9, 11, 12))
    assert all(sheet.cell(r, c).number_format == "dd/mm/yyyy" for r in (4, 5) for c in (10, 13))
    assert [sheet.cell(6, c).value for c in range(8, 14)] == [None] * 6  # the Kanwil's row: no form
    book.close()
    # the same from Python: each checked form carries its sign-off
    result = consolidate([signed["folder"]], tmp_path / "api.xlsx", work["master"])
    forms = {checked.form.divisi: checked.signoff for _, _, checked in result.parts[0].rows}
    assert forms[LAYANAN].prepared.date == datetime.date(2024, 12, 31)
    assert forms[LAYANAN].approver_title == "Kepala Divisi Layanan"
    assert forms[UMUM].approved == Signatory("Contoh Kepala, S.H., M.H.", "197501011999031001",
                                             datetime.date(2025, 1, 12))


def test_libreoffice_recomputes_the_consolidated_workbook(signed, tmp_path):
    assert_formulas_match(signed["out"], tmp_path)


def test_period_forms_list_each_form_and_its_signoff_in_pemantauan(work, tmp_path):
    folder = tmp_path / "triwulan"
    sign = {UMUM: FormSignoff(Signatory("Contoh Penyusun TW1", "198001012005011001", datetime.date(2024, 4, 8)),
                              Signatory("Contoh Kepala TW1", "197501011999031001", datetime.date(2024, 4, 10)))}
    quarter = {"UM01-IKK1": IndicatorInput("UM01-IKK1", value=1.0), "UM01-IKK2": IndicatorInput(
        "UM01-IKK2", pairs=[(9.0, 10.0)]), "UM01-IKK3": IndicatorInput("UM01-IKK3", pairs=[(9.0, 10.0), (8.0, 10.0)]),
        **{f"UM02-IKK1.B{m:02d}": IndicatorInput(f"UM02-IKK1.B{m:02d}", value=10.0) for m in (1, 2, 3)},
        "LY01-IKK1": IndicatorInput("LY01-IKK1", value=3.0), "LY02-IKK1": IndicatorInput("LY02-IKK1", value=2.0)}
    write_forms(MASTER, folder, "Triwulan I", inputs=quarter, signoff=sign)  # Layanan's Triwulan I: unsigned
    second = {**NUMBERS[FORM_UMUM], "UM02-IKK1.B04": {"Realisasi": 10}}
    second = {code: cells for code, cells in second.items() if not code.startswith("UM02-IKK1.B")}
    second |= {f"UM02-IKK1.B{m:02d}": {"Realisasi": 10} for m in (4, 5, 6)}
    fill(work["Triwulan II"] / "Formulir_2024_Umum_Triwulan_II.xlsx", folder / "Formulir_2024_Umum_Triwulan_II.xlsx",
         second, {**PREPARED, **APPROVED, "LKJIP_DISETUJUI_TANGGAL": "5 Jul 2024"})
    out = tmp_path / "konsolidasi.xlsx"
    result = run("consolidate", folder, "--master", work["master"], "--out", out, "--json")
    assert result.exit_code == 0, result.output
    missing = [p for p in problems_of(result) if p["code"] == "signoff_missing"]
    assert [Path(p["file"]).name for p in missing] == ["Formulir_2024_Divisi_Layanan_Triwulan_I.xlsx"]
    book = openpyxl.load_workbook(out)
    sheet = book["Pemantauan"]
    rows = [[v for v in row if v is not None] for row in sheet.iter_rows(values_only=True)]
    start = rows.index(["Pengesahan Formulir"])
    assert rows[start + 1] == ["Divisi", "Periode", "Disiapkan oleh", "NIP", "Tanggal", "Disetujui oleh", "NIP",
                               "Tanggal"]
    assert rows[start + 2:] == [
        [UMUM, "Triwulan I", "Contoh Penyusun TW1", "198001012005011001", datetime.datetime(2024, 4, 8),
         "Contoh Kepala TW1", "197501011999031001", datetime.datetime(2024, 4, 10)],
        [UMUM, "Triwulan II", "Contoh Penyusun, S.H.", "198001012005011001", datetime.datetime(2025, 1, 10),
         "Contoh Kepala, S.H., M.H.", "197501011999031001", datetime.datetime(2024, 7, 5)],
        [LAYANAN, "Triwulan I"],  # received, not signed: its cells blank
    ]
    assert sheet.print_area.endswith(f"${start + 4 + 1}")  # the block is printed too
    book.close()
    assert_formulas_match(out, tmp_path)


# --------------------------------------------------------------------------- refusals and warnings


@pytest.mark.parametrize("name, value, code, shown", [
    ("LKJIP_DISIAPKAN_NIP", "19800101 200501 1 001", "signoff_nip_invalid", "'19800101 200501 1 001', bukan 18"),
    ("LKJIP_DISETUJUI_NIP", "19750101199903100", "signoff_nip_invalid", "bukan 18 angka"),
    ("LKJIP_DISETUJUI_NIP", "19750101199903100A", "signoff_nip_invalid", "bukan 18 angka"),
    ("LKJIP_DISIAPKAN_NIP", 198001012005011001, "signoff_nip_invalid", "tersimpan sebagai angka, bukan teks"),
    ("LKJIP_DISIAPKAN_TANGGAL", "31/02/2025", "signoff_date_invalid", "'31/02/2025', bukan tanggal"),
    ("LKJIP_DISETUJUI_TANGGAL", "Januari 2025", "signoff_date_invalid", "'Januari 2025', bukan tanggal"),
    ("LKJIP_DISETUJUI_TANGGAL", "12/31/2024", "signoff_date_invalid", "'12/31/2024', bukan tanggal"),
    ("LKJIP_DISETUJUI_TANGGAL", datetime.date(1999, 12, 31), "signoff_date_invalid", "'31/12/1999'"),
])
def test_a_bad_nip_or_date_is_refused_naming_file_sheet_and_cell(work, signed, tmp_path, name, value, code, shown):
    folder = tmp_path / "diisi"
    folder.mkdir()
    where = fill(signed["folder"] / FORM_UMUM, folder / FORM_UMUM, {}, {name: value})
    (folder / FORM_LAYANAN).write_bytes((signed["folder"] / FORM_LAYANAN).read_bytes())
    result = run("validate", folder, "--master", work["master"], "--json")
    assert result.exit_code == 1
    [problem] = problems_of(result)
    assert (problem["code"], problem["severity"], Path(problem["file"]).name, problem["sheet"], problem["cell"]) == (
        code, "error", FORM_UMUM, "Formulir", where[name])
    part = "Disiapkan oleh" if "DISIAPKAN" in name else "Disetujui oleh"
    assert problem["message"].startswith(f"{'NIP' if 'NIP' in name else 'Tanggal'} pada bagian '{part}' "
                                         f"({folder / FORM_UMUM}, sheet 'Formulir', sel {where[name]}) ")
    assert shown in problem["message"]
    result = run("consolidate", folder, "--master", work["master"], "--out", tmp_path / "k.xlsx")
    assert result.exit_code == 1 and not (tmp_path / "k.xlsx").exists()


def test_a_formula_in_the_block_is_refused_and_marked_in_the_feedback_copy(work, signed, tmp_path):
    folder = tmp_path / "diisi"
    folder.mkdir()
    book = openpyxl.load_workbook(signed["folder"] / FORM_UMUM)
    cell = named(book, "LKJIP_DISETUJUI_NIP")
    cell.value = '="19750101"&"1999031001"'  # a formula, as Excel writes one typed into a General cell
    book.save(folder / FORM_UMUM)
    book.close()
    (folder / FORM_LAYANAN).write_bytes((signed["folder"] / FORM_LAYANAN).read_bytes())
    result = run("validate", folder, "--master", work["master"], "--json", "--feedback-dir", tmp_path / "umpan")
    assert result.exit_code == 1
    [problem] = problems_of(result)
    assert (problem["code"], problem["cell"]) == ("formula_in_input", cell.coordinate)
    assert problem["message"].startswith("NIP pada bagian 'Disetujui oleh' berisi rumus '=")
    (copy,) = (tmp_path / "umpan").iterdir()
    marked = openpyxl.load_workbook(copy)["Formulir"][cell.coordinate]
    assert marked.fill.fgColor.rgb == FILLS[ERROR].fgColor.rgb and "rumus" in marked.comment.text


def test_control_characters_are_shown_in_the_message_and_kept_in_the_name(work, signed, tmp_path):
    folder = tmp_path / "diisi"
    folder.mkdir()
    fill(signed["folder"] / FORM_UMUM, folder / FORM_UMUM, {},
         {"LKJIP_DISIAPKAN_NAMA": "Contoh\tNama \u202eterbalik", "LKJIP_DISIAPKAN_NIP": "1980\u202e0101200501100"})
    (folder / FORM_LAYANAN).write_bytes((signed["folder"] / FORM_LAYANAN).read_bytes())
    result = run("validate", folder, "--master", work["master"], "--json")
    assert result.exit_code == 1 and "\u202e" not in result.output
    [problem] = problems_of(result)
    assert problem["code"] == "signoff_nip_invalid" and "'1980\\u202e0101200501100'" in problem["message"]
    fill(folder / FORM_UMUM, folder / FORM_UMUM, {}, {"LKJIP_DISIAPKAN_NIP": "198001012005011001"})
    out = tmp_path / "k.xlsx"
    assert run("consolidate", folder, "--master", work["master"], "--out", out).exit_code == 0
    assert openpyxl.load_workbook(out)["Ringkasan"]["H4"].value == "Contoh\tNama \u202eterbalik"  # data, as typed


def test_an_unsigned_form_is_one_warning_saying_who_signs_and_is_consolidated(work, tmp_path):
    folder = tmp_path / "diisi"
    folder.mkdir()
    fill(work["Tahunan"] / FORM_UMUM, folder / FORM_UMUM, NUMBERS[FORM_UMUM])  # nothing signed
    where = fill(work["Tahunan"] / FORM_LAYANAN, folder / FORM_LAYANAN, NUMBERS[FORM_LAYANAN], PREPARED)
    out = tmp_path / "k.xlsx"
    result = run("consolidate", folder, "--master", work["master"], "--out", out, "--json")
    assert result.exit_code == 0, result.output
    warnings = {Path(p["file"]).name: p for p in problems_of(result) if p["code"] == "signoff_missing"}
    assert [p["code"] for p in problems_of(result)] == ["signoff_missing", "signoff_missing"]  # one per form
    umum, layanan = warnings[FORM_UMUM], warnings[FORM_LAYANAN]
    assert umum["severity"] == layanan["severity"] == "warning"
    assert ("bagian 'Disiapkan oleh' (pegawai yang menyusun formulir) belum berisi Nama, NIP, Tanggal; "
            "bagian 'Disetujui oleh' (Kepala Divisi Umum) belum berisi Nama, NIP, Tanggal") in umum["message"]
    assert "Disiapkan oleh" not in layanan["message"]
    assert "bagian 'Disetujui oleh' (Kepala Divisi Layanan) belum berisi Nama, NIP, Tanggal" in layanan["message"]
    assert layanan["cell"] == named(openpyxl.load_workbook(folder / FORM_LAYANAN), "LKJIP_DISETUJUI_NAMA").coordinate
    assert where  # the prepared part was written
    ringkasan = openpyxl.load_workbook(out)["Ringkasan"]
    assert [c.value for c in ringkasan[4][7:13]] == [None] * 6
    assert ringkasan["H5"].value == "Contoh Penyusun, S.H." and ringkasan["K5"].value is None


# --------------------------------------------------------------------------- forms of contract 1.1


def as_version_1_1(source: Path, target: Path) -> None:
    """The form at ``source`` as lkjip-xl wrote it in contract 1.1: the SK number and text on every IKK row
    (nothing merged), no sign-off block nor its names, the stamp's version 1.1 (in its row and hashed)."""
    book = openpyxl.load_workbook(source)
    as_layout_before_1_2(book, MASTER)
    stamp_version(book, "1.1")
    book.save(target)
    book.close()


def test_a_form_of_contract_1_1_is_read_as_before_without_a_signoff(work, signed, tmp_path):
    folder = tmp_path / "lama"
    folder.mkdir()
    for name in (FORM_UMUM, FORM_LAYANAN):
        as_version_1_1(signed["folder"] / name, folder / name)
    book = openpyxl.load_workbook(folder / FORM_UMUM)
    assert not book["Formulir"].merged_cells.ranges and "LKJIP_DISIAPKAN_NIP" not in book.defined_names
    book.close()
    result = run("validate", folder, "--master", work["master"], "--json")
    assert result.exit_code == 0 and problems_of(result) == [], result.output  # no sign-off asked of it
    out = tmp_path / "k.xlsx"
    result = run("consolidate", folder, "--master", work["master"], "--out", out)
    assert result.exit_code == 0 and result.output.endswith("6 dari 6 IKK tercapai.\n"), result.output
    ringkasan = openpyxl.load_workbook(out)["Ringkasan"]
    assert [c.value for r in (4, 5) for c in ringkasan[r][7:13]] == [None] * 12
    # its SK text is still checked on every row, as in 1.1
    book = openpyxl.load_workbook(folder / FORM_UMUM)
    sheet = book["Formulir"]
    _, columns = table(sheet)
    changed = sheet.cell(rows_by_code(sheet)["UM01-IKK2"], columns["Sasaran Kegiatan"])
    changed.value = None
    book.save(folder / FORM_UMUM)
    result = run("validate", folder / FORM_UMUM, "--master", work["master"], "--json")
    found = [(p["code"], p["cell"]) for p in problems_of(result) if p["file"]]
    assert found == [("locked_changed", changed.coordinate)]


# --------------------------------------------------------------------------- what is accepted


@pytest.mark.parametrize("text, expected", [
    ("31/12/2024", (2024, 12, 31)), ("1-2-2025", (2025, 2, 1)), (" 31.12.2024 ", (2024, 12, 31)),
    ("31 Desember 2024", (2024, 12, 31)), ("31 des 2024", (2024, 12, 31)), ("5 Agu. 2024", (2024, 8, 5)),
    ("2024-12-31", (2024, 12, 31)), (datetime.datetime(2024, 12, 31, 15, 30), (2024, 12, 31)),
    ("31/12/24", None), ("31 Desemberr 2024", None), ("29/02/2023", None), ("1/1/2101", None), (45657.0, None),
    ("", None),
])
def test_the_dates_a_signoff_takes(text, expected):
    assert parse_date(text) == (None if expected is None else datetime.date(*expected))


@pytest.mark.parametrize("value, expected", [
    ("198001012005011001", "198001012005011001"), (" 198001012005011001 ", "198001012005011001"),
    ("1980 0101 2005 01 1 001", None), ("19800101200501100", None), ("1980010120050110011", None),
    ("١٩٨٠٠١٠١٢٠٠٥٠١١٠٠١", None), (198001012005011001, None), (1.98001012005011e17, None), (None, None),
])
def test_the_nips_a_signoff_takes(value, expected):
    assert parse_nip(value) == expected


def test_the_flags_of_the_form_contract_say_it(work):
    """The contract names the block, its names and the version; a form's stamp says 1.2."""
    contract = (Path(__file__).resolve().parents[1] / "docs" / "form_contract.md").read_text(encoding="utf-8")
    assert "## Sign-off block (Pengesahan)" in contract
    assert all(f"LKJIP_{part}_{key}" in contract for part in ("DISIAPKAN", "DISETUJUI") for key in NAMES)
    book = openpyxl.load_workbook(work["Tahunan"] / FORM_UMUM)
    assert {row[0]: row[1] for row in book["_lkjip"].iter_rows(values_only=True)}["template_version"] == "1.2"
    assert re.search(r"lkjip-xl writes `1\.2`", contract)
    book.close()


def test_a_semester_calendar_gives_the_block_the_columns_it_needs(tmp_path):
    """Pemantauan of a semester calendar has fewer columns than the block: it adds them, and prints them."""
    master = replace(MASTER, calendar="semester")
    path = write_master(master, tmp_path / "master.xlsx")
    folder = tmp_path / "semester"
    inputs = {"UM01-IKK1": IndicatorInput("UM01-IKK1", value=2.0), "UM01-IKK2": IndicatorInput(
        "UM01-IKK2", pairs=[(9.0, 10.0)]), "UM01-IKK3": IndicatorInput("UM01-IKK3", pairs=[(9.0, 10.0), (8.0, 10.0)]),
        **{f"UM02-IKK1.B{m:02d}": IndicatorInput(f"UM02-IKK1.B{m:02d}", value=10.0) for m in range(1, 7)},
        "LY01-IKK1": IndicatorInput("LY01-IKK1", value=6.0), "LY02-IKK1": IndicatorInput("LY02-IKK1", value=3.0)}
    sign = FormSignoff(Signatory("Contoh Penyusun", "198001012005011001", datetime.date(2024, 7, 8)),
                       Signatory("Contoh Kepala", "197501011999031001", datetime.date(2024, 7, 9)))
    write_forms(master, folder, "Semester I", inputs=inputs, signoff={UMUM: sign, LAYANAN: sign})
    out = tmp_path / "k.xlsx"
    result = run("consolidate", folder, "--master", path, "--out", out)
    assert result.exit_code == 0, result.output
    sheet = openpyxl.load_workbook(out)["Pemantauan"]
    last = [row for row in sheet.iter_rows(values_only=True)][-1]
    assert [v for v in last if v is not None] == [LAYANAN, "Semester I", "Contoh Penyusun", "198001012005011001",
                                                  datetime.datetime(2024, 7, 8), "Contoh Kepala",
                                                  "197501011999031001", datetime.datetime(2024, 7, 9)]
    assert last[14] == datetime.datetime(2024, 7, 9)  # the 8th value: columns O:P, past the capaian block's M
    assert sheet.print_area.split(":")[-1].startswith("$P$")
