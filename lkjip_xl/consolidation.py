"""One Kanwil's consolidation as data: the accepted forms computed, before anything is written.

:func:`compute` turns the checked forms into a :class:`Consolidated` (every IKK's
realisasi, capaian and status, the summary per Divisi and for the Kanwil);
:mod:`lkjip_xl.capaian_book` writes it as a workbook and :mod:`lkjip_xl.records`
as tidy records.  :func:`lkjip_xl.consolidate.consolidate` runs the whole step.
"""

from __future__ import annotations

from dataclasses import dataclass, replace


from . import calc, methods
from .calc import Summary
from .checks import CheckedForm
from .messages import msg
from .model import PERIODS, AchievementRule, IndicatorInput, IndicatorResult, Master
from .problems import ERROR, WARNING, Problem
from .validate import Validation


ANNUAL = PERIODS[0]  # "Tahunan"

@dataclass
class Consolidated:
    """Everything the workbook shows, computed before anything is written."""

    kanwil: str
    year: int
    achievement: AchievementRule
    divisi_order: list[str]
    rows: list[tuple[IndicatorResult, IndicatorInput, CheckedForm]]
    summary: Summary
    period: str = ANNUAL  #: the period every form is for (validation makes them agree)
    verified: bool = False  #: whether a master PK was given: only it authenticates the forms' targets

    @property
    def period_label(self) -> str:
        """What the titles name: "Tahun 2023", or "Triwulan I Tahun 2023" for quarterly forms."""
        return period_label(self.period, self.year)

    def divisi_number(self, divisi: str) -> int:
        """The numeric key of a Divisi (1, 2, ... in order): summaries count on it, never on its name."""
        return self.divisi_order.index(divisi) + 1


def period_label(period: str, year: int) -> str:
    """"Tahun 2023" for the year, "Triwulan I Tahun 2023" for a quarter."""
    return msg("year_label", year=year) if period == ANNUAL else msg("period_label", period=period, year=year)


def accepted_forms(validation: Validation, skip_invalid: bool) -> tuple[list[CheckedForm], list[str]]:
    """The forms to consolidate and the refused files.

    No forms when the run is refused: files with errors and no ``skip_invalid``,
    or no form left.  The report says why.
    """
    report = validation.report
    refused = validation.refused_files
    if refused and not skip_invalid:
        report.add(Problem("", "forms_refused", msg("forms_refused", count=len(refused)), ERROR))
        return [], refused
    for path in refused:
        report.add(Problem(path, "form_refused_skip", msg("form_refused_skip", path=path), WARNING))
    accepted = validation.accepted
    if not accepted and not any(p.code == "no_forms" for p in report.problems):
        report.add(Problem("", "forms_refused", msg("forms_refused", count=len(refused)), ERROR))
    return accepted, refused


def compute(accepted: list[CheckedForm], master: Master | None) -> Consolidated:
    """Realisasi, capaian and tercapai of every IKK of the accepted forms, in PK order."""
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
            reported = checked.inputs.get(indicator.code) or IndicatorInput(indicator.code)
            rows.append((methods.evaluate(indicator, reported, rule), reported, checked))
    present = [d for d in order if d in by_divisi]
    period = first.period  # the forms agree on it (crosscheck._check_agreement)
    summary = calc.summarize([r for r, _, _ in rows], present, kanwil)
    if period != ANNUAL:
        summary = replace(summary, period=period_label(period, year))
    return Consolidated(kanwil, year, rule, present, rows, summary, period, master is not None)
