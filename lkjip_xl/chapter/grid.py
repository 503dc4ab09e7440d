"""The tables of a tables workbook, read back as the reader sees them.

The Word chapter shows exactly what the tables workbook shows: every number
is the workbook cell's value rendered with the cell's own number format
(:func:`lkjip_xl.numbers.format_shown`), every merge and header as written.
:func:`read_blocks` reads a workbook written by
:func:`lkjip_xl.tables.writer.write_tables` (the toolkit's own output, written
moments before) into :class:`Block` objects, sheet by sheet, in the order of
the sheets, skipping the DAFTAR TABEL (the document has its own).

A sheet is read as the tables writer lays it out: a caption (a bold, centred
text row without borders), the table (consecutive rows with borders, the
leading ones with the header fill being its header rows) and notes (text
rows without borders after the table).  A caption with no table after it is a
placeholder (a supporting table prepared by hand).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import openpyxl

from ..numbers import format_shown
from ..styles import GROUP_GREY, HEADER_GREY

#: The fills of a header cell and of a group row (a Divisi of Tabel 3.1) of the tables workbook, as
#: openpyxl reads them (:mod:`lkjip_xl.styles`, family "report").
HEADER_FILL, GROUP_FILL = ("FF" + colour.lstrip("#").upper() for colour in (HEADER_GREY, GROUP_GREY))


@dataclass(frozen=True)
class Cell:
    """One cell of a table: its shown text and how it spans; ``None`` in a grid where a merge covers it."""

    text: str
    rows: int = 1
    cols: int = 1
    bold: bool = False
    centred: bool = False
    fill: str = ""  #: "header", "group" or ""
    number: bool = False  #: a number rendered with its format


@dataclass
class Block:
    """A caption with its table (``grid``; empty for a placeholder) and the notes under it."""

    sheet: str
    caption: str
    grid: list[list[Cell | None]] = field(default_factory=list)
    header_rows: int = 0
    widths: list[float] = field(default_factory=list)  #: column widths in the workbook's characters
    notes: list[str] = field(default_factory=list)

    @property
    def columns(self) -> int:
        return len(self.widths)


def _shown(cell) -> str:
    value = cell.value
    if value is None:
        return ""
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, (int, float)):
        return format_shown(value, cell.number_format)
    return str(value)


def _widths(ws, columns: int) -> list[float]:
    widths = [8.43] * columns  # the spreadsheet's default column width
    for dimension in ws.column_dimensions.values():
        if dimension.width and dimension.min:
            for col in range(dimension.min, min(dimension.max or dimension.min, columns) + 1):
                widths[col - 1] = dimension.width
    return widths


def _sheet_blocks(ws) -> list[Block]:
    spans: dict[tuple[int, int], tuple[int, int]] = {}
    covered: set[tuple[int, int]] = set()
    for merged in ws.merged_cells.ranges:
        spans[(merged.min_row, merged.min_col)] = (merged.max_row - merged.min_row + 1,
                                                   merged.max_col - merged.min_col + 1)
        covered.update((r, c) for r in range(merged.min_row, merged.max_row + 1)
                       for c in range(merged.min_col, merged.max_col + 1) if (r, c) != (merged.min_row, merged.min_col))
    blocks: list[Block] = []
    table_rows: list[int] = []
    columns = ws.max_column

    def close_table() -> None:
        if not table_rows or not blocks:
            table_rows.clear()
            return
        block = blocks[-1]
        last_col = max(c + spans.get((r, c), (1, 1))[1] - 1 for r in table_rows for c in range(1, columns + 1)
                       if ws.cell(r, c).value not in (None, "") or ws.cell(r, c).border.left.style)
        for r in table_rows:
            line: list[Cell | None] = []
            for c in range(1, last_col + 1):
                if (r, c) in covered:
                    line.append(None)
                    continue
                cell = ws.cell(r, c)
                rows, cols = spans.get((r, c), (1, 1))
                fill = cell.fill.fgColor.rgb if cell.fill.fill_type else ""
                line.append(Cell(_shown(cell), rows, min(cols, last_col - c + 1), bool(cell.font.b),
                                 cell.alignment.horizontal == "center",
                                 "header" if fill == HEADER_FILL else "group" if fill == GROUP_FILL else "",
                                 isinstance(cell.value, (int, float)) and not isinstance(cell.value, bool)))
            block.grid.append(line)
        block.header_rows = next((i for i, line in enumerate(block.grid)
                                  if not all(c is None or c.fill == "header" for c in line)), len(block.grid))
        block.widths = _widths(ws, last_col)
        table_rows.clear()

    for r in range(1, ws.max_row + 1):
        cells = [ws.cell(r, c) for c in range(1, columns + 1)]
        bordered = any(cell.border.left.style or cell.border.top.style for cell in cells)
        texts = [_shown(cell) for cell in cells if (r, cell.column) not in covered and cell.value not in (None, "")]
        if bordered:
            table_rows.append(r)
            continue
        close_table()
        if not texts:
            continue
        first = cells[0]
        if first.font.b and first.alignment.horizontal == "center" and not first.font.i:
            blocks.append(Block(ws.title, " ".join(texts)))
        elif blocks:
            blocks[-1].notes.append(" ".join(texts))
    close_table()
    return blocks


def read_blocks(path: str | Path, skip: tuple[str, ...] = ()) -> list[Block]:
    """Every captioned table of the tables workbook at ``path``, in sheet order (sheets named in ``skip`` left out)."""
    workbook = openpyxl.load_workbook(path, data_only=True)  # the toolkit's own output, written moments before
    try:
        return [block for ws in workbook.worksheets if ws.title not in skip for block in _sheet_blocks(ws)]
    finally:
        workbook.close()
