"""The one description of the control workbook's sheet "Kendali".

Read by both sides: :mod:`lkjip_xl.control.build` writes the sheet from it and
:mod:`lkjip_xl.control.sheet` / :mod:`lkjip_xl.control.settings` read settings
from and write results to the cells named here.  Every word shown on the sheet
comes from :mod:`lkjip_xl.messages`.
"""

from __future__ import annotations

from dataclasses import dataclass

from .._values import NO, YES
from ..messages import LABELS, msg

#: The sheet the buttons read their settings from and write their results to.
SHEET = LABELS["sheet_kendali"]
#: The xlwings settings sheet (must keep exactly this name for xlwings to read it).
CONF_SHEET = "xlwings.conf"

#: The module whose functions the buttons run (``lkjip_xl.excel.periksa()``); every
#: control workbook ever handed out names it, so it stays importable.
ENTRY_MODULE = "lkjip_xl.excel"

ACTION_PERIKSA = "periksa"
ACTION_KONSOLIDASI = "konsolidasi"
ACTIONS = (ACTION_PERIKSA, ACTION_KONSOLIDASI)

# --------------------------------------------------------------------------- title (rows 1-3)

TITLE_CELL = "A1"
INTRO_RANGE = "A2:C2"
MADE_WITH_CELL = "A3"

# --------------------------------------------------------------------------- settings (rows 4-9)

#: Row (1-based) of the "PENGATURAN" header above the settings.
SETTINGS_HEADER_ROW = 4


@dataclass(frozen=True)
class SettingField:
    """One settings cell: its key, A1 address, label (column A) and hint (column C)."""

    key: str
    cell: str
    label: str
    hint: str

    @property
    def row(self) -> int:
        return int(self.cell[1:])

    @property
    def label_cell(self) -> str:
        return f"A{self.row}"

    @property
    def hint_cell(self) -> str:
        return f"C{self.row}"


def _field(key: str, cell: str) -> SettingField:
    return SettingField(key, cell, msg(f"kendali_label_{key}"), msg(f"kendali_hint_{key}"))


SETTINGS_FIELDS: tuple[SettingField, ...] = (
    _field("folder", "B5"),
    _field("master", "B6"),
    _field("output", "B7"),
    _field("tahun", "B8"),
    _field("timpa", "B9"),
)
FIELD_BY_KEY = {f.key: f for f in SETTINGS_FIELDS}
#: The choices of the "timpa" cell and the one it starts with.
YES_NO_CHOICES = (YES, NO)
TIMPA_DEFAULT = YES_NO_CHOICES[1]

# --------------------------------------------------------------------------- the buttons (row 11)

#: Row (1-based) on which the two buttons sit.
BUTTON_ROW = 11
#: (caption, action) of each button, left to right; the action is also the
#: function of :mod:`lkjip_xl.excel` the button runs.
BUTTONS: tuple[tuple[str, str], ...] = (
    (msg("kendali_button_periksa"), ACTION_PERIKSA),
    (msg("kendali_button_konsolidasi"), ACTION_KONSOLIDASI),
)
BUTTON_SIZE = (150, 36)  # pixels
BUTTON_GAP = 20  # pixels between two buttons

# --------------------------------------------------------------------------- results (rows 12-20)

#: Row (1-based) of the "HASIL" header above the result cells.
RESULTS_HEADER_ROW = BUTTON_ROW + 1

STATE_CELL = "B13"
STATUS_CELL = "B14"
TIME_CELL = "B15"
FORMS_CELL = "B16"
ERRORS_CELL = "B17"
WARNINGS_CELL = "B18"
HEADLINE_CELL = "B19"
OUTPUT_CELL = "B20"

#: Label (column A) of each result cell, in sheet order.
RESULT_LABELS: tuple[tuple[str, str], ...] = tuple(
    (cell, msg(f"kendali_result_{name}")) for cell, name in (
        (STATE_CELL, "state"),
        (STATUS_CELL, "status"),
        (TIME_CELL, "time"),
        (FORMS_CELL, "forms"),
        (ERRORS_CELL, "errors"),
        (WARNINGS_CELL, "warnings"),
        (HEADLINE_CELL, "headline"),
        (OUTPUT_CELL, "output"),
    ))

#: What the state cell shows (the builder colours each one).
STATE_RUNNING = msg("kendali_state_running")
STATE_OK = msg("kendali_state_ok")
STATE_FIX = msg("kendali_state_fix")
STATE_FAILED = msg("kendali_state_failed")

# --------------------------------------------------------------------------- the problem table (row 22 on)

TABLE_TITLE_CELL = "A22"
TABLE_HEADER_ROW = 23
TABLE_FIRST_ROW = 24
TABLE_COLUMNS = tuple(msg("kendali_table_columns").split(";"))
TABLE_LAST_COL = chr(ord("A") + len(TABLE_COLUMNS) - 1)
#: At most this many problems are listed; a last row says how many more there are.
MAX_TABLE_ROWS = 2000
TABLE_CLEAR_RANGE = f"A{TABLE_FIRST_ROW}:{TABLE_LAST_COL}{TABLE_FIRST_ROW + MAX_TABLE_ROWS + 1}"

#: Column widths of "Kendali" (A…G); the results table shares the columns.
COLUMN_WIDTHS = (34, 72, 40, 8, 14, 13, 24)

# --------------------------------------------------------------------------- sheet "xlwings.conf"

#: xlwings reads its keys from column A, from A1 down to the first blank cell.
CONF_INTERPRETER_KEY = "Interpreter_Win"
CONF_INTERPRETER_CELL = "B1"
