"""Read returned forms with python-calamine (about 10× faster than openpyxl).

:func:`read_form` opens the file with :func:`lkjip_xl.workbooks.open_workbook`
(every pre-flight check; every sheet bounded by one scan of its XML), then
returns the raw cell values of a form, each with its A1 address, plus its
stamp, the cells of the form sheet that hold formulas (calamine reports only
their cached values; the scan finds the ``<f>`` elements), its hidden rows and
columns and any column title found twice.  It interprets nothing: turning cells into numbers and
problems is :mod:`lkjip_xl.validate`'s job.  A file that cannot be read at all
raises :class:`FormReadError` (defined in :mod:`lkjip_xl.safety`), the only
exception of this module.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Any

from ._values import blank, parse_year
from .breakdown import breakdown_problem, sub_periods
from .form_cells import FormRow, RawCell
from .layout import (
    REVISION_FIELD, REVISION_MAX, SIGNOFF_FIELDS, SIGNOFF_LABEL_COL, SIGNOFF_ROLES, SIGNOFF_VALUE_COL,
    COL_CODE, FORM_SHEET, HEADER_FIELDS, HEADER_VALUE_COL, STAMP_KEYS, STAMP_MAGIC, STAMP_SHEET,
    SUBROW_RE, TITLE_TO_KEY, COLUMN_TITLE, breakdown_code,
)
from .messages import msg, translated
from .methods import spec
from .model import AchievementRule, Direction, Indicator, maker
from .periods import CALENDARS, Period, PeriodRule, TargetKind, find_period
from .numbers import in_input_range
from .safety import WORKBOOK_PART, FormReadError, Package
from .sheets import SheetScan, scan_sheet
from .words import DEFAULT_WORDS, Words, words_from_payload
from .workbooks import Workbook, open_workbook
from .xlsx import a1, column_letters, is_date1904

#: Codes a :class:`FormReadError` may carry: the file was not read as a form.
READ_ERROR_CODES = frozenset({
    "file_not_found", "file_empty", "file_too_large", "file_not_xlsx", "file_old_xls", "file_encrypted",
    "file_corrupt", "file_zip_bomb", "file_unsafe_xml", "file_unreadable", "stamp_missing",
    "form_sheet_missing", "sheet_too_large", "sheet_cell_invalid", "file_reader_crashed",
})

#: Header block label (column A) → key of :attr:`ReturnedForm.header` and of the stamp.
HEADER_KEYS = dict(zip((label for label, _, _ in HEADER_FIELDS), ("kanwil", "tahun", "divisi", "periode")))
#: Labels of column A read above the table: the stamped header block and the open revision cell.
_HEADER_READ = HEADER_KEYS | {REVISION_FIELD[0]: "revisi"}

@dataclass
class ReturnedForm:
    """A form as read from disk: stamp, locked definitions and raw cells."""

    path: str
    sha256: str
    stamp: dict[str, str]
    locked: dict[str, Any]
    indicators: list[Indicator]
    header: dict[str, RawCell]  #: "kanwil", "tahun", "divisi", "periode" as shown on the sheet
    columns: dict[str, int]  #: column key → 0-based index found by header title
    header_row: int  #: 0-based
    rows: dict[str, FormRow] = field(default_factory=dict)  #: code → column key → cell
    row_index: dict[str, int] = field(default_factory=dict)  #: code → 0-based row
    unknown_codes: list[RawCell] = field(default_factory=list)
    duplicate_codes: list[RawCell] = field(default_factory=list)  #: later rows repeating a known code
    formulas: dict[str, str] = field(default_factory=dict)  #: A1 cell of the form sheet → formula text
    #: Known column titles found more than once in the header row: (first cell, later cell), by key.
    duplicate_titles: list[tuple[str, RawCell, RawCell]] = field(default_factory=list)
    #: The form sheet itself is hidden (by the user: the written form shows it).
    sheet_hidden: bool = False
    #: The form sheet's scan: hidden rows and columns (by the user: the written form hides none).
    sheet: SheetScan = field(default_factory=SheetScan)
    #: The achievement rule and every Divisi of the master in PK order, both from
    #: the hashed locked content (not from the readable stamp rows).
    achievement: AchievementRule = field(default_factory=AchievementRule)
    divisi_order: list[str] = field(default_factory=list)
    #: The workbook counts dates from 1904 (``<workbookPr date1904>``): how calamine turned
    #: date-formatted numbers into dates, so that :func:`lkjip_xl.xlsx.excel_serial` can undo it.
    date1904: bool = False
    #: The organisation's own words (:mod:`lkjip_xl.words`) from the hashed locked content: the header
    #: block's labels are in them, and the form's problems are said in them.
    words: Words = DEFAULT_WORDS
    #: The value cells of the sign-off block below the table (contract 1.2), by "prepared.name",
    #: "prepared.nip", "prepared.date", "approved.name", ...; only the labels found (none on an older form).
    signoff: dict[str, RawCell] = field(default_factory=dict)
    #: SHA-256 of the locked content as stored: the stamp's ``content_hash`` when the toolkit wrote it
    #: (canonical JSON), so that :mod:`lkjip_xl.checks` re-encodes it only when it differs ("" unknown)
    locked_sha256: str = ""

    @property
    def kanwil(self) -> str:
        return self.stamp.get("kanwil", "")

    @property
    def hides_cells(self) -> bool:
        """Whether the form sheet hides a row, a column or itself (what the Divisi saw is not all it holds)."""
        return self.sheet_hidden or bool(self.sheet.hidden_rows) or bool(self.sheet.hidden_columns)

    @property
    def year(self) -> int:
        return parse_year(self.stamp.get("tahun")) or 0

    @property
    def divisi(self) -> str:
        return self.stamp.get("divisi", "")

    @property
    def period(self) -> str:
        return self.stamp.get("periode", "")

    @property
    def revision(self) -> int | None:
        """The revision typed in "Revisi ke": 0 when blank (the first version), ``None`` when it is
        not a whole number from 0 to :data:`~lkjip_xl.layout.REVISION_MAX`."""
        cell = self.header.get("revisi")
        if cell is None or blank(cell.value):
            return 0
        value = cell.value
        if isinstance(value, str):
            value = value.strip()
            if not value.isdigit():
                return None
            value = int(value)
        if isinstance(value, bool) or not isinstance(value, (int, float)) or value != int(value):
            return None
        return int(value) if 0 <= value <= REVISION_MAX else None




def read_stamp(workbook: Workbook, path: str) -> tuple[dict[str, str], dict[str, Any]]:
    """The stamp key/values and the locked content JSON of a form."""
    stamp, locked, _ = _read_stamp(workbook, path)
    return stamp, locked


def _read_stamp(workbook: Workbook, path: str) -> tuple[dict[str, str], dict[str, Any], str]:
    """:func:`read_stamp` and the SHA-256 of the locked content's text."""
    if STAMP_SHEET not in workbook.sheet_names:
        raise FormReadError(path, "stamp_missing", msg("stamp_missing", path=path, sheet=STAMP_SHEET),
                            sheet=STAMP_SHEET)
    rows = workbook.rows(STAMP_SHEET)
    stamp: dict[str, str] = {}
    locked_text = ""
    for row in rows:
        if not row or not isinstance(row[0], str):
            continue
        if row[0] == "locked_content":
            locked_text = "".join(str(v) for v in row[1:] if isinstance(v, str))
        elif row[0] in STAMP_KEYS and len(row) > 1:
            stamp[row[0]] = str(row[1])
    try:
        locked = json.loads(locked_text)
    except ValueError:
        locked = None
    if stamp.get("format") != STAMP_MAGIC or not isinstance(locked, dict) or not _values_valid(stamp, locked):
        raise FormReadError(path, "stamp_missing", msg("stamp_missing", path=path, sheet=STAMP_SHEET),
                            sheet=STAMP_SHEET)
    return stamp, locked, hashlib.sha256(locked_text.encode("utf-8", "surrogatepass")).hexdigest()


def _values_valid(stamp: dict[str, str], locked: dict[str, Any]) -> bool:
    """The stamp's year is a year (:func:`~lkjip_xl._values.parse_year`); the locked rule and Divisi order
    have the right types."""
    if parse_year(stamp.get("tahun")) is None:
        return False
    rule, order = locked.get("achievement"), locked.get("divisi_order")
    return (isinstance(rule, dict) and _plain_number(rule.get("threshold")) and in_input_range(rule["threshold"])
            and isinstance(rule.get("inclusive"), bool) and _cap_valid(rule.get("mean_cap"))
            and isinstance(order, list) and all(isinstance(name, str) for name in order))


def _cap_valid(cap: Any) -> bool:
    """A locked mean cap: absent, or a positive finite number within the input limits."""
    return cap is None or (_plain_number(cap) and cap > 0 and in_input_range(cap))


def _plain_number(value: Any) -> bool:
    """An int or a float, not a bool (its range is :func:`~lkjip_xl.numbers.in_input_range`'s to say)."""
    return isinstance(value, (int, float)) and not isinstance(value, bool)


def indicator_from_payload(data: dict[str, Any], shared: dict[str, str] | None = None) -> Indicator:
    """Rebuild an :class:`Indicator` from the stamp's locked content.

    Raises ``KeyError``, ``TypeError`` or ``ValueError`` for a damaged payload
    (a field missing or of the wrong type), which :func:`read_form` reports as
    a damaged stamp.  ``shared`` makes the texts many IKK of a form repeat (Divisi,
    SK, unit; each code, which its rows and row numbers are found by too) one string each: a form read in
    a pool crosses between processes, and is held, once.
    """
    get = data.get
    sub_labels = get("sub_labels", [])
    if not isinstance(sub_labels, list) or (sub_labels and not all(isinstance(label, str) for label in sub_labels)):
        raise TypeError("sub_labels")
    target, scale_divisor = _number(data, "target"), _number(data, "scale_divisor", 1.0)
    if target == 0 or scale_divisor == 0:  # a forged stamp gets no more than the master would
        raise ValueError("target" if target == 0 else "scale_divisor")
    anggaran = get("anggaran")
    period_targets = get("period_targets", [])
    if not isinstance(period_targets, list) or len(period_targets) > 12:
        raise TypeError("period_targets")
    targets = tuple([_number({"t": value}, "t") for value in period_targets]) if period_targets else ()
    # the texts; a breakdown absent is the IKK row alone (every form before Rincian)
    code, divisi, sk_text, text, unit = get("code"), get("divisi"), get("sk_text"), get("text"), get("unit")
    note, breakdown = get("method_note", ""), get("breakdown", "")
    if not (isinstance(code, str) and isinstance(divisi, str) and isinstance(sk_text, str) and isinstance(text, str)
            and isinstance(unit, str) and isinstance(note, str) and isinstance(breakdown, str)):
        raise TypeError("text")
    if breakdown and breakdown not in CALENDARS:
        raise ValueError("breakdown")
    # the members of the enumerations, by value (ValueError for any other, TypeError for an unhashable one)
    direction = _DIRECTIONS.get(get("direction", "naik"))
    period_rule = _PERIOD_RULES.get(get("period_rule", "nilai_akhir"))
    target_kind = _TARGET_KINDS.get(get("target_kind", TargetKind.KUMULATIF.value))
    if direction is None or period_rule is None or target_kind is None:
        raise ValueError("member")
    same = ({} if shared is None else shared).setdefault
    indicator = _make_indicator(  # every field, positional (_INDICATOR_FIELDS)
        same(code, code), same(divisi, divisi), int(_number(data, "sk_no")), same(sk_text, sk_text),
        int(_number(data, "ikk_no")), text, same(unit, unit), target, spec(data["method"]).method,
        scale_divisor, tuple(sub_labels), direction, bool(get("nihil", False)), period_rule,
        bool(get("may_be_negative", False)), None if anggaran is None else _number(data, "anggaran"),
        _number(data, "renstra_scale_factor", 1.0), same(note, note), targets, target_kind, breakdown,
    )
    if breakdown and breakdown_problem(indicator):  # a forged stamp gets no more than the master would
        raise ValueError("breakdown")
    return indicator


#: Builds an :class:`Indicator` from all its fields in order (:func:`lkjip_xl.model.maker`: twice as fast as
#: its constructor; by keyword would be slower still).
_make_indicator = maker(Indicator)
#: :class:`Indicator`'s fields in order, as :func:`indicator_from_payload` passes them.
_INDICATOR_FIELDS = ("code", "divisi", "sk_no", "sk_text", "ikk_no", "text", "unit", "target", "method",
                     "scale_divisor", "sub_labels", "direction", "nihil", "period_rule", "may_be_negative", "anggaran",
                     "renstra_scale_factor", "method_note", "period_targets", "target_kind", "breakdown")
if tuple(f.name for f in fields(Indicator)) != _INDICATOR_FIELDS:  # pragma: no cover - the model changed
    raise ImportError("lkjip_xl.reader: Indicator's fields changed; update _INDICATOR_FIELDS")


#: The members of the enumerations a payload names, by value (a dictionary is faster than calling the
#: enumeration, for every IKK of every form read).
_DIRECTIONS = {member.value: member for member in Direction}
_PERIOD_RULES = {member.value: member for member in PeriodRule}
_TARGET_KINDS = {member.value: member for member in TargetKind}


def _number(data: dict[str, Any], key: str, default: float | None = None) -> float:
    """A finite number within the input limits (:func:`~lkjip_xl.numbers.in_input_range`), not a bool."""
    value = data.get(key, default) if default is not None else data[key]
    kind = type(value)
    if kind is not float and kind is not int and (isinstance(value, bool) or not isinstance(value, (int, float))):
        raise TypeError(key)
    if not in_input_range(value):  # finite too; an int beyond any float is out of range, not an overflow
        raise TypeError(key)
    return float(value)


def read_form(path: str | Path) -> ReturnedForm:
    """Read one returned form.  Raises :class:`FormReadError` only for unreadable files."""
    path = str(path)
    with open_workbook(path) as workbook:  # every pre-flight check, every sheet bounded
        return _read_form(workbook, path)


def _read_form(workbook: Workbook, path: str) -> ReturnedForm:
    package = workbook.package
    stamp, locked, locked_sha256 = _read_stamp(workbook, path)
    shared: dict[str, str] = {}
    try:
        indicators = [indicator_from_payload(item, shared) for item in locked.get("indicators", [])]
        words = words_from_payload(locked.get("words"))
    except (KeyError, TypeError, ValueError, AttributeError):
        raise FormReadError(path, "stamp_missing", msg("stamp_missing", path=path, sheet=STAMP_SHEET),
                            sheet=STAMP_SHEET) from None
    period = find_period(stamp.get("periode", ""))  # form_sub_periods' period, once a form
    if any(i.breakdown and not sub_periods(i.breakdown, period) for i in indicators):
        # a Rincian that does not divide the form's period: no form is written so (a forged stamp)
        raise FormReadError(path, "stamp_missing", msg("stamp_missing", path=path, sheet=STAMP_SHEET),
                            sheet=STAMP_SHEET)
    if FORM_SHEET not in workbook.sheet_names:
        found = ", ".join(f"'{name}'" for name in workbook.sheet_names if name != STAMP_SHEET) or "-"
        raise FormReadError(path, "form_sheet_missing",
                            msg("form_sheet_missing", sheet=FORM_SHEET, path=path, found=found),
                            sheet=FORM_SHEET)
    rows = workbook.rows(FORM_SHEET)
    sha = hashlib.sha256(package.data).hexdigest()
    header_row, columns, duplicates = _find_table(rows)
    scan = workbook.scans.get(FORM_SHEET, SheetScan())
    rule = locked["achievement"]
    form = ReturnedForm(path=path, sha256=sha, stamp=stamp, locked=locked, indicators=indicators,
                        achievement=AchievementRule(float(rule["threshold"]), rule["inclusive"],
                                                    None if rule.get("mean_cap") is None else float(rule["mean_cap"])),
                        divisi_order=list(locked["divisi_order"]),
                        header=_header_values(rows, header_row, words), columns=columns, header_row=header_row,
                        formulas=scan.formulas, date1904=_date1904(package), sheet=scan,
                        duplicate_titles=duplicates, sheet_hidden=workbook.sheet_hidden(FORM_SHEET), words=words,
                        locked_sha256=locked_sha256)
    if header_row < 0:
        return form
    code_col = columns.get(COL_CODE, 0)
    layout = {key: (c, column_letters(c)) for key, c in columns.items()}  # column_letters once, not per cell
    width = max(columns.values()) + 1
    wanted = {i.code for i in indicators}
    wanted |= {f"{i.code}.{n}" for i in indicators for n in range(1, len(i.sub_labels) + 1)}
    wanted |= {breakdown_code(i.code, p.code)
               for i in indicators if i.breakdown for p in sub_periods(i.breakdown, period)}
    for r in range(header_row + 1, len(rows)):
        row = rows[r]
        code = row[code_col] if code_col < len(row) else None
        if not isinstance(code, str) or not code.strip():
            continue
        code = code.strip()
        if code in form.rows:
            form.duplicate_codes.append(RawCell(code, a1(r, code_col)))
        elif code in wanted:
            code = shared.get(code, code)  # the IKK's own code: one string, kept once
            form.rows[code] = FormRow(row if len(row) >= width else [*row, *[None] * (width - len(row))],
                                      str(r + 1), layout)
            form.row_index[code] = r
        elif SUBROW_RE.match(code) or _looks_like_code(code):
            form.unknown_codes.append(RawCell(code, a1(r, code_col)))
    form.signoff = _signoff_values(rows, max(form.row_index.values(), default=header_row) + 1, columns)
    return form


def _signoff_values(rows: list[list[Any]], first: int, columns: dict[str, int]) -> dict[str, RawCell]:
    """The sign-off block's value cells from row ``first`` (below the table) on: a part's label ("Disiapkan
    oleh") in the column of "Sasaran Kegiatan" opens it, and each field label under it ("Nama", "NIP",
    "Tanggal") gives the cell of the same row in the column of "Indikator Kinerja Kegiatan"."""
    label_col, value_col = columns.get(SIGNOFF_LABEL_COL), columns.get(SIGNOFF_VALUE_COL)
    if label_col is None or value_col is None:
        return {}
    roles = {label.casefold(): key for key, label in SIGNOFF_ROLES}
    fields = {label.casefold(): key for key, label in SIGNOFF_FIELDS}
    found: dict[str, RawCell] = {}
    role = ""
    for r in range(first, len(rows)):
        row = rows[r]
        text = row[label_col] if label_col < len(row) else None
        text = text.strip().casefold() if isinstance(text, str) else ""
        if text in roles:
            role = roles[text]
        elif role and text in fields and f"{role}.{fields[text]}" not in found:
            found[f"{role}.{fields[text]}"] = RawCell(row[value_col] if value_col < len(row) else None,
                                                      a1(r, value_col))
    return found


def form_sub_periods(period: str, indicator: Indicator) -> tuple[Period, ...]:
    """The sub-periods whose rows a form of ``period`` (its stamp's) has for the IKK
    (:func:`lkjip_xl.breakdown.sub_periods`; ``()`` without a Rincian)."""
    return sub_periods(indicator.breakdown, find_period(period))


def _date1904(package: Package) -> bool:
    """Whether the workbook uses the 1904 date system (calamine applies it to date-formatted numbers)."""
    return WORKBOOK_PART in package.zip.NameToInfo and is_date1904(package.xml(WORKBOOK_PART))


def formula_cells(package: Package, sheet: str) -> dict[str, str]:
    """A1 address → formula text ("" for a shared one) of every formula cell of ``sheet``.

    calamine reports only the cached values of formulas, so the sheet XML is
    scanned for them (:func:`lkjip_xl.sheets.scan_sheet`, whatever the
    attribute order, quoting or namespace prefix).
    """
    part = package.sheet_part(sheet)
    if part is None:
        return {}
    return scan_sheet(package.read(part))[0].formulas


def _looks_like_code(text: str) -> bool:
    return len(text) <= 40 and " " not in text and any(ch.isdigit() for ch in text)


def _find_table(rows: list[list[Any]]) -> tuple[int, dict[str, int], list[tuple[str, RawCell, RawCell]]]:
    """The header row (0-based, −1 when absent), column key → index, and repeated titles.

    The first column of a title is taken; a known title found again later in
    the header row (a hidden copy to the right, say) is returned as (key, first
    cell, later cell) for :mod:`lkjip_xl.validate` to refuse — a later column
    never silently replaces an earlier one.
    """
    for r, row in enumerate(rows[:60]):
        titles = [(str(v).strip().casefold(), c) for c, v in enumerate(row) if isinstance(v, str) and v.strip()]
        if any(title == COLUMN_TITLE[COL_CODE].casefold() for title, _ in titles):
            columns: dict[str, int] = {}
            duplicates = []
            for title, c in titles:
                key = TITLE_TO_KEY.get(title)
                if key is None:
                    continue
                if key in columns:
                    first = columns[key]
                    duplicates.append((key, RawCell(row[first], a1(r, first)), RawCell(row[c], a1(r, c))))
                else:
                    columns[key] = c
            return r, columns, duplicates
    return -1, {}, []


def _header_values(rows: list[list[Any]], header_row: int, words: Words = DEFAULT_WORDS) -> dict[str, RawCell]:
    """The header block's values, found by their labels in column A above the table (the labels as
    written in the form's own ``words``, or the catalogue's)."""
    labels = _HEADER_READ | {translated(label, words): key for label, key in _HEADER_READ.items()}
    found: dict[str, RawCell] = {}
    for r, row in enumerate(rows[:header_row if header_row >= 0 else 60]):
        label = row[0].strip() if row and isinstance(row[0], str) else ""
        if label in labels and labels[label] not in found and HEADER_VALUE_COL < len(row):
            found[labels[label]] = RawCell(row[HEADER_VALUE_COL], a1(r, HEADER_VALUE_COL))
    return found
