"""The per-IKK tables: one sheet per IKK, in report order, its three tables one below the other.

- Type 1, Perbandingan Target dan Realisasi: target, realisasi, capaian;
- Type 2, Perbandingan Realisasi dan Capaian Kinerja: every earlier year,
  this year and the change (naik / turun / tetap); a new IKK has this year's
  group only, its change saying it cannot be compared; without earlier years
  given, last year's group says "data tidak tersedia";
- Type 3, Target Jangka Menengah (:mod:`lkjip_xl.tables.ikk_renstra`).

Placeholders of the supporting tables listed before an IKK go on its sheet too.
"""

from __future__ import annotations

from .. import calc
from ..messages import LABELS, msg
from ..model import Indicator
from ..xlsx import a1, column_width, print_setup, row_height, sheet_name
from .cells import NOT_AVAILABLE, merge
from .ikk_renstra import RenstraWriter
from .numbering import PlannedTable
from .previous import YearFigures

NOT_COMPARABLE = msg("tables_not_comparable")


class IkkWriter(RenstraWriter):
    """Writes the IKK sheets of one tables workbook."""

    def ikk_sheet(self, code: str):
        """The IKK's sheet, named after its code (made legal and unique by :func:`~lkjip_xl.xlsx.sheet_name`)."""
        taken = [*(sheet.name for sheet in self.wb.worksheets()), *self.reserved]
        ws = self.wb.add_worksheet(sheet_name(code, taken))
        indicator = self.master.by_code()[code]
        plan = self.data.renstra.rows.get(code)
        values = [indicator.target, self.realisasi(indicator), *(plan.targets.values() if plan else ()),
                  *(v for f in self.data.previous.by_code.get(code, []) for v in (f.target, f.realisasi))]
        widest = max(abs(v) for v in values if v is not None)  # with the most decimals the unit shows
        self.value_width = column_width([(widest, self.master.decimals.number_format(indicator.unit)),
                                         (widest, self.master.decimals.number_format(capaian=True))],
                                        least=self.VALUE_WIDTH)
        ws.set_column(0, 0, self.NAME_WIDTH)
        ws.set_column(1, 40, self.value_width)
        self.last_col = 0
        return ws

    def end_ikk_sheet(self, ws, last_row: int) -> None:
        print_setup(ws, owner=self.master.kanwil, year=self.year, center=True, area=(max(last_row, 0), self.last_col))

    def supporting(self, ws, row: int, table: PlannedTable) -> int:
        row = self.caption(ws, row, table, 3)
        ws.set_row(row, row_height([(msg("tables_supporting_placeholder"), self.NAME_WIDTH)]))
        ws.write_string(row, 0, msg("tables_supporting_placeholder"), self.st.note)
        return row + 2

    def target_table(self, ws, row: int, table: PlannedTable, indicator: Indicator) -> int:
        row = self.caption(ws, row, table, 3)
        headers = ("col_ikk", "col_target", "col_realisasi", "col_capaian_plain")
        for col, header in enumerate(LABELS[key] for key in headers):
            ws.write_string(row, col, header, self.st.header)
        row += 1
        refs = self.refs[indicator.code]
        realisasi = self.realisasi(indicator)
        self.name_row(ws, row, indicator)
        self.ref_cell(ws, row, 1, refs.target, indicator.target, indicator.unit)
        self.ref_cell(ws, row, 2, refs.realisasi, realisasi, indicator.unit)
        self.capaian_cell(ws, row, 3, a1(row, 2), a1(row, 1), realisasi, indicator.target, indicator)
        return row + 2

    def comparison_table(self, ws, row: int, table: PlannedTable, indicator: Indicator) -> int:
        """Type 2: a group per earlier year (one group "data tidak tersedia" for last year when no earlier
        years were given), this year's group and Perubahan Capaian; a new IKK has this year's group only."""
        earlier = self.data.previous.by_code.get(indicator.code, [])
        new = indicator.code in self.data.new_codes
        years = [] if new else [f.year for f in earlier] or [self.year - 1]
        last_col = 3 * (len(years) + 1) + 1
        row = self.caption(ws, row, table, last_col)
        merge(ws, row, 0, row + 1, 0, LABELS["col_indikator"], self.st.header)
        for i, year in enumerate([*years, self.year]):
            merge(ws, row, 1 + 3 * i, row, 3 + 3 * i, str(year), self.st.header)
            for j, header in enumerate(LABELS[key] for key in ("col_target", "col_realisasi", "col_capaian_plain")):
                ws.write_string(row + 1, 1 + 3 * i + j, header, self.st.header)
        merge(ws, row, last_col, row + 1, last_col, LABELS["col_perubahan_capaian"], self.st.header)
        row += 2
        change = msg("tables_new_ikk_row", year=self.year, reason=NOT_COMPARABLE) if new else NOT_COMPARABLE
        self.name_row(ws, row, indicator, (change, 1), (NOT_AVAILABLE, 1))
        capaian = None
        for i, figures in enumerate(earlier):
            capaian = self.earlier_year(ws, row, 1 + 3 * i, figures, indicator)
        if not earlier and not new:  # no earlier years given: last year's figures are not available
            self.not_available(ws, row, 1, 3)
        col = 1 + 3 * len(years)
        refs = self.refs[indicator.code]
        realisasi = self.realisasi(indicator)
        self.ref_cell(ws, row, col, refs.target, indicator.target, indicator.unit)
        self.ref_cell(ws, row, col + 1, refs.realisasi, realisasi, indicator.unit)
        current = self.capaian_cell(ws, row, col + 2, a1(row, col + 1), a1(row, col), realisasi, indicator.target,
                                    indicator)
        if capaian is None or current is None:
            ws.write_string(row, last_col, change, self.st.center)
        else:
            ws.write_formula(row, last_col, "=" + calc.change_direction_formula(a1(row, col - 1), a1(row, col + 2)),
                             self.st.center, calc.change_direction(capaian, current))
        return row + 2

    def earlier_year(self, ws, row: int, col: int, figures: YearFigures, indicator: Indicator) -> float | None:
        """An earlier year's target, realisasi and capaian from ``col`` on; returns the capaian (``None``
        when there is none: a realisasi printed as NIHIL or -, or no target)."""
        if figures.target is None:
            self.not_available(ws, row, col)
        else:
            ws.write_number(row, col, figures.target, self.number(indicator.unit, figures.target))
        if figures.realisasi is None:
            ws.write_string(row, col + 1, figures.note or NOT_AVAILABLE, self.st.center)
            ws.write_string(row, col + 2, figures.note or NOT_AVAILABLE, self.st.center)
            return None
        ws.write_number(row, col + 1, figures.realisasi, self.number(indicator.unit, figures.realisasi))
        if figures.target is None:
            self.not_available(ws, row, col + 2)
            return None
        return self.capaian_cell(ws, row, col + 2, a1(row, col + 1), a1(row, col), figures.realisasi,
                                 figures.target, indicator)
