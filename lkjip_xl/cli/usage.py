"""Usage errors in Indonesian: the parameter types of the command line and the translation of click's own errors.

click words its usage errors in English ("Missing option", "No such option", "Invalid value for ...").  The
command line never shows those texts: every usage error becomes an :class:`~lkjip_xl.errors.UsageError` (kind
``usage``, exit code 2) with a catalogue text, built from what the click exception *knows* (the parameter, the
option name, the suggestions), never from its English message:

- the parameter types (:class:`PathParam`, :class:`Choice`, :class:`Number`) refuse a value with a
  :class:`SaidError` that already carries its catalogue code;
- :func:`translate` turns any other click usage error into the catalogue's words.

:class:`~lkjip_xl.cli.indonesian.Group` prints the result the way every other error is printed.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import click

from ..errors import UsageError
from ..messages import LABELS, msg

#: The option that asks for the help of a command, as the error messages name it ("Bantuan: lkjip-xl tabel -h").
HELP_OPTION = "-h"


class SaidError(click.BadParameter):
    """A usage error already said in the catalogue's words: ``msg(code, **fields)``."""

    def __init__(self, code: str, ctx: click.Context | None = None, param: click.Parameter | None = None,
                 **fields: object):
        super().__init__(msg(code, **fields), ctx=ctx, param=param)
        self.code = code
        self.fields = fields


# --------------------------------------------------------------------------- parameter types


class PathParam(click.Path):
    """A path click never checks (its messages are English): the library checks inputs and outputs and says
    what is wrong in Indonesian.  Shown in the help as ``metavar`` (BERKAS, FOLDER, JALUR, FORMULIR...)."""

    def __init__(self, metavar: str):
        super().__init__(readable=False)
        self.metavar = metavar
        self.name = metavar.lower()

    def get_metavar(self, param: click.Parameter, ctx: click.Context) -> str:
        return self.metavar


class Choice(click.Choice):
    """A choice named by its option (JENIS for ``--jenis``) with its choices as written in the help ("pilihan:
    Tahunan, Triwulan I, ..."; click would list them lower-cased in the metavar), refused in Indonesian."""

    def get_metavar(self, param: click.Parameter, ctx: click.Context) -> str:
        return (param.name or "").upper()

    def describe(self) -> str:
        """The choices for the help."""
        return msg("cli_choices", choices=", ".join(str(choice) for choice in self.choices))

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> Any:
        try:
            return super().convert(value, param, ctx)
        except click.BadParameter:
            raise SaidError("cli_bad_choice", ctx, param, value=value, option=param_name(param, ctx),
                            choices=", ".join(str(choice) for choice in self.choices), help=help_hint(ctx)) from None


class Number(click.ParamType):
    """A whole number (BILANGAN), at least ``minimum``; the help says the bound ("paling kecil 1")."""

    name = "bilangan"

    def __init__(self, minimum: int | None = None):
        self.minimum = minimum

    def get_metavar(self, param: click.Parameter, ctx: click.Context) -> str:
        return LABELS["cli_metavar_number"]

    def describe(self) -> str | None:
        """The bound for the help ("paling kecil 1"), ``None`` without one."""
        return None if self.minimum is None else msg("cli_at_least", min=self.minimum)

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> int:
        if isinstance(value, int) and not isinstance(value, bool):
            number = value
        else:
            try:
                number = int(str(value).strip())
            except ValueError:
                raise SaidError("cli_not_integer", ctx, param, value=value, option=param_name(param, ctx),
                                help=help_hint(ctx)) from None
        if self.minimum is not None and number < self.minimum:
            raise SaidError("cli_integer_too_small", ctx, param, value=value, option=param_name(param, ctx),
                            min=self.minimum, help=help_hint(ctx))
        return number


#: The paths of the command line: a file, a folder, either (click checks none of them).
FILE = PathParam(LABELS["cli_metavar_file"])
FOLDER = PathParam(LABELS["cli_metavar_folder"])
PATH = PathParam(LABELS["cli_metavar_path"])


# --------------------------------------------------------------------------- click's errors in Indonesian


def param_name(param: click.Parameter | None, ctx: click.Context | None) -> str:
    """How a message names ``param``: its longest option name (``--out``), or an argument's metavar (SUMBER)."""
    if param is None:
        return ""
    if isinstance(param, click.Option):
        return max(param.opts, key=len)
    metavar = param.make_metavar(ctx) if ctx is not None else (param.name or "").upper()
    return metavar.removesuffix("...").strip("[]{}")


def help_hint(ctx: click.Context | None) -> str:
    """The command that shows the help of the command ``ctx`` runs ("lkjip-xl tabel -h")."""
    return f"{ctx.command_path} {HELP_OPTION}" if ctx is not None else HELP_OPTION


def _metavar(param: click.Parameter | None, ctx: click.Context | None) -> str:
    return param.make_metavar(ctx) if param is not None and ctx is not None else ""


def _option(ctx: click.Context | None, name: str) -> click.Option | None:
    """The option of the command ``ctx`` runs that answers to ``name``."""
    if ctx is None:
        return None
    for param in ctx.command.get_params(ctx):
        if isinstance(param, click.Option) and name in (*param.opts, *param.secondary_opts):
            return param
    return None


def _suggest(code: str, suggest_code: str, suggestions: Sequence[str] | None, **fields: object) -> UsageError:
    """``code``, or ``suggest_code`` naming what the user probably meant ("Maksud Anda: --start?")."""
    if suggestions:
        return UsageError(suggest_code, suggestions=", ".join(suggestions), **fields)  # the closest first
    return UsageError(code, **fields)


def translate(error: click.ClickException) -> UsageError:
    """The Indonesian :class:`~lkjip_xl.errors.UsageError` of a click usage error, from its structured facts
    (never from its English message; an error of another kind is "cli_unclear")."""
    ctx: click.Context | None = getattr(error, "ctx", None)
    hint = help_hint(ctx)
    command = ctx.command_path if ctx is not None else ""
    if isinstance(error, SaidError):
        return UsageError(error.code, **error.fields)
    if isinstance(error, click.MissingParameter):
        if isinstance(error.param, click.Option):
            return UsageError("cli_missing_option", option=param_name(error.param, ctx),
                              metavar=_metavar(error.param, ctx), help=hint)
        return UsageError("cli_missing_argument", argument=param_name(error.param, ctx), help=hint)
    if isinstance(error, click.NoSuchOption):
        return _suggest("cli_no_such_option", "cli_no_such_option_suggest", error.possibilities,
                        option=error.option_name, command=command, help=hint)
    if isinstance(error, click.BadOptionUsage):
        option = _option(ctx, error.option_name)
        if option is not None and (option.is_flag or option.count):
            return UsageError("cli_flag_value", option=error.option_name, help=hint)
        return UsageError("cli_option_needs_value", option=error.option_name, metavar=_metavar(option, ctx),
                          help=hint)
    if isinstance(error, click.BadParameter):
        return UsageError("cli_bad_value", option=param_name(error.param, ctx), help=hint)
    return UsageError("cli_unclear", help=hint)


def no_such_command(ctx: click.Context, name: str, names: Sequence[str], possible: Sequence[str]) -> SaidError:
    """The refusal of command ``name``: the commands there are (``names``), or the close ones of ``possible``."""
    from difflib import get_close_matches

    close = get_close_matches(name, possible)
    if close:
        return SaidError("cli_no_such_command_suggest", ctx, command=name, suggestions=", ".join(close),
                         help=help_hint(ctx))
    return SaidError("cli_no_such_command", ctx, command=name, commands=", ".join(names), help=help_hint(ctx))


def extra_arguments(ctx: click.Context, args: Sequence[str]) -> SaidError:
    """The refusal of arguments a command does not take."""
    return SaidError("cli_extra_arguments", ctx, args=" ".join(args), command=ctx.command_path,
                     help=help_hint(ctx))


def wants_json(args: Sequence[str]) -> bool:
    """Whether the command line asked for ``--json`` (before a ``--``): a usage error is then a JSON document."""
    args = list(args)
    return "--json" in (args[:args.index("--")] if "--" in args else args)
