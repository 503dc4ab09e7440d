"""The Excel control workbook (``lkjip-xl button``, :mod:`lkjip_xl.control`) and the entry
points its buttons call (``lkjip_xl.excel``).

No Excel here: the workbook is built for real, its VBA read back with oletools,
its XML parts inspected, and the entry functions' core run against a real
control workbook file.  LibreOffice, when installed, checks that it opens.
"""

from __future__ import annotations

import importlib
import inspect
import io
import os
import re
import shutil
import subprocess
import sys
import warnings
import zipfile
from pathlib import Path

import openpyxl
import pytest
from click.testing import CliRunner
from defusedxml import ElementTree as ET

from lkjip_xl import excel
from lkjip_xl.cli import cli
from lkjip_xl.control import (
    Outcome, Settings, build, layout, read_settings_from_file, run_from_settings, run_on_file,
    settings_from_values, write_outcome_to_file,
)
from lkjip_xl._values import parse_year, parse_yes_no
from lkjip_xl.control.settings import base_dir_of, clean_path_text
from lkjip_xl.messages import msg
from lkjip_xl.problems import Problem

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "samples"
VML_NS = {"v": "urn:schemas-microsoft-com:vml", "x": "urn:schemas-microsoft-com:office:excel"}
MAIN_NS = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
MACRO_RE = re.compile(r"""^'(?P<proc>\w+) "(?P<arg>[^"]*)"'$""")

xlwings_installed = importlib.util.find_spec("xlwings") is not None
needs_xlwings = pytest.mark.skipif(not xlwings_installed, reason="xlwings (extra 'excel') not installed")


# --------------------------------------------------------------------------- fixtures


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Path:
    if not xlwings_installed:
        pytest.skip("xlwings (extra 'excel') not installed")
    path = tmp_path_factory.mktemp("kendali") / "konsolidasi.xlsm"
    result = CliRunner().invoke(cli, ["button", "--out", str(path)])
    assert result.exit_code == 0, result.output
    return path


@pytest.fixture
def workspace(tmp_path, built) -> Path:
    """A Kanwil folder: the control workbook, the master and the four sample forms."""
    forms = sorted((SAMPLES / "formulir").glob("*.xlsx"))
    assert forms, "samples/formulir is empty: run python samples/build_samples.py"
    shutil.copytree(SAMPLES / "formulir", tmp_path / "formulir")
    shutil.copy(SAMPLES / "master_pk_2023.xlsx", tmp_path / "master_pk_2023.xlsx")
    shutil.copy(built, tmp_path / "konsolidasi.xlsm")
    return tmp_path


def fill(control: Path, **values) -> None:
    """Type settings into the control workbook the way a user would (openpyxl keeps VBA and buttons)."""
    workbook = openpyxl.load_workbook(control, keep_vba=True)
    sheet = workbook[layout.SHEET]
    for key, value in values.items():
        sheet[layout.FIELD_BY_KEY[key].cell] = value
    workbook.save(control)


def sheet_values(control: Path) -> dict[str, object]:
    workbook = openpyxl.load_workbook(control, data_only=True)
    sheet = workbook[layout.SHEET]
    values = {cell.coordinate: cell.value for row in sheet.iter_rows() for cell in row if cell.value is not None}
    workbook.close()
    return values


def table(values: dict[str, object]) -> list[list[object]]:
    rows = []
    row = layout.TABLE_FIRST_ROW
    while values.get(f"B{row}") is not None:
        rows.append([values.get(f"{col}{row}") for col in "ABCDEFG"])
        row += 1
    return rows


def parts(path: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def buttons(path: Path) -> list[tuple[str, str]]:
    """(caption, macro) of every form button, read from the VML drawing parts."""
    found = []
    for name, data in parts(path).items():
        if not name.endswith(".vml"):
            continue
        root = ET.fromstring(data)
        for shape in root.iter("{urn:schemas-microsoft-com:vml}shape"):
            client = shape.find("x:ClientData", VML_NS)
            if client is None or client.get("ObjectType") != "Button":
                continue
            caption = "".join(shape.find("v:textbox", VML_NS).itertext()).strip()
            found.append((caption, client.findtext("x:FmlaMacro", namespaces=VML_NS)))
    return found


def vba_modules(path: Path) -> dict[str, str]:
    with warnings.catch_warnings():  # oletools still uses pyparsing's old names
        warnings.simplefilter("ignore", DeprecationWarning)
        from oletools.olevba import VBA_Parser

    parser = VBA_Parser(str(path))
    try:
        assert parser.detect_vba_macros()
        return {vba_filename: code for _, _, vba_filename, code in parser.extract_macros()}
    finally:
        parser.close()


# --------------------------------------------------------------------------- the workbook and its VBA


def test_vba_project_is_the_installed_xlwings_quickstart_project_and_one_module(built):
    import olefile

    from lkjip_xl.control.vba import MODULE, decompress, dir_records

    contents = parts(built)
    with zipfile.ZipFile(build.quickstart_path()) as quickstart:
        original = olefile.OleFileIO(io.BytesIO(quickstart.read("xl/vbaProject.bin")))
    ole = olefile.OleFileIO(io.BytesIO(contents["xl/vbaProject.bin"]))
    # Every stream of xlwings' project is kept byte for byte, but the three that list the modules ...
    listing = {"VBA/dir", "PROJECT", "PROJECTwm"}
    streams = {"/".join(entry) for entry in original.listdir()}
    assert {"/".join(entry) for entry in ole.listdir()} == streams | {f"VBA/{MODULE}"}
    for name in streams - listing:
        assert ole.openstream(name).read() == original.openstream(name).read(), name
    # ... which gain exactly the new module: its records in the dir stream, its lines, its name.
    before, after = (dir_records(decompress(o.openstream("VBA/dir").read())) for o in (original, ole))
    module, rest = after[-12:-1], after[:-12] + after[-1:]  # its 11 records, just before the terminator
    assert module[0] == (0x19, MODULE.encode()) and module[-1] == (0x2B, b"") and after[-1][0] == 0x10
    count = [n for n, (rid, _) in enumerate(before) if rid == 0x0F]
    assert [r for n, r in enumerate(rest) if n not in count] == [r for n, r in enumerate(before) if n not in count]
    assert [int.from_bytes(records[count[0]][1], "little") for records in (before, rest)] == [6, 7]
    project = ole.openstream("PROJECT").read().decode("latin-1").split("\r\n")
    assert [line for line in project if line not in original.openstream("PROJECT").read().decode(
        "latin-1").split("\r\n")] == [f"Module={MODULE}", f"{MODULE}=0, 0, 0, 0, C"]
    assert b"application/vnd.ms-excel.sheet.macroEnabled.main+xml" in contents["[Content_Types].xml"]

    # The workbook's and sheets' code names are the document modules of the VBA project.
    project = ole.openstream("PROJECT").read().decode("latin-1")
    documents = re.findall(r"^Document=(\w+)/", project, re.M)
    workbook = ET.fromstring(contents["xl/workbook.xml"])
    assert workbook.find(f"{MAIN_NS}workbookPr").get("codeName") == "ThisWorkbook"
    names = [s.get("name") for s in workbook.iter(f"{MAIN_NS}sheet")]
    assert names == [layout.SHEET, layout.CONF_SHEET]
    codenames = []
    for n in (1, 2):
        sheet = ET.fromstring(contents[f"xl/worksheets/sheet{n}.xml"])
        codenames.append(sheet.find(f"{MAIN_NS}sheetPr").get("codeName"))
    assert sorted(["ThisWorkbook", *codenames]) == sorted(documents)


def action_buttons(path: Path) -> list[tuple[str, str]]:
    """(caption, macro) of the buttons that run Python (not the "Pilih…" buttons)."""
    return [(caption, macro) for caption, macro in buttons(path) if "RunPython" in macro]


def test_each_button_calls_runpython_of_the_vba_project_with_its_entry_function(built):
    found = action_buttons(built)
    assert [caption for caption, _ in found] == ["Buat Formulir", "Periksa", "Salinan Pemeriksaan", "Konsolidasi",
                                                 "Tabel Bab III", "Laporan Word"]

    modules = vba_modules(built)
    runpython = [name for name, code in modules.items()
                 if re.search(r"^Public Function RunPython\(PythonCommand As String\)", code, re.M)]
    assert runpython == ["xlwings.bas"], "RunPython must be defined once, in xlwings' standalone module"

    for (_caption, macro), function in zip(found, layout.ACTIONS, strict=True):
        # Stored as Excel stores a macro with an argument: no [0]! prefix, call in single quotes.
        match = MACRO_RE.match(macro)
        assert match, macro
        assert match["proc"] == "RunPython"
        command = match["arg"]
        assert command == f"import lkjip_xl.excel;lkjip_xl.excel.{function}()"
        module_name, call = command.split(";")
        module = importlib.import_module(module_name.removeprefix("import "))
        entry = getattr(module, call.removeprefix("lkjip_xl.excel.").removesuffix("()"))
        assert callable(entry) and not inspect.signature(entry).parameters
        assert macro == build.button_macro(function)


def test_sheet_links_its_buttons_and_has_settings(built):
    contents = parts(built)
    sheet = ET.fromstring(contents["xl/worksheets/sheet1.xml"])
    assert sheet.find(f"{MAIN_NS}legacyDrawing") is not None
    rels = contents["xl/worksheets/_rels/sheet1.xml.rels"].decode()
    assert "vmlDrawing1.vml" in rels

    values = sheet_values(built)
    for field in layout.SETTINGS_FIELDS:
        assert values[field.cell.replace("B", "A", 1)] == field.label
    assert values[layout.FIELD_BY_KEY["timpa"].cell] == "Tidak"
    assert [values[f"{col}{layout.TABLE_HEADER_ROW}"] for col in "ABCDEFG"] == list(layout.TABLE_COLUMNS)

    conf = openpyxl.load_workbook(built)[layout.CONF_SHEET]
    python = layout.FIELD_BY_KEY["python"].cell
    assert conf["A1"].value == "Interpreter_Win"
    assert conf["B1"].value == f"=TRIM(SUBSTITUTE('Kendali'!${python[0]}${python[1:]},CHAR(34),\"\"))"
    assert conf["A2"].value is None  # xlwings reads keys from A1 down to the first blank


def test_builder_and_buttons_share_one_layout(tmp_path, built):
    """What the builder labels is what the buttons read and write: one layout for both."""
    values = sheet_values(built)
    assert values[layout.TITLE_CELL] == msg("kendali_title")
    assert values[layout.STATUS_CELL] == msg("kendali_not_run")
    for cell, label in layout.RESULT_LABELS:
        assert values[cell.replace("B", "A", 1)] == label
    assert values[layout.TABLE_TITLE_CELL] == msg("kendali_section_problems")
    for field in layout.SETTINGS_FIELDS:
        assert values[field.hint_cell] == field.hint

    # Each settings cell the builder made is the one the buttons read ...
    control = tmp_path / "k.xlsm"
    shutil.copy(built, control)
    typed = {field.key: f"isian {field.key}" for field in layout.SETTINGS_FIELDS}
    fill(control, **typed)
    read = read_settings_from_file(control)
    assert {key: getattr(read, key) for key in typed} == typed
    assert (read.base_dir, read.workbook) == (str(tmp_path.resolve()), "k.xlsm")
    # ... and the results land beside the builder's labels, in the table under its header.
    problems = [Problem("f.xlsx", "kode", "pesan", sheet="Formulir", cell="C9", ikk="SK1-IKK1")]
    write_outcome_to_file(control, Outcome("periksa", layout.STATE_FIX, "status", forms=3, errors=1, warnings=0,
                                           problems=problems, finished="01-01-2024 00:00:00"))
    after = sheet_values(control)
    assert {cell: after.get(cell) for cell, _ in layout.RESULT_LABELS} == {
        layout.STATE_CELL: layout.STATE_FIX, layout.STATUS_CELL: "status", layout.TIME_CELL: "01-01-2024 00:00:00",
        layout.FORMS_CELL: 3, layout.ERRORS_CELL: 1, layout.WARNINGS_CELL: 0, layout.HEADLINE_CELL: None,
        layout.OUTPUT_CELL: None}
    assert table(after) == [["f.xlsx", "pesan", "C9", "Formulir", "SK1-IKK1", "KESALAHAN", "kode"]]
    columns = [chr(ord("A") + n) for n in range(len(layout.TABLE_COLUMNS) + 1)]
    assert columns[-2] == layout.TABLE_LAST_COL
    assert [after.get(f"{col}{layout.TABLE_HEADER_ROW}") for col in columns] == [*layout.TABLE_COLUMNS, None]


def test_button_command_never_overwrites_and_wants_xlsm(tmp_path, built):
    runner = CliRunner()
    out = tmp_path / "kendali.xlsm"
    assert runner.invoke(cli, ["button", "--out", str(out)]).exit_code == 0
    before = out.read_bytes()
    again = runner.invoke(cli, ["button", "--out", str(out)])
    assert again.exit_code != 0 and "sudah ada" in again.output
    assert out.read_bytes() == before
    assert runner.invoke(cli, ["button", "--out", str(out), "--force"]).exit_code == 0
    wrong = runner.invoke(cli, ["button", "--out", str(tmp_path / "kendali.xlsx")])
    assert wrong.exit_code != 0 and ".xlsm" in wrong.output
    assert not (tmp_path / "kendali.xlsx").exists()
    # Reproducible: the same input gives the same bytes.
    assert build.build_control_workbook(build.xlwings_vba_project()) == \
        build.build_control_workbook(build.xlwings_vba_project())


def test_missing_xlwings_is_a_clear_message(tmp_path, monkeypatch):
    real = importlib.util.find_spec
    monkeypatch.setattr(importlib.util, "find_spec", lambda name, *a: None if name == "xlwings" else real(name, *a))
    result = CliRunner().invoke(cli, ["button", "--out", str(tmp_path / "k.xlsm")])
    assert result.exit_code == 2  # a missing part of the installation, not an input error
    assert msg("xlwings_missing") in result.output
    assert 'pip install "lkjip-xl[excel]"' in result.output
    assert not (tmp_path / "k.xlsm").exists()


def test_library_imports_and_entry_points_explain_without_xlwings():
    code = (
        "import sys; sys.modules['xlwings'] = sys.modules['click'] = None\n"
        "import lkjip_xl.excel, lkjip_xl.control\n"
        "lkjip_xl.excel.konsolidasi()\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert done.returncode == 1
    assert "Traceback" not in done.stderr
    assert done.stderr.strip() == msg("xlwings_missing")


@needs_xlwings
def test_button_command_line_as_xlwings_runs_it_fails_in_indonesian_without_traceback(workspace):
    """The exact command RunPython builds on Windows; here Book.caller() cannot reach Excel."""
    control = workspace / "konsolidasi.xlsm"
    _, macro = action_buttons(control)[3]
    command = MACRO_RE.match(macro)["arg"]
    pythonpath = f"true;{control};{control};;;;"
    code = f'import xlwings.utils;xlwings.utils.prepare_sys_path("{pythonpath}"); {command}'
    done = subprocess.run([sys.executable, "-B", "-c", code, f"--wb={control.name}", "--from_xl=1",
                           "--app=Excel", "--hwnd=1"], capture_output=True, text=True, timeout=120,
                          cwd=workspace)
    assert done.returncode == 1  # RunPython shows stderr in a message box on a non-zero exit
    assert "Traceback" not in done.stderr
    assert done.stderr.startswith("Fungsi ini dijalankan dari tombol pada sheet 'Kendali'")
    assert not (workspace / "Konsolidasi_LKjIP_2023.xlsx").exists()


# --------------------------------------------------------------------------- entry points on a real control workbook


def test_periksa_then_konsolidasi_write_status_counts_and_output(workspace, built):
    from lkjip_xl.consolidate import consolidate

    control = workspace / "konsolidasi.xlsm"
    fill(control, folder="formulir", master="master_pk_2023.xlsx", tahun=2023)

    outcome = run_on_file(control, "periksa")
    values = sheet_values(control)
    assert values[layout.STATE_CELL] == layout.STATE_OK
    assert values[layout.STATUS_CELL] == msg("kendali_periksa_ok", forms=4, warnings=outcome.warnings)
    assert values[layout.FORMS_CELL] == 4
    assert values[layout.ERRORS_CELL] == 0
    assert layout.OUTPUT_CELL not in values
    assert re.fullmatch(r"\d\d-\d\d-\d{4} \d\d:\d\d:\d\d", values[layout.TIME_CELL])

    outcome = run_on_file(control, "konsolidasi")
    output = workspace / "Konsolidasi_LKjIP_2023.xlsx"
    assert outcome.state == layout.STATE_OK and output.is_file()
    # Same library function as the CLI: the same headline as consolidating directly.
    direct = consolidate([str(p) for p in sorted((workspace / "formulir").glob("*.xlsx"))],
                         str(workspace / "direct.xlsx"), master=str(workspace / "master_pk_2023.xlsx"))
    values = sheet_values(control)
    assert values[layout.STATE_CELL] == layout.STATE_OK
    assert values[layout.HEADLINE_CELL] == direct.summary.headline
    assert re.fullmatch(r"\d+ dari \d+ IKK tercapai", values[layout.HEADLINE_CELL])
    assert values[layout.OUTPUT_CELL] == str(output)
    assert values[layout.STATUS_CELL] == msg("kendali_konsolidasi_ok", headline=direct.summary.headline,
                                            path=str(output))
    assert "Capaian Kinerja" in openpyxl.load_workbook(output, read_only=True).sheetnames

    # Writing results back keeps the VBA project and the wired buttons.
    assert parts(control)["xl/vbaProject.bin"] == parts(built)["xl/vbaProject.bin"]
    assert buttons(control) == buttons(built)
    assert ("Konsolidasi", build.button_macro("konsolidasi")) in buttons(control)
    assert "RunPython" in "".join(vba_modules(control).values())

    # A second click refuses to overwrite until "Timpa" is Ya.
    before = output.read_bytes()
    outcome = run_on_file(control, "konsolidasi")
    assert outcome.state == layout.STATE_FIX
    assert sheet_values(control)[layout.STATUS_CELL].startswith(f"Berkas hasil {output} sudah ada.")
    assert output.read_bytes() == before
    fill(control, timpa="Ya")
    assert run_on_file(control, "konsolidasi").state == layout.STATE_OK


def spoil_a_numerator(form) -> str:
    """Type a word ("banyak") over the first Pembilang number of ``form``, as a careless user would; its cell."""
    workbook = openpyxl.load_workbook(form)
    sheet = workbook["Formulir"]
    headers = {c.value: c.column_letter for c in sheet[8] if c.value}
    target = next(c for c in sheet[headers["Pembilang"]][8:] if isinstance(c.value, (int, float)))
    target.value = "banyak"
    workbook.save(form)
    return target.coordinate


def test_every_problem_is_listed_with_file_sheet_and_cell(workspace):
    form = sorted((workspace / "formulir").glob("*.xlsx"))[0]
    spoiled = spoil_a_numerator(form)
    control = workspace / "konsolidasi.xlsm"
    fill(control, folder=str(workspace / "formulir"), master=str(workspace / "master_pk_2023.xlsx"),
         output=str(workspace / "hasil" / "LKjIP.xlsx"), tahun="2023")

    run_on_file(control, "periksa")
    values = sheet_values(control)
    assert values[layout.STATE_CELL] == layout.STATE_FIX
    assert values[layout.ERRORS_CELL] >= 1
    rows = table(values)
    broken = [r for r in rows if r[2] == spoiled]
    assert broken, rows
    file, message, cell, sheet_name, ikk, level, code = broken[0]
    assert (file, sheet_name, level, code) == (form.name, "Formulir", "KESALAHAN", "value_not_number")
    assert "banyak" in message and spoiled in message and ikk

    # The forms' errors come first, even when the output already exists; nothing is written.
    earlier = workspace / "hasil" / "LKjIP.xlsx"
    earlier.parent.mkdir()
    earlier.write_bytes(b"hasil sebelumnya")
    run_on_file(control, "konsolidasi")
    values = sheet_values(control)
    assert values[layout.STATE_CELL] == layout.STATE_FIX
    assert values[layout.STATUS_CELL] == msg("kendali_konsolidasi_refused", errors=1, forms=4)
    assert earlier.read_bytes() == b"hasil sebelumnya"
    assert any(r[2] == spoiled for r in table(values))


def test_missing_folder_ends_as_indonesian_status(workspace):
    control = workspace / "konsolidasi.xlsm"
    fill(control, folder="formulir_tidak_ada", master="master_pk_2023.xlsx", tahun=2023, salinan="salinan")
    for action in (layout.ACTION_PERIKSA, layout.ACTION_FEEDBACK, layout.ACTION_KONSOLIDASI):
        outcome = run_on_file(control, action)
        values = sheet_values(control)
        expected = msg("kendali_folder_missing", path=str(workspace / "formulir_tidak_ada"),
                       label="Folder formulir unit kerja", cell="B5", sheet="Kendali")
        assert values[layout.STATUS_CELL] == expected
        assert values[layout.STATE_CELL] == layout.STATE_FIX
        assert table(values) == [["konsolidasi.xlsm", expected, "B5", "Kendali", None, "KESALAHAN",
                                  "kendali_folder_missing"]]
        assert outcome.problems[0].code == "kendali_folder_missing"


def test_results_of_an_earlier_run_are_cleared(workspace):
    control = workspace / "konsolidasi.xlsm"
    fill(control, folder="tidak_ada", master="tidak_ada.xlsx", tahun="dua ribu")
    run_on_file(control, "periksa")
    assert len(table(sheet_values(control))) == 3
    assert sheet_values(control)[layout.STATUS_CELL] == msg("kendali_settings_invalid", count=3)
    fill(control, folder="formulir", master="master_pk_2023.xlsx", tahun=2023)
    run_on_file(control, "periksa")
    values = sheet_values(control)
    # none of the earlier errors is left; only the samples' own warnings (shares above 100 %)
    assert [row[-1] for row in table(values)] == ["numerator_exceeds_denominator"] * 2
    assert values[layout.STATE_CELL] == layout.STATE_OK


def test_an_unexpected_failure_is_a_sentence_not_a_traceback(workspace, monkeypatch):
    validate_module = importlib.import_module("lkjip_xl.validate")  # lkjip_xl.validate is the public function

    def boom(*args, **kwargs):
        raise RuntimeError("disk penuh")

    monkeypatch.setattr(validate_module, "validate_paths", boom)
    control = workspace / "konsolidasi.xlsm"
    fill(control, folder="formulir", master="master_pk_2023.xlsx")
    outcome = run_on_file(control, "periksa")
    values = sheet_values(control)
    assert values[layout.STATE_CELL] == layout.STATE_FAILED
    assert values[layout.STATUS_CELL] == msg("kendali_unexpected", detail="RuntimeError: disk penuh")
    assert outcome.problems[0].code == "kendali_unexpected"


def test_control_workbook_without_kendali_sheet(tmp_path):
    other = tmp_path / "lain.xlsx"
    openpyxl.Workbook().save(other)
    outcome = run_on_file(other, "periksa")
    assert outcome.state == layout.STATE_FAILED
    assert outcome.status.startswith(f"Buku kerja kendali {other} tidak dapat dibaca")


# --------------------------------------------------------------------------- settings rules (plain data)


def settings(tmp_path: Path, **values) -> Settings:
    return settings_from_values(values, base_dir=str(tmp_path), workbook="k.xlsm")


def codes(outcome: Outcome) -> list[str]:
    return [p.code for p in outcome.problems]


def test_settings_rules(tmp_path):
    (tmp_path / "formulir").mkdir()
    shutil.copy(SAMPLES / "master_pk_2023.xlsx", tmp_path / "master.xlsx")
    run = run_from_settings

    assert codes(run(settings(tmp_path), "periksa")) == ["kendali_setting_missing"] * 2
    assert codes(run(settings(tmp_path, folder="master.xlsx", master="master.xlsx"))) == ["kendali_not_folder"]
    assert codes(run(settings(tmp_path, folder="formulir", master="tidak.xlsx"))) == ["kendali_master_missing"]
    assert codes(run(settings(tmp_path, folder="formulir", master="master.xlsx"))) == ["kendali_no_forms"]
    assert codes(run(settings(tmp_path, folder="formulir", master="master.xlsx", tahun=2024))) == \
        ["kendali_year_mismatch"]
    assert codes(run(settings(tmp_path, folder="formulir", master="master.xlsx", timpa="mungkin"))) == \
        ["kendali_yes_no_invalid"]
    for output, code in (("formulir/hasil.xlsx", "kendali_output_in_forms"),
                         ("hasil.csv", "kendali_output_not_xlsx"),
                         ("master.xlsx", "kendali_output_is_master")):
        outcome = run(settings(tmp_path, folder="formulir", master="master.xlsx", output=output), "konsolidasi")
        assert codes(outcome) == [code], output
        assert outcome.state == layout.STATE_FIX and outcome.status == outcome.problems[0].message
    relative = run_from_settings(settings_from_values({"folder": "formulir", "master": "m.xlsx"}))
    assert codes(relative) == ["kendali_relative_path"] * 2
    assert codes(run(settings(tmp_path, folder="formulir", master="master.xlsx"), "hapus")) == \
        ["kendali_unexpected"]


def test_master_problems_are_listed(tmp_path):
    (tmp_path / "formulir").mkdir()
    (tmp_path / "master.xlsx").write_bytes(b"bukan excel")
    outcome = run_from_settings(settings(tmp_path, folder="formulir", master="master.xlsx"))
    assert outcome.state == layout.STATE_FIX
    assert outcome.status == msg("kendali_master_invalid", path=str(tmp_path / "master.xlsx"))
    assert codes(outcome) == ["file_not_xlsx"]  # the pre-flight checks every input workbook passes


def test_value_parsers():
    assert parse_year(2023) == parse_year(2023.0) == parse_year(" 2023 ") == 2023
    assert parse_year("2023a") is parse_year(1999) is parse_year(2023.5) is None
    assert parse_yes_no("Ya") is parse_yes_no(True) is parse_yes_no(1) is True
    assert parse_yes_no("tidak") is parse_yes_no(None) is parse_yes_no("") is False
    assert parse_yes_no("mungkin") is None
    assert clean_path_text(' "C:\\LKjIP\\formulir" ') == "C:\\LKjIP\\formulir"
    assert clean_path_text(None) == ""
    assert base_dir_of("https://contoso.sharepoint.com/x/k.xlsm") == ""
    assert base_dir_of("k.xlsm") == ""
    assert base_dir_of(os.path.join("C:", os.sep, "LKjIP", "k.xlsm")).endswith("LKjIP")


def test_long_problem_lists_are_cut_with_a_count():
    problems = [Problem("f.xlsx", "x", f"pesan {n}") for n in range(layout.MAX_TABLE_ROWS + 5)]
    rows = Outcome("periksa", layout.STATE_FIX, "s", problems=problems).table_rows()
    assert len(rows) == layout.MAX_TABLE_ROWS + 1
    assert rows[-1][1] == msg("kendali_more_problems", count=5)


# --------------------------------------------------------------------------- the xlwings glue, with a stand-in sheet


class _Range:
    def __init__(self, sheet: _Sheet, address: str):
        self.sheet, self.address = sheet, address

    @property
    def value(self):
        return self.sheet.cells.get(self.address)

    @value.setter
    def value(self, value):
        self.sheet.writes.append((self.address, value))
        self.sheet.cells[self.address] = value

    def clear_contents(self):
        self.sheet.writes.append((self.address, "<clear>"))


class _Api:
    """The sheet's COM object: its protection, as the glue switches it off and on around a write."""

    def __init__(self, sheet: _Sheet):
        self.sheet = sheet

    def Unprotect(self):  # noqa: N802 - Excel's own name
        self.sheet.writes.append(("<unprotect>", None))

    def Protect(self, **options):  # noqa: N802 - Excel's own name
        self.sheet.writes.append(("<protect>", options))


class _Sheet:
    def __init__(self, cells):
        self.cells, self.writes = dict(cells), []
        self.api = _Api(self)

    def range(self, address):
        return _Range(self, address)


class _Name:
    def __init__(self, refers_to):
        self.refers_to = refers_to


class _Book:
    def __init__(self, fullname, sheet, version=layout.LAYOUT_VERSION):
        self.fullname, self.name = fullname, os.path.basename(fullname)
        self.sheets = {layout.SHEET: sheet}
        self.names = {layout.LAYOUT_NAME: _Name(f"={version}")} if version else {}


@needs_xlwings
def test_xlwings_glue_reads_settings_and_writes_results(workspace, monkeypatch):
    """Only Excel can run Book.caller(); a stand-in book checks what the glue reads and writes."""
    import xlwings

    sheet = _Sheet({"B5": "formulir", "B6": "master_pk_2023.xlsx", "B8": 2023.0, "B9": "Tidak"})
    book = _Book(str(workspace / "konsolidasi.xlsm"), sheet)
    monkeypatch.setattr(xlwings.Book, "caller", classmethod(lambda cls: book))
    excel.periksa()
    assert sheet.writes[0] == ("<unprotect>", None)
    assert sheet.writes[1] == (layout.TABLE_CLEAR_RANGE, "<clear>")
    assert sheet.writes[-1] == ("<protect>", {"DrawingObjects": True, "Contents": True, "Scenarios": True,
                                              "AllowFormattingColumns": True, "AllowFormattingRows": True})
    assert (layout.STATE_CELL, "'" + layout.STATE_RUNNING) in sheet.writes
    assert sheet.cells[layout.STATE_CELL] == "'" + layout.STATE_OK
    assert sheet.cells[layout.FORMS_CELL] == 4
    excel.konsolidasi()
    assert sheet.cells[layout.HEADLINE_CELL].endswith("IKK tercapai")
    assert (workspace / "Konsolidasi_LKjIP_2023.xlsx").is_file()

    sheet.cells["B5"] = "hilang"
    excel.periksa()
    assert sheet.cells[layout.STATUS_CELL].startswith("'Folder formulir")
    assert sheet.cells[f"A{layout.TABLE_FIRST_ROW}"][0][2] == "'B5"


# --------------------------------------------------------------------------- LibreOffice


def _soffice() -> str | None:
    return shutil.which("soffice") or shutil.which("libreoffice")


@pytest.mark.skipif(_soffice() is None, reason="LibreOffice not installed")
@pytest.mark.parametrize("after_run", [False, True], ids=["as-built", "after-periksa"])
def test_opens_in_libreoffice_with_sheet_settings_and_buttons(workspace, tmp_path, after_run):
    control = workspace / "konsolidasi.xlsm"
    if after_run:
        fill(control, folder="formulir", master="master_pk_2023.xlsx", tahun=2023)
        run_on_file(control, "periksa")
    outdir = tmp_path / "lo"
    profile = tmp_path / "lo_profile"
    done = subprocess.run(
        [_soffice(), f"-env:UserInstallation={profile.as_uri()}", "--headless", "--convert-to", "ods",
         "--outdir", str(outdir), str(control)],
        capture_output=True, text=True, timeout=300,
    )
    ods = outdir / "konsolidasi.ods"
    assert ods.is_file(), done.stdout + done.stderr
    with zipfile.ZipFile(ods) as archive:
        content = archive.read("content.xml").decode("utf-8")
        names = archive.namelist()
    assert 'table:name="Kendali"' in content and 'table:name="xlwings.conf"' in content
    for field in layout.SETTINGS_FIELDS:
        assert f">{field.label}<" in content
    assert ">Tidak<" in content
    if after_run:
        assert ">formulir<" in content and ">master_pk_2023.xlsx<" in content
        assert f">{layout.STATE_OK}<" in content
    else:
        assert ">Belum dijalankan. Isi pengaturan, lalu klik Periksa.<" in content
    labels = re.findall(r'<form:button [^>]*form:label="([^"]*)"', content)
    pickers = [field for field in layout.SETTINGS_FIELDS if field.picker]
    assert sorted(labels) == sorted([caption for caption, _ in layout.BUTTONS] + ["Pilih…"] * len(pickers))
    assert "Basic/VBAProject/xlwings.xml" in names  # LibreOffice read the VBA project too ...
    assert "Basic/VBAProject/LkjipXl.xml" in names  # ... and the module of the "Pilih…" buttons
