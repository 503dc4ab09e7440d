"""Which returned forms count, and how far the year has been reported.

- :func:`latest_revisions`: of several forms of one Divisi and period (and
  Kanwil, in a national run) the one with the highest "Revisi ke" counts; the
  others are set aside (the cross-check warns, naming both files, and refuses
  two forms of the same revision).  In one Kanwil's run the Kanwil is the same
  for every accepted form.
- :func:`plan_periods`: for forms of a reporting calendar, per Divisi the run
  of periods 1..n without a gap, and N, the shortest run of the Divisi that
  have period 1: the "s.d. periode N" view combines periods 1..N of every
  Divisi with a run.  A Divisi without period 1 is left out of it (a warning
  per form); when no Divisi has period 1 there is nothing to combine (an error
  per form).  It is the year only when N is the last period and every Divisi
  is in (:attr:`PeriodPlan.complete`).

Pure functions of checked forms: the cross-check reports the problems, the
consolidation (:mod:`lkjip_xl.period_consolidation`) builds on the same plan.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from .checks import CheckedForm
from .layout import FORM_SHEET, HEADER_VALUE_COL, REVISION_FIELD, STAMP_SHEET
from .messages import msg
from .model import Master
from .periods import Calendar, Period, calendar, find_period, is_annual
from .problems import ERROR, WARNING, Problem
from .reader import ReturnedForm
from .xlsx import a1


def form_key(form: ReturnedForm) -> tuple[str, int, str, str]:
    """What one form stands for: (Kanwil, year, Divisi, period).  A form of another Kanwil or year is
    refused by the cross-check, never compared with this year's forms."""
    return (form.kanwil, form.year, form.divisi, form.period)


def revision_of(checked: CheckedForm) -> int:
    """The form's "Revisi ke" (0 for the first version); −1 when the cell is invalid (an error of its own)."""
    revision = checked.form.revision
    return -1 if revision is None else revision


def revision_cell(form: ReturnedForm) -> tuple[str, str]:
    """(sheet, cell) of the form's "Revisi ke" value: where it was read, else where the layout puts it."""
    found = form.header.get("revisi")
    return FORM_SHEET, found.cell if found is not None else a1(REVISION_FIELD[2], HEADER_VALUE_COL)


def latest_revisions(forms: Iterable[CheckedForm]) -> list[CheckedForm]:
    """``forms`` in their order without those a higher revision of the same Kanwil, year, Divisi and
    period replaces; of equal revisions the first (the cross-check refuses both)."""
    forms = list(forms)
    best: dict[tuple[str, int, str, str], CheckedForm] = {}
    for checked in forms:
        key = form_key(checked.form)
        if key not in best or revision_of(checked) > revision_of(best[key]):
            best[key] = checked
    kept = {id(checked) for checked in best.values()}
    return [checked for checked in forms if id(checked) in kept]


def is_period_form(form: ReturnedForm) -> bool:
    """A form of one period of a calendar ("Triwulan II"), not of the year."""
    return not is_annual(form.period) and find_period(form.period) is not None


@dataclass
class PeriodPlan:
    """The forms of one calendar that count, and the periods the "s.d." view combines."""

    calendar: Calendar
    divisi_order: list[str]  #: every Divisi expected: the master's, or the forms' list (plus unknown ones)
    forms: dict[tuple[str, int], CheckedForm]  #: (Divisi, period index) → the form that counts
    runs: dict[str, int]  #: Divisi → n: periods 1..n arrived without a gap (0 without period 1)
    through: int  #: N: the s.d. view combines periods 1..N (0: nothing can be combined)
    problems: list[Problem] = field(default_factory=list)

    @property
    def included(self) -> list[str]:
        """The Divisi in the s.d. view (those with period 1), in order."""
        return [d for d in self.divisi_order if self.runs.get(d, 0) >= 1]

    @property
    def complete(self) -> bool:
        """The s.d. view is the year: every period, every Divisi."""
        return self.through == len(self.calendar) and len(self.included) == len(self.divisi_order)

    @property
    def present(self) -> list[Period]:
        """The periods of which at least one form counts, in calendar order."""
        indices = {k for _, k in self.forms}
        return [p for p in self.calendar.periods if p.index in indices]

    def period(self, k: int) -> Period:
        return self.calendar.periods[k - 1]

    def to_date_text(self) -> str:
        """"s.d. Triwulan II" ("" when nothing can be combined)."""
        return self.period(self.through).to_date_label() if self.through else ""


def plan_periods(forms: list[CheckedForm], master: Master | None) -> PeriodPlan | None:
    """The plan of the period forms among ``forms`` (``None`` when there is none).

    ``forms`` agree on one calendar (the cross-check refuses the others); a form
    of another calendar than the first period form's is ignored here.
    """
    period_forms = [f for f in forms if is_period_form(f.form)]
    if not period_forms:
        return None
    first = find_period(period_forms[0].form.period)
    assert first is not None  # is_period_form
    cal = calendar(first.calendar)
    order = list(master.divisi_order) if master else list(period_forms[0].form.divisi_order)
    chosen: dict[tuple[str, int], CheckedForm] = {}
    for checked in latest_revisions(period_forms):
        found = find_period(checked.form.period)
        if found is None or found.calendar != cal.name:
            continue
        chosen[(checked.form.divisi, found.index)] = checked
        if checked.form.divisi not in order:
            order.append(checked.form.divisi)
    runs = {}
    for divisi in order:
        n = 0
        while (divisi, n + 1) in chosen:
            n += 1
        runs[divisi] = n
    through = min((n for n in runs.values() if n >= 1), default=0)
    plan = PeriodPlan(cal, order, chosen, runs, through)
    plan.problems = _plan_problems(plan)
    return plan


def _plan_problems(plan: PeriodPlan) -> list[Problem]:
    """Warnings for gaps, Divisi left out and forms beyond N; errors when nothing can be combined."""
    problems: list[Problem] = []
    cal, first = plan.calendar, plan.calendar.periods[0].label
    sent = {d: sorted(k for dd, k in plan.forms if dd == d) for d in plan.divisi_order}
    shortest = [d for d in plan.included if plan.runs[d] == plan.through]
    for divisi in plan.divisi_order:
        run, periods = plan.runs[divisi], sent[divisi]
        if not periods:
            continue  # no form at all: the cross-check says so (form_missing_divisi)
        missing = [cal.periods[k - 1].label for k in range(1, max(periods) + 1) if k not in periods]
        if run >= 1 and missing:
            problems.append(Problem("", "period_form_missing", msg(
                "period_form_missing", divisi=divisi, missing=", ".join(missing), first=first,
                last=cal.periods[run - 1].label), WARNING))
        for k in periods:
            form = plan.forms[(divisi, k)].form
            label = cal.periods[k - 1].label
            if run == 0 and plan.through == 0:
                problems.append(Problem(form.path, "period_no_first", msg(
                    "period_no_first", path=form.path, sheet=STAMP_SHEET, period=label, divisi=divisi,
                    first=first), ERROR, sheet=STAMP_SHEET))
            elif run == 0:
                problems.append(Problem(form.path, "period_divisi_left_out", msg(
                    "period_divisi_left_out", path=form.path, period=label, divisi=divisi, first=first,
                    to_date=plan.to_date_text()), WARNING))
            elif k > plan.through:
                problems.append(Problem(form.path, "period_after_to_date", msg(
                    "period_after_to_date", path=form.path, period=label, to_date=plan.to_date_text(),
                    divisi="; ".join(shortest), last=cal.periods[plan.through - 1].label), WARNING))
    return problems
