"""Which spreadsheet functions a formula uses, and what a workbook's formulas hold.

The toolkit writes formulas that must compute the same result in Excel 2010
and later and in LibreOffice Calc 7.4. :data:`ALLOWED_FUNCTIONS` is the
conservative list of functions both support; :func:`disallowed_functions`
finds anything outside it. :func:`read_formulas` lists every formula of a
workbook with the value cached in the file, which the test harness
(``tests/engine.py``) compares with a LibreOffice recalculation.

See ``docs/formula_functions.md`` for the reasoning behind the list.
"""

from __future__ import annotations

import re
from pathlib import Path

import openpyxl
from openpyxl.worksheet.formula import ArrayFormula

#: Functions available, with the same meaning, in Excel 2010+ and LibreOffice 7.4.
#: Deliberately excludes functions added in Excel 2013 (IFNA, ...) and in
#: Excel 2019/365 (XLOOKUP, LET, FILTER, SORT, UNIQUE, LAMBDA, TEXTJOIN,
#: CONCAT, IFS, SWITCH, MAXIFS, MINIFS, ...), which older Excel shows as #NAME?.
ALLOWED_FUNCTIONS: frozenset[str] = frozenset(
    {
        # Logical
        "AND",
        "FALSE",
        "IF",
        "IFERROR",
        "NOT",
        "OR",
        "TRUE",
        # Aggregation and arithmetic
        "ABS",
        "AVERAGE",
        "AVERAGEIF",
        "AVERAGEIFS",
        "COUNT",
        "COUNTA",
        "COUNTBLANK",
        "COUNTIF",
        "COUNTIFS",
        "INT",
        "MAX",
        "MIN",
        "MOD",
        "PRODUCT",
        "ROUND",
        "ROUNDDOWN",
        "ROUNDUP",
        "SUM",
        "SUMIF",
        "SUMIFS",
        "SUMPRODUCT",
        "TRUNC",
        # Information
        "ISBLANK",
        "ISERROR",
        "ISNA",
        "ISNUMBER",
        "ISTEXT",
        "N",
        "NA",
        # Text
        "CONCATENATE",
        "LEFT",
        "LEN",
        "LOWER",
        "MID",
        "RIGHT",
        "SUBSTITUTE",
        "TEXT",
        "TRIM",
        "UPPER",
        # Lookup
        "INDEX",
        "MATCH",
        "VLOOKUP",
    }
)

#: Prefixes Excel writes in front of newer function names in the file format
#: (``_xlfn.XLOOKUP``, ``_xlfn._xlws.SORT``, ``_xludf.MYFUNC``).
_FUNCTION_PREFIXES = ("_XLFN.", "_XLWS.", "_XLUDF.")

#: A name followed by "(" that does not continue another token. Whitespace
#: before the "(" is accepted so that no call can slip past the check.
_FUNCTION_CALL = re.compile(r"(?<![\w.$\\])([A-Za-z_\\][\w.\\]*)\s*\(")

#: Closing character of each quoted or bracketed part of a formula whose
#: content is not formula syntax: string literals, quoted sheet names and
#: bracketed workbook or table references.
_OPAQUE_CLOSERS = {'"': '"', "'": "'", "[": "]"}


def _without_opaque_parts(formula: str) -> str:
    """Return *formula* with the content of string literals, quoted sheet names
    and ``[...]`` references removed (their delimiters are kept).

    A doubled quote inside a literal (``""`` or ``''``) is an escaped quote and
    does not end it.
    """
    kept: list[str] = []
    i = 0
    while i < len(formula):
        char = formula[i]
        closer = _OPAQUE_CLOSERS.get(char)
        if closer is None:
            kept.append(char)
            i += 1
            continue
        i += 1
        while i < len(formula):
            if formula[i] == closer:
                if closer != "]" and formula[i + 1 : i + 2] == closer:
                    i += 2
                    continue
                break
            i += 1
        kept.append(char + closer)
        i += 1
    return "".join(kept)


def functions_used(formula: str) -> set[str]:
    """Return the uppercase names of the functions *formula* calls.

    Text inside string literals (``"SUM(x)"``) and quoted sheet names
    (``'Data (2)'!A1``) is ignored. Excel's storage prefixes are removed, so
    ``_xlfn.XLOOKUP(...)`` yields ``XLOOKUP``. A leading ``=`` is optional.
    """
    names = set()
    for match in _FUNCTION_CALL.finditer(_without_opaque_parts(formula)):
        name = match.group(1).upper()
        while name.startswith(_FUNCTION_PREFIXES):
            name = name.split(".", 1)[1]
        names.add(name)
    return names


def disallowed_functions(formula: str) -> set[str]:
    """Return the functions *formula* calls that are not in :data:`ALLOWED_FUNCTIONS`."""
    return functions_used(formula) - ALLOWED_FUNCTIONS


def read_formulas(path: str | Path) -> dict[tuple[str, str], tuple[str, object]]:
    """Return every formula cell of the workbook at *path* with its cached value.

    Keys are ``(sheet name, cell coordinate)``, e.g. ``("Data", "B2")``;
    values are ``(formula, cached value)`` where the formula keeps its leading
    ``=`` and the cached value is what the file stores as the last result
    (number, string, bool, or an error string such as ``"#DIV/0!"``). A blank
    or missing cached value is ``None``.
    """
    formulas_book = openpyxl.load_workbook(path, data_only=False)
    values_book = openpyxl.load_workbook(path, data_only=True)
    found: dict[tuple[str, str], tuple[str, object]] = {}
    try:
        for sheet in formulas_book.worksheets:
            cached_sheet = values_book[sheet.title]
            for row in sheet.iter_rows():
                for cell in row:
                    if cell.data_type != "f":
                        continue
                    formula = cell.value.text if isinstance(cell.value, ArrayFormula) else cell.value
                    cached = cached_sheet[cell.coordinate].value
                    found[(sheet.title, cell.coordinate)] = (formula, None if cached == "" else cached)
    finally:
        formulas_book.close()
        values_book.close()
    return found
