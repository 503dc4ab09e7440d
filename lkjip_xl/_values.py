"""How a cell value is read, the same way in every workbook: blank, Ya/Tidak, a year.

Every reader of the toolkit (the master, the forms, the report-table inputs,
the budget workbook, the control workbook, a form's stamp) asks these three
questions through the functions below, so that "empty", "yes" and "a year"
mean one thing everywhere (docs/form_contract.md › "Cell values").

- :func:`blank`: ``None``, or text that is empty after removing whitespace.
  Whitespace is Python's: spaces, tabs, line breaks and the no-break space
  (U+00A0, which Excel users get by pasting from the web) — a cell holding only
  those looks empty and is empty.  Zero-width characters (U+200B, U+FEFF) are
  not whitespace: such a cell is not blank (and a name holding one is refused
  by :func:`lkjip_xl.master.name_problem`).  ``0`` and ``False`` are not blank.
- :func:`parse_yes_no`: the answers in :data:`YES_WORDS` / :data:`NO_WORDS`
  (any case, surrounding whitespace ignored), the booleans TRUE/FALSE and the
  numbers 1/0.  The workbooks offer :data:`YES` and :data:`NO` in their
  dropdowns; the other words are what people type instead.
- :func:`is_yes_answer`: the strict test a spreadsheet formula makes: the word
  :data:`YES` only (any case).  A form's NIHIL cell is read by its own live
  formula (``IF(cell="Ya", 100, ...)``), so that cell takes this test: any
  other value, "Tidak" or TRUE included, would make the form and the
  consolidated workbook disagree.
- :func:`parse_year`: a whole number in :data:`YEAR_RANGE` (2000–2100), as a
  number, a numeric text or a year typed into a date-formatted cell.
"""

from __future__ import annotations

from datetime import date, time, timedelta

from .messages import LABELS, msg
from .xlsx import excel_serial

#: The two answers the workbooks offer (dropdowns of the master, the forms' NIHIL, the control workbook).
YES, NO = LABELS["yes"], LABELS["no"]
#: Every text read as yes / as no (compared case-folded, surrounding whitespace removed): Ya/Tidak,
#: their first letters, English yes/no, TRUE/FALSE and 1/0 as text, and BENAR/SALAH, the way an
#: Indonesian Excel shows TRUE/FALSE.
YES_WORDS = frozenset(word.casefold() for word in (YES, YES[0], "yes", "true", "1", msg("kendali_shown_true")))
NO_WORDS = frozenset(word.casefold() for word in (NO, NO[0], "no", "n", "false", "0", msg("kendali_shown_false")))

#: The first and last year any workbook may name (master, forms, report inputs, budget, control).
YEAR_RANGE = (2000, 2100)


def blank(value: object) -> bool:
    """True for an empty cell: ``None``, or text of whitespace only (the no-break space included)."""
    return value is None or (isinstance(value, str) and not value.strip())


def parse_yes_no(value: object, default: bool = False) -> bool | None:
    """Ya/Tidak (and the other :data:`YES_WORDS`/:data:`NO_WORDS`, TRUE/FALSE, 1/0) → bool.

    A blank cell gives ``default`` (Tidak unless said otherwise); anything else
    not understood gives ``None``.
    """
    if blank(value):
        return default
    if isinstance(value, bool):
        return value
    if isinstance(value, (int, float)):
        return bool(value) if value in (0, 1) else None
    text = str(value).strip().casefold()
    if text in YES_WORDS:
        return True
    if text in NO_WORDS:
        return False
    return None


def is_yes_answer(value: object) -> bool:
    """Whether ``value`` is the text :data:`YES` (any case, surrounding whitespace ignored)."""
    return isinstance(value, str) and value.strip().casefold() == YES.casefold()


def parse_year(value: object) -> int | None:
    """2023, 2023.0 or "2023" → 2023; anything else (or outside :data:`YEAR_RANGE`) → ``None``.

    2023 typed into a date-formatted cell reads as the date 15/07/1905: its
    number (1900 date system) is the year.
    """
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, (date, time, timedelta)):
        value = excel_serial(value)
        if value is None:
            return None
    if isinstance(value, (int, float)):
        if value != value or value in (float("inf"), float("-inf")) or value != int(value):
            return None
        year = int(value)
    else:
        text = str(value).strip()
        if not (text.isascii() and text.isdigit()):
            return None
        year = int(text)
    return year if YEAR_RANGE[0] <= year <= YEAR_RANGE[1] else None
