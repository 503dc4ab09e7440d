"""The cells of a worksheet as XML, written the way XlsxWriter writes them, at a fraction of its cost.

XlsxWriter serialises every cell through a handful of general helpers: a list of
attributes, each escaped by a regular expression, the cell reference worked out
again, one write to the file per cell.  A national run writes millions of cells.
:class:`FastRows` writes each row's cells as one string with the same bytes: the
start of each column's cells worked out once, the format's ``s`` attribute once
per format, an inline string's escaping once per distinct text.  The row
elements, and any cell kind not listed here (rich strings, arrays, errors,
dates), stay XlsxWriter's own.

Every text is written as a text (:func:`shared_strings_xml`, :meth:`FastRows._inline_string`): XlsxWriter
writes one starting with ``<r>`` and ending with ``</r>`` as a rich string's XML, unescaped, so a text typed
into a form could add shared strings to an output and shift every text after it (the toolkit writes none).

This overrides private methods of XlsxWriter's ``Worksheet`` (``_write_rows``,
``_write_single_row``, ``_calculate_spans``) and ``Packager`` (``_write_shared_strings_file``, given by
``Workbook._get_packager``) and ``SharedStrings._write_sst_strings``, reads its cell tuples, indexes and counts texts
in its shared-string table and grows a sheet's extent (:meth:`FastRows.write_cells`), and sets a table's
ranges and marks (``tables``, ``table_cells``, ``filter_cells``; :meth:`FastRows.add_whole_table`): the
package's XlsxWriter bound (pyproject.toml) admits only the versions whose cell
XML it reproduces, which tests/test_xlsx_rows.py compares byte for byte with the
stock writer's.
"""

from __future__ import annotations

from collections.abc import Sequence
from math import isfinite
from typing import Any

from xlsxwriter.packager import Packager
from xlsxwriter.sharedstrings import SharedStrings
from xlsxwriter.workbook import Workbook
from xlsxwriter.worksheet import (CellBlankTuple, CellBooleanTuple, CellFormulaTuple, CellNumberTuple,
                                  CellStringTuple, Worksheet, convert_range_args)
from xlsxwriter.xmlwriter import XMLwriter

from .xlsx_validations import MergedValidations

#: Texts shorter than this are stored as they are by every XlsxWriter version (a longer one may be cut: its own code).
_SHORT_TEXT = 16384
#: Builds one of XlsxWriter's cell tuples from its fields, as the named tuple's own constructor does without its
#: Python frame (millions of cells a national run): ``new_cell(CellNumberTuple, (value, cell_format))``.
new_cell = tuple.__new__
#: XlsxWriter's own ``merge_range``, without its A1-notation wrapper (:meth:`FastRows.merge_range` has it).
_XLSXWRITER_MERGE = Worksheet.merge_range.__wrapped__
#: The cached values a formula may carry that Excel reads as errors (XlsxWriter's list).
_ERROR_CODES = frozenset(("#DIV/0!", "#N/A", "#NAME?", "#NULL!", "#NUM!", "#REF!", "#VALUE!"))


def _escape_data(data):
    """XlsxWriter's ``_escape_data``: ``&``, ``<``, ``>`` of a text escaped; anything else unchanged."""
    if not isinstance(data, str) or not ("&" in data or "<" in data or ">" in data):
        return data
    return data.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


#: XlsxWriter's escaping of a text's control characters (``_xHHHH_``, and a literal ``_xHHHH_`` as ``_x005F_xHHHH_``).
_escape_control = XMLwriter._escape_control_characters
#: Joins a workbook's shared texts to escape them at once: private use, no escape touches or makes it.
_SEPARATOR = "\ue000"


def shared_strings_xml(texts: Sequence[str]) -> str:
    """The ``<si>`` elements of ``texts`` as XlsxWriter writes a plain text's (control characters as ``_xHHHH_``,
    ``&<>`` escaped, ``xml:space="preserve"`` for white space at either end), every one a text, also one that
    looks like a rich string's XML.  Escaped joined, not one text at a time: a Kanwil shares thousands."""
    joined = _SEPARATOR.join(texts)
    if joined.count(_SEPARATOR) == len(texts) - 1:
        escaped = _escape_data(_escape_control(joined)).split(_SEPARATOR)
    else:  # a text holds the separator (or there is none)
        escaped = [_escape_data(_escape_control(text)) for text in texts]
    return "".join([f"<si>{_text_element(text)}</si>" for text in escaped])


def _text_element(escaped: str) -> str:
    """The ``<t>`` of an escaped text, preserving white space at either end as XlsxWriter does (str.isspace)."""
    if escaped and (escaped[0].isspace() or escaped[-1].isspace()):
        return f'<t xml:space="preserve">{escaped}</t>'
    return f"<t>{escaped}</t>"


class FastRows(Worksheet):
    """A worksheet whose cells are written as XlsxWriter writes them, row by row as one string."""

    @staticmethod
    def _letters(col: int) -> str:
        """0-based column → its letters: :func:`lkjip_xl.xlsx.column_letters`, given by the subclass."""
        raise NotImplementedError

    def _range(self, first_row: int, first_col: int, last_row: int, last_col: int) -> str:
        """"A1:C3" of a range of more than one cell, as XlsxWriter names it."""
        return f"{self._letters(first_col)}{first_row + 1}:{self._letters(last_col)}{last_row + 1}"

    def write_values(self, row: int, values: Sequence, formats: Sequence) -> None:
        """Write ``values[col]`` with ``formats[col]`` in ``row``, from column 0 on (a ``None`` value is no cell), as
        :meth:`write_cells` does."""
        cells = [(col, value, formats[col]) for col, value in enumerate(values) if value is not None]
        if cells:  # in column order, each a cell: the first and last are the row's extent
            self._store_cells(row, cells, cells[0][0], cells[-1][0])

    def write_cells(self, row: int, cells: Sequence[tuple[int, Any, Any]]) -> None:
        """Write ``(col, value, format)`` cells in ``row`` as ``write_string`` (a str), ``write_number`` (an int or
        float), ``write_blank`` (``None``), ``write_boolean`` (a bool) and else ``write_string`` would, called in this
        order; but with the dimensions checked and, in ``constant_memory``, the previous row written once per row."""
        cols = [col for col, value, cell_format in cells if value is not None or cell_format is not None]
        if cols:
            self._store_cells(row, cells, min(cols), max(cols))

    def _store_cells(self, row: int, cells: Sequence[tuple[int, Any, Any]], first: int, last: int) -> None:
        """:meth:`write_cells` of cells from column ``first`` to ``last``.  A text's index in the shared strings is
        looked up as ``SharedStringTable._get_shared_string_index`` does, its count of texts written added once."""
        if not self._within(row, first, last):
            for col, value, cell_format in cells:  # outside the sheet, or a row already written: as XlsxWriter does
                self._write_value(row, col, value, cell_format)
            return
        if self.constant_memory and row > self.previous_row:
            self._write_single_row(row)
        stored = self.table[row]
        strings: Any = None if self.constant_memory else self.str_table
        known, texts = None if strings is None else strings.string_table, 0
        blanks = self.__dict__.setdefault("_fast_blanks", {})
        for col, value, cell_format in cells:
            if value is None:
                if cell_format is not None:
                    stored[col] = blanks.get(cell_format) or self._blank_cell(cell_format)
                continue
            kind = type(value)
            if kind is str and len(value) < _SHORT_TEXT:
                if known is not None:
                    index = known.get(value)
                    if index is None:
                        index = known[value] = strings.unique_count
                        strings.unique_count += 1
                    texts += 1
                    stored[col] = new_cell(CellStringTuple, (index, cell_format))
                else:
                    stored[col] = new_cell(CellStringTuple, (value, cell_format))
            elif (kind is float or kind is int) and isfinite(value):
                stored[col] = new_cell(CellNumberTuple, (value, cell_format))
            else:
                self._write_value(row, col, value, cell_format)
        if texts:
            strings.count += texts

    def _within(self, row: int, first: int, last: int) -> bool:
        """``_check_dimensions`` of the row's first and last cell, both in the sheet (not above a row already written
        in ``constant_memory``): its extent grown to hold them (worked out here for a sheet that has cells already:
        two method calls a row fewer)."""
        sheet: Any = self  # XlsxWriter leaves the extent unannotated
        low = sheet.dim_rowmin
        if (low is None or sheet.dim_colmin is None or (sheet.constant_memory and row < sheet.previous_row)
                or row < 0 or first < 0 or row >= sheet.xls_rowmax or last >= sheet.xls_colmax):
            return not (self._check_dimensions(row, first) or self._check_dimensions(row, last))
        if row < low:
            sheet.dim_rowmin = row
        if row > sheet.dim_rowmax:
            sheet.dim_rowmax = row
        if first < sheet.dim_colmin:
            sheet.dim_colmin = first
        if last > sheet.dim_colmax:
            sheet.dim_colmax = last
        return True

    @convert_range_args
    def merge_range(self, first_row: int, first_col: int, last_row: int, last_col: int, data: Any,
                    cell_format: Any = None) -> int:
        """``merge_range`` as XlsxWriter merges (the same checks, marks, range and cells), its cells marked and
        padded with blank cells at once: a national run merges the Sasaran Kegiatan cells of every Kanwil.  A
        text merged with a format in a sheet kept in memory; any other case, and an overlap (refused, naming
        both ranges), is XlsxWriter's own."""
        if (self.constant_memory or cell_format is None or type(data) is not str or self.write_handlers
                or first_row > last_row or first_col > last_col or (first_row == last_row and first_col == last_col)
                or self._check_dimensions(first_row, first_col) or self._check_dimensions(last_row, last_col)):
            return _XLSXWRITER_MERGE(self, first_row, first_col, last_row, last_col, data, cell_format)
        cells = [(row, col) for row in range(first_row, last_row + 1) for col in range(first_col, last_col + 1)]
        merged, tables = self.merged_cells, self.table_cells
        if not merged.keys().isdisjoint(cells) or (tables and any(tables.get(cell) for cell in cells)):
            return _XLSXWRITER_MERGE(self, first_row, first_col, last_row, last_col, data, cell_format)
        merged.update(dict.fromkeys(cells, self._range(first_row, first_col, last_row, last_col)))
        self.merge.append([first_row, first_col, last_row, last_col])
        self._write(first_row, first_col, data, cell_format)
        blank, table = self._blank_cell(cell_format), self.table
        for row, col in cells[1:]:
            table[row][col] = blank
        return 0

    def add_whole_table(self, first_row: int, first_col: int, last_row: int, last_col: int, options: dict) -> None:
        """``add_table`` as XlsxWriter adds it, without marking each of its cells (a dictionary entry per cell,
        which a later merged range or table over it is refused by: the Data sheet's table has 30 columns of
        thousands of rows).  Added over its header and first row, then given its whole range; the sheet's
        marked cells answer for the rest of it (:class:`_MarkedCells`), so an overlap is still refused.  A table
        with a total row, without a header row, or with data or formulas of its own is XlsxWriter's alone."""
        columns = options.get("columns", ())
        plain = (options.get("header_row", True) and not options.get("total_row") and "data" not in options
                 and not any("formula" in column or "total_function" in column for column in columns))
        if not plain or last_row <= first_row + 1 or self._check_dimensions(last_row, last_col, True, True):
            self.add_table(first_row, first_col, last_row, last_col, options)
            return
        if self.add_table(first_row, first_col, first_row + 1, last_col, options) != 0:
            return  # refused (an overlap, a repeated name, constant_memory: XlsxWriter says so)
        table = self.tables[-1]
        table["range"] = table["a_range"] = self._range(first_row, first_col, last_row, last_col)
        if table.get("autofilter"):
            table["autofilter"] = table["a_range"]
            for col in range(first_col, last_col + 1):  # as the table's autofilter (a later one is refused)
                self.filter_cells[(first_row, col)] = ("table", table["range"])
        marked = self.__dict__["table_cells"]  # XlsxWriter leaves it unannotated
        if not isinstance(marked, _MarkedCells):
            marked = self.__dict__["table_cells"] = _MarkedCells(marked)
        marked.whole.append((first_row, first_col, last_row, last_col, table["range"]))

    def _write_value(self, row: int, col: int, value, cell_format) -> None:
        if value is None:
            self._write_blank(row, col, None, cell_format)
        elif isinstance(value, bool):
            self._write_boolean(row, col, value, cell_format)
        elif isinstance(value, (int, float)):
            self._write_number(row, col, value, cell_format)
        else:
            self._write_string(row, col, value, cell_format)

    def _blank_cell(self, cell_format) -> tuple:
        """The blank cell of ``cell_format``: one tuple a format for every blank cell of the sheet (thousands of
        bordered input cells and merged-range paddings; a cell tuple is never changed once stored)."""
        blanks = self.__dict__.setdefault("_fast_blanks", {})
        found = blanks.get(cell_format)
        if found is None:
            found = blanks[cell_format] = new_cell(CellBlankTuple, (cell_format,))
        return found

    def _cell_style(self, cell_format) -> str:
        """`` s="n"`` of ``cell_format`` (its XF index asked once, in the order XlsxWriter asks it)."""
        styles = self.__dict__.setdefault("_fast_styles", {})
        found = styles.get(cell_format)  # a format is its own key: XlsxWriter's Format compares by identity
        if found is None:
            found = styles[cell_format] = f' s="{cell_format._get_xf_index()}"'
        return found

    def _cell_starts(self, last: int) -> list[str]:
        """``<c r="A``, ``<c r="B``, ... up to column ``last``: the start of each column's cells."""
        starts = self.__dict__.setdefault("_fast_starts", [])
        while len(starts) <= last:
            starts.append(f'<c r="{self._letters(len(starts))}')
        return starts

    def _inline_string(self, string: str) -> str:
        """What follows the attributes of an inline string cell (``constant_memory``), per distinct text: always a
        text (XlsxWriter writes one that looks like a rich string's XML raw; the toolkit writes no rich string)."""
        known = self.__dict__.setdefault("_fast_inline", {})
        found = known.get(string)
        if found is None:
            text = _text_element(_escape_data(_escape_control(string)))
            found = known[string] = f' t="inlineStr"><is>{text}</is></c>'
        return found

    def _row_start(self, row: int, spans: str | None) -> str | None:
        """The ``<row>`` tag of ``row`` as XlsxWriter's ``_write_row`` writes it for a row with at most a height of its
        own; ``None`` for any other (XlsxWriter writes it)."""
        info = self.row_info.get(row)
        if self.excel_version == 2010 or info is not None and (info.row_format or info.hidden or info.level
                                                               or info.collapsed):
            return None
        height = self.default_row_height if info is None or info.height is None else info.height
        tag = f'<row r="{row + 1}" spans="{spans}"' if spans else f'<row r="{row + 1}"'
        if height != self.original_row_height or height != self.default_row_height:
            tag += f' ht="{height * 0.75:.16g}" customHeight="1"'
        return tag + ">"

    def _write_cells_row(self, row: int, cells: dict, spans: str | None) -> None:
        """Write ``row`` with its cells in column order (XlsxWriter's ``_write_row`` and ``_write_cell`` for each)."""
        start = self._row_start(row, spans)
        if start is None:
            self._write_row(row, spans, self.row_info.get(row))
            start = ""
        number, low, high = str(row + 1), self.dim_colmin, self.dim_colmax
        starts, styles, shared = self._cell_starts(high), self.__dict__.setdefault("_fast_styles", {}), \
            not self.constant_memory
        info, col_info, inline = self.row_info.get(row), self.col_info, self.__dict__.setdefault("_fast_inline", {})
        row_format = info.row_format if info is not None else None
        parts: list[str] = [start]
        columns = sorted(cells)
        if columns[0] < low or columns[-1] > high:  # a cell outside the sheet's extent is not written
            columns = [col for col in columns if low <= col <= high]
        for col in columns:
            cell = cells[col]
            fmt = cell.format  # else the row's format, else the column's
            if not fmt:
                if row_format:
                    fmt = row_format
                else:
                    column = col_info.get(col)
                    fmt = column.column_format if column is not None else None
            style = "" if fmt is None else styles.get(fmt) or self._cell_style(fmt)
            kind = type(cell)
            if kind is CellStringTuple:
                if shared:
                    parts.append(f'{starts[col]}{number}"{style} t="s"><v>{cell.string}</v></c>')
                    continue
                tail = inline.get(cell.string) or self._inline_string(cell.string)
                parts.append(f'{starts[col]}{number}"{style}{tail}')
                continue
            elif kind is CellNumberTuple:
                parts.append(f'{starts[col]}{number}"{style}><v>{cell.number:.16G}</v></c>')
                continue
            elif kind is CellFormulaTuple:
                value, kind_of = cell.value, ""
                if isinstance(value, bool):
                    kind_of, value = ' t="b"', 1 if value else 0
                elif isinstance(value, str) and value:
                    kind_of = ' t="e"' if value in _ERROR_CODES else ' t="str"'
                parts.append(f'{starts[col]}{number}"{style}{kind_of}><f>{_escape_data(cell.formula)}</f>'
                             f"<v>{_escape_data(value)}</v></c>")
                continue
            elif kind is CellBlankTuple:
                parts.append(f'{starts[col]}{number}"{style}/>')
                continue
            elif kind is CellBooleanTuple:
                parts.append(f'{starts[col]}{number}"{style} t="b"><v>{cell.boolean}</v></c>')
                continue
            self.fh.write("".join(parts))  # any other kind: XlsxWriter's own, in its place
            parts = []
            self._write_cell(row, col, cell)
        parts.append("</row>")
        self.fh.write("".join(parts))

    def _calculate_spans(self) -> None:
        if self.comments:
            return super()._calculate_spans()
        low, high = self.dim_rowmin, self.dim_rowmax
        found: dict[int, list[int]] = {}
        for row, cells in self.table.items():
            if cells and low <= row <= high:
                first, last = min(cells), max(cells)
                block = found.get(row // 16)
                if block is None:
                    found[row // 16] = [first, last]
                else:
                    block[0], block[1] = min(block[0], first), max(block[1], last)
        self.row_spans = {index: f"{first + 1}:{last + 1}" for index, (first, last) in found.items()}
        return None

    def _write_rows(self) -> None:
        self._calculate_spans()
        table, row_info, comments, spans = self.table, self.row_info, self.comments, self.row_spans
        for row in range(self.dim_rowmin, self.dim_rowmax + 1):
            cells = table.get(row)
            if cells:
                self._write_cells_row(row, cells, spans.get(row // 16))
            elif row in row_info or row in comments:
                self._write_empty_row(row, spans.get(row // 16), row_info.get(row))

    def _write_single_row(self, current_row_num: int = 0) -> None:
        row: int = self.previous_row  # type: ignore[has-type]  # XlsxWriter leaves it unannotated
        self.previous_row = current_row_num
        cells = self.table.get(row)
        if cells:
            self._write_cells_row(row, cells, None)
        elif row in self.row_info or row in self.comments:
            self._write_empty_row(row, None, self.row_info[row])
        self.table.clear()



class _MarkedCells(dict):
    """A sheet's cells marked as inside a table ((row, col) → the table's range), answering as well for the
    tables added whole (:meth:`FastRows.add_whole_table`: their rectangles, not a key per cell)."""

    def __init__(self, marked: dict):
        super().__init__(marked)
        self.whole: list[tuple[int, int, int, int, str]] = []

    def get(self, key, default=None):
        found = super().get(key)
        if found is not None:
            return found
        row, col = key
        return next((name for first_row, first_col, last_row, last_col, name in self.whole
                     if first_row <= row <= last_row and first_col <= col <= last_col), default)


class _SharedTexts(SharedStrings):
    """``sharedStrings.xml`` with every text a text, written at once (:func:`shared_strings_xml`)."""
    def _write_sst_strings(self) -> None:
        self.fh.write(shared_strings_xml(self.string_table.string_array))


class _TextPackager(Packager):
    """XlsxWriter's packager, writing the shared strings as :class:`_SharedTexts`."""
    def _write_shared_strings_file(self) -> None:
        if not self.workbook.str_table.count:  # as XlsxWriter's: no part without texts
            return
        shared = _SharedTexts()
        shared.string_table = self.workbook.str_table
        shared._set_xml_writer(self._filename("xl/sharedStrings.xml"))
        shared._assemble_xml_file()


class ClosingWorkbook(Workbook):
    """A workbook whose sheets let go of it once it is closed.

    Each XlsxWriter worksheet holds its workbook's ``add_format`` (a bound method):
    the workbook, its sheets and every cell they hold form a reference cycle, freed
    only by the garbage collector, a whole workbook of cells later.  Closed, the cycle
    is broken, and the cells go as soon as the workbook does.
    """

    def _get_packager(self) -> Packager:
        return _TextPackager()  # every text written as a text (shared_strings_xml)

    def close(self) -> None:
        for sheet in self.worksheets():  # each data validation rule once (lkjip_xl.xlsx_validations)
            if isinstance(sheet, MergedValidations):
                sheet.write_validations()
        try:
            super().close()
        finally:
            for sheet in self.worksheets():
                sheet.__dict__.pop("workbook_add_format", None)
