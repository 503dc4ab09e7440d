"""Cell formats and the cell writers every sheet of the tables workbook shares.

The IKK tables take this year's target and realisasi from the cells of Tabel
3.1 (:class:`Refs`), so the tables of one workbook cannot disagree with each
other; capaian is a formula of :mod:`lkjip_xl.calc` with its value.

Two words stand where a number cannot: "-" (:data:`~lkjip_xl.tables.previous.DASH`)
where the figures say there is none (a realisasi not reported, a blank Renstra
year, NIHIL printed as such), "data tidak tersedia" (:data:`NOT_AVAILABLE`)
where an input that would hold it was not given or lacks it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from .. import calc
from ..messages import msg
from ..model import Indicator
from ..numbers import excel_number_format
from ..styles import StyleBook
from ..xlsx import row_height
from .numbering import PlannedTable
from .previous import DASH

if TYPE_CHECKING:  # the data module imports the writer (make_tables)
    from .load import TablesData

NOT_AVAILABLE = msg("tables_not_available")  #: printed where an input not given (or lacking it) would hold a value


@dataclass(frozen=True)
class Refs:
    """Where Tabel 3.1 holds an IKK's target and realisasi (absolute, with the sheet name)."""

    target: str
    realisasi: str


def merge(ws, first_row: int, first_col: int, last_row: int, last_col: int, text: str, fmt) -> None:
    """Text over a range, merged when it spans more than one cell (always through write_string)."""
    if (first_row, first_col) != (last_row, last_col):
        ws.merge_range(first_row, first_col, last_row, last_col, "", fmt)
    ws.write_string(first_row, first_col, text, fmt)


class SheetWriter:
    """What every sheet writer of one tables workbook shares: data, formats, the Tabel 3.1 references."""

    NAME_WIDTH, VALUE_WIDTH = 45, 12  # column A of the IKK sheets, and every column after it
    SUMMARY_WIDTHS = (5, 38, 50, 14, 14, 12)

    def __init__(self, workbook, data: TablesData, chapter: int, reserved: Sequence[str] = ()):
        self.wb = workbook
        self.reserved = tuple(reserved)  #: names of sheets written later (the budget tables)
        self.data = data
        self.master = data.master
        self.year = data.master.year
        self.chapter = chapter
        self.st = StyleBook(workbook, "report")  #: Arial 10, thin borders, grey bold headers
        self.refs: dict[str, Refs] = {}
        self.last_col = 0  # widest table of the current IKK sheet
        self.value_width: float = self.VALUE_WIDTH  #: the value columns of the current IKK sheet (its numbers)

    # ---- helpers

    def number(self, unit: str, value: float, shown: str | None = None):
        """The format of a number cell: the unit's number format with as many decimals as ``value``
        needs, at most those the master declares for ``unit`` (:meth:`~lkjip_xl.model.DisplayDecimals.places`),
        centred; ``shown`` is the unit written beside the number when it is not ``unit`` ("": none, the
        unit stands in its own column)."""
        places = self.master.decimals.places(unit, value)
        return self.st("centered", excel_number_format(unit if shown is None else shown, places))

    def capaian_format(self, value: float):
        """The format of a capaian cell: ``93,26%`` with the master's capaian decimals at most, centred."""
        return self.st("centered", excel_number_format("%", self.master.decimals.places(value=value, capaian=True)))

    def caption(self, ws, row: int, table: PlannedTable, last_col: int) -> int:
        text = table.caption(self.chapter)
        self.last_col = max(self.last_col, last_col)
        ws.set_row(row, row_height([(text, self.NAME_WIDTH + self.value_width * last_col)], bold=True))
        merge(ws, row, 0, row, last_col, text, self.st.caption)
        return row + 1

    def realisasi(self, indicator: Indicator) -> float | None:
        figures = self.data.current.get(indicator.code)
        return figures.realisasi if figures else None

    def ref_cell(self, ws, row: int, col: int, ref: str, value: float | None, unit: str) -> bool:
        """A reference to a Tabel 3.1 cell with its value, or "-" without a value; True when a number."""
        if value is None:
            ws.write_string(row, col, DASH, self.st.center)
            return False
        ws.write_formula(row, col, f"={ref}", self.number(unit, value), value)
        return True

    def capaian_cell(self, ws, row: int, col: int, real_ref: str, target_ref: str, realisasi: float | None,
                     target: float | None, indicator: Indicator) -> float | None:
        """Capaian = realisasi / target × 100 as a formula with its value, or "-"; returns the value."""
        value = calc.capaian(realisasi, target, indicator.direction) if target is not None else None
        if value is None:
            ws.write_string(row, col, DASH, self.st.center)
            return None
        ws.write_formula(row, col, "=" + calc.capaian_formula(real_ref, target_ref, indicator.direction),
                         self.capaian_format(value), value)
        return value

    def name_row(self, ws, row: int, indicator: Indicator, *notes: tuple[str, int]) -> None:
        """The IKK's text in column A, the row tall enough for it and for each ``(text, columns)`` note."""
        cells: list[tuple[str, float]] = [(indicator.text, self.NAME_WIDTH),
                                          *((text, self.value_width * span) for text, span in notes)]
        ws.set_row(row, row_height(cells))
        ws.write_string(row, 0, indicator.text, self.st.text)

    def not_available(self, ws, row: int, first_col: int, last_col: int | None = None) -> None:
        """"data tidak tersedia" over the cells ``first_col``..``last_col`` of ``row`` (merged)."""
        merge(ws, row, first_col, row, first_col if last_col is None else last_col, NOT_AVAILABLE, self.st.center)

