"""The command line speaks Indonesian: click's Context, Command and Group, with the help and the usage errors
in the catalogue's words.

- Help: "Penggunaan:", "Opsi:", "Perintah (urutan kerja):", "[wajib]", "[bawaan: 1; paling kecil 1]", ``-h``
  beside ``--help``; every command's help ends with its "Contoh:" block (the command's ``epilog``, one example a
  line, written as it is: never rewrapped), which tests/test_cli_indonesian.py runs.
- Names: every command may have Indonesian ``aliases`` (``konsolidasi`` for ``consolidate``); an alias works
  wherever the name does, and help and errors name what the user typed.  The top-level help lists the commands
  in the order they were registered (:mod:`lkjip_xl.cli.commands` registers them in the order of the work) with
  their aliases and their ``short_help``, never truncated.
- Usage errors: :meth:`Group.main` catches click's usage errors, says them in Indonesian
  (:func:`~lkjip_xl.cli.usage.translate`) and ends them like every other error of a command
  (:attr:`Group.usage_runner`: stderr, exit code 2, one JSON document with ``--json``).

Only public click API is used (the classes' documented hooks); nothing of click is patched.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from typing import Any, NoReturn

import click
from click.exceptions import NoArgsIsHelpError
from click.formatting import join_options

from ..errors import LkjipError
from ..messages import LABELS, msg
from .usage import extra_arguments, no_such_command, translate, wants_json

#: The names that ask for help, in the order the help lists them.
HELP_OPTION_NAMES = ["-h", "--help"]


class HelpFormatter(click.HelpFormatter):
    """click's formatter with the usage line headed "Penggunaan:"."""

    def write_usage(self, prog: str, args: str = "", prefix: str | None = None) -> None:
        super().write_usage(prog, args, LABELS["cli_usage"] if prefix is None else prefix)


class Context(click.Context):
    """A context whose help is written by :class:`HelpFormatter`."""

    formatter_class = HelpFormatter


def option_record(option: click.Option, ctx: click.Context) -> tuple[str, str] | None:
    """The help line of ``option``: its names and metavar, its help and, in brackets, bawaan / bound / wajib."""
    if option.hidden:
        return None
    names = join_options(option.opts)[0]
    if option.secondary_opts:
        names += " / " + join_options(option.secondary_opts)[0]
    if not option.is_flag and not option.count:
        names += " " + option.make_metavar(ctx)
    extras = []
    show = option.show_default if option.show_default is not None else ctx.show_default
    if show and not option.is_flag:
        default = option.default
        if isinstance(show, str):
            extras.append(msg("cli_default", value=show))
        elif default is not None and not callable(default):
            shown = ", ".join(map(str, default)) if isinstance(default, (list, tuple)) else str(default)
            extras.append(msg("cli_default", value=shown))
    describe = getattr(option.type, "describe", None)
    bound = describe() if callable(describe) else None
    if bound:
        extras.append(bound)
    if option.required:
        extras.append(LABELS["cli_required"])
    text = option.help or ""
    if extras:
        text = f"{text}  [{'; '.join(extras)}]".strip()
    return names, text


def _write_options(command: click.Command, ctx: click.Context, formatter: click.HelpFormatter) -> None:
    rows = [record for param in command.get_params(ctx) if isinstance(param, click.Option)
            and (record := option_record(param, ctx)) is not None]
    if rows:
        with formatter.section(LABELS["cli_options"]):
            formatter.write_dl(rows)


def _write_examples(examples: str | None, formatter: click.HelpFormatter) -> None:
    """The "Contoh:" block: each line as written (click would rewrap the epilog into one paragraph)."""
    if not examples:
        return
    with formatter.section(LABELS["cli_examples"]):
        for line in examples.splitlines():
            formatter.write(f"{'':>{formatter.current_indent}}{line}\n" if line.strip() else "\n")


@contextmanager
def _in_context(ctx: click.Context) -> Iterator[None]:
    """Usage errors of the option parser carry no context (``--force=ya``): give them ``ctx``, whose command
    and usage line their message names."""
    try:
        yield
    except click.UsageError as error:
        if error.ctx is None:
            error.ctx = ctx
        raise


def _said_help(option: click.Option | None) -> click.Option | None:
    """click's help option, with its help in the catalogue's words."""
    if option is not None:
        option.help = msg("cli_help_help")
    return option


class Command(click.Command):
    """A command with Indonesian help, Indonesian refusals of extra arguments and optional ``aliases``."""

    context_class = Context

    def __init__(self, *args: Any, aliases: Sequence[str] = (), **kwargs: Any):
        kwargs.setdefault("options_metavar", LABELS["cli_options_metavar"])
        super().__init__(*args, **kwargs)
        self.aliases = tuple(aliases)

    def get_help_option(self, ctx: click.Context) -> click.Option | None:
        return _said_help(super().get_help_option(ctx))

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        # click refuses extra arguments in English; let them through and refuse them here.
        allowed = ctx.allow_extra_args
        ctx.allow_extra_args = True
        try:
            with _in_context(ctx):
                rest = super().parse_args(ctx, args)
        finally:
            ctx.allow_extra_args = allowed
        if rest and not allowed and not ctx.resilient_parsing:
            raise extra_arguments(ctx, rest)
        return rest

    def format_help_text(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        super().format_help_text(ctx, formatter)
        others = [name for name in (self.name, *self.aliases) if name and name != ctx.info_name]
        if self.aliases and others:
            formatter.write_paragraph()
            with formatter.indentation():
                formatter.write_text(msg("cli_other_names", names=", ".join(others)))

    def format_options(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        _write_options(self, ctx, formatter)

    def format_epilog(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        _write_examples(self.epilog, formatter)


#: ``runner(name, func)``: the click callback running ``func(run, **options)`` under the one error handling
#: (:func:`lkjip_xl.cli.base.runner`).
Runner = Callable[[str, Callable[..., None]], Callable[..., None]]


class Group(click.Group):
    """The ``lkjip-xl`` group: Indonesian help, commands in the order of the work, aliases, Indonesian errors."""

    context_class = Context
    command_class = Command
    #: Ends a usage error like every other error of a command; set by :mod:`lkjip_xl.cli.base`.
    usage_runner: Runner | None = None

    def __init__(self, *args: Any, **kwargs: Any):
        kwargs.setdefault("options_metavar", LABELS["cli_options_metavar"])
        kwargs.setdefault("subcommand_metavar", LABELS["cli_command_metavar"])
        kwargs["context_settings"] = {"help_option_names": HELP_OPTION_NAMES, **kwargs.get("context_settings", {})}
        super().__init__(*args, **kwargs)

    def get_help_option(self, ctx: click.Context) -> click.Option | None:
        return _said_help(super().get_help_option(ctx))

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        with _in_context(ctx):
            return super().parse_args(ctx, args)

    # ----------------------------------------------------------------------- commands and their aliases

    def list_commands(self, ctx: click.Context) -> list[str]:
        """The commands in the order they were registered: the order of the work."""
        return list(self.commands)

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        found = self.commands.get(cmd_name)
        if found is None:
            found = next((cmd for cmd in self.commands.values() if cmd_name in getattr(cmd, "aliases", ())), None)
        return found

    def names(self, cmd_name: str, cmd: click.Command) -> list[str]:
        """The names of a command, its Indonesian aliases first ("konsolidasi, consolidate")."""
        return [*getattr(cmd, "aliases", ()), cmd_name]

    def resolve_command(self, ctx: click.Context, args: list[str]) -> tuple[str | None, click.Command | None,
                                                                              list[str]]:
        """The command ``args[0]`` names (a name or an alias), keeping the name typed: help and errors say it."""
        typed = str(args[0])
        cmd = self.get_command(ctx, typed)
        if cmd is None and not ctx.resilient_parsing:
            if typed.startswith("-"):
                self.parse_args(ctx, args)  # an option the group does not know: refused as such
            every = [(name, command) for name, command in self.commands.items() if not command.hidden]
            raise no_such_command(ctx, typed, [self.names(name, command)[0] for name, command in every],
                                  [name for name, command in every for name in self.names(name, command)])
        return (typed if cmd is not None else None), cmd, args[1:]

    # ----------------------------------------------------------------------- help

    def format_options(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        _write_options(self, ctx, formatter)
        self.format_commands(ctx, formatter)

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        """One line per command in the order of the work: its names and its whole short help."""
        rows = []
        for name in self.list_commands(ctx):
            cmd = self.get_command(ctx, name)
            if cmd is not None and not cmd.hidden:
                rows.append((", ".join(self.names(name, cmd)), cmd.get_short_help_str(limit=sys.maxsize)))
        if rows:
            with formatter.section(LABELS["cli_commands"]):
                formatter.write_dl(rows)

    def format_epilog(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        _write_examples(self.epilog, formatter)

    # ----------------------------------------------------------------------- running, and usage errors

    def main(self, args: Sequence[str] | None = None, prog_name: str | None = None,
             complete_var: str | None = None, standalone_mode: bool = True, **extra: Any) -> Any:
        """click's ``main``, its usage errors said in Indonesian and ended like every other error."""
        if not standalone_mode:
            return super().main(args, prog_name, complete_var, False, **extra)
        try:
            code = super().main(args, prog_name, complete_var, False, **extra)
        except NoArgsIsHelpError as error:  # "lkjip-xl" alone: the help (already Indonesian)
            click.echo(error.format_message(), err=True)
            sys.exit(error.exit_code)
        except click.ClickException as error:  # usage errors (none of the commands raises another kind)
            self.usage_failed(error, sys.argv[1:] if args is None else args)
        except click.Abort:
            click.echo(msg("cli_aborted"), err=True)
            sys.exit(1)
        sys.exit(code if isinstance(code, int) else 0)

    def usage_failed(self, error: click.ClickException, args: Sequence[str]) -> NoReturn:
        """Say ``error`` in Indonesian: the usage line, then the problem (stderr, exit 2; ``--json``: the document)."""
        said = translate(error)
        ctx: click.Context | None = getattr(error, "ctx", None)
        as_json = wants_json(args)
        if not as_json and ctx is not None:
            click.echo(ctx.get_usage() + "\n", err=True)
        name = (ctx.command.name or "") if ctx is not None and ctx.parent is not None else ""
        if self.usage_runner is not None:
            self.usage_runner(name, _raise(said))(as_json=as_json)  # exits
        click.echo(said.message, err=True)
        sys.exit(2)


def _raise(error: LkjipError) -> Callable[..., None]:
    def refuse(run: Any, **options: Any) -> None:
        raise error

    return refuse
