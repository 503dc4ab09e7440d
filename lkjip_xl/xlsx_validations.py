"""Data validations with the same rule written once, for every cell they apply to.

A form gives most open cells a rule of their own: the three narrative texts of
each IKK row their length limit, each number its range and the IKK's code as the
prompt's title, NIHIL its list.  XlsxWriter writes one ``<dataValidation>``
element per call, with its messages: some four hundred a form, 60 % of the form
sheet's XML, which every reader of every returned form inflates and scans again.

:class:`MergedValidations` keeps each rule once and, when its workbook closes
(:meth:`MergedValidations.write_validations`, called by
:class:`~lkjip_xl.xlsx_rows.ClosingWorkbook`), writes it once with every range
it was given, in the order given, as XlsxWriter's documented ``multi_range``
option (the element's ``sqref`` lists them).  Excel and LibreOffice apply it to
each range alike.  A rule is written as given, on its own, when it cannot be
shared safely: a formula in its options (a relative reference means something
else for each cell), a ``multi_range`` of its own, a range named in A1 notation
or past the sheet's last row or column (``xls_rowmax``, ``xls_colmax``: XlsxWriter
refuses it).  The form's sheet is one (:class:`lkjip_xl.forms.FormWorksheet`): half
the XML, and about 5 % less time to read and check each returned form.
"""

from __future__ import annotations

from collections.abc import Hashable
from typing import Any

from xlsxwriter.worksheet import Worksheet

#: Options that give a rule ranges of its own (``other_cells``: XlsxWriter's undocumented list of them).
_OWN_RANGES = frozenset({"multi_range", "other_cells"})
#: Options XlsxWriter writes as a formula when their text starts with "=" (a list's items are only texts).
_FORMULA_OPTIONS = frozenset({"value", "source", "minimum", "maximum"})


def _shared_key(options: dict[str, Any]) -> Hashable | None:
    """What makes two calls' options one rule; ``None`` for options that may not be shared."""
    items = []
    for name, value in options.items():
        if name in _OWN_RANGES or (name in _FORMULA_OPTIONS and isinstance(value, str) and value.lstrip()[:1] == "="):
            return None
        if isinstance(value, list):
            value = tuple((type(item), item) for item in value)
        items.append((name, type(value), value))  # 1, 1.0 and True are one key, not one text
    key = tuple(items)
    try:
        hash(key)
    except TypeError:  # a value that cannot be compared as a key: written on its own
        return None
    return key


class MergedValidations(Worksheet):
    """A worksheet that writes each data validation rule once, with every range it applies to."""

    def __init__(self, *args: Any, **kwargs: Any):
        super().__init__(*args, **kwargs)
        #: rule key → (its options, its ranges (first row, first col, last row, last col) in order)
        self._rules: dict[Hashable, tuple[dict[str, Any], list[tuple[int, int, int, int]]]] = {}

    def data_validation(self, *args: Any, **kwargs: Any) -> int:
        """XlsxWriter's ``data_validation``; a rule given before for other cells (by 0-based row and column) is
        extended to this range instead of written again.  XlsxWriter checks the rule's options when the
        workbook closes (a warning then for one it refuses)."""
        key = None
        if len(args) == 5 and not kwargs and all(type(n) is int for n in args[:4]) and isinstance(args[4], dict):
            first_row, first_col, last_row, last_col = args[:4]
            if 0 <= first_row <= last_row < self.xls_rowmax and 0 <= first_col <= last_col < self.xls_colmax:
                key = _shared_key(args[4])
        if key is None:  # A1 notation, a range outside the sheet, a formula, a range list of its own: as given
            return super().data_validation(*args, **kwargs)
        rule = self._rules.get(key)
        if rule is None:
            rule = self._rules[key] = (dict(args[4]), [])
        rule[1].append(args[:4])
        return 0

    def write_validations(self) -> None:
        """Hand every rule to XlsxWriter once, in the order the rules were first given (at closing)."""
        rules, self._rules = self._rules, {}
        for options, ranges in rules.values():
            first_row, first_col, last_row, last_col = ranges[0]
            shared = dict(options)
            if len(ranges) > 1:
                shared["multi_range"] = " ".join(self._range_name(*corners) for corners in ranges)
            super().data_validation(first_row, first_col, last_row, last_col, shared)

    @staticmethod
    def _letters(col: int) -> str:
        """0-based column → its letters: :func:`lkjip_xl.xlsx.column_letters`, given by the subclass."""
        raise NotImplementedError

    def _range_name(self, first_row: int, first_col: int, last_row: int, last_col: int) -> str:
        """"B3" or "B3:C4", as the ``sqref`` of one range."""
        start = f"{self._letters(first_col)}{first_row + 1}"
        if (first_row, first_col) == (last_row, last_col):
            return start
        return f"{start}:{self._letters(last_col)}{last_row + 1}"
