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
from .vba import PICK_FILE, PICK_FOLDER, PICK_SAVE

#: The sheet the buttons read their settings from and write their results to.
SHEET = LABELS["sheet_kendali"]
#: The xlwings settings sheet (must keep exactly this name for xlwings to read it).
CONF_SHEET = "xlwings.conf"
#: The workbook's defined name holding :data:`LAYOUT_VERSION`: a control workbook
#: laid out otherwise (an older release) is refused with a request to rebuild it.
LAYOUT_NAME = "LKJIP_KENDALI_LAYOUT"
LAYOUT_VERSION = 2

#: The module whose functions the buttons run (``lkjip_xl.excel.periksa()``); every
#: control workbook ever handed out names it, so it stays importable.
ENTRY_MODULE = "lkjip_xl.excel"

#: The actions, in the order of the year's work; each is also the function of
#: :mod:`lkjip_xl.excel` its button runs.
ACTION_FORMS = "buat_formulir"
ACTION_PERIKSA = "periksa"
ACTION_FEEDBACK = "salinan_pemeriksaan"
ACTION_KONSOLIDASI = "konsolidasi"
ACTION_TABLES = "tabel_bab3"
ACTION_CHAPTER = "laporan_word"
ACTIONS = (ACTION_FORMS, ACTION_PERIKSA, ACTION_FEEDBACK, ACTION_KONSOLIDASI, ACTION_TABLES, ACTION_CHAPTER)

# --------------------------------------------------------------------------- title (rows 1-3)

TITLE_CELL = "A1"
INTRO_RANGE = "A2:D2"
MADE_WITH_CELL = "A3"

# --------------------------------------------------------------------------- settings (row 4 on)

#: Row (1-based) of the "PENGATURAN" header above the settings.
SETTINGS_HEADER_ROW = 4

#: What a setting holds; it says how the setting is checked and which "Pilih…" button it gets.
FOLDER_IN = "folder_in"  #: an existing folder that is read
FOLDER_OUT = "folder_out"  #: a folder written into (made when missing)
FILE_IN = "file_in"  #: an existing file that is read
FILES_IN = "files_in"  #: one or more existing files, separated by ";"
FILE_OUT = "file_out"  #: a file written (a default name beside the control workbook when empty)
YEAR = "year"
YES_NO = "yes_no"
PERIOD = "period"
PATH_KINDS = (FOLDER_IN, FOLDER_OUT, FILE_IN, FILES_IN, FILE_OUT)


@dataclass(frozen=True)
class SettingField:
    """One settings cell: key, A1 address, label (column A), hint (column D), what it holds."""

    key: str
    cell: str
    label: str
    hint: str
    kind: str = FILE_IN
    #: The file extension of a file setting, without the dot ("xlsx", "docx", "exe").
    extension: str = ""
    #: An empty cell is a problem (when the action uses the setting); otherwise it means "none" or the default.
    required: bool = False

    @property
    def row(self) -> int:
        return int(self.cell[1:])

    @property
    def label_cell(self) -> str:
        return f"A{self.row}"

    @property
    def picker_cell(self) -> str:
        return f"C{self.row}"

    @property
    def hint_cell(self) -> str:
        return f"D{self.row}"

    @property
    def picker(self) -> tuple[str, tuple[str | bool, ...]] | None:
        """(VBA macro, its arguments) of the "Pilih…" button beside the cell, ``None`` without one."""
        if self.kind in (FOLDER_IN, FOLDER_OUT):
            return PICK_FOLDER, (self.cell,)
        if self.kind == FILE_IN:
            return PICK_FILE, (self.cell, self.extension)
        if self.kind == FILES_IN:
            return PICK_FILE, (self.cell, self.extension, True)
        if self.kind == FILE_OUT:
            return PICK_SAVE, (self.cell, self.extension)
        return None


#: The settings block by block: (group, fields as (key, kind, extension, required)).  The first
#: block has no group row: its cells (B5:B9) are those of the first release.
_BLOCKS: tuple[tuple[str, tuple[tuple[str, str, str, bool], ...]], ...] = (
    ("", (("folder", FOLDER_IN, "", True), ("master", FILE_IN, "xlsx", True), ("output", FILE_OUT, "xlsx", False),
          ("tahun", YEAR, "", False), ("timpa", YES_NO, "", False))),
    ("forms", (("formulir_baru", FOLDER_OUT, "", True), ("periode", PERIOD, "", False),
               ("sebelumnya", FOLDER_IN, "", False))),
    ("feedback", (("salinan", FOLDER_OUT, "", True),)),
    ("report", (("tahun_lalu", FILES_IN, "xlsx", False), ("renstra", FILE_IN, "xlsx", False),
                ("anggaran", FILE_IN, "xlsx", False), ("pendukung", FILE_IN, "xlsx", False),
                ("rencana_aksi", FILE_IN, "xlsx", False), ("tabel", FILE_OUT, "xlsx", False),
                ("laporan", FILE_OUT, "docx", False), ("pdf", YES_NO, "", False))),
    ("advanced", (("python", FILE_IN, "exe", False),)),
)


def _lay_out() -> tuple[tuple[SettingField, ...], tuple[tuple[int, str], ...]]:
    fields: list[SettingField] = []
    groups: list[tuple[int, str]] = []
    row = SETTINGS_HEADER_ROW + 1
    for group, block in _BLOCKS:
        if group:
            groups.append((row, msg(f"kendali_group_{group}")))
            row += 1
        for key, kind, extension, required in block:
            fields.append(SettingField(key, f"B{row}", msg(f"kendali_label_{key}"), msg(f"kendali_hint_{key}"),
                                       kind, extension, required))
            row += 1
    return tuple(fields), tuple(groups)


SETTINGS_FIELDS, GROUP_ROWS = _lay_out()
FIELD_BY_KEY = {f.key: f for f in SETTINGS_FIELDS}
#: The choices of a Ya/Tidak cell and the one it starts with.
YES_NO_CHOICES = (YES, NO)
TIMPA_DEFAULT = YES_NO_CHOICES[1]
#: The cell whose python.exe the xlwings settings sheet takes (a formula there links to it).
INTERPRETER_SETTING = FIELD_BY_KEY["python"]

# --------------------------------------------------------------------------- the buttons

#: Row (1-based) of the "JALANKAN" header; the buttons sit on the rows below it, three a row.
RUN_HEADER_ROW = SETTINGS_FIELDS[-1].row + 2
BUTTON_ROW = RUN_HEADER_ROW + 1
BUTTONS_PER_ROW = 3
#: (caption, action) of each button, in the order of the year's work.
BUTTONS: tuple[tuple[str, str], ...] = tuple((msg(f"kendali_button_{action}"), action) for action in ACTIONS)
BUTTON_ROWS = -(-len(BUTTONS) // BUTTONS_PER_ROW)
BUTTON_SIZE = (170, 36)  # pixels
BUTTON_GAP = 16  # pixels between two buttons
PICKER_SIZE = (76, 19)  # pixels: the "Pilih…" buttons of column C

# --------------------------------------------------------------------------- results

#: Row (1-based) of the "HASIL" header above the result cells.
RESULTS_HEADER_ROW = BUTTON_ROW + BUTTON_ROWS + 1
_FIRST_RESULT = RESULTS_HEADER_ROW + 1
_RESULT_NAMES = ("state", "status", "time", "forms", "errors", "warnings", "headline", "output")
(STATE_CELL, STATUS_CELL, TIME_CELL, FORMS_CELL, ERRORS_CELL, WARNINGS_CELL, HEADLINE_CELL,
 OUTPUT_CELL) = (f"B{_FIRST_RESULT + n}" for n in range(len(_RESULT_NAMES)))

#: Label (column A) of each result cell, in sheet order.
RESULT_LABELS: tuple[tuple[str, str], ...] = tuple(
    (f"B{_FIRST_RESULT + n}", msg(f"kendali_result_{name}")) for n, name in enumerate(_RESULT_NAMES))

#: What the state cell shows (the builder colours each one).
STATE_RUNNING = msg("kendali_state_running")
STATE_OK = msg("kendali_state_ok")
STATE_FIX = msg("kendali_state_fix")
STATE_FAILED = msg("kendali_state_failed")

# --------------------------------------------------------------------------- the problem table

TABLE_TITLE_CELL = f"A{_FIRST_RESULT + len(_RESULT_NAMES) + 1}"
TABLE_HEADER_ROW = int(TABLE_TITLE_CELL[1:]) + 1
TABLE_FIRST_ROW = TABLE_HEADER_ROW + 1
TABLE_COLUMNS = tuple(msg("kendali_table_columns").split(";"))
TABLE_LAST_COL = chr(ord("A") + len(TABLE_COLUMNS) - 1)
#: At most this many problems are listed; a last row says how many more there are.
MAX_TABLE_ROWS = 2000
TABLE_CLEAR_RANGE = f"A{TABLE_FIRST_ROW}:{TABLE_LAST_COL}{TABLE_FIRST_ROW + MAX_TABLE_ROWS + 1}"

#: What staff may still do on the protected sheet "Kendali" (XlsxWriter's protect() options; only the
#: settings cells are unlocked): widen columns and rows to read a long message.
SHEET_PROTECTION = {"format_columns": True, "format_rows": True}

#: Column widths of "Kendali" (A…G): label, value, "Pilih…", hint; the problem table shares the
#: columns (file, message, cell, sheet, IKK, level, code).
COLUMN_WIDTHS = (36, 62, 12, 46, 14, 13, 24)

# --------------------------------------------------------------------------- sheet "xlwings.conf"

#: xlwings reads its keys from column A, from A1 down to the first blank cell.
CONF_INTERPRETER_KEY = "Interpreter_Win"
CONF_INTERPRETER_CELL = "B1"
#: Column of the notes on the xlwings sheet (its key and value are A and B).
CONF_NOTE_COLUMN = 3
