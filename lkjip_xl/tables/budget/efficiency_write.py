"""Writing the unnumbered efficiency table of the tables workbook (sheet "Efisiensi Anggaran").

One block per Sasaran Kegiatan with an anggaran (:mod:`~lkjip_xl.tables.budget.efficiency`):
the SK row (its number, text, and the mean capaian of its IKK) and one row per IKK (its
capaian, a formula over this year's target and realisasi in Tabel 3.1).  The anggaran,
realisasi, penyerapan and indeks efisiensi stand on the SK row, or on each IKK row when the
SK's anggaran is per IKK.  The realisasi is a formula over the Pagu dan Realisasi cells of
the rows mapped to the line; without any, "data tidak tersedia".
"""

from __future__ import annotations

from collections.abc import Mapping

import xlsxwriter

from ... import calc
from ...messages import LABELS, msg
from ...model import DisplayDecimals, Indicator, Master
from ...numbers import excel_number_format
from ...styles import StyleBook
from ...xlsx import a1, print_setup, row_height
from ..cells import Refs, merge
from ..previous import DASH
from .efficiency import (
    BudgetLine, EfficiencyGroup, capaian_sk, capaian_sk_formula, indeks_efisiensi, indeks_efisiensi_formula,
    map_realisasi, penyerapan, penyerapan_formula, realisasi_line, realisasi_line_formula,
)
from .model import BudgetData

SHEET_EFISIENSI = LABELS["sheet_budget_efisiensi"]

_HEADERS = ("budget_head_no", "budget_head_uraian_efisiensi", "budget_head_anggaran", "budget_head_realisasi_anggaran",
            "budget_head_penyerapan", "budget_head_capaian_ikk", "budget_head_capaian_sk",
            "budget_head_indeks_efisiensi")
_WIDTHS = (6, 50, 20, 22, 14, 14, 16, 14)
_ANGGARAN, _REALISASI, _PENYERAPAN, _CAPAIAN_IKK, _CAPAIAN_SK, _INDEKS = 2, 3, 4, 5, 6, 7
_FIRST_ROW = 3


def efficiency_title(year: int) -> str:
    """"Analisis Efisiensi Penggunaan Sumber Daya: ... Tahun 2023"."""
    return msg("budget_title_efisiensi", year=year)


class _Sheet:
    """The cells of one efficiency sheet."""

    def __init__(self, ws, fmts: StyleBook, budget: BudgetData | None, pagu_refs: Mapping[int, str],
                 decimals: DisplayDecimals):
        self.ws, self.st, self.budget, self.pagu_refs = ws, fmts, budget, pagu_refs
        capaian = excel_number_format("%", decimals.places(capaian=True))  # the master's capaian decimals
        self.capaian_fmt, self.capaian_total = fmts("percent", capaian), fmts("total_percent", capaian)

    def empty(self, r: int, cols: range) -> None:
        for col in cols:
            self.ws.write_blank(r, col, None, self.st.text)

    def dash(self, r: int, col: int) -> None:
        self.ws.write_string(r, col, DASH, self.st.center)

    def line(self, r: int, line: BudgetLine, capaian_ref: str, capaian: float | None) -> None:
        """Anggaran, realisasi, penyerapan and indeks efisiensi of one budget line on row ``r``."""
        ws, st = self.ws, self.st
        ws.write_number(r, _ANGGARAN, line.anggaran, st.money)
        serapan = None
        if line.rows and self.budget is not None:
            values = [self.budget.pagu_realisasi[i].realisasi for i in line.rows]
            realisasi = realisasi_line(values)
            formula = realisasi_line_formula([self.pagu_refs[i] for i in line.rows])
            ws.write_formula(r, _REALISASI, "=" + formula, st.money, realisasi)
            if line.anggaran:
                serapan = penyerapan(realisasi, line.anggaran)
                ws.write_formula(r, _PENYERAPAN, "=" + penyerapan_formula(a1(r, _REALISASI), a1(r, _ANGGARAN)),
                                 st.percent, serapan)
        else:
            ws.write_string(r, _REALISASI, LABELS["budget_no_data"], st.center)
        if serapan is None:
            self.dash(r, _PENYERAPAN)
        if capaian is None or not serapan:
            self.dash(r, _INDEKS)
        else:
            ws.write_formula(r, _INDEKS, "=" + indeks_efisiensi_formula(capaian_ref, a1(r, _PENYERAPAN)),
                             st.score, indeks_efisiensi(capaian, serapan))

    def capaian(self, r: int, indicator: Indicator, realisasi: float | None, refs: Refs | None) -> float | None:
        """The IKK's capaian from Tabel 3.1's target and realisasi (a formula with its value), or "-"."""
        value = calc.capaian(realisasi, indicator.target, indicator.direction) if refs is not None else None
        if value is None or refs is None:
            self.dash(r, _CAPAIAN_IKK)
            return None
        formula = calc.capaian_formula(refs.realisasi, refs.target, indicator.direction)
        self.ws.write_formula(r, _CAPAIAN_IKK, "=" + formula, self.capaian_fmt, value)
        return value

    def group(self, r: int, group: EfficiencyGroup, realisasi: Mapping[str, float | None],
              refs: Mapping[str, Refs]) -> int:
        """The SK row and its IKK rows from row ``r``; returns the next free row."""
        ws, st = self.ws, self.st
        sk_row, first = r, r + 1
        ws.write_number(sk_row, 0, group.sk_no, st.centered)
        ws.write_string(sk_row, 1, group.sk_text, st.group_plain)
        ws.set_row(sk_row, row_height([(group.sk_text, _WIDTHS[1])], bold=True))
        capaian_values = []
        for r, indicator in enumerate(group.indicators, start=first):
            text = f"{indicator.ikk_no}. {indicator.text}"
            ws.set_row(r, row_height([(text, _WIDTHS[1])]))
            ws.write_blank(r, 0, None, st.centered)
            ws.write_string(r, 1, text, st.sub_text)
            value = self.capaian(r, indicator, realisasi.get(indicator.code), refs.get(indicator.code))
            if value is not None:
                capaian_values.append(value)
            line = group.line_of(indicator)
            if line is None:
                self.empty(r, range(_ANGGARAN, _CAPAIAN_IKK))
                self.empty(r, range(_CAPAIAN_SK, _INDEKS + 1))
            else:
                self.line(r, line, a1(r, _CAPAIAN_IKK), value)
                self.empty(r, range(_CAPAIAN_SK, _CAPAIAN_SK + 1))
        last = first + len(group.indicators) - 1
        self.empty(sk_row, range(_CAPAIAN_IKK, _CAPAIAN_IKK + 1))
        mean_value = capaian_sk(capaian_values) if capaian_values else None
        if mean_value is None:
            self.dash(sk_row, _CAPAIAN_SK)
        else:
            formula = capaian_sk_formula(f"{a1(first, _CAPAIAN_IKK)}:{a1(last, _CAPAIAN_IKK)}")
            ws.write_formula(sk_row, _CAPAIAN_SK, "=" + formula, self.capaian_total, mean_value)
        if group.per_ikk:
            self.empty(sk_row, range(_ANGGARAN, _CAPAIAN_IKK))
            self.empty(sk_row, range(_INDEKS, _INDEKS + 1))
        else:
            self.line(sk_row, group.lines[0], a1(sk_row, _CAPAIAN_SK), mean_value)
        return last + 1


def write_efficiency_table(workbook: xlsxwriter.Workbook, master: Master, realisasi: Mapping[str, float | None],
                           refs: Mapping[str, Refs], budget: BudgetData | None = None,
                           pagu_refs: Mapping[int, str] | None = None, sheet: str = SHEET_EFISIENSI) -> str:
    """Add the efficiency table to an open ``workbook``; returns its sheet's name.

    ``realisasi``: this year's realisasi by IKK code; ``refs``: where Tabel 3.1 holds each IKK's
    target and realisasi; ``budget`` and ``pagu_refs`` (:func:`~lkjip_xl.tables.budget.write.
    pagu_realisasi_refs`): the budget rows and where their realisasi cells are.
    """
    fmts = StyleBook(workbook, "report")
    ws = workbook.add_worksheet(sheet)
    caption = efficiency_title(master.year)
    for col, width in enumerate(_WIDTHS):
        ws.set_column(col, col, width)
    ws.set_row(0, row_height([(caption, sum(_WIDTHS))], line_points=15, bold=True))
    merge(ws, 0, 0, 0, len(_WIDTHS) - 1, caption, fmts.table_title)
    for col, key in enumerate(_HEADERS):
        ws.write_string(2, col, LABELS[key], fmts.header)
    ws.set_row(2, row_height([(LABELS[key], width) for key, width in zip(_HEADERS, _WIDTHS)], bold=True))
    groups, _ = map_realisasi(master, budget)  # the problems were reported when the inputs were checked
    writer = _Sheet(ws, fmts, budget, pagu_refs or {}, master.decimals)
    r = _FIRST_ROW
    for group in groups:
        r = writer.group(r, group, realisasi, refs)
    note = msg("budget_note_efisiensi")
    ws.set_row(r + 1, row_height([(note, sum(_WIDTHS))]))
    merge(ws, r + 1, 0, r + 1, len(_WIDTHS) - 1, note, fmts.note_left)
    print_setup(ws, True, owner=master.kanwil, year=master.year, center=True, repeat_rows=(2, 2),
                area=(r + 1, len(_WIDTHS) - 1))
    ws.freeze_panes(_FIRST_ROW, 0)
    return ws.name
