"""lkjip-xl: spreadsheet toolkit for the LKjIP performance report of a Kanwil.

The flow, one module per step:

- :mod:`lkjip_xl.model`       the Perjanjian Kinerja (PK) as data
- :mod:`lkjip_xl.master`      read and write the master PK workbook
- :mod:`lkjip_xl.layout`      the documented form layout contract (sheet, headers, stamp)
- :mod:`lkjip_xl.forms`       write the standard Divisi forms
- :mod:`lkjip_xl.reader`      read returned forms back (python-calamine)
- :mod:`lkjip_xl.validate`    problems as records, collected into a report
- :mod:`lkjip_xl.calc`        one pure function per number, with its spreadsheet formula
- :mod:`lkjip_xl.consolidate` the consolidated workbook
"""

__version__ = "0.1.0"

#: Version of the form layout contract written into every form's stamp.
TEMPLATE_VERSION = "1.0"
