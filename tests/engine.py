"""Formula truth harness: recompute a workbook in LibreOffice Calc and compare.

Every formula cell of a workbook stores the value its writer claims the
formula yields. :func:`compare_formulas` lets a real spreadsheet engine
(LibreOffice Calc, headless) recompute every formula and reports each cell
where the stored value and the recomputed value differ.

LibreOffice's shipped default for xlsx files is "never recalculate on load":
it keeps every cached value it finds (only cells with no cached value are
computed), so a plain ``--convert-to`` would echo the stored values back and
the comparison would always pass. :func:`recalculate` therefore runs each
conversion in a fresh, private user profile whose ``registrymodifications.xcu``
sets ``OOXMLRecalcMode`` and ``ODFRecalcMode`` to 0 ("always recalculate").
The profile also pins the locale to en-US: LibreOffice otherwise takes it from
LANG/LC_ALL, and under e.g. ``id_ID`` ``TEXT(A1,"#,##0.00")`` yields
``1.234,50`` and ``VALUE("1.5")`` an error. A private profile per call also
lets several conversions run at once.

Usage from a test::

    from engine import assert_formulas_match

    def test_my_workbook(tmp_path):
        path = build_workbook(tmp_path)
        assert_formulas_match(path, tmp_path)
"""

from __future__ import annotations

import datetime
import math
import os
import shutil
import signal
import subprocess
import tempfile
from pathlib import Path

import openpyxl
import pytest
from openpyxl.utils.datetime import to_excel

from lkjip_xl.formula_check import read_formulas
from lkjip_xl.office import soffice

#: Seconds one conversion may take (the first start of a new profile is slow).
TIMEOUT_SECONDS = 120

#: Absolute tolerance for numbers near zero.
ABS_TOL = 1e-12

#: Error values a formula can yield, as openpyxl reads them.
ERROR_VALUES = frozenset({"#DIV/0!", "#N/A", "#NAME?", "#NULL!", "#NUM!", "#REF!", "#VALUE!"})

#: User settings for the private profile: always recalculate on load
#: (0 = always, 1 = never, 2 = ask; enum ScRecalcOptions in LibreOffice), and
#: the en-US locale whatever LANG/LC_ALL say, because TEXT(), VALUE() and
#: number-to-text conversion follow the locale.
_PROFILE_XCU = """\
<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" \
xmlns:xs="http://www.w3.org/2001/XMLSchema" \
xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load">\
<prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
<item oor:path="/org.openoffice.Office.Calc/Formula/Load">\
<prop oor:name="ODFRecalcMode" oor:op="fuse"><value>0</value></prop></item>
<item oor:path="/org.openoffice.Setup/L10N">\
<prop oor:name="ooSetupSystemLocale" oor:op="fuse"><value>en-US</value></prop></item>
</oor:items>
"""

class RecalculationError(RuntimeError):
    """LibreOffice could not recalculate and convert a workbook."""


def soffice_path() -> str | None:
    """Return the LibreOffice executable, or None when it is not installed (the library's one lookup)."""
    return soffice()


def require_soffice() -> str:
    """Return the LibreOffice executable; skip the calling test without it.

    When the environment variable ``CI`` is ``"true"`` a missing LibreOffice
    fails the test instead: CI must never silently skip engine tests.
    """
    found = soffice_path()
    if found is None:
        message = "LibreOffice (soffice) is not installed: formula engine tests need it"
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(message + " (CI=true, so this is an error, not a skip)")
        pytest.skip(message)
    return found


def recalculate(path: str | Path, workdir: str | Path) -> Path:
    """Recompute every formula of the workbook at *path* in LibreOffice.

    The workbook is copied into a new directory under *workdir* and converted
    to xlsx by headless LibreOffice running with its own private user profile
    set to always recalculate on load, in the en-US locale. Returns the converted workbook, whose
    cached values are LibreOffice's results. The original file is not touched.

    Raises :class:`RecalculationError` (with LibreOffice's output) when
    LibreOffice is missing, fails, times out or writes no file.
    """
    return recalculate_many([path], workdir)[Path(path)]


def recomputed_values(path: str | Path, workdir: str | Path) -> dict[tuple[str, str], object]:
    """Return LibreOffice's value of every non-empty cell of the workbook at *path*.

    Keys are ``(sheet name, cell coordinate)``. Values are read from the
    recalculated copy (see :func:`recalculate`) with openpyxl ``data_only``.
    """
    book = openpyxl.load_workbook(recalculate(path, workdir), data_only=True)
    try:
        return {
            (sheet.title, cell.coordinate): cell.value
            for sheet in book.worksheets
            for row in sheet.iter_rows()
            for cell in row
            if cell.value is not None
        }
    finally:
        book.close()


def _normalized(value: object) -> object:
    """Return *value* in comparable form: "" as None, dates as Excel serials."""
    if value == "":
        return None
    if isinstance(value, (datetime.datetime, datetime.date, datetime.time)):
        return to_excel(value)
    return value


def _same_value(stored: object, recomputed: object, rel_tol: float) -> bool:
    """Tell whether a stored and a recomputed cell value agree."""
    stored, recomputed = _normalized(stored), _normalized(recomputed)
    if isinstance(stored, bool) or isinstance(recomputed, bool):
        return type(stored) is type(recomputed) and stored == recomputed
    if isinstance(stored, (int, float)) and isinstance(recomputed, (int, float)):
        return math.isclose(stored, recomputed, rel_tol=rel_tol, abs_tol=ABS_TOL)
    return stored == recomputed


def compare_formulas(original_path: str | Path, workdir: str | Path, rel_tol: float = 1e-9) -> list[str]:
    """Compare every formula's stored value with LibreOffice's recomputed value.

    Numbers must agree within *rel_tol* (relative) or :data:`ABS_TOL`
    (absolute, near zero); text must be equal; a blank and ``""`` are the same
    blank state; booleans must be booleans. An error value only matches the
    same error, so an error LibreOffice computes is always reported unless
    the file stores that same error.

    Returns one human-readable line per mismatch; an empty list means every
    formula agrees.
    """
    formulas = read_formulas(original_path)
    recomputed = recomputed_values(original_path, workdir)
    mismatches = []
    for (sheet, cell), (formula, stored) in formulas.items():
        value = recomputed.get((sheet, cell))
        if not _same_value(stored, value, rel_tol):
            kind = "error " if value in ERROR_VALUES else ""
            mismatches.append(
                f"{sheet}!{cell} {formula}: stored {stored!r}, LibreOffice computes {kind}{value!r}"
            )
    return mismatches


def assert_formulas_match(path: str | Path, tmp_path: str | Path) -> None:
    """Assert that LibreOffice recomputes every formula of *path* to its stored value.

    Skips the test when LibreOffice is missing (fails instead under CI=true).
    """
    require_soffice()
    mismatches = compare_formulas(path, tmp_path)
    assert not mismatches, "formula values differ from LibreOffice:\n" + "\n".join(mismatches)


def recalculate_many(paths: list[str | Path], workdir: str | Path) -> dict[Path, Path]:
    """:func:`recalculate` for many workbooks in one LibreOffice run: original → recalculated copy.

    The file names (stems) must be unique. One start of LibreOffice instead of
    one per workbook makes a corpus of dozens of outputs affordable.
    """
    return convert_many(paths, workdir)


def profile_xcu(locale: str) -> str:
    """The private profile's settings (:data:`_PROFILE_XCU`) with ``locale`` ("id-ID": dates, decimal commas)."""
    return _PROFILE_XCU.replace("<value>en-US</value>", f"<value>{locale}</value>")


def convert_many(paths: list[str | Path], workdir: str | Path, convert_to: str = "xlsx:Calc MS Excel 2007 XML",
                 locale: str = "en-US") -> dict[Path, Path]:
    """Convert many workbooks in one LibreOffice run (always recalculating, in ``locale``): original → its
    conversion (``convert_to`` "pdf": each workbook printed, every sheet, as its page setup says).

    The file names (stems) must be unique.
    """
    soffice = soffice_path()
    if soffice is None:
        raise RecalculationError("LibreOffice (soffice) is not installed")
    run_dir = Path(tempfile.mkdtemp(prefix="recalc_", dir=workdir))
    in_dir, out_dir, profile = run_dir / "in", run_dir / "out", run_dir / "profile"
    in_dir.mkdir()
    (profile / "user").mkdir(parents=True)
    (profile / "user" / "registrymodifications.xcu").write_text(profile_xcu(locale), encoding="utf-8")
    copies = {}
    for path in map(Path, paths):
        copy = in_dir / (path.stem + (path.suffix if path.suffix == ".xlsm" else ".xlsx"))
        assert not any(c.stem == copy.stem for c in copies.values()), f"two workbooks named {copy.stem}"
        shutil.copyfile(path, copy)
        copies[path] = copy
    command = [soffice, f"-env:UserInstallation={profile.resolve().as_uri()}", "--headless", "--norestore",
               "--nologo", "--convert-to", convert_to, "--outdir", str(out_dir), *map(str, copies.values())]
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                               start_new_session=True)
    timeout = TIMEOUT_SECONDS + 10 * len(copies)
    try:
        stdout, stderr = process.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        stdout, stderr = process.communicate()
        raise RecalculationError(
            f"LibreOffice timed out after {timeout} s\nstdout: {stdout}\nstderr: {stderr}") from None
    finally:
        shutil.rmtree(profile, ignore_errors=True)
    suffix = "." + convert_to.split(":")[0]
    converted = {path: out_dir / (copy.stem + suffix) for path, copy in copies.items()}
    missing = [str(path) for path, out in converted.items() if not out.is_file()]
    if process.returncode != 0 or missing:
        raise RecalculationError(f"LibreOffice failed to convert {missing} (exit code {process.returncode})\n"
                                 f"stdout: {stdout}\nstderr: {stderr}")
    return converted


def mismatches_after(original_path: str | Path, recalculated_path: str | Path, rel_tol: float = 1e-9) -> list[str]:
    """:func:`compare_formulas` for a workbook already recalculated (e.g. by :func:`recalculate_many`)."""
    book = openpyxl.load_workbook(recalculated_path, data_only=True)
    try:
        recomputed = {(sheet.title, cell.coordinate): cell.value for sheet in book.worksheets
                      for row in sheet.iter_rows() for cell in row if cell.value is not None}
    finally:
        book.close()
    out = []
    for (sheet, cell), (formula, stored) in read_formulas(original_path).items():
        value = recomputed.get((sheet, cell))
        if not _same_value(stored, value, rel_tol):
            out.append(f"{sheet}!{cell} {formula}: stored {stored!r}, LibreOffice computes {value!r}")
    return out
