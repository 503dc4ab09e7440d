"""Renstra targets: the workbook with sheet "Renstra" (:func:`read_renstra`).

One row per IKK with a target per plan year and, for an IKK whose realisasi is
converted to the Renstra scale, the two scale names ("1-4", "1-10").  The
conversion factor itself, and whether capaian is measured against the Renstra
target or the PK target (the capaian basis), are declared in the master PK.

Column Kumulatif = Ya marks an IKK whose Renstra target is a total over the
plan ("realisasi s.d." against a medium-term target, e.g. cases settled in
2020–2024): its table sums the realisasi of the plan years so far
(:func:`cumulative_realisasi`, formula twin :func:`cumulative_realisasi_formula`)
and compares the sum with the target of the plan's last year.

A sheet without any target, or an IKK without a target for a year, is no
error: the tables print "data tidak tersedia" where the target is needed and
the run says so once.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import cast

from .. import calc
from .._values import blank, parse_year, parse_yes_no
from ..messages import LABELS
from ..problems import WARNING, Problem
from ..xlsx import a1
from .inputs import COL_CODE, COL_SOURCE, COL_TEXT, InputError, InputSheet, clean_text, open_input

SHEET_RENSTRA = LABELS["sheet_renstra"]

COL_SKALA_PK = LABELS["col_skala_pk"]
COL_SKALA_RENSTRA = LABELS["col_skala_renstra"]
COL_KUMULATIF = LABELS["col_kumulatif"]

#: Every named column sheet "Renstra" may have, in the order a blank sheet shows them: the single source
#: of the columns the reader accepts.  The plan years (one column per year, headed 2020, 2021, ...) go
#: after :data:`RENSTRA_YEARS_AFTER`; only :data:`RENSTRA_REQUIRED` is required.
RENSTRA_COLUMNS = (COL_CODE, COL_TEXT, COL_SKALA_PK, COL_SKALA_RENSTRA, COL_KUMULATIF, COL_SOURCE)
RENSTRA_REQUIRED = (COL_CODE,)
RENSTRA_YEARS_AFTER = COL_TEXT


@dataclass(frozen=True)
class RenstraRow:
    """The Renstra targets of one IKK by year, and the scales when realisasi is converted."""

    code: str
    targets: dict[int, float]
    skala_pk: str = ""
    skala_renstra: str = ""
    text: str = ""
    source: str = ""
    cumulative: bool = False  #: Kumulatif = Ya: the realisasi of the plan years so far, summed


@dataclass(frozen=True)
class Renstra:
    """The Renstra workbook: its plan years and one row per IKK."""

    years: tuple[int, ...]
    rows: dict[str, RenstraRow]
    warnings: tuple[Problem, ...] = ()

    @property
    def years_with_targets(self) -> tuple[int, ...]:
        """Plan years for which at least one IKK has a target: the columns the tables show."""
        return tuple(y for y in self.years if any(y in row.targets for row in self.rows.values()))


def read_renstra(path: str | Path) -> Renstra:
    """The Renstra workbook: plan years (the header cells that are years) and targets per IKK."""
    problems: list[Problem] = []
    sheet = InputSheet(*open_input(path, (SHEET_RENSTRA,)), SHEET_RENSTRA, problems)
    if not sheet.find_header(RENSTRA_REQUIRED, RENSTRA_COLUMNS):
        raise InputError(problems)
    header_row = cast(int, sheet.header_row)  # set: find_header succeeded
    header = sheet.grid[header_row]
    year_cols = {year: c for c, value in enumerate(header) if (year := parse_year(value)) is not None}
    rows: dict[str, RenstraRow] = {}
    seen: dict[str, str] = {}
    for r, line in sheet.rows():
        code, code_cell = sheet.code(line, r)
        if not code:
            continue
        if code in seen:
            sheet.report("renstra_duplicate", code_cell, ikk=code, code=code, other=seen[code])
            continue
        seen[code] = code_cell
        targets = {}
        for year, col in year_cols.items():
            raw = line[col] if col < len(line) else None
            if not blank(raw):
                value = sheet.number(raw, a1(r, col), code, str(year))
                if value is not None:
                    targets[year] = value
        skala_pk = clean_text(sheet.cell(line, r, COL_SKALA_PK)[0])
        skala_renstra = clean_text(sheet.cell(line, r, COL_SKALA_RENSTRA)[0])
        if bool(skala_pk) != bool(skala_renstra):
            sheet.report("renstra_scale_incomplete", code_cell, WARNING, ikk=code, code=code)
        raw_cumulative, cumulative_cell = sheet.cell(line, r, COL_KUMULATIF)
        cumulative = parse_yes_no(raw_cumulative)
        if cumulative is None:
            sheet.report("renstra_cumulative_invalid", cumulative_cell, ikk=code, code=code,
                         value=clean_text(raw_cumulative))
        rows[code] = RenstraRow(code, targets, skala_pk, skala_renstra, clean_text(sheet.cell(line, r, COL_TEXT)[0]),
                                clean_text(sheet.cell(line, r, COL_SOURCE)[0]), bool(cumulative))
    if not any(row.targets for row in rows.values()):  # no error: every table says "data tidak tersedia"
        sheet.report("renstra_no_years", a1(header_row, 0), WARNING)
    if any(p.is_error for p in problems):
        raise InputError(problems)
    return Renstra(tuple(sorted(year_cols)), rows, tuple(problems))


def cumulative_realisasi(values: Sequence[float | None]) -> float | None:
    """Realisasi s.d. this year: the sum of the plan years' realisasi so far (correctly rounded, as a
    spreadsheet's SUM shows it); ``None`` when a year has none."""
    if not values or any(v is None for v in values):
        return None
    return calc.finite(math.fsum(cast("list[float]", values)))


def cumulative_realisasi_formula(first_ref: str, last_ref: str) -> str:
    """Formula computing :func:`cumulative_realisasi` over the row's realisasi cells (no leading '=');
    written only when every year has a realisasi."""
    return f"SUM({first_ref}:{last_ref})"
