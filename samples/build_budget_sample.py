"""Build samples/anggaran_2023.xlsx, the sample budget input workbook, from anggaran_2023.json.

The JSON holds the 2023 Bangka Belitung figures of Tabel 3.178–3.180 and of the
e-Monev Bappenas table (Tabel 3.186) as printed in the LKjIP; keys ending in
``_dicetak`` are printed results kept for the tests and are not written.  ``kode_sk``
maps the DIPA of a Kantor Wilayah unit to the Sasaran Kegiatan whose Anggaran in the
PK is exactly its pagu (the efficiency table; ``null``: no such SK).  The workbook layout is the one documented in
docs/budget.md and read by :func:`lkjip_xl.tables.load_budget`.

    python samples/build_budget_sample.py [--force] [OUTPUT]
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from lkjip_xl.fileio import atomic_output
from lkjip_xl.guard import OutputExistsError
from lkjip_xl.tables.budget import read as budget_input
from lkjip_xl.xlsx import new_workbook

HERE = Path(__file__).resolve().parent
SOURCE = HERE / "anggaran_2023.json"
OUTPUT = HERE / "anggaran_2023.xlsx"

#: Sheet → (header, JSON key, number format or None for text), in column order.
COLUMNS = {
    budget_input.SHEET_PAGU: (
        (budget_input.COL_KELOMPOK, "kelompok", None),
        (budget_input.COL_SATKER, "satuan_kerja", None),
        (budget_input.COL_PAGU, "pagu", "#,##0"),
        (budget_input.COL_REALISASI, "realisasi", "#,##0"),
        (budget_input.COL_KODE_SK, "kode_sk", "0"),  # the SK whose anggaran is this DIPA (the efficiency table)
    ),
    budget_input.SHEET_SMART: (
        (budget_input.COL_KELOMPOK, "kelompok", None),
        (budget_input.COL_SATKER, "satuan_kerja", None),
        (budget_input.COL_PENYERAPAN, "penyerapan", "0.00"),
        (budget_input.COL_KONSISTENSI, "konsistensi", "0.00"),
        (budget_input.COL_CRO, "cro", "0.00"),
        (budget_input.COL_EFISIENSI, "efisiensi", "0.00"),
        (budget_input.COL_NILAI_EFISIENSI, "nilai_efisiensi", "0.00"),
    ),
    budget_input.SHEET_IKPA: (
        (budget_input.COL_KELOMPOK, "kelompok", None),
        (budget_input.COL_SATKER, "satuan_kerja", None),
        (budget_input.COL_IKPA, "nilai_ikpa", "0.00"),
    ),
}
JSON_KEYS = {
    budget_input.SHEET_PAGU: "pagu_realisasi", budget_input.SHEET_SMART: "smart", budget_input.SHEET_IKPA: "ikpa",
}


def build(source: Path = SOURCE, output: Path = OUTPUT, force: bool = False) -> None:
    """Write the sample input workbook ``output`` from the JSON ``source``."""
    data = json.loads(source.read_text(encoding="utf-8"))
    with atomic_output(output, force) as tmp:
        workbook = new_workbook(tmp, title="Data anggaran LKjIP 2023 (contoh)")
        bold = workbook.add_format({"bold": True})
        formats = {}

        info = workbook.add_worksheet(budget_input.SHEET_INFO)
        info.set_column(0, 0, 18)
        info.set_column(1, 1, 70)
        info.write_string(0, 0, budget_input.LABEL_KANTOR, bold)
        info.write_string(0, 1, data["kantor_wilayah"])
        info.write_string(1, 0, budget_input.LABEL_TAHUN, bold)
        info.write_number(1, 1, data["tahun_anggaran"])

        for sheet, columns in COLUMNS.items():
            ws = workbook.add_worksheet(sheet)
            ws.freeze_panes(1, 0)
            for col, (header, _, _) in enumerate(columns):
                ws.set_column(col, col, 18 if col == 0 else 45 if col == 1 else 16)
                ws.write_string(0, col, header, bold)
            for r, row in enumerate(data[JSON_KEYS[sheet]], start=1):
                for col, (_, key, num_format) in enumerate(columns):
                    value = row[key]
                    if value is None or value == "":
                        continue
                    if num_format is None:
                        ws.write_string(r, col, value)
                    else:
                        fmt = formats.setdefault(num_format, workbook.add_format({"num_format": num_format}))
                        ws.write_number(r, col, value, fmt)

        ws = workbook.add_worksheet(budget_input.SHEET_EMONEV)  # optional in the layout; the report has it
        ws.freeze_panes(1, 0)
        headers = (budget_input.COL_NO, budget_input.COL_SATKER, *(month[:3] for month in budget_input.MONTHS))
        for col, header in enumerate(headers):
            ws.set_column(col, col, 5 if col == 0 else 24 if col == 1 else 6)
            ws.write_string(0, col, header, bold)
        for r, row in enumerate(data["emonev"], start=1):
            ws.write_number(r, 0, r)
            ws.write_string(r, 1, row["satuan_kerja"])
            for col, value in enumerate(row["bulan"], start=2):
                ws.write_number(r, col, value)
        workbook.close()


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("output", nargs="?", type=Path, default=OUTPUT)
    parser.add_argument("--force", action="store_true", help="overwrite an existing output")
    args = parser.parse_args(argv)
    try:
        build(SOURCE, args.output, args.force)
    except OutputExistsError as exc:
        raise SystemExit(str(exc)) from None
    print(f"ditulis: {args.output}")


if __name__ == "__main__":
    main()
