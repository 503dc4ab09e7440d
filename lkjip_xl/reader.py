"""Read returned forms with python-calamine (about 10× faster than openpyxl).

:func:`read_form` first runs the pre-flight checks of :mod:`lkjip_xl.safety`
on the raw file, then returns the raw cell values of a form, each with its A1
address, plus its stamp and the cells of the form sheet that hold formulas
(calamine reports only their cached values, so the sheet XML is scanned for
``<f>`` elements).  It interprets nothing: turning cells into numbers and
problems is :mod:`lkjip_xl.validate`'s job.  A file that cannot be read at all
raises :class:`FormReadError` (defined in :mod:`lkjip_xl.safety`), the only
exception of this module.
"""

from __future__ import annotations

import hashlib
import io
import json
import math
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from xml.sax.saxutils import unescape

from python_calamine import CalamineWorkbook, ZipError
from xlsxwriter.utility import xl_col_to_name

from .layout import (
    COL_CODE, FORM_SHEET, HEADER_FIELDS, HEADER_VALUE_COL, STAMP_KEYS, STAMP_MAGIC, STAMP_SHEET,
    SUBROW_RE, TITLE_TO_KEY,
)
from .messages import msg
from .model import AchievementRule, Direction, Indicator, Method, QuarterRule
from .safety import FormReadError, Package, describe, open_package
from .xlsx import a1

#: Codes a :class:`FormReadError` may carry: the file was not read as a form.
READ_ERROR_CODES = frozenset({
    "file_not_found", "file_empty", "file_too_large", "file_not_xlsx", "file_old_xls", "file_encrypted",
    "file_corrupt", "file_zip_bomb", "file_unsafe_xml", "file_unreadable", "stamp_missing",
    "form_sheet_missing",
})

#: Header block label (column A) → key of :attr:`ReturnedForm.header` and of the stamp.
HEADER_KEYS = dict(zip((label for label, _, _ in HEADER_FIELDS), ("kanwil", "tahun", "divisi", "periode")))

#: A formula cell as every spreadsheet writer serialises it (Excel, LibreOffice, XlsxWriter,
#: openpyxl): ``<c r="K12" ...><f>text</f>`` or, for a shared formula, ``<f t="shared" .../>``.
#: The literal start makes the scan fast (about 40 µs for a 60 KB sheet); a sheet written
#: otherwise (a namespace prefix, ``r`` not first) is simply not scanned for formulas.
_FORMULA_CELL = re.compile(rb'<c r="([A-Z]{1,3}[0-9]{1,7})"[^>]*><f(?:>([^<]*)<|[^>]*?/>|\s[^>]*>([^<]*)<)')


@dataclass
class RawCell:
    value: Any
    cell: str


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
    rows: dict[str, dict[str, RawCell]] = field(default_factory=dict)  #: code → column key → cell
    row_index: dict[str, int] = field(default_factory=dict)  #: code → 0-based row
    unknown_codes: list[RawCell] = field(default_factory=list)
    duplicate_codes: list[RawCell] = field(default_factory=list)  #: later rows repeating a known code
    formulas: dict[str, str] = field(default_factory=dict)  #: A1 cell of the form sheet → formula text
    #: The achievement rule and every Divisi of the master in PK order, both from
    #: the hashed locked content (not from the readable stamp rows).
    achievement: AchievementRule = field(default_factory=AchievementRule)
    divisi_order: list[str] = field(default_factory=list)

    @property
    def kanwil(self) -> str:
        return self.stamp.get("kanwil", "")

    @property
    def year(self) -> int:
        return int(self.stamp.get("tahun", "0") or 0)

    @property
    def divisi(self) -> str:
        return self.stamp.get("divisi", "")

    @property
    def period(self) -> str:
        return self.stamp.get("periode", "")




def open_workbook(package: Package) -> CalamineWorkbook:
    """Open a checked package with calamine; raise :class:`FormReadError` when it is no workbook."""
    try:
        return CalamineWorkbook.from_filelike(io.BytesIO(package.data))  # faster than from_path
    except Exception as exc:  # calamine raises several error types for bad files
        raise _unreadable(package.path, exc) from None


def sheet_rows(workbook: CalamineWorkbook, sheet: str, path: str) -> list[list[Any]]:
    """All cells of ``sheet`` from A1, row by row; :class:`FormReadError` when calamine fails."""
    try:
        return workbook.get_sheet_by_name(sheet).to_python(skip_empty_area=False)
    except Exception as exc:  # malformed sheet XML, bad shared-string index, ...
        raise _unreadable(path, exc) from None


def _unreadable(path: str, exc: Exception) -> FormReadError:
    code = "file_corrupt" if isinstance(exc, ZipError) else "file_unreadable"
    return FormReadError(path, code, msg(code, path=path, detail=describe(exc)))


def read_stamp(workbook: CalamineWorkbook, path: str) -> tuple[dict[str, str], dict[str, Any]]:
    """The stamp key/values and the locked content JSON of a form."""
    if STAMP_SHEET not in workbook.sheet_names:
        raise FormReadError(path, "stamp_missing", msg("stamp_missing", path=path, sheet=STAMP_SHEET),
                            sheet=STAMP_SHEET)
    rows = sheet_rows(workbook, STAMP_SHEET, path)
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
    return stamp, locked


def _values_valid(stamp: dict[str, str], locked: dict[str, Any]) -> bool:
    """The stamp's year is a number; the locked rule and Divisi order have the right types."""
    try:
        int(stamp.get("tahun", "0") or 0)
    except ValueError:
        return False
    rule, order = locked.get("achievement"), locked.get("divisi_order")
    return (isinstance(rule, dict) and isinstance(rule.get("threshold"), (int, float))
            and not isinstance(rule.get("threshold"), bool) and isinstance(rule.get("inclusive"), bool)
            and isinstance(order, list) and all(isinstance(name, str) for name in order))


def indicator_from_payload(data: dict[str, Any]) -> Indicator:
    """Rebuild an :class:`Indicator` from the stamp's locked content.

    Raises ``KeyError``, ``TypeError`` or ``ValueError`` for a damaged payload
    (a field missing or of the wrong type), which :func:`read_form` reports as
    a damaged stamp.
    """
    sub_labels = data.get("sub_labels", [])
    if not isinstance(sub_labels, list) or not all(isinstance(label, str) for label in sub_labels):
        raise TypeError("sub_labels")
    scale_divisor = _number(data, "scale_divisor", 1.0)
    if scale_divisor == 0:
        raise ValueError("scale_divisor")
    anggaran = data.get("anggaran")
    return Indicator(
        code=_text(data, "code"), divisi=_text(data, "divisi"), sk_no=int(_number(data, "sk_no")),
        sk_text=_text(data, "sk_text"), ikk_no=int(_number(data, "ikk_no")), text=_text(data, "text"),
        unit=_text(data, "unit"), target=_number(data, "target"), method=Method(data["method"]),
        scale_divisor=scale_divisor, sub_labels=tuple(sub_labels),
        direction=Direction(data.get("direction", "naik")), nihil=bool(data.get("nihil", False)),
        quarter_rule=QuarterRule(data.get("quarter_rule", "nilai_akhir")),
        may_be_negative=bool(data.get("may_be_negative", False)),
        anggaran=None if anggaran is None else _number(data, "anggaran"),
        renstra_scale_factor=_number(data, "renstra_scale_factor", 1.0),
        method_note=_text(data, "method_note", ""),
    )


def _text(data: dict[str, Any], key: str, default: str | None = None) -> str:
    value = data.get(key, default)
    if not isinstance(value, str):
        raise TypeError(key)
    return value


def _number(data: dict[str, Any], key: str, default: float | None = None) -> float:
    value = data.get(key, default)
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not math.isfinite(value):
        raise TypeError(key)
    return float(value)


def read_form(path: str | Path) -> ReturnedForm:
    """Read one returned form.  Raises :class:`FormReadError` only for unreadable files."""
    path = str(path)
    package = open_package(path)
    formulas = formula_cells(package, FORM_SHEET)  # first: a corrupt sheet is told apart here
    workbook = open_workbook(package)
    stamp, locked = read_stamp(workbook, path)
    try:
        indicators = [indicator_from_payload(item) for item in locked.get("indicators", [])]
    except (KeyError, TypeError, ValueError, AttributeError):
        raise FormReadError(path, "stamp_missing", msg("stamp_missing", path=path, sheet=STAMP_SHEET),
                            sheet=STAMP_SHEET) from None
    if FORM_SHEET not in workbook.sheet_names:
        found = ", ".join(f"'{name}'" for name in workbook.sheet_names if name != STAMP_SHEET) or "-"
        raise FormReadError(path, "form_sheet_missing",
                            msg("form_sheet_missing", sheet=FORM_SHEET, path=path, found=found),
                            sheet=FORM_SHEET)
    rows = sheet_rows(workbook, FORM_SHEET, path)
    sha = hashlib.sha256(package.data).hexdigest()
    header_row, columns = _find_table(rows)
    rule = locked["achievement"]
    form = ReturnedForm(path=path, sha256=sha, stamp=stamp, locked=locked, indicators=indicators,
                        achievement=AchievementRule(float(rule["threshold"]), rule["inclusive"]),
                        divisi_order=list(locked["divisi_order"]),
                        header=_header_values(rows, header_row), columns=columns, header_row=header_row,
                        formulas=formulas)
    if header_row < 0:
        return form
    code_col = columns.get(COL_CODE, 0)
    letters = {key: xl_col_to_name(c) for key, c in columns.items()}  # faster than a1() per cell
    wanted = {i.code for i in indicators}
    wanted |= {f"{i.code}.{n}" for i in indicators for n in range(1, len(i.sub_labels) + 1)}
    for r in range(header_row + 1, len(rows)):
        row = rows[r]
        code = row[code_col] if code_col < len(row) else None
        if not isinstance(code, str) or not code.strip():
            continue
        code = code.strip()
        if code in form.rows:
            form.duplicate_codes.append(RawCell(code, a1(r, code_col)))
        elif code in wanted:
            form.rows[code] = {key: RawCell(row[c] if c < len(row) else None, f"{letters[key]}{r + 1}")
                               for key, c in columns.items()}
            form.row_index[code] = r
        elif SUBROW_RE.match(code) or _looks_like_code(code):
            form.unknown_codes.append(RawCell(code, a1(r, code_col)))
    return form


def formula_cells(package: Package, sheet: str) -> dict[str, str]:
    """A1 address → formula text ("" for a shared one) of every formula cell of ``sheet``.

    calamine reports only the cached values of formulas, so the sheet XML is
    scanned for them (see :data:`_FORMULA_CELL`).
    """
    part = package.sheet_part(sheet)
    if part is None:
        return {}
    return {match.group(1).decode("ascii"): _xml_text(match.group(2) or match.group(3) or b"")
            for match in _FORMULA_CELL.finditer(package.read(part))}


def _xml_text(raw: bytes) -> str:
    text = raw.decode("utf-8", "replace")
    return unescape(text, {"&quot;": '"', "&apos;": "'"}) if "&" in text else text


def _looks_like_code(text: str) -> bool:
    return len(text) <= 40 and " " not in text and any(ch.isdigit() for ch in text)


def _find_table(rows: list[list[Any]]) -> tuple[int, dict[str, int]]:
    """The header row (0-based, −1 when absent) and column key → index."""
    for r, row in enumerate(rows[:60]):
        titles = {str(v).strip().casefold(): c for c, v in enumerate(row) if isinstance(v, str) and v.strip()}
        if "kode ikk" in titles:
            return r, {TITLE_TO_KEY[t]: c for t, c in titles.items() if t in TITLE_TO_KEY}
    return -1, {}


def _header_values(rows: list[list[Any]], header_row: int) -> dict[str, RawCell]:
    """The header block's values, found by their labels in column A above the table."""
    found: dict[str, RawCell] = {}
    for r, row in enumerate(rows[:header_row if header_row >= 0 else 60]):
        label = row[0].strip() if row and isinstance(row[0], str) else ""
        if label in HEADER_KEYS and HEADER_KEYS[label] not in found and HEADER_VALUE_COL < len(row):
            found[HEADER_KEYS[label]] = RawCell(row[HEADER_VALUE_COL], a1(r, HEADER_VALUE_COL))
    return found
