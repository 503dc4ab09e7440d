"""Read and check the master Perjanjian Kinerja (PK) workbook.

:func:`read_master` reads sheets "Info" and "PK" (:mod:`lkjip_xl.master_layout`)
into a :class:`~lkjip_xl.model.Master` and reports every problem at once
(:class:`MasterError`); :func:`name_problem` is the one rule for Kanwil and
Divisi names, applied to the master and to every form's stamp.  Writing a
master or the blank template is :mod:`lkjip_xl.template`.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TypedDict, cast

from .breakdown import breakdown_problem
from .errors import MASTER, LkjipError
from ._values import blank, parse_year, parse_yes_no
from .master_layout import (
    INFO_FIELDS, INFO_LABELS, INFO_SHEET, PK_ALIASES, PK_COLUMNS, PK_REQUIRED, PK_SHEET, PK_TITLES, header_keys,
    info_help, invalid_value,
)
from .master_units import capaian_decimals, read_display_decimals
from .messages import LABELS, msg, translated, use_words, visible
from .methods import DEFAULT_METHOD, METHODS, Inputs, combination_problem, spec
from .model import AchievementRule, Direction, Indicator, Master
from .period_targets import apply_period_targets
from .periods import CALENDARS, DEFAULT_CALENDAR, RULES, PeriodRule, Traffic, calendar
from .numbers import (
    INPUT_LIMIT, INPUT_MIN_MAGNITUDE, NumberParseError, format_number, in_input_range, parse_number, unit_kind,
)
from .problems import Problem
from .safety import FormReadError
from .words import Words, words_from_info
from .workbooks import open_workbook
from .xlsx import RESERVED_SHEET_NAMES, SHEET_NAME_FORBIDDEN, SHEET_NAME_MAX, a1, utf16_length

#: Why a name is refused: in spreadsheet criteria (COUNTIF, AutoFilter) these characters are
#: wildcards or operators, so such a name would not match itself.
UNSAFE_NAME = msg("name_unsafe")
NAME_EMPTY = msg("name_empty")
NAME_SPACES = msg("name_spaces")
NAME_HIDDEN = msg("name_hidden")


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


class MasterError(LkjipError):
    """The master cannot be used; ``problems`` says where and why."""

    kind = MASTER

    def __init__(self, problems: list[Problem]):
        super().__init__("\n".join(p.message for p in problems))
        self.problems = problems


# --------------------------------------------------------------------------- reading


@dataclass
class _Cell:
    value: object
    ref: str


class _Info(TypedDict, total=False):
    """The sheet "Info" as read; a key whose cell has a problem is left out."""

    kanwil: str
    tahun: int
    threshold: float
    inclusive: bool
    renstra_basis: str
    calendar: str
    traffic: Traffic
    mean_cap: float | None
    words: Words
    capaian_decimals: int


def read_master(path: str | Path) -> Master:
    """Read a master workbook; raise :class:`MasterError` listing every problem, in the master's own words."""
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
    with use_words(_read_info(workbook, name, []).get("words") if INFO_SHEET in sheets else None):  # its words first
        for sheet in (INFO_SHEET, PK_SHEET):
            if sheet not in sheets:
                problems.append(Problem(name, "master_sheet_missing",
                                        msg("master_sheet_missing", sheet=sheet, path=name), sheet=sheet))
        info = _read_info(workbook, name, problems) if INFO_SHEET in sheets else _Info()
        indicators = _read_pk(workbook, name, problems) if PK_SHEET in sheets else []
        if indicators and "calendar" in info:
            indicators = apply_period_targets(workbook, name, calendar(info["calendar"]), indicators, problems)
        if not indicators and not problems:
            problems.append(Problem(name, "master_empty", msg("master_empty", path=name, sheet=PK_SHEET),
                                    sheet=PK_SHEET))
        decimals, notes = read_display_decimals(workbook, name, indicators, info.get("capaian_decimals"), problems)
    if problems:
        raise MasterError([*problems, *notes])
    return Master(kanwil=info["kanwil"], year=info["tahun"], indicators=tuple(indicators), words=info["words"],
        achievement=AchievementRule(info["threshold"], info["inclusive"], info["mean_cap"]), decimals=decimals,
        renstra_basis=info["renstra_basis"], calendar=info["calendar"], traffic=info["traffic"], warnings=notes)


def _rows(workbook, sheet: str) -> list[list[object]]:
    return workbook.get_sheet_by_name(sheet).to_python(skip_empty_area=False)


def _read_info(workbook, path: str, problems: list[Problem]) -> _Info:
    rows = _rows(workbook, INFO_SHEET)
    found: dict[str, _Cell] = {}
    for r, row in enumerate(rows):
        if len(row) >= 2 and isinstance(row[0], str) and row[0].strip().casefold() in INFO_LABELS:
            found[INFO_LABELS[row[0].strip().casefold()]] = _Cell(row[1], a1(r, 1))
    info: _Info = {}

    def problem(key: str, code: str, **fields) -> None:
        label = next(lbl for k, lbl, _ in INFO_FIELDS if k == key)
        cell = found[key].ref if key in found else ""
        problems.append(Problem(path, code, msg(code, path=path, sheet=INFO_SHEET, label=label,
                                                cell=cell or "-", field=label, what=info_help(key), **fields),
                                sheet=INFO_SHEET, cell=cell))

    kanwil = found.get("kanwil")
    if kanwil is None or blank(kanwil.value):
        problem("kanwil", "master_info_missing")
    elif name_problem(str(kanwil.value).strip()):
        problem("kanwil", "master_value_invalid", value=kanwil.value, detail=name_problem(str(kanwil.value).strip()))
    else:
        info["kanwil"] = str(kanwil.value).strip()
    year = found.get("tahun")
    if year is None or blank(year.value):
        problem("tahun", "master_info_missing")
    else:
        tahun = parse_year(year.value)
        if tahun is None:
            problem("tahun", "master_value_invalid", value=year.value, detail=msg("detail_year"))
        else:
            info["tahun"] = tahun
    def percent(key: str, default: float | None) -> float | None:
        """A percentage of the sheet (a date-formatted cell is refused by parse_number); ``default`` if blank."""
        cell = found.get(key)
        if cell is None or blank(cell.value):
            return default
        try:
            value = parse_number(cast("str | float | int", cell.value), "percent").value
        except NumberParseError:
            value = -1.0
        if value < 0 or (key == "mean_cap" and value == 0):
            problem(key, "master_value_invalid", value=cell.value, detail=msg("detail_threshold"))
            return default
        return value

    def choice(key: str, options: tuple[str, ...], detail: str) -> str | None:
        """The option named in the cell (case and spaces ignored), the first option when blank."""
        cell = found.get(key)
        if cell is None or blank(cell.value):
            return options[0]
        text = str(cell.value).strip().casefold()
        if text not in options:
            problem(key, "master_value_invalid", value=cell.value, detail=detail)
            return None
        return text

    info["threshold"] = percent("threshold", 100.0) or 0.0
    inclusive = found.get("inclusive")
    info["inclusive"] = True
    if inclusive is not None and not blank(inclusive.value):
        answer = parse_yes_no(inclusive.value, True)
        if answer is None:
            problem("inclusive", "master_value_invalid", value=inclusive.value, detail=msg("detail_yes_no"))
        info["inclusive"] = answer is not False
    info["renstra_basis"] = choice("renstra_basis", ("renstra", "pk"), msg("detail_renstra_basis")) or "renstra"
    calendars = (DEFAULT_CALENDAR, *(name for name in CALENDARS if name != DEFAULT_CALENDAR))
    found_calendar = choice("calendar", calendars, msg("detail_calendar", options=", ".join(CALENDARS)))
    if found_calendar is not None:
        info["calendar"] = found_calendar
    lights = Traffic(percent("light_green", Traffic.green) or 0.0, percent("light_yellow", Traffic.yellow) or 0.0)
    if lights.green <= lights.yellow:
        problem("light_green", "master_value_invalid", value=lights.green, detail=msg("detail_lights"))
    info["traffic"] = lights
    info["mean_cap"] = percent("mean_cap", None)
    info["capaian_decimals"] = capaian_decimals(found.get("capaian_decimals"), problem)
    info["words"] = words_from_info({key: cell.value for key, cell in found.items()}, lambda key, detail: problem(
        key, "master_value_invalid", value=found[key].value, detail=detail))
    return info


def _read_pk(workbook, path: str, problems: list[Problem]) -> list[Indicator]:
    rows = _rows(workbook, PK_SHEET)
    if not rows:
        return []
    header = header_keys(rows[0])
    col_of: dict[str, int] = {}
    for key, title, _, _ in PK_COLUMNS:
        for known in (title, translated(title), *PK_ALIASES.get(key, ())):
            if known.casefold() in header and key not in col_of:
                col_of[key] = header.index(known.casefold())
    for key in PK_REQUIRED:
        if key not in col_of:
            problems.append(Problem(path, "master_header_missing", msg(
                "master_header_missing", header=translated(PK_TITLES[key]), sheet=PK_SHEET, path=path),
                sheet=PK_SHEET, cell="1"))
    if any(key not in col_of for key in PK_REQUIRED):
        return []
    indicators: list[Indicator] = []
    seen_codes: dict[str, tuple[str, str]] = {}  # name_key of a code → (code, cell) of its first row
    for r, row in enumerate(rows[1:], start=1):
        def get(key: str, row: list[object] = row) -> object:
            col = col_of.get(key)
            return row[col] if col is not None and col < len(row) else None

        if all(blank(get(key)) for key in PK_REQUIRED):
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
        if blank(value):
            continue
        name, ref = str(value).strip(), a1(r, col)
        seen = first.setdefault(name_key(name), (name, ref))
        if seen[0] != name:
            detail = msg("detail_divisi_case", name=seen[0], cell=seen[1])
            problems.append(invalid_value(path, PK_SHEET, ref, translated(PK_TITLES["divisi"]), value, detail))


#: Longest IKK code, in characters as Excel counts them: the code names the IKK's sheet in the
#: tables workbook (Excel allows 31) and titles the input help of its form cells (32).
MAX_CODE_LENGTH = SHEET_NAME_MAX


def _code_text(value: object) -> str:
    """The code cell as :func:`_parse_row` reads it (trimmed; 7.0 → "7")."""
    if blank(value):
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

    quoted = [f"'{ch}'" for ch in sorted({ch for ch in code if ch in SHEET_NAME_FORBIDDEN})]
    chars = ([", ".join(quoted[:-1]) + f" {LABELS['word_and']} " + quoted[-1] if len(quoted) > 1 else "".join(quoted)]
             if quoted else [])
    if any(ord(ch) < 32 or ord(ch) == 127 for ch in code):
        chars.append(msg("code_chars_control"))
    if code.startswith("'") or code.endswith("'"):
        chars.append(msg("code_chars_apostrophe"))
    if chars:
        add("master_code_chars", chars=f" {LABELS['word_also']} ".join(chars))
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
        problems.append(invalid_value(path, PK_SHEET, cell, translated(PK_TITLES[key]), get(key), detail))

    def text(key: str, required: bool = True) -> str:
        value = get(key)
        if blank(value):
            if required:
                bad(key, msg("detail_required"))
            return ""
        if isinstance(value, float) and value.is_integer():
            value = int(value)
        return str(value).strip()

    def number(key: str, kind: str, default: float | None = None, required: bool = False) -> float | None:
        value = get(key)
        if blank(value):
            if required:
                bad(key, msg("detail_required_number"))
            return default
        try:
            parsed = parse_number(value, kind).value
        except NumberParseError:
            bad(key, msg("detail_not_number"))
            return default
        if not in_input_range(parsed):  # the same limits as every input of a form
            bad(key, msg("detail_out_of_range", low=format_number(INPUT_MIN_MAGNITUDE, 15),
                         high=format_number(INPUT_LIMIT, 0)))
            return default
        return parsed

    def choice(key: str, options: dict[str, object], default):
        """The option named in the cell (case and surrounding spaces ignored)."""
        value = get(key)
        if blank(value):
            return default
        text = str(value).strip().casefold()
        if text not in options:
            bad(key, msg("detail_choice", options=", ".join(options)))
            return default
        return options[text]

    def flag(key: str) -> bool:
        answer = parse_yes_no(get(key))
        if answer is None:
            bad(key, msg("detail_yes_no"))
        return bool(answer)

    divisi = text("divisi")
    if divisi and (divisi_problem := name_problem(divisi)):
        bad("divisi", divisi_problem)
    sk_no = number("sk_no", "count", required=True)
    sk_text = text("sk_text")
    code = text("code")
    ikk_no = number("ikk_no", "count", required=True)
    ikk_text = text("text")
    unit = text("unit")
    target = number("target", unit_kind(unit), required=True)
    if target is not None and target == 0:
        bad("target", msg("detail_target_zero"))
    method = choice("method", {name: method_spec.method for name, method_spec in METHODS.items()}, DEFAULT_METHOD)
    sub_pairs = spec(method).inputs is Inputs.SUB_PAIRS
    divisor = number("scale_divisor", "decimal", 1.0) or 1.0
    sub_labels = tuple(s.strip() for s in text("sub_labels", required=False).split(";") if s.strip())
    if sub_pairs and len(sub_labels) < 2:
        bad("sub_labels" if "sub_labels" in col_of else "method", msg("master_sub_labels_needed", method=method))
    direction = choice("direction", {d.value: d for d in Direction}, Direction.NAIK)
    period_rule = choice("period_rule", {name: rule_spec.rule for name, rule_spec in RULES.items()},
                         PeriodRule.NILAI_AKHIR)
    breakdown = choice("breakdown", {name: name for name in CALENDARS}, "")
    nihil = flag("nihil")
    negative = flag("may_be_negative")
    anggaran = number("anggaran", "money")
    factor = number("renstra_scale_factor", "decimal", 1.0) or 1.0
    note = text("method_note", required=False)
    if nihil and not spec(method).nihil:
        bad("nihil", msg("master_nihil_method",
                         methods=", ".join(name for name, method_spec in METHODS.items() if method_spec.nihil)))
    if code and "." in code:
        bad("code", msg("detail_code_dot"))
    if len(problems) > before or sk_no is None or ikk_no is None or target is None:  # None was reported
        return None
    indicator = Indicator(
        code=code, divisi=divisi, sk_no=int(sk_no), sk_text=sk_text, ikk_no=int(ikk_no), text=ikk_text,
        unit=unit, target=target, method=method, scale_divisor=divisor,
        sub_labels=sub_labels if sub_pairs else (),
        direction=direction, nihil=nihil, period_rule=period_rule, may_be_negative=negative,
        anggaran=anggaran, renstra_scale_factor=factor, method_note=note, breakdown=breakdown,
    )
    refused = [(key, why) for key, why in (("direction", combination_problem(indicator)),
                                           ("breakdown", breakdown_problem(indicator))) if why]
    for key, why in refused:
        bad(key, why)
    return None if refused else indicator
