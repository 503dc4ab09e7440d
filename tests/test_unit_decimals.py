"""Display decimals the master declares: sheet "Satuan" (per unit) and Info › "Desimal Capaian".

The sample master is given a sheet "Satuan" (Orang 0, indeks 3, persen 1) and
Desimal Capaian 1 with openpyxl, as a user would type them ("indeks" and
"persen" are the PK's "Indeks" and "%"); the real command line then writes the
forms, the consolidated workbook (yearly and quarterly) and the tables from it.
Their number formats carry the declared decimals, LibreOffice (recomputing
every formula) shows the texts they promise, and the cells keep every digit.
Every bad declaration is refused through the command line with its file, sheet
and cell; a master without a declaration writes exactly what it wrote before.
"""

from __future__ import annotations

import ast
import html
import json
import re
import shutil
import subprocess
import tempfile
from pathlib import Path

import openpyxl
import pytest
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st

from engine import _PROFILE_XCU, TIMEOUT_SECONDS, require_soffice
from lkjip_xl.cli import cli
from lkjip_xl.consolidate import consolidate
from lkjip_xl.master import MasterError, read_master
from lkjip_xl.model import DEFAULT_DECIMALS, DisplayDecimals
from lkjip_xl.numbers import excel_round
from lkjip_xl.template import write_master
from sample_files import MASTER, ROOT, SAMPLES

FORMS = SAMPLES / "formulir"
QUARTERLY = SAMPLES / "formulir_triwulan"
TEMPLATE = ROOT / "templates" / "LKjIP_template.xlsx"
DECLARED = DisplayDecimals((("orang", 0), ("indeks", 3), ("%", 1)), 1)
INDEX_IKK, PERSON_IKK, SHARE_IKK, COUNT_IKK = "SK01-IKK1", "SK18-IKK1", "SK03-IKK2", "SK14-IKK1"


def run(*args):
    result = CliRunner().invoke(cli, [str(a) for a in args])
    assert "Traceback" not in result.output + result.stderr
    return result


def declare(path: Path, units: list[tuple[object, object]], capaian: object = 1) -> Path:
    """The sample master at ``path`` with sheet "Satuan" holding ``units`` and Info › Desimal Capaian."""
    shutil.copyfile(MASTER, path)
    book = openpyxl.load_workbook(path)
    info = book["Info"]
    row = info.max_row + 1
    info.cell(row, 1, "Desimal Capaian")
    info.cell(row, 2, capaian)
    sheet = book.create_sheet("Satuan")
    for values in [("Satuan", "Desimal"), *units]:
        sheet.append(list(values))
    book.save(path)
    return path


@pytest.fixture(scope="module")
def folder(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("desimal")


@pytest.fixture(scope="module")
def declared(folder) -> Path:
    return declare(folder / "master_desimal.xlsx", [("Orang", 0), ("indeks", 3), ("persen", "1")])


@pytest.fixture(scope="module")
def outputs(folder, declared) -> dict[str, Path]:
    """The forms, the consolidated workbook and the tables of the declared master, by the command line."""
    result = run("forms", declared, "--out-dir", folder / "formulir")
    assert result.exit_code == 0, result.output
    out = folder / "konsolidasi.xlsx"
    result = run("consolidate", FORMS, "--master", declared, "--out", out)
    assert result.exit_code == 0, result.output
    tables = folder / "tabel.xlsx"
    result = run("tables", out, "--master", declared, "--out", tables)
    assert result.exit_code == 0, result.output
    return {"form": folder / "formulir" / "Formulir_2023_Pelayanan_Hukum_dan_HAM.xlsx",
            "form_admin": folder / "formulir" / "Formulir_2023_Administrasi.xlsx",
            "consolidated": out, "tables": tables}


@pytest.fixture(scope="module")
def results(folder):
    """Every IKK's computed numbers, consolidated with the sample master (decimals change no number)."""
    return {r.indicator.code: r for r in consolidate([FORMS], folder / "standar.xlsx", MASTER).results}


def table_rows(sheet) -> dict[str, int]:
    """IKK code → row of a sheet whose header row has the title "Kode IKK" (the form contract's rule)."""
    for row in sheet.iter_rows(max_row=60):
        titles = {c.value: c.column for c in row if isinstance(c.value, str)}
        if "Kode IKK" in titles:
            col = titles["Kode IKK"]
            return {sheet.cell(r, col).value: r for r in range(row[0].row + 1, sheet.max_row + 1)
                    if isinstance(sheet.cell(r, col).value, str)}
    raise AssertionError(f"no header row with 'Kode IKK' in {sheet.title}")


def column(sheet, title: str, header_row: int) -> int:
    return next(c.column for c in sheet[header_row] if c.value == title)


# --------------------------------------------------------------------------- the declaration


def test_the_master_reads_its_declaration_in_any_spelling_of_a_unit(declared):
    master = read_master(declared)
    assert master.decimals == DECLARED and master.warnings == ()
    shown = master.decimals
    assert shown.places("Orang") == 0 and shown.places("orang ", 12.5) == 0
    assert shown.places("%") == shown.places("Persen") == 1 and shown.places("%", 90.0) == 0
    assert shown.places("Indeks") == 3 and shown.places("Indeks", 3.1) == 1 and shown.places("Indeks", 3.84676) == 3
    assert shown.places("Layanan") == DEFAULT_DECIMALS and shown.places("Layanan", 21.0) == 0
    assert shown.places(capaian=True) == 1 and shown.places(value=124.0, capaian=True) == 0
    assert shown.number_format("Orang") == '#,##0" Orang"' and shown.number_format(capaian=True) == '#,##0.0"%"'
    assert read_master(MASTER).decimals == DisplayDecimals()


def test_a_master_without_a_declaration_is_written_as_before(tmp_path):
    path = write_master(read_master(MASTER), tmp_path / "master.xlsx")
    assert path.read_bytes() == MASTER.read_bytes()
    book = openpyxl.load_workbook(path)
    assert book.sheetnames == ["Info", "PK", "Target Periode", "Petunjuk"]
    assert "Desimal Capaian" not in [c.value for c in book["Info"]["A"]]


def test_a_declared_master_round_trips(declared, tmp_path):
    master = read_master(declared)
    path = write_master(master, tmp_path / "master.xlsx")
    assert read_master(path) == master
    book = openpyxl.load_workbook(path)
    assert [[c.value for c in row] for row in book["Satuan"].iter_rows()] == [
        ["Satuan", "Desimal"], ["Orang", 0], ["Indeks", 3], ["%", 1]]  # spelled as sheet PK spells them


def test_the_blank_template_has_the_sheet_its_validation_and_its_guide():
    book = openpyxl.load_workbook(TEMPLATE)
    assert book.sheetnames == ["Info", "PK", "Target Periode", "Satuan", "Petunjuk"]
    units = book["Satuan"]
    assert [c.value for c in units[1]] == ["Satuan", "Desimal"] and units.max_row == 1
    rules = [(str(v.sqref), v.type, v.formula1, v.formula2) for v in units.data_validations.dataValidation]
    assert rules == [("B2:B301", "whole", "0", "6")]
    info = book["Info"]
    row = next(c.row for c in info["A"] if c.value == "Desimal Capaian")
    assert info.cell(row, 2).value == 2 and "0 sampai 6" in info.cell(row, 3).value
    assert (f"B{row}", "whole", "0", "6") in [(str(v.sqref), v.type, v.formula1, v.formula2)
                                             for v in info.data_validations.dataValidation]
    guide = {row[0].value: row[1].value for row in book["Petunjuk"].iter_rows() if row[0].value}
    assert "Orang 0, Indeks 3, % 1" in guide["Satuan"] and "Desimal Capaian" in guide["Satuan"]


# --------------------------------------------------------------------------- what the workbooks show


def test_the_forms_show_the_declared_decimals(outputs):
    book = openpyxl.load_workbook(outputs["form"])
    sheet = book["Formulir"]
    rows = table_rows(sheet)
    header = min(rows.values()) - 1
    target, realisasi, capaian = (column(sheet, title, header) for title in ("Target", "Realisasi", "Capaian (%)"))
    person = rows[PERSON_IKK]
    assert sheet.cell(person, target).number_format == '#,##0" Orang"'
    assert sheet.cell(person, realisasi).number_format == '#,##0" Orang"'  # the open input cell
    assert sheet.cell(person, capaian).number_format == '#,##0.0"%"'
    index = rows["SK20-IKK3"]  # Indeks, target 76,75: two decimals are enough to show it
    assert sheet.cell(index, target).number_format == '#,##0.00" (Indeks)"'
    assert sheet.cell(index, realisasi).number_format == '#,##0.000" (Indeks)"'
    admin = openpyxl.load_workbook(outputs["form_admin"])["Formulir"]
    admin_rows = table_rows(admin)
    assert admin.cell(admin_rows[INDEX_IKK], target).number_format == '#,##0.0" (Indeks)"'  # 3,1
    assert admin.cell(admin_rows[INDEX_IKK], realisasi).number_format == '#,##0.000" (Indeks)"'  # a formula


def test_the_consolidated_workbook_shows_the_declared_decimals_and_keeps_every_digit(outputs, results):
    book = openpyxl.load_workbook(outputs["consolidated"])
    sheet = book["Capaian Kinerja"]
    rows = table_rows(sheet)
    formats = {code: tuple(sheet.cell(row, col).number_format for col in (4, 5, 6)) for code, row in rows.items()}
    assert formats[INDEX_IKK] == ('#,##0.0" (Indeks)"', '#,##0.000" (Indeks)"', '#,##0.0"%"')
    assert formats[PERSON_IKK] == ('#,##0" Orang"', '#,##0" Orang"', '#,##0.0"%"')
    assert formats[SHARE_IKK] == ('#,##0"%"', '#,##0.0"%"', '#,##0.0"%"')
    unit = results[COUNT_IKK].indicator.unit  # a unit the master does not declare: at most two decimals, as
    assert formats[COUNT_IKK][1] == f'#,##0" {unit}"'  # many as the value needs: "111 Layanan", as the tables
    summary = book["Ringkasan"]
    means = [c for row in summary.iter_rows() for c in row if isinstance(c.value, str) and "AVERAGE" in c.value]
    assert means and {c.number_format for c in means} == {'#,##0.0"%"'}
    data = book["Data"]
    titles = [c.value for c in data[1]]
    code_col, real_col, cap_col = (titles.index(t) for t in ("Kode IKK", "Realisasi", "Capaian (%)"))
    shown = {}
    for row in data.iter_rows(min_row=2):
        code = row[code_col].value
        shown[code] = (row[real_col].number_format, row[cap_col].number_format)
        for cell, value in ((row[real_col], results[code].realisasi), (row[cap_col], results[code].capaian)):
            assert cell.value == pytest.approx(value, rel=1e-14)  # every digit the file holds, not the shown ones
    assert shown[INDEX_IKK] == ("0.000", "0.0") and shown[PERSON_IKK] == ("0", "0.0")
    assert shown[SHARE_IKK] == ("0.0", "0.0") and shown[COUNT_IKK] == ("0", "0.0")  # 111 of an undeclared unit


def test_the_tables_show_the_declared_decimals(outputs, results):
    book = openpyxl.load_workbook(outputs["tables"])
    table = book["Tabel 3.1"]
    index = results[INDEX_IKK]
    row = next(c.row for c in table["C"] if c.value and index.indicator.text in str(c.value))
    assert [table.cell(row, col).number_format for col in (4, 5, 6)] == [
        '#,##0.0" (Indeks)"', '#,##0.000" (Indeks)"', '#,##0.0"%"']
    person = results[PERSON_IKK]
    row = next(c.row for c in table["C"] if c.value and person.indicator.text in str(c.value))
    assert table.cell(row, 5).number_format == '#,##0" Orang"'
    own = book[INDEX_IKK]  # the IKK's own tables: the same declaration
    formats = {c.number_format for r in own.iter_rows() for c in r if isinstance(c.value, (int, float, str))
               and c.number_format != "General"}
    assert '#,##0.000" (Indeks)"' in formats and not any(f.endswith('0.00"%"') for f in formats)


def test_the_period_workbook_and_its_monitoring_sheet_show_the_declared_decimals(folder, declared):
    out = folder / "triwulan.xlsx"
    result = run("consolidate", QUARTERLY, "--master", declared, "--out", out)
    assert result.exit_code == 0, result.output
    book = openpyxl.load_workbook(out)
    period = book["Triwulan I"]
    rows = table_rows(period)
    assert period.cell(rows[INDEX_IKK], 5).number_format == '#,##0.000" (Indeks)"'
    assert period.cell(rows[INDEX_IKK], 6).number_format == '#,##0.0"%"'
    monitoring = book["Pemantauan"]
    row = next(c.row for c in monitoring["A"] if c.value == INDEX_IKK)
    formats = [c.number_format for c in monitoring[row]]
    assert formats[3] == '#,##0.0" (Indeks)"'  # the annual target, 3,1
    assert '#,##0.0"%"' in formats and not any(f.endswith('0.00"%"') for f in formats)


def _html(paths: list[Path], workdir: Path) -> dict[Path, dict[str, list[list[str]]]]:
    """Every workbook as LibreOffice shows it (formulas recomputed, en-US locale): sheet → rows of cell texts."""
    soffice = require_soffice()
    profile = Path(tempfile.mkdtemp(prefix="profile_", dir=workdir))
    (profile / "user").mkdir()
    (profile / "user" / "registrymodifications.xcu").write_text(_PROFILE_XCU, encoding="utf-8")
    out = workdir / "html"
    completed = subprocess.run([soffice, f"-env:UserInstallation={profile.resolve().as_uri()}", "--headless",
                                "--norestore", "--nologo", "--convert-to", "html", "--outdir", str(out),
                                *map(str, paths)], capture_output=True, text=True, timeout=TIMEOUT_SECONDS * 2)
    assert completed.returncode == 0, completed.stderr
    shown = {}
    for path in paths:
        text = (out / (path.stem + ".html")).read_text(encoding="utf-8", errors="replace")
        parts = re.split(r"<h1>", text)  # one heading per sheet; none when one sheet is visible (a form)
        sheets = {}
        for part in parts[1:] or parts:
            name = html.unescape(re.sub(r"<[^>]+>", "", part.split("</h1>")[0])).split(": ", 1)[-1] \
                if len(parts) > 1 else ""
            sheets[name] = [[html.unescape(re.sub(r"<[^>]+>", "", cell)).strip()
                             for cell in re.findall(r"<td[^>]*>(.*?)</td>", row, re.S)]
                            for row in re.findall(r"<tr>(.*?)</tr>", part, re.S)]
        shown[path] = sheets
    return shown


def _text(value: float, places: int, suffix: str) -> str:
    """``value`` as the en-US locale shows it with ``places`` decimals, rounded as a spreadsheet rounds."""
    return f"{excel_round(value, places):,.{places}f}{suffix}"


def test_libreoffice_shows_the_declared_decimals(outputs, results, folder):
    shown = _html([outputs["consolidated"], outputs["tables"], outputs["form_admin"]], folder)
    index, person, share = results[INDEX_IKK], results[PERSON_IKK], results[SHARE_IKK]
    expected = {  # IKK → texts its row shows: target, realisasi, capaian
        INDEX_IKK: ["3.1 (Indeks)", _text(index.realisasi, 3, " (Indeks)"), _text(index.capaian, 1, "%")],
        PERSON_IKK: [_text(person.realisasi, 0, " Orang"), _text(person.capaian, 1, "%")],
        SHARE_IKK: ["90%", _text(share.realisasi, 1, "%"), _text(share.capaian, 1, "%")],
    }
    assert expected[INDEX_IKK][1:] == ["3.847 (Indeks)", "124.1%"]  # 3,846766...; 124,0892...
    consolidated = shown[outputs["consolidated"]]["Capaian Kinerja"]
    for code, texts in expected.items():
        row = next(r for r in consolidated if code in r)
        assert all(text in row for text in texts), (code, texts, row)
    kanwil = next(r for r in shown[outputs["consolidated"]]["Ringkasan"] if r and r[0].startswith("Kantor Wilayah"))
    assert re.fullmatch(r"\d+\.\d%", kanwil[4]), kanwil  # the mean capaian: one decimal
    table = shown[outputs["tables"]]["Tabel 3.1"]
    for code, texts in expected.items():
        row = next(r for r in table if results[code].indicator.text in " ".join(r))
        assert all(text in row for text in texts), (code, texts, row)
    form = shown[outputs["form_admin"]][""]  # its one visible sheet, Formulir
    row = next(r for r in form if INDEX_IKK in r)
    assert "3.1 (Indeks)" in row  # the locked target; its realisasi and capaian are formulas of blank inputs


# --------------------------------------------------------------------------- refusals and warnings


@pytest.mark.parametrize("units, capaian, sheet, cell, detail", [
    ([("Orang", 1.5)], 1, "Satuan", "B2", "bilangan bulat 0 sampai 6"),
    ([("Orang", 7)], 1, "Satuan", "B2", "bilangan bulat 0 sampai 6"),
    ([("Orang", -1)], 1, "Satuan", "B2", "bilangan bulat 0 sampai 6"),
    ([("Orang", "dua")], 1, "Satuan", "B2", "bilangan bulat 0 sampai 6"),
    ([("Orang", None), ("Indeks", 3)], 1, "Satuan", "B2", "wajib diisi"),
    ([(None, 2)], 1, "Satuan", "A2", "wajib diisi"),
    ([("%", 1), ("Persen", 2)], 1, "Satuan", "A3", "sudah diberi desimal di sel A2"),
    ([("Orang", 0)], 2.5, "Info", "B", "bilangan bulat 0 sampai 6"),
    ([("Orang", 0)], "satu", "Info", "B", "bilangan bulat 0 sampai 6"),
], ids=["pecahan", "tujuh", "negatif", "kata", "desimal_kosong", "satuan_kosong", "dua_ejaan",
        "capaian_pecahan", "capaian_kata"])
def test_a_bad_declaration_is_refused_naming_its_cell(tmp_path, units, capaian, sheet, cell, detail):
    path = declare(tmp_path / "master.xlsx", units, capaian)
    if sheet == "Info":  # the row Desimal Capaian was typed in
        cell = f"B{openpyxl.load_workbook(path)['Info'].max_row}"
    result = run("forms", path, "--out-dir", tmp_path / "formulir", "--json")
    assert result.exit_code == 2
    document = json.loads(result.stdout)
    errors = [p for p in document["problems"] if p["severity"] == "error"]
    assert [(p["code"], p["sheet"], p["cell"]) for p in errors] == [("master_value_invalid", sheet, cell)]
    assert f"sheet '{sheet}', sel {cell}" in errors[0]["message"] and str(path) in errors[0]["message"]
    assert detail in errors[0]["message"]
    assert not (tmp_path / "formulir").exists()


def test_every_problem_of_a_master_is_reported_at_once(tmp_path):
    path = declare(tmp_path / "master.xlsx", [("Orang", 9), ("Indeks", 3), ("indeks", 2), ("Desa", 0)], "x")
    book = openpyxl.load_workbook(path)
    book["PK"]["H2"].value = None  # a blank target of sheet PK as well
    book.save(path)
    info_cell = f"B{book['Info'].max_row}"
    with pytest.raises(MasterError) as caught:
        read_master(path)
    assert sorted((p.code, p.sheet, p.cell, p.severity) for p in caught.value.problems) == sorted([
        ("master_value_invalid", "Info", info_cell, "error"), ("master_value_invalid", "PK", "H2", "error"),
        ("master_value_invalid", "Satuan", "B2", "error"), ("master_value_invalid", "Satuan", "A4", "error")])
    result = run("validate", FORMS, "--master", path, "--json")
    assert result.exit_code == 2 and json.loads(result.stdout)["errors"] == 4


def test_a_unit_no_ikk_uses_is_a_warning_every_command_says(tmp_path):
    path = declare(tmp_path / "master.xlsx", [("Orang", 0), ("Desa", 0)])
    master = read_master(path)
    assert master.decimals.places("Desa") == 0
    assert [(p.code, p.sheet, p.cell, p.severity) for p in master.warnings] == [
        ("master_unit_unused", "Satuan", "A3", "warning")]
    result = run("forms", path, "--out-dir", tmp_path / "formulir")
    assert result.exit_code == 0 and "[master_unit_unused]" in result.stderr and "sel A3" in result.stderr
    result = run("validate", FORMS, "--master", path, "--json")
    document = json.loads(result.stdout)
    assert result.exit_code == 0
    assert [(p["code"], p["cell"]) for p in document["problems"] if p["sheet"] == "Satuan"] == [
        ("master_unit_unused", "A3")]


def test_a_sheet_without_its_titles_is_refused(tmp_path):
    path = declare(tmp_path / "master.xlsx", [("Orang", 0)])
    book = openpyxl.load_workbook(path)
    book["Satuan"]["B1"].value = "Jumlah Desimal"
    book.save(path)
    with pytest.raises(MasterError) as caught:
        read_master(path)
    assert [(p.code, p.sheet) for p in caught.value.problems] == [("master_header_missing", "Satuan")]
    assert "'Desimal'" in caught.value.problems[0].message


# --------------------------------------------------------------------------- one place


#: Modules that may call ``decimals_for`` themselves: the declaration, the previous-year reader (it compares a
#: printed number within its printed decimals) and the budget tables (e-Monev scores have no IKK unit).
NOT_A_DISPLAY = ("model.py", "tables/previous.py", "tables/budget/write.py")


def test_every_display_asks_the_one_answer():
    """No display of a target, realisasi or capaian picks its own decimals: ``decimals_for`` is called only
    where :data:`NOT_A_DISPLAY` says, and no module writes a capaian format or a unit format with a literal
    number of decimals."""
    package = ROOT / "lkjip_xl"
    found = []
    for path in sorted(package.rglob("*.py")):
        name = path.relative_to(package).as_posix()
        tree = ast.parse(path.read_text("utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Constant) and isinstance(node.value, str) and re.fullmatch(
                    r'0\.0+"%"', node.value):
                found.append(f"{name}:{node.lineno} {node.value}")
            if not isinstance(node, ast.Call):
                continue
            func = node.func.attr if isinstance(node.func, ast.Attribute) else getattr(node.func, "id", "")
            if func == "decimals_for" and name not in NOT_A_DISPLAY:
                found.append(f"{name}:{node.lineno} decimals_for")
            if func == "excel_number_format" and len(node.args) > 1 and isinstance(node.args[1], ast.Constant) \
                    and name != "styles.py":  # the budget tables' own percent and score styles
                found.append(f"{name}:{node.lineno} excel_number_format(..., {node.args[1].value})")
    assert found == []


@settings(max_examples=3000, deadline=None)
@given(value=st.one_of(st.floats(-1e9, 1e9, allow_nan=False),
                       st.builds(lambda v, p, nudge: round(v, p) + nudge, st.floats(-1e6, 1e6), st.integers(0, 7),
                                 st.sampled_from([0.0, 1e-12, -1e-12, 5e-10, -5e-10, 1e-9, 2e-9]))),
       most=st.integers(-1, 6))
def test_decimals_for_is_the_fewest_decimals_that_show_a_value(value, most):
    """decimals_for asks the most decimals first (a shortcut): still the fewest places up to ``most`` that
    round to the value within 1e-9, else ``most``."""
    from lkjip_xl.xlsx import decimals_for

    fewest = next((places for places in range(most + 1) if abs(round(value, places) - value) < 1e-9), most)
    assert decimals_for(value, most) == (0 if most >= 0 and value.is_integer() else fewest)
