"""All-or-nothing writing of a run's outputs, and file hashes.

After :func:`lkjip_xl.guard.guard_outputs` has checked every output of a run:

1. :class:`OutputSet` reserves a short hidden temporary beside each output
   (``.lkjip-<pid>-<random>.tmp``), the writers fill the temporaries, and only
   when all of them are written are they moved into place.  On any failure every
   temporary is removed and an :class:`~lkjip_xl.guard.OutputError` names the
   output in Indonesian: nothing partial is left.  :func:`atomic_output` is the
   one-file case.
2. Temporaries left by a killed run (its pid no longer alive) are removed by the
   next run that writes to the same folder.
"""

from __future__ import annotations

import errno
import hashlib
import os
import re
import secrets
import time
from contextlib import contextmanager
from pathlib import Path
from collections.abc import Iterator

from .guard import NAME_MAX_BYTES, OutputError, OutputExistsError, OutputPathError, check_can_write, real_path
from .messages import os_error_text

#: Hidden temporaries: fixed prefix, the writer's pid, a random part.  Short, so
#: that any legal output name has a legal temporary beside it.
TEMP_PREFIX = ".lkjip-"
TEMP_SUFFIX = ".tmp"
_TEMP_NAME = re.compile(r"^\.lkjip-(\d+)-[0-9a-f]{8}\.tmp$")
#: On Windows a process cannot be probed safely: a temporary this old is abandoned.
_STALE_SECONDS_WITHOUT_PID_CHECK = 24 * 3600


def sha256_file(path: str | os.PathLike) -> str:
    """SHA-256 hex digest of a file's bytes."""
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


# --------------------------------------------------------------------------- writing


_ERRNO_CODES = {
    errno.ENOSPC: "output_disk_full", errno.EFBIG: "output_disk_full",
    errno.EACCES: "output_not_writable", errno.EPERM: "output_not_writable", errno.EROFS: "output_not_writable",
    errno.ETXTBSY: "output_not_writable", errno.ENAMETOOLONG: "output_name_too_long",
    errno.ENOTDIR: "output_parent_not_dir", errno.EISDIR: "output_is_dir",
}
if hasattr(errno, "EDQUOT"):
    _ERRNO_CODES[errno.EDQUOT] = "output_disk_full"


def os_error_in(exc: BaseException) -> OSError | None:
    """The OSError behind ``exc`` (XlsxWriter wraps it in ``FileCreateError``)."""
    current: BaseException | None = exc
    for _ in range(5):
        if current is None or isinstance(current, OSError):
            return current
        inner = next((a for a in getattr(current, "args", ()) if isinstance(a, OSError)), None)
        current = inner or current.__cause__ or current.__context__
    return None


def output_error(path: str | os.PathLike, exc: OSError) -> OutputPathError:
    """The Indonesian :class:`OutputPathError` for an OSError met while writing ``path``."""
    text = os.fspath(path)
    detail = os_error_text(exc)
    code = _ERRNO_CODES.get(exc.errno or 0, "output_write_failed")
    if code == "output_name_too_long":
        size = max((len(os.fsencode(p)) for p in Path(text).parts), default=0)
        return OutputPathError(code, text, length=size, limit=NAME_MAX_BYTES)
    if code == "output_parent_not_dir":
        return OutputPathError(code, text, parent=str(Path(text).parent))
    if code == "output_is_dir":
        return OutputPathError(code, text)
    return OutputPathError(code, text, detail=detail)


def _alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    if os.name == "nt":  # os.kill would terminate it; the age of the file decides instead
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:
        return True
    return True


def clean_stale_temporaries(folder: str | os.PathLike) -> list[Path]:
    """Remove the temporaries a killed run left in ``folder`` (its pid is no longer alive)."""
    removed: list[Path] = []
    try:
        entries = list(os.scandir(os.fspath(folder)))
    except OSError:
        return removed
    now = time.time()
    for entry in entries:
        match = _TEMP_NAME.match(entry.name)
        if not match:
            continue
        try:
            if os.name == "nt" and now - entry.stat(follow_symlinks=False).st_mtime < _STALE_SECONDS_WITHOUT_PID_CHECK:
                continue
            if _alive(int(match[1])) and os.name != "nt":
                continue
            if entry.is_dir(follow_symlinks=False):
                continue
            os.unlink(entry.path)
            removed.append(Path(entry.path))
        except OSError:
            continue
    return removed


class OutputSet:
    """Several outputs written as one: all temporaries first, then all moved into place.

    ::

        with OutputSet(force) as outputs:
            for target in targets:
                write(outputs.temporary(target))
        # every target is in place, or none is and no temporary is left

    :meth:`temporary` checks the target (:func:`check_can_write`), creates its
    folder, removes stale temporaries there and returns a fresh hidden name
    beside it (the writer creates the file).  Leaving the block without an
    exception moves every temporary into place (an existing target only with
    ``force``); an exception removes every temporary, and an OSError becomes
    an :class:`OutputPathError` naming the output.
    """

    def __init__(self, force: bool = False):
        self.force = force
        self.pairs: list[tuple[str, Path]] = []
        self._cleaned: set[str] = set()
        self._made: list[Path] = []  # folders this set created, removed again on failure

    def __enter__(self) -> OutputSet:
        return self

    def temporary(self, target: str | os.PathLike) -> str:
        path = check_can_write(target, self.force)
        parent = path.parent
        missing = [folder for folder in (parent, *parent.parents) if not os.path.lexists(folder)]
        try:
            parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise output_error(path, exc) from None
        self._made.extend(reversed(missing))
        key = real_path(parent)
        if key not in self._cleaned:
            self._cleaned.add(key)
            clean_stale_temporaries(parent)
        tmp = str(parent / f"{TEMP_PREFIX}{os.getpid()}-{secrets.token_hex(4)}{TEMP_SUFFIX}")
        self.pairs.append((tmp, path))
        return tmp

    def _target_of(self, exc: OSError) -> Path | None:
        names = {os.fspath(n) for n in (exc.filename, exc.filename2) if n}
        for tmp, target in self.pairs:
            if tmp in names or os.fspath(target) in names:
                return target
        return self.pairs[-1][1] if self.pairs else None

    def discard(self, folders: bool = False) -> None:
        """Remove every temporary (and, with ``folders``, the folders this set created, when empty)."""
        for tmp, _ in self.pairs:
            try:
                os.unlink(tmp)
            except OSError:
                pass
        for folder in reversed(self._made) if folders else ():
            try:
                os.rmdir(folder)
            except OSError:
                pass

    def commit(self) -> list[Path]:
        if not self.force:
            for _, target in self.pairs:
                if os.path.lexists(target):
                    raise OutputExistsError("output_exists", target)
        moved: list[tuple[Path, bool]] = []
        for tmp, target in self.pairs:
            existed = os.path.lexists(target)
            try:
                if not os.path.isfile(tmp):
                    raise FileNotFoundError(errno.ENOENT, "temporary file not written", tmp)
                os.replace(tmp, target)
            except OSError as exc:
                for done, had in moved:  # take back what this run created
                    if not had:
                        try:
                            os.unlink(done)
                        except OSError:
                            pass
                raise output_error(target, exc) from None
            moved.append((target, existed))
        return [target for _, target in self.pairs]

    def __exit__(self, exc_type, exc, tb) -> None:
        committed = False
        try:
            if exc is None:
                self.commit()
                committed = True
                return
            _release(exc)
            if isinstance(exc, OutputError):
                target = {tmp: target for tmp, target in self.pairs}.get(exc.path)
                if target is not None:  # a nested writer named our temporary: name the output
                    raise type(exc)(exc.code, target, **exc.fields) from None
                return
            os_error = os_error_in(exc) if isinstance(exc, Exception) else None
            if os_error is not None:
                found = self._target_of(os_error)
                if found is not None:
                    raise output_error(found, os_error) from None
        finally:
            self.discard(folders=not committed)


def _release(exc: BaseException) -> None:
    """Free what the failed writer still holds (an open zip of XlsxWriter or openpyxl), now and quietly.

    Left to the garbage collector, a zip whose disk is full fails again when it
    is finalised and Python prints that as "Exception ignored ... Traceback" on
    stderr; no traceback may reach a user.
    """
    import gc
    import sys
    import traceback

    hook = sys.unraisablehook
    sys.unraisablehook = lambda _unraisable: None
    try:
        seen: set[int] = set()
        pending: list[BaseException] = [exc]
        while pending:
            current = pending.pop()
            if id(current) in seen:
                continue
            seen.add(id(current))
            traceback.clear_frames(current.__traceback__)
            pending.extend(e for e in (current.__cause__, current.__context__, *current.args)
                           if isinstance(e, BaseException))
        gc.collect()
    finally:
        sys.unraisablehook = hook


@contextmanager
def atomic_output(path: str | os.PathLike, force: bool = False) -> Iterator[str]:
    """Yield a temporary path beside ``path``; move it into place only on success.

    An interrupted or failed write leaves no half-written file behind, an
    existing file is never replaced unless ``force`` is true, and a failure to
    write raises :class:`OutputPathError` naming ``path``.
    """
    with OutputSet(force) as outputs:
        yield outputs.temporary(path)
