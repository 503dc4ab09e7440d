"""The narrative texts of a form (issue #14): Faktor Pendukung, Faktor Penghambat, Upaya / Rencana Tindak Lanjut.

A small master (a count, a rasio, sub-rates, a monthly Rincian, two Divisi) goes
through the real command line: ``lkjip-xl forms`` writes the three open text
columns beside Keterangan on every IKK row (yellow, wrapped, typed as text,
at most 2.000 characters; grey on sub-rows), a program fills them as the form
contract says (texts that a spreadsheet would run as formulas, typed as text),
``lkjip-xl validate`` and ``consolidate`` read them back into sheet *Data* and
*Sumber*, and the report tables' data carries them
(``load_tables_data(...).current[code].faktor_pendukung``).  No output ever
holds a formula for them; a formula typed into the column is refused naming
file, sheet and cell, an over-long text is refused, a hidden one is a warning;
period forms give the s.d. view each text of the latest period that wrote one;
and a form written before the columns existed (contract 1.0) is read as before.
"""

from __future__ import annotations

import hashlib
import json
import re
import shutil
import zipfile
from pathlib import Path

import openpyxl
import pytest
from click.testing import CliRunner
from python_calamine import CalamineWorkbook

from engine import recalculate, require_soffice
from signing import as_layout_before_1_2, sign
from lkjip_xl.checks import check_form
from lkjip_xl.cli import cli
from lkjip_xl.forms import write_forms
from lkjip_xl.model import Indicator, IndicatorInput, Master, Method
from lkjip_xl.periods import PeriodRule
from lkjip_xl.reader import read_form
from lkjip_xl.styles import ERROR_FILL, INPUT_FILL, LOCKED_FILL
from lkjip_xl.tables.load import load_tables_data
from lkjip_xl.template import write_master

UMUM, LAYANAN = "Umum", "Layanan"
KANWIL, YEAR = "Kantor Wilayah Uji Narasi", 2024
SUPPORT, OBSTACLE, ACTION = "Faktor Pendukung", "Faktor Penghambat", "Upaya / Rencana Tindak Lanjut"
TEXTS = (SUPPORT, OBSTACLE, ACTION)
FIELD = {SUPPORT: "faktor_pendukung", OBSTACLE: "faktor_penghambat", ACTION: "upaya"}
QUARTERS = ("Triwulan I", "Triwulan II", "Triwulan III", "Triwulan IV")


def ikk(code: str, divisi: str, n: int, text: str, unit: str, target: float, **fields) -> Indicator:
    return Indicator(code=code, divisi=divisi, sk_no=1 if divisi == UMUM else 2, sk_text=f"Sasaran {divisi}",
                     ikk_no=n, text=text, unit=unit, target=target, **fields)


MASTER = Master(KANWIL, YEAR, (
    ikk("TX-1", UMUM, 1, "Jumlah layanan konsultasi hukum", "Layanan", 120.0, period_rule=PeriodRule.JUMLAH),
    ikk("TX-2", UMUM, 2, "Persentase permohonan selesai tepat waktu", "%", 90.0, method=Method.RASIO),
    ikk("TX-3", UMUM, 3, "Persentase layanan selesai", "%", 85.0, method=Method.RERATA_SUBRASIO,
        sub_labels=("Paspor", "Visa")),
    ikk("TX-4", UMUM, 4, "Jumlah surat yang diarsipkan", "Surat", 120.0, period_rule=PeriodRule.JUMLAH,
        breakdown="bulanan"),
    ikk("LY-1", LAYANAN, 1, "Jumlah penyuluhan hukum", "Kegiatan", 4.0, period_rule=PeriodRule.JUMLAH),
))
FORM_UMUM, FORM_LAYANAN = "Formulir_2024_Umum.xlsx", "Formulir_2024_Layanan.xlsx"

#: Texts a spreadsheet would run as formulas, and texts with control and bidi characters.
FORMULA_LIKE = ("=1+1", "@SUM(A1)", '=HYPERLINK("http://contoh.test","klik")', "+62 812 0000", "-catatan")
CONTROL = "Catatan\x01 satu\tdua\r\ntiga \u202eterbalik\u202c \x1f akhir"

#: What the Divisi report on the annual forms: row code → {column title: value}.
NUMBERS = {
    FORM_UMUM: {"TX-1": {"Realisasi": 130}, "TX-2": {"Pembilang": 45, "Penyebut": 50},
                "TX-3.1": {"Pembilang": 9, "Penyebut": 10}, "TX-3.2": {"Pembilang": 8, "Penyebut": 10},
                **{f"TX-4.B{m:02d}": {"Realisasi": 10} for m in range(1, 13)}},
    FORM_LAYANAN: {"LY-1": {"Realisasi": 5}},
}
#: The narrative texts typed by a program (the form contract's way), as text.
WRITTEN = {
    FORM_UMUM: {"TX-1": {SUPPORT: FORMULA_LIKE[0], OBSTACLE: FORMULA_LIKE[1], ACTION: FORMULA_LIKE[2]},
                "TX-2": {SUPPORT: "Koordinasi rutin dengan UPT", ACTION: FORMULA_LIKE[3]},
                "TX-4": {OBSTACLE: FORMULA_LIKE[4]}},
    FORM_LAYANAN: {"LY-1": {SUPPORT: "Dukungan Pemerintah Daerah\nbaris kedua"}},
}


def run(*args):
    result = CliRunner().invoke(cli, [str(a) for a in args])
    assert "Traceback" not in result.output, result.output
    return result


def table(sheet) -> tuple[int, dict[str, int]]:
    """The header row and {title: column} of a form sheet (found by "Kode IKK", as the contract says)."""
    for row in sheet.iter_rows(min_row=1, max_row=60):
        titles = {c.value.strip(): c.column for c in row if isinstance(c.value, str) and c.value.strip()}
        if "Kode IKK" in titles:
            return row[0].row, titles
    raise AssertionError("no header row")


def rows_by_code(sheet, header_row: int, code_col: int) -> dict[str, int]:
    return {sheet.cell(r, code_col).value: r for r in range(header_row + 1, sheet.max_row + 1)
            if isinstance(sheet.cell(r, code_col).value, str)}


def fill(source: Path, target: Path, *values: dict[str, dict[str, object]], formulas: bool = False) -> dict:
    """A copy of the form at ``source`` with ``values`` typed in (texts as text unless ``formulas``), signed off;
    returns {(code, title): cell address}."""
    book = openpyxl.load_workbook(source)
    sheet = book["Formulir"]
    header_row, columns = table(sheet)
    rows = rows_by_code(sheet, header_row, columns["Kode IKK"])
    where = {}
    for cells in values:
        for code, by_title in cells.items():
            for title, value in by_title.items():
                cell = sheet.cell(rows[code], columns[title])
                assert not cell.protection.locked, (code, title)
                cell.value = value
                if isinstance(value, str) and not formulas:
                    cell.data_type = "s"  # text, whatever it starts with: what the form's "@" format makes of it
                where[(code, title)] = cell.coordinate
    sign(book)
    book.save(target)
    return where


def sheet_xml(path: Path, sheet_name: str) -> str:
    """The XML of a worksheet, found by its name in the workbook."""
    with zipfile.ZipFile(path) as archive:
        workbook = archive.read("xl/workbook.xml").decode()
        rels = archive.read("xl/_rels/workbook.xml.rels").decode()
        rid = re.search(rf'<sheet [^>]*name="{re.escape(sheet_name)}"[^>]*r:id="([^"]+)"', workbook).group(1)
        target = re.search(rf'<Relationship [^>]*Id="{rid}"[^>]*Target="([^"]+)"', rels) or re.search(
            rf'<Relationship [^>]*Target="([^"]+)"[^>]*Id="{rid}"', rels)
        return archive.read("xl/" + target.group(1).lstrip("/").removeprefix("xl/")).decode()


def cell_xml(xml: str, address: str) -> str:
    """The ``<c>`` element of one cell."""
    found = re.search(rf'<c r="{address}"[^>]*?(?:/>|>.*?</c>)', xml, flags=re.S)
    assert found, address
    return found.group(0)


def data_records(path: Path) -> dict[str, dict[str, object]]:
    """Sheet "Data" of a consolidated workbook as {Kode IKK: {title: value}}, read with calamine."""
    rows = CalamineWorkbook.from_path(str(path)).get_sheet_by_name("Data").to_python()
    return {row[rows[0].index("Kode IKK")]: dict(zip(rows[0], row)) for row in rows[1:]}


@pytest.fixture(scope="module")
def work(tmp_path_factory) -> dict[str, Path]:
    base = tmp_path_factory.mktemp("narasi")
    master = write_master(MASTER, base / "master.xlsx")
    result = run("forms", master, "--out-dir", base / "formulir")
    assert result.exit_code == 0, result.output
    return {"base": base, "master": master, "forms": base / "formulir"}


@pytest.fixture(scope="module")
def filled(work) -> dict:
    """The annual forms filled by a program: numbers and the narrative texts; consolidated by the CLI."""
    folder = work["base"] / "diisi"
    folder.mkdir()
    where = {}
    for name in (FORM_UMUM, FORM_LAYANAN):
        where |= fill(work["forms"] / name, folder / name, NUMBERS[name], WRITTEN[name])
    out = work["base"] / "konsolidasi.xlsx"
    result = run("consolidate", folder, "--master", work["master"], "--out", out)
    assert result.exit_code == 0, result.output
    assert "5 dari 5 IKK tercapai." in result.output
    return {"folder": folder, "out": out, "where": where}


# --------------------------------------------------------------------------- the form


def test_forms_have_the_three_open_yellow_wrapped_text_columns(work):
    book = openpyxl.load_workbook(work["forms"] / FORM_UMUM)
    sheet = book["Formulir"]
    header_row, columns = table(sheet)
    assert list(columns)[-4:] == ["Keterangan", *TEXTS]
    rows = rows_by_code(sheet, header_row, columns["Kode IKK"])
    assert list(rows) == ["TX-1", "TX-2", "TX-3", "TX-3.1", "TX-3.2", "TX-4",
                          *(f"TX-4.B{m:02d}" for m in range(1, 13))]
    rules: dict[str, list] = {}
    for validation in sheet.data_validations.dataValidation:
        for ref in validation.sqref.ranges:
            rules.setdefault(ref.coord, []).append((validation.type, validation.operator, validation.formula1))
    for code, r in rows.items():
        for title in TEXTS:
            cell = sheet.cell(r, columns[title])
            if "." in code:  # a sub-rate or sub-period row: the texts belong to the IKK row
                assert cell.protection.locked and cell.fill.fgColor.rgb == "FF" + LOCKED_FILL[1:], (code, title)
                assert cell.coordinate not in rules
            else:
                assert not cell.protection.locked, (code, title)
                assert cell.fill.fgColor.rgb == "FF" + INPUT_FILL[1:] and cell.alignment.wrap_text, (code, title)
                assert cell.number_format == "@", (code, title)  # typed text stays text, "=1+1" too
                assert rules[cell.coordinate] == [("textLength", "lessThanOrEqual", "2000")], (code, title)
    widths = {col: dim.width for dim in sheet.column_dimensions.values() if dim.min
              for col in range(dim.min, dim.max + 1)}
    assert all(widths[columns[title]] >= 30 for title in TEXTS)  # wide enough to read, wrapped to print
    last = openpyxl.utils.get_column_letter(columns[ACTION])
    assert sheet.print_area == f"'Formulir'!$A$1:${last}${sheet.max_row}"  # the table and the sign-off
    assert sheet.page_setup.orientation == "landscape" and sheet.page_setup.fitToHeight == 0
    stamp = {row[0]: row[1] for row in book["_lkjip"].iter_rows(values_only=True)}
    assert stamp["template_version"] == "1.2"
    book.close()


def test_a_period_form_has_the_texts_before_its_reference_columns(work):
    out = work["base"] / "tw2"
    assert run("forms", work["master"], "--out-dir", out, "--periode", "Triwulan II").exit_code == 0
    book = openpyxl.load_workbook(out / "Formulir_2024_Umum_Triwulan_II.xlsx")
    _, columns = table(book["Formulir"])
    assert list(columns)[-6:] == ["Keterangan", *TEXTS, "Target Tahunan", "Realisasi s.d. Triwulan I"]
    book.close()


# --------------------------------------------------------------------------- round trip


def test_texts_come_back_as_typed_in_data_and_sumber(filled):
    records = data_records(filled["out"])
    for name in (FORM_UMUM, FORM_LAYANAN):
        for code, texts in WRITTEN[name].items():
            for title in TEXTS:
                assert records[code][title] == texts.get(title, ""), (code, title)
    assert [title for title in records["TX-1"]][17:21] == ["Keterangan", *TEXTS]  # after Keterangan
    sources = CalamineWorkbook.from_path(str(filled["out"])).get_sheet_by_name("Sumber").to_python()
    listed = {(row[0], row[2]): (row[3], Path(row[4]).name, row[5], row[6]) for row in sources[1:]}
    for name in (FORM_UMUM, FORM_LAYANAN):
        for code, texts in WRITTEN[name].items():
            for title, text in texts.items():
                assert listed[(code, FIELD[title])] == (text, name, "Formulir", filled["where"][(code, title)])


def test_no_output_holds_a_formula_for_a_text(filled):
    data, sources = sheet_xml(filled["out"], "Data"), sheet_xml(filled["out"], "Sumber")
    assert "<f" not in data and "<f" not in sources  # plain values, every text a string
    book = openpyxl.load_workbook(filled["out"])
    texts = [c for sheet in ("Data", "Sumber") for row in book[sheet].iter_rows() for c in row
             if c.value in FORMULA_LIKE]
    assert {c.value for c in texts} == set(FORMULA_LIKE) and {c.data_type for c in texts} == {"s"}
    book.close()


def test_the_tables_data_carries_the_texts_from_the_workbook_and_from_the_forms(work, filled):
    for source in (filled["out"], filled["folder"]):
        current = load_tables_data(source, work["master"]).current
        assert current["TX-1"].faktor_pendukung == "=1+1"
        assert current["TX-1"].faktor_penghambat == "@SUM(A1)"
        assert current["TX-1"].upaya == FORMULA_LIKE[2]
        assert current["TX-2"].faktor_pendukung == "Koordinasi rutin dengan UPT"
        assert current["TX-2"].faktor_penghambat == ""
        assert current["LY-1"].faktor_pendukung == "Dukungan Pemerintah Daerah\nbaris kedua"
        assert (current["TX-3"].faktor_pendukung, current["TX-3"].upaya) == ("", "")


def prefilled(folder: Path, texts: dict[str, str], period: str = "Tahunan") -> list[Path]:
    """Forms of ``period`` written with their inputs (a re-issue): the numbers above and TX-1's texts."""
    inputs = {
        "TX-1": IndicatorInput("TX-1", value=130.0, **texts), "TX-2": IndicatorInput("TX-2", pairs=[(45.0, 50.0)]),
        "TX-3": IndicatorInput("TX-3", pairs=[(9.0, 10.0), (8.0, 10.0)]), "LY-1": IndicatorInput("LY-1", value=5.0),
        **{f"TX-4.B{m:02d}": IndicatorInput(f"TX-4.B{m:02d}", value=10.0) for m in range(1, 13)},
    }
    return write_forms(MASTER, folder, period, inputs=inputs)


def test_a_long_text_makes_its_row_as_high_as_a_row_may_be(tmp_path):
    prefilled(tmp_path, {"upaya": "Rencana tindak lanjut. " * 86})  # 1.978 characters
    book = openpyxl.load_workbook(tmp_path / FORM_UMUM)
    heights = {r: dim.height for r, dim in book["Formulir"].row_dimensions.items() if dim.height}
    # Excel's and LibreOffice's highest row, 409 points (stored as whole pixels: 408,75)
    assert heights[9] == max(heights.values()) and 408.5 <= heights[9] <= 409
    book.close()


def test_control_characters_are_kept_as_data_never_obeyed(work, tmp_path):
    texts = {"faktor_pendukung": CONTROL, "faktor_penghambat": "=SUM(1)\x01", "upaya": "@" + CONTROL}
    prefilled(tmp_path / "formulir", texts)
    form = tmp_path / "formulir" / FORM_UMUM
    xml = sheet_xml(form, "Formulir")
    for col in "PQR":
        assert "<f" not in cell_xml(xml, f"{col}9")  # written as text
    out = tmp_path / "konsolidasi.xlsx"
    result = run("consolidate", tmp_path / "formulir", "--master", work["master"], "--out", out, "--json")
    assert result.exit_code == 0, result.output
    assert "\x01" not in result.output and "\u202e" not in result.output  # nothing of them is echoed raw
    record = data_records(out)["TX-1"]
    assert (record[SUPPORT], record[OBSTACLE], record[ACTION]) == (CONTROL, "=SUM(1)\x01", "@" + CONTROL)
    assert "<f" not in sheet_xml(out, "Data")


def test_a_text_that_looks_like_a_rich_string_stays_that_text_and_moves_no_other(work, tmp_path):
    """XlsxWriter writes a text starting with "<r>" and ending with "</r>" as the XML of a rich string, unescaped:
    this one would add a shared string and shift every text after it.  The toolkit writes it as a text."""
    rich = "<r><t>a</t></r></si><si><r><t>SISIPAN</t></r>"
    folder = tmp_path / "diisi"
    folder.mkdir()
    for name in (FORM_UMUM, FORM_LAYANAN):
        fill(work["forms"] / name, folder / name, NUMBERS[name], {"TX-1": {SUPPORT: rich}} if name == FORM_UMUM else {})
    out = tmp_path / "konsolidasi.xlsx"
    result = run("consolidate", folder, "--master", work["master"], "--out", out)
    assert result.exit_code == 0, result.output
    records = data_records(out)
    assert records["TX-1"][SUPPORT] == rich
    assert {code: record["Indikator Kinerja Kegiatan"] for code, record in records.items()} == {
        i.code: i.text for i in MASTER.indicators}
    assert {code: record[SUPPORT] for code, record in records.items() if code != "TX-1"} == dict.fromkeys(
        ("TX-2", "TX-3", "TX-4", "LY-1"), "")


def test_texts_typed_as_text_stay_text_when_libreoffice_saves_the_form(work, tmp_path):
    require_soffice()
    texts = {"faktor_pendukung": "=1+1", "faktor_penghambat": "@SUM(A1)", "upaya": "-catatan"}
    prefilled(tmp_path / "formulir", texts)
    saved = recalculate(tmp_path / "formulir" / FORM_UMUM, tmp_path)
    xml = sheet_xml(saved, "Formulir")
    for col in "PQR":
        assert "<f" not in cell_xml(xml, f"{col}9")
    checked = check_form(read_form(saved))
    assert not checked.has_errors, [p.message for p in checked.problems]
    reported = checked.inputs["TX-1"]
    assert (reported.faktor_pendukung, reported.faktor_penghambat, reported.upaya) == ("=1+1", "@SUM(A1)", "-catatan")


# --------------------------------------------------------------------------- refusals and warnings


def test_a_formula_in_a_text_column_is_refused_naming_file_sheet_and_cell(work, tmp_path):
    folder = tmp_path / "diisi"
    folder.mkdir()
    fill(work["forms"] / FORM_LAYANAN, folder / FORM_LAYANAN, NUMBERS[FORM_LAYANAN])
    where = fill(work["forms"] / FORM_UMUM, tmp_path / "angka.xlsx", NUMBERS[FORM_UMUM], WRITTEN[FORM_UMUM])
    where |= fill(tmp_path / "angka.xlsx", folder / FORM_UMUM, {"TX-2": {OBSTACLE: "=1+1"}}, formulas=True)
    result = run("validate", folder, "--master", work["master"], "--json", "--feedback-dir", tmp_path / "umpan")
    assert result.exit_code == 1
    report = json.loads(result.stdout)
    errors = [p for p in report["problems"] if p["severity"] == "error"]
    cell = where[("TX-2", OBSTACLE)]
    assert [(p["code"], Path(p["file"]).name, p["sheet"], p["cell"], p["ikk"]) for p in errors] == [
        ("formula_in_input", FORM_UMUM, "Formulir", cell, "TX-2")]
    assert errors[0]["message"].startswith("Faktor Penghambat untuk IKK TX-2 berisi rumus '=1+1' (")
    assert f"sel {cell}" in errors[0]["message"]
    result = run("consolidate", folder, "--master", work["master"], "--out", tmp_path / "k.xlsx")
    assert result.exit_code == 1 and not (tmp_path / "k.xlsx").exists()
    # the feedback copy marks the cell and keeps every text typed as text a string
    (copy,) = (tmp_path / "umpan").iterdir()
    book = openpyxl.load_workbook(copy)
    sheet = book["Formulir"]
    assert sheet[cell].fill.fgColor.rgb.endswith(ERROR_FILL[1:]) and "rumus" in sheet[cell].comment.text
    kept = {sheet[where[("TX-1", title)]].value: sheet[where[("TX-1", title)]].data_type for title in TEXTS}
    assert kept == {text: "s" for text in FORMULA_LIKE[:3]}
    book.close()
    reread = check_form(read_form(copy)).inputs["TX-1"]
    assert (reread.faktor_pendukung, reread.faktor_penghambat, reread.upaya) == FORMULA_LIKE[:3]


def test_an_over_long_text_is_refused_and_the_limit_itself_is_accepted(work, tmp_path):
    folder = tmp_path / "diisi"
    folder.mkdir()
    fill(work["forms"] / FORM_LAYANAN, folder / FORM_LAYANAN, NUMBERS[FORM_LAYANAN])
    where = fill(work["forms"] / FORM_UMUM, folder / FORM_UMUM, NUMBERS[FORM_UMUM],
                 {"TX-1": {SUPPORT: "a" * 2000, ACTION: "b" * 2001, "Keterangan": "c" * 5000}})
    result = run("validate", folder, "--master", work["master"], "--json")
    assert result.exit_code == 1
    problems = json.loads(result.stdout)["problems"]
    assert [(p["code"], p["severity"], Path(p["file"]).name, p["sheet"], p["cell"]) for p in problems] == [
        ("text_too_long", "error", FORM_UMUM, "Formulir", where[("TX-1", ACTION)])]
    long_cell = where[("TX-1", ACTION)]
    assert problems[0]["message"].startswith(
        f"Upaya / Rencana Tindak Lanjut IKK TX-1 ({folder / FORM_UMUM}, sheet 'Formulir', sel {long_cell}) "
        "berisi 2.001 karakter, lebih dari batas 2.000 karakter.")
    fill(folder / FORM_UMUM, folder / FORM_UMUM, {"TX-1": {ACTION: "b" * 2000}})
    result = run("consolidate", folder, "--master", work["master"], "--out", tmp_path / "k.xlsx")
    assert result.exit_code == 0, result.output
    assert data_records(tmp_path / "k.xlsx")["TX-1"][ACTION] == "b" * 2000


def test_a_text_in_a_hidden_column_is_a_warning(work, filled, tmp_path):
    book = openpyxl.load_workbook(filled["folder"] / FORM_UMUM)
    sheet = book["Formulir"]
    _, columns = table(sheet)
    sheet.column_dimensions[openpyxl.utils.get_column_letter(columns[SUPPORT])].hidden = True
    folder = tmp_path / "diisi"
    folder.mkdir()
    book.save(folder / FORM_UMUM)
    shutil.copy(filled["folder"] / FORM_LAYANAN, folder / FORM_LAYANAN)
    result = run("validate", folder, "--master", work["master"], "--json")
    assert result.exit_code == 0, result.output
    problems = json.loads(result.stdout)["problems"]
    hidden = [(p["code"], p["severity"], p["cell"]) for p in problems]
    assert hidden == [("note_hidden", "warning", filled["where"][(code, SUPPORT)]) for code in ("TX-1", "TX-2")]
    assert problems[0]["message"].startswith("Faktor Pendukung IKK TX-1 (")


# --------------------------------------------------------------------------- periods and versions


PERIOD_TEXTS = {  # quarter → TX-1's texts: each text of the year is the latest one written
    "Triwulan I": {"faktor_pendukung": "Pendukung TW I", "faktor_penghambat": "Penghambat TW I"},
    "Triwulan II": {"faktor_pendukung": "Pendukung TW II", "upaya": "Upaya TW II"},
    "Triwulan III": {},
    "Triwulan IV": {"faktor_pendukung": "Pendukung TW IV", "faktor_penghambat": " "},
}


def period_forms(folder: Path, quarters: tuple[str, ...]) -> None:
    for quarter in quarters:
        months = range(3 * QUARTERS.index(quarter) + 1, 3 * QUARTERS.index(quarter) + 4)
        inputs = {"TX-1": IndicatorInput("TX-1", value=30.0, **PERIOD_TEXTS[quarter]),
                  "TX-2": IndicatorInput("TX-2", pairs=[(45.0, 50.0)]),
                  "TX-3": IndicatorInput("TX-3", pairs=[(9.0, 10.0), (8.0, 10.0)]),
                  "LY-1": IndicatorInput("LY-1", value=1.0),
                  **{f"TX-4.B{m:02d}": IndicatorInput(f"TX-4.B{m:02d}", value=10.0) for m in months}}
        write_forms(MASTER, folder, quarter, inputs=inputs)


def test_period_forms_give_the_s_d_view_the_latest_text_written(work, tmp_path):
    period_forms(tmp_path / "sd_tw2", QUARTERS[:2])
    out = tmp_path / "sd_tw2.xlsx"
    result = run("consolidate", tmp_path / "sd_tw2", "--master", work["master"], "--out", out)
    assert result.exit_code == 0, result.output
    record = data_records(out)["TX-1"]
    assert record["Periode"] == "s.d. Triwulan II"
    assert (record[SUPPORT], record[OBSTACLE], record[ACTION]) == ("Pendukung TW II", "Penghambat TW I",
                                                                   "Upaya TW II")
    period_forms(tmp_path / "tahun", QUARTERS)
    out = tmp_path / "tahun.xlsx"
    result = run("consolidate", tmp_path / "tahun", "--master", work["master"], "--out", out)
    assert result.exit_code == 0, result.output
    record = data_records(out)["TX-1"]
    assert (record["Periode"], record[SUPPORT], record[OBSTACLE], record[ACTION]) == (
        "Tahunan", "Pendukung TW IV", "Penghambat TW I", "Upaya TW II")
    sources = CalamineWorkbook.from_path(str(out)).get_sheet_by_name("Sumber").to_python()
    assert ("Triwulan I", "TX-1", "faktor_penghambat", "Penghambat TW I") in {tuple(row[:2]) + tuple(row[3:5])
                                                                             for row in sources}
    for source in (out, tmp_path / "tahun"):
        figures = load_tables_data(source, work["master"]).current["TX-1"]
        assert (figures.faktor_pendukung, figures.faktor_penghambat, figures.upaya) == (
            "Pendukung TW IV", "Penghambat TW I", "Upaya TW II")


def as_version_1_0(source: Path, target: Path) -> None:
    """The form at ``source`` as lkjip-xl wrote it before the text columns: no such columns, contract 1.0
    (the stamp's version in its row and in the hashed locked content)."""
    book = openpyxl.load_workbook(source)
    as_layout_before_1_2(book, MASTER)  # no merged SK cells, no sign-off block (contract 1.2)
    sheet = book["Formulir"]
    _, columns = table(sheet)
    sheet.delete_cols(columns[SUPPORT], len(TEXTS))
    stamp_version(book, "1.0")
    book.save(target)


def stamp_version(book, version: str) -> None:
    """The stamp of ``book`` says contract ``version``, in its row and in the locked content, re-hashed."""
    rows = {row[0].value: row for row in book["_lkjip"].iter_rows()}
    locked = json.loads("".join(c.value for c in rows["locked_content"][1:] if isinstance(c.value, str)))
    locked["template_version"] = version
    text = json.dumps(locked, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    assert len(text) < 32000
    rows["locked_content"][1].value = text
    rows["template_version"][1].value = version
    rows["content_hash"][1].value = hashlib.sha256(text.encode("utf-8")).hexdigest()


def test_a_form_written_before_the_text_columns_is_read_as_before(work, filled, tmp_path):
    folder = tmp_path / "lama"
    folder.mkdir()
    for name in (FORM_UMUM, FORM_LAYANAN):
        as_version_1_0(filled["folder"] / name, folder / name)
    book = openpyxl.load_workbook(folder / FORM_UMUM)
    assert list(table(book["Formulir"])[1])[-1] == "Keterangan"
    book.close()
    assert read_form(folder / FORM_UMUM).stamp["template_version"] == "1.0"
    result = run("validate", folder, "--master", work["master"], "--json")
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["problems"] == []
    out = tmp_path / "k.xlsx"
    result = run("consolidate", folder, "--master", work["master"], "--out", out)
    assert result.exit_code == 0 and "5 dari 5 IKK tercapai." in result.output
    records = data_records(out)
    assert all(records[code][title] == "" for code in records for title in TEXTS)
    assert load_tables_data(out, work["master"]).current["TX-1"].faktor_pendukung == ""
