"""Safe file handling: the one guard over a run's outputs, atomic writes, file names, hashes.

Every command follows the same three steps (docs/validation.md, "Nothing is lost"):

1. :func:`guard_outputs` is given every input of the run (files and folders) and
   every output (files and folders) and refuses, before anything is written, an
   output that *is* an input (however it is spelled: ``..``, ``./``, a symlink, a
   hard link), that lies inside an input folder, that two outputs share (case
   does not count: Windows and macOS folders ignore it), that cannot be a file
   (a folder, a device, a parent that is a file, a name over 255 bytes, a
   read-only folder), or that exists without ``force``.  ``force`` never allows
   overwriting an input.
2. :class:`OutputSet` reserves a short hidden temporary beside each output
   (``.lkjip-<pid>-<random>.tmp``), the writers fill the temporaries, and only
   when all of them are written are they moved into place.  On any failure every
   temporary is removed and an :class:`OutputError` names the output in
   Indonesian: nothing partial is left.  :func:`atomic_output` is the one-file case.
3. Temporaries left by a killed run (its pid no longer alive) are removed by the
   next run that writes to the same folder.

Every workbook the toolkit writes carries the custom document property
:data:`KIND_PROPERTY` (what it is: ``formulir``, ``konsolidasi``, ...), so that a
toolkit output lying in a forms folder is recognised and skipped instead of
being refused as a broken form (:func:`workbook_kind`).
"""

from __future__ import annotations

import errno
import hashlib
import os
import re
import secrets
import stat
import time
import unicodedata
import zipfile
from contextlib import contextmanager
from pathlib import Path
from typing import Iterable, Iterator

from .errors import OUTPUT, LkjipError
from .messages import msg, os_error_text

#: Hidden temporaries: fixed prefix, the writer's pid, a random part.  Short, so
#: that any legal output name has a legal temporary beside it.
TEMP_PREFIX = ".lkjip-"
TEMP_SUFFIX = ".tmp"
_TEMP_NAME = re.compile(r"^\.lkjip-(\d+)-[0-9a-f]{8}\.tmp$")
#: On Windows a process cannot be probed safely: a temporary this old is abandoned.
_STALE_SECONDS_WITHOUT_PID_CHECK = 24 * 3600
#: Longest file name (one path component) on the file systems the toolkit writes to.
NAME_MAX_BYTES = 255

#: Custom document property naming what a toolkit workbook is.
KIND_PROPERTY = "lkjip-xl:jenis"
KIND_FORM = "formulir"
KIND_FEEDBACK = "pemeriksaan"
KIND_CONSOLIDATED = "konsolidasi"
KIND_NATIONAL = "nasional"
KIND_TABLES = "tabel"
KIND_MASTER = "master"
KIND_CONTROL = "kendali"
KIND_OTHER = "keluaran"
#: Kinds that are forms: a feedback copy is corrected by the Divisi and sent back as the form.
FORM_KINDS = frozenset({KIND_FORM, KIND_FEEDBACK})
_CUSTOM_PART = "docProps/custom.xml"
_CUSTOM_PART_MAX_BYTES = 64 * 1024
_KIND_VALUE = re.compile(
    rb'name="' + re.escape(KIND_PROPERTY.encode()) + rb'"[^>]*>\s*<vt:lpwstr>([^<]{1,40})</vt:lpwstr>')


# --------------------------------------------------------------------------- errors


class OutputError(LkjipError):
    """An output cannot or may not be written; ``str()`` is the Indonesian message naming it."""

    kind = OUTPUT

    def __init__(self, code: str, path: str | os.PathLike, **fields: object):
        self.code = code
        self.path = str(path)
        self.fields = fields
        self.message = msg(code, path=self.path, **fields)
        super().__init__(self.message)

    def __reduce__(self):  # picklable across a process pool, fields included
        return _rebuild_error, (type(self), self.code, self.path, self.fields)


def _rebuild_error(cls, code, path, fields):
    return cls(code, path, **fields)


class OutputExistsError(OutputError):
    """The output file exists and overwriting was not requested."""

    def __init__(self, code: str = "output_exists", path: str | os.PathLike = "", **fields: object):
        super().__init__(code, path, **fields)


class OutputConflictError(OutputError):
    """An output is an input, lies in an input folder, or is another output of the same run."""


class OutputPathError(OutputError):
    """An output path cannot hold a file, or writing it failed (disk full, no permission, ...)."""


def path_list(paths: str | Path | Iterable[str | Path]) -> list[str | Path]:
    """``paths`` as a list; one file or folder given alone is a list of one (a string is not its characters)."""
    return [paths] if isinstance(paths, (str, os.PathLike)) else list(paths)


# --------------------------------------------------------------------------- hashes and names


def sha256_file(path: str | os.PathLike) -> str:
    """SHA-256 hex digest of a file's bytes."""
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def slug(text: str, max_chars: int = 80) -> str:
    """The ASCII file-name part of ``text``: accents transliterated (NFKD), every run of
    other characters one ``_``; ``""`` when nothing readable is left (Arabic, Chinese, "!!!")."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    return re.sub(r"[^0-9A-Za-z]+", "_", ascii_text).strip("_")[:max_chars].rstrip("_")


def unique_names(names: Iterable[str]) -> list[str]:
    """``names`` in order, each made unique ignoring case by ``_2``, ``_3``, ... before its extension."""
    taken: set[str] = set()
    result: list[str] = []
    for name in names:
        stem, dot, ext = name.rpartition(".") if "." in name else (name, "", "")
        candidate, n = name, 1
        while candidate.casefold() in taken:
            n += 1
            candidate = f"{stem}_{n}{dot}{ext}"
        taken.add(candidate.casefold())
        result.append(candidate)
    return result


def safe_stem(stem: str, max_bytes: int = 200) -> str:
    """A file stem without control characters or path separators, at most ``max_bytes`` in UTF-8."""
    cleaned = re.sub(r"[\x00-\x1f\x7f/\\]+", "_", stem)
    while len(cleaned.encode("utf-8")) > max_bytes:
        cleaned = cleaned[:-1]
    return cleaned or "berkas"


# --------------------------------------------------------------------------- inputs


def input_problem(path: str | os.PathLike, folder_ok: bool = False) -> tuple[str, dict[str, str]] | None:
    """Why ``path`` cannot be read as an input file, without ever opening it, or ``None``.

    ``(code, fields)`` with code ``file_not_found``, ``file_link_broken`` (a dangling
    symlink or a symlink loop), ``file_is_folder`` (unless ``folder_ok``) or
    ``file_not_regular`` (a FIFO, socket or device: opening a FIFO would block).
    """
    name = os.fspath(path)
    try:
        info = os.stat(name)
    except OSError as exc:
        if os.path.lexists(name) or exc.errno == errno.ELOOP:
            return "file_link_broken", {}
        return "file_not_found", {}
    if stat.S_ISDIR(info.st_mode):
        return None if folder_ok else ("file_is_folder", {})
    if not stat.S_ISREG(info.st_mode):
        return "file_not_regular", {}
    return None


# --------------------------------------------------------------------------- the guard


def _real(path: str | os.PathLike) -> str:
    return os.path.normcase(os.path.realpath(os.fspath(path)))


def _identity(path: str) -> tuple[int, int] | None:
    try:
        info = os.stat(path)
    except OSError:
        return None
    return info.st_dev, info.st_ino


def _inside(path: str, folder: str) -> bool:
    try:
        return os.path.commonpath([path, folder]) == folder
    except ValueError:  # other drive
        return False


class _Inputs:
    """Every input of a run: its files (a folder's files included) by identity and real path."""

    def __init__(self, inputs: Iterable[str | os.PathLike | None]):
        self.by_identity: dict[tuple[int, int], str] = {}
        self.by_real: dict[str, str] = {}
        self.folders: dict[str, str] = {}  # real path → as given
        for item in inputs:
            if item is None or os.fspath(item) == "":
                continue
            shown = os.fspath(item)
            if os.path.isdir(shown):
                self.folders[_real(shown)] = shown
                try:
                    entries = sorted(os.scandir(shown), key=lambda e: e.name)
                except OSError:
                    entries = []
                for entry in entries:
                    self._add(entry.path, entry.path)
            else:
                self._add(shown, shown)

    def _add(self, path: str, shown: str) -> None:
        identity = _identity(path)
        if identity is not None:
            self.by_identity.setdefault(identity, shown)
        self.by_real.setdefault(_real(path), shown)

    def same_as(self, output: str) -> str | None:
        identity = _identity(output)
        if identity is not None and identity in self.by_identity:
            return self.by_identity[identity]
        return self.by_real.get(_real(output))

    def folder_holding(self, real_output: str) -> str | None:
        for real, shown in self.folders.items():
            if _inside(real_output, real):
                return shown
        return None


def check_output_path(path: str | os.PathLike) -> Path:
    """Refuse a path that cannot become a file, with :class:`OutputPathError` naming it.

    A folder or a non-regular file (device, FIFO, socket) at the path, a
    component longer than :data:`NAME_MAX_BYTES`, an existing parent that is a
    file, or a nearest existing folder that cannot be written to.
    """
    text = os.fspath(path)
    if text == "" or os.path.isdir(text):
        raise OutputPathError("output_is_dir", text or ".")
    if "\x00" in text:
        raise OutputPathError("output_write_failed", text.replace("\x00", "\\0"), detail="karakter NUL")
    for part in Path(text).parts:
        size = len(os.fsencode(part))
        if size > NAME_MAX_BYTES:
            raise OutputPathError("output_name_too_long", text, length=size, limit=NAME_MAX_BYTES)
    try:
        info = os.stat(text)
    except OSError:
        info = None
    if info is not None and not stat.S_ISREG(info.st_mode):
        raise OutputPathError("output_not_regular", text)
    parent = Path(os.path.abspath(text)).parent
    while not os.path.lexists(parent) and parent != parent.parent:
        parent = parent.parent
    if not os.path.isdir(parent):
        raise OutputPathError("output_parent_not_dir", text, parent=str(parent))
    if not os.access(parent, os.W_OK | os.X_OK):
        raise OutputPathError("output_not_writable", text, detail=msg("output_detail_read_only"))
    return Path(text)


def check_output_dir(path: str | os.PathLike) -> Path:
    """Refuse an output folder that is a file or cannot be made (:class:`OutputPathError`)."""
    text = os.fspath(path)
    if text == "":
        text = "."
    for part in Path(text).parts:
        size = len(os.fsencode(part))
        if size > NAME_MAX_BYTES:
            raise OutputPathError("output_name_too_long", text, length=size, limit=NAME_MAX_BYTES)
    if os.path.lexists(text) and not os.path.isdir(text):
        if os.path.exists(text):
            raise OutputPathError("output_dir_not_dir", text)
        raise OutputPathError("output_write_failed", text, detail=msg("output_detail_broken_link"))
    ancestor = Path(os.path.abspath(text))
    while not os.path.lexists(ancestor) and ancestor != ancestor.parent:
        ancestor = ancestor.parent
    if not os.path.isdir(ancestor):
        raise OutputPathError("output_parent_not_dir", text, parent=str(ancestor))
    return Path(text)


def guard_outputs(outputs: Iterable[str | os.PathLike], inputs: Iterable[str | os.PathLike | None] = (),
                  force: bool = False, out_dirs: Iterable[str | os.PathLike | None] = (),
                  check_existing: bool = True) -> list[Path]:
    """The one check of a run's outputs against its inputs, before anything is written.

    ``outputs`` are the files the run will write, ``out_dirs`` the folders it
    writes into (``--out-dir``, ``--feedback-dir``), ``inputs`` every file and
    folder it reads (forms, folders of forms, master, previous years, Renstra,
    budget, supporting tables).  Raises, in this order:

    - :class:`OutputPathError` when an output cannot be a file (see
      :func:`check_output_path`) or an output folder is a file;
    - :class:`OutputConflictError` ``output_is_input`` when an output is an input
      (same real path, or the same file by device and inode: symlinks, hard
      links, ``..``); ``output_in_input_folder`` when an output or output folder
      lies inside a folder that is read; ``output_clash`` when two outputs are
      one file (ignoring case);
    - :class:`OutputExistsError` when an output exists and neither ``force`` is
      set nor ``check_existing`` is false.

    ``force`` never allows overwriting an input.  Returns the outputs as paths.
    """
    known = _Inputs(inputs)
    for folder in out_dirs:
        if folder is None:
            continue
        check_output_dir(folder)
        holder = known.folder_holding(_real(folder))
        if holder is not None:
            raise OutputConflictError("output_in_input_folder", os.fspath(folder), folder=holder)
        same = known.same_as(os.fspath(folder))
        if same is not None:
            raise OutputConflictError("output_is_input", os.fspath(folder), input=same)
    paths: list[Path] = []
    seen: dict[str, str] = {}
    for output in outputs:
        path = check_output_path(output)
        text = os.fspath(path)
        same = known.same_as(text)
        if same is not None:
            raise OutputConflictError("output_is_input", text, input=same)
        real = _real(text)
        holder = known.folder_holding(real)
        if holder is not None:
            raise OutputConflictError("output_in_input_folder", text, folder=holder)
        key = real.casefold()
        if key in seen:
            raise OutputConflictError("output_clash", text, other=seen[key])
        seen[key] = text
        paths.append(path)
    if check_existing and not force:
        for path in paths:
            if os.path.lexists(path):
                raise OutputExistsError("output_exists", path)
    return paths


def check_can_write(path: str | os.PathLike, force: bool) -> Path:
    """Refuse an output path that cannot be a file, or that exists unless ``force`` is set."""
    target = check_output_path(path)
    if not force and os.path.lexists(target):
        raise OutputExistsError("output_exists", target)
    return target


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
        key = _real(parent)
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


# --------------------------------------------------------------------------- marks


def mark_openpyxl(workbook, kind: str) -> None:
    """Set :data:`KIND_PROPERTY` of an openpyxl workbook to ``kind``."""
    from openpyxl.packaging.custom import StringProperty

    props = workbook.custom_doc_props
    for prop in list(props.props):
        if prop.name == KIND_PROPERTY:
            props.props.remove(prop)
    props.append(StringProperty(name=KIND_PROPERTY, value=kind))


def workbook_kind(path: str | os.PathLike) -> str | None:
    """The :data:`KIND_PROPERTY` of a toolkit workbook, or ``None`` (no mark, not a readable zip)."""
    try:
        with zipfile.ZipFile(path) as archive:
            info = archive.getinfo(_CUSTOM_PART)
            if info.file_size > _CUSTOM_PART_MAX_BYTES:
                return None
            with archive.open(info) as handle:
                data = handle.read(_CUSTOM_PART_MAX_BYTES + 1)
    except (KeyError, OSError, zipfile.BadZipFile, ValueError, EOFError, NotImplementedError, RuntimeError):
        return None
    match = _KIND_VALUE.search(data)
    return match[1].decode("utf-8", "replace").strip() if match else None
