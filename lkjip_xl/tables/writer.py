"""The tables workbook: Daftar Tabel, Tabel 3.1, the IKK sheets and the budget tables (:func:`write_tables`).

- "Daftar Tabel": the DAFTAR TABEL, every numbered table with a link to it;
- "Tabel 3.1": Capaian Kinerja Sasaran Kegiatan, the data every other table refers to;
- one sheet per IKK, in report order, with its three tables (:mod:`lkjip_xl.tables.ikk`);
- the budget tables of :func:`lkjip_xl.tables.budget.write.write_budget_tables`;
- with a source of periods, the unnumbered Capaian Kinerja per Triwulan
  (:mod:`lkjip_xl.tables.per_period_write`);
- the action plan's tables, one sheet each (:mod:`lkjip_xl.tables.action_plan_write`);
- the e-Monev table (:func:`lkjip_xl.tables.budget.write.write_emonev_table`).

Tables are written in the order and with the numbers of
:func:`~lkjip_xl.tables.numbering.plan_tables`.  Every computed number is a
formula with its value, computed by the functions of :mod:`lkjip_xl.calc`.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, cast

from ..fileio import atomic_output
from ..kinds import KIND_TABLES
from ..messages import LABELS, msg
from ..problems import Problem
from ..xlsx import a1, add_sheet, column_width, new_workbook, print_setup, quote_sheet, row_height
from .budget.model import BudgetData
from .action_plan_write import ActionPlanWriter
from .budget.efficiency import has_anggaran
from .budget.efficiency_write import SHEET_EFISIENSI, efficiency_title, write_efficiency_table
from .budget.model import budget_table_count
from .budget.write import SHEET_CAPAIAN, emonev_title, pagu_realisasi_refs, write_budget_tables, write_emonev_table
from .cells import Refs, merge
from .ikk import IkkWriter
from .numbering import (
    ANGGARAN, CHAPTER, EFISIENSI, EMONEV, PENDUKUNG, PER_PERIODE, PERBANDINGAN, RENCANA_AKSI, RENCANA_AKSI_PERBANDINGAN,
    RINGKASAN, TARGET, PlannedTable, plan_tables, table_number,
)
from .per_period import period_sheet, period_title
from .per_period_write import PeriodTableWriter
from .previous import DASH

if TYPE_CHECKING:  # the data module imports this one (make_tables)
    from .load import TablesData

SHEET_TOC = LABELS["sheet_toc"]


@dataclass(frozen=True)
class TocEntry:
    """One line of the DAFTAR TABEL; ``sheet`` is empty for a supporting table (prepared by hand), ``label``
    empty for an unnumbered table."""

    label: str
    title: str
    sheet: str = ""
    cell: str = "A1"
    code: str = ""  #: the IKK of a per-IKK table
    kind: str = ""  #: the kind of table (:mod:`lkjip_xl.tables.numbering`)


@dataclass
class TablesResult:
    """What :func:`write_tables` wrote."""

    output: Path
    toc: list[TocEntry]
    warnings: list[Problem] = field(default_factory=list)  #: set by :func:`~lkjip_xl.tables.load.make_tables`


class _Writer(IkkWriter, PeriodTableWriter, ActionPlanWriter):
    """Writes the sheets of one tables workbook: Tabel 3.1 and the DAFTAR TABEL here, the IKK sheets, the
    per-period table and the action plan's sheets inherited."""

    # ---- Tabel 3.1

    def summary(self, table: PlannedTable) -> TocEntry:
        ws = add_sheet(self.wb, table.label(self.chapter))
        shown = self.master.decimals  # target and realisasi as wide as their widest value with its unit
        widths: list[float] = [*self.SUMMARY_WIDTHS]
        for col, values in ((3, [(i.target, i) for i in self.master.indicators]),
                            (4, [(self.realisasi(i), i) for i in self.master.indicators])):
            widths[col] = column_width([(v, shown.number_format(i.unit, v)) for v, i in values if v is not None],
                                       least=widths[col])
        for col, width in enumerate(widths):
            ws.set_column(col, col, width)
        ws.set_row(0, row_height([(table.caption(self.chapter), sum(widths))]))
        merge(ws, 0, 0, 0, len(widths) - 1, table.caption(self.chapter), self.st.caption)
        headers = ("", *(LABELS[key] for key in ("col_sk", "col_ikk_short", "col_target", "col_realisasi",
                                                 "col_capaian_plain")))
        for col, header in enumerate(headers):
            ws.write_string(1, col, header, self.st.header)
        row = 2
        sheet = quote_sheet(ws.name)
        for divisi in self.master.divisi_order:
            merge(ws, row, 0, row, len(widths) - 1, msg("divisi_label", name=divisi), self.st.group)
            row += 1
            indicators = self.master.for_divisi(divisi)
            for sk_no in dict.fromkeys(i.sk_no for i in indicators):
                group = [i for i in indicators if i.sk_no == sk_no]
                first, heights = row, []
                for indicator in group:
                    text = f"{indicator.ikk_no}. {indicator.text}"
                    heights.append(row_height([(text, widths[2])]))
                    ws.set_row(row, heights[-1])
                    ws.write_string(row, 2, text, self.st.text)
                    ws.write_number(row, 3, indicator.target, self.number(indicator.unit, indicator.target))
                    realisasi = self.realisasi(indicator)
                    if realisasi is None:
                        ws.write_string(row, 4, DASH, self.st.center)
                    else:
                        ws.write_number(row, 4, realisasi, self.number(indicator.unit, realisasi))
                    self.capaian_cell(ws, row, 5, a1(row, 4), a1(row, 3), realisasi, indicator.target, indicator)
                    self.refs[indicator.code] = Refs(f"{sheet}!{a1(row, 3, True)}", f"{sheet}!{a1(row, 4, True)}")
                    row += 1
                missing = row_height([(group[0].sk_text, widths[1])]) - sum(heights)
                if missing > 0:  # the merged SK text needs more room than its IKK rows give
                    ws.set_row(row - 1, heights[-1] + missing)
                merge(ws, first, 0, row - 1, 0, f"{sk_no}.", self.st.center)
                merge(ws, first, 1, row - 1, 1, group[0].sk_text, self.st.text)
        print_setup(ws, owner=self.master.kanwil, year=self.year, center=True, repeat_rows=1,
                    area=(row - 1, len(widths) - 1))
        return TocEntry(table.label(self.chapter), table.title, ws.name)

    # ---- Daftar Tabel

    def toc(self, ws, entries: list[TocEntry]) -> None:
        ws.set_column(0, 0, column_width([entry.label for entry in entries], least=12))
        ws.set_column(1, 1, 80)
        ws.set_column(2, 2, column_width([entry.sheet for entry in entries], least=16))
        ws.write_string(0, 0, LABELS["title_toc"], self.st.title)
        for col, header in enumerate(LABELS[key] for key in ("col_nomor", "col_judul_tabel", "col_letak")):
            ws.write_string(2, col, header, self.st.header)
        row = 3
        for entry in entries:
            ws.set_row(row, row_height([(entry.title, 80)]))
            ws.write_string(row, 0, entry.label or LABELS["toc_unnumbered"], self.st.text)
            ws.write_string(row, 1, entry.title, self.st.text)
            if entry.sheet:
                ws.write_url(row, 2, f"internal:{quote_sheet(entry.sheet)}!{entry.cell}", self.st.link,
                             string=entry.sheet)
            else:
                ws.write_string(row, 2, LABELS["toc_supporting"], self.st.text)
            row += 1
        print_setup(ws, landscape=False, owner=self.master.kanwil, year=self.year, center=True, repeat_rows=2,
                    area=(row - 1, 2))


def write_tables(data: TablesData, out: str | Path, start: int = 1, force: bool = False,
                 chapter: int = CHAPTER) -> TablesResult:
    """Write the tables workbook atomically to ``out`` (never over an existing file unless ``force``)."""
    plan = plan_tables(data.master, data.new_codes, data.supporting, start, data.budget is not None,
                       data.action_plan.divisi_order if data.action_plan else (),
                       emonev_title(data.budget) if data.budget and data.budget.emonev else "",
                       period_title(data.periods.calendar, data.master.year) if data.periods else "",
                       budget_table_count(data.budget) if data.budget else 0,
                       efficiency_title(data.master.year) if has_anggaran(data.master) else "")
    toc: list[TocEntry] = []
    with atomic_output(out, force) as tmp:
        title = msg("tables_workbook_title", kanwil=data.master.kanwil, year=data.master.year)
        workbook = new_workbook(tmp, title=title, kind=KIND_TABLES)
        budget_sheets = [table_number(chapter, t.number) for t in plan if t.kind == ANGGARAN and t.number]
        later = [table_number(chapter, t.number) for t in plan  # sheets named after their table, written last
                 if t.kind in (RENCANA_AKSI, RENCANA_AKSI_PERBANDINGAN, EMONEV) and t.number]
        if data.periods:
            later.append(period_sheet(data.periods.calendar))
        if has_anggaran(data.master):
            later.append(SHEET_EFISIENSI)
        writer = _Writer(workbook, data, chapter,
                         [*budget_sheets, SHEET_CAPAIAN, *later] if budget_sheets else later)
        toc_sheet = add_sheet(workbook, SHEET_TOC)
        indicators = data.master.by_code()
        ws, code, row = None, "", 0
        budget_written = False
        for table in plan:
            if table.kind == RINGKASAN:
                toc.append(replace(writer.summary(table), kind=table.kind))
            elif table.code:
                if table.code != code or ws is None:  # ws is None only before the first code
                    if ws is not None:
                        writer.end_ikk_sheet(ws, row)
                    ws, code, row = writer.ikk_sheet(table.code), table.code, 0
                if table.number:
                    toc.append(TocEntry(table.label(chapter), table.title, ws.name, a1(row, 0), table.code, table.kind))
                indicator = indicators[table.code]
                if table.kind == PENDUKUNG:
                    row = writer.supporting(ws, row, table)
                elif table.kind == TARGET:
                    row = writer.target_table(ws, row, table, indicator)
                elif table.kind == PERBANDINGAN:
                    row = writer.comparison_table(ws, row, table, indicator)
                else:
                    row = writer.renstra_table(ws, row, table, indicator)
            elif table.kind == EFISIENSI:  # planned when the master declares any anggaran; unnumbered, not listed
                budget_start = next((t.number for t in plan if t.kind == ANGGARAN), None)
                write_efficiency_table(workbook, data.master, {c: f.realisasi for c, f in data.current.items()},
                                       writer.refs, data.budget,
                                       pagu_realisasi_refs(data.budget, budget_start, chapter)
                                       if data.budget and budget_start else {})
            elif table.kind == ANGGARAN:
                if not budget_written:  # the budget module writes its tables at once
                    # planned only with budget data, and budget tables are always numbered
                    entries = write_budget_tables(workbook, cast(BudgetData, data.budget),
                                                  start_number=cast(int, table.number), chapter=chapter)
                    toc.extend(TocEntry(e.label, e.title, e.sheet, kind=ANGGARAN) for e in entries if e.number)
                    budget_written = True
            elif table.kind == PER_PERIODE:  # planned only with periods; unnumbered
                toc.append(TocEntry("", table.title, writer.period_table(table), kind=table.kind))
            elif table.kind == RENCANA_AKSI:
                toc.append(TocEntry(table.label(chapter), table.title, writer.action_plan_table(table),
                                    kind=table.kind))
            elif table.kind == RENCANA_AKSI_PERBANDINGAN:
                toc.append(TocEntry(table.label(chapter), table.title, writer.action_plan_comparison(table),
                                    kind=table.kind))
            elif table.kind == EMONEV:  # planned only with e-Monev data; always numbered
                entry = write_emonev_table(workbook, cast(BudgetData, data.budget), cast(int, table.number), chapter)
                toc.append(TocEntry(entry.label, entry.title, entry.sheet, kind=table.kind))
            else:
                toc.append(TocEntry(table.label(chapter), table.title))
        if ws is not None:
            writer.end_ikk_sheet(ws, row)
        writer.toc(toc_sheet, toc)
        workbook.close()
    return TablesResult(Path(out), toc)
