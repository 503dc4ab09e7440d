"""The one way the toolkit opens any input workbook (form, master, previous years, Renstra, budget, ...).

:func:`open_workbook` runs the pre-flight checks on the raw file
(:func:`lkjip_xl.safety.open_package`) and bounds every sheet
(:func:`lkjip_xl.sheets.check_sheets`) before calamine parses the checked bytes.
"""

from __future__ import annotations

import io
import os
from dataclasses import dataclass
from typing import Any

from python_calamine import CalamineWorkbook, SheetVisibleEnum, ZipError

from .messages import msg
from .safety import FormReadError, Package, describe, open_package
from .sheets import SheetScan, check_sheets


@dataclass
class Workbook:
    """An input workbook that passed every pre-flight check, open with calamine."""

    package: Package
    book: CalamineWorkbook
    scans: dict[str, SheetScan]  #: sheet name → its scan (extent, hidden rows/columns, formulas)

    @property
    def path(self) -> str:
        return self.package.path

    def sheet_hidden(self, sheet: str) -> bool:
        """Whether ``sheet`` is hidden or very hidden (the user cannot see it)."""
        return any(meta.name == sheet and meta.visible != SheetVisibleEnum.Visible
                   for meta in self.book.sheets_metadata)

    @property
    def sheet_names(self) -> list[str]:
        return self.book.sheet_names

    def rows(self, sheet: str) -> list[list[Any]]:
        """All cells of ``sheet`` from A1, row by row; :class:`FormReadError` when calamine fails."""
        try:
            return self.book.get_sheet_by_name(sheet).to_python(skip_empty_area=False)
        except Exception as exc:  # malformed sheet XML, bad shared-string index, ...
            raise unreadable(self.path, exc) from None
        except BaseException as exc:  # a Rust panic (pyo3's PanicException is no Exception)
            if isinstance(exc, (KeyboardInterrupt, SystemExit, GeneratorExit)):
                raise
            raise unreadable(self.path, exc) from None

    def close(self) -> None:
        self.book.close()

    def __enter__(self) -> Workbook:
        return self

    def __exit__(self, *_exc) -> None:
        self.close()


def checked_package(path: str) -> tuple[Package, dict[str, SheetScan]]:
    """:func:`open_package` and :func:`check_sheets`: what must pass before any reader opens ``path``."""
    package = open_package(path)
    return package, check_sheets(package)


def open_workbook(path: str | os.PathLike) -> Workbook:
    """The one way to open an input workbook (form, master, previous years, Renstra, budget, ...).

    Runs every pre-flight check (:func:`open_package`, :func:`check_sheets`)
    and opens the checked bytes with calamine.  Raises only :class:`FormReadError`.
    """
    package, scans = checked_package(os.fspath(path))
    try:
        book = CalamineWorkbook.from_filelike(io.BytesIO(package.data))  # faster than from_path
    except Exception as exc:  # calamine raises several error types for bad files
        raise unreadable(package.path, exc) from None
    return Workbook(package, book, scans)


def unreadable(path: str, exc: BaseException) -> FormReadError:
    """The error for a file calamine cannot read: ``file_corrupt`` for a bad zip, else ``file_unreadable``."""
    code = "file_corrupt" if isinstance(exc, ZipError) else "file_unreadable"
    return FormReadError(path, code, msg(code, path=path, detail=describe(exc)))
