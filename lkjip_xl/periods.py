"""The reporting calendar: periods as data, and how periods combine into the year.

A year is reported in the periods of one :class:`Calendar`: four *triwulan*
(the default), two *semester* or twelve months.  A form is for one
:class:`Period` of it ("Triwulan II") or for the whole year (:data:`ANNUAL`).
Each IKK declares how its period values combine into the year (its
:class:`PeriodRule`, the master's column ``Gabungan Periode``), and may declare
period targets, cumulative (*s.d.*) or per period (:class:`TargetKind`).

Calendars and rules are registries: a new period kind is one
:func:`register_calendar` call, a new combination rule one :class:`RuleSpec`.
How the raw inputs of several periods are combined, in Python and as
formulas, is :mod:`lkjip_xl.rollup`.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from .messages import LABELS, msg
from .numbers import approx_equal

#: The period of a form that covers the whole year.
ANNUAL = LABELS["period_annual"]


@dataclass(frozen=True)
class Period:
    """One period of a calendar: "Triwulan II" is the 2nd of "triwulan", ending in June (B06)."""

    calendar: str  #: the calendar's name ("triwulan")
    index: int  #: 1-based position in the year
    label: str  #: as forms, sheets and titles show it ("Triwulan II")
    code: str  #: a short column title ("TW2")
    end_month: int  #: the month the period ends in (6)

    @property
    def month_code(self) -> str:
        """The action-plan period code of its last month: "B06"."""
        return f"B{self.end_month:02d}"

    def to_date_label(self) -> str:
        """"s.d. Triwulan II": the cumulative view up to and including this period."""
        return msg("period_to_date", period=self.label)


@dataclass(frozen=True)
class Calendar:
    """A reporting calendar: the periods of a year, in order."""

    name: str  #: as declared in the master ("triwulan")
    periods: tuple[Period, ...]

    def __len__(self) -> int:
        return len(self.periods)

    def find(self, text: object) -> Period | None:
        """The period named ``text`` by its label or code (case and surrounding spaces ignored)."""
        key = str(text).strip().casefold()
        for period in self.periods:
            if key in (period.label.casefold(), period.code.casefold()):
                return period
        return None

    @property
    def labels(self) -> tuple[str, ...]:
        return tuple(p.label for p in self.periods)


#: The registry: calendar name → :class:`Calendar`, in the order the master's dropdown lists them.
CALENDARS: dict[str, Calendar] = {}

#: A master that declares no calendar reports by triwulan.
DEFAULT_CALENDAR = "triwulan"
#: Every period of every calendar by its label and code, case-folded (both unique across calendars):
#: :func:`find_period` runs for every IKK of every form read.
_BY_NAME: dict[str, Period] = {}


def register_calendar(name: str, labels: tuple[str, ...], codes: tuple[str, ...],
                      end_months: tuple[int, ...]) -> Calendar:
    """Add a calendar; ``ValueError`` for a taken name, a label used by another calendar or unequal lengths.

    Labels are unique across calendars, so a form's period names its calendar.
    """
    if name in CALENDARS or not name or name != name.strip().casefold():
        raise ValueError(f"calendar name {name!r} is taken or not lower case")
    if not (len(labels) == len(codes) == len(end_months)) or not labels:
        raise ValueError(f"calendar {name!r}: one code and one end month per label")
    if list(end_months) != sorted(set(end_months)) or end_months[-1] != 12 or end_months[0] < 1:
        raise ValueError(f"calendar {name!r}: end months must rise and end in December")
    taken = {key.casefold() for cal in CALENDARS.values() for p in cal.periods for key in (p.label, p.code)}
    taken.add(ANNUAL.casefold())
    for key in (*labels, *codes):
        if key.casefold() in taken:
            raise ValueError(f"calendar {name!r}: period name {key!r} is already used")
    calendar = Calendar(name, tuple(Period(name, i, label, code, month)
                                    for i, (label, code, month) in enumerate(zip(labels, codes, end_months), 1)))
    CALENDARS[name] = calendar
    _BY_NAME.update({key.casefold(): period for period in calendar.periods for key in (period.label, period.code)})
    return calendar


def calendar(name: str) -> Calendar:
    """The calendar named ``name``; ``ValueError`` if unknown."""
    try:
        return CALENDARS[name]
    except KeyError:
        raise ValueError(f"unknown calendar {name!r}") from None


def find_period(text: object) -> Period | None:
    """The period of any calendar named ``text`` (label or code); ``None`` for the year or an unknown name."""
    return _BY_NAME.get(str(text).strip().casefold())


def is_annual(text: object) -> bool:
    return str(text).strip().casefold() == ANNUAL.casefold()


def period_choices() -> tuple[str, ...]:
    """Every period a form can be written for: the year, then each calendar's periods."""
    return (ANNUAL, *(label for cal in CALENDARS.values() for label in cal.labels))


_ROMAN = ("I", "II", "III", "IV")
register_calendar("triwulan", tuple(msg("period_triwulan", n=r) for r in _ROMAN),
                  ("TW1", "TW2", "TW3", "TW4"), (3, 6, 9, 12))
register_calendar("semester", tuple(msg("period_semester", n=r) for r in _ROMAN[:2]), ("S1", "S2"), (6, 12))
register_calendar("bulanan", tuple(LABELS[f"month_{m:02d}"] for m in range(1, 13)),
                  tuple(f"B{m:02d}" for m in range(1, 13)), tuple(range(1, 13)))


def month_of(text: object) -> int | None:
    """The month (0 = January) a text names: its label ("Januari") or its first three letters ("Jan"), case
    and spaces ignored; ``None`` for anything else (a budget's month column, a date typed as words)."""
    key = "" if text is None else " ".join(str(text).split()).casefold()
    for month, label in enumerate(calendar("bulanan").labels):
        if key and key in (label.casefold(), label[:3].casefold()):
            return month
    return None


# --------------------------------------------------------------------------- combination rules


class PeriodRule(StrEnum):
    """How the values of the periods combine into the year (and into any "s.d." view)."""

    JUMLAH = "jumlah"  #: counts and pembilang/penyebut summed: a ratio of sums, never a mean of ratios
    NILAI_AKHIR = "nilai_akhir"  #: the latest period's values: cumulative shares, indices, stocks
    RERATA = "rerata"  #: the mean of the periods' realisasi (a score measured each period)


class TargetKind(StrEnum):
    """What declared period targets mean."""

    KUMULATIF = LABELS["target_kind_to_date"]  #: "s.d.": target up to and including the period
    PERIODE = LABELS["target_kind_period"]  #: "per periode": target of the period alone


@dataclass(frozen=True)
class RuleSpec:
    """One combination rule: what a period form asks for, and whether a year-end projection makes sense."""

    rule: PeriodRule
    guide: str  #: message code: the rule in a few words
    form_hint: str  #: message code: what a period form asks for (shown in Cara Perhitungan)
    projects: bool = False  #: s.d. values of a count can be extrapolated linearly to the year


RULES: dict[str, RuleSpec] = {}


def register_rule(rule_spec: RuleSpec) -> RuleSpec:
    RULES[str(rule_spec.rule)] = rule_spec
    return rule_spec


register_rule(RuleSpec(PeriodRule.JUMLAH, "rule_guide_jumlah", "rule_hint_jumlah", projects=True))
register_rule(RuleSpec(PeriodRule.NILAI_AKHIR, "rule_guide_nilai_akhir", "rule_hint_nilai_akhir"))
register_rule(RuleSpec(PeriodRule.RERATA, "rule_guide_rerata", "rule_hint_rerata"))


def rule_spec(rule: object) -> RuleSpec:
    found = RULES.get(str(rule))
    if found is None:
        raise ValueError(f"unknown period rule {rule!r}")
    return found


def rules_guide() -> str:
    """Every rule in a few words, for the master's guide."""
    return "; ".join(f"{name}: {msg(spec.guide)}" for name, spec in RULES.items())


@dataclass(frozen=True)
class Traffic:
    """The traffic light of the monitoring view: green at ≥ ``green``, yellow at ≥ ``yellow``, else red."""

    green: float = 90.0
    yellow: float = 70.0

    def colour(self, capaian: float | None) -> str:
        """"Hijau", "Kuning", "Merah" ("" without a capaian): the word shown beside the colour; a capaian
        within floating-point noise of a threshold counts as equal to it, as in the sheet's formula."""
        if capaian is None:
            return ""
        if capaian >= self.green or approx_equal(capaian, self.green):  # compared as a spreadsheet compares
            return LABELS["light_green"]
        at_least_yellow = capaian >= self.yellow or approx_equal(capaian, self.yellow)
        return LABELS["light_yellow"] if at_least_yellow else LABELS["light_red"]
