"""Rebuild the constructed 2024 Pemkab sample (samples/pemkab/) from the CSV files in that folder.

    python samples/build_pemkab_sample.py [--force]

A fictional Perangkat Daerah, "Badan Perencanaan Pembangunan Daerah Kabupaten Contoh", with its own
words (Badan, Bappeda, Bidang, Kepala Badan) and every figure made up ("angka rekaan": no public
report with cited figures was available).  Writes, through the public API and the documented input
layouts only:

- ``master_pk_2024.xlsx`` from ``pk_2024.csv`` (13 IKK of 4 Bidang, Anggaran per SK);
- ``formulir/`` (one form per Bidang) filled with ``realisasi_2024.csv``; a row coded
  ``SK01-IKK4.B03`` is the March row of an IKK with Rincian ``bulanan``; each form signed off by
  fictional people with fictional NIPs (:func:`load_signoff`);
- ``anggaran_2024.xlsx`` from ``anggaran_2024.csv``: sheets Keterangan and Pagu Realisasi only
  (program, kegiatan and sub kegiatan in column Tingkat, Kode SK on the sub kegiatan rows;
  no SMART, IKPA or e-Monev);
- ``capaian_2023.xlsx`` (sheet "Capaian Tahun Lalu") from ``capaian_2023.csv``: a target only where
  one is given, Pembilang and Penyebut where the counts are given;
- ``renstra_2021_2026.xlsx`` (sheet "Renstra") from ``renstra_2021_2026.csv``.

Every output is deterministic: a rebuild is byte-identical (tests/test_pemkab_sample.py).
See ``CATATAN_SAMPEL.md`` › "Sampel Pemkab".
"""

from __future__ import annotations

import csv
from collections.abc import Sequence
from datetime import date
from pathlib import Path

from lkjip_xl.fileio import atomic_output
from lkjip_xl.forms import write_forms
from lkjip_xl.master import read_master
from lkjip_xl.model import AchievementRule, Direction, Indicator, IndicatorInput, Master, Method
from lkjip_xl.periods import PeriodRule
from lkjip_xl.signoff import FormSignoff, Signatory
from lkjip_xl.tables.budget import read as budget_input
from lkjip_xl.tables.inputs import COL_CODE, COL_SOURCE, COL_TEXT
from lkjip_xl.tables.previous import COL_DEN, COL_NUM, COL_REALISASI, COL_TARGET, COL_YEAR, SHEET_PREVIOUS
from lkjip_xl.tables.renstra import COL_SKALA_PK, COL_SKALA_RENSTRA, SHEET_RENSTRA
from lkjip_xl.template import write_master
from lkjip_xl.words import Words
from lkjip_xl.xlsx import new_workbook

HERE = Path(__file__).resolve().parent
SOURCE = HERE / "pemkab"
INSTANSI = "Badan Perencanaan Pembangunan Daerah Kabupaten Contoh"
YEAR = 2024
WORDS = Words(office="Badan", office_short="Bappeda", unit="Bidang", head="Kepala Badan")
RENSTRA_YEARS = (2021, 2022, 2023, 2024, 2025, 2026)
FORMS = "formulir"


def _rows(name: str) -> list[dict[str, str]]:
    with open(SOURCE / name, newline="", encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


def _float(text: str) -> float | None:
    return float(text) if text.strip() else None


# --------------------------------------------------------------------------- the master and the forms


def load_master() -> Master:
    indicators = tuple(
        Indicator(
            code=row["code"], divisi=row["bidang"], sk_no=int(row["sk_no"]), sk_text=row["sk_text"],
            ikk_no=int(row["ikk_no"]), text=row["text"], unit=row["unit"], target=float(row["target"]),
            method=Method(row["method"]), scale_divisor=float(row["scale_divisor"] or 1),
            direction=Direction(row["direction"]), nihil=row["nihil"] == "Ya",
            period_rule=PeriodRule(row["period_rule"]), breakdown=row["breakdown"],
            may_be_negative=row["may_be_negative"] == "Ya", anggaran=_float(row["anggaran"]),
            renstra_scale_factor=float(row["renstra_scale_factor"] or 1), method_note=row["method_note"],
        )
        for row in _rows("pk_2024.csv"))
    return Master(INSTANSI, YEAR, indicators, AchievementRule(100.0, True), "renstra", words=WORDS)


def load_inputs() -> dict[str, IndicatorInput]:
    """What each Bidang reports, by IKK code (and by sub-row code for the months of a Rincian)."""
    inputs = {}
    for row in _rows("realisasi_2024.csv"):
        pair = (_float(row["num"]), _float(row["den"]))
        inputs[row["code"]] = IndicatorInput(code=row["code"], value=_float(row["value"]),
                                             pairs=[] if pair == (None, None) else [pair],
                                             nihil=row["nihil"] == "Ya", keterangan=row["keterangan"])
    return inputs


def load_signoff(master: Master) -> dict[str, FormSignoff]:
    """Who prepared and approved each Bidang's form: FICTIONAL people ("Contoh ...") with FICTIONAL NIPs."""
    return {bidang: FormSignoff(
        Signatory(f"Contoh Penyusun Bidang {n}, S.E.", f"199002022015022{n:03d}", date(2025, 1, 13)),
        Signatory(f"Contoh Kepala Bidang {n}, S.T., M.T.", f"197803032003121{n:03d}", date(2025, 1, 15)))
        for n, bidang in enumerate(master.divisi_order, start=1)}


# --------------------------------------------------------------------------- the input workbooks


class _Sheet:
    """One data sheet in the documented layout: a title, a note, the header row, one row per record."""

    def __init__(self, workbook, name: str, title: str, note: str, headers: Sequence[str], widths: Sequence[float]):
        self.head = workbook.add_format({"bold": True, "border": 1, "bg_color": "#DDEBF7", "text_wrap": True,
                                         "valign": "top"})
        self.text = workbook.add_format({"border": 1, "text_wrap": True, "valign": "top"})
        self.number = workbook.add_format({"border": 1, "valign": "top", "num_format": "General"})
        self.money = workbook.add_format({"border": 1, "valign": "top", "num_format": "#,##0"})
        self.sheet = workbook.add_worksheet(name)
        self.sheet.write_string(0, 0, title, workbook.add_format({"bold": True, "font_size": 13}))
        self.sheet.write_string(1, 0, note, workbook.add_format({"italic": True, "font_color": "#595959"}))
        for col, (header, width) in enumerate(zip(headers, widths)):
            self.sheet.set_column(col, col, width)
            self.sheet.write_string(3, col, header, self.head)
        self.sheet.freeze_panes(4, 0)
        self.row = 4

    def add(self, values: Sequence[object], money: Sequence[int] = ()) -> None:
        for col, value in enumerate(values):
            if value is None or value == "":
                self.sheet.write_blank(self.row, col, None, self.text)
            elif isinstance(value, str):
                self.sheet.write_string(self.row, col, value, self.text)
            else:
                self.sheet.write_number(self.row, col, value, self.money if col in money else self.number)
        self.row += 1


def write_budget(out: Path, force: bool = False) -> Path:
    """The budget workbook: Keterangan and Pagu Realisasi per program, kegiatan and sub kegiatan."""
    headers = (budget_input.COL_TINGKAT, budget_input.COL_KELOMPOK, budget_input.COL_URAIAN, budget_input.COL_PAGU,
               budget_input.COL_REALISASI, budget_input.COL_KODE_SK)
    with atomic_output(out, force) as tmp:
        workbook = new_workbook(tmp, title=f"Anggaran {YEAR} (angka rekaan)")
        bold = workbook.add_format({"bold": True})
        info = workbook.add_worksheet(budget_input.SHEET_INFO)
        info.set_column(0, 0, 18)
        info.set_column(1, 1, 70)
        info.write_string(0, 0, budget_input.LABEL_KANTOR, bold)
        info.write_string(0, 1, INSTANSI)
        info.write_string(1, 0, budget_input.LABEL_TAHUN, bold)
        info.write_number(1, 1, YEAR)
        sheet = _Sheet(workbook, budget_input.SHEET_PAGU, f"Pagu dan realisasi anggaran {YEAR} (angka rekaan)",
                       "Satu baris per program, kegiatan dan sub kegiatan; Kode SK pada baris sub kegiatan.",
                       headers, (13, 45, 55, 17, 17, 8))
        for row in _rows("anggaran_2024.csv"):
            sheet.add((row["tingkat"], row["kelompok"], row["uraian"], int(row["pagu"]), int(row["realisasi"]),
                       int(row["kode_sk"]) if row["kode_sk"] else None), money=(3, 4))
        workbook.close()
    return out


def write_previous(out: Path, force: bool = False) -> Path:
    """Sheet "Capaian Tahun Lalu": a target only where given, the counts where given."""
    headers = (COL_CODE, COL_YEAR, COL_TEXT, COL_TARGET, COL_REALISASI, COL_NUM, COL_DEN, COL_SOURCE)
    with atomic_output(out, force) as tmp:
        workbook = new_workbook(tmp, title=SHEET_PREVIOUS)
        sheet = _Sheet(workbook, SHEET_PREVIOUS, "Capaian kinerja tahun-tahun sebelumnya (angka rekaan)",
                       "Satu baris per IKK per tahun. Target boleh kosong; Pembilang dan Penyebut bila ada.",
                       headers, (13, 8, 60, 10, 10, 10, 10, 40))
        for row in _rows("capaian_2023.csv"):
            realisasi = _float(row["realisasi"]) if row["realisasi"] not in ("NIHIL", "-") else row["realisasi"]
            sheet.add((row["kode_ikk"], int(row["tahun"]), row["indikator"], _float(row["target"]), realisasi,
                       _float(row["pembilang"]), _float(row["penyebut"]), row["sumber"]))
        workbook.close()
    return out


def write_renstra(out: Path, force: bool = False) -> Path:
    """Sheet "Renstra": one column per plan year, the scales where the master converts."""
    headers = (COL_CODE, COL_TEXT, *map(str, RENSTRA_YEARS), COL_SKALA_PK, COL_SKALA_RENSTRA, COL_SOURCE)
    with atomic_output(out, force) as tmp:
        workbook = new_workbook(tmp, title=SHEET_RENSTRA)
        sheet = _Sheet(workbook, SHEET_RENSTRA, f"Target Renstra {RENSTRA_YEARS[0]}–{RENSTRA_YEARS[-1]} (angka rekaan)",
                       "Satu baris per IKK; tahun tanpa target dikosongkan.",
                       headers, (13, 60, *(8 for _ in RENSTRA_YEARS), 10, 12, 40))
        for row in _rows("renstra_2021_2026.csv"):
            sheet.add((row["kode_ikk"], row["indikator"], *(_float(row[str(y)]) for y in RENSTRA_YEARS),
                       row["skala_pk"], row["skala_renstra"], row["sumber"]))
        workbook.close()
    return out


def build(out_dir: Path = SOURCE, force: bool = False) -> list[Path]:
    """Write the master, the filled forms and the three input workbooks into ``out_dir``; return the paths."""
    master_path = write_master(load_master(), out_dir / "master_pk_2024.xlsx", force)
    master = read_master(master_path)  # the forms come from the master as staff would have it
    forms = write_forms(master, out_dir / FORMS, "Tahunan", force, load_inputs(), read_from=[master_path],
                        signoff=load_signoff(master))
    return [master_path, *forms,
            write_budget(out_dir / "anggaran_2024.xlsx", force),
            write_previous(out_dir / "capaian_2023.xlsx", force),
            write_renstra(out_dir / "renstra_2021_2026.xlsx", force)]


if __name__ == "__main__":
    from sample_build import main  # beside this script

    main(build, __doc__)
