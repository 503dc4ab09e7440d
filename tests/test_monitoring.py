"""The sheet "Pemantauan" of every period workbook, on the bundled 2023 quarterly samples.

The forms of samples/formulir_triwulan/ are copied (Triwulan I–II, and all four), one Divisi's
Triwulan II form removed and a revision of another's added, and consolidated through the real
command line; the sheet is read back with openpyxl and checked against the period sheets, the
thresholds of the master (the samples' 90 / 70, and a master written with Ambang Hijau 100 and
Ambang Kuning 80), the trend and the projection; LibreOffice recomputes every formula.
"""

from __future__ import annotations

import shutil
from dataclasses import replace
from pathlib import Path

import openpyxl
import pytest
from click.testing import CliRunner

from engine import mismatches_after, recalculate_many, require_soffice
from fixtures_bad import set_cells
from lkjip_xl.cli import cli
from lkjip_xl.consolidate import PERIOD_EXTRA_SHEETS, consolidate
from lkjip_xl.master import read_master
from lkjip_xl.monitoring_book import light, monitoring, monitoring_rows, trend, write_monitoring
from lkjip_xl.periods import Traffic, calendar
from lkjip_xl.template import write_master

SAMPLES = Path(__file__).resolve().parents[1] / "samples"
MASTER_PATH = SAMPLES / "master_pk_2023.xlsx"
MASTER = read_master(MASTER_PATH)
QUARTERS = calendar(MASTER.calendar).labels
SHEET = "Pemantauan"
COUNT_IKK, RATIO_IKK = "SK14-IKK1", "SK03-IKK3"  # jumlah, typed count / jumlah, rasio


def run(*args):
    result = CliRunner().invoke(cli, [str(a) for a in args])
    assert "Traceback" not in result.output + result.stderr
    assert result.exit_code == 0, result.output
    return result


def forms(folder: Path, quarters) -> Path:
    """A copy of the sample forms of ``quarters`` in ``folder``."""
    folder.mkdir(parents=True)
    for label in quarters:
        suffix = "_" + label.split()[-1] + ".xlsx"
        for path in SAMPLES.glob("formulir_triwulan/*" + suffix):
            shutil.copy(path, folder / path.name)
    return folder


@pytest.fixture(scope="module")
def lights_master(tmp_path_factory) -> Path:
    path = write_master(replace(MASTER, traffic=Traffic(100.0, 80.0)),
                        tmp_path_factory.mktemp("master") / "master_100_80.xlsx")
    assert read_master(path).traffic == Traffic(100.0, 80.0)
    return path


@pytest.fixture(scope="module")
def books(tmp_path_factory, lights_master) -> dict[str, tuple[Path, Path]]:
    """name → (folder of forms, workbook written by the command line)."""
    root = tmp_path_factory.mktemp("monitoring")
    half = forms(root / "tw1_tw2", QUARTERS[:2])
    year = forms(root / "tw1_tw4", QUARTERS)
    gaps = forms(root / "gaps", QUARTERS[:2])
    (gaps / "Formulir_2023_Keimigrasian_Triwulan_II.xlsx").unlink()
    set_cells(gaps / "Formulir_2023_Administrasi_Triwulan_II.xlsx", {"C7": 1}, text=False)(
        gaps / "Formulir_2023_Administrasi_Triwulan_II_revisi.xlsx")
    (gaps / "Formulir_2023_Pemasyarakatan_Triwulan_I.xlsx").unlink()  # left out of the s.d. view
    made = {}
    for name, folder, master in (("half", half, MASTER_PATH), ("year", year, MASTER_PATH),
                                 ("gaps", gaps, MASTER_PATH), ("lights", half, lights_master)):
        out = root / f"{name}.xlsx"
        run("consolidate", folder, "--master", master, "--out", out)
        made[name] = (folder, out)
    return made


def blocks(path: Path) -> tuple[dict[str, dict[str, object]], dict[str, dict[str, object]], list[str]]:
    """(Divisi → arrival row, IKK code → IKK row, the note lines), keyed by the column titles, as stored."""
    rows = list(openpyxl.load_workbook(path, data_only=True)[SHEET].iter_rows(values_only=True))
    notes = [row[0] for row in rows[1:4]]
    start = next(n for n, row in enumerate(rows) if row[0] == "Divisi")
    titles = {col: title for col, title in enumerate(rows[start]) if title is not None}
    arrivals = {}
    for row in rows[start + 1:]:
        if row[0] is None:
            break
        arrivals[row[0]] = {title: row[col] for col, title in titles.items()}
    start = next(n for n, row in enumerate(rows) if row[0] == "Kode IKK")
    titles = dict(enumerate(rows[start]))
    ikks = {row[0]: {title: row[col] for col, title in titles.items()} for row in rows[start + 1:] if row[1]}
    return arrivals, ikks, notes


def period_capaian(path: Path, label: str) -> dict[str, object]:
    """IKK code → capaian of a period sheet (code in column I, capaian in F), as stored."""
    sheet = openpyxl.load_workbook(path, data_only=True)[label]
    return {row[8]: row[5] for row in sheet.iter_rows(min_row=5, values_only=True) if row[8]}


def expected_light(capaian, green: float, yellow: float) -> str | None:
    if capaian is None:
        return None
    return "Hijau" if capaian >= green else "Kuning" if capaian >= yellow else "Merah"


# --------------------------------------------------------------------------- the sheet


def test_every_period_workbook_has_the_sheet(books):
    assert write_monitoring in PERIOD_EXTRA_SHEETS
    for name in ("half", "year"):
        book = openpyxl.load_workbook(books[name][1])
        assert book.sheetnames[:3] == ["Capaian Kinerja", "Ringkasan", SHEET]
        sheet = book[SHEET]
        assert sheet.page_setup.orientation == "landscape" and int(sheet.page_setup.paperSize) == 9
        assert sheet.print_title_rows and sheet.freeze_panes
        header = int(sheet.print_title_rows.split(":")[0].lstrip("$"))
        assert sheet.cell(header, 1).value == "Kode IKK"
        light_columns = {str(rng).split(":")[0].rstrip("0123456789") for cf in sheet.conditional_formatting
                         for rng in cf.sqref.ranges}
        assert light_columns == {"F", "H", "J", "L"}  # the "Lampu" column of each quarter
    title = openpyxl.load_workbook(books["half"][1])[SHEET]["A1"].value
    assert title == ("Pemantauan Kinerja Kantor Wilayah Kementerian Hukum dan HAM Kepulauan Bangka Belitung "
                     "s.d. Triwulan II Tahun 2023")


def test_arrival_words_per_divisi_and_period(books):
    arrivals, ikks, _ = blocks(books["gaps"][1])
    assert list(arrivals) == list(MASTER.divisi_order)
    words = {d: [row[q] for q in QUARTERS] for d, row in arrivals.items()}
    assert words == {
        "Administrasi": ["Diterima", "Revisi 1", "Belum", "Belum"],
        "Pemasyarakatan": ["Belum", "Diterima", "Belum", "Belum"],
        "Keimigrasian": ["Diterima", "Belum", "Belum", "Belum"],
        "Pelayanan Hukum dan HAM": ["Diterima", "Diterima", "Belum", "Belum"],
    }
    in_view = {d: row["Termasuk s.d. Triwulan I Tahun 2023"] for d, row in arrivals.items()}
    assert in_view["Administrasi"] == "Ya"
    assert in_view["Pemasyarakatan"] == "Tidak: belum ada formulir Triwulan I"
    left_out = [row for row in ikks.values() if row["Capaian s.d. Triwulan I Tahun 2023 (%)"] is None]
    assert left_out and all(row["Keterangan"].startswith("Tanpa proyeksi: Divisi Pemasyarakatan belum masuk")
                            for row in left_out)
    # the same from Python
    result = consolidate([books["gaps"][0]], books["gaps"][1].parent / "api.xlsx", MASTER)
    view = monitoring(result.periods)
    assert {a.divisi: list(a.words) for a in view.arrivals} == words
    assert view.arrival_records()[0]["Triwulan II"] == "Revisi 1"
    all_received = blocks(books["half"][1])[0]
    assert {row[q] for row in all_received.values() for q in QUARTERS[:2]} == {"Diterima"}


@pytest.mark.parametrize("name", ["half", "year"])
def test_capaian_per_period_are_the_period_sheets(books, name):
    _, ikks, _ = blocks(books[name][1])
    assert list(ikks) == [i.code for i in MASTER.indicators]
    formulas = openpyxl.load_workbook(books[name][1])[SHEET]
    present = QUARTERS[:2] if name == "half" else QUARTERS
    for label in QUARTERS:
        column = f"Capaian {label} (%)"
        if label not in present:
            assert {row[column] for row in ikks.values()} == {None}
            continue
        sheet = period_capaian(books[name][1], label)
        assert {code: row[column] for code, row in ikks.items()} == {code: sheet[code] for code in ikks}
    refs = [c.value for row in formulas.iter_rows() for c in row if isinstance(c.value, str)
            and c.value.startswith("='Triwulan")]
    assert len(refs) == len(present) * len(MASTER.indicators)


def test_lights_follow_the_thresholds_of_the_master(books):
    _, default, notes = blocks(books["half"][1])
    _, strict, strict_notes = blocks(books["lights"][1])
    assert notes[0].startswith("Lampu: Hijau ≥ 90%, Kuning ≥ 70%, Merah di bawahnya")
    assert notes[0].endswith("aturan tercapai laporan: capaian ≥ 100%.")
    assert strict_notes[0].startswith("Lampu: Hijau ≥ 100%, Kuning ≥ 80%, Merah di bawahnya")
    changed = 0
    for code, row in default.items():
        for label in QUARTERS:
            capaian = row[f"Capaian {label} (%)"]
            assert row[f"Lampu {label}"] == expected_light(capaian, 90, 70), (code, label)
            assert strict[code][f"Lampu {label}"] == expected_light(capaian, 100, 80), (code, label)
            changed += row[f"Lampu {label}"] != strict[code][f"Lampu {label}"]
    assert changed > 0
    assert {row["Lampu Triwulan II"] for row in default.values()} == {"Hijau", "Kuning", "Merah"}
    # a capaian within floating-point noise of a threshold counts as the threshold, as spreadsheets compare
    assert light(Traffic(100, 80), 29 / 50 * 100 / 58 * 100) == "Hijau" and light(Traffic(), None) == ""


def test_the_trend_compares_the_last_two_periods(books):
    _, ikks, _ = blocks(books["half"][1])
    words = {"naik": "▲ naik", "turun": "▼ turun", "tetap": "= tetap"}
    for row in ikks.values():
        before, after = row["Capaian Triwulan I (%)"], row["Capaian Triwulan II (%)"]
        if before is None or after is None:
            assert row["Tren"] is None
        else:
            expected = "tetap" if abs(after - before) <= 1e-9 else "naik" if after > before else "turun"
            assert row["Tren"] == words[expected]
    assert trend(1.0, None) == "" and trend(80.0, 80.0) == "= tetap"
    _, year, _ = blocks(books["year"][1])  # Triwulan III against IV
    row = year[COUNT_IKK]
    assert row["Tren"] == trend(row["Capaian Triwulan III (%)"], row["Capaian Triwulan IV (%)"])


def test_the_projection_of_a_count_and_none_for_a_ratio(books):
    _, ikks, notes = blocks(books["half"][1])
    main = openpyxl.load_workbook(books["half"][1], data_only=True)["Capaian Kinerja"]
    realisasi = {row[8]: row[4] for row in main.iter_rows(min_row=5, values_only=True) if row[8]}
    count = ikks[COUNT_IKK]
    projected = count["Proyeksi (linier) Realisasi Akhir Tahun"]
    assert projected == realisasi[COUNT_IKK] * 4 / 2 == 100.0
    assert count["Proyeksi (linier) Capaian Akhir Tahun (%)"] == projected / count["Target Tahunan"] * 100
    assert count["Keterangan"] is None
    ratio = ikks[RATIO_IKK]
    assert ratio["Proyeksi (linier) Realisasi Akhir Tahun"] is None
    assert ratio["Proyeksi (linier) Capaian Akhir Tahun (%)"] is None
    assert ratio["Keterangan"] == ("Tanpa proyeksi: Gabungan Periode jumlah, cara hitung rasio (hanya angka "
                                   "langsung yang dijumlahkan dapat diproyeksikan).")
    assert notes[2].startswith("Proyeksi (linier) adalah perkiraan, bukan realisasi: realisasi s.d. Triwulan II")
    header = openpyxl.load_workbook(books["half"][1])[SHEET]
    assert any("Proyeksi (linier)" in str(c.value) for row in header.iter_rows() for c in row)
    # the year is complete: no projection anywhere, and the sheet says why
    _, year, year_notes = blocks(books["year"][1])
    assert {row["Proyeksi (linier) Realisasi Akhir Tahun"] for row in year.values()} == {None}
    assert {row["Proyeksi (linier) Capaian Akhir Tahun (%)"] for row in year.values()} == {None}
    assert year_notes[2].startswith("Tahun sudah lengkap (Tahun 2023): tidak ada proyeksi")
    assert {row["Keterangan"] for row in year.values()} == {
        "Tanpa proyeksi: semua periode sudah dilaporkan; capaian s.d. adalah capaian tahun."}


def test_the_records_are_the_sheet(books, tmp_path):
    for name in ("half", "year", "gaps"):
        folder, path = books[name]
        result = consolidate([folder], tmp_path / f"{name}.xlsx", MASTER)
        records = monitoring_rows(result.periods)
        _, ikks, _ = blocks(path)
        assert [r["Kode IKK"] for r in records] == list(ikks)
        for record in records:
            shown = dict(ikks[record["Kode IKK"]])
            assert {k: v for k, v in record.items() if k != "Divisi"} == shown
            assert record["Divisi"] == next(i.divisi for i in MASTER.indicators if i.code == record["Kode IKK"])


def test_every_formula_is_recomputed_by_libreoffice(books, tmp_path):
    require_soffice()
    paths = [path for _, path in books.values()]
    converted = recalculate_many(paths, tmp_path)
    for path in paths:
        assert mismatches_after(path, converted[path]) == [], path.name
