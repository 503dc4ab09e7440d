"""Random cell values and random bytes at the reader: only documented problems come out, never a traceback."""

from __future__ import annotations

import datetime
import re
import zipfile
from copy import deepcopy
from pathlib import Path

import openpyxl
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from fixtures_bad import IMIG, PEMAS, PHH
from lkjip_xl.checks import CheckedForm, check_form
from lkjip_xl.layout import COL_DEN, COL_NIHIL, COL_NOTE, COL_NUM, COL_REAL, FORM_SHEET, INPUT_COLUMNS
from lkjip_xl.reader import READ_ERROR_CODES, RawCell, indicator_from_payload, read_form
from lkjip_xl.problems import Problem
from lkjip_xl.validate import check_path

DOCS = Path(__file__).resolve().parents[1] / "docs" / "validation.md"
DOCUMENTED = frozenset(re.findall(r"^\| `([a-z_0-9]+)` \|", DOCS.read_text(), flags=re.MULTILINE))
FORMS = (IMIG, PEMAS, PHH)
READ = {path: read_form(path) for path in FORMS}
SLOW = settings(deadline=None, suppress_health_check=[HealthCheck.too_slow])

#: What a Divisi may type into a cell, Indonesian habits included.
number_texts = st.sampled_from([
    "3,25", "90%", "1.169.409.656", "3.288", "0,9", "-21,4", "+5", "1e5", "Rp 1.000,-", "3.84", "12 Layanan",
    "82 (Indeks)", "1.234,5", "209,570,000", "Ya", "ya ", "-", "=1+1", "@SUM(1)", "nihil", "", " ", "١٢",
])
cell_values = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-10**18, max_value=10**18),
    st.floats(allow_nan=True, allow_infinity=True),
    st.text(max_size=40),
    number_texts,
    st.datetimes(min_value=datetime.datetime(1900, 3, 1), max_value=datetime.datetime(2100, 1, 1)),
    st.dates(min_value=datetime.date(1900, 3, 1), max_value=datetime.date(2100, 1, 1)),
    st.times(),
)

#: What openpyxl can write into a file (no control characters, no bare times).
file_values = st.one_of(
    st.none(), st.booleans(), st.integers(min_value=-10**15, max_value=10**15), st.floats(allow_nan=False),
    st.text(alphabet=st.characters(blacklist_categories=("Cc", "Cs")), max_size=40), number_texts,
    st.dates(min_value=datetime.date(1900, 3, 1), max_value=datetime.date(2100, 1, 1)),
)


def assert_documented(outcome: CheckedForm | Problem) -> None:
    if isinstance(outcome, Problem):
        assert outcome.code in READ_ERROR_CODES
        assert outcome.message
        return
    for problem in outcome.problems:
        assert problem.code in DOCUMENTED, problem
        assert problem.message


@settings(max_examples=300, deadline=None)
@given(form=st.sampled_from(FORMS), data=st.data())
def test_random_values_in_input_cells(form, data):
    """In memory, fast: every input cell of a real form replaced by anything a cell can hold."""
    returned = deepcopy(READ[form])
    for cells in returned.rows.values():
        for key in INPUT_COLUMNS:
            if key in cells and data.draw(st.booleans()):
                cells[key] = RawCell(data.draw(cell_values), cells[key].cell)
    assert_documented(check_form(returned))


@settings(max_examples=100, deadline=None)
@given(form=st.sampled_from(FORMS), keys=st.lists(st.sampled_from((*INPUT_COLUMNS, "tidak_ada")), max_size=6),
       written=st.booleans())
def test_a_row_gives_the_cells_asked_for_as_its_cells_do(form, keys, written):
    """``FormRow.present`` (how the free texts are read) gives each asked column the row has, in order, with the
    value and address its cells give — also for a row written to."""
    returned = deepcopy(READ[form])
    for cells in returned.rows.values():
        if written and COL_NOTE in cells:
            cells[COL_NOTE] = RawCell("ditulis", cells[COL_NOTE].cell)
        assert cells.present(tuple(keys)) == [(key, cells[key].value, cells[key].cell) for key in keys if key in cells]


@settings(SLOW, max_examples=25)
@given(values=st.lists(st.one_of(file_values, st.text(alphabet="=+-@0123456789,.%ABC()", min_size=1, max_size=12)),
                       min_size=4, max_size=4))
def test_random_values_written_into_a_real_file(values, tmp_path_factory):
    """Through a real file: typed with openpyxl (strings starting with "=" become formulas)."""
    target = tmp_path_factory.mktemp("acak") / "f.xlsx"
    form = READ[PEMAS]
    book = openpyxl.load_workbook(PEMAS)
    sheet = book[FORM_SHEET]
    cells = form.rows["SK03-IKK1"]
    for key, value in zip((COL_NUM, COL_DEN, COL_NOTE, COL_REAL), values):
        sheet[cells[key].cell] = value
    sheet[form.rows["SK08-IKK1"][COL_NIHIL].cell] = values[0]
    book.save(target)
    assert_documented(check_path(str(target)))


@settings(SLOW, max_examples=200)
@given(data=st.binary(max_size=4096))
def test_random_bytes(data, tmp_path_factory):
    path = tmp_path_factory.mktemp("acak") / "f.xlsx"
    path.write_bytes(data)
    assert_documented(check_path(str(path)))


SAMPLE_BYTES = IMIG.read_bytes()
#: "Version needed to extract" of the first central directory entry: a high value makes zipfile
#: raise NotImplementedError (found by fuzzing).
ZIP_VERSION_OFFSET = zipfile.ZipFile(IMIG).start_dir + 6


@settings(SLOW, max_examples=200)
@given(cut=st.integers(min_value=0, max_value=len(SAMPLE_BYTES)),
       flips=st.lists(st.tuples(st.integers(min_value=0, max_value=len(SAMPLE_BYTES) - 1),
                                st.integers(min_value=0, max_value=255)), max_size=8))
@example(cut=len(SAMPLE_BYTES), flips=[(ZIP_VERSION_OFFSET, 200)])
def test_damaged_real_form(cut, flips, tmp_path_factory):
    """A real form, truncated and with bytes overwritten anywhere (headers, directory, data)."""
    data = bytearray(SAMPLE_BYTES)
    for offset, value in flips:
        data[offset] = value
    path = tmp_path_factory.mktemp("rusak") / "f.xlsx"
    path.write_bytes(bytes(data[:cut] if cut < len(data) and not flips else data))
    assert_documented(check_path(str(path)))


@settings(SLOW, max_examples=60)
@given(name=st.sampled_from(sorted(zipfile.ZipFile(IMIG).namelist())),
       content=st.one_of(st.binary(max_size=512), st.text(max_size=200).map(str.encode)))
@example(name="xl/_rels/workbook.xml.rels", content=b'<?xml version="1.0" encoding="UTF08"?><a/>')  # fuzzing
def test_random_zip_member(name, content, tmp_path_factory):
    """A well-formed zip whose one part (workbook, sheet, stamp, styles…) is replaced by anything."""
    path = tmp_path_factory.mktemp("bagian") / "f.xlsx"
    with zipfile.ZipFile(IMIG) as source, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as target:
        for member in source.namelist():
            target.writestr(member, content if member == name else source.read(member))
    assert_documented(check_path(str(path)))


json_values = st.recursive(st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=10),
                           lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=5), inner,
                                                                                       max_size=3), max_leaves=6)


@settings(max_examples=300, deadline=None)
@given(form=st.sampled_from(FORMS), data=st.data())
def test_random_stamp_payload(form, data):
    """A damaged locked-content payload raises only what read_form turns into ``stamp_missing``."""
    payload = dict(data.draw(st.sampled_from(READ[form].locked["indicators"])))
    for key in data.draw(st.lists(st.sampled_from(sorted(payload)), max_size=4)):
        payload[key] = data.draw(json_values)
    try:
        indicator_from_payload(payload)
    except (KeyError, TypeError, ValueError):
        pass
