"""Validation problems as records, collected into a report.

Checks never raise for bad content: they yield :class:`Problem` records.
Exceptions are kept for files that cannot be read at all, and even those are
turned into a problem by the caller so that one bad file never stops the run.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field
from typing import Iterable

from .messages import LABELS, msg, visible

ERROR = "error"
WARNING = "warning"

SEVERITY_LABEL = {ERROR: LABELS["severity_error"], WARNING: LABELS["severity_warning"]}


@dataclass(frozen=True)
class Problem:
    """One finding: where it is (file, sheet, cell), what it is (code) and what to do (message)."""

    file: str
    code: str
    message: str
    severity: str = ERROR
    sheet: str = ""
    cell: str = ""
    ikk: str = ""

    @property
    def is_error(self) -> bool:
        return self.severity == ERROR

    def location(self) -> str:
        """``file › sheet › cell`` for humans, control characters shown (:func:`~lkjip_xl.messages.visible`)."""
        return " › ".join(visible(part) for part in (self.file, self.sheet, self.cell) if part)

    def shown(self) -> dict[str, str]:
        """Every field as text safe to echo: control characters shown, never obeyed."""
        return {name: visible(value) for name, value in asdict(self).items()}


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
