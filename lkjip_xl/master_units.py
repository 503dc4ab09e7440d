"""The master's display decimals: the optional sheet "Satuan" and Info › "Desimal Capaian".

Sheet "Satuan" has the titles ``Satuan`` and ``Desimal`` in row 1 (found by
title, in any order) and one row per unit below: the most decimals a target or
realisasi in that unit is shown with, a whole number 0..6.  "persen" and "%"
are one unit (:func:`lkjip_xl.units.canonical`), so a unit listed twice under
two spellings is refused too.  Info › "Desimal Capaian" (0..6, blank = 2) is
the same for every capaian.  A unit no IKK of sheet PK uses is a warning.

Every problem names file, sheet and cell, and is reported with every other
problem of the master (:func:`lkjip_xl.master.read_master`).  What is read is a
:class:`~lkjip_xl.model.DisplayDecimals`; a master without the sheet and the
field shows every number as before (:data:`~lkjip_xl.model.DEFAULT_DECIMALS`).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from . import units
from ._values import blank
from .master_layout import PK_SHEET, UNIT_SHEET, UNIT_TITLES, header_keys, invalid_value
from .messages import msg
from .model import DEFAULT_DECIMALS, MOST_DECIMALS, DisplayDecimals, Indicator
from .problems import WARNING, Problem
from .xlsx import a1


def whole_decimals(value: object) -> int | None:
    """``value`` as a number of decimals (0..:data:`~lkjip_xl.model.MOST_DECIMALS`): ``2``, ``2.0`` or
    the text ``"2"``; ``None`` for anything else (a fraction, a negative, a word, a date, TRUE)."""
    if isinstance(value, bool):
        return None
    if isinstance(value, (int, float)):
        number = float(value)
    elif isinstance(value, str) and re.fullmatch(r"\s*\d{1,3}\s*", value):
        number = float(value)
    else:
        return None
    return int(number) if number.is_integer() and 0 <= number <= MOST_DECIMALS else None


def _detail() -> str:
    return msg("detail_decimals", most=MOST_DECIMALS)


def capaian_decimals(cell, problem: Callable[..., None]) -> int:
    """Info › Desimal Capaian from its cell (``None``: no such row); blank gives the default.

    A value that is no whole number 0..6 is reported with ``problem(key, code, **fields)`` (the Info
    reader's) and the default is kept.
    """
    if cell is None or blank(cell.value):
        return DEFAULT_DECIMALS
    found = whole_decimals(cell.value)
    if found is None:
        problem("capaian_decimals", "master_value_invalid", value=cell.value, detail=_detail())
        return DEFAULT_DECIMALS
    return found


def read_display_decimals(workbook, path: str, indicators: Sequence[Indicator], capaian: int | None,
                          problems: list[Problem]) -> tuple[DisplayDecimals, tuple[Problem, ...]]:
    """The declaration of sheet "Satuan" (when the workbook has it) with ``capaian`` decimals, and the
    warnings (units no IKK uses); every error is added to ``problems``."""
    capaian = DEFAULT_DECIMALS if capaian is None else capaian
    if UNIT_SHEET not in set(workbook.sheet_names):
        return DisplayDecimals(capaian=capaian), ()
    rows = workbook.get_sheet_by_name(UNIT_SHEET).to_python(skip_empty_area=False)
    if not rows:
        return DisplayDecimals(capaian=capaian), ()

    def bad(cell: str, field: str, value: object, detail: str) -> None:
        problems.append(invalid_value(path, UNIT_SHEET, cell, field, value, detail))

    header = header_keys(rows[0])
    missing = [title for title in UNIT_TITLES if title.casefold() not in header]
    for title in missing:
        problems.append(Problem(path, "master_header_missing", msg(
            "master_header_missing", header=title, sheet=UNIT_SHEET, path=path), sheet=UNIT_SHEET, cell="1"))
    if missing:
        return DisplayDecimals(capaian=capaian), ()
    unit_col, decimals_col = (header.index(title.casefold()) for title in UNIT_TITLES)
    declared: dict[str, int] = {}
    first: dict[str, tuple[str, str]] = {}  # canonical unit → (as written, cell) of its first row
    warnings: list[Problem] = []
    used = {units.canonical(indicator.unit) for indicator in indicators}
    check_use = bool(indicators) and not any(p.sheet == PK_SHEET for p in problems)  # every IKK was read
    for r, row in enumerate(rows[1:], start=1):
        unit = row[unit_col] if unit_col < len(row) else None
        value = row[decimals_col] if decimals_col < len(row) else None
        if blank(unit) and blank(value):
            continue
        unit_cell, value_cell = a1(r, unit_col), a1(r, decimals_col)
        if blank(unit):
            bad(unit_cell, UNIT_TITLES[0], unit, msg("detail_required"))
            continue
        name = str(unit).strip()
        key = units.canonical(name)
        if key in first:
            bad(unit_cell, UNIT_TITLES[0], unit, msg("detail_unit_twice", name=first[key][0], cell=first[key][1]))
            continue
        first[key] = (name, unit_cell)
        decimals = None if blank(value) else whole_decimals(value)
        if decimals is None:
            bad(value_cell, UNIT_TITLES[1], value, msg("detail_required") if blank(value) else _detail())
            continue
        declared[key] = decimals
        if check_use and key not in used:
            warnings.append(Problem(path, "master_unit_unused", msg(
                "master_unit_unused", unit=name, path=path, sheet=UNIT_SHEET, cell=unit_cell, pk=PK_SHEET),
                WARNING, sheet=UNIT_SHEET, cell=unit_cell))
    return DisplayDecimals(tuple(declared.items()), capaian), tuple(warnings)
