"""What Chapter III says about each IKK, computed once from the tables' data.

:class:`IkkFacts` holds, for one IKK, the numbers its tables show (this year's
target, realisasi and capaian; last year's; the Renstra target) and the texts
the unit's staff wrote (faktor pendukung, faktor penghambat, upaya).  The
narrative (:mod:`lkjip_xl.chapter.narrative`), the charts
(:mod:`lkjip_xl.chapter.charts`) and the document (:mod:`lkjip_xl.chapter.document`)
read these facts and nothing else, so a number in a sentence, a chart and a
table is the same number, computed once.

:func:`facts_from_data` computes them with the functions and from the inputs
the tables workbook uses: this year's capaian by :func:`lkjip_xl.calc.capaian`
from the master's target and Tabel 3.1's realisasi, tercapai by
:func:`lkjip_xl.calc.tercapai` with the master's rule, last year's capaian
from that year's own target and realisasi (as the comparison table does), and
the Renstra figures by :func:`lkjip_xl.tables.ikk_renstra.renstra_figures`,
the function the Target Jangka Menengah table is written from.
:func:`summary_facts` counts IKK and tercapai per unit and for the office with
:func:`lkjip_xl.calc.summarize`, as the consolidated workbook's Ringkasan
does, and takes the budget figures from
:func:`lkjip_xl.tables.budget.model.summarize_budget`.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from .. import calc
from ..model import Direction, DisplayDecimals, IndicatorResult
from ..tables.budget.model import BudgetSummary, summarize_budget
from ..tables.ikk_renstra import renstra_figures
from ..tables.load import TablesData
from ..tables.numbering import report_order


@dataclass(frozen=True)
class IkkFacts:
    """One IKK as Chapter III speaks of it (``None`` where there is no value)."""

    code: str
    divisi: str
    sk_no: int
    sk_text: str
    ikk_no: int
    text: str
    unit: str
    target: float
    realisasi: float | None  #: ``None``: not reported (the tables print "-")
    capaian: float | None
    tercapai: bool | None
    lower_is_better: bool = False  #: Arah turun
    nihil: bool = False  #: NIHIL: no events, realisasi counted as the rule says
    new_ikk: bool = False  #: no earlier year: nothing to compare with
    previous_year: int | None = None  #: the last earlier year with figures
    previous_realisasi: float | None = None
    previous_capaian: float | None = None
    renstra_year: int | None = None
    renstra_target: float | None = None
    renstra_capaian: float | None = None
    #: that year's target (``None``: its row gives none, and its capaian is "data tidak tersedia")
    previous_target: float | None = None
    #: what the tables print for that year's missing realisasi ("NIHIL", "-"); "" with a realisasi
    previous_note: str = ""
    #: the realisasi the Renstra capaian is computed from: this year's (or, for a Kumulatif IKK, the sum
    #: since ``renstra_since``), on the Renstra scale when the master declares a factor
    renstra_realisasi: float | None = None
    renstra_scaled: bool = False  #: ``renstra_realisasi`` is converted to the Renstra scale
    renstra_since: int | None = None  #: a Kumulatif IKK: the first plan year summed (``None`` otherwise)
    #: the Renstra table's capaian is against the PK target (master: basis PK); ``renstra_target`` is then
    #: this year's Renstra target, shown beside it
    renstra_pk_basis: bool = False
    faktor_pendukung: str = ""
    faktor_penghambat: str = ""
    upaya: str = ""  #: upaya / rencana tindak lanjut
    #: how the master shows numbers (sheet Satuan, Desimal Capaian): the sentences show them as the tables do
    decimals: DisplayDecimals = field(default_factory=DisplayDecimals)


def facts_from_data(data: TablesData) -> list[IkkFacts]:
    """The facts of every IKK of the master, in report order (Tabel 3.1's order)."""
    master = data.master
    found = []
    for indicator in report_order(master):
        code = indicator.code
        current = data.current.get(code)
        realisasi = current.realisasi if current else None
        capaian = calc.capaian(realisasi, indicator.target, indicator.direction)
        earlier = data.previous.by_code.get(code, [])
        last = earlier[-1] if earlier else None  # the year Perubahan Capaian compares with
        renstra = renstra_figures(data, indicator)
        renstra_year = None if renstra.row is None else renstra.target_year or master.year
        renstra_target = renstra.row.targets.get(renstra_year) if renstra.row and renstra_year else None
        found.append(IkkFacts(
            code=code, divisi=indicator.divisi, sk_no=indicator.sk_no, sk_text=indicator.sk_text,
            ikk_no=indicator.ikk_no, text=indicator.text, unit=indicator.unit, target=indicator.target,
            realisasi=realisasi, capaian=capaian, tercapai=calc.tercapai(capaian, master.achievement),
            lower_is_better=indicator.direction is Direction.TURUN,
            nihil=bool(current and current.nihil),
            new_ikk=code in data.new_codes,
            previous_year=last.year if last else None,
            previous_realisasi=last.realisasi if last else None,
            previous_capaian=(calc.capaian(last.realisasi, last.target, indicator.direction)
                              if last is not None and last.target is not None else None),
            renstra_year=renstra_year,
            renstra_target=renstra_target,
            renstra_capaian=renstra.capaian,
            faktor_pendukung=current.faktor_pendukung if current else "",
            faktor_penghambat=current.faktor_penghambat if current else "",
            upaya=current.upaya if current else "",
            previous_target=last.target if last else None,
            previous_note=last.note if last else "",
            renstra_realisasi=renstra.value if renstra.row is not None else None,
            renstra_scaled=indicator.renstra_scale_factor != 1,
            renstra_since=renstra.years_so_far[0] if renstra.years_so_far else None,
            renstra_pk_basis=renstra.pk_basis,
            decimals=master.decimals,
        ))
    return found


@dataclass(frozen=True)
class ChapterSummary:
    """What Chapter III says of the year as a whole."""

    year: int
    #: one group per unit (Divisi/Bidang, in the master's order) and ``overall`` for the office:
    #: IKK, tercapai, tidak tercapai, as the consolidated workbook's Ringkasan counts them
    summary: calc.Summary
    budget: BudgetSummary | None = None  #: the budget's totals and capaian kinerja anggaran (``--anggaran``)


def summary_facts(data: TablesData, facts: Sequence[IkkFacts] | None = None) -> ChapterSummary:
    """The Ringkasan of the year from ``facts`` (default: :func:`facts_from_data`), and the budget figures
    when the budget workbook was given.  An IKK without realisasi counts, not tercapai, as in Ringkasan."""
    master = data.master
    if facts is None:
        facts = facts_from_data(data)
    by_code = master.by_code()
    results = [IndicatorResult(by_code[item.code], item.realisasi, item.capaian, item.tercapai) for item in facts]
    summary = calc.summarize(results, master.divisi_order, master.kanwil, master.achievement.mean_cap)
    return ChapterSummary(master.year, summary, budget_facts(data))


def budget_facts(data: TablesData) -> BudgetSummary | None:
    """The budget's totals, SMART, IKPA and capaian kinerja anggaran, as its tables compute them; ``None``
    without the budget workbook."""
    return summarize_budget(data.budget) if data.budget is not None else None
