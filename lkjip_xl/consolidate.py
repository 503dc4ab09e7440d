"""Consolidate returned forms into one workbook: validate, compute, write.

:func:`consolidate` reads and checks the forms (:mod:`lkjip_xl.validate`),
computes the accepted ones and writes the workbook, by the forms' calendar:

- yearly forms: :mod:`lkjip_xl.consolidation` and :mod:`lkjip_xl.capaian_book`
  (sheets "Capaian Kinerja", "Ringkasan", "Data" and "Sumber");
- forms of periods ("Triwulan I", ...): :mod:`lkjip_xl.period_consolidation`
  and :mod:`lkjip_xl.period_book` (the same sheets for periods 1..N combined,
  "s.d. Triwulan II", plus one sheet per period).

Forms of several Kanwil are consolidated by :mod:`lkjip_xl.national`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from collections.abc import Callable, Iterable


from .calc import Summary
from .capaian_book import write_consolidated
from .consolidation import Consolidated, accepted_forms
from .guard import guard_outputs, path_list
from .master import read_master
from .messages import msg, use_words
from .model import IndicatorResult, Master
from .monitoring_book import write_monitoring
from .period_book import ExtraSheet, write_period_consolidation
from .period_consolidation import PeriodConsolidation, compute_view
from .records import data_columns, data_records, dataframe
from .problems import WARNING, Problem
from .report import Report
from .validate import validate_files
from .words import Words, common_words


@dataclass
class ConsolidationResult:
    """What a consolidation produced."""

    output: Path | None
    report: Report
    summary: Summary | None = None
    results: list[IndicatorResult] = field(default_factory=list)
    refused: list[str] = field(default_factory=list)
    outputs: list[Path] = field(default_factory=list)  #: every workbook written, ``output`` first
    #: What was computed, one :class:`Consolidated` per Kanwil (none when the run was refused); of
    #: period forms, the s.d. view
    parts: list[Consolidated] = field(default_factory=list)
    #: What the results are for, as the titles and the headline name it: "Tahun 2023", or
    #: "s.d. Triwulan II Tahun 2023" for period forms not yet the whole year ("" when refused)
    period_label: str = ""
    #: Whether the results are the whole year (yearly forms, or every period of every Divisi)
    complete: bool = False
    #: Of period forms: every period's results and the plan (which form counts, N)
    periods: PeriodConsolidation | None = None

    @property
    def words(self) -> Words:
        """The organisation's own words the run spoke in (:mod:`lkjip_xl.words`): those its Kanwil share."""
        return common_words(data.words for data in self.parts)

    def to_records(self) -> list[dict[str, object]]:
        """One dict per IKK (per Kanwil, in order), keyed by the column titles of the sheet "Data"."""
        return data_records(self.parts)

    def to_dataframe(self):
        """:meth:`to_records` as a pandas DataFrame, equal to ``pandas.read_excel(output, sheet_name="Data")``.

        Needs pandas (``pip install "lkjip-xl[pandas]"``); raises
        :class:`~lkjip_xl.records.PandasMissingError` naming that command without it.
        """
        return dataframe(self.to_records(), data_columns(self.parts))


def consolidate(paths: str | Path | Iterable[str | Path], out: str | Path, master: str | Path | Master | None = None,
                force: bool = False, skip_invalid: bool = False,
                progress: Callable[[str], None] | None = None,
                guard: Callable[[Report, list[Path]], None] | None = None) -> ConsolidationResult:
    """Validate the forms, compute every IKK and write the consolidated workbook.

    ``paths`` are forms or folders of forms (one may be given alone): yearly
    forms, or forms of the periods of one calendar (the workbook then shows
    periods 1..N combined and each period; ``period_label`` and ``complete``
    of the result say how far the year is).  Forms with errors are refused:
    nothing is written, unless ``skip_invalid`` is set, in which case they are
    left out and named in the report.  Before
    writing, ``guard(report, [out])`` checks the output (default:
    :func:`lkjip_xl.guard.guard_outputs` against ``paths``).
    """
    if master is not None and not isinstance(master, Master):
        master = read_master(master)
    inputs = path_list(paths)
    validation = validate_files(inputs, master, progress)
    with use_words(validation.words):  # the run's problems in the organisation's own words
        if any(p.code == "form_other_kanwil" for p in validation.report.problems):
            validation.report.add(Problem("", "national_hint", msg("national_hint"), WARNING))
        if master is None:
            validation.report.add(Problem("", "no_master", msg("no_master"), WARNING))
        accepted, refused = accepted_forms(validation, skip_invalid)
        if not accepted:
            return ConsolidationResult(None, validation.report, refused=refused)
        if guard is None:
            guard_outputs([out], inputs, force)
        else:
            guard(validation.report, [Path(out)])
        data, periods = compute_view(accepted, master)
        if periods is None:
            output = write_consolidated(data, out, force)
        else:
            output = write_period_consolidation(periods, out, force, PERIOD_EXTRA_SHEETS)
    return ConsolidationResult(output, validation.report, data.summary, [r for r, _, _ in data.rows], refused,
                               [output], [data], data.period_label, data.is_year, periods)


#: Sheets added to every period workbook after "Ringkasan" (:data:`lkjip_xl.period_book.ExtraSheet`):
#: the hook of the monitoring view.
PERIOD_EXTRA_SHEETS: tuple[ExtraSheet, ...] = (write_monitoring,)
