"""One step of the consolidation repeated, to be counted in instructions rather than timed.

    valgrind --tool=callgrind --callgrind-out-file=/dev/null python benchmarks/steps.py read FORMS_DIR 0
    valgrind --tool=callgrind --callgrind-out-file=/dev/null python benchmarks/steps.py read FORMS_DIR 2

The wall clock of a shared machine varies by several percent from run to run, more than a step of
one to five percent that a change to reading or writing makes.  The instructions a process executes
do not: run each command twice and the totals agree to a few parts in a million, whatever else the
machine is doing.  This script does the setup, then the step ``repeat`` times; the difference of
the totals of ``repeat`` 2 and 0 is the step twice, without the imports and the setup.

- ``read``: read, check, pack and unpack (as a pool worker and the main process do) the first
  ``--forms`` forms (default 20) found under ``FORMS_DIR`` (``consolidate.py --workdir`` keeps them).
- ``floor``: read the same forms as ``read`` with calamine alone, every cell of every sheet (the
  floor's reading, ``floor.read_all``): ``read`` minus ``floor`` is the toolkit's own work a form.
- ``kanwil``: write the Kanwil workbook of the first Kanwil folder under ``FORMS_DIR`` (the forms read
  and computed in the setup).
- ``national``: write the national workbook of the first ``--kanwil`` Kanwil folders (default 4).

Compare two checkouts by running the same commands with ``PYTHONPATH`` set to each.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

from lkjip_xl.capaian_book import write_consolidated
from lkjip_xl.checks import CheckedForm
from lkjip_xl.consolidation import accepted_forms, compute
from lkjip_xl.national import _by_kanwil
from lkjip_xl.national_book import KanwilPart, write_national
from lkjip_xl.row_inputs import sources_dropped
from lkjip_xl.validate import _compact_check, check_path, compact, validate_files

sys.path.insert(0, str(Path(__file__).resolve().parent))
from floor import read_all  # noqa: E402  (beside this script)


def compacted(check, files):
    """The ``mapper`` of ``validate_files`` that reads in this process and gives each checked form back
    :func:`~lkjip_xl.validate.compact`, as the pool sends them back (read as a pool worker reads them:
    without their inputs' source cells, :func:`~lkjip_xl.row_inputs.sources_dropped`)."""
    for path in files:
        with sources_dropped():
            outcome = check(path)
        yield compact(outcome) if isinstance(outcome, CheckedForm) else outcome


def _forms_of(folders: list[Path]):
    validation = validate_files(folders, None, None, compacted, multi_kanwil=True)
    return _by_kanwil(accepted_forms(validation, False)[0])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("step", choices=("read", "floor", "kanwil", "national"))
    parser.add_argument("forms_dir", type=Path, help="a folder of Kanwil folders of forms")
    parser.add_argument("repeat", type=int, help="how many times the step runs after the setup")
    parser.add_argument("--forms", type=int, default=20, help="forms read by the read step")
    parser.add_argument("--kanwil", type=int, default=4, help="Kanwil in the national workbook")
    args = parser.parse_args()
    folders = sorted(path for path in args.forms_dir.iterdir() if path.is_dir())
    if not folders:
        sys.exit(f"no Kanwil folders under {args.forms_dir}")
    with tempfile.TemporaryDirectory(prefix="lkjip_steps_") as tmp:
        _run(args, folders, Path(tmp))


def _run(args: argparse.Namespace, folders: list[Path], out: Path) -> None:
    if args.step in ("read", "floor"):
        files = sorted(str(path) for path in args.forms_dir.glob("*/*.xlsx"))[:args.forms]
        read = read_all if args.step == "floor" else lambda path: _compact_check(check_path, path).unpacked()
        for _ in range(args.repeat):
            for path in files:
                read(path)
    elif args.step == "kanwil":
        data = compute(_forms_of(folders[:1])[0], None)
        for _ in range(args.repeat):
            write_consolidated(data, out / "kanwil.xlsx", True, sources=False)
    else:
        groups = _forms_of(folders[:args.kanwil])
        parts = [KanwilPart(group, compute(group, None), f"k{n}.xlsx") for n, group in enumerate(groups)]
        for _ in range(args.repeat):
            write_national(parts, out / "national.xlsx", True)


if __name__ == "__main__":
    main()
