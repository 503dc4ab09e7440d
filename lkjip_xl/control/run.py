"""What a button of the control workbook does.

- :func:`run_from_settings` checks the settings and runs the library's own
  functions — :func:`lkjip_xl.validate.validate_paths` for "Periksa",
  :func:`lkjip_xl.consolidate.consolidate` for "Konsolidasi", the same the
  command line calls — and returns an :class:`~lkjip_xl.control.outcome.Outcome`.
  It never raises: every failure becomes an Indonesian status plus problems.
- :func:`run_on_file` does the whole round trip on a control workbook file
  (read settings, run, write back; no Excel), which is how the tests drive it.
- :func:`run_in_excel` does it in Excel, on the workbook whose button was
  clicked (xlwings, imported only there).  ``lkjip_xl.excel.periksa()`` and
  ``konsolidasi()``, which the buttons call, are this function.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from ..guard import OutputError, OutputExistsError, guard_outputs
from ..messages import msg
from ..problems import ERROR, Problem
from .layout import (
    ACTION_KONSOLIDASI, ACTION_PERIKSA, ACTIONS, FIELD_BY_KEY, SHEET, STATE_FAILED, STATE_FIX, STATE_OK, STATUS_CELL,
)
from .outcome import Outcome, now, running_outcome
from .settings import (
    Checked, Settings, SettingsInvalid, check_settings, output_exists_problem, output_path, output_problem,
    same_key, setting_problem,
)
from .sheet import (
    ControlWorkbookError, read_settings_from_file, read_settings_xlwings, write_outcome_to_file, write_outcome_xlwings,
)

if TYPE_CHECKING:
    from ..model import Master


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
    except SettingsInvalid as exc:
        return _settings_outcome(action, exc.problems)
    except Exception as exc:  # the promise: no traceback dialog, a sentence instead
        detail = f"{type(exc).__name__}: {exc}"
        problem = Problem(settings.workbook, "kendali_unexpected", msg("kendali_unexpected", detail=detail),
                          ERROR, sheet=SHEET, cell=STATUS_CELL)
        return Outcome(action, STATE_FAILED, problem.message, problems=[problem], finished=now())


def run_on_file(path: str | os.PathLike, action: str = ACTION_PERIKSA) -> Outcome:
    """What a button does, on a control workbook file: read settings, run, write back."""
    path = Path(path)
    try:
        settings = read_settings_from_file(path)
    except ControlWorkbookError as exc:  # no workbook, or no "Kendali" sheet
        return Outcome(action, STATE_FAILED, str(exc), finished=now())
    outcome = run_from_settings(settings, action)
    write_outcome_to_file(path, outcome)
    return outcome


def run_in_excel(action: str) -> None:
    """What a button does in Excel: on the workbook that called it, show "running", run, write the outcome.

    Only when that workbook cannot be reached or written does it print one
    Indonesian sentence to stderr and exit 1, which ``RunPython`` shows in a
    message box (no traceback).
    """
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
        write_outcome_xlwings(sheet, running_outcome(action))
        outcome = run_from_settings(read_settings_xlwings(book, sheet), action)
        write_outcome_xlwings(sheet, outcome)
    except Exception as exc:
        _give_up(msg("kendali_write_failed", sheet=SHEET, detail=f"{type(exc).__name__}: {exc}"))


def _give_up(message: str) -> None:
    """Last resort when the workbook cannot be written: one Indonesian sentence, no traceback.

    RunPython shows what the process wrote to stderr when it exits non-zero.
    """
    sys.stderr.write(message + "\n")
    sys.stderr.flush()
    raise SystemExit(1)


# --------------------------------------------------------------------------- the work


def _settings_outcome(action: str, problems: list[Problem]) -> Outcome:
    errors = [p for p in problems if p.is_error]
    if len(errors) == 1:
        status = errors[0].message
    else:
        status = msg("kendali_settings_invalid", count=len(errors))
    return Outcome(action, STATE_FIX, status, errors=len(errors),
                   warnings=len(problems) - len(errors), problems=problems, finished=now())


def _counts(problems: list[Problem]) -> tuple[int, int]:
    errors = sum(p.is_error for p in problems)
    return errors, len(problems) - errors


def _run(settings: Settings, action: str) -> Outcome:
    from ..master import MasterError, read_master

    checked = check_settings(settings)
    try:
        master = read_master(checked.master)
    except MasterError as exc:
        problems = list(exc.problems)
        errors, warnings = _counts(problems)
        return Outcome(action, STATE_FIX, msg("kendali_master_invalid", path=str(checked.master)),
                       errors=errors, warnings=warnings, problems=problems, finished=now())
    if checked.tahun is not None and master.year != checked.tahun:
        raise SettingsInvalid([setting_problem(
            settings, "tahun", "kendali_year_mismatch",
            path=str(checked.master), found=master.year, expected=checked.tahun, cell=FIELD_BY_KEY["tahun"].cell)])
    output = output_path(settings, master.year) if action == ACTION_KONSOLIDASI else None
    if output is not None and same_key(output) == same_key(checked.master):
        raise SettingsInvalid([setting_problem(settings, "output", "kendali_output_is_master", path=str(output))])
    files, listing_problems = _forms(settings, checked, output)
    if action == ACTION_PERIKSA:
        return _periksa(checked, master, files, listing_problems)
    assert output is not None
    return _konsolidasi(settings, checked, master, files, listing_problems, output)


def _forms(settings: Settings, checked: Checked, output: Path | None) -> tuple[list[str], list[Problem]]:
    """The forms of the folder (without the master and the output), and what the listing skipped."""
    from ..inputs import expand_paths

    files, listing_problems = expand_paths([checked.folder])
    skip = {same_key(checked.master)} | ({same_key(output)} if output else set())
    files = [f for f in files if same_key(Path(f)) not in skip]
    if not files:
        raise SettingsInvalid([setting_problem(settings, "folder", "kendali_no_forms", path=str(checked.folder))])
    return files, listing_problems


def _periksa(checked: Checked, master: Master, files: list[str], listing_problems: list[Problem]) -> Outcome:
    from ..validate import validate_paths

    report = validate_paths(files, master=master)
    problems = listing_problems + report.problems
    errors, warnings = _counts(problems)
    if errors:
        status = msg("kendali_periksa_errors", errors=errors, warnings=warnings, forms=len(files))
        state = STATE_FIX
    else:
        status = msg("kendali_periksa_ok", forms=len(files), warnings=warnings)
        state = STATE_OK
    return Outcome(ACTION_PERIKSA, state, status, forms=len(files), errors=errors, warnings=warnings,
                   problems=problems, finished=now(), folder=str(checked.folder))


def _konsolidasi(settings: Settings, checked: Checked, master: Master, files: list[str],
                 listing_problems: list[Problem], output: Path) -> Outcome:
    from ..consolidate import consolidate

    try:  # the one output guard: never an input, never in the forms folder, a path that can be a file
        guard_outputs([output], [checked.folder, checked.master, settings.control_path], checked.timpa,
                      check_existing=False)
    except OutputError as exc:
        raise SettingsInvalid([output_problem(settings, exc)]) from None
    try:  # an existing output is refused only once the forms are valid (consolidate checks last)
        result = consolidate(files, str(output), master=master, force=checked.timpa)
    except OutputExistsError:
        raise SettingsInvalid([output_exists_problem(settings, output)]) from None
    except OutputError as exc:
        if exc.code == "output_not_writable":
            raise SettingsInvalid([setting_problem(settings, "output", "kendali_output_locked", path=str(output),
                                                   detail=exc.fields.get("detail", ""))]) from None
        raise SettingsInvalid([output_problem(settings, exc)]) from None
    problems = listing_problems + result.report.problems
    errors, warnings = _counts(problems)
    if result.output is None:
        in_forms = sum(p.is_error and p.code != "forms_refused" for p in problems)
        return Outcome(ACTION_KONSOLIDASI, STATE_FIX,
                       msg("kendali_konsolidasi_refused", errors=in_forms, forms=len(files)),
                       forms=len(files), errors=errors, warnings=warnings, problems=problems,
                       finished=now(), folder=str(checked.folder))
    headline = result.summary.headline if result.summary is not None else ""
    return Outcome(ACTION_KONSOLIDASI, STATE_OK,
                   msg("kendali_konsolidasi_ok", headline=headline, path=str(result.output)),
                   forms=len(files), errors=errors, warnings=warnings, headline=headline,
                   output=str(result.output), problems=problems, finished=now(), folder=str(checked.folder))
