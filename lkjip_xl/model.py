"""The Perjanjian Kinerja (PK) as data: Divisi, Sasaran Kegiatan, IKK and their meaning.

A :class:`Master` is what a Kanwil signs for a year.  Each :class:`Indicator`
(IKK) declares not only its target and unit but how its realisasi is obtained
(its calculation method, a :class:`Method` specified in :mod:`lkjip_xl.methods`),
which way is better (:class:`Direction`), whether the NIHIL rule applies, and
how period values combine into the year (:class:`~lkjip_xl.periods.PeriodRule`)
and its period targets.  Inputs read back from a form are
:class:`IndicatorInput` records that remember the cell each value came from.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum, StrEnum

from . import units
from .messages import msg
from .periods import DEFAULT_CALENDAR, PeriodRule, TargetKind, Traffic
from .words import DEFAULT_WORDS, Words


class Method(StrEnum):
    """The built-in calculation methods: how realisasi is obtained from what a Divisi reports.

    A method is identified by its name, a string, and ``str(method)`` is that name. What each
    method asks for and computes is its :class:`~lkjip_xl.methods.MethodSpec`; a method added
    there has no member here and is named by its plain string (see :mod:`lkjip_xl.methods`).
    """

    LANGSUNG = "langsung"  #: the realisasi value is typed directly (counts, indices)
    RASIO = "rasio"  #: pembilang / penyebut × 100
    SURVEI = "survei"  #: jumlah nilai / jumlah periode (or responden) / pembagi skala
    RERATA_SUBRASIO = "rerata_subrasio"  #: mean of sub-rates, each pembilang / penyebut × 100
    PERUBAHAN = "perubahan"  #: (nilai − nilai pembanding) / nilai pembanding × 100
    PENURUNAN = "penurunan"  #: (nilai awal − nilai akhir) / nilai awal × 100: a stock brought down


class Direction(str, Enum):
    """Which way is better."""

    NAIK = "naik"  #: higher is better: capaian = realisasi / target × 100
    TURUN = "turun"  #: lower is better: capaian = (2 × target − realisasi) / target × 100


@dataclass(frozen=True)
class AchievementRule:
    """When an IKK counts as *tercapai*: capaian ≥ threshold (or > when not inclusive)."""

    threshold: float = 100.0
    inclusive: bool = True
    #: a cap on each capaian when capaian are averaged ("Batas Rata-rata Capaian"): one 1.666,67%
    #: does not carry a unit's mean; ``None``: means are uncapped (the uncapped mean is always shown)
    mean_cap: float | None = None

    def describe(self) -> str:
        op = "≥" if self.inclusive else ">"
        return msg("rule_describe", op=op, threshold=f"{self.threshold:g}")


@dataclass(frozen=True)
class Indicator:
    """One Indikator Kinerja Kegiatan (IKK) of the PK."""

    code: str  #: stable key, e.g. "SK04-IKK2"; forms find rows by it
    divisi: str
    sk_no: int
    sk_text: str
    ikk_no: int
    text: str
    unit: str  #: "%", "Indeks", "Layanan", "Lokus", "Orang", ...
    target: float
    method: Method | str = Method.LANGSUNG  #: a :class:`Method`, or the name of an added method
    scale_divisor: float = 1.0  #: SURVEI only, e.g. 25 turns a 1–100 score into 1–4
    sub_labels: tuple[str, ...] = ()  #: RERATA_SUBRASIO only: one label per sub-rate
    direction: Direction = Direction.NAIK
    nihil: bool = False  #: no events → realisasi 100
    period_rule: PeriodRule = PeriodRule.NILAI_AKHIR  #: how the periods combine into the year
    may_be_negative: bool = False  #: change indicators can fall below zero
    anggaran: float | None = None  #: Rupiah, as printed on the SK's first row
    renstra_scale_factor: float = 1.0  #: realisasi × factor = value on the Renstra scale
    method_note: str = ""  #: free text shown to staff: how to count
    #: declared targets of the calendar's periods, one per period (``()``: none declared)
    period_targets: tuple[float, ...] = ()
    target_kind: TargetKind = TargetKind.KUMULATIF  #: what ``period_targets`` mean
    #: ``Rincian``: a calendar finer than a form's period (``"bulanan"``): the form then asks for one
    #: sub-row per sub-period, combined by ``period_rule`` (:mod:`lkjip_xl.breakdown`); ``""``: none
    breakdown: str = ""

    @property
    def is_percent(self) -> bool:
        return units.is_percent(self.unit)


@dataclass(frozen=True)
class Master:
    """A year's Perjanjian Kinerja of one Kanwil."""

    kanwil: str
    year: int
    indicators: tuple[Indicator, ...]
    achievement: AchievementRule = field(default_factory=AchievementRule)
    renstra_basis: str = "renstra"  #: capaian basis of the Renstra table: "renstra" or "pk"
    calendar: str = DEFAULT_CALENDAR  #: the reporting calendar (:data:`lkjip_xl.periods.CALENDARS`)
    traffic: Traffic = field(default_factory=Traffic)  #: thresholds of the monitoring view's lights
    #: what the organisation calls itself, its units and its head (sheet Info › Sebutan ...)
    words: Words = DEFAULT_WORDS

    @property
    def divisi_order(self) -> tuple[str, ...]:
        """Divisi in the order they first appear in the PK."""
        seen: dict[str, None] = {}
        for indicator in self.indicators:
            seen.setdefault(indicator.divisi, None)
        return tuple(seen)

    def for_divisi(self, divisi: str) -> tuple[Indicator, ...]:
        return tuple(i for i in self.indicators if i.divisi == divisi)

    def by_code(self) -> dict[str, Indicator]:
        return {i.code: i for i in self.indicators}


@dataclass(frozen=True)
class CellRef:
    """Where a value was read: file, sheet and A1 cell."""

    file: str
    sheet: str
    cell: str


@dataclass
class IndicatorInput:
    """What a Divisi reported for one IKK, each value with the cell it came from."""

    code: str
    value: float | None = None  #: LANGSUNG: the realisasi typed
    pairs: list[tuple[float | None, float | None]] = field(default_factory=list)
    nihil: bool = False
    keterangan: str = ""
    sources: dict[str, CellRef] = field(default_factory=dict)  #: field name → cell


@dataclass(frozen=True)
class IndicatorResult:
    """The computed numbers of one IKK."""

    indicator: Indicator
    realisasi: float | None
    capaian: float | None
    tercapai: bool | None
