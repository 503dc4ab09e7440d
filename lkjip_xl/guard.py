"""The one guard of a run's paths: the inputs it reads and the outputs it writes.

Every command checks, before anything is written (docs/validation.md, "Nothing is lost"):

- each input file with :func:`input_problem`, without ever opening it (a missing
  file, a broken symlink, a folder, a FIFO that would block);
- every output with :func:`guard_outputs`, given every input of the run (files
  and folders) and every output (files and folders): it refuses an output that
  *is* an input (however it is spelled: ``..``, ``./``, a symlink, a hard link),
  that lies inside an input folder, that two outputs share (case does not count:
  Windows and macOS folders ignore it), that cannot be a file (a folder, a
  device, a parent that is a file, a name over 255 bytes, a read-only folder), or
  that exists without ``force``.  ``force`` never allows overwriting an input.

Each refusal is an :class:`OutputError` naming the output in Indonesian; the
writer (:mod:`lkjip_xl.fileio`) raises the same errors when writing fails.
"""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path
from collections.abc import Iterable

from .errors import OUTPUT, LkjipError
from .messages import msg

#: Longest file name (one path component) on the file systems the toolkit writes to.
NAME_MAX_BYTES = 255


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


# --------------------------------------------------------------------------- outputs


def real_path(path: str | os.PathLike) -> str:
    """``path`` resolved (symlinks, ``..``) and case-normalised where the OS ignores case."""
    return os.path.normcase(os.path.realpath(os.fspath(path)))


def _is_symlink(entry: os.DirEntry) -> bool:
    """Whether a folder's entry is a symlink (true when that cannot be known)."""
    try:
        return entry.is_symlink()
    except OSError:
        return True


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
                real_folder = real_path(shown)
                self.folders[real_folder] = shown
                try:
                    entries = sorted(os.scandir(shown), key=lambda e: e.name)
                except OSError:
                    entries = []
                for entry in entries:
                    # an entry that is no symlink is its folder's real path and its name (one lstat, not one
                    # a component: a forms folder holds thousands)
                    real = None if _is_symlink(entry) else os.path.normcase(os.path.join(real_folder, entry.name))
                    self._add(entry.path, entry.path, real)
            else:
                self._add(shown, shown)

    def _add(self, path: str, shown: str, real: str | None = None) -> None:
        identity = _identity(path)
        if identity is not None:
            self.by_identity.setdefault(identity, shown)
        self.by_real.setdefault(real_path(path) if real is None else real, shown)

    def same_as(self, output: str) -> str | None:
        identity = _identity(output)
        if identity is not None and identity in self.by_identity:
            return self.by_identity[identity]
        return self.by_real.get(real_path(output))

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
        raise OutputPathError("output_write_failed", text.replace("\x00", "\\0"), detail=msg("output_detail_nul"))
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
        holder = known.folder_holding(real_path(folder))
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
        real = real_path(text)
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
