"""Benchmark the national consolidation against the I/O floor, like for like, and an openpyxl baseline.

    python benchmarks/consolidate.py --forms 1000 [--repeat 3] [--workdir DIR] [--skip-openpyxl]

Generates N filled forms (synthetic.py, through the public API, cached in
``--workdir`` or a temporary folder), then measures in the same run, each
repetition in fresh processes, one after the other, wall and CPU seconds (CPU:
the process and every child it waited for, pool workers included) of:

- ``consolidate``: :func:`lkjip_xl.national.consolidate_national` end to end
  (read, validate, compute, write), with the peak RSS of its process tree
  (pool workers included; RSS summed, so pages shared with the parent count twice);
- ``floor_par``: the I/O floor spread over the same number of processes as the
  consolidation (floor.py): reading every cell of every sheet of the forms with
  python-calamine, writing the non-empty cells of the consolidated output (values,
  formulas with their cached results) with XlsxWriter, no formats, no logic;
- ``floor``: the same floor in one process;
- ``floor_stock_par``: ``floor_par`` with XlsxWriter's own cell writer instead of the toolkit's
  (:mod:`lkjip_xl.xlsx_rows`, which the consolidation and ``floor_par`` use): the floor as it was
  before the toolkit wrote its cells' XML itself;
- ``openpyxl``: the same consolidation written with openpyxl (openpyxl_baseline.py), one process;
- ``tables`` and ``laporan``: :func:`lkjip_xl.tables.make_tables` and
  :func:`lkjip_xl.chapter.make_chapter` on the sample Kanwil (samples/, every input given),
  so that a slowdown there is seen too.

Prints every repetition, then min and median; ratios use the minimum of each
(noise on a shared machine only ever adds time).  The last line is for programs:

    forms=1000 consolidate_s=… floor_par_s=… ratio_floor_par=…x cpu_ratio=…x floor_s=… openpyxl_s=…
    speedup_openpyxl=…x peak_rss_mb=…

(one line): ``ratio_floor_par`` is consolidate_s / floor_par_s, ``cpu_ratio`` the
consolidation's CPU seconds over the parallel floor's, ``speedup_openpyxl``
openpyxl_s / consolidate_s (wall: openpyxl uses one core), ``peak_rss_mb`` the
largest of the repetitions.  A line above it gives each repetition's consolidation over
the parallel floor run right after it (``paired_ratio_floor_par``, ``paired_cpu_ratio``):
where they differ, the machine's speed moved within the run.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import pickle
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
SAMPLES = ROOT / "samples"
#: Every input of the tables and of Bab III on the sample Kanwil, as the README gives them.
SAMPLE_INPUTS = dict(master=SAMPLES / "master_pk_2023.xlsx", previous=[SAMPLES / "capaian_2022.xlsx"],
                     renstra=SAMPLES / "renstra_2020_2024.xlsx", anggaran=SAMPLES / "anggaran_2023.xlsx",
                     supporting=SAMPLES / "tabel_pendukung_2023.xlsx",
                     rencana_aksi=SAMPLES / "rencana_aksi_2023.xlsx")
KINDS = ("consolidate", "floor_par", "floor_stock_par", "floor", "openpyxl", "tables", "laporan")


# --------------------------------------------------------------------------- child processes


def _cpu_seconds() -> float:
    """CPU time of this process and of its children that ended (the pool workers)."""
    return sum(resource.getrusage(who).ru_utime + resource.getrusage(who).ru_stime
               for who in (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN))


def _self_peak_mb() -> float:
    unit = 1 if sys.platform == "darwin" else 1024  # ru_maxrss: bytes on macOS, KiB elsewhere
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * unit / 1e6


def _child(kind: str, args: list[str]) -> None:
    """Run one measured operation in this (fresh) process; print its seconds as JSON."""
    sys.path.insert(0, str(HERE))
    import floor

    result: dict = {}
    if kind == "cells":
        with open(args[1], "wb") as handle:
            pickle.dump(floor.output_cells(Path(args[0])), handle, protocol=pickle.HIGHEST_PROTOCOL)
        print(json.dumps({}))
        return
    if kind in ("floor", "floor_par", "floor_stock_par"):
        files = json.loads(Path(args[0]).read_text())
        with open(args[1], "rb") as handle:
            books = pickle.load(handle)
        out, workers = Path(args[2]), int(args[3])
    start, cpu = time.perf_counter(), _cpu_seconds()
    if kind == "consolidate":
        from lkjip_xl.national import consolidate_national

        out_dir, workers_text, folders = args[0], args[1], args[2:]
        outcome = consolidate_national(folders, out_dir, force=True, workers=int(workers_text) or None)
        if outcome.output is None:
            raise SystemExit(outcome.report.to_text())
        result = {"headline": outcome.summary.headline}
    elif kind == "floor":
        result = floor.serial(files, books, out)
    elif kind in ("floor_par", "floor_stock_par"):
        result = floor.parallel(files, books, out, workers, stock=kind == "floor_stock_par")
    elif kind == "openpyxl":
        from openpyxl_baseline import consolidate

        result = {"headline": consolidate([Path(f) for f in json.loads(Path(args[1]).read_text())], Path(args[0]))}
    elif kind in ("tables", "laporan"):
        source, out_file = args[0], args[1]
        if kind == "tables":
            from lkjip_xl.tables import make_tables

            make_tables(source, out=out_file, force=True, **SAMPLE_INPUTS)
        else:
            from lkjip_xl.chapter import make_chapter

            make_chapter(source, out=out_file, force=True, **SAMPLE_INPUTS)
    result.update(seconds=time.perf_counter() - start, cpu=_cpu_seconds() - cpu, self_rss_mb=_self_peak_mb())
    print(json.dumps(result))


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
    from lkjip_xl import forms, free_text, layout, xlsx_validations

    folder = workdir / f"forms_{n}"
    marker = folder / ".complete"
    sources = b"".join(Path(module.__file__).read_bytes()
                       for module in (synthetic, forms, free_text, layout, xlsx_validations))
    version = hashlib.sha256(sources).hexdigest()
    if not (marker.exists() and marker.read_text() == version):
        shutil.rmtree(folder, ignore_errors=True)
        start = time.perf_counter()
        synthetic.generate(n, folder)
        marker.write_text(version)
        print(f"generated {n} forms in {time.perf_counter() - start:.1f} s under {folder}", file=sys.stderr)
    return [synthetic.kanwil_folder(folder, k) for k in sorted({k for k, _ in synthetic.layout(n)})]


def prepare_sample(workdir: Path) -> Path:
    """The sample Kanwil consolidated (with its master): the source of ``tables`` and ``laporan``."""
    from lkjip_xl.consolidate import consolidate

    out = workdir / "sample_konsolidasi_2023.xlsx"
    result = consolidate([SAMPLES / "formulir"], out, SAMPLE_INPUTS["master"], force=True)
    if result.output is None:
        raise SystemExit(result.report.to_text())
    return out


def workers_for(n: int) -> int:
    """The processes the consolidation of ``n`` forms uses (:mod:`lkjip_xl.national`)."""
    from lkjip_xl.national import MIN_PARALLEL_FORMS
    from lkjip_xl.pool import cpus

    return 1 if n < MIN_PARALLEL_FORMS else cpus()


# --------------------------------------------------------------------------- main


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--forms", type=int, default=100, help="number of forms (100, 1000, 5000, ...)")
    parser.add_argument("--repeat", type=int, default=3, help="repetitions of each measurement")
    parser.add_argument("--workdir", type=Path, help="keep generated forms and outputs here (default: a temp folder)")
    parser.add_argument("--skip-openpyxl", action="store_true", help="leave the openpyxl baseline out")
    parser.add_argument("--child", nargs=argparse.REMAINDER, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        _child(args.child[0], args.child[1:])
        return
    workdir = args.workdir or Path(tempfile.mkdtemp(prefix="lkjip_bench_"))
    workdir.mkdir(parents=True, exist_ok=True)
    try:
        measure(args.forms, args.repeat, workdir, args.skip_openpyxl)
    finally:
        if args.workdir is None:
            shutil.rmtree(workdir, ignore_errors=True)


def measure(n: int, repeat: int, workdir: Path, skip_openpyxl: bool = False) -> None:
    folders = prepare_forms(n, workdir)
    files = sorted(str(p) for folder in folders for p in folder.glob("*.xlsx"))
    file_list = workdir / f"files_{n}.json"
    file_list.write_text(json.dumps(files))
    sample = prepare_sample(workdir)
    workers = workers_for(n)
    out = {kind: workdir / f"out_{kind}_{n}" for kind in KINDS}
    for folder in out.values():
        shutil.rmtree(folder, ignore_errors=True)
        folder.mkdir()
    cells = workdir / f"cells_{n}.pickle"
    cells.unlink(missing_ok=True)
    kinds = [kind for kind in KINDS if not (skip_openpyxl and kind == "openpyxl")]
    seconds: dict[str, list[float]] = {kind: [] for kind in kinds}
    cpu: dict[str, list[float]] = {kind: [] for kind in kinds}
    rss: list[float] = []
    print(f"{n} forms, {len(folders)} Kanwil, {os.cpu_count()} cores, {workers} processes; Python "
          f"{sys.version.split()[0]}")
    for rep in range(1, repeat + 1):
        for kind in kinds:
            if kind == "consolidate":
                result = run(kind, str(out[kind]), str(workers), *map(str, folders))
                rss.append(result["peak_rss_mb"])
                detail = f"peak RSS {result['peak_rss_mb']:6.1f} MB  {result['headline']}"
                if not cells.exists():  # in a child too, so that this process stays small
                    run("cells", str(out[kind]), str(cells))
            elif kind in ("floor", "floor_par", "floor_stock_par"):
                result = run(kind, str(file_list), str(cells), str(out[kind]), str(workers))
                detail = (f"calamine read {result['read']:.2f} s, XlsxWriter write "
                          f"{result['seconds'] - result['read']:.2f} s")
            elif kind == "openpyxl":
                result = run(kind, str(out[kind]), str(file_list))
                detail = result["headline"]
            else:
                suffix = ".xlsx" if kind == "tables" else ".docx"
                result = run(kind, str(sample), str(out[kind] / f"{kind}{suffix}"))
                detail = "sample Kanwil (60 IKK), every input"
            seconds[kind].append(result["seconds"])
            cpu[kind].append(result["cpu"])
            print(f"[{rep}] {kind:<15} {result['seconds']:7.2f} s  CPU {result['cpu']:7.2f} s  {detail}", flush=True)
    for kind in kinds:
        print(f"{kind:<15} wall min {min(seconds[kind]):7.2f} s  median {statistics.median(seconds[kind]):7.2f} s"
              f"   CPU min {min(cpu[kind]):7.2f} s  median {statistics.median(cpu[kind]):7.2f} s")
    best = {kind: min(values) for kind, values in seconds.items()}
    best_cpu = {kind: min(values) for kind, values in cpu.items()}
    openpyxl = best.get("openpyxl")
    openpyxl_cpu = f"openpyxl_cpu_s={best_cpu['openpyxl']:.2f} " if openpyxl else ""
    print(f"cores={os.cpu_count()} workers={workers} consolidate_cpu_s={best_cpu['consolidate']:.2f} "
          f"floor_par_cpu_s={best_cpu['floor_par']:.2f} floor_cpu_s={best_cpu['floor']:.2f} {openpyxl_cpu}"
          f"ratio_floor={best['consolidate'] / best['floor']:.2f}x")
    print(f"floor_stock_par_s={best['floor_stock_par']:.2f} floor_stock_par_cpu_s={best_cpu['floor_stock_par']:.2f} "
          f"ratio_floor_stock_par={best['consolidate'] / best['floor_stock_par']:.2f}x "
          f"cpu_ratio_stock={best_cpu['consolidate'] / best_cpu['floor_stock_par']:.2f}x")
    # each repetition's consolidation against the floor run right after it: how far the machine's speed moved
    paired = ",".join(f"{c / f:.2f}x" for c, f in zip(seconds["consolidate"], seconds["floor_par"]))
    paired_cpu = ",".join(f"{c / f:.2f}x" for c, f in zip(cpu["consolidate"], cpu["floor_par"]))
    print(f"paired_ratio_floor_par={paired} paired_cpu_ratio={paired_cpu}")
    print(f"tables_s={best['tables']:.2f} tables_cpu_s={best_cpu['tables']:.2f} laporan_s={best['laporan']:.2f} "
          f"laporan_cpu_s={best_cpu['laporan']:.2f}")
    print(f"forms={n} consolidate_s={best['consolidate']:.2f} floor_par_s={best['floor_par']:.2f} "
          f"ratio_floor_par={best['consolidate'] / best['floor_par']:.2f}x "
          f"cpu_ratio={best_cpu['consolidate'] / best_cpu['floor_par']:.2f}x floor_s={best['floor']:.2f} "
          + (f"openpyxl_s={openpyxl:.2f} speedup_openpyxl={openpyxl / best['consolidate']:.2f}x "
             if openpyxl else "openpyxl_s=- speedup_openpyxl=- ")
          + f"peak_rss_mb={max(rss):.0f}")


if __name__ == "__main__":
    main()
