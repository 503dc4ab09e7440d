"""The very hidden stamp sheet "_lkjip" of a form (docs/form_contract.md › The stamp sheet).

:func:`write_stamp` writes the readable stamp rows (format, template version,
Kanwil, year, Divisi, period, SHA-256 of the locked content, the achievement
rule, the Divisi order) and the locked content itself as canonical JSON, split
over as many cells as it needs (:func:`lkjip_xl.layout.split_text`); the sheet
is protected and very hidden.  :mod:`lkjip_xl.reader` reads it back.
"""

from __future__ import annotations

import json

from . import TEMPLATE_VERSION
from .layout import STAMP_MAGIC, STAMP_SHEET, content_hash, locked_content, split_text
from .model import Indicator, Master


def write_stamp(workbook, master: Master, divisi: str, period: str, indicators: list[Indicator]) -> None:
    """Add the stamp sheet of the form of ``divisi`` for ``period`` (its IKK ``indicators``) to ``workbook``."""
    sheet = workbook.add_worksheet(STAMP_SHEET)
    content = locked_content(master.kanwil, master.year, divisi, period, indicators, master.achievement,
                             list(master.divisi_order), master.words)
    rule = master.achievement
    values = {
        "format": STAMP_MAGIC,
        "template_version": TEMPLATE_VERSION,
        "kanwil": master.kanwil,
        "tahun": str(master.year),
        "divisi": divisi,
        "periode": period,
        "content_hash": content_hash(content),
        "achievement_threshold": repr(float(rule.threshold)),
        "achievement_inclusive": "1" if rule.inclusive else "0",
        "divisi_order": json.dumps(list(master.divisi_order), ensure_ascii=False),
    }
    for row, (key, value) in enumerate(values.items()):
        sheet.write_string(row, 0, key)
        sheet.write_string(row, 1, value)
    locked = json.dumps(content, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    row = len(values)
    sheet.write_string(row, 0, "locked_content")
    for col, chunk in enumerate(split_text(locked), start=1):
        sheet.write_string(row, col, chunk)
    sheet.protect("")
    sheet.very_hidden()
