"""Benchmark the national consolidation against the raw I/O floor and an openpyxl baseline.

    python benchmarks/consolidate.py --forms 1000 [--repeat 3] [--workdir DIR]

Generates N filled forms (synthetic.py, through the public API, cached in
``--workdir`` or a temporary folder), then measures in the same run, each
repetition in fresh processes, one after the other:

- ``consolidate``: :func:`lkjip_xl.national.consolidate_national` end to end
  (read, validate, compute, write), with the peak RSS of its process tree
  (pool workers included; RSS summed, so pages shared with the parent count twice);
- ``floor``: reading every cell of every sheet of the forms with python-calamine
  and nothing else, plus writing the cells of the consolidated output (values,
  and formulas with their cached results) with XlsxWriter in ``constant_memory``
  mode, no formats, no logic — one process, like the issue defines it;
- ``openpyxl``: the same consolidation written with openpyxl (openpyxl_baseline.py).

Prints every repetition, then min and median; ratios use the minimum of each
(noise on a shared machine only ever adds time).  The last line is for programs:

    forms=1000 consolidate_s=… floor_s=… ratio_floor=…x openpyxl_s=… speedup_openpyxl=…x peak_rss_mb=…
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import pickle
import re
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import zipfile
from pathlib import Path
from xml.sax.saxutils import unescape

HERE = Path(__file__).resolve().parent


# --------------------------------------------------------------------------- child processes


def _child(kind: str, args: list[str]) -> None:
    """Run one measured operation in this (fresh) process; print its seconds as JSON."""
    if kind == "consolidate":
        from lkjip_xl.national import consolidate_national

        out, folders = args[0], args[1:]
        start, cpu = time.perf_counter(), _cpu_seconds()
        result = consolidate_national(folders, out, force=True)
        seconds = time.perf_counter() - start
        if result.output is None:
            raise SystemExit(result.report.to_text())
        print(json.dumps({"seconds": seconds, "cpu": _cpu_seconds() - cpu, "headline": result.summary.headline,
                          "self_rss_mb": _self_peak_mb()}))
    elif kind == "floor":
        from python_calamine import CalamineWorkbook

        from lkjip_xl.capaian_book import FormulaWorksheet
        from lkjip_xl.xlsx import new_workbook

        files = json.loads(Path(args[0]).read_text())
        with open(args[1], "rb") as handle:
            books = pickle.load(handle)
        out = Path(args[2])
        start = time.perf_counter()
        for path in files:
            workbook = CalamineWorkbook.from_path(path)
            for name in workbook.sheet_names:
                workbook.get_sheet_by_name(name).to_python(skip_empty_area=False)
        read = time.perf_counter() - start
        for name, sheets in books:
            workbook = new_workbook(str(out / name), constant_memory=True)
            for sheet_name, cells in sheets:
                sheet = workbook.add_worksheet(sheet_name, worksheet_class=FormulaWorksheet)
                for row, col, value, formula in cells:
                    if formula is not None:
                        sheet.write_formula(row, col, formula, None, value)
                    elif isinstance(value, str):
                        sheet.write_string(row, col, value)
                    else:
                        sheet.write_number(row, col, value)
            workbook.close()
        print(json.dumps({"seconds": time.perf_counter() - start, "read": read}))
    elif kind == "cells":
        with open(args[1], "wb") as handle:
            pickle.dump(output_cells(Path(args[0])), handle, protocol=pickle.HIGHEST_PROTOCOL)
        print(json.dumps({}))
    elif kind == "openpyxl":
        sys.path.insert(0, str(HERE))
        from openpyxl_baseline import consolidate

        out, files = Path(args[0]), json.loads(Path(args[1]).read_text())
        start = time.perf_counter()
        headline = consolidate([Path(f) for f in files], out)
        print(json.dumps({"seconds": time.perf_counter() - start, "headline": headline}))


def _self_peak_mb() -> float:
    unit = 1 if sys.platform == "darwin" else 1024  # ru_maxrss: bytes on macOS, KiB elsewhere
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * unit / 1e6


def _cpu_seconds() -> float:
    """CPU time of this process and its finished children (the pool workers)."""
    return sum(resource.getrusage(who).ru_utime + resource.getrusage(who).ru_stime
               for who in (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN))


def _tree_rss(pid: int) -> int:
    """Bytes of RSS of ``pid`` and all its descendants (Linux /proc; 0 elsewhere)."""
    total, stack = 0, [pid]
    while stack:
        current = stack.pop()
        try:
            with open(f"/proc/{current}/status") as handle:
                total += next((int(line.split()[1]) * 1024 for line in handle if line.startswith("VmRSS:")), 0)
            for task in os.listdir(f"/proc/{current}/task"):
                with open(f"/proc/{current}/task/{task}/children") as handle:
                    stack += [int(child) for child in handle.read().split()]
        except OSError:
            continue
    return total


def run(kind: str, *args: str) -> dict:
    """Run a child measurement; add its peak tree RSS (sampled every 5 ms) in MB."""
    process = subprocess.Popen([sys.executable, str(Path(__file__).resolve()), "--child", kind, *args],
                               stdout=subprocess.PIPE, text=True)
    peak = 0
    done = threading.Event()

    def sample() -> None:
        nonlocal peak
        while not done.is_set():
            peak = max(peak, _tree_rss(process.pid))
            time.sleep(0.005)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    stdout, _ = process.communicate()
    done.set()
    sampler.join()
    if process.returncode != 0:
        raise SystemExit(f"{kind} failed with exit code {process.returncode}")
    result = json.loads(stdout.strip().splitlines()[-1])
    result["peak_rss_mb"] = max(peak / 1e6, result.get("self_rss_mb", 0.0))
    return result


# --------------------------------------------------------------------------- preparation


def prepare_forms(n: int, workdir: Path) -> list[Path]:
    """The Kanwil folders of ``n`` generated forms, generated again when the generator or the form code changed."""
    sys.path.insert(0, str(HERE))
    import synthetic
    from lkjip_xl import forms, layout

    folder = workdir / f"forms_{n}"
    marker = folder / ".complete"
    sources = b"".join(Path(module.__file__).read_bytes() for module in (synthetic, forms, layout))
    version = hashlib.sha256(sources).hexdigest()
    if not (marker.exists() and marker.read_text() == version):
        shutil.rmtree(folder, ignore_errors=True)
        start = time.perf_counter()
        synthetic.generate(n, folder)
        marker.write_text(version)
        print(f"generated {n} forms in {time.perf_counter() - start:.1f} s under {folder}", file=sys.stderr)
    return [synthetic.kanwil_folder(folder, k) for k in sorted({k for k, _ in synthetic.layout(n)})]


_FORMULA = re.compile(rb'<c r="([A-Z]+)([0-9]+)"[^>]*><f>([^<]*)</f>')


def output_cells(out_dir: Path) -> list[tuple[str, list]]:
    """Every non-empty cell of the consolidated workbooks: (row, col, value, formula or None) per sheet.

    Values (and the cached results of formulas) come from python-calamine,
    formula texts from the sheet XML (XlsxWriter names it ``sheet<n>.xml``).
    """
    from python_calamine import CalamineWorkbook
    from xlsxwriter.utility import xl_cell_to_rowcol

    books = []
    for path in sorted(out_dir.glob("*.xlsx")):
        workbook = CalamineWorkbook.from_path(str(path))
        sheets = []
        with zipfile.ZipFile(path) as archive:
            for index, name in enumerate(workbook.sheet_names, start=1):
                xml = archive.read(f"xl/worksheets/sheet{index}.xml")
                formulas = {xl_cell_to_rowcol(m.group(1).decode() + m.group(2).decode()):
                            "=" + unescape(m.group(3).decode()) for m in _FORMULA.finditer(xml)}
                grid = workbook.get_sheet_by_name(name).to_python(skip_empty_area=False)
                cells = []
                for r, row in enumerate(grid):
                    for c, value in enumerate(row):
                        formula = formulas.get((r, c))
                        if formula is not None or value != "":
                            cells.append((r, c, value if not isinstance(value, bool) else int(value), formula))
                sheets.append((name, cells))
        books.append((path.name, sheets))
    return books


# --------------------------------------------------------------------------- main


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--forms", type=int, default=100, help="number of forms (10, 100, 1000, ...)")
    parser.add_argument("--repeat", type=int, default=3, help="repetitions of each measurement")
    parser.add_argument("--workdir", type=Path, help="keep generated forms and outputs here (default: a temp folder)")
    parser.add_argument("--child", nargs=argparse.REMAINDER, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        _child(args.child[0], args.child[1:])
        return
    workdir = args.workdir or Path(tempfile.mkdtemp(prefix="lkjip_bench_"))
    workdir.mkdir(parents=True, exist_ok=True)
    try:
        measure(args.forms, args.repeat, workdir)
    finally:
        if args.workdir is None:
            shutil.rmtree(workdir, ignore_errors=True)


def measure(n: int, repeat: int, workdir: Path) -> None:
    folders = prepare_forms(n, workdir)
    files = sorted(str(p) for folder in folders for p in folder.glob("*.xlsx"))
    file_list = workdir / f"files_{n}.json"
    file_list.write_text(json.dumps(files))
    out = {kind: workdir / f"out_{kind}_{n}" for kind in ("consolidate", "floor", "openpyxl")}
    for folder in out.values():
        shutil.rmtree(folder, ignore_errors=True)
        folder.mkdir()
    cells = workdir / f"cells_{n}.pickle"
    cells.unlink(missing_ok=True)
    times: dict[str, list[float]] = {"consolidate": [], "floor": [], "openpyxl": []}
    rss: list[float] = []
    for rep in range(1, repeat + 1):
        result = run("consolidate", str(out["consolidate"]), *map(str, folders))
        times["consolidate"].append(result["seconds"])
        rss.append(result["peak_rss_mb"])
        print(f"[{rep}] consolidate {result['seconds']:7.2f} s  (CPU {result['cpu']:.2f} s)  "
              f"peak RSS {result['peak_rss_mb']:6.1f} MB  {result['headline']}")
        if not cells.exists():  # in a child too, so that this process stays small
            run("cells", str(out["consolidate"]), str(cells))
        result = run("floor", str(file_list), str(cells), str(out["floor"]))
        times["floor"].append(result["seconds"])
        print(f"[{rep}] floor       {result['seconds']:7.2f} s  (calamine read {result['read']:.2f} s, "
              f"XlsxWriter write {result['seconds'] - result['read']:.2f} s)")
        result = run("openpyxl", str(out["openpyxl"]), str(file_list))
        times["openpyxl"].append(result["seconds"])
        print(f"[{rep}] openpyxl    {result['seconds']:7.2f} s  {result['headline']}")
    for kind, values in times.items():
        print(f"{kind:<12} min {min(values):7.2f} s  median {statistics.median(values):7.2f} s")
    best = {kind: min(values) for kind, values in times.items()}
    print(f"forms={n} consolidate_s={best['consolidate']:.2f} floor_s={best['floor']:.2f} "
          f"ratio_floor={best['consolidate'] / best['floor']:.2f}x openpyxl_s={best['openpyxl']:.2f} "
          f"speedup_openpyxl={best['openpyxl'] / best['consolidate']:.2f}x peak_rss_mb={max(rss):.0f}")


if __name__ == "__main__":
    main()
