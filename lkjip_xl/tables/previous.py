"""Earlier years' figures: last year's consolidated workbook or the sheet "Capaian Tahun Lalu".

Earlier years come from either of two workbooks (both are read by
:func:`read_previous`):

- a consolidated workbook written by ``lkjip-xl consolidate`` in an earlier
  year: Target and Realisasi of sheet "Capaian Kinerja", the year from its title
  (and the narrative texts of sheet "Data", when it has them: this year's source);
- for years before the toolkit, the documented sheet "Capaian Tahun Lalu":
  one row per IKK and year with Kode IKK, Tahun and what last year's report
  printed: Realisasi, and optionally Target and the raw counts Pembilang and
  Penyebut.  A Realisasi written as text ("NIHIL", "-") is kept as a note and
  shown as is.  With Pembilang and Penyebut, realisasi is computed from them
  by the IKK's method (:func:`lkjip_xl.methods.realisasi`, the master's
  indicator); a printed Realisasi that disagrees beyond its rounding is warned.
  A row without a target still says the IKK existed that year: its capaian is
  "data tidak tersedia".

Capaian is never read: the tables compute it from target and realisasi with
the same rule as this year.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, NamedTuple, cast

from .. import methods
from .._values import blank, is_yes_answer, parse_year
from ..capaian_book import SHEET_CAPAIAN
from ..layout import TEXT_COLUMNS
from ..messages import LABELS, MESSAGES, msg
from ..model import Indicator, IndicatorInput, Master
from ..numbers import format_number
from ..periods import CALENDARS
from ..problems import WARNING, Problem
from ..records import SHEET_DATA
from ..xlsx import decimals_for
from .inputs import (
    COL_CODE, COL_SOURCE, COL_TEXT, InputError, InputSheet, clean_text, open_input,
)

SHEET_PREVIOUS = LABELS["sheet_previous"]
DASH = "-"  #: printed for a realisasi (and its capaian) that is not there

COL_YEAR = LABELS["col_tahun"]
COL_TARGET = LABELS["col_target"]
COL_REALISASI = LABELS["col_realisasi"]
COL_NUM = LABELS["col_pembilang"]
COL_DEN = LABELS["col_penyebut"]
COL_NIHIL = LABELS["col_nihil"]  #: the NIHIL input column of a consolidated "Capaian Kinerja"

#: Every column sheet "Capaian Tahun Lalu" may have, in the order a blank sheet shows them: the single
#: source of the columns the reader accepts (required: :data:`PREVIOUS_REQUIRED`; a row also needs a
#: Realisasi, or Pembilang and Penyebut).
PREVIOUS_COLUMNS = (COL_CODE, COL_YEAR, COL_TEXT, COL_TARGET, COL_REALISASI, COL_NUM, COL_DEN, COL_SOURCE)
PREVIOUS_REQUIRED = (COL_CODE, COL_YEAR)

#: The year at the end of a consolidated sheet's title ("... Tahun 2023"): ``msg("year_label")``.
_YEAR_RE = re.compile(r"(\d{4})".join(map(re.escape, MESSAGES["year_label"].split("{year}"))) + r"\s*$")


@dataclass(frozen=True)
class YearFigures:
    """Target and realisasi of one IKK in one year.

    ``realisasi`` is ``None`` when there is none; ``note`` is then what the
    tables print instead ("NIHIL", "-").  ``target`` is ``None`` when an earlier
    year's row gives none.  ``text`` and ``source`` are for people: the
    indicator as worded that year and where the figures come from.
    ``nihil``: the unit reported NIHIL (no events; realisasi counted by the
    rule).  ``faktor_pendukung``, ``faktor_penghambat`` and ``upaya`` are what
    the unit's staff wrote about this year's figures (blank when nothing was
    written), told as given in Chapter III (:mod:`lkjip_xl.chapter`).
    """

    code: str
    year: int
    target: float | None
    realisasi: float | None
    note: str = ""
    text: str = ""
    source: str = ""
    nihil: bool = False
    faktor_pendukung: str = ""
    faktor_penghambat: str = ""
    upaya: str = ""


@dataclass
class Previous:
    """Earlier years' figures by IKK code, each list in year order."""

    by_code: dict[str, list[YearFigures]] = field(default_factory=dict)
    warnings: list[Problem] = field(default_factory=list)  #: realisasi printed otherwise than computed

    def figures(self, code: str, year: int) -> YearFigures | None:
        """The IKK's figures of ``year``; ``None`` when there are none."""
        return next((f for f in self.by_code.get(code, ()) if f.year == year), None)

    @property
    def years(self) -> tuple[int, ...]:
        return tuple(sorted({f.year for figures in self.by_code.values() for f in figures}))


# --------------------------------------------------------------------------- consolidated workbook


def read_consolidated(path: str | Path) -> tuple[int, dict[str, YearFigures]]:
    """The year and each IKK's target and realisasi of a workbook written by ``lkjip-xl consolidate``.

    Values are the ones the workbook stores beside its formulas.  A blank
    realisasi (an IKK that was not reported) is ``None`` with the note "-".
    A consolidation of part of a year ("s.d. Triwulan II Tahun 2023") is refused.
    """
    return consolidated_figures(*open_consolidated(path))


def open_consolidated(path: str | Path, extra: Sequence[str] = ()) -> tuple[str, dict[str, list[list[object]]]]:
    """The cells of a consolidated workbook's "Capaian Kinerja", of its "Data" (the narrative texts) and of
    those of the sheets ``extra`` it has (the period sheets of a period consolidation); :class:`InputError`
    without "Capaian Kinerja"."""
    name, grids = open_input(path, (SHEET_CAPAIAN, SHEET_DATA, *extra))
    if SHEET_CAPAIAN not in grids:
        raise InputError([Problem(name, "input_sheet_missing",
                                  msg("input_sheet_missing", path=name, sheets=f"'{SHEET_CAPAIAN}'"))])
    return name, grids


def consolidated_figures(name: str, grids: dict[str, list[list[object]]]) -> tuple[int, dict[str, YearFigures]]:
    """:func:`read_consolidated` of the cells :func:`open_consolidated` read."""
    problems: list[Problem] = []
    sheet = InputSheet(name, grids, SHEET_CAPAIAN, problems)
    title = clean_text(sheet.grid[0][0]) if sheet.grid and sheet.grid[0] else ""
    match = _YEAR_RE.search(title)
    if not match:
        sheet.report("consolidated_year_missing", "A1", title=title)
        raise InputError(problems)
    year = int(match.group(1))
    period = _period_of_title(title, year)
    if period:  # part of a year: "s.d. Triwulan II Tahun 2023" (a period consolidation), "Triwulan II ..."
        sheet.report("consolidated_not_year", "A1", period=period)
        raise InputError(problems)
    return year, _with_texts(name, grids, capaian_sheet_figures(sheet, year))


def _with_texts(name: str, grids: dict[str, list[list[object]]],
                figures: dict[str, YearFigures]) -> dict[str, YearFigures]:
    """``figures`` with the narrative texts (Faktor Pendukung, Faktor Penghambat, Upaya) of the workbook's
    sheet "Data", as typed; none where it has no such sheet or column (a workbook written before them)."""
    if SHEET_DATA not in grids:
        return figures
    data = InputSheet(name, grids, SHEET_DATA, [])
    titles = {key: LABELS[f"col_{key}"] for key in TEXT_COLUMNS}
    if not data.find_header((COL_CODE,), titles.values()):
        return figures
    for r, line in data.rows():
        code = clean_text(data.cell(line, r, COL_CODE)[0])
        if code in figures:
            texts: dict[str, Any] = {key: "" if blank(value) else str(value)
                                     for key, title in titles.items() for value in (data.cell(line, r, title)[0],)}
            figures[code] = replace(figures[code], **texts)
    return figures


def capaian_sheet_figures(sheet: InputSheet, year: int) -> dict[str, YearFigures]:
    """Each IKK's target and realisasi on a sheet laid out like "Capaian Kinerja" (that sheet, or a period
    sheet "Triwulan I" of a period consolidation); :class:`InputError` with every problem of the sheet."""
    problems = sheet.problems
    if not sheet.find_header((COL_CODE, COL_TARGET, COL_REALISASI), (COL_TEXT, COL_NIHIL)):
        raise InputError(problems)
    figures: dict[str, YearFigures] = {}
    for r, line in sheet.rows():
        code = clean_text(sheet.cell(line, r, COL_CODE)[0])
        if not code:
            continue  # Divisi group rows
        target, target_cell = sheet.cell(line, r, COL_TARGET)
        realisasi, real_cell = sheet.cell(line, r, COL_REALISASI)
        if not isinstance(target, (int, float)) or not (blank(realisasi) or isinstance(realisasi, (int, float))):
            sheet.report("consolidated_value_invalid", target_cell, ikk=code, code=code)
            continue
        text = clean_text(sheet.cell(line, r, COL_TEXT)[0])
        figures[code] = YearFigures(
            code, year, float(target), None if blank(realisasi) else float(cast("int | float", realisasi)),
            DASH if blank(realisasi) else "", re.sub(r"^\d+\.\s*", "", text),
            msg("where_cell", file=Path(sheet.path).name, sheet=sheet.name, cell=real_cell),
            nihil=is_yes_answer(sheet.cell(line, r, COL_NIHIL)[0]),
        )
    if problems:
        raise InputError(problems)
    return figures


def _period_of_title(title: str, year: int) -> str:
    """The part of the year a consolidated sheet's title names ("s.d. Triwulan II"); "" for the year."""
    for cal in CALENDARS.values():
        for period in cal.periods:
            for text in (period.to_date_label(), period.label):
                if title.endswith(" " + msg("period_label", period=text, year=year)):
                    return text
    return ""


# --------------------------------------------------------------------------- previous years


def read_previous(paths: Sequence[str | Path], master: Master | None = None) -> Previous:
    """Earlier years' figures from consolidated workbooks and/or "Capaian Tahun Lalu" sheets.

    An IKK may appear for several years (the report compares 2021, 2022 and
    2023 for some), but only once per year across all ``paths``.  ``master``
    gives each IKK's method, with which realisasi is computed from Pembilang
    and Penyebut (without it, or for an IKK it does not have, the printed
    Realisasi is taken).
    """
    previous = Previous()
    problems: list[Problem] = []
    seen: dict[tuple[str, int], str] = {}
    indicators = master.by_code() if master is not None else {}
    for path in paths:
        try:
            name, grids = open_input(path, (SHEET_CAPAIAN, SHEET_PREVIOUS))
            if SHEET_CAPAIAN in grids:
                figures = list(consolidated_figures(name, grids)[1].values())
            else:
                figures = _read_previous_sheet(name, grids, indicators, previous.warnings)
        except InputError as exc:
            problems.extend(exc.problems)
            continue
        for item in figures:
            key = (item.code, item.year)
            if key in seen:
                problems.append(Problem(name, "previous_duplicate",
                                        msg("previous_duplicate", code=item.code, year=item.year,
                                            where=item.source, other=seen[key]), ikk=item.code))
                continue
            seen[key] = item.source
            previous.by_code.setdefault(item.code, []).append(item)
    if problems:
        raise InputError(problems)
    for figures in previous.by_code.values():
        figures.sort(key=lambda f: f.year)
    return previous


def _read_previous_sheet(name: str, grids: dict[str, list[list[object]]], indicators: dict[str, Indicator],
                         warnings: list[Problem]) -> list[YearFigures]:
    problems: list[Problem] = []
    sheet = InputSheet(name, grids, SHEET_PREVIOUS, problems)
    if not sheet.find_header(PREVIOUS_REQUIRED, PREVIOUS_COLUMNS):
        raise InputError(problems)
    counts = [h for h in (COL_NUM, COL_DEN) if h in sheet.columns]
    if len(counts) == 1:  # Pembilang without Penyebut, or the other way round
        sheet.report("input_header_missing", header=COL_DEN if counts == [COL_NUM] else COL_NUM)
    elif COL_REALISASI not in sheet.columns and not counts:
        sheet.report("input_header_missing", header=COL_REALISASI)
    if problems:
        raise InputError(problems)
    figures = []
    for r, line in sheet.rows():
        code, code_cell = sheet.code(line, r)
        if not code:
            continue
        raw_year, year_cell = sheet.cell(line, r, COL_YEAR)
        year = parse_year(raw_year)
        if year is None:
            sheet.report("input_year_invalid", year_cell, ikk=code, value=clean_text(raw_year))
        raw_target, target_cell = sheet.cell(line, r, COL_TARGET)
        target = None if blank(raw_target) else sheet.number(raw_target, target_cell, code, COL_TARGET)
        if target is None and not blank(raw_target):
            continue  # reported
        raw_real, real_cell = sheet.cell(line, r, COL_REALISASI)
        printed, note = None, ""
        if isinstance(raw_real, str) and not blank(raw_real) and not re.search(r"\d", raw_real):
            note = clean_text(raw_real)  # "NIHIL", "-": printed as is, no capaian
        elif not blank(raw_real):
            printed = sheet.number(raw_real, real_cell, code, COL_REALISASI)
            if printed is None:
                continue  # reported
        usable, counted = _from_counts(sheet, line, r, indicators.get(code))
        if not usable:
            continue  # reported
        realisasi = printed
        if counted is not None:
            if year is not None and (note or (printed is not None and not _agrees(printed, counted.realisasi))):
                shown = note or format_number(cast(float, printed), 4)
                warnings.append(_differs(sheet, real_cell or counted.cell, code, year, shown, counted))
            realisasi, note = counted.realisasi, ""
        elif printed is None and not note and all(blank(sheet.cell(line, r, h)[0]) for h in (COL_NUM, COL_DEN)):
            # (counts of an IKK the master does not have are not computed: its data is not used)
            sheet.report("input_value_missing", real_cell or code_cell, ikk=code, field=COL_REALISASI, code=code)
            continue
        if year is None:
            continue
        source = clean_text(sheet.cell(line, r, COL_SOURCE)[0])
        figures.append(YearFigures(code, year, target, realisasi, note, clean_text(sheet.cell(line, r, COL_TEXT)[0]),
                                   source or msg("where_row", file=Path(name).name, sheet=SHEET_PREVIOUS, row=r + 1)))
    if problems:
        raise InputError(problems)
    return figures


class _Counted(NamedTuple):
    """Realisasi computed from a row's Pembilang and Penyebut, with the counts and Pembilang's cell."""

    realisasi: float
    cell: str
    numerator: float
    denominator: float


def _from_counts(sheet: InputSheet, line: list[object], r: int,
                 indicator: Indicator | None) -> tuple[bool, _Counted | None]:
    """Realisasi from the row's Pembilang and Penyebut by the IKK's method: ``(True, None)`` when the row
    has none (or the IKK is not in the master, whose data is not used), ``(False, None)`` when a problem
    was reported, else ``(True, counted)``."""
    (raw_num, num_cell), (raw_den, den_cell) = sheet.cell(line, r, COL_NUM), sheet.cell(line, r, COL_DEN)
    if blank(raw_num) and blank(raw_den):
        return True, None
    code = clean_text(sheet.cell(line, r, COL_CODE)[0])
    if blank(raw_num) or blank(raw_den):
        sheet.report("previous_counts_incomplete", num_cell if blank(raw_num) else den_cell, ikk=code, code=code)
        return False, None
    if indicator is None:
        return True, None
    method = methods.spec(indicator.method)
    if method.inputs is not methods.Inputs.PAIR:
        sheet.report("previous_counts_method", num_cell, ikk=code, code=code, method=method.name)
        return False, None
    numerator = sheet.number(raw_num, num_cell, code, COL_NUM, method.numerator_kind)
    denominator = sheet.number(raw_den, den_cell, code, COL_DEN, method.denominator_kind)
    if numerator is None or denominator is None:
        return False, None
    value = methods.realisasi(indicator, IndicatorInput(code, pairs=[(numerator, denominator)]))
    if value is None:
        sheet.report("previous_counts_no_value", num_cell, ikk=code, code=code, method=method.name,
                     numerator=format_number(numerator, 4), denominator=format_number(denominator, 4))
        return False, None
    return True, _Counted(value, num_cell, numerator, denominator)


def _agrees(printed: float, computed: float) -> bool:
    """Whether a printed realisasi is the computed one within its printed decimals (rounded or cut off):
    94,7 and 94 agree with 94,7046; 421,05 does not with 420."""
    return abs(computed - printed) < 10.0 ** -decimals_for(printed, 4)


def _differs(sheet: InputSheet, cell: str, code: str, year: int, printed: str, counted: _Counted) -> Problem:
    text = msg("previous_realisasi_differs", path=sheet.path, sheet=sheet.name, cell=cell, code=code, year=year,
               printed=printed, computed=format_number(counted.realisasi, 4),
               numerator=format_number(counted.numerator, 4), denominator=format_number(counted.denominator, 4))
    return Problem(sheet.path, "previous_realisasi_differs", text, WARNING, sheet.name, cell, code)
