"""National consolidation: the forms of many Kanwil into a folder of workbooks.

``lkjip-xl consolidate FOLDERS... --out-dir FOLDER`` writes:

- one workbook per Kanwil, ``Capaian_<tahun>_<Kanwil>.xlsx``, with the sheets
  "Capaian Kinerja" (Tabel 3.1), "Ringkasan" and "Data" of the single-Kanwil
  workbook (:mod:`lkjip_xl.capaian_book`): live formulas with their values, for
  the Kanwil to read and recalculate, and its IKK as a table with lineage;
- the national workbook ``Nasional_<tahun>.xlsx`` (:mod:`lkjip_xl.national_book`).

Both cores work where it pays (see benchmarks/README.md): a process pool reads
and checks the forms and sends them back without their raw cells; then the
pool writes the Kanwil workbooks while this process writes the national one.
The national sheets are streamed to disk (XlsxWriter ``constant_memory``) and
a Kanwil workbook holds one Kanwil, so memory grows only with the compact
checked forms.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable
from pathlib import Path

from .checks import CheckedForm
from .capaian_book import write_consolidated
from .consolidate import ConsolidationResult
from .consolidation import accepted_forms, compute
from .fileio import OutputSet
from .guard import guard_outputs
from .names import slug, unique_names
from .problems import ERROR, WARNING, Problem
from .report import Report
from .messages import msg, use_words
from .pool import Packed, SharedQueue, collector_paused, collector_spared, cpus, pool, spare_arrived
from .inputs import expand_paths
from .validate import MIN_PARALLEL_FORMS, pooled_reader, validate_files
from .words import DEFAULT_WORDS, unshared

from .national_book import KanwilPart, write_national


def consolidate_national(paths: Iterable[str | Path], out_dir: str | Path, force: bool = False,
                         skip_invalid: bool = False, progress: Callable[[str], None] | None = None,
                         workers: int | None = None,
                         writing: Callable[[int], Callable[[str], None]] | None = None,
                         guard: Callable[[Report, list[Path]], None] | None = None,
                         check: Callable[[str], object] | None = None) -> ConsolidationResult:
    """Validate the forms of many Kanwil; write a workbook per Kanwil and the national workbook into ``out_dir``.

    Forms with errors are refused as in :func:`lkjip_xl.consolidate.consolidate`.
    The result's ``output`` is the national workbook, ``outputs`` every workbook
    written, ``summary`` has one group per Kanwil and the national total.
    ``workers`` processes read the forms and write the Kanwil workbooks (default:
    one per CPU; a pool only for :data:`MIN_PARALLEL_FORMS` forms or more).
    ``progress`` is called with each form read; ``writing(n)`` is called before
    the n workbooks are written and returns the callback called with each path written.

    Before the first byte is written, ``guard(report, outputs)`` checks every
    output (default: :func:`lkjip_xl.guard.guard_outputs` against ``paths``;
    the command line adds the feedback copies and its other inputs).  All
    workbooks are written as temporaries and moved into place together: a
    failure leaves none of them.

    ``check`` reads and checks one file (default :func:`lkjip_xl.validate.check_path`;
    a module-level function, as it runs in the pool).  A file whose reading
    process dies is reported (``file_reader_crashed``) and the others are read;
    a Kanwil workbook whose writing process dies twice is reported
    (``kanwil_write_crashed``) and left out with its forms.
    """
    paths = list(paths)
    workers = 1 if len(expand_paths(paths)[0]) < MIN_PARALLEL_FORMS else workers or cpus()
    if guard is None:
        def guard(_report: Report, outputs: list[Path]) -> None:
            guard_outputs(outputs, paths, force, out_dirs=[out_dir])
    # The pool is left (its workers done) before the temporaries are moved or removed.
    # The checked forms and their results live to the end: the garbage collector leaves them alone
    # (collector_spared; the forms as they arrive from the pool, the rest once computed: spare_arrived).
    with OutputSet(force) as output_set, pool(workers) as workers_pool, collector_spared():
        validation = validate_files(paths, None, progress, pooled_reader(workers_pool, check), multi_kanwil=True)
        with use_words(validation.words):  # the run's problems in the words the Kanwil share
            validation.report.add(Problem("", "no_master", msg("no_master"), WARNING))  # only stamps vouch for targets
            validation.report.extend(_words_differ(validation.forms))
            accepted, refused = accepted_forms(validation, skip_invalid)
            if not accepted:
                return ConsolidationResult(None, validation.report, refused=refused)
            out_dir = Path(out_dir)
            groups = _by_kanwil(accepted)
            national = out_dir / msg("filename_national", year=groups[0][0].form.year)
            targets = [out_dir / name for name in _workbook_names(groups)]
            guard(validation.report, [national, *targets])  # refuse before anything is written
            national_tmp = output_set.temporary(national)
            jobs = [(_Crossing(forms), output_set.temporary(target), True) for forms, target in zip(groups, targets)]
            written = writing(len(jobs) + 1) if writing else (lambda _path: None)
            # on a pool, the largest Kanwil first: the last workbook written, while the other processes have none
            # left, is a small one (one process writes them in the order of the run)
            by_size = sorted(jobs, key=lambda job: -sum(len(checked.inputs) for checked in job[0])) if workers_pool \
                else jobs
            with SharedQueue(_write_kanwil, by_size, workers_pool, workers - 1) as kanwil_books:
                parts = [KanwilPart(forms, compute(forms, None), target.name)
                         for (forms, _, _), target in zip(jobs, targets)]
                spare_arrived()
                summary = write_national(parts, national_tmp, True)
                written(str(national))
                computed = {tmp: part.data for (_, tmp, _), part in zip(jobs, parts)}

                def write_here(job: tuple[list[CheckedForm], str, bool]) -> str:  # computed once in this process
                    write_consolidated(computed[job[1]], job[1], job[2], sources=False)
                    return job[1]

                crashed = kanwil_books.finish(written, write_here)
            for forms, tmp, _ in crashed:  # its writer died twice: reported, left out, the rest is written
                target = targets[next(n for n, job in enumerate(jobs) if job[1] == tmp)]
                output_set.pairs = [pair for pair in output_set.pairs if pair[0] != tmp]
                if os.path.exists(tmp):
                    os.unlink(tmp)
                targets.remove(target)
                files = [checked.form.path for checked in forms]
                validation.report.add(Problem(str(target), "kanwil_write_crashed", msg(
                    "kanwil_write_crashed", path=str(target), forms=", ".join(files)), ERROR))
                refused = [*refused, *files]
    results = [result for part in parts for result, _, _ in part.data.rows]
    datas = [part.data for part in parts]
    return ConsolidationResult(national, validation.report, summary, results, refused, [national, *targets], datas,
                               datas[0].period_label, all(data.is_year for data in datas))


def _words_differ(checked: list[CheckedForm]) -> list[Problem]:
    """The warning, once, that the forms' own words differ and the run falls back to the default words,
    naming the forms whose words it does not speak (:func:`lkjip_xl.words.unshared`); none when they share."""
    differ = unshared((result.form.path, result.form.words) for result in checked)
    if not differ:
        return []
    files = "; ".join(msg("national_words_file", name=path, office=words.office_short, unit=words.unit)
                      for path, words in differ)
    default = msg("national_words_file", name=DEFAULT_WORDS.office, office=DEFAULT_WORDS.office_short,
                  unit=DEFAULT_WORDS.unit)
    return [Problem("", "national_words_differ", msg("national_words_differ", default=default, files=files),
                    WARNING)]



def _by_kanwil(accepted: list[CheckedForm]) -> list[list[CheckedForm]]:
    """The accepted forms grouped by Kanwil, in order of first appearance."""
    groups: dict[str, list[CheckedForm]] = {}
    for checked in accepted:
        groups.setdefault(checked.form.kanwil, []).append(checked)
    return list(groups.values())


def _workbook_names(groups: list[list[CheckedForm]]) -> list[str]:
    """``Capaian_<tahun>_<Kanwil>.xlsx`` for each group, unique ignoring case.

    The Kanwil name goes through :func:`lkjip_xl.names.slug`; one with nothing
    readable left becomes ``Kanwil_<n>``, n its place in the run.  The national
    workbook's name (``Nasional_<tahun>.xlsx``) can never be one of them.
    """
    names = []
    for n, forms in enumerate(groups, start=1):
        form = forms[0].form
        name = slug(form.kanwil) or msg("filename_kanwil_fallback", n=n)
        names.append(msg("filename_kanwil", year=form.year, name=name))
    return unique_names(names)


class _Crossing(list):
    """A Kanwil's checked forms as they cross to a pool worker: one :class:`~lkjip_xl.pool.Packed` blob, which
    :func:`_write_kanwil` unpickles with the collector paused."""

    def __reduce__(self):
        return Packed.of(list(self)).__reduce__()


def _write_kanwil(job: tuple[Packed[list[CheckedForm]] | list[CheckedForm], str, bool]) -> str:
    """Compute and write one Kanwil's workbook (in a pool worker); return its path.  No collection runs while
    its forms are unpickled, computed and written; one of what is left after (they are gone by then)."""
    sent, out, force = job
    with collector_paused():
        _compute_and_write(sent, out, force)
    return out


def _compute_and_write(sent: Packed[list[CheckedForm]] | list[CheckedForm], out: str, force: bool) -> None:
    forms = sent.unpacked() if isinstance(sent, Packed) else sent
    write_consolidated(compute(forms, None), out, force, sources=False)
