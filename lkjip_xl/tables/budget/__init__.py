"""The budget tables of Chapter III (Tabel 3.178–3.180) and the capaian kinerja anggaran.

- :mod:`~lkjip_xl.tables.budget.model`  the data and every number as a pure function with its formula twin
- :mod:`~lkjip_xl.tables.budget.read`   the budget input workbook (docs/budget.md)
- :mod:`~lkjip_xl.tables.budget.write`  the budget sheets

The public names are exported by :mod:`lkjip_xl.tables`.
"""
