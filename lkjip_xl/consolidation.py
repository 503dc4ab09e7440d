"""One Kanwil's consolidation as data: the accepted forms computed, before anything is written.

:func:`compute` turns the checked forms into a :class:`Consolidated` (every IKK's
realisasi, capaian and status, the summary per Divisi and for the Kanwil);
:mod:`lkjip_xl.capaian_book` writes it as a workbook and :mod:`lkjip_xl.records`
as tidy records.  :func:`lkjip_xl.consolidate.consolidate` runs the whole step.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, replace

from . import calc, methods
from .calc import Summary
from .checks import CheckedForm
from .messages import msg
from .period_plan import latest_revisions
from .periods import ANNUAL
from .model import AchievementRule, DisplayDecimals, Indicator, IndicatorInput, IndicatorResult, Master
from .problems import ERROR, WARNING, Problem
from .validate import Validation
from .words import DEFAULT_WORDS, Words



@dataclass
class Consolidated:
    """Everything the workbook shows, computed before anything is written."""

    kanwil: str
    year: int
    achievement: AchievementRule
    divisi_order: list[str]
    rows: list[tuple[IndicatorResult, IndicatorInput, CheckedForm]]
    summary: Summary
    #: What the rows are for: "Tahunan" (the year), one period ("Triwulan I") or periods combined
    #: ("s.d. Triwulan II", :mod:`lkjip_xl.period_consolidation`)
    period: str = ANNUAL
    verified: bool = False  #: whether a master PK was given: only it authenticates the forms' targets
    #: the organisation's own words its workbook and records speak in: the master's, else the first form's
    words: Words = DEFAULT_WORDS
    #: how many decimals its numbers are shown with: the master's (forms do not carry them), else the default
    decimals: DisplayDecimals = field(default_factory=DisplayDecimals)

    @property
    def period_label(self) -> str:
        """What the titles name: "Tahun 2023", "Triwulan I Tahun 2023" or "s.d. Triwulan II Tahun 2023"."""
        return period_label(self.period, self.year)

    @property
    def is_year(self) -> bool:
        """Whether the rows are the year's (what the LKjIP tables need), not a part of it."""
        return self.period == ANNUAL

    def divisi_number(self, divisi: str) -> int:
        """The numeric key of a Divisi (1, 2, ... in order): summaries count on it, never on its name."""
        return self.divisi_order.index(divisi) + 1


def period_label(period: str, year: int) -> str:
    """"Tahun 2023" for the year, "Triwulan I Tahun 2023" for a period, "s.d. Triwulan II Tahun 2023"."""
    return msg("year_label", year=year) if period == ANNUAL else msg("period_label", period=period, year=year)


def accepted_forms(validation: Validation, skip_invalid: bool) -> tuple[list[CheckedForm], list[str]]:
    """The forms to consolidate and the refused files.

    No forms when the run is refused: files with errors and no ``skip_invalid``,
    or no form left.  The report says why.  A form a higher "Revisi ke" of its
    Kanwil, Divisi and period replaces stays out, also when that one is refused
    (:func:`lkjip_xl.period_plan.latest_revisions`; the report says so).
    """
    report = validation.report
    refused = validation.refused_files
    if refused and not skip_invalid:
        report.add(Problem("", "forms_refused", msg("forms_refused", count=len(refused)), ERROR))
        return [], refused
    for path in refused:
        report.add(Problem(path, "form_refused_skip", msg("form_refused_skip", path=path), WARNING))
    accepted = [f for f in latest_revisions(validation.forms) if not f.has_errors]
    if not accepted and not any(p.code == "no_forms" for p in report.problems):
        report.add(Problem("", "forms_refused", msg("forms_refused", count=len(refused)), ERROR))
    return accepted, refused


def compute(accepted: list[CheckedForm], master: Master | None,
            retarget: Callable[[Indicator], Indicator] | None = None) -> Consolidated:
    """Realisasi, capaian and tercapai of every IKK of the accepted forms (one per Divisi), in PK order.

    ``retarget`` gives each IKK as the view shows it (a period's forms: with the period's target).
    """
    first = accepted[0].form
    kanwil = master.kanwil if master else first.kanwil
    year = master.year if master else first.year
    rule = master.achievement if master else first.achievement
    order = list(master.divisi_order) if master else first.divisi_order
    by_divisi = {f.form.divisi: f for f in accepted}
    for divisi in by_divisi:
        if divisi not in order:
            order.append(divisi)
    rows = []
    for divisi in order:
        checked = by_divisi.get(divisi)
        if checked is None:
            continue
        indicators = master.for_divisi(divisi) if master else checked.form.indicators
        for indicator in indicators:
            if retarget is not None:
                indicator = retarget(indicator)
            reported = checked.inputs.get(indicator.code) or IndicatorInput(indicator.code)
            rows.append((methods.evaluate(indicator, reported, rule), reported, checked))
    present = [d for d in order if d in by_divisi]
    period = first.period  # the forms agree on it (crosscheck._check_agreement)
    summary = calc.summarize([r for r, _, _ in rows], present, kanwil, rule.mean_cap)
    if period != ANNUAL:
        summary = replace(summary, period=period_label(period, year))
    words = master.words if master else first.words
    return Consolidated(kanwil, year, rule, present, rows, summary, period, master is not None, words,
                        master.decimals if master else DisplayDecimals())
