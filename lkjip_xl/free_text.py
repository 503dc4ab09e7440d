"""The free texts of an IKK row: Keterangan and the three texts of the report's narrative.

Besides Keterangan, every IKK row of a form has three open columns the Divisi
staff write for Chapter III (:data:`~lkjip_xl.layout.TEXT_COLUMNS`): Faktor
Pendukung, Faktor Penghambat and Upaya / Rencana Tindak Lanjut.  One rule holds
them all, from the form to every output:

- **written** (:func:`write_texts`): open yellow cells of the IKK row only (sub-rows
  are grey), wrapped, with the text number format ``@``, so that a leading
  ``=``, ``+``, ``-`` or ``@`` typed in Excel or LibreOffice stays text; the three
  narrative texts carry a length validation of :data:`~lkjip_xl.layout.TEXT_LIMIT`
  characters.  All are optional.
- **read** (:func:`read_texts`): a formula in the cell is refused
  (``formula_in_input``, as for every input); a narrative text longer than the
  limit is refused (``text_too_long``); anything else is kept exactly as typed,
  control characters included.  A used text in a hidden row or column is a
  warning (``note_hidden``, :mod:`lkjip_xl.checks`).
- **carried**: as strings, never formulas, into the sheets *Data*
  (:mod:`lkjip_xl.records`) and *Sumber* (:mod:`lkjip_xl.sources_sheet`); the
  s.d. view of period forms takes each text from the latest period that wrote
  one (:func:`latest_texts`); the tables' figures of this year carry them
  (:func:`texts_of`).  Messages that quote a text show its control characters
  (:func:`~lkjip_xl.messages.visible`), they never obey them.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from ._values import blank
from .form_cells import FormRow
from .layout import COLUMN_INDEX, COLUMN_TITLE, COLUMNS, FREE_TEXT_COLUMNS, TEXT_COLUMNS, TEXT_LIMIT
from .messages import LABELS, msg
from .model import IndicatorInput
from .numbers import format_number
from .row_inputs import RowReader

#: The number format of a free-text cell: text, so that nothing typed there becomes a formula.
TEXT_FORMAT = "@"
_WIDTH = {key: width for key, _, width in COLUMNS}


def text_validation(key: str) -> dict[str, Any]:
    """The data validation of a narrative text cell: at most :data:`~lkjip_xl.layout.TEXT_LIMIT` characters."""
    most = format_number(TEXT_LIMIT, 0)
    return {
        "validate": "length", "criteria": "<=", "value": TEXT_LIMIT,
        "input_title": COLUMN_TITLE[key], "input_message": msg("form_text_input", most=most),
        "error_title": LABELS["form_text_error_title"], "error_message": msg("form_text_error", most=most),
    }


def write_texts(form: Any, row: int, reported: IndicatorInput | None) -> list[tuple[str, float]]:
    """The open free-text cells of an IKK row of the form writer ``form`` (:mod:`lkjip_xl.forms`), pre-filled
    from ``reported``; returns each text with its column width (for the row's height)."""
    style = form.st("input_text", TEXT_FORMAT)
    written = []
    for key in FREE_TEXT_COLUMNS:
        text = getattr(reported, key) if reported else ""
        col = COLUMN_INDEX[key]
        form.sheet.write_string(row, col, text, style)
        if key in TEXT_COLUMNS:
            form.sheet.data_validation(row, col, row, col, text_validation(key))
        written.append((text, _WIDTH[key]))
    return written


def read_texts(read: RowReader, cells: FormRow, reported: IndicatorInput) -> None:
    """The free texts of an IKK row into ``reported``, each with its cell as a source (named by its field:
    ``"keterangan"``, ``"faktor_pendukung"``, ...); a formula or an over-long text is a problem instead."""
    code = read.indicator.code
    for key, value, address in cells.present(FREE_TEXT_COLUMNS):
        if not read.typed(address, key, code) or blank(value):
            continue
        text = str(value)
        if key in TEXT_COLUMNS and len(text) > TEXT_LIMIT:
            read.add("text_too_long", cell=address, ikk=code, code=code, field=COLUMN_TITLE[key],
                     length=format_number(len(text), 0), most=format_number(TEXT_LIMIT, 0))
            continue
        setattr(reported, key, text)
        read.source(reported, key, address)


def latest_texts(combined: IndicatorInput, periods: Sequence[IndicatorInput]) -> IndicatorInput:
    """``combined`` (the s.d. inputs of ``periods``, in period order) with each narrative text taken from the
    latest period that wrote one: a quarter that leaves it blank does not blank what an earlier one said."""
    for key in TEXT_COLUMNS:
        written = [text for text in (getattr(p, key) for p in periods) if not blank(text)]
        setattr(combined, key, written[-1] if written else "")
    return combined


def texts_of(reported: IndicatorInput) -> dict[str, str]:
    """The narrative texts of ``reported`` by field name (``faktor_pendukung``, ``faktor_penghambat``, ``upaya``)."""
    return {key: getattr(reported, key) for key in TEXT_COLUMNS}
