"""The one base of every exception the library raises for its users.

Every error a user can meet derives from :class:`LkjipError`, which carries

- ``message``: the Indonesian text (:func:`~lkjip_xl.messages.msg`), also ``str(error)``;
- ``problems``: :class:`~lkjip_xl.report.Problem` records saying where and why
  (an error raised with a single message gives one record built from it);
- ``code``: the message code of the first problem (``output_exists``, ...);
- ``path``: the file concerned, when there is one;
- ``kind``: what went wrong, one of :data:`KINDS`.  Programs choose what to do
  by kind; the command line maps each kind to its exit code
  (``lkjip_xl.cli.EXIT_CODES``, documented in docs/validation.md).

A caller of the library therefore needs one ``except LkjipError`` to catch
every refusal, and can print ``error.problems`` the same way a report is
printed.  Exceptions that are not :class:`LkjipError` are bugs (or a
programmer's misuse of a function, such as an unknown method name).
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from typing import ClassVar

from .messages import msg
from .problems import ERROR, Problem

#: An input (forms, earlier years, Renstra, budget, control workbook) has errors: fix the input.
INPUT = "input"
#: The master PK workbook cannot be used: nothing can be checked or computed without it.
MASTER = "master"
#: An output cannot or may not be written (exists, is an input, cannot hold a file, disk full).
OUTPUT = "output"
#: The request itself is inconsistent (options that exclude each other).
USAGE = "usage"
#: The installation lacks an optional part (xlwings for the control workbook).
SETUP = "setup"

KINDS = (INPUT, MASTER, OUTPUT, USAGE, SETUP)


class LkjipError(Exception):
    """An input, the master or an output cannot be used; says so in Indonesian.

    Subclasses set :attr:`kind` and may keep their own constructor: the
    attributes default sensibly (no ``problems`` given: one record from
    ``code``, ``message`` and ``path``).
    """

    kind: ClassVar[str] = INPUT
    code: str = ""
    path: str = ""

    def __init__(self, message: str = "", problems: Sequence[Problem] = (), code: str = "",
                 path: str | os.PathLike = ""):
        problems = list(problems)
        if not message:
            message = "\n".join(p.message for p in problems if p.is_error) or "\n".join(p.message for p in problems)
        super().__init__(message)
        self.message = message
        if problems or not hasattr(self, "_problems"):
            self._problems = problems
        # never clobber what a subclass set before calling this
        if code or problems:
            self.code = code or problems[0].code
        if path or problems:
            self.path = str(path) if path else problems[0].file

    @property
    def problems(self) -> list[Problem]:
        """Where and why, as records; one record from the message when none were given."""
        if self._problems:
            return self._problems
        return [Problem(self.path, self.code or self.kind, self.message or str(self), ERROR,
                        sheet=getattr(self, "sheet", ""), cell=getattr(self, "cell", ""))]

    @problems.setter
    def problems(self, value: Sequence[Problem]) -> None:
        self._problems = list(value)
        if value and not self.code:
            self.code = self._problems[0].code
        if value and not self.path:
            self.path = self._problems[0].file

    def __reduce__(self):  # picklable across a process pool whatever a subclass's constructor takes
        return _rebuild, (type(self), self.args, self.__dict__)

    def to_dict(self) -> dict[str, object]:
        """The error as plain data (the ``error`` member of a command's ``--json`` document)."""
        return {"kind": self.kind, "code": self.code, "path": self.path, "message": self.message,
                "problems": [p.shown() for p in self.problems]}


class UsageError(LkjipError):
    """The options of a request exclude each other (``--out`` with ``--out-dir``, ...)."""

    kind = USAGE

    def __init__(self, code: str, **fields: object):
        super().__init__(msg(code, **fields), code=code)


def _rebuild(cls: type[LkjipError], args: tuple, state: dict) -> LkjipError:
    error = cls.__new__(cls)
    Exception.__init__(error, *args)
    error.__dict__.update(state)
    return error
