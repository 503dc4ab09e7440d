"""Rebuild the 2023 quarterly sample forms from ``realisasi_2023_triwulan.csv``.

    python samples/build_quarterly_samples.py [--force]

Writes ``formulir_triwulan/``: the four Divisi forms of each of Triwulan I–IV
(16 forms), filled with the rows of ``realisasi_2023_triwulan.csv``, through the
public API only.  The forms come from the committed master
``master_pk_2023.xlsx`` (rebuilt by ``build_samples.py``); the forms of
Triwulan k > 1 are written with those of Triwulan 1..k-1 as ``previous``, so
their column "Realisasi s.d." shows where the year stands.

Each form is signed off by the fictional people of ``build_samples.py``
(``sample_signoff``), a few days after its quarter ends.

Rolled up by each IKK's "Gabungan Periode", the four quarters give exactly the
inputs of ``realisasi_2023.csv`` (tests/test_quarterly_samples.py).  How the
split was built, and which quarterly figures come from the report:
``CATATAN_SAMPEL.md``, section "Sampel triwulan".
"""

from __future__ import annotations

import csv
import importlib.util
from datetime import date
from pathlib import Path

from lkjip_xl.forms import write_forms
from lkjip_xl.master import read_master
from lkjip_xl.model import IndicatorInput
from lkjip_xl.periods import calendar

HERE = Path(__file__).resolve().parent
MASTER = HERE / "master_pk_2023.xlsx"
SOURCE = HERE / "realisasi_2023_triwulan.csv"
FOLDER = "formulir_triwulan"
#: When each quarter's forms are prepared and approved: early in the month after the quarter.
SIGNED = {"Triwulan I": (date(2023, 4, 10), date(2023, 4, 12)),
          "Triwulan II": (date(2023, 7, 10), date(2023, 7, 12)),
          "Triwulan III": (date(2023, 10, 10), date(2023, 10, 12)),
          "Triwulan IV": (date(2024, 1, 10), date(2024, 1, 12))}


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
    sample_signoff = _annual_builder().sample_signoff
    written: list[Path] = []
    for label in calendar(master.calendar).labels:
        forms = write_forms(master, out_dir / FOLDER, label, force, quarters[label], read_from=[MASTER],
                            previous=list(written) if written else None,
                            signoff=sample_signoff(master, *SIGNED[label]))
        written.extend(forms)
    return written


if __name__ == "__main__":
    from sample_build import main  # beside this script

    main(build, __doc__)
