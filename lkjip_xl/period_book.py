"""The consolidated workbook of period forms: each period's sheet, and periods 1..N as live formulas.

Sheets written (:func:`write_period_consolidation`), in order:

- "Capaian Kinerja": the s.d. view (:attr:`PeriodConsolidation.to_date
  <lkjip_xl.period_consolidation.PeriodConsolidation.to_date>`) laid out like
  Tabel 3.1, its title naming the period ("s.d. Triwulan II Tahun 2023", or
  "Tahun 2023" when complete).  Its input cells are formulas over the period
  sheets' input cells (:func:`lkjip_xl.rollup.combined_formulas`); the
  realisasi of a ``rerata`` IKK is the mean of the period sheets' realisasi
  (:func:`lkjip_xl.rollup.mean_realisasi_formula`); the target is the target
  of periods 1..N.  Every formula is written with its value.
- "Ringkasan" of the s.d. view; its headline names the period unless complete.
- the sheets of ``extra_sheets`` (a monitoring view), given the data and
  :class:`BookPositions`;
- one sheet per period present ("Triwulan I", ...) laid out like "Capaian
  Kinerja", each IKK against the target of that period alone, the file
  column naming the form and its revision;
- "Data": the s.d. view's records (:mod:`lkjip_xl.records`; column Periode
  "s.d. Triwulan II" or "Tahunan");
- "Sumber": every input of every period with its file, sheet, cell and SHA-256.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from . import rollup
from .capaian_book import (
    SHEET_CAPAIAN, FormulaInputs, SheetLayout, add_formula_sheet, capaian_layout, write_capaian, write_sources,
    write_summary,
)
from .checks import CheckedForm
from .fileio import atomic_output
from .kinds import KIND_CONSOLIDATED
from .messages import msg, use_words
from .period_consolidation import PeriodConsolidation
from .period_plan import revision_of
from .periods import PeriodRule
from .records import write_data_sheet
from .styles import StyleBook
from .xlsx import new_workbook


@dataclass
class BookPositions:
    """Where each IKK's row is on each sheet of a period workbook (:class:`SheetLayout`: rows by IKK code,
    each with its target, realisasi, capaian, status and input cells)."""

    to_date: SheetLayout  #: the sheet "Capaian Kinerja" (the s.d. view)
    periods: dict[int, SheetLayout]  #: period index → that period's sheet

    def cell(self, code: str, k: int, column: str = "capaian") -> str | None:
        """``'Triwulan II'!F7``: the IKK's ``column`` (target, realisasi, capaian, status) on period ``k``'s
        sheet, as a formula names it; ``None`` when the sheet has no row of the IKK."""
        layout = self.periods.get(k)
        if layout is None or code not in layout.rows:
            return None
        return layout.ref(getattr(layout.rows[code], column))


#: A sheet added to a period workbook after "Ringkasan": called with the XlsxWriter workbook, the
#: workbook's styles, the data and the positions of every IKK's row on every sheet.
ExtraSheet = Callable[[object, StyleBook, PeriodConsolidation, BookPositions], None]


def write_period_consolidation(data: PeriodConsolidation, out: str | Path, force: bool = False,
                               extra_sheets: Sequence[ExtraSheet] = ()) -> Path:
    """Write the period workbook atomically to ``out``; ``extra_sheets`` add sheets after "Ringkasan".
    Every text is said in the consolidation's own words (:mod:`lkjip_xl.words`)."""
    with use_words(data.to_date.words), atomic_output(out, force) as tmp:
        workbook = new_workbook(tmp, title=msg("title_capaian", kanwil=data.kanwil, period=data.label),
                                kind=KIND_CONSOLIDATED, in_memory=True)
        styles = StyleBook(workbook, "workbook")
        positions = BookPositions(capaian_layout(data.to_date, SHEET_CAPAIAN), {
            period.index: capaian_layout(data.periods[period.index], period.label) for period in data.present})
        _write_to_date(add_formula_sheet(workbook, SHEET_CAPAIAN), styles, data, positions)
        write_summary(workbook, styles, data.to_date, positions.to_date.ranges)
        for extra in extra_sheets:
            extra(workbook, styles, data, positions)
        for period in data.present:
            part = data.periods[period.index]
            write_capaian(add_formula_sheet(workbook, period.label), styles, part, positions.periods[period.index],
                          files={result.indicator.code: _file_text(checked) for result, _, checked in part.rows},
                          note=msg("note_period", period=period.label))
        write_data_sheet(workbook, data.to_date)
        write_sources(workbook, styles, [(period.label, data.periods[period.index]) for period in data.present])
        workbook.close()
    return Path(out)


def _write_to_date(sheet, styles: StyleBook, data: PeriodConsolidation, positions: BookPositions) -> None:
    """"Capaian Kinerja": the s.d. view, its inputs formulas over the period sheets."""
    through = range(1, data.through + 1)
    formulas, files = {}, {}
    for result, _, _ in data.to_date.rows:
        indicator = result.indicator
        code = indicator.code
        sheets = [positions.periods[k] for k in through]
        realisasi = ""
        if indicator.period_rule is PeriodRule.RERATA:
            realisasi = rollup.mean_realisasi_formula([s.ref(s.rows[code].realisasi) for s in sheets])
        formulas[code] = FormulaInputs(rollup.combined_formulas(indicator, [s.input_refs(code) for s in sheets]),
                                       realisasi)
        forms = [data.form(indicator.divisi, k) for k in through]
        files[code] = "; ".join(_file_text(checked) for checked in forms if checked is not None)
    labels = ", ".join(data.plan.period(k).label for k in through)
    write_capaian(sheet, styles, data.to_date, positions.to_date, formulas, files,
                  note=msg("note_to_date", periods=labels, target=data.label))


def _file_text(checked: CheckedForm) -> str:
    """The form's file name, with its revision when it is one ("... (Revisi 2)")."""
    name = os.path.basename(checked.form.path)
    revision = revision_of(checked)
    return msg("file_with_revision", file=name, revision=revision) if revision > 0 else name
