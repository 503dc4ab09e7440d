"""Validation problems collected into a report: text, JSON, records and a DataFrame.

Checks never raise for bad content: they yield :class:`~lkjip_xl.problems.Problem` records.
Exceptions are kept for files that cannot be read at all, and even those are
turned into a problem by the caller so that one bad file never stops the run.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from .messages import MESSAGES, msg, visible
from .problems import SEVERITY_LABEL, Problem


@dataclass
class Report:
    """All problems found in one run, in the order they were found."""

    problems: list[Problem] = field(default_factory=list)

    def add(self, problem: Problem) -> None:
        self.problems.append(problem)

    def extend(self, problems: Iterable[Problem]) -> None:
        self.problems.extend(problems)

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.is_error]

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self.problems if not p.is_error]

    @property
    def valid(self) -> bool:
        return not self.errors

    def files_with_errors(self) -> list[str]:
        seen: dict[str, None] = {}
        for problem in self.errors:
            seen.setdefault(problem.file, None)
        return list(seen)

    def for_file(self, file: str) -> list[Problem]:
        return [p for p in self.problems if p.file == file]

    def flatten(self) -> list[dict[str, str]]:
        """One dict per problem, for tables, JSON and the feedback sheet; every field safe to echo."""
        return [p.shown() for p in self.problems]

    def to_records(self) -> list[dict[str, str]]:
        """One dict per problem (file, code, message, severity, sheet, cell, ikk): :meth:`flatten`."""
        return self.flatten()

    def to_dataframe(self):
        """:meth:`to_records` as a pandas DataFrame (``pip install "lkjip-xl[pandas]"``).

        Without pandas raises :class:`~lkjip_xl.records.PandasMissingError`, which names that command.
        """
        from .records import PROBLEM_COLUMNS, dataframe

        return dataframe(self.to_records(), PROBLEM_COLUMNS)

    def to_json(self) -> str:
        return json.dumps(
            {"valid": self.valid, "errors": len(self.errors), "warnings": len(self.warnings),
             "problems": self.flatten()},
            ensure_ascii=False,
            indent=2,
        )

    def to_text(self, warnings: bool = True) -> str:
        """The report for people: one line per problem (label, code, where, what), then the count.

        Each line says the location once: ``file › sheet › cell`` before the message, leaving out
        what the message itself names (:func:`said_once`).  Problems of one code on many cells of
        one sheet are one line naming the count and the cells (:func:`grouped`); the records
        (:meth:`flatten`, ``--json``) keep one per cell.  ``warnings=False`` (``--quiet``) leaves
        the warnings out: the count says how many were not shown, and a report without an error
        is no text at all.
        """
        if not self.problems:
            return msg("report_no_problems")
        shown = self.problems if warnings else self.errors
        if not shown:
            return ""
        lines = [problem_line(group) for group in grouped(shown)]
        counts = {"errors": len(self.errors), "warnings": len(self.warnings)}
        hidden = len(self.problems) - len(shown)
        lines.append(msg("report_summary_quiet", hidden=hidden, **counts) if hidden
                     else msg("report_summary", **counts))
        return "\n".join(lines)


#: Most cells a grouped line names; the others are counted ("dan 12 lainnya").
GROUP_CELLS_SHOWN = 20
#: Fewest problems gathered into one line: a code with its own sentence for the group
#: (``report_group_<code>``, it says all there is) from two; any other code, whose line can only
#: quote its first message, from this many (fewer are clearer each on its own line).
GROUP_MIN_OTHER = 6


def grouped(problems: Iterable[Problem]) -> list[list[Problem]]:
    """``problems`` in order, those of one severity and code on cells of one file and sheet gathered
    at the first of them when there are enough (:data:`GROUP_MIN_OTHER`); a group of one is a
    problem alone.

    A problem whose message names its own file even without the location phrase (``Formulir a.xlsx
    milik ...``) stays alone unless its code has a sentence for the group: a group line could not
    say the file once otherwise.
    """
    problems = list(problems)

    def key(problem: Problem) -> tuple[str, str, str, str] | None:
        own = f"report_group_{problem.code}" in MESSAGES
        if problem.file and problem.cell and (own or not said_once(problem)[2]):
            return problem.severity, problem.code, problem.file, problem.sheet
        return None

    keys = [key(problem) for problem in problems]
    members: dict[tuple[str, str, str, str], list[Problem]] = {}
    for problem, found in zip(problems, keys):
        if found is not None:
            members.setdefault(found, []).append(problem)
    order: list[list[Problem]] = []
    for problem, found in zip(problems, keys):
        group = members.get(found) if found is not None else None
        least = 2 if f"report_group_{problem.code}" in MESSAGES else GROUP_MIN_OTHER
        if group is None or len(group) < least:
            order.append([problem])
        elif group[0] is problem:
            order.append(group)
    return order


def problem_line(group: list[Problem]) -> str:
    """One line of :meth:`Report.to_text`: ``LABEL [code] where: text`` for a problem or a group."""
    first = group[0]
    head = f"{SEVERITY_LABEL[first.severity]:<10} [{visible(first.code)}] "
    if len(group) == 1:
        where, text, _ = said_once(first)
    else:
        where = " › ".join(visible(part) for part in (first.file, first.sheet) if part)
        cells = [visible(problem.cell) for problem in group]
        listed = ", ".join(cells[:GROUP_CELLS_SHOWN])
        if len(cells) > GROUP_CELLS_SHOWN:
            listed += " " + msg("report_group_more", count=len(cells) - GROUP_CELLS_SHOWN)
        code = f"report_group_{first.code}"
        text = (msg(code, count=len(group), cells=listed) if code in MESSAGES
                else msg("report_group", count=len(group), cells=listed, cell=first.cell, message=said_once(first)[1]))
    return head + (f"{where}: " if where else "") + text


def said_once(problem: Problem) -> tuple[str, str, bool]:
    """``(where, text, file_in_text)``: the problem's location and message, the location said once.

    The phrase by which a message repeats the problem's own location ("(a.xlsx, sheet 'Formulir',
    sel K9)", "di a.xlsx, sheet 'Formulir'") is taken out of the text, and ``where`` (``file ›
    sheet › cell``) names only what the text does not: a message naming its file in its sentence
    ("Berkas a.xlsx bukan ...") gets nothing in front of it but a cell it does not name.
    """
    text = visible(problem.message)
    file, sheet, cell = (visible(part) for part in (problem.file, problem.sheet, problem.cell))
    if file and sheet:
        places = [msg("report_where", path=file, sheet=sheet)]
        if cell:
            places.insert(0, msg("report_where_cell", path=file, sheet=sheet, cell=cell))
        for place in places:
            for phrase in (f" ({place})", " " + msg("report_where_in", where=place)):
                text = text.replace(phrase, "")
    file_said = bool(file) and file in text
    cell_said = bool(cell) and re.search(rf"(?<![A-Za-z0-9]){re.escape(cell)}(?![0-9])", text) is not None
    if file_said:  # the sentence says where; only a cell it leaves out goes in front
        parts = [sheet, cell] if cell and not cell_said else []
    else:
        parts = [file, "" if f"'{sheet}'" in text else sheet, "" if cell_said else cell]
    return " › ".join(part for part in parts if part), text, file_said
