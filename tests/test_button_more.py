"""The control workbook for the whole year: six buttons, a "Pilih…" button beside every path setting,
xlwings' settings sheet very hidden, the sheet locked but for its settings cells (issue #15 item 6).

No Excel here, so no macro runs: the workbook is built for real and read back (its sheets, defined
names, visibility, protection, validation, page setup, the buttons of its VML drawing and the VBA
module text inside vbaProject.bin, read with oletools), and every action a button runs is driven
from Python on a real control workbook whose settings are the sample paths — exactly what the
button's ``RunPython`` call runs in Excel, less the workbook it reaches through COM.
"""

from __future__ import annotations

import math
import re
import shutil
import sys
import zipfile
from pathlib import Path

import openpyxl
import pytest
from defusedxml import ElementTree as ET

from lkjip_xl import excel, read_master
from lkjip_xl.control import build, layout, run_from_settings, run_on_file, settings_from_values
from lkjip_xl.control.vba import MODULE, PICK_FILE, PICK_FOLDER, PICK_SAVE, compress, decompress, picker_source
from lkjip_xl.messages import msg
from lkjip_xl.periods import ANNUAL, period_choices
from sample_files import ANGGARAN, MASTER, PREVIOUS, RENCANA_AKSI, RENSTRA, SAMPLES, SUPPORTING
from test_button import (
    MACRO_RE, VML_NS, _Book, _Sheet, fill, needs_xlwings, parts, sheet_values, spoil_a_numerator, table, vba_modules,
    xlwings_installed,
)

MAIN_NS = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
FIELD = layout.FIELD_BY_KEY
PATH_FIELDS = [field for field in layout.SETTINGS_FIELDS if field.kind in layout.PATH_KINDS]


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Path:
    if not xlwings_installed:
        pytest.skip("xlwings (extra 'excel') not installed")
    return build.write_control_workbook(tmp_path_factory.mktemp("kendali") / "kendali.xlsm")


@pytest.fixture
def workspace(tmp_path, built) -> Path:
    """A Kanwil folder: the control workbook, the master, the filled forms and this year's other inputs."""
    shutil.copytree(SAMPLES / "formulir", tmp_path / "formulir")
    shutil.copy(MASTER, tmp_path / "master_pk_2023.xlsx")
    shutil.copy(built, tmp_path / "kendali.xlsm")
    return tmp_path


def control(workspace: Path) -> Path:
    return workspace / "kendali.xlsm"


def anchored_buttons(path: Path) -> list[tuple[str, str, int, int]]:
    """(caption, macro, column, row) of every form button, 0-based cell of its top-left corner."""
    found = []
    for name, data in parts(path).items():
        if not name.endswith(".vml"):
            continue
        for shape in ET.fromstring(data).iter("{urn:schemas-microsoft-com:vml}shape"):
            client = shape.find("x:ClientData", VML_NS)
            if client is None or client.get("ObjectType") != "Button":
                continue
            caption = "".join(shape.find("v:textbox", VML_NS).itertext()).strip()
            anchor = [int(n) for n in client.findtext("x:Anchor", namespaces=VML_NS).split(",")]
            found.append((caption, client.findtext("x:FmlaMacro", namespaces=VML_NS), anchor[0], anchor[2]))
    return found


def codes_and_cells(outcome) -> list[tuple[str, str]]:
    return [(p.code, p.cell) for p in outcome.problems]


# --------------------------------------------------------------------------- the workbook as built


def test_six_buttons_each_running_its_entry_function(built):
    found = [(caption, macro) for caption, macro, _, _ in anchored_buttons(built) if "RunPython" in macro]
    assert found == [(msg(f"kendali_button_{action}"), build.button_macro(action)) for action in layout.ACTIONS]
    assert [caption for caption, _ in found] == ["Buat Formulir", "Periksa", "Salinan Pemeriksaan", "Konsolidasi",
                                                 "Tabel Bab III", "Laporan Word"]
    for _, macro in found:
        command = MACRO_RE.match(macro)["arg"]
        function = command.removeprefix("import lkjip_xl.excel;lkjip_xl.excel.").removesuffix("()")
        assert function in excel.__all__ and callable(getattr(excel, function))
    rows = {row for _, macro, _, row in anchored_buttons(built) if "RunPython" in macro}
    assert rows == {layout.BUTTON_ROW - 1, layout.BUTTON_ROW}  # two rows of three, under "JALANKAN"


def test_a_picker_beside_every_path_setting_calls_its_vba_macro_with_the_cell(built):
    pickers = {(column, row): macro for caption, macro, column, row in anchored_buttons(built)
               if caption == msg("kendali_picker")}
    expected = {
        "folder": f'\'{PICK_FOLDER} "B5"\'', "master": f'\'{PICK_FILE} "B6", "xlsx"\'',
        "output": f'\'{PICK_SAVE} "B7", "xlsx"\'', "formulir_baru": f'\'{PICK_FOLDER} "B11"\'',
        "sebelumnya": f'\'{PICK_FOLDER} "B13"\'', "salinan": f'\'{PICK_FOLDER} "B15"\'',
        "tahun_lalu": f'\'{PICK_FILE} "B17", "xlsx", True\'', "renstra": f'\'{PICK_FILE} "B18", "xlsx"\'',
        "anggaran": f'\'{PICK_FILE} "B19", "xlsx"\'', "pendukung": f'\'{PICK_FILE} "B20", "xlsx"\'',
        "rencana_aksi": f'\'{PICK_FILE} "B21", "xlsx"\'', "tabel": f'\'{PICK_SAVE} "B22", "xlsx"\'',
        "laporan": f'\'{PICK_SAVE} "B23", "docx"\'', "python": f'\'{PICK_FILE} "B26", "exe"\'',
    }
    assert {field.key for field in PATH_FIELDS} == set(expected)
    for field in PATH_FIELDS:  # in column C, on the setting's own row
        assert pickers[(2, field.row - 1)] == expected[field.key] == build.picker_macro(field), field.key
    assert len(pickers) == len(PATH_FIELDS)


def test_the_vba_module_defines_every_macro_a_picker_calls(built):
    modules = vba_modules(built)
    assert set(modules) == {"ThisWorkbook.cls", "Sheet1.cls", "Sheet2.cls", "Module1.bas", "xlwings.bas",
                            "Dictionary.cls", f"{MODULE}.bas"}
    code = modules[f"{MODULE}.bas"]
    assert code.startswith(f'Attribute VB_Name = "{MODULE}"')
    signatures = {
        PICK_FOLDER: r"\(ByVal address As String\)",
        PICK_FILE: r"\(ByVal address As String, ByVal extension As String, Optional ByVal several As Boolean = "
                   r"False\)",
        PICK_SAVE: r"\(ByVal address As String, ByVal extension As String\)",
    }
    for procedure, arguments in signatures.items():
        assert re.search(rf"^Public Sub {procedure}{arguments}\s*$", code, re.M), procedure
    assert "Application.FileDialog(4)  ' msoFileDialogFolderPicker" in code
    assert "Application.FileDialog(3)  ' msoFileDialogFilePicker" in code
    assert "Application.GetSaveAsFilename(" in code
    # Each macro writes into the cell of sheet "Kendali", named by its code name (renaming the sheet keeps it).
    assert code.count(f"Set target = {build.SHEET_CODENAMES[layout.SHEET]}.Range(address)") == 3
    # Every picker's call has the arguments its procedure takes.
    for field in PATH_FIELDS:
        procedure, arguments = field.picker
        assert len(arguments) == {PICK_FOLDER: 1, PICK_FILE: 2 + (field.kind == layout.FILES_IN),
                                  PICK_SAVE: 2}[procedure]
    assert "RunPython" in modules["xlwings.bas"]  # xlwings' module is still there, whole


def test_vba_compression_is_what_office_reads():
    from oletools.olevba import decompress_stream

    source = picker_source("Sheet1").encode("cp1252")
    for data in (b"", b"x", source, source * 3, bytes(range(256)) * 16):
        packed = compress(data)
        assert decompress(packed) == data == bytes(decompress_stream(bytearray(packed)))
    assert len(compress(source)) < len(source) // 2


def test_xlwings_conf_is_very_hidden_protected_and_linked_to_the_python_setting(built):
    workbook = ET.fromstring(parts(built)["xl/workbook.xml"])
    states = {s.get("name"): s.get("state") for s in workbook.iter(f"{MAIN_NS}sheet")}
    assert states == {layout.SHEET: None, layout.CONF_SHEET: "veryHidden"}
    book = openpyxl.load_workbook(built)
    conf = book[layout.CONF_SHEET]
    assert conf.sheet_state == "veryHidden" and conf.protection.sheet
    python = FIELD["python"].cell
    assert conf["B1"].value == f"=TRIM(SUBSTITUTE('Kendali'!${python[0]}${python[1:]},CHAR(34),\"\"))"
    # The notes sit in their own column, wrapped, each row tall enough for its lines: nothing overlaps.
    width = conf.column_dimensions["D"].width
    assert conf.column_dimensions["B"].width >= 30
    for row in (1, 2, 3):
        cell = conf.cell(row, layout.CONF_NOTE_COLUMN + 1)
        assert cell.value and cell.alignment.wrap_text
        assert (conf.row_dimensions[row].height or 15) >= 15 * math.ceil(len(cell.value) / (width - 2))
    assert conf["A2"].value is None  # xlwings reads keys down to the first blank
    assert msg("kendali_conf_interpreter", cell="B1", label=FIELD["python"].label, sheet=layout.SHEET,
               source=python) == conf["D2"].value


def test_only_the_settings_cells_are_unlocked_and_the_hints_do_not_overlap(built):
    sheet = openpyxl.load_workbook(built)[layout.SHEET]
    assert sheet.protection.sheet and sheet.protection.password is None
    assert sheet.protection.formatColumns is False and sheet.protection.formatRows is False  # allowed
    settings_cells = {field.cell for field in layout.SETTINGS_FIELDS}
    last = layout.TABLE_FIRST_ROW + 5
    for row in sheet.iter_rows(min_row=1, max_row=last, max_col=len(layout.COLUMN_WIDTHS)):
        for cell in row:
            assert cell.protection.locked == (cell.coordinate not in settings_cells), cell.coordinate
    hint_width = sheet.column_dimensions["D"].width
    for field in layout.SETTINGS_FIELDS:
        hint = sheet[field.hint_cell]
        assert hint.value == field.hint and hint.alignment.wrap_text
        assert (sheet.row_dimensions[field.row].height or 15) >= 15 * math.ceil(len(field.hint) / (hint_width - 2))
    intro = next(r for r in sheet.merged_cells.ranges if r.min_row == 2)
    assert (intro.min_col, intro.max_col) == (1, 4) and sheet["A2"].alignment.wrap_text
    assert sheet.page_setup.paperSize == 9 and sheet.page_setup.orientation == "landscape"
    assert sheet.sheet_properties.pageSetUpPr.fitToPage and sheet.page_setup.fitToHeight == 0  # one page wide


def test_settings_cells_have_their_rules_and_first_values(built):
    sheet = openpyxl.load_workbook(built)[layout.SHEET]
    rules = {str(rule.sqref): rule for rule in sheet.data_validations.dataValidation}
    assert rules[FIELD["tahun"].cell].type == "whole"
    for key in ("timpa", "pdf"):
        assert rules[FIELD[key].cell].formula1 == '"Ya,Tidak"' and sheet[FIELD[key].cell].value == "Tidak"
    assert rules[FIELD["periode"].cell].formula1 == '"' + ",".join(period_choices()) + '"'
    assert sheet[FIELD["periode"].cell].value == ANNUAL
    book = openpyxl.load_workbook(built)
    assert book.defined_names[layout.LAYOUT_NAME].attr_text == str(layout.LAYOUT_VERSION)


# --------------------------------------------------------------------------- each action, end to end on the samples


def test_buat_formulir_writes_the_forms_of_the_period_chosen(workspace):
    path = control(workspace)
    master = read_master(MASTER)
    fill(path, folder="formulir", master="master_pk_2023.xlsx", formulir_baru="formulir_kosong")
    outcome = run_on_file(path, layout.ACTION_FORMS)
    out = workspace / "formulir_kosong"
    assert outcome.state == layout.STATE_OK, outcome.status
    written = sorted(out.glob("*.xlsx"))
    assert len(written) == len(master.divisi_order) == outcome.forms == 4
    values = sheet_values(path)
    assert values[layout.STATUS_CELL] == msg("kendali_forms_ok", count=4, period=ANNUAL, path=str(out))
    assert values[layout.OUTPUT_CELL] == str(out) and values[layout.FORMS_CELL] == 4
    assert "Formulir" in openpyxl.load_workbook(written[0], read_only=True).sheetnames

    # Again: refused until "Timpa" is Ya, the message naming both cells; the forms stay as they were.
    before = {p.name: p.read_bytes() for p in written}
    outcome = run_on_file(path, layout.ACTION_FORMS)
    assert codes_and_cells(outcome) == [("kendali_output_exists", "B11")]
    assert "sel B9" in outcome.status and {p.name: p.read_bytes() for p in written} == before
    fill(path, timpa="Ya")
    assert run_on_file(path, layout.ACTION_FORMS).state == layout.STATE_OK

    # Never into the folder of the filled forms, even with "Timpa" Ya.
    fill(path, formulir_baru="formulir")
    outcome = run_on_file(path, layout.ACTION_FORMS)
    assert codes_and_cells(outcome) == [("output_in_input_folder", "B11")]
    assert "sel B11" in outcome.status


def test_buat_formulir_of_a_later_quarter_reads_the_earlier_quarters(workspace):
    earlier = workspace / "sd_tw2"
    earlier.mkdir()
    for quarter in ("I", "II"):
        for form in (SAMPLES / "formulir_triwulan").glob(f"*_Triwulan_{quarter}.xlsx"):
            shutil.copy(form, earlier / form.name)
    path = control(workspace)
    fill(path, master="master_pk_2023.xlsx", formulir_baru="tw3", periode="Triwulan III", sebelumnya="sd_tw2")
    outcome = run_on_file(path, layout.ACTION_FORMS)
    assert outcome.state == layout.STATE_OK, outcome.status
    forms = sorted((workspace / "tw3").glob("*_Triwulan_III.xlsx"))
    assert len(forms) == 4
    texts = {str(c.value) for row in openpyxl.load_workbook(forms[0])["Formulir"].iter_rows() for c in row if c.value}
    assert any("s.d. Triwulan II" in text for text in texts)

    # A period of another calendar is refused at the period's cell, in the library's own words.
    fill(path, periode="Semester I", timpa="Ya")
    outcome = run_on_file(path, layout.ACTION_FORMS)
    assert [cell for _, cell in codes_and_cells(outcome)] == ["B12"]
    assert outcome.status.startswith("Isian 'Periode formulir' (sheet 'Kendali', sel B12): ")


def test_salinan_pemeriksaan_writes_a_marked_copy_of_each_form_with_problems(workspace):
    form = workspace / "formulir" / "Formulir_2023_Administrasi.xlsx"
    spoiled = spoil_a_numerator(form)
    path = control(workspace)
    fill(path, folder="formulir", master="master_pk_2023.xlsx", salinan="untuk_dikirim")
    outcome = run_on_file(path, layout.ACTION_FEEDBACK)
    out = workspace / "untuk_dikirim"
    copies = sorted(out.glob("*_pemeriksaan.xlsx"))
    assert outcome.state == layout.STATE_OK, outcome.status
    assert copies and out / "Formulir_2023_Administrasi_pemeriksaan.xlsx" in copies
    assert outcome.status == msg("kendali_feedback_ok", copies=len(copies), errors=outcome.errors,
                                 warnings=outcome.warnings, forms=4, path=str(out))
    assert outcome.errors == 1 and any(row[2] == spoiled for row in table(sheet_values(path)))
    marked = openpyxl.load_workbook(out / "Formulir_2023_Administrasi_pemeriksaan.xlsx")
    assert "Pemeriksaan" in marked.sheetnames
    assert sheet_values(path)[layout.OUTPUT_CELL] == str(out)

    # The copies are never written where the forms are read from.
    fill(path, salinan="formulir/salinan")
    outcome = run_on_file(path, layout.ACTION_FEEDBACK)
    assert codes_and_cells(outcome) == [("feedback_dir_in_forms", "B15")]


def test_tabel_bab3_and_laporan_word_after_konsolidasi(workspace):
    path = control(workspace)
    fill(path, folder="formulir", master="master_pk_2023.xlsx", output="hasil/konsolidasi.xlsx",
         tahun_lalu=f'"{PREVIOUS}"', renstra=str(RENSTRA), anggaran=str(ANGGARAN), pendukung=str(SUPPORTING),
         rencana_aksi=str(RENCANA_AKSI))
    # Before Konsolidasi there is nothing to make tables from: said at the consolidated workbook's cell.
    outcome = run_on_file(path, layout.ACTION_TABLES)
    assert codes_and_cells(outcome) == [("kendali_source_missing", "B7")]
    assert outcome.status == msg("kendali_source_missing", path=str(workspace / "hasil" / "konsolidasi.xlsx"),
                                 label=FIELD["output"].label, sheet=layout.SHEET, cell="B7")
    (workspace / "hasil").mkdir()
    assert run_on_file(path, layout.ACTION_KONSOLIDASI).state == layout.STATE_OK

    outcome = run_on_file(path, layout.ACTION_TABLES)
    tables = workspace / "Tabel_Bab_III_LKjIP_2023.xlsx"
    assert outcome.state == layout.STATE_OK, outcome.status
    assert tables.is_file() and sheet_values(path)[layout.OUTPUT_CELL] == str(tables)
    assert outcome.status.startswith(f"Tabel ditulis: {tables} (") and "Tabel 3.1 sampai" in outcome.status
    assert not [p.code for p in outcome.problems if p.code.endswith("_absent")]  # every input was given
    names = openpyxl.load_workbook(tables, read_only=True).sheetnames
    assert len(names) > 5

    outcome = run_on_file(path, layout.ACTION_CHAPTER)
    docx = workspace / "Bab_III_LKjIP_2023.docx"
    assert outcome.state == layout.STATE_OK, outcome.status
    assert docx.is_file() and outcome.status.startswith(f"Bab III ditulis: {docx} (")
    import docx as python_docx

    text = "\n".join(p.text for p in python_docx.Document(str(docx)).paragraphs)
    assert "Tabel 3.1" in text

    # Without the optional inputs the tables still come, each missing input said once as a warning.
    fill(path, tahun_lalu=None, renstra=None, anggaran=None, pendukung=None, rencana_aksi=None, timpa="Ya")
    outcome = run_on_file(path, layout.ACTION_TABLES)
    assert outcome.state == layout.STATE_OK
    assert {(p.code, p.cell) for p in outcome.problems} >= {("tables_previous_absent", "B17"),
                                                            ("tables_renstra_absent", "B18")}
    assert not any("--" in p.message for p in outcome.problems)  # no option of the command line on the sheet


@pytest.mark.skipif(shutil.which("soffice") is None and shutil.which("libreoffice") is None,
                    reason="LibreOffice not installed")
def test_laporan_word_with_its_pdf(workspace):
    path = control(workspace)
    fill(path, folder="formulir", master="master_pk_2023.xlsx", laporan="bab3/laporan", pdf="Ya")
    (workspace / "bab3").mkdir()
    assert run_on_file(path, layout.ACTION_KONSOLIDASI).state == layout.STATE_OK
    outcome = run_on_file(path, layout.ACTION_CHAPTER)
    assert outcome.state == layout.STATE_OK, outcome.status
    pdf = workspace / "bab3" / "laporan.pdf"
    assert (workspace / "bab3" / "laporan.docx").is_file() and pdf.read_bytes().startswith(b"%PDF")
    assert outcome.status.endswith(msg("chapter_pdf_written", path=str(pdf)))


# --------------------------------------------------------------------------- settings that cannot be used


CASES = [
    ("formulir_kosong", layout.ACTION_FORMS, {"formulir_baru": None}, "kendali_setting_missing", "B11"),
    ("formulir_berkas", layout.ACTION_FORMS, {"formulir_baru": "master_pk_2023.xlsx"}, "kendali_out_not_folder",
     "B11"),
    ("sebelumnya_hilang", layout.ACTION_FORMS, {"formulir_baru": "baru", "sebelumnya": "tidak_ada"},
     "kendali_folder_missing", "B13"),
    ("periode_angka", layout.ACTION_FORMS, {"formulir_baru": "baru", "periode": 2023}, "forms_period_not_in_calendar",
     "B12"),
    ("salinan_kosong", layout.ACTION_FEEDBACK, {}, "kendali_setting_missing", "B15"),
    ("renstra_folder", layout.ACTION_TABLES, {"renstra": "formulir"}, "kendali_not_file", "B18"),
    ("anggaran_hilang", layout.ACTION_CHAPTER, {"anggaran": "anggaran.xlsx"}, "kendali_file_missing", "B19"),
    ("tahun_lalu_kedua_hilang", layout.ACTION_TABLES, {"tahun_lalu": f"{PREVIOUS}; capaian_2021.xlsx"},
     "kendali_file_missing", "B17"),
    ("rencana_aksi_galat", layout.ACTION_TABLES, {"rencana_aksi": "#REF!"}, "kendali_error_value", "B21"),
    ("tabel_csv", layout.ACTION_TABLES, {"tabel": "tabel.csv"}, "kendali_output_not_xlsx", "B22"),
    ("laporan_xlsx", layout.ACTION_CHAPTER, {"laporan": "bab3.xlsx"}, "kendali_output_not_xlsx", "B23"),
    ("pdf_mungkin", layout.ACTION_CHAPTER, {"pdf": "mungkin"}, "kendali_yes_no_invalid", "B24"),
    ("tabel_di_folder_formulir", layout.ACTION_TABLES, {"tabel": "formulir/tabel.xlsx"}, "kendali_output_in_forms",
     "B22"),
]


@pytest.mark.parametrize("name, action, values, code, cell", CASES, ids=[case[0] for case in CASES])
def test_a_setting_that_cannot_be_used_is_said_at_its_cell(workspace, name, action, values, code, cell):
    (workspace / "Konsolidasi_LKjIP_2023.xlsx").write_bytes(b"")  # only its existence is looked at first
    settings = settings_from_values({"folder": "formulir", "master": "master_pk_2023.xlsx", **values},
                                    base_dir=str(workspace), workbook="kendali.xlsm")
    before = sorted(p.name for p in workspace.rglob("*"))
    outcome = run_from_settings(settings, action)
    assert outcome.state == layout.STATE_FIX, outcome.status
    assert codes_and_cells(outcome) == [(code, cell)]
    (problem,) = outcome.problems
    label = next(field.label for field in layout.SETTINGS_FIELDS if field.cell == cell)
    assert f"'{label}'" in problem.message and f"sheet '{layout.SHEET}'" in problem.message
    assert f"sel {cell}" in problem.message and outcome.status == problem.message
    assert "Traceback" not in problem.message and "Error" not in problem.message
    assert sorted(p.name for p in workspace.rglob("*")) == before  # nothing written


def test_relative_paths_need_the_workbooks_folder_and_every_action_says_so():
    settings = settings_from_values({"folder": "formulir", "master": "m.xlsx", "formulir_baru": "baru",
                                     "salinan": "salinan"})
    for action in layout.ACTIONS:
        outcome = run_from_settings(settings, action)
        assert outcome.state == layout.STATE_FIX
        assert {code for code, _ in codes_and_cells(outcome)} == {"kendali_relative_path"}, action


# --------------------------------------------------------------------------- a control workbook of another release


def test_a_workbook_of_an_older_layout_is_refused_with_the_way_out(workspace):
    path = control(workspace)
    book = openpyxl.load_workbook(path, keep_vba=True)
    del book.defined_names[layout.LAYOUT_NAME]
    book.save(path)
    outcome = run_on_file(path, layout.ACTION_PERIKSA)
    assert outcome.state == layout.STATE_FAILED
    assert outcome.status == msg("kendali_layout_old", path=str(path), sheet=layout.SHEET)
    assert "lkjip-xl button --out" in outcome.status


@needs_xlwings
def test_in_excel_an_older_layout_is_one_sentence_and_nothing_is_written(workspace, monkeypatch, capsys):
    import xlwings

    sheet = _Sheet({"B5": "formulir", "B6": "master_pk_2023.xlsx"})
    book = _Book(str(control(workspace)), sheet, version=None)
    monkeypatch.setattr(xlwings.Book, "caller", classmethod(lambda cls: book))
    with pytest.raises(SystemExit) as exited:
        excel.konsolidasi()
    assert exited.value.code == 1
    assert capsys.readouterr().err.strip() == msg("kendali_layout_old", path=book.fullname, sheet=layout.SHEET)
    assert sheet.writes == []


@needs_xlwings
def test_in_excel_each_new_button_runs_through_the_same_glue(workspace, monkeypatch):
    import xlwings

    sheet = _Sheet({"B5": "formulir", "B6": "master_pk_2023.xlsx", "B9": "Tidak", "B11": "baru", "B12": "Tahunan",
                    "B15": "salinan", "B24": "Tidak"})
    book = _Book(str(control(workspace)), sheet)
    monkeypatch.setattr(xlwings.Book, "caller", classmethod(lambda cls: book))
    excel.buat_formulir()
    assert sheet.cells[layout.STATE_CELL] == "'" + layout.STATE_OK and len(list((workspace / "baru").iterdir())) == 4
    excel.salinan_pemeriksaan()
    assert sheet.cells[layout.STATE_CELL] == "'" + layout.STATE_OK and list((workspace / "salinan").iterdir())
    excel.tabel_bab3()
    assert sheet.cells[layout.STATUS_CELL].startswith("'Berkas hasil konsolidasi")
    excel.konsolidasi()
    excel.tabel_bab3()
    assert sheet.cells[layout.STATE_CELL] == "'" + layout.STATE_OK
    assert (workspace / "Tabel_Bab_III_LKjIP_2023.xlsx").is_file()
    assert sheet.writes.count(("<unprotect>", None)) == 2 * 5  # "running" and the outcome, each unprotected


# --------------------------------------------------------------------------- the python.exe setting reaches xlwings


def test_the_python_setting_is_what_xlwings_reads_after_recalculation(workspace, tmp_path):
    sys.path.insert(0, str(Path(__file__).parent))
    from engine import recalculate, require_soffice

    require_soffice()
    path = control(workspace)
    fill(path, python='"C:\\Program Files\\Python312\\python.exe" ')
    recalculated = openpyxl.load_workbook(recalculate(path, tmp_path), data_only=True)
    assert recalculated[layout.CONF_SHEET]["B1"].value == "C:\\Program Files\\Python312\\python.exe"
    assert recalculated[layout.CONF_SHEET]["A1"].value == layout.CONF_INTERPRETER_KEY


def test_writing_results_keeps_protection_visibility_and_the_pickers(workspace, built):
    path = control(workspace)
    fill(path, folder="formulir", master="master_pk_2023.xlsx")
    run_on_file(path, layout.ACTION_PERIKSA)
    book = openpyxl.load_workbook(path)
    assert book[layout.SHEET].protection.sheet and book[layout.CONF_SHEET].sheet_state == "veryHidden"
    assert not book[layout.SHEET][FIELD["salinan"].cell].protection.locked
    assert anchored_buttons(path) == anchored_buttons(built)
    with zipfile.ZipFile(path) as archive, zipfile.ZipFile(built) as original:
        assert archive.read("xl/vbaProject.bin") == original.read("xl/vbaProject.bin")
