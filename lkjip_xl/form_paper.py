"""A form on screen and on paper: its column widths, its colour legend and its page setup.

- :func:`column_widths`: each column of the table as wide as the contract says
  (:data:`lkjip_xl.layout.COLUMNS`), wider where a number with its unit needs more
  (``8 Instansi Pemerintah``), so that no number shows ``###``;
- :func:`write_legend`: "Arti warna" in the header block, one cell per colour the
  form uses, filled with it and naming it (:data:`lkjip_xl.styles.LEGEND`);
- :func:`finish_page`: the legend and the one print setup (A4 landscape, one page
  wide, the table header repeated, the footer with the Kanwil and year).

Called by the form writer of :mod:`lkjip_xl.forms`, passed as ``form``.
"""

from __future__ import annotations

from typing import Any

from .checks import form_target
from .layout import (
    COL_METHOD, COL_REAL, COL_REF_TARGET, COL_REF_TO_DATE, COL_TARGET, COL_UNIT, COLUMN_INDEX, TABLE_HEADER_ROW,
)
from .messages import LABELS
from .xlsx import column_width, print_setup

#: Where the legend starts: the first header row, in the column "Cara Perhitungan" (right of the header values).
LEGEND_ROW, LEGEND_COL = 2, COLUMN_INDEX[COL_METHOD]
#: The legend of a form: its style and its words, one row each under the title.
FORM_LEGEND = (("legend_input", "legend_input"), ("legend_computed", "legend_computed"),
               ("legend_locked", "legend_locked"), ("legend_below_target", "legend_below_target"))


def column_widths(form: Any) -> list[float]:
    """The width of each column of ``form``'s table (its :attr:`columns`): the contract's width, or what the
    widest number with its unit (or unit) needs; an input holds what its target may grow to (ten times it)."""
    shown = form.master.decimals
    numbers: dict[str, list] = {key: [] for key in (COL_TARGET, COL_REAL, COL_REF_TARGET, COL_REF_TO_DATE)}
    numbers[COL_UNIT] = [indicator.unit for indicator in form.indicators]  # on one line: the row stays one line
    for indicator in form.indicators:
        target, unit = form_target(indicator, form.period), indicator.unit
        room = (max(abs(target), abs(indicator.target)) * 10 or 100, shown.number_format(unit))
        numbers[COL_TARGET].append((target, shown.number_format(unit, target)))
        numbers[COL_REF_TARGET].append((indicator.target, shown.number_format(unit, indicator.target)))
        numbers[COL_REAL].append(room)
        numbers[COL_REF_TO_DATE].append(room)
    return [column_width(numbers.get(key, ()), least=width) for key, _, width in form.columns]


def write_legend(form: Any) -> None:
    """"Arti warna:" and one cell per colour the form uses, filled with it, saying what it means."""
    form.sheet.write_string(LEGEND_ROW, LEGEND_COL, LABELS["legend_title"], form.st.legend_title)
    for row, (style, key) in enumerate(FORM_LEGEND, start=LEGEND_ROW + 1):
        form.sheet.write_string(row, LEGEND_COL, LABELS[key], form.st(style))


def finish_page(form: Any) -> None:
    """The legend, then the print setup of the form sheet, the last thing written on it: A4 landscape, one page
    wide, the table header on every page, the footer with the Kanwil and year; the print area is every row
    written (the table and what is below it) and the table's columns."""
    write_legend(form)
    print_setup(form.sheet, owner=form.master.kanwil, year=form.master.year, repeat_rows=TABLE_HEADER_ROW,
                area=(form.sheet.dim_rowmax, form.last_col))
