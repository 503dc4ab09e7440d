"""The baseline a user would write: the same national consolidation with openpyxl only.

Each form is loaded with ``openpyxl.load_workbook(read_only=True,
data_only=True)`` (openpyxl's fastest way to read), its stamp and input cells
are read, every IKK is computed with :mod:`lkjip_xl.calc`, and the same
workbooks are written with openpyxl: per Kanwil "Capaian Kinerja",
"Ringkasan" and "Data" (plain values, as a worksheet table), nationally "Ringkasan Nasional", "Tercapai per Divisi",
"Formulir" and "Data", with the same cells and formulas.  It does less than
``lkjip-xl consolidate``: no validation beyond what computing needs, no
cached values for formulas (openpyxl cannot store them), no cell styles.
"""

from __future__ import annotations

import hashlib
import json
import re
from pathlib import Path

import openpyxl
from openpyxl.styles import Font
from openpyxl.worksheet.table import Table

from lkjip_xl import calc, methods
from lkjip_xl._values import YES
from lkjip_xl.layout import (
    COL_CODE, COL_DEN, COL_NIHIL, COL_NUM, COL_REAL, COLUMN_INDEX, FORM_SHEET, STAMP_SHEET, TITLE_TO_KEY,
)
from lkjip_xl.model import AchievementRule, IndicatorInput, Method
from lkjip_xl.reader import indicator_from_payload
from lkjip_xl.records import DATA_COLUMNS

BOLD = Font(bold=True)


def read_form(path: Path) -> dict:
    """Stamp, definitions and inputs (with their row numbers) of one form."""
    book = openpyxl.load_workbook(path, read_only=True, data_only=True)
    stamp, locked = {}, ""
    for row in book[STAMP_SHEET].iter_rows(values_only=True):
        if row and row[0] == "locked_content":
            locked = "".join(v for v in row[1:] if isinstance(v, str))
        elif row and isinstance(row[0], str) and len(row) > 1:
            stamp[row[0]] = str(row[1])
    rows = list(book[FORM_SHEET].iter_rows(values_only=True))
    book.close()
    head = next(i for i, row in enumerate(rows) if row and row[0] == "Kode IKK")
    cols = {TITLE_TO_KEY[v.casefold()]: c for c, v in enumerate(rows[head])
            if isinstance(v, str) and v.casefold() in TITLE_TO_KEY}
    by_code = {row[cols[COL_CODE]]: (i, row) for i, row in enumerate(rows) if i > head and row and row[0]}
    indicators = [indicator_from_payload(item) for item in json.loads(locked)["indicators"]]
    inputs = {}
    for indicator in indicators:
        index, row = by_code[indicator.code]
        reported = IndicatorInput(indicator.code, nihil=row[cols[COL_NIHIL]] == YES)
        if indicator.method is Method.LANGSUNG:
            reported.value = row[cols[COL_REAL]]
        elif indicator.method is Method.RERATA_SUBRASIO:
            subs = [by_code[f"{indicator.code}.{n}"][1] for n in range(1, len(indicator.sub_labels) + 1)]
            reported.pairs = [(sub[cols[COL_NUM]], sub[cols[COL_DEN]]) for sub in subs]
        else:
            reported.pairs = [(row[cols[COL_NUM]], row[cols[COL_DEN]])]
        inputs[indicator.code] = (reported, index + 1)
    sha256 = hashlib.sha256(Path(path).read_bytes()).hexdigest()
    return {"path": str(path), "sha256": sha256, "stamp": stamp, "indicators": indicators, "inputs": inputs}


def consolidate(files: list[Path], out_dir: Path) -> str:
    """Read every form, compute, write the Kanwil workbooks and the national workbook; return the headline."""
    forms = [read_form(path) for path in files]
    kanwils: dict[str, list[dict]] = {}
    for form in forms:
        kanwils.setdefault(form["stamp"]["kanwil"], []).append(form)
    out_dir.mkdir(parents=True, exist_ok=True)
    data_rows, parts = [], []
    for kanwil, group in kanwils.items():
        stamp = group[0]["stamp"]
        rule = AchievementRule(float(stamp["achievement_threshold"]), stamp["achievement_inclusive"] == "1")
        order = [d for d in json.loads(stamp["divisi_order"]) if any(f["stamp"]["divisi"] == d for f in group)]
        by_divisi = {f["stamp"]["divisi"]: f for f in group}
        rows = []
        for divisi in order:
            form = by_divisi[divisi]
            for indicator in form["indicators"]:
                reported, form_row = form["inputs"][indicator.code]
                rows.append((methods.evaluate(indicator, reported, rule), reported, form, form_row))
        name = "Capaian_" + stamp["tahun"] + "_" + re.sub(r"[^0-9A-Za-z]+", "_", kanwil).strip("_") + ".xlsx"
        _write_kanwil(out_dir / name, kanwil, rule, order, rows)
        parts.append((kanwil, name, order, [form for d in order for form in [by_divisi[d]]], rows))
        data_rows += rows
    summary = calc.group_summary("Nasional", [r for r, _, _, _ in data_rows])
    _write_national(out_dir / "Nasional.xlsx", parts, data_rows, summary)
    return calc.headline(summary.tercapai, summary.total)


def _write_kanwil(path: Path, kanwil: str, rule: AchievementRule, order: list[str], rows: list) -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Capaian Kinerja"
    sheet.cell(1, 1, f"Capaian Kinerja {kanwil}").font = BOLD
    pairs = max(methods.input_pairs(r.indicator) for r, _, _, _ in rows) or 1
    titles = ["No", "Sasaran Kegiatan", "Indikator Kinerja Kegiatan", "Target", "Realisasi", "Capaian", "Status",
              "", "Kode IKK", "Divisi", "Satuan", "Cara Hitung", "NIHIL", "Nilai Langsung"]
    titles += [t for n in range(1, pairs + 1) for t in (f"Pembilang {n}", f"Penyebut {n}")] + ["Berkas Sumber"]
    for col, title in enumerate(titles, start=1):
        sheet.cell(4, col, title).font = BOLD
    row, divisi, sk = 5, None, None
    for result, reported, form, _ in rows:
        ind = result.indicator
        if ind.divisi != divisi:
            divisi, sk = ind.divisi, None
            sheet.cell(row, 1, f"Divisi {divisi}")
            sheet.merge_cells(start_row=row, start_column=1, end_row=row, end_column=7)
            row += 1
        if ind.sk_no != sk:
            sk = ind.sk_no
            sheet.cell(row, 1, f"{ind.sk_no}.")
            sheet.cell(row, 2, ind.sk_text)
        sheet.cell(row, 3, f"{ind.ikk_no}. {ind.text}")
        sheet.cell(row, 4, ind.target)
        values = [ind.code, ind.divisi, ind.unit, ind.method.value, YES if reported.nihil else None,
                  reported.value if ind.method is Method.LANGSUNG else None]
        for n in range(pairs):
            values += list(reported.pairs[n]) if n < len(reported.pairs) else [None, None]
        values.append(Path(form["path"]).name)
        for col, value in enumerate(values, start=9):
            if value is not None:
                sheet.cell(row, col, value)
        def ref(col: int, row: int = row) -> str:
            return f"{openpyxl.utils.get_column_letter(col)}{row}"

        refs = calc.InputRefs(value=ref(14), nihil=ref(13),
                              pairs=tuple((ref(15 + 2 * n), ref(16 + 2 * n)) for n in range(methods.input_pairs(ind))))
        sheet.cell(row, 5, "=" + methods.realisasi_formula(ind, refs))
        sheet.cell(row, 6, "=" + calc.capaian_formula(ref(5), ref(4), ind.direction))
        sheet.cell(row, 7, "=" + calc.status_formula(ref(6), rule))
        row += 1
    last = row - 1
    summary = book.create_sheet("Ringkasan")
    for col, title in enumerate(("Divisi", "Jumlah IKK", "Tercapai", "Tidak Tercapai", "Rata-rata Capaian (%)"), 1):
        summary.cell(3, col, title).font = BOLD
    div, cap, st = (f"'Capaian Kinerja'!${c}$5:${c}${last}" for c in ("J", "F", "G"))
    for r, name in enumerate(order, start=4):
        summary.cell(r, 1, name)
        summary.cell(r, 2, f"=COUNTIF({div},A{r})")
        summary.cell(r, 3, f'=COUNTIFS({div},A{r},{st},"{calc.TERCAPAI}")')
        summary.cell(r, 4, f"=B{r}-C{r}")
        summary.cell(r, 5, f'=IFERROR(AVERAGEIFS({cap},{div},A{r}),"")')
    total = 4 + len(order)
    summary.cell(total, 1, kanwil)
    for c in "BC":
        summary[f"{c}{total}"] = f"=SUM({c}4:{c}{total - 1})"
    summary[f"D{total}"] = f"=B{total}-C{total}"
    summary[f"E{total}"] = f'=IFERROR(AVERAGE({cap}),"")'
    summary[f"B{total + 2}"] = "=" + calc.headline_formula(f"C{total}", f"B{total}")
    data = book.create_sheet("Data")
    data.append(list(DATA_COLUMNS))
    real = openpyxl.utils.get_column_letter(COLUMN_INDEX[COL_REAL] + 1)
    for result, reported, form, form_row in rows:
        ind, s = result.indicator, form["stamp"]
        data.append([kanwil, int(s["tahun"]), s["periode"], ind.code, ind.divisi, order.index(ind.divisi) + 1,
                     ind.sk_no, ind.sk_text, ind.ikk_no, ind.text, ind.unit, ind.method.value, ind.target,
                     result.realisasi, result.capaian, calc.status_text(result.tercapai) or None, reported.nihil,
                     reported.keterangan or None, form["path"], FORM_SHEET, f"{real}{form_row}", form["sha256"]])
    data.add_table(Table(displayName="DataCapaian", ref=f"A1:{openpyxl.utils.get_column_letter(len(DATA_COLUMNS))}"
                                                        f"{len(rows) + 1}"))
    book.save(path)


def _write_national(path: Path, parts: list, data_rows: list, summary: calc.GroupSummary) -> None:
    book = openpyxl.Workbook()
    national = book.active
    national.title = "Ringkasan Nasional"
    last = len(data_rows) + 1
    kan, div, cap, st = (f"Data!${c}$2:${c}${last}" for c in ("A", "D", "K", "L"))
    forms_range = f"Formulir!$A$2:$A${sum(len(p[3]) for p in parts) + 1}"
    for col, title in enumerate(("Kantor Wilayah", "Jumlah Formulir", "Jumlah IKK", "Tercapai", "Tidak Tercapai",
                                 "Rata-rata Capaian (%)", "Buku Kerja Kanwil"), 1):
        national.cell(4, col, title).font = BOLD
    for r, (kanwil, name, _, _, _) in enumerate(parts, start=5):
        national.append([kanwil, f"=COUNTIF({forms_range},A{r})", f"=COUNTIF({kan},A{r})",
                         f'=COUNTIFS({kan},A{r},{st},"{calc.TERCAPAI}")', f"=C{r}-D{r}",
                         f'=IFERROR(AVERAGEIFS({cap},{kan},A{r}),"")', name])
    total = 5 + len(parts)
    national.append(["Nasional"] + [f"=SUM({c}5:{c}{total - 1})" for c in "BCD"]
                    + [f"=C{total}-D{total}", f'=IFERROR(AVERAGE({cap}),"")'])
    national.cell(total + 2, 2, "=" + calc.headline_formula(f"D{total}", f"C{total}"))
    matrix = book.create_sheet("Tercapai per Divisi")
    columns = list(dict.fromkeys(d for part in parts for d in part[2]))
    head = 4
    for title, status in (("IKK Tercapai", f',{st},"{calc.TERCAPAI}"'), ("Jumlah IKK", "")):
        for col, name in enumerate([title] + columns, start=1):
            matrix.cell(head, col, name).font = BOLD
        for r, (kanwil, _, order, _, _) in enumerate(parts, start=head + 1):
            matrix.cell(r, 1, kanwil)
            for col, name in enumerate(columns, start=2):
                if name in order:
                    letter = openpyxl.utils.get_column_letter(col)
                    matrix.cell(r, col, f"=COUNTIFS({kan},A{r},{div},{letter}{head}{status})")
        head += len(parts) + 3
    forms = book.create_sheet("Formulir")
    forms.append(["Kantor Wilayah", "Divisi", "Tahun", "Periode", "Jumlah IKK", "Berkas", "SHA-256",
                  "Buku Kerja Kanwil"])
    for kanwil, name, _, group, _ in parts:
        for form in group:
            s = form["stamp"]
            forms.append([kanwil, s["divisi"], int(s["tahun"]), s["periode"], len(form["indicators"]), form["path"],
                          form["sha256"], name])
    data = book.create_sheet("Data")
    data.append(["Kantor Wilayah", "Tahun", "Periode", "Divisi", "Kode IKK", "Indikator Kinerja Kegiatan", "Satuan",
                 "Cara Hitung", "Target", "Realisasi", "Capaian (%)", "Status", "Berkas", "Sheet", "Baris",
                 "SHA-256"])
    for result, _, form, form_row in data_rows:
        ind, s = result.indicator, form["stamp"]
        data.append([s["kanwil"], int(s["tahun"]), s["periode"], ind.divisi, ind.code, ind.text, ind.unit,
                     ind.method.value, ind.target, result.realisasi, result.capaian,
                     calc.status_text(result.tercapai) or None, form["path"], FORM_SHEET, form_row,
                     form["sha256"]])
    book.save(path)
