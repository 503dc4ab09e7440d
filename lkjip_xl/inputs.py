"""The files a run reads: paths and folders given by the user, expanded into form files.

:func:`expand_paths` lists the forms of a folder and names, in a warning,
everything of it that is not read; :data:`NOT_READ_CODES` are the problems of
a file that was never read as a form (no feedback copy can be made of it).
"""

from __future__ import annotations

import fnmatch
import os
from collections.abc import Iterable
from pathlib import Path

from .guard import input_problem
from .messages import msg
from .reader import READ_ERROR_CODES
from .problems import WARNING, Problem

#: Excel's lock file of an open workbook, never a form.
LOCK_FILE_PATTERN = "~$*"
#: Files of a folder that are read; .xls files are read to tell the sender to save as .xlsx.
FORM_SUFFIXES = (".xlsx", ".xls")
#: Other spreadsheet files: a form saved in another format, told to save it as .xlsx (``file_skipped``);
#: any other file is said to be no workbook (``file_skipped_document``).
SPREADSHEET_SUFFIXES = (".xlsm", ".xlsb", ".xltx", ".xltm", ".ods", ".fods", ".csv", ".numbers")
#: Problems about a file that was not read as a form (no feedback copy can be made of it).
NOT_READ_CODES = READ_ERROR_CODES | {
    "lock_file_skipped", "file_skipped", "folder_skipped", "special_file_skipped", "link_broken_skipped",
    "toolkit_output_skipped", "file_not_regular", "file_link_broken", "file_is_folder", "folder_unreadable",
}


def expand_paths(paths: Iterable[str | Path]) -> tuple[list[str], list[Problem]]:
    """Files named directly plus the .xlsx/.xls files of named folders (sorted).

    Nothing of a folder is left out unseen: Excel lock files (``~$*``), other
    files, sub-folders (a folder named ``*.xlsx`` too), broken or looping
    symlinks and FIFOs, sockets or devices are each skipped with a warning
    naming them; none of them is ever opened (a FIFO would block).  Hidden
    entries (``.…``, the toolkit's own temporaries among them) are ignored.  A
    folder that cannot be listed is passed on as a file, for :func:`check_path`
    to refuse.
    """
    files: list[str] = []
    problems: list[Problem] = []
    skipped_for = {"file_link_broken": "link_broken_skipped", "file_not_regular": "special_file_skipped"}

    def skip(code: str, candidate: Path, message: str = "") -> None:
        problems.append(Problem(str(candidate), code, msg(message or code, path=str(candidate)), WARNING))

    def add(candidate: Path) -> None:
        if str(candidate) not in files:
            files.append(str(candidate))

    for item in paths:
        path = Path(item)
        if not path.is_dir():
            if fnmatch.fnmatch(path.name, LOCK_FILE_PATTERN):
                skip("lock_file_skipped", path)
            else:
                add(path)
            continue
        try:
            names = sorted(entry.name for entry in os.scandir(path))
        except OSError:
            add(path)
            continue
        for name in names:
            if name.startswith("."):
                continue
            candidate = path / name
            refused = input_problem(candidate, folder_ok=True)
            if fnmatch.fnmatch(name, LOCK_FILE_PATTERN):
                skip("lock_file_skipped", candidate)
            elif refused is not None:
                if refused[0] in skipped_for:
                    skip(skipped_for[refused[0]], candidate)
            elif candidate.is_dir():
                skip("folder_skipped", candidate)
            elif candidate.suffix.lower() not in FORM_SUFFIXES:
                spreadsheet = candidate.suffix.lower() in SPREADSHEET_SUFFIXES
                skip("file_skipped", candidate, "" if spreadsheet else "file_skipped_document")
            else:
                add(candidate)
    return files, problems

