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
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, time, timedelta
from pathlib import Path
from typing import Any

from .._values import blank, parse_year, parse_yes_no
from ..errors import INPUT, LkjipError
from ..guard import OutputError
from ..messages import msg
from ..problems import ERROR, Problem
from ..xlsx import date_text
from .layout import FIELD_BY_KEY, SETTINGS_FIELDS, SHEET

#: What Excel shows in a cell whose formula failed (openpyxl reads these as text).
EXCEL_ERRORS = frozenset({
    "#NULL!", "#DIV/0!", "#VALUE!", "#REF!", "#NAME?", "#NUM!", "#N/A", "#GETTING_DATA", "#SPILL!",
    "#CALC!", "#FIELD!", "#BLOCKED!", "#UNKNOWN!", "#CONNECT!", "#BUSY!",
})


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

    @property
    def control_path(self) -> Path | None:
        """The control workbook itself, when its folder is known."""
        return Path(self.base_dir) / self.workbook if self.base_dir and self.workbook else None


@dataclass(frozen=True)
class Checked:
    """The settings every action needs, checked: forms folder, master, year (``None``: any), overwrite."""

    folder: Path
    master: Path
    tahun: int | None
    timpa: bool


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


def _path_setting(settings: Settings, key: str, problems: list[Problem], refusals: dict[str, str]) -> Path | None:
    """The path of setting ``key`` resolved, each refusal a problem naming its cell; ``None`` when blank or bad."""
    text = _path_text(settings, key, problems)
    if text == "":
        problems.append(_missing(settings, key))
        return None
    if text is None:
        return None
    path = _resolve(settings, key, text, problems)
    kind, reason = _probe(path)
    code = refusals.get(kind)
    if code is not None:
        fields = {"reason": reason} if code == "kendali_path_invalid" else {}
        problems.append(setting_problem(settings, key, code, path=str(path), **fields))
    return path


def check_settings(settings: Settings) -> Checked:
    """Folder, master, year and overwrite flag, or :class:`SettingsInvalid` with every problem."""
    problems: list[Problem] = []
    tahun: int | None = None
    timpa = False

    folder = _path_setting(settings, "folder", problems, _FOLDER_REFUSALS)
    master = _path_setting(settings, "master", problems, _MASTER_REFUSALS)

    raw_year = settings.tahun
    if not blank(raw_year) and not _error_value(settings, "tahun", problems):
        tahun = parse_year(raw_year)
        if tahun is None and isinstance(raw_year, (date, time, timedelta)):
            problems.append(setting_problem(settings, "tahun", "kendali_year_date", shown=shown_value(raw_year)))
        elif tahun is None:
            problems.append(setting_problem(settings, "tahun", "kendali_year_invalid", value=shown_value(raw_year)))

    if not _error_value(settings, "timpa", problems):
        flag = parse_yes_no(settings.timpa)
        if flag is None:
            problems.append(setting_problem(settings, "timpa", "kendali_yes_no_invalid",
                                            value=shown_value(settings.timpa)))
        else:
            timpa = flag

    if problems:
        raise SettingsInvalid(problems)
    assert folder is not None and master is not None
    return Checked(folder, master, tahun, timpa)


def output_path(settings: Settings, year: int) -> Path:
    """The consolidated workbook's path (default: beside the control workbook), or :class:`SettingsInvalid`."""
    problems: list[Problem] = []
    text = _path_text(settings, "output", problems)
    if text is None:
        raise SettingsInvalid(problems)
    if not text:
        if not settings.base_dir:
            raise SettingsInvalid([_missing(settings, "output")])
        output = Path(settings.base_dir) / msg("filename_control_output", year=year)  # the output cell left empty
    else:
        resolved = _resolve(settings, "output", text, problems)
        if resolved is None:
            raise SettingsInvalid(problems)
        output = resolved if resolved.suffix else resolved.with_suffix(".xlsx")
    if output.suffix.lower() != ".xlsx":
        raise SettingsInvalid([setting_problem(settings, "output", "kendali_output_not_xlsx", path=str(output))])
    folder = _resolve(settings, "folder", clean_path_text(settings.folder), [])
    if folder is not None and same_key(output.parent) == same_key(folder):
        raise SettingsInvalid([setting_problem(settings, "output", "kendali_output_in_forms", path=str(output))])
    return output


# --------------------------------------------------------------------------- problems at a settings cell


def setting_problem(settings: Settings, key: str, code: str, **fields: Any) -> Problem:
    """Problem ``code`` at the cell of setting ``key``; its message names the label, sheet and cell."""
    setting = FIELD_BY_KEY[key]
    fields.setdefault("label", setting.label)
    fields.setdefault("cell", setting.cell)
    fields.setdefault("sheet", SHEET)
    return Problem(settings.workbook, code, msg(code, **fields), ERROR, sheet=SHEET, cell=setting.cell)


def output_problem(settings: Settings, exc: OutputError) -> Problem:
    """An output refused by the guard or a failed write, at the output setting's cell."""
    return Problem(settings.workbook, exc.code, exc.message, ERROR, sheet=SHEET, cell=FIELD_BY_KEY["output"].cell)


def output_exists_problem(settings: Settings, output: Path) -> Problem:
    """The output exists and "timpa" is not Ya: the message names both cells."""
    timpa = FIELD_BY_KEY["timpa"]
    return setting_problem(settings, "output", "kendali_output_exists", path=str(output),
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


def _path_text(settings: Settings, key: str, problems: list[Problem]) -> str | None:
    """The path typed into a settings cell ("" when empty); ``None`` (and a problem) when it is no text."""
    value = getattr(settings, key)
    if _error_value(settings, key, problems):
        return None
    if isinstance(value, (bool, date, time, timedelta)):
        problems.append(setting_problem(settings, key, "kendali_not_text", value=shown_value(value)))
        return None
    return clean_path_text(value)


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
