"""Check a set of forms against each other and against the master PK.

Same Kanwil and year everywhere, each Divisi and period once (of several
revisions the highest counts: :mod:`lkjip_xl.period_plan`) and every Divisi
present; the names a stamp carries usable and spelled one way; the achievement
rule, the Divisi order and the calendar (yearly forms, or periods of one
calendar) agreed by all forms, and the period runs of period forms; and, with
a master, each form's locked IKK definitions equal to the master's
(:data:`MASTER_FIELDS`).
Problems of one form go into that form's list; :func:`cross_check` returns
those of the set as a whole.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable
from enum import Enum
from functools import cache
from typing import Any

from .checks import CheckedForm
from .layout import STAMP_SHEET
from .master import name_key, name_problem
from ._values import NO, YES
from .master_layout import PK_TITLES
from .messages import LABELS, msg, translated
from .model import AchievementRule, Master
from .period_plan import form_key, latest_revisions, plan_periods, revision_cell, revision_of
from .periods import calendar, find_period, period_choices
from .numbers import format_number
from .reader import HEADER_KEYS, ReturnedForm
from .problems import ERROR, WARNING, Problem


def cross_check(checked: list[CheckedForm], master: Master | None, multi_kanwil: bool = False) -> list[Problem]:
    """Same Kanwil and year everywhere, each Divisi and period once, every Divisi present; names
    usable and the achievement rule, Divisi order and calendar agreed by all forms.

    Problems of one form go into that form's list; problems of the set as a
    whole (a missing Divisi) are returned.  With ``multi_kanwil`` the forms may
    come from several Kanwil: each (Kanwil, Divisi, period) once, every Divisi of each
    Kanwil present, one year and one period; rule and order agreed within each Kanwil.
    """
    if not checked:
        return []
    # without a master, the Kanwil and year most forms have (last year's file may sort first)
    expected_kanwil = master.kanwil if master else _most_common(f.form.kanwil for f in checked)
    expected_year = master.year if master else _most_common(f.form.year for f in checked)
    _check_names(checked, master, multi_kanwil)
    _check_agreement(checked, master, multi_kanwil)
    seen: set[tuple[str, str]] = set()
    for result in checked:
        form = result.form

        def add(code: str, target: CheckedForm = result, **fields: Any) -> None:
            path = target.form.path
            target.problems.append(Problem(path, code, msg(code, path=path, **fields), ERROR, sheet=STAMP_SHEET))

        if form.kanwil != expected_kanwil and not multi_kanwil:
            add("form_other_kanwil", found=form.kanwil, expected=expected_kanwil)
        if form.year != expected_year:
            add("form_other_year", found=form.year, expected=expected_year)
        if master is not None and form.divisi not in master.divisi_order:
            add("form_unknown_divisi", divisi=form.divisi)
        elif master is not None:
            result.problems.extend(_compare_with_master(form, master))
        seen.add((form.kanwil if multi_kanwil else "", form.divisi))
    _check_revisions(checked)
    if multi_kanwil:
        orders: dict[str, list[str]] = {}
        for f in checked:
            orders.setdefault(f.form.kanwil, f.form.divisi_order)  # as the Kanwil's first form says
        return [Problem("", "form_missing_divisi_kanwil", msg("form_missing_divisi_kanwil", divisi=d, kanwil=k),
                        WARNING) for k, order in orders.items() for d in order if (k, d) not in seen]
    expected_divisi = master.divisi_order if master else next(
        f.form.divisi_order for f in checked if (f.form.kanwil, f.form.year) == (expected_kanwil, expected_year))
    found = [Problem("", "form_missing_divisi", msg("form_missing_divisi", divisi=d), WARNING)
             for d in expected_divisi if ("", d) not in seen]
    return found + _check_periods(checked, master)


def _check_revisions(checked: list[CheckedForm]) -> None:
    """Of the forms of one Kanwil, year, Divisi and period, the highest "Revisi ke" counts: the lower
    ones are set aside with a warning naming the newer file; two of the highest revision are both refused.

    Forms whose "Revisi ke" is invalid have their own error and are not compared.
    """
    groups: dict[tuple[str, int, str, str], list[CheckedForm]] = {}
    for result in checked:
        if result.form.revision is not None:
            groups.setdefault(form_key(result.form), []).append(result)
    for forms in groups.values():
        if len(forms) < 2:
            continue
        top = max(revision_of(f) for f in forms)
        newest = [f for f in forms if revision_of(f) == top]
        for result in forms:
            form = result.form
            sheet, cell = revision_cell(form)
            fields = dict(path=form.path, divisi=form.divisi, period=form.period, revision=revision_of(result),
                          sheet=sheet, cell=cell)
            if revision_of(result) < top:
                code, severity, other = "form_revision_replaced", WARNING, newest[0]
            elif len(newest) > 1:  # which one is right is the sender's call
                code, severity, other = "form_duplicate_divisi", ERROR, next(f for f in newest if f is not result)
            else:
                continue
            result.problems.append(Problem(form.path, code, msg(code, other=other.form.path, newer=top, **fields),
                                           severity, sheet=sheet, cell=cell))


def _check_periods(checked: list[CheckedForm], master: Master | None) -> list[Problem]:
    """The period runs of the forms without errors (:func:`~lkjip_xl.period_plan.plan_periods`): problems
    of a form go into its list, the others are returned."""
    usable = [f for f in latest_revisions(checked) if not f.has_errors]  # as the consolidation takes them
    plan = plan_periods(usable, master)
    if plan is None:
        return []
    by_path = {f.form.path: f for f in usable}
    for problem in plan.problems:
        if problem.file in by_path:
            by_path[problem.file].problems.append(problem)
    return [p for p in plan.problems if p.file not in by_path]


def _stamp_problem(result: CheckedForm, code: str, **fields: Any) -> None:
    """An error about the stamp of ``result`` (sheet ``_lkjip``), once per message; its ``field``, a label
    of the catalogue, in the run's own words."""
    path = result.form.path
    if "field" in fields:
        fields["field"] = translated(fields["field"])
    problem = Problem(path, code, msg(code, path=path, sheet=STAMP_SHEET, **fields), ERROR, sheet=STAMP_SHEET)
    if problem not in result.problems:
        result.problems.append(problem)


def _order_clashes(order: tuple[str, ...]) -> list[tuple[str, str]]:
    """Each name of a Divisi order that another before it spells otherwise (:func:`~lkjip_xl.master.name_key`),
    with that other."""
    seen: dict[str, str] = {}
    found = []
    for name in order:
        key = name_key(name)
        if key in seen:
            found.append((name, seen[key]))
        else:
            seen[key] = name
    return found


def _check_names(checked: list[CheckedForm], master: Master | None, multi_kanwil: bool) -> None:
    """Every name a stamp carries passes the master's rule (:func:`~lkjip_xl.master.name_problem`),
    and no two names differ only in case or surrounding spaces (:func:`~lkjip_xl.master.name_key`),
    within a stamp or across the forms.

    Summaries and filters match names as text, ignoring case; two spellings of one
    name would be counted as one by a reader and as two by a program.
    """
    # the forms of a Kanwil repeat its names and its Divisi order: each is judged once
    judge = cache(name_problem)
    orders: dict[tuple[str, ...], tuple[list[tuple[str, str]], list[tuple[str, str]]]] = {}
    periods = period_choices()
    for result in checked:
        form = result.form
        order = tuple(form.divisi_order)
        if order not in orders:  # its invalid names, and its names another before spells otherwise
            orders[order] = ([(name, detail) for name in order if (detail := judge(name))], _order_clashes(order))
        invalid, clashes = orders[order]
        named = [(HEADER_LABEL["kanwil"], form.kanwil, judge(form.kanwil)),
                 (HEADER_LABEL["divisi"], form.divisi, judge(form.divisi)),
                 *((ORDER_LABEL, name, detail) for name, detail in invalid)]
        for label, name, detail in named:
            if detail:
                _stamp_problem(result, "form_name_invalid", field=label, value=name, detail=detail)
        if form.period not in periods:
            _stamp_problem(result, "form_name_invalid", field=HEADER_LABEL["periode"], value=form.period,
                           detail=msg("period_choice", periods=", ".join(periods)))
        for name, other in clashes:
            _stamp_problem(result, "form_name_clash", field=ORDER_LABEL, value=name, other_value=other,
                           other=msg("clash_same_stamp"))
        if form.divisi not in form.divisi_order:
            _stamp_problem(result, "form_divisi_not_in_order", divisi=form.divisi,
                           order="; ".join(form.divisi_order) or "-")
    groups: list[tuple[str, list[CheckedForm], Callable[[CheckedForm], str]]] = []
    if multi_kanwil:
        groups.append((HEADER_LABEL["kanwil"], checked, lambda r: r.form.kanwil))
    if master is None or multi_kanwil:  # with a master, a Divisi spelled otherwise is unknown to it
        by_kanwil: dict[str, list[CheckedForm]] = {}
        for result in checked:
            by_kanwil.setdefault(result.form.kanwil, []).append(result)
        groups += [(HEADER_LABEL["divisi"], forms, lambda r: r.form.divisi) for forms in by_kanwil.values()]
    for label, forms, name_of in groups:
        spellings: dict[str, dict[str, CheckedForm]] = {}
        for result in forms:
            spellings.setdefault(name_key(name_of(result)), {}).setdefault(name_of(result), result)
        for variants in spellings.values():
            if len(variants) < 2:
                continue
            for result in forms:
                mine = name_of(result)
                if mine in variants:
                    other, first = next((n, r) for n, r in variants.items() if n != mine)
                    _stamp_problem(result, "form_name_clash", field=label, value=mine, other_value=other,
                                   other=first.form.path)


#: Labels of the stamp's fields in messages (as the form's header block shows them).
HEADER_LABEL = {key: label for label, key in HEADER_KEYS.items()}
ORDER_LABEL = LABELS["field_divisi_order"]


def _check_agreement(checked: list[CheckedForm], master: Master | None, multi_kanwil: bool) -> None:
    """All forms share the achievement rule, the Divisi order (those of the master, or else those
    of most forms, per Kanwil) and the calendar (one period in a national run); a tie refuses
    every form of it.

    A single re-stamped form may otherwise set the rule for every Divisi, and a
    quarter's form be counted as the year.
    """
    by_kanwil: dict[str, list[CheckedForm]] = {}
    for result in checked:
        by_kanwil.setdefault(result.form.kanwil if multi_kanwil else "", []).append(result)
    for forms in by_kanwil.values():
        _agree(forms, "form_rule_differs", msg("field_rule"), lambda f: _rule_text(f.achievement),
               _rule_text(master.achievement) if master else None)
        known = [f for f in forms if master is None or f.form.divisi in master.divisi_order]  # else unknown Divisi
        _agree(known, "form_order_differs", ORDER_LABEL, lambda f: "; ".join(f.divisi_order),
               "; ".join(master.divisi_order) if master else None)
    if multi_kanwil:  # a national run compares one period across Kanwil
        _agree(checked, "form_period_differs", HEADER_LABEL["periode"], lambda f: f.period, None)
    else:
        _check_calendar(checked, master)


def _check_calendar(checked: list[CheckedForm], master: Master | None) -> None:
    """All forms are of one calendar: yearly forms, or forms of periods of one calendar (the master's,
    with one), never both; the forms of the other calendar (of most forms) are refused."""
    forms = [f for f in checked if f.form.period in period_choices()]  # others: form_name_invalid
    if master is not None:
        expected = calendar(master.calendar)
        kept = []
        for result in forms:
            period = find_period(result.form.period)
            if period is not None and period.calendar != expected.name:
                _stamp_problem(result, "form_calendar_master", period=period.label, calendar=period.calendar,
                               expected=expected.name, periods=", ".join(expected.labels))
            else:
                kept.append(result)
        forms = kept
    _agree(forms, "form_calendar_differs", msg("field_calendar"), _calendar_text, None)


def _calendar_text(form: ReturnedForm) -> str:
    """"formulir tahunan" or "formulir triwulan": what the forms must share."""
    period = find_period(form.period)
    return msg("calendar_forms", calendar=period.calendar) if period else msg("calendar_forms_annual")


def _agree(forms: list[CheckedForm], code: str, label: str, value_of: Callable[[ReturnedForm], str],
           expected: str | None) -> None:
    """Refuse the forms whose ``value_of`` differs from ``expected`` (the master's) or, without
    one, from the value most forms have; when no value has a majority, refuse them all."""
    values = [value_of(result.form) for result in forms]
    basis = msg("basis_master")
    if expected is None:
        counts = Counter(values).most_common()
        if len(counts) > 1 and counts[0][1] == counts[1][1]:
            for result, value in zip(forms, values):
                others = "; ".join(msg("majority_value", value=v, count=n) for v, n in counts if v != value)
                _stamp_problem(result, "form_no_majority", field=label, found=value, others=others)
            return
        expected, basis = counts[0][0], msg("basis_majority")
    for result, value in zip(forms, values):
        if value != expected:
            _stamp_problem(result, code, found=value, expected=expected, basis=basis)


def _rule_text(rule: AchievementRule) -> str:
    """An achievement rule for messages, with every digit of its threshold ("capaian ≥ 100%")."""
    text = msg("rule_text", op="≥" if rule.inclusive else ">", threshold=format_number(rule.threshold, 12))
    if rule.mean_cap is not None:
        text += msg("rule_text_cap", cap=format_number(rule.mean_cap, 12))
    return text


def _most_common(values: Iterable[Any]) -> Any:
    """The most frequent value (the first seen among equals)."""
    return Counter(values).most_common(1)[0][0]


#: Fields of an IKK a form must share with the master given to ``validate`` (named in messages by
#: their column titles in the master's sheet PK, :data:`~lkjip_xl.master_layout.PK_TITLES`).
MASTER_FIELDS = ("target", "unit", "method", "sub_labels", "direction", "nihil", "may_be_negative",
                 "scale_divisor", "text", "period_rule", "breakdown")


def _compare_with_master(form: ReturnedForm, master: Master) -> list[Problem]:
    """The form's locked IKK definitions match the master's for its Divisi (errors otherwise)."""
    def problem(problem_code: str, **fields: Any) -> Problem:
        return Problem(form.path, problem_code, msg(problem_code, path=form.path, **fields), ERROR,
                       sheet=STAMP_SHEET, ikk=fields["code"])

    in_form = {i.code: i for i in form.indicators}
    in_master = {i.code: i for i in master.for_divisi(form.divisi)}
    problems = [problem("form_master_missing_ikk", code=code) for code in in_master if code not in in_form]
    problems += [problem("form_ikk_not_in_master", code=code, divisi=form.divisi)
                 for code in in_form if code not in in_master]
    for code, expected in in_master.items():
        if code not in in_form:
            continue
        for name in MASTER_FIELDS:
            shown_form, shown_master = _plain(getattr(in_form[code], name)), _plain(getattr(expected, name))
            if shown_form != shown_master:
                problems.append(problem("form_master_differs", code=code, field=translated(PK_TITLES[name]),
                                        found=shown_form, expected=shown_master))
    return problems


def _plain(value: Any) -> str:
    """An IKK field as the master's sheet shows it."""
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, bool):
        return YES if value else NO
    if isinstance(value, float):
        return format_number(value, 6)
    if isinstance(value, tuple):
        return "; ".join(value)
    return str(value)
