"""Every workbook prints and reads right (issue #15 items 1-4).

Each workbook type the toolkit writes — the blank master template, a filled master, a form (yearly and of a
period), a feedback copy, the consolidated workbook of the samples, the consolidation of their quarterly
forms, the national workbook of ten Kanwil and one of its Kanwil workbooks, the tables workbook, every blank
input template and the control workbook — is written here through the library and the command line, then
printed to PDF by LibreOffice in one run, in the id-ID locale (decimal commas, as an Indonesian Excel shows
them).  The PDF pages are A4, no number shows ``###``, the page counts are those a reader can use (each
page's footer names its sheet, so pages are counted per sheet), the office and year stand in every footer,
the data sheets print their header row only.  In the written files themselves, every wrapped text has the
row height it needs (:func:`lkjip_xl.xlsx.row_height`) and every number the column width it needs
(:func:`lkjip_xl.xlsx.column_width`); one number-format rule shows a count as ``111 Layanan`` in every
workbook; the cell colours form one scheme whose lightness tells them apart in grey print, named by the
legend of forms and feedback copies.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from collections import Counter
from pathlib import Path

import openpyxl
import pytest
from click.testing import CliRunner

from engine import convert_many, require_soffice
from lkjip_xl import national, styles
from lkjip_xl.cli import cli
from lkjip_xl.consolidate import consolidate
from lkjip_xl.forms import form_filename, write_forms
from lkjip_xl.input_templates import write_input_template
from lkjip_xl.master import read_master
from lkjip_xl.messages import LABELS, msg
from lkjip_xl.numbers import format_shown
from lkjip_xl.tables.load import make_tables
from lkjip_xl.template import write_master
from lkjip_xl.xlsx import column_width, row_height
from sample_files import ANGGARAN, MASTER, PREVIOUS, RENCANA_AKSI, RENSTRA, SAMPLES, SUPPORTING

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))
from synthetic import generate  # noqa: E402

OWNER = "Kantor Wilayah Kementerian Hukum dan HAM Kepulauan Bangka Belitung · Tahun 2023"
PAGE = re.compile(r"Halaman (\d+) dari (\d+)")
A4 = {(595, 842), (842, 595)}  # points, portrait and landscape
pytestmark = pytest.mark.skipif(shutil.which("pdftotext") is None or shutil.which("pdfinfo") is None,
                                reason="poppler-utils (pdftotext, pdfinfo) are not installed")


def run(*args) -> None:
    result = CliRunner().invoke(cli, [str(a) for a in args])
    assert "Traceback" not in result.output + result.stderr, result.output


@pytest.fixture(scope="module")
def books(tmp_path_factory) -> dict[str, Path]:
    """Every workbook type, by name."""
    work = tmp_path_factory.mktemp("cetak")
    master = read_master(MASTER)
    found = {"master_template": write_master(None, work / "master_template.xlsx"),
             "sample_master": write_master(master, work / "sample_master.xlsx")}
    for kind, period in (("form", "Tahunan"), ("form_period", "Triwulan II")):
        write_forms(master, work / kind, period)
        found[kind] = work / kind / form_filename(master, "Pelayanan Hukum dan HAM", period)
    forms = work / "formulir"
    shutil.copytree(SAMPLES / "formulir", forms)
    run("validate", forms, "--feedback-dir", work / "umpan")  # the samples' two warnings: a feedback copy
    found["feedback"] = work / "umpan" / "Formulir_2023_Pemasyarakatan_pemeriksaan.xlsx"
    found["konsolidasi"] = consolidate([forms], work / "konsolidasi.xlsx", master).output
    found["triwulan"] = consolidate([SAMPLES / "formulir_triwulan"], work / "triwulan.xlsx", master).output
    found["tabel"] = make_tables(found["konsolidasi"], MASTER, work / "tabel.xlsx", previous=[PREVIOUS],
                                 renstra=RENSTRA, anggaran=ANGGARAN, supporting=SUPPORTING,
                                 rencana_aksi=RENCANA_AKSI).output
    result = national.consolidate_national(generate(40, work / "nasional_formulir", workers=1), work / "nasional")
    assert result.output is not None and len(result.outputs) == 11  # ten Kanwil and the national workbook
    found["nasional"], found["kanwil"] = result.output, result.outputs[1]
    for path in write_input_template("semua", work / "templat"):
        found["templat_" + path.stem] = path
    run("button", "--out", work / "kendali.xlsm")
    found["kendali"] = work / "kendali.xlsm"
    assert all(path.is_file() for path in found.values()), found
    return found


@pytest.fixture(scope="module")
def printed(books, tmp_path_factory) -> dict[str, Path]:
    """Each workbook printed to PDF by LibreOffice in the id-ID locale, all in one run."""
    require_soffice()
    pdfs = convert_many(list(books.values()), tmp_path_factory.mktemp("pdf"), "pdf", "id-ID")
    return {name: pdfs[path] for name, path in books.items()}


def pages(pdf: Path) -> list[str]:
    """The text of each page, laid out."""
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    return text.split("\f")[:-1]


_PAGE_BOX = re.compile(r'<page width="([\d.]+)" height="([\d.]+)">(.*?)</page>', re.S)
_WORD = re.compile(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)">(.*?)</word>')


def footers(pdf: Path) -> list[str]:
    """The footer of each page, line by line, left to right: the words in the bottom margin of the size of its
    "Halaman" (LibreOffice scales a footer with its page; text of a merged cell cut by the page is larger)."""
    html = subprocess.run(["pdftotext", "-bbox", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    found = []
    for _, height, body in _PAGE_BOX.findall(html):
        words = [(float(y0), float(x0), float(y1) - float(y0), word) for x0, y0, y1, word in _WORD.findall(body)
                 if float(y0) > float(height) - 45]
        size = max((w for w in words if w[3] == "Halaman"), default=(0, 0, 0, ""))[2]
        words = [(round(y0), x0, word) for y0, x0, h, word in words if abs(h - size) < 0.3]
        found.append(" ".join(word for _, _, word in sorted(words)).replace("&amp;", "&"))
    return found


def sheet_of(footer: str, sheets: list[str]) -> str:
    """The sheet a page prints: its footer starts with the sheet's name."""
    found = [name for name in sheets if footer.startswith(name + " ")]
    assert found, footer
    return max(found, key=len)


def per_sheet(books: dict[str, Path], printed: dict[str, Path], name: str) -> Counter:
    """Pages per sheet of workbook ``name``."""
    sheets = openpyxl.load_workbook(books[name], read_only=True).sheetnames
    return Counter(sheet_of(footer, sheets) for footer in footers(printed[name]))


# --------------------------------------------------------------------------- the PDF pages


def test_every_page_is_a4_and_no_number_shows_hashes(printed):
    for name, pdf in printed.items():
        info = subprocess.run(["pdfinfo", "-f", "1", "-l", "9999", str(pdf)], capture_output=True, text=True,
                              check=True).stdout
        sizes = {(round(float(w)), round(float(h))) for w, h in re.findall(r"size:\s+([\d.]+) x ([\d.]+) pts", info)}
        assert sizes and sizes <= A4, (name, sizes)
        found = [n for n, page in enumerate(pages(pdf), start=1) if "###" in page]
        assert not found, f"{name}: ### on page {found}"


def test_the_page_counts_are_those_of_a_report(books, printed):
    template = per_sheet(books, printed, "master_template")
    assert template == {name: 1 for name in ("Info", "PK", "Target Periode", "Satuan", "Petunjuk")}  # was 12
    master = per_sheet(books, printed, "sample_master")
    assert master["PK"] <= 3 and sum(master.values()) <= 5  # 60 IKK; was 18 pages of overlapping text
    consolidated = per_sheet(books, printed, "konsolidasi")
    assert consolidated["Capaian Kinerja"] <= 4 and consolidated["Ringkasan"] == 1
    assert consolidated["Data"] == 1 and consolidated["Sumber"] <= 4  # Sumber was 9 pages
    quarterly = per_sheet(books, printed, "triwulan")
    assert all(quarterly[sheet] <= 4 for sheet in ("Capaian Kinerja", "Triwulan I", "Triwulan IV", "Pemantauan"))
    assert quarterly["Data"] == 1
    assert sum(per_sheet(books, printed, "nasional").values()) <= 6  # ten Kanwil: was 413 pages
    assert per_sheet(books, printed, "kanwil")["Data"] == 1
    assert sum(per_sheet(books, printed, "form").values()) == 1
    assert per_sheet(books, printed, "feedback")["Pemeriksaan"] == 1
    tables = per_sheet(books, printed, "tabel")
    assert tables.pop("Tabel 3.1") <= 4 and tables.pop(LABELS["sheet_toc"]) <= 4  # 60 IKK; 180 tables listed
    assert all(count <= 2 for count in tables.values()), tables  # every IKK's tables on one or two pages
    for name in books:
        if name.startswith("templat_"):
            assert set(per_sheet(books, printed, name).values()) == {1}, name
    assert sum(per_sheet(books, printed, "kendali").values()) <= 2


def test_every_footer_says_the_sheet_the_page_and_the_office_and_year(printed):
    for name in ("sample_master", "form", "feedback", "konsolidasi", "triwulan", "tabel"):
        found = footers(printed[name])
        for number, footer in enumerate(found, start=1):
            assert PAGE.search(footer).groups() == (str(number), str(len(found))), (name, footer)
            assert OWNER in footer, (name, footer)
    assert all(f"{LABELS['national']} · Tahun 2023" in footer for footer in footers(printed["nasional"]))
    assert all(LABELS["word_office"] in footer for footer in footers(printed["master_template"]))  # no name yet


def test_data_sheets_print_their_header_row_only(books, printed):
    for name, sheet in (("konsolidasi", "Data"), ("nasional", "Data"), ("kanwil", "Data")):
        book = openpyxl.load_workbook(books[name])
        data = book[sheet]
        assert data.print_area == f"'{sheet}'!$A$1:${openpyxl.utils.get_column_letter(data.max_column)}$1"
        assert "tidak untuk dicetak" in data.oddHeader.center.text
    marked = [page for page in pages(printed["konsolidasi"]) if "tidak untuk dicetak" in page]
    assert len(marked) == 1 and "Kode IKK" in marked[0] and "SK01-IKK1" not in marked[0]


# --------------------------------------------------------------------------- the written cells


def _widths(sheet) -> dict[int, float]:
    widths: dict[int, float] = {}
    for dim in sheet.column_dimensions.values():
        if dim.min and dim.width:
            for col in range(dim.min, dim.max + 1):
                widths[col] = dim.width
    return widths


def _cells(book_path: Path):
    """(sheet, cell, merged range or None) of every visible sheet's non-empty cells, with the cached values."""
    book = openpyxl.load_workbook(book_path, data_only=True)
    for sheet in book.worksheets:
        if sheet.sheet_state != "visible":
            continue
        merged = {}
        for cells in sheet.merged_cells.ranges:
            merged[(cells.min_row, cells.min_col)] = cells
        for row in sheet.iter_rows():
            for cell in row:
                if cell.value is not None and cell.value != "":
                    yield sheet, cell, merged.get((cell.row, cell.column))


def test_every_wrapped_text_has_the_row_height_it_needs(books):
    short = []
    for name, path in books.items():
        widths: dict[str, dict[int, float]] = {}
        for sheet, cell, merged in _cells(path):
            if not isinstance(cell.value, str) or not cell.alignment.wrap_text:
                continue
            columns = widths.setdefault(sheet.title, _widths(sheet))
            rows = range(cell.row, (merged.max_row if merged else cell.row) + 1)
            cols = range(cell.column, (merged.max_col if merged else cell.column) + 1)
            width = sum(columns.get(col, 8.43) for col in cols)
            have = sum(sheet.row_dimensions[r].height or 15 for r in rows)
            need = row_height([(cell.value, width)], bold=bool(cell.font.b))
            if have + 0.5 < need:
                short.append(f"{name} {sheet.title}!{cell.coordinate}: {have} < {need} pt")
    assert not short, "\n".join(short[:200])


def test_every_number_has_the_column_width_it_needs(books):
    narrow = []
    for name, path in books.items():
        widths: dict[str, dict[int, float]] = {}
        for sheet, cell, merged in _cells(path):
            if merged or isinstance(cell.value, bool) or not isinstance(cell.value, (int, float)):
                continue
            width = widths.setdefault(sheet.title, _widths(sheet)).get(cell.column, 8.43)
            shown = format_shown(cell.value, cell.number_format)
            if width < column_width([shown], least=0) - 2:  # the rule's text, without its margin
                narrow.append(f"{name} {sheet.title}!{cell.coordinate}: {shown!r} in {width}")
    assert not narrow, "\n".join(narrow[:20])


def test_one_number_format_rule_in_every_workbook(books, printed):
    """A count shows as the report prints it, "111 Layanan", in the consolidated workbook and the tables."""
    book = openpyxl.load_workbook(books["konsolidasi"], data_only=True)
    sheet = book["Capaian Kinerja"]
    shown = {format_shown(c.value, c.number_format) for row in sheet.iter_rows(min_col=4, max_col=5) for c in row
             if isinstance(c.value, (int, float))}
    assert {"111 Layanan", "8 Lokus", "8 Instansi Pemerintah", "3,85 (Indeks)", "93,26%"} <= shown
    tables = openpyxl.load_workbook(books["tabel"], data_only=True)["Tabel 3.1"]
    assert "111 Layanan" in {format_shown(c.value, c.number_format) for row in tables.iter_rows() for c in row
                             if isinstance(c.value, (int, float))}
    for name in ("konsolidasi", "triwulan", "tabel"):
        text = " ".join(pages(printed[name]))
        assert "111 Layanan" in text and not re.search(r"\d,00 (Layanan|Lokus|Instansi)", text), name


# --------------------------------------------------------------------------- one colour scheme


def _luminance(colour: str) -> float:
    channels = [int(colour.lstrip("#")[i:i + 2], 16) / 255 for i in (0, 2, 4)]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def _lightness(colour: str) -> float:
    """CIE L* (0 black .. 100 white)."""
    y = _luminance(colour)
    return 116 * y ** (1 / 3) - 16 if y > 0.008856 else 903.3 * y


def _grey(colour: str) -> float:
    """The grey a printer makes of a colour (ITU-R 601 luma, 0..255)."""
    r, g, b = (int(colour.lstrip("#")[i:i + 2], 16) for i in (0, 2, 4))
    return 0.299 * r + 0.587 * g + 0.114 * b


def test_the_cell_colours_tell_apart_in_grey_print_with_black_text_readable():
    fills = [fill for fill, _ in styles.LEGEND.values()]
    assert list(styles.LEGEND) == ["input", "computed", "locked", "warning", "error"]
    for lighter, darker in zip(fills, fills[1:]):  # each role clearly darker than the one before
        assert _lightness(lighter) - _lightness(darker) >= 8, (lighter, darker)
        assert _grey(lighter) - _grey(darker) >= 20, (lighter, darker)
    assert all((_luminance(fill) + 0.05) / 0.05 >= 4.5 for fill in fills)  # black text on each (WCAG AA)
    assert styles.PROBLEM_FILL == {"error": styles.ERROR_FILL, "warning": styles.WARNING_FILL}
    for family, role in (("form", "input"), ("form", "computed"), ("form", "locked_number"), ("form", "not_needed"),
                         ("workbook", "input_header"), ("workbook", "missing"), ("control", "entry"),
                         ("control", "state_fix"), ("control", "state_failed")):
        assert styles.properties(family, role)["bg_color"] in fills, (family, role)


def _legend(sheet) -> dict[str, str]:
    """Each cell naming a colour (a legend label) → its fill."""
    labels = {LABELS[key] for _, key in styles.LEGEND.values()} | {LABELS["legend_below_target"]}
    return {c.value: "#" + c.fill.fgColor.rgb[2:] for row in sheet.iter_rows() for c in row if c.value in labels}


def test_forms_and_feedback_copies_have_the_legend_of_their_colours(books):
    for name in ("form", "form_period"):
        form = openpyxl.load_workbook(books[name])["Formulir"]
        legend = _legend(form)
        for role in ("input", "computed", "locked"):
            fill, key = styles.LEGEND[role]
            assert legend[LABELS[key]] == fill, (name, role)
        assert legend[LABELS["legend_below_target"]] == styles.COMPUTED_FILL
        fills = {"#" + c.fill.fgColor.rgb[2:] for row in form.iter_rows(min_row=9) for c in row
                 if c.fill.fill_type == "solid"}
        assert fills <= {fill for fill, _ in styles.LEGEND.values()} | {styles.LABEL_BLUE}, fills
        assert LABELS["legend_title"] in {c.value for row in form.iter_rows(max_row=8) for c in row}
    copy = openpyxl.load_workbook(books["feedback"])
    legend = _legend(copy["Pemeriksaan"])
    assert legend == {LABELS["legend_error"]: styles.ERROR_FILL, LABELS["legend_warning"]: styles.WARNING_FILL}
    marked = {"#" + c.fill.fgColor.rgb[2:] for row in copy["Formulir"].iter_rows() for c in row if c.comment}
    assert marked == {styles.WARNING_FILL}  # the samples' two warnings
    assert msg("feedback_intro", sheet="Formulir").split(": ", 1)[1].startswith("merah = kesalahan")
