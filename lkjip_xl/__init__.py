"""lkjip-xl: spreadsheet toolkit for the LKjIP performance report of a Kanwil.

The public API (:data:`__all__`) covers the whole flow; every name is
re-exported from the module of its step and stays stable::

    import lkjip_xl

    master = lkjip_xl.read_master("samples/master_pk_2023.xlsx")     # Master (raises MasterError)
    lkjip_xl.write_forms(master, "kerja/formulir")                   # [Path]: one form per Divisi
    check = lkjip_xl.validate(["samples/formulir"], master)          # Validation: .valid, .problems
    result = lkjip_xl.consolidate(["samples/formulir"], "kerja/konsolidasi.xlsx", master)
    result.summary.headline                                          # "54 dari 60 IKK tercapai"
    result.to_records()                                              # one dict per IKK, as sheet "Data"
    result.to_dataframe()                                            # the same as a pandas DataFrame

- :func:`read_master` → :class:`Master` of :class:`Indicator`; :func:`write_master`
  writes a master workbook, or with ``None`` the blank template;
- :func:`write_forms` writes one form per Divisi;
- :func:`validate` → :class:`Validation` (its :class:`Report` of :class:`Problem`
  records; ``valid``, ``to_records()``, ``to_dataframe()``);
- :func:`consolidate` → :class:`ConsolidationResult` (``output``, ``summary``,
  ``results``, ``report``, ``to_records()``, ``to_dataframe()``);
- :func:`make_tables` writes the Chapter III report tables;
- :func:`write_input_template` writes the blank, documented template of an input (the
  master, earlier years, Renstra, budget, action plan, supporting tables) or of all;
- :class:`LkjipError` is the base of every exception raised for a user (an
  Indonesian ``message`` and ``problems`` records).

Content problems never raise: they are :class:`Problem` records in the report.
``to_dataframe()`` needs pandas (``pip install "lkjip-xl[pandas]"``); nothing
else does, and ``import lkjip_xl`` imports neither pandas, xlwings nor click.
``lkjip_xl.validate`` and ``lkjip_xl.consolidate`` are the functions; their
modules are reached with ``from lkjip_xl.validate import ...`` (or
:func:`importlib.import_module`).

The flow, one module per step:

- :mod:`lkjip_xl.model`       the Perjanjian Kinerja (PK) as data
- :mod:`lkjip_xl.methods`     one specification per calculation method (inputs, calc functions, texts)
- :mod:`lkjip_xl.master`      read and check the master PK workbook (:mod:`lkjip_xl.master_layout`: its
                              sheets and columns); :mod:`lkjip_xl.template` writes it and the blank template
- :mod:`lkjip_xl.layout`      the documented form layout contract (sheet, headers, stamp)
- :mod:`lkjip_xl.forms`       write the standard Divisi forms (:mod:`lkjip_xl.form_subrows`: sub-rate rows and
                              the sub-period rows of an IKK with a "Rincian", whose rules are
                              :mod:`lkjip_xl.breakdown`; :mod:`lkjip_xl.form_paper`: widths, colour legend,
                              page setup)
- :mod:`lkjip_xl.safety`      pre-flight checks on a raw file (size, zip, encryption, XML bombs);
                              :mod:`lkjip_xl.sheets` bounds every sheet (one scan: extent, hidden rows and
                              columns, formulas); :mod:`lkjip_xl.workbooks` the one way to open any input workbook
- :mod:`lkjip_xl.reader`      read returned forms back (python-calamine)
- :mod:`lkjip_xl.validate`    problems as records (:mod:`lkjip_xl.problems`), collected into a report
                              (:mod:`lkjip_xl.report`):
                              :mod:`lkjip_xl.inputs` (paths and folders → files), :mod:`lkjip_xl.checks`
                              (one form: cells → inputs and problems; :mod:`lkjip_xl.row_inputs` reads one
                              row's cells), :mod:`lkjip_xl.crosscheck` (the
                              forms against each other and the master)
- :mod:`lkjip_xl.feedback`    marked copies of forms with problems, to send back to the Divisi
- :mod:`lkjip_xl.calc`        one pure function per number, with its spreadsheet formula
- :mod:`lkjip_xl.consolidate` one Kanwil: the forms computed (:mod:`lkjip_xl.consolidation`) and written as
                              the consolidated workbook (:mod:`lkjip_xl.capaian_book`; its sheet "Sumber":
                              :mod:`lkjip_xl.sources_sheet`)
- :mod:`lkjip_xl.records`     its tidy records: the "Data" sheet, ``to_records()``, ``to_dataframe()``
- :mod:`lkjip_xl.periods`     the reporting calendar (triwulan, semester, bulanan) and the rules combining
                              periods; :mod:`lkjip_xl.rollup` combines the periods' raw inputs (with formula
                              twins) and gives period targets; :mod:`lkjip_xl.period_targets` reads the
                              master's sheet "Target Periode"; :mod:`lkjip_xl.to_date` the "s.d." values a
                              period form shows; :mod:`lkjip_xl.period_plan` which period forms count
                              (revisions, N); :mod:`lkjip_xl.period_consolidation` each period and the "s.d."
                              view; :mod:`lkjip_xl.period_book` its workbook, with the monitoring sheet of
                              :mod:`lkjip_xl.monitoring_book`
- :mod:`lkjip_xl.national`    many Kanwil: a workbook per Kanwil and a national summary, in parallel
                              on :mod:`lkjip_xl.pool` (a process pool that survives a dying worker);
                              :mod:`lkjip_xl.national_book` writes the national workbook
- :mod:`lkjip_xl.tables`      the numbered report tables of Chapter III: its inputs (previous years,
                              Renstra targets, supporting tables, the action plan), numbering, the per-IKK tables, the
                              workbook, and :mod:`lkjip_xl.tables.budget` (pagu/realisasi, SMART, IKPA)
- :mod:`lkjip_xl.chapter`     Bab III as a Word document: the tables workbook read back as shown, the facts
                              of each IKK, narrative drafts, charts, captions and lists as Word fields;
                              :mod:`lkjip_xl.office` converts it to PDF with LibreOffice
- :mod:`lkjip_xl.control`     the Excel control workbook (layout of sheet Kendali, settings, run, .xlsm
                              builder); :mod:`lkjip_xl.excel` keeps the entry points its buttons call
- :mod:`lkjip_xl.cli`         the ``lkjip-xl`` command line over all of the above, the only package importing
                              click: one JSON document per ``--json`` run, one table of exit codes

Shared helpers: :mod:`lkjip_xl.words` (the organisation's own words: instansi, unit kerja, pimpinan),
:mod:`lkjip_xl.free_text` (the free texts of an IKK row, Keterangan and the narrative texts: written,
read and carried by one rule),
:mod:`lkjip_xl.input_templates` (blank, documented workbooks for every input),
:mod:`lkjip_xl.numbers` (Indonesian number conventions), :mod:`lkjip_xl.units` (units
as a vocabulary with aliases: "persen" is "%"),
:mod:`lkjip_xl.messages` (every user-facing text: sentences ``msg(code)``, words such as sheet names and
column titles ``LABELS[code]``), :mod:`lkjip_xl.errors` (:class:`LkjipError`, the base
of every exception raised for a user, and its kinds), :mod:`lkjip_xl.guard` (the one guard of a run's
outputs against its inputs), :mod:`lkjip_xl.fileio` (atomic all-or-nothing writes, hashes),
:mod:`lkjip_xl.names` (file names), :mod:`lkjip_xl.kinds` (the kind mark of a toolkit workbook),
:mod:`lkjip_xl.xlsx` (workbook helpers: column letters and A1 references, the one print setup),
:mod:`lkjip_xl.styles` (the one style registry: every cell style and colour, by workbook family),
:mod:`lkjip_xl._values` (how every reader reads a blank cell, Ya/Tidak and a year),
:mod:`lkjip_xl.formula_check` (spreadsheet functions the toolkit may use).
"""

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

#: Version of the form layout contract written into every form's stamp (1.1: the narrative text columns;
#: 1.2: the sign-off block and the SK cells merged per SK; forms of 1.0 and 1.1 are read too,
#: docs/form_contract.md › Versioning).
TEMPLATE_VERSION = "1.2"

# The flow modules import the two constants above: they are defined first.
# consolidate and validate are bound after their modules are loaded, so the
# package attributes of those names are the functions, whatever is imported later.
from .errors import LkjipError  # noqa: E402
from .model import Indicator, Master  # noqa: E402
from .problems import Problem  # noqa: E402
from .report import Report  # noqa: E402
from .master import read_master  # noqa: E402
from .template import write_master  # noqa: E402
from .forms import write_forms  # noqa: E402
from .consolidate import ConsolidationResult, consolidate  # noqa: E402
from .validate import Validation, validate_files as validate  # noqa: E402

if TYPE_CHECKING:  # pragma: no cover - the lazy names, for type checkers
    from .chapter import make_chapter
    from .input_templates import write_input_template
    from .tables import make_tables

__all__ = [
    "ConsolidationResult", "Indicator", "LkjipError", "Master", "Problem", "Report", "Validation",
    "consolidate", "make_chapter", "make_tables", "read_master", "validate", "write_forms", "write_input_template",
    "write_master",
]

#: Names imported on first use (name → module): the report tables pull in more than the core flow needs.
_LAZY = {"make_tables": "tables", "make_chapter": "chapter", "write_input_template": "input_templates"}


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        import importlib

        value = getattr(importlib.import_module(f".{_LAZY[name]}", __name__), name)
        globals()[name] = value
        return value
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))
