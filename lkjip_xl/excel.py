"""Entry points for the buttons of the Excel control workbook (``lkjip-xl button``).

Every control workbook ever handed out runs, through xlwings' ``RunPython``,
``import lkjip_xl.excel;lkjip_xl.excel.periksa()`` or ``…konsolidasi()``.  This
module therefore stays importable, with these two functions taking no
arguments; the work is done by :mod:`lkjip_xl.control`
(:func:`lkjip_xl.control.run.run_in_excel`).  It imports without xlwings.
"""

from __future__ import annotations

from .control.layout import ACTION_KONSOLIDASI, ACTION_PERIKSA
from .control.run import run_in_excel

__all__ = ["konsolidasi", "periksa"]


def periksa() -> None:
    """Button "Periksa": validate the forms named on the calling workbook."""
    run_in_excel(ACTION_PERIKSA)


def konsolidasi() -> None:
    """Button "Konsolidasi": write the consolidated workbook named on the calling workbook."""
    run_in_excel(ACTION_KONSOLIDASI)
