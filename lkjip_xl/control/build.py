"""Build the macro-enabled control workbook: validation and consolidation at the press of a button in Excel.

``lkjip-xl button --out konsolidasi.xlsm`` writes a workbook with a sheet
"Kendali" (laid out by :mod:`lkjip_xl.control.layout`: settings cells, buttons
"Periksa" and "Konsolidasi", a status cell and a results area) and a sheet
"xlwings.conf".  It is built without Excel:

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
import zipfile
from importlib import metadata
from pathlib import Path
from xml.sax.saxutils import escape

from .. import __version__
from ..errors import SETUP, LkjipError
from ..fileio import atomic_output
from ..guard import OutputPathError, guard_outputs
from ..kinds import KIND_CONTROL
from .._values import YEAR_RANGE
from ..messages import msg
from ..styles import StyleBook
from ..xlsx import new_workbook, print_setup
from .layout import (
    BUTTON_GAP, BUTTON_ROW, BUTTON_SIZE, BUTTONS, COLUMN_WIDTHS, CONF_INTERPRETER_CELL, CONF_INTERPRETER_KEY,
    CONF_SHEET, ENTRY_MODULE, FIELD_BY_KEY, INTRO_RANGE, MADE_WITH_CELL, RESULT_LABELS, RESULTS_HEADER_ROW,
    SETTINGS_FIELDS, SETTINGS_HEADER_ROW, SHEET, STATE_CELL, STATE_FAILED, STATE_FIX, STATE_OK, STATE_RUNNING,
    STATUS_CELL, TABLE_COLUMNS, TABLE_HEADER_ROW, TABLE_TITLE_CELL, TIMPA_DEFAULT, TITLE_CELL, YES_NO_CHOICES,
)

#: The workbook inside the xlwings package whose VBA project is reused.
QUICKSTART_NAME = "quickstart_standalone.xlsm"
VBA_PART = "xl/vbaProject.bin"
OLE_MAGIC = bytes.fromhex("d0cf11e0a1b11ae1")

#: The VBA function of xlwings' module that runs a Python command.
VBA_RUNNER = "RunPython"

#: Code names of the workbook and its sheets; they must match the document
#: modules of the VBA project (ThisWorkbook, Sheet1, Sheet2 in xlwings' quickstart).
WORKBOOK_CODENAME = "ThisWorkbook"
SHEET_CODENAMES = {SHEET: "Sheet1", CONF_SHEET: "Sheet2"}


class XlwingsMissingError(LkjipError):
    """xlwings (the ``excel`` extra) is not installed, or its quickstart workbook is unusable."""

    kind = SETUP


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
        raise XlwingsMissingError(msg("xlwings_missing"), code="xlwings_missing")
    return Path(list(spec.submodule_search_locations)[0]) / QUICKSTART_NAME


def xlwings_vba_project() -> bytes:
    """The ``vbaProject.bin`` of the installed xlwings' standalone quickstart workbook."""
    path = quickstart_path()
    try:
        with zipfile.ZipFile(path) as archive:
            data = archive.read(VBA_PART)
    except (OSError, KeyError, zipfile.BadZipFile):
        raise _quickstart_unusable(path) from None
    if not data.startswith(OLE_MAGIC):
        raise _quickstart_unusable(path)
    return data


def _quickstart_unusable(path: Path) -> XlwingsMissingError:
    return XlwingsMissingError(msg("xlwings_quickstart_missing", path=str(path)), code="xlwings_quickstart_missing",
                               path=path)


def xlwings_version() -> str:
    try:
        return metadata.version("xlwings")
    except metadata.PackageNotFoundError:
        return "?"


# --------------------------------------------------------------------------- the workbook


def build_control_workbook(vba_project: bytes) -> bytes:
    """The control workbook as bytes (.xlsm), with ``vba_project`` embedded."""
    buffer = io.BytesIO()
    workbook = new_workbook(buffer, title=msg("kendali_title"), kind=KIND_CONTROL)  # type: ignore[arg-type]
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
    st = StyleBook(workbook, "control")
    title, note, section, label, entry = st.title, st.note, st.section, st.label, st.entry
    status, value, header, small = st.status, st.value, st.header, st.small

    # Column formats reach the results table when Excel writes into it (wrapped, top-aligned).
    table, table_wrap = st.column, st.column_wrap
    for col, width in enumerate(COLUMN_WIDTHS):
        sheet.set_column(col, col, width, table_wrap if col == 1 else table)

    sheet.write(TITLE_CELL, msg("kendali_title"), title)
    sheet.merge_range(INTRO_RANGE, msg("kendali_intro"), note)
    sheet.set_row(1, 32)
    sheet.write(MADE_WITH_CELL, msg("kendali_made_with", version=__version__, xlwings=xlwings_version()), small)

    sheet.write(f"A{SETTINGS_HEADER_ROW}", msg("kendali_section_settings"), section)
    sheet.write(f"B{SETTINGS_HEADER_ROW}", "", section)
    sheet.write(f"C{SETTINGS_HEADER_ROW}", msg("kendali_section_hints"), section)
    for setting in SETTINGS_FIELDS:
        sheet.write(setting.label_cell, setting.label, label)
        sheet.write_blank(setting.cell, None, entry)
        sheet.write(setting.hint_cell, setting.hint, note)
        lines = max(2, math.ceil(len(setting.hint) / (COLUMN_WIDTHS[2] - 2)))
        sheet.set_row(setting.row - 1, 15 * lines)
    sheet.data_validation(FIELD_BY_KEY["tahun"].cell, {
        "validate": "integer", "criteria": "between", "minimum": YEAR_RANGE[0], "maximum": YEAR_RANGE[1],
        "error_title": msg("kendali_year_rule_title"), "error_message": msg("kendali_year_rule"),
    })
    timpa = FIELD_BY_KEY["timpa"].cell
    sheet.write(timpa, TIMPA_DEFAULT, entry)
    sheet.data_validation(timpa, {
        "validate": "list", "source": list(YES_NO_CHOICES),
        "error_title": msg("kendali_yes_no_rule_title"), "error_message": msg("kendali_yes_no_rule"),
    })

    row = BUTTON_ROW - 1
    sheet.set_row(row, BUTTON_SIZE[1] * 0.75 + 6)
    for n, (caption, function) in enumerate(BUTTONS):
        sheet.insert_button(row, 1, {
            "caption": caption,
            "macro": _placeholder(function),
            "width": BUTTON_SIZE[0],
            "height": BUTTON_SIZE[1],
            "x_offset": n * (BUTTON_SIZE[0] + BUTTON_GAP),
            "y_offset": 2,
            "description": msg("kendali_button_description", command=f"{ENTRY_MODULE}.{function}()"),
        })
    sheet.write(row, 0, msg("kendali_section_run"), label)

    sheet.write(f"A{RESULTS_HEADER_ROW}", msg("kendali_section_results"), section)
    sheet.write(f"B{RESULTS_HEADER_ROW}", "", section)
    sheet.write(f"C{RESULTS_HEADER_ROW}", "", section)
    for cell, text in RESULT_LABELS:
        sheet.write(cell.replace("B", "A", 1), text, label)
        sheet.write_blank(cell, None, status if cell == STATUS_CELL else value)
    sheet.write(STATUS_CELL, msg("kendali_not_run"), status)
    sheet.set_row(int(STATUS_CELL[1:]) - 1, 48)
    styles = {STATE_OK: st.state_ok, STATE_FIX: st.state_fix, STATE_FAILED: st.state_failed,
              STATE_RUNNING: st.state_running}
    for state, style in styles.items():
        sheet.conditional_format(STATE_CELL, {
            "type": "cell", "criteria": "==", "value": f'"{state}"', "format": style,
        })

    sheet.write(TABLE_TITLE_CELL, msg("kendali_section_problems"), section)
    for col, text in enumerate(TABLE_COLUMNS):
        sheet.write(TABLE_HEADER_ROW - 1, col, text, header)

    print_setup(sheet, paper=None)
    sheet.set_selection(SETTINGS_FIELDS[0].cell)


def _write_conf(workbook) -> None:
    """The "xlwings.conf" sheet: keys in column A, values in column B (read by xlwings' VBA)."""
    sheet = workbook.add_worksheet(CONF_SHEET)
    sheet.set_vba_name(SHEET_CODENAMES[CONF_SHEET])
    sheet.set_column(0, 0, 18)
    sheet.set_column(1, 1, 60)
    sheet.set_column(3, 3, 90)
    sheet.write(f"A{CONF_INTERPRETER_CELL[1:]}", CONF_INTERPRETER_KEY)
    sheet.write_blank(CONF_INTERPRETER_CELL, None)
    note = StyleBook(workbook, "control").note_wrap
    notes = (msg("kendali_conf_intro"), msg("kendali_conf_interpreter", cell=CONF_INTERPRETER_CELL),
             msg("kendali_conf_keep"))
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

    Raises :class:`~lkjip_xl.guard.OutputError` (Indonesian, naming ``out``) for
    a name without .xlsm, a path that cannot be written, or an existing file,
    and :class:`XlwingsMissingError` when xlwings is not installed.
    """
    target = Path(out)
    guard_outputs([target], (), force)
    if target.suffix.lower() != ".xlsm":
        raise OutputPathError("button_out_not_xlsm", target)
    with atomic_output(target, force) as tmp:  # a failure while building (a full disk) is named too
        Path(tmp).write_bytes(build_control_workbook(xlwings_vba_project()))
    return target
