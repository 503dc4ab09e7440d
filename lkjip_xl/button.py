"""Build the macro-enabled control workbook: one-click validation and consolidation in Excel.

``lkjip-xl button --out konsolidasi.xlsm`` writes a workbook with a sheet
"Kendali" (settings cells, buttons "Periksa" and "Konsolidasi", a status cell
and a results area) and a sheet "xlwings.conf".  It is built without Excel:

- the VBA project is taken, at build time, from the *installed* xlwings
  package's standalone quickstart workbook (``quickstart_standalone.xlsm``,
  BSD-licensed; its standalone ``xlwings`` VBA module provides ``RunPython``
  and needs neither the xlwings add-in nor a licence key);
- XlsxWriter adds that project and two form buttons.

How a button reaches Python: each button's macro is a *macro call with an
argument*, stored the way Excel itself stores one typed into "Assign Macro"::

    'RunPython "import lkjip_xl.excel;lkjip_xl.excel.periksa()"'

so the two buttons call the unmodified ``RunPython`` of the xlwings module with
two different commands.  XlsxWriter always writes a button's macro as
``[0]!name``; the macro text is therefore written as a placeholder name and
replaced in the VML drawing part after XlsxWriter has finished.  The reasons
for this choice are in docs/tombol_excel.md.
"""

from __future__ import annotations

import importlib.util
import io
import math
import os
import sys
import zipfile
from importlib import metadata
from pathlib import Path
from xml.sax.saxutils import escape

import click

from . import __version__
from .excel import (
    ACTION_KONSOLIDASI, ACTION_PERIKSA, BUTTON_ROW, CONF_SHEET, RESULT_LABELS, SETTINGS_FIELDS, SHEET,
    STATE_CELL, STATE_FAILED, STATE_FIX, STATE_OK, STATE_RUNNING, STATUS_CELL, TABLE_COLUMNS,
    TABLE_HEADER_ROW, TABLE_TITLE_CELL,
)
from .fileio import KIND_CONTROL, OutputError, OutputPathError, atomic_output, guard_outputs
from .messages import msg
from .xlsx import new_workbook

#: The workbook inside the xlwings package whose VBA project is reused.
QUICKSTART_NAME = "quickstart_standalone.xlsm"
VBA_PART = "xl/vbaProject.bin"
OLE_MAGIC = bytes.fromhex("d0cf11e0a1b11ae1")

#: The Python module the buttons import, and the VBA function that runs it.
ENTRY_MODULE = "lkjip_xl.excel"
VBA_RUNNER = "RunPython"

#: (caption, function in :data:`ENTRY_MODULE`) of each button, left to right.
BUTTONS: tuple[tuple[str, str], ...] = (
    ("Periksa", ACTION_PERIKSA),
    ("Konsolidasi", ACTION_KONSOLIDASI),
)

#: Code names of the workbook and its sheets; they must match the document
#: modules of the VBA project (ThisWorkbook, Sheet1, Sheet2 in xlwings' quickstart).
WORKBOOK_CODENAME = "ThisWorkbook"
SHEET_CODENAMES = {SHEET: "Sheet1", CONF_SHEET: "Sheet2"}

#: Column widths of "Kendali" (A…G); the results table shares the columns.
COLUMN_WIDTHS = (34, 72, 40, 8, 14, 13, 24)
BUTTON_SIZE = (150, 36)  # pixels


class XlwingsMissingError(Exception):
    """xlwings (the ``excel`` extra) is not installed, or its quickstart workbook is unusable."""


# --------------------------------------------------------------------------- the macro text


def python_command(function: str) -> str:
    """The Python statement a button runs: ``import lkjip_xl.excel;lkjip_xl.excel.periksa()``."""
    return f"import {ENTRY_MODULE};{ENTRY_MODULE}.{function}()"


def button_macro(function: str) -> str:
    """The button's macro: a call of ``RunPython`` with the command as its one argument.

    Written as Excel writes a macro with arguments: the whole call in single
    quotes, the string argument in double quotes.
    """
    command = python_command(function)
    assert '"' not in command and "'" not in command
    return f"'{VBA_RUNNER} \"{command}\"'"


def _placeholder(function: str) -> str:
    return f"LKJIP_TOMBOL_{function.upper()}"


# --------------------------------------------------------------------------- xlwings' VBA project


def quickstart_path() -> Path:
    """Where the installed xlwings keeps its standalone quickstart workbook (not imported)."""
    spec = importlib.util.find_spec("xlwings")
    if spec is None or not spec.submodule_search_locations:
        raise XlwingsMissingError(msg("xlwings_missing"))
    return Path(list(spec.submodule_search_locations)[0]) / QUICKSTART_NAME


def xlwings_vba_project() -> bytes:
    """The ``vbaProject.bin`` of the installed xlwings' standalone quickstart workbook."""
    path = quickstart_path()
    try:
        with zipfile.ZipFile(path) as archive:
            data = archive.read(VBA_PART)
    except (OSError, KeyError, zipfile.BadZipFile):
        raise XlwingsMissingError(msg("xlwings_quickstart_missing", path=str(path))) from None
    if not data.startswith(OLE_MAGIC):
        raise XlwingsMissingError(msg("xlwings_quickstart_missing", path=str(path)))
    return data


def xlwings_version() -> str:
    try:
        return metadata.version("xlwings")
    except metadata.PackageNotFoundError:
        return "?"


# --------------------------------------------------------------------------- the workbook


def build_control_workbook(vba_project: bytes) -> bytes:
    """The control workbook as bytes (.xlsm), with ``vba_project`` embedded."""
    buffer = io.BytesIO()
    workbook = new_workbook(buffer, title="Kendali Konsolidasi LKjIP", kind=KIND_CONTROL)  # type: ignore[arg-type]
    workbook.add_vba_project(io.BytesIO(vba_project), is_stream=True)
    workbook.set_vba_name(WORKBOOK_CODENAME)
    _write_kendali(workbook)
    _write_conf(workbook)
    workbook.close()
    return _wire_buttons(buffer.getvalue())


def _write_kendali(workbook) -> None:
    sheet = workbook.add_worksheet(SHEET)
    sheet.set_vba_name(SHEET_CODENAMES[SHEET])
    sheet.activate()
    title = workbook.add_format({"bold": True, "font_size": 15})
    note = workbook.add_format({"italic": True, "font_color": "#595959", "text_wrap": True, "valign": "top"})
    section = workbook.add_format({"bold": True, "font_color": "#FFFFFF", "bg_color": "#1F4E78"})
    label = workbook.add_format({"bold": True, "valign": "top"})
    entry = workbook.add_format({"bg_color": "#FFF2CC", "border": 1, "border_color": "#BF9000",
                                 "locked": False, "valign": "top", "align": "left"})
    status = workbook.add_format({"text_wrap": True, "valign": "top", "border": 1, "border_color": "#A6A6A6"})
    value = workbook.add_format({"valign": "top", "align": "left"})
    header = workbook.add_format({"bold": True, "bg_color": "#D9E1F2", "border": 1, "text_wrap": True})
    small = workbook.add_format({"font_color": "#808080", "font_size": 9})

    # Column formats reach the results table when Excel writes into it (wrapped, top-aligned).
    table = workbook.add_format({"valign": "top"})
    table_wrap = workbook.add_format({"valign": "top", "text_wrap": True})
    for col, width in enumerate(COLUMN_WIDTHS):
        sheet.set_column(col, col, width, table_wrap if col == 1 else table)

    sheet.write("A1", "Kendali Konsolidasi LKjIP", title)
    sheet.merge_range("A2:C2", (
        "1) Isi pengaturan pada sel kuning.  2) Klik Periksa untuk memeriksa formulir Divisi.  "
        "3) Klik Konsolidasi untuk membuat buku kerja konsolidasi. Hasil dan daftar masalah "
        "muncul di bawah."), note)
    sheet.set_row(1, 32)
    sheet.write("A3", f"Dibuat dengan lkjip-xl {__version__} dan xlwings {xlwings_version()}.", small)

    sheet.write("A4", "PENGATURAN", section)
    sheet.write("B4", "", section)
    sheet.write("C4", "Petunjuk", section)
    for setting in SETTINGS_FIELDS:
        sheet.write(setting.cell.replace("B", "A", 1), setting.label, label)
        sheet.write_blank(setting.cell, None, entry)
        sheet.write(setting.cell.replace("B", "C", 1), setting.hint, note)
        lines = max(2, math.ceil(len(setting.hint) / (COLUMN_WIDTHS[2] - 2)))
        sheet.set_row(int(setting.cell[1:]) - 1, 15 * lines)
    tahun = next(f for f in SETTINGS_FIELDS if f.key == "tahun")
    sheet.data_validation(tahun.cell, {
        "validate": "integer", "criteria": "between", "minimum": 2000, "maximum": 2100,
        "error_title": "Tahun tidak valid", "error_message": "Isi tahun empat angka, misalnya 2023.",
    })
    timpa = next(f for f in SETTINGS_FIELDS if f.key == "timpa")
    sheet.write(timpa.cell, "Tidak", entry)
    sheet.data_validation(timpa.cell, {
        "validate": "list", "source": ["Ya", "Tidak"],
        "error_title": "Pilih Ya atau Tidak", "error_message": "Isi dengan Ya atau Tidak.",
    })

    row = BUTTON_ROW - 1
    sheet.set_row(row, BUTTON_SIZE[1] * 0.75 + 6)
    for n, (caption, function) in enumerate(BUTTONS):
        sheet.insert_button(row, 1, {
            "caption": caption,
            "macro": _placeholder(function),
            "width": BUTTON_SIZE[0],
            "height": BUTTON_SIZE[1],
            "x_offset": n * (BUTTON_SIZE[0] + 20),
            "y_offset": 2,
            "description": f"Menjalankan lkjip_xl.excel.{function}()",
        })
    sheet.write(row, 0, "Jalankan", label)

    sheet.write(f"A{BUTTON_ROW + 1}", "HASIL", section)
    sheet.write(f"B{BUTTON_ROW + 1}", "", section)
    sheet.write(f"C{BUTTON_ROW + 1}", "", section)
    for cell, text in RESULT_LABELS:
        sheet.write(cell.replace("B", "A", 1), text, label)
        sheet.write_blank(cell, None, status if cell == STATUS_CELL else value)
    sheet.write(STATUS_CELL, "Belum dijalankan. Isi pengaturan, lalu klik Periksa.", status)
    sheet.set_row(int(STATUS_CELL[1:]) - 1, 48)
    colours = {STATE_OK: "#C6EFCE", STATE_FIX: "#FFEB9C", STATE_FAILED: "#FFC7CE", STATE_RUNNING: "#D9D9D9"}
    for state, colour in colours.items():
        sheet.conditional_format(STATE_CELL, {
            "type": "cell", "criteria": "==", "value": f'"{state}"',
            "format": workbook.add_format({"bold": True, "bg_color": colour}),
        })

    sheet.write(TABLE_TITLE_CELL, "DAFTAR MASALAH", section)
    for col, text in enumerate(TABLE_COLUMNS):
        sheet.write(TABLE_HEADER_ROW - 1, col, text, header)

    sheet.set_landscape()
    sheet.fit_to_pages(1, 0)
    sheet.set_selection(SETTINGS_FIELDS[0].cell)


def _write_conf(workbook) -> None:
    """The "xlwings.conf" sheet: keys in column A, values in column B (read by xlwings' VBA)."""
    sheet = workbook.add_worksheet(CONF_SHEET)
    sheet.set_vba_name(SHEET_CODENAMES[CONF_SHEET])
    sheet.set_column(0, 0, 18)
    sheet.set_column(1, 1, 60)
    sheet.set_column(3, 3, 90)
    sheet.write("A1", "Interpreter_Win")
    sheet.write_blank("B1", None)
    note = workbook.add_format({"italic": True, "font_color": "#595959", "text_wrap": True})
    notes = (
        "Pengaturan lanjutan xlwings. Biasanya tidak perlu diubah.",
        "Bila Excel menampilkan pesan bahwa 'python' tidak dikenali atau tidak ditemukan, isi sel B1 "
        "dengan alamat lengkap python.exe yang dipakai untuk memasang lkjip-xl, misalnya "
        "C:\\Users\\nama\\AppData\\Local\\Programs\\Python\\Python312\\python.exe",
        "Jangan mengganti nama sheet ini dan jangan mengisi sel A2 dan seterusnya.",
    )
    for n, text in enumerate(notes):
        sheet.write(n, 3, text, note)


def _wire_buttons(xlsm: bytes) -> bytes:
    """Replace each button's placeholder ``[0]!NAME`` by its RunPython call, as Excel stores it."""
    source = zipfile.ZipFile(io.BytesIO(xlsm))
    out = io.BytesIO()
    replaced = 0
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            data = source.read(info)
            if info.filename.startswith("xl/drawings/vmlDrawing") and info.filename.endswith(".vml"):
                text = data.decode("utf-8")
                for _, function in BUTTONS:
                    old = f"<x:FmlaMacro>[0]!{_placeholder(function)}</x:FmlaMacro>"
                    new = f"<x:FmlaMacro>{escape(button_macro(function), {chr(34): '&quot;'})}</x:FmlaMacro>"
                    replaced += text.count(old)
                    text = text.replace(old, new)
                data = text.encode("utf-8")
            target.writestr(info, data)
    if replaced != len(BUTTONS):
        raise RuntimeError(f"expected {len(BUTTONS)} button macros, wired {replaced}")
    return out.getvalue()


def write_control_workbook(out: str | os.PathLike, force: bool = False) -> Path:
    """Write the control workbook to ``out`` (.xlsm); never overwrite unless ``force``.

    Raises :class:`~lkjip_xl.fileio.OutputError` (Indonesian, naming ``out``) for
    a name without .xlsm, a path that cannot be written, or an existing file.
    """
    target = Path(out)
    guard_outputs([target], (), force)
    if target.suffix.lower() != ".xlsm":
        raise OutputPathError("button_out_not_xlsm", target)
    with atomic_output(target, force) as tmp:  # a failure while building (a full disk) is named too
        Path(tmp).write_bytes(build_control_workbook(xlwings_vba_project()))
    return target


@click.command("button")
@click.option("--out", "out", required=True, type=click.Path(readable=False),
              help="Berkas buku kerja kendali yang ditulis (.xlsm), misalnya konsolidasi.xlsm.")
@click.option("--force", is_flag=True, help="Timpa berkas keluaran bila sudah ada.")
def button_command(out: str, force: bool) -> None:
    """Tulis buku kerja kendali Excel (.xlsm) dengan tombol Periksa dan Konsolidasi.

    Memerlukan xlwings: pip install "lkjip-xl[excel]".
    """
    try:
        path = write_control_workbook(out, force)
    except OutputError as exc:
        click.echo(str(exc), err=True)
        sys.exit(2)
    except XlwingsMissingError as exc:  # the Indonesian sentence alone, without click's English "Error:"
        click.echo(str(exc), err=True)
        sys.exit(1)
    click.echo(msg("button_written", path=str(path), sheet=SHEET))
