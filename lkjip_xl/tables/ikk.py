"""The per-IKK tables: one sheet per IKK, in report order, its three tables one below the other.

- Type 1, Perbandingan Target dan Realisasi: target, realisasi, capaian;
- Type 2, Perbandingan Realisasi dan Capaian Kinerja: every earlier year,
  this year and the change (naik / turun / tetap); a new IKK gets a single
  row saying it cannot be compared;
- Type 3, Target Jangka Menengah: the Renstra targets, this year's realisasi
  (converted to the Renstra scale when the master declares a factor) and
  capaian on the basis the master declares (Renstra or PK target).

Placeholders of the supporting tables listed before an IKK go on its sheet too.
"""

from __future__ import annotations

from typing import cast

from .. import calc
from ..messages import LABELS, msg
from ..model import Indicator
from ..numbers import format_number
from ..xlsx import a1, print_setup, sheet_name
from .cells import SheetWriter, merge
from .numbering import PlannedTable
from .previous import DASH

NOT_COMPARABLE = msg("tables_not_comparable")


class IkkWriter(SheetWriter):
    """Writes the IKK sheets of one tables workbook."""

    def ikk_sheet(self, code: str):
        """The IKK's sheet, named after its code (made legal and unique by :func:`~lkjip_xl.xlsx.sheet_name`)."""
        taken = [*(sheet.name for sheet in self.wb.worksheets()), *self.reserved]
        ws = self.wb.add_worksheet(sheet_name(code, taken))
        ws.set_column(0, 0, self.NAME_WIDTH)
        ws.set_column(1, 40, self.VALUE_WIDTH)
        self.last_col = 0
        return ws

    def end_ikk_sheet(self, ws, last_row: int) -> None:
        print_setup(ws, center=True, area=(max(last_row, 0), self.last_col))

    def supporting(self, ws, row: int, table: PlannedTable) -> int:
        row = self.caption(ws, row, table, 3)
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
        earlier = self.data.previous.by_code.get(indicator.code, [])
        years = [f.year for f in earlier] or [self.year - 1]
        last_col = 3 * (len(years) + 1) + 1
        row = self.caption(ws, row, table, last_col)
        merge(ws, row, 0, row + 1, 0, LABELS["col_indikator"], self.st.header)
        for i, year in enumerate([*years, self.year]):
            merge(ws, row, 1 + 3 * i, row, 3 + 3 * i, str(year), self.st.header)
            for j, header in enumerate(LABELS[key] for key in ("col_target", "col_realisasi", "col_capaian_plain")):
                ws.write_string(row + 1, 1 + 3 * i + j, header, self.st.header)
        merge(ws, row, last_col, row + 1, last_col, LABELS["col_perubahan_capaian"], self.st.header)
        row += 2
        self.name_row(ws, row, indicator)
        if not earlier:
            merge(ws, row, 1, row, last_col, msg("tables_new_ikk_row", year=self.year, reason=NOT_COMPARABLE),
                  self.st.center)
            return row + 2
        capaian = None
        for i, figures in enumerate(earlier):
            col = 1 + 3 * i
            ws.write_number(row, col, figures.target, self.number(indicator.unit, figures.target))
            if figures.realisasi is None:
                ws.write_string(row, col + 1, figures.note, self.st.center)
                ws.write_string(row, col + 2, figures.note, self.st.center)
                capaian = None
            else:
                ws.write_number(row, col + 1, figures.realisasi, self.number(indicator.unit, figures.realisasi))
                capaian = self.capaian_cell(ws, row, col + 2, a1(row, col + 1), a1(row, col), figures.realisasi,
                                            figures.target, indicator)
        col = 1 + 3 * len(earlier)
        refs = self.refs[indicator.code]
        realisasi = self.realisasi(indicator)
        self.ref_cell(ws, row, col, refs.target, indicator.target, indicator.unit)
        self.ref_cell(ws, row, col + 1, refs.realisasi, realisasi, indicator.unit)
        current = self.capaian_cell(ws, row, col + 2, a1(row, col + 1), a1(row, col), realisasi, indicator.target,
                                    indicator)
        if capaian is None or current is None:
            ws.write_string(row, last_col, NOT_COMPARABLE, self.st.center)
        else:
            ws.write_formula(row, last_col, "=" + calc.change_direction_formula(a1(row, col - 1), a1(row, col + 2)),
                             self.st.center, calc.change_direction(capaian, current))
        return row + 2

    def renstra_table(self, ws, row: int, table: PlannedTable, indicator: Indicator) -> int:
        years = self.data.renstra.years_with_targets
        plan = self.data.renstra.rows.get(indicator.code)
        factor = indicator.renstra_scale_factor
        scaled = factor != 1
        real_col = 1 + len(years)
        cap_col = real_col + 1 + scaled
        row = self.caption(ws, row, table, cap_col)
        realisasi_header = msg("tables_col_realisasi_year", year=self.year)
        skala_pk = (plan.skala_pk if plan else "") or LABELS["pk"]
        skala_renstra = (plan.skala_renstra if plan else "") or LABELS["renstra"]
        merge(ws, row, 0, row + 1, 0, LABELS["col_ikk"], self.st.header)
        merge(ws, row, 1, row, len(years), LABELS["col_target"], self.st.header)
        for i, year in enumerate(years):
            ws.write_string(row + 1, 1 + i, str(year), self.st.header)
        if scaled:
            merge(ws, row, real_col, row + 1, real_col,
                  msg("tables_col_scale", header=realisasi_header, scale=skala_pk), self.st.header)
            merge(ws, row, real_col + 1, row + 1, real_col + 1,
                  msg("tables_col_scale", header=realisasi_header, scale=skala_renstra), self.st.header)
        else:
            merge(ws, row, real_col, row + 1, real_col, realisasi_header, self.st.header)
        merge(ws, row, cap_col, row + 1, cap_col, LABELS["col_capaian"], self.st.header)
        ws.set_row(row, 40)
        row += 2
        self.name_row(ws, row, indicator)
        targets = plan.targets if plan else {}
        for i, year in enumerate(years):
            if year in targets:
                ws.write_number(row, 1 + i, targets[year], self.number(indicator.unit, targets[year]))
            else:
                ws.write_string(row, 1 + i, DASH, self.st.center)
        refs = self.refs[indicator.code]
        realisasi = self.realisasi(indicator)
        has_value = self.ref_cell(ws, row, real_col, refs.realisasi, realisasi, indicator.unit)
        value_col, value = real_col, realisasi
        if scaled:
            value_col, value = real_col + 1, calc.renstra_scale(realisasi, factor)
            if has_value:  # realisasi and factor are bounded inputs: their product is finite
                ws.write_formula(row, value_col, "=" + calc.renstra_scale_formula(a1(row, real_col), factor),
                                 self.number(indicator.unit, cast(float, value)), value)
            else:
                ws.write_string(row, value_col, DASH, self.st.center)
        if self.master.renstra_basis == "pk":
            self.capaian_cell(ws, row, cap_col, a1(row, real_col), refs.target, realisasi, indicator.target,
                              indicator)
            notes = [msg("tables_note_capaian_pk", year=self.year)]
        else:
            target_ref = a1(row, 1 + years.index(self.year)) if self.year in years else ""
            self.capaian_cell(ws, row, cap_col, a1(row, value_col), target_ref, value, targets.get(self.year),
                              indicator)
            notes = [msg("tables_note_capaian_renstra", year=self.year)]
        if scaled:
            notes.append(msg("tables_note_scale", renstra=skala_renstra, pk=skala_pk, factor=format_number(factor, 4)))
        for note in notes:
            row += 1
            ws.write_string(row, 0, note, self.st.note)
        return row + 2
