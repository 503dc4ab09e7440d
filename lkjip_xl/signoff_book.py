"""The forms received and who signed them, in the consolidated workbook (:mod:`lkjip_xl.signoff`).

- yearly forms: the sheet "Ringkasan" has one row per Divisi, and each Divisi sends
  one form: :func:`write_summary_signoffs` puts beside its numbers (from column
  :data:`SUMMARY_FIRST_COL`, H) who signed that form: Disiapkan oleh, NIP, Tanggal,
  Disetujui oleh, NIP, Tanggal (:data:`SIGNOFF_TITLES`);
- period forms: the sheet "Pemantauan" ends with the block "Pengesahan Formulir"
  (:func:`write_monitoring_signoffs`): one row per form that counts (the highest
  "Revisi ke" of each Divisi and period), its Divisi, its period and the same six
  columns.

Names and NIPs are written as strings, never as formulas; dates as dates shown
dd/mm/yyyy; what a form leaves unsigned stays blank (its warning
``signoff_missing`` says so).
"""

from __future__ import annotations

from datetime import date, datetime, time

from .consolidation import Consolidated
from .messages import LABELS, label
from .period_consolidation import PeriodConsolidation
from .signoff import DATE_FORMAT, FormSignoff
from .styles import StyleBook
from .xlsx import row_height

#: The column titles of who signed a form, in every list of forms received.
SIGNOFF_TITLES: tuple[str, ...] = tuple(LABELS[key] for key in (
    "signoff_prepared", "signoff_nip", "signoff_date", "signoff_approved", "signoff_nip", "signoff_date"))
SIGNOFF_WIDTHS = (26, 21, 12, 26, 21, 12)
#: Where the titles start on "Ringkasan": column H (after the capped mean, F, and a spacer), on the header row
#: :func:`lkjip_xl.capaian_book.write_summary` writes its titles on (one row per Divisi below it).
SUMMARY_FIRST_COL = 7
#: The width of a column "Pemantauan" adds when its own columns are too few for the block (a semester calendar).
EXTRA_WIDTH = 11

Value = str | date | None


def signoff_values(signoff: FormSignoff) -> tuple[Value, ...]:
    """The six values of :data:`SIGNOFF_TITLES` ("" or ``None`` where the form leaves them blank)."""
    return tuple(value for part in (signoff.prepared, signoff.approved) for value in (part.name, part.nip, part.date))


def write_summary_signoffs(sheet, styles: StyleBook, data: Consolidated, header_row: int) -> None:
    """Who signed each Divisi's form, beside the Divisi's row of "Ringkasan" (yearly forms: one per Divisi),
    their titles on Ringkasan's ``header_row``."""
    spans = [(col, col) for col in range(SUMMARY_FIRST_COL, SUMMARY_FIRST_COL + len(SIGNOFF_TITLES))]
    for (col, _), title, width in zip(spans, SIGNOFF_TITLES, SIGNOFF_WIDTHS):
        sheet.set_column(col, col, width)
        sheet.write_string(header_row, col, title, styles.header)
    signoffs: dict[str, FormSignoff] = {}
    for _, _, checked in data.rows:
        signoffs.setdefault(checked.form.divisi, checked.signoff)
    for n, group in enumerate(data.summary.groups, start=1):
        _write_values(sheet, styles, header_row + n, spans, SIGNOFF_WIDTHS,
                      signoff_values(signoffs.get(group.name, FormSignoff())))


def write_monitoring_signoffs(sheet, styles: StyleBook, data: PeriodConsolidation, row: int,
                              widths: list[float]) -> tuple[int, int]:
    """The block "Pengesahan Formulir" of "Pemantauan" from ``row``: a title, the column titles and one row per
    form that counts, in the Divisi's order and the calendar's; each value over two of the sheet's columns
    (``widths``; columns added where they are too few).  Returns the block's last row and last column."""
    spans = [(2 * n, 2 * n + 1) for n in range(2 + len(SIGNOFF_TITLES))]
    last_col = max(len(widths) - 1, spans[-1][1])
    for col in range(len(widths), last_col + 1):  # a calendar with few periods: the block needs more columns
        sheet.set_column(col, col, EXTRA_WIDTH)
    widths = [*widths, *([EXTRA_WIDTH] * (last_col + 1 - len(widths)))]
    span_widths = [sum(widths[first:last + 1]) for first, last in spans]
    sheet.merge_range(row, 0, row, last_col, LABELS["monitor_block_signoff"], styles.group)
    row += 1
    for (first, last), title in zip(spans, (label("col_divisi"), LABELS["col_periode"], *SIGNOFF_TITLES)):
        sheet.merge_range(row, first, row, last, title, styles.header)
    for divisi in data.plan.divisi_order:
        for period in data.calendar.periods:
            checked = data.form(divisi, period.index)
            if checked is None:
                continue
            row += 1
            _write_values(sheet, styles, row, spans, span_widths,
                          (divisi, period.label, *signoff_values(checked.signoff)))
    return row, last_col


def _write_values(sheet, styles: StyleBook, row: int, spans: list[tuple[int, int]], widths, values) -> None:
    """One row of values, each over its span of columns: a text as a string, a date as a date, blank for none;
    the row as high as its longest text needs."""
    for (first, last), value in zip(spans, values):
        fmt = styles("text", DATE_FORMAT) if isinstance(value, date) else styles.text
        if last > first:
            sheet.merge_range(row, first, row, last, "", fmt)
        if isinstance(value, date):
            sheet.write_datetime(row, first, datetime.combine(value, time()), fmt)
        elif value:
            sheet.write_string(row, first, value, fmt)
        else:
            sheet.write_blank(row, first, None, fmt)
    texts = [(value, width) for value, width in zip(values, widths) if isinstance(value, str) and value]
    if texts and row_height(texts) > row_height([]):
        sheet.set_row(row, row_height(texts))
