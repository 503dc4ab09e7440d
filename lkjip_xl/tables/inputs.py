"""Reading the documented input sheets of the tables ("Capaian Tahun Lalu", "Renstra", "Tabel Pendukung").

Every sheet is found by its name and every column by its header (among the
first rows, any case, extra spaces ignored), never by position.  Readers
collect every problem and raise :class:`InputError` with all of them;
warnings travel with the data.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import cast

from .._values import blank
from ..errors import INPUT, LkjipError
from ..messages import LABELS, msg, translated
from ..numbers import NumberParseError, parse_number
from ..problems import ERROR, Problem
from ..safety import FormReadError
from ..workbooks import open_workbook
from ..xlsx import a1

#: Headers shared by the input sheets.
COL_CODE = LABELS["col_kode"]
COL_TEXT = LABELS["col_ikk"]
COL_SOURCE = LABELS["col_sumber"]

_HEADER_SEARCH_ROWS = 10


class InputError(LkjipError):
    """An input workbook cannot be used; ``problems`` say where and why."""

    kind = INPUT

    def __init__(self, problems: Sequence[Problem]):
        self.problems = list(problems)
        super().__init__("\n".join(p.message for p in self.problems if p.is_error))


def norm(value: object) -> str:
    """A header or label as compared: spaces collapsed, case folded."""
    return " ".join(str(value).split()).casefold()


def header_keys(header: str) -> tuple[str, ...]:
    """The keys (:func:`norm`) a column title ``header`` of the catalogue is found by: its own and, in a
    run with the organisation's own words (:func:`~lkjip_xl.messages.use_words`), the title in those
    words ("Divisi", "Bidang"), so that a sheet filled from a template of either is read."""
    return tuple(dict.fromkeys((norm(header), norm(translated(header)))))


def column_of(found: dict[str, int], header: str) -> int | None:
    """The column of ``header`` among ``found`` (a header row: :func:`norm` of each title → its column)."""
    return next((found[key] for key in header_keys(header) if key in found), None)


def clean_text(value: object) -> str:
    """A cell as text with spaces collapsed ("" when blank); 2022.0 reads "2022"."""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return "" if blank(value) else " ".join(str(value).split())


class InputSheet:
    """One sheet of an input workbook, read into rows; problems are collected, not raised."""

    def __init__(self, path: str, grids: dict[str, list[list[object]]], name: str, problems: list[Problem]):
        self.path, self.name, self.problems = path, name, problems
        self.grid = grids[name]
        self.header_row: int | None = None
        self.columns: dict[str, int] = {}

    def report(self, message_code: str, cell: str = "", severity: str = ERROR, ikk: str = "", **fields) -> None:
        text = msg(message_code, path=self.path, sheet=self.name, cell=cell or "-", **fields)
        self.problems.append(Problem(self.path, message_code, text, severity, self.name, cell, ikk))

    def find_header(self, required: Sequence[str], optional: Iterable[str] = ()) -> bool:
        """Locate the header row: the first of the first rows holding the first required header."""
        for r, line in enumerate(self.grid[:_HEADER_SEARCH_ROWS]):
            found = {norm(v): c for c, v in enumerate(line) if not blank(v)}
            if column_of(found, required[0]) is not None:
                self.header_row = r
                self.columns = {h: c for h in (*required, *optional) if (c := column_of(found, h)) is not None}
                break
        missing = [h for h in required if h not in self.columns]
        for header in missing:
            self.report("input_header_missing", header=translated(header))
        return not missing

    def rows(self) -> Iterable[tuple[int, list[object]]]:
        """Data rows below the header that are not entirely blank."""
        header_row = cast(int, self.header_row)  # set by find_header, which callers check first
        for r in range(header_row + 1, len(self.grid)):
            line = self.grid[r]
            if not all(blank(v) for v in line):
                yield r, line

    def cell(self, line: list[object], r: int, header: str) -> tuple[object, str]:
        col = self.columns.get(header)
        if col is None:
            return None, ""
        return (line[col] if col < len(line) else None), a1(r, col)

    def code(self, line: list[object], r: int) -> tuple[str, str]:
        """The IKK code of a row and its cell; a missing code is reported and given as ""."""
        raw, cell = self.cell(line, r, COL_CODE)
        code = clean_text(raw)
        if not code:
            self.report("input_code_missing", cell)
        return code, cell

    def number(self, raw: object, cell: str, code: str, header: str, kind: str = "decimal") -> float | None:
        """``raw`` as a number of ``kind`` (:func:`~lkjip_xl.numbers.parse_number`: "decimal", "count", ...);
        ``None`` and a problem naming the cell when it is no clear number."""
        try:
            return parse_number(raw if isinstance(raw, (int, float, str)) else str(raw), kind).value
        except NumberParseError as exc:
            problem = "input_value_ambiguous" if exc.code == "ambiguous_number" else "input_value_invalid"
            self.report(problem, cell, ikk=code, field=header, code=code, value=raw)
            return None


def open_input(path: str | Path, wanted: Sequence[str]) -> tuple[str, dict[str, list[list[object]]]]:
    """The cells of the ``wanted`` sheets an input workbook has (the file is closed again).

    :class:`InputError` when the file is missing, unreadable or has none of them.
    """
    name = str(path)
    if not Path(name).is_file():
        raise InputError([Problem(name, "file_not_found", msg("file_not_found", path=name))])
    try:  # every pre-flight check, every sheet bounded (a renamed PDF, a far stray cell, ...)
        with open_workbook(name) as workbook:
            grids = {sheet: workbook.rows(sheet) for sheet in wanted if sheet in workbook.sheet_names}
    except FormReadError as exc:
        raise InputError([Problem(name, exc.code, exc.message, sheet=exc.sheet, cell=exc.cell)]) from None
    if not grids:
        names = f" {LABELS['word_or']} ".join(f"'{sheet}'" for sheet in wanted)
        raise InputError([Problem(name, "input_sheet_missing", msg("input_sheet_missing", path=name, sheets=names))])
    return name, grids
