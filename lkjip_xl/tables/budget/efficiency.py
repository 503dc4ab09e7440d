"""The efficiency of the budget: anggaran, realisasi and capaian kinerja per Sasaran Kegiatan (or IKK).

LKjIP guidance (PermenPAN-RB 53/2014, chapter III A) asks for an *analisis atas efisiensi
penggunaan sumber daya*: what the performance cost.  The master declares the Anggaran (Rp)
of a Sasaran Kegiatan on one of its IKK rows (the first, as the report prints it); an SK
that declares it on several IKK rows has one anggaran per IKK.  Each such anggaran is a
:class:`BudgetLine`.  The budget workbook's sheet Pagu Realisasi maps its rows to them with
the optional columns Kode SK / Kode IKK (:func:`map_realisasi`); a line no row maps to has
no realisasi ("data tidak tersedia").

Every number is a pure function with its formula twin (same operations, same order):

- realisasi of a line = the sum of its rows' realisasi, left to right (:func:`realisasi_line`);
- penyerapan = realisasi / anggaran × 100 (:func:`penyerapan`);
- capaian of an SK = the simple mean of its IKK's capaian (:func:`capaian_sk`);
- indeks efisiensi = capaian / penyerapan × 100 (:func:`indeks_efisiensi`): above 100 the
  capaian kinerja is higher than the share of the anggaran spent.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from ...messages import msg
from ...model import Indicator, Master
from ...problems import ERROR, WARNING, Problem
from ..numbering import report_order
from .layout import COL_KODE_IKK, COL_KODE_SK, LEVEL_NAMES, SHEET_PAGU
from .model import BudgetData, mean, mean_formula, persentase_realisasi, persentase_realisasi_formula, total


@dataclass(frozen=True)
class BudgetLine:
    """One anggaran of the master: of a whole Sasaran Kegiatan, or (``per_ikk``) of one IKK.

    ``indicator`` is the IKK row that declares it; ``rows`` the indices of the budget's pagu rows
    mapped to it (their realisasi add up to the line's).
    """

    indicator: Indicator
    per_ikk: bool
    rows: tuple[int, ...] = ()

    @property
    def anggaran(self) -> float:
        return self.indicator.anggaran or 0.0

    @property
    def target(self) -> str:
        """What the line is called in the messages: "SK 3" or "IKK SK03-IKK2"."""
        return f"IKK {self.indicator.code}" if self.per_ikk else f"SK {self.indicator.sk_no}"


@dataclass(frozen=True)
class EfficiencyGroup:
    """A Sasaran Kegiatan with an anggaran: its IKK in report order and its budget lines."""

    sk_no: int
    sk_text: str
    indicators: tuple[Indicator, ...]
    lines: tuple[BudgetLine, ...] = field(default=())

    @property
    def per_ikk(self) -> bool:
        return len(self.lines) > 1

    def line_of(self, indicator: Indicator) -> BudgetLine | None:
        """The line of an IKK that declares its own anggaran (an SK with anggaran per IKK)."""
        return next((line for line in self.lines if line.per_ikk and line.indicator.code == indicator.code), None)


def has_anggaran(master: Master) -> bool:
    """Whether the master declares any Anggaran (Rp): the efficiency table is written then."""
    return any(i.anggaran is not None for i in master.indicators)


def efficiency_groups(master: Master) -> list[EfficiencyGroup]:
    """Every Sasaran Kegiatan with an anggaran, in report order, with its lines (no realisasi mapped yet)."""
    by_sk: dict[int, list[Indicator]] = {}
    for indicator in report_order(master):
        by_sk.setdefault(indicator.sk_no, []).append(indicator)
    groups = []
    for sk_no, indicators in by_sk.items():
        declaring = [i for i in indicators if i.anggaran is not None]
        if declaring:
            per_ikk = len(declaring) > 1
            groups.append(EfficiencyGroup(sk_no, indicators[0].sk_text, tuple(indicators),
                                          tuple(BudgetLine(i, per_ikk) for i in declaring)))
    return groups


def map_realisasi(master: Master, budget: BudgetData | None) -> tuple[list[EfficiencyGroup], list[Problem]]:
    """:func:`efficiency_groups` with the pagu rows mapped to their lines, and the problems of the mapping.

    Errors: a code not in the master, a Kode IKK of another SK than its Kode SK, a Kode SK of an SK
    whose anggaran is per IKK, one line fed by rows of different levels (counted twice).  Warning: a
    code of an SK or IKK without anggaran (its realisasi is left out).
    """
    groups = efficiency_groups(master)
    if budget is None:
        return groups, []
    problems: list[Problem] = []

    def report(message_code: str, cell: str, severity: str = ERROR, **fields) -> None:
        text = msg(message_code, path=budget.source, sheet=SHEET_PAGU, cell=cell, **fields)
        problems.append(Problem(budget.source, message_code, text, severity, SHEET_PAGU, cell))

    by_sk = {group.sk_no: group for group in groups}
    codes = {i.code.casefold(): i for i in master.indicators}
    numbers = {i.sk_no for i in master.indicators}
    mapped: dict[str, list[int]] = {}
    for index, row in enumerate(budget.pagu_realisasi):
        if row.kode_sk is None and not row.kode_ikk:
            continue
        where = dict(cell=row.kode_cell, satker=row.satker)
        indicator = codes.get(row.kode_ikk.casefold()) if row.kode_ikk else None
        if row.kode_ikk and indicator is None:
            report("budget_code_unknown", field=COL_KODE_IKK, value=row.kode_ikk, year=master.year, **where)
            continue
        if indicator is not None and row.kode_sk is not None and indicator.sk_no != row.kode_sk:
            report("budget_code_conflict", code=row.kode_ikk, sk=row.kode_sk, **where)
            continue
        sk_no = indicator.sk_no if indicator is not None else row.kode_sk
        if sk_no not in numbers:
            report("budget_code_unknown", field=COL_KODE_SK, value=row.kode_sk, year=master.year, **where)
            continue
        group = by_sk.get(sk_no)
        line = None
        if group is not None and group.per_ikk:
            if indicator is None:
                report("budget_code_per_ikk", sk=sk_no, example=group.lines[0].indicator.code, **where)
                continue
            line = group.line_of(indicator)
        elif group is not None:
            line = group.lines[0]
        if line is None:
            target = f"IKK {indicator.code}" if indicator is not None and group is not None else f"SK {sk_no}"
            report("budget_code_no_anggaran", severity=WARNING, target=target, **where)
            continue
        mapped.setdefault(line.indicator.code, []).append(index)
    for group in groups:
        for line in group.lines:
            rows = mapped.get(line.indicator.code, [])
            found = dict.fromkeys(budget.pagu_realisasi[i].tingkat for i in rows)
            if len(found) > 1:
                report("budget_code_levels", budget.pagu_realisasi[rows[0]].kode_cell, target=line.target,
                       levels=", ".join(LEVEL_NAMES[level] for level in found),
                       cells=", ".join(budget.pagu_realisasi[i].kode_cell for i in rows))
    mapped_groups = [EfficiencyGroup(g.sk_no, g.sk_text, g.indicators,
                                     tuple(BudgetLine(line.indicator, line.per_ikk,
                                                      tuple(mapped.get(line.indicator.code, ())))
                                           for line in g.lines))
                     for g in groups]
    return mapped_groups, problems


# --------------------------------------------------------------------------- the numbers


def realisasi_line(values: Sequence[int]) -> int:
    """The realisasi of a line: its rows' realisasi added left to right."""
    return total(values)


def realisasi_line_formula(refs: Sequence[str]) -> str:
    """Formula of :func:`realisasi_line`: the rows' cells added in the same order."""
    return "+".join(refs)


def penyerapan(realisasi: float, anggaran: float) -> float:
    """Penyerapan anggaran in percent: realisasi / anggaran × 100 (:func:`persentase_realisasi`)."""
    return persentase_realisasi(realisasi, anggaran)


def penyerapan_formula(realisasi_ref: str, anggaran_ref: str) -> str:
    """Formula of :func:`penyerapan`."""
    return persentase_realisasi_formula(realisasi_ref, anggaran_ref)


def capaian_sk(values: Sequence[float]) -> float:
    """The capaian kinerja of a Sasaran Kegiatan: the simple mean of its IKK's capaian (those with one)."""
    return mean(values)


def capaian_sk_formula(range_ref: str) -> str:
    """Formula of :func:`capaian_sk` over the IKK's capaian cells (a "-" is not counted)."""
    return mean_formula(range_ref)


def indeks_efisiensi(capaian: float, penyerapan_value: float) -> float:
    """Indeks efisiensi: capaian / penyerapan × 100 (both in percent); above 100 the capaian kinerja is
    higher than the share of the anggaran spent."""
    return capaian / penyerapan_value * 100


def indeks_efisiensi_formula(capaian_ref: str, penyerapan_ref: str) -> str:
    """Formula of :func:`indeks_efisiensi`."""
    return f"{capaian_ref}/{penyerapan_ref}*100"
