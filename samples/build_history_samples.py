"""Rebuild the sample inputs of ``lkjip-xl tables`` from the CSV files beside this script.

    python samples/build_history_samples.py [--force]

Writes, with the writers below (the documented layouts of docs/tables.md, read by
:mod:`lkjip_xl.tables`):

- ``capaian_2022.xlsx`` (sheet "Capaian Tahun Lalu") from ``capaian_2022.csv``: the 2022 figures
  (and 2021 where the report compares three years) as printed in the 2023 report's comparison tables;
- ``renstra_2020_2024.xlsx`` (sheet "Renstra") from ``renstra_2020_2024.csv``: the Renstra targets
  printed in its Target Jangka Menengah tables;
- ``tabel_pendukung_2023.xlsx`` (sheet "Tabel Pendukung") from ``tabel_pendukung_2023.csv``: the
  report's supporting tables and where they sit.

Each CSV row names its source table and line of the report in column ``sumber``.
"""

from __future__ import annotations

import csv
from collections.abc import Sequence
from pathlib import Path

from lkjip_xl.fileio import atomic_output
from lkjip_xl.tables.inputs import COL_CODE, COL_SOURCE, COL_TEXT
from lkjip_xl.tables.previous import COL_REALISASI, COL_TARGET, COL_YEAR, SHEET_PREVIOUS, YearFigures
from lkjip_xl.tables.renstra import COL_SKALA_PK, COL_SKALA_RENSTRA, SHEET_RENSTRA, Renstra, RenstraRow
from lkjip_xl.tables.supporting import AKHIR, COL_BEFORE, COL_TITLE, SHEET_SUPPORTING, SupportingTable
from lkjip_xl.xlsx import new_workbook

HERE = Path(__file__).resolve().parent
RENSTRA_YEARS = (2020, 2021, 2022, 2023, 2024)


# --------------------------------------------------------------------------- the input sheets


class _Writer:
    """Formats shared by the two input sheets."""

    def __init__(self, workbook):
        self.title = workbook.add_format({"bold": True, "font_size": 13})
        self.note = workbook.add_format({"italic": True, "font_color": "#595959"})
        self.head = workbook.add_format({"bold": True, "border": 1, "bg_color": "#DDEBF7", "text_wrap": True,
                                         "valign": "top"})
        self.text = workbook.add_format({"border": 1, "text_wrap": True, "valign": "top"})
        self.number = workbook.add_format({"border": 1, "valign": "top", "num_format": "General"})

    def value(self, sheet, row: int, col: int, value: object) -> None:
        if value is None or value == "":
            sheet.write_blank(row, col, None, self.text)
        elif isinstance(value, str):
            sheet.write_string(row, col, value, self.text)
        else:
            sheet.write_number(row, col, value, self.number)


def _start(workbook, fmt: _Writer, name: str, title: str, note: str, headers: Sequence[str],
           widths: Sequence[float]):
    sheet = workbook.add_worksheet(name)
    sheet.write_string(0, 0, title, fmt.title)
    sheet.write_string(1, 0, note, fmt.note)
    for col, (header, width) in enumerate(zip(headers, widths)):
        sheet.set_column(col, col, width)
        sheet.write_string(3, col, header, fmt.head)
    sheet.freeze_panes(4, 0)
    return sheet


def write_previous_sheet(figures: Sequence[YearFigures], out: str | Path, force: bool = False) -> Path:
    """Write earlier years' figures as a "Capaian Tahun Lalu" workbook (see docs/tables.md), with the columns
    the report prints (the optional Pembilang and Penyebut are left out)."""
    with atomic_output(out, force) as tmp:
        workbook = new_workbook(tmp, title=SHEET_PREVIOUS)
        fmt = _Writer(workbook)
        sheet = _start(workbook, fmt, SHEET_PREVIOUS, "Capaian kinerja tahun-tahun sebelumnya",
                       "Satu baris per IKK per tahun. Realisasi berupa angka; tulis NIHIL atau - bila tidak ada. "
                       "Capaian tidak diisi: dihitung dari target dan realisasi.",
                       (COL_CODE, COL_YEAR, COL_TEXT, COL_TARGET, COL_REALISASI, COL_SOURCE), (13, 8, 60, 10, 10, 50))
        for row, item in enumerate(figures, start=4):
            values = (item.code, item.year, item.text, item.target,
                      item.note if item.realisasi is None else item.realisasi, item.source)
            for col, value in enumerate(values):
                fmt.value(sheet, row, col, value)
        workbook.close()
    return Path(out)


def write_supporting_sheet(tables: Sequence[SupportingTable], out: str | Path, force: bool = False) -> Path:
    """Write a supporting-table list as a "Tabel Pendukung" workbook (see docs/tables.md)."""
    with atomic_output(out, force) as tmp:
        workbook = new_workbook(tmp, title=SHEET_SUPPORTING)
        fmt = _Writer(workbook)
        sheet = _start(workbook, fmt, SHEET_SUPPORTING, "Tabel pendukung yang diberi nomor di Bab III",
                       f"Sebelum: kode IKK yang tabelnya didahului tabel ini, atau {AKHIR} untuk sesudah semua "
                       "tabel. Urutan baris = urutan nomor.",
                       (COL_BEFORE, COL_TITLE, COL_SOURCE), (13, 70, 40))
        for row, table in enumerate(tables, start=4):
            for col, value in enumerate((table.before, table.title, table.source)):
                fmt.value(sheet, row, col, value)
        workbook.close()
    return Path(out)


def write_renstra_sheet(renstra: Renstra, out: str | Path, force: bool = False) -> Path:
    """Write Renstra targets as a "Renstra" workbook with one column per plan year (see docs/tables.md)."""
    headers = (COL_CODE, COL_TEXT, *map(str, renstra.years), COL_SKALA_PK, COL_SKALA_RENSTRA, COL_SOURCE)
    widths = (13, 60, *(8 for _ in renstra.years), 10, 12, 50)
    with atomic_output(out, force) as tmp:
        workbook = new_workbook(tmp, title=SHEET_RENSTRA)
        fmt = _Writer(workbook)
        span = f"{renstra.years[0]}–{renstra.years[-1]}" if renstra.years else ""
        sheet = _start(workbook, fmt, SHEET_RENSTRA, f"Target Renstra {span}",
                       "Satu baris per IKK; kosongkan tahun yang tidak memiliki target. Skala PK dan Skala "
                       "Renstra diisi bila realisasi dikonversi (faktornya di master PK).",
                       headers, widths)
        for row, item in enumerate(renstra.rows.values(), start=4):
            values = (item.code, item.text, *(item.targets.get(y) for y in renstra.years),
                      item.skala_pk, item.skala_renstra, item.source)
            for col, value in enumerate(values):
                fmt.value(sheet, row, col, value)
        workbook.close()
    return Path(out)


# --------------------------------------------------------------------------- the samples


def _rows(name: str) -> list[dict[str, str]]:
    with open(HERE / name, newline="", encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


def _number(text: str) -> float | None:
    try:
        return float(text)
    except ValueError:
        return None


def load_previous() -> list[YearFigures]:
    return [
        YearFigures(row["kode_ikk"], int(row["tahun"]), float(row["target"]), _number(row["realisasi"]),
                    "" if _number(row["realisasi"]) is not None else row["realisasi"], row["indikator"],
                    row["sumber"])
        for row in _rows("capaian_2022.csv")
    ]


def load_renstra() -> Renstra:
    rows = {}
    for row in _rows("renstra_2020_2024.csv"):
        targets = {year: float(row[str(year)]) for year in RENSTRA_YEARS if row[str(year)]}
        rows[row["kode_ikk"]] = RenstraRow(row["kode_ikk"], targets, row["skala_pk"], row["skala_renstra"],
                                           row["indikator"], row["sumber"])
    return Renstra(RENSTRA_YEARS, rows)


def load_supporting() -> list[SupportingTable]:
    return [SupportingTable(row["sebelum"], row["judul"], row["sumber"]) for row in _rows("tabel_pendukung_2023.csv")]


def build(out_dir: Path = HERE, force: bool = False) -> list[Path]:
    """Write the three sample workbooks into ``out_dir``; return their paths."""
    return [
        write_previous_sheet(load_previous(), out_dir / "capaian_2022.xlsx", force),
        write_renstra_sheet(load_renstra(), out_dir / "renstra_2020_2024.xlsx", force),
        write_supporting_sheet(load_supporting(), out_dir / "tabel_pendukung_2023.xlsx", force),
    ]


if __name__ == "__main__":
    from sample_build import main  # beside this script

    main(build, __doc__)
