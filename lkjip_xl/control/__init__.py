"""The Excel control workbook: sheet "Kendali" with a button for each step of the year's work.

- :mod:`lkjip_xl.control.layout`   the one description of sheet "Kendali" (cells, buttons, labels)
- :mod:`lkjip_xl.control.settings` reading and checking the settings cells
- :mod:`lkjip_xl.control.outcome`  what a click produced, as values for the sheet
- :mod:`lkjip_xl.control.sheet`    settings read from and results written to the sheet (openpyxl, xlwings)
- :mod:`lkjip_xl.control.actions`  the six actions, each through the library function the CLI calls
- :mod:`lkjip_xl.control.run`      running an action on settings, a workbook file or the open workbook
- :mod:`lkjip_xl.control.build`    the .xlsm builder (xlwings' VBA project, buttons, protection)
- :mod:`lkjip_xl.control.vba`      the "Pilih…" macros added to xlwings' VBA project
- :mod:`lkjip_xl.control.compound` the compound file that holds a VBA project

The buttons of every control workbook call ``lkjip_xl.excel.periksa()``,
``konsolidasi()``, ... (:mod:`lkjip_xl.excel`, kept for them), which run
:func:`~lkjip_xl.control.run.run_in_excel`.  Nothing here imports xlwings
unless a button runs in Excel.
"""

from __future__ import annotations

from .build import XlwingsMissingError, build_control_workbook, write_control_workbook
from .outcome import Outcome
from .run import run_from_settings, run_in_excel, run_on_file
from .settings import Settings, SettingsInvalid, settings_from_values
from .sheet import ControlWorkbookError, read_settings_from_file, write_outcome_to_file

__all__ = [
    "ControlWorkbookError", "Outcome", "Settings", "SettingsInvalid", "XlwingsMissingError",
    "build_control_workbook", "read_settings_from_file", "run_from_settings", "run_in_excel", "run_on_file",
    "settings_from_values", "write_control_workbook", "write_outcome_to_file",
]
