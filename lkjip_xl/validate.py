"""Check returned forms and turn their cells into inputs, collecting problems.

Checks never raise for bad content: every finding is a
:class:`~lkjip_xl.report.Problem` naming file, sheet and cell with an
Indonesian message.  :func:`validate_paths` is what ``lkjip-xl validate``
runs; ``lkjip-xl consolidate`` runs the same checks first.
"""

from __future__ import annotations

import fnmatch
import math
import os
from collections import Counter
from datetime import date, time, timedelta
from dataclasses import dataclass, field
from enum import Enum
from pathlib import Path
from typing import Any, Callable, Iterable

from . import TEMPLATE_VERSION, calc
from .layout import (
    COL_CODE, COL_DEN, COL_NIHIL, COL_NOTE, COL_NUM, COL_REAL, COL_SK_TEXT, COL_TARGET, COL_TEXT, COL_UNIT,
    COLUMN_TITLE, FORM_SHEET, STAMP_SHEET, content_hash, subrow_code,
)
from .master import name_key, name_problem, read_master
from .fileio import FORM_KINDS, input_problem, path_list, workbook_kind
from .messages import MESSAGES, msg, os_error_text
from .methods import Inputs, spec
from .model import PERIODS, AchievementRule, Indicator, IndicatorInput, Master, CellRef
from .numbers import (
    INPUT_LIMIT, INPUT_MIN_MAGNITUDE, NumberParseError, format_magnitude, format_number, format_with_unit,
    in_input_range,
    parse_number,
)
from .reader import HEADER_KEYS, READ_ERROR_CODES, FormReadError, RawCell, ReturnedForm, read_form
from .report import ERROR, WARNING, Problem, Report
from .xlsx import date_text, excel_serial
from xlsxwriter.utility import xl_cell_to_rowcol

LOCK_FILE_PATTERN = "~$*"
#: Files of a folder that are read; .xls files are read to tell the sender to save as .xlsx.
FORM_SUFFIXES = (".xlsx", ".xls")
#: Problems about a file that was not read as a form (no feedback copy can be made of it).
NOT_READ_CODES = READ_ERROR_CODES | {
    "lock_file_skipped", "file_skipped", "folder_skipped", "special_file_skipped", "link_broken_skipped",
    "toolkit_output_skipped", "file_not_regular", "file_link_broken", "file_is_folder", "folder_unreadable",
}


@dataclass
class CheckedForm:
    """A form that could be read, its inputs and its own problems."""

    form: ReturnedForm
    inputs: dict[str, IndicatorInput] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)

    @property
    def has_errors(self) -> bool:
        return any(p.is_error for p in self.problems)


@dataclass
class Validation:
    """Outcome of validating a set of files."""

    report: Report
    forms: list[CheckedForm]
    unreadable: list[Problem] = field(default_factory=list)  #: one per file that could not be read

    @property
    def accepted(self) -> list[CheckedForm]:
        return [f for f in self.forms if not f.has_errors]

    @property
    def refused(self) -> list[CheckedForm]:
        return [f for f in self.forms if f.has_errors]

    @property
    def refused_files(self) -> list[str]:
        """Paths of the forms with errors and of the files that could not be read."""
        return [f.form.path for f in self.refused] + [p.file for p in self.unreadable]

    @property
    def valid(self) -> bool:
        """No error (warnings do not count): what ``lkjip-xl validate`` exits 0 on."""
        return self.report.valid

    @property
    def problems(self) -> list[Problem]:
        return self.report.problems

    def to_records(self) -> list[dict[str, str]]:
        """One dict per problem: :meth:`lkjip_xl.report.Report.to_records`."""
        return self.report.to_records()

    def to_dataframe(self):
        """One row per problem: :meth:`lkjip_xl.report.Report.to_dataframe` (needs pandas)."""
        return self.report.to_dataframe()


def expand_paths(paths: Iterable[str | Path]) -> tuple[list[str], list[Problem]]:
    """Files named directly plus the .xlsx/.xls files of named folders (sorted).

    Nothing of a folder is left out unseen: Excel lock files (``~$*``), other
    files, sub-folders (a folder named ``*.xlsx`` too), broken or looping
    symlinks and FIFOs, sockets or devices are each skipped with a warning
    naming them; none of them is ever opened (a FIFO would block).  Hidden
    entries (``.…``, the toolkit's own temporaries among them) are ignored.  A
    folder that cannot be listed is passed on as a file, for :func:`check_path`
    to refuse.
    """
    files: list[str] = []
    problems: list[Problem] = []
    skipped_for = {"file_link_broken": "link_broken_skipped", "file_not_regular": "special_file_skipped"}

    def skip(code: str, candidate: Path) -> None:
        problems.append(Problem(str(candidate), code, msg(code, path=str(candidate)), WARNING))

    def add(candidate: Path) -> None:
        if str(candidate) not in files:
            files.append(str(candidate))

    for item in paths:
        path = Path(item)
        if not path.is_dir():
            if fnmatch.fnmatch(path.name, LOCK_FILE_PATTERN):
                skip("lock_file_skipped", path)
            else:
                add(path)
            continue
        try:
            names = sorted(entry.name for entry in os.scandir(path))
        except OSError:
            add(path)
            continue
        for name in names:
            if name.startswith("."):
                continue
            candidate = path / name
            refused = input_problem(candidate, folder_ok=True)
            if fnmatch.fnmatch(name, LOCK_FILE_PATTERN):
                skip("lock_file_skipped", candidate)
            elif refused is not None:
                if refused[0] in skipped_for:
                    skip(skipped_for[refused[0]], candidate)
            elif candidate.is_dir():
                skip("folder_skipped", candidate)
            elif candidate.suffix.lower() not in FORM_SUFFIXES:
                skip("file_skipped", candidate)
            else:
                add(candidate)
    return files, problems


def validate_paths(paths: Iterable[str | Path], master: str | Path | Master | None = None,
                   progress: Callable[[str], None] | None = None) -> Report:
    """Validate forms (files or folders); the report of ``lkjip-xl validate``."""
    return validate_files(paths, master, progress).report


def check_path(path: str) -> CheckedForm | Problem:
    """Read and check one file on its own: a :class:`CheckedForm`, or a
    :class:`Problem` when the file cannot be read as a form at all.

    A module-level function of one picklable argument, so that callers may
    run it in a process pool.
    """
    refused = input_problem(path)
    if refused is not None:  # never opened: a FIFO would block
        code, fields = refused
        if code == "file_is_folder":  # a folder expand_paths could not list
            try:
                os.listdir(path)
            except OSError as exc:
                code, fields = "folder_unreadable", {"detail": os_error_text(exc)}
        return Problem(path, code, msg(code, path=path, **fields), ERROR)
    try:
        form = read_form(path)
    except FormReadError as exc:
        if exc.code in ("stamp_missing", "form_sheet_missing"):
            kind = workbook_kind(path)
            if kind is not None and kind not in FORM_KINDS:
                label = msg(f"kind_{kind}") if f"kind_{kind}" in MESSAGES else kind
                return Problem(path, "toolkit_output_skipped",
                               msg("toolkit_output_skipped", path=path, kind=label), WARNING)
        return Problem(exc.path, exc.code, exc.message, ERROR, sheet=exc.sheet, cell=exc.cell)
    return check_form(form)


def validate_files(paths: str | Path | Iterable[str | Path], master: str | Path | Master | None = None,
                   progress: Callable[[str], None] | None = None,
                   mapper: Callable[[Callable, list[str]], Iterable] = map,
                   multi_kanwil: bool = False) -> Validation:
    """Read and check every form; cross-check them against each other and the master.

    ``mapper`` applies :func:`check_path` to the file list in order; the default
    is the builtin ``map``, a process pool's ``map`` reads on several cores.
    ``multi_kanwil`` accepts forms of several Kanwil (national consolidation).
    """
    if master is not None and not isinstance(master, Master):
        master = read_master(master)
    given = path_list(paths)
    files, problems = expand_paths(given)
    report = Report(problems)
    checked: list[CheckedForm] = []
    unreadable: list[Problem] = []
    if not files:
        where = ", ".join(str(p) for p in given)
        report.add(Problem(where, "no_forms", msg("no_forms", path=where)))
    for path, outcome in zip(files, mapper(check_path, files)):
        if progress:
            progress(path)
        if isinstance(outcome, Problem):
            report.add(outcome)
            if outcome.is_error:  # a warning: a toolkit output skipped, not a refused form
                unreadable.append(outcome)
        else:
            checked.append(outcome)
    if files and not checked and not unreadable:
        where = ", ".join(str(p) for p in given)
        report.add(Problem(where, "no_forms", msg("no_forms", path=where)))
    global_problems = _cross_check(checked, master, multi_kanwil)
    for result in checked:
        report.extend(result.problems)
    report.extend(global_problems)
    return Validation(report, checked, unreadable)


# --------------------------------------------------------------------------- one form


def check_form(form: ReturnedForm) -> CheckedForm:
    """Check one form on its own and extract its inputs."""
    result = CheckedForm(form)
    problems = result.problems
    path = form.path

    def add(problem_code: str, severity: str = ERROR, cell: str = "", sheet: str = FORM_SHEET, ikk: str = "",
            **fields: Any) -> None:
        problems.append(Problem(path, problem_code, msg(problem_code, path=path, sheet=sheet, cell=cell, **fields),
                                severity, sheet=sheet, cell=cell, ikk=ikk))

    version = form.stamp.get("template_version", "")
    if version.split(".")[0] != TEMPLATE_VERSION.split(".")[0]:  # a minor version only adds what we may ignore
        add("form_other_version", sheet=STAMP_SHEET, found=version or "-", expected=TEMPLATE_VERSION)
    shown = ("template_version", "kanwil", "tahun", "divisi", "periode")  # in the stamp and in the locked content
    if (content_hash(form.locked) != form.stamp.get("content_hash")
            or any(_shown(form.locked.get(key)) != form.stamp.get(key) for key in shown)):
        add("stamp_tampered", sheet=STAMP_SHEET)
    _check_header(form, add)
    if form.header_row < 0:
        add("header_missing", header=COLUMN_TITLE["kode"])
        return result
    for key in (COL_TARGET, COL_NUM, COL_DEN, COL_REAL, COL_NIHIL):
        if key not in form.columns:
            add("header_missing", header=COLUMN_TITLE[key])
    if any(p.code == "header_missing" for p in problems):
        return result
    for cell in form.unknown_codes:
        add("ikk_unknown", WARNING, cell=cell.cell, code=cell.value)
    for cell in form.duplicate_codes:
        first = form.rows[cell.value][COL_CODE].cell
        add("ikk_duplicate", cell=cell.cell, ikk=cell.value, code=cell.value, first=first)
    for indicator in form.indicators:
        cells = form.rows.get(indicator.code)
        if cells is None:
            add("ikk_missing", ikk=indicator.code, code=indicator.code)
            continue
        _check_locked(indicator, cells, add)
        result.inputs[indicator.code] = _extract(indicator, form, cells, add)
    _check_what_is_seen(form, result, add)
    return result


def _check_what_is_seen(form: ReturnedForm, result: CheckedForm, add) -> None:
    """Values come only from what the user sees: a column title twice, or a used input hidden.

    A known title found twice in the header row is an error naming both cells
    (the reader takes the first; a hidden copy must not decide).  An input value
    the toolkit uses that sits in a row or column the user hid (the written form
    hides none) is not what the Divisi saw and signed: an error for the numbers
    and NIHIL, which decide the capaian; a warning for Keterangan, which is
    only carried along.
    """
    for key, first, later in form.duplicate_titles:
        add("header_duplicate", cell=later.cell, header=COLUMN_TITLE[key], first=first.cell)
    scan = form.sheet
    if not scan.hidden_rows and not scan.hidden_columns and not form.sheet_hidden:
        return
    where = {raw.cell: (code, key, raw) for code, cells in form.rows.items() for key, raw in cells.items()}
    for indicator_code, reported in result.inputs.items():
        for ref in reported.sources.values():
            code, key, raw = where.get(ref.cell, ("", "", None))
            if raw is None or _blank(raw.value):
                continue
            row, col = xl_cell_to_rowcol(raw.cell)
            hidden = ("sheet" if form.sheet_hidden else "baris" if scan.row_hidden(row)
                      else "kolom" if scan.column_hidden(col) else None)
            if hidden is None:
                continue
            if key == COL_NOTE:
                add("note_hidden", WARNING, cell=raw.cell, ikk=indicator_code, code=code, where=hidden)
            else:
                add("value_hidden", cell=raw.cell, ikk=indicator_code, code=code, field=COLUMN_TITLE[key],
                    where=hidden)


def _check_header(form: ReturnedForm, add) -> None:
    """The header block (Kanwil, Tahun, Divisi, Periode) still shows what the stamp says."""
    for label, key in HEADER_KEYS.items():
        cell = form.header.get(key)
        expected = form.stamp.get(key, "")
        if cell is not None and _shown(cell.value) != expected:
            add("header_changed", cell=cell.cell, field=label, old=expected, new=_shown(cell.value))


def _shown(value: Any) -> str:
    """A cell value as text the way the stamp writes it (2023.0 → "2023")."""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return "" if value is None else str(value).strip()


def _check_locked(indicator: Indicator, cells: dict[str, RawCell], add) -> None:
    expected = {
        COL_TARGET: indicator.target,
        COL_TEXT: indicator.text,
        COL_SK_TEXT: indicator.sk_text,
        COL_UNIT: indicator.unit,
    }
    for key, old in expected.items():
        cell = cells.get(key)
        if cell is None:
            continue
        new = cell.value
        if isinstance(old, float):
            same = isinstance(new, (int, float)) and not isinstance(new, bool) and math.isclose(new, old, rel_tol=1e-12)
        else:
            same = isinstance(new, str) and new.strip() == old.strip()
        if not same:
            add("locked_changed", cell=cell.cell, ikk=indicator.code, code=indicator.code,
                field=COLUMN_TITLE[key], old=_shown_number(old), new=_shown_number(new))


def _shown_number(value: Any) -> str:
    """A locked value for a message: numbers the Indonesian way (3,25), the rest as text."""
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return format_number(value, 4)
    return "" if value is None else str(value)


def _kind(indicator: Indicator, key: str) -> str:
    """What kind of number a cell holds, for :func:`parse_number`."""
    return spec(indicator.method).input_kind(indicator, key)


def _blank(value: Any) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def _extract(indicator: Indicator, form: ReturnedForm, cells: dict[str, RawCell], add) -> IndicatorInput:
    reported = IndicatorInput(code=indicator.code)

    def source(name: str, cell: RawCell) -> None:
        reported.sources[name] = CellRef(form.path, FORM_SHEET, cell.cell)

    def typed(cell: RawCell, key: str, code: str) -> bool:
        """False (and an error) when the Divisi typed a formula into this input cell."""
        formula = form.formulas.get(cell.cell)
        if formula is None:
            return True
        add("formula_in_input", cell=cell.cell, ikk=indicator.code, code=code, field=COLUMN_TITLE[key],
            formula="=" + (formula or "…"))
        return False

    note = cells.get(COL_NOTE)
    if note is not None and typed(note, COL_NOTE, indicator.code) and not _blank(note.value):
        reported.keterangan = str(note.value)
        source("keterangan", note)

    def number(cell: RawCell, key: str, code: str, required: bool) -> float | None:
        field_name = COLUMN_TITLE[key]
        value = cell.value
        fields = dict(cell=cell.cell, ikk=indicator.code, code=code, field=field_name)
        if not typed(cell, key, code):
            return None
        if _blank(value):
            if required:
                add("value_missing", **fields)
            return None
        if isinstance(value, (date, time, timedelta)):  # a date/time number format: calamine made a date of it
            number_typed, reason = date_cell_number(value, form.date1904)
            if number_typed is None:
                add("value_date_unreadable", shown=date_text(value), reason=msg(reason), **fields)
                return None
            add("value_date_format", WARNING, shown=date_text(value), number=format_number(number_typed, 6),
                **fields)
            value = number_typed
        if isinstance(value, bool) or not isinstance(value, (int, float, str)):
            add("value_not_number", value=value, **fields)
            return None
        kind = _kind(indicator, key)
        try:
            parsed = parse_number(value, kind, indicator.unit)
        except NumberParseError as exc:
            if exc.code in ("multiplier_word", "unit_mismatch"):
                add("value_multiplier" if exc.code == "multiplier_word" else "value_unit_mismatch", value=value,
                    word=exc.word, unit=indicator.unit, **fields)
            elif exc.code == "out_of_range":
                add("value_out_of_range", value=value, low=format_number(INPUT_MIN_MAGNITUDE, 15),
                    high=format_number(INPUT_LIMIT, 0), **fields)
            else:
                add("value_ambiguous" if exc.code == "ambiguous_number" else "value_not_number", value=value,
                    **fields)
            return None
        if not in_input_range(parsed.value):  # the forms' data validation limit, also for pasted values
            add("value_out_of_range", value=format_magnitude(parsed.value),
                low=format_number(INPUT_MIN_MAGNITUDE, 15), high=format_number(INPUT_LIMIT, 0), **fields)
            return None
        if parsed.unit == "%" and kind != "percent":
            add("value_percent_unexpected", value=value, **fields)
            return None
        if parsed.value < 0 and not indicator.may_be_negative:
            add("value_negative", value=format_number(parsed.value, 6), **fields)
            return None
        if isinstance(value, str):
            add("value_text_parsed", WARNING, value=value, number=format_number(parsed.value, 6),
                reading=parsed.reading, **fields)
        return parsed.value

    nihil_cell = cells.get(COL_NIHIL)
    if nihil_cell is not None and typed(nihil_cell, COL_NIHIL, indicator.code) and not _blank(nihil_cell.value):
        said_yes = str(nihil_cell.value).strip().casefold() == calc.NIHIL_YES.casefold()
        if not indicator.nihil:
            if said_yes:
                add("nihil_not_allowed", cell=nihil_cell.cell, ikk=indicator.code, code=indicator.code)
        elif said_yes:
            reported.nihil = True
            source("nihil", nihil_cell)
        else:
            add("nihil_invalid", cell=nihil_cell.cell, ikk=indicator.code, code=indicator.code,
                value=nihil_cell.value)
    required = not reported.nihil
    inputs = spec(indicator.method).inputs
    if inputs is Inputs.VALUE:
        cell = cells[COL_REAL]
        reported.value = number(cell, COL_REAL, indicator.code, required)
        source("realisasi", cell)
        _check_percent(indicator, reported.value, cell, add)
    elif inputs is Inputs.SUB_PAIRS:
        for n in range(1, indicator.input_pairs + 1):
            sub_code = subrow_code(indicator.code, n)
            sub_cells = form.rows.get(sub_code)
            if sub_cells is None:
                add("ikk_missing", ikk=indicator.code, code=sub_code)
                reported.pairs.append((None, None))
                continue
            pair = (number(sub_cells[COL_NUM], COL_NUM, sub_code, required),
                    number(sub_cells[COL_DEN], COL_DEN, sub_code, required))
            _check_pair(indicator, sub_code, pair, sub_cells, add, reported.nihil)
            reported.pairs.append(pair)
            source(f"pembilang{n}", sub_cells[COL_NUM])
            source(f"penyebut{n}", sub_cells[COL_DEN])
    else:
        pair = (number(cells[COL_NUM], COL_NUM, indicator.code, required),
                number(cells[COL_DEN], COL_DEN, indicator.code, required))
        _check_pair(indicator, indicator.code, pair, cells, add, reported.nihil)
        reported.pairs.append(pair)
        source("pembilang1", cells[COL_NUM])
        source("penyebut1", cells[COL_DEN])
    _check_overwritten(indicator, form, cells, add)
    _check_negative_result(indicator, reported, cells[COL_REAL], form, add)
    return reported


#: Decimals of a number typed by hand, at most.  A date- or time-formatted cell whose number has
#: more was made by Excel from something else that was typed ("3.25" became the time 03:25).
TYPED_DECIMALS = 6


def date_cell_number(value: date | time | timedelta, date1904: bool) -> tuple[float | None, str]:
    """The number typed into a date- or time-formatted cell, or ``None`` and why (a message code).

    calamine returns such a cell as a date, time or duration, to the millisecond
    (1 ms is 1,2e-8 of a day); :func:`lkjip_xl.xlsx.excel_serial` turns it back
    into the number Excel stores, in the workbook's date system.
    """
    serial = excel_serial(value, date1904)
    if serial is None:
        return None, "date_reason_ambiguous"
    typed = round(serial, TYPED_DECIMALS)
    if abs(serial - typed) > 1e-8:
        return None, "date_reason_converted"
    return typed + 0.0, ""


def _check_overwritten(indicator: Indicator, form: ReturnedForm, cells: dict[str, RawCell], add) -> None:
    """A computed realisasi typed over, or inputs typed into grey cells, are ignored (warnings)."""
    method = spec(indicator.method)
    if method.typed_realisasi:
        return
    real = cells[COL_REAL]
    if form.formulas and real.cell not in form.formulas and not _blank(real.value):
        add("realisasi_overwritten", WARNING, cell=real.cell, ikk=indicator.code, code=indicator.code,
            value=real.value)
    for key in method.grey_columns:
        cell = cells[key]
        if not _blank(cell.value):
            add("value_ignored", WARNING, cell=cell.cell, ikk=indicator.code, code=indicator.code,
                field=COLUMN_TITLE[key], value=cell.value)


def _check_percent(indicator: Indicator, value: float | None, cell: RawCell, add) -> None:
    """A typed percentage that looks like a fraction (0,9 for 90) or exceeds 100 (warnings)."""
    if value is None or indicator.unit != "%":
        return
    fields = dict(cell=cell.cell, ikk=indicator.code, code=indicator.code)
    if 0 < value <= 1 < indicator.target:
        add("percent_as_fraction", WARNING, value=format_number(value, 6), target=format_number(indicator.target),
            percent=format_number(value * 100, 4), **fields)
    elif value > 100:
        add("percent_above_100", WARNING, value=format_number(value, 4), **fields)


def _check_pair(indicator: Indicator, code: str, pair, cells: dict[str, RawCell], add, nihil: bool) -> None:
    """Penyebut 0 where it divides (error unless 0/0 under NIHIL); a share whose pembilang exceeds its penyebut
    (warning)."""
    numerator, denominator = pair
    if nihil or denominator is None:
        return
    method = spec(indicator.method)
    if denominator == 0 and method.divides:
        if not (indicator.nihil and method.nihil and numerator == 0):  # 0/0 under NIHIL is 100
            add("denominator_zero", cell=cells[COL_DEN].cell, ikk=indicator.code, code=code)
        return
    if method.is_share(indicator) and numerator is not None and numerator > denominator > 0:
        add("numerator_exceeds_denominator", WARNING, cell=cells[COL_NUM].cell, ikk=indicator.code, code=code,
            numerator=format_number(numerator, 6), denominator=format_number(denominator, 6),
            rate=format_number(calc.ratio_percent(numerator, denominator), 2))


def _check_negative_result(indicator: Indicator, reported: IndicatorInput, cell: RawCell, form: ReturnedForm,
                           add) -> None:
    """Say what capaian a negative realisasi (a fall, for a change indicator) gives (warning)."""
    realisasi = calc.realisasi(indicator, reported)
    if realisasi is None or realisasi >= 0:
        return
    capaian = calc.capaian(realisasi, indicator.target, indicator.direction)
    if capaian is None:
        return
    status = calc.status_text(calc.tercapai(capaian, form.achievement)).lower()
    add("realisasi_negative", WARNING, cell=cell.cell, ikk=indicator.code, code=indicator.code,
        realisasi=format_with_unit(realisasi, indicator.unit), capaian=format_number(capaian, 2), status=status)


# --------------------------------------------------------------------------- across forms


def _cross_check(checked: list[CheckedForm], master: Master | None, multi_kanwil: bool = False) -> list[Problem]:
    """Same Kanwil and year everywhere, each Divisi once, every Divisi present; names usable and
    the achievement rule, Divisi order and period agreed by all forms.

    Problems of one form go into that form's list; problems of the set as a
    whole (a missing Divisi) are returned.  With ``multi_kanwil`` the forms may
    come from several Kanwil: each (Kanwil, Divisi) once, every Divisi of each
    Kanwil present, one year and period; rule and order agreed within each Kanwil.
    """
    if not checked:
        return []
    # without a master, the Kanwil and year most forms have (last year's file may sort first)
    expected_kanwil = master.kanwil if master else _most_common(f.form.kanwil for f in checked)
    expected_year = master.year if master else _most_common(f.form.year for f in checked)
    _check_names(checked, master, multi_kanwil)
    _check_agreement(checked, master, multi_kanwil)
    first_of: dict[tuple[str, str], CheckedForm] = {}
    for result in checked:
        form = result.form

        def add(code: str, target: CheckedForm = result, **fields: Any) -> None:
            target.problems.append(Problem(target.form.path, code, msg(code, path=target.form.path, **fields),
                                           ERROR, sheet=STAMP_SHEET))

        if form.kanwil != expected_kanwil and not multi_kanwil:
            add("form_other_kanwil", found=form.kanwil, expected=expected_kanwil)
        if form.year != expected_year:
            add("form_other_year", found=form.year, expected=expected_year)
        if master is not None and form.divisi not in master.divisi_order:
            add("form_unknown_divisi", divisi=form.divisi)
        elif master is not None:
            result.problems.extend(_compare_with_master(form, master))
        first = first_of.setdefault((form.kanwil if multi_kanwil else "", form.divisi), result)
        if first is not result:
            # both copies are refused: which one is right is the sender's call
            add("form_duplicate_divisi", divisi=form.divisi, other=first.form.path)
            if not any(p.code == "form_duplicate_divisi" for p in first.problems):
                add("form_duplicate_divisi", target=first, divisi=form.divisi, other=form.path)
    if multi_kanwil:
        orders: dict[str, list[str]] = {}
        for f in checked:
            orders.setdefault(f.form.kanwil, f.form.divisi_order)  # as the Kanwil's first form says
        return [Problem("", "form_missing_divisi_kanwil", msg("form_missing_divisi_kanwil", divisi=d, kanwil=k),
                        WARNING) for k, order in orders.items() for d in order if (k, d) not in first_of]
    expected_divisi = master.divisi_order if master else next(
        f.form.divisi_order for f in checked if (f.form.kanwil, f.form.year) == (expected_kanwil, expected_year))
    return [Problem("", "form_missing_divisi", msg("form_missing_divisi", divisi=d), WARNING)
            for d in expected_divisi if ("", d) not in first_of]


def _stamp_problem(result: CheckedForm, code: str, **fields: Any) -> None:
    """An error about the stamp of ``result`` (sheet ``_lkjip``), once per message."""
    path = result.form.path
    problem = Problem(path, code, msg(code, path=path, sheet=STAMP_SHEET, **fields), ERROR, sheet=STAMP_SHEET)
    if problem not in result.problems:
        result.problems.append(problem)


def _check_names(checked: list[CheckedForm], master: Master | None, multi_kanwil: bool) -> None:
    """Every name a stamp carries passes the master's rule (:func:`~lkjip_xl.master.name_problem`),
    and no two names differ only in case or surrounding spaces (:func:`~lkjip_xl.master.name_key`),
    within a stamp or across the forms.

    Summaries and filters match names as text, ignoring case; two spellings of one
    name would be counted as one by a reader and as two by a program.
    """
    for result in checked:
        form = result.form
        named = [(HEADER_LABEL["kanwil"], form.kanwil), (HEADER_LABEL["divisi"], form.divisi)]
        named += [(ORDER_LABEL, name) for name in form.divisi_order]
        for label, name in named:
            detail = name_problem(name)
            if detail:
                _stamp_problem(result, "form_name_invalid", field=label, value=name, detail=detail)
        if form.period not in PERIODS:
            _stamp_problem(result, "form_name_invalid", field=HEADER_LABEL["periode"], value=form.period,
                           detail=msg("period_choice", periods=", ".join(PERIODS)))
        seen: dict[str, str] = {}
        for name in form.divisi_order:
            if name_key(name) not in seen:
                seen[name_key(name)] = name
            else:
                other = seen[name_key(name)]
                _stamp_problem(result, "form_name_clash", field=ORDER_LABEL, value=name, other_value=other,
                               other=msg("clash_same_stamp"))
        if form.divisi not in form.divisi_order:
            _stamp_problem(result, "form_divisi_not_in_order", divisi=form.divisi,
                           order="; ".join(form.divisi_order) or "-")
    groups: list[tuple[str, list[CheckedForm], Callable[[CheckedForm], str]]] = []
    if multi_kanwil:
        groups.append((HEADER_LABEL["kanwil"], checked, lambda r: r.form.kanwil))
    if master is None or multi_kanwil:  # with a master, a Divisi spelled otherwise is unknown to it
        by_kanwil: dict[str, list[CheckedForm]] = {}
        for result in checked:
            by_kanwil.setdefault(result.form.kanwil, []).append(result)
        groups += [(HEADER_LABEL["divisi"], forms, lambda r: r.form.divisi) for forms in by_kanwil.values()]
    for label, forms, name_of in groups:
        spellings: dict[str, dict[str, CheckedForm]] = {}
        for result in forms:
            spellings.setdefault(name_key(name_of(result)), {}).setdefault(name_of(result), result)
        for variants in spellings.values():
            if len(variants) < 2:
                continue
            for result in forms:
                mine = name_of(result)
                if mine in variants:
                    other, first = next((n, r) for n, r in variants.items() if n != mine)
                    _stamp_problem(result, "form_name_clash", field=label, value=mine, other_value=other,
                                   other=first.form.path)


#: Labels of the stamp's fields in messages (as the form's header block shows them).
HEADER_LABEL = {key: label for label, key in HEADER_KEYS.items()}
ORDER_LABEL = "Daftar Divisi"


def _check_agreement(checked: list[CheckedForm], master: Master | None, multi_kanwil: bool) -> None:
    """All forms share the achievement rule, the Divisi order (those of the master, or else those
    of most forms, per Kanwil) and the period (of most forms); a tie refuses every form of it.

    A single re-stamped form may otherwise set the rule for every Divisi, and a
    quarter's form be counted as the year.
    """
    by_kanwil: dict[str, list[CheckedForm]] = {}
    for result in checked:
        by_kanwil.setdefault(result.form.kanwil if multi_kanwil else "", []).append(result)
    for forms in by_kanwil.values():
        _agree(forms, "form_rule_differs", msg("field_rule"), lambda f: _rule_text(f.achievement),
               _rule_text(master.achievement) if master else None)
        known = [f for f in forms if master is None or f.form.divisi in master.divisi_order]  # else unknown Divisi
        _agree(known, "form_order_differs", ORDER_LABEL, lambda f: "; ".join(f.divisi_order),
               "; ".join(master.divisi_order) if master else None)
    _agree(checked, "form_period_differs", HEADER_LABEL["periode"], lambda f: f.period, None)


def _agree(forms: list[CheckedForm], code: str, label: str, value_of: Callable[[ReturnedForm], str],
           expected: str | None) -> None:
    """Refuse the forms whose ``value_of`` differs from ``expected`` (the master's) or, without
    one, from the value most forms have; when no value has a majority, refuse them all."""
    values = [value_of(result.form) for result in forms]
    basis = msg("basis_master")
    if expected is None:
        counts = Counter(values).most_common()
        if len(counts) > 1 and counts[0][1] == counts[1][1]:
            for result, value in zip(forms, values):
                others = "; ".join(f"'{v}' ({n} formulir)" for v, n in counts if v != value)
                _stamp_problem(result, "form_no_majority", field=label, found=value, others=others)
            return
        expected, basis = counts[0][0], msg("basis_majority")
    for result, value in zip(forms, values):
        if value != expected:
            _stamp_problem(result, code, found=value, expected=expected, basis=basis)


def _rule_text(rule: AchievementRule) -> str:
    """An achievement rule for messages, with every digit of its threshold ("capaian ≥ 100%")."""
    return f"capaian {'≥' if rule.inclusive else '>'} {format_number(rule.threshold, 12)}%"


def _most_common(values: Iterable[Any]) -> Any:
    """The most frequent value (the first seen among equals)."""
    return Counter(values).most_common(1)[0][0]


#: Fields of an IKK a form must share with the master given to ``validate``, with their titles.
MASTER_FIELDS = (
    ("target", "Target"), ("unit", "Satuan"), ("method", "Cara Hitung"), ("sub_labels", "Sub-rasio"),
    ("direction", "Arah"), ("nihil", "NIHIL"), ("may_be_negative", "Boleh Negatif"),
    ("scale_divisor", "Pembagi Skala"), ("text", "Indikator Kinerja Kegiatan"),
)


def _compare_with_master(form: ReturnedForm, master: Master) -> list[Problem]:
    """The form's locked IKK definitions match the master's for its Divisi (errors otherwise)."""
    def problem(problem_code: str, **fields: Any) -> Problem:
        return Problem(form.path, problem_code, msg(problem_code, path=form.path, **fields), ERROR,
                       sheet=STAMP_SHEET, ikk=fields["code"])

    in_form = {i.code: i for i in form.indicators}
    in_master = {i.code: i for i in master.for_divisi(form.divisi)}
    problems = [problem("form_master_missing_ikk", code=code) for code in in_master if code not in in_form]
    problems += [problem("form_ikk_not_in_master", code=code, divisi=form.divisi)
                 for code in in_form if code not in in_master]
    for code, expected in in_master.items():
        if code not in in_form:
            continue
        for name, title in MASTER_FIELDS:
            shown_form, shown_master = _plain(getattr(in_form[code], name)), _plain(getattr(expected, name))
            if shown_form != shown_master:
                problems.append(problem("form_master_differs", code=code, field=title, found=shown_form,
                                        expected=shown_master))
    return problems


def _plain(value: Any) -> str:
    """An IKK field as the master's sheet shows it."""
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, bool):
        return "Ya" if value else "Tidak"
    if isinstance(value, float):
        return format_number(value, 6)
    if isinstance(value, tuple):
        return "; ".join(value)
    return str(value)
