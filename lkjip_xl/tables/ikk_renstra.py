"""Type 3 of the per-IKK tables: Target Jangka Menengah, the IKK against its Renstra.

- the Renstra targets of the plan years (a blank year prints "-"; an IKK not
  in the Renstra, or no Renstra given, prints "data tidak tersedia");
- this year's realisasi, converted to the Renstra scale when the master
  declares a factor;
- capaian on the basis the master declares: this year's Renstra target or the
  PK target.  Without the Renstra target it needs, capaian is "data tidak
  tersedia".

An IKK marked Kumulatif in the Renstra ("realisasi s.d." against a
medium-term target) has, instead of this year's realisasi alone, the
realisasi of every plan year so far (earlier years from the earlier-years
input, this year from Tabel 3.1), their sum "Realisasi s.d." and capaian =
that sum against the target of the plan's last year, whatever the basis; a
note under the table says so.
"""

from __future__ import annotations

from typing import cast

from .. import calc
from ..messages import LABELS, msg
from ..model import Indicator
from ..numbers import format_number
from ..xlsx import a1
from .cells import NOT_AVAILABLE, SheetWriter, merge
from .numbering import PlannedTable
from .previous import DASH
from .renstra import cumulative_realisasi, cumulative_realisasi_formula


class RenstraWriter(SheetWriter):
    """Writes the Target Jangka Menengah table of an IKK."""

    def renstra_table(self, ws, row: int, table: PlannedTable, indicator: Indicator) -> int:
        data = self.data
        years = data.renstra.years_with_targets or (self.year,)
        plan = data.renstra.rows.get(indicator.code)
        sofar = data.cumulative_years(plan)  # () unless the IKK is cumulative
        factor = indicator.renstra_scale_factor
        scaled = factor != 1
        real_col = 1 + len(years)  # this year's realisasi, or the first plan year's of a cumulative IKK
        value_col = real_col + len(sofar) if sofar else real_col  # the realisasi capaian is computed from
        cap_col = value_col + 1 + scaled
        row = self.caption(ws, row, table, cap_col)
        realisasi_header = msg("tables_col_cumulative" if sofar else "tables_col_realisasi_year", year=self.year)
        skala_pk = (plan.skala_pk if plan else "") or LABELS["pk"]
        skala_renstra = (plan.skala_renstra if plan else "") or LABELS["renstra"]
        merge(ws, row, 0, row + 1, 0, LABELS["col_ikk"], self.st.header)
        self.year_group(ws, row, 1, LABELS["col_target"], years)
        if sofar:
            self.year_group(ws, row, real_col, LABELS["col_realisasi"], sofar)
        if scaled:
            merge(ws, row, value_col, row + 1, value_col,
                  msg("tables_col_scale", header=realisasi_header, scale=skala_pk), self.st.header)
            merge(ws, row, value_col + 1, row + 1, value_col + 1,
                  msg("tables_col_scale", header=realisasi_header, scale=skala_renstra), self.st.header)
        else:
            merge(ws, row, value_col, row + 1, value_col, realisasi_header, self.st.header)
        merge(ws, row, cap_col, row + 1, cap_col, LABELS["col_capaian"], self.st.header)
        ws.set_row(row, 40)
        row += 2
        self.name_row(ws, row, indicator, (NOT_AVAILABLE, 1))
        targets = plan.targets if plan else {}
        if plan is None:
            self.not_available(ws, row, 1, len(years))
        else:
            for i, year in enumerate(years):
                if year in targets:
                    ws.write_number(row, 1 + i, targets[year], self.number(indicator.unit, targets[year]))
                else:
                    ws.write_string(row, 1 + i, DASH, self.st.center)
        refs = self.refs[indicator.code]
        if sofar:
            value = self.cumulative_cells(ws, row, real_col, sofar, indicator)
        else:
            value = self.realisasi(indicator)
            self.ref_cell(ws, row, real_col, refs.realisasi, value, indicator.unit)
        if scaled:
            value = self.scaled_cell(ws, row, value_col, value, factor, indicator)
        value_ref = a1(row, value_col + scaled)
        needed = data.renstra_target_year(plan)
        if sofar or needed is not None:
            target = targets.get(needed) if needed is not None else None
            if target is None or (sofar and value is None):  # no target, or an earlier year's realisasi missing
                self.not_available(ws, row, cap_col)
            else:
                target_ref = a1(row, 1 + years.index(cast(int, needed)))
                self.capaian_cell(ws, row, cap_col, value_ref, target_ref, value, target, indicator)
        else:  # the PK basis: the realisasi against the PK target, as in the Type 1 table
            self.capaian_cell(ws, row, cap_col, a1(row, real_col), refs.target, self.realisasi(indicator),
                              indicator.target, indicator)
        if sofar:
            notes = [msg("tables_note_cumulative", first=sofar[0], year=self.year, final=needed or "-")]
        elif needed is None:
            notes = [msg("tables_note_capaian_pk", year=self.year)]
        else:
            notes = [msg("tables_note_capaian_renstra", year=self.year)]
        if scaled:
            notes.append(msg("tables_note_scale", renstra=skala_renstra, pk=skala_pk, factor=format_number(factor, 4)))
        for note in notes:
            row += 1
            ws.write_string(row, 0, note, self.st.note)
        return row + 2

    def year_group(self, ws, row: int, col: int, title: str, years: tuple[int, ...]) -> None:
        """``title`` merged over one column per year from ``col``, the years below it."""
        merge(ws, row, col, row, col + len(years) - 1, title, self.st.header)
        for i, year in enumerate(years):
            ws.write_string(row + 1, col + i, str(year), self.st.header)

    def cumulative_cells(self, ws, row: int, col: int, years: tuple[int, ...], indicator: Indicator) -> float | None:
        """The realisasi of each plan year so far from ``col`` (this year's from Tabel 3.1, the last) and
        their sum after them; returns the sum (``None`` when a year has no realisasi)."""
        values: list[float | None] = []
        for i, year in enumerate(years[:-1]):
            figures = self.data.previous.figures(indicator.code, year)
            value = figures.realisasi if figures else None
            values.append(value)
            if value is None:
                ws.write_string(row, col + i, (figures.note if figures else "") or NOT_AVAILABLE, self.st.center)
            else:
                ws.write_number(row, col + i, value, self.number(indicator.unit, value))
        this_year = self.realisasi(indicator)
        values.append(this_year)
        last = col + len(years) - 1
        self.ref_cell(ws, row, last, self.refs[indicator.code].realisasi, this_year, indicator.unit)
        total = cumulative_realisasi(values)
        if total is None:
            self.not_available(ws, row, last + 1)
        else:
            ws.write_formula(row, last + 1, "=" + cumulative_realisasi_formula(a1(row, col), a1(row, last)),
                             self.number(indicator.unit, total), total)
        return total

    def scaled_cell(self, ws, row: int, col: int, value: float | None, factor: float,
                    indicator: Indicator) -> float | None:
        """The realisasi in ``col`` converted to the Renstra scale in the next column; returns it."""
        scaled = calc.renstra_scale(value, factor)
        if scaled is None:  # realisasi and factor are bounded inputs: with a realisasi, the product is finite
            ws.write_string(row, col + 1, DASH, self.st.center)
        else:
            ws.write_formula(row, col + 1, "=" + calc.renstra_scale_formula(a1(row, col), factor),
                             self.number(indicator.unit, scaled), scaled)
        return scaled
