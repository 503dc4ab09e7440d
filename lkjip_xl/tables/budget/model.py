"""The budget part of the LKjIP as data, and every number of its tables as a pure function.

Three tables, each from its own source application, so each keeps its own
satker names and order (the report itself names and orders them differently):

- Pagu dan Realisasi Anggaran (OM-SPAN): persentase = realisasi / pagu × 100,
  per row and for the total; one table per level the rows are given at
  (:data:`LEVELS`: satker, program, kegiatan, sub kegiatan).
- Nilai SMART DJA (optional): Nilai Efisiensi = 50 + 2,5 × Efisiensi (0–20 scale) and
  NILAI SMART = 0,435·CRO + 0,097·Penyerapan + 0,182·Konsistensi
  + 0,286·Nilai Efisiensi; the wilayah row is the simple mean of the satker rows.
- Nilai IKPA (optional): the wilayah value is the simple mean of the satker rows.
- Nilai e-Monev Bappenas (optional): the simple mean of every month of every satker.
- Capaian Kinerja Anggaran = 60 % × Nilai SMART wilayah + 40 % × Nilai IKPA
  wilayah (only with both).  By default the two means are first rounded to 2 decimals, as the
  report does (99,40 and 98,89 → 99,196 → 99,20); the report prints 99,21,
  an arithmetic slip (it writes 40 % × 98,89 as 39,57 instead of 39,556).

Like :mod:`lkjip_xl.calc`, every number comes from a pure function with a
``*_formula`` twin that computes it in a spreadsheet with the same operations
in the same order, so the value cached beside each formula is the value the
spreadsheet engine recomputes.  The weights and the rounding of the means are
settings (:class:`BudgetWeights`).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TypeVar

from ...numbers import excel_round
from ...problems import Problem
from ...xlsx import number_literal

# --------------------------------------------------------------------------- data model

#: The levels pagu and realisasi are given at, in table order: a Kanwil's satker (DIPA), a Pemda's
#: program, kegiatan or sub kegiatan.  Each level present gets its own table.
SATKER, PROGRAM, KEGIATAN, SUB_KEGIATAN = "satker", "program", "kegiatan", "sub_kegiatan"
LEVELS = (SATKER, PROGRAM, KEGIATAN, SUB_KEGIATAN)


@dataclass(frozen=True)
class PaguRow:
    """One row of a Pagu dan Realisasi table (Tabel 3.178); money in whole Rupiah.

    ``satker`` is the row's name (a satker, program, kegiatan or sub kegiatan: ``tingkat``).
    ``kode_sk`` / ``kode_ikk`` map the row's realisasi to a Sasaran Kegiatan or IKK of the master
    (the efficiency table, :mod:`~lkjip_xl.tables.budget.efficiency`); ``kode_cell`` is the input
    cell of the code, for the problems of that mapping.
    """

    kelompok: str
    satker: str
    pagu: int
    realisasi: int
    tingkat: str = SATKER
    kode_sk: int | None = None
    kode_ikk: str = ""
    kode_cell: str = ""


@dataclass(frozen=True)
class SmartRow:
    """One satker of Tabel 3.179 (SMART DJA).

    ``nilai_efisiensi`` is the application's own value when given; when
    ``None`` it is computed from ``efisiensi`` (see :func:`nilai_efisiensi`).
    """

    kelompok: str
    satker: str
    penyerapan: float
    konsistensi: float
    cro: float
    efisiensi: float
    nilai_efisiensi: float | None = None


@dataclass(frozen=True)
class IkpaRow:
    """One satker of Tabel 3.180."""

    kelompok: str
    satker: str
    nilai_ikpa: float


@dataclass(frozen=True)
class EmonevRow:
    """One satker of the e-Monev Bappenas table: its reporting score per month (``None``: not reported yet)."""

    satker: str
    months: tuple[float | None, ...]  #: January to December


@dataclass(frozen=True)
class BudgetData:
    """Everything the budget tables need; ``warnings`` were noticed while reading.

    ``smart``, ``ikpa`` and ``emonev`` are empty when the workbook has no such sheet or leaves it
    empty: their tables (and, without SMART or IKPA, the capaian kinerja anggaran) are not written.
    """

    kantor: str  # "Kantor Wilayah Kementerian Hukum dan HAM Kepulauan Bangka Belitung"
    tahun: int
    pagu_realisasi: tuple[PaguRow, ...]
    smart: tuple[SmartRow, ...]
    ikpa: tuple[IkpaRow, ...]
    warnings: tuple[Problem, ...] = ()
    emonev: tuple[EmonevRow, ...] = ()
    source: str = ""  #: the workbook read, for the problems of the cross-checks with the master


@dataclass(frozen=True)
class BudgetWeights:
    """Calculation settings; the defaults reproduce the 2023 report.

    ``mean_decimals``: the SMART and IKPA wilayah means are rounded to this many
    decimals before they are weighted (2, as the report does); ``None`` weights
    the unrounded means.
    """

    cro: float = 0.435
    penyerapan: float = 0.097
    konsistensi: float = 0.182
    efisiensi: float = 0.286
    efisiensi_base: float = 50.0
    efisiensi_factor: float = 2.5
    bobot_smart: float = 0.60
    bobot_ikpa: float = 0.40
    mean_decimals: int | None = 2


DEFAULT_WEIGHTS = BudgetWeights()

#: A number :func:`total` adds: whole Rupiah stay ``int``.
_Number = TypeVar("_Number", int, float)


def levels(data: BudgetData) -> list[str]:
    """The levels of :data:`LEVELS` the pagu rows are given at, in table order."""
    present = {row.tingkat for row in data.pagu_realisasi}
    return [level for level in LEVELS if level in present]


def rows_at(data: BudgetData, level: str) -> list[PaguRow]:
    """The pagu rows of one level, in input order."""
    return [row for row in data.pagu_realisasi if row.tingkat == level]


def budget_table_count(data: BudgetData) -> int:
    """How many numbered tables :func:`~lkjip_xl.tables.budget.write.write_budget_tables` writes:
    one Pagu dan Realisasi table per level, SMART and IKPA when given (3 for the 2023 sample)."""
    return len(levels(data)) + bool(data.smart) + bool(data.ikpa)


# --------------------------------------------------------------------------- calculation


def persentase_realisasi(realisasi: float, pagu: float) -> float:
    """realisasi / pagu × 100."""
    return realisasi / pagu * 100


def persentase_realisasi_formula(realisasi_ref: str, pagu_ref: str) -> str:
    """Formula of :func:`persentase_realisasi`."""
    return f"{realisasi_ref}/{pagu_ref}*100"


def nilai_efisiensi(efisiensi: float, weights: BudgetWeights = DEFAULT_WEIGHTS) -> float:
    """50 + 2,5 × Efisiensi: the 0–20 efisiensi score on the 0–100 scale."""
    return weights.efisiensi_base + weights.efisiensi_factor * efisiensi


def nilai_efisiensi_formula(efisiensi_ref: str, weights: BudgetWeights = DEFAULT_WEIGHTS) -> str:
    """Formula of :func:`nilai_efisiensi`."""
    return f"{number_literal(weights.efisiensi_base)}+{number_literal(weights.efisiensi_factor)}*{efisiensi_ref}"


def smart_nilai_efisiensi(row: SmartRow, weights: BudgetWeights = DEFAULT_WEIGHTS) -> float:
    """The row's Nilai Efisiensi: the application's value if given, else computed."""
    if row.nilai_efisiensi is not None:
        return row.nilai_efisiensi
    return nilai_efisiensi(row.efisiensi, weights)


def nilai_smart(penyerapan: float, konsistensi: float, cro: float, nilai_efisiensi_value: float,
                weights: BudgetWeights = DEFAULT_WEIGHTS) -> float:
    """0,435·CRO + 0,097·Penyerapan + 0,182·Konsistensi + 0,286·Nilai Efisiensi."""
    return (weights.cro * cro + weights.penyerapan * penyerapan
            + weights.konsistensi * konsistensi + weights.efisiensi * nilai_efisiensi_value)


def nilai_smart_formula(penyerapan_ref: str, konsistensi_ref: str, cro_ref: str,
                        nilai_efisiensi_ref: str, weights: BudgetWeights = DEFAULT_WEIGHTS) -> str:
    """Formula of :func:`nilai_smart`."""
    return (f"{number_literal(weights.cro)}*{cro_ref}+{number_literal(weights.penyerapan)}*{penyerapan_ref}"
            f"+{number_literal(weights.konsistensi)}*{konsistensi_ref}"
            f"+{number_literal(weights.efisiensi)}*{nilai_efisiensi_ref}")


def row_nilai_smart(row: SmartRow, weights: BudgetWeights = DEFAULT_WEIGHTS) -> float:
    """:func:`nilai_smart` of one SMART row."""
    return nilai_smart(row.penyerapan, row.konsistensi, row.cro,
                       smart_nilai_efisiensi(row, weights), weights)


def total(values: Sequence[_Number]) -> _Number:
    """Sum, left to right (exact for whole Rupiah)."""
    return sum(values)


def total_formula(range_ref: str) -> str:
    """Formula of :func:`total`."""
    return f"SUM({range_ref})"


def mean(values: Sequence[float]) -> float:
    """Simple mean: :func:`total` / count."""
    if not values:
        raise ValueError("mean of no values")
    return total(values) / len(values)


def mean_formula(range_ref: str) -> str:
    """Formula of :func:`mean` (blank cells in the range are not counted)."""
    return f"SUM({range_ref})/COUNT({range_ref})"


def nilai_emonev(rows: Sequence[EmonevRow]) -> float | None:
    """Nilai e-Monev: :func:`mean` of every reported month of every satker, row by row; ``None`` when none is."""
    values = [value for row in rows for value in row.months if value is not None]
    return mean(values) if values else None


def nilai_emonev_formula(range_ref: str) -> str:
    """Formula of :func:`nilai_emonev` over the month cells of the table (a "-" cell is not counted)."""
    return mean_formula(range_ref)


def spreadsheet_round(value: float, decimals: int) -> float:
    """ROUND() as Excel and LibreOffice do it (:func:`~lkjip_xl.numbers.excel_round`)."""
    return float(excel_round(value, decimals))


def nilai_komponen(wilayah_mean: float, weights: BudgetWeights = DEFAULT_WEIGHTS) -> float:
    """The wilayah mean as it enters the capaian: rounded per ``weights.mean_decimals``."""
    if weights.mean_decimals is None:
        return wilayah_mean
    return spreadsheet_round(wilayah_mean, weights.mean_decimals)


def nilai_komponen_formula(mean_ref: str, weights: BudgetWeights = DEFAULT_WEIGHTS) -> str:
    """Formula of :func:`nilai_komponen`."""
    if weights.mean_decimals is None:
        return mean_ref
    return f"ROUND({mean_ref},{weights.mean_decimals})"


def nilai_terbobot(nilai: float, bobot: float) -> float:
    """nilai × bobot (bobot as a fraction: 0,6 for 60 %)."""
    return nilai * bobot


def nilai_terbobot_formula(nilai_ref: str, bobot_ref: str) -> str:
    """Formula of :func:`nilai_terbobot`."""
    return f"{nilai_ref}*{bobot_ref}"


def capaian_kinerja_anggaran(smart_wilayah: float, ikpa_wilayah: float,
                             weights: BudgetWeights = DEFAULT_WEIGHTS) -> float:
    """60 % × Nilai SMART wilayah + 40 % × Nilai IKPA wilayah (unrounded result)."""
    smart_part = nilai_terbobot(nilai_komponen(smart_wilayah, weights), weights.bobot_smart)
    ikpa_part = nilai_terbobot(nilai_komponen(ikpa_wilayah, weights), weights.bobot_ikpa)
    return smart_part + ikpa_part


def capaian_kinerja_anggaran_formula(smart_part_ref: str, ikpa_part_ref: str) -> str:
    """Formula of :func:`capaian_kinerja_anggaran` from the two :func:`nilai_terbobot` cells."""
    return f"{smart_part_ref}+{ikpa_part_ref}"


@dataclass(frozen=True)
class BudgetSummary:
    """The headline budget figures (unrounded; the report prints them with 2 decimals).

    The totals are those of the first level of :data:`LEVELS` given (the satker for a Kanwil); the
    SMART, IKPA and capaian figures are ``None`` without their sheets.
    """

    total_pagu: int
    total_realisasi: int
    persentase_realisasi: float
    smart_wilayah: float | None
    ikpa_wilayah: float | None
    capaian_kinerja_anggaran: float | None


def summarize_budget(data: BudgetData, weights: BudgetWeights = DEFAULT_WEIGHTS) -> BudgetSummary:
    """Totals, wilayah means and capaian kinerja anggaran of ``data``."""
    top = rows_at(data, levels(data)[0]) if data.pagu_realisasi else []
    total_pagu = total([row.pagu for row in top])
    total_realisasi = total([row.realisasi for row in top])
    smart_wilayah = mean([row_nilai_smart(row, weights) for row in data.smart]) if data.smart else None
    ikpa_wilayah = mean([row.nilai_ikpa for row in data.ikpa]) if data.ikpa else None
    return BudgetSummary(
        total_pagu=total_pagu,
        total_realisasi=total_realisasi,
        persentase_realisasi=persentase_realisasi(total_realisasi, total_pagu) if total_pagu else 0.0,
        smart_wilayah=smart_wilayah,
        ikpa_wilayah=ikpa_wilayah,
        capaian_kinerja_anggaran=(capaian_kinerja_anggaran(smart_wilayah, ikpa_wilayah, weights)
                                  if smart_wilayah is not None and ikpa_wilayah is not None else None),
    )
