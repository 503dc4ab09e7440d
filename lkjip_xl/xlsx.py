"""Small shared helpers for writing and reading .xlsx files."""

from __future__ import annotations

import functools
import math
import os
import re
from collections.abc import Iterable
from datetime import UTC, date, datetime, time, timedelta

import xlsxwriter
from .xlsx_rows import ClosingWorkbook, FastRows

#: XlsxWriter options for every workbook the toolkit writes: text is never
#: turned into a formula, a number or a link, whatever it starts with.
SAFE_OPTIONS = {
    "strings_to_formulas": False,
    "strings_to_numbers": False,
    "strings_to_urls": False,
}


def new_workbook(path: str, created: datetime | None = None, title: str = "", kind: str = "keluaran",
                 worksheet_class: type[FastRows] | None = None, **options) -> xlsxwriter.Workbook:
    """An XlsxWriter workbook with safe options and deterministic properties; its sheets are
    ``worksheet_class`` (a :class:`FiniteWorksheet`, the default).

    ``kind`` is stored as the custom property ``lkjip-xl:jenis``
    (:data:`lkjip_xl.kinds.KIND_PROPERTY`): a toolkit output found in a forms
    folder is recognised and skipped rather than refused as a broken form.
    """
    from .kinds import KIND_PROPERTY

    workbook = ClosingWorkbook(path, {**SAFE_OPTIONS, **options})  # its cells freed with it
    workbook.worksheet_class = worksheet_class or FiniteWorksheet
    workbook.set_properties({
        "title": title,
        "author": "lkjip-xl",
        "created": created or fixed_timestamp(),
    })
    workbook.set_custom_property(KIND_PROPERTY, kind)
    return workbook


def fixed_timestamp() -> datetime:
    """``SOURCE_DATE_EPOCH`` when set, else a fixed date: outputs are reproducible."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch and epoch.isdigit():
        return datetime.fromtimestamp(int(epoch), UTC).replace(tzinfo=None)  # utcfromtimestamp warns on 3.12
    return datetime(2000, 1, 1)


# --------------------------------------------------------------------------- column letters and A1 references

#: Excel's last column: XFD, the 16384th.
MAX_COLUMNS = 16384
_A1 = re.compile(r"\$?([A-Za-z]{1,3})\$?([0-9]+)")


@functools.lru_cache(maxsize=MAX_COLUMNS)
def column_letters(col: int) -> str:
    """0-based column index → its letters: 0 → "A", 25 → "Z", 26 → "AA", 16383 → "XFD".

    Indices past XFD (:data:`MAX_COLUMNS`) are spelled on ("XFE", ...): a hostile file may claim them
    and its messages must still name the cell.
    """
    if col < 0:
        raise ValueError(f"negative column index {col}")
    letters = ""
    col += 1
    while col:
        col, rest = divmod(col - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


class FiniteWorksheet(FastRows):
    """The worksheet of every workbook :func:`new_workbook` makes: no cell ever holds inf or nan.

    A non-finite number written as a cell or as a formula's stored value would be serialised as ``<v>inf</v>``,
    which Excel repairs and openpyxl and pandas cannot open.  The calculations return ``None`` rather than a
    non-finite number (:mod:`lkjip_xl.calc`), and inputs beyond the forms' limits are refused; should one still
    arrive here, the cell is left blank, as for ``None``, and the file stays readable.
    """

    _letters = staticmethod(column_letters)  # for its cells' XML (lkjip_xl.xlsx_rows.FastRows)

    def _write_number(self, row, col, number, cell_format=None):
        if not math.isfinite(number):
            return self._write_blank(row, col, None, cell_format)
        return super()._write_number(row, col, number, cell_format)

    def _write_formula(self, row, col, formula, cell_format=None, value=0):
        if isinstance(value, float) and not math.isfinite(value):
            value = ""
        return super()._write_formula(row, col, formula, cell_format, value)


def column_index(letters: str | bytes) -> int:
    """Column letters (any case; bytes as found in the XML too) → 0-based index: "A" → 0, "AA" → 26."""
    if isinstance(letters, bytes):
        letters = letters.decode("ascii")
    if not letters or not letters.isascii() or not letters.isalpha():
        raise ValueError(f"not column letters: {letters!r}")
    col = 0
    for ch in letters.upper():
        col = col * 26 + ord(ch) - 64
    return col - 1


def a1(row: int, col: int, absolute: bool = False) -> str:
    """0-based (row, col) → "A1" (or "$A$1")."""
    if absolute:
        return f"${column_letters(col)}${row + 1}"
    return f"{column_letters(col)}{row + 1}"


def a1_position(ref: str) -> tuple[int, int]:
    """"A1" or "$A$1" (any case) → 0-based (row, col); ``ValueError`` for anything else."""
    match = _A1.fullmatch(ref.strip())
    if not match or int(match.group(2)) < 1:
        raise ValueError(f"not a cell reference: {ref!r}")
    return int(match.group(2)) - 1, column_index(match.group(1))


#: Excel's limits on a sheet name: at most 31 UTF-16 code units, none of these characters, no
#: apostrophe first or last, not "History" (reserved for change tracking); unique ignoring case.
SHEET_NAME_MAX = 31
SHEET_NAME_FORBIDDEN = "[]:*?/\\"
RESERVED_SHEET_NAMES = ("history",)


def utf16_length(text: str) -> int:
    """Length of ``text`` as Excel counts it (UTF-16 code units: an emoji counts 2)."""
    return len(text.encode("utf-16-le")) // 2


def _clip(text: str, limit: int) -> str:
    """The longest prefix of ``text`` of at most ``limit`` UTF-16 code units (never half a character)."""
    while utf16_length(text) > limit:
        text = text[:-1]
    return text


def _sheet_base(wanted: str) -> str:
    """``wanted`` made a legal sheet name, ignoring uniqueness."""
    text = "".join("_" if ch in SHEET_NAME_FORBIDDEN or ord(ch) < 32 or ord(ch) == 127 else ch
                   for ch in str(wanted))
    text = text.strip().strip("'").strip() or "Sheet"
    if text.casefold() in RESERVED_SHEET_NAMES:
        text += "_"
    return _clip(text, SHEET_NAME_MAX).rstrip().rstrip("'") or "Sheet"


def sheet_name(wanted: str, taken: Iterable[str] = ()) -> str:
    """The sheet name to use for ``wanted``: legal in Excel and unique among ``taken``.

    The one place where the toolkit turns a text (an IKK code, a table label) into a sheet name.  A legal
    name that is not taken comes back unchanged; otherwise forbidden characters (``[]:*?/\\`` and control
    characters) become ``_``, surrounding apostrophes and spaces go, "History" gets a ``_``, the name is cut
    to 31 characters and, when it is taken (Excel ignores case), `` (2)``, `` (3)``, ... is appended within the 31.
    """
    used = {name.casefold() for name in taken}
    base = _sheet_base(wanted)
    name, n = base, 2
    while name.casefold() in used:
        suffix = f" ({n})"
        name = _clip(base, SHEET_NAME_MAX - len(suffix)).rstrip().rstrip("'") + suffix
        n += 1
    return name


def add_sheet(workbook: xlsxwriter.Workbook, wanted: str, **options) -> xlsxwriter.worksheet.Worksheet:
    """Add a worksheet named by :func:`sheet_name` (unique among the workbook's sheets)."""
    name = sheet_name(wanted, (sheet.name for sheet in workbook.worksheets()))
    return workbook.add_worksheet(name, **options)


# --------------------------------------------------------------------------- dates as numbers

#: Day 0 of Excel's 1904 date system; the 1900 system's day 1 is 1 January 1900 and it counts a
#: 29 February 1900 that never was (serial 60), which calamine and openpyxl both read as 28 February.
_EPOCH_1900_EARLY = datetime(1899, 12, 31)  # serials 1–59
_EPOCH_1900 = datetime(1899, 12, 30)  # serials 61 and on
_EPOCH_1904 = datetime(1904, 1, 1)
_MAIN_NS = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"


def is_date1904(workbook_xml) -> bool:
    """Whether a parsed ``xl/workbook.xml`` declares the 1904 date system (``<workbookPr date1904="1"/>``)."""
    for element in workbook_xml.iter(f"{_MAIN_NS}workbookPr"):
        return element.get("date1904", "").strip().lower() in ("1", "true")
    return False


def excel_serial(value: date | time | timedelta, date1904: bool = False) -> float | None:
    """The number Excel stores in a date- or time-formatted cell, from the value a reader returned.

    calamine and openpyxl turn such a number into a ``date`` (whole numbers), a
    ``datetime``, a ``time`` (0 ≤ number < 1) or a ``timedelta`` (duration
    formats such as ``[h]:mm``), to the millisecond.  ``None`` when the number
    cannot be told: in the 1900 system 28 February 1900 is 59 or 60.
    """
    if isinstance(value, timedelta):
        return value.total_seconds() / 86400
    if isinstance(value, time):
        return (value.hour * 3600 + value.minute * 60 + value.second + value.microsecond / 1e6) / 86400
    moment = value if isinstance(value, datetime) else datetime(value.year, value.month, value.day)
    moment = moment.replace(tzinfo=None)
    if date1904:
        epoch = _EPOCH_1904
    elif moment.date() == date(1900, 2, 28):
        return None
    else:
        epoch = _EPOCH_1900_EARLY if moment < datetime(1900, 3, 1) else _EPOCH_1900
    delta = moment - epoch
    return delta.days + delta.seconds / 86400 + delta.microseconds / 86400e6


def date_text(value: date | time | timedelta) -> str:
    """A date or time the way an Indonesian Excel shows it: 20/04/1900, 12:00, 03/01/1900 23:45:36, 72:00."""
    if isinstance(value, timedelta):
        seconds = round(value.total_seconds())
        sign, seconds = ("-" if seconds < 0 else ""), abs(seconds)
        text = f"{sign}{seconds // 3600}:{seconds % 3600 // 60:02d}"
        return text + (f":{seconds % 60:02d}" if seconds % 60 else "")
    if isinstance(value, time):
        return value.strftime("%H:%M:%S" if value.second or value.microsecond else "%H:%M")
    if isinstance(value, datetime):
        if (value.hour, value.minute, value.second, value.microsecond) == (0, 0, 0, 0):
            return value.strftime("%d/%m/%Y")
        return value.strftime("%d/%m/%Y %H:%M:%S" if value.second or value.microsecond else "%d/%m/%Y %H:%M")
    return value.strftime("%d/%m/%Y")


def quote_sheet(name: str) -> str:
    """A sheet name as it must appear in a formula reference."""
    return "'" + name.replace("'", "''") + "'"


def excel_string(text: str) -> str:
    """A text as a formula string literal ("..." with doubled quotes)."""
    return '"' + text.replace('"', '""') + '"'


@functools.lru_cache(maxsize=8192, typed=True)  # an IKK's texts are measured in every workbook that shows its row
def wrapped_lines(text: str, column_width: float, bold: bool = False) -> int:
    """Lines a wrapped text needs in a column of ``column_width`` characters (an estimate; ``bold``
    letters are wider: fewer go on a line)."""
    per_line = max(int(column_width * (0.95 if bold else 1.15)), 1)
    lines = 0
    for paragraph in str(text).split("\n"):
        words, length, count = paragraph.split(), 0, 1
        for word in words:
            if length and length + 1 + len(word) > per_line:
                count += 1
                length = len(word)
            else:
                length += len(word) + (1 if length else 0)
        lines += count
    return max(lines, 1)


def row_height(cells: list[tuple[str, float]], line_points: float = 13.5, bold: bool = False) -> float:
    """Row height in points that shows every wrapped ``(text, column width)`` in full (``bold``: a header
    row), at most :data:`MAX_ROW_HEIGHT` (the most a spreadsheet row may be; a longer text is read in the cell).

    XlsxWriter cannot autofit rows and LibreOffice does not on load, so the
    writer sets the height itself.
    """
    lines = max((wrapped_lines(text, width, bold) for text, width in cells if text), default=1)
    return min(lines * line_points + 2, MAX_ROW_HEIGHT)


def column_width(cells: Iterable[str | tuple[float, str | None] | None], wrapped: Iterable[str] = (),
                 least: float = 4.0, most: float = 90.0) -> float:
    """The width (characters) of a column that shows each of ``cells`` whole on one line: a text, or a
    ``(number, number format)`` as the cell shows it (:func:`lkjip_xl.numbers.format_shown`: ``111 Layanan``,
    ``8 Instansi Pemerintah``, ``93,26%``), so that no number shows ``###``; the ``wrapped`` texts (wrapped
    titles) need their longest word.  Between ``least`` and ``most``; a little more than the characters, in
    whole characters (XlsxWriter 3.3.0 and 3.3.1 round 30.5 apart).  The one width rule of every sheet.
    """
    from .numbers import widest_shown

    widest = max((len(word) for text in wrapped for word in str(text).split()), default=0)
    texts: set[str] = set()
    numbers: dict[str | None, list[float]] = {}  # by number format: a column of many rows is measured fast
    for cell in cells:
        if isinstance(cell, str):
            texts.add(cell)
        elif cell is not None:
            numbers.setdefault(cell[1], []).append(cell[0])
    for text in texts:
        widest = max(widest, *(len(line) for line in text.split("\n")))
    for number_format, values in numbers.items():
        widest = max(widest, widest_shown(values, number_format))
    return float(math.ceil(min(max(widest * 1.1 + 2, least), most) - 1e-9))


#: The highest row Excel and LibreOffice allow, in points.
MAX_ROW_HEIGHT = 409.0


def decimals_for(value: float, most: int = 2) -> int:
    """Fewest decimals (up to ``most``) that show ``value`` exactly: 90 → 0, 76.75 → 2, 3.1 → 1."""
    if most >= 0 and float(value).is_integer():  # most targets and counts: every number written asks
        return 0
    if abs(round(value, most) - value) >= 1e-9:  # most capaian (97.333…): not shown exactly by fewer either
        return most
    return next((places for places in range(most + 1) if abs(round(value, places) - value) < 1e-9), most)


def number_literal(value: float) -> str:
    """A number as a formula literal; ``repr`` keeps every digit (100.0 → "100", 0.435 → "0.435")."""
    text = repr(float(value))
    return text[:-2] if text.endswith(".0") else text


#: XlsxWriter's paper code of A4.
A4 = 9
#: The margins of every sheet for paper, in inches (the footer sits in the bottom one).
MARGINS = {"left": 0.4, "right": 0.4, "top": 0.5, "bottom": 0.6}
#: Longest office name in a footer (Excel refuses a footer of more than 255 characters; a longer name would
#: reach the page number on a portrait page).
_OWNER_MAX = 80


def page_footer(owner: str = "", year: int | str | None = None) -> str:
    """The footer of every sheet for paper: the sheet's name, "Halaman x dari y" and the office and year
    ("Kantor Wilayah ... · Tahun 2023"; without a name, the office word of the active words, "Dinas")."""
    from .messages import LABELS, msg, translated

    office = (" ".join(str(owner or "").split()) or translated(LABELS["word_office"]))[:_OWNER_MAX]
    text = msg("print_owner", office=office, year=year) if year not in (None, "") else office
    return msg("print_footer", owner=text.replace("&", "&&"))


def print_setup(sheet, landscape: bool = True, *, owner: str = "", year: int | str | None = None,
                fit_width: bool = True, center: bool = False, repeat_rows: int | tuple[int, int] | None = None,
                area: tuple[int, int] | None = None, margins: dict[str, float] | None = None) -> None:
    """The one print setup of every sheet for paper the toolkit writes (XlsxWriter or openpyxl).

    A4, ``landscape`` or portrait, :data:`MARGINS` (or ``margins``, in inches), the footer of
    :func:`page_footer` (sheet, page x of y, ``owner`` and ``year``); ``fit_width``: one page wide,
    as many pages tall as needed; ``center``: centred horizontally; ``repeat_rows``: the 0-based
    row (or first and last row) printed on every page; ``area``: the print area from A1 to the
    0-based (last row, last column).  A data sheet is marked :func:`not_for_print` instead.
    """
    margins = {**MARGINS, **(margins or {})}
    if hasattr(sheet, "page_setup"):  # openpyxl
        _print_setup_openpyxl(sheet, landscape, fit_width, center, repeat_rows, area, margins, owner, year)
        return
    sheet.set_paper(A4)
    if landscape:
        sheet.set_landscape()
    else:
        sheet.set_portrait()
    sheet.set_margins(**margins)
    if repeat_rows is not None:
        sheet.repeat_rows(*((repeat_rows,) if isinstance(repeat_rows, int) else repeat_rows))
    if area is not None:
        sheet.print_area(0, 0, *area)
    if fit_width:
        sheet.fit_to_pages(1, 0)
    if center:
        sheet.center_horizontally()
    set_page_footer(sheet, owner, year)


def set_page_footer(sheet, owner: str = "", year: int | str | None = None) -> None:
    """The footer of :func:`page_footer` on an XlsxWriter ``sheet`` set up by :func:`print_setup` (for a
    writer that learns the office and year after the sheet's setup)."""
    sheet.set_footer(page_footer(owner, year), {"margin": 0.25, "scale_with_doc": False})


def not_for_print(sheet, last_col: int, owner: str = "", year: int | str | None = None) -> None:
    """Mark a data sheet (rows for pivot tables, Power Query and pandas) as not for paper: its print area
    is its header row alone, on one A4 page under a page header that says so (README.md › On paper)."""
    from .messages import msg

    sheet.set_paper(A4)
    sheet.set_landscape()
    sheet.print_area(0, 0, 0, last_col)
    sheet.fit_to_pages(1, 1)
    sheet.set_header(msg("print_not_for_paper"))
    set_page_footer(sheet, owner, year)


def _print_setup_openpyxl(sheet, landscape, fit_width, center, repeat_rows, area, margins, owner, year) -> None:
    setup = sheet.page_setup
    setup.orientation = "landscape" if landscape else "portrait"
    setup.paperSize = A4
    if fit_width:
        setup.fitToWidth, setup.fitToHeight = 1, 0
        sheet.sheet_properties.pageSetUpPr.fitToPage = True
    if center:
        sheet.print_options.horizontalCentered = True
    if repeat_rows is not None:
        first, last = (repeat_rows, repeat_rows) if isinstance(repeat_rows, int) else repeat_rows
        sheet.print_title_rows = f"{first + 1}:{last + 1}"
    if area is not None:
        sheet.print_area = f"A1:{a1(*area)}"
    for side, inches in margins.items():
        setattr(sheet.page_margins, side, inches)
    sheet.page_margins.footer = 0.25
    codes = dict(re.findall(r"&([LCR])((?:[^&]|&&|&(?![LCR]))*)", page_footer(owner, year)))
    for side, part in (("L", sheet.oddFooter.left), ("C", sheet.oddFooter.center), ("R", sheet.oddFooter.right)):
        part.text = codes.get(side, "").removeprefix("&8")
        part.size = 8
    one_line_footer(sheet)


def one_line_footer(sheet) -> None:
    """The footer of an openpyxl ``sheet`` on one line ("Formulir · Kantor Wilayah ..."): openpyxl writes a
    line break of a footer as "_x000a_" (the form sheet of a feedback copy, its "Pemeriksaan")."""
    for part in (sheet.oddFooter.left, sheet.oddFooter.center, sheet.oddFooter.right):
        if part.text:
            part.text = part.text.replace("\n", " · ")
