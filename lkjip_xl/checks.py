"""Check one returned form on its own: its cells become inputs, its findings problems.

:func:`check_form` compares the stamp, the header block and the locked cells
with what the toolkit wrote, parses every input cell the IKK's method reads
(numbers typed as text, date-formatted cells, percentages, pairs, NIHIL) and
says what the user cannot see (hidden rows, columns or sheet).  Nothing here
raises for bad content: every finding is a :class:`~lkjip_xl.report.Problem`
naming file, sheet and cell.  Checks across forms are :mod:`lkjip_xl.crosscheck`.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from datetime import date, time, timedelta
from typing import Any

from . import TEMPLATE_VERSION, calc, methods, rollup
from ._values import blank, is_yes_answer
from .layout import (
    COL_CODE, COL_DEN, COL_NIHIL, COL_NOTE, COL_NUM, COL_REAL, COL_SK_TEXT, COL_TARGET, COL_TEXT, COL_UNIT,
    COLUMN_TITLE, FORM_SHEET, REVISION_MAX, STAMP_SHEET, content_hash, subrow_code,
)
from .messages import LABELS, msg
from .methods import Inputs, spec
from .model import CellRef, Indicator, IndicatorInput
from .numbers import (
    INPUT_LIMIT, INPUT_MIN_MAGNITUDE, NumberParseError, format_magnitude, format_number, format_with_unit,
    in_input_range, parse_number,
)
from .periods import PeriodRule, find_period
from .reader import HEADER_KEYS, RawCell, ReturnedForm
from .problems import ERROR, WARNING, Problem
from .xlsx import a1_position, date_text, excel_serial


@dataclass
class CheckedForm:
    """A form that could be read, its inputs and its own problems."""

    form: ReturnedForm
    inputs: dict[str, IndicatorInput] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)

    @property
    def has_errors(self) -> bool:
        return any(p.is_error for p in self.problems)


def form_target(indicator: Indicator, period: str) -> float:
    """The target a form of ``period`` shows in its Target column and scores capaian against.

    The annual target on a yearly form; on a period form the target of that
    period alone (:func:`lkjip_xl.rollup.period_target`).  Period targets of
    another calendar than the period's (only a forged stamp has them) give the
    annual target.
    """
    found = find_period(period)
    if found is None or (indicator.period_targets and len(indicator.period_targets) < found.index):
        return indicator.target
    return rollup.period_target(indicator, found.index)


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
        target = form_target(indicator, form.period)
        _check_locked(indicator, target, cells, add)
        result.inputs[indicator.code] = _extract(indicator, target, form, cells, add)
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
            if raw is None or blank(raw.value):
                continue
            row, col = a1_position(raw.cell)
            hidden_code = ("hidden_sheet" if form.sheet_hidden else "hidden_row" if scan.row_hidden(row)
                           else "hidden_column" if scan.column_hidden(col) else None)
            if hidden_code is None:
                continue
            hidden = LABELS[hidden_code]
            if key == COL_NOTE:
                add("note_hidden", WARNING, cell=raw.cell, ikk=indicator_code, code=code, where=hidden)
            else:
                add("value_hidden", cell=raw.cell, ikk=indicator_code, code=code, field=COLUMN_TITLE[key],
                    where=hidden)


def _check_header(form: ReturnedForm, add) -> None:
    """The header block (Kanwil, Tahun, Divisi, Periode) still shows what the stamp says; "Revisi ke"
    is blank or a whole number from 0 to :data:`~lkjip_xl.layout.REVISION_MAX`, typed, not a formula."""
    for label, key in HEADER_KEYS.items():
        cell = form.header.get(key)
        expected = form.stamp.get(key, "")
        if cell is not None and _shown(cell.value) != expected:
            add("header_changed", cell=cell.cell, field=label, old=expected, new=_shown(cell.value))
    revision = form.header.get("revisi")
    if revision is not None and (form.revision is None or revision.cell in form.formulas):
        formula = form.formulas.get(revision.cell)
        add("revision_invalid", cell=revision.cell, most=REVISION_MAX,
            value=_shown(revision.value) if formula is None else "=" + (formula or "…"))


def _shown(value: Any) -> str:
    """A cell value as text the way the stamp writes it (2023.0 → "2023")."""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return "" if value is None else str(value).strip()


def _check_locked(indicator: Indicator, target: float, cells: dict[str, RawCell], add) -> None:
    expected: dict[str, float | str] = {
        COL_TARGET: target,
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


def _extract(indicator: Indicator, target: float, form: ReturnedForm, cells: dict[str, RawCell],
             add) -> IndicatorInput:
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
    if note is not None and typed(note, COL_NOTE, indicator.code) and not blank(note.value):
        reported.keterangan = str(note.value)
        source("keterangan", note)

    def number(cell: RawCell, key: str, code: str, required: bool) -> float | None:
        field_name = COLUMN_TITLE[key]
        value = cell.value
        fields = dict(cell=cell.cell, ikk=indicator.code, code=code, field=field_name)
        if not typed(cell, key, code):
            return None
        if blank(value):
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
    if nihil_cell is not None and typed(nihil_cell, COL_NIHIL, indicator.code) and not blank(nihil_cell.value):
        said_yes = is_yes_answer(nihil_cell.value)  # the form's own formula tests this word only
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
    #: on a period form of an IKK whose pairs are summed over the periods, 0 / 0 is a period without
    #: events: it adds nothing to the year (docs/periode.md)
    quiet_period = find_period(form.period) is not None and indicator.period_rule is PeriodRule.JUMLAH
    if inputs is Inputs.VALUE:
        cell = cells[COL_REAL]
        reported.value = number(cell, COL_REAL, indicator.code, required)
        source("realisasi", cell)
        _check_percent(indicator, target, reported.value, cell, add)
    elif inputs is Inputs.SUB_PAIRS:
        for n in range(1, methods.input_pairs(indicator) + 1):
            sub_code = subrow_code(indicator.code, n)
            sub_cells = form.rows.get(sub_code)
            if sub_cells is None:
                add("ikk_missing", ikk=indicator.code, code=sub_code)
                reported.pairs.append((None, None))
                continue
            pair = (number(sub_cells[COL_NUM], COL_NUM, sub_code, required),
                    number(sub_cells[COL_DEN], COL_DEN, sub_code, required))
            _check_pair(indicator, sub_code, pair, sub_cells, add, reported.nihil, quiet_period)
            reported.pairs.append(pair)
            source(f"pembilang{n}", sub_cells[COL_NUM])
            source(f"penyebut{n}", sub_cells[COL_DEN])
    else:
        pair = (number(cells[COL_NUM], COL_NUM, indicator.code, required),
                number(cells[COL_DEN], COL_DEN, indicator.code, required))
        _check_pair(indicator, indicator.code, pair, cells, add, reported.nihil, quiet_period)
        reported.pairs.append(pair)
        source("pembilang1", cells[COL_NUM])
        source("penyebut1", cells[COL_DEN])
    _check_overwritten(indicator, form, cells, add)
    _check_negative_result(indicator, target, reported, cells[COL_REAL], form, add)
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
    if form.formulas and real.cell not in form.formulas and not blank(real.value):
        add("realisasi_overwritten", WARNING, cell=real.cell, ikk=indicator.code, code=indicator.code,
            value=real.value)
    for key in method.grey_columns:
        cell = cells[key]
        if not blank(cell.value):
            add("value_ignored", WARNING, cell=cell.cell, ikk=indicator.code, code=indicator.code,
                field=COLUMN_TITLE[key], value=cell.value)


def _check_percent(indicator: Indicator, target: float, value: float | None, cell: RawCell, add) -> None:
    """A typed percentage that looks like a fraction (0,9 for 90, the form's target above 1) or exceeds 100
    (warnings)."""
    if value is None or not indicator.is_percent:
        return
    fields = dict(cell=cell.cell, ikk=indicator.code, code=indicator.code)
    if 0 < value <= 1 < target:
        add("percent_as_fraction", WARNING, value=format_number(value, 6), target=format_number(target),
            percent=format_number(value * 100, 4), **fields)
    elif value > 100:
        add("percent_above_100", WARNING, value=format_number(value, 4), **fields)


def _check_pair(indicator: Indicator, code: str, pair, cells: dict[str, RawCell], add, nihil: bool,
                quiet_period: bool = False) -> None:
    """Penyebut 0 where it divides (error unless 0/0 under NIHIL, or 0/0 in a ``quiet_period``: a
    period without events of an IKK summed over periods); a share whose pembilang exceeds its penyebut
    (warning)."""
    numerator, denominator = pair
    if nihil or denominator is None:
        return
    method = spec(indicator.method)
    if denominator == 0 and method.divides:
        # 0/0 under NIHIL is 100; in a quiet period it adds nothing to the sums
        if not ((indicator.nihil and method.nihil) or quiet_period) or numerator != 0:
            add("denominator_zero", cell=cells[COL_DEN].cell, ikk=indicator.code, code=code)
        return
    rate = calc.ratio_percent(numerator, denominator)
    if method.is_share(indicator) and numerator is not None and rate is not None and numerator > denominator > 0:
        add("numerator_exceeds_denominator", WARNING, cell=cells[COL_NUM].cell, ikk=indicator.code, code=code,
            numerator=format_number(numerator, 6), denominator=format_number(denominator, 6),
            rate=format_number(rate, 2))


def _check_negative_result(indicator: Indicator, target: float, reported: IndicatorInput, cell: RawCell,
                           form: ReturnedForm, add) -> None:
    """Say what capaian a negative realisasi (a fall, for a change indicator) gives against the form's
    target (warning)."""
    realisasi = methods.realisasi(indicator, reported)
    if realisasi is None or realisasi >= 0:
        return
    capaian = calc.capaian(realisasi, target, indicator.direction)
    if capaian is None:
        return
    status = calc.status_text(calc.tercapai(capaian, form.achievement)).lower()
    add("realisasi_negative", WARNING, cell=cell.cell, ikk=indicator.code, code=indicator.code,
        realisasi=format_with_unit(realisasi, indicator.unit), capaian=format_number(capaian, 2), status=status)

