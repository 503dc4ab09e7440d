"""Many forms: ``validate`` reads them on every core, as ``consolidate --out-dir`` does, and reports exactly
what one process reports; column widths measure a long column by its widest values."""

from __future__ import annotations

import json
import pickle
import shutil
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import example, given, settings
from hypothesis import strategies as st

from fixtures_bad import cell_of, set_cells
from lkjip_xl.checks import check_form
from lkjip_xl.cli import cli
from lkjip_xl.consolidation import compute
from lkjip_xl.layout import COL_REAL, COL_TARGET
from lkjip_xl.numbers import excel_number_format, format_shown, widest_shown
from lkjip_xl.reader import read_form
from lkjip_xl.pool import Packed
from lkjip_xl.problems import Problem
from lkjip_xl.validate import MIN_PARALLEL_FORMS, _compact_check, _shared_parts, check_path, compact, validate_paths

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))
from synthetic import generate  # noqa: E402

#: The problem fields a user reads, in the report of the API and of ``--json``.
FIELDS = ("file", "code", "severity", "sheet", "cell", "ikk", "message")


@pytest.fixture(scope="module")
def many(tmp_path_factory) -> list[Path]:
    """16 generated forms (4 Kanwil × 4 Divisi), one of them with a word typed as its realisasi and one with
    a changed target, and a file that is no workbook: enough for a pool, with errors and warnings."""
    root = tmp_path_factory.mktemp("banyak")
    folders = generate(16, root / "formulir", workers=1)
    forms = sorted(folders[0].glob("*.xlsx"))
    langsung = next(i.code for i in read_form(forms[0]).indicators if str(i.method) == "langsung")
    set_cells(forms[0], {cell_of(forms[0], langsung, COL_REAL): "sembilan puluh"})(forms[0])
    changed = read_form(forms[1]).indicators[0].code
    set_cells(forms[1], {cell_of(forms[1], changed, COL_TARGET): 1.5})(forms[1])
    (folders[-1] / "catatan.xlsx").write_text("bukan buku kerja", encoding="utf-8")
    assert sum(len(list(folder.glob("*.xlsx"))) for folder in folders) >= MIN_PARALLEL_FORMS
    return folders


def _records(report) -> list[tuple]:
    return [tuple(str(problem[field]) for field in FIELDS) for problem in report.to_records()]


def test_validate_reads_in_a_pool_and_reports_what_one_process_reports(many):
    serial = validate_paths(many, workers=1)
    pooled = validate_paths(many, workers=2)
    assert _records(pooled) == _records(serial)
    codes = {problem.code for problem in serial.problems}
    assert {"value_not_number", "locked_changed", "file_not_xlsx"} <= codes, codes
    assert not serial.valid


def test_the_validate_command_on_many_forms_reports_what_one_process_reports(many):
    result = CliRunner().invoke(cli, ["validate", "--json", *map(str, many)])
    assert result.exit_code == 1, result.output
    doc = json.loads(result.stdout)
    shown = [tuple(str(problem.get(field, "")) for field in FIELDS) for problem in doc["problems"]]
    assert shown == _records(validate_paths(many, workers=1))


def test_a_form_moved_into_another_folder_is_read_the_same_in_the_pool(many, tmp_path):
    """The pool's forms are compact (no raw cells): what the cross-checks need is kept — two forms of one
    Kanwil and Divisi are both refused, whichever process read them."""
    copy = tmp_path / "salinan"
    copy.mkdir()
    shutil.copy(next(many[1].glob("*.xlsx")), copy / "kedua.xlsx")
    serial, pooled = (validate_paths([*many, copy], workers=n) for n in (1, 2))
    assert _records(pooled) == _records(serial)
    assert "form_duplicate_divisi" in {problem.code for problem in serial.problems}


FORMATS = [excel_number_format(unit, places) for unit in ("%", "Orang", "Indeks", "Rp", "", "Layanan")
           for places in range(5)] + [None, "General", "0.00", "0"]
def test_a_checked_form_crosses_between_processes_whole(many):
    """A checked form as a pool sends it (its IKK, inputs, cells and results pickled as their constructor and
    fields, lkjip_xl.model.pickled_by_fields) arrives equal, field by field, with the cells it was read from."""
    path = sorted(many[1].glob("*.xlsx"))[0]
    checked = check_form(read_form(path))
    sent = pickle.loads(pickle.dumps(checked, pickle.HIGHEST_PROTOCOL))
    assert sent.form.indicators == checked.form.indicators and sent.inputs == checked.inputs
    assert all(sent.inputs[code].sources == reported.sources and reported.sources
               for code, reported in checked.inputs.items())
    assert sent.form.header == checked.form.header and sent.problems == checked.problems
    rows = compute([compact(checked)], None).rows
    assert pickle.loads(pickle.dumps(rows, pickle.HIGHEST_PROTOCOL)) == rows


def test_a_form_read_in_the_pool_waits_for_its_chunk_as_bytes(many):
    """A pool worker packs each checked form as it is read (one bytes object, which the worker's collections
    do not walk while the rest of its chunk is read); the receiver unpacks the compact form it stands for."""
    path = str(sorted(many[1].glob("*.xlsx"))[0])
    packed = _compact_check(check_path, path)
    assert isinstance(packed, Packed) and isinstance(packed.data, bytes)
    crossed = pickle.loads(pickle.dumps(packed, pickle.HIGHEST_PROTOCOL))  # as the pool sends it: still bytes
    assert isinstance(crossed, Packed) and crossed.data == packed.data
    received, = _shared_parts([crossed])
    assert repr(received) == repr(compact(check_path(path)))
    refused = _compact_check(check_path, str(many[-1] / "catatan.xlsx"))  # a problem crosses as it is
    assert isinstance(refused, Problem) and refused.code == "file_not_xlsx"



def test_the_collector_resumes_after_a_workbooks_cells_are_gone(many, tmp_path):
    """collector_paused collects its youngest generation when a workbook is written: by then the workbook, its
    sheets and cells are gone (each Kanwil workbook's collection walked all of them: 60-90 ms at national scale)."""
    import gc

    from lkjip_xl.capaian_book import write_consolidated
    from lkjip_xl.national_book import KanwilPart, write_national

    checked = [compact(check_form(read_form(path))) for path in sorted(many[2].glob("*.xlsx"))]
    data = compute(checked, None)
    walked: list[int] = []

    def measure(phase: str, info: dict) -> None:
        if phase == "start" and info["generation"] == 0:
            walked.append(len(gc.get_objects(0)))

    gc.collect()
    gc.callbacks.append(measure)
    try:
        write_consolidated(data, tmp_path / "kanwil.xlsx")
        kanwil = walked[-1]
        write_national([KanwilPart(checked, data, "kanwil.xlsx")], tmp_path / "nasional.xlsx")
        national = walked[-1]
    finally:
        gc.callbacks.remove(measure)
    cells = len(data.rows) * 20  # a Kanwil workbook holds some twenty cells an IKK, each a tracked tuple
    assert kanwil < cells / 4 and national < cells / 4, (kanwil, national, cells)


def test_every_class_pickled_by_its_fields_is_made_as_its_constructor_makes_it(many):
    """model.maker builds a frozen class by setting its slots: equal to what the constructor builds, field by
    field, hashing the same, and still frozen."""
    import dataclasses

    from lkjip_xl.model import _MAKERS, maker

    checked = check_form(read_form(sorted(many[0].glob("*.xlsx"))[0]))
    result = compute([checked], None).rows[0][0]
    reported = next(iter(checked.inputs.values()))
    samples = [result.indicator, result, reported, next(iter(reported.sources.values())),
               next(iter(checked.form.header.values()))]
    assert {type(sample) for sample in samples} == set(_MAKERS)
    for sample in samples:
        values = [getattr(sample, f.name) for f in dataclasses.fields(sample)]
        built = maker(type(sample))(*values)
        assert built == type(sample)(*values) == sample
        if type(sample).__dataclass_params__.frozen:
            assert hash(built) == hash(sample)
            with pytest.raises(dataclasses.FrozenInstanceError):
                setattr(built, dataclasses.fields(sample)[0].name, None)

NUMBERS = st.one_of(st.floats(-1e12, 1e12, allow_nan=False), st.integers(-10**12, 10**12).map(float),
                    st.sampled_from([0.0, -0.0, 0.005, -0.005, 9.995, -9.995, 99.995, 999999.995, 0.0049999]))


@settings(max_examples=400, deadline=None)
@given(number_format=st.sampled_from(FORMATS), values=st.lists(NUMBERS, min_size=1, max_size=8))
@example(number_format='#,##0.00"%"', values=[-0.001, 0.0])
def test_the_widest_value_of_a_column_is_found_from_its_largest_and_smallest(number_format, values):
    assert widest_shown(values, number_format) == max(len(format_shown(v, number_format)) for v in values)
