"""Rebuild the 2023 quarterly sample forms from ``realisasi_2023_triwulan.csv``.

    python samples/build_quarterly_samples.py [--force]

Writes ``formulir_triwulan/``: the four Divisi forms of each of Triwulan I–IV
(16 forms), filled with the rows of ``realisasi_2023_triwulan.csv``, through the
public API only.  The forms come from the committed master
``master_pk_2023.xlsx`` (rebuilt by ``build_samples.py``); the forms of
Triwulan k > 1 are written with those of Triwulan 1..k-1 as ``previous``, so
their column "Realisasi s.d." shows where the year stands.

Rolled up by each IKK's "Gabungan Periode", the four quarters give exactly the
inputs of ``realisasi_2023.csv`` (tests/test_quarterly_samples.py).  How the
split was built, and which quarterly figures come from the report:
``CATATAN_SAMPEL.md``, section "Sampel triwulan".
"""

from __future__ import annotations

import argparse
import csv
import importlib.util
from pathlib import Path

from lkjip_xl.forms import write_forms
from lkjip_xl.master import read_master
from lkjip_xl.model import IndicatorInput
from lkjip_xl.periods import calendar

HERE = Path(__file__).resolve().parent
MASTER = HERE / "master_pk_2023.xlsx"
SOURCE = HERE / "realisasi_2023_triwulan.csv"
FOLDER = "formulir_triwulan"


def _annual_builder():
    """``build_samples.py`` beside this script (one parser of a realisasi row)."""
    spec = importlib.util.spec_from_file_location("build_samples", HERE / "build_samples.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def load_quarters() -> dict[str, dict[str, IndicatorInput]]:
    """Period label ("Triwulan I") → IKK code → what the Divisi reports for that quarter."""
    input_from_row = _annual_builder().input_from_row
    quarters: dict[str, dict[str, IndicatorInput]] = {}
    with open(SOURCE, newline="", encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            quarters.setdefault(row["triwulan"], {})[row["code"]] = input_from_row(row)
    return quarters


def build(out_dir: Path = HERE, force: bool = False) -> list[Path]:
    """Write the 16 quarterly forms into ``out_dir / formulir_triwulan``; return the paths."""
    master = read_master(MASTER)
    quarters = load_quarters()
    written: list[Path] = []
    for label in calendar(master.calendar).labels:
        forms = write_forms(master, out_dir / FOLDER, label, force, quarters[label], read_from=[MASTER],
                            previous=list(written) if written else None)
        written.extend(forms)
    return written


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--force", action="store_true", help="overwrite existing sample files")
    args = parser.parse_args()
    for path in build(force=args.force):
        print(path)
