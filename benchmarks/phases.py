"""Where the consolidation's CPU goes, phase by phase, against the floor doing the same phase.

    python benchmarks/phases.py --forms 100 [--repeat 3] [--workdir DIR] [--top 25]

Runs, in this one process and serially (CPU seconds do not depend on the cores), the phases of
``consolidate --out-dir`` on the forms ``consolidate.py`` generates, and the floor's equivalent
of each (floor.py): reading and checking the forms (floor: calamine reading every cell),
the national workbook and the Kanwil workbooks (floor: XlsxWriter writing the same cells, no
formats, no logic).  Prints the minimum of the repetitions, the ratio per phase, then a cProfile
of one consolidation grouped by where the time is spent: this toolkit's own code, XlsxWriter,
and the rest (C built-ins: regular expressions, zlib, calamine), with the top functions.
The parallel run adds what crosses between processes (a form is pickled once, and again for the
Kanwil a pool worker writes).  With ``--split`` it also runs one parallel consolidation and says
where its wall time goes: reading and checking (the pool's workers; the main process receives),
then writing (the main process computes, writes the national workbook and then Kanwil workbooks,
while one worker writes Kanwil workbooks), with the main process's CPU seconds and its children's.
"""

from __future__ import annotations

import argparse
import cProfile
import pstats
import resource
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import floor  # noqa: E402
from consolidate import prepare_forms  # noqa: E402
from steps import compacted  # noqa: E402

from lkjip_xl.capaian_book import write_consolidated  # noqa: E402
from lkjip_xl.consolidation import accepted_forms, compute  # noqa: E402
from lkjip_xl.national import _by_kanwil, consolidate_national  # noqa: E402
from lkjip_xl.national_book import KanwilPart, write_national  # noqa: E402
from lkjip_xl.pool import collector_spared  # noqa: E402
from lkjip_xl.validate import validate_files  # noqa: E402

NATIONAL = "Nasional.xlsx"


def consolidation(folders: list[Path], out: Path) -> dict[str, float]:
    """CPU seconds of each phase of a national consolidation, serially (the pool's work, one process)."""
    seconds: dict[str, float] = {}
    start = time.process_time()
    validation = validate_files(folders, None, None, compacted, multi_kanwil=True)
    groups = _by_kanwil(accepted_forms(validation, False)[0])
    seconds["read + check"] = time.process_time() - start
    with collector_spared():
        start = time.process_time()
        datas = [compute(group, None) for group in groups]
        parts = [KanwilPart(group, data, f"k{n}.xlsx") for n, (group, data) in enumerate(zip(groups, datas))]
        write_national(parts, out / NATIONAL, True)
        seconds["national workbook"] = time.process_time() - start
        start = time.process_time()
        for n, data in enumerate(datas):
            write_consolidated(data, out / f"k{n}.xlsx", True, sources=False)
        seconds["Kanwil workbooks"] = time.process_time() - start
    return seconds


def the_floor(files: list[str], books: list[floor.Book], out: Path) -> dict[str, float]:
    """CPU seconds of the floor's equivalent of each phase."""
    seconds: dict[str, float] = {}
    with collector_spared():
        start = time.process_time()
        for path in files:
            floor.read_all(path)
        seconds["read + check"] = time.process_time() - start
        start = time.process_time()
        for book in books:
            if book[0] == NATIONAL:
                floor.write_book(book, out)
        seconds["national workbook"] = time.process_time() - start
        start = time.process_time()
        for book in books:
            if book[0] != NATIONAL:
                floor.write_book(book, out)
        seconds["Kanwil workbooks"] = time.process_time() - start
    return seconds


def split(folders: list[Path], out: Path, forms: int) -> None:
    """One parallel consolidation: the wall seconds of reading and of writing, the CPU of each process kind."""
    def cpu(who: int) -> float:
        usage = resource.getrusage(who)
        return usage.ru_utime + usage.ru_stime

    marks: list[tuple[float, float]] = []
    read = [0]

    def progress(_path: str) -> None:
        read[0] += 1
        if read[0] == forms:
            marks.append((time.perf_counter(), cpu(resource.RUSAGE_SELF)))

    start, main_start = time.perf_counter(), cpu(resource.RUSAGE_SELF)
    consolidate_national(folders, out, force=True, progress=progress)
    wall, main_cpu, children = time.perf_counter() - start, cpu(resource.RUSAGE_SELF) - main_start, cpu(
        resource.RUSAGE_CHILDREN)
    read_wall, read_main = (marks[0][0] - start, marks[0][1] - main_start) if marks else (0.0, 0.0)
    print(f"\nparallel run: {wall:.1f} s wall, main process {main_cpu:.1f} s CPU, pool workers {children:.1f} s CPU")
    print(f"  read + check  {read_wall:6.1f} s wall, main process {read_main:5.1f} s CPU (it receives)")
    print(f"  writing       {wall - read_wall:6.1f} s wall, main process {main_cpu - read_main:5.1f} s CPU "
          "(one worker writes Kanwil workbooks meanwhile)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--forms", type=int, default=100)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--workdir", type=Path)
    parser.add_argument("--top", type=int, default=25, help="functions listed from the profile")
    parser.add_argument("--split", action="store_true", help="also time one parallel run, reading against writing")
    args = parser.parse_args()
    workdir = args.workdir or Path(tempfile.mkdtemp(prefix="lkjip_profile_"))
    folders = prepare_forms(args.forms, workdir)
    files = sorted(str(p) for folder in folders for p in folder.glob("*.xlsx"))
    out, floor_out = Path(tempfile.mkdtemp()), Path(tempfile.mkdtemp())
    consolidation(folders, out)
    books = floor.output_cells(out)
    ours: dict[str, float] = {}
    floors: dict[str, float] = {}
    for _ in range(args.repeat):
        for phase, seconds in consolidation(folders, out).items():
            ours[phase] = min(ours.get(phase, float("inf")), seconds)
        for phase, seconds in the_floor(files, books, floor_out).items():
            floors[phase] = min(floors.get(phase, float("inf")), seconds)
    print(f"{args.forms} forms, CPU seconds (serial, minimum of {args.repeat})")
    print(f"{'phase':<20} {'consolidate':>11} {'floor':>8} {'ratio':>6}")
    for phase in ours:
        print(f"{phase:<20} {ours[phase]:11.2f} {floors[phase]:8.2f} {ours[phase] / floors[phase]:5.2f}x")
    total, total_floor = sum(ours.values()), sum(floors.values())
    print(f"{'total':<20} {total:11.2f} {total_floor:8.2f} {total / total_floor:5.2f}x")
    profiler = cProfile.Profile()
    profiler.runcall(consolidation, folders, out)
    stats = pstats.Stats(profiler)
    own = {key: value[2] for key, value in stats.stats.items()}  # type: ignore[attr-defined]
    everything = sum(own.values())
    toolkit = sum(t for key, t in own.items() if "lkjip_xl" in key[0])
    xlsxwriter = sum(t for key, t in own.items() if "xlsxwriter" in key[0])
    print(f"\nprofiled (cProfile inflates Python calls): lkjip_xl {toolkit / everything:.0%}, "
          f"XlsxWriter {xlsxwriter / everything:.0%}, rest {(everything - toolkit - xlsxwriter) / everything:.0%}")
    for seconds, key in sorted(((t, key) for key, t in own.items()), reverse=True)[:args.top]:
        where = "/".join(Path(key[0]).parts[-2:])
        print(f"{seconds / everything:6.1%}  {where}:{key[1]} {key[2]}")
    if args.split:
        split(folders, Path(tempfile.mkdtemp()), len(files))


if __name__ == "__main__":
    main()
