"""The settings cells of sheet "Kendali": reading what was typed and checking it.

Plain data in, plain data out, no Excel: :func:`settings_from_values` turns the
cell values into :class:`Settings`; :func:`check_settings` and
:func:`output_path` turn those into paths, a year and an overwrite flag, or
raise :class:`SettingsInvalid` with every problem found.  Each problem is an
Indonesian message naming sheet 'Kendali' and the cell (:func:`setting_problem`);
no exception text of Python or the operating system is ever shown.
"""

from __future__ import annotations

import errno
import os
import stat
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date, time, timedelta
from pathlib import Path
from typing import Any

from .._values import blank, parse_year, parse_yes_no
from ..errors import INPUT, LkjipError
from ..guard import OutputError
from ..messages import msg
from ..problems import ERROR, Problem
from ..xlsx import date_text
from .layout import (
    FIELD_BY_KEY, FILE_IN, FILE_OUT, FILES_IN, FOLDER_IN, FOLDER_OUT, PATH_KINDS, SETTINGS_FIELDS, SHEET, YES_NO,
)

#: What Excel shows in a cell whose formula failed (openpyxl reads these as text).
EXCEL_ERRORS = frozenset({
    "#NULL!", "#DIV/0!", "#VALUE!", "#REF!", "#NAME?", "#NUM!", "#N/A", "#GETTING_DATA", "#SPILL!",
    "#CALC!", "#FIELD!", "#BLOCKED!", "#UNKNOWN!", "#CONNECT!", "#BUSY!",
})


@dataclass(frozen=True)
class Settings:
    """The settings cells as typed (keys of :data:`~lkjip_xl.control.layout.SETTINGS_FIELDS`), plus where
    the control workbook lives."""

    folder: Any = None
    master: Any = None
    output: Any = None
    tahun: Any = None
    timpa: Any = None
    formulir_baru: Any = None
    periode: Any = None
    sebelumnya: Any = None
    salinan: Any = None
    tahun_lalu: Any = None
    renstra: Any = None
    anggaran: Any = None
    pendukung: Any = None
    rencana_aksi: Any = None
    tabel: Any = None
    laporan: Any = None
    pdf: Any = None
    python: Any = None
    #: Folder of the control workbook: relative paths are taken from there ("" = unknown).
    base_dir: str = ""
    #: File name of the control workbook, used as the "file" of settings problems.
    workbook: str = ""

    @property
    def control_path(self) -> Path | None:
        """The control workbook itself, when its folder is known."""
        return Path(self.base_dir) / self.workbook if self.base_dir and self.workbook else None


@dataclass(frozen=True)
class Checked:
    """The settings an action asked for, checked: master, year (``None``: any), overwrite, and its paths."""

    master: Path
    tahun: int | None
    timpa: bool
    #: Setting key → the paths it names (none when the cell is empty); Ya/Tidak settings in :attr:`flags`.
    paths: Mapping[str, tuple[Path, ...]] = field(default_factory=dict)
    flags: Mapping[str, bool] = field(default_factory=dict)

    def path(self, key: str) -> Path | None:
        """The path of setting ``key``, ``None`` when its cell is empty."""
        found = self.paths.get(key, ())
        return found[0] if found else None

    @property
    def folder(self) -> Path:
        """The folder of the filled forms (asked for by Periksa, Salinan Pemeriksaan and Konsolidasi)."""
        folder = self.path("folder")
        assert folder is not None, "an action reading forms asks for this setting"
        return folder


class SettingsInvalid(LkjipError):
    """The settings cannot be used; ``problems`` says why, cell by cell."""

    kind = INPUT

    def __init__(self, problems: list[Problem]):
        super().__init__(problems=problems)


def settings_from_values(values: Mapping[str, Any], base_dir: str = "", workbook: str = "") -> Settings:
    """Settings from ``{key: cell value}`` (keys of :data:`~lkjip_xl.control.layout.SETTINGS_FIELDS`)."""
    return Settings(**{f.key: values.get(f.key) for f in SETTINGS_FIELDS},
                    base_dir=base_dir, workbook=workbook)


def base_dir_of(fullname: str) -> str:
    """Folder of a workbook's full name; "" when it is a URL (OneDrive/SharePoint) or unsaved."""
    if not fullname or "://" in fullname or not os.path.dirname(fullname):
        return ""
    return os.path.dirname(fullname)


# --------------------------------------------------------------------------- checks


#: What a path setting must not be: the kind :func:`_probe` finds → the problem it is.
_FOLDER_REFUSALS = {"invalid": "kendali_path_invalid", "missing": "kendali_folder_missing",
                    "file": "kendali_not_folder", "other": "kendali_not_folder"}
_MASTER_REFUSALS = {"invalid": "kendali_path_invalid", "dir": "kendali_master_not_file",
                    "missing": "kendali_master_missing", "other": "kendali_master_missing"}
_REFUSALS = {
    FOLDER_IN: _FOLDER_REFUSALS,
    FOLDER_OUT: {"invalid": "kendali_path_invalid", "file": "kendali_out_not_folder",
                 "other": "kendali_out_not_folder"},
    FILE_IN: {"invalid": "kendali_path_invalid", "dir": "kendali_not_file", "missing": "kendali_file_missing",
              "other": "kendali_file_missing"},
    FILE_OUT: {"invalid": "kendali_path_invalid"},  # the rest is the output guard's (lkjip_xl.guard)
}


def _path_setting(settings: Settings, key: str, problems: list[Problem]) -> list[Path]:
    """The paths of setting ``key`` resolved (several for a ";"-separated list), each refusal a problem
    naming its cell; none when the cell is empty (a problem if the setting is required) or unusable."""
    setting = FIELD_BY_KEY[key]
    if not _is_text(settings, key, problems):
        return []
    value = getattr(settings, key)
    shown = "" if blank(value) else shown_value(value)
    pieces = shown.split(";") if setting.kind == FILES_IN else [shown]
    texts = [text for text in (clean_path_text(piece) for piece in pieces) if text]
    if not texts and setting.required:
        problems.append(_missing(settings, key))
    refusals = _MASTER_REFUSALS if key == "master" else _REFUSALS[FILE_IN if setting.kind == FILES_IN
                                                                   else setting.kind]
    found = []
    for text in texts:
        path = _resolve(settings, key, text, problems)
        if path is None:
            continue
        kind, reason = _probe(path)
        code = refusals.get(kind)
        if code is not None:
            fields = {"reason": reason} if code == "kendali_path_invalid" else {}
            problems.append(setting_problem(settings, key, code, path=str(path), **fields))
        found.append(path)
    return found


def check_settings(settings: Settings, keys: Iterable[str] = ("folder",)) -> Checked:
    """The master, year and overwrite flag, and the settings ``keys`` an action uses (paths and Ya/Tidak),
    or :class:`SettingsInvalid` with every problem, in sheet order."""
    problems: list[Problem] = []
    tahun: int | None = None
    paths: dict[str, tuple[Path, ...]] = {}
    flags: dict[str, bool] = {}
    wanted = {"master", "tahun", "timpa", *keys}
    for setting in SETTINGS_FIELDS:
        key = setting.key
        if key not in wanted:
            continue
        if setting.kind in PATH_KINDS:
            paths[key] = tuple(_path_setting(settings, key, problems))
        elif setting.kind == YES_NO:
            flags[key] = _yes_no_setting(settings, key, problems)
        elif key == "tahun":
            tahun = _year_setting(settings, problems)
    if problems:
        raise SettingsInvalid(problems)
    master = paths["master"][0]
    return Checked(master, tahun, flags["timpa"], paths, flags)


def _year_setting(settings: Settings, problems: list[Problem]) -> int | None:
    raw = settings.tahun
    if blank(raw) or _error_value(settings, "tahun", problems):
        return None
    tahun = parse_year(raw)
    if tahun is None and isinstance(raw, (date, time, timedelta)):
        problems.append(setting_problem(settings, "tahun", "kendali_year_date", shown=shown_value(raw)))
    elif tahun is None:
        problems.append(setting_problem(settings, "tahun", "kendali_year_invalid", value=shown_value(raw)))
    return tahun


def _yes_no_setting(settings: Settings, key: str, problems: list[Problem]) -> bool:
    if _error_value(settings, key, problems):
        return False
    flag = parse_yes_no(getattr(settings, key))
    if flag is None:
        problems.append(setting_problem(settings, key, "kendali_yes_no_invalid",
                                        value=shown_value(getattr(settings, key))))
    return bool(flag)


def output_path(settings: Settings, year: int, key: str = "output") -> Path:
    """The file written for setting ``key`` ("output", "tabel", "laporan"; by default its own name beside
    the control workbook), or :class:`SettingsInvalid`."""
    setting = FIELD_BY_KEY[key]
    suffix = f".{setting.extension}"
    problems: list[Problem] = []
    found = _path_setting(settings, key, problems)
    if problems:
        raise SettingsInvalid(problems)
    if found:
        output = found[0] if found[0].suffix else found[0].with_suffix(suffix)
    elif settings.base_dir:
        output = Path(settings.base_dir) / msg(f"filename_control_{key}", year=year)  # the cell left empty
    else:
        raise SettingsInvalid([_missing(settings, key)])
    if output.suffix.lower() != suffix:
        raise SettingsInvalid([setting_problem(settings, key, "kendali_output_not_xlsx", path=str(output),
                                               suffix=suffix)])
    folder = _resolve(settings, "folder", clean_path_text(settings.folder), [])
    if folder is not None and same_key(output.parent) == same_key(folder):
        raise SettingsInvalid([setting_problem(settings, key, "kendali_output_in_forms", path=str(output))])
    return output


# --------------------------------------------------------------------------- problems at a settings cell


def setting_problem(settings: Settings, key: str, code: str, **fields: Any) -> Problem:
    """Problem ``code`` at the cell of setting ``key``; its message names the label, sheet and cell."""
    setting = FIELD_BY_KEY[key]
    fields.setdefault("label", setting.label)
    fields.setdefault("cell", setting.cell)
    fields.setdefault("sheet", SHEET)
    return Problem(settings.workbook, code, msg(code, **fields), ERROR, sheet=SHEET, cell=setting.cell)


def output_problem(settings: Settings, exc: OutputError, key: str = "output") -> Problem:
    """An output refused by the guard or a failed write, at the cell of output setting ``key``."""
    return refused_problem(settings, key, exc)


def refused_problem(settings: Settings, key: str, exc: LkjipError) -> Problem:
    """What the library refused (its own Indonesian sentence) at the cell of setting ``key``."""
    return said_at(settings, key, exc.code or "kendali_setting_refused", exc.message)


def said_at(settings: Settings, key: str, code: str, reason: str, severity: str = ERROR) -> Problem:
    """A sentence of the library (a refusal, a warning) said at the cell of setting ``key``."""
    setting = FIELD_BY_KEY[key]
    return Problem(settings.workbook, code, msg("kendali_setting_refused", reason=reason, label=setting.label,
                                                sheet=SHEET, cell=setting.cell), severity, sheet=SHEET,
                   cell=setting.cell)


def output_exists_problem(settings: Settings, output: Path, key: str = "output") -> Problem:
    """An output of setting ``key`` exists and "timpa" is not Ya: the message names both cells."""
    timpa = FIELD_BY_KEY["timpa"]
    return setting_problem(settings, key, "kendali_output_exists", path=str(output),
                           label=timpa.label, timpa_cell=timpa.cell)


def _missing(settings: Settings, key: str) -> Problem:
    return setting_problem(settings, key, "kendali_setting_missing")


def _error_value(settings: Settings, key: str, problems: list[Problem]) -> bool:
    """True (and a problem) when the cell shows an Excel error such as #REF!."""
    value = getattr(settings, key)
    if isinstance(value, str) and value.strip().upper() in EXCEL_ERRORS:
        problems.append(setting_problem(settings, key, "kendali_error_value", value=value.strip()))
        return True
    return False


def _is_text(settings: Settings, key: str, problems: list[Problem]) -> bool:
    """False (and a problem) when a path cell holds an Excel error, a truth value or a date."""
    value = getattr(settings, key)
    if _error_value(settings, key, problems):
        return False
    if isinstance(value, (bool, date, time, timedelta)):
        problems.append(setting_problem(settings, key, "kendali_not_text", value=shown_value(value)))
        return False
    return True


# --------------------------------------------------------------------------- paths


def _resolve(settings: Settings, key: str, text: str, problems: list[Problem]) -> Path | None:
    path = Path(os.path.expanduser(os.path.expandvars(text)))
    if path.is_absolute():
        return path
    if not settings.base_dir:
        problems.append(setting_problem(settings, key, "kendali_relative_path", path=text))
        return None
    return Path(settings.base_dir) / path


def same_key(path: Path | None) -> str:
    """A key under which two names of the same file compare equal ("" for ``None``)."""
    if path is None:
        return ""
    try:
        return os.path.normcase(str(path.resolve()))
    except OSError:
        return os.path.normcase(str(path))


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


# --------------------------------------------------------------------------- cell values


def shown_value(value: Any) -> str:
    """A settings cell value as Excel shows it: 2023.0 as 2023, a date as 15/07/1905, TRUE as BENAR."""
    if isinstance(value, bool):
        return msg("kendali_shown_true") if value else msg("kendali_shown_false")
    if isinstance(value, (date, time, timedelta)):
        return date_text(value)
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return "" if value is None else str(value)


def clean_path_text(value: Any) -> str:
    """A path cell as text: trimmed, surrounding quotes removed ("Copy as path" adds them)."""
    if blank(value):
        return ""
    text = shown_value(value).strip()
    if len(text) >= 2 and text[0] == text[-1] and text[0] in "\"'":
        text = text[1:-1].strip()
    return text
