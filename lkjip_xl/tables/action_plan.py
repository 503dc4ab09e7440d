"""The action plan of the Target Kinerja: sheet "Rencana Aksi" (and "Capaian Tahun Lalu") (:func:`read_action_plan`).

Besides the IKK of the PK, the Kanwil carries a set of *Target Kinerja* set by
the Minister, each scored per period of an action plan (B03, B06, B09, B12 for
the triwulan calendar).  The input workbook (docs/tables.md) holds:

- sheet "Rencana Aksi": Divisi, No, Target Kinerja and one capaian column per
  period of the master's calendar, titled by the period's month code
  (:attr:`lkjip_xl.periods.Period.month_code`); a blank capaian is a period not
  yet scored;
- sheet "Capaian Tahun Lalu" (optional): Unit (the head of the office or a
  Divisi), Tahun, Capaian — last year's figures of the comparison table.

The year's capaian of a Divisi is the mean of its Target Kinerja's scores in
the last period of the calendar; the head of the office's is the mean over all
Target Kinerja (:func:`divisi_capaian`, :func:`kanwil_capaian`, each with its
formula twin).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from .._values import blank, parse_year
from ..messages import LABELS, msg, translated
from ..model import Master
from ..numbers import NumberParseError, format_number, parse_number
from ..periods import CALENDARS, calendar
from ..problems import ERROR, WARNING, Problem
from ..xlsx import a1
from .inputs import InputError, InputSheet, clean_text, norm, open_input

SHEET_ACTION_PLAN = LABELS["sheet_action_plan"]
SHEET_PREVIOUS_SCORES = LABELS["sheet_previous"]

COL_DIVISI = LABELS["col_divisi"]
COL_NO = LABELS["col_no"]
COL_TARGET_KINERJA = LABELS["col_target_kinerja"]
COL_UNIT = LABELS["col_unit"]
COL_YEAR = LABELS["col_tahun"]
COL_CAPAIAN = LABELS["col_capaian_plain"]

#: The unit of the head of the office in "Capaian Tahun Lalu" and in the comparison table.
KANWIL = LABELS["action_plan_head_kanwil"]


@dataclass(frozen=True)
class ActionRow:
    """One Target Kinerja of a Divisi with its score per period (``None``: not yet scored)."""

    divisi: str
    no: int
    text: str
    scores: tuple[float | None, ...]
    cell: str = ""  #: the cell of its Target Kinerja text

    @property
    def last(self) -> float | None:
        """The score of the last period of the calendar."""
        return self.scores[-1] if self.scores else None


@dataclass(frozen=True)
class ActionPlan:
    """The action plan: Target Kinerja in sheet order, last year's capaian per unit."""

    source: str
    year: int  #: the master's year
    periods: tuple[str, ...]  #: month codes of the master's calendar ("B03", ...)
    rows: tuple[ActionRow, ...]
    previous: dict[str, float] = field(default_factory=dict)  #: unit (KANWIL or a Divisi) → capaian last year
    warnings: tuple[Problem, ...] = ()

    @property
    def previous_year(self) -> int:
        return self.year - 1

    @property
    def divisi_order(self) -> tuple[str, ...]:
        """The Divisi in the order they first appear in the sheet (the report's order, not the PK's)."""
        return tuple(dict.fromkeys(row.divisi for row in self.rows))

    def for_divisi(self, divisi: str) -> tuple[ActionRow, ...]:
        return tuple(row for row in self.rows if row.divisi == divisi)


# --------------------------------------------------------------------------- the year's capaian


def mean_score(values: Sequence[float]) -> float | None:
    """The simple mean of ``values`` (``None`` when there is none): AVERAGE()."""
    return sum(values) / len(values) if values else None


def mean_score_formula(ranges: Sequence[str]) -> str:
    """Formula of :func:`mean_score` over the cells of ``ranges`` (blank and text cells are not counted)."""
    return f"AVERAGE({','.join(ranges)})"


def divisi_capaian(plan: ActionPlan, divisi: str) -> float | None:
    """A Divisi's capaian of the year: the mean of its scores in the last period (unscored rows left out)."""
    return mean_score([row.last for row in plan.for_divisi(divisi) if row.last is not None])


def divisi_capaian_formula(last_period_range: str) -> str:
    """Formula of :func:`divisi_capaian` over the last-period column of the Divisi's table."""
    return mean_score_formula([last_period_range])


def kanwil_capaian(plan: ActionPlan) -> float | None:
    """The head of the office's capaian of the year: the mean of every row's last-period score, all Divisi
    pooled (in table order), not the mean of the Divisi means."""
    pooled = [row.last for divisi in plan.divisi_order for row in plan.for_divisi(divisi) if row.last is not None]
    return mean_score(pooled)


def kanwil_capaian_formula(last_period_ranges: Sequence[str]) -> str:
    """Formula of :func:`kanwil_capaian` over the last-period columns of every Divisi table, in table order."""
    return mean_score_formula(last_period_ranges)


# --------------------------------------------------------------------------- reading


class _Reader:
    """Reads both sheets of one action-plan workbook, collecting problems instead of stopping."""

    def __init__(self, path: str, grids: dict[str, list[list[object]]], master: Master):
        self.path, self.grids, self.master = path, grids, master
        self.problems: list[Problem] = []
        self.divisi = {norm(name): name for name in master.divisi_order}
        self.periods = tuple(p.month_code for p in calendar(master.calendar).periods)

    def sheet(self, name: str) -> InputSheet:
        return InputSheet(self.path, self.grids, name, self.problems)

    def score(self, sheet: InputSheet, raw: object, cell: str, what: str, required: bool = False) -> float | None:
        """A capaian in percent, 0–100; ``None`` when blank (a problem when ``required``) or not usable."""
        if blank(raw):
            if required:
                sheet.report("action_plan_value_missing", cell, field=what)
            return None
        try:
            value = parse_number(raw if isinstance(raw, (int, float, str)) else str(raw), "percent").value
        except NumberParseError as exc:
            code = "action_plan_value_ambiguous" if exc.code == "ambiguous_number" else "action_plan_value_invalid"
            sheet.report(code, cell, field=what, value=raw)
            return None
        if not 0 <= value <= 100:
            sheet.report("action_plan_value_out_of_range", cell, field=what, value=format_number(value))
            return None
        return value

    def period_columns(self, sheet: InputSheet) -> None:
        """Refuse a column titled like a month code that is no period of the master's calendar."""
        if sheet.header_row is None:
            return
        known = {p.month_code.casefold() for cal in CALENDARS.values() for p in cal.periods}
        other = known - {code.casefold() for code in self.periods}
        for col, value in enumerate(sheet.grid[sheet.header_row]):
            if clean_text(value).casefold() in other:
                sheet.report("action_plan_period_other_calendar", a1(sheet.header_row, col), value=clean_text(value),
                             calendar=self.master.calendar, codes=", ".join(self.periods))

    def rows(self) -> tuple[ActionRow, ...]:
        sheet = self.sheet(SHEET_ACTION_PLAN)
        found = sheet.find_header((COL_DIVISI, COL_NO, COL_TARGET_KINERJA, *self.periods))
        self.period_columns(sheet)
        if not found:
            return ()
        rows: list[ActionRow] = []
        numbers: dict[tuple[str, int], str] = {}
        for r, line in sheet.rows():
            divisi = self.divisi_of(sheet, line, r)
            raw_no, no_cell = sheet.cell(line, r, COL_NO)
            no = self.number_of(sheet, raw_no, no_cell)
            raw_text, text_cell = sheet.cell(line, r, COL_TARGET_KINERJA)
            text = clean_text(raw_text)
            if not text:
                sheet.report("action_plan_text_missing", text_cell)
            scores = []
            for code in self.periods:
                raw, cell = sheet.cell(line, r, code)
                what = msg("action_plan_score_field", period=code, no=clean_text(raw_no),
                           divisi=divisi or clean_text(sheet.cell(line, r, COL_DIVISI)[0]))
                scores.append(self.score(sheet, raw, cell, what))
            if divisi is None or no is None or not text:
                continue
            if (divisi, no) in numbers:
                sheet.report("action_plan_no_duplicate", no_cell, value=no, divisi=divisi, other=numbers[divisi, no])
                continue
            numbers[divisi, no] = no_cell
            rows.append(ActionRow(divisi, no, text, tuple(scores), text_cell))
        if not rows and not any(p.is_error for p in self.problems):
            sheet.report("action_plan_no_rows")
        return tuple(rows)

    def divisi_of(self, sheet: InputSheet, line: list[object], r: int) -> str | None:
        raw, cell = sheet.cell(line, r, COL_DIVISI)
        if blank(raw):
            sheet.report("action_plan_divisi_missing", cell)
            return None
        found = self.divisi.get(norm(raw))
        if found is None:
            sheet.report("action_plan_divisi_unknown", cell, value=clean_text(raw),
                         divisi=", ".join(self.master.divisi_order))
        return found

    def number_of(self, sheet: InputSheet, raw: object, cell: str) -> int | None:
        """The No of a row: a whole number from 1."""
        try:
            value = parse_number(raw if isinstance(raw, (int, float, str)) else str(raw), "count").value
        except NumberParseError:
            value = 0.5  # refused below
        if not value.is_integer() or value < 1:
            sheet.report("action_plan_no_invalid", cell, value=clean_text(raw))
            return None
        return int(value)

    def previous(self, plan_divisi: Sequence[str]) -> dict[str, float]:
        """Last year's capaian per unit from the optional sheet "Capaian Tahun Lalu"."""
        if SHEET_PREVIOUS_SCORES not in self.grids:
            return {}
        sheet = self.sheet(SHEET_PREVIOUS_SCORES)
        if not sheet.find_header((COL_UNIT, COL_YEAR, COL_CAPAIAN)):
            return {}
        units = {norm(KANWIL): KANWIL, norm(translated(KANWIL)): KANWIL, **self.divisi,
                 **{norm(msg("action_plan_head_divisi", name=name)): name for name in self.master.divisi_order}}
        year = self.master.year
        found: dict[str, float] = {}
        cells: dict[str, str] = {}
        for r, line in sheet.rows():
            raw_unit, unit_cell = sheet.cell(line, r, COL_UNIT)
            unit = units.get(norm(raw_unit))
            raw_year, year_cell = sheet.cell(line, r, COL_YEAR)
            tahun = parse_year(raw_year)
            raw, cell = sheet.cell(line, r, COL_CAPAIAN)
            if unit is None:
                sheet.report("action_plan_unit_unknown", unit_cell, value=clean_text(raw_unit), head=translated(KANWIL),
                             divisi=", ".join(self.master.divisi_order))
            if tahun is None:
                sheet.report("input_year_invalid", year_cell, value=clean_text(raw_year))
            elif tahun >= year:
                sheet.report("action_plan_previous_not_earlier", year_cell, found=tahun, year=year)
            what = msg("action_plan_previous_field", unit=clean_text(raw_unit), year=clean_text(raw_year))
            value = self.score(sheet, raw, cell, what, required=True)
            if unit is None or tahun is None or tahun >= year or value is None:
                continue
            if tahun < year - 1:
                sheet.report("action_plan_previous_older", year_cell, WARNING, unit=unit, found=tahun,
                              previous=year - 1, year=year)
            elif unit in found:
                sheet.report("action_plan_previous_duplicate", unit_cell, unit=unit, year=tahun, other=cells[unit])
            elif unit != KANWIL and unit not in plan_divisi:
                sheet.report("action_plan_previous_unused", unit_cell, WARNING, unit=unit,
                             plan_sheet=SHEET_ACTION_PLAN)
            else:
                found[unit], cells[unit] = value, unit_cell
        return found

    def warn_gaps(self, rows: Sequence[ActionRow]) -> None:
        """Warnings: a master Divisi without Target Kinerja, Target Kinerja not scored in the last period."""
        present = dict.fromkeys(row.divisi for row in rows)
        for divisi in self.master.divisi_order:
            if divisi not in present:
                self.problems.append(_warning(self.path, "action_plan_divisi_absent", divisi=divisi,
                                              sheet=SHEET_ACTION_PLAN))
        for divisi in present:
            unscored = [row for row in rows if row.divisi == divisi and row.last is None]
            if unscored:
                self.problems.append(_warning(self.path, "action_plan_last_period_incomplete", count=len(unscored),
                                              divisi=divisi, period=self.periods[-1], year=self.master.year,
                                              sheet=SHEET_ACTION_PLAN))


def _warning(path: str, code: str, sheet: str, **fields) -> Problem:
    return Problem(path, code, msg(code, path=path, sheet=sheet, **fields), WARNING, sheet)


def read_action_plan(path: str | Path, master: Master) -> ActionPlan:
    """The action plan of ``path`` checked against ``master`` (its Divisi, calendar and year).

    Raises :class:`~lkjip_xl.tables.inputs.InputError` with every problem of
    both sheets; warnings are in :attr:`ActionPlan.warnings`.
    """
    name, grids = open_input(path, (SHEET_ACTION_PLAN, SHEET_PREVIOUS_SCORES))
    reader = _Reader(name, grids, master)
    if SHEET_ACTION_PLAN not in grids:
        raise InputError([Problem(name, "input_sheet_missing",
                                  msg("input_sheet_missing", path=name, sheets=f"'{SHEET_ACTION_PLAN}'"), ERROR)])
    rows = reader.rows()
    previous = reader.previous(tuple(dict.fromkeys(row.divisi for row in rows)))
    if any(p.is_error for p in reader.problems):
        raise InputError(reader.problems)
    reader.warn_gaps(rows)
    return ActionPlan(name, master.year, reader.periods, rows, previous, tuple(reader.problems))
