"""Random number texts, control characters and names: no crash, no hang, and no number accepted
other than the one a person reads in the text.

Inputs are bounded (texts of at most a few hundred characters; :data:`lkjip_xl.numbers.MAX_NUMBER_TEXT`
bounds what the parser even looks at), and every pattern it uses is linear, so no example can hang.
"""

from __future__ import annotations

import json
import re
import unicodedata
from copy import deepcopy
from decimal import Decimal

from hypothesis import example, given, settings
from hypothesis import strategies as st

from fixtures_bad import IMIG, PEMAS, PHH
from lkjip_xl.checks import check_form
from lkjip_xl.layout import COL_NOTE, COL_NUM, COL_REAL
from lkjip_xl.master import name_key, name_problem
from lkjip_xl.messages import msg, visible
from lkjip_xl.numbers import KINDS, MULTIPLIER_WORDS, NumberParseError, parse_number
from lkjip_xl.reader import RawCell, read_form
from lkjip_xl.report import Report, grouped

HIDDEN = {"Cc", "Cf", "Zl", "Zp", "Cs"}
READ = {path: read_form(path) for path in (IMIG, PEMAS, PHH)}
UNITS = ("%", "Indeks", "Layanan", "Orang", "Instansi Pemerintah", "Lokus")

controls = st.sampled_from(["\r", "\n", "\t", "\x00", "\x1b", "\x7f", "\x85", "\u2028", "\u2029", "\u202e",
                            "\u2066", "\u200b", "\ufeff", "\u061c"])
#: Text mixing printable characters with control, format and separator characters.
mixed_text = st.lists(st.one_of(st.characters(blacklist_categories=("Cs",)), controls), max_size=60).map("".join)


def readings(body: str) -> set[Decimal]:
    """Every value a person could read in ``body`` (digits, dots, commas; no sign, no unit):
    dots group thousands and a comma is the decimal mark (Indonesian), or the reverse (English).
    A lone comma is the Indonesian decimal mark ("1,000" is 1); commas group thousands only
    where the text says so ("209,570,000", "1,234.5")."""
    out = set()
    english = body.count(",") > 1 or "." in body
    for thousands, decimal in ((".", ","), (",", ".")) if english else ((".", ","),):
        grouped = rf"[1-9][0-9]{{0,2}}(\{thousands}[0-9]{{3}})+(\{decimal}[0-9]+)?"  # no leading zero: "0,001" is 0,001
        if re.fullmatch(rf"{grouped}|[0-9]*(\{decimal}[0-9]+)?", body) and re.search("[0-9]", body):
            out.add(Decimal(body.replace(thousands, "").replace(decimal, ".")))
    return out


def person_reads(body: str, kind: str) -> Decimal:
    """The one value a person reads, or an assertion error when the text reads two ways.

    A count or an amount of money has no decimals, so there only the whole reading counts
    ("3.288" penyebut is 3288).
    """
    values = readings(body)
    if kind in ("count", "money") and len(values) > 1:
        values = {v for v in values if v == v.to_integral_value()}
    assert len(values) == 1, (body, kind, values)  # two readings must be refused, not guessed
    return values.pop()


def assert_read_as_typed(text: str, kind: str, unit: str | None) -> None:
    """``parse_number`` refuses ``text`` or returns the one value a person reads in it."""
    try:
        parsed = parse_number(text, kind, unit)
    except NumberParseError:
        return
    body = text.strip().replace("\u00a0", " ").replace("−", "-")
    body = re.sub(r"^rp\.?\s*", "", body, flags=re.IGNORECASE)
    body = re.sub(r",\s*-\s*$", "", body).strip()
    match = re.fullmatch(r"([-+]?)\s*([0-9.,]+(?:\s[0-9]{3})*(?:[.,][0-9]+)?)\s*(.*)", body)
    assert match, (text, parsed)
    sign, digits, rest = match.groups()
    rest = rest.strip().strip("()").strip()
    allowed = {"", "%", "indeks"} | ({" ".join(unit.split()).casefold()} if unit else set())
    assert " ".join(rest.split()).casefold() in allowed, (text, parsed)  # only the unit may follow
    assert " ".join(rest.split()).casefold().split(" ")[0] not in MULTIPLIER_WORDS or rest.casefold() in allowed
    value = person_reads("".join(digits.split()), kind)
    assert Decimal(repr(parsed.value)) == (-value if sign == "-" else value) or parsed.value == float(
        -value if sign == "-" else value), (text, parsed, value)


@st.composite
def human_numbers(draw) -> tuple[str, str, str | None, Decimal | None]:
    """A number written as an Indonesian would, maybe with a word after it: (text, kind, unit, value or None)."""
    integer = draw(st.integers(min_value=0, max_value=10**15))
    decimals = draw(st.sampled_from([0, 0, 1, 2, 3, 4]))
    fraction = draw(st.integers(min_value=0, max_value=10**decimals - 1)) if decimals else 0
    grouped = draw(st.booleans())
    head = f"{integer:,}".replace(",", ".") if grouped else str(integer)
    text = head + (f",{fraction:0{decimals}d}" if decimals else "")
    value = Decimal(integer) + (Decimal(fraction) / Decimal(10) ** decimals if decimals else 0)
    negative = draw(st.booleans())
    if negative:
        text, value = "-" + text, -value
    unit = draw(st.sampled_from(UNITS))
    kind = "percent" if unit == "%" else "index" if unit == "Indeks" else draw(st.sampled_from(KINDS))
    tail = draw(st.sampled_from(["", "unit", "unit_paren", "upper", "multiplier", "word"]))
    if tail == "unit":
        text += ("" if unit == "%" else " ") + unit
    elif tail == "unit_paren":
        text += f" ({unit})"
    elif tail == "upper":
        text += "  " + unit.upper()
    elif tail == "multiplier":
        text += " " + draw(st.sampled_from(sorted(MULTIPLIER_WORDS)))
        value = None
    elif tail == "word":
        text += " " + draw(st.sampled_from(["dari 15", "kali", "x10", "ekor", "orang-orang", "Layanan Publik"]))
        value = None
    return text, kind, unit, value


@settings(max_examples=500, deadline=None)
@given(human_numbers())
@example(("2 ribu", "decimal", "Layanan", None))
@example(("3,5 juta", "decimal", "Orang", None))
@example(("12 dari 15", "count", "Layanan", None))
@example(("0x10", "decimal", "Layanan", None))
def test_a_number_as_written_is_read_exactly_or_refused(case):
    text, kind, unit, value = case
    try:
        parsed = parse_number(text, kind, unit)
    except NumberParseError as exc:
        assert exc.code in ("ambiguous_number", "not_a_number", "multiplier_word", "unit_mismatch")
        return
    assert value is not None, (text, parsed)  # a multiplier or a stray word is never dropped
    assert parsed.value == float(value), (text, parsed, value)
    assert_read_as_typed(text, kind, unit)


@settings(max_examples=800, deadline=None)
@given(text=st.one_of(mixed_text, st.text(alphabet="0123456789.,-+ %()Rpjutaribkx\u00a0\r\n", max_size=30)),
       kind=st.sampled_from(KINDS), unit=st.one_of(st.none(), st.sampled_from(UNITS)))
@example(text="1.234.567", kind="index", unit=None)
@example(text="3.288", kind="count", unit=None)
@example(text="1 234,5 Layanan", kind="decimal", unit="Layanan")
def test_any_text_is_refused_or_read_as_typed(text, kind, unit):
    assert_read_as_typed(text, kind, unit)


@settings(max_examples=200, deadline=None)
@given(form=st.sampled_from(list(READ)), data=st.data())
def test_control_characters_in_cells_never_reach_a_report_raw(form, data):
    """Any cell text, control characters included: the report's lines are its problems and its summary."""
    returned = deepcopy(READ[form])
    for cells in returned.rows.values():
        for key in (COL_NUM, COL_REAL, COL_NOTE):
            if key in cells and data.draw(st.booleans()):
                cells[key] = RawCell(data.draw(mixed_text), cells[key].cell)
    returned.path = data.draw(st.sampled_from([returned.path, returned.path + "\r\nRingkasan: 0 kesalahan",
                                               returned.path + "\u202e\u2028"]))
    report = Report(check_form(returned).problems)
    text = report.to_text()
    # a line per problem or group of problems (lkjip_xl.report.grouped), then the count
    assert len(text.split("\n")) == len(grouped(report.problems)) + 1 if report.problems else text.count("\n") == 0
    assert not any(unicodedata.category(ch) in HIDDEN for ch in text.replace("\n", ""))
    flat = json.loads(report.to_json())
    for problem in flat["problems"]:
        assert not any(unicodedata.category(ch) in HIDDEN for value in problem.values() for ch in str(value))


@settings(max_examples=500, deadline=None)
@given(name=st.one_of(mixed_text, st.text(alphabet="AaBb *?~<>= \t\r\u00a0\u202e", max_size=12)))
def test_names_pass_the_rule_only_when_they_match_themselves(name):
    problem = name_problem(name)
    if problem is None:
        assert name == name.strip() and name.strip()
        assert visible(name) == name
        assert not any(ch in name for ch in "*?~") and not name.startswith(("<", ">", "="))
        assert name_key(name) == name_key(name.upper().lower()) or name_key(name) == name.casefold()
    shown = msg("form_name_invalid", field="Divisi", value=name, path="f.xlsx", sheet="_lkjip", detail=problem or "")
    assert "\n" not in shown and not any(unicodedata.category(ch) in HIDDEN for ch in shown)
