"""Rebuild samples/rencana_aksi_2023.xlsx, the sample action plan of ``lkjip-xl tables --rencana-aksi``.

    python samples/build_action_plan_sample.py [--force]

Writes, with the writer below (the layout documented in docs/tables.md and read by
:func:`lkjip_xl.tables.read_action_plan`):

- sheet "Rencana Aksi" from ``rencana_aksi_2023.csv``: the 39 Target Kinerja of the 2023 report
  (Tabel 3.181–3.184) with their scores B03, B06, B09 and B12;
- sheet "Capaian Tahun Lalu" from :data:`PREVIOUS_2022`: the 2022 column of Tabel 3.185.

Each row names its source table and line of the report in column Sumber.
"""

from __future__ import annotations

import csv
from collections.abc import Sequence
from pathlib import Path

from lkjip_xl.fileio import atomic_output
from lkjip_xl.tables.action_plan import (
    COL_CAPAIAN, COL_DIVISI, COL_NO, COL_TARGET_KINERJA, COL_UNIT, COL_YEAR, KANWIL, SHEET_ACTION_PLAN,
    SHEET_PREVIOUS_SCORES, ActionRow,
)
from lkjip_xl.tables.inputs import COL_SOURCE
from lkjip_xl.xlsx import new_workbook

HERE = Path(__file__).resolve().parent
SOURCE = HERE / "rencana_aksi_2023.csv"
OUTPUT = HERE / "rencana_aksi_2023.xlsx"
PERIODS = ("B03", "B06", "B09", "B12")

#: Tabel 3.185, column "Capaian 2022": (unit, year, capaian, source).
PREVIOUS_2022 = (
    (KANWIL, 2022, 100.0, "LKjIP 2023 Tabel 3.185 (L5606)"),
    ("Administrasi", 2022, 100.0, "LKjIP 2023 Tabel 3.185 (L5607)"),
    ("Pelayanan Hukum dan HAM", 2022, 100.0, "LKjIP 2023 Tabel 3.185 (L5608)"),
    ("Pemasyarakatan", 2022, 99.54, "LKjIP 2023 Tabel 3.185 (L5609)"),
    ("Keimigrasian", 2022, 100.0, "LKjIP 2023 Tabel 3.185 (L5610)"),
)


def write_action_plan_workbook(rows: Sequence[tuple[ActionRow, str]], periods: Sequence[str],
                               previous: Sequence[tuple[str, int, float, str]], out: str | Path,
                               force: bool = False) -> Path:
    """Write an action-plan workbook: sheet "Rencana Aksi" (``rows``: each Target Kinerja with its source)
    and, when ``previous`` is given, sheet "Capaian Tahun Lalu" (see docs/tables.md)."""
    with atomic_output(out, force) as tmp:
        workbook = new_workbook(tmp, title=SHEET_ACTION_PLAN)
        title = workbook.add_format({"bold": True, "font_size": 13})
        note = workbook.add_format({"italic": True, "font_color": "#595959"})
        head = workbook.add_format({"bold": True, "border": 1, "bg_color": "#DDEBF7", "text_wrap": True,
                                    "valign": "top"})
        text = workbook.add_format({"border": 1, "text_wrap": True, "valign": "top"})
        number = workbook.add_format({"border": 1, "valign": "top", "num_format": "General"})

        def start(name: str, heading: str, explanation: str, headers: Sequence[str], widths: Sequence[float]):
            sheet = workbook.add_worksheet(name)
            sheet.write_string(0, 0, heading, title)
            sheet.write_string(1, 0, explanation, note)
            for col, (header, width) in enumerate(zip(headers, widths)):
                sheet.set_column(col, col, width)
                sheet.write_string(3, col, header, head)
            sheet.freeze_panes(4, 0)
            return sheet

        sheet = start(SHEET_ACTION_PLAN, "Rencana aksi Target Kinerja",
                      "Satu baris per Target Kinerja. Capaian per periode dalam persen; kosongkan periode yang "
                      "belum dinilai. Urutan Divisi di tabel = urutan kemunculannya di sheet ini.",
                      (COL_DIVISI, COL_NO, COL_TARGET_KINERJA, *periods, COL_SOURCE),
                      (24, 5, 70, *(8 for _ in periods), 32))
        for r, (item, source) in enumerate(rows, start=4):
            sheet.write_string(r, 0, item.divisi, text)
            sheet.write_number(r, 1, item.no, number)
            sheet.write_string(r, 2, item.text, text)
            for col, score in enumerate(item.scores, start=3):
                if score is None:
                    sheet.write_blank(r, col, None, number)
                else:
                    sheet.write_number(r, col, score, number)
            sheet.write_string(r, 3 + len(periods), source, text)
        if previous:
            sheet = start(SHEET_PREVIOUS_SCORES, "Capaian target kinerja tahun lalu",
                          f"Unit: {KANWIL} atau nama Divisi. Capaian dalam persen.",
                          (COL_UNIT, COL_YEAR, COL_CAPAIAN, COL_SOURCE), (26, 8, 10, 32))
            for r, (unit, year, capaian, source) in enumerate(previous, start=4):
                sheet.write_string(r, 0, unit, text)
                sheet.write_number(r, 1, year, number)
                sheet.write_number(r, 2, capaian, number)
                sheet.write_string(r, 3, source, text)
        workbook.close()
    return Path(out)


def load_rows() -> list[tuple[ActionRow, str]]:
    with open(SOURCE, newline="", encoding="utf-8") as handle:
        return [(ActionRow(row["divisi"], int(row["no"]), row["target_kinerja"],
                           tuple(float(row[p]) if row[p] else None for p in PERIODS)), row["sumber"])
                for row in csv.DictReader(handle)]


def build(out_dir: Path = HERE, force: bool = False) -> list[Path]:
    """Write the sample workbook into ``out_dir``; return its path in a list."""
    return [write_action_plan_workbook(load_rows(), PERIODS, PREVIOUS_2022, out_dir / OUTPUT.name, force)]


if __name__ == "__main__":
    from sample_build import main  # beside this script

    main(build, __doc__)
