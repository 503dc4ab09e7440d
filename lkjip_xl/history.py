"""Inputs of the report tables besides this year's figures: earlier years, Renstra, supporting tables.

Earlier years come from either of two workbooks (both are read by
:func:`read_previous`):

- a consolidated workbook written by ``lkjip-xl consolidate`` in an earlier
  year: Target and Realisasi of sheet "Capaian Kinerja", the year from its title;
- for years before the toolkit, the documented sheet "Capaian Tahun Lalu":
  one row per IKK and year with Kode IKK, Tahun, Target and Realisasi.  A
  Realisasi written as text ("NIHIL", "-") is kept as a note and shown as is.

The Renstra workbook (sheet "Renstra", :func:`read_renstra`) holds one row per
IKK with a target per plan year and, for an IKK whose realisasi is converted to
the Renstra scale, the two scale names ("1-4", "1-10").  The conversion factor
itself is declared in the master PK.

The supporting-table list (sheet "Tabel Pendukung", :func:`read_supporting`)
names the tables the Divisi prepare themselves and where they are numbered:
before an IKK's tables, or at the end (AKHIR).

Capaian is never read: the tables compute it from target and realisasi with
the same rule as this year.  Readers collect every problem and raise
:class:`InputError` with all of them; warnings travel with the data.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Sequence

from .consolidate import SHEET_CAPAIAN
from .fileio import atomic_output
from .messages import msg
from .numbers import NumberParseError, parse_number
from .report import ERROR, WARNING, Problem
from .safety import FormReadError, open_workbook
from .xlsx import a1, new_workbook

SHEET_PREVIOUS = "Capaian Tahun Lalu"
SHEET_RENSTRA = "Renstra"
SHEET_SUPPORTING = "Tabel Pendukung"
AKHIR = "AKHIR"  #: position of a supporting table after all other tables

COL_CODE = "Kode IKK"
COL_YEAR = "Tahun"
COL_TEXT = "Indikator Kinerja Kegiatan"
COL_TARGET = "Target"
COL_REALISASI = "Realisasi"
COL_SOURCE = "Sumber"
COL_SKALA_PK = "Skala PK"
COL_SKALA_RENSTRA = "Skala Renstra"
COL_BEFORE = "Sebelum"
COL_TITLE = "Judul Tabel"

PREVIOUS_COLUMNS = (COL_CODE, COL_YEAR, COL_TEXT, COL_TARGET, COL_REALISASI, COL_SOURCE)
PREVIOUS_REQUIRED = (COL_CODE, COL_YEAR, COL_TARGET, COL_REALISASI)

_HEADER_SEARCH_ROWS = 10
_YEAR_RE = re.compile(r"Tahun (\d{4})\s*$")


class InputError(Exception):
    """An input workbook cannot be used; ``problems`` say where and why."""

    def __init__(self, problems: Sequence[Problem]):
        self.problems = list(problems)
        super().__init__("\n".join(p.message for p in self.problems if p.is_error))


@dataclass(frozen=True)
class YearFigures:
    """Target and realisasi of one IKK in one year.

    ``realisasi`` is ``None`` when there is none; ``note`` is then what the
    tables print instead ("NIHIL", "-").  ``text`` and ``source`` are for
    people: the indicator as worded that year and where the figures come from.
    """

    code: str
    year: int
    target: float
    realisasi: float | None
    note: str = ""
    text: str = ""
    source: str = ""


@dataclass(frozen=True)
class RenstraRow:
    """The Renstra targets of one IKK by year, and the scales when realisasi is converted."""

    code: str
    targets: dict[int, float]
    skala_pk: str = ""
    skala_renstra: str = ""
    text: str = ""
    source: str = ""


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


@dataclass(frozen=True)
class SupportingTable:
    """A table the user prepares, numbered before an IKK's tables (``before`` = its code) or at the end (AKHIR)."""

    before: str
    title: str
    source: str = ""


@dataclass
class Previous:
    """Earlier years' figures by IKK code, each list in year order."""

    by_code: dict[str, list[YearFigures]] = field(default_factory=dict)

    @property
    def years(self) -> tuple[int, ...]:
        return tuple(sorted({f.year for figures in self.by_code.values() for f in figures}))


# --------------------------------------------------------------------------- reading helpers


def _blank(value: object) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def _norm(value: object) -> str:
    return " ".join(str(value).split()).casefold()


def _text(value: object) -> str:
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return "" if _blank(value) else " ".join(str(value).split())


def _year(value: object) -> int | None:
    """A four-digit year from a cell (2022, 2022.0 or "2022"), else ``None``."""
    text = _text(value)
    return int(text) if re.fullmatch(r"(19|20|21)\d\d", text) else None


class _Sheet:
    """One sheet of an input workbook, read into rows; problems are collected, not raised."""

    def __init__(self, path: str, grids: dict[str, list[list[object]]], name: str, problems: list[Problem]):
        self.path, self.name, self.problems = path, name, problems
        self.grid = grids[name]
        self.header_row: int | None = None
        self.columns: dict[str, int] = {}

    def report(self, message_code: str, cell: str = "", severity: str = ERROR, ikk: str = "", **fields) -> None:
        text = msg(message_code, path=self.path, sheet=self.name, cell=cell or "-", **fields)
        self.problems.append(Problem(self.path, message_code, text, severity, self.name, cell, ikk))

    def find_header(self, required: Sequence[str], optional: Iterable[str] = ()) -> bool:
        """Locate the header row: the first of the first rows holding the first required header."""
        for r, line in enumerate(self.grid[:_HEADER_SEARCH_ROWS]):
            found = {_norm(v): c for c, v in enumerate(line) if not _blank(v)}
            if _norm(required[0]) in found:
                self.header_row = r
                self.columns = {h: found[_norm(h)] for h in (*required, *optional) if _norm(h) in found}
                break
        missing = [h for h in required if h not in self.columns]
        for header in missing:
            self.report("input_header_missing", header=header)
        return not missing

    def rows(self) -> Iterable[tuple[int, list[object]]]:
        """Data rows below the header that are not entirely blank."""
        for r in range(self.header_row + 1, len(self.grid)):
            line = self.grid[r]
            if not all(_blank(v) for v in line):
                yield r, line

    def cell(self, line: list[object], r: int, header: str) -> tuple[object, str]:
        col = self.columns.get(header)
        if col is None:
            return None, ""
        return (line[col] if col < len(line) else None), a1(r, col)

    def code(self, line: list[object], r: int) -> tuple[str, str]:
        """The IKK code of a row and its cell; a missing code is reported and given as ""."""
        raw, cell = self.cell(line, r, COL_CODE)
        code = _text(raw)
        if not code:
            self.report("input_code_missing", cell)
        return code, cell

    def number(self, raw: object, cell: str, code: str, header: str) -> float | None:
        """``raw`` as a number; ``None`` and a problem naming the cell when it is no clear number."""
        try:
            return parse_number(raw if isinstance(raw, (int, float, str)) else str(raw), "decimal").value
        except NumberParseError as exc:
            problem = "input_value_ambiguous" if exc.code == "ambiguous_number" else "input_value_invalid"
            self.report(problem, cell, ikk=code, field=header, code=code, value=raw)
            return None


def _open(path: str | Path, wanted: Sequence[str]) -> tuple[str, dict[str, list[list[object]]]]:
    """The cells of the ``wanted`` sheets an input workbook has (the file is closed again).

    :class:`InputError` when the file is missing, unreadable or has none of them.
    """
    name = str(path)
    if not Path(name).is_file():
        raise InputError([Problem(name, "file_not_found", msg("file_not_found", path=name))])
    try:  # every pre-flight check, every sheet bounded (a renamed PDF, a far stray cell, ...)
        with open_workbook(name) as workbook:
            grids = {sheet: workbook.rows(sheet) for sheet in wanted if sheet in workbook.sheet_names}
    except FormReadError as exc:
        raise InputError([Problem(name, exc.code, exc.message, sheet=exc.sheet, cell=exc.cell)]) from None
    if not grids:
        names = " atau ".join(f"'{sheet}'" for sheet in wanted)
        raise InputError([Problem(name, "input_sheet_missing", msg("input_sheet_missing", path=name, sheets=names))])
    return name, grids


# --------------------------------------------------------------------------- consolidated workbook


def read_consolidated(path: str | Path) -> tuple[int, dict[str, YearFigures]]:
    """The year and each IKK's target and realisasi of a workbook written by ``lkjip-xl consolidate``.

    Values are the ones the workbook stores beside its formulas.  A blank
    realisasi (an IKK that was not reported) is ``None`` with the note "-".
    """
    return _read_consolidated(*_open(path, (SHEET_CAPAIAN,)))


def _read_consolidated(name: str, grids: dict[str, list[list[object]]]) -> tuple[int, dict[str, YearFigures]]:
    problems: list[Problem] = []
    sheet = _Sheet(name, grids, SHEET_CAPAIAN, problems)
    title = _text(sheet.grid[0][0]) if sheet.grid and sheet.grid[0] else ""
    match = _YEAR_RE.search(title)
    if not match:
        sheet.report("consolidated_year_missing", "A1", title=title)
        raise InputError(problems)
    year = int(match.group(1))
    if not sheet.find_header((COL_CODE, COL_TARGET, COL_REALISASI), (COL_TEXT,)):
        raise InputError(problems)
    figures: dict[str, YearFigures] = {}
    for r, line in sheet.rows():
        code = _text(sheet.cell(line, r, COL_CODE)[0])
        if not code:
            continue  # Divisi group rows
        target, target_cell = sheet.cell(line, r, COL_TARGET)
        realisasi, real_cell = sheet.cell(line, r, COL_REALISASI)
        if not isinstance(target, (int, float)) or not (_blank(realisasi) or isinstance(realisasi, (int, float))):
            sheet.report("consolidated_value_invalid", target_cell, ikk=code, code=code)
            continue
        text = _text(sheet.cell(line, r, COL_TEXT)[0])
        figures[code] = YearFigures(
            code, year, float(target), None if _blank(realisasi) else float(realisasi),
            "-" if _blank(realisasi) else "", re.sub(r"^\d+\.\s*", "", text),
            f"{Path(name).name}, sheet {SHEET_CAPAIAN}, sel {real_cell}",
        )
    if problems:
        raise InputError(problems)
    return year, figures


# --------------------------------------------------------------------------- previous years


def read_previous(paths: Sequence[str | Path]) -> Previous:
    """Earlier years' figures from consolidated workbooks and/or "Capaian Tahun Lalu" sheets.

    An IKK may appear for several years (the report compares 2021, 2022 and
    2023 for some), but only once per year across all ``paths``.
    """
    previous = Previous()
    problems: list[Problem] = []
    seen: dict[tuple[str, int], str] = {}
    for path in paths:
        try:
            name, grids = _open(path, (SHEET_CAPAIAN, SHEET_PREVIOUS))
            if SHEET_CAPAIAN in grids:
                figures = list(_read_consolidated(name, grids)[1].values())
            else:
                figures = _read_previous_sheet(name, grids)
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


def _read_previous_sheet(name: str, grids: dict[str, list[list[object]]]) -> list[YearFigures]:
    problems: list[Problem] = []
    sheet = _Sheet(name, grids, SHEET_PREVIOUS, problems)
    if not sheet.find_header(PREVIOUS_REQUIRED, (COL_TEXT, COL_SOURCE)):
        raise InputError(problems)
    figures = []
    for r, line in sheet.rows():
        code, code_cell = sheet.code(line, r)
        if not code:
            continue
        raw_year, year_cell = sheet.cell(line, r, COL_YEAR)
        year = _year(raw_year)
        if year is None:
            sheet.report("input_year_invalid", year_cell, ikk=code, value=_text(raw_year))
        raw_target, target_cell = sheet.cell(line, r, COL_TARGET)
        target = None
        if _blank(raw_target):
            sheet.report("input_value_missing", target_cell, ikk=code, field=COL_TARGET, code=code)
        else:
            target = sheet.number(raw_target, target_cell, code, COL_TARGET)
        raw_real, real_cell = sheet.cell(line, r, COL_REALISASI)
        realisasi, note = None, ""
        if _blank(raw_real):
            sheet.report("input_value_missing", real_cell, ikk=code, field=COL_REALISASI, code=code)
        elif isinstance(raw_real, str) and not re.search(r"\d", raw_real):
            note = _text(raw_real)  # "NIHIL", "-": printed as is, no capaian
        else:
            realisasi = sheet.number(raw_real, real_cell, code, COL_REALISASI)
        if year is None or target is None or (realisasi is None and not note):
            continue
        source = _text(sheet.cell(line, r, COL_SOURCE)[0])
        figures.append(YearFigures(code, year, target, realisasi, note, _text(sheet.cell(line, r, COL_TEXT)[0]),
                                   source or f"{Path(name).name}, sheet {SHEET_PREVIOUS}, baris {r + 1}"))
    if problems:
        raise InputError(problems)
    return figures


# --------------------------------------------------------------------------- Renstra


def read_renstra(path: str | Path) -> Renstra:
    """The Renstra workbook: plan years (the header cells that are years) and targets per IKK."""
    problems: list[Problem] = []
    sheet = _Sheet(*_open(path, (SHEET_RENSTRA,)), SHEET_RENSTRA, problems)
    if not sheet.find_header((COL_CODE,), (COL_TEXT, COL_SKALA_PK, COL_SKALA_RENSTRA, COL_SOURCE)):
        raise InputError(problems)
    header = sheet.grid[sheet.header_row]
    year_cols = {year: c for c, value in enumerate(header) if (year := _year(value)) is not None}
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
            if not _blank(raw):
                value = sheet.number(raw, a1(r, col), code, str(year))
                if value is not None:
                    targets[year] = value
        skala_pk = _text(sheet.cell(line, r, COL_SKALA_PK)[0])
        skala_renstra = _text(sheet.cell(line, r, COL_SKALA_RENSTRA)[0])
        if bool(skala_pk) != bool(skala_renstra):
            sheet.report("renstra_scale_incomplete", code_cell, WARNING, ikk=code, code=code)
        rows[code] = RenstraRow(code, targets, skala_pk, skala_renstra, _text(sheet.cell(line, r, COL_TEXT)[0]),
                                _text(sheet.cell(line, r, COL_SOURCE)[0]))
    renstra = Renstra(tuple(sorted(year_cols)), rows, tuple(problems))
    if not renstra.years_with_targets:
        sheet.report("renstra_no_years", a1(sheet.header_row, 0))
    if any(p.is_error for p in problems):
        raise InputError(problems)
    return renstra


# --------------------------------------------------------------------------- supporting tables


def read_supporting(path: str | Path, codes: Iterable[str]) -> tuple[SupportingTable, ...]:
    """The supporting-table list: sheet "Tabel Pendukung", one row per table in order.

    Column Sebelum holds the code of the IKK whose tables the supporting table
    precedes (one of ``codes``, any case) or AKHIR; column Judul Tabel its title.
    """
    problems: list[Problem] = []
    sheet = _Sheet(*_open(path, (SHEET_SUPPORTING,)), SHEET_SUPPORTING, problems)
    if not sheet.find_header((COL_BEFORE, COL_TITLE), (COL_SOURCE,)):
        raise InputError(problems)
    positions = {code.casefold(): code for code in (*codes, AKHIR)}
    tables = []
    for r, line in sheet.rows():
        raw_before, before_cell = sheet.cell(line, r, COL_BEFORE)
        position = positions.get(_text(raw_before).casefold())
        title, title_cell = sheet.cell(line, r, COL_TITLE)
        if position is None:
            sheet.report("supporting_position_invalid", before_cell, value=_text(raw_before))
        elif _blank(title):
            sheet.report("supporting_title_missing", title_cell)
        else:
            tables.append(SupportingTable(position, _text(title), _text(sheet.cell(line, r, COL_SOURCE)[0])))
    if problems:
        raise InputError(problems)
    return tuple(tables)


# --------------------------------------------------------------------------- writing (templates, samples)


class _Writer:
    """Formats shared by the two input sheets."""

    def __init__(self, workbook):
        self.title = workbook.add_format({"bold": True, "font_size": 13})
        self.note = workbook.add_format({"italic": True, "font_color": "#595959"})
        self.head = workbook.add_format({"bold": True, "border": 1, "bg_color": "#DDEBF7", "text_wrap": True,
                                         "valign": "top"})
        self.text = workbook.add_format({"border": 1, "text_wrap": True, "valign": "top"})
        self.number = workbook.add_format({"border": 1, "valign": "top", "num_format": "General"})

    def value(self, sheet, row: int, col: int, value: object) -> None:
        if value is None or value == "":
            sheet.write_blank(row, col, None, self.text)
        elif isinstance(value, str):
            sheet.write_string(row, col, value, self.text)
        else:
            sheet.write_number(row, col, value, self.number)


def _start(workbook, fmt: _Writer, name: str, title: str, note: str, headers: Sequence[str],
           widths: Sequence[float]):
    sheet = workbook.add_worksheet(name)
    sheet.write_string(0, 0, title, fmt.title)
    sheet.write_string(1, 0, note, fmt.note)
    for col, (header, width) in enumerate(zip(headers, widths)):
        sheet.set_column(col, col, width)
        sheet.write_string(3, col, header, fmt.head)
    sheet.freeze_panes(4, 0)
    return sheet


def write_previous_sheet(figures: Sequence[YearFigures], out: str | Path, force: bool = False) -> Path:
    """Write earlier years' figures as a "Capaian Tahun Lalu" workbook (see docs/tables.md)."""
    with atomic_output(out, force) as tmp:
        workbook = new_workbook(tmp, title=SHEET_PREVIOUS)
        fmt = _Writer(workbook)
        sheet = _start(workbook, fmt, SHEET_PREVIOUS, "Capaian kinerja tahun-tahun sebelumnya",
                       "Satu baris per IKK per tahun. Realisasi berupa angka; tulis NIHIL atau - bila tidak ada. "
                       "Capaian tidak diisi: dihitung dari target dan realisasi.",
                       PREVIOUS_COLUMNS, (13, 8, 60, 10, 10, 50))
        for row, item in enumerate(figures, start=4):
            values = (item.code, item.year, item.text, item.target,
                      item.note if item.realisasi is None else item.realisasi, item.source)
            for col, value in enumerate(values):
                fmt.value(sheet, row, col, value)
        workbook.close()
    return Path(out)


def write_supporting_sheet(tables: Sequence[SupportingTable], out: str | Path, force: bool = False) -> Path:
    """Write a supporting-table list as a "Tabel Pendukung" workbook (see docs/tables.md)."""
    with atomic_output(out, force) as tmp:
        workbook = new_workbook(tmp, title=SHEET_SUPPORTING)
        fmt = _Writer(workbook)
        sheet = _start(workbook, fmt, SHEET_SUPPORTING, "Tabel pendukung yang diberi nomor di Bab III",
                       f"Sebelum: kode IKK yang tabelnya didahului tabel ini, atau {AKHIR} untuk sesudah semua "
                       "tabel. Urutan baris = urutan nomor.",
                       (COL_BEFORE, COL_TITLE, COL_SOURCE), (13, 70, 40))
        for row, table in enumerate(tables, start=4):
            for col, value in enumerate((table.before, table.title, table.source)):
                fmt.value(sheet, row, col, value)
        workbook.close()
    return Path(out)


def write_renstra_sheet(renstra: Renstra, out: str | Path, force: bool = False) -> Path:
    """Write Renstra targets as a "Renstra" workbook with one column per plan year (see docs/tables.md)."""
    headers = (COL_CODE, COL_TEXT, *map(str, renstra.years), COL_SKALA_PK, COL_SKALA_RENSTRA, COL_SOURCE)
    widths = (13, 60, *(8 for _ in renstra.years), 10, 12, 50)
    with atomic_output(out, force) as tmp:
        workbook = new_workbook(tmp, title=SHEET_RENSTRA)
        fmt = _Writer(workbook)
        span = f"{renstra.years[0]}–{renstra.years[-1]}" if renstra.years else ""
        sheet = _start(workbook, fmt, SHEET_RENSTRA, f"Target Renstra {span}",
                       "Satu baris per IKK; kosongkan tahun yang tidak memiliki target. Skala PK dan Skala "
                       "Renstra diisi bila realisasi dikonversi (faktornya di master PK).",
                       headers, widths)
        for row, item in enumerate(renstra.rows.values(), start=4):
            values = (item.code, item.text, *(item.targets.get(y) for y in renstra.years),
                      item.skala_pk, item.skala_renstra, item.source)
            for col, value in enumerate(values):
                fmt.value(sheet, row, col, value)
        workbook.close()
    return Path(out)
