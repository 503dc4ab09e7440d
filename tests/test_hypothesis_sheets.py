"""Random cell positions (near and far) and random XML spellings of rows and cells.

Sheets are written by hand as bytes — attributes in any order, either quote,
extra whitespace, a namespace prefix, ``r`` left out — because every library
writer normalises them.  No example may crash, hang (each has a deadline) or
be accepted with a value that was not read as typed.
"""

from __future__ import annotations

import re
from datetime import timedelta

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
import pytest
from xlsxwriter.utility import xl_cell_to_rowcol, xl_col_to_name

from fixtures_bad import IMIG
from fixtures_hostile_sheets import IMIG_DIMENSION, MAIN_NS, cell_xml, sheet_xml
from lkjip_xl.checks import CheckedForm
from lkjip_xl.layout import FORM_SHEET
from lkjip_xl.problems import Problem
from lkjip_xl.sheets import (
    MAX_SHEET_CELLS, MAX_SHEET_COLUMNS, MAX_SHEET_ROWS, _BadTag, _scan_fast, _scan_tags, scan_sheet,
)
from lkjip_xl.validate import check_path

TIMED = settings(deadline=timedelta(seconds=20), suppress_health_check=[HealthCheck.too_slow,
                                                                         HealthCheck.function_scoped_fixture])
IMIG_K9 = cell_xml(IMIG, "K9")  #: the realisasi 3,99 as the sample holds it
#: The last row and column (1-based) of the Keimigrasian sample's form sheet, from its <dimension>.
IMIG_ROWS, IMIG_COLS = (n + 1 for n in xl_cell_to_rowcol(
    re.search(rb'ref="A1:([A-Z]+\d+)"', IMIG_DIMENSION).group(1).decode()))

rows_near_far = st.one_of(st.integers(IMIG_ROWS + 1, 300), st.integers(IMIG_ROWS + 1, 1_048_576), st.sampled_from(
    [MAX_SHEET_ROWS, MAX_SHEET_ROWS + 1, 1_048_576, 2849, 2850]))
cols_near_far = st.one_of(st.integers(1, 40), st.integers(1, 16_384), st.sampled_from(
    [MAX_SHEET_COLUMNS, MAX_SHEET_COLUMNS + 1, 702, 703, 16_384]))


@st.composite
def spelled(draw, name: str, attrs: dict[str, str], body: bytes = b"") -> bytes:
    """``<name attrs>body</name>`` with the attributes in a random order, quotes, whitespace and prefix."""
    prefix = draw(st.sampled_from(["", "x:", "ns0:"]))
    items = draw(st.permutations(sorted(attrs.items())))
    parts = []
    for key, value in items:
        quote = draw(st.sampled_from(['"', "'"]))
        space = draw(st.sampled_from([" ", "\n  ", "\t", "  "]))
        around = draw(st.sampled_from(["", " "]))
        parts.append(f"{space}{key}{around}={around}{quote}{value}{quote}")
    declare = f' xmlns:{prefix[:-1]}="{MAIN_NS.decode()}"' if prefix else ""
    open_tag = f"<{prefix}{name}{declare}{''.join(parts)}"
    if not body:
        return (open_tag + draw(st.sampled_from(["/>", " />"]))).encode()
    inner = body.replace(b"<f", f"<{prefix}f".encode()).replace(b"</f", f"</{prefix}f".encode())
    inner = inner.replace(b"<v", f"<{prefix}v".encode()).replace(b"</v", f"</{prefix}v".encode())
    return open_tag.encode() + b">" + inner + f"</{prefix}{name}>".encode()


@settings(TIMED, max_examples=40)
@given(row=rows_near_far, col=cols_near_far, data=st.data())
def test_a_cell_anywhere_in_a_real_form(row, col, data, tmp_path_factory):
    """Within the bounds the form reads as before; beyond them it is refused naming the far corner."""
    address = f"{xl_col_to_name(col - 1)}{row}"
    attrs = {"r": address, "s": "0"}
    cell = data.draw(spelled("c", attrs, b"<v>7</v>"))
    row_xml = data.draw(spelled("row", {"r": str(row)}, cell))
    path = tmp_path_factory.mktemp("posisi") / "f.xlsx"
    sheet_xml(IMIG, FORM_SHEET, lambda xml: xml.replace(b"</sheetData>", row_xml + b"</sheetData>"))(path)
    outcome = check_path(str(path))
    rows, cols = max(row, IMIG_ROWS), max(col, IMIG_COLS)
    if rows > MAX_SHEET_ROWS or cols > MAX_SHEET_COLUMNS or rows * cols > MAX_SHEET_CELLS:
        assert isinstance(outcome, Problem) and outcome.code == "sheet_too_large", outcome
        assert outcome.cell == f"{xl_col_to_name(cols - 1)}{rows}"
    else:
        assert isinstance(outcome, CheckedForm), outcome
        assert not outcome.has_errors, outcome.problems
        assert outcome.inputs["SK11-IKK1"].value == 3.99


@settings(TIMED, max_examples=40)
@given(data=st.data(), with_r=st.booleans(), shared=st.booleans())
def test_a_formula_in_an_input_cell_however_written(data, with_r, shared, tmp_path_factory):
    """K9 (a typed realisasi) holding a formula is always refused, never read as its cached value."""
    attrs = {"s": "9", "t": "n"} | ({"r": "K9"} if with_r else {})
    formula = b'<f t="shared" ref="K9" si="0"/>' if shared else b"<f>3+0.99</f>"
    cell = data.draw(spelled("c", attrs, formula + b"<v>3.99</v>"))
    path = tmp_path_factory.mktemp("rumus") / "f.xlsx"
    # without r the cell takes the place after J9 — K9 — as the readers do
    sheet_xml(IMIG, FORM_SHEET, lambda xml: xml.replace(IMIG_K9, cell))(path)
    outcome = check_path(str(path))
    assert isinstance(outcome, CheckedForm), outcome
    assert [(p.code, p.cell) for p in outcome.problems if p.is_error] == [("formula_in_input", "K9")]
    assert outcome.inputs["SK11-IKK1"].value is None


@settings(TIMED, max_examples=40)
@given(data=st.data(), value=st.one_of(st.integers(0, 10**9), st.floats(0, 1e9, allow_nan=False)))
def test_a_number_in_an_input_cell_however_written(data, value, tmp_path_factory):
    """K9 holding a number in any spelling is read as exactly that number, or refused at K9."""
    cell = data.draw(spelled("c", {"r": "K9", "s": "9"}, f"<v>{value!r}</v>".encode()))
    path = tmp_path_factory.mktemp("angka") / "f.xlsx"
    sheet_xml(IMIG, FORM_SHEET, lambda xml: xml.replace(IMIG_K9, cell))(path)
    outcome = check_path(str(path))
    assert isinstance(outcome, CheckedForm), outcome
    if outcome.has_errors:  # beyond the inputs' documented range
        assert {p.cell for p in outcome.problems if p.is_error} == {"K9"}
        assert outcome.inputs["SK11-IKK1"].value is None
    else:
        assert outcome.inputs["SK11-IKK1"].value == float(value)


@st.composite
def sheets(draw) -> bytes:
    """A sheetData of random rows and cells: with or without r, hidden or not, formulas or not."""
    rows = []
    for _ in range(draw(st.integers(0, 6))):
        cells = []
        for _ in range(draw(st.integers(0, 5))):
            attrs = {"s": "1"}
            if draw(st.booleans()):
                attrs["r"] = f"{xl_col_to_name(draw(st.integers(0, 30)))}{draw(st.integers(1, 60))}"
            body = draw(st.sampled_from([b"<v>1</v>", b"<f>A1</f><v>1</v>", b'<f t="shared" si="0"/>', b""]))
            cells.append(draw(spelled("c", attrs, body)) if body else draw(spelled("c", attrs)))
        attrs = {}
        if draw(st.booleans()):
            attrs["r"] = str(draw(st.integers(1, 60)))
        if draw(st.booleans()):
            attrs[draw(st.sampled_from(["hidden", "ht"]))] = draw(st.sampled_from(["1", "0", "15"]))
        rows.append(draw(spelled("row", attrs, b"".join(cells))) if cells else draw(spelled("row", attrs)))
    return b'<worksheet xmlns="' + MAIN_NS + b'"><sheetData>' + b"".join(rows) + b"</sheetData></worksheet>"


@settings(max_examples=300, deadline=timedelta(seconds=5))
@given(xml=sheets())
def test_fast_scan_agrees_with_the_tag_by_tag_scan(xml):
    """Whenever the fast scan answers, it answers what the general scan does."""
    try:
        general = _scan_tags(xml)
    except _BadTag:
        return
    fast = _scan_fast(xml)
    if fast is not None:
        assert (fast.rows, fast.columns, fast.formulas, fast.hidden_rows) == (
            general.rows, general.columns, general.formulas, general.hidden_rows)
    scanned, _ = scan_sheet(xml)
    assert (scanned.rows, scanned.columns, scanned.formulas) == (general.rows, general.columns, general.formulas)


@pytest.mark.parametrize("spelling", [b"r =", b"r\t=", b"r\n  =", b"r\r\n="])
def test_a_second_r_spelled_with_space_before_the_equals_never_takes_the_fast_scan(spelling):
    """A reader takes ``r ="XFD5"`` as a second ``r``: the fast scan, which counts ``r=``, must not answer."""
    second = b'<c r="A1" ' + spelling + b'"XFD5"><v>1</v></c>'
    xml = b'<worksheet xmlns="' + MAIN_NS + b'"><sheetData><row r="1">' + second + b"</row></sheetData></worksheet>"
    assert _scan_fast(xml) is None
    with pytest.raises(_BadTag):
        scan_sheet(xml)
    # any other attribute spelled so is read alike by both scans
    other = xml.replace(second, b'<c r="A1" s' + spelling[1:] + b'"1"><v>1</v></c>')
    fast, general = _scan_fast(other), _scan_tags(other)
    assert fast is not None and (fast.rows, fast.columns) == (general.rows, general.columns) == (1, 1)
