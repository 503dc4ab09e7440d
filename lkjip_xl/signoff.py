"""Who prepared a form and who approved it: the sign-off block below the form's table (contract 1.2).

Every form from contract 1.2 on ends with two parts, "Disiapkan oleh" (the staff
member who prepared it) and "Disetujui oleh" (the head of the unit, titled in the
master's own words: :func:`head_title`), each with the open cells Nama, NIP and
Tanggal (:data:`~lkjip_xl.layout.SIGNOFF_ROLES`, written by :mod:`lkjip_xl.form_blocks`).

- **read** (:func:`read_signoff`, run by :func:`lkjip_xl.checks.check_form`): the
  name is kept exactly as typed; a NIP is exactly :data:`~lkjip_xl.layout.NIP_DIGITS`
  digits typed as text (:func:`parse_nip`; a number or anything else is the error
  ``signoff_nip_invalid`` naming the cell); a date is a date cell or an Indonesian
  date text, "31/12/2023" or "31 Desember 2023" (:func:`parse_date`; anything else is
  ``signoff_date_invalid``); a formula is ``formula_in_input``.  A part not filled
  in is one warning per form, ``signoff_missing``, naming who should sign; the
  form is still consolidated.  A form of contract 1.0 or 1.1 has no block and is
  asked for nothing.
- **carried** (:mod:`lkjip_xl.signoff_book`): into the consolidated workbook's
  list of the forms received, as strings (never formulas) and real dates.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from ._values import YEAR_RANGE, blank
from .layout import (
    FORM_SHEET, NIP_DIGITS, SIGNED_LAYOUT_SINCE, SIGNOFF_FIELDS, SIGNOFF_ROLES, version_at_least,
)
from .messages import LABELS, msg
from .model import CellRef
from .periods import month_of
from .problems import ERROR, WARNING
from .reader import RawCell, ReturnedForm
from .words import divisi_label
from .xlsx import date_text

#: How a sign-off date is shown, in the form and in the consolidated workbook: 31/12/2023.
DATE_FORMAT = "dd/mm/yyyy"
_NIP = re.compile(rf"[0-9]{{{NIP_DIGITS}}}")
#: "31/12/2023", "31-12-2023", "31.12.2023" (day first, as Indonesia writes it)
_DAY_FIRST = re.compile(r"(\d{1,2})\s*([/.-])\s*(\d{1,2})\s*\2\s*(\d{4})")
#: "2023-12-31" (ISO 8601)
_ISO = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})")
#: "31 Desember 2023", "31 Des. 2023"
_WORDS = re.compile(r"(\d{1,2})\s+([^\W\d_]+)\.?\s+(\d{4})")


@dataclass(frozen=True)
class Signatory:
    """One part of the sign-off: a name, a NIP and a date (blank, or ``None``, where not given)."""

    name: str = ""
    nip: str = ""
    date: dt.date | None = None

    @property
    def complete(self) -> bool:
        return bool(self.name and self.nip and self.date)


@dataclass
class FormSignoff:
    """The sign-off of one form: who prepared it, who approved it (with the approver's title), and where
    each value was read (``"prepared.nip"`` → its cell)."""

    prepared: Signatory = field(default_factory=Signatory)
    approved: Signatory = field(default_factory=Signatory)
    approver_title: str = ""  #: "Kepala Divisi Administrasi": the head of the form's unit, in its words
    sources: dict[str, CellRef] = field(default_factory=dict)

    def part(self, role: str) -> Signatory:
        """``prepared`` or ``approved``, by its key in :data:`~lkjip_xl.layout.SIGNOFF_ROLES`."""
        return self.prepared if role == "prepared" else self.approved


def head_title(divisi: str) -> str:
    """Who approves the form of ``divisi``, in the active words: "Kepala Divisi Administrasi"."""
    return msg("signoff_head_title", unit=divisi_label(divisi))


def parse_nip(value: Any) -> str | None:
    """A NIP: a text of exactly :data:`~lkjip_xl.layout.NIP_DIGITS` digits (surrounding spaces ignored);
    ``None`` for anything else, a number too (its last digits may be rounded away)."""
    if not isinstance(value, str):
        return None
    text = value.strip()
    return text if _NIP.fullmatch(text) else None


def parse_date(value: Any) -> date | None:
    """A date from a date cell, or from an Indonesian date text ("31/12/2023", "31 Desember 2023",
    "31 Des 2023", "2023-12-31"); ``None`` for anything else or a year outside 2000–2100."""
    if isinstance(value, datetime):
        found: date | None = value.date()
    elif isinstance(value, date):
        found = value
    elif isinstance(value, str):
        found = _date_from_text(value.strip())
    else:
        found = None
    return found if found is not None and YEAR_RANGE[0] <= found.year <= YEAR_RANGE[1] else None


def _date_from_text(text: str) -> date | None:
    parts: tuple[int, int, int] | None = None
    if match := _DAY_FIRST.fullmatch(text):
        parts = (int(match[4]), int(match[3]), int(match[1]))
    elif match := _ISO.fullmatch(text):
        parts = (int(match[1]), int(match[2]), int(match[3]))
    elif (match := _WORDS.fullmatch(text)) and (month := month_of(match[2])) is not None:
        parts = (int(match[3]), month + 1, int(match[1]))
    if parts is None:
        return None
    try:
        return date(*parts)
    except ValueError:  # 31/02/2023
        return None


def read_signoff(form: ReturnedForm, add) -> FormSignoff:
    """The sign-off of ``form`` from its block's cells (:attr:`~lkjip_xl.reader.ReturnedForm.signoff`); every
    unusable value is a problem through ``add`` (the problem adder of :func:`lkjip_xl.checks.check_form`), and
    a part not filled in on a form of contract 1.2 or later one warning ``signoff_missing`` for the form."""
    title = head_title(form.divisi)
    found: dict[str, dict[str, Any]] = {role: {} for role, _ in SIGNOFF_ROLES}
    sources: dict[str, CellRef] = {}
    missing: list[str] = []
    first_missing = ""
    for role, role_label in SIGNOFF_ROLES:
        absent = []
        for key, field_label in SIGNOFF_FIELDS:
            cell = form.signoff.get(f"{role}.{key}")
            if cell is None or (blank(cell.value) and cell.cell not in form.formulas):
                absent.append(field_label)
                first_missing = first_missing or (cell.cell if cell is not None else "")
                continue
            value = _value(form, cell, role_label, field_label, key, add)
            if value is not None:
                found[role][key] = value
                sources[f"{role}.{key}"] = CellRef(form.path, FORM_SHEET, cell.cell)
        if absent:
            who = title if role == "approved" else LABELS["signoff_preparer"]
            missing.append(msg("signoff_missing_part", role=role_label, who=who, fields=", ".join(absent)))
    if missing and version_at_least(form.stamp.get("template_version", ""), SIGNED_LAYOUT_SINCE):
        where = msg("signoff_missing_where", cell=first_missing) if first_missing else ""
        add("signoff_missing", WARNING, cell=first_missing, missing="; ".join(missing), where=where)
    return FormSignoff(Signatory(**found["prepared"]), Signatory(**found["approved"]), title, sources)


def _value(form: ReturnedForm, cell: RawCell, role: str, field_label: str, key: str, add) -> str | date | None:
    """One filled cell of the block as its field's value; ``None`` (and a problem) when it cannot be used."""
    formula = form.formulas.get(cell.cell)
    if formula is not None:
        add("formula_in_input", ERROR, cell=cell.cell, message="formula_in_signoff", field=field_label, role=role,
            formula="=" + (formula or "…"))
        return None
    value = cell.value
    if key == "name":
        return value if isinstance(value, str) else _shown(value)
    if key == "nip":
        nip = parse_nip(value)
        if nip is None:
            message = "signoff_nip_number" if isinstance(value, (int, float)) and not isinstance(value, bool) else ""
            add("signoff_nip_invalid", ERROR, cell=cell.cell, message=message, role=role, value=_shown(value))
        return nip
    when = parse_date(value)
    if when is None:
        add("signoff_date_invalid", ERROR, cell=cell.cell, role=role, value=_shown(value), first=YEAR_RANGE[0],
            last=YEAR_RANGE[1])
    return when


def _shown(value: Any) -> str:
    """A cell value as a message quotes it: a date as dd/mm/yyyy, a whole number without ".0"."""
    if isinstance(value, (date, datetime)):
        return date_text(value)
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)
