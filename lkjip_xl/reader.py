"""Read returned forms with python-calamine (about 10× faster than openpyxl).

:func:`read_form` returns the raw cell values of a form, each with its A1
address, plus its stamp.  It interprets nothing: turning cells into numbers
and problems is :mod:`lkjip_xl.validate`'s job.  A file that cannot be read at
all raises :class:`FormReadError`, the only exception of this module.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from python_calamine import CalamineWorkbook

from .fileio import sha256_file
from .layout import (
    COL_CODE, FORM_SHEET, HEADER_FIELDS, HEADER_VALUE_COL, STAMP_KEYS, STAMP_MAGIC, STAMP_SHEET,
    SUBROW_RE, TITLE_TO_KEY,
)
from .messages import msg
from .model import AchievementRule, Direction, Indicator, Method, QuarterRule
from .xlsx import a1


class FormReadError(Exception):
    """A file cannot be read as a form at all (``code`` names the reason)."""

    def __init__(self, path: str, code: str, message: str, sheet: str = ""):
        super().__init__(message)
        self.path = path
        self.code = code
        self.message = message
        self.sheet = sheet


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

    @property
    def achievement(self) -> AchievementRule:
        return AchievementRule(float(self.stamp.get("achievement_threshold", "100")),
                               self.stamp.get("achievement_inclusive", "1") == "1")

    @property
    def divisi_order(self) -> list[str]:
        try:
            return list(json.loads(self.stamp.get("divisi_order", "[]")))
        except ValueError:
            return [self.divisi]


def open_workbook(path: str) -> CalamineWorkbook:
    """Open an .xlsx with calamine; raise :class:`FormReadError` when it is no workbook."""
    if not os.path.exists(path):
        raise FormReadError(path, "file_not_found", msg("file_not_found", path=path))
    try:
        return CalamineWorkbook.from_path(path)
    except Exception as exc:  # calamine raises several error types for bad files
        raise FormReadError(path, "file_unreadable",
                            msg("file_unreadable", path=path, detail=_describe(exc))) from None


def _describe(exc: Exception) -> str:
    text = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
    return text[:200]


def read_stamp(workbook: CalamineWorkbook, path: str) -> tuple[dict[str, str], dict[str, Any]]:
    """The stamp key/values and the locked content JSON of a form."""
    if STAMP_SHEET not in workbook.sheet_names:
        raise FormReadError(path, "stamp_missing", msg("stamp_missing", path=path, sheet=STAMP_SHEET),
                            sheet=STAMP_SHEET)
    rows = workbook.get_sheet_by_name(STAMP_SHEET).to_python(skip_empty_area=False)
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
    if stamp.get("format") != STAMP_MAGIC or not isinstance(locked, dict):
        raise FormReadError(path, "stamp_missing", msg("stamp_missing", path=path, sheet=STAMP_SHEET),
                            sheet=STAMP_SHEET)
    return stamp, locked


def indicator_from_payload(data: dict[str, Any]) -> Indicator:
    """Rebuild an :class:`Indicator` from the stamp's locked content."""
    return Indicator(
        code=data["code"], divisi=data["divisi"], sk_no=int(data["sk_no"]), sk_text=data["sk_text"],
        ikk_no=int(data["ikk_no"]), text=data["text"], unit=data["unit"], target=float(data["target"]),
        method=Method(data["method"]), scale_divisor=float(data.get("scale_divisor", 1.0)),
        sub_labels=tuple(data.get("sub_labels", ())), direction=Direction(data.get("direction", "naik")),
        nihil=bool(data.get("nihil", False)), quarter_rule=QuarterRule(data.get("quarter_rule", "nilai_akhir")),
        may_be_negative=bool(data.get("may_be_negative", False)), anggaran=data.get("anggaran"),
        renstra_scale_factor=float(data.get("renstra_scale_factor", 1.0)),
        method_note=data.get("method_note", ""),
    )


def read_form(path: str | Path) -> ReturnedForm:
    """Read one returned form.  Raises :class:`FormReadError` only for unreadable files."""
    path = str(path)
    workbook = open_workbook(path)
    stamp, locked = read_stamp(workbook, path)
    try:
        indicators = [indicator_from_payload(item) for item in locked.get("indicators", [])]
    except (KeyError, TypeError, ValueError):
        raise FormReadError(path, "stamp_missing", msg("stamp_missing", path=path, sheet=STAMP_SHEET),
                            sheet=STAMP_SHEET) from None
    if FORM_SHEET not in workbook.sheet_names:
        raise FormReadError(path, "form_sheet_missing", msg("form_sheet_missing", sheet=FORM_SHEET, path=path),
                            sheet=FORM_SHEET)
    rows = workbook.get_sheet_by_name(FORM_SHEET).to_python(skip_empty_area=False)
    sha = sha256_file(path)
    header_row, columns = _find_table(rows)
    form = ReturnedForm(path=path, sha256=sha, stamp=stamp, locked=locked, indicators=indicators,
                        header=_header_values(rows), columns=columns, header_row=header_row)
    if header_row < 0:
        return form
    code_col = columns.get(COL_CODE, 0)
    wanted = {i.code for i in indicators}
    wanted_sub = {f"{i.code}.{n}" for i in indicators for n in range(1, len(i.sub_labels) + 1)}
    for r in range(header_row + 1, len(rows)):
        row = rows[r]
        code = row[code_col] if code_col < len(row) else None
        if not isinstance(code, str) or not code.strip():
            continue
        code = code.strip()
        cells = {key: RawCell(row[c] if c < len(row) else None, a1(r, c)) for key, c in columns.items()}
        if code in wanted or code in wanted_sub:
            if code not in form.rows:
                form.rows[code] = cells
                form.row_index[code] = r
        elif SUBROW_RE.match(code) or _looks_like_code(code):
            form.unknown_codes.append(RawCell(code, a1(r, code_col)))
    return form


def _looks_like_code(text: str) -> bool:
    return len(text) <= 40 and " " not in text and any(ch.isdigit() for ch in text)


def _find_table(rows: list[list[Any]]) -> tuple[int, dict[str, int]]:
    """The header row (0-based, −1 when absent) and column key → index."""
    for r, row in enumerate(rows[:60]):
        titles = {str(v).strip().casefold(): c for c, v in enumerate(row) if isinstance(v, str) and v.strip()}
        if "kode ikk" in titles:
            return r, {TITLE_TO_KEY[t]: c for t, c in titles.items() if t in TITLE_TO_KEY}
    return -1, {}


def _header_values(rows: list[list[Any]]) -> dict[str, RawCell]:
    keys = {"Kantor Wilayah": "kanwil", "Tahun": "tahun", "Divisi": "divisi", "Periode": "periode"}
    found: dict[str, RawCell] = {}
    for label, _, row in HEADER_FIELDS:
        if row < len(rows) and HEADER_VALUE_COL < len(rows[row]):
            found[keys[label]] = RawCell(rows[row][HEADER_VALUE_COL], a1(row, HEADER_VALUE_COL))
    return found
