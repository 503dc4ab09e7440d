"""Chapter III of the LKjIP: report-ready tables, numbered and titled by the toolkit.

From this year's figures (a consolidated workbook or the forms), earlier
years' figures and the Renstra targets (:mod:`lkjip_xl.history`), the budget
data (:mod:`lkjip_xl.budget`) and a list of supporting tables, one workbook is
written:

- "Daftar Tabel": the DAFTAR TABEL, every numbered table with a link to it;
- "Tabel 3.1": Capaian Kinerja Sasaran Kegiatan, the data every other table refers to;
- one sheet per IKK, in report order, with its three tables:
  Perbandingan Target dan Realisasi (Type 1), Perbandingan Realisasi dan
  Capaian Kinerja (Type 2: earlier years, this year and the change) and
  Target Jangka Menengah (Type 3: Renstra targets, realisasi, capaian against
  the basis the master declares);
- the budget tables of :func:`lkjip_xl.budget.write_budget_tables`.

Numbering (:func:`plan_tables`) runs without gaps from ``start``: Tabel 3.1,
then per IKK the supporting tables listed before it and its three tables, then
the budget tables, then the supporting tables listed for the end.  An IKK that
is new this year has nothing to compare with: its Type 2 table is a single row
saying so and, like the printed report, takes no number.  SK and IKK are Roman
numerals in titles; no title is typed by hand.

Every computed number is a formula with its value, computed by the functions
of :mod:`lkjip_xl.calc`; the IKK tables take target and realisasi from the
cells of Tabel 3.1, so the tables cannot disagree with each other.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Sequence

import click

from . import calc
from .budget import SHEET_CAPAIAN, BudgetData, BudgetInputError, load_budget, write_budget_tables
from .consolidate import compute
from .fileio import KIND_TABLES, OutputError, atomic_output, guard_outputs, input_problem
from .history import (
    AKHIR, InputError, Previous, Renstra, SupportingTable, YearFigures, read_consolidated, read_previous,
    read_renstra, read_supporting,
)
from .master import MasterError, read_master
from .messages import msg
from .model import Indicator, Master
from .numbers import excel_number_format, format_number
from .report import ERROR, WARNING, Problem
from .roman import table_number, to_roman
from .validate import validate_files
from .xlsx import a1, add_sheet, decimals_for, new_workbook, print_a4, quote_sheet, row_height, sheet_name

CHAPTER = 3
DASH = "-"
NOT_COMPARABLE = "tidak dapat dibandingkan"
SHEET_TOC = "Daftar Tabel"

# Kinds of table, in the order an IKK has them.
RINGKASAN = "ringkasan"
PENDUKUNG = "pendukung"
TARGET = "target"
PERBANDINGAN = "perbandingan"
RENSTRA = "renstra"
ANGGARAN = "anggaran"

#: Numbered tables :func:`lkjip_xl.budget.write_budget_tables` writes.
BUDGET_TABLES = 3

_IKK_TITLES = {
    TARGET: "Perbandingan Target dan Realisasi",
    PERBANDINGAN: "Perbandingan Realisasi dan Capaian Kinerja",
    RENSTRA: "Target Jangka Menengah",
}


# --------------------------------------------------------------------------- numbering and titles


@dataclass(frozen=True)
class PlannedTable:
    """One table of the chapter: its kind, number (``None``: unnumbered), title and IKK code."""

    kind: str
    number: int | None
    title: str
    code: str = ""

    def label(self, chapter: int = CHAPTER) -> str:
        """"Tabel 3.8", or "" for an unnumbered table."""
        return table_number(chapter, self.number) if self.number else ""

    def caption(self, chapter: int = CHAPTER) -> str:
        """"Tabel 3.8 Perbandingan Target dan Realisasi SK III dan IKK I"."""
        label = self.label(chapter)
        return f"{label} {self.title}" if label else self.title


def summary_title(year: int) -> str:
    """Title of Tabel 3.1."""
    return f"Capaian Kinerja Sasaran Kegiatan Tahun {year}"


def ikk_title(kind: str, indicator: Indicator) -> str:
    """"Perbandingan Target dan Realisasi SK III dan IKK I" (kind TARGET, PERBANDINGAN or RENSTRA)."""
    return f"{_IKK_TITLES[kind]} SK {to_roman(indicator.sk_no)} dan IKK {to_roman(indicator.ikk_no)}"


def report_order(master: Master) -> list[Indicator]:
    """The IKK grouped by Divisi in PK order, as Tabel 3.1 and the chapter list them."""
    return [i for divisi in master.divisi_order for i in master.for_divisi(divisi)]


def plan_tables(master: Master, new_codes: set[str], supporting: Sequence[SupportingTable] = (),
                start: int = 1, with_budget: bool = False) -> list[PlannedTable]:
    """Every table of the chapter in order, numbered from ``start`` without gaps.

    Tabel 3.<start> is the summary; then for each IKK the supporting tables
    listed before it and its Type 1, Type 2 and Type 3 tables (the Type 2 table
    of an IKK in ``new_codes`` is unnumbered); then the budget tables (number
    and title filled in by the budget module); then the supporting tables
    listed for the end.
    """
    plan: list[PlannedTable] = []
    number = start

    def add(kind: str, title: str, code: str = "", numbered: bool = True) -> None:
        nonlocal number
        plan.append(PlannedTable(kind, number if numbered else None, title, code))
        number += numbered

    add(RINGKASAN, summary_title(master.year))
    for indicator in report_order(master):
        for table in supporting:
            if table.before == indicator.code:
                add(PENDUKUNG, table.title, indicator.code)
        add(TARGET, ikk_title(TARGET, indicator), indicator.code)
        add(PERBANDINGAN, ikk_title(PERBANDINGAN, indicator), indicator.code,
            numbered=indicator.code not in new_codes)
        add(RENSTRA, ikk_title(RENSTRA, indicator), indicator.code)
    if with_budget:
        for _ in range(BUDGET_TABLES):
            add(ANGGARAN, "")
    for table in supporting:
        if table.before == AKHIR:
            add(PENDUKUNG, table.title)
    return plan


# --------------------------------------------------------------------------- inputs


@dataclass
class TablesData:
    """Everything the tables show, read and checked before anything is written."""

    master: Master
    current: dict[str, YearFigures]  #: this year's realisasi by IKK code
    current_source: str
    previous: Previous
    renstra: Renstra
    renstra_source: str
    budget: BudgetData | None = None
    supporting: tuple[SupportingTable, ...] = ()
    warnings: list[Problem] = field(default_factory=list)

    @property
    def new_codes(self) -> set[str]:
        """IKK of the master with no earlier year: new this year, nothing to compare with."""
        return {i.code for i in self.master.indicators if i.code not in self.previous.by_code}


def read_current(source: str | Path, master: Master) -> tuple[dict[str, YearFigures], list[Problem]]:
    """This year's target and realisasi per IKK from a consolidated workbook or a folder of forms.

    Forms are validated and computed exactly as ``lkjip-xl consolidate`` does;
    forms with errors raise :class:`~lkjip_xl.history.InputError`.
    """
    if not Path(source).is_dir():
        year, figures = read_consolidated(source)
        if year != master.year:
            raise InputError([Problem(str(source), "consolidated_other_year",
                                      msg("consolidated_other_year", path=source, found=year,
                                          expected=master.year))])
        return figures, []
    validation = validate_files([source], master)
    report = validation.report
    if not report.valid or not validation.accepted:
        refused = len(validation.refused_files)
        summary = [Problem(str(source), "forms_refused", msg("forms_refused", count=refused))] if refused else []
        raise InputError([*report.problems, *summary])
    consolidated = compute(validation.accepted, master)
    figures = {
        result.indicator.code: YearFigures(result.indicator.code, master.year, result.indicator.target,
                                           result.realisasi, DASH if result.realisasi is None else "",
                                           result.indicator.text, Path(checked.form.path).name)
        for result, _, checked in consolidated.rows
    }
    return figures, report.warnings


def load_tables_data(source: str | Path, master: str | Path | Master, previous: Sequence[str | Path],
                     renstra: str | Path, anggaran: str | Path | None = None,
                     supporting: str | Path | None = None) -> TablesData:
    """Read every input of the tables and check them against each other.

    Raises :class:`~lkjip_xl.history.InputError` with every error found in
    every input; warnings are in :attr:`TablesData.warnings`.
    """
    if not isinstance(master, Master):
        try:
            master = read_master(master)
        except MasterError as exc:
            raise InputError(exc.problems) from exc
    problems: list[Problem] = []

    def attempt(read, *args):
        try:
            return read(*args)
        except (InputError, BudgetInputError) as exc:
            problems.extend(exc.problems)
            return None

    current = attempt(read_current, source, master)
    earlier = attempt(read_previous, previous)
    plan = attempt(read_renstra, renstra)
    budget = attempt(load_budget, anggaran) if anggaran else None
    extra = attempt(read_supporting, supporting, [i.code for i in master.indicators]) if supporting else ()
    if current is None or earlier is None or plan is None or (anggaran and budget is None) or extra is None:
        raise InputError(problems)
    data = TablesData(master, current[0], str(source), earlier, plan, str(renstra), budget, extra,
                      [*current[1], *plan.warnings, *(budget.warnings if budget else ())])
    problems = check_data(data)
    if any(p.is_error for p in problems):
        raise InputError(problems)
    data.warnings.extend(problems)
    return data


def check_data(data: TablesData) -> list[Problem]:
    """Cross-checks of the inputs: errors (earlier years not earlier) and warnings (gaps, unknown IKK)."""
    master = data.master
    known = master.by_code()
    problems: list[Problem] = []

    def warn(message_code: str, path: str, ikk: str = "", **fields) -> None:
        problems.append(Problem(path, message_code, msg(message_code, path=path, **fields), WARNING, ikk=ikk))

    for figures in data.previous.by_code.values():
        for item in figures:
            if item.year >= master.year:
                problems.append(Problem(item.source, "previous_not_earlier",
                                        msg("previous_not_earlier", code=item.code, found=item.year,
                                            where=item.source, year=master.year), ERROR, ikk=item.code))
    sources = ((data.current, data.current_source), (data.previous.by_code, "data tahun sebelumnya"),
               (data.renstra.rows, data.renstra_source))
    for codes, path in sources:
        for code in codes:
            if code not in known:
                warn("tables_unknown_code", path, code, code=code, year=master.year)
    new = [i.code for i in master.indicators if i.code in data.new_codes]
    if new:
        warn("tables_new_ikk", "data tahun sebelumnya", count=len(new), codes=", ".join(new))
    this_year = master.year
    for indicator in master.indicators:
        code = indicator.code
        current = data.current.get(code)
        if current is None or current.realisasi is None:
            warn("tables_no_realisasi", data.current_source, code, code=code)
        elif current.target != indicator.target:
            warn("tables_target_differs", data.current_source, code, code=code,
                 found=format_number(current.target, 4), expected=format_number(indicator.target, 4))
        row = data.renstra.rows.get(code)
        if row is None:
            warn("tables_no_renstra", data.renstra_source, code, code=code)
        elif master.renstra_basis == "renstra" and this_year not in row.targets:
            warn("tables_no_renstra_target", data.renstra_source, code, code=code, year=this_year)
    return problems


# --------------------------------------------------------------------------- writing


@dataclass(frozen=True)
class TocEntry:
    """One line of the DAFTAR TABEL; ``sheet`` is empty for a supporting table (prepared by hand)."""

    label: str
    title: str
    sheet: str = ""
    cell: str = "A1"


@dataclass
class TablesResult:
    """What :func:`write_tables` wrote."""

    output: Path
    toc: list[TocEntry]


class _Styles:
    """Cell formats of the tables: Arial 10, thin borders, grey bold headers."""

    def __init__(self, workbook):
        self.workbook = workbook
        self.cache: dict[str, object] = {}
        self.caption = self._add(bold=True, align="center", text_wrap=True)
        self.header = self._add(bold=True, border=1, align="center", text_wrap=True, bg_color="#D9D9D9")
        self.text = self._add(border=1, text_wrap=True)
        self.center = self._add(border=1, text_wrap=True, align="center")
        self.group = self._add(bold=True, border=1, bg_color="#EDEDED")
        self.note = self._add(italic=True, text_wrap=True, valign="top")
        self.title = self._add(bold=True, font_size=12)
        self.link = self._add(font_color="blue", underline=1, border=1)

    def _add(self, **props):
        return self.workbook.add_format({"font_name": "Arial", "font_size": 10, "valign": "vcenter", **props})

    def number(self, unit: str, value: float):
        """Border and the unit's number format with as many decimals as ``value`` needs (at most 2)."""
        num_format = excel_number_format(unit, decimals_for(value))
        if num_format not in self.cache:
            self.cache[num_format] = self._add(border=1, align="center", num_format=num_format)
        return self.cache[num_format]


@dataclass(frozen=True)
class _Refs:
    """Where Tabel 3.1 holds an IKK's target and realisasi (absolute, with the sheet name)."""

    target: str
    realisasi: str


def _merge(ws, first_row: int, first_col: int, last_row: int, last_col: int, text: str, fmt) -> None:
    """Text over a range, merged when it spans more than one cell (always through write_string)."""
    if (first_row, first_col) != (last_row, last_col):
        ws.merge_range(first_row, first_col, last_row, last_col, "", fmt)
    ws.write_string(first_row, first_col, text, fmt)


def _print_setup(ws, last_row: int, last_col: int, landscape: bool = True) -> None:
    print_a4(ws, landscape)
    ws.print_area(0, 0, max(last_row, 0), last_col)


class _Writer:
    """Writes the sheets of one tables workbook."""

    NAME_WIDTH, VALUE_WIDTH = 45, 12  # column A of the IKK sheets, and every column after it
    SUMMARY_WIDTHS = (5, 38, 50, 14, 14, 12)

    def __init__(self, workbook, data: TablesData, chapter: int, reserved: Sequence[str] = ()):
        self.wb = workbook
        self.reserved = tuple(reserved)  #: names of sheets written later (the budget tables)
        self.data = data
        self.master = data.master
        self.year = data.master.year
        self.chapter = chapter
        self.st = _Styles(workbook)
        self.refs: dict[str, _Refs] = {}
        self.last_col = 0  # widest table of the current IKK sheet

    # ---- helpers

    def caption(self, ws, row: int, table: PlannedTable, last_col: int) -> int:
        text = table.caption(self.chapter)
        self.last_col = max(self.last_col, last_col)
        ws.set_row(row, row_height([(text, self.NAME_WIDTH + self.VALUE_WIDTH * last_col)]))
        _merge(ws, row, 0, row, last_col, text, self.st.caption)
        return row + 1

    def realisasi(self, indicator: Indicator) -> float | None:
        figures = self.data.current.get(indicator.code)
        return figures.realisasi if figures else None

    def ref_cell(self, ws, row: int, col: int, ref: str, value: float | None, unit: str) -> bool:
        """A reference to a Tabel 3.1 cell with its value, or "-" without a value; True when a number."""
        if value is None:
            ws.write_string(row, col, DASH, self.st.center)
            return False
        ws.write_formula(row, col, f"={ref}", self.st.number(unit, value), value)
        return True

    def capaian_cell(self, ws, row: int, col: int, real_ref: str, target_ref: str, realisasi: float | None,
                     target: float | None, indicator: Indicator) -> float | None:
        """Capaian = realisasi / target × 100 as a formula with its value, or "-"; returns the value."""
        value = calc.capaian(realisasi, target, indicator.direction) if target is not None else None
        if value is None:
            ws.write_string(row, col, DASH, self.st.center)
            return None
        ws.write_formula(row, col, "=" + calc.capaian_formula(real_ref, target_ref, indicator.direction),
                         self.st.number("%", value), value)
        return value

    def name_row(self, ws, row: int, indicator: Indicator) -> None:
        ws.set_row(row, row_height([(indicator.text, self.NAME_WIDTH)]))
        ws.write_string(row, 0, indicator.text, self.st.text)

    # ---- Tabel 3.1

    def summary(self, table: PlannedTable) -> TocEntry:
        ws = add_sheet(self.wb, table.label(self.chapter))
        widths = self.SUMMARY_WIDTHS
        for col, width in enumerate(widths):
            ws.set_column(col, col, width)
        ws.set_row(0, row_height([(table.caption(self.chapter), sum(widths))]))
        _merge(ws, 0, 0, 0, len(widths) - 1, table.caption(self.chapter), self.st.caption)
        headers = ("", "Sasaran Kegiatan", "Indikator Kegiatan", "Target", "Realisasi", "Capaian")
        for col, header in enumerate(headers):
            ws.write_string(1, col, header, self.st.header)
        row = 2
        sheet = quote_sheet(ws.name)
        for divisi in self.master.divisi_order:
            _merge(ws, row, 0, row, len(widths) - 1, f"Divisi {divisi}", self.st.group)
            row += 1
            indicators = self.master.for_divisi(divisi)
            for sk_no in dict.fromkeys(i.sk_no for i in indicators):
                group = [i for i in indicators if i.sk_no == sk_no]
                first, heights = row, []
                for indicator in group:
                    text = f"{indicator.ikk_no}. {indicator.text}"
                    heights.append(row_height([(text, widths[2])]))
                    ws.set_row(row, heights[-1])
                    ws.write_string(row, 2, text, self.st.text)
                    ws.write_number(row, 3, indicator.target, self.st.number(indicator.unit, indicator.target))
                    realisasi = self.realisasi(indicator)
                    if realisasi is None:
                        ws.write_string(row, 4, DASH, self.st.center)
                    else:
                        ws.write_number(row, 4, realisasi, self.st.number(indicator.unit, realisasi))
                    self.capaian_cell(ws, row, 5, a1(row, 4), a1(row, 3), realisasi, indicator.target, indicator)
                    self.refs[indicator.code] = _Refs(f"{sheet}!{a1(row, 3, True)}", f"{sheet}!{a1(row, 4, True)}")
                    row += 1
                missing = row_height([(group[0].sk_text, widths[1])]) - sum(heights)
                if missing > 0:  # the merged SK text needs more room than its IKK rows give
                    ws.set_row(row - 1, heights[-1] + missing)
                _merge(ws, first, 0, row - 1, 0, f"{sk_no}.", self.st.center)
                _merge(ws, first, 1, row - 1, 1, group[0].sk_text, self.st.text)
        ws.repeat_rows(1)
        _print_setup(ws, row - 1, len(widths) - 1)
        return TocEntry(table.label(self.chapter), table.title, ws.name)

    # ---- per IKK

    def ikk_sheet(self, code: str):
        """The IKK's sheet, named after its code (made legal and unique by :func:`~lkjip_xl.xlsx.sheet_name`)."""
        taken = [*(sheet.name for sheet in self.wb.worksheets()), *self.reserved]
        ws = self.wb.add_worksheet(sheet_name(code, taken))
        ws.set_column(0, 0, self.NAME_WIDTH)
        ws.set_column(1, 40, self.VALUE_WIDTH)
        self.last_col = 0
        return ws

    def end_ikk_sheet(self, ws, last_row: int) -> None:
        _print_setup(ws, last_row, self.last_col)

    def supporting(self, ws, row: int, table: PlannedTable) -> int:
        row = self.caption(ws, row, table, 3)
        ws.write_string(row, 0, "(Tabel pendukung: isinya disusun sendiri dan disisipkan di sini.)", self.st.note)
        return row + 2

    def target_table(self, ws, row: int, table: PlannedTable, indicator: Indicator) -> int:
        row = self.caption(ws, row, table, 3)
        for col, header in enumerate(("Indikator Kinerja Kegiatan", "Target", "Realisasi", "Capaian")):
            ws.write_string(row, col, header, self.st.header)
        row += 1
        refs = self.refs[indicator.code]
        realisasi = self.realisasi(indicator)
        self.name_row(ws, row, indicator)
        self.ref_cell(ws, row, 1, refs.target, indicator.target, indicator.unit)
        self.ref_cell(ws, row, 2, refs.realisasi, realisasi, indicator.unit)
        self.capaian_cell(ws, row, 3, a1(row, 2), a1(row, 1), realisasi, indicator.target, indicator)
        return row + 2

    def comparison_table(self, ws, row: int, table: PlannedTable, indicator: Indicator) -> int:
        earlier = self.data.previous.by_code.get(indicator.code, [])
        years = [f.year for f in earlier] or [self.year - 1]
        last_col = 3 * (len(years) + 1) + 1
        row = self.caption(ws, row, table, last_col)
        _merge(ws, row, 0, row + 1, 0, "Indikator", self.st.header)
        for i, year in enumerate([*years, self.year]):
            _merge(ws, row, 1 + 3 * i, row, 3 + 3 * i, str(year), self.st.header)
            for j, header in enumerate(("Target", "Realisasi", "Capaian")):
                ws.write_string(row + 1, 1 + 3 * i + j, header, self.st.header)
        _merge(ws, row, last_col, row + 1, last_col, "Perubahan Capaian", self.st.header)
        row += 2
        self.name_row(ws, row, indicator)
        if not earlier:
            _merge(ws, row, 1, row, last_col, f"IKK baru tahun {self.year} — {NOT_COMPARABLE}", self.st.center)
            return row + 2
        capaian = None
        for i, figures in enumerate(earlier):
            col = 1 + 3 * i
            ws.write_number(row, col, figures.target, self.st.number(indicator.unit, figures.target))
            if figures.realisasi is None:
                ws.write_string(row, col + 1, figures.note, self.st.center)
                ws.write_string(row, col + 2, figures.note, self.st.center)
                capaian = None
            else:
                ws.write_number(row, col + 1, figures.realisasi, self.st.number(indicator.unit, figures.realisasi))
                capaian = self.capaian_cell(ws, row, col + 2, a1(row, col + 1), a1(row, col), figures.realisasi,
                                            figures.target, indicator)
        col = 1 + 3 * len(earlier)
        refs = self.refs[indicator.code]
        realisasi = self.realisasi(indicator)
        self.ref_cell(ws, row, col, refs.target, indicator.target, indicator.unit)
        self.ref_cell(ws, row, col + 1, refs.realisasi, realisasi, indicator.unit)
        current = self.capaian_cell(ws, row, col + 2, a1(row, col + 1), a1(row, col), realisasi, indicator.target,
                                    indicator)
        if capaian is None or current is None:
            ws.write_string(row, last_col, NOT_COMPARABLE, self.st.center)
        else:
            ws.write_formula(row, last_col, "=" + calc.change_direction_formula(a1(row, col - 1), a1(row, col + 2)),
                             self.st.center, calc.change_direction(capaian, current))
        return row + 2

    def renstra_table(self, ws, row: int, table: PlannedTable, indicator: Indicator) -> int:
        years = self.data.renstra.years_with_targets
        plan = self.data.renstra.rows.get(indicator.code)
        factor = indicator.renstra_scale_factor
        scaled = factor != 1
        real_col = 1 + len(years)
        cap_col = real_col + 1 + scaled
        row = self.caption(ws, row, table, cap_col)
        realisasi_header = f"Realisasi Kinerja Tahun {self.year}"
        skala_pk = (plan.skala_pk if plan else "") or "PK"
        skala_renstra = (plan.skala_renstra if plan else "") or "Renstra"
        _merge(ws, row, 0, row + 1, 0, "Indikator Kinerja Kegiatan", self.st.header)
        _merge(ws, row, 1, row, len(years), "Target", self.st.header)
        for i, year in enumerate(years):
            ws.write_string(row + 1, 1 + i, str(year), self.st.header)
        if scaled:
            _merge(ws, row, real_col, row + 1, real_col, f"{realisasi_header} (Skala {skala_pk})", self.st.header)
            _merge(ws, row, real_col + 1, row + 1, real_col + 1, f"{realisasi_header} (Skala {skala_renstra})",
                   self.st.header)
        else:
            _merge(ws, row, real_col, row + 1, real_col, realisasi_header, self.st.header)
        _merge(ws, row, cap_col, row + 1, cap_col, "Capaian (%)", self.st.header)
        ws.set_row(row, 40)
        row += 2
        self.name_row(ws, row, indicator)
        targets = plan.targets if plan else {}
        for i, year in enumerate(years):
            if year in targets:
                ws.write_number(row, 1 + i, targets[year], self.st.number(indicator.unit, targets[year]))
            else:
                ws.write_string(row, 1 + i, DASH, self.st.center)
        refs = self.refs[indicator.code]
        realisasi = self.realisasi(indicator)
        has_value = self.ref_cell(ws, row, real_col, refs.realisasi, realisasi, indicator.unit)
        value_col, value = real_col, realisasi
        if scaled:
            value_col, value = real_col + 1, calc.renstra_scale(realisasi, factor)
            if has_value:
                ws.write_formula(row, value_col, "=" + calc.renstra_scale_formula(a1(row, real_col), factor),
                                 self.st.number(indicator.unit, value), value)
            else:
                ws.write_string(row, value_col, DASH, self.st.center)
        if self.master.renstra_basis == "pk":
            self.capaian_cell(ws, row, cap_col, a1(row, real_col), refs.target, realisasi, indicator.target,
                              indicator)
            notes = [f"Capaian = Realisasi / Target PK {self.year} × 100%"]
        else:
            target_ref = a1(row, 1 + years.index(self.year)) if self.year in years else ""
            self.capaian_cell(ws, row, cap_col, a1(row, value_col), target_ref, value, targets.get(self.year),
                              indicator)
            notes = [f"Capaian = Realisasi / Target Renstra {self.year} × 100%"]
        if scaled:
            notes.append(f"Realisasi skala {skala_renstra} = realisasi skala {skala_pk} × {format_number(factor, 4)}")
        for note in notes:
            row += 1
            ws.write_string(row, 0, note, self.st.note)
        return row + 2

    # ---- Daftar Tabel

    def toc(self, ws, entries: list[TocEntry]) -> None:
        ws.set_column(0, 0, 12)
        ws.set_column(1, 1, 80)
        ws.set_column(2, 2, 16)
        ws.write_string(0, 0, "DAFTAR TABEL", self.st.title)
        for col, header in enumerate(("Nomor", "Judul Tabel", "Letak")):
            ws.write_string(2, col, header, self.st.header)
        row = 3
        for entry in entries:
            ws.write_string(row, 0, entry.label, self.st.text)
            ws.write_string(row, 1, entry.title, self.st.text)
            if entry.sheet:
                ws.write_url(row, 2, f"internal:{quote_sheet(entry.sheet)}!{entry.cell}", self.st.link,
                             string=entry.sheet)
            else:
                ws.write_string(row, 2, "disusun sendiri", self.st.text)
            row += 1
        ws.repeat_rows(2)
        _print_setup(ws, row - 1, 2, landscape=False)


def write_tables(data: TablesData, out: str | Path, start: int = 1, force: bool = False,
                 chapter: int = CHAPTER) -> TablesResult:
    """Write the tables workbook atomically to ``out`` (never over an existing file unless ``force``)."""
    plan = plan_tables(data.master, data.new_codes, data.supporting, start, data.budget is not None)
    toc: list[TocEntry] = []
    with atomic_output(out, force) as tmp:
        workbook = new_workbook(tmp, title=f"Tabel Bab III LKjIP {data.master.kanwil} {data.master.year}",
                                kind=KIND_TABLES)
        budget_sheets = [table_number(chapter, t.number) for t in plan if t.kind == ANGGARAN and t.number]
        writer = _Writer(workbook, data, chapter, [*budget_sheets, SHEET_CAPAIAN] if budget_sheets else ())
        toc_sheet = add_sheet(workbook, SHEET_TOC)
        indicators = data.master.by_code()
        ws, code, row = None, "", 0
        budget_written = False
        for table in plan:
            if table.kind == RINGKASAN:
                toc.append(writer.summary(table))
            elif table.code:
                if table.code != code:
                    if ws is not None:
                        writer.end_ikk_sheet(ws, row)
                    ws, code, row = writer.ikk_sheet(table.code), table.code, 0
                if table.number:
                    toc.append(TocEntry(table.label(chapter), table.title, ws.name, a1(row, 0)))
                indicator = indicators[table.code]
                if table.kind == PENDUKUNG:
                    row = writer.supporting(ws, row, table)
                elif table.kind == TARGET:
                    row = writer.target_table(ws, row, table, indicator)
                elif table.kind == PERBANDINGAN:
                    row = writer.comparison_table(ws, row, table, indicator)
                else:
                    row = writer.renstra_table(ws, row, table, indicator)
            elif table.kind == ANGGARAN:
                if not budget_written:  # the budget module writes its three tables at once
                    entries = write_budget_tables(workbook, data.budget, start_number=table.number,
                                                  chapter=chapter)
                    toc.extend(TocEntry(e.label, e.title, e.sheet) for e in entries if e.number)
                    budget_written = True
            else:
                toc.append(TocEntry(table.label(chapter), table.title))
        if ws is not None:
            writer.end_ikk_sheet(ws, row)
        writer.toc(toc_sheet, toc)
        workbook.close()
    return TablesResult(Path(out), toc)


# --------------------------------------------------------------------------- command line


def _echo_problems(problems: Sequence[Problem]) -> None:
    for problem in problems:
        label = "KESALAHAN" if problem.is_error else "PERINGATAN"
        click.echo(f"{label:<10} [{problem.code}] {problem.message}", err=True)


@click.command("tables", help="Tulis tabel Bab III dari SOURCE (buku kerja konsolidasi atau folder formulir): "
                                "per IKK tabel target/realisasi, perbandingan tahun lalu dan target jangka menengah, "
                                "tabel anggaran dan Daftar Tabel, dengan nomor dan judul otomatis.")
@click.argument("source", type=click.Path(readable=False))
@click.option("--master", "master_path", type=click.Path(readable=False), required=True,
              help="Buku kerja master PK tahun ini.")
@click.option("--previous", "previous_paths", type=click.Path(readable=False), multiple=True, required=True,
              help="Buku kerja konsolidasi tahun lalu, atau sheet 'Capaian Tahun Lalu' (boleh berulang).")
@click.option("--renstra", "renstra_path", type=click.Path(readable=False), required=True,
              help="Buku kerja target Renstra (sheet 'Renstra').")
@click.option("--anggaran", "anggaran_path", type=click.Path(readable=False),
              help="Buku kerja anggaran (docs/budget.md); tanpa opsi ini tabel anggaran tidak ditulis.")
@click.option("--supporting", "supporting_path", type=click.Path(readable=False),
              help="Tabel pendukung yang diberi nomor di antaranya (sheet 'Tabel Pendukung').")
@click.option("--start", type=click.IntRange(min=1), default=1, show_default=True,
              help="Nomor tabel pertama (Tabel 3.<start>, tabel ringkasan).")
@click.option("--out", type=click.Path(readable=False), required=True, help="Buku kerja tabel yang ditulis.")
@click.option("--force", is_flag=True, help="Timpa berkas keluaran yang sudah ada.")
def tables_command(source: str, master_path: str, previous_paths: tuple[str, ...], renstra_path: str,
                   anggaran_path: str | None, supporting_path: str | None, start: int, out: str,
                   force: bool) -> None:
    """Write the chapter III tables from SOURCE (a consolidated workbook or a folder of forms).

    Exit codes: 0 written; 1 an input has errors; 2 the master cannot be used (all its problems
    are listed) or the output cannot be written.
    """
    inputs = [source, master_path, *previous_paths, renstra_path, anggaran_path, supporting_path]
    unreadable = []
    for path in inputs:
        refused = input_problem(path, folder_ok=path == source) if path is not None else None
        if refused is not None and refused[0] != "file_not_found":  # the readers name a missing file
            unreadable.append(Problem(path, refused[0], msg(refused[0], path=path, **refused[1]), ERROR))
    if unreadable:
        _echo_problems(unreadable)
        sys.exit(2 if any(p.file == master_path for p in unreadable) else 1)  # no usable master: 2, as everywhere
    try:
        master = read_master(master_path)
    except MasterError as exc:  # every problem of the master at once; exit code 2, as for every command
        _echo_problems(exc.problems)
        sys.exit(2)
    try:
        data = load_tables_data(source, master, previous_paths, renstra_path, anggaran_path, supporting_path)
    except InputError as exc:
        _echo_problems(exc.problems)
        sys.exit(1)
    _echo_problems(data.warnings)
    try:
        guard_outputs([out], inputs, force)  # every input is read; nothing is written yet
        result = write_tables(data, out, start, force)
    except OutputError as exc:
        click.echo(str(exc), err=True)
        sys.exit(2)
    numbered = [entry for entry in result.toc if entry.label]
    click.echo(msg("tables_written", path=result.output, count=len(numbered), first=numbered[0].label,
                   last=numbered[-1].label))
