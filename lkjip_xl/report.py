"""Validation problems collected into a report: text, JSON, records and a DataFrame.

Checks never raise for bad content: they yield :class:`~lkjip_xl.problems.Problem` records.
Exceptions are kept for files that cannot be read at all, and even those are
turned into a problem by the caller so that one bad file never stops the run.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass, field

from .messages import msg, visible
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

    def to_text(self) -> str:
        """A plain table for the terminal (Indonesian headings)."""
        if not self.problems:
            return msg("report_no_problems")
        lines = []
        for p in self.problems:
            where = f"{p.location()}: " if p.location() else ""
            lines.append(f"{SEVERITY_LABEL[p.severity]:<10} [{visible(p.code)}] {where}{visible(p.message)}")
        lines.append(msg("report_summary", errors=len(self.errors), warnings=len(self.warnings)))
        return "\n".join(lines)
