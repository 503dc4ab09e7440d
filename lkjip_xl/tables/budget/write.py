"""Writing the budget tables: Tabel 3.178–3.180, the unnumbered Capaian Kinerja Anggaran and e-Monev (3.186).

One Pagu dan Realisasi table per level the rows are given at (satker, program, kegiatan,
sub kegiatan), then SMART and IKPA when given, then the capaian kinerja anggaran when
both are; only tables with data are written, so their numbers have no gap.

Every computed number is a formula from :mod:`lkjip_xl.tables.budget.model`
with its value cached beside it; inputs are numbers; text always goes through
``write_string``.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol, TypeVar

import xlsxwriter

from ...fileio import atomic_output
from ...messages import LABELS, label, msg
from ...numbers import excel_number_format, format_number
from ...styles import StyleBook
from ...xlsx import (
    a1, decimals_for, new_workbook, print_setup, quote_sheet, row_height, set_page_footer, wrapped_lines,
)
from ..cells import merge
from ..numbering import table_number
from ..previous import DASH
from .layout import LEVEL_NAMES, MONTHS
from .model import (
    DEFAULT_WEIGHTS, KEGIATAN, PROGRAM, SATKER, SUB_KEGIATAN, BudgetData, BudgetWeights, PaguRow, budget_table_count,
    capaian_kinerja_anggaran, capaian_kinerja_anggaran_formula, mean,
    mean_formula, nilai_efisiensi_formula, nilai_emonev, nilai_emonev_formula, nilai_komponen, nilai_komponen_formula,
    nilai_smart, nilai_smart_formula, nilai_terbobot, nilai_terbobot_formula, persentase_realisasi,
    levels, persentase_realisasi_formula, rows_at, smart_nilai_efisiensi, total, total_formula,
)

SHEET_CAPAIAN = LABELS["sheet_budget_capaian"]

#: The title of the name column of a Pagu dan Realisasi table, by level.
_LEVEL_HEADERS = {SATKER: "budget_head_kantor_satker", PROGRAM: "budget_head_program",
                  KEGIATAN: "budget_head_kegiatan", SUB_KEGIATAN: "budget_head_sub_kegiatan"}
_PAGU_FIRST_ROW = 3  #: the first data row of a Pagu dan Realisasi table (0-based)
_PAGU_REALISASI_COL = 3  #: its Realisasi column


class _Grouped(Protocol):
    """A row of a budget table (a PaguRow, SmartRow or IkpaRow), grouped by its kelompok."""

    @property
    def kelompok(self) -> str: ...


_Row = TypeVar("_Row", bound=_Grouped)


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


def _start_sheet(ws, fmts: StyleBook, caption: str, widths: Sequence[float], landscape: bool,
                 header_rows: tuple[int, int]) -> None:
    """Title, column widths and A4 print setup (fit to page width, headers repeated)."""
    for col, width in enumerate(widths):
        ws.set_column(col, col, width)
    ws.set_row(0, row_height([(caption, sum(widths))], line_points=15, bold=True))
    merge(ws, 0, 0, 0, len(widths) - 1, caption, fmts.table_title)
    print_setup(ws, landscape, center=True, repeat_rows=header_rows)
    ws.freeze_panes(header_rows[1] + 1, 0)


def _header_row(ws, fmts: StyleBook, row: int, keys: Sequence[str], widths: Sequence[float]) -> None:
    """One header row of column titles (``LABELS`` keys), from column A, as tall as its titles need."""
    for col, key in enumerate(keys):
        ws.write_string(row, col, label(key), fmts.header)
    ws.set_row(row, row_height([(label(key), width) for key, width in zip(keys, widths)], bold=True))


def _numbered(rows: Sequence[_Row]) -> list[tuple[int | None, str | _Row]]:
    """Rows in table order, with group header rows as ``(no, kelompok)`` and satker rows as
    ``(no or None, row)``: consecutive rows of one kelompok share one number, as in the report."""
    out: list[tuple[int | None, str | _Row]] = []
    number, current = 0, None
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


def _write_label_cells(ws, fmts: StyleBook, r: int, no: int | None, item, last_col: int, name_width: float) -> bool:
    """NO and name of one table row; returns True for a group header row (values left blank).

    A group header row is exactly a ``str`` item, so callers repeat ``isinstance(item, str)``
    after it only to narrow the type of ``item``.
    """
    if no is None:
        ws.write_blank(r, 0, None, fmts.centered)
    else:
        ws.write_number(r, 0, no, fmts.centered)
    name = item if isinstance(item, str) else item.satker
    if wrapped_lines(name, name_width) > 1:
        ws.set_row(r, row_height([(name, name_width)]))
    if isinstance(item, str):
        ws.write_string(r, 1, item, fmts.group_plain)
        for col in range(2, last_col + 1):
            ws.write_blank(r, col, None, fmts.text)
        return True
    ws.write_string(r, 1, item.satker, fmts.sub_text if no is None else fmts.text)
    return False


def _pagu_offsets(rows: Sequence[PaguRow]) -> list[int]:
    """The sheet row (0-based) of each of ``rows`` in its Pagu dan Realisasi table, as written below."""
    offsets = []
    for r, (_, item) in enumerate(_numbered(rows), start=_PAGU_FIRST_ROW):
        if not isinstance(item, str):
            offsets.append(r)
    return offsets


def pagu_title(data: BudgetData, level: str) -> str:
    """The title of the Pagu dan Realisasi table of ``level`` (the report's for the satker)."""
    if level == SATKER:
        return msg("budget_title_pagu", kantor=data.kantor, year=data.tahun)
    return msg("budget_title_pagu_level", level=LEVEL_NAMES[level], kantor=data.kantor, year=data.tahun)


def pagu_realisasi_refs(data: BudgetData, start_number: int = 178, chapter: int = 3) -> dict[int, str]:
    """Where :func:`write_budget_tables` puts each row's realisasi: index in ``data.pagu_realisasi`` →
    absolute reference with its sheet ("'Tabel 3.178'!$D$5")."""
    refs: dict[int, str] = {}
    for number, level in enumerate(levels(data), start=start_number):
        sheet = quote_sheet(table_number(chapter, number))
        indices = [i for i, row in enumerate(data.pagu_realisasi) if row.tingkat == level]
        for i, r in zip(indices, _pagu_offsets(rows_at(data, level))):
            refs[i] = f"{sheet}!{a1(r, _PAGU_REALISASI_COL, absolute=True)}"
    return refs


def _write_pagu_table(ws, fmts: StyleBook, rows: Sequence[PaguRow], caption: str, level: str) -> None:
    widths = (6, 44, 22, 22, 16)
    _start_sheet(ws, fmts, caption, widths, False, (2, 2))
    headers = ("budget_head_no", _LEVEL_HEADERS[level], "budget_head_pagu", "budget_head_realisasi",
               "budget_head_persentase")
    _header_row(ws, fmts, 2, headers, widths)
    first = r = _PAGU_FIRST_ROW
    for no, item in _numbered(rows):
        if not _write_label_cells(ws, fmts, r, no, item, 4, widths[1]) and not isinstance(item, str):
            ws.write_number(r, 2, item.pagu, fmts.money)
            ws.write_number(r, 3, item.realisasi, fmts.money)
            ws.write_formula(r, 4, "=" + persentase_realisasi_formula(a1(r, 3), a1(r, 2)), fmts.percent,
                             persentase_realisasi(item.realisasi, item.pagu))
        r += 1
    totals = []
    for col, attr in ((2, "pagu"), (3, "realisasi")):
        value = total([getattr(row, attr) for row in rows])
        ws.write_formula(r, col, "=" + total_formula(f"{a1(first, col)}:{a1(r - 1, col)}"), fmts.total_money, value)
        totals.append(value)
    merge(ws, r, 0, r, 1, label("budget_head_total"), fmts.total_label)
    ws.write_formula(r, 4, "=" + persentase_realisasi_formula(a1(r, 3), a1(r, 2)), fmts.total_percent,
                     persentase_realisasi(totals[1], totals[0]))


def _write_smart_table(ws, fmts: StyleBook, data: BudgetData, weights: BudgetWeights,
                       caption: str) -> tuple[str, float]:
    """Tabel 3.179; returns the absolute reference and value of the NILAI SMART wilayah cell."""
    widths = (6, 40, 13, 13, 11, 11, 13, 13)
    _start_sheet(ws, fmts, caption, widths, True, (2, 3))
    merge(ws, 2, 0, 3, 0, label("budget_head_no"), fmts.header)
    merge(ws, 2, 1, 3, 1, label("budget_head_satker"), fmts.header)
    merge(ws, 2, 2, 2, 6, label("budget_head_nilai_kinerja"), fmts.header)
    merge(ws, 2, 7, 3, 7, label("budget_head_nilai_smart"), fmts.header)
    smart_columns = ("budget_col_penyerapan", "budget_col_konsistensi", "budget_col_cro", "budget_col_efisiensi",
                     "budget_col_nilai_efisiensi")
    for col, header in enumerate((label(key) for key in smart_columns), start=2):
        ws.write_string(3, col, header, fmts.header)
    ws.set_row(3, row_height([(label(key), width) for key, width in zip(smart_columns, widths[2:])], bold=True))
    first = r = 4
    columns: list[list[float]] = [[] for _ in range(6)]  # C..H values, for the means
    for no, item in _numbered(data.smart):
        if not _write_label_cells(ws, fmts, r, no, item, 7, widths[1]) and not isinstance(item, str):
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
    merge(ws, r, 0, r, 1, label("budget_head_smart_wilayah"), fmts.total_label)
    for col, values in enumerate(columns, start=2):
        formula = mean_formula(f"{a1(first, col)}:{a1(r - 1, col)}")
        ws.write_formula(r, col, "=" + formula, fmts.total_score, mean(values))
    return f"{quote_sheet(ws.name)}!{a1(r, 7, absolute=True)}", mean(columns[5])


def _write_ikpa_table(ws, fmts: StyleBook, data: BudgetData, caption: str) -> tuple[str, float]:
    """Tabel 3.180; returns the absolute reference and value of the NILAI IKPA wilayah cell."""
    widths = (6, 48, 16)
    _start_sheet(ws, fmts, caption, widths, False, (2, 2))
    _header_row(ws, fmts, 2, ("budget_head_no", "budget_head_satker", "budget_head_nilai_ikpa"), widths)
    first = r = 3
    for no, item in _numbered(data.ikpa):
        if not _write_label_cells(ws, fmts, r, no, item, 2, widths[1]) and not isinstance(item, str):
            ws.write_number(r, 2, item.nilai_ikpa, fmts.score)
        r += 1
    merge(ws, r, 0, r, 1, label("budget_head_ikpa_wilayah"), fmts.total_label)
    value = mean([row.nilai_ikpa for row in data.ikpa])
    ws.write_formula(r, 2, "=" + mean_formula(f"{a1(first, 2)}:{a1(r - 1, 2)}"), fmts.total_score, value)
    return f"{quote_sheet(ws.name)}!{a1(r, 2, absolute=True)}", value


def _write_capaian_table(ws, fmts: StyleBook, weights: BudgetWeights, caption: str,
                         smart: tuple[str, float], ikpa: tuple[str, float]) -> None:
    widths = (6, 50, 13, 11, 16)
    _start_sheet(ws, fmts, caption, widths, False, (2, 2))
    headers = ("budget_head_no", "budget_head_komponen", "budget_head_nilai", "budget_head_bobot",
               "budget_head_nilai_bobot")
    _header_row(ws, fmts, 2, headers, widths)
    components = (
        (label("budget_component_smart"), smart, weights.bobot_smart),
        (label("budget_component_ikpa"), ikpa, weights.bobot_ikpa),
    )
    for i, (component, (ref, wilayah), bobot) in enumerate(components):
        r = 3 + i
        ws.write_number(r, 0, i + 1, fmts.centered)
        ws.write_string(r, 1, component, fmts.text)
        nilai = nilai_komponen(wilayah, weights)
        ws.write_formula(r, 2, "=" + nilai_komponen_formula(ref, weights), fmts.score, nilai)
        ws.write_number(r, 3, bobot, fmts.weight)
        part = nilai_terbobot(nilai, bobot)
        ws.write_formula(r, 4, "=" + nilai_terbobot_formula(a1(r, 2), a1(r, 3)), fmts.score, part)
    merge(ws, 5, 0, 5, 3, label("budget_head_capaian"), fmts.total_label)
    ws.write_formula(5, 4, "=" + capaian_kinerja_anggaran_formula(a1(3, 4), a1(4, 4)), fmts.total_score,
                     capaian_kinerja_anggaran(smart[1], ikpa[1], weights))
    if weights.mean_decimals is None:
        rounding = msg("budget_note_unrounded")
    else:
        rounding = msg("budget_note_rounded", decimals=weights.mean_decimals)
    note = msg("budget_note_formula", smart=format_number(weights.bobot_smart * 100),
               ikpa=format_number(weights.bobot_ikpa * 100), rounding=rounding)
    ws.set_row(7, row_height([(note, sum(widths))]))
    merge(ws, 7, 0, 7, 4, note, fmts.note_left)


def emonev_title(data: BudgetData) -> str:
    """"Capaian Realisasi Anggaran pada e-Monev Bappenas Tahun 2023"."""
    return msg("budget_title_emonev", year=data.tahun)


def write_emonev_table(workbook: xlsxwriter.Workbook, data: BudgetData, number: int, chapter: int = 3,
                       sheet: str | None = None) -> TableEntry:
    """Add the e-Monev Bappenas table (sheet ``sheet``, by default its label) to an open ``workbook``.

    One row per satker, one column per month (Jan … Des) and the NILAI e-MONEV
    row: :func:`~lkjip_xl.tables.budget.model.nilai_emonev` as a formula with its
    value ("-" when no month is reported).  A month not reported yet prints "-".
    """
    fmts = StyleBook(workbook, "report")
    numbered = table_number(chapter, number)
    entry = TableEntry(number, numbered, emonev_title(data), sheet or numbered)
    ws = workbook.add_worksheet(entry.sheet)
    widths = (6, 30, *(7 for _ in MONTHS))
    last = len(widths) - 1
    _start_sheet(ws, fmts, entry.caption, widths, True, (2, 3))
    merge(ws, 2, 0, 3, 0, label("budget_head_no"), fmts.header)
    merge(ws, 2, 1, 3, 1, label("budget_head_satker"), fmts.header)
    merge(ws, 2, 2, 2, last, label("budget_head_pelaporan"), fmts.header)
    for col, month in enumerate(MONTHS, start=2):
        ws.write_string(3, col, month[:3], fmts.header)
    first = r = 4
    for no, row in enumerate(data.emonev, start=1):
        ws.write_number(r, 0, no, fmts.centered)
        ws.write_string(r, 1, row.satker, fmts.text)
        for col, value in enumerate(row.months, start=2):
            if value is None:
                ws.write_string(r, col, DASH, fmts.centered)
            else:
                ws.write_number(r, col, value, fmts("centered", excel_number_format("", decimals_for(value))))
        r += 1
    merge(ws, r, 0, r, 1, label("budget_head_nilai_emonev"), fmts.total_label)
    ws.merge_range(r, 2, r, last, "", fmts.total_label)
    value = nilai_emonev(data.emonev)
    if value is None:
        ws.write_string(r, 2, DASH, fmts.total_label)
    else:
        formula = nilai_emonev_formula(f"{a1(first, 2)}:{a1(r - 1, last)}")
        ws.write_formula(r, 2, "=" + formula, fmts("total_label", excel_number_format("", decimals_for(value))),
                         value)
    set_page_footer(ws, data.kantor, data.tahun)
    return entry


def write_budget_tables(workbook: xlsxwriter.Workbook, data: BudgetData,
                        weights: BudgetWeights = DEFAULT_WEIGHTS, start_number: int = 178,
                        chapter: int = 3) -> list[TableEntry]:
    """Add the budget sheets to an open XlsxWriter ``workbook``.

    Writes, numbered from Tabel <chapter>.<start_number> in this order: one Pagu dan
    Realisasi table per level given (the satker only, for the report), the SMART DJA
    table and the IKPA table when the data has them, and, with both, the unnumbered
    "Capaian Kinerja Anggaran".  Every computed number is a formula with its value
    cached; inputs are numbers; text always goes through ``write_string``.  Returns
    the tables in order, for a table of contents; the next free table number is
    ``start_number + budget_table_count(data)`` (3 for the report).
    """
    fmts = StyleBook(workbook, "report")
    number = start_number

    def entry(title: str) -> TableEntry:
        nonlocal number
        numbered = table_number(chapter, number)
        number += 1
        return TableEntry(number - 1, numbered, title, numbered)

    entries = []
    for level in levels(data):
        entries.append(entry(pagu_title(data, level)))
        _write_pagu_table(workbook.add_worksheet(entries[-1].sheet), fmts, rows_at(data, level),
                          entries[-1].caption, level)
    smart = ikpa = None
    if data.smart:
        entries.append(entry(msg("budget_title_smart", kantor=data.kantor)))
        smart = _write_smart_table(workbook.add_worksheet(entries[-1].sheet), fmts, data, weights,
                                   entries[-1].caption)
    if data.ikpa:
        entries.append(entry(msg("budget_title_ikpa", kantor=data.kantor)))
        ikpa = _write_ikpa_table(workbook.add_worksheet(entries[-1].sheet), fmts, data, entries[-1].caption)
    if smart is not None and ikpa is not None:
        entries.append(TableEntry(None, "", msg("budget_title_capaian", kantor=data.kantor, year=data.tahun),
                                  SHEET_CAPAIAN))
        _write_capaian_table(workbook.add_worksheet(SHEET_CAPAIAN), fmts, weights, entries[-1].caption, smart, ikpa)
    for written in entries:  # the office and year of the budget in every page's footer
        set_page_footer(workbook.get_worksheet_by_name(written.sheet), data.kantor, data.tahun)
    return entries


def write_budget_workbook(data: BudgetData, out_path: str | Path, force: bool = False,
                          weights: BudgetWeights = DEFAULT_WEIGHTS, start_number: int = 178) -> list[TableEntry]:
    """Write the budget tables as a standalone workbook (atomically; no overwrite unless ``force``).

    With e-Monev data, its table follows as number ``start_number + budget_table_count(data)``.
    """
    with atomic_output(out_path, force) as tmp:
        workbook = new_workbook(tmp, title=msg("budget_workbook_title", year=data.tahun))
        entries = write_budget_tables(workbook, data, weights, start_number)
        if data.emonev:
            entries.append(write_emonev_table(workbook, data, start_number + budget_table_count(data)))
        workbook.close()
    return entries
