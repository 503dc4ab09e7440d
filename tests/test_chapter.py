"""Bab III as a Word document (lkjip-xl laporan): the samples' chapter read back with python-docx.

- every table of the tables workbook is in the document, in order, and every cell reads exactly what
  LibreOffice shows for that cell of the workbook in an Indonesian locale (rendered "as shown" to CSV);
- numbered captions are SEQ fields counting 1..186 with the workbook's titles, listed by a TOC field;
- the same inputs give the same bytes; LibreOffice Writer converts the document to PDF, whose
  Tabel 3.1 page holds the table's text; the output rules of every command hold (no overwrite of an
  input, no silent overwrite, a .docx name).
"""

from __future__ import annotations

import csv
import re
import shutil
import subprocess
import zipfile
from pathlib import Path

import docx
import pytest
from click.testing import CliRunner
from docx.oxml.ns import qn

from engine import require_soffice
from lkjip_xl.cli import cli
from lkjip_xl.office import soffice
from sample_files import ANGGARAN, MASTER, PREVIOUS, RENCANA_AKSI, RENSTRA, SAMPLES, SUPPORTING

INPUTS = ["--master", str(MASTER), "--previous", str(PREVIOUS), "--renstra", str(RENSTRA), "--anggaran",
          str(ANGGARAN), "--supporting", str(SUPPORTING), "--rencana-aksi", str(RENCANA_AKSI)]
CAPTION = "Caption"
NOTE = "Catatan Tabel"


def _run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, list(args))
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture(scope="module")
def made(tmp_path_factory) -> dict[str, Path]:
    """The consolidated samples, their tables workbook and their chapter (with its PDF when LibreOffice is here)."""
    work = tmp_path_factory.mktemp("bab3")
    konsolidasi = work / "konsolidasi.xlsx"
    code, _, err = _run("consolidate", str(SAMPLES / "formulir"), "--master", str(MASTER), "--out", str(konsolidasi))
    assert code == 0, err
    tables = work / "tabel.xlsx"
    code, _, err = _run("tables", str(konsolidasi), *INPUTS, "--out", str(tables))
    assert code == 0, err
    chapter = work / "Bab_III_2023.docx"
    pdf = ["--pdf"] if soffice() else []
    code, out, err = _run("laporan", str(konsolidasi), *INPUTS, "--out", str(chapter), *pdf)
    assert code == 0, err
    assert "Traceback" not in out + err
    return {"work": work, "konsolidasi": konsolidasi, "tables": tables, "chapter": chapter, "stdout": Path(out)}


def _paragraph_text(element) -> str:
    return "".join(node.text or "" for node in element.iter(qn("w:t")))


def _style(element) -> str:
    found = element.find(f"{qn('w:pPr')}/{qn('w:pStyle')}")
    return found.get(qn("w:val")) if found is not None else ""


def document_texts(path: Path) -> list[str]:
    """The chapter's captions, table cells (each merged cell once, row by row) and table notes, in order."""
    document = docx.Document(str(path))
    styles = {style.style_id: style.name for style in document.styles}
    texts: list[str] = []
    for element in document.element.body:
        if element.tag == qn("w:p") and styles.get(_style(element)) in (CAPTION, NOTE):
            texts.append(_paragraph_text(element))
        elif element.tag == qn("w:tbl"):
            for cell in element.iter(qn("w:tc")):
                merge = cell.find(f"{qn('w:tcPr')}/{qn('w:vMerge')}")
                if merge is not None and merge.get(qn("w:val")) in (None, "continue"):
                    continue  # covered by the merged cell above
                text = "\n".join(_paragraph_text(p) for p in cell.iter(qn("w:p")))
                if text:
                    texts.append(text)
    return [t for t in texts if not t.startswith("Gambar ")]


def libreoffice_texts(workbook: Path, work: Path) -> list[str]:
    """Every non-empty cell of every sheet (but the DAFTAR TABEL) as LibreOffice shows it in id-ID, row
    by row, sheet by sheet."""
    program = require_soffice()
    profile = work / "profile" / "user"
    profile.mkdir(parents=True)
    (profile / "registrymodifications.xcu").write_text(
        '<?xml version="1.0" encoding="UTF-8"?><oor:items xmlns:oor="http://openoffice.org/2001/registry" '
        'xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">'
        '<item oor:path="/org.openoffice.Setup/L10N"><prop oor:name="ooSetupSystemLocale" oor:op="fuse">'
        "<value>id-ID</value></prop></item></oor:items>", encoding="utf-8")
    out = work / "csv"
    # 44 comma, 34 quote, 76 UTF-8, language 1057 (id-ID), save cell contents as shown, -1 every sheet
    subprocess.run([program, f"-env:UserInstallation={(work / 'profile').resolve().as_uri()}", "--headless",
                    "--convert-to", "csv:Text - txt - csv (StarCalc):44,34,76,1,,1057,false,true,true,false,false,-1",
                    "--outdir", str(out), str(workbook)], check=True, capture_output=True, timeout=300)
    import openpyxl

    names = openpyxl.load_workbook(workbook, read_only=True).sheetnames
    texts: list[str] = []
    for name in names[1:]:
        with open(out / f"{workbook.stem}-{name}.csv", encoding="utf-8", newline="") as handle:
            texts.extend(value for row in csv.reader(handle) for value in row if value)
    return texts


def test_every_table_cell_is_the_workbook_cell_as_libreoffice_shows_it(made, tmp_path):
    shown = libreoffice_texts(made["tables"], tmp_path)
    document = document_texts(made["chapter"])
    assert len(document) == len(shown)
    differences = [(i, d, s) for i, (d, s) in enumerate(zip(document, shown)) if d != s]
    assert differences == []
    assert "124,09%" in document and "Rp 18.758.766.000" in document and "99,20" in document


def test_numbered_captions_are_seq_fields_in_order_with_the_workbook_titles(made):
    import openpyxl

    toc = openpyxl.load_workbook(made["tables"], read_only=True)["Daftar Tabel"]
    listed = [f"{label} {title}" for label, title, *_ in toc.iter_rows(min_row=4, values_only=True)
              if label and str(label).startswith("Tabel ")]
    document = docx.Document(str(made["chapter"]))
    captions, numbers = [], []
    for paragraph in document.paragraphs:
        if paragraph.style.name != CAPTION:
            continue
        fields = [t.text for t in paragraph._p.iter(qn("w:instrText"))]
        if fields and fields[0].strip().startswith("SEQ Tabel"):
            captions.append(paragraph.text)
            numbers.append(int(re.match(r"Tabel 3\.(\d+) ", paragraph.text).group(1)))
    assert numbers == list(range(1, 187))
    assert captions == listed
    body = document.element.body.xml
    assert 'TOC \\h \\z \\c "Tabel"' in body and 'TOC \\h \\z \\c "Gambar"' in body
    toc_text = [p.text for p in document.paragraphs]
    assert listed[0] in toc_text[:200] and listed[-1] in toc_text[:400]


def test_the_same_inputs_give_the_same_document(made, tmp_path):
    again = tmp_path / "lagi.docx"
    code, _, err = _run("laporan", str(made["konsolidasi"]), *INPUTS, "--out", str(again))
    assert code == 0, err
    assert again.read_bytes() == made["chapter"].read_bytes()
    with zipfile.ZipFile(again) as package:
        core = package.read("docProps/core.xml").decode()
    assert "2024-01-01T00:00:00Z" in core


def test_libreoffice_makes_the_pdf_and_tabel_3_1_reads_right(made):
    require_soffice()
    pdf = made["chapter"].with_suffix(".pdf")
    assert pdf.is_file()
    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext (poppler-utils) is not installed")
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True,
                          check=True).stdout
    pages = text.split("\f")
    caption = "Tabel 3.1 Capaian Kinerja Sasaran Kegiatan Tahun 2023"
    listed = [p for p in pages if caption in p and "Tabel 3.2 " in p]  # the Daftar Tabel
    assert listed
    (page,) = [p for p in pages if caption in p and "Indikator Kegiatan" in p]  # the table itself
    for expected in ("Divisi Administrasi", "Target", "Realisasi", "Capaian", "3,85 (Indeks)", "124,09%"):
        assert expected in page


def test_an_existing_output_is_refused_and_an_input_never_written(made, tmp_path):
    code, _, err = _run("laporan", str(made["konsolidasi"]), *INPUTS, "--out", str(made["chapter"]))
    assert code == 2 and "--force" in err
    before = made["konsolidasi"].read_bytes()
    target = made["konsolidasi"].with_suffix(".docx")
    shutil.copyfile(made["konsolidasi"], target)
    code, _, err = _run("laporan", str(target), "--master", str(MASTER), "--out", str(target), "--force")
    assert code == 2
    assert made["konsolidasi"].read_bytes() == before
    code, _, err = _run("laporan", str(made["konsolidasi"]), "--master", str(MASTER), "--out",
                        str(tmp_path / "bab3.pdf"))
    assert code == 2 and ".docx" in err and "Traceback" not in err


def test_the_chapter_runs_on_the_consolidated_workbook_and_master_alone(made, tmp_path):
    out = tmp_path / "Bab_III.docx"
    code, stdout, err = _run("laporan", str(made["konsolidasi"]), "--master", str(MASTER), "--out", str(out))
    assert code == 0, err
    assert "data tidak tersedia" in " ".join(document_texts(out))
    assert "Bab III ditulis" in stdout


def test_without_libreoffice_pdf_is_refused_in_indonesian_and_nothing_is_written(made, tmp_path, monkeypatch):
    import lkjip_xl.office

    monkeypatch.setenv("PATH", str(tmp_path / "kosong"))  # no soffice on the PATH ...
    monkeypatch.setattr(lkjip_xl.office, "_FALLBACK", tmp_path / "tidak-ada")  # ... nor where Debian puts it
    out = tmp_path / "Bab_III.docx"
    code, _, err = _run("laporan", str(made["konsolidasi"]), "--master", str(MASTER), "--out", str(out), "--pdf")
    assert code == 2
    assert "[office_missing]" in err and "libreoffice-writer-nogui" in err and "Traceback" not in err
    assert not out.exists() and not out.with_suffix(".pdf").exists()
    assert list(tmp_path.iterdir()) == []


def test_fields_are_well_formed(made):
    """Every field opens, separates and ends in order (a Word field out of order is a repair prompt)."""
    document = docx.Document(str(made["chapter"]))
    kinds = [node.get(qn("w:fldCharType")) for node in document.element.body.iter(qn("w:fldChar"))]
    assert kinds and kinds == ["begin", "separate", "end"] * (len(kinds) // 3)
    instructions = [node.text.strip() for node in document.element.body.iter(qn("w:instrText"))]
    assert sum(i.startswith("SEQ Tabel") for i in instructions) == 186
    assert sum(i.startswith("SEQ Gambar") for i in instructions) >= 3


def test_word_updates_the_fields_when_the_document_opens(made):
    """w:updateFields in the settings, where the schema puts it (before w:compat): Word offers to fill the lists'
    page numbers on opening, and a settings part out of order would be a repair prompt."""
    settings = docx.Document(str(made["chapter"])).settings.element
    tags = [child.tag for child in settings]
    found = settings.find(qn("w:updateFields"))
    assert found is not None and found.get(qn("w:val")) == "true"
    assert tags.index(qn("w:updateFields")) < tags.index(qn("w:compat"))
    assert tags.index(qn("w:updateFields")) > tags.index(qn("w:defaultTabStop"))


def test_a_pemkab_chapter_speaks_its_own_words(tmp_path):
    """The Pemkab sample (Badan/Bidang): no Kemenkumham word in any paragraph, caption or cell."""
    pemkab = SAMPLES / "pemkab"
    konsolidasi = tmp_path / "konsolidasi.xlsx"
    master = pemkab / "master_pk_2024.xlsx"
    code, _, err = _run("consolidate", str(pemkab / "formulir"), "--master", str(master), "--out", str(konsolidasi))
    assert code == 0, err
    out = tmp_path / "Bab_III_2024.docx"
    code, stdout, err = _run("laporan", str(konsolidasi), "--master", str(master), "--previous",
                             str(pemkab / "capaian_2023.xlsx"), "--renstra", str(pemkab / "renstra_2021_2026.xlsx"),
                             "--anggaran", str(pemkab / "anggaran_2024.xlsx"), "--out", str(out))
    assert code == 0, err
    document = docx.Document(str(out))
    texts = [p.text for p in document.paragraphs] + document_texts(out)
    default = re.compile(r"(?<![^\W_])(divisi|kanwil|kantor wilayah)(?![^\W_])", re.IGNORECASE)
    assert [t for t in texts if default.search(t)] == []
    assert "Pada tahun 2024, 10 dari 13 IKK Badan tercapai dan 3 IKK belum tercapai." in texts
    assert any(t.startswith("Bidang Sekretariat: 4 dari 4 IKK tercapai") for t in texts)
