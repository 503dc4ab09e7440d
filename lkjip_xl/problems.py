"""One finding of a check, as a record: where it is, what it is, what to do.

The bottom of the library: :mod:`lkjip_xl.errors` carries these records in its
exceptions and :mod:`lkjip_xl.report` collects them into a report.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass

from .messages import LABELS, visible

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
