"""This year's figures per period, for the unnumbered table "Capaian Kinerja per Triwulan".

When the source of the tables holds the periods of the year, :class:`PeriodFigures`
holds each period's target and realisasi per IKK:

- a folder of period forms: each period as :mod:`lkjip_xl.period_consolidation`
  computed it, every IKK against the target of that period alone
  (:func:`from_consolidation`);
- a consolidated workbook of period forms: its period sheets ("Triwulan I", ...),
  laid out like "Capaian Kinerja" and read with the same reader
  (:func:`from_sheets`, :func:`lkjip_xl.tables.previous.capaian_sheet_figures`).

Only the master's calendar counts.  A yearly source has no periods: the table
is not written.  A period (or a Divisi's part of it) with no data is shown as
"-" and said once per period (``tables_period_missing``).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from .. import calc, rollup
from ..messages import LABELS, msg
from ..model import Master
from ..numbers import format_number
from ..period_consolidation import PeriodConsolidation
from ..periods import Calendar, calendar
from ..problems import WARNING, Problem
from .inputs import InputError, InputSheet
from .previous import DASH, YearFigures, capaian_sheet_figures


@dataclass
class PeriodFigures:
    """Each period's target and realisasi per IKK, with the warnings of what is missing."""

    calendar: Calendar
    #: period index → IKK code → that period's figures (periods with data only)
    by_period: dict[int, dict[str, YearFigures]]
    warnings: list[Problem] = field(default_factory=list)

    def figures(self, code: str, k: int) -> YearFigures | None:
        """The IKK's figures in period ``k``; ``None`` when the period has none."""
        return self.by_period.get(k, {}).get(code)


def period_word(cal: Calendar) -> str:
    """"Triwulan", "Semester", "Bulan": what the periods of ``cal`` are called in a title."""
    return LABELS.get(f"calendar_word_{cal.name}", cal.name.capitalize())


def period_title(cal: Calendar, year: int) -> str:
    """"Capaian Kinerja per Triwulan Tahun 2023"."""
    return msg("tables_period_title", word=period_word(cal), year=year)


def period_sheet(cal: Calendar) -> str:
    """The sheet of the table: "Capaian per Triwulan"."""
    return msg("tables_period_sheet", word=period_word(cal))


def period_sheets(master: Master) -> tuple[str, ...]:
    """The names of the period sheets a consolidated workbook of the master's calendar may have."""
    return calendar(master.calendar).labels


def from_consolidation(data: PeriodConsolidation, master: Master, source: str) -> PeriodFigures:
    """The periods of a folder of period forms, as the consolidation computed them."""
    by_period = {
        k: {result.indicator.code: YearFigures(
                result.indicator.code, data.year, result.indicator.target, result.realisasi,
                DASH if result.realisasi is None else "", result.indicator.text, Path(checked.form.path).name)
            for result, _, checked in part.rows}
        for k, part in data.periods.items()
    }
    return _checked(PeriodFigures(data.calendar, by_period), master, source)


def from_sheets(name: str, grids: dict[str, list[list[object]]], master: Master, year: int) -> PeriodFigures | None:
    """The period sheets of a consolidated workbook (``None`` when it has none: a yearly consolidation);
    :class:`InputError` with every problem of every period sheet."""
    cal = calendar(master.calendar)
    present = [period for period in cal.periods if period.label in grids]
    if not present:
        return None
    problems: list[Problem] = []
    by_period = {}
    for period in present:
        try:
            by_period[period.index] = capaian_sheet_figures(InputSheet(name, grids, period.label, problems), year)
        except InputError:
            continue  # its problems are in ``problems``
    if problems:
        raise InputError(problems)
    return _checked(PeriodFigures(cal, by_period), master, name)


def _checked(figures: PeriodFigures, master: Master, source: str) -> PeriodFigures:
    """Warn once per period with missing data, and for a period target other than the master's."""
    title = period_title(figures.calendar, master.year)
    for period in figures.calendar.periods:
        found = figures.by_period.get(period.index, {})
        missing = [divisi for divisi in master.divisi_order
                   if any(i.code not in found for i in master.for_divisi(divisi))]
        if missing:
            figures.warnings.append(Problem(source, "tables_period_missing", msg(
                "tables_period_missing", path=source, period=period.label, divisi=", ".join(missing), title=title),
                WARNING))
        for indicator in master.indicators:
            item = found.get(indicator.code)
            expected = rollup.period_target(indicator, period.index)
            if item is not None and item.target is not None and not calc.approx_equal(item.target, expected):
                figures.warnings.append(Problem(source, "tables_period_target_differs", msg(
                    "tables_period_target_differs", path=source, period=period.label, code=indicator.code,
                    found=format_number(item.target, 4),
                    expected=format_number(expected, 4)), WARNING, ikk=indicator.code))
    return figures
