"""One specification per calculation method: what it asks a Divisi for and how it computes.

A calculation method (``Cara Hitung`` in the master) decides which cells of a
form are typed into, what kind of number each holds, how realisasi and its
formula are computed (functions of :mod:`lkjip_xl.calc`), how the method is
described to staff (texts of :mod:`lkjip_xl.messages`) and which checks
apply.  All of that is one :class:`MethodSpec`; the registry :data:`METHODS`
holds one per method, and every module asks :func:`spec` instead of
branching on the method.

Names and :class:`~lkjip_xl.model.Method`
    A method is identified by its name, a string (``"rasio"``), and
    ``str(method)`` is always that name.  The built-in methods are the members
    of :class:`~lkjip_xl.model.Method`, a :class:`~enum.StrEnum`, so
    ``METHODS["rasio"]`` and ``METHODS[Method.RASIO]`` are the same entry and an
    :class:`~lkjip_xl.model.Indicator` of a built-in method holds the member
    (``indicator.method is Method.RASIO`` stays true).  An enum cannot grow
    members, so ``Method`` stays closed: a method added with :func:`register`
    is keyed by its plain name, and an Indicator of it holds that string.
    :func:`spec` resolves either.

Input shapes
    Every method takes its inputs in one of the three shapes of the form
    contract (:class:`Inputs`, docs/form_contract.md): the realisasi typed on the
    IKK row, one pembilang/penyebut pair on the IKK row, or one pair per
    sub-label on the sub-rows ``<code>.<n>``.  The shape fixes which input
    columns of the form are open and which are grey (:attr:`MethodSpec.row_inputs`,
    :attr:`MethodSpec.grey_columns`) and how many pairs are read and consolidated.

Adding a method
    Write its realisasi function and formula builder in :mod:`lkjip_xl.calc`
    (the same operations in the same order), its guide and description texts
    in :mod:`lkjip_xl.messages`, and register one :class:`MethodSpec`.  No other
    module changes: ``tests/test_methods.py`` registers a toy method and runs
    it through master, form, validation, consolidation and LibreOffice.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import cached_property
from enum import Enum

from . import calc
from .layout import COL_DEN, COL_NUM, COL_REAL
from .messages import MESSAGES, msg
from ._values import YES
from .model import AchievementRule, Indicator, IndicatorInput, IndicatorResult, Method
from .numbers import format_number, unit_kind


class Inputs(Enum):
    """Where a method's inputs are typed (the form contract knows these three shapes)."""

    VALUE = "value"  #: the realisasi itself, in ``Realisasi`` on the IKK row
    PAIR = "pair"  #: one ``Pembilang``/``Penyebut`` pair on the IKK row
    SUB_PAIRS = "sub_pairs"  #: one pair per sub-label, on the sub-rows ``<code>.<n>``


class Share(Enum):
    """When a pembilang above its penyebut deserves a warning (the rate is a share of a whole)."""

    NEVER = "never"
    PERCENT_UNIT = "percent_unit"  #: when the IKK's unit is %
    ALWAYS = "always"


#: Input columns of the IKK row, by shape (NIHIL and Keterangan come with the IKK, not the method).
_ROW_INPUTS = {
    Inputs.VALUE: (COL_REAL,),
    Inputs.PAIR: (COL_NUM, COL_DEN),
    Inputs.SUB_PAIRS: (),
}
#: Pembilang/Penyebut columns of the IKK row each shape leaves grey (asked for every IKK of every form read).
_GREY_COLUMNS = {inputs: tuple(col for col in (COL_NUM, COL_DEN) if col not in row)
                 for inputs, row in _ROW_INPUTS.items()}
#: Number kinds :func:`lkjip_xl.numbers.parse_number` knows.
_KINDS = ("count", "decimal", "percent", "index")


@dataclass(frozen=True)
class SubRate:
    """What each sub-row of a :attr:`Inputs.SUB_PAIRS` method computes from its pair, and its words."""

    value: Callable[[float | None, float | None], float | None]  #: calc
    formula: Callable[[str, str], str]  #: its formula twin over the pair's cells (calc; no leading '=')
    description: str  #: message code, shown in the sub-row's 'Cara Perhitungan'
    unit: str = "%"

    def describe(self) -> str:
        return msg(self.description)


@dataclass(frozen=True)
class MethodSpec:
    """Everything the toolkit knows about one calculation method."""

    method: str  #: a :class:`~lkjip_xl.model.Method` member, or an added method's name
    inputs: Inputs
    #: realisasi from what was reported, ``None`` when incomplete (calc; the NIHIL = Ya rule is
    #: applied by :func:`lkjip_xl.calc.realisasi` for every method)
    realisasi: Callable[[Indicator, IndicatorInput], float | None]
    #: its formula twin over :class:`lkjip_xl.calc.InputRefs` (calc; no leading '=')
    formula: Callable[[Indicator, calc.InputRefs], str]
    guide: str  #: message code: the method in a few words, for the master's guide
    description: str  #: message code: how realisasi is computed, shown in the form (fields {divisor}, {labels})
    numerator_kind: str = "decimal"  #: parse_number kind of a Pembilang
    denominator_kind: str = "decimal"  #: parse_number kind of a Penyebut
    share: Share = Share.NEVER
    #: the penyebut divides, so a penyebut of 0 is an error (``denominator_zero``)
    divides: bool = True
    #: the master may declare the NIHIL rule for it: no events (NIHIL = Ya) gives 100, and so
    #: does a reported 0 / 0, which is therefore no penyebut-0 error (its realisasi function says 100)
    nihil: bool = False
    sub_rate: SubRate | None = None  #: SUB_PAIRS only: what each sub-row computes
    #: message code of why Arah ``turun`` cannot mean anything for this method ("" when it can)
    refuses_turun: str = ""

    @property
    def name(self) -> str:
        """The method's name as written in the master and the stamp (``"rasio"``)."""
        return str(self.method)

    # cached: asked for every IKK of every form read (an Enum's hash is Python code)
    @cached_property
    def row_inputs(self) -> tuple[str, ...]:
        """Number columns (layout keys) typed into on the IKK row."""
        return _ROW_INPUTS[self.inputs]

    @cached_property
    def grey_columns(self) -> tuple[str, ...]:
        """Pembilang/Penyebut columns of the IKK row that this method leaves grey and locked."""
        return _GREY_COLUMNS[self.inputs]

    @cached_property
    def typed_realisasi(self) -> bool:
        """Whether the Divisi types realisasi itself (otherwise it is a formula over the inputs)."""
        return COL_REAL in self.row_inputs

    def pairs(self, indicator: Indicator) -> int:
        """How many (pembilang, penyebut) pairs the form asks for."""
        if self.inputs is Inputs.SUB_PAIRS:
            return len(indicator.sub_labels)
        return 1 if self.inputs is Inputs.PAIR else 0

    def input_kind(self, indicator: Indicator, column: str) -> str:
        """The :func:`~lkjip_xl.numbers.parse_number` kind of an input column (a layout key)."""
        if column == COL_NUM:
            return self.numerator_kind
        if column == COL_DEN:
            return self.denominator_kind
        return unit_kind(indicator.unit)

    def is_share(self, indicator: Indicator) -> bool:
        """Whether a pembilang above its penyebut is suspicious for this IKK."""
        if self.share is Share.PERCENT_UNIT:
            return indicator.is_percent
        return self.share is Share.ALWAYS

    def describe(self, indicator: Indicator) -> str:
        """How realisasi is computed, in words for the Divisi staff.

        The master's sub-labels are written as typed, like every label of the
        form (not through :func:`~lkjip_xl.messages.msg`, which would show hidden
        characters as codes).
        """
        divisor = f" / {format_number(indicator.scale_divisor)}" if indicator.scale_divisor != 1 else ""
        return MESSAGES[self.description].format(divisor=divisor, labels="; ".join(indicator.sub_labels))


#: A master row without a method (blank Cara Hitung) is this one.
DEFAULT_METHOD: str = Method.LANGSUNG

#: The registry: method name → its specification, in the order the master's dropdown lists them.
METHODS: dict[str, MethodSpec] = {}


def register(method_spec: MethodSpec) -> MethodSpec:
    """Add a method to :data:`METHODS`; ``ValueError`` for an unusable or taken name or a missing part."""
    name = method_spec.name
    if not name or name != name.strip().casefold() or any(ch in name for ch in ',;"'):
        raise ValueError(f"method name {name!r}: lower case, no surrounding spaces, no , ; or \"")
    if name in METHODS:
        raise ValueError(f"method {name!r} is already registered")
    for code in (method_spec.guide, method_spec.description):
        if code not in MESSAGES:
            raise ValueError(f"method {name!r}: no message {code!r} in lkjip_xl.messages")
    for kind in (method_spec.numerator_kind, method_spec.denominator_kind):
        if kind not in _KINDS:
            raise ValueError(f"method {name!r}: unknown number kind {kind!r}")
    if (method_spec.inputs is Inputs.SUB_PAIRS) != (method_spec.sub_rate is not None):
        raise ValueError(f"method {name!r}: a sub_rate is what sub-pairs, and only they, need")
    if method_spec.sub_rate is not None and method_spec.sub_rate.description not in MESSAGES:
        raise ValueError(f"method {name!r}: no message {method_spec.sub_rate.description!r} in lkjip_xl.messages")
    METHODS[name] = method_spec
    return method_spec


def spec(method: object) -> MethodSpec:
    """The specification of ``method`` (a :class:`~lkjip_xl.model.Method` or a name); ``ValueError`` if unknown."""
    found = METHODS.get(method) if isinstance(method, str) else None
    if found is None:
        raise ValueError(f"unknown method {method!r}")
    return found


def names() -> list[str]:
    """The names of every registered method, in registry order."""
    return [method_spec.name for method_spec in METHODS.values()]


def guide() -> str:
    """Every method in a few words, for the master's guide: "langsung: realisasi diketik; rasio: ..."."""
    return "; ".join(f"{method_spec.name}: {msg(method_spec.guide)}" for method_spec in METHODS.values())


register(MethodSpec(
    Method.LANGSUNG, Inputs.VALUE, calc.direct_realisasi, calc.direct_realisasi_formula,
    guide="method_guide_langsung", description="method_langsung",
))
register(MethodSpec(
    Method.RASIO, Inputs.PAIR, calc.ratio_realisasi, calc.ratio_realisasi_formula,
    guide="method_guide_rasio", description="method_rasio",
    numerator_kind="count", denominator_kind="count", share=Share.PERCENT_UNIT, nihil=True,
))
register(MethodSpec(
    Method.SURVEI, Inputs.PAIR, calc.survey_realisasi, calc.survey_realisasi_formula,
    guide="method_guide_survei", description="method_survei", denominator_kind="count",
))
register(MethodSpec(
    Method.RERATA_SUBRASIO, Inputs.SUB_PAIRS, calc.mean_of_rates_realisasi, calc.mean_of_rates_realisasi_formula,
    guide="method_guide_rerata_subrasio", description="method_rerata_subrasio",
    numerator_kind="count", denominator_kind="count", share=Share.ALWAYS,
    sub_rate=SubRate(calc.ratio_percent, calc.ratio_percent_formula, description="method_rasio"),
))
register(MethodSpec(
    Method.PERUBAHAN, Inputs.PAIR, calc.change_realisasi, calc.change_realisasi_formula,
    guide="method_guide_perubahan", description="method_perubahan",
))
register(MethodSpec(
    Method.PENURUNAN, Inputs.PAIR, calc.decrease_realisasi, calc.decrease_realisasi_formula,
    guide="method_guide_penurunan", description="method_penurunan", refuses_turun="combination_decrease_turun",
))


# --------------------------------------------------------------------------- what every caller asks


def combination_problem(indicator: Indicator) -> str | None:
    """Why the IKK's method, direction and target cannot mean anything together, in Indonesian; ``None``
    when they can (the master refuses such a row instead of computing a number without meaning)."""
    if indicator.direction.value != "turun":
        return None
    refused = spec(indicator.method).refuses_turun
    if refused:
        return msg(refused)
    if indicator.target < 0:
        return msg("combination_turun_target")
    return None


def input_pairs(indicator: Indicator) -> int:
    """How many (pembilang, penyebut) pairs the form asks for this IKK."""
    return spec(indicator.method).pairs(indicator)


def realisasi(indicator: Indicator, reported: IndicatorInput) -> float | None:
    """Realisasi of one IKK from what its Divisi reported (``None`` when incomplete).

    The IKK's method computes it; NIHIL = Ya gives 100 for every method that allows NIHIL.
    """
    if indicator.nihil and reported.nihil:
        return 100.0
    return spec(indicator.method).realisasi(indicator, reported)


def realisasi_formula(indicator: Indicator, refs: calc.InputRefs) -> str:
    """Formula computing :func:`realisasi` from the cells in ``refs`` (no leading '=')."""
    core = spec(indicator.method).formula(indicator, refs)
    if indicator.nihil and refs.nihil:
        return f'IF({refs.nihil}="{YES}",100,{core})'
    return core


def evaluate(indicator: Indicator, reported: IndicatorInput, rule: AchievementRule) -> IndicatorResult:
    """Realisasi, capaian and tercapai of one IKK."""
    real = realisasi(indicator, reported)
    cap = calc.capaian(real, indicator.target, indicator.direction)
    return IndicatorResult(indicator, real, cap, calc.tercapai(cap, rule))
