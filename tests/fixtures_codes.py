"""Build, by code, the inputs of three hardening classes from the real samples.

- :func:`master_cases`: masters whose IKK codes cannot name a sheet — the same code
  ignoring case or surrounding spaces, longer than 31 characters (two sharing their
  first 31), a character Excel forbids in sheet names, an apostrophe first or last, a
  control character, the reserved name "History" — each with the problems (code and
  cell of sheet 'PK') every command must report, all at once.
- :func:`awkward_master`: a master whose codes are legal but collide with the sheets
  the tables workbook writes itself ("daftar tabel", "Capaian Kinerja Anggaran") or use
  the full 31 characters, with filled forms for it (the sample inputs under new codes).
- :func:`date_cases`: returned forms whose input cells carry a date, time, date-time or
  duration number format (1900 and 1904 date systems), each with the problems
  ``validate`` must report.
- :func:`kendali_cases`: control workbooks (``lkjip-xl button``) with broken settings on
  sheet 'Kendali', each with the problem codes and cells the buttons must report.

Samples are only read: every builder writes a new file into a target path.

    python tests/fixtures_codes.py OUT_DIR     # write them all, to look at by hand
"""

from __future__ import annotations

import dataclasses
import shutil
import sys
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

import openpyxl
from openpyxl.utils.datetime import CALENDAR_MAC_1904

from lkjip_xl.checks import check_form
from lkjip_xl.forms import write_form
from lkjip_xl.layout import COL_DEN, COL_NUM, COL_REAL, FORM_SHEET
from lkjip_xl.master import read_master
from lkjip_xl.reader import read_form
from lkjip_xl.problems import ERROR, WARNING

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"
FORMS = SAMPLES / "formulir"
MASTER = SAMPLES / "master_pk_2023.xlsx"
ADMIN = FORMS / "Formulir_2023_Administrasi.xlsx"
IMIG = FORMS / "Formulir_2023_Keimigrasian.xlsx"
PEMAS = FORMS / "Formulir_2023_Pemasyarakatan.xlsx"
PHH = FORMS / "Formulir_2023_Pelayanan_Hukum_dan_HAM.xlsx"
PREVIOUS = SAMPLES / "capaian_2022.xlsx"
RENSTRA = SAMPLES / "renstra_2020_2024.xlsx"
ANGGARAN = SAMPLES / "anggaran_2023.xlsx"
SUPPORTING = SAMPLES / "tabel_pendukung_2023.xlsx"

PK = "PK"
KENDALI = "Kendali"


def _code_cells() -> dict[str, str]:
    """IKK code → its cell in column D (Kode IKK) of sheet 'PK' of the sample master."""
    sheet = openpyxl.load_workbook(MASTER, read_only=True)[PK]
    return {row[3].value: row[3].coordinate for row in sheet.iter_rows(min_row=2) if row[3].value}


CODE_CELL = _code_cells()


# --------------------------------------------------------------------------- masters (class 13)


@dataclass(frozen=True)
class MasterCase:
    """A master built from the sample with some cells of sheet 'PK' changed, and what must be reported."""

    name: str
    changes: dict[str, object]  #: cell of sheet 'PK' → new value
    expected: tuple[tuple[str, str], ...]  #: (problem code, cell), all of them, in any order

    def build(self, target: Path) -> None:
        workbook = openpyxl.load_workbook(MASTER)
        sheet = workbook[PK]
        for cell, value in self.changes.items():
            sheet[cell] = value
            if isinstance(value, str):
                sheet[cell].data_type = "s"
        workbook.save(target)


def master_cases() -> list[MasterCase]:
    c = CODE_CELL
    long_a = "SK01-IKK1-INDEKS-KEPUASAN-LAYANAN-A"  # 35 characters; the same first 31 as long_b
    long_b = "SK01-IKK1-INDEKS-KEPUASAN-LAYANAN-B"
    cases = [
        MasterCase("beda_huruf_kecil", {c["SK03-IKK2"]: "sk03-ikk1"},
                   (("master_code_duplicate_case", c["SK03-IKK2"]),)),
        MasterCase("beda_huruf_campur", {c["SK04-IKK2"]: "Sk04-Ikk1"},
                   (("master_code_duplicate_case", c["SK04-IKK2"]),)),
        MasterCase("spasi_di_sekitar", {c["SK02-IKK1"]: "  SK01-IKK1 "},
                   (("master_duplicate_code", c["SK02-IKK1"]),)),
        MasterCase("spasi_dan_huruf", {c["SK02-IKK1"]: " sk01-IKK1"},
                   (("master_code_duplicate_case", c["SK02-IKK1"]),)),
        MasterCase("panjang_32", {c["SK01-IKK1"]: "SK01-IKK1-" + "X" * 22},
                   (("master_code_too_long", c["SK01-IKK1"]),)),
        MasterCase("sama_31_awal", {c["SK01-IKK1"]: long_a, c["SK02-IKK1"]: long_b},
                   (("master_code_too_long", c["SK01-IKK1"]), ("master_code_too_long", c["SK02-IKK1"]))),
        MasterCase("emoji_panjang", {c["SK01-IKK1"]: "\U0001F600" * 16},  # 16 characters, 32 for Excel
                   (("master_code_too_long", c["SK01-IKK1"]),)),
        MasterCase("history", {c["SK03-IKK3"]: "History"}, (("master_code_reserved", c["SK03-IKK3"]),)),
        MasterCase("history_besar", {c["SK03-IKK3"]: " HISTORY "}, (("master_code_reserved", c["SK03-IKK3"]),)),
        MasterCase("petik_awal", {c["SK04-IKK3"]: "'SK04-IKK3"}, (("master_code_chars", c["SK04-IKK3"]),)),
        MasterCase("petik_akhir", {c["SK04-IKK3"]: "SK04-IKK3'"}, (("master_code_chars", c["SK04-IKK3"]),)),
        MasterCase("baris_baru", {c["SK04-IKK4"]: "SK04\nIKK4"}, (("master_code_chars", c["SK04-IKK4"]),)),
    ]
    for n, char in enumerate("[]:*?/\\"):
        code = f"SK04-IKK{char}{n}"
        cases.append(MasterCase(f"karakter_{n}", {c["SK04-IKK5"]: code}, (("master_code_chars", c["SK04-IKK5"]),)))
    # Numbers of the master within the same limits as every input of a form (issue #10, class 9).
    for variant, value in (("target_1e16", 1e16), ("target_1e-300", 1e-300), ("target_teks_1e20", "1e20"),
                           ("target_negatif_1e16", -1e16)):
        cell = "H" + c["SK02-IKK1"][1:]
        cases.append(MasterCase(f"angka_{variant}", {cell: value}, (("master_value_invalid", cell),)))
    # Every problem of the master at once, the code problems and another column's.
    target_cell = "H" + c["SK04-IKK1"][1:]
    cases.append(MasterCase("semua_sekaligus", {
        c["SK03-IKK2"]: "sk03-ikk1", c["SK02-IKK1"]: "SK02/IKK1", c["SK04-IKK3"]: "History",
        c["SK01-IKK1"]: long_a, target_cell: "banyak",
    }, (("master_code_duplicate_case", c["SK03-IKK2"]), ("master_code_chars", c["SK02-IKK1"]),
        ("master_code_reserved", c["SK04-IKK3"]), ("master_code_too_long", c["SK01-IKK1"]),
        ("master_value_invalid", target_cell))))
    return cases


# --------------------------------------------------------------------------- legal codes that test sheet naming


#: Sample code → a legal code that collides with a sheet the tables workbook writes, or is as long as allowed.
AWKWARD_CODES = {
    "SK01-IKK1": "daftar tabel",  # the DAFTAR TABEL sheet is "Daftar Tabel": the same name for Excel
    "SK11-IKK1": "Capaian Kinerja Anggaran",  # the unnumbered budget table's sheet
    "SK12-IKK1": "SK12-IKK1-PERUBAHAN-PNBP-WIL-01",  # 31 characters, the limit
}


def awkward_master(folder: Path) -> tuple[Path, Path]:
    """Write the master with :data:`AWKWARD_CODES` and its four filled forms; return (master, forms folder)."""
    master_path = folder / "master_kode_unik.xlsx"
    workbook = openpyxl.load_workbook(MASTER)
    for old, new in AWKWARD_CODES.items():
        workbook[PK][CODE_CELL[old]] = new
    workbook.save(master_path)
    master = read_master(master_path)
    forms = folder / "formulir_kode_unik"
    forms.mkdir()
    for sample in sorted(FORMS.glob("*.xlsx")):
        checked = check_form(read_form(sample))
        inputs = {AWKWARD_CODES.get(code, code): dataclasses.replace(value, code=AWKWARD_CODES.get(code, code))
                  for code, value in checked.inputs.items()}
        write_form(master, checked.form.divisi, forms / sample.name, inputs=inputs, signoff=checked.signoff)
    return master_path, forms


# --------------------------------------------------------------------------- date-formatted numbers (class 14)


@dataclass(frozen=True)
class DateProblem:
    """A problem ``validate`` must report for a date-formatted cell, with texts its message contains."""

    code: str
    cell: str
    severity: str
    parts: tuple[str, ...]


@dataclass(frozen=True)
class DateCase:
    """A sample form whose cells get a number format (and perhaps a value), in the 1900 or 1904 date system."""

    name: str
    source: Path
    cells: dict[str, tuple[str, object]]  #: cell → (number format, value or None to keep the sample's)
    expected: tuple[DateProblem, ...]
    date1904: bool = False
    same_numbers: bool = True  #: the values are the sample's: consolidating gives the sample's figures

    def build(self, target: Path) -> None:
        workbook = openpyxl.load_workbook(self.source)
        sheet = workbook[FORM_SHEET]
        for cell, (number_format, value) in self.cells.items():
            if value is not None:
                sheet[cell] = value
            sheet[cell].number_format = number_format
        if self.date1904:
            workbook.epoch = CALENDAR_MAC_1904
        workbook.save(target)


def _cell(form: Path, code: str, column: str) -> str:
    return read_form(form).rows[code][column].cell


def date_cases() -> list[DateCase]:
    real = lambda form, code: _cell(form, code, COL_REAL)  # noqa: E731
    num = lambda form, code: _cell(form, code, COL_NUM)  # noqa: E731
    den = lambda form, code: _cell(form, code, COL_DEN)  # noqa: E731

    def warn(cell: str, shown: str, number: str) -> DateProblem:
        return DateProblem("value_date_format", cell, WARNING, (shown, f"angka {number}"))

    def refuse(cell: str, shown: str) -> DateProblem:
        return DateProblem("value_date_unreadable", cell, ERROR, (shown,))

    lay, lok, org = real(PHH, "SK14-IKK1"), real(PHH, "SK14-IKK2"), real(PHH, "SK18-IKK1")
    rasio_num, pemas_den = num(PHH, "SK13-IKK1"), den(PEMAS, "SK03-IKK1")
    index, survey_num = real(IMIG, "SK11-IKK1"), num(IMIG, "SK11-IKK2")
    laporan = real(PHH, "SK15-IKK3")
    cases = [
        DateCase("tanggal_realisasi", PHH, {lay: ("dd/mm/yyyy", None)}, (warn(lay, "20/04/1900", "111"),)),
        DateCase("jam_bilangan_bulat", PHH, {lok: ("hh:mm", None)}, (warn(lok, "08/01/1900", "8"),)),
        DateCase("tanggal_pembilang", PHH, {rasio_num: ("d-mmm-yy", None)}, (warn(rasio_num, "05/01/1900", "5"),)),
        DateCase("tanggal_penyebut", PEMAS, {pemas_den: ("dd/mm/yyyy", None)},
                 (warn(pemas_den, "04/04/1901", "460"),
                  DateProblem("numerator_exceeds_denominator", "I11", WARNING, ()),
                  DateProblem("numerator_exceeds_denominator", "I19", WARNING, ()))),
        DateCase("tanggal_jam_indeks", IMIG, {index: ("dd/mm/yyyy hh:mm:ss", None)},
                 (warn(index, "03/01/1900 23:45:36", "3,99"),)),
        DateCase("durasi", IMIG, {survey_num: ("[h]:mm", None)}, (warn(survey_num, "5673:21:36", "236,39"),)),
        DateCase("sistem_1904", PHH, {lay: ("dd/mm/yyyy", None), rasio_num: ("dd/mm/yyyy", None)},
                 (warn(lay, "21/04/1904", "111"), warn(rasio_num, "06/01/1904", "5")), date1904=True),
        DateCase("jam_pecahan", PHH, {laporan: ("hh:mm", 0.5)}, (warn(laporan, "12:00", "0,5"),),
                 same_numbers=False),
        DateCase("jam_dari_ketikan", PHH, {laporan: ("hh:mm", 3 / 24 + 25 / 1440)}, (refuse(laporan, "03:25"),),
                 same_numbers=False),
        DateCase("tanggal_29_feb_1900", PHH, {org: ("dd/mm/yyyy", 60)}, (refuse(org, "28/02/1900"),),
                 same_numbers=False),
        DateCase("enam_puluh_1904", PHH, {org: ("dd/mm/yyyy", 60)}, (warn(org, "01/03/1904", "60"),),
                 date1904=True, same_numbers=False),
    ]
    return cases


# --------------------------------------------------------------------------- Kendali settings (class 14)


@dataclass(frozen=True)
class KendaliCase:
    """A control workbook with settings typed on sheet 'Kendali', and the problems the buttons report."""

    name: str
    values: dict[str, object]  #: setting key → value typed (paths relative to the workspace)
    expected: tuple[tuple[str, str], ...]  #: (problem code, cell of sheet 'Kendali')
    actions: tuple[str, ...] = ("periksa", "konsolidasi")


def kendali_cases() -> list[KendaliCase]:
    ok = {"folder": "formulir", "master": "master_pk_2023.xlsx"}
    long_name = "n" * 300
    return [
        KendaliCase("galat_ref_folder", {**ok, "folder": "#REF!"}, (("kendali_error_value", "B5"),)),
        KendaliCase("galat_na_tahun", {**ok, "tahun": "#N/A"}, (("kendali_error_value", "B8"),)),
        KendaliCase("galat_div_master", {**ok, "master": "#DIV/0!"}, (("kendali_error_value", "B6"),)),
        KendaliCase("folder_benar_salah", {**ok, "folder": True}, (("kendali_not_text", "B5"),)),
        KendaliCase("master_tanggal", {**ok, "master": datetime(2023, 12, 31)}, (("kendali_not_text", "B6"),)),
        KendaliCase("hasil_tanggal", {**ok, "output": datetime(2023, 12, 31)}, (("kendali_not_text", "B7"),),
                    actions=("konsolidasi",)),
        KendaliCase("tahun_tanggal_jauh", {**ok, "tahun": datetime(2023, 3, 15)}, (("kendali_year_date", "B8"),)),
        KendaliCase("tahun_teks", {**ok, "tahun": "dua ribu"}, (("kendali_year_invalid", "B8"),)),
        KendaliCase("timpa_tanggal", {**ok, "timpa": datetime(2023, 1, 1)}, (("kendali_yes_no_invalid", "B9"),)),
        KendaliCase("timpa_angka", {**ok, "timpa": 2}, (("kendali_yes_no_invalid", "B9"),)),
        KendaliCase("folder_terlalu_panjang", {**ok, "folder": long_name}, (("kendali_path_invalid", "B5"),)),
        KendaliCase("master_terlalu_panjang", {**ok, "master": long_name + ".xlsx"},
                    (("kendali_path_invalid", "B6"),)),
        KendaliCase("master_folder", {**ok, "master": "formulir"}, (("kendali_master_not_file", "B6"),)),
        KendaliCase("folder_berkas", {**ok, "folder": "master_pk_2023.xlsx"}, (("kendali_not_folder", "B5"),)),
        KendaliCase("semua_sekaligus", {"folder": "#REF!", "master": True, "tahun": "dua ribu", "timpa": "mungkin"},
                    (("kendali_error_value", "B5"), ("kendali_not_text", "B6"), ("kendali_year_invalid", "B8"),
                     ("kendali_yes_no_invalid", "B9"))),
    ]


#: Settings that are fine although typed oddly: a year typed into a date-formatted cell (15/07/1905 is 2023).
KENDALI_ACCEPTED = {"folder": "formulir", "master": "master_pk_2023.xlsx", "tahun": datetime(1905, 7, 15)}


def kendali_workspace(folder: Path, control: Path) -> Path:
    """A Kanwil folder: a copy of the control workbook ``control``, the sample master and forms."""
    shutil.copytree(FORMS, folder / "formulir")
    shutil.copy(MASTER, folder / "master_pk_2023.xlsx")
    shutil.copy(control, folder / "konsolidasi.xlsm")
    return folder / "konsolidasi.xlsm"


def fill_settings(control: Path, values: dict[str, object]) -> None:
    """Type settings into sheet 'Kendali' the way a user would (openpyxl keeps the VBA and buttons)."""
    from lkjip_xl.control.layout import FIELD_BY_KEY

    workbook = openpyxl.load_workbook(control, keep_vba=True)
    sheet = workbook[KENDALI]
    for key, value in values.items():
        sheet[FIELD_BY_KEY[key].cell] = value
        if isinstance(value, str) and value.startswith("#"):
            sheet[FIELD_BY_KEY[key].cell].data_type = "e"  # an error value, as Excel stores #REF!
    workbook.save(control)


# --------------------------------------------------------------------------- all at once, by hand


def build_all(out_dir: Path) -> dict[str, Path]:
    """Write every master and form case into ``out_dir``; return name → path."""
    out_dir.mkdir(parents=True, exist_ok=True)
    built: dict[str, Path] = {}
    for case in master_cases():
        built[case.name] = out_dir / f"master_{case.name}.xlsx"
        case.build(built[case.name])
    for case in date_cases():
        built[case.name] = out_dir / f"formulir_{case.name}.xlsx"
        case.build(built[case.name])
    return built


if __name__ == "__main__":
    for name, path in build_all(Path(sys.argv[1])).items():
        print(name, path)
