"""Tidy records of a consolidation: the "Data" sheet, ``to_records()`` and ``to_dataframe()``.

One record per IKK, in PK order, with the same columns everywhere:

- the sheet "Data" of every consolidated workbook (one Kanwil's, and each
  Kanwil workbook of a national run) — headers in row 1, an Excel table named
  :data:`DATA_TABLE` for pivot tables and Power Query, marked not for paper
  (:func:`lkjip_xl.xlsx.not_for_print`);
- :meth:`lkjip_xl.consolidate.ConsolidationResult.to_records` and
  ``to_dataframe()``: ``pandas.read_excel(out, sheet_name="Data")`` and
  ``result.to_dataframe()`` hold the same rows and columns.

Of a consolidation of period forms the records are the combined view
(:attr:`lkjip_xl.period_consolidation.PeriodConsolidation.to_date`): its
"Periode" is "s.d. Triwulan II" (or "Tahunan" for the whole year), its target the
target of those periods, and its file, cell and SHA-256 those of the latest
period's form ("Sumber" lists every period's inputs).

The values are plain values, not formulas: "Data" records what the run
computed from the forms (with each form's file, sheet, realisasi cell and
SHA-256), as "Sumber" records what it read.  The live computation is the sheet
"Capaian Kinerja", whose formulas LibreOffice recomputes in the tests; a
reader of "Data" (pandas, a pivot cache, Power Query) needs no evaluation and
cannot see a stale or unevaluated formula.  To change a number, correct the
form and consolidate again.

pandas is optional (``pip install "lkjip-xl[pandas]"``): it is imported only
by :func:`dataframe`, and the core never needs it.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import fields
from typing import TYPE_CHECKING, Any

from . import calc
from .errors import SETUP, LkjipError
from .layout import COL_REAL, FORM_SHEET, TEXT_COLUMNS
from .messages import LABELS, msg, translated
from .numbers import plain_number_format
from .problems import Problem
from .styles import StyleBook
from .xlsx import a1, not_for_print

if TYPE_CHECKING:  # pragma: no cover - imports for annotations only
    import pandas

    from .consolidation import Consolidated

SHEET_DATA = LABELS["sheet_data"]
#: Name of the Excel table over the "Data" sheet (also the national workbook's named range).
DATA_TABLE = "DataCapaian"

#: Column keys of the "Data" sheet and of the records, in order, with the column width.
#: Titles are ``LABELS["col_<key>"]``.
DATA_FIELDS: dict[str, float] = {
    "kanwil": 40, "tahun": 7, "periode": 10, "kode": 13, "divisi": 24, "no_divisi": 9, "no_sk": 7,
    "sk": 50, "no_ikk": 7, "ikk": 60, "satuan": 10, "cara_hitung": 15, "target": 10, "realisasi": 11,
    "capaian": 11, "status": 14, "nihil": 7, "keterangan": 30, "faktor_pendukung": 40, "faktor_penghambat": 40,
    "upaya": 40, "berkas": 40, "sheet": 9, "sel": 7, "sha256": 66,
}
#: The column titles: the keys of every record and the header row of "Data", in the catalogue's words
#: (:func:`data_columns`: in a consolidation's own words, "Bidang" for "Divisi").
DATA_COLUMNS: tuple[str, ...] = tuple(LABELS[f"col_{key}"] for key in DATA_FIELDS)
#: Columns of the problem records (:meth:`lkjip_xl.report.Report.to_records`): the fields of a Problem.
PROBLEM_COLUMNS: tuple[str, ...] = tuple(f.name for f in fields(Problem))


class PandasMissingError(LkjipError, ImportError):  # type: ignore[misc]  # both define ``path``: a str either way
    """pandas (the ``pandas`` extra) is not installed; the records are still there."""

    kind = SETUP


def data_rows(data: Consolidated) -> Iterator[tuple[Any, ...]]:
    """One tuple per IKK of ``data`` in :data:`DATA_FIELDS` order; ``None`` where there is no value."""
    for result, reported, checked in data.rows:
        form, indicator = checked.form, result.indicator
        row = form.row_index.get(indicator.code)
        column = form.columns.get(COL_REAL)
        yield (
            data.kanwil, data.year, data.period, indicator.code, indicator.divisi,
            data.divisi_number(indicator.divisi), indicator.sk_no, indicator.sk_text, indicator.ikk_no,
            indicator.text, indicator.unit, str(indicator.method), indicator.target, result.realisasi,
            result.capaian, calc.status_text(result.tercapai) or None, reported.nihil,
            reported.keterangan or None, *(getattr(reported, key) or None for key in TEXT_COLUMNS), form.path,
            FORM_SHEET,
            a1(row, column) if row is not None and column is not None else None, form.sha256,
        )


def data_columns(parts: Sequence[Consolidated] = ()) -> tuple[str, ...]:
    """:data:`DATA_COLUMNS` in the organisation's own words of the first of ``parts`` (none: the active words)."""
    words = parts[0].words if parts else None
    return tuple(translated(title, words) for title in DATA_COLUMNS)


def data_records(parts: Iterable[Consolidated]) -> list[dict[str, Any]]:
    """The rows of every part as dicts keyed by :func:`data_columns` (in the part's own words)."""
    return [dict(zip(columns, row)) for data in parts for columns in (data_columns([data]),)
            for row in data_rows(data)]


def write_data_sheet(workbook, data: Consolidated) -> None:
    """The sheet "Data": :func:`data_rows` under a header row, as the Excel table :data:`DATA_TABLE`."""
    sheet = workbook.add_worksheet(SHEET_DATA)
    styles, shown = StyleBook(workbook, "workbook"), data.decimals  # the values keep every digit

    shown_with: dict[int, object] = {}  # by decimals: every realisasi and capaian looks its format up

    def decimals(places: int):
        found = shown_with.get(places)
        return found if found is not None else shown_with.setdefault(
            places, styles("decimals", plain_number_format(places)))

    keys = list(DATA_FIELDS)
    formats = [decimals(shown.places(capaian=key == "capaian")) if key in ("realisasi", "capaian") else None
               for key in keys]
    unit_col, realisasi_col, capaian_col = keys.index("satuan"), keys.index("realisasi"), keys.index("capaian")
    for col, width in enumerate(DATA_FIELDS.values()):
        sheet.set_column(col, col, width, formats[col])
    row, write = 0, sheet.write_values  # a row at a time (lkjip_xl.xlsx_rows.FastRows)
    cell_formats: list = [None] * len(keys)  # texts and the rest: General
    for row, values in enumerate(data_rows(data), start=1):
        for col in (realisasi_col, capaian_col):  # a number: the decimals it shows everywhere
            value = values[col]
            cell_formats[col] = decimals(shown.places(values[unit_col], value, capaian=col == capaian_col)) if (
                isinstance(value, (int, float)) and not isinstance(value, bool)) else None
        write(row, values, cell_formats)
    sheet.add_whole_table(0, 0, max(row, 1), len(DATA_COLUMNS) - 1, {
        "name": DATA_TABLE, "style": "Table Style Light 9",
        "columns": [{"header": title} for title in data_columns([data])],
    })
    sheet.freeze_panes(1, 0)
    not_for_print(sheet, len(DATA_COLUMNS) - 1, data.kanwil, data.year)  # rows for pivots: prints its header


def dataframe(records: Sequence[dict[str, Any]], columns: Sequence[str]) -> pandas.DataFrame:
    """``records`` as a pandas DataFrame with ``columns`` (also when there is no record).

    Raises :class:`PandasMissingError` (an :class:`ImportError` and a
    :class:`~lkjip_xl.errors.LkjipError`) naming the install command when
    pandas is not installed.
    """
    try:
        import pandas
    except ImportError:
        raise PandasMissingError(msg("pandas_missing"), code="pandas_missing") from None
    frame = pandas.DataFrame.from_records(list(records), columns=list(columns))
    # A missing value is NaN, as read_excel gives it for a blank cell (None too only in pandas 3).
    return frame.where(frame.notna(), float("nan")).infer_objects()
