"""Feedback copies: a returned form with its problems marked, to send back to the Divisi.

For each form with problems, the original bytes are copied to a new file and
the copy — never the original — is annotated with openpyxl: every problem cell
of the form sheet is filled (red for an error, yellow for a warning) and
carries the message as a comment, and a first sheet "Pemeriksaan" lists every
problem of the file with a link to its cell.  The stamp sheet is kept, so the
Divisi corrects the copy and sends it back as the form; when such a copy comes
back with problems again, the marks of the earlier round are removed (the
original fill of each marked cell is kept in a hidden column of
"Pemeriksaan") before the new ones are made.  Each copy is written
through :func:`lkjip_xl.fileio.atomic_output`; existing copies are only
replaced with ``force``.
"""

from __future__ import annotations

import shutil
import warnings
from pathlib import Path
from typing import Iterable

import openpyxl
from openpyxl.comments import Comment
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.hyperlink import Hyperlink

from .fileio import atomic_output, check_can_write
from .layout import FORM_SHEET
from .messages import msg
from .report import ERROR, SEVERITY_LABEL, WARNING, Problem, Report
from .safety import describe
from .validate import NOT_READ_CODES
from .xlsx import row_height

FEEDBACK_SHEET = "Pemeriksaan"
FEEDBACK_SUFFIX = "_pemeriksaan"
FILLS = {
    ERROR: PatternFill("solid", fgColor="FFC7CE"),
    WARNING: PatternFill("solid", fgColor="FFEB9C"),
}
COLUMN_WIDTHS = (5, 12, 30, 11, 7, 13, 90)
HEADER_ROW = 5
#: Hidden column of "Pemeriksaan": the fill a marked cell had before it was marked.
ORIGINAL_FILL_COL = len(COLUMN_WIDTHS) + 1
AUTHOR = "lkjip-xl"


class FeedbackDirError(Exception):
    """The feedback folder is a folder the forms are read from."""


def feedback_targets(report: Report, out_dir: str | Path) -> dict[str, Path]:
    """Source form → feedback copy path, for each form of ``report`` that has problems.

    Files that were not read as forms (not an .xlsx, lock files, ...) get no
    copy.  Copies are named ``<form name>_pemeriksaan.xlsx``; two forms with the
    same name from different folders get ``_2``, ``_3``, ...
    """
    not_read = {p.file for p in report.problems if p.code in NOT_READ_CODES}
    targets: dict[str, Path] = {}
    for problem in report.problems:
        source = problem.file
        if not source or source in not_read or source in targets:
            continue
        stem = Path(source).stem + FEEDBACK_SUFFIX
        target = Path(out_dir) / f"{stem}.xlsx"
        n = 1
        while target in targets.values():
            n += 1
            target = Path(out_dir) / f"{stem}_{n}.xlsx"
        targets[source] = target
    return targets


def write_feedback(report: Report, out_dir: str | Path, inputs: Iterable[str | Path],
                   force: bool = False) -> tuple[dict[str, Path], list[Problem]]:
    """Write a feedback copy of each form with problems into ``out_dir``.

    ``inputs`` are the files and folders that were validated: ``out_dir`` may
    not be one of their folders (the copies would be read as forms next time).
    Raises :class:`FeedbackDirError` for that, and
    :class:`~lkjip_xl.fileio.OutputExistsError` before writing anything when a
    copy exists and ``force`` is not set.  Returns the copies written and a
    warning for each form whose copy could not be made.
    """
    out = Path(out_dir).resolve()
    folders = {(p if p.is_dir() else p.parent).resolve() for p in map(Path, inputs)}
    if out in folders:
        raise FeedbackDirError(msg("feedback_dir_in_forms", path=str(out_dir)))
    targets = feedback_targets(report, out_dir)
    for target in targets.values():
        check_can_write(target, force)
    written: dict[str, Path] = {}
    failed: list[Problem] = []
    for source, target in targets.items():
        try:
            write_copy(source, report.for_file(source), target, force)
        except Exception as exc:  # openpyxl cannot load every file calamine reads
            failed.append(Problem(source, "feedback_failed",
                                  msg("feedback_failed", path=source, detail=describe(exc)), WARNING))
        else:
            written[source] = target
    return written, failed


def write_copy(source: str | Path, problems: list[Problem], target: str | Path, force: bool = False) -> Path:
    """Copy ``source`` byte for byte to ``target``, then mark ``problems`` in the copy."""
    with atomic_output(target, force) as tmp:
        shutil.copyfile(source, tmp)
        with open(tmp, "rb") as handle, warnings.catch_warnings():
            warnings.simplefilter("ignore")  # openpyxl warns about parts it does not keep
            workbook = openpyxl.load_workbook(handle)  # a handle: the temporary name is not *.xlsx
        _unmark_earlier_round(workbook)
        original_fills = _mark_cells(workbook, problems)
        _add_list(workbook, Path(source).name, problems, original_fills)
        workbook.save(tmp)
        workbook.close()
    return Path(target)


def _unmark_earlier_round(workbook) -> None:
    """Give the cells marked by an earlier round back their fill, drop their comments and the old list."""
    if FEEDBACK_SHEET not in workbook.sheetnames:
        return
    listed = workbook[FEEDBACK_SHEET]
    if FORM_SHEET in workbook.sheetnames:
        sheet = workbook[FORM_SHEET]
        for row in listed.iter_rows(min_row=HEADER_ROW + 1, values_only=True):
            address, original = row[4], row[ORIGINAL_FILL_COL - 1]
            if row[3] == FORM_SHEET and address and original is not None:
                kind, _, color = original.partition(":")
                sheet[address].fill = PatternFill(kind or None, fgColor=color or None)
                if sheet[address].comment is not None and sheet[address].comment.author == AUTHOR:
                    sheet[address].comment = None
    del workbook[FEEDBACK_SHEET]


def _mark_cells(workbook, problems: list[Problem]) -> dict[str, str]:
    """Fill each problem cell of the form sheet and put the messages in its comment.

    Returns each marked cell's original fill as ``"pattern:ARGB"``.
    """
    if FORM_SHEET not in workbook.sheetnames:
        return {}
    sheet = workbook[FORM_SHEET]
    by_cell: dict[str, list[Problem]] = {}
    for problem in problems:
        if problem.sheet == FORM_SHEET and problem.cell:
            by_cell.setdefault(problem.cell, []).append(problem)
    original_fills = {}
    for address, found in by_cell.items():
        cell = sheet[address]
        color = cell.fill.fgColor.rgb if cell.fill.fgColor.type == "rgb" else ""  # theme colours are not kept
        original_fills[address] = f"{cell.fill.patternType or ''}:{color}"
        cell.fill = FILLS[ERROR if any(p.is_error for p in found) else WARNING]
        text = "\n\n".join(f"{SEVERITY_LABEL[p.severity]}: {p.message}" for p in found)
        cell.comment = Comment(text, AUTHOR, width=420, height=160)
    return original_fills


def _add_list(workbook, file_name: str, problems: list[Problem], original_fills: dict[str, str]) -> None:
    """The "Pemeriksaan" sheet, first and active: every problem with a link to its cell."""
    sheet = workbook.create_sheet(FEEDBACK_SHEET, 0)
    for other in workbook.worksheets:
        other.sheet_view.tabSelected = False
    workbook.active = sheet
    sheet.sheet_view.tabSelected = True
    errors = sum(1 for p in problems if p.is_error)
    wrap = Alignment(wrap_text=True, vertical="top")
    _text(sheet.cell(1, 1), msg("feedback_title", file=file_name)).font = Font(bold=True, size=14)
    _text(sheet.cell(2, 1), msg("feedback_intro", sheet=FORM_SHEET)).alignment = wrap
    sheet.merge_cells(start_row=2, start_column=1, end_row=2, end_column=len(COLUMN_WIDTHS))
    sheet.row_dimensions[2].height = row_height([(sheet.cell(2, 1).value, sum(COLUMN_WIDTHS))])
    _text(sheet.cell(3, 1), msg("feedback_summary", errors=errors, warnings=len(problems) - errors)).font = Font(
        bold=True)
    header_row = HEADER_ROW
    for col, (title, width) in enumerate(zip(msg("feedback_columns").split(";"), COLUMN_WIDTHS), start=1):
        _text(sheet.cell(header_row, col), title).font = Font(bold=True)
        sheet.column_dimensions[get_column_letter(col)].width = width
    sheet.column_dimensions[get_column_letter(ORIGINAL_FILL_COL)].hidden = True
    for n, problem in enumerate(problems, start=1):
        row = header_row + n
        sheet.cell(row, 1, n).alignment = wrap
        values = (SEVERITY_LABEL[problem.severity], problem.code, problem.sheet, problem.cell, problem.ikk,
                  problem.message)
        for col, value in enumerate(values, start=2):
            _text(sheet.cell(row, col), value).alignment = wrap
        sheet.row_dimensions[row].height = row_height(list(zip(values, COLUMN_WIDTHS[1:])))
        sheet.cell(row, 2).fill = FILLS[problem.severity]
        if problem.sheet == FORM_SHEET and problem.cell in original_fills:
            _text(sheet.cell(row, ORIGINAL_FILL_COL), original_fills[problem.cell])
            link = sheet.cell(row, 5)
            link.hyperlink = Hyperlink(ref=link.coordinate, location=f"'{FORM_SHEET}'!{problem.cell}")
            link.font = Font(color="0563C1", underline="single")
    sheet.freeze_panes = sheet.cell(header_row + 1, 1)
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    sheet.page_setup.fitToWidth, sheet.page_setup.fitToHeight = 1, 0
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    sheet.print_title_rows = f"{header_row}:{header_row}"


def _text(cell, value: str):
    """Put ``value`` in ``cell`` as text, never as a formula (even when it starts with "=")."""
    cell.value = value
    cell.data_type = "s"
    return cell
