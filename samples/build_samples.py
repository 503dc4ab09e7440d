"""Rebuild the bundled 2023 Bangka Belitung samples from the CSV files beside this script.

    python samples/build_samples.py [--force]

Writes ``master_pk_2023.xlsx`` (the master PK) and ``formulir/`` (the four
Divisi forms filled with the report's raw data) through the public API only.
``pk_2023.csv`` holds the 60 IKK, ``realisasi_2023.csv`` what each Divisi
reports (with, for a few IKK, the report's own faktor pendukung, faktor
penghambat and upaya).  Each form is signed off (Disiapkan oleh, Disetujui oleh)
by clearly fictional people: :func:`sample_signoff`.  See ``CATATAN_SAMPEL.md`` for
every place where the sample deliberately differs from the printed report.
"""

from __future__ import annotations

import csv
from datetime import date
from pathlib import Path

from lkjip_xl.forms import write_forms
from lkjip_xl.master import read_master
from lkjip_xl.model import AchievementRule, Direction, Indicator, IndicatorInput, Master, Method
from lkjip_xl.periods import PeriodRule
from lkjip_xl.signoff import FormSignoff, Signatory
from lkjip_xl.template import write_master

HERE = Path(__file__).resolve().parent
KANWIL = "Kantor Wilayah Kementerian Hukum dan HAM Kepulauan Bangka Belitung"
YEAR = 2023


def _float(text: str, default: float | None = None) -> float | None:
    return float(text) if text.strip() else default


def load_master() -> Master:
    indicators = []
    with open(HERE / "pk_2023.csv", newline="", encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            indicators.append(Indicator(
                code=row["code"], divisi=row["divisi"], sk_no=int(row["sk_no"]), sk_text=row["sk_text"],
                ikk_no=int(row["ikk_no"]), text=row["text"], unit=row["unit"], target=float(row["target"]),
                method=Method(row["method"]), scale_divisor=_float(row["scale_divisor"], 1.0),
                sub_labels=tuple(s.strip() for s in row["sub_labels"].split(";") if s.strip()),
                direction=Direction(row["direction"]), nihil=row["nihil"] == "Ya",
                period_rule=PeriodRule(row["period_rule"]), may_be_negative=row["may_be_negative"] == "Ya",
                anggaran=_float(row["anggaran"]), renstra_scale_factor=_float(row["renstra_scale_factor"], 1.0),
                method_note=row["method_note"],
            ))
    return Master(KANWIL, YEAR, tuple(indicators), AchievementRule(100.0, True), "renstra")


def input_from_row(row: dict[str, str]) -> IndicatorInput:
    """One row of ``realisasi_2023.csv`` (or of ``realisasi_2023_triwulan.csv``) as the inputs of its IKK."""
    pairs = [(_float(row["num1"]), _float(row["den1"]))]
    if row["num2"].strip():
        pairs.append((_float(row["num2"]), _float(row["den2"])))
    if pairs == [(None, None)]:
        pairs = []
    return IndicatorInput(code=row["code"], value=_float(row["value"]), pairs=pairs,
                          nihil=row["nihil"] == "Ya", keterangan=row["keterangan"],
                          faktor_pendukung=row["faktor_pendukung"], faktor_penghambat=row["faktor_penghambat"],
                          upaya=row["upaya"])


def load_inputs() -> dict[str, IndicatorInput]:
    with open(HERE / "realisasi_2023.csv", newline="", encoding="utf-8") as handle:
        return {row["code"]: input_from_row(row) for row in csv.DictReader(handle)}


def sample_signoff(master: Master, prepared_on: date, approved_on: date) -> dict[str, FormSignoff]:
    """The sign-off of each Divisi's form: FICTIONAL people ("Contoh ...") with FICTIONAL NIPs, the n-th
    Divisi's ending in n (``198001012005011001``: prepared, ``197501011999031001``: approved)."""
    return {divisi: FormSignoff(Signatory(f"Contoh Penyusun {n}, S.H.", f"198001012005011{n:03d}", prepared_on),
                                Signatory(f"Contoh Kepala {n}, S.H., M.H.", f"197501011999031{n:03d}", approved_on))
            for n, divisi in enumerate(master.divisi_order, start=1)}


def build(out_dir: Path = HERE, force: bool = False) -> list[Path]:
    """Write the master and the filled forms into ``out_dir``; return the paths."""
    master_path = write_master(load_master(), out_dir / "master_pk_2023.xlsx", force)
    master = read_master(master_path)  # the forms come from the master as staff would have it
    forms = write_forms(master, out_dir / "formulir", "Tahunan", force, load_inputs(),
                        signoff=sample_signoff(master, date(2024, 1, 10), date(2024, 1, 12)))
    return [master_path, *forms]


if __name__ == "__main__":
    from sample_build import main  # beside this script

    main(build, __doc__)
