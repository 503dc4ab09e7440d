"""What a toolkit workbook is: the kind mark every workbook the toolkit writes carries.

Every workbook the toolkit writes carries the custom document property
:data:`KIND_PROPERTY` (what it is: ``formulir``, ``konsolidasi``, ...; the
values are a stored contract, not display text), so that a toolkit output
lying in a forms folder is recognised and skipped instead of being refused as
a broken form (:func:`workbook_kind`).  XlsxWriter workbooks are marked by
:func:`lkjip_xl.xlsx.new_workbook`, openpyxl ones by :func:`mark_openpyxl`.
"""

from __future__ import annotations

import os
import re
import zipfile
from collections.abc import Iterable

from .messages import LABELS

#: Custom document property naming what a toolkit workbook is.
KIND_PROPERTY = "lkjip-xl:jenis"
KIND_FORM = "formulir"
KIND_FEEDBACK = "pemeriksaan"
KIND_CONSOLIDATED = "konsolidasi"
KIND_NATIONAL = "nasional"
KIND_TABLES = "tabel"
KIND_MASTER = "master"
KIND_CONTROL = "kendali"
KIND_OTHER = "keluaran"
#: The other inputs, as ``lkjip-xl template --jenis ...`` writes them blank (:mod:`lkjip_xl.input_templates`);
#: the mark stays when the template is filled, so a filled input lying in a forms folder is skipped too.
KIND_PREVIOUS = "capaian_tahun_lalu"
KIND_RENSTRA = "target_renstra"
KIND_BUDGET = "anggaran"
KIND_ACTION_PLAN = "rencana_aksi"
KIND_SUPPORTING = "tabel_pendukung"
#: Kinds that are forms: a feedback copy is corrected by the Divisi and sent back as the form.
FORM_KINDS = frozenset({KIND_FORM, KIND_FEEDBACK})
#: Kinds that are inputs of the tables (``lkjip-xl tables``), not outputs of a run.
TABLE_INPUT_KINDS = frozenset({KIND_PREVIOUS, KIND_RENSTRA, KIND_BUDGET, KIND_ACTION_PLAN, KIND_SUPPORTING})
#: The sheets (LABELS codes) by which a toolkit workbook that lost its mark is known, all of them present.
KIND_SHEETS = ((KIND_MASTER, ("sheet_master_pk", "sheet_master_info")),
               (KIND_CONSOLIDATED, ("sheet_capaian", "sheet_summary", "sheet_data")),
               (KIND_TABLES, ("sheet_toc",)))
_CUSTOM_PART = "docProps/custom.xml"
_CUSTOM_PART_MAX_BYTES = 64 * 1024
_KIND_VALUE = re.compile(
    rb'name="' + re.escape(KIND_PROPERTY.encode()) + rb'"[^>]*>\s*<vt:lpwstr>([^<]{1,40})</vt:lpwstr>')


def mark_openpyxl(workbook, kind: str) -> None:
    """Set :data:`KIND_PROPERTY` of an openpyxl workbook to ``kind``."""
    from openpyxl.packaging.custom import StringProperty

    props = workbook.custom_doc_props
    for prop in list(props.props):
        if prop.name == KIND_PROPERTY:
            props.props.remove(prop)
    props.append(StringProperty(name=KIND_PROPERTY, value=kind))


def kind_by_sheets(names: Iterable[str]) -> str | None:
    """The kind of a workbook with the sheets ``names`` by :data:`KIND_SHEETS`, or ``None``.

    For a toolkit workbook a program saved without its document properties: a master PK left
    in a forms folder is then still said to be one, not refused as a broken form.
    """
    present = set(names)
    for kind, sheets in KIND_SHEETS:
        if all(LABELS[sheet] in present for sheet in sheets):
            return kind
    return None


def workbook_kind(path: str | os.PathLike) -> str | None:
    """The :data:`KIND_PROPERTY` of a toolkit workbook, or ``None`` (no mark, not a readable zip)."""
    try:
        with zipfile.ZipFile(path) as archive:
            info = archive.getinfo(_CUSTOM_PART)
            if info.file_size > _CUSTOM_PART_MAX_BYTES:
                return None
            with archive.open(info) as handle:
                data = handle.read(_CUSTOM_PART_MAX_BYTES + 1)
    except (KeyError, OSError, zipfile.BadZipFile, ValueError, EOFError, NotImplementedError, RuntimeError):
        return None
    match = _KIND_VALUE.search(data)
    return match[1].decode("utf-8", "replace").strip() if match else None
