"""Check one returned form on its own: its cells become inputs, its findings problems.

:func:`check_form` compares the stamp, the header block and the locked cells
with what the toolkit wrote, parses every input cell the IKK's method reads
(numbers typed as text, date-formatted cells, percentages, pairs, NIHIL) and
says what the user cannot see (hidden rows, columns or sheet).  Nothing here
raises for bad content: every finding is a :class:`~lkjip_xl.report.Problem`
naming file, sheet and cell.  Checks across forms are :mod:`lkjip_xl.crosscheck`.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Any

from . import TEMPLATE_VERSION, calc, methods, rollup
from ._values import blank
from .breakdown import combine, sub_periods
from .form_cells import FormRow
from .free_text import read_texts
from .layout import (
    COL_CODE, COL_DEN, COL_NIHIL, COL_NOTE, COL_NUM, COL_REAL, COL_SK_TEXT, COL_TARGET, COL_TEXT, COL_UNIT,
    COLUMN_TITLE, FREE_TEXT_COLUMNS, FORM_SHEET, REVISION_MAX, SIGNED_LAYOUT_SINCE, STAMP_SHEET, breakdown_code,
    content_hash, sk_groups, subrow_code, version_at_least,
)
from .messages import LABELS, msg, translated, use_words
from .methods import Inputs, spec
from .model import DisplayDecimals, Indicator, IndicatorInput
from .numbers import format_number, format_with_unit
from .periods import Period, PeriodRule, find_period
from .reader import HEADER_KEYS, RawCell, ReturnedForm
from .problems import ERROR, WARNING, Problem
from .row_inputs import RowReader
from .signoff import FormSignoff, read_signoff
from .xlsx import a1_position


@dataclass
class CheckedForm:
    """A form that could be read, its inputs and its own problems."""

    form: ReturnedForm
    inputs: dict[str, IndicatorInput] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)
    #: IKK code → period code → the inputs of each sub-period row of an IKK with a Rincian (``inputs``
    #: holds their combination)
    sub_inputs: dict[str, dict[str, IndicatorInput]] = field(default_factory=dict)
    #: who prepared and who approved the form (its sign-off block, :mod:`lkjip_xl.signoff`)
    signoff: FormSignoff = field(default_factory=FormSignoff)

    @property
    def has_errors(self) -> bool:
        return any(p.is_error for p in self.problems)


def form_target(indicator: Indicator, period: str) -> float:
    """The target a form of ``period`` shows in its Target column and scores capaian against.

    The annual target on a yearly form; on a period form the target of that
    period alone (:func:`lkjip_xl.rollup.period_target`).  Period targets of
    another calendar than the period's (only a forged stamp has them) give the
    annual target.
    """
    return _period_target(indicator, find_period(period))


def _period_target(indicator: Indicator, found: Period | None) -> float:
    """:func:`form_target` for the period ``found`` (``None``: the year)."""
    if found is None or (indicator.period_targets and len(indicator.period_targets) < found.index):
        return indicator.target
    return rollup.period_target(indicator, found.index)


def check_form(form: ReturnedForm) -> CheckedForm:
    """Check one form on its own and extract its inputs; its problems are said in the form's own words
    (:attr:`ReturnedForm.words`), also in a process of a pool."""
    with use_words(form.words):
        return _check_form(form)


def _check_form(form: ReturnedForm) -> CheckedForm:
    result = CheckedForm(form)
    problems = result.problems
    path = form.path

    def add(problem_code: str, severity: str = ERROR, cell: str = "", sheet: str = FORM_SHEET, ikk: str = "",
            message: str = "", **fields: Any) -> None:
        """A problem of the form; ``message`` names its text when that is not the code's own."""
        text = msg(message or problem_code, path=path, sheet=sheet, cell=cell, **fields)
        problems.append(Problem(path, problem_code, text, severity, sheet=sheet, cell=cell, ikk=ikk))

    version = form.stamp.get("template_version", "")
    if version.split(".")[0] != TEMPLATE_VERSION.split(".")[0]:  # a minor version only adds what we may ignore
        add("form_other_version", sheet=STAMP_SHEET, found=version or "-", expected=TEMPLATE_VERSION)
    shown = ("template_version", "kanwil", "tahun", "divisi", "periode")  # in the stamp and in the locked content
    stamped = form.stamp.get("content_hash")
    # the stored text's own hash is the canonical one when the toolkit wrote it (ReturnedForm.locked_sha256)
    if ((form.locked_sha256 != stamped and content_hash(form.locked) != stamped)
            or any(_shown(form.locked.get(key)) != form.stamp.get(key) for key in shown)):
        add("stamp_tampered", sheet=STAMP_SHEET)
    _check_header(form, add)
    if form.header_row < 0:
        add("header_missing", header=COLUMN_TITLE["kode"])
        return result
    for key in (COL_TARGET, COL_NUM, COL_DEN, COL_REAL, COL_NIHIL):
        if key not in form.columns:
            add("header_missing", header=COLUMN_TITLE[key])
    if any(p.code == "header_missing" for p in problems):
        return result
    for cell in form.unknown_codes:
        add("ikk_unknown", WARNING, cell=cell.cell, code=cell.value)
    for cell in form.duplicate_codes:
        first = form.rows[cell.value][COL_CODE].cell
        add("ikk_duplicate", cell=cell.cell, ikk=cell.value, code=cell.value, first=first)
    older = version.split(".")[0] == TEMPLATE_VERSION.split(".")[0] and not version_at_least(version,
                                                                                             SIGNED_LAYOUT_SINCE)
    # inside an SK's merged cell (an older 1.x layout repeats the SK on every row; another major is refused)
    merged = set() if older else {i.code for group in sk_groups(form.indicators) for i in group[1:]}
    period = find_period(form.period)  # once a form, not once an IKK
    for indicator in form.indicators:
        cells = form.rows.get(indicator.code)
        if cells is None:
            add("ikk_missing", ikk=indicator.code, code=indicator.code)
            continue
        target = _period_target(indicator, period)
        _check_locked(indicator, target, cells, add, indicator.code in merged)
        result.inputs[indicator.code] = _extract(indicator, target, form, cells, add, result.sub_inputs, period)
    _check_what_is_seen(form, result, add)
    result.signoff = read_signoff(form, add)
    return result


def _check_what_is_seen(form: ReturnedForm, result: CheckedForm, add) -> None:
    """Values come only from what the user sees: a column title twice, or a used input hidden.

    A known title found twice in the header row is an error naming both cells
    (the reader takes the first; a hidden copy must not decide).  An input value
    the toolkit uses that sits in a row or column the user hid (the written form
    hides none) is not what the Divisi saw and signed: an error for the numbers
    and NIHIL, which decide the capaian; a warning for the free texts (Keterangan
    and the narrative texts, :mod:`lkjip_xl.free_text`), which are only carried along.
    """
    for key, first, later in form.duplicate_titles:
        add("header_duplicate", cell=later.cell, header=COLUMN_TITLE[key], first=first.cell)
    if not form.hides_cells:
        return
    scan = form.sheet
    where = {raw.cell: (code, key, raw) for code, cells in form.rows.items() for key, raw in cells.items()}
    for indicator_code, reported in result.inputs.items():
        for ref in reported.sources.values():
            code, key, raw = where.get(ref.cell, ("", "", None))
            if raw is None or blank(raw.value):
                continue
            row, col = a1_position(raw.cell)
            hidden_code = ("hidden_sheet" if form.sheet_hidden else "hidden_row" if scan.row_hidden(row)
                           else "hidden_column" if scan.column_hidden(col) else None)
            if hidden_code is None:
                continue
            hidden = LABELS[hidden_code]
            if key in FREE_TEXT_COLUMNS:
                add("note_hidden", WARNING, cell=raw.cell, ikk=indicator_code, code=code, where=hidden,
                    field=COLUMN_TITLE[key])
            else:
                add("value_hidden", cell=raw.cell, ikk=indicator_code, code=code, field=COLUMN_TITLE[key],
                    where=hidden)


def _check_header(form: ReturnedForm, add) -> None:
    """The header block (Kanwil, Tahun, Divisi, Periode) still shows what the stamp says; "Revisi ke"
    is blank or a whole number from 0 to :data:`~lkjip_xl.layout.REVISION_MAX`, typed, not a formula."""
    for label, key in HEADER_KEYS.items():
        cell = form.header.get(key)
        expected = form.stamp.get(key, "")
        if cell is not None and _shown(cell.value) != expected:
            add("header_changed", cell=cell.cell, field=translated(label), old=expected, new=_shown(cell.value))
    revision = form.header.get("revisi")
    if revision is not None and (form.revision is None or revision.cell in form.formulas):
        formula = form.formulas.get(revision.cell)
        add("revision_invalid", cell=revision.cell, most=REVISION_MAX,
            value=_shown(revision.value) if formula is None else "=" + (formula or "…"))


def _shown(value: Any) -> str:
    """A cell value as text the way the stamp writes it (2023.0 → "2023")."""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return "" if value is None else str(value).strip()


def _check_locked(indicator: Indicator, target: float, cells: FormRow, add, merged: bool = False) -> None:
    """The locked cells of an IKK row still show the stamp's definition; the Sasaran Kegiatan of a row inside
    its SK's merged cell (contract 1.2: only the SK's first row holds it) may be blank."""
    expected: tuple[tuple[str, float | str], ...] = (
        (COL_TARGET, target), (COL_TEXT, indicator.text), (COL_SK_TEXT, indicator.sk_text), (COL_UNIT, indicator.unit),
    )
    for key, old in expected:
        if key not in cells:
            continue
        new = cells.value(key)
        if new == old and type(new) is type(old):  # as the form was written: the same number or text
            continue
        if merged and key == COL_SK_TEXT and blank(new):
            continue
        if isinstance(old, float):
            same = isinstance(new, (int, float)) and not isinstance(new, bool) and math.isclose(new, old, rel_tol=1e-12)
        else:
            same = isinstance(new, str) and new.strip() == old.strip()
        if not same:
            add("locked_changed", cell=cells.address(key), ikk=indicator.code, code=indicator.code,
                field=COLUMN_TITLE[key], old=_shown_number(old), new=_shown_number(new))


def _shown_number(value: Any) -> str:
    """A locked value for a message: numbers the Indonesian way (3,25), the rest as text."""
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return format_number(value, 4)
    return "" if value is None else str(value)


def _extract(indicator: Indicator, target: float, form: ReturnedForm, cells: FormRow, add,
             sub_inputs: dict[str, dict[str, IndicatorInput]], period: Period | None) -> IndicatorInput:
    read = RowReader(indicator, form, add)
    reported = IndicatorInput(code=indicator.code)
    read_texts(read, cells, reported)  # Keterangan and the narrative texts (:mod:`lkjip_xl.free_text`)
    if reported.keterangan:  # read from its cell (read_texts)
        read.note_read(cells.address(COL_NOTE))
    #: on a period form of an IKK whose pairs are summed over the periods, 0 / 0 is a period without
    #: events: it adds nothing to the year (docs/periode.md)
    quiet_period = period is not None and indicator.period_rule is PeriodRule.JUMLAH
    periods = sub_periods(indicator.breakdown, period)  # reader.form_sub_periods of the form's period
    if periods:
        sub_inputs[indicator.code] = _extract_breakdown(read, target, cells, periods, reported, quiet_period)
    else:
        if read.nihil(cells, indicator.code):
            reported.nihil = True
            read.source(reported, "nihil", cells.address(COL_NIHIL))
        if spec(indicator.method).inputs is Inputs.SUB_PAIRS:
            _extract_sub_rates(read, reported, quiet_period)
        else:
            _read_row(read, target, cells, indicator.code, reported, not reported.nihil, quiet_period)
    _check_overwritten(indicator, form, cells, add)
    _check_negative_result(indicator, target, reported, cells, form, add)
    return reported


def _read_row(read: RowReader, target: float, cells: FormRow, code: str, reported: IndicatorInput,
              required: bool, quiet_period: bool, suffix: str = "") -> None:
    """The number inputs of one row (the realisasi, or one pembilang/penyebut pair) into ``reported``;
    ``suffix`` names the sub-period of a sub-row in the sources ("realisasi.B04")."""
    indicator, add = read.indicator, read.add
    if spec(indicator.method).inputs is Inputs.VALUE:
        cell = cells[COL_REAL]
        reported.value = read.number(cell, COL_REAL, code, required)
        read.source(reported, "realisasi" + suffix, cell.cell)
        _check_percent(indicator, target, reported.value, cell, add, code)
        return
    numerator, denominator = cells[COL_NUM], cells[COL_DEN]
    pair = (read.number(numerator, COL_NUM, code, required), read.number(denominator, COL_DEN, code, required))
    _check_pair(indicator, code, pair, cells, add, reported.nihil, quiet_period)
    reported.pairs.append(pair)
    read.source(reported, "pembilang1" + suffix, numerator.cell)
    read.source(reported, "penyebut1" + suffix, denominator.cell)


def _extract_sub_rates(read: RowReader, reported: IndicatorInput, quiet_period: bool) -> None:
    """The pairs of the sub-rate rows ``<code>.<n>`` of a ``rerata_subrasio`` IKK."""
    indicator, form, add = read.indicator, read.form, read.add
    required = not reported.nihil
    for n in range(1, methods.input_pairs(indicator) + 1):
        sub_code = subrow_code(indicator.code, n)
        sub_cells = form.rows.get(sub_code)
        if sub_cells is None:
            add("ikk_missing", ikk=indicator.code, code=sub_code)
            reported.pairs.append((None, None))
            continue
        numerator, denominator = sub_cells[COL_NUM], sub_cells[COL_DEN]
        pair = (read.number(numerator, COL_NUM, sub_code, required),
                read.number(denominator, COL_DEN, sub_code, required))
        _check_pair(indicator, sub_code, pair, sub_cells, add, reported.nihil, quiet_period)
        reported.pairs.append(pair)
        read.source(reported, f"pembilang{n}", numerator.cell)
        read.source(reported, f"penyebut{n}", denominator.cell)


def _extract_breakdown(read: RowReader, target: float, cells: FormRow, periods: tuple[Period, ...],
                       reported: IndicatorInput, quiet_period: bool) -> dict[str, IndicatorInput]:
    """The sub-period rows ``<code>.<period code>`` of an IKK with a Rincian, each read like an IKK row;
    ``reported`` gets their combination (:func:`lkjip_xl.breakdown.combine`) and every cell as a source.

    A blank sub-row is a warning naming its cell (all of them blank: ``value_missing``); a sub-row with
    some inputs needs all of them.  0 / 0 in a sub-period of a summed IKK adds nothing, but the
    combination still needs a penyebut where the form's period does.  Returns period code → inputs.
    """
    indicator, form, add = read.indicator, read.form, read.add
    keys = spec(indicator.method).row_inputs
    subs: dict[str, IndicatorInput] = {}
    blank_rows: list[tuple[Period, FormRow]] = []
    for period in periods:
        code = breakdown_code(indicator.code, period.code)
        sub = subs[period.code] = IndicatorInput(code)
        sub_cells = form.rows.get(code)
        if sub_cells is None:
            add("ikk_missing", ikk=indicator.code, code=code)
            continue
        suffix = "." + period.code
        if read.nihil(sub_cells, code):
            sub.nihil = True
            read.source(sub, "nihil" + suffix, sub_cells.address(COL_NIHIL))
        _read_row(read, target, sub_cells, code, sub, False, indicator.period_rule is PeriodRule.JUMLAH, suffix)
        # a formula is no blank: it was reported as typed into an input
        empty = {key for key in (*keys, COL_NIHIL)
                 if blank(sub_cells[key].value) and sub_cells[key].cell not in form.formulas}
        if len(empty) == len(keys) + 1:
            blank_rows.append((period, sub_cells))
        elif not sub.nihil:
            for key in keys:
                if key in empty:
                    add("value_missing", cell=sub_cells[key].cell, ikk=indicator.code, code=code,
                        field=COLUMN_TITLE[key])
        _check_overwritten(indicator, form, sub_cells, add)
        reported.sources.update(sub.sources)
    if blank_rows and len(blank_rows) == len(periods):
        first, first_cells = blank_rows[0]
        for key in keys:
            add("value_missing", cell=first_cells[key].cell, ikk=indicator.code,
                code=breakdown_code(indicator.code, first.code), field=COLUMN_TITLE[key])
    else:
        for period, sub_cells in blank_rows:
            add("breakdown_blank", WARNING, cell=sub_cells[keys[0]].cell, ikk=indicator.code,
                code=indicator.code, field=COLUMN_TITLE[keys[0]], period=period.label)
    combined = combine(indicator, list(subs.values()))
    reported.value, reported.pairs, reported.nihil = combined.value, combined.pairs, combined.nihil
    if combined.pairs and combined.pairs[0][1] == 0 and indicator.period_rule is PeriodRule.JUMLAH:
        _check_pair(indicator, indicator.code, combined.pairs[0], cells, add, combined.nihil, quiet_period)
    for key in (*keys, *((COL_NIHIL,) if indicator.nihil else ())):
        cell = cells[key]
        if form.formulas and cell.cell not in form.formulas and not blank(cell.value):
            add("breakdown_cell_ignored", WARNING, cell=cell.cell, ikk=indicator.code, code=indicator.code,
                field=COLUMN_TITLE[key], value=cell.value, first=periods[0].label, last=periods[-1].label)
    return subs


def _check_overwritten(indicator: Indicator, form: ReturnedForm, cells: FormRow, add) -> None:
    """A computed realisasi typed over, or inputs typed into grey cells, are ignored (warnings)."""
    method = spec(indicator.method)
    if method.typed_realisasi:
        return
    real = cells.value(COL_REAL)
    if form.formulas and not blank(real) and cells.address(COL_REAL) not in form.formulas:
        add("realisasi_overwritten", WARNING, cell=cells.address(COL_REAL), ikk=indicator.code, code=indicator.code,
            value=real)
    for key in method.grey_columns:
        value = cells.value(key)
        if not blank(value):
            add("value_ignored", WARNING, cell=cells.address(key), ikk=indicator.code, code=indicator.code,
                field=COLUMN_TITLE[key], value=value)


def _check_percent(indicator: Indicator, target: float, value: float | None, cell: RawCell, add, code: str) -> None:
    """A typed percentage that looks like a fraction (0,9 for 90, the form's target above 1) or exceeds 100
    (warnings)."""
    if value is None or not indicator.is_percent:
        return
    fields = dict(cell=cell.cell, ikk=indicator.code, code=code)
    if 0 < value <= 1 < target:
        add("percent_as_fraction", WARNING, value=format_number(value, 6), target=format_number(target),
            percent=format_number(value * 100, 4), **fields)
    elif value > 100:
        add("percent_above_100", WARNING, value=format_number(value, 4), **fields)


def _check_pair(indicator: Indicator, code: str, pair, cells: FormRow, add, nihil: bool,
                quiet_period: bool = False) -> None:
    """Penyebut 0 where it divides (error unless 0/0 under NIHIL, or 0/0 in a ``quiet_period``: a
    period without events of an IKK summed over periods); a share whose pembilang exceeds its penyebut
    (warning)."""
    numerator, denominator = pair
    if nihil or denominator is None:
        return
    method = spec(indicator.method)
    if denominator == 0 and method.divides:
        # 0/0 under NIHIL is 100; in a quiet period it adds nothing to the sums
        if not ((indicator.nihil and method.nihil) or quiet_period) or numerator != 0:
            add("denominator_zero", cell=cells[COL_DEN].cell, ikk=indicator.code, code=code)
        return
    if (method.is_share(indicator) and numerator is not None and numerator > denominator > 0
            and (rate := calc.ratio_percent(numerator, denominator)) is not None):
        add("numerator_exceeds_denominator", WARNING, cell=cells[COL_NUM].cell, ikk=indicator.code, code=code,
            numerator=format_number(numerator, 6), denominator=format_number(denominator, 6),
            rate=format_number(rate, 2))


def _check_negative_result(indicator: Indicator, target: float, reported: IndicatorInput, cells: FormRow,
                           form: ReturnedForm, add) -> None:
    """Say what capaian a negative realisasi (a fall, for a change indicator) gives against the form's
    target (warning)."""
    realisasi = methods.realisasi(indicator, reported)
    if realisasi is None or realisasi >= 0:
        return
    capaian = calc.capaian(realisasi, target, indicator.direction)
    if capaian is None:
        return
    status = calc.status_text(calc.tercapai(capaian, form.achievement)).lower()
    shown = DisplayDecimals()  # a form carries no display decimals: checked without the master, the default
    add("realisasi_negative", WARNING, cell=cells.address(COL_REAL), ikk=indicator.code, code=indicator.code,
        realisasi=format_with_unit(realisasi, indicator.unit, shown.places(indicator.unit, realisasi)),
        capaian=format_number(capaian, shown.places(value=capaian, capaian=True)), status=status)
