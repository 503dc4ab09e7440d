"""Reading the budget input workbook documented in docs/budget.md (:func:`load_budget`).

Two sheets every workbook has: "Keterangan" (Kantor Wilayah, Tahun Anggaran) and
"Pagu Realisasi" (one row per satker, program, kegiatan or sub kegiatan: the
optional column "Tingkat"; optional "Kode SK" / "Kode IKK" map a row's realisasi
to the master for the efficiency table).  Three an agency may leave out or
leave empty (:data:`OPTIONAL_SHEETS`): "SMART", "IKPA" and "e-Monev" (one column
per month, titled "Januari" or "Jan"); each one missing is said once in the
warnings.  Every data sheet has a header row holding "Satuan Kerja" (or
"Uraian") among its first rows.  Every problem is collected and raised at once
in :class:`BudgetInputError`; warnings travel with the data.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from python_calamine import CalamineError, CalamineWorkbook

from ..._values import blank, parse_year
from ...errors import INPUT, LkjipError
from ...messages import LABELS, msg, translated
from ...numbers import NumberParseError, format_number, parse_number
from ...periods import month_of
from ...problems import ERROR, WARNING, Problem
from ...safety import FormReadError
from ...workbooks import open_workbook
from ...xlsx import a1
from ..inputs import clean_text, column_of, header_keys, norm
from .layout import (  # noqa: F401  (re-exported: the reader's layout)
    SHEET_INFO, SHEET_PAGU, SHEET_SMART, SHEET_IKPA, SHEET_EMONEV, LABEL_KANTOR, LABEL_TAHUN, COL_KELOMPOK,
    COL_SATKER, COL_PAGU, COL_REALISASI, COL_PENYERAPAN, COL_KONSISTENSI, COL_CRO, COL_EFISIENSI,
    COL_NILAI_EFISIENSI, COL_IKPA, COL_NO, COL_URAIAN, COL_TINGKAT, COL_KODE_SK, COL_KODE_IKK, NAME_COLUMNS,
    OPTIONAL_SHEETS, LEVEL_NAMES, MONTHS, SHEET_COLUMNS, SHEET_OPTIONAL_COLUMNS, HEADER_SEARCH_ROWS, LEVEL_WORDS,
    SK_CODE, SUMMARY_NAMES,
)
from .model import (
    DEFAULT_WEIGHTS, SATKER, BudgetData, BudgetWeights, EmonevRow, IkpaRow, PaguRow, SmartRow, nilai_efisiensi,
)


class BudgetInputError(LkjipError):
    """The budget input workbook cannot be used; ``problems`` say where and why."""

    kind = INPUT

    def __init__(self, problems: Sequence[Problem]):
        self.problems = list(problems)
        super().__init__("\n".join(p.message for p in self.problems if p.is_error))


@dataclass(frozen=True)
class _Line:
    """One data row of an input sheet: its names and the raw cells by header."""

    kelompok: str
    satker: str
    cells: dict[str, tuple[object, str]]  # header -> (raw value, "C5")


def _header(grid: Sequence[Sequence[object]]) -> tuple[int | None, dict[str, int]]:
    """The header row of a data sheet (the first of its first rows naming a :data:`NAME_COLUMNS` column)
    and the column of each header in it, by its normalised text."""
    names = {key for h in NAME_COLUMNS for key in header_keys(h)}
    for r, line in enumerate(grid[:HEADER_SEARCH_ROWS]):
        found = {norm(v): c for c, v in enumerate(line) if not blank(v)}
        if names & found.keys():
            return r, found
    return None, {}


class _Reader:
    """Reads one input workbook, collecting problems instead of stopping at the first."""

    def __init__(self, path: str, book: CalamineWorkbook, weights: BudgetWeights):
        self.path = path
        self.book = book
        self.weights = weights
        self.problems: list[Problem] = []

    def report(self, code: str, sheet: str = "", cell: str = "", severity: str = ERROR, **fields) -> None:
        text = msg(code, path=self.path, sheet=sheet, cell=cell, **fields)
        self.problems.append(Problem(self.path, code, text, severity, sheet, cell))

    def grid(self, sheet: str) -> Sequence[Sequence[object]] | None:
        if sheet not in self.book.sheet_names:
            self.report("budget_sheet_missing", sheet)
            return None
        return self.book.get_sheet_by_name(sheet).to_python(skip_empty_area=False)

    # ---- Keterangan

    def info(self) -> tuple[str, int | None]:
        """Kantor Wilayah and Tahun Anggaran: labels in column A, values in column B."""
        grid = self.grid(SHEET_INFO)
        if grid is None:
            return "", None
        values: dict[str, tuple[object, str]] = {}
        for r, line in enumerate(grid):
            if len(line) >= 2 and not blank(line[0]):
                values.setdefault(norm(line[0]), (line[1], a1(r, 1)))
        kantor, cell = next((values[key] for key in header_keys(LABEL_KANTOR) if key in values), ("", "A1"))
        if blank(kantor):
            self.report("budget_info_missing", SHEET_INFO, cell, label=translated(LABEL_KANTOR))
        tahun_raw, cell = values.get(norm(LABEL_TAHUN), ("", "A1"))
        if blank(tahun_raw):
            self.report("budget_info_missing", SHEET_INFO, cell, label=LABEL_TAHUN)
            return " ".join(str(kantor).split()), None
        tahun = parse_year(tahun_raw)
        if tahun is None:
            self.report("budget_year_invalid", SHEET_INFO, cell, value=tahun_raw)
        return " ".join(str(kantor).split()), tahun

    # ---- data sheets

    def lines(self, sheet: str, required: Sequence[str] | None = None) -> list[_Line] | None:
        """The data rows of ``sheet`` under its header row (``required``: its number columns).

        ``None`` for an optional sheet (:data:`OPTIONAL_SHEETS`) that is missing, blank, or has a
        header row and no row under it: its table is not written.
        """
        optional = sheet in OPTIONAL_SHEETS
        if optional and self.blank_sheet(sheet):
            return None
        grid = self.grid(sheet)
        if grid is None:
            return []
        required = SHEET_COLUMNS[sheet] if required is None else required
        header_row, found = _header(grid)
        columns = {h: c for h in (*NAME_COLUMNS, *required, *SHEET_OPTIONAL_COLUMNS[sheet])
                   if (c := column_of(found, h)) is not None}
        name = next((h for h in NAME_COLUMNS if h in columns), COL_SATKER)
        # without a name column no header row is found: only that column is said to be missing
        missing = [h for h in (name, *required) if h not in columns][:None if header_row is not None else 1]
        for header in missing:  # the cell is where the header row starts, or where it should
            self.report("budget_header_missing", sheet, a1(header_row or 0, 0), header=translated(header))
        if missing or header_row is None:  # header_row is set whenever no header is missing
            return []
        for other in NAME_COLUMNS:
            if other != name:
                columns.pop(other, None)
        lines = []
        for r in range(header_row + 1, len(grid)):
            line = grid[r]
            cells = {h: (line[c] if c < len(line) else "", a1(r, c)) for h, c in columns.items()}
            if all(blank(value) for value, _ in cells.values()):
                continue
            satker_raw, satker_cell = cells.pop(name)
            kelompok_raw, _ = cells.pop(COL_KELOMPOK, ("", ""))
            cells.pop(COL_NO, None)
            satker = " ".join(str(satker_raw).split())
            if not satker:
                self.report("budget_satker_missing", sheet, satker_cell)
                continue
            if any(norm(satker) in header_keys(summary) for summary in SUMMARY_NAMES):  # also in own words
                self.report("budget_summary_row", sheet, satker_cell, satker=satker)
                continue
            kelompok = "" if blank(kelompok_raw) else " ".join(str(kelompok_raw).split())
            lines.append(_Line(kelompok, satker, cells))
        if not lines and not self.problems_in(sheet):
            if optional:
                return None
            self.report("budget_no_rows", sheet, a1(header_row + 1, columns[name]))
        return lines

    def blank_sheet(self, sheet: str) -> bool:
        """Whether ``sheet`` is missing or has no value in any cell."""
        if sheet not in self.book.sheet_names:
            return True
        grid = self.book.get_sheet_by_name(sheet).to_python(skip_empty_area=False)
        return all(blank(value) for line in grid for value in line)

    def problems_in(self, sheet: str) -> bool:
        return any(p.sheet == sheet and p.is_error for p in self.problems)

    def number(self, sheet: str, line: _Line, header: str, kind: str,
               low: float, high: float | None) -> float | None:
        """The cell under ``header`` as a number within [low, high]; ``None`` (and a
        problem) when blank, unreadable or out of range."""
        raw, cell = line.cells[header]
        fields: dict[str, Any] = dict(field=header, satker=line.satker, value=raw)
        if blank(raw):
            self.report("budget_value_missing", sheet, cell, **fields)
            return None
        try:
            value = parse_number(raw if isinstance(raw, (int, float, str)) else str(raw), kind).value
        except NumberParseError as exc:
            code = "budget_value_ambiguous" if exc.code == "ambiguous_number" else "budget_value_not_number"
            self.report(code, sheet, cell, **fields)
            return None
        if value < low or (high is not None and value > high):
            self.report("budget_value_out_of_range", sheet, cell, field=header, satker=line.satker,
                        value=format_number(value), low=format_number(low),
                        high=format_number(high) if high is not None else "…")
            return None
        if kind == "money" and not value.is_integer():
            self.report("budget_money_not_whole", sheet, cell, field=header, satker=line.satker,
                        value=format_number(value))
            return None
        return value

    def level(self, line: _Line) -> str | None:
        """The row's Tingkat (blank: a satker); ``None`` (and a problem) for a word not in :data:`LEVEL_NAMES`."""
        raw, cell = line.cells.get(COL_TINGKAT, ("", ""))
        if blank(raw):
            return SATKER
        level = LEVEL_WORDS.get(re.sub(r"[\W\d_]", "", str(raw)).casefold())
        if level is None:
            self.report("budget_level_invalid", SHEET_PAGU, cell, value=raw, satker=line.satker,
                        choices=", ".join(LEVEL_NAMES.values()))
        return level

    def sk_code(self, line: _Line) -> tuple[int | None, bool]:
        """The row's Kode SK (``None`` when blank) and whether it is usable."""
        raw, cell = line.cells.get(COL_KODE_SK, ("", ""))
        if blank(raw):
            return None, True
        text = clean_text(raw).casefold()
        match = SK_CODE.fullmatch(text)
        if match is None or int(match.group(1)) == 0:
            self.report("budget_sk_invalid", SHEET_PAGU, cell, value=raw, satker=line.satker)
            return None, False
        return int(match.group(1)), True

    def pagu_rows(self) -> list[PaguRow]:
        rows = []
        for line in self.lines(SHEET_PAGU) or ():
            level = self.level(line)
            kode_sk, usable = self.sk_code(line)
            kode_ikk_raw, ikk_cell = line.cells.get(COL_KODE_IKK, ("", ""))
            kode_ikk = clean_text(kode_ikk_raw)
            pagu = self.number(SHEET_PAGU, line, COL_PAGU, "money", 0, None)
            realisasi = self.number(SHEET_PAGU, line, COL_REALISASI, "money", 0, None)
            if pagu == 0:
                self.report("budget_pagu_zero", SHEET_PAGU, line.cells[COL_PAGU][1], satker=line.satker)
                continue
            if pagu is None or realisasi is None or level is None or not usable:
                continue
            if realisasi > pagu:
                self.report("budget_realisasi_over_pagu", SHEET_PAGU, line.cells[COL_REALISASI][1],
                            WARNING, satker=line.satker, realisasi=_rupiah(realisasi), pagu=_rupiah(pagu))
            sk_cell = line.cells.get(COL_KODE_SK, ("", ""))[1]
            kode_cell = ikk_cell if kode_ikk else sk_cell if kode_sk is not None else ""  # where the mapping is
            rows.append(PaguRow(line.kelompok, line.satker, int(pagu), int(realisasi), level, kode_sk, kode_ikk,
                                kode_cell))
        return rows

    def smart_rows(self) -> list[SmartRow] | None:
        lines = self.lines(SHEET_SMART)
        if lines is None:
            return None
        rows = []
        for line in lines:
            scores = [self.number(SHEET_SMART, line, h, "decimal", 0, 100)
                      for h in (COL_PENYERAPAN, COL_KONSISTENSI, COL_CRO)]
            efisiensi = self.number(SHEET_SMART, line, COL_EFISIENSI, "decimal", 0, 20)
            given = None
            if COL_NILAI_EFISIENSI in line.cells and not blank(line.cells[COL_NILAI_EFISIENSI][0]):
                given = self.number(SHEET_SMART, line, COL_NILAI_EFISIENSI, "decimal", 0, 100)
                if given is None:
                    continue
            penyerapan, konsistensi, cro = scores
            if penyerapan is None or konsistensi is None or cro is None or efisiensi is None:
                continue
            if given is not None:
                self.check_nilai_efisiensi(line, efisiensi, given)
            rows.append(SmartRow(line.kelompok, line.satker, penyerapan, konsistensi, cro, efisiensi, given))
        return rows

    def check_nilai_efisiensi(self, line: _Line, efisiensi: float, given: float) -> None:
        """Warn when a given Nilai Efisiensi is further from the formula than the
        2-decimal rounding of Efisiensi and of Nilai Efisiensi can explain."""
        w = self.weights
        expected = nilai_efisiensi(efisiensi, w)
        tolerance = abs(w.efisiensi_factor) * 0.005 + 0.005 + 1e-9
        if abs(given - expected) > tolerance:
            self.report("budget_nilai_efisiensi_differs", SHEET_SMART,
                        line.cells[COL_NILAI_EFISIENSI][1], WARNING, satker=line.satker,
                        value=format_number(given), base=format_number(w.efisiensi_base),
                        factor=format_number(w.efisiensi_factor), expected=format_number(expected, 4))

    def ikpa_rows(self) -> list[IkpaRow] | None:
        lines = self.lines(SHEET_IKPA)
        if lines is None:
            return None
        rows = []
        for line in lines:
            value = self.number(SHEET_IKPA, line, COL_IKPA, "decimal", 0, 100)
            if value is not None:
                rows.append(IkpaRow(line.kelompok, line.satker, value))
        return rows

    def month_titles(self) -> list[str] | None:
        """The header of each month of sheet "e-Monev" as typed, January first; ``None`` (and problems)
        when a month is missing or twice."""
        grid = self.book.get_sheet_by_name(SHEET_EMONEV).to_python(skip_empty_area=False)
        row, _ = _header(grid)
        if row is None:
            return None  # reported as the missing Satuan Kerja column by lines()
        found: dict[int, tuple[str, str]] = {}
        for col, value in enumerate(grid[row]):
            month = month_of(value)
            if month is None:
                continue
            if month in found:
                self.report("budget_month_duplicate", SHEET_EMONEV, a1(row, col), month=MONTHS[month],
                            other=found[month][1])
            else:
                found[month] = (" ".join(str(value).split()), a1(row, col))
        for month, label in enumerate(MONTHS):
            if month not in found:
                self.report("budget_header_missing", SHEET_EMONEV, a1(row, 0), header=label)
        return None if len(found) < len(MONTHS) or self.problems_in(SHEET_EMONEV) else [
            found[m][0] for m in range(len(MONTHS))]

    def emonev_rows(self) -> list[EmonevRow] | None:
        """Sheet "e-Monev" (optional): per satker the reporting score of each month, 0–100; blank = not yet."""
        if self.blank_sheet(SHEET_EMONEV):  # missing or empty: no table
            return None
        titles = self.month_titles()
        lines = self.lines(SHEET_EMONEV, titles or ())
        if lines is None:  # a header row and nothing under it
            return None
        if titles is None:
            return []
        rows = []
        for line in lines:
            months: list[float | None] = []
            usable = True
            for title in titles:
                raw = line.cells[title][0]
                value = None if blank(raw) else self.number(SHEET_EMONEV, line, title, "percent", 0, 100)
                usable = usable and (value is not None or blank(raw))
                months.append(value)
            if usable:
                rows.append(EmonevRow(line.satker, tuple(months)))
        return rows

    def absent(self, smart: list[SmartRow] | None, ikpa: list[IkpaRow] | None,
               emonev: list[EmonevRow] | None) -> None:
        """Say once for each optional sheet missing or empty which table is not written, and once that the
        capaian kinerja anggaran is not (it needs both SMART and IKPA)."""
        tables = (("budget_absent_smart", SHEET_SMART, smart), ("budget_absent_ikpa", SHEET_IKPA, ikpa),
                  ("budget_absent_emonev", SHEET_EMONEV, emonev))
        for key, sheet, rows in tables:
            if rows is None:
                self.report("budget_sheet_absent", sheet, severity=WARNING, table=LABELS[key])
        missing = [sheet for _, sheet, rows in tables[:2] if rows is None]
        if missing:
            self.report("budget_capaian_skipped", severity=WARNING, sheets=f" {LABELS['word_and']} ".join(missing),
                        smart=format_number(self.weights.bobot_smart * 100),
                        ikpa=format_number(self.weights.bobot_ikpa * 100))


def _rupiah(value: float) -> str:
    return "Rp " + format_number(value, 0)


def load_budget(path: str | Path, weights: BudgetWeights = DEFAULT_WEIGHTS) -> BudgetData:
    """Read the budget input workbook documented in docs/budget.md.

    Text cells are read with :func:`~lkjip_xl.numbers.parse_number` ("Rp
    1.169.409.656", "99,71").  Raises :class:`BudgetInputError` with every
    problem found when the workbook cannot be used; warnings that do not stop
    the tables are returned in :attr:`BudgetData.warnings`.
    """
    name = str(path)
    if not Path(name).is_file():
        raise BudgetInputError([Problem(name, "file_not_found", msg("file_not_found", path=name))])
    try:  # every pre-flight check, every sheet bounded (a renamed PDF, a far stray cell, ...)
        with open_workbook(name) as workbook:
            reader = _Reader(name, workbook.book, weights)
            kantor, tahun = reader.info()
            pagu, smart, ikpa = reader.pagu_rows(), reader.smart_rows(), reader.ikpa_rows()
            emonev = reader.emonev_rows()
            reader.absent(smart, ikpa, emonev)
    except FormReadError as exc:
        raise BudgetInputError([Problem(name, exc.code, exc.message, sheet=exc.sheet, cell=exc.cell)]) from None
    except (CalamineError, OSError) as exc:
        problem = Problem(name, "file_unreadable", msg("file_unreadable", path=name, detail=exc))
        raise BudgetInputError([problem]) from exc
    if tahun is None or any(p.is_error for p in reader.problems):  # a missing or invalid year is an error
        raise BudgetInputError(reader.problems)
    satker = [row for row in pagu if row.tingkat == SATKER]  # the lists of satker, from their applications
    counts = {sheet: len(rows) for sheet, rows in ((SHEET_PAGU, satker), (SHEET_SMART, smart), (SHEET_IKPA, ikpa))
              if rows}
    if len(set(counts.values())) > 1:
        reader.report("budget_row_count_differs", severity=WARNING,
                      counts=", ".join(f"{sheet} {n}" for sheet, n in counts.items()))
    return BudgetData(kantor, tahun, tuple(pagu), tuple(smart or ()), tuple(ikpa or ()), tuple(reader.problems),
                      tuple(emonev or ()), name)
