"""The layout of the budget input workbook (docs/budget.md): its sheets, column titles and words.

The one source of what :mod:`~lkjip_xl.tables.budget.read` accepts, and of what a blank
budget workbook holds: the sheets, the required (:data:`SHEET_COLUMNS`) and optional
(:data:`SHEET_OPTIONAL_COLUMNS`) columns of each data sheet beside its name column
(:data:`NAME_COLUMNS`), the sheets an agency may leave out (:data:`OPTIONAL_SHEETS`) and
the words of the column Tingkat (:data:`LEVEL_NAMES`).  :mod:`~lkjip_xl.tables.budget.read`
re-exports every name.
"""

from __future__ import annotations

import re

from ...messages import LABELS
from ...periods import calendar
from .model import KEGIATAN, PROGRAM, SATKER, SUB_KEGIATAN

SHEET_INFO = LABELS["sheet_budget_info"]
SHEET_PAGU = LABELS["sheet_budget_pagu"]
SHEET_SMART = LABELS["sheet_budget_smart"]
SHEET_IKPA = LABELS["sheet_budget_ikpa"]
SHEET_EMONEV = LABELS["sheet_budget_emonev"]

LABEL_KANTOR = LABELS["col_kanwil"]
LABEL_TAHUN = LABELS["budget_tahun"]

COL_KELOMPOK = LABELS["budget_col_kelompok"]
COL_SATKER = LABELS["budget_col_satker"]
COL_PAGU = LABELS["budget_col_pagu"]
COL_REALISASI = LABELS["budget_col_realisasi"]
COL_PENYERAPAN = LABELS["budget_col_penyerapan"]
COL_KONSISTENSI = LABELS["budget_col_konsistensi"]
COL_CRO = LABELS["budget_col_cro"]
COL_EFISIENSI = LABELS["budget_col_efisiensi"]
COL_NILAI_EFISIENSI = LABELS["budget_col_nilai_efisiensi"]
COL_IKPA = LABELS["budget_col_ikpa"]
COL_NO = LABELS["col_no"]
COL_URAIAN = LABELS["budget_col_uraian"]
COL_TINGKAT = LABELS["budget_col_tingkat"]
COL_KODE_SK = LABELS["budget_col_kode_sk"]
COL_KODE_IKK = LABELS["col_kode"]

#: The name column of every data sheet: "Satuan Kerja" (written by the templates), or "Uraian".
NAME_COLUMNS = (COL_SATKER, COL_URAIAN)

#: Sheets a workbook may leave out or leave empty: their tables are then not written (said once).
OPTIONAL_SHEETS = (SHEET_SMART, SHEET_IKPA, SHEET_EMONEV)

#: The words of the column Tingkat (a blank cell is a satker), by level.
LEVEL_NAMES = {
    SATKER: LABELS["budget_level_satker"], PROGRAM: LABELS["budget_level_program"],
    KEGIATAN: LABELS["budget_level_kegiatan"], SUB_KEGIATAN: LABELS["budget_level_sub_kegiatan"],
}

#: The months of the e-Monev sheet: the labels of the monthly calendar ("Januari" ... "Desember").
MONTHS = calendar("bulanan").labels

#: Required numeric columns of each data sheet, in the documented order.
SHEET_COLUMNS = {
    SHEET_PAGU: (COL_PAGU, COL_REALISASI),
    SHEET_SMART: (COL_PENYERAPAN, COL_KONSISTENSI, COL_CRO, COL_EFISIENSI),
    SHEET_IKPA: (COL_IKPA,),
}
#: Optional columns of each data sheet (Kelompok everywhere; Nilai Efisiensi may also be left blank;
#: the level and the mapping to the master in Pagu Realisasi).
SHEET_OPTIONAL_COLUMNS = {
    SHEET_PAGU: (COL_KELOMPOK, COL_TINGKAT, COL_KODE_SK, COL_KODE_IKK),
    SHEET_SMART: (COL_KELOMPOK, COL_NILAI_EFISIENSI),
    SHEET_IKPA: (COL_KELOMPOK,),
    SHEET_EMONEV: (COL_NO,),
}

#: Satker names that mark a total or mean row copied from a report.
SUMMARY_NAMES = tuple(LABELS["budget_summary_rows"].split(";"))

HEADER_SEARCH_ROWS = 10

#: A value of the column Tingkat as compared: its letters only, case folded ("Sub-Kegiatan" → "subkegiatan").
LEVEL_WORDS = {
    **{re.sub(r"[\W\d_]", "", name).casefold(): level for level, name in LEVEL_NAMES.items()},
    re.sub(r"[\W\d_]", "", LABELS["budget_level_satker_short"]).casefold(): SATKER,
}
#: A Kode SK: the SK's number, with or without the letters SK ("3", "SK03", "SK 3").
SK_CODE = re.compile(r"(?:sk)?[\s.\-]*0*(\d{1,4})")
