"""Chapter III of the LKjIP: report-ready tables, numbered and titled by the toolkit.

From this year's figures (a consolidated workbook or the forms) and the
master, and whichever of the optional inputs are given — earlier years'
figures, the Renstra targets, the budget data, the action plan of the Target
Kinerja and a list of supporting tables — one workbook is written
(``lkjip-xl tables``, docs/tables.md and docs/budget.md).

- :mod:`~lkjip_xl.tables.inputs`      reading the documented input sheets, :class:`InputError`
- :mod:`~lkjip_xl.tables.previous`    earlier years: last year's consolidated workbook, "Capaian Tahun Lalu"
- :mod:`~lkjip_xl.tables.renstra`     Renstra targets (sheet "Renstra")
- :mod:`~lkjip_xl.tables.supporting`  the supporting-table list (sheet "Tabel Pendukung")
- :mod:`~lkjip_xl.tables.action_plan` the action plan of the Target Kinerja (sheet "Rencana Aksi") and
                                      the year's capaian per Divisi; :mod:`~lkjip_xl.tables.action_plan_write`
                                      its tables
- :mod:`~lkjip_xl.tables.per_period`  this year's figures per period (a source of period forms), written by
                                      :mod:`~lkjip_xl.tables.per_period_write` as Capaian Kinerja per Triwulan
- :mod:`~lkjip_xl.tables.numbering`   the plan of the chapter: table numbers, titles, Roman numerals
- :mod:`~lkjip_xl.tables.load`        every input read and cross-checked; :func:`make_tables`, the whole run
- :mod:`~lkjip_xl.tables.cells`, :mod:`~lkjip_xl.tables.ikk`, :mod:`~lkjip_xl.tables.ikk_renstra`,
  :mod:`~lkjip_xl.tables.writer`      formats, the per-IKK tables (Type 3 in ikk_renstra), the workbook
- :mod:`~lkjip_xl.tables.budget`      the budget tables (and e-Monev): model and calculation, reading, writing
"""

from .action_plan import ActionPlan, ActionRow, divisi_capaian, kanwil_capaian, read_action_plan
from .budget.model import (
    BudgetData, BudgetSummary, BudgetWeights, EmonevRow, IkpaRow, PaguRow, SmartRow, nilai_emonev, summarize_budget,
)
from .budget.read import BudgetInputError, load_budget
from .budget.write import TableEntry, write_budget_tables, write_budget_workbook, write_emonev_table
from .inputs import InputError
from .load import TablesData, check_data, load_tables_data, make_tables, read_current, read_current_periods
from .numbering import PlannedTable, plan_tables, table_number, to_roman
from .per_period import PeriodFigures
from .previous import DASH, Previous, YearFigures, read_consolidated, read_previous
from .renstra import Renstra, RenstraRow, read_renstra
from .supporting import AKHIR, SupportingTable, read_supporting
from .writer import SHEET_TOC, TablesResult, TocEntry, write_tables

__all__ = [
    "AKHIR", "DASH", "SHEET_TOC",
    "ActionPlan", "ActionRow",
    "BudgetData", "BudgetInputError", "BudgetSummary", "BudgetWeights", "EmonevRow", "IkpaRow", "InputError",
    "PaguRow", "PeriodFigures", "PlannedTable", "Previous", "Renstra", "RenstraRow", "SmartRow", "SupportingTable",
    "TableEntry", "TablesData", "TablesResult", "TocEntry", "YearFigures",
    "check_data", "divisi_capaian", "kanwil_capaian", "load_budget", "load_tables_data", "make_tables",
    "nilai_emonev", "plan_tables", "read_action_plan", "read_consolidated", "read_current", "read_current_periods",
    "read_previous", "read_renstra", "read_supporting", "summarize_budget", "table_number", "to_roman",
    "write_budget_tables", "write_budget_workbook", "write_emonev_table", "write_tables",
]
