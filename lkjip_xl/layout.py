"""The form layout contract, in one place for the writer and the reader.

A Divisi form is an .xlsx workbook with:

- a visible sheet :data:`FORM_SHEET` ("Formulir") holding a header block (Kanwil,
  Tahun, Divisi, Periode, each also a defined name, and the open "Revisi ke" cell;
  labelled in the master's own words, :mod:`lkjip_xl.words`)
  and a table whose header row has the column titles in :data:`COLUMNS` (a form of
  period k > 1 adds the locked :func:`reference_columns` at the right; they are never read),
  its No SK and Sasaran Kegiatan merged per SK (:func:`sk_groups`), and below it the
  sign-off block (:data:`SIGNOFF_ROLES`, :data:`SIGNOFF_FIELDS`; contract 1.2);
- a very hidden sheet :data:`STAMP_SHEET` ("_lkjip") with the stamp: key/value
  pairs (Kanwil, year, Divisi, period, template version, SHA-256 of the locked
  content) and the locked content itself as JSON.

Readers find the header row by the title "Kode IKK" in column A, find columns
by their titles and rows by the IKK code in the "Kode IKK" column — never by
position.  Sub-rate rows of a ``rerata_subrasio`` IKK carry the code
``<IKK code>.<n>``; the sub-period rows of an IKK with a ``Rincian``
(:mod:`lkjip_xl.breakdown`) carry ``<IKK code>.<period code>`` (``SK14-IKK1.B04``).
See docs/form_contract.md.
"""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import asdict
from typing import Any

from . import TEMPLATE_VERSION
from .messages import LABELS, msg
from .model import AchievementRule, Indicator
from .periods import Period
from .words import DEFAULT_WORDS, Words, words_payload

FORM_SHEET = LABELS["sheet_form"]
STAMP_SHEET = "_lkjip"
STAMP_MAGIC = "lkjip-xl stamp"

#: Header block: label, defined name, row (0-based) — value in column C.
HEADER_FIELDS: tuple[tuple[str, str, int], ...] = (
    (LABELS["col_kanwil"], "LKJIP_KANWIL", 2),
    (LABELS["col_tahun"], "LKJIP_TAHUN", 3),
    (LABELS["col_divisi"], "LKJIP_DIVISI", 4),
    (LABELS["col_periode"], "LKJIP_PERIODE", 5),
)
#: The revision number a Divisi types when it sends a corrected form of an earlier period
#: (blank or 0: the first version); open, and not part of the stamp.
REVISION_FIELD: tuple[str, str, int] = (LABELS["col_revisi"], "LKJIP_REVISI", 6)
REVISION_MAX = 99
HEADER_VALUE_COL = 2  # column C
TABLE_HEADER_ROW = 7  # 0-based: row 8 in Excel
FIRST_DATA_ROW = TABLE_HEADER_ROW + 1

# Column keys → header titles, in the written order.
COL_CODE = "kode"
COL_SK_NO = "sk_no"
COL_SK_TEXT = "sk"
COL_IKK_NO = "ikk_no"
COL_TEXT = "indikator"
COL_UNIT = "satuan"
COL_METHOD = "cara_hitung"
COL_TARGET = "target"
COL_NUM = "pembilang"
COL_DEN = "penyebut"
COL_REAL = "realisasi"
COL_NIHIL = "nihil"
COL_CAPAIAN = "capaian"
COL_STATUS = "status"
COL_NOTE = "keterangan"
#: The free texts of an IKK row for the report's narrative (issue #14); each key is also the field of
#: :class:`~lkjip_xl.model.IndicatorInput` that holds it.
COL_SUPPORT = "faktor_pendukung"
COL_OBSTACLE = "faktor_penghambat"
COL_ACTION = "upaya"
TEXT_COLUMNS: tuple[str, ...] = (COL_SUPPORT, COL_OBSTACLE, COL_ACTION)
#: Every free-text column of an IKK row: Keterangan and the texts (read alike, see :mod:`lkjip_xl.free_text`).
FREE_TEXT_COLUMNS: tuple[str, ...] = (COL_NOTE, *TEXT_COLUMNS)
#: The most characters a text of :data:`TEXT_COLUMNS` may hold (the form's validation and the reader).
TEXT_LIMIT = 2000

COLUMNS: tuple[tuple[str, str, float], ...] = (
    (COL_CODE, LABELS["col_kode"], 12),
    (COL_SK_NO, LABELS["col_no_sk"], 6),
    (COL_SK_TEXT, LABELS["col_sk"], 30),
    (COL_IKK_NO, LABELS["col_no_ikk"], 6),
    (COL_TEXT, LABELS["col_ikk"], 42),
    (COL_UNIT, LABELS["col_satuan"], 11),
    (COL_METHOD, LABELS["col_cara_perhitungan"], 28),
    (COL_TARGET, LABELS["col_target"], 11),
    (COL_NUM, LABELS["col_pembilang"], 14),
    (COL_DEN, LABELS["col_penyebut"], 14),
    (COL_REAL, LABELS["col_realisasi"], 13),
    (COL_NIHIL, LABELS["col_nihil"], 8),
    (COL_CAPAIAN, LABELS["col_capaian"], 12),
    (COL_STATUS, LABELS["col_status"], 15),
    (COL_NOTE, LABELS["col_keterangan"], 30),
    (COL_SUPPORT, LABELS["col_faktor_pendukung"], 30),
    (COL_OBSTACLE, LABELS["col_faktor_penghambat"], 30),
    (COL_ACTION, LABELS["col_upaya"], 30),
)
COLUMN_INDEX: dict[str, int] = {key: i for i, (key, _, _) in enumerate(COLUMNS)}
COLUMN_TITLE = {key: title for key, title, _ in COLUMNS}
TITLE_TO_KEY = {title.casefold(): key for key, title, _ in COLUMNS}

#: Columns a Divisi types into (unlocked where they apply to the row's method).
INPUT_COLUMNS = (COL_NUM, COL_DEN, COL_REAL, COL_NIHIL, *FREE_TEXT_COLUMNS)

SUBROW_RE = re.compile(r"^(?P<code>.+)\.(?P<n>\d+)$")
#: A sub-period row: the period code starts with a letter (``B04``, ``TW2``), a sub-rate number never does.
BREAKDOWN_RE = re.compile(r"^(?P<code>.+)\.(?P<period>[A-Za-z]+\d+)$")

#: Locked reference columns right of the text columns on the form of a period k > 1: the annual target and
#: the realisasi of periods 1..k-1 combined (values from the earlier forms).  Not inputs: their titles
#: are not in :data:`TITLE_TO_KEY`, so readers never take a value from them.
COL_REF_TARGET = "target_tahunan"
COL_REF_TO_DATE = "realisasi_sd"


def reference_columns(previous: Period) -> tuple[tuple[str, str, float], ...]:
    """(key, title, width) of the reference columns of the form of the period after ``previous``."""
    return ((COL_REF_TARGET, LABELS["col_target_tahunan"], 13),
            (COL_REF_TO_DATE, msg("col_realisasi_to_date", to_date=previous.to_date_label()), 20))


#: The sign-off block below the table (contract 1.2): its parts (key, label) and each part's fields (key,
#: label).  The labels are in the column of :data:`COL_SK_TEXT`, each value in the column of :data:`COL_TEXT`
#: of the label's row, below the last table row; every value cell is also a defined name (:data:`SIGNOFF_NAMES`).
SIGNOFF_ROLES: tuple[tuple[str, str], ...] = (("prepared", LABELS["signoff_prepared"]),
                                              ("approved", LABELS["signoff_approved"]))
SIGNOFF_FIELDS: tuple[tuple[str, str], ...] = (("name", LABELS["signoff_name"]), ("nip", LABELS["signoff_nip"]),
                                               ("date", LABELS["signoff_date"]))
SIGNOFF_NAMES: dict[tuple[str, str], str] = {
    ("prepared", "name"): "LKJIP_DISIAPKAN_NAMA", ("prepared", "nip"): "LKJIP_DISIAPKAN_NIP",
    ("prepared", "date"): "LKJIP_DISIAPKAN_TANGGAL", ("approved", "name"): "LKJIP_DISETUJUI_NAMA",
    ("approved", "nip"): "LKJIP_DISETUJUI_NIP", ("approved", "date"): "LKJIP_DISETUJUI_TANGGAL",
}
SIGNOFF_LABEL_COL, SIGNOFF_VALUE_COL = COL_SK_TEXT, COL_TEXT
#: The first contract version whose SK cells are merged per SK (:func:`sk_groups`) and whose forms end with the
#: sign-off block: an older form has the SK text on every row, and no block (it is not asked for a sign-off).
SIGNED_LAYOUT_SINCE = "1.2"
#: A NIP (Nomor Induk Pegawai) is exactly this many digits, typed as text.
NIP_DIGITS = 18


def version_at_least(version: str, least: str) -> bool:
    """Whether the contract version ``version`` ("1.1") is ``least`` ("1.2") or later; a version that does not
    read as numbers counts as the latest (the stamp check says what is wrong with it)."""
    try:
        return tuple(int(part) for part in version.split(".")) >= tuple(int(part) for part in least.split("."))
    except ValueError:
        return True


def sk_groups(indicators: list[Indicator]) -> list[list[Indicator]]:
    """The IKK of a form in runs of one Sasaran Kegiatan (consecutive, the same number and text): from contract
    1.2 on, the rows of a run (its IKK rows and their sub-rows) share one merged No SK and Sasaran Kegiatan cell,
    whose value is in the run's first row only."""
    groups: list[list[Indicator]] = []
    for indicator in indicators:
        last = groups[-1][-1] if groups else None
        if last is not None and (last.sk_no, last.sk_text) == (indicator.sk_no, indicator.sk_text):
            groups[-1].append(indicator)
        else:
            groups.append([indicator])
    return groups


#: Stamp keys, in the order they are written.
STAMP_KEYS = (
    "format",
    "template_version",
    "kanwil",
    "tahun",
    "divisi",
    "periode",
    "content_hash",
    "achievement_threshold",
    "achievement_inclusive",
    "divisi_order",
)


def subrow_code(code: str, n: int) -> str:
    """Code of the n-th (1-based) sub-rate row of an IKK."""
    return f"{code}.{n}"


def breakdown_code(code: str, period_code: str) -> str:
    """Code of the sub-period row of an IKK: ``SK14-IKK1.B04`` (April)."""
    return f"{code}.{period_code}"


def indicator_payload(indicator: Indicator) -> dict[str, Any]:
    """The locked definition of an IKK as plain JSON-able data (``breakdown`` only when declared, so
    that the locked content of every IKK without one is what it always was)."""
    data = asdict(indicator)
    data["method"] = str(indicator.method)
    data["direction"] = indicator.direction.value
    data["period_rule"] = str(indicator.period_rule)
    data["target_kind"] = str(indicator.target_kind)
    data["period_targets"] = list(indicator.period_targets)
    data["sub_labels"] = list(indicator.sub_labels)
    if not indicator.breakdown:
        del data["breakdown"]
    return data


def locked_content(kanwil: str, year: int, divisi: str, period: str, indicators: list[Indicator],
                   achievement: AchievementRule, divisi_order: list[str],
                   words: Words = DEFAULT_WORDS) -> dict[str, Any]:
    """Everything a Divisi may not change, as canonical data.

    The achievement rule and the Divisi of the master are part of it, so that
    a form consolidated without the master still scores and lists exactly as
    the master says, and an edited stamp is caught by the hash.  So are the
    organisation's own words (:mod:`lkjip_xl.words`), only when they are not the
    default: a form of the default words keeps the content, and hash, it always had.
    """
    content = {
        "template_version": TEMPLATE_VERSION,
        "kanwil": kanwil,
        "tahun": year,
        "divisi": divisi,
        "periode": period,
        "achievement": _achievement(achievement),
        "divisi_order": list(divisi_order),
        "indicators": [indicator_payload(i) for i in indicators],
    }
    if not words.is_default:
        content["words"] = words_payload(words)
    return content


def _achievement(rule: AchievementRule) -> dict[str, Any]:
    """The locked achievement rule; the mean cap only when one is declared (forms without one keep the
    content, and the hash, they always had)."""
    data: dict[str, Any] = {"threshold": float(rule.threshold), "inclusive": bool(rule.inclusive)}
    if rule.mean_cap is not None:
        data["mean_cap"] = float(rule.mean_cap)
    return data


def content_hash(content: dict[str, Any]) -> str:
    """SHA-256 of the canonical JSON of the locked content."""
    canonical = json.dumps(content, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


#: Longest text one cell may hold; the JSON is split over several cells.
CELL_TEXT_LIMIT = 32000


def split_text(text: str) -> list[str]:
    return [text[i:i + CELL_TEXT_LIMIT] for i in range(0, len(text), CELL_TEXT_LIMIT)] or [""]
