"""The input cells of one form row turned into values, each finding a problem naming its cell.

:class:`RowReader` reads what a Divisi typed into a row of the form table for one
IKK — the IKK row itself, a sub-rate row ``<code>.<n>`` or a sub-period row
``<code>.<period code>`` — the same way for every row: a formula typed into an
input is refused, every number is parsed (:func:`lkjip_xl.numbers.parse_number`,
texts, date-formatted cells, percentages, the input limits), NIHIL is read by
the word the form's own formula tests.  Nothing raises for bad content: the
findings go to the ``add`` callback of :func:`lkjip_xl.checks.check_form`.
"""

from __future__ import annotations

from contextlib import contextmanager
from contextvars import ContextVar
from datetime import date, time, timedelta
from collections.abc import Callable, Iterator
from typing import Any

from ._values import blank, is_yes_answer
from .form_cells import FormRow
from .layout import COL_NIHIL, COLUMN_TITLE, FORM_SHEET
from .messages import msg
from .methods import spec
from .model import CellRef, Indicator, IndicatorInput, maker
from .numbers import (
    INPUT_LIMIT, INPUT_MIN_MAGNITUDE, NumberParseError, format_magnitude, format_number, in_input_range,
    parse_number,
)
from .problems import WARNING
from .reader import RawCell, ReturnedForm
from .xlsx import date_text, excel_serial

#: Builds the :class:`CellRef` of each input read (file, sheet, cell; :func:`lkjip_xl.model.maker`).
_make_ref = maker(CellRef)
#: Whether the inputs read now keep the cell each came from (:attr:`IndicatorInput.sources`).
_SOURCES_KEPT: ContextVar[bool] = ContextVar("sources_kept", default=True)


@contextmanager
def sources_dropped() -> Iterator[None]:
    """Read the forms of the block without each input's source cell, for a checked form that is about to lose
    them (:func:`lkjip_xl.validate.compact`, in a pool worker): about an eighth of checking a form.  A form with a
    hidden row, column or sheet keeps them, since its check of what is seen reads them
    (:func:`lkjip_xl.checks.check_form`)."""
    token = _SOURCES_KEPT.set(False)
    try:
        yield
    finally:
        _SOURCES_KEPT.reset(token)


def _no_source(_reported: IndicatorInput, _name: str, _cell: RawCell) -> None:
    """:meth:`RowReader.source` of a reader whose sources are dropped (:func:`sources_dropped`)."""


#: Decimals of a number typed by hand, at most.  A date- or time-formatted cell whose number has
#: more was made by Excel from something else that was typed ("3.25" became the time 03:25).
TYPED_DECIMALS = 6


def date_cell_number(value: date | time | timedelta, date1904: bool) -> tuple[float | None, str]:
    """The number typed into a date- or time-formatted cell, or ``None`` and why (a message code).

    calamine returns such a cell as a date, time or duration, to the millisecond
    (1 ms is 1,2e-8 of a day); :func:`lkjip_xl.xlsx.excel_serial` turns it back
    into the number Excel stores, in the workbook's date system.
    """
    serial = excel_serial(value, date1904)
    if serial is None:
        return None, "date_reason_ambiguous"
    typed = round(serial, TYPED_DECIMALS)
    if abs(serial - typed) > 1e-8:
        return None, "date_reason_converted"
    return typed + 0.0, ""


#: Warnings whose advice is to explain the number in Keterangan, and their text once it is explained.
EXPLAINED_BY_NOTE = {"percent_above_100": "percent_above_100_explained",
                     "numerator_exceeds_denominator": "numerator_exceeds_denominator_explained"}


class RowReader:
    """Reads the input cells of one IKK's rows of a returned form."""

    def __init__(self, indicator: Indicator, form: ReturnedForm, add: Callable[..., None]):
        self.indicator = indicator
        self.form = form
        self.add = add
        self._formulas, self._path = form.formulas, form.path  # asked for each cell read
        if not (_SOURCES_KEPT.get() or form.hides_cells):  # the check of what is seen reads them
            self.source = _no_source  # type: ignore[method-assign,assignment]

    def note_read(self, note_cell: str) -> None:
        """The IKK's Keterangan (in ``note_cell``) is filled: the warnings of :data:`EXPLAINED_BY_NOTE`
        say that it was read instead of asking for one (``add`` takes the text's code as ``message``)."""
        add = self.add

        def add_explained(problem_code: str, *args: Any, **fields: Any) -> None:
            if problem_code in EXPLAINED_BY_NOTE:
                fields.update(message=EXPLAINED_BY_NOTE[problem_code], note_cell=note_cell)
            add(problem_code, *args, **fields)

        self.add = add_explained

    def source(self, reported: IndicatorInput, name: str, address: str) -> None:
        """Remember that ``name`` (``"realisasi"``, ``"pembilang1.B04"``, ...) was read from the cell at ``address``."""
        reported.sources[name] = _make_ref(self._path, FORM_SHEET, address)

    def typed(self, address: str, key: str, code: str) -> bool:
        """False (and an error) when the Divisi typed a formula into the input cell at ``address``."""
        formula = self._formulas.get(address)
        if formula is None:
            return True
        self.add("formula_in_input", cell=address, ikk=self.indicator.code, code=code, field=COLUMN_TITLE[key],
                 formula="=" + (formula or "…"))
        return False

    def nihil(self, cells: FormRow, code: str) -> bool:
        """Whether the NIHIL cell of the row ``cells`` says Ya (the only word the form's own formula tests); an
        error for any other value, or for Ya where the IKK has no NIHIL rule."""
        indicator = self.indicator
        if COL_NIHIL not in cells:
            return False
        address, value = cells.address(COL_NIHIL), cells.value(COL_NIHIL)
        if not self.typed(address, COL_NIHIL, code) or blank(value):
            return False
        said_yes = is_yes_answer(value)
        if not indicator.nihil:
            if said_yes:
                self.add("nihil_not_allowed", cell=address, ikk=indicator.code, code=code)
            return False
        if not said_yes:
            self.add("nihil_invalid", cell=address, ikk=indicator.code, code=code, value=value)
        return said_yes

    def number(self, cell: RawCell, key: str, code: str, required: bool) -> float | None:
        """The number typed into ``cell`` (a ``key`` column of the row ``code``); ``None`` and a problem when
        it is not one, ``None`` (and ``value_missing`` when ``required``) when blank."""
        indicator, add = self.indicator, self.add
        value: Any = cell.value
        if not self.typed(cell.cell, key, code):
            return None
        if type(value) is float and in_input_range(value) and (value >= 0 or indicator.may_be_negative):
            return value  # a number cell as parse_number reads it, within every limit: nothing to say
        fields = dict(cell=cell.cell, ikk=indicator.code, code=code, field=COLUMN_TITLE[key])
        if blank(value):
            if required:
                add("value_missing", **fields)
            return None
        if isinstance(value, (date, time, timedelta)):  # a date/time number format: calamine made a date of it
            number_typed, reason = date_cell_number(value, self.form.date1904)
            if number_typed is None:
                add("value_date_unreadable", shown=date_text(value), reason=msg(reason), **fields)
                return None
            add("value_date_format", WARNING, shown=date_text(value), number=format_number(number_typed, 6),
                **fields)
            value = number_typed
        if isinstance(value, bool) or not isinstance(value, (int, float, str)):
            add("value_not_number", value=value, **fields)
            return None
        kind = spec(indicator.method).input_kind(indicator, key)
        try:
            parsed = parse_number(value, kind, indicator.unit)
        except NumberParseError as exc:
            if exc.code in ("multiplier_word", "unit_mismatch"):
                add("value_multiplier" if exc.code == "multiplier_word" else "value_unit_mismatch", value=value,
                    word=exc.word, unit=indicator.unit, **fields)
            elif exc.code == "out_of_range":
                add("value_out_of_range", value=value, low=format_number(INPUT_MIN_MAGNITUDE, 15),
                    high=format_number(INPUT_LIMIT, 0), **fields)
            else:
                add("value_ambiguous" if exc.code == "ambiguous_number" else "value_not_number", value=value,
                    **fields)
            return None
        if not in_input_range(parsed.value):  # the forms' data validation limit, also for pasted values
            add("value_out_of_range", value=format_magnitude(parsed.value),
                low=format_number(INPUT_MIN_MAGNITUDE, 15), high=format_number(INPUT_LIMIT, 0), **fields)
            return None
        if parsed.unit == "%" and kind != "percent":
            add("value_percent_unexpected", value=value, **fields)
            return None
        if parsed.value < 0 and not indicator.may_be_negative:
            add("value_negative", value=format_number(parsed.value, 6), **fields)
            return None
        if isinstance(value, str):
            add("value_text_parsed", WARNING, value=value, number=format_number(parsed.value, 6),
                reading=parsed.reading, **fields)
        return parsed.value
