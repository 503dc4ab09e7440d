"""The budget part of the LKjIP: Tabel 3.178–3.180 and the capaian kinerja anggaran.

Three tables, each from its own source application, so each keeps its own
satker names and order (the report itself names and orders them differently):

- Pagu dan Realisasi Anggaran (OM-SPAN): persentase = realisasi / pagu × 100,
  per satker and for the total.
- Nilai SMART DJA: Nilai Efisiensi = 50 + 2,5 × Efisiensi (0–20 scale) and
  NILAI SMART = 0,435·CRO + 0,097·Penyerapan + 0,182·Konsistensi
  + 0,286·Nilai Efisiensi; the wilayah row is the simple mean of the satker rows.
- Nilai IKPA: the wilayah value is the simple mean of the satker rows.
- Capaian Kinerja Anggaran = 60 % × Nilai SMART wilayah + 40 % × Nilai IKPA
  wilayah.  By default the two means are first rounded to 2 decimals, as the
  report does (99,40 and 98,89 → 99,196 → 99,20); the report prints 99,21,
  an arithmetic slip (it writes 40 % × 98,89 as 39,57 instead of 39,556).

Like :mod:`lkjip_xl.calc`, every number comes from a pure function with a
``*_formula`` twin that computes it in a spreadsheet with the same operations
in the same order, so the value cached beside each formula is the value the
spreadsheet engine recomputes.  The weights and the rounding of the means are
settings (:class:`BudgetWeights`).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Sequence

import xlsxwriter
from python_calamine import CalamineError, CalamineWorkbook

from .fileio import atomic_output
from .messages import msg
from .numbers import NumberParseError, excel_number_format, excel_round, format_number, parse_number
from .report import ERROR, WARNING, Problem
from .safety import FormReadError, open_workbook
from .roman import table_number
from .xlsx import a1, new_workbook, number_literal, print_a4, quote_sheet, row_height, wrapped_lines

# --------------------------------------------------------------------------- data model


@dataclass(frozen=True)
class PaguRow:
    """One satker of Tabel 3.178; money in whole Rupiah."""

    kelompok: str
    satker: str
    pagu: int
    realisasi: int


@dataclass(frozen=True)
class SmartRow:
    """One satker of Tabel 3.179 (SMART DJA).

    ``nilai_efisiensi`` is the application's own value when given; when
    ``None`` it is computed from ``efisiensi`` (see :func:`nilai_efisiensi`).
    """

    kelompok: str
    satker: str
    penyerapan: float
    konsistensi: float
    cro: float
    efisiensi: float
    nilai_efisiensi: float | None = None


@dataclass(frozen=True)
class IkpaRow:
    """One satker of Tabel 3.180."""

    kelompok: str
    satker: str
    nilai_ikpa: float


@dataclass(frozen=True)
class BudgetData:
    """Everything the budget tables need; ``warnings`` were noticed while reading."""

    kantor: str  # "Kantor Wilayah Kementerian Hukum dan HAM Kepulauan Bangka Belitung"
    tahun: int
    pagu_realisasi: tuple[PaguRow, ...]
    smart: tuple[SmartRow, ...]
    ikpa: tuple[IkpaRow, ...]
    warnings: tuple[Problem, ...] = ()


@dataclass(frozen=True)
class BudgetWeights:
    """Calculation settings; the defaults reproduce the 2023 report.

    ``mean_decimals``: the SMART and IKPA wilayah means are rounded to this many
    decimals before they are weighted (2, as the report does); ``None`` weights
    the unrounded means.
    """

    cro: float = 0.435
    penyerapan: float = 0.097
    konsistensi: float = 0.182
    efisiensi: float = 0.286
    efisiensi_base: float = 50.0
    efisiensi_factor: float = 2.5
    bobot_smart: float = 0.60
    bobot_ikpa: float = 0.40
    mean_decimals: int | None = 2


DEFAULT_WEIGHTS = BudgetWeights()


# --------------------------------------------------------------------------- calculation


def persentase_realisasi(realisasi: float, pagu: float) -> float:
    """realisasi / pagu × 100."""
    return realisasi / pagu * 100


def persentase_realisasi_formula(realisasi_ref: str, pagu_ref: str) -> str:
    """Formula of :func:`persentase_realisasi`."""
    return f"{realisasi_ref}/{pagu_ref}*100"


def nilai_efisiensi(efisiensi: float, weights: BudgetWeights = DEFAULT_WEIGHTS) -> float:
    """50 + 2,5 × Efisiensi: the 0–20 efisiensi score on the 0–100 scale."""
    return weights.efisiensi_base + weights.efisiensi_factor * efisiensi


def nilai_efisiensi_formula(efisiensi_ref: str, weights: BudgetWeights = DEFAULT_WEIGHTS) -> str:
    """Formula of :func:`nilai_efisiensi`."""
    return f"{number_literal(weights.efisiensi_base)}+{number_literal(weights.efisiensi_factor)}*{efisiensi_ref}"


def smart_nilai_efisiensi(row: SmartRow, weights: BudgetWeights = DEFAULT_WEIGHTS) -> float:
    """The row's Nilai Efisiensi: the application's value if given, else computed."""
    if row.nilai_efisiensi is not None:
        return row.nilai_efisiensi
    return nilai_efisiensi(row.efisiensi, weights)


def nilai_smart(penyerapan: float, konsistensi: float, cro: float, nilai_efisiensi_value: float,
                weights: BudgetWeights = DEFAULT_WEIGHTS) -> float:
    """0,435·CRO + 0,097·Penyerapan + 0,182·Konsistensi + 0,286·Nilai Efisiensi."""
    return (weights.cro * cro + weights.penyerapan * penyerapan
            + weights.konsistensi * konsistensi + weights.efisiensi * nilai_efisiensi_value)


def nilai_smart_formula(penyerapan_ref: str, konsistensi_ref: str, cro_ref: str,
                        nilai_efisiensi_ref: str, weights: BudgetWeights = DEFAULT_WEIGHTS) -> str:
    """Formula of :func:`nilai_smart`."""
    return (f"{number_literal(weights.cro)}*{cro_ref}+{number_literal(weights.penyerapan)}*{penyerapan_ref}"
            f"+{number_literal(weights.konsistensi)}*{konsistensi_ref}"
            f"+{number_literal(weights.efisiensi)}*{nilai_efisiensi_ref}")


def row_nilai_smart(row: SmartRow, weights: BudgetWeights = DEFAULT_WEIGHTS) -> float:
    """:func:`nilai_smart` of one SMART row."""
    return nilai_smart(row.penyerapan, row.konsistensi, row.cro,
                       smart_nilai_efisiensi(row, weights), weights)


def total(values: Sequence[float]) -> float:
    """Sum, left to right (exact for whole Rupiah)."""
    return sum(values)


def total_formula(range_ref: str) -> str:
    """Formula of :func:`total`."""
    return f"SUM({range_ref})"


def mean(values: Sequence[float]) -> float:
    """Simple mean: :func:`total` / count."""
    if not values:
        raise ValueError("mean of no values")
    return total(values) / len(values)


def mean_formula(range_ref: str) -> str:
    """Formula of :func:`mean` (blank cells in the range are not counted)."""
    return f"SUM({range_ref})/COUNT({range_ref})"


def spreadsheet_round(value: float, decimals: int) -> float:
    """ROUND() as Excel and LibreOffice do it (:func:`~lkjip_xl.numbers.excel_round`)."""
    return float(excel_round(value, decimals))


def nilai_komponen(wilayah_mean: float, weights: BudgetWeights = DEFAULT_WEIGHTS) -> float:
    """The wilayah mean as it enters the capaian: rounded per ``weights.mean_decimals``."""
    if weights.mean_decimals is None:
        return wilayah_mean
    return spreadsheet_round(wilayah_mean, weights.mean_decimals)


def nilai_komponen_formula(mean_ref: str, weights: BudgetWeights = DEFAULT_WEIGHTS) -> str:
    """Formula of :func:`nilai_komponen`."""
    if weights.mean_decimals is None:
        return mean_ref
    return f"ROUND({mean_ref},{weights.mean_decimals})"


def nilai_terbobot(nilai: float, bobot: float) -> float:
    """nilai × bobot (bobot as a fraction: 0,6 for 60 %)."""
    return nilai * bobot


def nilai_terbobot_formula(nilai_ref: str, bobot_ref: str) -> str:
    """Formula of :func:`nilai_terbobot`."""
    return f"{nilai_ref}*{bobot_ref}"


def capaian_kinerja_anggaran(smart_wilayah: float, ikpa_wilayah: float,
                             weights: BudgetWeights = DEFAULT_WEIGHTS) -> float:
    """60 % × Nilai SMART wilayah + 40 % × Nilai IKPA wilayah (unrounded result)."""
    smart_part = nilai_terbobot(nilai_komponen(smart_wilayah, weights), weights.bobot_smart)
    ikpa_part = nilai_terbobot(nilai_komponen(ikpa_wilayah, weights), weights.bobot_ikpa)
    return smart_part + ikpa_part


def capaian_kinerja_anggaran_formula(smart_part_ref: str, ikpa_part_ref: str) -> str:
    """Formula of :func:`capaian_kinerja_anggaran` from the two :func:`nilai_terbobot` cells."""
    return f"{smart_part_ref}+{ikpa_part_ref}"


@dataclass(frozen=True)
class BudgetSummary:
    """The headline budget figures (unrounded; the report prints them with 2 decimals)."""

    total_pagu: int
    total_realisasi: int
    persentase_realisasi: float
    smart_wilayah: float
    ikpa_wilayah: float
    capaian_kinerja_anggaran: float


def summarize_budget(data: BudgetData, weights: BudgetWeights = DEFAULT_WEIGHTS) -> BudgetSummary:
    """Totals, wilayah means and capaian kinerja anggaran of ``data``."""
    total_pagu = total([row.pagu for row in data.pagu_realisasi])
    total_realisasi = total([row.realisasi for row in data.pagu_realisasi])
    smart_wilayah = mean([row_nilai_smart(row, weights) for row in data.smart])
    ikpa_wilayah = mean([row.nilai_ikpa for row in data.ikpa])
    return BudgetSummary(
        total_pagu=total_pagu,
        total_realisasi=total_realisasi,
        persentase_realisasi=persentase_realisasi(total_realisasi, total_pagu),
        smart_wilayah=smart_wilayah,
        ikpa_wilayah=ikpa_wilayah,
        capaian_kinerja_anggaran=capaian_kinerja_anggaran(smart_wilayah, ikpa_wilayah, weights),
    )


# --------------------------------------------------------------------------- input workbook

SHEET_INFO = "Keterangan"
SHEET_PAGU = "Pagu Realisasi"
SHEET_SMART = "SMART"
SHEET_IKPA = "IKPA"

LABEL_KANTOR = "Kantor Wilayah"
LABEL_TAHUN = "Tahun Anggaran"

COL_KELOMPOK = "Kelompok"
COL_SATKER = "Satuan Kerja"
COL_PAGU = "Pagu (Rp)"
COL_REALISASI = "Realisasi (Rp)"
COL_PENYERAPAN = "Penyerapan"
COL_KONSISTENSI = "Konsistensi"
COL_CRO = "CRO"
COL_EFISIENSI = "Efisiensi"
COL_NILAI_EFISIENSI = "Nilai Efisiensi"
COL_IKPA = "Nilai IKPA"

#: Required numeric columns of each data sheet, in the documented order.
SHEET_COLUMNS = {
    SHEET_PAGU: (COL_PAGU, COL_REALISASI),
    SHEET_SMART: (COL_PENYERAPAN, COL_KONSISTENSI, COL_CRO, COL_EFISIENSI),
    SHEET_IKPA: (COL_IKPA,),
}
#: Optional columns of each data sheet (Kelompok everywhere; Nilai Efisiensi may also be left blank).
SHEET_OPTIONAL_COLUMNS = {
    SHEET_PAGU: (COL_KELOMPOK,),
    SHEET_SMART: (COL_KELOMPOK, COL_NILAI_EFISIENSI),
    SHEET_IKPA: (COL_KELOMPOK,),
}

#: Satker names that mark a total or mean row copied from a report.
_SUMMARY_NAMES = ("total", "jumlah", "rata-rata", "rerata", "nilai smart wilayah", "nilai ikpa wilayah")

_HEADER_SEARCH_ROWS = 10


class BudgetInputError(Exception):
    """The budget input workbook cannot be used; ``problems`` say where and why."""

    def __init__(self, problems: Sequence[Problem]):
        self.problems = list(problems)
        super().__init__("\n".join(p.message for p in self.problems if p.is_error))


def _norm(text: object) -> str:
    return " ".join(str(text).split()).casefold()


def _blank(value: object) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


@dataclass(frozen=True)
class _Line:
    """One data row of an input sheet: its names and the raw cells by header."""

    kelompok: str
    satker: str
    cells: dict[str, tuple[object, str]]  # header -> (raw value, "C5")


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

    def grid(self, sheet: str) -> list[list[object]] | None:
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
        values = {}
        for r, line in enumerate(grid):
            if len(line) >= 2 and not _blank(line[0]):
                values.setdefault(_norm(line[0]), (line[1], a1(r, 1)))
        kantor, _ = values.get(_norm(LABEL_KANTOR), ("", ""))
        if _blank(kantor):
            self.report("budget_info_missing", SHEET_INFO, label=LABEL_KANTOR)
        tahun_raw, cell = values.get(_norm(LABEL_TAHUN), ("", ""))
        if _blank(tahun_raw):
            self.report("budget_info_missing", SHEET_INFO, label=LABEL_TAHUN)
            return " ".join(str(kantor).split()), None
        try:
            tahun = parse_number(tahun_raw, "count").value
        except NumberParseError:
            tahun = 0.0
        if not (tahun.is_integer() and 1900 <= tahun <= 2100):
            self.report("budget_year_invalid", SHEET_INFO, cell, value=tahun_raw)
            return " ".join(str(kantor).split()), None
        return " ".join(str(kantor).split()), int(tahun)

    # ---- data sheets

    def lines(self, sheet: str) -> list[_Line]:
        grid = self.grid(sheet)
        if grid is None:
            return []
        wanted = (COL_SATKER, *SHEET_COLUMNS[sheet], *SHEET_OPTIONAL_COLUMNS[sheet])
        header_row, columns = None, {}
        for r, line in enumerate(grid[:_HEADER_SEARCH_ROWS]):
            found = {_norm(v): c for c, v in enumerate(line) if not _blank(v)}
            if _norm(COL_SATKER) in found:
                header_row = r
                columns = {h: found[_norm(h)] for h in wanted if _norm(h) in found}
                break
        missing = [h for h in (COL_SATKER, *SHEET_COLUMNS[sheet]) if h not in columns]
        for header in missing:
            self.report("budget_header_missing", sheet, header=header)
        if missing:
            return []
        lines = []
        for r in range(header_row + 1, len(grid)):
            line = grid[r]
            cells = {h: (line[c] if c < len(line) else "", a1(r, c)) for h, c in columns.items()}
            if all(_blank(value) for value, _ in cells.values()):
                continue
            satker_raw, satker_cell = cells.pop(COL_SATKER)
            kelompok_raw, _ = cells.pop(COL_KELOMPOK, ("", ""))
            satker = " ".join(str(satker_raw).split())
            if not satker:
                self.report("budget_satker_missing", sheet, satker_cell)
                continue
            if _norm(satker) in _SUMMARY_NAMES:
                self.report("budget_summary_row", sheet, satker_cell, satker=satker)
                continue
            kelompok = "" if _blank(kelompok_raw) else " ".join(str(kelompok_raw).split())
            lines.append(_Line(kelompok, satker, cells))
        if not lines and not self.problems_in(sheet):
            self.report("budget_no_rows", sheet)
        return lines

    def problems_in(self, sheet: str) -> bool:
        return any(p.sheet == sheet and p.is_error for p in self.problems)

    def number(self, sheet: str, line: _Line, header: str, kind: str,
               low: float, high: float | None) -> float | None:
        """The cell under ``header`` as a number within [low, high]; ``None`` (and a
        problem) when blank, unreadable or out of range."""
        raw, cell = line.cells[header]
        fields = dict(field=header, satker=line.satker, value=raw)
        if _blank(raw):
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

    def pagu_rows(self) -> list[PaguRow]:
        rows = []
        for line in self.lines(SHEET_PAGU):
            pagu = self.number(SHEET_PAGU, line, COL_PAGU, "money", 0, None)
            realisasi = self.number(SHEET_PAGU, line, COL_REALISASI, "money", 0, None)
            if pagu == 0:
                self.report("budget_pagu_zero", SHEET_PAGU, line.cells[COL_PAGU][1], satker=line.satker)
                continue
            if pagu is None or realisasi is None:
                continue
            if realisasi > pagu:
                self.report("budget_realisasi_over_pagu", SHEET_PAGU, line.cells[COL_REALISASI][1],
                            WARNING, satker=line.satker, realisasi=_rupiah(realisasi), pagu=_rupiah(pagu))
            rows.append(PaguRow(line.kelompok, line.satker, int(pagu), int(realisasi)))
        return rows

    def smart_rows(self) -> list[SmartRow]:
        rows = []
        for line in self.lines(SHEET_SMART):
            scores = [self.number(SHEET_SMART, line, h, "decimal", 0, 100)
                      for h in (COL_PENYERAPAN, COL_KONSISTENSI, COL_CRO)]
            efisiensi = self.number(SHEET_SMART, line, COL_EFISIENSI, "decimal", 0, 20)
            given = None
            if COL_NILAI_EFISIENSI in line.cells and not _blank(line.cells[COL_NILAI_EFISIENSI][0]):
                given = self.number(SHEET_SMART, line, COL_NILAI_EFISIENSI, "decimal", 0, 100)
                if given is None:
                    continue
            if None in scores or efisiensi is None:
                continue
            if given is not None:
                self.check_nilai_efisiensi(line, efisiensi, given)
            rows.append(SmartRow(line.kelompok, line.satker, *scores, efisiensi, given))
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

    def ikpa_rows(self) -> list[IkpaRow]:
        rows = []
        for line in self.lines(SHEET_IKPA):
            value = self.number(SHEET_IKPA, line, COL_IKPA, "decimal", 0, 100)
            if value is not None:
                rows.append(IkpaRow(line.kelompok, line.satker, value))
        return rows


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
    except FormReadError as exc:
        raise BudgetInputError([Problem(name, exc.code, exc.message, sheet=exc.sheet, cell=exc.cell)]) from None
    except (CalamineError, OSError) as exc:
        problem = Problem(name, "file_unreadable", msg("file_unreadable", path=name, detail=exc))
        raise BudgetInputError([problem]) from exc
    if any(p.is_error for p in reader.problems):
        raise BudgetInputError(reader.problems)
    counts = {SHEET_PAGU: len(pagu), SHEET_SMART: len(smart), SHEET_IKPA: len(ikpa)}
    if len(set(counts.values())) > 1:
        reader.report("budget_row_count_differs", severity=WARNING,
                      counts=", ".join(f"{sheet} {n}" for sheet, n in counts.items()))
    return BudgetData(kantor, tahun, tuple(pagu), tuple(smart), tuple(ikpa), tuple(reader.problems))


# --------------------------------------------------------------------------- writing

SHEET_CAPAIAN = "Capaian Kinerja Anggaran"


@dataclass(frozen=True)
class TableEntry:
    """A table written by :func:`write_budget_tables`, for a table of contents.

    ``number`` is ``None`` (and ``label`` empty) for the unnumbered capaian table.
    """

    number: int | None
    label: str
    title: str
    sheet: str

    @property
    def caption(self) -> str:
        """"Tabel 3.178 Pagu dan Realisasi Anggaran …" (or the bare title)."""
        return f"{self.label} {self.title}" if self.label else self.title


class _Formats:
    """The cell formats of the budget sheets, created once per workbook call."""

    def __init__(self, workbook: xlsxwriter.Workbook):
        def fmt(**props):
            return workbook.add_format({"font_name": "Arial", "font_size": 10, "valign": "vcenter", **props})

        cell = {"border": 1}
        bold = {"border": 1, "bold": True}
        money = '"Rp "#,##0'
        score = excel_number_format("", 2)
        self.title = fmt(bold=True, font_size=11, align="center", text_wrap=True)
        self.note = fmt(italic=True, text_wrap=True, align="left", valign="top")
        self.header = fmt(**bold, align="center", text_wrap=True, bg_color="#D9D9D9")
        self.no = fmt(**cell, align="center")
        self.group = fmt(**bold, text_wrap=True)
        self.text = fmt(**cell, text_wrap=True)
        self.sub_text = fmt(**cell, text_wrap=True, indent=1)
        self.money = fmt(**cell, num_format=money)
        self.percent = fmt(**cell, num_format=excel_number_format("%", 2))
        self.score = fmt(**cell, num_format=score)
        self.weight = fmt(**cell, num_format="0%", align="center")
        self.total_label = fmt(**bold, align="center")
        self.total_money = fmt(**bold, num_format=money)
        self.total_percent = fmt(**bold, num_format=excel_number_format("%", 2))
        self.total_score = fmt(**bold, num_format=score)


def _merge_text(ws, first_row: int, first_col: int, last_row: int, last_col: int, text: str, cell_format) -> None:
    """A merged range holding text written with write_string (never parsed as a formula)."""
    ws.merge_range(first_row, first_col, last_row, last_col, "", cell_format)
    ws.write_string(first_row, first_col, text, cell_format)


def _start_sheet(ws, fmts: _Formats, caption: str, widths: Sequence[float], landscape: bool,
                 header_rows: tuple[int, int]) -> None:
    """Title, column widths and A4 print setup (fit to page width, headers repeated)."""
    for col, width in enumerate(widths):
        ws.set_column(col, col, width)
    ws.set_row(0, row_height([(caption, sum(widths))], line_points=15))
    _merge_text(ws, 0, 0, 0, len(widths) - 1, caption, fmts.title)
    print_a4(ws, landscape)
    ws.repeat_rows(*header_rows)
    ws.freeze_panes(header_rows[1] + 1, 0)


def _numbered(rows: Sequence) -> list[tuple[int | None, object]]:
    """Rows in table order, with group header rows as ``(no, kelompok)`` and satker rows as
    ``(no or None, row)``: consecutive rows of one kelompok share one number, as in the report."""
    out, number, current = [], 0, None
    for row in rows:
        if row.kelompok:
            if row.kelompok != current:
                number += 1
                out.append((number, row.kelompok))
                current = row.kelompok
            out.append((None, row))
        else:
            number += 1
            current = None
            out.append((number, row))
    return out


def _write_label_cells(ws, fmts: _Formats, r: int, no: int | None, item, last_col: int, name_width: float) -> bool:
    """NO and name of one table row; returns True for a group header row (values left blank)."""
    if no is None:
        ws.write_blank(r, 0, None, fmts.no)
    else:
        ws.write_number(r, 0, no, fmts.no)
    name = item if isinstance(item, str) else item.satker
    if wrapped_lines(name, name_width) > 1:
        ws.set_row(r, row_height([(name, name_width)]))
    if isinstance(item, str):
        ws.write_string(r, 1, item, fmts.group)
        for col in range(2, last_col + 1):
            ws.write_blank(r, col, None, fmts.text)
        return True
    ws.write_string(r, 1, item.satker, fmts.sub_text if no is None else fmts.text)
    return False


def _write_pagu_table(ws, fmts: _Formats, data: BudgetData, caption: str) -> None:
    widths = (6, 44, 22, 22, 16)
    _start_sheet(ws, fmts, caption, widths, False, (2, 2))
    for col, header in enumerate(("NO", "KANTOR/ SATUAN KERJA", "PAGU (Rp)", "REALISASI (Rp)", "PERSENTASE (%)")):
        ws.write_string(2, col, header, fmts.header)
    first = r = 3
    for no, item in _numbered(data.pagu_realisasi):
        if not _write_label_cells(ws, fmts, r, no, item, 4, widths[1]):
            ws.write_number(r, 2, item.pagu, fmts.money)
            ws.write_number(r, 3, item.realisasi, fmts.money)
            ws.write_formula(r, 4, "=" + persentase_realisasi_formula(a1(r, 3), a1(r, 2)), fmts.percent,
                             persentase_realisasi(item.realisasi, item.pagu))
        r += 1
    totals = []
    for col, attr in ((2, "pagu"), (3, "realisasi")):
        value = total([getattr(row, attr) for row in data.pagu_realisasi])
        ws.write_formula(r, col, "=" + total_formula(f"{a1(first, col)}:{a1(r - 1, col)}"), fmts.total_money, value)
        totals.append(value)
    _merge_text(ws, r, 0, r, 1, "TOTAL", fmts.total_label)
    ws.write_formula(r, 4, "=" + persentase_realisasi_formula(a1(r, 3), a1(r, 2)), fmts.total_percent,
                     persentase_realisasi(totals[1], totals[0]))


def _write_smart_table(ws, fmts: _Formats, data: BudgetData, weights: BudgetWeights, caption: str) -> tuple[str, float]:
    """Tabel 3.179; returns the absolute reference and value of the NILAI SMART wilayah cell."""
    widths = (6, 40, 13, 13, 11, 11, 13, 13)
    _start_sheet(ws, fmts, caption, widths, True, (2, 3))
    _merge_text(ws, 2, 0, 3, 0, "NO", fmts.header)
    _merge_text(ws, 2, 1, 3, 1, "SATUAN KERJA", fmts.header)
    _merge_text(ws, 2, 2, 2, 6, "NILAI KINERJA", fmts.header)
    _merge_text(ws, 2, 7, 3, 7, "NILAI SMART", fmts.header)
    for col, header in enumerate(("Penyerapan", "Konsistensi", "CRO", "Efisiensi", "Nilai Efisiensi"), start=2):
        ws.write_string(3, col, header, fmts.header)
    first = r = 4
    columns: list[list[float]] = [[] for _ in range(6)]  # C..H values, for the means
    for no, item in _numbered(data.smart):
        if not _write_label_cells(ws, fmts, r, no, item, 7, widths[1]):
            for col, value in ((2, item.penyerapan), (3, item.konsistensi), (4, item.cro), (5, item.efisiensi)):
                ws.write_number(r, col, value, fmts.score)
            ne = smart_nilai_efisiensi(item, weights)
            if item.nilai_efisiensi is None:
                ws.write_formula(r, 6, "=" + nilai_efisiensi_formula(a1(r, 5), weights), fmts.score, ne)
            else:
                ws.write_number(r, 6, ne, fmts.score)
            smart = nilai_smart(item.penyerapan, item.konsistensi, item.cro, ne, weights)
            formula = nilai_smart_formula(a1(r, 2), a1(r, 3), a1(r, 4), a1(r, 6), weights)
            ws.write_formula(r, 7, "=" + formula, fmts.score, smart)
            row_values = (item.penyerapan, item.konsistensi, item.cro, item.efisiensi, ne, smart)
            for values, value in zip(columns, row_values):
                values.append(value)
        r += 1
    _merge_text(ws, r, 0, r, 1, "NILAI SMART WILAYAH", fmts.total_label)
    for col, values in enumerate(columns, start=2):
        formula = mean_formula(f"{a1(first, col)}:{a1(r - 1, col)}")
        ws.write_formula(r, col, "=" + formula, fmts.total_score, mean(values))
    return f"{quote_sheet(ws.name)}!{a1(r, 7, absolute=True)}", mean(columns[5])


def _write_ikpa_table(ws, fmts: _Formats, data: BudgetData, caption: str) -> tuple[str, float]:
    """Tabel 3.180; returns the absolute reference and value of the NILAI IKPA wilayah cell."""
    widths = (6, 48, 16)
    _start_sheet(ws, fmts, caption, widths, False, (2, 2))
    for col, header in enumerate(("NO", "SATUAN KERJA", "NILAI IKPA")):
        ws.write_string(2, col, header, fmts.header)
    first = r = 3
    for no, item in _numbered(data.ikpa):
        if not _write_label_cells(ws, fmts, r, no, item, 2, widths[1]):
            ws.write_number(r, 2, item.nilai_ikpa, fmts.score)
        r += 1
    _merge_text(ws, r, 0, r, 1, "NILAI IKPA WILAYAH", fmts.total_label)
    value = mean([row.nilai_ikpa for row in data.ikpa])
    ws.write_formula(r, 2, "=" + mean_formula(f"{a1(first, 2)}:{a1(r - 1, 2)}"), fmts.total_score, value)
    return f"{quote_sheet(ws.name)}!{a1(r, 2, absolute=True)}", value


def _write_capaian_table(ws, fmts: _Formats, weights: BudgetWeights, caption: str,
                         smart: tuple[str, float], ikpa: tuple[str, float]) -> None:
    widths = (6, 50, 13, 11, 16)
    _start_sheet(ws, fmts, caption, widths, False, (2, 2))
    for col, header in enumerate(("NO", "KOMPONEN", "NILAI", "BOBOT", "NILAI × BOBOT")):
        ws.write_string(2, col, header, fmts.header)
    components = (
        ("Nilai Kinerja pada Aplikasi SMART DJA", smart, weights.bobot_smart),
        ("Nilai Indikator Kinerja Pelaksanaan Anggaran (IKPA)", ikpa, weights.bobot_ikpa),
    )
    for i, (label, (ref, wilayah), bobot) in enumerate(components):
        r = 3 + i
        ws.write_number(r, 0, i + 1, fmts.no)
        ws.write_string(r, 1, label, fmts.text)
        nilai = nilai_komponen(wilayah, weights)
        ws.write_formula(r, 2, "=" + nilai_komponen_formula(ref, weights), fmts.score, nilai)
        ws.write_number(r, 3, bobot, fmts.weight)
        part = nilai_terbobot(nilai, bobot)
        ws.write_formula(r, 4, "=" + nilai_terbobot_formula(a1(r, 2), a1(r, 3)), fmts.score, part)
    _merge_text(ws, 5, 0, 5, 3, "CAPAIAN KINERJA ANGGARAN", fmts.total_label)
    ws.write_formula(5, 4, "=" + capaian_kinerja_anggaran_formula(a1(3, 4), a1(4, 4)), fmts.total_score,
                     capaian_kinerja_anggaran(smart[1], ikpa[1], weights))
    if weights.mean_decimals is None:
        rounding = "Nilai SMART dan IKPA wilayah dipakai tanpa pembulatan."
    else:
        rounding = (f"Nilai SMART dan IKPA wilayah dibulatkan {weights.mean_decimals} desimal "
                    "sebelum dibobot, seperti dalam LKjIP.")
    note = (f"Rumus: ({format_number(weights.bobot_smart * 100)}% × Nilai SMART) + "
            f"({format_number(weights.bobot_ikpa * 100)}% × Nilai IKPA). {rounding}")
    ws.set_row(7, row_height([(note, sum(widths))]))
    _merge_text(ws, 7, 0, 7, 4, note, fmts.note)


def write_budget_tables(workbook: xlsxwriter.Workbook, data: BudgetData,
                        weights: BudgetWeights = DEFAULT_WEIGHTS, start_number: int = 178,
                        chapter: int = 3) -> list[TableEntry]:
    """Add the budget sheets to an open XlsxWriter ``workbook``.

    Writes four sheets: Tabel <chapter>.<start_number> (pagu dan realisasi),
    the next number (SMART DJA), the next (IKPA), and the unnumbered "Capaian
    Kinerja Anggaran".  Every computed number is a formula with its value
    cached; inputs are numbers; text always goes through ``write_string``.
    Returns the tables in order, for a table of contents; the next free table
    number is ``start_number + 3``.
    """
    fmts = _Formats(workbook)
    numbers = (start_number, start_number + 1, start_number + 2)
    entries = [
        TableEntry(numbers[0], table_number(chapter, numbers[0]),
                   f"Pagu dan Realisasi Anggaran {data.kantor} dan Unit Pelaksana Teknis "
                   f"(Per 31 Desember {data.tahun})", table_number(chapter, numbers[0])),
        TableEntry(numbers[1], table_number(chapter, numbers[1]),
                   f"Nilai SMART DJA di Lingkungan {data.kantor}", table_number(chapter, numbers[1])),
        TableEntry(numbers[2], table_number(chapter, numbers[2]),
                   f"Nilai IKPA di Lingkungan {data.kantor}", table_number(chapter, numbers[2])),
        TableEntry(None, "", f"Capaian Kinerja Anggaran {data.kantor} Tahun {data.tahun}", SHEET_CAPAIAN),
    ]
    sheets = [workbook.add_worksheet(entry.sheet) for entry in entries]
    _write_pagu_table(sheets[0], fmts, data, entries[0].caption)
    smart = _write_smart_table(sheets[1], fmts, data, weights, entries[1].caption)
    ikpa = _write_ikpa_table(sheets[2], fmts, data, entries[2].caption)
    _write_capaian_table(sheets[3], fmts, weights, entries[3].caption, smart, ikpa)
    return entries


def write_budget_workbook(data: BudgetData, out_path: str | Path, force: bool = False,
                          weights: BudgetWeights = DEFAULT_WEIGHTS, start_number: int = 178) -> list[TableEntry]:
    """Write the budget tables as a standalone workbook (atomically; no overwrite unless ``force``)."""
    with atomic_output(out_path, force) as tmp:
        workbook = new_workbook(tmp, title=f"Anggaran LKjIP {data.tahun}")
        entries = write_budget_tables(workbook, data, weights, start_number)
        workbook.close()
    return entries
