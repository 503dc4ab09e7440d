"""The layout of the master PK workbook, shared by its reader and its writer.

The master has three sheets: "Info" (Kanwil, year, achievement rule), "PK"
(one row per IKK with its target and declared meaning) and "Petunjuk" (how to
fill it in); optional are "Target Periode" (period targets) and "Satuan" (how many
decimals each unit is shown with).  :mod:`lkjip_xl.master` reads and checks a master by the labels
and column titles below; :mod:`lkjip_xl.template` writes one (or the blank
template) with them.  docs/form_contract.md › "The master workbook" documents
them for other programs.
"""

from __future__ import annotations

from . import methods, periods
from .messages import LABELS, msg
from .problems import Problem
from .words import DEFAULT_WORDS, INFO_KEYS

INFO_SHEET = LABELS["sheet_master_info"]
PK_SHEET = LABELS["sheet_master_pk"]
GUIDE_SHEET = LABELS["sheet_master_guide"]
#: The optional sheet of period targets: Kode IKK, Jenis Target, then one column per period.
PERIOD_TARGET_SHEET = LABELS["sheet_master_period_targets"]
PERIOD_TARGET_KIND = LABELS["col_jenis_target"]
#: The optional sheet of display decimals (:mod:`lkjip_xl.master_units`): one row per unit, its decimals.
UNIT_SHEET = LABELS["sheet_master_units"]
UNIT_TITLES = (LABELS["col_satuan"], LABELS["col_desimal"])
#: Earlier titles still read: column key → titles a master of an earlier version used.
PK_ALIASES = {"period_rule": (LABELS["col_gabungan_triwulan"],)}


def info_help(key: str) -> str:
    """The help text (column C) of the Info field ``key`` in the active words; a default word it names
    (the help of a Sebutan field) stays the catalogue's."""
    word = next((word for word, field_key in INFO_KEYS.items() if field_key == key), "")
    return msg(f"master_help_{key}", default=getattr(DEFAULT_WORDS, word) if word else "")


#: key, label (column A of sheet Info), help text (column C; :func:`info_help` says it in the master's words).
#: The last four are the organisation's own words (:mod:`lkjip_xl.words`; blank: the default).
INFO_FIELDS = tuple((key, LABELS[label], info_help(key)) for key, label in (
    ("kanwil", "info_name"),
    ("tahun", "col_tahun"),
    ("threshold", "info_threshold"),
    ("inclusive", "info_inclusive"),
    ("renstra_basis", "info_renstra_basis"),
    ("calendar", "info_calendar"),
    ("light_green", "info_light_green"),
    ("light_yellow", "info_light_yellow"),
    ("mean_cap", "info_mean_cap"),
    (INFO_KEYS["office"], "info_office"),
    (INFO_KEYS["office_short"], "info_office_short"),
    (INFO_KEYS["unit"], "info_unit"),
    (INFO_KEYS["head"], "info_head"),
    ("capaian_decimals", "info_capaian_decimals"),
))
#: Earlier labels of sheet Info still read: key → labels a master of an earlier version used.
INFO_ALIASES = {"kanwil": (LABELS["col_kanwil"],)}
#: Every label of sheet Info the reader knows, case-folded → key.
INFO_LABELS = {label.casefold(): key for key, labels in
               ((key, (label, *INFO_ALIASES.get(key, ()))) for key, label, _ in INFO_FIELDS) for label in labels}

#: key, header title, width, guide text (``None``: built by :func:`column_guide` from the registry);
#: the guide texts are ``msg("master_help_<key>")``.
_FROM_REGISTRY = ("method", "period_rule")
PK_COLUMNS = tuple((key, LABELS[title], width, None if key in _FROM_REGISTRY else msg(f"master_help_{key}"))
                   for key, title, width in (
    ("divisi", "col_divisi", 22),
    ("sk_no", "col_no_sk", 7),
    ("sk_text", "col_sk", 40),
    ("code", "col_kode", 13),
    ("ikk_no", "col_no_ikk", 7),
    ("text", "col_ikk", 50),
    ("unit", "col_satuan", 12),
    ("target", "col_target", 10),
    ("anggaran", "col_anggaran", 18),
    ("method", "col_cara_hitung", 16),
    ("scale_divisor", "col_pembagi_skala", 10),
    ("sub_labels", "col_sub_rasio", 24),
    ("direction", "col_arah", 8),
    ("nihil", "col_nihil", 8),
    ("period_rule", "col_gabungan_periode", 14),
    ("breakdown", "col_rincian", 10),
    ("may_be_negative", "col_boleh_negatif", 9),
    ("renstra_scale_factor", "col_faktor_skala", 10),
    ("method_note", "col_petunjuk_perhitungan", 40),
))
PK_TITLES = {key: title for key, title, _, _ in PK_COLUMNS}
#: Columns a master row must fill.
PK_REQUIRED = ("divisi", "sk_no", "sk_text", "code", "ikk_no", "text", "unit", "target")


def column_guide(key: str) -> str:
    """The help text of a PK column; that of ``Cara Hitung`` lists every registered method."""
    text = next(guide for k, _, _, guide in PK_COLUMNS if k == key)
    if text is None:
        return methods.guide() if key == "method" else periods.rules_guide()
    return text


def header_keys(row: list[object]) -> list[str]:
    """A title row as the master's readers find columns by: each title stripped and case-folded ("" blank)."""
    return [str(v).strip().casefold() if v is not None else "" for v in row]


def invalid_value(path: str, sheet: str, cell: str, field: str, value: object, detail: str) -> Problem:
    """The refusal of a master's value: file, sheet, cell, the column or field, the value and why."""
    return Problem(path, "master_value_invalid",
                   msg("master_value_invalid", value="" if value is None else value, path=path, sheet=sheet,
                       cell=cell, field=field, detail=detail),
                   sheet=sheet, cell=cell)
