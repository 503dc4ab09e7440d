"""Build the macro-enabled control workbook: the year's LKjIP work at the press of a button in Excel.

``lkjip-xl button --out konsolidasi.xlsm`` writes a workbook with a sheet
"Kendali" (laid out by :mod:`lkjip_xl.control.layout`: settings cells, each
path with a "Pilih…" button beside it, the six buttons Buat Formulir,
Periksa, Salinan Pemeriksaan, Konsolidasi, Tabel Bab III and Laporan Word,
a status cell and a results area; protected except the settings cells) and
the very hidden sheet "xlwings.conf".  It is built without Excel:

- the VBA project is taken, at build time, from the *installed* xlwings
  package's standalone quickstart workbook (``quickstart_standalone.xlsm``,
  BSD-licensed; its standalone ``xlwings`` VBA module provides ``RunPython``
  and needs neither the xlwings add-in nor a licence key), and gets one more
  module, the "Pilih…" macros (:mod:`lkjip_xl.control.vba`);
- XlsxWriter adds that project and the form buttons.

How a button reaches Python: each button's macro is a *macro call with an
argument*, stored the way Excel itself stores one typed into "Assign Macro"::

    'RunPython "import lkjip_xl.excel;lkjip_xl.excel.periksa()"'

so the six buttons call the unmodified ``RunPython`` of the xlwings module
with six different commands, and each "Pilih…" button calls its macro with
the settings cell (``'PilihFolder "B11"'``).  XlsxWriter always writes a
button's macro as ``[0]!name``; the macro text is therefore written as a
placeholder name and replaced in the VML drawing part after XlsxWriter has
finished.  The reasons for this choice are in docs/tombol_excel.md.
"""

from __future__ import annotations

import importlib.util
import io
import math
import os
import struct
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
from ..periods import ANNUAL, period_choices
from ..styles import StyleBook
from ..xlsx import new_workbook, print_setup
from .layout import (
    BUTTON_GAP, BUTTON_ROW, BUTTON_SIZE, BUTTONS, BUTTONS_PER_ROW, COLUMN_WIDTHS, CONF_INTERPRETER_CELL,
    CONF_INTERPRETER_KEY, CONF_NOTE_COLUMN, CONF_SHEET, ENTRY_MODULE, GROUP_ROWS, INTERPRETER_SETTING, INTRO_RANGE,
    LAYOUT_NAME, LAYOUT_VERSION, MADE_WITH_CELL, PERIOD, PICKER_SIZE, RESULT_LABELS, RESULTS_HEADER_ROW,
    RUN_HEADER_ROW, SETTINGS_FIELDS, SETTINGS_HEADER_ROW, SHEET, SHEET_PROTECTION, STATE_CELL, STATE_FAILED,
    STATE_FIX, STATE_OK, STATE_RUNNING, STATUS_CELL, TABLE_COLUMNS, TABLE_HEADER_ROW, TABLE_TITLE_CELL,
    TIMPA_DEFAULT, TITLE_CELL, YEAR, YES_NO, YES_NO_CHOICES, SettingField,
)
from .compound import CompoundError
from .vba import with_picker_module

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


def macro_call(procedure: str, *arguments: str | bool) -> str:
    """A button's macro: a call of a VBA procedure with arguments, as Excel writes one.

    The whole call in single quotes, string arguments in double quotes:
    ``'PilihBerkas "B6", "xlsx"'``.
    """
    shown = []
    for argument in arguments:
        if isinstance(argument, bool):
            shown.append("True" if argument else "False")
        else:
            assert '"' not in argument and "'" not in argument
            shown.append(f'"{argument}"')
    return f"'{procedure} {', '.join(shown)}'"


def button_macro(function: str) -> str:
    """The macro of an action's button: ``RunPython`` with the command as its one argument."""
    return macro_call(VBA_RUNNER, python_command(function))


def picker_macro(setting: SettingField) -> str:
    """The macro of the "Pilih…" button beside ``setting``."""
    assert setting.picker is not None
    procedure, arguments = setting.picker
    return macro_call(procedure, *arguments)


def _placeholder(name: str) -> str:
    return f"LKJIP_TOMBOL_{name.upper()}"


def _macros() -> dict[str, str]:
    """Placeholder name → macro text, for every button of the sheet."""
    macros = {_placeholder(function): button_macro(function) for _, function in BUTTONS}
    macros.update({_placeholder(f"pilih_{s.key}"): picker_macro(s) for s in SETTINGS_FIELDS if s.picker})
    return macros


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
    try:  # a project of a layout this toolkit cannot add its module to is as unusable as none
        with_picker_module(data, SHEET_CODENAMES[SHEET])
    except (CompoundError, ValueError, LookupError, struct.error):
        raise _quickstart_unusable(path) from None
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
    """The control workbook as bytes (.xlsm), with ``vba_project`` (xlwings') and the "Pilih…" module."""
    buffer = io.BytesIO()
    workbook = new_workbook(buffer, title=msg("kendali_title"), kind=KIND_CONTROL)  # type: ignore[arg-type]
    project = with_picker_module(vba_project, SHEET_CODENAMES[SHEET])
    workbook.add_vba_project(io.BytesIO(project), is_stream=True)
    workbook.set_vba_name(WORKBOOK_CODENAME)
    workbook.define_name(LAYOUT_NAME, f"={LAYOUT_VERSION}")
    _write_kendali(workbook)
    _write_conf(workbook)
    workbook.close()
    return _wire_buttons(buffer.getvalue())


def _lines(text: str, width: float) -> int:
    """How many lines ``text`` wraps to in a column ``width`` characters wide (at least one)."""
    return max(1, sum(math.ceil(max(1, len(part)) / max(1.0, width - 2)) for part in text.split("\n")))


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
    sheet.set_row(1, 15 * _lines(msg("kendali_intro"), sum(COLUMN_WIDTHS[:4])))
    sheet.write(MADE_WITH_CELL, msg("kendali_made_with", version=__version__, xlwings=xlwings_version()), small)

    _section(sheet, SETTINGS_HEADER_ROW, msg("kendali_section_settings"), section, msg("kendali_section_hints"))
    for row, text in GROUP_ROWS:
        _section(sheet, row, text, header)
    for setting in SETTINGS_FIELDS:
        _write_setting(sheet, setting, label, entry, note)

    _section(sheet, RUN_HEADER_ROW, msg("kendali_section_run"), section)
    for n, (caption, function) in enumerate(BUTTONS):
        row = BUTTON_ROW - 1 + n // BUTTONS_PER_ROW
        sheet.set_row(row, BUTTON_SIZE[1] * 0.75 + 6)
        sheet.insert_button(row, 1, {
            "caption": caption,
            "macro": _placeholder(function),
            "width": BUTTON_SIZE[0],
            "height": BUTTON_SIZE[1],
            "x_offset": (n % BUTTONS_PER_ROW) * (BUTTON_SIZE[0] + BUTTON_GAP),
            "y_offset": 2,
            "description": msg("kendali_button_description", command=f"{ENTRY_MODULE}.{function}()"),
        })

    _section(sheet, RESULTS_HEADER_ROW, msg("kendali_section_results"), section)
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

    print_setup(sheet)
    sheet.protect("", SHEET_PROTECTION)
    sheet.set_selection(SETTINGS_FIELDS[0].cell)


def _section(sheet, row: int, text: str, style, hint: str = "") -> None:
    """A header row (1-based) over the label, value, "Pilih…" and hint columns."""
    sheet.write(row - 1, 0, text, style)
    for col in (1, 2):
        sheet.write_blank(row - 1, col, None, style)
    sheet.write(row - 1, 3, hint, style)


def _write_setting(sheet, setting: SettingField, label, entry, note) -> None:
    """One settings row: label, the unlocked cell (with its rule or first value), "Pilih…", the hint."""
    sheet.write(setting.label_cell, setting.label, label)
    sheet.write_blank(setting.cell, None, entry)
    sheet.write(setting.hint_cell, setting.hint, note)
    lines = max(_lines(setting.hint, COLUMN_WIDTHS[3]), _lines(setting.label, COLUMN_WIDTHS[0]))
    sheet.set_row(setting.row - 1, max(15 * lines, PICKER_SIZE[1] * 0.75 + 4))
    if setting.kind == YEAR:
        sheet.data_validation(setting.cell, {
            "validate": "integer", "criteria": "between", "minimum": YEAR_RANGE[0], "maximum": YEAR_RANGE[1],
            "error_title": msg("kendali_year_rule_title"), "error_message": msg("kendali_year_rule"),
        })
    elif setting.kind == YES_NO:
        sheet.write(setting.cell, TIMPA_DEFAULT, entry)
        sheet.data_validation(setting.cell, {
            "validate": "list", "source": list(YES_NO_CHOICES),
            "error_title": msg("kendali_yes_no_rule_title"), "error_message": msg("kendali_yes_no_rule"),
        })
    elif setting.kind == PERIOD:
        sheet.write(setting.cell, ANNUAL, entry)
        sheet.data_validation(setting.cell, {
            "validate": "list", "source": list(period_choices()),
            "error_title": msg("kendali_period_rule_title"), "error_message": msg("kendali_period_rule"),
        })
    if setting.picker is not None:
        sheet.insert_button(setting.picker_cell, {
            "caption": msg("kendali_picker"),
            "macro": _placeholder(f"pilih_{setting.key}"),
            "width": PICKER_SIZE[0],
            "height": PICKER_SIZE[1],
            "x_offset": 4,
            "y_offset": 1,
            "description": msg("kendali_picker_description", label=setting.label),
        })


def _write_conf(workbook) -> None:
    """The "xlwings.conf" sheet, very hidden: keys in column A, values in column B (read by xlwings' VBA).

    Its one key, the Python interpreter, is a formula over the "python.exe" setting of sheet "Kendali",
    so that staff set it where they set everything else.
    """
    sheet = workbook.add_worksheet(CONF_SHEET)
    sheet.set_vba_name(SHEET_CODENAMES[CONF_SHEET])
    sheet.very_hidden()
    widths = {0: 18, 1: 40, 2: 2, CONF_NOTE_COLUMN: 80}
    for col, width in widths.items():
        sheet.set_column(col, col, width)
    sheet.write(f"A{CONF_INTERPRETER_CELL[1:]}", CONF_INTERPRETER_KEY)
    source = f"'{SHEET}'!${INTERPRETER_SETTING.cell[0]}${INTERPRETER_SETTING.cell[1:]}"
    sheet.write_formula(CONF_INTERPRETER_CELL, f'=TRIM(SUBSTITUTE({source},CHAR(34),""))', None, "")
    note = StyleBook(workbook, "control").note
    notes = (msg("kendali_conf_intro"),
             msg("kendali_conf_interpreter", cell=CONF_INTERPRETER_CELL, label=INTERPRETER_SETTING.label,
                 sheet=SHEET, source=INTERPRETER_SETTING.cell),
             msg("kendali_conf_keep"))
    for n, text in enumerate(notes):
        sheet.write(n, CONF_NOTE_COLUMN, text, note)
        sheet.set_row(n, 15 * _lines(text, widths[CONF_NOTE_COLUMN]))
    print_setup(sheet)
    sheet.protect("", SHEET_PROTECTION)


def _wire_buttons(xlsm: bytes) -> bytes:
    """Replace each button's placeholder ``[0]!NAME`` by its macro call, as Excel stores it."""
    macros = _macros()
    source = zipfile.ZipFile(io.BytesIO(xlsm))
    out = io.BytesIO()
    replaced = 0
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            data = source.read(info)
            if info.filename.startswith("xl/drawings/vmlDrawing") and info.filename.endswith(".vml"):
                text = data.decode("utf-8")
                for placeholder, macro in macros.items():
                    old = f"<x:FmlaMacro>[0]!{placeholder}</x:FmlaMacro>"
                    new = f"<x:FmlaMacro>{escape(macro, {chr(34): '&quot;'})}</x:FmlaMacro>"
                    replaced += text.count(old)
                    text = text.replace(old, new)
                data = text.encode("utf-8")
            target.writestr(info, data)
    if replaced != len(macros):
        raise RuntimeError(f"expected {len(macros)} button macros, wired {replaced}")
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
