"""What a button click produced, as plain values for sheet "Kendali"."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from ..messages import msg, visible
from ..problems import SEVERITY_LABEL, Problem
from .layout import (
    ERRORS_CELL, FORMS_CELL, HEADLINE_CELL, MAX_TABLE_ROWS, OUTPUT_CELL, STATE_CELL, STATE_RUNNING, STATUS_CELL,
    TABLE_COLUMNS, TIME_CELL, WARNINGS_CELL,
)


@dataclass
class Outcome:
    """What a button click produced: state, status sentence, counts and the problems found."""

    action: str
    state: str
    status: str
    forms: int | None = None
    errors: int | None = None
    warnings: int | None = None
    headline: str = ""
    output: str = ""
    problems: list[Problem] = field(default_factory=list)
    finished: str = ""
    #: Folder of the forms: problem files inside it are shown by name only.
    folder: str = ""

    def cells(self) -> dict[str, Any]:
        """A1 address → value for every result cell (``None`` empties the cell)."""
        return {
            STATE_CELL: self.state,
            STATUS_CELL: self.status,
            TIME_CELL: self.finished or None,
            FORMS_CELL: self.forms,
            ERRORS_CELL: self.errors,
            WARNINGS_CELL: self.warnings,
            HEADLINE_CELL: self.headline or None,
            OUTPUT_CELL: self.output or None,
        }

    def table_rows(self) -> list[list[str]]:
        """One row per problem (columns :data:`~lkjip_xl.control.layout.TABLE_COLUMNS`), errors first."""
        ordered = sorted(self.problems, key=lambda p: 0 if p.is_error else 1)
        rows = [[visible(value) for value in (_display_file(p.file, self.folder), p.message, p.cell, p.sheet, p.ikk,
                                              SEVERITY_LABEL.get(p.severity, p.severity), p.code)]
                for p in ordered[:MAX_TABLE_ROWS]]
        if len(ordered) > MAX_TABLE_ROWS:
            more = ["" for _ in TABLE_COLUMNS]
            more[1] = msg("kendali_more_problems", count=len(ordered) - MAX_TABLE_ROWS)
            rows.append(more)
        return rows


def running_outcome(action: str) -> Outcome:
    """What the sheet shows while a button's work is in progress."""
    return Outcome(action, STATE_RUNNING, msg("kendali_running"), finished=now())


def now() -> str:
    """The time a run finished, as the sheet shows it (dd-mm-yyyy hh:mm:ss)."""
    return datetime.now().strftime("%d-%m-%Y %H:%M:%S")


def _display_file(path: str, folder: str) -> str:
    if path and folder:
        try:
            return str(Path(path).resolve().relative_to(Path(folder).resolve()))
        except (ValueError, OSError):
            pass
    return path
