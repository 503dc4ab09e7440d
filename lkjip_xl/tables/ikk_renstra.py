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

What the table computes is :func:`renstra_figures` (:class:`RenstraFigures`),
decided before any cell is written; the writer puts it into cells with their
formulas, and Chapter III (:mod:`lkjip_xl.chapter.facts`) tells the same figures.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, cast

from .. import calc
from ..messages import LABELS, msg
from ..model import Indicator
from ..numbers import format_number
from ..xlsx import a1, row_height
from .cells import NOT_AVAILABLE, SheetWriter, merge
from .numbering import PlannedTable
from .previous import DASH, YearFigures
from .renstra import RenstraRow, cumulative_realisasi, cumulative_realisasi_formula

if TYPE_CHECKING:  # the data module imports the writer (make_tables)
    from .load import TablesData


@dataclass(frozen=True)
class RenstraFigures:
    """The numbers of one IKK's Target Jangka Menengah table (``None`` where the table has none)."""

    row: RenstraRow | None  #: the IKK's Renstra row; ``None``: not in the Renstra (or no Renstra given)
    years_so_far: tuple[int, ...]  #: a cumulative IKK: the plan years summed, this year last; ``()`` otherwise
    earlier: tuple[YearFigures | None, ...]  #: the earlier years' figures of ``years_so_far`` (``None``: no row)
    realisasi: float | None  #: this year's realisasi (Tabel 3.1)
    total: float | None  #: a cumulative IKK: the realisasi s.d. this year (``None`` when a year has none)
    value: float | None  #: what capaian is computed from: ``realisasi`` or ``total``, on the Renstra scale
    target_year: int | None  #: the plan year whose Renstra target capaian needs; ``None``: the PK basis
    target: float | None  #: that year's Renstra target (the PK target on the PK basis); ``None``: missing
    capaian: float | None

    @property
    def pk_basis(self) -> bool:
        """Capaian is this year's realisasi against the PK target, as in the Type 1 table."""
        return not self.years_so_far and self.target_year is None

    @property
    def available(self) -> bool:
        """Whether the inputs hold what capaian needs (otherwise the table says "data tidak tersedia")."""
        return self.target is not None and not (self.years_so_far and self.value is None)


def renstra_figures(data: TablesData, indicator: Indicator) -> RenstraFigures:
    """What the Target Jangka Menengah table of ``indicator`` shows, by the rules of the module docstring."""
    plan = data.renstra.rows.get(indicator.code)
    sofar = data.cumulative_years(plan)  # () unless the IKK is cumulative
    earlier = tuple(data.previous.figures(indicator.code, year) for year in sofar[:-1])
    current = data.current.get(indicator.code)
    realisasi = current.realisasi if current else None
    total = cumulative_realisasi([*(f.realisasi if f else None for f in earlier), realisasi]) if sofar else None
    value = total if sofar else realisasi
    if indicator.renstra_scale_factor != 1:
        value = calc.renstra_scale(value, indicator.renstra_scale_factor)
    needed = data.renstra_target_year(plan)
    if sofar or needed is not None:
        target = plan.targets.get(needed) if plan is not None and needed is not None else None
        figures = RenstraFigures(plan, sofar, earlier, realisasi, total, value, needed, target, None)
        if not figures.available:
            return figures
        return RenstraFigures(plan, sofar, earlier, realisasi, total, value, needed, target,
                              calc.capaian(value, cast(float, target), indicator.direction))
    return RenstraFigures(plan, sofar, earlier, realisasi, total, value, None, indicator.target,
                          calc.capaian(realisasi, indicator.target, indicator.direction))


class RenstraWriter(SheetWriter):
    """Writes the Target Jangka Menengah table of an IKK."""

    def renstra_table(self, ws, row: int, table: PlannedTable, indicator: Indicator) -> int:
        data = self.data
        years = data.renstra.years_with_targets or (self.year,)
        figures = renstra_figures(data, indicator)
        plan, sofar = figures.row, figures.years_so_far
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
        heads = [msg("tables_col_scale", header=realisasi_header, scale=scale) for scale in (skala_pk, skala_renstra)
                 ] if scaled else [realisasi_header]  # over this row and the next (of the default 15 points)
        ws.set_row(row, max(40.0, row_height([(head, self.value_width) for head in heads], bold=True) - 15))
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
            self.cumulative_cells(ws, row, real_col, figures, indicator)
        else:
            self.ref_cell(ws, row, real_col, refs.realisasi, figures.realisasi, indicator.unit)
        if scaled:
            self.scaled_cell(ws, row, value_col, figures.value, factor, indicator)
        value_ref = a1(row, value_col + scaled)
        needed = figures.target_year
        if figures.pk_basis:  # the realisasi against the PK target, as in the Type 1 table
            self.capaian_cell(ws, row, cap_col, a1(row, real_col), refs.target, figures.realisasi,
                              indicator.target, indicator)
        elif not figures.available:  # no target, or an earlier year's realisasi missing
            self.not_available(ws, row, cap_col)
        else:
            target_ref = a1(row, 1 + years.index(cast(int, needed)))
            self.capaian_cell(ws, row, cap_col, value_ref, target_ref, figures.value, figures.target, indicator)
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

    def cumulative_cells(self, ws, row: int, col: int, figures: RenstraFigures, indicator: Indicator) -> None:
        """The realisasi of each plan year so far from ``col`` (this year's from Tabel 3.1, the last) and
        their sum after them ("data tidak tersedia" when a year has no realisasi)."""
        for i, earlier in enumerate(figures.earlier):
            value = earlier.realisasi if earlier else None
            if value is None:
                ws.write_string(row, col + i, (earlier.note if earlier else "") or NOT_AVAILABLE, self.st.center)
            else:
                ws.write_number(row, col + i, value, self.number(indicator.unit, value))
        last = col + len(figures.years_so_far) - 1
        self.ref_cell(ws, row, last, self.refs[indicator.code].realisasi, figures.realisasi, indicator.unit)
        total = figures.total
        if total is None:
            self.not_available(ws, row, last + 1)
        else:
            ws.write_formula(row, last + 1, "=" + cumulative_realisasi_formula(a1(row, col), a1(row, last)),
                             self.number(indicator.unit, total), total)

    def scaled_cell(self, ws, row: int, col: int, scaled: float | None, factor: float, indicator: Indicator) -> None:
        """The realisasi in ``col`` converted to the Renstra scale (``scaled``, :func:`renstra_figures`) in the
        next column."""
        if scaled is None:  # realisasi and factor are bounded inputs: with a realisasi, the product is finite
            ws.write_string(row, col + 1, DASH, self.st.center)
        else:
            ws.write_formula(row, col + 1, "=" + calc.renstra_scale_formula(a1(row, col), factor),
                             self.number(indicator.unit, scaled), scaled)
