"""Check returned forms and turn their cells into inputs, collecting problems.

Checks never raise for bad content: every finding is a
:class:`~lkjip_xl.report.Problem` naming file, sheet and cell with an
Indonesian message.  :func:`validate_paths` is what ``lkjip-xl validate``
runs; ``lkjip-xl consolidate`` runs the same checks first.
"""

from __future__ import annotations

import fnmatch
import math
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Iterable

from . import calc
from .layout import (
    COL_DEN, COL_NIHIL, COL_NOTE, COL_NUM, COL_REAL, COL_SK_TEXT, COL_TARGET, COL_TEXT, COL_UNIT,
    COLUMN_TITLE, FORM_SHEET, STAMP_SHEET, content_hash, subrow_code,
)
from .master import read_master
from .messages import msg
from .model import Indicator, IndicatorInput, Master, Method, CellRef
from .numbers import NumberParseError, format_number, parse_number
from .reader import FormReadError, RawCell, ReturnedForm, read_form
from .report import ERROR, WARNING, Problem, Report

LOCK_FILE_PATTERN = "~$*"


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

    @property
    def accepted(self) -> list[CheckedForm]:
        return [f for f in self.forms if not f.has_errors]

    @property
    def refused(self) -> list[CheckedForm]:
        return [f for f in self.forms if f.has_errors]


def expand_paths(paths: Iterable[str | Path]) -> tuple[list[str], list[Problem]]:
    """Files named directly plus the .xlsx files of named folders (sorted), lock files skipped."""
    files: list[str] = []
    problems: list[Problem] = []
    for item in paths:
        path = Path(item)
        candidates = sorted(p for p in path.iterdir() if p.suffix.lower() == ".xlsx") if path.is_dir() else [path]
        for candidate in candidates:
            if fnmatch.fnmatch(candidate.name, LOCK_FILE_PATTERN):
                problems.append(Problem(str(candidate), "lock_file_skipped",
                                        msg("lock_file_skipped", path=str(candidate)), WARNING))
                continue
            if str(candidate) not in files:
                files.append(str(candidate))
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
    try:
        form = read_form(path)
    except FormReadError as exc:
        return Problem(exc.path, exc.code, exc.message, ERROR, sheet=exc.sheet)
    return check_form(form)


def validate_files(paths: Iterable[str | Path], master: str | Path | Master | None = None,
                   progress: Callable[[str], None] | None = None,
                   mapper: Callable[[Callable, list[str]], Iterable] = map) -> Validation:
    """Read and check every form; cross-check them against each other and the master.

    ``mapper`` applies :func:`check_path` to the file list in order; the default
    is the builtin ``map``, a process pool's ``map`` reads on several cores.
    """
    if master is not None and not isinstance(master, Master):
        master = read_master(master)
    paths = list(paths)
    files, problems = expand_paths(paths)
    report = Report(problems)
    checked: list[CheckedForm] = []
    if not files:
        where = ", ".join(str(p) for p in paths)
        report.add(Problem(where, "no_forms", msg("no_forms", path=where)))
    for path, outcome in zip(files, mapper(check_path, files)):
        if progress:
            progress(path)
        if isinstance(outcome, Problem):
            report.add(outcome)
        else:
            checked.append(outcome)
    global_problems = _cross_check(checked, master)
    for result in checked:
        report.extend(result.problems)
    report.extend(global_problems)
    return Validation(report, checked)


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

    if content_hash(form.locked) != form.stamp.get("content_hash"):
        add("stamp_tampered", sheet=STAMP_SHEET)
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
    for indicator in form.indicators:
        cells = form.rows.get(indicator.code)
        if cells is None:
            add("ikk_missing", ikk=indicator.code, code=indicator.code)
            continue
        _check_locked(indicator, cells, add)
        result.inputs[indicator.code] = _extract(indicator, form, cells, add)
    return result


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
            shown_old, shown_new = format_number(old, 4), (format_number(new, 4) if isinstance(new, (int, float)) else new)
        else:
            same = isinstance(new, str) and new.strip() == old.strip()
            shown_old, shown_new = old, new
        if not same:
            add("locked_changed", cell=cell.cell, ikk=indicator.code, code=indicator.code,
                field=COLUMN_TITLE[key], old=shown_old, new="" if shown_new is None else shown_new)


def _kind(indicator: Indicator, key: str) -> str:
    """What kind of number a cell holds, for :func:`parse_number`."""
    if key == COL_REAL:
        if indicator.unit == "%":
            return "percent"
        if indicator.unit.casefold() == "indeks":
            return "index"
        return "decimal"
    if indicator.method in (Method.RASIO, Method.RERATA_SUBRASIO):
        return "count"
    if indicator.method is Method.SURVEI and key == COL_DEN:
        return "count"
    return "decimal"


def _blank(value: Any) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def _extract(indicator: Indicator, form: ReturnedForm, cells: dict[str, RawCell], add) -> IndicatorInput:
    reported = IndicatorInput(code=indicator.code)
    note = cells.get(COL_NOTE)
    def source(name: str, cell: RawCell) -> None:
        reported.sources[name] = CellRef(form.path, FORM_SHEET, cell.cell)

    if note is not None and not _blank(note.value):
        reported.keterangan = str(note.value)
        source("keterangan", note)

    def number(cell: RawCell, key: str, code: str, required: bool) -> float | None:
        field_name = COLUMN_TITLE[key]
        value = cell.value
        if _blank(value):
            if required:
                add("value_missing", cell=cell.cell, ikk=indicator.code, code=code, field=field_name)
            return None
        if isinstance(value, bool) or not isinstance(value, (int, float, str)):
            add("value_not_number", cell=cell.cell, ikk=indicator.code, code=code, field=field_name, value=value)
            return None
        try:
            parsed = parse_number(value, _kind(indicator, key))
        except NumberParseError as exc:
            code_ = "value_ambiguous" if exc.code == "ambiguous_number" else "value_not_number"
            add(code_, cell=cell.cell, ikk=indicator.code, code=code, field=field_name, value=value)
            return None
        if isinstance(value, str):
            add("value_text_parsed", WARNING, cell=cell.cell, ikk=indicator.code, code=code, field=field_name,
                value=value, number=format_number(parsed.value, 6), reading=parsed.reading)
        return parsed.value

    nihil_cell = cells.get(COL_NIHIL)
    if indicator.nihil and nihil_cell is not None and not _blank(nihil_cell.value):
        text = str(nihil_cell.value).strip().casefold()
        if text == calc.NIHIL_YES.casefold():
            reported.nihil = True
            source("nihil", nihil_cell)
        else:
            add("nihil_invalid", cell=nihil_cell.cell, ikk=indicator.code, code=indicator.code,
                value=nihil_cell.value)
    required = not reported.nihil
    if indicator.method is Method.LANGSUNG:
        cell = cells[COL_REAL]
        reported.value = number(cell, COL_REAL, indicator.code, required)
        source("realisasi", cell)
    elif indicator.method is Method.RERATA_SUBRASIO:
        for n in range(1, len(indicator.sub_labels) + 1):
            sub_code = subrow_code(indicator.code, n)
            sub_cells = form.rows.get(sub_code)
            if sub_cells is None:
                add("ikk_missing", ikk=indicator.code, code=sub_code)
                reported.pairs.append((None, None))
                continue
            pair = (number(sub_cells[COL_NUM], COL_NUM, sub_code, required),
                    number(sub_cells[COL_DEN], COL_DEN, sub_code, required))
            _check_denominator(indicator, sub_code, pair, sub_cells[COL_DEN], add, reported.nihil)
            reported.pairs.append(pair)
            source(f"pembilang{n}", sub_cells[COL_NUM])
            source(f"penyebut{n}", sub_cells[COL_DEN])
    else:
        pair = (number(cells[COL_NUM], COL_NUM, indicator.code, required),
                number(cells[COL_DEN], COL_DEN, indicator.code, required))
        _check_denominator(indicator, indicator.code, pair, cells[COL_DEN], add, reported.nihil)
        reported.pairs.append(pair)
        source("pembilang1", cells[COL_NUM])
        source("penyebut1", cells[COL_DEN])
    return reported


def _check_denominator(indicator: Indicator, code: str, pair, den_cell: RawCell, add, nihil: bool) -> None:
    numerator, denominator = pair
    if nihil or denominator != 0:
        return
    if indicator.nihil and indicator.method is Method.RASIO and numerator == 0:
        return  # 0 / 0 under the NIHIL rule is 100
    add("denominator_zero", cell=den_cell.cell, ikk=indicator.code, code=code)


# --------------------------------------------------------------------------- across forms


def _cross_check(checked: list[CheckedForm], master: Master | None) -> list[Problem]:
    """Same Kanwil and year everywhere, each Divisi once, every Divisi present.

    Problems of one form go into that form's list; problems of the set as a
    whole (a missing Divisi) are returned.
    """
    if not checked:
        return []
    expected_kanwil = master.kanwil if master else checked[0].form.kanwil
    expected_year = master.year if master else checked[0].form.year
    first_of: dict[str, CheckedForm] = {}
    for result in checked:
        form = result.form

        def add(code: str, target: CheckedForm = result, **fields: Any) -> None:
            target.problems.append(Problem(target.form.path, code, msg(code, path=target.form.path, **fields),
                                           ERROR, sheet=STAMP_SHEET))

        if form.kanwil != expected_kanwil:
            add("form_other_kanwil", found=form.kanwil, expected=expected_kanwil)
        if form.year != expected_year:
            add("form_other_year", found=form.year, expected=expected_year)
        if master is not None and form.divisi not in master.divisi_order:
            add("form_unknown_divisi", divisi=form.divisi)
        first = first_of.setdefault(form.divisi, result)
        if first is not result:
            # both copies are refused: which one is right is the sender's call
            add("form_duplicate_divisi", divisi=form.divisi, other=first.form.path)
            if not any(p.code == "form_duplicate_divisi" for p in first.problems):
                add("form_duplicate_divisi", target=first, divisi=form.divisi, other=form.path)
    expected_divisi = master.divisi_order if master else checked[0].form.divisi_order
    return [Problem("", "form_missing_divisi", msg("form_missing_divisi", divisi=d), WARNING)
            for d in expected_divisi if d not in first_of]
