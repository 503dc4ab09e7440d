"""LibreOffice, headless: the one place the toolkit starts it (a document to PDF, ``laporan --pdf``).

Each run gets a private user profile (so runs never share or damage the
user's own LibreOffice settings, and several may run at once) and the
Indonesian locale; the process group is killed when it outlives
:data:`TIMEOUT_SECONDS`.  A machine without LibreOffice gets
:class:`OfficeMissingError` saying which package to install.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import tempfile
from pathlib import Path

from .errors import SETUP, LkjipError
from .messages import msg

#: Seconds one conversion may take (a first start with a new profile is slow).
TIMEOUT_SECONDS = 300
_FALLBACK = Path("/usr/lib/libreoffice/program/soffice")
_PROFILE = """<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" \
xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Setup/L10N"><prop oor:name="ooSetupSystemLocale" oor:op="fuse">\
<value>id-ID</value></prop></item>
</oor:items>
"""


class OfficeMissingError(LkjipError):
    """LibreOffice is not installed."""

    kind = SETUP


class OfficeError(LkjipError):
    """LibreOffice ran but wrote no file."""

    kind = SETUP


def soffice() -> str | None:
    """The LibreOffice program, or ``None`` when it is not installed."""
    for name in ("soffice", "libreoffice"):
        found = shutil.which(name)
        if found:
            return found
    return str(_FALLBACK) if _FALLBACK.is_file() else None


def require_office() -> str:
    """The LibreOffice program; :class:`OfficeMissingError` saying what to install when there is none."""
    program = soffice()
    if program is None:
        raise OfficeMissingError(msg("office_missing"), code="office_missing")
    return program


def to_pdf(source: str | Path, out_dir: str | Path) -> Path:
    """Convert ``source`` (a .docx) into a PDF of the same stem in ``out_dir``; returns its path."""
    program = require_office()
    source, out_dir = Path(source), Path(out_dir)
    with tempfile.TemporaryDirectory(prefix="lkjip-office-") as work:
        profile = Path(work) / "profile"
        (profile / "user").mkdir(parents=True)
        (profile / "user" / "registrymodifications.xcu").write_text(_PROFILE, encoding="utf-8")
        command = [program, f"-env:UserInstallation={profile.resolve().as_uri()}", "--headless", "--norestore",
                   "--nologo", "--convert-to", "pdf", "--outdir", str(out_dir), str(source)]
        process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                                   start_new_session=True, env={**os.environ, "LC_ALL": "C.UTF-8"})
        try:
            _, stderr = process.communicate(timeout=TIMEOUT_SECONDS)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.communicate()
            raise OfficeError(msg("office_failed", path=source, detail=f"> {TIMEOUT_SECONDS} s"),
                              code="office_failed", path=source) from None
    pdf = out_dir / (source.stem + ".pdf")
    if process.returncode != 0 or not pdf.is_file():
        detail = (stderr or "").strip().splitlines()[-1:] or [f"exit {process.returncode}"]
        raise OfficeError(msg("office_failed", path=source, detail=detail[0]), code="office_failed", path=source)
    return pdf
