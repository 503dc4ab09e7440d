"""Read and write the master Perjanjian Kinerja (PK) workbook.

The master has three sheets: "Info" (Kanwil, year, achievement rule), "PK"
(one row per IKK with its target and declared meaning) and "Petunjuk" (how to
fill it in).  ``templates/LKjIP_template.xlsx`` is a blank master written by
:func:`write_master` with no IKK.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .fileio import KIND_MASTER, atomic_output
from .messages import msg, visible
from .model import AchievementRule, Direction, Indicator, Master, Method, QuarterRule
from .numbers import (
    INPUT_LIMIT, INPUT_MIN_MAGNITUDE, NumberParseError, excel_number_format, format_number, in_input_range, parse_number,
)
from .report import Problem
from .safety import FormReadError, open_workbook
from .xlsx import RESERVED_SHEET_NAMES, SHEET_NAME_FORBIDDEN, SHEET_NAME_MAX, a1, new_workbook, utf16_length

INFO_SHEET = "Info"
PK_SHEET = "PK"
GUIDE_SHEET = "Petunjuk"

INFO_FIELDS = (
    ("kanwil", "Kantor Wilayah", "Nama lengkap Kantor Wilayah"),
    ("tahun", "Tahun", "Tahun Perjanjian Kinerja, misalnya 2023"),
    ("threshold", "Batas Tercapai (%)", "IKK tercapai bila capaian mencapai batas ini (bawaan 100)"),
    ("inclusive", "Batas Termasuk", "Ya: capaian = batas dihitung tercapai (≥); Tidak: harus melebihi (>)"),
    ("renstra_basis", "Dasar Capaian Renstra",
     "renstra: capaian tabel Target Jangka Menengah dihitung terhadap target Renstra tahun ini; "
     "pk: terhadap target PK"),
)

YES, NO = "Ya", "Tidak"

# key, header title, width, guide text
PK_COLUMNS = (
    ("divisi", "Divisi", 22, "Nama Divisi, misalnya Administrasi"),
    ("sk_no", "No SK", 7, "Nomor Sasaran Kegiatan (1, 2, ...)"),
    ("sk_text", "Sasaran Kegiatan", 40, "Rumusan Sasaran Kegiatan"),
    ("code", "Kode IKK", 13, "Kode unik IKK, misalnya SK04-IKK2; formulir mencari baris dengan kode ini"),
    ("ikk_no", "No IKK", 7, "Nomor IKK di dalam SK (1, 2, ...)"),
    ("text", "Indikator Kinerja Kegiatan", 50, "Rumusan IKK"),
    ("unit", "Satuan", 12, "%, Indeks, Layanan, Lokus, Orang, Laporan, ..."),
    ("target", "Target", 10, "Target PK (angka, tanpa satuan)"),
    ("anggaran", "Anggaran (Rp)", 18, "Anggaran DIPA (diisi pada baris pertama SK yang memuatnya)"),
    ("method", "Cara Hitung", 16,
     "langsung: realisasi diketik; rasio: pembilang/penyebut×100; survei: jumlah nilai/jumlah "
     "periode/pembagi skala; rerata_subrasio: rata-rata beberapa rasio; perubahan: "
     "(nilai−pembanding)/pembanding×100"),
    ("scale_divisor", "Pembagi Skala", 10, "Untuk survei: misalnya 25 (skala 1–100 ke 1–4); bawaan 1"),
    ("sub_labels", "Sub-rasio", 24, "Untuk rerata_subrasio: nama sub-rasio dipisah titik koma, misalnya HIV; TB"),
    ("direction", "Arah", 8, "naik: makin tinggi makin baik; turun: makin rendah makin baik"),
    ("nihil", "NIHIL", 8, "Ya bila tidak ada kejadian berarti realisasi 100%"),
    ("quarter_rule", "Gabungan Triwulan", 14, "jumlah, nilai_akhir, atau rerata"),
    ("may_be_negative", "Boleh Negatif", 9, "Ya untuk indikator perubahan yang bisa turun di bawah nol"),
    ("renstra_scale_factor", "Faktor Skala Renstra", 10,
     "Pengali realisasi ke skala Renstra, misalnya 2,5 (skala 1–4 ke 1–10); bawaan 1"),
    ("method_note", "Petunjuk Perhitungan", 40, "Penjelasan cara menghitung untuk staf Divisi"),
)
PK_TITLES = {key: title for key, title, _, _ in PK_COLUMNS}
TEMPLATE_ROWS = 300  # rows prepared with dropdowns in the blank template


#: Why a name is refused: in spreadsheet criteria (COUNTIF, AutoFilter) these characters are
#: wildcards or operators, so such a name would not match itself.
UNSAFE_NAME = "nama tidak boleh memuat *, ? atau ~, dan tidak boleh diawali <, > atau =."
NAME_EMPTY = "nama tidak boleh kosong."
NAME_SPACES = "nama tidak boleh diawali atau diakhiri spasi."
NAME_HIDDEN = ("nama tidak boleh memuat karakter kendali atau karakter tak terlihat (baris baru, tab, penanda "
               "arah teks, spasi lebar nol, ...).")


def name_problem(name: str) -> str | None:
    """Why ``name`` (a Kanwil or Divisi) cannot be used, in Indonesian; ``None`` when it can.

    The one rule for names, applied to the master's and, as strictly, to every
    name a form's stamp carries: not empty, no surrounding spaces, no control or
    invisible characters (:func:`~lkjip_xl.messages.visible` would have to show
    them), no wildcard ``* ? ~`` and no leading ``< > =``.
    """
    if not name.strip():
        return NAME_EMPTY
    if name != name.strip():
        return NAME_SPACES
    if visible(name) != name:
        return NAME_HIDDEN
    if any(ch in name for ch in "*?~") or name.startswith(("<", ">", "=")):
        return UNSAFE_NAME
    return None


def name_key(name: str) -> str:
    """What two names share when they are "the same" to a reader: case and surrounding spaces ignored."""
    return name.strip().casefold()


class MasterError(Exception):
    """The master cannot be used; ``problems`` says where and why."""

    def __init__(self, problems: list[Problem]):
        super().__init__("\n".join(p.message for p in problems))
        self.problems = problems


# --------------------------------------------------------------------------- writing


def write_master(master: Master | None, out: str | Path, force: bool = False) -> Path:
    """Write ``master`` (or, with ``None``, the blank template) as a master workbook."""
    with atomic_output(out, force) as tmp:
        workbook = new_workbook(tmp, title="Perjanjian Kinerja", kind=KIND_MASTER)
        _write_info(workbook, master)
        _write_pk(workbook, master)
        _write_guide(workbook)
        workbook.close()
    return Path(out)


def _write_info(workbook, master: Master | None) -> None:
    sheet = workbook.add_worksheet(INFO_SHEET)
    bold = workbook.add_format({"bold": True, "border": 1, "bg_color": "#DDEBF7"})
    cell = workbook.add_format({"border": 1, "locked": False})
    note = workbook.add_format({"italic": True, "font_color": "#595959"})
    sheet.set_column(0, 0, 24)
    sheet.set_column(1, 1, 60)
    sheet.set_column(2, 2, 70)
    sheet.write_string(0, 0, "Perjanjian Kinerja (PK) — data master", workbook.add_format({"bold": True, "font_size": 13}))
    values = {
        "kanwil": master.kanwil if master else "",
        "tahun": master.year if master else None,
        "threshold": master.achievement.threshold if master else 100,
        "inclusive": (YES if master.achievement.inclusive else NO) if master else YES,
        "renstra_basis": master.renstra_basis if master else "renstra",
    }
    for i, (key, label, help_text) in enumerate(INFO_FIELDS):
        row = 2 + i
        sheet.write_string(row, 0, label, bold)
        value = values[key]
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            sheet.write_number(row, 1, value, cell)
        else:
            sheet.write_string(row, 1, value or "", cell)
        sheet.write_string(row, 2, help_text, note)
    sheet.data_validation(5, 1, 5, 1, {"validate": "list", "source": [YES, NO]})
    sheet.data_validation(6, 1, 6, 1, {"validate": "list", "source": ["renstra", "pk"]})
    sheet.data_validation(3, 1, 3, 1, {"validate": "integer", "criteria": "between",
                                       "minimum": 2000, "maximum": 2100,
                                       "error_message": "Isi tahun dengan 4 angka, misalnya 2023."})


def _write_pk(workbook, master: Master | None) -> None:
    sheet = workbook.add_worksheet(PK_SHEET)
    head = workbook.add_format({"bold": True, "border": 1, "bg_color": "#DDEBF7",
                                "text_wrap": True, "valign": "top"})
    text = workbook.add_format({"border": 1, "text_wrap": True, "valign": "top"})
    number = workbook.add_format({"border": 1, "valign": "top", "num_format": "General"})
    money = workbook.add_format({"border": 1, "valign": "top", "num_format": "#,##0"})
    for col, (key, title, width, _) in enumerate(PK_COLUMNS):
        sheet.set_column(col, col, width)
        sheet.write_string(0, col, title, head)
    sheet.freeze_panes(1, 0)
    indicators = master.indicators if master else ()
    for r, indicator in enumerate(indicators, start=1):
        values = _row_values(indicator)
        for col, (key, _, _, _) in enumerate(PK_COLUMNS):
            value = values[key]
            if value is None:
                sheet.write_blank(r, col, None, text)
            elif isinstance(value, str):
                sheet.write_string(r, col, value, text)
            else:
                fmt = money if key == "anggaran" else number
                if key == "target":
                    fmt = workbook.add_format({"border": 1, "valign": "top",
                                               "num_format": excel_number_format(indicator.unit, 2)})
                sheet.write_number(r, col, value, fmt)
    last = max(TEMPLATE_ROWS, len(indicators) + 50)
    col_of = {key: i for i, (key, _, _, _) in enumerate(PK_COLUMNS)}

    def dropdown(key: str, source: list[str]) -> None:
        sheet.data_validation(1, col_of[key], last, col_of[key], {
            "validate": "list", "source": source,
            "error_title": PK_TITLES[key],
            "error_message": "Pilih salah satu: " + ", ".join(source),
        })

    dropdown("method", [m.value for m in Method])
    dropdown("direction", [d.value for d in Direction])
    dropdown("nihil", [YES, NO])
    dropdown("quarter_rule", [q.value for q in QuarterRule])
    dropdown("may_be_negative", [YES, NO])
    for key in ("target", "scale_divisor", "renstra_scale_factor", "anggaran"):
        sheet.data_validation(1, col_of[key], last, col_of[key], {
            "validate": "decimal", "criteria": ">=", "value": 0,
            "error_title": PK_TITLES[key],
            "error_message": "Isi dengan angka tidak negatif.",
        })


def _row_values(indicator: Indicator) -> dict[str, object]:
    return {
        "divisi": indicator.divisi,
        "sk_no": indicator.sk_no,
        "sk_text": indicator.sk_text,
        "code": indicator.code,
        "ikk_no": indicator.ikk_no,
        "text": indicator.text,
        "unit": indicator.unit,
        "target": indicator.target,
        "anggaran": indicator.anggaran,
        "method": indicator.method.value,
        "scale_divisor": indicator.scale_divisor,
        "sub_labels": "; ".join(indicator.sub_labels),
        "direction": indicator.direction.value,
        "nihil": YES if indicator.nihil else NO,
        "quarter_rule": indicator.quarter_rule.value,
        "may_be_negative": YES if indicator.may_be_negative else NO,
        "renstra_scale_factor": indicator.renstra_scale_factor,
        "method_note": indicator.method_note,
    }


def _write_guide(workbook) -> None:
    sheet = workbook.add_worksheet(GUIDE_SHEET)
    bold = workbook.add_format({"bold": True})
    wrap = workbook.add_format({"text_wrap": True, "valign": "top"})
    sheet.set_column(0, 0, 26)
    sheet.set_column(1, 1, 100)
    lines = [
        ("Petunjuk pengisian master PK", ""),
        ("", "1. Isi sheet Info: nama Kantor Wilayah, tahun, dan aturan tercapai."),
        ("", "2. Isi sheet PK: satu baris untuk setiap IKK, urut seperti Perjanjian Kinerja."),
        ("", "3. Jalankan: lkjip-xl forms master.xlsx --out-dir formulir/ untuk membuat formulir tiap Divisi."),
        ("", "Angka boleh ditulis dengan koma desimal (3,25); jangan menulis satuan di kolom Target."),
        ("Kolom", "Arti"),
    ]
    lines += [(title, help_text) for _, title, _, help_text in PK_COLUMNS]
    for row, (a, b) in enumerate(lines):
        sheet.write_string(row, 0, a, bold)
        sheet.write_string(row, 1, b, wrap)


# --------------------------------------------------------------------------- reading


@dataclass
class _Cell:
    value: object
    ref: str


def read_master(path: str | Path) -> Master:
    """Read a master workbook; raise :class:`MasterError` listing every problem."""
    path = Path(path)
    name = str(path)
    if not path.exists():
        raise MasterError([Problem(name, "file_not_found", msg("file_not_found", path=name))])
    try:  # every pre-flight check, every sheet bounded (a renamed PDF, a far stray cell, ...)
        workbook = open_workbook(name).book
    except FormReadError as exc:
        raise MasterError([Problem(name, exc.code, exc.message, sheet=exc.sheet, cell=exc.cell)]) from None
    problems: list[Problem] = []
    sheets = set(workbook.sheet_names)
    for sheet in (INFO_SHEET, PK_SHEET):
        if sheet not in sheets:
            problems.append(Problem(name, "master_sheet_missing",
                                    msg("master_sheet_missing", sheet=sheet, path=name), sheet=sheet))
    if problems:
        raise MasterError(problems)
    info = _read_info(workbook, name, problems)
    indicators = _read_pk(workbook, name, problems)
    if not indicators and not problems:
        problems.append(Problem(name, "master_empty", msg("master_empty", path=name, sheet=PK_SHEET),
                                sheet=PK_SHEET))
    if problems:
        raise MasterError(problems)
    return Master(
        kanwil=info["kanwil"], year=info["tahun"], indicators=tuple(indicators),
        achievement=AchievementRule(info["threshold"], info["inclusive"]),
        renstra_basis=info["renstra_basis"],
    )


def _rows(workbook, sheet: str) -> list[list[object]]:
    return workbook.get_sheet_by_name(sheet).to_python(skip_empty_area=False)


def _blank(value: object) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def _read_info(workbook, path: str, problems: list[Problem]) -> dict[str, object]:
    rows = _rows(workbook, INFO_SHEET)
    found: dict[str, _Cell] = {}
    labels = {label.casefold(): key for key, label, _ in INFO_FIELDS}
    for r, row in enumerate(rows):
        if len(row) >= 2 and isinstance(row[0], str) and row[0].strip().casefold() in labels:
            found[labels[row[0].strip().casefold()]] = _Cell(row[1], a1(r, 1))
    info: dict[str, object] = {}

    def problem(key: str, code: str, **fields) -> None:
        label = next(lbl for k, lbl, _ in INFO_FIELDS if k == key)
        cell = found[key].ref if key in found else ""
        problems.append(Problem(path, code, msg(code, path=path, sheet=INFO_SHEET, label=label,
                                                cell=cell or "-", field=label, **fields),
                                sheet=INFO_SHEET, cell=cell))

    kanwil = found.get("kanwil")
    if kanwil is None or _blank(kanwil.value):
        problem("kanwil", "master_info_missing")
    elif name_problem(str(kanwil.value).strip()):
        problem("kanwil", "master_value_invalid", value=kanwil.value, detail=name_problem(str(kanwil.value).strip()))
    else:
        info["kanwil"] = str(kanwil.value).strip()
    year = found.get("tahun")
    if year is None or _blank(year.value):
        problem("tahun", "master_info_missing")
    else:
        try:
            value = parse_number(year.value, "count").value
            if value != int(value) or not 2000 <= value <= 2100:
                raise NumberParseError("not_a_number", str(year.value))
            info["tahun"] = int(value)
        except NumberParseError:
            problem("tahun", "master_value_invalid", value=year.value,
                    detail="tahun harus 4 angka, misalnya 2023.")
    info["threshold"] = 100.0
    threshold = found.get("threshold")
    if threshold is not None and not _blank(threshold.value):
        try:
            info["threshold"] = parse_number(threshold.value, "percent").value
        except NumberParseError:
            problem("threshold", "master_value_invalid", value=threshold.value,
                    detail="isi dengan angka, misalnya 100.")
    inclusive = found.get("inclusive")
    info["inclusive"] = True
    if inclusive is not None and not _blank(inclusive.value):
        text = str(inclusive.value).strip().casefold()
        if text not in (YES.casefold(), NO.casefold()):
            problem("inclusive", "master_value_invalid", value=inclusive.value, detail="pilih Ya atau Tidak.")
        info["inclusive"] = text != NO.casefold()
    basis = found.get("renstra_basis")
    info["renstra_basis"] = "renstra"
    if basis is not None and not _blank(basis.value):
        text = str(basis.value).strip().casefold()
        if text not in ("renstra", "pk"):
            problem("renstra_basis", "master_value_invalid", value=basis.value, detail="pilih renstra atau pk.")
        else:
            info["renstra_basis"] = text
    return info


def _read_pk(workbook, path: str, problems: list[Problem]) -> list[Indicator]:
    rows = _rows(workbook, PK_SHEET)
    if not rows:
        return []
    header = [str(v).strip().casefold() if v is not None else "" for v in rows[0]]
    col_of: dict[str, int] = {}
    for key, title, _, _ in PK_COLUMNS:
        if title.casefold() in header:
            col_of[key] = header.index(title.casefold())
    required = ("divisi", "sk_no", "sk_text", "code", "ikk_no", "text", "unit", "target")
    for key in required:
        if key not in col_of:
            problems.append(Problem(path, "master_header_missing",
                                    msg("master_header_missing", header=PK_TITLES[key], sheet=PK_SHEET, path=path),
                                    sheet=PK_SHEET, cell="1"))
    if any(key not in col_of for key in required):
        return []
    indicators: list[Indicator] = []
    seen_codes: dict[str, tuple[str, str]] = {}  # name_key of a code → (code, cell) of its first row
    for r, row in enumerate(rows[1:], start=1):
        def get(key: str) -> object:
            col = col_of.get(key)
            return row[col] if col is not None and col < len(row) else None

        if all(_blank(get(key)) for key in required):
            continue
        code_usable = _check_code(_code_text(get("code")), a1(r, col_of["code"]), path, problems, seen_codes)
        indicator = _parse_row(get, r, col_of, path, problems)
        if indicator is not None and code_usable:
            indicators.append(indicator)
    _check_divisi_names(rows, col_of["divisi"], path, problems)
    return indicators


def _check_divisi_names(rows: list[list[object]], col: int, path: str, problems: list[Problem]) -> None:
    """Two Divisi that differ only in case or surrounding spaces ("Keimigrasian", "KEIMIGRASIAN") are refused."""
    first: dict[str, tuple[str, str]] = {}  # name_key → (name, cell) of its first row
    for r, row in enumerate(rows[1:], start=1):
        value = row[col] if col < len(row) else None
        if _blank(value):
            continue
        name, ref = str(value).strip(), a1(r, col)
        seen = first.setdefault(name_key(name), (name, ref))
        if seen[0] != name:
            detail = (f"nama Divisi ini sama dengan '{visible(seen[0])}' (sel {seen[1]}) bila huruf besar/kecil dan "
                      "spasi diabaikan; tulis nama satu Divisi persis sama di setiap baris.")
            problems.append(Problem(path, "master_value_invalid",
                                    msg("master_value_invalid", value=value, path=path, sheet=PK_SHEET, cell=ref,
                                        field=PK_TITLES["divisi"], detail=detail),
                                    sheet=PK_SHEET, cell=ref))


#: Longest IKK code, in characters as Excel counts them: the code names the IKK's sheet in the
#: tables workbook (Excel allows 31) and titles the input help of its form cells (32).
MAX_CODE_LENGTH = SHEET_NAME_MAX


def _code_text(value: object) -> str:
    """The code cell as :func:`_parse_row` reads it (trimmed; 7.0 → "7")."""
    if _blank(value):
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value).strip()


def _check_code(code: str, ref: str, path: str, problems: list[Problem],
                seen: dict[str, tuple[str, str]]) -> bool:
    """Whether ``code`` can name an IKK: legal as a sheet name and unique ignoring case.

    Every finding is added to ``problems``; an empty code is left to :func:`_parse_row`.
    """
    if not code:
        return True
    before = len(problems)

    def add(problem_code: str, **fields: object) -> None:
        problems.append(Problem(path, problem_code, msg(problem_code, code=code, path=path, sheet=PK_SHEET,
                                                        cell=ref, **fields), sheet=PK_SHEET, cell=ref, ikk=code))

    forbidden = sorted({ch for ch in code if ch in SHEET_NAME_FORBIDDEN})
    quoted = [f"'{ch}'" for ch in forbidden]
    chars = [", ".join(quoted[:-1]) + " dan " + quoted[-1] if len(quoted) > 1 else "".join(quoted)] if quoted else []
    if any(ord(ch) < 32 or ord(ch) == 127 for ch in code):
        chars.append(msg("code_chars_control"))
    if code.startswith("'") or code.endswith("'"):
        chars.append(msg("code_chars_apostrophe"))
    if chars:
        add("master_code_chars", chars=" serta ".join(chars))
    if utf16_length(code) > MAX_CODE_LENGTH:
        add("master_code_too_long", length=utf16_length(code), limit=MAX_CODE_LENGTH)
    if code.casefold() in RESERVED_SHEET_NAMES:
        add("master_code_reserved")
    first = seen.setdefault(name_key(code), (code, ref))
    if first[1] != ref:
        if first[0] == code:
            add("master_duplicate_code", other=first[1])
        else:
            add("master_code_duplicate_case", other_code=first[0], other=first[1])
    return len(problems) == before


def _parse_row(get, r: int, col_of: dict[str, int], path: str, problems: list[Problem]) -> Indicator | None:
    before = len(problems)

    def bad(key: str, detail: str) -> None:
        cell = a1(r, col_of[key]) if key in col_of else ""
        problems.append(Problem(path, "master_value_invalid",
                                msg("master_value_invalid", value=get(key) if get(key) is not None else "",
                                    path=path, sheet=PK_SHEET, cell=cell, field=PK_TITLES[key], detail=detail),
                                sheet=PK_SHEET, cell=cell))

    def text(key: str, required: bool = True) -> str:
        value = get(key)
        if _blank(value):
            if required:
                bad(key, "wajib diisi.")
            return ""
        if isinstance(value, float) and value.is_integer():
            value = int(value)
        return str(value).strip()

    def number(key: str, kind: str, default: float | None = None, required: bool = False) -> float | None:
        value = get(key)
        if _blank(value):
            if required:
                bad(key, "wajib diisi dengan angka.")
            return default
        try:
            parsed = parse_number(value, kind).value
        except NumberParseError:
            bad(key, "bukan angka yang jelas; tulis misalnya 3,25 atau 90.")
            return default
        if not in_input_range(parsed):  # the same limits as every input of a form
            bad(key, f"di luar batas: 0 atau antara {format_number(INPUT_MIN_MAGNITUDE, 15)} dan "
                     f"{format_number(INPUT_LIMIT, 0)}.")
            return default
        return parsed

    def choice(key: str, enum, default):
        value = get(key)
        if _blank(value):
            return default
        try:
            return enum(str(value).strip().casefold())
        except ValueError:
            bad(key, "pilih salah satu: " + ", ".join(e.value for e in enum) + ".")
            return default

    def flag(key: str) -> bool:
        value = get(key)
        if _blank(value):
            return False
        lowered = str(value).strip().casefold()
        if lowered not in (YES.casefold(), NO.casefold()):
            bad(key, "pilih Ya atau Tidak.")
        return lowered == YES.casefold()

    divisi = text("divisi")
    if divisi and name_problem(divisi):
        bad("divisi", name_problem(divisi))
    sk_no = number("sk_no", "count", required=True)
    sk_text = text("sk_text")
    code = text("code")
    ikk_no = number("ikk_no", "count", required=True)
    ikk_text = text("text")
    unit = text("unit")
    unit_kind = "percent" if unit == "%" else "index" if unit.casefold() == "indeks" else "decimal"
    target = number("target", unit_kind, required=True)
    if target is not None and target == 0:
        bad("target", "target tidak boleh 0 karena capaian = realisasi / target.")
    method = choice("method", Method, Method.LANGSUNG)
    divisor = number("scale_divisor", "decimal", 1.0) or 1.0
    sub_labels = tuple(s.strip() for s in text("sub_labels", required=False).split(";") if s.strip())
    if method is Method.RERATA_SUBRASIO and len(sub_labels) < 2:
        bad("sub_labels" if "sub_labels" in col_of else "method",
            "rerata_subrasio memerlukan paling sedikit dua nama sub-rasio dipisah titik koma.")
    direction = choice("direction", Direction, Direction.NAIK)
    quarter_rule = choice("quarter_rule", QuarterRule, QuarterRule.NILAI_AKHIR)
    nihil = flag("nihil")
    negative = flag("may_be_negative")
    anggaran = number("anggaran", "money")
    factor = number("renstra_scale_factor", "decimal", 1.0) or 1.0
    note = text("method_note", required=False)
    if nihil and method is not Method.RASIO:
        bad("nihil", "aturan NIHIL hanya untuk cara hitung rasio (tidak ada kejadian → 100%).")
    if code and "." in code:
        bad("code", "kode IKK tidak boleh memuat titik.")
    if len(problems) > before:
        return None
    return Indicator(
        code=code, divisi=divisi, sk_no=int(sk_no), sk_text=sk_text, ikk_no=int(ikk_no), text=ikk_text,
        unit=unit, target=target, method=method, scale_divisor=divisor,
        sub_labels=sub_labels if method is Method.RERATA_SUBRASIO else (),
        direction=direction, nihil=nihil, quarter_rule=quarter_rule, may_be_negative=negative,
        anggaran=anggaran, renstra_scale_factor=factor, method_note=note,
    )
