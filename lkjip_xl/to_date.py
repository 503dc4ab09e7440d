"""The "Realisasi s.d." reference column of a period form, from the earlier periods' returned forms.

The form of period k > 1 shows, beside its inputs, the realisasi of periods
1..k-1 combined by each IKK's rule (:func:`lkjip_xl.rollup.rolled_realisasi`),
so that the Divisi sees where the year stands.  Those values come from the
filled forms of the earlier periods (``lkjip-xl forms --sebelumnya``), which
are validated exactly as ``lkjip-xl validate`` does; nothing is guessed:

- a form with errors, a form of another calendar (or a yearly one) and a form
  of period k or later are refused, each naming its file;
- every Divisi of the master needs a form of every period 1..k-1, else the run
  is refused naming the Divisi and the period;
- of several forms of one Divisi and period the highest "Revisi ke" is taken
  (two with the same revision are refused by the cross-check).
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from .checks import CheckedForm
from .errors import LkjipError
from .guard import path_list
from .messages import msg
from .model import IndicatorInput, Master
from .period_plan import latest_revisions
from .periods import Period, calendar, find_period
from .problems import ERROR, Problem
from .rollup import rolled_realisasi
from .validate import validate_files

#: Divisi → IKK code → realisasi of periods 1..k-1 (``None`` where nothing can be computed).
ToDate = dict[str, dict[str, float | None]]


def to_date_realisasi(master: Master, period: Period, paths: str | Path | Iterable[str | Path]) -> ToDate:
    """The realisasi of periods 1..``period.index``-1 of every IKK of ``master``, per Divisi.

    Raises :class:`~lkjip_xl.errors.LkjipError` (an input error) naming the
    files when the earlier forms cannot be used (see the module's docstring).
    """
    given = path_list(paths)
    where = ", ".join(str(p) for p in given) or "-"
    periods = calendar(master.calendar).periods
    before = ", ".join(p.label for p in periods[:period.index - 1])
    validation = validate_files(given, master)
    problems = []
    for checked in validation.forms:
        form = checked.form
        found = find_period(form.period)
        if found is None or found.calendar != master.calendar:
            problems.append(_problem("forms_previous_other_calendar", form.path, found=form.period,
                                     calendar=master.calendar, before=before))
        elif found.index >= period.index:
            problems.append(_problem("forms_previous_not_earlier", form.path, found=found.label,
                                     period=period.label, before=before))
    if problems:
        raise LkjipError(problems=problems)
    latest: dict[tuple[str, int], CheckedForm] = {}
    for checked in latest_revisions(validation.forms):
        found = find_period(checked.form.period)
        assert found is not None  # refused above otherwise
        latest.setdefault((checked.form.divisi, found.index), checked)
    missing = [_problem("forms_previous_missing", where, missing=earlier.label, divisi=divisi, paths=where,
                        period=period.label, before=before)
               for divisi in master.divisi_order for earlier in periods[:period.index - 1]
               if (divisi, earlier.index) not in latest]
    if missing:  # before the errors: a gap is also an error of the later periods' forms
        raise LkjipError(problems=missing)
    errors = [p for p in validation.problems if p.is_error]
    if errors:
        refused = list(dict.fromkeys(p.file for p in errors if p.file)) or given
        lead = Problem(str(refused[0]), "forms_previous_invalid",
                       msg("forms_previous_invalid", paths=", ".join(str(p) for p in refused)), ERROR)
        raise LkjipError(lead.message, [lead, *errors])
    values: ToDate = {}
    for indicator in master.indicators:
        reported = [latest[(indicator.divisi, k)].inputs.get(indicator.code, IndicatorInput(indicator.code))
                    for k in range(1, period.index)]
        values.setdefault(indicator.divisi, {})[indicator.code] = rolled_realisasi(indicator, reported)
    return values


def _problem(code: str, path: str, **fields: object) -> Problem:
    return Problem(path, code, msg(code, path=path, **fields), ERROR)
