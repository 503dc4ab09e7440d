"""A consolidation of period forms as data: each period, and periods 1..N combined ("s.d.").

Forms of the periods of a calendar ("Triwulan I", "Triwulan II", ...) are
consolidated twice over (:func:`compute_periods`):

- per period present, a :class:`~lkjip_xl.consolidation.Consolidated` of that
  period's forms, each IKK against the target of the period alone
  (:func:`lkjip_xl.rollup.period_target`);
- the "s.d." view: periods 1..N (N from :func:`lkjip_xl.period_plan.plan_periods`)
  of every Divisi with period 1, each IKK's raw inputs combined by its rule
  (:func:`lkjip_xl.rollup.combine`, ``rerata``: the mean of the periods'
  realisasi) against the target of periods 1..N (:func:`view_target`), each
  narrative text the latest period's that holds one (:func:`lkjip_xl.free_text.latest_texts`).  It is
  the year ("Tahun 2023", the same numbers as yearly forms) only when N is the
  last period and every Divisi is in; else "s.d. Triwulan II Tahun 2023".

:func:`compute_view` is the one entry: yearly forms are computed as they always
were (:func:`lkjip_xl.consolidation.compute`), period forms as above.
:mod:`lkjip_xl.period_book` writes a :class:`PeriodConsolidation`.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from . import calc, rollup
from .checks import CheckedForm
from .consolidation import Consolidated, compute, period_label
from .free_text import latest_texts
from .model import DisplayDecimals, Indicator, IndicatorInput, IndicatorResult, Master
from .period_plan import PeriodPlan, is_period_form, latest_revisions, plan_periods, revision_of
from .periods import ANNUAL, Calendar, Period, Traffic


@dataclass
class PeriodConsolidation:
    """Everything a period consolidation shows, computed before anything is written.

    For a monitoring view: :attr:`plan` holds per (Divisi, period) the form that
    counts (:meth:`arrived`, :meth:`revision`), the runs and N; :attr:`periods`
    each period's results (:meth:`period_result`); :attr:`traffic` the master's
    light thresholds.
    """

    plan: PeriodPlan
    periods: dict[int, Consolidated]  #: period index → that period's forms computed (periods present only)
    to_date: Consolidated  #: periods 1..N combined: period "s.d. Triwulan II", or "Tahunan" when complete
    #: IKK code → the inputs of periods 1..N that :attr:`to_date` combined, in period order
    inputs: dict[str, list[IndicatorInput]] = field(default_factory=dict)
    traffic: Traffic = field(default_factory=Traffic)

    @property
    def calendar(self) -> Calendar:
        return self.plan.calendar

    @property
    def through(self) -> int:
        """N: the s.d. view combines periods 1..N."""
        return self.plan.through

    @property
    def complete(self) -> bool:
        """The s.d. view is the year: every period of every Divisi."""
        return self.plan.complete

    @property
    def label(self) -> str:
        """"Tahun 2023" when complete, else "s.d. Triwulan II Tahun 2023"."""
        return self.to_date.period_label

    @property
    def kanwil(self) -> str:
        return self.to_date.kanwil

    @property
    def year(self) -> int:
        return self.to_date.year

    @property
    def present(self) -> list[Period]:
        """The periods with a sheet, in calendar order."""
        return [self.plan.period(k) for k in sorted(self.periods)]

    def form(self, divisi: str, k: int) -> CheckedForm | None:
        """The form of ``divisi`` for period ``k`` that counts (the highest revision), if it arrived."""
        return self.plan.forms.get((divisi, k))

    def arrived(self, divisi: str, k: int) -> bool:
        return (divisi, k) in self.plan.forms

    def revision(self, divisi: str, k: int) -> int | None:
        """The "Revisi ke" of the form that counts (0: the first version); ``None`` when none arrived."""
        checked = self.form(divisi, k)
        return None if checked is None else revision_of(checked)

    def period_result(self, code: str, k: int) -> IndicatorResult | None:
        """The IKK's realisasi, capaian and status in period ``k`` alone (against the period's target)."""
        part = self.periods.get(k)
        if part is None:
            return None
        return next((result for result, _, _ in part.rows if result.indicator.code == code), None)


def view_target(indicator: Indicator, through: int, periods: int) -> float:
    """The target of the s.d. view of periods 1..``through``: the annual target for the whole year
    (declared period targets add up to it, checked by the master to 9 decimals), else
    :func:`lkjip_xl.rollup.to_date_target`."""
    return indicator.target if through >= periods else rollup.to_date_target(indicator, through)


def compute_view(accepted: list[CheckedForm], master: Master | None
                 ) -> tuple[Consolidated, PeriodConsolidation | None]:
    """What a consolidation of ``accepted`` shows: the year's :class:`Consolidated` of yearly forms, or
    the s.d. view and the :class:`PeriodConsolidation` of period forms.

    Of several forms of one Divisi and period, the highest "Revisi ke" counts.
    """
    forms = latest_revisions(accepted)
    if any(is_period_form(f.form) for f in forms):
        periods = compute_periods(forms, master)
        return periods.to_date, periods
    return compute(forms, master), None


def compute_periods(accepted: list[CheckedForm], master: Master | None) -> PeriodConsolidation:
    """Each period's forms and periods 1..N combined; ``ValueError`` when no Divisi has period 1 (the
    cross-check refuses such forms: ``period_no_first``)."""
    plan = plan_periods(accepted, master)
    if plan is None or plan.through == 0:
        raise ValueError("no Divisi has a form of the first period")
    periods = {}
    for period in plan.present:
        forms = [plan.forms[(d, period.index)] for d in plan.divisi_order if (d, period.index) in plan.forms]
        periods[period.index] = compute(forms, master, _period_targets(period.index))
    first = plan.forms[(plan.included[0], 1)].form
    kanwil = master.kanwil if master else first.kanwil
    year = master.year if master else first.year
    rule = master.achievement if master else first.achievement
    through, count = plan.through, len(plan.calendar)
    rows, inputs = [], {}
    for divisi in plan.included:
        forms = [plan.forms[(divisi, k)] for k in range(1, through + 1)]
        latest = forms[-1]
        for indicator in _indicators(divisi, forms, master):
            reported = [f.inputs.get(indicator.code) or IndicatorInput(indicator.code) for f in forms]
            shown = replace(indicator, target=view_target(indicator, through, count))
            combined = latest_texts(rollup.combine(indicator, reported), reported)  # each text: the latest written
            rows.append((rollup.evaluate(shown, reported, shown.target, rule), combined, latest))
            inputs[indicator.code] = reported
    shown_period = ANNUAL if plan.complete else plan.to_date_text()
    summary = calc.summarize([r for r, _, _ in rows], plan.included, kanwil, rule.mean_cap)
    if not plan.complete:
        summary = replace(summary, period=period_label(shown_period, year))
    to_date = Consolidated(kanwil, year, rule, plan.included, rows, summary, shown_period, master is not None,
                           master.words if master else first.words, master.decimals if master else DisplayDecimals())
    return PeriodConsolidation(plan, periods, to_date, inputs, master.traffic if master else Traffic())


def _period_targets(k: int):
    return lambda indicator: replace(indicator, target=rollup.period_target(indicator, k))


def _indicators(divisi: str, forms: list[CheckedForm], master: Master | None) -> list[Indicator]:
    """The Divisi's IKK: the master's, or (without one) those of its latest form that every period's
    form carries (forms of one master carry the same; a re-stamped one may not)."""
    if master is not None:
        return list(master.for_divisi(divisi))
    codes = [{i.code for i in f.form.indicators} for f in forms]
    return [i for i in forms[-1].form.indicators if all(i.code in known for known in codes)]
