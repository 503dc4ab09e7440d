"""The master's period targets: the optional sheet "Target Periode".

One row per IKK that has period targets: ``Kode IKK``, ``Jenis Target``
(``s.d.`` or ``per periode``; blank means ``s.d.``), then one column per period
of the master's calendar, titled by the period's label or code ("Triwulan I"
or "TW1").  Every period is filled or none; combined by the IKK's rule, the
targets must give the annual target of sheet PK.  Every problem is reported
with its cell, all at once, like every other master problem.
"""

from __future__ import annotations

from dataclasses import replace

from ._values import blank
from .master_layout import PERIOD_TARGET_KIND, PERIOD_TARGET_SHEET, PK_TITLES, header_keys, invalid_value
from .messages import msg
from .model import Indicator
from .numbers import NumberParseError, excel_round, format_number, parse_number, unit_kind
from .periods import Calendar, TargetKind
from .problems import Problem
from .rollup import to_date_target
from .xlsx import a1

_KINDS = {kind.value.casefold(): kind for kind in TargetKind} | {"sd": TargetKind.KUMULATIF,
                                                                   "kumulatif": TargetKind.KUMULATIF}


def apply_period_targets(workbook, path: str, calendar: Calendar, indicators: list[Indicator],
                         problems: list[Problem]) -> list[Indicator]:
    """``indicators`` with the period targets of sheet "Target Periode" (if the workbook has it)."""
    if PERIOD_TARGET_SHEET not in set(workbook.sheet_names):
        return indicators
    rows = workbook.get_sheet_by_name(PERIOD_TARGET_SHEET).to_python(skip_empty_area=False)
    if not rows:
        return indicators

    def problem(cell: str, field: str, value: object, detail: str) -> None:
        problems.append(invalid_value(path, PERIOD_TARGET_SHEET, cell, field, value, detail))

    header = header_keys(rows[0])
    code_title = PK_TITLES["code"]
    if code_title.casefold() not in header:
        problem("A1", code_title, "", msg("detail_required"))
        return indicators
    code_col = header.index(code_title.casefold())
    kind_col = header.index(PERIOD_TARGET_KIND.casefold()) if PERIOD_TARGET_KIND.casefold() in header else None
    period_cols = []
    for period in calendar.periods:
        col = next((i for i, title in enumerate(header) if calendar.find(title) is period), None)
        if col is None:
            problem(a1(0, len(header)), period.label, "", msg("detail_period_target_header", period=period.label,
                                                               calendar=calendar.name,
                                                               periods=", ".join(calendar.labels)))
            return indicators
        period_cols.append(col)
    by_code = {i.code.casefold(): i for i in indicators}
    declared: dict[str, Indicator] = {}
    first_row: dict[str, str] = {}
    for r, row in enumerate(rows[1:], start=1):
        def get(col: int | None, row: list[object] = row) -> object:
            return row[col] if col is not None and col < len(row) else None

        raw_code = get(code_col)
        if blank(raw_code) and all(blank(get(c)) for c in period_cols):
            continue
        code_cell = a1(r, code_col)
        indicator = by_code.get(str(raw_code).strip().casefold()) if not blank(raw_code) else None
        if indicator is None:
            problem(code_cell, code_title, raw_code, msg("detail_period_target_code"))
            continue
        if indicator.code in first_row:
            problem(code_cell, code_title, raw_code, msg("detail_period_target_twice", other=first_row[indicator.code]))
            continue
        first_row[indicator.code] = code_cell
        kind = TargetKind.KUMULATIF
        raw_kind = get(kind_col)
        if not blank(raw_kind):
            found = _KINDS.get(str(raw_kind).strip().casefold())
            if found is None:
                problem(a1(r, kind_col or 0), PERIOD_TARGET_KIND, raw_kind, msg("detail_period_target_kind"))
                continue
            kind = found
        targets: list[float] = []
        for period, col in zip(calendar.periods, period_cols):
            value = get(col)
            if blank(value):
                problem(a1(r, col), period.label, "", msg("detail_period_target_missing", period=period.label))
                break
            try:
                targets.append(parse_number(value, unit_kind(indicator.unit)).value)  # type: ignore[arg-type]
            except NumberParseError:
                problem(a1(r, col), period.label, value, msg("detail_not_number"))
                break
        if len(targets) != len(calendar):
            continue
        with_targets = replace(indicator, period_targets=tuple(targets), target_kind=kind)
        year = to_date_target(with_targets, len(calendar))
        if excel_round(year, 9) != excel_round(indicator.target, 9):
            problem(a1(r, period_cols[-1]), calendar.periods[-1].label, targets[-1],
                    msg("detail_period_target_year", found=format_number(year),
                        expected=format_number(indicator.target)))
            continue
        declared[indicator.code] = with_targets
    return [declared.get(i.code, i) for i in indicators]
