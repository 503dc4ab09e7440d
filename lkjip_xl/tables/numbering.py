"""Numbers and titles of the Chapter III tables, generated, never typed.

The report numbers Sasaran Kegiatan and IKK in Roman numerals in table titles
("SK XXII dan IKK III") and tables as ``Tabel <bab>.<n>`` ("Tabel 3.178").

Numbering (:func:`plan_tables`) runs without gaps from ``start``: Tabel 3.1,
then per IKK the supporting tables listed before it and its three tables, then
the budget tables, then (a source of periods only) the unnumbered Capaian
Kinerja per Triwulan, then the action plan's tables (one per Divisi and their
comparison), then the e-Monev table, then the supporting tables listed for the end.  An IKK that
is new this year has nothing to compare with: its Type 2 table shows this year
only, says so and, like the printed report, takes no number.  Without earlier
years no IKK is known to be new, and every Type 2 table is numbered.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from ..messages import LABELS, msg
from ..model import Indicator, Master
from .supporting import AKHIR, SupportingTable

CHAPTER = 3

# Kinds of table, in the order an IKK has them.
RINGKASAN = "ringkasan"
PENDUKUNG = "pendukung"
TARGET = "target"
PERBANDINGAN = "perbandingan"
RENSTRA = "renstra"
ANGGARAN = "anggaran"
RENCANA_AKSI = "rencana_aksi"  #: Capaian Target Kinerja of one Divisi
RENCANA_AKSI_PERBANDINGAN = "rencana_aksi_perbandingan"  #: the comparison with last year
EMONEV = "emonev"  #: Capaian Realisasi Anggaran pada e-Monev Bappenas
PER_PERIODE = "per_periode"  #: Capaian Kinerja per Triwulan: each IKK per period, unnumbered
EFISIENSI = "efisiensi"  #: Analisis Efisiensi Penggunaan Sumber Daya: anggaran and capaian per SK, unnumbered

#: Numbered tables :func:`lkjip_xl.tables.budget.write.write_budget_tables` writes for the report (pagu and
#: realisasi per satker, SMART, IKPA); ``budget_table_count`` of other budget data may differ.
BUDGET_TABLES = 3

_IKK_TITLES = {
    TARGET: LABELS["kind_target"],
    PERBANDINGAN: LABELS["kind_perbandingan"],
    RENSTRA: LABELS["kind_renstra"],
}

_NUMERALS = (
    (1000, "M"), (900, "CM"), (500, "D"), (400, "CD"),
    (100, "C"), (90, "XC"), (50, "L"), (40, "XL"),
    (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"),
)


# --------------------------------------------------------------------------- Roman numerals and labels


def _check_positive_int(name: str, value: int) -> None:
    if isinstance(value, bool) or not isinstance(value, int):
        raise ValueError(f"{name} must be an int, got {value!r}")
    if value < 1:
        raise ValueError(f"{name} must be at least 1, got {value}")


def to_roman(n: int) -> str:
    """``n`` (1..3999) in Roman numerals: 4 → "IV", 22 → "XXII"."""
    _check_positive_int("n", n)
    if n > 3999:
        raise ValueError(f"n must be at most 3999, got {n}")
    parts = []
    for value, numeral in _NUMERALS:
        count, n = divmod(n, value)
        parts.append(numeral * count)
    return "".join(parts)


def table_number(chapter: int, n: int) -> str:
    """The label of table ``n`` in ``chapter``: ``table_number(3, 178)`` → "Tabel 3.178"."""
    _check_positive_int("chapter", chapter)
    _check_positive_int("n", n)
    return msg("table_number", chapter=chapter, n=n)


# --------------------------------------------------------------------------- the plan of the chapter


@dataclass(frozen=True)
class PlannedTable:
    """One table of the chapter: its kind, number (``None``: unnumbered), title, IKK code or Divisi."""

    kind: str
    number: int | None
    title: str
    code: str = ""
    divisi: str = ""  #: the Divisi of a RENCANA_AKSI table

    def label(self, chapter: int = CHAPTER) -> str:
        """"Tabel 3.8", or "" for an unnumbered table."""
        return table_number(chapter, self.number) if self.number else ""

    def caption(self, chapter: int = CHAPTER) -> str:
        """"Tabel 3.8 Perbandingan Target dan Realisasi SK III dan IKK I"."""
        label = self.label(chapter)
        return f"{label} {self.title}" if label else self.title


def summary_title(year: int) -> str:
    """Title of Tabel 3.1."""
    return msg("tables_summary_title", year=year)


def ikk_title(kind: str, indicator: Indicator) -> str:
    """"Perbandingan Target dan Realisasi SK III dan IKK I" (kind TARGET, PERBANDINGAN or RENSTRA)."""
    return msg("tables_ikk_title", kind=_IKK_TITLES[kind], sk=to_roman(indicator.sk_no), ikk=to_roman(indicator.ikk_no))


def report_order(master: Master) -> list[Indicator]:
    """The IKK grouped by Divisi in PK order, as Tabel 3.1 and the chapter list them."""
    return [i for divisi in master.divisi_order for i in master.for_divisi(divisi)]


def action_plan_title(divisi: str, year: int) -> str:
    """"Capaian Target Kinerja Divisi Administrasi Tahun 2023"."""
    return msg("action_plan_title_divisi", name=divisi, year=year)


def action_plan_comparison_title(year: int) -> str:
    """"Perbandingan Capaian Target Kinerja Kantor Wilayah Tahun 2022 dan 2023"."""
    return msg("action_plan_title_comparison", previous=year - 1, year=year)


def plan_tables(master: Master, new_codes: set[str], supporting: Sequence[SupportingTable] = (),
                start: int = 1, with_budget: bool = False, action_plan_divisi: Sequence[str] = (),
                emonev_title: str = "", period_title: str = "", budget_tables: int = BUDGET_TABLES,
                efficiency_title: str = "") -> list[PlannedTable]:
    """Every table of the chapter in order, numbered from ``start`` without gaps.

    Tabel 3.<start> is the summary; then for each IKK the supporting tables
    listed before it and its Type 1, Type 2 and Type 3 tables (the Type 2 table
    of an IKK in ``new_codes`` is unnumbered); then, when ``efficiency_title`` is
    given, the unnumbered efficiency table; then ``budget_tables`` budget tables
    (number and title filled in by the budget module); then, when ``period_title`` is
    given, the unnumbered table of each IKK per period; then one Capaian Target Kinerja
    table per Divisi of ``action_plan_divisi`` (in that order) and their
    comparison with last year; then the e-Monev table (when ``emonev_title``
    is given); then the supporting tables listed for the end.
    """
    plan: list[PlannedTable] = []
    number = start

    def add(kind: str, title: str, code: str = "", numbered: bool = True, divisi: str = "") -> None:
        nonlocal number
        plan.append(PlannedTable(kind, number if numbered else None, title, code, divisi))
        number += numbered

    add(RINGKASAN, summary_title(master.year))
    for indicator in report_order(master):
        for table in supporting:
            if table.before == indicator.code:
                add(PENDUKUNG, table.title, indicator.code)
        add(TARGET, ikk_title(TARGET, indicator), indicator.code)
        add(PERBANDINGAN, ikk_title(PERBANDINGAN, indicator), indicator.code,
            numbered=indicator.code not in new_codes)
        add(RENSTRA, ikk_title(RENSTRA, indicator), indicator.code)
    if efficiency_title:  # guidance puts the efficiency analysis before the realisasi anggaran
        add(EFISIENSI, efficiency_title, numbered=False)
    if with_budget:
        for _ in range(budget_tables):
            add(ANGGARAN, "")
    if period_title:  # the report prints the e-Performance table without a number
        add(PER_PERIODE, period_title, numbered=False)
    for divisi in action_plan_divisi:
        add(RENCANA_AKSI, action_plan_title(divisi, master.year), divisi=divisi)
    if action_plan_divisi:
        add(RENCANA_AKSI_PERBANDINGAN, action_plan_comparison_title(master.year))
    if emonev_title:
        add(EMONEV, emonev_title)
    for table in supporting:
        if table.before == AKHIR:
            add(PENDUKUNG, table.title)
    return plan
