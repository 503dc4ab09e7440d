"""The ``lkjip-xl`` command line: a thin layer over the library, and the only package importing click.

Each command (:mod:`lkjip_xl.cli.commands`) parses its options, calls the
library and hands what happened to one runner (:func:`~lkjip_xl.cli.base.command`), which

- prints problems one way (:func:`echo_problems`: severity label, code,
  location, message);
- with ``--json`` prints exactly one JSON document on stdout and nothing else
  there (:meth:`Run.document`): the problems, the outputs written and the
  summary, also when the command fails;
- turns every :class:`~lkjip_xl.errors.LkjipError` into its exit code by its
  kind (:data:`EXIT_CODES`, the one table) and any other exception into an
  Indonesian sentence naming the command and exit code
  :data:`EXIT_UNEXPECTED`; no traceback ever reaches the user;
- speaks Indonesian everywhere (:mod:`lkjip_xl.cli.indonesian`, :mod:`lkjip_xl.cli.usage`): the help,
  ``-h``, an Indonesian alias for each command (``periksa``, ``konsolidasi``, ...), a "Contoh:" block
  ending each help, and click's usage errors, ended like every other error (stderr, exit code 2, the
  JSON document with ``--json``).
"""

from __future__ import annotations

from . import commands  # noqa: F401  (registers every command on the group)
from .base import EXIT_CODES, EXIT_UNEXPECTED, Run, cli, command, echo_problems, runner

__all__ = ["EXIT_CODES", "EXIT_UNEXPECTED", "Run", "cli", "command", "echo_problems", "main", "runner"]


def main() -> None:
    """Console-script entry point."""
    cli(prog_name="lkjip-xl")
