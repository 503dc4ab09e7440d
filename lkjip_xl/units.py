"""Units as a vocabulary: each unit a master may name, its spellings and what kind of number it holds.

Agencies write the same unit several ways: "%", "persen", "Persen";
"Indeks", "indeks"; "Rp", "Rupiah". :func:`lookup` finds a unit by any of its
spellings (case and spaces ignored), and every rule that depends on a unit
(how a value is parsed, whether a value is a percentage, how a number is
shown) asks it, never compares the text itself.  A unit not in the vocabulary
("Desa", "Kali") is a count or measure shown with its own name.

A new unit, or a new spelling, is one :func:`register` call.
"""

from __future__ import annotations

from dataclasses import dataclass

from .messages import LABELS


@dataclass(frozen=True)
class Unit:
    """One unit of the vocabulary."""

    name: str  #: how tables print it ("%", "Indeks", "Rp")
    aliases: tuple[str, ...]  #: other spellings a master may use
    kind: str  #: the :func:`lkjip_xl.numbers.parse_number` kind of its values
    #: how a value is shown: "{number}%" for a percentage, "{number} (Indeks)" for an index, ...
    pattern: str


#: The registry: every spelling, casefolded with its spaces normalised, → its unit.
_SPELLINGS: dict[str, Unit] = {}
UNITS: list[Unit] = []


def _key(text: str) -> str:
    return " ".join(str(text).split()).casefold()


def register(unit: Unit) -> Unit:
    """Add ``unit`` to the vocabulary; ``ValueError`` when one of its spellings is taken."""
    for spelling in (unit.name, *unit.aliases):
        if _key(spelling) in _SPELLINGS:
            raise ValueError(f"unit spelling {spelling!r} is already registered")
    for spelling in (unit.name, *unit.aliases):
        _SPELLINGS[_key(spelling)] = unit
    UNITS.append(unit)
    _FOUND.clear()
    return unit


def lookup(text: str | None) -> Unit | None:
    """The unit spelled ``text`` ("persen" → the % unit); ``None`` for a unit outside the vocabulary."""
    if text is None:
        return None
    try:
        return _FOUND[text]  # asked for every IKK of every form: each text's spelling worked out once
    except (KeyError, TypeError):
        pass
    found = _SPELLINGS.get(_key(text))
    if isinstance(text, str) and len(text) <= _FOUND_TEXT_MAX:
        if len(_FOUND) >= _FOUND_MAX:  # a file naming units without end: start again
            _FOUND.clear()
        _FOUND[text] = found
    return found


#: Texts :func:`lookup` has looked up, as typed, → their unit (emptied by :func:`register`); at most
#: :data:`_FOUND_MAX` texts of at most :data:`_FOUND_TEXT_MAX` characters.
_FOUND: dict[str, Unit | None] = {}
_FOUND_MAX, _FOUND_TEXT_MAX = 4096, 200


def same_unit(a: str | None, b: str | None) -> bool:
    """Whether two spellings name one unit ("%" and "Persen"; "Desa" and "desa")."""
    if a is None or b is None:
        return False
    found = lookup(a)
    return found is not None and found is lookup(b) if found else _key(a) == _key(b) != ""


def is_percent(unit: str | None) -> bool:
    """Whether values in ``unit`` are percentages (93 means 93%)."""
    found = lookup(unit)
    return found is not None and found.kind == "percent"


def shown(unit: str | None) -> str:
    """How tables name ``unit``: its vocabulary name ("persen" → "%"), else the text as typed."""
    found = lookup(unit)
    return found.name if found else (unit or "")


def canonical(unit: str | None) -> str:
    """The one spelling every spelling of ``unit`` shares, for keys: the vocabulary name of a known unit
    ("persen" → "%"), else the text casefolded with its spaces normalised ("Orang " → "orang")."""
    found = lookup(unit)
    return _key(found.name if found else (unit or ""))


def _aliases(label: str) -> tuple[str, ...]:
    return tuple(alias.strip() for alias in LABELS[label].split(";"))


PERCENT = register(Unit("%", _aliases("unit_aliases_percent"), "percent", "{number}%"))
INDEX = register(Unit(LABELS["unit_index"], _aliases("unit_aliases_index"), "index",
                      "{number} (" + LABELS["unit_index"] + ")"))
RUPIAH = register(Unit("Rp", _aliases("unit_aliases_rupiah"), "decimal", "Rp{number}"))
