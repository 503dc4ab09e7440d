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

import operator
from collections.abc import Callable
from dataclasses import dataclass, field, fields
from functools import cached_property
from typing import Any, TypeVar
from enum import Enum, StrEnum

from . import units
from .messages import msg
from .numbers import excel_number_format, format_shown
from .periods import DEFAULT_CALENDAR, PeriodRule, TargetKind, Traffic
from .problems import Problem
from .words import DEFAULT_WORDS, Words
from .xlsx import decimals_for

T = TypeVar("T")


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


def pickled_by_fields(cls):
    """Pickle the slotted dataclass ``cls`` as its maker (:func:`maker`) and its fields' values in order.

    A national run sends ~80 IKK definitions and inputs a form between processes, twice; the
    dataclass's own pickling of a slotted class builds a state dict and sets every slot back in
    Python, about twice as slow for a checked form (and a few more bytes).
    """
    names = [f.name for f in fields(cls)]
    values = operator.attrgetter(*names)
    make = _MAKERS[cls] = _slot_maker(cls, names) if cls.__dataclass_params__.frozen else cls
    if make is not cls:  # pickled by reference, as the class's own attribute ``_made``
        make.__module__, make.__qualname__, make.__name__ = cls.__module__, f"{cls.__qualname__}._made", "_made"
        cls._made = staticmethod(make)

    def __reduce__(self):
        return make, values(self)

    cls.__reduce__ = __reduce__
    return cls


#: The fastest way to build each class of :func:`pickled_by_fields` from its fields' values in order.
_MAKERS: dict[type, Callable[..., Any]] = {}


def maker(cls: type[T]) -> Callable[..., T]:
    """The function that builds the :func:`pickled_by_fields` class ``cls`` from all its fields' values, in
    order: what its constructor builds, without the constructor's cost for a frozen class (an IKK is built
    ~3 times a form in a national run: read, and unpickled once or twice)."""
    return _MAKERS[cls]


def _slot_maker(cls: type, names: list[str]) -> Callable[..., Any]:
    """A function of the fields' values in order that builds ``cls`` setting each slot directly.

    A frozen dataclass's ``__init__`` sets every field through ``object.__setattr__`` (looked up by
    name, twice as slow); the slots' own descriptors set the same values, and the class defines no
    ``__post_init__`` (checked: the maker would skip it).
    """
    if hasattr(cls, "__post_init__"):  # pragma: no cover - no such class here
        raise TypeError(f"{cls.__name__} has a __post_init__: pickled_by_fields would skip it")
    namespace: dict[str, Any] = {"_new": object.__new__, "_cls": cls}
    namespace.update({f"_set_{name}": getattr(cls, name).__set__ for name in names})  # the member descriptors
    body = "".join(f"    _set_{name}(self, {name})\n" for name in names)
    exec(f"def make({', '.join(names)}):\n    self = _new(_cls)\n{body}    return self\n", namespace)
    return namespace["make"]


@pickled_by_fields
@dataclass(frozen=True, slots=True)  # a national run holds ~80 a form: no __dict__ each
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


#: Decimals a value is shown with when the master declares none for its unit (or for capaian).
DEFAULT_DECIMALS = 2
#: The most decimals a master may declare (sheet "Satuan", Info › "Desimal Capaian").
MOST_DECIMALS = 6


@dataclass(frozen=True)
class DisplayDecimals:
    """How many decimals numbers are *shown* with; every cell still keeps every digit.

    The master declares them: sheet "Satuan" the most decimals of a unit's targets and realisasi,
    Info › "Desimal Capaian" those of every capaian; what it leaves out is shown with
    :data:`DEFAULT_DECIMALS`.  :meth:`places` is the one answer every display asks (forms, the
    consolidated, period, monitoring and national workbooks, the tables, texts).
    """

    #: (unit as :func:`lkjip_xl.units.canonical` spells it, most decimals), in the master's order
    units: tuple[tuple[str, int], ...] = ()
    capaian: int = DEFAULT_DECIMALS  #: most decimals of a capaian

    def places(self, unit: str = "", value: float | None = None, *, capaian: bool = False) -> int:
        """How many decimals ``value`` in ``unit`` shows (with ``capaian``: a capaian, ``unit`` unused).

        The declared number is the most: a known ``value`` shows the fewest decimals up to it that
        show it exactly (:func:`lkjip_xl.xlsx.decimals_for`: 90 → 0, 76.75 → 2, a count of 111 → "111
        Layanan" in every workbook); so does a live formula of an output written with its value (the
        consolidated, period, monitoring and national workbooks, the tables).  A cell whose value is
        not known when it is written (a form's input, a form's live capaian) gets exactly the declared number.
        "persen" and "%" are one unit (:func:`lkjip_xl.units.canonical`).  What is cut is rounded as
        a spreadsheet rounds it (:func:`lkjip_xl.numbers.excel_round`).
        """
        most = self.capaian if capaian else self._declared(unit)
        return most if value is None else decimals_for(value, most)

    def _declared(self, unit: str) -> int:
        """The most decimals of ``unit`` (declared, else the default), found once per spelling: every cell
        of every workbook asks."""
        found = self._by_spelling.get(unit)
        if found is None:
            found = self._by_spelling[unit] = dict(self.units).get(units.canonical(unit), DEFAULT_DECIMALS)
        return found

    @cached_property
    def _by_spelling(self) -> dict[str, int]:
        return {}

    def number_format(self, unit: str = "", value: float | None = None, *, capaian: bool = False) -> str:
        """The number format of a cell with :meth:`places` decimals, in every workbook: a value in ``unit``
        (:func:`~lkjip_xl.numbers.excel_number_format`: ``#,##0.0" Orang"``) or a capaian (``#,##0.00"%"``)."""
        return excel_number_format(units.PERCENT.name if capaian else unit, self.places(unit, value, capaian=capaian))

    def shown(self, value: float, unit: str = "", *, capaian: bool = False) -> str:
        """``value`` as a cell of :meth:`number_format` shows it ("1.666,67%", "21 Layanan", "82 (Indeks)"):
        the one rendering of a number in a sentence or a chart, so it reads as the tables read."""
        return format_shown(value, self.number_format(unit, value, capaian=capaian))


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
    #: how many decimals its numbers are shown with (sheet Satuan, Info › Desimal Capaian)
    decimals: DisplayDecimals = field(default_factory=DisplayDecimals)
    #: what the master's reader found worth saying but not refusing (a unit of sheet Satuan no IKK uses)
    warnings: tuple[Problem, ...] = field(default=(), compare=False)

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


@pickled_by_fields
@dataclass(frozen=True, slots=True)
class CellRef:
    """Where a value was read: file, sheet and A1 cell."""

    file: str
    sheet: str
    cell: str


@pickled_by_fields
@dataclass(slots=True)
class IndicatorInput:
    """What a Divisi reported for one IKK, each value with the cell it came from."""

    code: str
    value: float | None = None  #: LANGSUNG: the realisasi typed
    pairs: list[tuple[float | None, float | None]] = field(default_factory=list)
    nihil: bool = False
    keterangan: str = ""
    #: the free texts of the IKK row for the report's narrative (blank: nothing written)
    faktor_pendukung: str = ""
    faktor_penghambat: str = ""
    upaya: str = ""  #: upaya / rencana tindak lanjut
    sources: dict[str, CellRef] = field(default_factory=dict)  #: field name → cell


@pickled_by_fields
@dataclass(frozen=True, slots=True)
class IndicatorResult:
    """The computed numbers of one IKK."""

    indicator: Indicator
    realisasi: float | None
    capaian: float | None
    tercapai: bool | None
