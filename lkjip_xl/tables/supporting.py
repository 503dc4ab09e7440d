"""The supporting-table list: sheet "Tabel Pendukung" (:func:`read_supporting`).

It names the tables the Divisi prepare themselves and where they are
numbered: before an IKK's tables, or at the end (AKHIR).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from .._values import blank
from ..messages import LABELS
from ..problems import Problem
from .inputs import COL_SOURCE, InputError, InputSheet, clean_text, open_input

SHEET_SUPPORTING = LABELS["sheet_supporting"]
AKHIR = LABELS["supporting_end"]  #: position of a supporting table after all other tables

COL_BEFORE = LABELS["col_sebelum"]
COL_TITLE = LABELS["col_judul_tabel"]


@dataclass(frozen=True)
class SupportingTable:
    """A table the user prepares, numbered before an IKK's tables (``before`` = its code) or at the end (AKHIR)."""

    before: str
    title: str
    source: str = ""


def read_supporting(path: str | Path, codes: Iterable[str]) -> tuple[SupportingTable, ...]:
    """The supporting-table list: sheet "Tabel Pendukung", one row per table in order.

    Column Sebelum holds the code of the IKK whose tables the supporting table
    precedes (one of ``codes``, any case) or AKHIR; column Judul Tabel its title.
    """
    problems: list[Problem] = []
    sheet = InputSheet(*open_input(path, (SHEET_SUPPORTING,)), SHEET_SUPPORTING, problems)
    if not sheet.find_header((COL_BEFORE, COL_TITLE), (COL_SOURCE,)):
        raise InputError(problems)
    positions = {code.casefold(): code for code in (*codes, AKHIR)}
    tables = []
    for r, line in sheet.rows():
        raw_before, before_cell = sheet.cell(line, r, COL_BEFORE)
        position = positions.get(clean_text(raw_before).casefold())
        title, title_cell = sheet.cell(line, r, COL_TITLE)
        if position is None:
            sheet.report("supporting_position_invalid", before_cell, value=clean_text(raw_before))
        elif blank(title):
            sheet.report("supporting_title_missing", title_cell)
        else:
            tables.append(SupportingTable(position, clean_text(title), clean_text(sheet.cell(line, r, COL_SOURCE)[0])))
    if problems:
        raise InputError(problems)
    return tuple(tables)
