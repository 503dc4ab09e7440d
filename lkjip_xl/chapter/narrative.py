"""Draft sentences of Chapter III in the report's style, from the facts alone.

For each IKK (:func:`ikk_narrative`), three paragraphs the report writes under
its tables, each from :class:`~lkjip_xl.chapter.facts.IkkFacts` only:

1. target, realisasi and capaian of the year, and whether the IKK is tercapai
   and by how much (points above or below 100%);
2. the comparison with the latest earlier year (naik / turun / tetap, as the
   comparison table's Perubahan Capaian), or why there is none: a new IKK,
   earlier years not given, an earlier realisasi printed as NIHIL or "-", an
   earlier year without a target;
3. the comparison with the Renstra target (on the Renstra scale, or summed
   over the plan years for a Kumulatif IKK), or that there is none.

Then the texts the unit's staff wrote (:class:`StaffText`): faktor pendukung,
faktor penghambat, upaya, each as written, never reworded.  **An empty text
is a placeholder only where the report needs one**: faktor pendukung for an
IKK that is tercapai, faktor penghambat for one that is not (or not
reported), upaya always; the placeholder is a catalogue sentence in square
brackets naming the unit that should write it, and ``StaffText.placeholder``
tells the document to mark it for staff.  Any other empty text is left out.

For the year (:func:`summary_sentences`): "N dari M IKK tercapai" per unit and
for the office, and the capaian kinerja anggaran when the budget was given.

Every number is written by :func:`_shown`, the one place that renders them:
as the tables workbook shows the same number, under the number format its
cell has (:func:`~lkjip_xl.numbers.excel_number_format` of the unit with as
many decimals as the value needs, at most 2, as the tables' cells are given),
rendered by :func:`~lkjip_xl.numbers.format_shown`: "21 Layanan",
"82 (Indeks)", "94,70%", "1.666,67%".  The only number that is not itself a
table's is the distance of the capaian from 100%, computed from the capaian
as shown (with its decimals) so that the reader's own subtraction agrees.

Every text is a catalogue entry (``narrative_*``), said in the organisation's
words when :func:`~lkjip_xl.messages.use_words` is active.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

from .. import calc
from ..messages import label, msg
from ..model import Direction, DisplayDecimals
from ..numbers import approx_equal, excel_number_format, excel_round, format_shown
from ..tables.budget.model import BudgetSummary
from ..tables.load import TablesData
from ..tables.previous import DASH
from .facts import ChapterSummary, IkkFacts, budget_facts, summary_facts

PERCENT = "%"
HUNDRED = Decimal(100)
#: Decimals of a budget score, as the budget tables show it (their ``score`` style).
SCORE_DECIMALS = 2

#: The staff texts in the order the report tells them: (IkkFacts field, heading label).
STAFF_FIELDS = (
    ("faktor_pendukung", "narrative_faktor_pendukung"),
    ("faktor_penghambat", "narrative_faktor_penghambat"),
    ("upaya", "narrative_upaya"),
)


def _shown(display: DisplayDecimals, value: float, unit: str, kind: str = "value",
           decimals: int | None = None) -> str:
    """The one rendering of a number in a sentence, as the tables show it: ``kind`` "value" (a target or
    realisasi in ``unit``: "21 Layanan", "82 (Indeks)", "94,70%"), "capaian" (in %: "124,09%", "125%"),
    "points" (a distance in percentage points with ``decimals``: "24,09") or "score" (a budget score with
    its 2 decimals: "99,20")."""
    if kind == "score":
        number_format = excel_number_format("", SCORE_DECIMALS)
    elif kind == "points":
        number_format = excel_number_format("", decimals or 0)
    else:  # the master's declared decimals, as every table cell shows them
        return display.shown(value, unit, capaian=kind == "capaian")
    return format_shown(value, number_format)


# --------------------------------------------------------------------------- one IKK


@dataclass(frozen=True)
class StaffText:
    """A text of the unit's staff under its heading, or the placeholder asking for it."""

    field: str  #: the :class:`IkkFacts` field: "faktor_pendukung", "faktor_penghambat" or "upaya"
    heading: str  #: "Faktor pendukung", ... (catalogue)
    text: str  #: as the staff wrote it, or the placeholder sentence
    placeholder: bool = False  #: ``text`` is the placeholder: the document marks it for staff to fill

    @property
    def paragraph(self) -> str:
        """The heading and the text as one paragraph (the text as written: its line breaks kept)."""
        return f"{msg('narrative_staff', heading=self.heading)} {self.text}"


@dataclass(frozen=True)
class IkkNarrative:
    """The draft paragraphs of one IKK, in the order of the report."""

    target: str  #: 1. target, realisasi, capaian; tercapai and by how much
    comparison: str  #: 2. with the latest earlier year
    renstra: str  #: 3. with the Renstra target
    staff: tuple[StaffText, ...] = ()  #: faktor pendukung, faktor penghambat, upaya (written or expected)

    @property
    def paragraphs(self) -> list[str]:
        """Every paragraph as text: the three drafts, then each staff text after its heading."""
        return [self.target, self.comparison, self.renstra, *(item.paragraph for item in self.staff)]


def ikk_narrative(facts: IkkFacts, year: int) -> IkkNarrative:
    """The draft paragraphs of one IKK of ``year`` (the master's year)."""
    return IkkNarrative(_target_paragraph(facts, year), _comparison(facts, year), _renstra(facts, year),
                        _staff(facts))


def ikk_paragraphs(facts: IkkFacts, year: int) -> list[str]:
    """:attr:`IkkNarrative.paragraphs` of :func:`ikk_narrative`."""
    return ikk_narrative(facts, year).paragraphs


def _target_paragraph(facts: IkkFacts, year: int) -> str:
    target = _shown(facts.decimals, facts.target, facts.unit)
    if facts.realisasi is None or facts.capaian is None:
        return msg("narrative_target_missing", year=year, target=target)
    fields = {"year": year, "target": target, "realisasi": _shown(facts.decimals, facts.realisasi, facts.unit),
              "capaian": _shown(facts.decimals, facts.capaian, "", "capaian")}
    if facts.nihil:
        opening = msg("narrative_target_nihil", **fields)
    elif facts.lower_is_better:
        opening = msg("narrative_target_lower", **fields)
    elif facts.realisasi == 0:
        opening = msg("narrative_target_zero", **fields)
    else:
        opening = msg("narrative_target", **fields)
    return f"{opening} {_status(facts.capaian, bool(facts.tercapai), facts.decimals)}"


def _side(capaian: float, display: DisplayDecimals) -> str:
    """Where ``capaian`` stands against 100% as the sentences show it: "above", "below", "exact",
    "just_above" / "just_below" (shown as 100% but not exactly 100), "zero" or "negative"."""
    if capaian < 0:
        return "negative"
    shown = excel_round(capaian, display.places(value=capaian, capaian=True))
    if shown == 0:
        return "zero"
    if shown != HUNDRED:
        return "above" if shown > HUNDRED else "below"
    if approx_equal(capaian, 100.0):
        return "exact"
    return "just_above" if capaian > 100 else "just_below"


def _points(capaian: float, display: DisplayDecimals) -> str:
    """The distance of the shown capaian from 100, in points: what the reader computes from the text."""
    decimals = display.places(value=capaian, capaian=True)
    return _shown(display, float(abs(excel_round(capaian, decimals) - HUNDRED)), "", "points", decimals)


def _status(capaian: float, tercapai: bool, display: DisplayDecimals) -> str:
    side = _side(capaian, display)
    position = msg(f"narrative_position_{side}", points=_points(capaian, display),
                   capaian=_shown(display, capaian, "", "capaian"))
    reached = side in ("above", "exact", "just_above")
    if tercapai:
        return msg("narrative_tercapai" if reached else "narrative_tercapai_by_rule", position=position)
    return msg("narrative_tidak_tercapai_by_rule" if reached else "narrative_tidak_tercapai", position=position)


def _comparison(facts: IkkFacts, year: int) -> str:
    if facts.new_ikk:
        return msg("narrative_new_ikk", year=year, previous=year - 1)
    if facts.previous_year is None:
        return msg("narrative_previous_absent", previous=year - 1)
    previous = facts.previous_year
    if facts.previous_realisasi is None:
        note = facts.previous_note
        if note and note != DASH:
            return msg("narrative_previous_noted", previous=previous, year=year, note=note)
        return msg("narrative_previous_no_realisasi", previous=previous, year=year)
    fields = {"previous": previous, "year": year,
              "previous_realisasi": _shown(facts.decimals, facts.previous_realisasi, facts.unit)}
    if facts.previous_target is None or facts.previous_capaian is None:
        return msg("narrative_previous_no_target", **fields)
    fields |= {"previous_target": _shown(facts.decimals, facts.previous_target, facts.unit),
               "previous_capaian": _shown(facts.decimals, facts.previous_capaian, "", "capaian")}
    if facts.capaian is None:
        return msg("narrative_previous_only", **fields)
    fields["capaian"] = _shown(facts.decimals, facts.capaian, "", "capaian")
    direction = calc.change_direction(facts.previous_capaian, facts.capaian)
    if direction != calc.TETAP and fields["capaian"] == fields["previous_capaian"]:
        return msg("narrative_change_slight", direction=direction, **fields)
    return msg(f"narrative_change_{direction}", **fields)


def _renstra(facts: IkkFacts, year: int) -> str:
    if facts.renstra_year is None:
        return msg("narrative_renstra_absent")
    if facts.renstra_target is None:
        return msg("narrative_renstra_no_target", renstra_year=facts.renstra_year)
    fields = {"year": year, "renstra_year": facts.renstra_year,
              "renstra_target": _shown(facts.decimals, facts.renstra_target, facts.unit)}
    if facts.renstra_since is not None:
        fields["since"] = facts.renstra_since
        if facts.renstra_realisasi is None or facts.renstra_capaian is None:
            return msg("narrative_renstra_cumulative_missing", **fields)
        return msg("narrative_renstra_cumulative",
                   value=_shown(facts.decimals, facts.renstra_realisasi, facts.unit),
                   renstra_capaian=_shown(facts.decimals, facts.renstra_capaian, "", "capaian"), **fields)
    if facts.realisasi is None or facts.renstra_realisasi is None:
        return msg("narrative_renstra_missing_realisasi", **fields)
    value = _shown(facts.decimals, facts.renstra_realisasi, facts.unit)
    if facts.renstra_scaled:
        value = msg("narrative_renstra_scaled", realisasi=_shown(facts.decimals, facts.realisasi, facts.unit),
                    scaled=value)
    if facts.renstra_pk_basis or facts.renstra_capaian is None:  # the Renstra target is shown, not divided by
        direction = Direction.TURUN if facts.lower_is_better else Direction.NAIK
        against = calc.capaian(facts.renstra_realisasi, facts.renstra_target, direction)
        return msg("narrative_renstra_pk", value=value,
                   verdict=_verdict(against, facts.lower_is_better, facts.decimals), **fields)
    verdict = _verdict(facts.renstra_capaian, facts.lower_is_better, facts.decimals)
    return msg("narrative_renstra", value=value, verdict=verdict,
               renstra_capaian=_shown(facts.decimals, facts.renstra_capaian, "", "capaian"), **fields)


def _verdict(capaian: float | None, lower_is_better: bool, display: DisplayDecimals) -> str:
    """Whether a realisasi reached the Renstra target, from the capaian against it (direction included)."""
    if capaian is None:
        return msg("narrative_verdict_unknown")
    side = _side(capaian, display)
    if side == "exact":
        return msg("narrative_verdict_exact")
    reached = side in ("above", "just_above")
    if lower_is_better:
        return msg("narrative_verdict_above_lower" if reached else "narrative_verdict_below_lower")
    return msg("narrative_verdict_above" if reached else "narrative_verdict_below")


def _staff(facts: IkkFacts) -> tuple[StaffText, ...]:
    expected = {"faktor_pendukung": facts.tercapai is True, "faktor_penghambat": facts.tercapai is not True,
                "upaya": True}
    found = []
    for field, heading in STAFF_FIELDS:
        text = getattr(facts, field).strip()
        if text:
            found.append(StaffText(field, label(heading), text))
        elif expected[field]:
            found.append(StaffText(field, label(heading), msg(f"narrative_fill_{field}", divisi=facts.divisi), True))
    return tuple(found)


# --------------------------------------------------------------------------- the year


def summary_sentences(summary: ChapterSummary) -> list[str]:
    """The office's "N dari M IKK tercapai" sentence, then one per unit (in the master's order)."""
    overall = summary.summary.overall
    if overall.total and overall.tercapai == overall.total:
        office = msg("narrative_summary_office_all", year=summary.year, total=overall.total)
    elif overall.total and overall.tercapai == 0:
        office = msg("narrative_summary_office_none", year=summary.year, total=overall.total)
    else:
        office = msg("narrative_summary_office", year=summary.year, tercapai=overall.tercapai, total=overall.total,
                     tidak=overall.tidak_tercapai)
    units = [msg("narrative_summary_unit", unit=msg("divisi_label", name=group.name),
                 headline=calc.headline(group.tercapai, group.total)) for group in summary.summary.groups]
    return [office, *units]


def budget_sentences(year: int, budget: BudgetSummary | None) -> list[str]:
    """The capaian kinerja anggaran of ``year``; nothing without the budget, or without SMART and IKPA."""
    if budget is None or budget.capaian_kinerja_anggaran is None:
        return []
    score = _shown(DisplayDecimals(), budget.capaian_kinerja_anggaran, "", "score")
    return [msg("narrative_summary_budget", year=year, nilai=score)]


def summary_paragraphs(data: TablesData, facts: Sequence[IkkFacts] | None = None) -> list[str]:
    """:func:`summary_sentences` of :func:`~lkjip_xl.chapter.facts.summary_facts`."""
    return summary_sentences(summary_facts(data, facts))


def budget_paragraphs(data: TablesData) -> list[str]:
    """:func:`budget_sentences` of the year's budget (:func:`~lkjip_xl.chapter.facts.budget_facts`)."""
    return budget_sentences(data.master.year, budget_facts(data))
