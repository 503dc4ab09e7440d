"""Build every bad returned file the validator must handle, from the real sample forms.

Each :class:`BadFile` names a file, how to build it (from a sample form in
``samples/formulir`` or from :func:`lkjip_xl.forms.write_form`, corrupted with
openpyxl, zipfile or plain bytes) and the problems ``lkjip-xl validate`` must
report for it: code, sheet, cell and severity.  Cross-form checks (another
year, a Divisi twice) are validated together with the other samples; see
:func:`companions`.

    python tests/fixtures_bad.py OUT_DIR     # write them all, to look at by hand
"""

from __future__ import annotations

import io
import json
import math
import shutil
import struct
import sys
import zipfile
from dataclasses import dataclass, replace
from pathlib import Path
from collections.abc import Callable

import openpyxl
from msoffcrypto.format.ooxml import OOXMLFile

from lkjip_xl.checks import check_form
from lkjip_xl.forms import write_form
from signing import SIGNOFF
from lkjip_xl.layout import (
    COL_CODE, COL_DEN, COL_NIHIL, COL_NOTE, COL_NUM, COL_REAL, COL_TARGET, FORM_SHEET, STAMP_SHEET, content_hash,
)
from lkjip_xl.master import read_master
from lkjip_xl.model import Indicator, IndicatorInput, Master
from lkjip_xl.reader import read_form
from lkjip_xl.problems import ERROR, WARNING

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples" / "formulir"
MASTER = ROOT / "samples" / "master_pk_2023.xlsx"
ADMIN = SAMPLES / "Formulir_2023_Administrasi.xlsx"
IMIG = SAMPLES / "Formulir_2023_Keimigrasian.xlsx"
PEMAS = SAMPLES / "Formulir_2023_Pemasyarakatan.xlsx"
PHH = SAMPLES / "Formulir_2023_Pelayanan_Hukum_dan_HAM.xlsx"

#: Texts that a spreadsheet would run as formulas; typed as text into Keterangan cells.
FORMULA_TEXTS = ('=HYPERLINK("http://contoh.test","klik")', "@SUM(1)", "+62 812 0000", "-catatan")

#: The synthetic form of :func:`percent_form`: one "%" IKK typed directly.
PERCENT_CODE = "P01"


@dataclass(frozen=True)
class Expected:
    """One problem ``validate`` must report for a bad file."""

    code: str
    sheet: str = ""
    cell: str = ""
    severity: str = ERROR


@dataclass(frozen=True)
class BadFile:
    """A bad file: its name, how it is built and what ``validate`` must say about it."""

    name: str
    build: Callable[[Path], None]
    expected: tuple[Expected, ...]
    companions: tuple[Path, ...] = ()  #: sample forms validated together with it (cross-form checks)
    message_parts: tuple[str, ...] = ()  #: texts the message of the first expected problem contains

    @property
    def exit_code(self) -> int:
        return 1 if any(e.severity == ERROR for e in self.expected) else 0


#: Problems the Pemasyarakatan sample itself raises (671/460 and 557/232: shares above 100 %).
PEMAS_WARNINGS = (
    Expected("numerator_exceeds_denominator", FORM_SHEET, "I11", WARNING),
    Expected("numerator_exceeds_denominator", FORM_SHEET, "I19", WARNING),
)


# --------------------------------------------------------------------------- helpers


def cell_of(form: Path, code: str, column: str) -> str:
    """The A1 address of ``column`` in the row of IKK ``code`` of a sample form."""
    return read_form(form).rows[code][column].cell


def edit(source: Path, change: Callable[[openpyxl.Workbook], None]) -> Callable[[Path], None]:
    """A builder: load ``source`` with openpyxl, apply ``change``, save to the target."""
    def build(target: Path) -> None:
        workbook = openpyxl.load_workbook(source)
        change(workbook)
        workbook.save(target)
    return build


def set_cells(source: Path, values: dict[str, object], text: bool = True) -> Callable[[Path], None]:
    """A builder setting cells of the form sheet; strings stay text unless ``text`` is false."""
    def change(workbook: openpyxl.Workbook) -> None:
        sheet = workbook[FORM_SHEET]
        for address, value in values.items():
            sheet[address] = value
            if text and isinstance(value, str):
                sheet[address].data_type = "s"
    return edit(source, change)


def raw(data: bytes) -> Callable[[Path], None]:
    return lambda target: target.write_bytes(data)


def rezip(source: Path, change: Callable[[str, bytes], bytes],
          extra: dict[str, bytes] | None = None) -> Callable[[Path], None]:
    """A builder rewriting the zip members of ``source`` (name, data → new data), plus ``extra`` members."""
    def build(target: Path) -> None:
        with zipfile.ZipFile(source) as zin, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as zout:
            for info in zin.infolist():
                zout.writestr(info.filename, change(info.filename, zin.read(info.filename)))
            for name, data in (extra or {}).items():
                zout.writestr(name, data)
    return build


def form_sheet_part(source: Path) -> str:
    with zipfile.ZipFile(source) as archive:
        names = [n for n in archive.namelist() if n.startswith("xl/worksheets/sheet")]
    return sorted(names)[0]  # XlsxWriter writes the form sheet first


def ole_file(streams: dict[str, bytes]) -> bytes:
    """A minimal OLE compound file (CFB version 3) holding ``streams``.

    Streams are padded to 4096 bytes so that none lives in the mini stream;
    sector 0 holds the FAT, sector 1 the directory (at most 3 streams).
    """
    sector, end, fat_mark, free = 512, 0xFFFFFFFE, 0xFFFFFFFD, 0xFFFFFFFF

    def entry(name: str, kind: int, start: int, size: int, right: int = free, child: int = free) -> bytes:
        encoded = (name + "\0").encode("utf-16-le") if name else b""
        return struct.pack("<64sHBBIII16sIQQIQ", encoded, len(encoded), kind, 1, free, right, child,
                           b"", 0, 0, 0, start, size)

    fat = [fat_mark, end]
    entries = [entry("Root Entry", 5, end, 0, child=1 if streams else free)]
    body = b""
    for n, (name, data) in enumerate(streams.items(), start=1):
        data = data.ljust(4096, b"\0")
        start, count = len(fat), -(-len(data) // sector)
        fat += list(range(start + 1, start + count)) + [end]
        entries.append(entry(name, 2, start, len(data), right=n + 1 if n < len(streams) else free))
        body += data.ljust(count * sector, b"\0")
    entries += [entry("", 0, 0, 0)] * (4 - len(entries))
    header = struct.pack("<8s16sHHHHH6sIIIIIIIII", bytes.fromhex("D0CF11E0A1B11AE1"), b"", 0x3E, 3, 0xFFFE, 9, 6,
                         b"", 0, 1, 1, 0, 4096, end, 0, end, 0)
    difat = struct.pack("<109I", 0, *([free] * 108))
    fat_sector = struct.pack(f"<{sector // 4}I", *(fat + [free] * (sector // 4 - len(fat))))
    return header + difat + fat_sector + b"".join(entries) + body


def encrypted(source: Path) -> Callable[[Path], None]:
    """A builder: ``source`` encrypted with a password, as Excel does (msoffcrypto-tool)."""
    def build(target: Path) -> None:
        out = io.BytesIO()
        with open(source, "rb") as handle:
            OOXMLFile(handle).encrypt("rahasia", out)
        target.write_bytes(out.getvalue())
    return build


def stamp_edit(source: Path, change: Callable[[dict], None], rehash: bool) -> Callable[[Path], None]:
    """A builder changing the locked content in the stamp (and its hash when ``rehash``)."""
    def edit_stamp(workbook: openpyxl.Workbook) -> None:
        sheet = workbook[STAMP_SHEET]
        rows = {row[0].value: row for row in sheet.iter_rows() if row[0].value}
        locked_row = rows["locked_content"]
        locked = json.loads("".join(c.value for c in locked_row[1:] if isinstance(c.value, str)))
        change(locked)
        for key in ("template_version", "kanwil", "divisi", "periode"):
            rows[key][1].value = str(locked[key])
        rows["tahun"][1].value = str(locked["tahun"])
        if rehash:
            rows["content_hash"][1].value = content_hash(locked)
        text = json.dumps(locked, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
        for cell in locked_row[1:]:
            cell.value = None
        locked_row[1].value = text
    return edit(source, edit_stamp)


def percent_form(value: float | None) -> Callable[[Path], None]:
    """A builder: a one-IKK form ("%" typed directly, target 90) from :func:`write_form`."""
    def build(target: Path) -> None:
        master = Master("Kantor Wilayah Uji", 2023, (Indicator(
            code=PERCENT_CODE, divisi="Uji", sk_no=1, sk_text="Sasaran uji", ikk_no=1,
            text="Persentase layanan uji yang selesai tepat waktu", unit="%", target=90.0),))
        write_form(master, "Uji", target, inputs={PERCENT_CODE: IndicatorInput(PERCENT_CODE, value=value)},
                   signoff=SIGNOFF)
    return build


def percent_text_form(text: str) -> Callable[[Path], None]:
    def build(target: Path) -> None:
        plain = target.with_name(target.stem + "_polos.xlsx")
        percent_form(None)(plain)
        set_cells(plain, {cell_of(plain, PERCENT_CODE, COL_REAL): text})(target)
        plain.unlink()
    return build


def rewritten(source: Path, **changes: object) -> Callable[[Path], None]:
    """A builder: ``source`` filled in again on a form from the sample master with ``changes``
    (another year, another Kanwil)."""
    def build(target: Path) -> None:
        checked = check_form(read_form(source))
        write_form(replace(read_master(MASTER), **changes), checked.form.divisi, target, inputs=checked.inputs,
                   signoff=checked.signoff)
    return build


def move_rows(source: Path) -> Callable[[Path], None]:
    """A builder swapping the two IKK rows of the Keimigrasian form."""
    def change(workbook: openpyxl.Workbook) -> None:
        sheet = workbook[FORM_SHEET]
        first = int(cell_of(source, "SK11-IKK1", COL_CODE)[1:])
        spare = sheet.max_row + 2
        sheet.move_range(f"A{first}:O{first}", rows=spare - first)
        sheet.move_range(f"A{first + 1}:O{first + 1}", rows=-1)
        sheet.move_range(f"A{spare}:O{spare}", rows=first + 1 - spare)
    return edit(source, change)


def insert_rows(source: Path) -> Callable[[Path], None]:
    """A builder inserting a row at the top and an extra IKK-like row in the table."""
    def change(workbook: openpyxl.Workbook) -> None:
        sheet = workbook[FORM_SHEET]
        sheet.insert_rows(1)
        row = int(cell_of(source, "SK11-IKK2", COL_CODE)[1:]) + 2  # below the last IKK, after the shift
        sheet.insert_rows(row)
        sheet.cell(row, 1, "SK11-IKK3")
        sheet.cell(row, 11, 5)
    return edit(source, change)


def delete_row(source: Path, code: str) -> Callable[[Path], None]:
    def change(workbook: openpyxl.Workbook) -> None:
        workbook[FORM_SHEET].delete_rows(int(cell_of(source, code, COL_CODE)[1:]))
    return edit(source, change)


def duplicate_row(source: Path, code: str) -> Callable[[Path], None]:
    def change(workbook: openpyxl.Workbook) -> None:
        sheet = workbook[FORM_SHEET]
        row = int(cell_of(source, code, COL_CODE)[1:])
        # right below the table (column A: the header block's labels and the codes; the sign-off block is below)
        target = max(r for r in range(1, sheet.max_row + 1) if sheet.cell(r, 1).value is not None) + 1
        for col in range(1, 16):
            sheet.cell(target, col).value = sheet.cell(row, col).value
    return edit(source, change)


def with_member(source: Path, name: str, data: bytes) -> Callable[[Path], None]:
    return rezip(source, lambda _n, d: d, {name: data})


def lying_sizes(source: Path) -> Callable[[Path], None]:
    """A builder whose zip directory claims 1000 bytes for a member that expands to 60 MB."""
    member = "xl/media/isi.bin"

    def build(target: Path) -> None:
        with_member(source, member, b"\0" * (60 * 1024 * 1024))(target)
        data = bytearray(target.read_bytes())
        with zipfile.ZipFile(target) as archive:
            info, entry = archive.getinfo(member), archive.start_dir
        struct.pack_into("<I", data, info.header_offset + 22, 1000)  # local header: uncompressed size
        while data[entry + 46:entry + 46 + len(member)] != member.encode():
            entry += 46 + sum(struct.unpack_from("<HHH", data, entry + 28))  # next central directory entry
        struct.pack_into("<I", data, entry + 24, 1000)  # central directory: uncompressed size
        target.write_bytes(bytes(data))
    return build


def corrupt_member(source: Path, member: str) -> Callable[[Path], None]:
    """A builder flipping bytes inside the compressed data of one member (CRC no longer matches)."""
    def build(target: Path) -> None:
        data = bytearray(source.read_bytes())
        with zipfile.ZipFile(source) as archive:
            info = archive.getinfo(member)
        start = info.header_offset + 30 + len(info.filename.encode()) + len(info.extra)
        middle = start + info.compress_size // 2
        data[middle:middle + 4] = bytes(b ^ 0xFF for b in data[middle:middle + 4])
        target.write_bytes(bytes(data))
    return build


BILLION_LAUGHS = (
    '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
    + "".join(f'<!ENTITY lol{n} "{("&lol" + str(n - 1) + ";") * 10 if n > 1 else "&lol;" * 10}">'
              for n in range(1, 10))
    + ']><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><t>&lol9;</t></si></sst>'
).encode()


# --------------------------------------------------------------------------- the catalogue


def catalogue() -> list[BadFile]:
    """Every bad file, with what ``validate`` must report for it."""
    c = cell_of
    imig_real = c(IMIG, "SK11-IKK1", COL_REAL)
    num, den, note = (c(PEMAS, "SK03-IKK1", key) for key in (COL_NUM, COL_DEN, COL_NOTE))
    pnbp_den = c(PHH, "SK12-IKK1", COL_DEN)
    percent_cell = "K9"  # the one IKK row of percent_form
    xls = ole_file({"Workbook": b"\x09\x08\x10\x00\x00\x06\x05\x00"})  # a BIFF8 BOF record
    docx = io.BytesIO()
    with zipfile.ZipFile(docx, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", "<w:document/>")
    sample = IMIG.read_bytes()
    form_part = form_sheet_part(IMIG)
    others = (IMIG, PEMAS, PHH)

    def error(code: str, cell: str = "", sheet: str = FORM_SHEET) -> Expected:
        return Expected(code, sheet, cell)

    def warning(code: str, cell: str) -> Expected:
        return Expected(code, FORM_SHEET, cell, WARNING)

    def pemas(*expected: Expected) -> tuple[Expected, ...]:
        return expected + PEMAS_WARNINGS

    return [
        # --- not a workbook at all
        BadFile("pdf_diganti_nama.xlsx", raw(b"%PDF-1.7\n1 0 obj <</Type /Catalog>> endobj\n%%EOF\n"),
                (Expected("file_not_xlsx"),), message_parts=("isinya PDF",)),
        BadFile("docx_diganti_nama.xlsx", raw(docx.getvalue()), (Expected("file_not_xlsx"),),
                message_parts=("dokumen Word (.docx)",)),
        BadFile("format_lama.xls", raw(xls), (Expected("file_old_xls"),), message_parts=("Excel 97-2003",)),
        BadFile("xls_diganti_nama.xlsx", raw(xls), (Expected("file_old_xls"),)),
        BadFile("kosong.xlsx", raw(b""), (Expected("file_empty"),)),
        BadFile("terpotong.xlsx", raw(sample[: len(sample) // 2]), (Expected("file_corrupt"),)),
        BadFile("sheet_rusak.xlsx", corrupt_member(IMIG, form_part), (Expected("file_corrupt"),),
                message_parts=(form_part,)),
        BadFile("bersandi.xlsx", encrypted(IMIG), (Expected("file_encrypted"),), message_parts=("kata sandi",)),
        BadFile("terlalu_besar.xlsx", raw(sample + b"\0" * (21 * 1024 * 1024)), (Expected("file_too_large"),),
                message_parts=("berukuran 21 MB, melebihi batas 20 MB",)),
        BadFile("bom_zip.xlsx", with_member(IMIG, "xl/media/isi.bin", b"\0" * (2 * 1024 * 1024)),
                (Expected("file_zip_bomb"),), message_parts=("xl/media/isi.bin, rasio", "batas rasio 100:1")),
        BadFile("bom_zip_ukuran_palsu.xlsx", lying_sizes(IMIG), (Expected("file_zip_bomb"),),
                message_parts=("xl/media/isi.bin; batas 20 MB",)),
        BadFile("bom_xml.xlsx", rezip(IMIG, lambda n, d: BILLION_LAUGHS if n == "xl/sharedStrings.xml" else d),
                (Expected("file_unsafe_xml"),), message_parts=("xl/sharedStrings.xml",)),
        # --- a workbook, but not (or no longer) a form
        BadFile("cap_dihapus.xlsx", edit(IMIG, lambda wb: wb.remove(wb[STAMP_SHEET])),
                (error("stamp_missing", sheet=STAMP_SHEET),)),
        BadFile("sheet_diganti_nama.xlsx", edit(IMIG, lambda wb: setattr(wb[FORM_SHEET], "title", "Isian Imigrasi")),
                (error("form_sheet_missing"),), message_parts=("(sheet yang ada: 'Isian Imigrasi')",)),
        BadFile("sheet_dihapus.xlsx", edit(IMIG, lambda wb: (wb.remove(wb[FORM_SHEET]), wb.create_sheet("Sheet1"))),
                (error("form_sheet_missing"),), message_parts=("(sheet yang ada: 'Sheet1')",)),
        # --- identity
        BadFile("Formulir_2022_Administrasi.xlsx", rewritten(ADMIN, year=2022),
                (error("form_other_year", sheet=STAMP_SHEET),), companions=others,
                message_parts=("untuk tahun 2022, bukan tahun 2023",)),
        BadFile("Formulir_2023_Administrasi_Riau.xlsx",
                rewritten(ADMIN, kanwil="Kantor Wilayah Kementerian Hukum dan HAM Riau"),
                (error("form_other_kanwil", sheet=STAMP_SHEET),), companions=others,
                message_parts=("milik Kantor Wilayah Kementerian Hukum dan HAM Riau, bukan",)),
        BadFile("Formulir_2023_Administrasi (1).xlsx", lambda target: shutil.copyfile(ADMIN, target),
                (error("form_duplicate_divisi", "C7"),), companions=(ADMIN, *others),
                message_parts=("Divisi Administrasi dikirim dua kali", str(ADMIN))),
        BadFile("versi_lama.xlsx", stamp_edit(IMIG, lambda locked: locked.update(template_version="0.9"), True),
                (error("form_other_version", sheet=STAMP_SHEET),), message_parts=("versi 0.9",)),
        BadFile("cap_diubah.xlsx", stamp_edit(IMIG, lambda locked: locked["indicators"][0].update(target=3.0), False),
                (error("stamp_tampered", sheet=STAMP_SHEET), error("locked_changed", "H9"))),
        # a re-hashed stamp with a number no float holds, or no number: refused as this file's damaged stamp,
        # the other forms of the run still checked (it stopped the whole run)
        *(BadFile(f"stempel_{name}.xlsx", stamp_edit(IMIG, change, True), (error("stamp_missing", sheet=STAMP_SHEET),))
          for name, change in (
              ("target_raksasa", lambda locked: locked["indicators"][0].update(target=10 ** 400)),
              ("sk_raksasa", lambda locked: locked["indicators"][0].update(sk_no=-10 ** 400)),
              ("ambang_raksasa", lambda locked: locked["achievement"].update(threshold=10 ** 400)),
              ("ambang_nan", lambda locked: locked["achievement"].update(threshold=math.nan)),
              ("batas_raksasa", lambda locked: locked["achievement"].update(mean_cap=10 ** 400)),
              ("target_periode_raksasa", lambda locked: locked["indicators"][0].update(period_targets=[10 ** 400])),
          )),
        BadFile("judul_diubah.xlsx", set_cells(IMIG, {"C5": "Imigrasi"}), (error("header_changed", "C5"),),
                message_parts=("semula 'Keimigrasian', sekarang 'Imigrasi'",)),
        # --- rows: found by IKK code wherever they are
        BadFile("baris_ditukar.xlsx", move_rows(IMIG), ()),
        BadFile("baris_disisipkan.xlsx", insert_rows(IMIG), (warning("ikk_unknown", "A12"),)),
        BadFile("baris_dihapus.xlsx", delete_row(IMIG, "SK11-IKK2"), (error("ikk_missing"),),
                message_parts=("Baris IKK SK11-IKK2 tidak ditemukan",)),
        BadFile("baris_ganda.xlsx", duplicate_row(IMIG, "SK11-IKK1"), (error("ikk_duplicate", "A11"),),
                message_parts=("sel A9 dan A11",)),
        # --- cells
        BadFile("target_diubah.xlsx", set_cells(PEMAS, {c(PEMAS, "SK03-IKK1", COL_TARGET): 80}),
                pemas(error("locked_changed", c(PEMAS, "SK03-IKK1", COL_TARGET))),
                message_parts=("semula '90', sekarang '80'",)),
        BadFile("realisasi_kosong.xlsx", set_cells(IMIG, {imig_real: None}), (error("value_missing", imig_real),)),
        BadFile("indeks_ambigu.xlsx", set_cells(IMIG, {imig_real: "3.288"}), (error("value_ambiguous", imig_real),),
                message_parts=("'3.288' yang bisa dibaca dua cara",)),
        BadFile("indeks_teks.xlsx", set_cells(IMIG, {imig_real: "3,99"}), (warning("value_text_parsed", imig_real),),
                message_parts=("dibaca sebagai 3,99 (koma sebagai tanda desimal)",)),
        BadFile("bukan_angka.xlsx", set_cells(IMIG, {imig_real: "tiga koma sembilan"}),
                (error("value_not_number", imig_real),)),
        BadFile("rupiah_teks.xlsx", set_cells(PHH, {pnbp_den: "1.113.800.625"}),
                (warning("value_text_parsed", pnbp_den),),
                message_parts=("dibaca sebagai 1.113.800.625 (titik sebagai pemisah ribuan)",)),
        BadFile("persen_teks.xlsx", percent_text_form("90%"), (warning("value_text_parsed", percent_cell),),
                message_parts=("'90%'", "dibaca sebagai 90")),
        BadFile("persen_pecahan.xlsx", percent_form(0.9), (warning("percent_as_fraction", percent_cell),),
                message_parts=("Apakah maksudnya 90%? Realisasi ditulis dalam persen: ketik 90, bukan 0,9",)),
        BadFile("persen_di_atas_100.xlsx", percent_form(120.0), (warning("percent_above_100", percent_cell),)),
        BadFile("persen_di_pembilang.xlsx", set_cells(PEMAS, {num: "93%"}),
                pemas(error("value_percent_unexpected", num))),
        BadFile("negatif.xlsx", set_cells(PEMAS, {num: -5}), pemas(error("value_negative", num)),
                message_parts=("bernilai negatif (-5)",)),
        BadFile("negatif_teks.xlsx", set_cells(PEMAS, {num: "-5"}), pemas(error("value_negative", num))),
        BadFile("pnbp_turun.xlsx", set_cells(PHH, {pnbp_den: 1492600000}),
                (warning("realisasi_negative", c(PHH, "SK12-IKK1", COL_REAL)),),
                message_parts=("negatif: -21,37%", "Capaian menjadi -427,38% sehingga IKK ini tidak tercapai")),
        BadFile("penyebut_nol.xlsx", set_cells(PEMAS, {den: 0}), pemas(error("denominator_zero", den))),
        BadFile("nihil_salah.xlsx", set_cells(PEMAS, {c(PEMAS, "SK08-IKK2", COL_NIHIL): "Tidak"}),
                pemas(error("nihil_invalid", c(PEMAS, "SK08-IKK2", COL_NIHIL)))),
        BadFile("rumus_di_isian.xlsx", set_cells(PEMAS, {num: "=460-31", note: "=A1"}, text=False),
                pemas(error("formula_in_input", note), error("formula_in_input", num)),
                message_parts=("berisi rumus '=A1'",)),
        BadFile("teks_seperti_rumus.xlsx", set_cells(PEMAS, {
            num: "=1+1", note: FORMULA_TEXTS[0], c(PEMAS, "SK03-IKK2", COL_NOTE): FORMULA_TEXTS[1],
            c(PEMAS, "SK03-IKK3", COL_NOTE): FORMULA_TEXTS[2], c(PEMAS, "SK04-IKK1", COL_NOTE): FORMULA_TEXTS[3]}),
            pemas(error("value_not_number", num)), message_parts=("berisi '=1+1', bukan angka",)),
    ]


def build_all(out_dir: Path) -> dict[str, Path]:
    """Write every bad file of :func:`catalogue` into ``out_dir``; name → path."""
    out_dir.mkdir(parents=True, exist_ok=True)
    paths = {}
    for bad in catalogue():
        path = out_dir / bad.name
        bad.build(path)
        paths[bad.name] = path
    return paths


if __name__ == "__main__":
    for built in build_all(Path(sys.argv[1])).values():
        print(built)
