"""Entry points for the buttons of the Excel control workbook (``lkjip-xl button``).

Every control workbook ever handed out runs, through xlwings' ``RunPython``,
``import lkjip_xl.excel;lkjip_xl.excel.<action>()`` — ``periksa()`` and
``konsolidasi()`` since the first release, ``buat_formulir()``,
``salinan_pemeriksaan()``, ``tabel_bab3()`` and ``laporan_word()`` since the
whole year has buttons.  This module therefore stays importable, with these
functions taking no arguments; the work is done by :mod:`lkjip_xl.control`
(:func:`lkjip_xl.control.run.run_in_excel`).  It imports without xlwings.
"""

from __future__ import annotations

from .control.layout import (
    ACTION_CHAPTER, ACTION_FEEDBACK, ACTION_FORMS, ACTION_KONSOLIDASI, ACTION_PERIKSA, ACTION_TABLES,
)
from .control.run import run_in_excel

__all__ = ["buat_formulir", "konsolidasi", "laporan_word", "periksa", "salinan_pemeriksaan", "tabel_bab3"]


def buat_formulir() -> None:
    """Button "Buat Formulir": write one blank form per Divisi from the master named on the workbook."""
    run_in_excel(ACTION_FORMS)


def periksa() -> None:
    """Button "Periksa": validate the forms named on the calling workbook."""
    run_in_excel(ACTION_PERIKSA)


def salinan_pemeriksaan() -> None:
    """Button "Salinan Pemeriksaan": validate the forms and write a marked copy of each form with problems."""
    run_in_excel(ACTION_FEEDBACK)


def konsolidasi() -> None:
    """Button "Konsolidasi": write the consolidated workbook named on the calling workbook."""
    run_in_excel(ACTION_KONSOLIDASI)


def tabel_bab3() -> None:
    """Button "Tabel Bab III": write the chapter III tables from the consolidated workbook and the inputs."""
    run_in_excel(ACTION_TABLES)


def laporan_word() -> None:
    """Button "Laporan Word": write Bab III as a Word document (and its PDF when asked)."""
    run_in_excel(ACTION_CHAPTER)
