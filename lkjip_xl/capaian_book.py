"""The consolidated workbook of one Kanwil: live formulas with their values.

Sheets written:

- "Capaian Kinerja": laid out like Tabel 3.1 (Divisi group rows, SK, IKK,
  Target, Realisasi, Capaian) plus Status; to the right, the inputs each
  realisasi formula reads (NIHIL, value, pembilang/penyebut pairs).
- "Ringkasan": per Divisi and for the Kanwil, the number of IKK, tercapai,
  tidak tercapai, mean capaian (also capped, where the rule declares a cap), and the headline; beside each
  Divisi's row, who prepared and approved its form (:mod:`lkjip_xl.signoff_book`).
- "Data": one row per IKK, plain values with the form's file, sheet, cell
  and SHA-256, an Excel table for pivots (:mod:`lkjip_xl.records`; the same
  records as :meth:`ConsolidationResult.to_records`).
- "Sumber": every input value with its file, sheet, cell and the file's SHA-256
  (:mod:`lkjip_xl.sources_sheet`).

Every formula is written with the value :mod:`lkjip_xl.calc` computed for it
(forms of several Kanwil: :mod:`lkjip_xl.national`).

The sheet writers are shared with the workbook of period forms
(:mod:`lkjip_xl.period_book`): :func:`capaian_layout` decides where every row
and input cell of a "Capaian Kinerja"-like sheet goes (a :class:`SheetLayout`,
known before anything is written, so that other sheets can refer to it), and
:func:`write_capaian` writes it, its input cells either typed values or, for an
s.d. view, formulas over other sheets with their values (:class:`FormulaInputs`).
"""

from __future__ import annotations

import math
import os
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from xlsxwriter.worksheet import CellFormulaTuple

from . import calc, methods
from .calc import InputRefs
from .capaian_rows import IndicatorRows, stored as _stored
from .fileio import atomic_output
from .consolidation import Consolidated
from .kinds import KIND_CONSOLIDATED
from .messages import LABELS, label, msg, translated, use_words
from .model import Indicator
from .pool import collector_paused
from .numbers import format_number
from .records import write_data_sheet
from .sources_sheet import SHEET_SOURCES as SHEET_SOURCES, write_sources  # the sheet's name is known here too
from .rollup import CombinedFormulas
from .signoff_book import write_summary_signoffs
from .styles import StyleBook
from .xlsx_rows import new_cell
from .xlsx import FiniteWorksheet, a1, column_width, excel_string, new_workbook, print_setup, quote_sheet, row_height
from .words import divisi_label as divisi_label  # the group row's name, known here too

SHEET_CAPAIAN = LABELS["sheet_capaian"]
SHEET_SUMMARY = LABELS["sheet_summary"]

CAPAIAN_HEADERS = tuple(LABELS[key] for key in ("col_no", "col_sk", "col_ikk", "col_target", "col_realisasi",
                                                "col_capaian_plain", "col_status"))
CAPAIAN_WIDTHS = (5, 38, 52, 16, 16, 11, 15)
HEADER_ROW = 3
#: Input column of "Capaian Kinerja" holding each IKK's Divisi number, the key "Ringkasan" counts on:
#: COUNTIF on names would ignore case and read * ? ~ as wildcards.
DIVISI_NUMBER = LABELS["col_no_divisi"]
#: The other input columns of "Capaian Kinerja" (titles; the pairs are ``msg("input_pair_numerator", n=n)`` ...).
INPUT_CODE, INPUT_DIVISI, INPUT_UNIT, INPUT_METHOD, INPUT_NIHIL, INPUT_VALUE, INPUT_FILE = (LABELS[key] for key in (
    "col_kode", "col_divisi", "col_satuan", "col_cara_hitung", "col_nihil", "col_nilai_langsung", "col_berkas_sumber"))
#: The input column of each capaian capped for the means, when the rule declares a cap (``Batas Rata-rata Capaian``).
INPUT_CAPPED = LABELS["col_capaian_capped"]
INPUT_FIRST_COL = len(CAPAIAN_HEADERS) + 1  # one spacer column


class FormulaWorksheet(FiniteWorksheet):
    """An XlsxWriter worksheet for formulas that call only :data:`~lkjip_xl.formula_check.ALLOWED_FUNCTIONS`.

    XlsxWriter runs every formula through some thirty regular expressions that
    prefix functions newer than Excel 2010 with ``_xlfn.``.  None of the allowed
    functions is one of them, so that pass never changes our formulas; it is
    skipped because it cost more than all the rest of writing a workbook
    (benchmarks/README.md).  Nor is any a dynamic-array function, which XlsxWriter
    looks for with one more expression per formula: skipped too.  The test suite
    checks that the stock passes leave every formula we write unchanged.
    """

    def _prepare_formula(self, formula, expand_future_functions=False):
        return formula[1:] if formula.startswith("=") else formula

    def _write_formula(self, row, col, formula, cell_format=None, value=0):
        if (not formula or formula.startswith("{") or (isinstance(value, float) and not math.isfinite(value))
                or self._check_dimensions(row, col)):  # XlsxWriter's (and FiniteWorksheet's) own way
            return super()._write_formula(row, col, formula, cell_format, value)
        if self.constant_memory and row > self.previous_row:  # as Worksheet._write_formula stores it
            self._write_single_row(row)
        self.table[row][col] = new_cell(CellFormulaTuple, (self._prepare_formula(formula), cell_format, value))
        return 0


def add_formula_sheet(workbook, name: str) -> FormulaWorksheet:
    """A new :class:`FormulaWorksheet` named ``name``."""
    return workbook.add_worksheet(name, worksheet_class=FormulaWorksheet)


def write_consolidated(data: Consolidated, out: str | Path, force: bool = False, sources: bool = True) -> Path:
    """Write the sheets atomically to ``out`` ("Sumber" only with ``sources``), in ``data``'s own words."""
    with use_words(data.words), atomic_output(out, force) as tmp, collector_paused():
        _write_consolidated(data, tmp, sources)  # its cells are gone when the collector resumes
    return Path(out)


def _write_consolidated(data: Consolidated, tmp: str, sources: bool) -> None:
    workbook = new_workbook(tmp, title=msg("title_capaian", kanwil=data.kanwil, period=data.period_label),
                            kind=KIND_CONSOLIDATED, in_memory=True)
    styles = StyleBook(workbook, "workbook")
    layout = capaian_layout(data)
    write_capaian(add_formula_sheet(workbook, SHEET_CAPAIAN), styles, data, layout)
    write_summary(workbook, styles, data, layout.ranges)
    write_summary_signoffs(workbook.get_worksheet_by_name(SHEET_SUMMARY), styles, data,  # who signed each form
                           SUMMARY_HEADER_ROW)
    write_data_sheet(workbook, data)
    if sources:
        write_sources(workbook, styles, [("", data)])
    workbook.close()


@dataclass
class SummaryRanges:
    """The columns of a "Capaian Kinerja" sheet that "Ringkasan" counts on (absolute, with the sheet)."""

    divisi: str  #: the Divisi numbers (:meth:`Consolidated.divisi_number`), the key summaries count on
    capaian: str
    status: str
    capped: str = ""  #: each capaian capped at the rule's mean cap ("" without a cap)


@dataclass(frozen=True)
class RowCells:
    """Where one IKK's row is on a "Capaian Kinerja"-like sheet: A1 references without the sheet."""

    row: int  #: 0-based
    target: str
    realisasi: str
    capaian: str
    status: str
    inputs: InputRefs  #: the input cells the realisasi formula reads (NIHIL, value, the IKK's pairs)


@dataclass
class SheetLayout:
    """Where everything is on one "Capaian Kinerja"-like sheet, decided before it is written."""

    name: str
    rows: dict[str, RowCells]  #: IKK code → its cells
    groups: list[tuple[int, str]]  #: (row, Divisi) of the Divisi group rows
    columns: dict[str, int]  #: input column title → 0-based column
    pairs: int  #: pembilang/penyebut pairs of the widest IKK
    first: int  #: first data row (0-based)
    last: int  #: last data row (0-based)
    ranges: SummaryRanges
    pair_columns: tuple[tuple[int, int], ...] = ()  #: (pembilang, penyebut) column of each input pair, in order

    def ref(self, cell: str) -> str:
        """``cell`` of this sheet as another sheet's formula names it: "'Triwulan I'!E5"."""
        return f"{quote_sheet(self.name)}!{cell}"

    def input_refs(self, code: str) -> InputRefs:
        """The IKK's input cells as another sheet's formulas name them."""
        refs = self.rows[code].inputs
        return InputRefs(self.ref(refs.value), tuple((self.ref(n), self.ref(d)) for n, d in refs.pairs),
                         self.ref(refs.nihil))


@dataclass(frozen=True)
class FormulaInputs:
    """Input cells of one row written as formulas with their values (an s.d. view over period sheets)
    instead of typed values; ``realisasi`` replaces the method's realisasi formula when given."""

    combined: CombinedFormulas
    realisasi: str = ""


def _max_pairs(data: Consolidated) -> int:
    return max([methods.input_pairs(r.indicator) for r, _, _ in data.rows] + [1])


def capaian_layout(data: Consolidated, name: str = SHEET_CAPAIAN) -> SheetLayout:
    """Where :func:`write_capaian` puts every row and input of ``data`` on a sheet called ``name``."""
    pairs = _max_pairs(data)
    input_titles = [INPUT_CODE, INPUT_DIVISI, DIVISI_NUMBER, INPUT_UNIT, INPUT_METHOD, INPUT_NIHIL, INPUT_VALUE]
    for n in range(1, pairs + 1):
        input_titles += [msg("input_pair_numerator", n=n), msg("input_pair_denominator", n=n)]
    input_titles.append(INPUT_FILE)
    if data.achievement.mean_cap is not None:
        input_titles.append(INPUT_CAPPED)
    col_of = {title: INPUT_FIRST_COL + i for i, title in enumerate(input_titles)}
    pair_columns = tuple((col_of[msg("input_pair_numerator", n=n)], col_of[msg("input_pair_denominator", n=n)])
                         for n in range(1, pairs + 1))
    row = first = HEADER_ROW + 1
    rows: dict[str, RowCells] = {}
    groups: list[tuple[int, str]] = []
    for result, _, _ in data.rows:
        indicator = result.indicator
        if not groups or groups[-1][1] != indicator.divisi:
            groups.append((row, indicator.divisi))
            row += 1
        pair_refs = tuple((a1(row, num), a1(row, den)) for num, den in pair_columns[:methods.input_pairs(indicator)])
        rows[indicator.code] = RowCells(row, a1(row, 3), a1(row, 4), a1(row, 5), a1(row, 6), InputRefs(
            value=a1(row, col_of[INPUT_VALUE]), pairs=pair_refs, nihil=a1(row, col_of[INPUT_NIHIL])))
        row += 1
    last = row - 1
    ref = quote_sheet(name)

    def col_range(col: int) -> str:
        return f"{ref}!{a1(first, col, True)}:{a1(max(last, first), col, True)}"

    ranges = SummaryRanges(divisi=col_range(col_of[DIVISI_NUMBER]), capaian=col_range(5), status=col_range(6),
                           capped=col_range(col_of[INPUT_CAPPED]) if INPUT_CAPPED in col_of else "")
    return SheetLayout(name, rows, groups, col_of, pairs, first, last, ranges, pair_columns)


def write_capaian(sheet, styles: StyleBook, data: Consolidated, layout: SheetLayout,
                  formulas: Mapping[str, FormulaInputs] | None = None, files: Mapping[str, str] | None = None,
                  note: str = "") -> None:
    """The sheet "Capaian Kinerja" (or a period's sheet laid out like it) of ``data`` at ``layout``.

    Input cells hold the typed values, or for the IKK codes in ``formulas`` formulas with their
    values; the file column shows ``files[code]`` (default: the form's file name); ``note`` is a
    second note line under the rule.
    """
    sheet.write_string(0, 0, msg("title_capaian", kanwil=data.kanwil, period=data.period_label), styles.title)
    sheet.write_string(1, 0, msg("note_capaian", rule=data.achievement.describe()), styles.note)
    if note:
        sheet.write_string(2, 0, note, styles.note)
    col_of = layout.columns
    titles = {**dict(enumerate(CAPAIAN_HEADERS)), **{col: translated(title) for title, col in col_of.items()}}
    for col, title in titles.items():
        sheet.write_string(HEADER_ROW, col, title, styles.header if col < INPUT_FIRST_COL else styles.input_header)
    write_row = IndicatorRows(sheet, styles, data, layout, CAPAIAN_WIDTHS[2], tuple(col_of[title] for title in (
        INPUT_CODE, INPUT_DIVISI, DIVISI_NUMBER, INPUT_UNIT, INPUT_METHOD, INPUT_NIHIL, INPUT_VALUE, INPUT_FILE)),
        col_of.get(INPUT_CAPPED))
    group_at = dict(layout.groups)
    sk_spans: list[tuple[int, int, Indicator]] = []
    heights: dict[int, float] = {}
    for result, reported, checked in data.rows:
        indicator = result.indicator
        row = layout.rows[indicator.code].row
        if row - 1 in group_at:  # written in sheet order: the shared strings come out in the same order
            sheet.merge_range(row - 1, 0, row - 1, len(CAPAIAN_HEADERS) - 1, divisi_label(group_at[row - 1]),
                              styles.group)
        if sk_spans and sk_spans[-1][2].sk_no == indicator.sk_no and sk_spans[-1][2].divisi == indicator.divisi:
            sk_spans[-1] = (sk_spans[-1][0], row, sk_spans[-1][2])
        else:
            sk_spans.append((row, row, indicator))
        file_text = (files or {}).get(indicator.code, os.path.basename(checked.form.path))
        heights[row] = write_row(result, reported, file_text, (formulas or {}).get(indicator.code))
    # every column as wide as the widest it shows, measured as the rows were written (the title row's height
    # follows from the widths)
    widths = _widths(write_row.measured(), titles)
    for col in titles:
        sheet.set_column(col, col, widths[col])
    sheet.set_column(len(CAPAIAN_HEADERS), len(CAPAIAN_HEADERS), 2)
    sheet.set_row(HEADER_ROW, row_height([(title, widths[col]) for col, title in titles.items()], bold=True))
    for start, end, indicator in sk_spans:
        needed = row_height([(indicator.sk_text, CAPAIAN_WIDTHS[1])])
        have = sum(heights[r] for r in range(start, end + 1))
        if needed > have:
            sheet.set_row(end, heights[end] + needed - have)
        if end > start:
            sheet.merge_range(start, 0, end, 0, f"{indicator.sk_no}.", styles.text)
            sheet.merge_range(start, 1, end, 1, indicator.sk_text, styles.text)
        else:
            sheet.write_string(start, 0, f"{indicator.sk_no}.", styles.text)
            sheet.write_string(start, 1, indicator.sk_text, styles.text)
    sheet.freeze_panes(HEADER_ROW + 1, 0)
    sheet.autofilter(HEADER_ROW, INPUT_FIRST_COL, max(layout.last, HEADER_ROW), col_of[INPUT_FILE])
    status = f"{a1(layout.first, 6)}:{a1(max(layout.last, layout.first), 6)}"  # "Tidak Tercapai" as on the forms
    sheet.conditional_format(status, {"type": "cell", "criteria": "==", "value": excel_string(calc.TIDAK_TERCAPAI),
                                      "format": styles.below_target})
    print_setup(sheet, owner=data.kanwil, year=data.year, repeat_rows=HEADER_ROW,
                area=(max(layout.last, HEADER_ROW), len(CAPAIAN_HEADERS) - 1))


def _widths(measured: Mapping[int, list], titles: Mapping[int, str]) -> dict[int, float]:
    """The width of every column of a "Capaian Kinerja"-like sheet: SK and IKK as designed (their texts wrap),
    every other as wide as its widest value shows (:func:`lkjip_xl.xlsx.column_width`: ``8 Instansi Pemerintah``);
    ``measured``: what the rows show (:meth:`lkjip_xl.capaian_rows.IndicatorRows.measured`)."""
    return {col: column_width(measured.get(col, ()), wrapped=[title],
                              least=CAPAIAN_WIDTHS[col] if col in (0, 1, 2, 6) else 8)
            for col, title in titles.items()}


#: The row (0-based) of Ringkasan's column titles; one row per Divisi follows it, then the office's.
SUMMARY_HEADER_ROW = 2


def write_summary(workbook, styles: StyleBook, data: Consolidated, ranges: SummaryRanges) -> None:
    """The sheet "Ringkasan" of ``data``: counts and mean capaian per Divisi and for the Kanwil, the headline."""
    sheet = add_formula_sheet(workbook, SHEET_SUMMARY)
    sheet.write_string(0, 0, msg("title_summary", kanwil=data.kanwil, period=data.period_label), styles.title)
    cap = data.achievement.mean_cap
    headers = tuple(label(key) for key in ("col_divisi", "col_jumlah_ikk", "status_tercapai", "status_tidak_tercapai",
                                           "col_rata_capaian"))
    if cap is not None:
        headers += (msg("col_rata_capaian_capped", cap=format_number(cap)),)
    names = [group.name for group in data.summary.groups] + [msg("summary_kanwil_row", kanwil=data.kanwil)]
    widths = [column_width(names if col == 0 else (), wrapped=[title], least=least)
              for col, (title, least) in enumerate(zip(headers, (34, 12, 12, 14, 20, 24)))]
    for col, (title, width) in enumerate(zip(headers, widths)):
        sheet.set_column(col, col, width)
        sheet.write_string(SUMMARY_HEADER_ROW, col, title, styles.header)
    sheet.set_row(SUMMARY_HEADER_ROW, row_height(list(zip(headers, widths)), bold=True))
    def pct(value: float | None, style: str = "number"):  # a mean capaian shows the decimals it needs
        return styles(style, data.decimals.number_format(value=value, capaian=True))

    count_fmt = styles("number", "0")
    row = SUMMARY_HEADER_ROW + 1
    for group in data.summary.groups:
        key = data.divisi_number(group.name)  # a number: matched exactly, whatever the name holds
        sheet.write_string(row, 0, group.name, styles.text)
        sheet.write_formula(row, 1, f"=COUNTIF({ranges.divisi},{key})", count_fmt, group.total)
        sheet.write_formula(row, 2, f'=COUNTIFS({ranges.divisi},{key},{ranges.status},"{calc.TERCAPAI}")',
                            count_fmt, group.tercapai)
        sheet.write_formula(row, 3, f"={a1(row, 1)}-{a1(row, 2)}", count_fmt, group.tidak_tercapai)
        sheet.write_formula(row, 4, f'=IFERROR(AVERAGEIFS({ranges.capaian},{ranges.divisi},{key}),"")',
                            pct(group.mean_capaian), _stored(group.mean_capaian))
        if cap is not None:
            sheet.write_formula(row, 5, f'=IFERROR(AVERAGEIFS({ranges.capped},{ranges.divisi},{key}),"")',
                                pct(group.mean_capped), _stored(group.mean_capped))
        row += 1
    first, last = SUMMARY_HEADER_ROW + 1, row - 1
    overall = data.summary.overall
    bold_count = styles("number_bold", "0")
    sheet.write_string(row, 0, msg("summary_kanwil_row", kanwil=data.kanwil), styles.group)
    for col, value in ((1, overall.total), (2, overall.tercapai)):
        sheet.write_formula(row, col, f"=SUM({a1(first, col)}:{a1(last, col)})", bold_count, value)
    sheet.write_formula(row, 3, f"={a1(row, 1)}-{a1(row, 2)}", bold_count, overall.tidak_tercapai)
    sheet.write_formula(row, 4, f'=IFERROR(AVERAGE({ranges.capaian}),"")', pct(overall.mean_capaian, "number_bold"),
                        _stored(overall.mean_capaian))
    if cap is not None:
        sheet.write_formula(row, 5, f'=IFERROR(AVERAGE({ranges.capped}),"")', pct(overall.mean_capped, "number_bold"),
                            _stored(overall.mean_capped))
    total_row = row
    row += 2
    sheet.write_string(row, 0, LABELS["conclusion"], styles.group)
    sheet.merge_range(row, 1, row, 4, "", styles.group)
    sheet.write_formula(row, 1, "=" + calc.headline_formula(a1(total_row, 2), a1(total_row, 1),
                                                            data.summary.period), styles.group,
                        data.summary.headline)
    sheet.write_string(row + 1, 0, msg("note_summary_rule", rule=data.achievement.describe()), styles.note)
    if not data.verified:
        sheet.write_string(row + 2, 0, msg("no_master_note"), styles.warning)
    print_setup(sheet, landscape=False, owner=data.kanwil, year=data.year)
