"""A check function for tests only: the reading process dies on the file the environment names.

Registered as the ``check`` of :func:`lkjip_xl.national.consolidate_national`
by tests/test_hardening_sheets.py, so that one file really kills the worker
process reading it (``os.abort``, as a reader aborting on a hostile file
does).  The library has no such hook; only this module reads the variable.
"""

from __future__ import annotations

import faulthandler
import os

from lkjip_xl.validate import check_path

#: Names of the files (comma-separated) whose reading process dies.
CRASH_ENV = "LKJIP_TEST_CRASH_FILES"


def check(path: str):
    if os.path.basename(path) in os.environ.get(CRASH_ENV, "").split(","):
        faulthandler.disable()  # die quietly: the test reads the report, not a stack dump
        os.abort()
    return check_path(path)
