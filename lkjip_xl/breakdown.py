"""Sub-period rows: one IKK reported month by month (or quarter by quarter) on one form.

An IKK whose master row declares a ``Rincian`` (:attr:`~lkjip_xl.model.Indicator.breakdown`:
the name of a calendar of :data:`lkjip_xl.periods.CALENDARS`, in practice ``bulanan``) gets,
on a form, one sub-row per period of that calendar inside the form's period
(:func:`sub_periods`): twelve months on an annual form, April, Mei and Juni on
a "Triwulan II" form.  Each sub-row ``<IKK code>.<period code>``
(:func:`lkjip_xl.layout.breakdown_code`) carries the IKK's input cells; the IKK
row's inputs become locked formulas combining the sub-rows by the IKK's period
rule, with the functions that combine periods (:mod:`lkjip_xl.rollup`):
``jumlah`` sums every value and every pembilang and penyebut (a ratio of the
sums), ``nilai_akhir`` takes the latest sub-period that holds any input.
``rerata`` and ``rerata_subrasio`` cannot be broken down (:func:`breakdown_problem`).

The form writes the sub-rows (:mod:`lkjip_xl.form_subrows`), the checks read
each sub-row's cells as they read an IKK row (:mod:`lkjip_xl.checks`), and the
IKK's :class:`~lkjip_xl.model.IndicatorInput` is the combination (:func:`combine`),
so that validation, consolidation and every table downstream see one IKK as before.
"""

from __future__ import annotations

from collections.abc import Sequence

from . import rollup
from .calc import InputRefs
from .errors import UsageError
from .master_layout import PK_SHEET, PK_TITLES
from .messages import msg
from .methods import Inputs, spec
from .model import Indicator, IndicatorInput
from .periods import ANNUAL, PeriodRule, Period, calendar


def breakdown_problem(indicator: Indicator) -> str | None:
    """Why the IKK's ``Rincian`` cannot mean anything with its method or period rule, in Indonesian;
    ``None`` when it can (or when it declares none)."""
    if not indicator.breakdown:
        return None
    if spec(indicator.method).inputs is Inputs.SUB_PAIRS:
        return msg("breakdown_sub_rates", method=str(indicator.method))
    if indicator.period_rule is PeriodRule.RERATA:
        return msg("breakdown_rerata", rule=str(indicator.period_rule))
    return None


def _start_month(period: Period) -> int:
    """The month before the period's first month (0 for a period starting in January)."""
    if period.index == 1:
        return 0
    return calendar(period.calendar).periods[period.index - 2].end_month


def sub_periods(breakdown: str, period: Period | None) -> tuple[Period, ...]:
    """The periods of the calendar ``breakdown`` that together make up ``period`` (the year for ``None``),
    in order; ``()`` when they do not make it up exactly or are fewer than two (``bulanan`` in a monthly
    form, ``semester`` in a quarter)."""
    if not breakdown:
        return ()
    start, end = (0, 12) if period is None else (_start_month(period), period.end_month)
    inside = tuple(p for p in calendar(breakdown).periods if start < p.end_month <= end)
    if len(inside) < 2 or _start_month(inside[0]) != start or inside[-1].end_month != end:
        return ()
    return inside


def form_sub_periods(indicator: Indicator, period: Period | None) -> tuple[Period, ...]:
    """:func:`sub_periods` of the IKK on a form of ``period``; :class:`~lkjip_xl.errors.UsageError` naming
    the IKK when its ``Rincian`` does not divide the period."""
    if not indicator.breakdown:
        return ()
    found = sub_periods(indicator.breakdown, period)
    if not found:
        raise UsageError("forms_breakdown_not_finer", ikk=indicator.code, breakdown=indicator.breakdown,
                         period=period.label if period else ANNUAL, sheet=PK_SHEET, column=PK_TITLES["breakdown"])
    return found


def row_hint(indicator: Indicator, period: Period) -> str:
    """What a sub-row asks for, in its 'Cara Perhitungan' (by the period rule: ``jumlah`` or ``nilai_akhir``)."""
    return msg(f"breakdown_hint_{indicator.period_rule}", period=period.label)


def ikk_hint(indicator: Indicator, periods: Sequence[Period]) -> str:
    """The end of the IKK row's 'Cara Perhitungan': its inputs are computed from the sub-rows."""
    return msg(f"form_breakdown_hint_{indicator.period_rule}", first=periods[0].label, last=periods[-1].label)


def combine(indicator: Indicator, reported: Sequence[IndicatorInput]) -> IndicatorInput:
    """The IKK's inputs from its sub-rows' (in order): :func:`lkjip_xl.rollup.combine`, the latest present
    sub-period for ``nilai_akhir``."""
    return rollup.combine(indicator, reported, latest_present=True)


def combined_formulas(indicator: Indicator, refs: Sequence[InputRefs]) -> rollup.CombinedFormulas:
    """The formula twins of :func:`combine` over the sub-rows' input cells."""
    return rollup.combined_formulas(indicator, refs, latest_present=True)
