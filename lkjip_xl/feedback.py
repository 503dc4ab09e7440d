"""Feedback copies: a returned form with its problems marked, to send back to the Divisi.

For each form with problems, the original bytes are copied to a new file and
the copy — never the original — is annotated with openpyxl: every problem cell
of the form sheet is filled (red for an error, orange for a warning: :data:`lkjip_xl.styles.PROBLEM_FILL`) and
carries the message as a comment, and a first sheet "Pemeriksaan" lists every
problem of the file with a link to its cell.  The stamp sheet is kept, so the
Divisi corrects the copy and sends it back as the form; when such a copy comes
back with problems again, the marks of the earlier round are removed (the
original fill of each marked cell is kept in a hidden column of
"Pemeriksaan") before the new ones are made.  All copies are written
through one :class:`lkjip_xl.fileio.OutputSet` (all or none); existing copies
are only replaced with ``force``.  Every cell keeps its type in the copy: a
Keterangan or narrative text typed as text ("=1+1", "@SUM(A1)") stays a string,
never becomes a formula (tests/test_free_text.py).
"""

from __future__ import annotations

import os
import re
import warnings
from pathlib import Path
from collections.abc import Iterable

import openpyxl
from openpyxl.comments import Comment
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.worksheet.hyperlink import Hyperlink

from .fileio import OutputSet, atomic_output, os_error_in
from .guard import OutputConflictError, OutputError, guard_outputs
from .kinds import KIND_FEEDBACK, mark_openpyxl
from .names import safe_stem, unique_names
from .layout import FORM_SHEET
from .messages import LABELS, msg, use_words, visible
from .problems import ERROR, SEVERITY_LABEL, WARNING, Problem
from .report import Report
from .reader import read_stamp
from .safety import FormReadError, describe, package_from_bytes
from .sheets import check_sheets
from .inputs import NOT_READ_CODES
from .styles import LEGEND, LINK_BLUE, PROBLEM_FILL, openpyxl_fill
from .words import DEFAULT_WORDS, Words, words_from_payload
from .workbooks import open_workbook
from .xlsx import column_index, column_letters, column_width, one_line_footer, print_setup, row_height

FEEDBACK_SHEET = LABELS["sheet_feedback"]
FILLS = {
    ERROR: openpyxl_fill(PROBLEM_FILL[ERROR]),
    WARNING: openpyxl_fill(PROBLEM_FILL[WARNING]),
}
COLUMN_WIDTHS = (5, 12, 30, 11, 7, 13, 90)
HEADER_ROW = 5
#: The row of "Pemeriksaan" with the legend of the marks' colours (between the summary and the header row).
LEGEND_ROW = HEADER_ROW - 1
#: Hidden column of "Pemeriksaan": the fill a marked cell had before it was marked.
ORIGINAL_FILL_COL = len(COLUMN_WIDTHS) + 1
AUTHOR = "lkjip-xl"


class FeedbackDirError(OutputConflictError):
    """The feedback folder is a folder the forms are read from."""

    def __init__(self, code: str = "feedback_dir_in_forms", path: str | Path = "", **fields: object):
        super().__init__(code, path, **fields)


def feedback_targets(report: Report, out_dir: str | Path) -> dict[str, Path]:
    """Source form → feedback copy path, for each form of ``report`` that has problems.

    Files that were not read as forms (not an .xlsx, lock files, ...) get no
    copy.  Copies are named ``<form name>_pemeriksaan.xlsx`` (control characters
    and over-long stems made safe); names that would be one file on Windows or
    macOS (the same name from different folders, or names differing only in
    case) get ``_2``, ``_3``, ...
    """
    not_read = {p.file for p in report.problems if p.code in NOT_READ_CODES}
    sources: list[str] = []
    for problem in report.problems:
        source = problem.file
        if source and source not in not_read and source not in sources:
            sources.append(source)
    names = unique_names(msg("filename_feedback", stem=safe_stem(Path(source).stem)) for source in sources)
    return {source: Path(out_dir) / name for source, name in zip(sources, names)}


def check_feedback_dir(out_dir: str | Path, inputs: Iterable[str | Path | None]) -> None:
    """Refuse a feedback folder inside a folder that is read, or that cannot be a folder."""
    try:
        guard_outputs([], inputs, out_dirs=[out_dir])
    except OutputConflictError as exc:
        if exc.code == "output_in_input_folder":
            raise FeedbackDirError("feedback_dir_in_forms", out_dir) from None
        raise


def write_feedback(report: Report, out_dir: str | Path, inputs: Iterable[str | Path],
                   force: bool = False) -> tuple[dict[str, Path], list[Problem]]:
    """Write a feedback copy of each form with problems into ``out_dir``.

    ``inputs`` are the files and folders that were validated (and the master):
    the copies are checked against them by :func:`lkjip_xl.guard.guard_outputs`
    before anything is written; ``out_dir`` may not be inside one of their
    folders (:class:`FeedbackDirError`: the copies would be read as forms next
    time), no copy may be an input, and an existing copy is only replaced with
    ``force`` (:class:`~lkjip_xl.guard.OutputExistsError`).  All copies are
    written as temporaries and moved into place together; a failure to write
    (:class:`~lkjip_xl.guard.OutputError`) leaves none.  Returns the copies
    written and a warning for each form whose copy could not be made (openpyxl
    cannot load every file calamine reads).
    """
    inputs = list(inputs)
    check_feedback_dir(out_dir, inputs)
    targets = feedback_targets(report, out_dir)
    guard_outputs(targets.values(), inputs, force)
    written: dict[str, Path] = {}
    failed: list[Problem] = []
    with OutputSet(force) as outputs:
        for source, target in targets.items():
            try:
                original = Path(source).read_bytes()
            except OSError as exc:
                failed.append(Problem(source, "feedback_failed",
                                      msg("feedback_failed", path=source, detail=describe(exc)), WARNING))
                continue
            tmp = outputs.temporary(target)
            try:
                _write_marked_copy(original, source, report.for_file(source), tmp)
            except OutputError:
                raise
            except Exception as exc:  # openpyxl cannot load every file calamine reads
                if os_error_in(exc) is not None:
                    raise
                outputs.pairs.pop()
                if os.path.exists(tmp):
                    os.unlink(tmp)
                failed.append(Problem(source, "feedback_failed",
                                      msg("feedback_failed", path=source, detail=describe(exc)), WARNING))
            else:
                written[source] = target
    return written, failed


def write_copy(source: str | Path, problems: list[Problem], target: str | Path, force: bool = False) -> Path:
    """Copy ``source`` byte for byte to ``target``, then mark ``problems`` in the copy."""
    original = Path(source).read_bytes()
    with atomic_output(target, force) as tmp:
        _write_marked_copy(original, source, problems, tmp)
    return Path(target)


def _write_marked_copy(original: bytes, source: str | Path, problems: list[Problem], tmp: str) -> None:
    # the bytes openpyxl loads pass every pre-flight check first: no bomb, every sheet bounded
    check_sheets(package_from_bytes(str(source), original))
    Path(tmp).write_bytes(original)
    with open(tmp, "rb") as handle, warnings.catch_warnings():
        warnings.simplefilter("ignore")  # openpyxl warns about parts it does not keep
        workbook = openpyxl.load_workbook(handle)  # a handle: the temporary name is not *.xlsx
    _unmark_earlier_round(workbook)
    for sheet in workbook.worksheets:  # the form's footer as openpyxl can write it
        one_line_footer(sheet)
    original_fills = _mark_cells(workbook, problems)
    words, kanwil, year = form_identity(source)
    with use_words(words):
        _add_list(workbook, Path(source).name, problems, original_fills, kanwil, year)
    mark_openpyxl(workbook, KIND_FEEDBACK)
    workbook.save(tmp)
    workbook.close()


def form_identity(source: str | Path) -> tuple[Words, str, str]:
    """The organisation's own words (:attr:`lkjip_xl.reader.ReturnedForm.words`: the copy speaks to the unit
    in them), the Kanwil and the year a form's stamp carries (its pages' footer); the default words and
    blanks for a file whose stamp cannot be read."""
    try:
        with open_workbook(source) as workbook:
            stamp, locked = read_stamp(workbook, str(source))
            return words_from_payload(locked.get("words")), stamp.get("kanwil", ""), stamp.get("tahun", "")
    except (FormReadError, ValueError):
        return DEFAULT_WORDS, "", ""


def _unmark_earlier_round(workbook) -> None:
    """Give the cells marked by an earlier round back their fill, drop their comments and the old list.

    Nothing read back from the returned copy is trusted: a row of the old list
    is only acted on when its cell is one plain A1 address inside the form
    sheet's table (not a range such as ``A1:XFD1048576``, not a cell beyond the
    last row or column holding anything) and its kept fill is a fill pattern
    with an ARGB colour; any other row is ignored (its cell keeps the old mark).
    """
    if FEEDBACK_SHEET not in workbook.sheetnames:
        return
    listed = workbook[FEEDBACK_SHEET]
    if FORM_SHEET in workbook.sheetnames:
        sheet = workbook[FORM_SHEET]
        last_row, last_col = sheet.max_row, sheet.max_column  # from the cells read: the sheet was bounded
        for row in listed.iter_rows(min_row=HEADER_ROW + 1, max_row=listed.max_row,
                                    max_col=ORIGINAL_FILL_COL, values_only=True):
            row = tuple(row) + (None,) * (ORIGINAL_FILL_COL - len(row))
            address = _table_cell(row[4], last_row, last_col)
            fill = _kept_fill(row[ORIGINAL_FILL_COL - 1])
            if row[3] != FORM_SHEET or address is None or fill is None:
                continue
            cell = sheet[address]
            cell.fill = fill
            if cell.comment is not None and cell.comment.author == AUTHOR:
                cell.comment = None
    del workbook[FEEDBACK_SHEET]


#: One cell as the list writes it: column letters and a row number, nothing else.
_PLAIN_CELL = re.compile(r"([A-Z]{1,3})([1-9][0-9]{0,6})")
_FILL_COLOR = re.compile(r"[0-9A-Fa-f]{8}")


def _table_cell(value: object, last_row: int, last_col: int) -> str | None:
    """``value`` when it is one A1 cell within the first ``last_row`` rows and ``last_col`` columns."""
    if not isinstance(value, str):
        return None
    match = _PLAIN_CELL.fullmatch(value)
    if match is None:
        return None
    row, col = int(match.group(2)), column_index(match.group(1)) + 1
    return value if row <= last_row and col <= last_col else None


def _kept_fill(value: object) -> PatternFill | None:
    """The fill kept as ``"pattern:ARGB"`` by :func:`_mark_cells`; ``None`` for anything else."""
    if not isinstance(value, str) or len(value) > 40:
        return None
    kind, _, color = value.partition(":")
    if kind and kind not in PatternFill.patternType.values or color and not _FILL_COLOR.fullmatch(color):
        return None
    return PatternFill(kind or None, fgColor=color or None)


def _mark_cells(workbook, problems: list[Problem]) -> dict[str, str]:
    """Fill each problem cell of the form sheet and put the messages in its comment.

    Returns each marked cell's original fill as ``"pattern:ARGB"``.
    """
    if FORM_SHEET not in workbook.sheetnames:
        return {}
    sheet = workbook[FORM_SHEET]
    by_cell: dict[str, list[Problem]] = {}
    for problem in problems:  # one plain cell inside the table, whatever a problem carries
        if problem.sheet == FORM_SHEET and _table_cell(problem.cell, sheet.max_row, sheet.max_column):
            by_cell.setdefault(problem.cell, []).append(problem)
    original_fills = {}
    for address, found in by_cell.items():
        cell = sheet[address]
        color = cell.fill.fgColor.rgb if cell.fill.fgColor.type == "rgb" else ""  # theme colours are not kept
        original_fills[address] = f"{cell.fill.patternType or ''}:{color}"
        cell.fill = FILLS[ERROR if any(p.is_error for p in found) else WARNING]
        text = "\n\n".join(f"{SEVERITY_LABEL[p.severity]}: {visible(p.message)}" for p in found)
        cell.comment = Comment(text, AUTHOR, width=420, height=160)
    return original_fills


def _add_list(workbook, file_name: str, problems: list[Problem], original_fills: dict[str, str], kanwil: str,
              year: str) -> None:
    """The "Pemeriksaan" sheet, first and active: every problem with a link to its cell, the legend of the
    colours of its marks; printed with the form's Kanwil and year in the footer."""
    sheet = workbook.create_sheet(FEEDBACK_SHEET, 0)
    for other in workbook.worksheets:
        other.sheet_view.tabSelected = False
    workbook.active = sheet
    sheet.sheet_view.tabSelected = True
    errors = sum(1 for p in problems if p.is_error)
    wrap = Alignment(wrap_text=True, vertical="top")
    rows = [(n, SEVERITY_LABEL[p.severity], p.code, p.sheet, p.cell, p.ikk, p.message)
            for n, p in enumerate(problems, start=1)]
    titles = msg("feedback_columns").split(";")
    widths = [column_width([str(r[col] or "") for r in rows], wrapped=[title], least=least, most=least + 20)
              for col, (title, least) in enumerate(zip(titles, COLUMN_WIDTHS))]  # each as its widest value
    _text(sheet.cell(1, 1), msg("feedback_title", file=file_name)).font = Font(bold=True, size=14)
    _text(sheet.cell(2, 1), msg("feedback_intro", sheet=FORM_SHEET)).alignment = wrap
    sheet.merge_cells(start_row=2, start_column=1, end_row=2, end_column=len(COLUMN_WIDTHS))
    sheet.row_dimensions[2].height = row_height([(sheet.cell(2, 1).value, sum(widths))])
    _text(sheet.cell(3, 1), msg("feedback_summary", errors=errors, warnings=len(problems) - errors)).font = Font(
        bold=True)
    _legend(sheet, LEGEND_ROW)
    header_row = HEADER_ROW
    for col, (title, width) in enumerate(zip(titles, widths), start=1):
        _text(sheet.cell(header_row, col), title).font = Font(bold=True)
        sheet.column_dimensions[column_letters(col - 1)].width = width
    sheet.column_dimensions[column_letters(ORIGINAL_FILL_COL - 1)].hidden = True
    for n, problem in enumerate(problems, start=1):
        row = header_row + n
        sheet.cell(row, 1, n).alignment = wrap
        values = (SEVERITY_LABEL[problem.severity], problem.code, problem.sheet, problem.cell, problem.ikk,
                  problem.message)
        for col, value in enumerate(values, start=2):
            _text(sheet.cell(row, col), value).alignment = wrap
        sheet.row_dimensions[row].height = row_height(list(zip(values, widths[1:])))
        sheet.cell(row, 2).fill = FILLS[problem.severity]
        if problem.sheet == FORM_SHEET and problem.cell in original_fills:
            _text(sheet.cell(row, ORIGINAL_FILL_COL), original_fills[problem.cell])
            link = sheet.cell(row, 5)
            link.hyperlink = Hyperlink(ref=link.coordinate, location=f"'{FORM_SHEET}'!{problem.cell}")
            link.font = Font(color=LINK_BLUE.lstrip("#"), underline="single")
    sheet.freeze_panes = sheet.cell(header_row + 1, 1)
    print_setup(sheet, owner=kanwil, year=year, repeat_rows=header_row - 1)


def _legend(sheet, row: int) -> None:
    """"Arti warna:" and a cell per mark of the copy (error, warning), filled with its colour and naming it
    (:data:`lkjip_xl.styles.LEGEND`; the form sheet has its own legend of the form's colours)."""
    _text(sheet.cell(row, 2), LABELS["legend_title"]).font = Font(bold=True)
    for col, role in ((3, ERROR), (4, WARNING)):
        fill, key = LEGEND[role]
        cell = _text(sheet.cell(row, col), LABELS[key])
        cell.fill = openpyxl_fill(fill)
    sheet.merge_cells(start_row=row, start_column=4, end_row=row, end_column=6)


def _text(cell, value: str):
    """Put ``value`` in ``cell`` as text, never as a formula (even when it starts with "="),
    with its control characters shown (:func:`~lkjip_xl.messages.visible`): none can reorder the
    text, and none is a character openpyxl refuses to store."""
    cell.value = visible(value)
    cell.data_type = "s"
    return cell
