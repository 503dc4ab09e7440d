"""Rebuild the sample inputs of ``lkjip-xl tables`` from the CSV files beside this script.

    python samples/build_history_samples.py [--force]

Writes, through the public API only:

- ``capaian_2022.xlsx`` (sheet "Capaian Tahun Lalu") from ``capaian_2022.csv``: the 2022 figures
  (and 2021 where the report compares three years) as printed in the 2023 report's comparison tables;
- ``renstra_2020_2024.xlsx`` (sheet "Renstra") from ``renstra_2020_2024.csv``: the Renstra targets
  printed in its Target Jangka Menengah tables;
- ``tabel_pendukung_2023.xlsx`` (sheet "Tabel Pendukung") from ``tabel_pendukung_2023.csv``: the
  report's supporting tables and where they sit.

Each CSV row names its source table and line of the report in column ``sumber``.
"""

from __future__ import annotations

import argparse
import csv
from pathlib import Path

from lkjip_xl.history import (
    Renstra, RenstraRow, SupportingTable, YearFigures, write_previous_sheet, write_renstra_sheet,
    write_supporting_sheet,
)

HERE = Path(__file__).resolve().parent
RENSTRA_YEARS = (2020, 2021, 2022, 2023, 2024)


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
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--force", action="store_true", help="overwrite existing sample files")
    args = parser.parse_args()
    for path in build(force=args.force):
        print(path)
