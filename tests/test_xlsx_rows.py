"""The toolkit's worksheets write their cells' XML byte for byte as XlsxWriter's own writer does.

:class:`lkjip_xl.xlsx_rows.FastRows` replaces XlsxWriter's cell serialisation (a private part of
XlsxWriter, hence the package's upper bound on it): every kind of cell, format and text the
toolkit can write is written here once by the stock ``Worksheet`` and once by the worksheet of
:func:`lkjip_xl.xlsx.new_workbook`, in both of XlsxWriter's modes, and the parts must be equal.  The shared
strings (:func:`lkjip_xl.xlsx_rows.shared_strings_xml`) are compared with a stock workbook's; the one place
the toolkit departs from XlsxWriter on purpose is a text that looks like a rich string's XML, which it
writes as a text.
"""

from __future__ import annotations

import tempfile
import zipfile
from datetime import date, datetime
from pathlib import Path

import openpyxl
import pytest
import xlsxwriter
from hypothesis import given, settings
from hypothesis import strategies as st
from python_calamine import CalamineWorkbook
from xlsxwriter.exceptions import OverlappingRange
from xlsxwriter.worksheet import Worksheet
from xlsxwriter.xmlwriter import XMLwriter

from lkjip_xl.capaian_book import add_formula_sheet
from lkjip_xl.xlsx import FiniteWorksheet, new_workbook

TEXTS = ["plain", " leading", "trailing ", "two\nlines", "tab\tinside", "ctrl\x01char", "_x0041_ escaped",
         'quote " & <tag> > amp', "<r>not rich", "", "emoji 😀", "\ufffe", "x" * 40000, "Tercapai"]
#: Texts that look like the XML of a rich string: XlsxWriter writes them unescaped (as its rich strings), so
#: the second would add a shared string and shift every text after it; the toolkit writes them as texts.
RICH_LOOKING = ["<r>not rich</r>", "<r><t>a</t></r></si><si><r><t>SISIPAN</t></r>", "<r>a &amp; b</r>"]
NUMBERS = [0, 1, -1, 93.26, 1e-7, 1.5e20, 123456789012345678, 2 ** 0.5, -0.0]
FORMULA_VALUES = [0, 12.5, "", "#N/A", "#DIV/0!", "Tercapai", True, False, "a & <b>"]


def _fill(workbook, sheet_class) -> None:
    bold, money = workbook.add_format({"bold": True}), workbook.add_format({"num_format": "0.00"})
    wrap = workbook.add_format({"text_wrap": True})
    sheet = workbook.add_worksheet("Isi", worksheet_class=sheet_class)
    sheet.set_column(3, 3, 12, money)  # a column format: cells without their own take it
    sheet.set_column(6, 8, 9)
    sheet.set_row(40, 30, bold)  # a row format: likewise, before the column's
    sheet.set_row(41, 18)
    row = 0
    for row, text in enumerate(TEXTS):
        sheet.write_string(row, 0, text)
        sheet.write_string(row, 1, text, wrap if row % 2 else None)
        sheet.write_string(row, 3, text)
    for offset, value in enumerate(NUMBERS):
        r = row + 1 + offset
        sheet.write_number(r, 0, value)
        sheet.write_number(r, 2, value, money if offset % 2 else bold)
        sheet.write_number(r, 3, value)
        sheet.write_blank(r, 4, None, bold)
        sheet.write_blank(r, 5, None)  # no format: no cell
        sheet.write_boolean(r, 6, offset % 2 == 0, bold if offset % 3 else None)
    for offset, value in enumerate(FORMULA_VALUES):
        r = 30 + offset
        sheet.write_formula(r, 1, '=IF(A1="","",A1&"<x>")', bold if offset % 2 else None, value)
        sheet.write_formula(r, 3, "=SUM(A1:A3)", None, value)
    sheet.write_string(40, 0, "row format")
    sheet.write_number(40, 3, 7)
    sheet.write_string(41, 3, "row height only")
    sheet.write_datetime(42, 0, datetime(2023, 12, 31, 8, 30), money)
    sheet.write_datetime(42, 1, date(2024, 2, 29))
    sheet.write_rich_string(43, 0, "plain ", bold, "bold", " end")
    sheet.write_array_formula(44, 0, 44, 0, "{=SUM(A1:A3*B1:B3)}", None, 3)
    sheet.write_url(45, 0, "https://example.org/?a=1&b=2", None, "tautan")
    sheet.set_row(47, 20)  # an empty row with a height only
    sheet.write_number(70, 20, 5)  # far away: another span
    if not workbook.constant_memory:
        sheet.merge_range(50, 0, 51, 2, "gabung", bold)
        sheet.merge_range(53, 0, 60, 0, "1.", wrap)  # a Sasaran Kegiatan's number and text, as the toolkit merges
        sheet.merge_range("B54:B61", "Sasaran kegiatan & <teks>", wrap)
        sheet.merge_range(62, 0, 62, 6, "", bold)  # an empty text
        sheet.merge_range(63, 1, 64, 1, 12.5, money)  # a number: XlsxWriter's own way
        sheet.merge_range(65, 3, 64, 2, "terbalik", bold)  # corners given the other way round
        for overlap in ((55, 0, 56, 0), (60, 1, 61, 2), (50, 2, 50, 3)):
            with pytest.raises(OverlappingRange):
                sheet.merge_range(*overlap, "tumpang", bold)
        sheet.write_comment(52, 1, "catatan")  # a comment: XlsxWriter's own spans
    workbook.add_worksheet("Kosong", worksheet_class=sheet_class)  # no cell at all
    rows = workbook.add_worksheet("Baris", worksheet_class=sheet_class)  # rows XlsxWriter writes itself, or not
    rows.set_default_row(20)
    rows.set_row(1, None, None, {"hidden": True})
    rows.set_row(2, 15, None, {"level": 1})
    rows.set_row(3, 15, None, {"level": 1, "collapsed": True})
    rows.set_row(4, 15)  # XlsxWriter's own default height: taller than this sheet's default
    rows.set_row(5, 0)  # hidden by its height
    for r in range(8):
        rows.write_number(r, 1, r)
    formulas = add_formula_sheet(workbook, "Rumus") if sheet_class is not Worksheet else workbook.add_worksheet(
        "Rumus", worksheet_class=Worksheet)
    for r in range(20):
        formulas.write_formula(r, 0, f"=B{r + 1}*2", money, r * 2)
        formulas.write_string(r, 1, TEXTS[r % len(TEXTS)], bold)
        formulas.write_formula(r, 2, '=IF(A1="","",MIN(A1,120))', None, FORMULA_VALUES[r % len(FORMULA_VALUES)])
    with pytest.warns(UserWarning, match="empty"):  # refused, as by XlsxWriter
        formulas.write_formula(22, 0, "", None, 1)
    formulas.write_formula(1048576, 0, "=A1", None, 1)  # outside the sheet: likewise


def _parts(path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def _assert_same_parts(expected: dict[str, bytes], written: dict[str, bytes]) -> None:
    """The same parts, each byte for byte (a difference names its part)."""
    assert expected.keys() == written.keys()
    for part, data in expected.items():
        assert written[part] == data, part


@pytest.mark.parametrize("constant_memory", [False, True])
def test_every_cell_is_written_as_the_stock_writer_writes_it(constant_memory, tmp_path):
    written = {}
    for name, sheet_class in (("stock", Worksheet), ("toolkit", FiniteWorksheet)):
        path = tmp_path / f"{name}.xlsx"
        workbook = new_workbook(str(path), constant_memory=constant_memory)
        _fill(workbook, sheet_class)
        workbook.close()
        written[name] = _parts(path)
    _assert_same_parts(written["stock"], written["toolkit"])
    assert b"<f>SUM(A1:A3)</f>" in written["toolkit"]["xl/worksheets/sheet1.xml"]  # the cells are there


def _shared_strings(texts: list[str], folder: Path) -> dict[str, bytes | None]:
    """``xl/sharedStrings.xml`` of ``texts`` (each written twice: counted twice, shared once) by a stock
    XlsxWriter workbook and by the toolkit's."""
    found: dict[str, bytes | None] = {}
    for name, make in (("stock", xlsxwriter.Workbook), ("toolkit", new_workbook)):
        path = str(folder / f"{name}.xlsx")
        workbook = make(path)
        sheet = workbook.add_worksheet("Teks")
        for row, text in enumerate(texts):
            sheet.write_string(row, 0, text)
            sheet.write_string(row, 1, text)
        workbook.close()
        found[name] = _parts(path).get("xl/sharedStrings.xml")
    return found


def test_shared_texts_are_written_as_the_stock_writer_writes_them(tmp_path):
    texts = [*TEXTS, "\ue000", "a\ue000b", " \ue000 ", "\x0b", "\u00a0nbsp\u2028", "x\n", "\n", "_x005F_", "<r>"]
    found = _shared_strings(texts, tmp_path)
    assert found["toolkit"] == found["stock"] and b"<si><t>Tercapai</t></si>" in found["toolkit"]
    assert _shared_strings([], tmp_path) == {"stock": None, "toolkit": None}  # no text: no part


def _rich_looking(text: str) -> bool:
    escaped = XMLwriter._escape_control_characters(text)
    return escaped.startswith("<r>") and escaped.endswith("</r>")


@settings(max_examples=80, deadline=None)
@given(st.lists(st.text(st.characters(blacklist_categories=("Cs",)), max_size=12), max_size=30))
def test_any_shared_texts_are_written_as_the_stock_writer_writes_them(texts):
    texts = [text for text in texts if not _rich_looking(text)]
    with tempfile.TemporaryDirectory() as folder:
        found = _shared_strings(texts, Path(folder))
    assert found["toolkit"] == found["stock"]


@pytest.mark.parametrize("constant_memory", [False, True])
def test_a_text_that_looks_like_a_rich_string_is_written_as_a_text(constant_memory, tmp_path):
    """Shared (a Kanwil workbook) or inline (the national one): read back, each cell holds its own text."""
    texts = [*RICH_LOOKING, "sesudahnya", "Tercapai"]
    for name in ("stock", "toolkit"):
        path = str(tmp_path / f"{name}.xlsx")
        if name == "stock":
            workbook = xlsxwriter.Workbook(path, {"constant_memory": constant_memory})
        else:
            workbook = new_workbook(path, constant_memory=constant_memory)
        sheet = workbook.add_worksheet("Teks")
        for row, text in enumerate(texts):
            sheet.write_string(row, 0, text)
        workbook.close()
        read = [row[0] for row in CalamineWorkbook.from_path(path).get_sheet_by_name("Teks").to_python()]
        if name == "stock":  # XlsxWriter's own: not the texts written (why the toolkit writes its texts itself)
            assert read != texts
            continue
        book = openpyxl.load_workbook(path)
        assert read == [row[0].value for row in book["Teks"].iter_rows()] == texts
        book.close()


TABLES = [  # (rows, options): what the toolkit adds, and what add_whole_table leaves to XlsxWriter
    (2000, {"name": "Data", "style": "Table Style Light 9", "columns": [{"header": f"Kolom {n}"} for n in range(6)]}),
    (40, {"autofilter": False, "banded_columns": True}),
    (1, {"name": "Satu"}),
    (30, {"total_row": True, "columns": [{"header": "a"}, {"header": "b", "total_function": "sum"}]}),
    (30, {"columns": [{"header": "a"}, {"header": "b", "formula": "=[@a]*2"}]}),
    (3, {"data": [[1, 2], [3, 4], [5, 6]]}),
    (20, {"header_row": False}),
]


@pytest.mark.parametrize("rows, options", TABLES)
def test_a_whole_table_is_added_as_xlsxwriter_adds_it(rows, options, tmp_path):
    """add_whole_table marks no cell of the table (a key per cell in XlsxWriter): the workbook is the same, byte
    for byte, and a merged range, table or autofilter over the table is still refused."""
    written = {}
    for name in ("stock", "whole"):
        path = tmp_path / f"{name}.xlsx"
        workbook = new_workbook(str(path))
        sheet = workbook.add_worksheet("Data")
        last_col = max(len(options.get("columns", ())), 2) - 1
        for r in range(1, rows + 1):
            sheet.write_values(r, [f"teks {r}", *range(last_col)], [None] * (last_col + 1))
        add = sheet.add_table if name == "stock" else sheet.add_whole_table
        add(0, 0, rows, last_col, options)
        last = rows - (1 if options.get("total_row") else 0)
        with pytest.raises(OverlappingRange):
            sheet.merge_range(last, 0, last + 1, 0, "gabung")
        with pytest.raises(OverlappingRange):
            sheet.merge_range(last, 0, last + 1, 0, "gabung", workbook.add_format({"bold": True}))
        with pytest.raises(OverlappingRange):
            sheet.add_table(last, last_col, last + 3, last_col + 2)
        with pytest.raises(OverlappingRange):
            sheet.add_whole_table(last, last_col, last + 3, last_col + 2, {})
        sheet.merge_range(rows + 2, 0, rows + 3, 1, "di bawah tabel")  # beside it: allowed
        workbook.close()
        written[name] = _parts(path)
    assert written["whole"] == written["stock"]


def _rows(sheet, whole_rows: bool) -> None:
    """Rows of every kind of value, written a row at a time (``whole_rows``: write_cells and write_values) or
    cell by cell with XlsxWriter's own calls, in the order the row methods take them."""
    bold = sheet.toolkit_bold
    rows = [
        (0, [(0, "teks", None), (2, 12.5, bold), (3, None, bold), (4, None, None), (5, True, bold)]),
        (1, [(3, "teks", bold), (1, "x" * 20000, None), (6, float("nan"), None)]),
        (3, [(0, "teks", None), (1, "lain", None), (2, -0.0, None), (7, 10 ** 20, bold)]),
        (2, [(0, "sesudah baris 3", None), (1, 5, None)]),  # above a row written: refused in constant_memory
        (1048576, [(0, "di luar lembar", None)]),  # outside the sheet: refused
        (5, [(0, None, None)]),  # no cell at all
        (6, [(16384, "di luar kolom", None)]),
    ]
    for row, cells in rows:
        if whole_rows:
            sheet.write_cells(row, cells)
        else:
            for col, value, cell_format in cells:
                if isinstance(value, str):
                    sheet.write_string(row, col, value, cell_format)
                elif value is None:
                    sheet.write_blank(row, col, None, cell_format)
                elif isinstance(value, bool):
                    sheet.write_boolean(row, col, value, cell_format)
                else:
                    sheet.write_number(row, col, value, cell_format)
    values = [f"nilai {n}" if n % 3 else n * 1.5 for n in range(6)]
    if whole_rows:
        sheet.write_values(8, values, [bold, None, None, bold, None, None])
    else:
        for col, value in enumerate(values):
            cell_format = bold if col in (0, 3) else None
            if isinstance(value, str):
                sheet.write_string(8, col, value, cell_format)
            else:
                sheet.write_number(8, col, value, cell_format)


@pytest.mark.parametrize("constant_memory", [False, True])
def test_a_row_written_at_once_is_written_as_its_cells_one_by_one(constant_memory, tmp_path):
    """write_cells and write_values (the extent grown a row at once, the shared strings indexed and counted
    from XlsxWriter's own table) write what XlsxWriter's calls of each cell write, refusals included."""
    written = {}
    for name, whole_rows in (("cells", False), ("rows", True)):
        path = tmp_path / f"{name}.xlsx"
        workbook = new_workbook(str(path), constant_memory=constant_memory)
        sheet = workbook.add_worksheet("Isi", worksheet_class=FiniteWorksheet)
        sheet.toolkit_bold = workbook.add_format({"bold": True})
        sheet.write_string(0, 1, "teks")  # the sheet has a cell before the rows: the extent is grown from it
        _rows(sheet, whole_rows)
        workbook.close()
        written[name] = _parts(path)
    _assert_same_parts(written["cells"], written["rows"])
