"""Entry points for the buttons of the Excel control workbook (``lkjip-xl button``).

The control workbook (see :mod:`lkjip_xl.button`) has a sheet "Kendali" with
settings cells and two form buttons.  Each button runs, through xlwings'
``RunPython``, one of the two functions of this module:

- :func:`periksa` validates the Divisi forms (what ``lkjip-xl validate`` does);
- :func:`konsolidasi` writes the consolidated workbook (``lkjip-xl consolidate``).

Both are thin glue around plain-data functions that run without Excel:

- :func:`settings_from_values` turns the settings cells into :class:`Settings`;
- :func:`run_from_settings` runs the library and returns an :class:`Outcome`
  (never raises: every failure becomes an Indonesian status);
- :meth:`Outcome.cells` and :meth:`Outcome.table_rows` are the values to put
  into the sheet, which :func:`write_outcome_to_file` (openpyxl) or the xlwings
  glue write.

:func:`run_on_file` does the whole round trip on a control workbook file, which
is how the tests drive it on a machine without Excel.

xlwings is imported only inside :func:`periksa` / :func:`konsolidasi`, so this
module imports (and its helpers work) without the ``excel`` extra.
"""

from __future__ import annotations

import errno
import os
import stat
import sys
import warnings
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from pathlib import Path
from typing import Any, Callable, Mapping

from .fileio import OutputError, OutputExistsError, atomic_output, guard_outputs
from .messages import msg, visible
from .report import ERROR, SEVERITY_LABEL, Problem
from .xlsx import date_text, excel_serial

# --------------------------------------------------------------------------- layout of "Kendali"

#: The sheet the buttons read their settings from and write their results to.
SHEET = "Kendali"
#: The xlwings settings sheet (must keep exactly this name for xlwings to read it).
CONF_SHEET = "xlwings.conf"

ACTION_PERIKSA = "periksa"
ACTION_KONSOLIDASI = "konsolidasi"
ACTIONS = (ACTION_PERIKSA, ACTION_KONSOLIDASI)


@dataclass(frozen=True)
class SettingField:
    """One settings cell: its key, A1 address, label (column A) and hint (column C)."""

    key: str
    cell: str
    label: str
    hint: str


SETTINGS_FIELDS: tuple[SettingField, ...] = (
    SettingField("folder", "B5", "Folder formulir Divisi",
                 "Folder berisi formulir .xlsx kiriman Divisi, misalnya C:\\LKjIP\\2023\\formulir"),
    SettingField("master", "B6", "Berkas master PK (.xlsx)",
                 "Misalnya C:\\LKjIP\\2023\\master_pk_2023.xlsx"),
    SettingField("output", "B7", "Berkas hasil konsolidasi (.xlsx)",
                 "Boleh kosong: hasil disimpan di folder buku kerja ini sebagai "
                 "Konsolidasi_LKjIP_<tahun>.xlsx. Jangan di dalam folder formulir."),
    SettingField("tahun", "B8", "Tahun", "Tahun Perjanjian Kinerja, misalnya 2023"),
    SettingField("timpa", "B9", "Timpa berkas hasil bila sudah ada?", "Ya atau Tidak"),
)
FIELD_BY_KEY = {f.key: f for f in SETTINGS_FIELDS}

#: Row (1-based) on which the two buttons sit.
BUTTON_ROW = 11

STATE_CELL = "B13"
STATUS_CELL = "B14"
TIME_CELL = "B15"
FORMS_CELL = "B16"
ERRORS_CELL = "B17"
WARNINGS_CELL = "B18"
HEADLINE_CELL = "B19"
OUTPUT_CELL = "B20"

#: Label (column A) of each result cell, in sheet order.
RESULT_LABELS: tuple[tuple[str, str], ...] = (
    (STATE_CELL, "Keadaan"),
    (STATUS_CELL, "Status"),
    (TIME_CELL, "Waktu proses"),
    (FORMS_CELL, "Formulir dibaca"),
    (ERRORS_CELL, "Kesalahan"),
    (WARNINGS_CELL, "Peringatan"),
    (HEADLINE_CELL, "IKK tercapai"),
    (OUTPUT_CELL, "Berkas hasil"),
)

TABLE_TITLE_CELL = "A22"
TABLE_HEADER_ROW = 23
TABLE_FIRST_ROW = 24
TABLE_COLUMNS = ("Berkas", "Pesan", "Sheet", "Sel", "IKK", "Tingkat", "Kode")
TABLE_LAST_COL = "G"
#: At most this many problems are listed; a last row says how many more there are.
MAX_TABLE_ROWS = 2000
TABLE_CLEAR_RANGE = f"A{TABLE_FIRST_ROW}:{TABLE_LAST_COL}{TABLE_FIRST_ROW + MAX_TABLE_ROWS + 1}"

STATE_RUNNING = "BERJALAN"
STATE_OK = "SELESAI"
STATE_FIX = "PERLU PERBAIKAN"
STATE_FAILED = "GAGAL"

YES_WORDS = {"ya", "y", "yes", "true", "1", "benar"}
NO_WORDS = {"tidak", "t", "no", "n", "false", "0", "salah", ""}

# --------------------------------------------------------------------------- settings


@dataclass(frozen=True)
class Settings:
    """The settings cells as typed, plus where the control workbook lives."""

    folder: Any = None
    master: Any = None
    output: Any = None
    tahun: Any = None
    timpa: Any = None
    #: Folder of the control workbook: relative paths are taken from there ("" = unknown).
    base_dir: str = ""
    #: File name of the control workbook, used as the "file" of settings problems.
    workbook: str = ""


def settings_from_values(values: Mapping[str, Any], base_dir: str = "", workbook: str = "") -> Settings:
    """Settings from ``{key: cell value}`` (keys of :data:`SETTINGS_FIELDS`)."""
    return Settings(**{f.key: values.get(f.key) for f in SETTINGS_FIELDS},
                    base_dir=base_dir, workbook=workbook)


def base_dir_of(fullname: str) -> str:
    """Folder of a workbook's full name; "" when it is a URL (OneDrive/SharePoint) or unsaved."""
    if not fullname or "://" in fullname or not os.path.dirname(fullname):
        return ""
    return os.path.dirname(fullname)


# --------------------------------------------------------------------------- outcome


@dataclass
class Outcome:
    """What a button click produced, as plain values for the sheet."""

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
        """One row per problem (columns :data:`TABLE_COLUMNS`), errors first."""
        ordered = sorted(self.problems, key=lambda p: 0 if p.is_error else 1)
        rows = [[visible(value) for value in (_display_file(p.file, self.folder), p.message, p.sheet, p.cell, p.ikk,
                                              SEVERITY_LABEL.get(p.severity, p.severity), p.code)]
                for p in ordered[:MAX_TABLE_ROWS]]
        if len(ordered) > MAX_TABLE_ROWS:
            rows.append(["", msg("kendali_more_problems", count=len(ordered) - MAX_TABLE_ROWS),
                         "", "", "", "", ""])
        return rows


def running_outcome(action: str) -> Outcome:
    """What the sheet shows while a button's work is in progress."""
    return Outcome(action, STATE_RUNNING, msg("kendali_running"), finished=_now())


def _now() -> str:
    return datetime.now().strftime("%d-%m-%Y %H:%M:%S")


def _display_file(path: str, folder: str) -> str:
    if path and folder:
        try:
            return str(Path(path).resolve().relative_to(Path(folder).resolve()))
        except (ValueError, OSError):
            pass
    return path


# --------------------------------------------------------------------------- the work


class _SettingsInvalid(Exception):
    def __init__(self, problems: list[Problem]):
        super().__init__("settings")
        self.problems = problems


def run_from_settings(settings: Settings, action: str = ACTION_PERIKSA) -> Outcome:
    """Run ``action`` ("periksa" or "konsolidasi") with ``settings``; never raises.

    The same library functions as the CLI do the work
    (:func:`lkjip_xl.validate.validate_paths`, :func:`lkjip_xl.consolidate.consolidate`);
    every outcome, failures included, is an Indonesian status plus a list of problems.
    """
    try:
        if action not in ACTIONS:
            raise ValueError(f"unknown action {action!r}")
        return _run(settings, action)
    except _SettingsInvalid as exc:
        return _settings_outcome(action, exc.problems)
    except Exception as exc:  # the promise: no traceback dialog, a sentence instead
        detail = f"{type(exc).__name__}: {exc}"
        problem = Problem(settings.workbook, "kendali_unexpected", msg("kendali_unexpected", detail=detail),
                          ERROR, sheet=SHEET, cell=STATUS_CELL)
        return Outcome(action, STATE_FAILED, problem.message, problems=[problem], finished=_now())


def _settings_outcome(action: str, problems: list[Problem]) -> Outcome:
    errors = [p for p in problems if p.is_error]
    if len(errors) == 1:
        status = errors[0].message
    else:
        status = msg("kendali_settings_invalid", count=len(errors))
    return Outcome(action, STATE_FIX, status, errors=len(errors),
                   warnings=len(problems) - len(errors), problems=problems, finished=_now())


def _run(settings: Settings, action: str) -> Outcome:
    from .master import MasterError, read_master
    from .validate import expand_paths

    folder, master_path, tahun, timpa = _check_settings(settings)
    try:
        master = read_master(master_path)
    except MasterError as exc:
        problems = list(exc.problems)
        return Outcome(action, STATE_FIX, msg("kendali_master_invalid", path=str(master_path)),
                       errors=sum(p.is_error for p in problems),
                       warnings=sum(not p.is_error for p in problems), problems=problems, finished=_now())
    field_tahun = FIELD_BY_KEY["tahun"]
    if tahun is not None and master.year != tahun:
        raise _SettingsInvalid([_setting_problem(
            settings, "tahun", "kendali_year_mismatch",
            path=str(master_path), found=master.year, expected=tahun, cell=field_tahun.cell)])
    output = _output_path(settings, master.year) if action == ACTION_KONSOLIDASI else None
    if output is not None and _same_key(output) == _same_key(master_path):
        raise _SettingsInvalid([_setting_problem(settings, "output", "kendali_output_is_master",
                                                 path=str(output))])

    files, listing_problems = expand_paths([folder])
    skip = {_same_key(master_path)} | ({_same_key(output)} if output else set())
    files = [f for f in files if _same_key(Path(f)) not in skip]
    if not files:
        raise _SettingsInvalid([_setting_problem(settings, "folder", "kendali_no_forms", path=str(folder))])

    if action == ACTION_PERIKSA:
        from .validate import validate_paths

        report = validate_paths(files, master=master)
        problems = listing_problems + report.problems
        errors = sum(p.is_error for p in problems)
        warnings = len(problems) - errors
        if errors:
            status = msg("kendali_periksa_errors", errors=errors, warnings=warnings, forms=len(files))
            state = STATE_FIX
        else:
            status = msg("kendali_periksa_ok", forms=len(files), warnings=warnings)
            state = STATE_OK
        return Outcome(action, state, status, forms=len(files), errors=errors, warnings=warnings,
                       problems=problems, finished=_now(), folder=str(folder))

    from .consolidate import consolidate

    assert output is not None
    control = Path(settings.base_dir) / settings.workbook if settings.base_dir and settings.workbook else None
    try:  # the one output guard: never an input, never in the forms folder, a path that can be a file
        guard_outputs([output], [folder, master_path, control], timpa, check_existing=False)
    except OutputError as exc:
        raise _SettingsInvalid([_output_problem(settings, exc)]) from None
    try:  # an existing output is refused only once the forms are valid (consolidate checks last)
        result = consolidate(files, str(output), master=master, force=timpa)
    except OutputExistsError:
        raise _SettingsInvalid([_output_exists_problem(settings, output)]) from None
    except OutputError as exc:
        if exc.code == "output_not_writable":
            raise _SettingsInvalid([_setting_problem(settings, "output", "kendali_output_locked", path=str(output),
                                                     detail=exc.fields.get("detail", ""))]) from None
        raise _SettingsInvalid([_output_problem(settings, exc)]) from None
    problems = listing_problems + result.report.problems
    errors = sum(p.is_error for p in problems)
    warnings = len(problems) - errors
    if result.output is None:
        in_forms = sum(p.is_error and p.code != "forms_refused" for p in problems)
        return Outcome(action, STATE_FIX, msg("kendali_konsolidasi_refused", errors=in_forms, forms=len(files)),
                       forms=len(files), errors=errors, warnings=warnings, problems=problems,
                       finished=_now(), folder=str(folder))
    headline = result.summary.headline if result.summary is not None else ""
    return Outcome(action, STATE_OK,
                   msg("kendali_konsolidasi_ok", headline=headline, path=str(result.output)),
                   forms=len(files), errors=errors, warnings=warnings, headline=headline,
                   output=str(result.output), problems=problems, finished=_now(), folder=str(folder))


def _check_settings(settings: Settings) -> tuple[Path, Path, int | None, bool]:
    """Folder, master, year and overwrite flag, or :class:`_SettingsInvalid` with every problem."""
    problems: list[Problem] = []
    folder = master = None
    tahun: int | None = None
    timpa = False

    folder_text = _path_text(settings, "folder", problems)
    if folder_text == "":
        problems.append(_missing(settings, "folder"))
    elif folder_text is not None:
        folder = _resolve(settings, "folder", folder_text, problems)
        kind, reason = _probe(folder)
        if kind == "invalid":
            problems.append(_setting_problem(settings, "folder", "kendali_path_invalid", path=str(folder),
                                             reason=reason))
        elif kind == "missing":
            problems.append(_setting_problem(settings, "folder", "kendali_folder_missing", path=str(folder)))
        elif kind in ("file", "other"):
            problems.append(_setting_problem(settings, "folder", "kendali_not_folder", path=str(folder)))

    master_text = _path_text(settings, "master", problems)
    if master_text == "":
        problems.append(_missing(settings, "master"))
    elif master_text is not None:
        master = _resolve(settings, "master", master_text, problems)
        kind, reason = _probe(master)
        if kind == "invalid":
            problems.append(_setting_problem(settings, "master", "kendali_path_invalid", path=str(master),
                                             reason=reason))
        elif kind == "dir":
            problems.append(_setting_problem(settings, "master", "kendali_master_not_file", path=str(master)))
        elif kind in ("missing", "other"):
            problems.append(_setting_problem(settings, "master", "kendali_master_missing", path=str(master)))

    raw_year = settings.tahun
    if not _blank(raw_year) and not _error_value(settings, "tahun", problems):
        tahun = parse_year(raw_year)
        if tahun is None and isinstance(raw_year, (date, time, timedelta)):
            problems.append(_setting_problem(settings, "tahun", "kendali_year_date", shown=shown_value(raw_year)))
        elif tahun is None:
            problems.append(_setting_problem(settings, "tahun", "kendali_year_invalid", value=shown_value(raw_year)))

    if not _error_value(settings, "timpa", problems):
        flag = parse_yes_no(settings.timpa)
        if flag is None:
            problems.append(_setting_problem(settings, "timpa", "kendali_yes_no_invalid",
                                             value=shown_value(settings.timpa)))
        else:
            timpa = flag

    if problems:
        raise _SettingsInvalid(problems)
    assert folder is not None and master is not None
    return folder, master, tahun, timpa


def _output_path(settings: Settings, year: int) -> Path:
    problems: list[Problem] = []
    text = _path_text(settings, "output", problems)
    if text is None:
        raise _SettingsInvalid(problems)
    if not text:
        if not settings.base_dir:
            raise _SettingsInvalid([_missing(settings, "output")])
        output = Path(settings.base_dir) / f"Konsolidasi_LKjIP_{year}.xlsx"
    else:
        resolved = _resolve(settings, "output", text, problems)
        if resolved is None:
            raise _SettingsInvalid(problems)
        output = resolved if resolved.suffix else resolved.with_suffix(".xlsx")
    if output.suffix.lower() != ".xlsx":
        raise _SettingsInvalid([_setting_problem(settings, "output", "kendali_output_not_xlsx", path=str(output))])
    folder = _resolve(settings, "folder", clean_path_text(settings.folder), [])
    if folder is not None and _same_key(output.parent) == _same_key(folder):
        raise _SettingsInvalid([_setting_problem(settings, "output", "kendali_output_in_forms", path=str(output))])
    return output


def _output_problem(settings: Settings, exc: OutputError) -> Problem:
    """An output refused by the guard or a failed write, at the output setting's cell."""
    return Problem(settings.workbook, exc.code, exc.message, ERROR, sheet=SHEET, cell=FIELD_BY_KEY["output"].cell)


def _output_exists_problem(settings: Settings, output: Path) -> Problem:
    timpa = FIELD_BY_KEY["timpa"]
    return _setting_problem(settings, "output", "kendali_output_exists", path=str(output),
                            label=timpa.label, timpa_cell=timpa.cell)


def _resolve(settings: Settings, key: str, text: str, problems: list[Problem]) -> Path | None:
    path = Path(os.path.expanduser(os.path.expandvars(text)))
    if path.is_absolute():
        return path
    if not settings.base_dir:
        problems.append(_setting_problem(settings, key, "kendali_relative_path", path=text))
        return None
    return Path(settings.base_dir) / path


def _same_key(path: Path | None) -> str:
    if path is None:
        return ""
    try:
        return os.path.normcase(str(path.resolve()))
    except OSError:
        return os.path.normcase(str(path))


def _missing(settings: Settings, key: str) -> Problem:
    return _setting_problem(settings, key, "kendali_setting_missing")


def _setting_problem(settings: Settings, key: str, code: str, **fields: Any) -> Problem:
    setting = FIELD_BY_KEY[key]
    fields.setdefault("label", setting.label)
    fields.setdefault("cell", setting.cell)
    fields.setdefault("sheet", SHEET)
    return Problem(settings.workbook, code, msg(code, **fields), ERROR, sheet=SHEET, cell=setting.cell)


def _blank(value: Any) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


class ControlWorkbookError(Exception):
    """The control workbook cannot be read (no workbook, no "Kendali" sheet); ``str()`` says so in Indonesian."""


#: What Excel shows in a cell whose formula failed (openpyxl reads these as text).
EXCEL_ERRORS = frozenset({
    "#NULL!", "#DIV/0!", "#VALUE!", "#REF!", "#NAME?", "#NUM!", "#N/A", "#GETTING_DATA", "#SPILL!",
    "#CALC!", "#FIELD!", "#BLOCKED!", "#UNKNOWN!", "#CONNECT!", "#BUSY!",
})


def shown_value(value: Any) -> str:
    """A settings cell value as Excel shows it: 2023.0 as 2023, a date as 15/07/1905, TRUE as BENAR."""
    if isinstance(value, bool):
        return "BENAR" if value else "SALAH"
    if isinstance(value, (date, time, timedelta)):
        return date_text(value)
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return "" if value is None else str(value)


def _error_value(settings: Settings, key: str, problems: list[Problem]) -> bool:
    """True (and a problem) when the cell shows an Excel error such as #REF!."""
    value = getattr(settings, key)
    if isinstance(value, str) and value.strip().upper() in EXCEL_ERRORS:
        problems.append(_setting_problem(settings, key, "kendali_error_value", value=value.strip()))
        return True
    return False


def _path_text(settings: Settings, key: str, problems: list[Problem]) -> str | None:
    """The path typed into a settings cell ("" when empty); ``None`` (and a problem) when it is no text."""
    value = getattr(settings, key)
    if _error_value(settings, key, problems):
        return None
    if isinstance(value, (bool, date, time, timedelta)):
        problems.append(_setting_problem(settings, key, "kendali_not_text", value=shown_value(value)))
        return None
    return clean_path_text(value)


def _probe(path: Path | None) -> tuple[str, str]:
    """What ``path`` is: "dir", "file", "other" (a device, ...), "missing", or "invalid" and why."""
    if path is None:
        return "none", ""
    try:
        mode = os.stat(path).st_mode
    except (FileNotFoundError, NotADirectoryError):
        return "missing", ""
    except OSError as exc:
        return "invalid", _os_reason(exc)
    except ValueError:  # a NUL character in the path
        return "invalid", msg("path_reason_chars")
    return ("dir" if stat.S_ISDIR(mode) else "file" if stat.S_ISREG(mode) else "other"), ""


def _os_reason(exc: OSError) -> str:
    """Why the operating system refused a path, in Indonesian (never its English text)."""
    if exc.errno == errno.ENAMETOOLONG:
        return msg("path_reason_too_long")
    if exc.errno in (errno.EACCES, errno.EPERM):
        return msg("path_reason_denied")
    if exc.errno == errno.EINVAL or getattr(exc, "winerror", None) == 123:  # 123: a character Windows forbids
        return msg("path_reason_chars")
    return msg("path_reason_other", detail=errno.errorcode.get(exc.errno or 0, "?"))


def clean_path_text(value: Any) -> str:
    """A path cell as text: trimmed, surrounding quotes removed ("Copy as path" adds them)."""
    if _blank(value):
        return ""
    text = shown_value(value).strip()
    if len(text) >= 2 and text[0] == text[-1] and text[0] in "\"'":
        text = text[1:-1].strip()
    return text


def parse_year(value: Any) -> int | None:
    """2023, 2023.0 or "2023" → 2023; anything else (or outside 2000–2100) → ``None``.

    2023 typed into a date-formatted cell reads as the date 15/07/1905: its
    number (1900 date system, as every workbook ``lkjip-xl button`` writes) is the year.
    """
    if isinstance(value, bool):
        return None
    if isinstance(value, (date, time, timedelta)):
        value = excel_serial(value)
        if value is None:
            return None
    if isinstance(value, (int, float)):
        if value != int(value):
            return None
        year = int(value)
    else:
        text = str(value).strip()
        if not text.isdigit():
            return None
        year = int(text)
    return year if 2000 <= year <= 2100 else None


def parse_yes_no(value: Any) -> bool | None:
    """Ya/Tidak (and TRUE/FALSE, 1/0, empty = Tidak) → bool; anything else → ``None``."""
    if value is None:
        return False
    if isinstance(value, bool):
        return value
    if isinstance(value, (int, float)):
        return bool(value) if value in (0, 1) else None
    text = str(value).strip().lower()
    if text in YES_WORDS:
        return True
    if text in NO_WORDS:
        return False
    return None


# --------------------------------------------------------------------------- workbook files (no Excel)


def _check_before_openpyxl(path: Path) -> None:
    """The pre-flight checks every input workbook passes (:func:`lkjip_xl.safety.checked_package`:
    no bomb, every sheet bounded), as a :class:`ControlWorkbookError`."""
    from .safety import FormReadError, checked_package

    try:
        checked_package(str(path))
    except FormReadError as exc:  # a sheet out of bounds is named; anything else is no control workbook
        if exc.code in ("sheet_too_large", "sheet_cell_invalid"):
            raise ControlWorkbookError(exc.message) from None
        raise ControlWorkbookError(msg("kendali_workbook_not_excel", path=str(path), sheet=SHEET)) from None


def read_settings_from_file(path: str | os.PathLike) -> Settings:
    """The settings cells of a control workbook file (read with openpyxl, no Excel)."""
    import openpyxl

    path = Path(path)
    _check_before_openpyxl(path)
    try:
        with warnings.catch_warnings():  # only values are read: parts openpyxl would drop do not matter
            warnings.simplefilter("ignore")
            workbook = openpyxl.load_workbook(path, read_only=True, data_only=True, keep_vba=False)
    except Exception:  # openpyxl raises many types for what is no workbook (zip, XML, key errors)
        raise ControlWorkbookError(msg("kendali_workbook_not_excel", path=str(path), sheet=SHEET)) from None
    try:
        if SHEET not in workbook.sheetnames:
            found = ", ".join(f"'{name}'" for name in workbook.sheetnames) or "-"
            raise ControlWorkbookError(msg("kendali_sheet_missing", path=str(path), sheet=SHEET, found=found))
        sheet = workbook[SHEET]
        values = {f.key: sheet[f.cell].value for f in SETTINGS_FIELDS}
    finally:
        workbook.close()
    return settings_from_values(values, base_dir=str(path.resolve().parent), workbook=path.name)


def write_outcome_to_file(path: str | os.PathLike, outcome: Outcome) -> None:
    """Write ``outcome`` into the "Kendali" sheet of a control workbook file, keeping its VBA and buttons."""
    import openpyxl
    from openpyxl.styles import Alignment

    path = Path(path)
    _check_before_openpyxl(path)
    keep_vba = path.suffix.lower() == ".xlsm"
    with warnings.catch_warnings():  # extensions openpyxl cannot keep: none in the workbook lkjip-xl writes
        warnings.simplefilter("ignore")
        workbook = openpyxl.load_workbook(path, keep_vba=keep_vba)
    sheet = workbook[SHEET]
    _apply(outcome, lambda cell, value: _set_openpyxl(sheet[cell], value),
           clear=lambda: _clear_openpyxl(sheet))
    wrap = Alignment(wrap_text=True, vertical="top")
    for row in range(TABLE_FIRST_ROW, TABLE_FIRST_ROW + len(outcome.table_rows())):
        sheet[f"B{row}"].alignment = wrap
    with atomic_output(path, force=True) as tmp:
        workbook.save(tmp)


def run_on_file(path: str | os.PathLike, action: str = ACTION_PERIKSA) -> Outcome:
    """What a button does, on a control workbook file: read settings, run, write back."""
    path = Path(path)
    try:
        settings = read_settings_from_file(path)
    except ControlWorkbookError as exc:  # no workbook, or no "Kendali" sheet
        return Outcome(action, STATE_FAILED, str(exc), finished=_now())
    outcome = run_from_settings(settings, action)
    write_outcome_to_file(path, outcome)
    return outcome


def _apply(outcome: Outcome, set_cell: Callable[[str, Any], None], clear: Callable[[], None]) -> None:
    clear()
    for cell, value in outcome.cells().items():
        set_cell(cell, value)
    for r, row in enumerate(outcome.table_rows()):
        for c, value in enumerate(row):
            set_cell(f"{chr(ord('A') + c)}{TABLE_FIRST_ROW + r}", value or None)


def _set_openpyxl(cell, value: Any) -> None:
    if isinstance(value, str):
        value = visible(value)  # control characters shown: openpyxl refuses some, and none may reorder text
    cell.value = value
    if isinstance(value, str) and value.startswith("="):
        cell.data_type = "s"  # text, never a formula


def _clear_openpyxl(sheet) -> None:
    last = max(sheet.max_row, TABLE_FIRST_ROW)
    for row in sheet.iter_rows(min_row=TABLE_FIRST_ROW, max_row=last, max_col=len(TABLE_COLUMNS)):
        for cell in row:
            cell.value = None


# --------------------------------------------------------------------------- xlwings glue (Excel only)


def periksa() -> None:
    """Button "Periksa": validate the forms named on the calling workbook."""
    _run_from_excel(ACTION_PERIKSA)


def konsolidasi() -> None:
    """Button "Konsolidasi": write the consolidated workbook named on the calling workbook."""
    _run_from_excel(ACTION_KONSOLIDASI)


def _run_from_excel(action: str) -> None:
    try:
        import xlwings as xw
    except ImportError:
        _give_up(msg("xlwings_missing"))
        return
    try:
        book = xw.Book.caller()
        sheet = book.sheets[SHEET]
    except Exception as exc:
        _give_up(msg("kendali_no_caller", sheet=SHEET, detail=f"{type(exc).__name__}: {exc}"))
        return
    try:
        _write_xlwings(sheet, running_outcome(action))
        values = {f.key: sheet.range(f.cell).value for f in SETTINGS_FIELDS}
        settings = settings_from_values(values, base_dir_of(book.fullname), book.name)
        outcome = run_from_settings(settings, action)
        _write_xlwings(sheet, outcome)
    except Exception as exc:
        _give_up(msg("kendali_write_failed", sheet=SHEET, detail=f"{type(exc).__name__}: {exc}"))


def _write_xlwings(sheet, outcome: Outcome) -> None:
    sheet.range(TABLE_CLEAR_RANGE).clear_contents()
    for cell, value in outcome.cells().items():
        sheet.range(cell).value = _as_text(value)
    rows = outcome.table_rows()
    if rows:
        sheet.range(f"A{TABLE_FIRST_ROW}").value = [[_as_text(v) for v in row] for row in rows]


def _as_text(value: Any) -> Any:
    """Strings go in as text (a leading apostrophe stops Excel reading "=…" or "1-2" as formula/date)."""
    return "'" + visible(value) if isinstance(value, str) and value else value


def _give_up(message: str) -> None:
    """Last resort when the workbook cannot be written: one Indonesian sentence, no traceback.

    RunPython shows what the process wrote to stderr when it exits non-zero.
    """
    sys.stderr.write(message + "\n")
    sys.stderr.flush()
    raise SystemExit(1)
