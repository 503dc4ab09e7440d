"""The action plan's tables: Capaian Target Kinerja per Divisi (Tabel 3.181–3.184) and their comparison (3.185).

- one sheet per Divisi table, named after its number: No | Target Kinerja |
  Capaian Periode (one column per period of the master's calendar, B03 … B12);
- the comparison sheet: No | Kepala Kantor Wilayah/Divisi | Capaian <last
  year> | Capaian <year>.  This year's values are formulas over the last-period
  column of the Divisi tables (:func:`~lkjip_xl.tables.action_plan.divisi_capaian`,
  :func:`~lkjip_xl.tables.action_plan.kanwil_capaian`) with their values; last
  year's come from the input, "data tidak tersedia" when it has none.
"""

from __future__ import annotations

from typing import cast

from ..messages import LABELS, label, msg, translated
from ..xlsx import a1, add_sheet, print_setup, quote_sheet, row_height
from .action_plan import (
    KANWIL, ActionPlan, divisi_capaian, divisi_capaian_formula, kanwil_capaian, kanwil_capaian_formula,
)
from .cells import NOT_AVAILABLE, SheetWriter, merge
from .numbering import PlannedTable
from .previous import DASH

_NO_WIDTH, _TEXT_WIDTH, _PERIOD_WIDTH = 6, 60, 10
_UNIT_WIDTH, _YEAR_WIDTH = 45, 16


class ActionPlanWriter(SheetWriter):
    """Writes the action plan's sheets of one tables workbook (after the budget tables)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        #: Divisi → the absolute range of its table's last-period scores, for the comparison.
        self.last_period_ranges: dict[str, str] = {}

    @property
    def action_plan(self) -> ActionPlan:
        return cast(ActionPlan, self.data.action_plan)  # its tables are planned only with an action plan

    def _sheet(self, table: PlannedTable, widths: tuple[float, ...]):
        ws = add_sheet(self.wb, table.label(self.chapter))
        for col, width in enumerate(widths):
            ws.set_column(col, col, width)
        caption = table.caption(self.chapter)
        ws.set_row(0, row_height([(caption, sum(widths))], bold=True))
        merge(ws, 0, 0, 0, len(widths) - 1, caption, self.st.caption)
        return ws

    def action_plan_table(self, table: PlannedTable) -> str:
        """Capaian Target Kinerja of one Divisi; returns the sheet's name."""
        plan = self.action_plan
        periods = plan.periods
        widths = (_NO_WIDTH, _TEXT_WIDTH, *(_PERIOD_WIDTH for _ in periods))
        last_col = len(widths) - 1
        ws = self._sheet(table, widths)
        merge(ws, 1, 0, 2, 0, LABELS["col_no"], self.st.header)
        merge(ws, 1, 1, 2, 1, LABELS["col_target_kinerja"], self.st.header)
        merge(ws, 1, 2, 1, last_col, LABELS["col_capaian_periode"], self.st.header)
        for col, code in enumerate(periods, start=2):
            ws.write_string(2, col, code, self.st.header)
        first = row = 3
        for item in plan.for_divisi(table.divisi):
            ws.set_row(row, row_height([(item.text, _TEXT_WIDTH)]))
            ws.write_number(row, 0, item.no, self.st.centered)
            ws.write_string(row, 1, item.text, self.st.text)
            for col, score in enumerate(item.scores, start=2):
                if score is None:
                    ws.write_string(row, col, DASH, self.st.center)
                else:
                    ws.write_number(row, col, score, self.number("", score))
            row += 1
        column = f"{a1(first, last_col, True)}:{a1(row - 1, last_col, True)}"
        self.last_period_ranges[table.divisi] = f"{quote_sheet(ws.name)}!{column}"
        print_setup(ws, landscape=False, owner=self.master.kanwil, year=self.year, center=True, repeat_rows=(1, 2),
                    area=(row - 1, last_col))
        return ws.name

    def action_plan_comparison(self, table: PlannedTable) -> str:
        """Perbandingan Capaian Target Kinerja: the head of the office, then each Divisi; returns the sheet."""
        plan = self.action_plan
        ws = self._sheet(table, (_NO_WIDTH, _UNIT_WIDTH, _YEAR_WIDTH, _YEAR_WIDTH))
        headers = (LABELS["col_no"], label("col_unit_action_plan"),
                   msg("action_plan_col_capaian_year", year=plan.previous_year),
                   msg("action_plan_col_capaian_year", year=plan.year))
        for col, header in enumerate(headers):
            ws.write_string(1, col, header, self.st.header)
        ranges = [self.last_period_ranges[divisi] for divisi in plan.divisi_order]
        rows = [(KANWIL, translated(KANWIL), kanwil_capaian(plan), kanwil_capaian_formula(ranges))]
        rows += [(divisi, msg("action_plan_head_divisi", name=divisi), divisi_capaian(plan, divisi),
                  divisi_capaian_formula(self.last_period_ranges[divisi])) for divisi in plan.divisi_order]
        for no, (unit, name, value, formula) in enumerate(rows, start=1):
            row = 1 + no
            ws.write_number(row, 0, no, self.st.centered)
            ws.write_string(row, 1, name, self.st.text)
            previous = plan.previous.get(unit)
            if previous is None:
                ws.write_string(row, 2, NOT_AVAILABLE, self.st.center)
            else:
                ws.write_number(row, 2, previous, self.capaian_format(previous))
            if value is None:  # no Target Kinerja of the unit is scored in the last period
                ws.write_string(row, 3, DASH, self.st.center)
            else:
                ws.write_formula(row, 3, "=" + formula, self.capaian_format(value), value)
        print_setup(ws, landscape=False, owner=self.master.kanwil, year=self.year, center=True, repeat_rows=1,
                    area=(1 + len(rows), 3))
        return ws.name
