"""What a button of the control workbook does, wherever it runs.

- :func:`run_from_settings` runs one action (:mod:`lkjip_xl.control.actions`:
  the library's own functions, the same the command line calls) on the
  settings and returns an :class:`~lkjip_xl.control.outcome.Outcome`.  It
  never raises: every failure becomes an Indonesian status plus problems.
- :func:`run_on_file` does the whole round trip on a control workbook file
  (read settings, run, write back; no Excel), which is how the tests drive it.
- :func:`run_in_excel` does it in Excel, on the workbook whose button was
  clicked (xlwings, imported only there).  The functions of
  :mod:`lkjip_xl.excel` that the buttons call are this function.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from ..errors import LkjipError
from ..messages import msg
from ..problems import ERROR, Problem
from .actions import ACTION_RUNNERS, MasterInvalid, counts
from .layout import ACTION_PERIKSA, SHEET, STATE_FAILED, STATE_FIX, STATUS_CELL
from .outcome import Outcome, now, running_outcome
from .settings import Settings, SettingsInvalid
from .sheet import (
    ControlWorkbookError, read_settings_from_file, read_settings_xlwings, write_outcome_to_file, write_outcome_xlwings,
)


def run_from_settings(settings: Settings, action: str = ACTION_PERIKSA) -> Outcome:
    """Run ``action`` (one of :data:`~lkjip_xl.control.layout.ACTIONS`) with ``settings``; never raises.

    The same library functions as the command line do the work; every
    outcome, failures included, is an Indonesian status plus a list of problems.
    """
    try:
        if action not in ACTION_RUNNERS:
            raise ValueError(f"unknown action {action!r}")
        return ACTION_RUNNERS[action](settings)
    except SettingsInvalid as exc:
        return _fix(action, exc.problems, "kendali_settings_invalid")
    except MasterInvalid as exc:
        outcome = _fix(action, exc.problems, "")
        outcome.status = msg("kendali_master_invalid", path=str(exc.master))
        return outcome
    except LkjipError as exc:  # an input the library refused (its own sentence, file, sheet and cell)
        problems = list(exc.problems) or [Problem(settings.workbook, exc.code, exc.message, ERROR)]
        return _fix(action, problems, "kendali_inputs_invalid")
    except Exception as exc:  # the promise: no traceback dialog, a sentence instead
        detail = f"{type(exc).__name__}: {exc}"
        problem = Problem(settings.workbook, "kendali_unexpected", msg("kendali_unexpected", detail=detail),
                          ERROR, sheet=SHEET, cell=STATUS_CELL)
        return Outcome(action, STATE_FAILED, problem.message, problems=[problem], finished=now())


def _fix(action: str, problems: list[Problem], many: str) -> Outcome:
    """PERLU PERBAIKAN: the one error's own sentence as the status, or ``many`` with their count."""
    errors, warnings = counts(problems)
    if many and errors != 1:
        status = msg(many, count=errors)
    else:
        status = next((p.message for p in problems if p.is_error), "")
    return Outcome(action, STATE_FIX, status, errors=errors, warnings=warnings, problems=problems,
                   finished=now())


def run_on_file(path: str | os.PathLike, action: str = ACTION_PERIKSA) -> Outcome:
    """What a button does, on a control workbook file: read settings, run, write back."""
    path = Path(path)
    try:
        settings = read_settings_from_file(path)
    except ControlWorkbookError as exc:  # no workbook, no "Kendali" sheet, an older layout
        return Outcome(action, STATE_FAILED, str(exc), finished=now())
    outcome = run_from_settings(settings, action)
    write_outcome_to_file(path, outcome)
    return outcome


def run_in_excel(action: str) -> None:
    """What a button does in Excel: on the workbook that called it, show "running", run, write the outcome.

    Only when that workbook cannot be reached, read or written does it print
    one Indonesian sentence to stderr and exit 1, which ``RunPython`` shows in
    a message box (no traceback).
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
        settings = read_settings_xlwings(book, sheet)
    except ControlWorkbookError as exc:  # an older layout: its cells are not the ones named here
        _give_up(str(exc))
        return
    except Exception as exc:
        _give_up(msg("kendali_no_caller", sheet=SHEET, detail=f"{type(exc).__name__}: {exc}"))
        return
    try:
        write_outcome_xlwings(sheet, running_outcome(action))
        outcome = run_from_settings(settings, action)
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
