"""The unnumbered table "Capaian Kinerja per Triwulan Tahun 2023", of the kind e-Performance prints.

One sheet ("Capaian per Triwulan"): No | Sasaran Kegiatan | Indikator Kinerja
Kegiatan | Periode | Target | Realisasi | Satuan | Capaian, one row per IKK and
period of the master's calendar (TW1 … TW4), in report order with Divisi group
rows; the SK cells are merged over the rows of their IKK, the IKK cell over its
period rows.  The target is the target of the period alone
(:func:`lkjip_xl.rollup.period_target`), the realisasi that period's
(:class:`~lkjip_xl.tables.per_period.PeriodFigures`), the capaian a formula over
the two cells of the row (:func:`lkjip_xl.calc.capaian_formula`) with its value;
a period without data shows "-".
"""

from __future__ import annotations

from typing import cast

from .. import rollup
from ..messages import LABELS, msg
from ..xlsx import a1, add_sheet, column_width, print_setup, row_height
from .cells import SheetWriter, merge
from .numbering import PlannedTable
from .per_period import PeriodFigures, period_sheet
from .previous import DASH

#: No, Sasaran Kegiatan, Indikator Kinerja Kegiatan, Periode, Target, Realisasi, Satuan, Capaian.
_WIDTHS = (5, 34, 46, 9, 12, 12, 12, 12)
_HEADERS = ("col_no", "col_sk", "col_ikk", "col_periode", "col_target", "col_realisasi", "col_satuan",
            "col_capaian_plain")
_PERIOD, _TARGET, _REALISASI, _UNIT, _CAPAIAN = 3, 4, 5, 6, 7
_LINE = row_height([])  #: one line of text


class PeriodTableWriter(SheetWriter):
    """Writes the per-period table of one tables workbook (after the budget tables)."""

    @property
    def periods(self) -> PeriodFigures:
        return cast(PeriodFigures, self.data.periods)  # the table is planned only with periods

    def period_table(self, table: PlannedTable) -> str:
        """Capaian Kinerja per Triwulan; returns the sheet's name."""
        periods = self.periods.calendar.periods
        ws = add_sheet(self.wb, period_sheet(self.periods.calendar))
        widths: list[float] = [*_WIDTHS]
        widths[_UNIT] = column_width([i.unit for i in self.master.indicators], least=_WIDTHS[_UNIT])  # one line
        for col, width in enumerate(widths):
            ws.set_column(col, col, width)
        last_col = len(widths) - 1
        caption = table.caption(self.chapter)
        ws.set_row(0, row_height([(caption, sum(widths))]))
        merge(ws, 0, 0, 0, last_col, caption, self.st.caption)
        for col, key in enumerate(_HEADERS):
            ws.write_string(1, col, LABELS[key], self.st.header)
        row = 2
        heights: dict[int, float] = {}

        def merged_text(first: int, col: int, text: str) -> None:
            """``text`` merged over rows ``first``..``row - 1``; the last row grows when it needs more room."""
            missing = row_height([(text, _WIDTHS[col])]) - sum(heights[r] for r in range(first, row))
            if missing > 0:
                heights[row - 1] += missing
                ws.set_row(row - 1, heights[row - 1])
            merge(ws, first, col, row - 1, col, text, self.st.text)

        for divisi in self.master.divisi_order:
            merge(ws, row, 0, row, last_col, msg("divisi_label", name=divisi), self.st.group)
            row += 1
            indicators = self.master.for_divisi(divisi)
            for sk_no in dict.fromkeys(i.sk_no for i in indicators):
                group = [i for i in indicators if i.sk_no == sk_no]
                first = row
                for indicator in group:
                    start = row
                    for period in periods:
                        heights[row] = _LINE
                        ws.set_row(row, _LINE)
                        ws.write_string(row, _PERIOD, period.code, self.st.center)
                        target = rollup.period_target(indicator, period.index)
                        ws.write_number(row, _TARGET, target, self.number(indicator.unit, target, shown=""))
                        figures = self.periods.figures(indicator.code, period.index)
                        realisasi = figures.realisasi if figures else None
                        if realisasi is None:
                            ws.write_string(row, _REALISASI, DASH, self.st.center)
                        else:
                            ws.write_number(row, _REALISASI, realisasi, self.number(indicator.unit, realisasi,
                                                                                    shown=""))
                        ws.write_string(row, _UNIT, indicator.unit, self.st.center)
                        self.capaian_cell(ws, row, _CAPAIAN, a1(row, _REALISASI), a1(row, _TARGET), realisasi,
                                          target, indicator)
                        row += 1
                    merged_text(start, 2, f"{indicator.ikk_no}. {indicator.text}")
                merge(ws, first, 0, row - 1, 0, f"{sk_no}.", self.st.center)
                merged_text(first, 1, group[0].sk_text)
        print_setup(ws, owner=self.master.kanwil, year=self.year, center=True, repeat_rows=1, area=(row - 1, last_col))
        return ws.name
