"""Reading settings from and writing results into sheet "Kendali".

Two ways to reach the sheet: a control workbook *file* (openpyxl, no Excel; the
VBA project and the buttons are kept) and the *open* workbook in Excel
(xlwings, the workbook that called the button).  Both write the same values:
:meth:`~lkjip_xl.control.outcome.Outcome.cells` and
:meth:`~lkjip_xl.control.outcome.Outcome.table_rows`, at the cells of
:mod:`lkjip_xl.control.layout`.
"""

from __future__ import annotations

import os
import warnings
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from ..errors import INPUT, LkjipError
from ..fileio import atomic_output
from ..messages import msg, visible
from .layout import (
    LAYOUT_NAME, LAYOUT_VERSION, SETTINGS_FIELDS, SHEET, SHEET_PROTECTION, TABLE_CLEAR_RANGE, TABLE_COLUMNS,
    TABLE_FIRST_ROW,
)
from .outcome import Outcome
from .settings import Settings, base_dir_of, settings_from_values


class ControlWorkbookError(LkjipError):
    """The control workbook cannot be read (no workbook, no "Kendali" sheet); ``str()`` says so in Indonesian."""

    kind = INPUT


# --------------------------------------------------------------------------- a workbook file (openpyxl)


def _not_excel(path: Path) -> ControlWorkbookError:
    return ControlWorkbookError(msg("kendali_workbook_not_excel", path=str(path), sheet=SHEET),
                                code="kendali_workbook_not_excel", path=path)


def _check_layout(version: Any, path: str | Path) -> None:
    """Refuse a control workbook laid out by another release (its cells are not the ones named here)."""
    text = str(version or "").strip().lstrip("=").strip()
    if text != str(LAYOUT_VERSION):
        raise ControlWorkbookError(msg("kendali_layout_old", path=str(path), sheet=SHEET),
                                   code="kendali_layout_old", path=path)


def _check_before_openpyxl(path: Path) -> None:
    """The pre-flight checks every input workbook passes (:func:`lkjip_xl.workbooks.checked_package`:
    no bomb, every sheet bounded), as a :class:`ControlWorkbookError`."""
    from ..safety import FormReadError
    from ..workbooks import checked_package

    try:
        checked_package(str(path))
    except FormReadError as exc:  # a sheet out of bounds is named; anything else is no control workbook
        if exc.code in ("sheet_too_large", "sheet_cell_invalid"):
            raise ControlWorkbookError(exc.message, code=exc.code, path=path) from None
        raise _not_excel(path) from None


def read_settings_from_file(path: str | os.PathLike) -> Settings:
    """The settings cells of a control workbook file (read with openpyxl, no Excel)."""
    import openpyxl

    path = Path(path)
    _check_before_openpyxl(path)
    try:
        with warnings.catch_warnings():  # only values are read: parts openpyxl would drop do not matter
            warnings.simplefilter("ignore")
            workbook = openpyxl.load_workbook(path, read_only=True, data_only=True, keep_vba=False)
    except Exception:  # openpyxl raises many types for what is no workbook (zip, XML, key errors)
        raise _not_excel(path) from None
    try:
        if SHEET not in workbook.sheetnames:
            found = ", ".join(f"'{name}'" for name in workbook.sheetnames) or "-"
            raise ControlWorkbookError(msg("kendali_sheet_missing", path=str(path), sheet=SHEET, found=found),
                                       code="kendali_sheet_missing", path=path)
        name = workbook.defined_names.get(LAYOUT_NAME)
        _check_layout(name.attr_text if name is not None else None, path)
        sheet = workbook[SHEET]
        values = {f.key: sheet[f.cell].value for f in SETTINGS_FIELDS}
    finally:
        workbook.close()
    return settings_from_values(values, base_dir=str(path.resolve().parent), workbook=path.name)


def write_outcome_to_file(path: str | os.PathLike, outcome: Outcome) -> None:
    """Write ``outcome`` into the "Kendali" sheet of a control workbook file, keeping its VBA and buttons."""
    import openpyxl
    from openpyxl.styles import Alignment

    path = Path(path)
    _check_before_openpyxl(path)
    keep_vba = path.suffix.lower() == ".xlsm"
    with warnings.catch_warnings():  # extensions openpyxl cannot keep: none in the workbook lkjip-xl writes
        warnings.simplefilter("ignore")
        workbook = openpyxl.load_workbook(path, keep_vba=keep_vba)
    sheet = workbook[SHEET]
    _apply(outcome, lambda cell, value: _set_openpyxl(sheet[cell], value),
           clear=lambda: _clear_openpyxl(sheet))
    wrap = Alignment(wrap_text=True, vertical="top")
    for row in range(TABLE_FIRST_ROW, TABLE_FIRST_ROW + len(outcome.table_rows())):
        sheet[f"B{row}"].alignment = wrap
    with atomic_output(path, force=True) as tmp:
        workbook.save(tmp)


def _apply(outcome: Outcome, set_cell: Callable[[str, Any], None], clear: Callable[[], None]) -> None:
    clear()
    for cell, value in outcome.cells().items():
        set_cell(cell, value)
    for r, row in enumerate(outcome.table_rows()):
        for c, value in enumerate(row):
            set_cell(f"{chr(ord('A') + c)}{TABLE_FIRST_ROW + r}", value or None)


def _set_openpyxl(cell, value: Any) -> None:
    if isinstance(value, str):
        value = visible(value)  # control characters shown: openpyxl refuses some, and none may reorder text
    cell.value = value
    if isinstance(value, str) and value.startswith("="):
        cell.data_type = "s"  # text, never a formula


def _clear_openpyxl(sheet) -> None:
    last = max(sheet.max_row, TABLE_FIRST_ROW)
    for row in sheet.iter_rows(min_row=TABLE_FIRST_ROW, max_row=last, max_col=len(TABLE_COLUMNS)):
        for cell in row:
            cell.value = None


# --------------------------------------------------------------------------- the open workbook (xlwings)


def read_settings_xlwings(book, sheet) -> Settings:
    """The settings cells of ``sheet`` ("Kendali") of the xlwings ``book`` that called the button."""
    try:
        version = book.names[LAYOUT_NAME].refers_to
    except Exception:  # no such name: a control workbook of an older release
        version = None
    _check_layout(version, book.fullname)
    values = {f.key: sheet.range(f.cell).value for f in SETTINGS_FIELDS}
    return settings_from_values(values, base_dir_of(book.fullname), book.name)


#: The protection of sheet "Kendali" (:data:`~lkjip_xl.control.layout.SHEET_PROTECTION`) in Excel's own terms.
_COM_PROTECTION = {"DrawingObjects": True, "Contents": True, "Scenarios": True,
                   **{{"format_columns": "AllowFormattingColumns", "format_rows": "AllowFormattingRows"}[option]: on
                      for option, on in SHEET_PROTECTION.items()}}


@contextmanager
def _unprotected(sheet) -> Iterator[None]:
    """The sheet unprotected while the results are written, protected again as it was built."""
    sheet.api.Unprotect()
    try:
        yield
    finally:
        sheet.api.Protect(**_COM_PROTECTION)


def write_outcome_xlwings(sheet, outcome: Outcome) -> None:
    """Write ``outcome`` into ``sheet`` ("Kendali") of the open workbook, through xlwings."""
    with _unprotected(sheet):
        sheet.range(TABLE_CLEAR_RANGE).clear_contents()
        for cell, value in outcome.cells().items():
            sheet.range(cell).value = _as_text(value)
        rows = outcome.table_rows()
        if rows:
            sheet.range(f"A{TABLE_FIRST_ROW}").value = [[_as_text(v) for v in row] for row in rows]


def _as_text(value: Any) -> Any:
    """Strings go in as text (a leading apostrophe stops Excel reading "=…" or "1-2" as formula/date)."""
    return "'" + visible(value) if isinstance(value, str) and value else value
