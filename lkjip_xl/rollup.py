"""Periods rolled up: the raw inputs of several periods combined by each IKK's rule, then computed.

One function per number, each with its formula twin, as in :mod:`lkjip_xl.calc`:

- :func:`combine` combines what a Divisi reported in periods 1..N into the
  inputs of the "s.d." view: for ``jumlah`` every value and every
  pembilang/penyebut is summed (so a ratio IKK is the ratio of the sums,
  never a mean of percentages), for ``nilai_akhir`` the latest period's
  inputs are taken as they are, and NIHIL holds when every period (``jumlah``)
  or the latest one (``nilai_akhir``) says NIHIL.  With ``latest_present``
  (the sub-period rows of a form, :mod:`lkjip_xl.breakdown`) ``nilai_akhir``
  takes the latest period that holds any input instead: a month left blank
  does not blank the year.
- ``rerata`` is the mean of the periods' realisasi, each computed exactly from
  its own inputs (:func:`rolled_realisasi`).
- :func:`combined_formulas` and :func:`mean_realisasi_formula` build the same
  numbers as spreadsheet formulas over the period sheets' cells.

Targets of a period (:func:`period_target`) and up to a period
(:func:`to_date_target`) follow what the master declares (docs/periode.md).
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

from . import calc, methods
from ._values import YES
from .calc import InputRefs
from .model import Indicator, IndicatorInput, IndicatorResult, AchievementRule
from .periods import PeriodRule, TargetKind, rule_spec


# --------------------------------------------------------------------------- raw inputs


def _sum(values: Sequence[float | None]) -> float | None:
    """Sum of the present values, correctly rounded (:func:`math.fsum`: 288,73 + 287,94 + 287,48 +
    289,88 is 1.154,03, not 1.154,0300000000002, as a spreadsheet's SUM shows it); ``None`` when
    none is present (the formula's SUM when COUNT > 0)."""
    present = [v for v in values if v is not None]
    if not present:
        return None
    return calc.finite(math.fsum(present))


def present(reported: IndicatorInput) -> bool:
    """Whether a period holds any input: a value, a pembilang or penyebut, or NIHIL."""
    return reported.value is not None or reported.nihil or any(v is not None for p in reported.pairs for v in p)


def combine(indicator: Indicator, reported: Sequence[IndicatorInput], latest_present: bool = False) -> IndicatorInput:
    """The inputs of periods 1..N (in order, one per period) combined by the IKK's rule.

    ``rerata`` combines realisasi, not inputs: its combined inputs are the
    latest period's, shown for reference, and :func:`rolled_realisasi` gives
    the mean.  With ``latest_present``, ``nilai_akhir`` (and ``rerata``) take
    the latest period that is :func:`present`, none when no period is.
    """
    if not reported:
        return IndicatorInput(indicator.code)
    if indicator.period_rule is not PeriodRule.JUMLAH:
        chosen = [r for r in reported if present(r)] if latest_present else list(reported)
        if not chosen:
            return IndicatorInput(indicator.code)
        last = chosen[-1]
        return IndicatorInput(indicator.code, last.value, list(last.pairs), last.nihil, last.keterangan)
    pairs = methods.input_pairs(indicator)
    combined_pairs = []
    for n in range(pairs):
        def column(side: int, n: int = n) -> list[float | None]:
            return [r.pairs[n][side] if len(r.pairs) > n else None for r in reported]
        combined_pairs.append((_sum(column(0)), _sum(column(1))))
    return IndicatorInput(indicator.code, _sum([r.value for r in reported]), combined_pairs,
                          all(r.nihil for r in reported))


def rolled_realisasi(indicator: Indicator, reported: Sequence[IndicatorInput]) -> float | None:
    """Realisasi of periods 1..N together: computed from :func:`combine`, or the mean for ``rerata``."""
    if indicator.period_rule is PeriodRule.RERATA:
        values = [methods.realisasi(indicator, r) for r in reported]
        present = [v for v in values if v is not None]
        return calc.mean(present)
    return methods.realisasi(indicator, combine(indicator, reported))


def evaluate(indicator: Indicator, reported: Sequence[IndicatorInput], target: float,
             rule: AchievementRule) -> IndicatorResult:
    """Realisasi, capaian (against ``target``, the s.d. target) and tercapai of periods 1..N."""
    real = rolled_realisasi(indicator, reported)
    cap = calc.capaian(real, target, indicator.direction)
    return IndicatorResult(indicator, real, cap, calc.tercapai(cap, rule))


# --------------------------------------------------------------------------- formula twins


def _sum_formula(refs: Sequence[str]) -> str:
    joined = ",".join(refs)
    return f'IF(COUNT({joined})=0,"",SUM({joined}))'


def _last_formula(ref: str) -> str:
    return f'IF({ref}="","",{ref})'


@dataclass(frozen=True)
class CombinedFormulas:
    """Formulas (no leading '=') of the combined inputs; "" where the rule writes no formula."""

    value: str
    pairs: tuple[tuple[str, str], ...]
    nihil: str


def _present_formula(refs: InputRefs) -> str:
    """The formula twin of :func:`present` over one period's input cells (blank refs are left out)."""
    tests = [f'{ref}<>""' for ref in (refs.value, *(ref for pair in refs.pairs for ref in pair)) if ref]
    if refs.nihil:
        tests.append(f'{refs.nihil}="{YES}"')
    return f"OR({','.join(tests)})"


def _latest_present_formula(period_refs: Sequence[InputRefs], pick) -> str:
    """Nested IFs from the last period backwards: ``pick(refs)`` of the latest :func:`present` period,
    blank when none is."""
    formula = '""'
    for refs in period_refs:
        formula = f"IF({_present_formula(refs)},{pick(refs)},{formula})"
    return formula


def combined_formulas(indicator: Indicator, period_refs: Sequence[InputRefs],
                      latest_present: bool = False) -> CombinedFormulas:
    """The formulas computing :func:`combine` from the input cells of each period's sheet."""
    pairs = methods.input_pairs(indicator)
    if indicator.period_rule is not PeriodRule.JUMLAH and latest_present:
        return CombinedFormulas(
            _latest_present_formula(period_refs, lambda r: _last_formula(r.value)),
            tuple((_latest_present_formula(period_refs, lambda r, n=n: _last_formula(r.pairs[n][0])),
                   _latest_present_formula(period_refs, lambda r, n=n: _last_formula(r.pairs[n][1])))
                  for n in range(pairs)),
            _latest_present_formula(period_refs, lambda r: f'IF({r.nihil}="{YES}","{YES}","")'),
        )
    if indicator.period_rule is not PeriodRule.JUMLAH:
        last = period_refs[-1]
        return CombinedFormulas(
            _last_formula(last.value),
            tuple((_last_formula(last.pairs[n][0]), _last_formula(last.pairs[n][1])) for n in range(pairs)),
            f'IF({last.nihil}="{YES}","{YES}","")',
        )
    every_nihil = ",".join(f'{r.nihil}="{YES}"' for r in period_refs)
    return CombinedFormulas(
        _sum_formula([r.value for r in period_refs]),
        tuple((_sum_formula([r.pairs[n][0] for r in period_refs]), _sum_formula([r.pairs[n][1] for r in period_refs]))
              for n in range(pairs)),
        f'IF(AND({every_nihil}),"{YES}","")',
    )


def mean_realisasi_formula(realisasi_refs: Sequence[str]) -> str:
    """Formula of the ``rerata`` realisasi: the mean of the periods' realisasi cells, blank without any."""
    joined = ",".join(realisasi_refs)
    return f'IF(COUNT({joined})=0,"",AVERAGE({joined}))'


# --------------------------------------------------------------------------- targets


def additive(indicator: Indicator) -> bool:
    """Whether the IKK's period values add up to the year's: a typed count combined by ``jumlah``.

    Only then do ``s.d.`` and per-period targets differ (by a running sum); a rate's period
    target is its target up to that period as well.
    """
    return indicator.period_rule is PeriodRule.JUMLAH and methods.spec(indicator.method).typed_realisasi


def period_target(indicator: Indicator, k: int) -> float:
    """The target of period ``k`` (1-based) alone: what a period form compares its input with.

    Without declared period targets, the annual target.  Declared ``s.d.``
    targets of an :func:`additive` IKK give the difference from the period before.
    """
    targets = indicator.period_targets
    if not targets:
        return indicator.target
    if indicator.target_kind is TargetKind.KUMULATIF and additive(indicator) and k > 1:
        return targets[k - 1] - targets[k - 2]
    return targets[k - 1]


def to_date_target(indicator: Indicator, k: int) -> float:
    """The target of periods 1..k together: the s.d. view's target (the annual target without declared ones)."""
    targets = indicator.period_targets
    if not targets:
        return indicator.target
    if indicator.target_kind is TargetKind.KUMULATIF:
        return targets[k - 1]
    first = list(targets[:k])
    if additive(indicator):
        return _sum(first) or 0.0
    if indicator.period_rule is PeriodRule.RERATA:
        return calc.mean(first) or 0.0
    return first[-1]


def projection(indicator: Indicator, to_date: float | None, through: int, periods: int) -> float | None:
    """Year-end realisasi extrapolated linearly from periods 1..``through``; ``None`` where the rule
    does not allow one (only counts summed over periods can be extrapolated)."""
    if to_date is None or through >= periods or not rule_spec(indicator.period_rule).projects:
        return None
    if not methods.spec(indicator.method).typed_realisasi:
        return None  # a ratio of sums stays a ratio: extrapolating both sides changes nothing
    return calc.finite(to_date / through * periods)


def projection_formula(to_date_ref: str, through: int, periods: int) -> str:
    return f'IF({to_date_ref}="","",{to_date_ref}/{through}*{periods})'
