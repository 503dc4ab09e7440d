"""Safe file handling: atomic writes, no silent overwrite, hashes of inputs."""

from __future__ import annotations

import hashlib
import os
import tempfile
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

from .messages import msg


class OutputExistsError(Exception):
    """The output file exists and overwriting was not requested."""


def sha256_file(path: str | os.PathLike) -> str:
    """SHA-256 hex digest of a file's bytes."""
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def check_can_write(path: str | os.PathLike, force: bool) -> Path:
    """Refuse to overwrite an existing output unless ``force`` is set."""
    target = Path(path)
    if target.exists() and not force:
        raise OutputExistsError(msg("output_exists", path=str(target)))
    return target


@contextmanager
def atomic_output(path: str | os.PathLike, force: bool = False) -> Iterator[str]:
    """Yield a temporary path beside ``path``; move it into place only on success.

    An interrupted or failed write leaves no half-written file behind and an
    existing file is never replaced unless ``force`` is true.
    """
    target = check_can_write(path, force)
    target.parent.mkdir(parents=True, exist_ok=True)
    handle, tmp_name = tempfile.mkstemp(
        prefix=f".{target.name}.", suffix=".tmp", dir=str(target.parent)
    )
    os.close(handle)
    os.unlink(tmp_name)  # writers such as XlsxWriter create the file themselves
    try:
        yield tmp_name
        if not force and target.exists():
            raise OutputExistsError(msg("output_exists", path=str(target)))
        os.replace(tmp_name, target)
    finally:
        if os.path.exists(tmp_name):
            os.unlink(tmp_name)
