"""The I/O floor of the national consolidation: the same reading and writing with no logic at all.

- :func:`output_cells` takes every non-empty cell of the consolidated workbooks
  (values; formulas with their cached results) once, after a consolidation;
- :func:`read_all` reads every cell of every sheet of the forms with python-calamine;
- :func:`write_book` writes one workbook's cells with XlsxWriter (``constant_memory``,
  no formats, no column widths, no logic), row by row.

:func:`serial` runs them in one process, :func:`parallel` spread over as many
processes as the consolidation uses: one pool reads the forms in chunks, then
writes the workbooks, largest first.  The cells are loaded before the clock
starts and reach the pool workers by ``fork``, so that the floor pays for no
unpickling the consolidation does not do either.
"""

from __future__ import annotations

import gc
import multiprocessing
import re
import time
import zipfile
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from xml.sax.saxutils import unescape

from xlsxwriter.worksheet import Worksheet

#: One workbook: (file name, [(sheet name, [(row, (value, ...)), ...]), ...]).  A value is
#: ``None`` (no cell), a str, a number, or ``(formula, cached value)``.
Book = tuple[str, list[tuple[str, list[tuple[int, tuple]]]]]

_FORMULA = re.compile(rb'<c r="([A-Z]+)([0-9]+)"[^>]*><f>([^<]*)</f>')

#: The workbooks the pool workers write, set before the pool forks them.
_BOOKS: list[Book] = []


def output_cells(out_dir: Path) -> list[Book]:
    """Every non-empty cell of the workbooks in ``out_dir``, row by row (:data:`Book`).

    Values (and the cached results of formulas) come from python-calamine,
    formula texts from the sheet XML (XlsxWriter names it ``sheet<n>.xml``).
    Repeated strings are one object, as the consolidation's are (file paths,
    names, statuses), so that the floor holds no more than it does.
    """
    from python_calamine import CalamineWorkbook
    from xlsxwriter.utility import xl_cell_to_rowcol

    shared: dict[str, str] = {}
    books = []
    for path in sorted(out_dir.glob("*.xlsx")):
        workbook = CalamineWorkbook.from_path(str(path))
        sheets = []
        with zipfile.ZipFile(path) as archive:
            for index, name in enumerate(workbook.sheet_names, start=1):
                xml = archive.read(f"xl/worksheets/sheet{index}.xml")
                formulas = {xl_cell_to_rowcol(m.group(1).decode() + m.group(2).decode()):
                            "=" + unescape(m.group(3).decode()) for m in _FORMULA.finditer(xml)}
                grid = workbook.get_sheet_by_name(name).to_python(skip_empty_area=False)
                rows = []
                for r, row in enumerate(grid):
                    values: list = []
                    for c, value in enumerate(row):
                        if isinstance(value, bool):
                            value = int(value)
                        elif isinstance(value, str):
                            value = shared.setdefault(value, value) if value else None
                        formula = formulas.get((r, c))
                        values.append(value if formula is None else (formula, "" if value is None else value))
                    while values and values[-1] is None:
                        values.pop()
                    if values:
                        rows.append((r, tuple(values)))
                sheets.append((name, rows))
        books.append((path.name, sheets))
    return books


def cell_count(book: Book) -> int:
    return sum(1 for _, rows in book[1] for _, values in rows for value in values if value is not None)


def read_all(path: str) -> None:
    """Every cell of every sheet of one form, with calamine, and nothing else."""
    from python_calamine import CalamineWorkbook

    workbook = CalamineWorkbook.from_path(path)
    for name in workbook.sheet_names:
        workbook.get_sheet_by_name(name).to_python(skip_empty_area=False)


def _read_chunk(paths: list[str]) -> None:
    for path in paths:
        read_all(path)


def write_book(book: Book, out: Path, stock: bool = False) -> None:
    """One workbook's cells with XlsxWriter, no formats, no logic: with the worksheet the consolidation writes
    its formulas with (its cells' XML written by :mod:`lkjip_xl.xlsx_rows`), or with ``stock`` XlsxWriter's own
    cell writer (only the ``_xlfn.`` pass skipped, as the consolidation skips it)."""
    from lkjip_xl.capaian_book import FormulaWorksheet
    from lkjip_xl.xlsx import new_workbook

    name, sheets = book
    workbook = new_workbook(str(out / name), constant_memory=True)
    for sheet_name, rows in sheets:
        sheet = workbook.add_worksheet(sheet_name, worksheet_class=StockFormulaWorksheet if stock else FormulaWorksheet)
        string, number, formula = sheet.write_string, sheet.write_number, sheet.write_formula
        for r, values in rows:
            for c, value in enumerate(values):
                if value is None:
                    continue
                kind = type(value)
                if kind is str:
                    string(r, c, value)
                elif kind is tuple:
                    formula(r, c, value[0], None, value[1])
                else:
                    number(r, c, value)
    workbook.close()


class StockFormulaWorksheet(Worksheet):
    """XlsxWriter's worksheet with its cells written by XlsxWriter itself (the floor before the toolkit wrote
    its own cell XML), the ``_xlfn.`` pass skipped as :class:`lkjip_xl.capaian_book.FormulaWorksheet` does."""

    def _prepare_formula(self, formula, expand_future_functions=False):
        return formula[1:] if formula.startswith("=") else formula


def _write_nth(job: tuple[int, str, bool]) -> None:
    index, out, stock = job
    write_book(_BOOKS[index], Path(out), stock)


def serial(files: list[str], books: list[Book], out: Path) -> dict[str, float]:
    """The floor in one process: seconds of reading, of writing and in all."""
    _spare(books)
    start = time.perf_counter()
    for path in files:
        read_all(path)
    read = time.perf_counter() - start
    for book in books:
        write_book(book, out)
    return {"seconds": time.perf_counter() - start, "read": read}


def _spare(books: list[Book]) -> None:
    """Keep the loaded cells out of the garbage collector's way, as the consolidation keeps its forms
    (:func:`lkjip_xl.pool.collector_spared`): at 5,000 forms they are tens of millions of objects that
    every full collection would walk — in each forked worker, copying every page it touches."""
    gc.collect()
    gc.freeze()


def parallel(files: list[str], books: list[Book], out: Path, workers: int, stock: bool = False) -> dict[str, float]:
    """The floor over ``workers`` processes (one pool, forked after the cells are loaded), as the
    consolidation reads: in the same chunks; then the workbooks, largest first."""
    global _BOOKS
    _BOOKS = books
    import python_calamine  # noqa: F401  imported before the workers fork, as the consolidation's are
    import lkjip_xl.capaian_book  # noqa: F401
    from lkjip_xl.pool import chunks as pool_chunks

    _spare(books)
    order = sorted(range(len(books)), key=lambda n: -cell_count(books[n]))
    start = time.perf_counter()
    chunks = pool_chunks(files, workers)  # lkjip_xl.pool.map_guarded's chunks
    with ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("fork")) as pool:
        list(pool.map(_read_chunk, chunks))
        read = time.perf_counter() - start
        list(pool.map(_write_nth, [(n, str(out), stock) for n in order]))
    return {"seconds": time.perf_counter() - start, "read": read}
