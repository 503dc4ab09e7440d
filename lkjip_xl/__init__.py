"""lkjip-xl: spreadsheet toolkit for the LKjIP performance report of a Kanwil.

The flow, one module per step:

- :mod:`lkjip_xl.model`       the Perjanjian Kinerja (PK) as data
- :mod:`lkjip_xl.master`      read and write the master PK workbook
- :mod:`lkjip_xl.layout`      the documented form layout contract (sheet, headers, stamp)
- :mod:`lkjip_xl.forms`       write the standard Divisi forms
- :mod:`lkjip_xl.safety`      pre-flight checks on a raw file (size, zip, encryption, XML bombs, every
                              sheet's extent) and the one way to open any input workbook
- :mod:`lkjip_xl.reader`      read returned forms back (python-calamine)
- :mod:`lkjip_xl.validate`    problems as records (:mod:`lkjip_xl.report`), collected into a report
- :mod:`lkjip_xl.feedback`    marked copies of forms with problems, to send back to the Divisi
- :mod:`lkjip_xl.calc`        one pure function per number, with its spreadsheet formula
- :mod:`lkjip_xl.consolidate` the consolidated workbook of one Kanwil
- :mod:`lkjip_xl.national`    many Kanwil: a workbook per Kanwil and a national summary, in parallel
- :mod:`lkjip_xl.history`     previous years, Renstra targets and supporting tables as inputs
- :mod:`lkjip_xl.tables`      the numbered report tables of Chapter III
- :mod:`lkjip_xl.budget`      the budget tables (pagu/realisasi, SMART, IKPA)
- :mod:`lkjip_xl.button`, :mod:`lkjip_xl.excel`  the Excel control workbook and its xlwings entry points
- :mod:`lkjip_xl.cli`         the ``lkjip-xl`` command line over all of the above

Shared helpers: :mod:`lkjip_xl.numbers` (Indonesian number conventions),
:mod:`lkjip_xl.messages` (every user-facing text), :mod:`lkjip_xl.fileio`
(the one guard of a run's outputs against its inputs, atomic all-or-nothing writes, file names), :mod:`lkjip_xl.xlsx` (workbook helpers),
:mod:`lkjip_xl.formula_check` (spreadsheet functions the toolkit may use),
:mod:`lkjip_xl.roman` (table numbers and Roman numerals).
"""

__version__ = "0.1.0"

#: Version of the form layout contract written into every form's stamp.
TEMPLATE_VERSION = "1.0"
