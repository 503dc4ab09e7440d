"""One pure function per number, each beside the spreadsheet formula that computes it.

Every number the toolkit writes comes from a function here.  Each function has a
``*_formula`` twin that builds the Excel/LibreOffice formula for the same number
from cell references, with the same operations in the same order, so that the
value stored beside a formula equals what a spreadsheet engine recomputes.
Missing inputs give ``None`` in Python and ``""`` (a blank) in the formula.

Rules (see README "Calculation rules"):

- ``rasio``: realisasi = pembilang / penyebut × 100.
- ``survei``: realisasi = jumlah nilai / jumlah periode / pembagi skala
  (e.g. (1154,03 / 12) / 25 = 3,8468 on the 1–4 scale).
- ``rerata_subrasio``: realisasi = mean of the sub-rates, each computed
  exactly (not from rounded sub-rates).
- ``perubahan``: realisasi = (nilai − nilai pembanding) / nilai pembanding × 100.
- NIHIL: where the PK allows it and the Divisi reports NIHIL (no events), or a
  ``rasio`` reports 0 / 0, realisasi = 100.
- capaian, higher is better: realisasi / target × 100, never capped.
- capaian, lower is better: (2 × target − realisasi) / target × 100, i.e.
  every unit below target adds as much as a unit above it would subtract
  (100 at target, 200 at zero).
- tercapai: capaian ≥ threshold (default 100), on the unrounded capaian, with
  equality judged as spreadsheet engines judge it (:func:`approx_equal`).
"""

from __future__ import annotations

import math
import string
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import cast

from .messages import LABELS, MESSAGES, msg, visible
from .model import AchievementRule, Direction, Indicator, IndicatorInput, IndicatorResult
from .numbers import approx_equal
from .xlsx import excel_string, number_literal

TERCAPAI = LABELS["status_tercapai"]
TIDAK_TERCAPAI = LABELS["status_tidak_tercapai"]


# --------------------------------------------------------------------------- realisasi


def finite(value: float | None) -> float | None:
    """``value``, or ``None`` when it is inf or nan: no calculation here ever returns a non-finite number."""
    return value if value is None or math.isfinite(value) else None


def ratio_percent(numerator: float | None, denominator: float | None) -> float | None:
    """pembilang / penyebut × 100; ``None`` when an input is missing or the penyebut is 0."""
    if numerator is None or denominator is None or denominator == 0:
        return None
    return finite(numerator / denominator * 100)


def ratio_percent_expr(num_ref: str, den_ref: str) -> str:
    """The bare expression of :func:`ratio_percent` (inputs known to be present)."""
    return f"{num_ref}/{den_ref}*100"


def survey_score(total: float | None, count: float | None, divisor: float) -> float | None:
    """jumlah nilai / jumlah periode / pembagi skala."""
    if total is None or count is None or count == 0 or divisor == 0:
        return None
    return finite(total / count / divisor)


def change_percent(value: float | None, basis: float | None) -> float | None:
    """(nilai − nilai pembanding) / nilai pembanding × 100."""
    if value is None or basis is None or basis == 0:
        return None
    return finite((value - basis) / basis * 100)


def mean_of_rates(pairs: Sequence[tuple[float | None, float | None]]) -> float | None:
    """Mean of the exact sub-rates pembilang / penyebut × 100."""
    rates = [ratio_percent(n, d) for n, d in pairs]
    if any(r is None for r in rates):
        return None
    return mean(cast("list[float]", rates))  # no None left, checked above


@dataclass(frozen=True)
class InputRefs:
    """Cell references of one IKK's inputs, in whatever sheet holds them."""

    value: str = ""
    pairs: tuple[tuple[str, str], ...] = ()
    nihil: str = ""


def ratio_percent_formula(num_ref: str, den_ref: str) -> str:
    """Formula computing :func:`ratio_percent`, blank when an input is blank or the penyebut is 0
    (a sub-rate row of a form)."""
    return f'IF(OR({num_ref}="",{den_ref}="",{den_ref}=0),"",{ratio_percent_expr(num_ref, den_ref)})'


def _pair_formula(refs: InputRefs, expr: str, on_zero: str = '""') -> str:
    """``expr`` over the first pair, blank when an input is blank; ``on_zero`` when the penyebut is 0."""
    num, den = refs.pairs[0]
    return f'IF(OR({num}="",{den}=""),"",IF({den}=0,{on_zero},{expr}))'


def _first_pair(reported: IndicatorInput) -> tuple[float | None, float | None]:
    return reported.pairs[0] if reported.pairs else (None, None)


# One realisasi function per calculation method, each with its formula builder.  They are what
# :mod:`lkjip_xl.methods` registers; its ``realisasi``, ``realisasi_formula`` and ``evaluate``
# look the IKK's method up there and add the NIHIL = Ya rule, which is the same for every method.


def direct_realisasi(indicator: Indicator, reported: IndicatorInput) -> float | None:
    """``langsung``: the value typed."""
    return finite(reported.value)


def direct_realisasi_formula(indicator: Indicator, refs: InputRefs) -> str:
    return f'IF({refs.value}="","",{refs.value})'


def ratio_realisasi(indicator: Indicator, reported: IndicatorInput) -> float | None:
    """``rasio``: pembilang / penyebut × 100; 0 / 0 under the NIHIL rule is 100."""
    numerator, denominator = _first_pair(reported)
    if indicator.nihil and numerator == 0 and denominator == 0:
        return 100.0
    return ratio_percent(numerator, denominator)


def ratio_realisasi_formula(indicator: Indicator, refs: InputRefs) -> str:
    num, den = refs.pairs[0]
    on_zero = f'IF({num}=0,100,"")' if indicator.nihil else '""'
    return _pair_formula(refs, ratio_percent_expr(num, den), on_zero)


def survey_realisasi(indicator: Indicator, reported: IndicatorInput) -> float | None:
    """``survei``: jumlah nilai / jumlah periode / pembagi skala."""
    numerator, denominator = _first_pair(reported)
    return survey_score(numerator, denominator, indicator.scale_divisor)


def survey_realisasi_formula(indicator: Indicator, refs: InputRefs) -> str:
    num, den = refs.pairs[0]
    return _pair_formula(refs, f"{num}/{den}/{number_literal(indicator.scale_divisor)}")


def mean_of_rates_realisasi(indicator: Indicator, reported: IndicatorInput) -> float | None:
    """``rerata_subrasio``: the mean of the exact sub-rates."""
    return mean_of_rates(reported.pairs)


def mean_of_rates_realisasi_formula(indicator: Indicator, refs: InputRefs) -> str:
    blanks = ",".join(f'{n}="",{d}="",{d}=0' for n, d in refs.pairs)
    rates = "+".join(f"{ratio_percent_expr(n, d)}" for n, d in refs.pairs)
    return f'IF(OR({blanks}),"",({rates})/{len(refs.pairs)})'


def decrease_percent(value: float | None, start: float | None) -> float | None:
    """(nilai awal − nilai akhir) / nilai awal × 100: how much of a stock went away."""
    if value is None or start is None or start == 0:
        return None
    return finite((start - value) / start * 100)


def decrease_realisasi(indicator: Indicator, reported: IndicatorInput) -> float | None:
    """``penurunan``: (nilai awal (penyebut) − nilai akhir (pembilang)) / nilai awal × 100."""
    numerator, denominator = _first_pair(reported)
    return decrease_percent(numerator, denominator)


def decrease_realisasi_formula(indicator: Indicator, refs: InputRefs) -> str:
    num, den = refs.pairs[0]
    return _pair_formula(refs, f"({den}-{num})/{den}*100")


def change_realisasi(indicator: Indicator, reported: IndicatorInput) -> float | None:
    """``perubahan``: (nilai − nilai pembanding) / nilai pembanding × 100."""
    numerator, denominator = _first_pair(reported)
    return change_percent(numerator, denominator)


def change_realisasi_formula(indicator: Indicator, refs: InputRefs) -> str:
    num, den = refs.pairs[0]
    return _pair_formula(refs, f"({num}-{den})/{den}*100")


# --------------------------------------------------------------------------- capaian


def capaian(realisasi_value: float | None, target: float, direction: Direction) -> float | None:
    """Capaian in percent, unrounded and uncapped; ``None`` without realisasi or target."""
    if realisasi_value is None or not target:
        return None
    if direction is Direction.TURUN:
        return finite((2 * target - realisasi_value) / target * 100)
    return finite(realisasi_value / target * 100)


def capaian_formula(realisasi_ref: str, target_ref: str, direction: Direction) -> str:
    """Formula computing :func:`capaian` (no leading '=')."""
    if direction is Direction.TURUN:
        expr = f"(2*{target_ref}-{realisasi_ref})/{target_ref}*100"
    else:
        expr = f"{realisasi_ref}/{target_ref}*100"
    return f'IF(OR({realisasi_ref}="",N({target_ref})=0),"",{expr})'


def tercapai(capaian_value: float | None, rule: AchievementRule) -> bool | None:
    """Whether capaian meets the achievement rule; ``None`` without capaian.

    Compared the way :func:`status_formula` is evaluated by Excel and
    LibreOffice: a capaian within floating-point noise of the threshold
    (:func:`approx_equal`) counts as equal to it.
    """
    if capaian_value is None:
        return None
    if approx_equal(capaian_value, rule.threshold):
        return rule.inclusive
    return capaian_value > rule.threshold


def status_text(achieved: bool | None) -> str:
    """The status word shown in sheets: "Tercapai", "Tidak Tercapai" or blank."""
    if achieved is None:
        return ""
    return TERCAPAI if achieved else TIDAK_TERCAPAI


def status_formula(capaian_ref: str, rule: AchievementRule) -> str:
    """Formula giving :func:`status_text` of :func:`tercapai` (no leading '=')."""
    op = ">=" if rule.inclusive else ">"
    return (
        f'IF({capaian_ref}="","",IF({capaian_ref}{op}{number_literal(rule.threshold)},'
        f'"{TERCAPAI}","{TIDAK_TERCAPAI}"))'
    )


# --------------------------------------------------------------------------- summary


@dataclass(frozen=True)
class GroupSummary:
    """Counts and mean capaian of one Divisi (or of the whole Kanwil)."""

    name: str
    total: int
    tercapai: int
    mean_capaian: float | None
    #: the mean of the capaian each capped at the rule's ``mean_cap`` (``None`` without a cap)
    mean_capped: float | None = None

    @property
    def tidak_tercapai(self) -> int:
        return self.total - self.tercapai


@dataclass(frozen=True)
class Summary:
    """The Ringkasan: one group per Divisi and the Kanwil total."""

    groups: tuple[GroupSummary, ...]
    overall: GroupSummary = field(default=None)  # type: ignore[assignment]
    #: The period of a consolidation of non-annual forms ("Triwulan I Tahun 2023"), named in
    #: the headline; "" for a year.
    period: str = ""

    @property
    def total(self) -> int:
        return self.overall.total

    @property
    def tercapai(self) -> int:
        return self.overall.tercapai

    @property
    def headline(self) -> str:
        return headline(self.overall.tercapai, self.overall.total, self.period)


def mean(values: Sequence[float]) -> float | None:
    """Arithmetic mean summed left to right (``None`` for no values)."""
    if not values:
        return None
    total = 0.0
    for value in values:
        total += value
    return finite(total / len(values))


def capped(capaian_value: float | None, cap: float) -> float | None:
    """``capaian_value`` capped at ``cap`` for a mean (1.666,67 with a cap of 120 counts as 120)."""
    return None if capaian_value is None else min(capaian_value, cap)


def capped_formula(capaian_ref: str, cap: float) -> str:
    """Formula computing :func:`capped` (no leading '=')."""
    return f'IF({capaian_ref}="","",MIN({capaian_ref},{number_literal(cap)}))'


def group_summary(name: str, results: Sequence[IndicatorResult], cap: float | None = None) -> GroupSummary:
    """Counts of IKK and tercapai, and the mean capaian of ``results`` (also capped, with a ``cap``)."""
    capaians = [r.capaian for r in results if r.capaian is not None]
    return GroupSummary(
        name=name,
        total=len(results),
        tercapai=sum(1 for r in results if r.tercapai),
        mean_capaian=mean(capaians),
        mean_capped=None if cap is None else mean([min(c, cap) for c in capaians]),
    )


def summarize(results: Sequence[IndicatorResult], divisi_order: Sequence[str], kanwil: str,
              cap: float | None = None) -> Summary:
    """Per-Divisi groups in ``divisi_order`` and the Kanwil total (means also capped at ``cap``)."""
    groups = tuple(
        group_summary(name, [r for r in results if r.indicator.divisi == name], cap)
        for name in divisi_order
    )
    return Summary(groups=groups, overall=group_summary(kanwil, results, cap))


def headline(tercapai_count: int, total: int, period: str = "") -> str:
    """"54 dari 60 IKK tercapai"; with a ``period``, "12 dari 60 IKK tercapai (Triwulan I Tahun 2023)"."""
    text = msg("headline", tercapai=tercapai_count, total=total)
    return msg("headline_period", headline=text, period=period) if period else text


def headline_formula(tercapai_ref: str, total_ref: str, period: str = "") -> str:
    """Formula building :func:`headline` from two count cells, from the same catalogue entries."""
    formula = message_formula("headline", {"tercapai": tercapai_ref, "total": total_ref})
    return message_formula("headline_period", {"headline": formula}, period=period) if period else formula


def message_formula(message_code: str, refs: dict[str, str], /, **fields: object) -> str:
    """The catalogue text ``message_code`` as a formula (no leading '=') that builds it in the cell.

    Each field named in ``refs`` becomes that formula expression (a cell reference), joined
    with ``&``; the other ``fields`` are filled in as text, as :func:`~lkjip_xl.messages.msg`
    does, and every run of text becomes one string literal.
    """
    parts: list[str] = []
    text = ""
    for literal, name, _, _ in string.Formatter().parse(MESSAGES[message_code]):
        text += literal
        if name is None:
            continue
        if name in refs:
            if text:
                parts.append(excel_string(text))
            parts.append(refs[name])
            text = ""
        else:
            text += visible(fields[name])
    if text:
        parts.append(excel_string(text))
    return "&".join(parts)


# --------------------------------------------------------------------------- report tables

#: Capaian that differ by less than this many percentage points count as "tetap".
CHANGE_TOLERANCE = 1e-9
NAIK, TURUN, TETAP = "naik", "turun", "tetap"


def renstra_scale(value: float | None, factor: float) -> float | None:
    """Realisasi on the Renstra scale: realisasi × factor (e.g. 3,85 × 2,5 = 9,62 on 1–10)."""
    if value is None:
        return None
    return finite(value * factor)


def renstra_scale_formula(value_ref: str, factor: float) -> str:
    """Formula computing :func:`renstra_scale` (no leading '=')."""
    return f'IF({value_ref}="","",{value_ref}*{number_literal(factor)})'


def change_direction(previous: float | None, current: float | None) -> str:
    """"naik", "turun" or "tetap" from the previous to the current capaian; "" when one is missing."""
    if previous is None or current is None:
        return ""
    if current - previous > CHANGE_TOLERANCE:
        return NAIK
    if previous - current > CHANGE_TOLERANCE:
        return TURUN
    return TETAP


def change_direction_formula(previous_ref: str, current_ref: str) -> str:
    """Formula computing :func:`change_direction` (no leading '=')."""
    tolerance = f"{CHANGE_TOLERANCE:.9f}"  # a plain decimal literal, no exponent
    return (
        f'IF(OR({previous_ref}="",{current_ref}=""),"",'
        f'IF({current_ref}-{previous_ref}>{tolerance},"{NAIK}",'
        f'IF({previous_ref}-{current_ref}>{tolerance},"{TURUN}","{TETAP}")))'
    )
