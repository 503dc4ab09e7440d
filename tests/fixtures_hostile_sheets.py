"""Hostile sheets, built from the real sample files by editing the sheet XML inside the zip (bytes).

openpyxl and XlsxWriter normalise attribute order, quoting and prefixes, so
every case here is made by replacing bytes of a sheet part of a real sample
(:func:`sheet_xml`).  Each :class:`HostileFile` says what ``lkjip-xl validate``
must report for it, like :mod:`fixtures_bad`; the classes:

- far cells (:func:`far_cases`): one cell at XFD1048576, AAA300000, a far row
  without cells, rows and cells without ``r`` running past the bounds, a
  ``<dimension>`` that lies either way, ``r`` not first or single-quoted, a
  namespace prefix, a far cell in the stamp sheet and in another sheet, a
  repeated ``r``;
- formulas (:func:`formula_cases`): an input cell's ``<f>`` with its ``<c>``
  attributes in every order, quote style, whitespace, with a prefix, without
  ``r``, lower-case ``r``, a shared formula, a DDE formula in Keterangan;
- what is seen (:func:`seen_cases`): a column title twice (hidden or visible,
  left or right, other case), values in hidden rows and columns (hidden, 0 high,
  0 wide);
- inputs other than forms (:func:`input_cases`): a master, previous-year,
  Renstra and budget workbook with a far cell, and a renamed PDF;
- returned feedback copies (:func:`feedback_cases`): the Pemeriksaan list naming
  ``A1:XFD1048576`` and other things that are no cell of the table.

    python tests/fixtures_hostile_sheets.py OUT_DIR     # write them all
"""

from __future__ import annotations

import re
import sys
from dataclasses import dataclass
from pathlib import Path
from collections.abc import Callable

import openpyxl
from xlsxwriter.utility import xl_col_to_name

from fixtures_bad import IMIG, MASTER, PEMAS, PEMAS_WARNINGS, ROOT, Expected, rezip, set_cells
from lkjip_xl.feedback import FEEDBACK_SHEET, write_copy
from lkjip_xl.layout import FORM_SHEET, STAMP_SHEET
from lkjip_xl.problems import ERROR, WARNING
from lkjip_xl.safety import open_package
from lkjip_xl.sheets import MAX_SHEET_COLUMNS, MAX_SHEET_ROWS
from lkjip_xl.validate import check_path

PREVIOUS = ROOT / "samples" / "capaian_2022.xlsx"
RENSTRA = ROOT / "samples" / "renstra_2020_2024.xlsx"
BUDGET = ROOT / "samples" / "anggaran_2023.xlsx"
SUPPORTING = ROOT / "samples" / "tabel_pendukung_2023.xlsx"
MAIN_NS = b"http://schemas.openxmlformats.org/spreadsheetml/2006/main"
PDF = b"%PDF-1.7\n1 0 obj <</Type /Catalog>> endobj\n%%EOF\n"


def form_sheet_xml(source: Path) -> bytes:
    """The XML of the form sheet of ``source``, as XlsxWriter wrote it."""
    package = open_package(str(source))
    return package.read(package.sheet_part(FORM_SHEET))


def cell_xml(source: Path, ref: str) -> bytes:
    """The ``<c>`` element of cell ``ref`` of the form sheet of ``source``, exactly as written."""
    found = re.search(rb'<c r="' + ref.encode() + rb'"[^>]*?(?:/>|>.*?</c>)', form_sheet_xml(source), flags=re.S)
    assert found, ref
    return found.group(0)


#: The Keimigrasian sample's ``<dimension>``: its table and the sign-off block below it.
IMIG_DIMENSION = re.search(rb'<dimension ref="[^"]+"/>', form_sheet_xml(IMIG)).group(0)
#: The first row below everything the Keimigrasian sample's form sheet holds.
NEXT = int(re.search(rb'ref="A1:[A-Z]+(\d+)"', IMIG_DIMENSION).group(1)) + 1


@dataclass(frozen=True)
class HostileFile:
    """A hostile file: its name, how it is built and what ``validate`` must report for it."""

    name: str
    build: Callable[[Path], None]
    expected: tuple[Expected, ...]
    kind: str = "form"  #: "form", or the input it stands for: "master", "previous", "renstra", "anggaran"

    @property
    def exit_code(self) -> int:
        return 1 if any(e.severity == ERROR for e in self.expected) else 0


# --------------------------------------------------------------------------- builders


def sheet_xml(source: Path, sheet: str, change: Callable[[bytes], bytes]) -> Callable[[Path], None]:
    """A builder rewriting the XML bytes of worksheet ``sheet`` of ``source``."""
    part = open_package(str(source)).sheet_part(sheet)
    assert part is not None, sheet

    def edit(name: str, data: bytes) -> bytes:
        if name != part:
            return data
        changed = change(data)
        assert changed != data, f"{source.name}: {sheet} unchanged"
        return changed
    return rezip(source, edit)


def append_rows(xml: bytes) -> Callable[[bytes], bytes]:
    """Rows added at the end of ``<sheetData>``."""
    return lambda data: data.replace(b"</sheetData>", xml + b"</sheetData>", 1)


def replace_bytes(old: bytes, new: bytes) -> Callable[[bytes], bytes]:
    def change(data: bytes) -> bytes:
        assert data.count(old) == 1, old
        return data.replace(old, new)
    return change


def regex(pattern: bytes, new: bytes) -> Callable[[bytes], bytes]:
    return lambda data: re.sub(pattern, new, data, count=1)


def then(*changes: Callable[[bytes], bytes]) -> Callable[[bytes], bytes]:
    def change(data: bytes) -> bytes:
        for step in changes:
            data = step(data)
        return data
    return change


def with_extra_sheet(source: Path, name: str, xml: bytes) -> Callable[[Path], None]:
    """A builder: ``source`` plus a sheet ``name`` (added with openpyxl), whose rows ``xml`` are then added."""
    def build(target: Path) -> None:
        plain = target.with_name(target.stem + "_polos.xlsx")
        book = openpyxl.load_workbook(source)
        book.create_sheet(name)["A1"] = "catatan"
        book.save(plain)
        sheet_xml(plain, name, append_rows(xml))(target)
        plain.unlink()
    return build


def row_cells(row: int, count: int) -> bytes:
    """A row (with ``r``) of ``count`` cells without ``r``: they take columns A, B, C, …"""
    return f'<row r="{row}">'.encode() + b"<c><v>1</v></c>" * count + b"</row>"


def err(code: str, cell: str = "", sheet: str = FORM_SHEET) -> Expected:
    return Expected(code, sheet, cell, ERROR)


def warn(code: str, cell: str, sheet: str = FORM_SHEET) -> Expected:
    return Expected(code, sheet, cell, WARNING)


def far(cell: str, sheet: str = FORM_SHEET) -> tuple[Expected, ...]:
    return (err("sheet_too_large", cell, sheet),)


# --------------------------------------------------------------------------- far cells


def far_cases() -> list[HostileFile]:
    """Forms with content far away; every one is refused before calamine builds its grid."""
    edit = lambda change: sheet_xml(IMIG, FORM_SHEET, change)  # noqa: E731
    cols = xl_col_to_name(MAX_SHEET_COLUMNS)  # the first column past the bound
    rows_past = MAX_SHEET_ROWS + 1
    return [
        HostileFile("jauh_xfd1048576.xlsx", edit(append_rows(b'<row r="1048576"><c r="XFD1048576"><v>1</v></c></row>')),
                    far("XFD1048576")),
        HostileFile("jauh_aaa300000.xlsx", edit(append_rows(b'<row r="300000"><c r="AAA300000"><v>1</v></c></row>')),
                    far("AAA300000")),
        HostileFile("jauh_kolom.xlsx",
                    edit(append_rows(f'<row r="{NEXT}"><c r="{cols}{NEXT}"><v>1</v></c></row>'.encode())),
                    far(f"{cols}{NEXT}")),
        HostileFile("jauh_baris_saja.xlsx", edit(append_rows(b'<row r="500000" ht="30" customHeight="1"/>')),
                    far("R500000")),
        HostileFile("jauh_grid.xlsx", edit(append_rows(b'<row r="3000"><c r="ZZ3000"><v>1</v></c></row>')),
                    far("ZZ3000")),  # 3000 rows × 702 columns: inside each bound, not their product
        HostileFile("jauh_sel_tanpa_r.xlsx", edit(append_rows(row_cells(NEXT, MAX_SHEET_COLUMNS + 200))),
                    far(f"{xl_col_to_name(MAX_SHEET_COLUMNS + 199)}{NEXT}")),
        HostileFile("jauh_baris_tanpa_r.xlsx", edit(append_rows(b"<row/>" * (rows_past - (NEXT - 1)))),
                    far(f"R{rows_past}")),
        HostileFile("jauh_dimensi_kecil.xlsx", edit(append_rows(b'<row r="120000"><c r="B120000"><v>1</v></c></row>')),
                    far("R120000")),  # the <dimension> stays: it lies small
        HostileFile("jauh_dimensi_besar.xlsx", edit(replace_bytes(IMIG_DIMENSION, b'<dimension ref="A1:XFD1048576"/>')),
                    far("XFD1048576")),
        HostileFile("jauh_r_tidak_pertama.xlsx",
                    edit(append_rows(b"<row r='1048576'><c t='n' s='0' r='XFD1048576'><v>1</v></c></row>")),
                    far("XFD1048576")),
        HostileFile("jauh_prefiks.xlsx", edit(append_rows(
            b'<x:row xmlns:x="' + MAIN_NS + b'" r="1048576"><x:c r="XFD1048576"><x:v>1</x:v></x:c></x:row>')),
                    far("XFD1048576")),
        HostileFile("jauh_huruf_kecil.xlsx",
                    edit(append_rows(f'<row r="{NEXT}"><c r="xfd{NEXT}"><v>1</v></c></row>'.encode())),
                    far(f"XFD{NEXT}")),
        HostileFile("jauh_di_cap.xlsx", sheet_xml(IMIG, STAMP_SHEET, append_rows(
            b'<row r="1048576"><c r="XFD1048576"><v>1</v></c></row>')), far("XFD1048576", STAMP_SHEET)),
        HostileFile("jauh_di_sheet_lain.xlsx", with_extra_sheet(IMIG, "Catatan", (
            b'<row r="300000"><c r="AAA300000"><v>1</v></c></row>')), far("AAA300000", "Catatan")),
        HostileFile("r_ganda.xlsx",
                    edit(append_rows(f'<row r="{NEXT}"><c r="A{NEXT}" r="XFD1048576"><v>1</v></c></row>'.encode())),
                    (err("sheet_cell_invalid", f"A{NEXT}"),)),
        HostileFile("r_tidak_sah.xlsx",
                    edit(append_rows(f'<row r="{NEXT}"><c r="&#88;FD1"><v>1</v></c></row>'.encode())),
                    (err("sheet_cell_invalid", f"A{NEXT}"),)),
    ]


# --------------------------------------------------------------------------- formulas


#: The pembilang (429) and the Keterangan of SK03-IKK1 in the Pemasyarakatan sample, as XlsxWriter wrote them.
PEMAS_NUM = cell_xml(PEMAS, "I10")
PEMAS_NOTE = cell_xml(PEMAS, "O10")
assert PEMAS_NUM.endswith(b"<v>429</v></c>"), PEMAS_NUM
FORMULA_VARIANTS = {
    "rumus_r_kedua.xlsx": b'<c s="5" r="I10"><f>460-31</f><v>429</v></c>',
    "rumus_kutip_tunggal.xlsx": b"<c s='5' r='I10'><f>460-31</f><v>429</v></c>",
    "rumus_spasi.xlsx": b'<c\n   s = "5"\n   r = "I10"\t>\n  <f>460-31</f>\n  <v>429</v>\n</c>',
    "rumus_prefiks.xlsx": b'<x:c xmlns:x="' + MAIN_NS + b'" s="5" r="I10"><x:f>460-31</x:f><x:v>429</x:v></x:c>',
    "rumus_tanpa_r.xlsx": b'<c s="5"><f>460-31</f><v>429</v></c>',  # after H10: it is I10
    "rumus_r_huruf_kecil.xlsx": b'<c r="i10" s="5"><f>460-31</f><v>429</v></c>',
    "rumus_bersama.xlsx": b'<c t="n" s="5" r="I10"><f t="shared" ref="I10:I11" si="0"/><v>429</v></c>',
    "rumus_sesudah_nilai.xlsx": b'<c r="I10" s="5"><v>429</v><f>460-31</f></c>',
    "rumus_aca.xlsx": b'<c r="I10" s="5" t="n"><f aca="false">460-31</f><v>429</v></c>',
}


def formula_cases() -> list[HostileFile]:
    """An input cell holding a formula, however its XML is written: ``formula_in_input`` at its cell."""
    cases = [HostileFile(name, sheet_xml(PEMAS, FORM_SHEET, replace_bytes(PEMAS_NUM, xml)),
                         (err("formula_in_input", "I10"), *PEMAS_WARNINGS))
             for name, xml in FORMULA_VARIANTS.items()]
    dde = b"<c t=\"str\" s=\"13\" r=\"O10\"><f>cmd|' /C calc'!A0</f><v>catatan</v></c>"
    cases.append(HostileFile("rumus_dde_keterangan.xlsx", sheet_xml(PEMAS, FORM_SHEET, replace_bytes(PEMAS_NOTE, dde)),
                             (err("formula_in_input", "O10"), *PEMAS_WARNINGS)))
    return cases


# --------------------------------------------------------------------------- what is seen


IMIG_COL_K = re.search(rb'<col min="11" max="11" [^>]*/>', form_sheet_xml(IMIG)).group(0)  # Realisasi
#: Keterangan (O) and the three narrative texts (P, Q, R), one width.
IMIG_COL_O = b'<col min="15" max="18" width="30.7109375" customWidth="1"/>'
IMIG_HEADER_END = cell_xml(IMIG, "R8") + b"</row>"
IMIG_ROW9_END = cell_xml(IMIG, "R9") + b"</row>"


def title_at_s(title: bytes, value: bytes = b"99", hide: bool = True) -> Callable[[bytes], bytes]:
    """A copy of a column title in S8 (and a value in S9), the column hidden unless ``hide`` is false."""
    steps = [replace_bytes(IMIG_HEADER_END, IMIG_HEADER_END[:-6] + b'<c r="S8" t="inlineStr"><is><t>' + title
                           + b"</t></is></c></row>"),
             replace_bytes(IMIG_ROW9_END, IMIG_ROW9_END[:-6] + b'<c r="S9"><v>' + value + b"</v></c></row>")]
    if hide:
        steps.append(replace_bytes(b"</cols>",
                                   b'<col min="19" max="19" width="13" hidden="1" customWidth="1"/></cols>'))
    return then(*steps)


def hide_sheet(state: bytes) -> Callable[[str, bytes], bytes]:
    """A zip-member edit: the form sheet given ``state`` (hidden, veryHidden) in xl/workbook.xml."""
    def edit(name: str, data: bytes) -> bytes:
        if name != "xl/workbook.xml":
            return data
        changed = data.replace(b'<sheet name="Formulir"', b'<sheet state="' + state + b'" name="Formulir"', 1)
        assert changed != data
        return changed
    return edit


def seen_cases() -> list[HostileFile]:
    """Titles twice and values the user cannot see."""
    edit = lambda *changes: sheet_xml(IMIG, FORM_SHEET, then(*changes))  # noqa: E731
    hide_k = replace_bytes(IMIG_COL_K, IMIG_COL_K[:-2] + b' hidden="1"/>')
    row = lambda r, attrs: regex(rb'<row r="' + str(r).encode() + rb'"', b'<row r="%d" %s' % (r, attrs))  # noqa: E731
    return [
        HostileFile("judul_ganda_kanan_tersembunyi.xlsx", edit(title_at_s(b"Realisasi")),
                    (err("header_duplicate", "S8"),)),
        HostileFile("judul_ganda_kanan_terlihat.xlsx", edit(title_at_s(b"Realisasi", hide=False)),
                    (err("header_duplicate", "S8"),)),
        HostileFile("judul_ganda_huruf_besar.xlsx", edit(title_at_s(b" REALISASI ", hide=False)),
                    (err("header_duplicate", "S8"),)),
        HostileFile("judul_ganda_kode.xlsx", edit(title_at_s(b"Kode IKK", b"0")), (err("header_duplicate", "S8"),)),
        HostileFile("judul_ganda_kiri_tersembunyi.xlsx", edit(title_at_s(b"Realisasi", b"3.5", hide=False), hide_k),
                    (err("header_duplicate", "S8"), err("value_hidden", "K9"))),
        HostileFile("kolom_realisasi_tersembunyi.xlsx", edit(hide_k), (err("value_hidden", "K9"),)),
        HostileFile("kolom_keterangan_lebar_nol.xlsx",
                    edit(replace_bytes(IMIG_COL_O, b'<col min="15" max="15" width="0" customWidth="1"/>'
                                                   b'<col min="16" max="18" width="30.7109375" customWidth="1"/>')),
                    (warn("note_hidden", "O9"), warn("note_hidden", "O10"))),
        HostileFile("baris_tersembunyi.xlsx", edit(row(10, b'hidden="1"')),
                    (err("value_hidden", "I10"), err("value_hidden", "J10"), warn("note_hidden", "O10"))),
        HostileFile("baris_tinggi_nol.xlsx", edit(regex(rb'(<row r="9"[^>]*?) ht="[^"]*"', rb'\1 ht="0"')),
                    (err("value_hidden", "K9"), warn("note_hidden", "O9"))),
        HostileFile("sheet_formulir_tersembunyi.xlsx", rezip(IMIG, hide_sheet(b"hidden")),
                    (err("value_hidden", "K9"), err("value_hidden", "I10"), err("value_hidden", "J10"),
                     warn("note_hidden", "O9"), warn("note_hidden", "O10"))),
        HostileFile("sheet_formulir_sangat_tersembunyi.xlsx", rezip(IMIG, hide_sheet(b"veryHidden")),
                    (err("value_hidden", "K9"), err("value_hidden", "I10"), err("value_hidden", "J10"),
                     warn("note_hidden", "O9"), warn("note_hidden", "O10"))),
        HostileFile("baris_tersembunyi_kosong.xlsx",
                    edit(append_rows(f'<row r="{NEXT}" hidden="1"><c r="A{NEXT}" t="inlineStr"><is><t>x</t></is></c>'
                                     '</row>'.encode())),
                    ()),  # a hidden row holding no input: nothing to say
    ]


# --------------------------------------------------------------------------- other inputs


def input_cases() -> list[HostileFile]:
    """Master, previous-year, Renstra and budget workbooks with a far cell, and one renamed PDF."""
    far_row = append_rows(b'<row r="1048576"><c r="XFD1048576"><v>1</v></c></row>')
    cases = []
    for kind, source in (("master", MASTER), ("previous", PREVIOUS), ("renstra", RENSTRA), ("anggaran", BUDGET)):
        sheet = open_package(str(source)).all_sheet_parts[-1][0]  # the last sheet: read or not, it is bounded
        cases.append(HostileFile(f"{kind}_jauh.xlsx", sheet_xml(source, sheet, far_row),
                                 far("XFD1048576", sheet), kind))
        cases.append(HostileFile(f"{kind}_pdf.xlsx", lambda target: target.write_bytes(PDF),
                                 (err("file_not_xlsx", sheet=""),), kind))
    return cases


# --------------------------------------------------------------------------- feedback copies


#: What a returned copy's Pemeriksaan list may name instead of a cell of the table.
HOSTILE_ADDRESSES = ("A1:XFD1048576", "XFD1048576", "K1000", "A:A", "1:1048576", "Formulir!K9", "$K$9", " K9",
                     "=K9", 99)
HOSTILE_FILLS = ("solid:GGGGGGGG", "bogus:FFFF0000", "solid:" + "F" * 400, 7)


def feedback_copy(change: Callable[[openpyxl.Workbook], None]) -> Callable[[Path], None]:
    """A builder: the feedback copy of a form with a problem in K9, its Pemeriksaan sheet then changed."""
    def build(target: Path) -> None:
        bad = target.with_name(target.stem + "_isian.xlsx")
        set_cells(IMIG, {"K9": -5})(bad)
        copy = target.with_name(target.stem + "_salinan.xlsx")
        write_copy(bad, check_path(str(bad)).problems, copy)
        book = openpyxl.load_workbook(copy)
        change(book)
        book.save(target)
        bad.unlink()
        copy.unlink()
    return build


def listed(addresses=(), fills=()) -> Callable[[openpyxl.Workbook], None]:
    """Rows of the Pemeriksaan list naming ``addresses`` (sheet Formulir) with kept ``fills``."""
    def change(book: openpyxl.Workbook) -> None:
        sheet = book[FEEDBACK_SHEET]
        first = sheet.max_row + 1
        for n, address in enumerate(addresses):
            sheet.cell(first + n, 4, FORM_SHEET)
            sheet.cell(first + n, 5, address)
            sheet.cell(first + n, 8, "solid:FFFFFF00")
        for n, fill in enumerate(fills):
            sheet.cell(first + len(addresses) + n, 4, FORM_SHEET)
            sheet.cell(first + len(addresses) + n, 5, "K9")
            sheet.cell(first + len(addresses) + n, 8, fill)
    return change


def feedback_cases() -> list[HostileFile]:
    """Returned feedback copies whose list names what is no cell of the table: ignored, never built."""
    negative = (err("value_negative", "K9"),)
    return [
        HostileFile("pemeriksaan_rentang_penuh.xlsx", feedback_copy(listed(("A1:XFD1048576",))), negative),
        HostileFile("pemeriksaan_alamat_aneh.xlsx", feedback_copy(listed(HOSTILE_ADDRESSES)), negative),
        HostileFile("pemeriksaan_isian_warna_aneh.xlsx", feedback_copy(listed(fills=HOSTILE_FILLS)), negative),
        HostileFile("pemeriksaan_jauh.xlsx", then_xml(feedback_copy(listed()), FEEDBACK_SHEET, append_rows(
            b'<row r="1048576"><c r="XFD1048576"><v>1</v></c></row>')), far("XFD1048576", FEEDBACK_SHEET)),
    ]


def then_xml(build: Callable[[Path], None], sheet: str, change: Callable[[bytes], bytes]) -> Callable[[Path], None]:
    """A builder: ``build``, then the XML of ``sheet`` of its result changed."""
    def both(target: Path) -> None:
        first = target.with_name(target.stem + "_awal.xlsx")
        build(first)
        sheet_xml(first, sheet, change)(target)
        first.unlink()
    return both


# --------------------------------------------------------------------------- all


def catalogue() -> list[HostileFile]:
    return [*far_cases(), *formula_cases(), *seen_cases(), *input_cases(), *feedback_cases()]


def build_all(out_dir: Path) -> dict[str, Path]:
    """Write every hostile file of :func:`catalogue` into ``out_dir`` (inputs in ``out_dir/masukan``); name → path."""
    (out_dir / "masukan").mkdir(parents=True, exist_ok=True)
    paths = {}
    for hostile in catalogue():
        path = out_dir / ("masukan" if hostile.kind != "form" else "") / hostile.name
        hostile.build(path)
        paths[hostile.name] = path
    return paths


if __name__ == "__main__":
    for built in build_all(Path(sys.argv[1])).values():
        print(built)
