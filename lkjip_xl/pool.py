"""Work on every core, and a worker that dies costs one item, never the run.

The national consolidation reads and checks thousands of forms and writes a
workbook per Kanwil; both spread over a process pool.  A worker process can
die — a reader aborting on a hostile file, the system killing it for memory —
and a plain :class:`~concurrent.futures.ProcessPoolExecutor` is then broken:
every unfinished task fails.  This module keeps the work going:

- :func:`pool` gives a :class:`Workers` pool (or ``None`` for one worker:
  callers then run serially), replaced by a fresh one when it breaks;
- :func:`map_guarded` is ``map`` in the pool, in order, where each item whose
  worker dies (twice: once in the pool, once alone) yields ``on_crash(item)``;
- :class:`SharedQueue` runs jobs in the pool while the calling process is busy
  with other work, then lets the caller take what is still queued, so that every
  core stays busy to the end; a job whose worker dies is run again alone and,
  when it dies again, returned to the caller;
- :class:`Packed` carries objects between processes as one pickled blob, unpickled
  where the receiver chooses (with the collector paused);
- :func:`collector_spared` keeps long-lived objects out of the garbage
  collector's way while millions of short-lived ones are made (:func:`spare_arrived`
  those that arrive during the block), and :func:`collector_paused` keeps the
  collector out of one workbook's write.

Everything it runs must be a module-level function of picklable arguments.
"""

from __future__ import annotations

import gc
import os
import pickle
import threading
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor, as_completed
from concurrent.futures.process import BrokenProcessPool
from contextlib import contextmanager
from functools import partial
from typing import Generic, TypeVar

T = TypeVar("T")
R = TypeVar("R")


def cpus() -> int:
    """The processors this process may run on."""
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


class Workers:
    """A process pool that outlives the death of a worker: a broken pool is replaced by a new one."""

    def __init__(self, workers: int):
        self.workers = workers
        self.executor = ProcessPoolExecutor(workers, initializer=_worker_started)

    def submit(self, fn: Callable[..., R], *args: object) -> Future[R]:
        return self.executor.submit(fn, *args)

    def map(self, fn: Callable[[T], R], items: list[T], chunksize: int) -> Iterator[R]:
        return self.executor.map(fn, items, chunksize=chunksize)

    def restart(self) -> None:
        self.executor.shutdown(wait=True, cancel_futures=True)
        self.executor = ProcessPoolExecutor(self.workers, initializer=_worker_started)

    @staticmethod
    def alone(fn: Callable[[T], R], item: T) -> R:
        """``fn(item)`` in a process of its own; :class:`BrokenProcessPool` when that process dies."""
        with ProcessPoolExecutor(1, initializer=_worker_started) as solo:
            return solo.submit(fn, item).result()

    def shutdown(self) -> None:
        self.executor.shutdown(wait=True, cancel_futures=True)


def _worker_started() -> None:
    """A worker collects garbage whatever its parent was doing when it was forked (receiving forms with
    the collector paused: :func:`collector_paused`)."""
    gc.enable()


@contextmanager
def pool(workers: int) -> Iterator[Workers | None]:
    """A :class:`Workers` pool of ``workers`` processes, shut down on leaving; ``None`` for one worker."""
    if workers <= 1:
        yield None
        return
    workers_pool = Workers(workers)
    try:
        yield workers_pool
    finally:
        workers_pool.shutdown()


#: The most items one chunk of :func:`map_guarded` holds, and the chunks a worker gets of what is left.
MAX_CHUNK, CHUNKS_PER_WORKER = 32, 4


def chunks(items: list[T], workers: int) -> list[list[T]]:
    """``items`` in order, in chunks for ``workers`` processes that shrink toward the end.

    Each holds what is left divided by :data:`CHUNKS_PER_WORKER` × ``workers``, at most :data:`MAX_CHUNK`
    and at least one item: large while much is left (few round trips), single items at the end, so that no
    process is still busy with a long chunk while the others have nothing left to do.
    """
    found: list[list[T]] = []
    start = 0
    while start < len(items):
        size = max(1, min(MAX_CHUNK, (len(items) - start) // (CHUNKS_PER_WORKER * workers)))
        found.append(items[start:start + size])
        start += size
    return found


def _map_chunk(task: Callable[[T], R], chunk: list[T]) -> list[R]:
    """``task`` of each item of one chunk, in a worker."""
    return [task(item) for item in chunk]


def map_guarded(workers_pool: Workers, task: Callable[[T], R], items: list[T],
                on_crash: Callable[[T], R]) -> Iterator[R]:
    """``map(task, items)`` in the pool, in order; an item whose worker dies gives ``on_crash(item)``.

    The fast path maps in chunks (:func:`chunks`).  When the pool breaks, the items not yet
    returned are run one task each (:func:`_one_by_one`), so that only the items
    that really kill a worker are lost.
    """
    done = 0
    try:
        for outcomes in workers_pool.map(partial(_map_chunk, task), chunks(items, workers_pool.workers), 1):
            for outcome in outcomes:
                yield outcome
                done += 1
        return
    except BrokenProcessPool:
        workers_pool.restart()
    yield from _one_by_one(workers_pool, task, items[done:], on_crash)


def _one_by_one(workers_pool: Workers, task: Callable[[T], R], items: list[T],
                on_crash: Callable[[T], R]) -> Iterator[R]:
    """``task`` of each item in order, one item per task; a suspect item is run again alone.

    When the pool breaks, the items from the first unfinished one on are
    suspects as far as a worker may have been running one of them (each worker
    and the pool's call queue hold at most ``2 × workers + 1``); each suspect is
    run alone — ``on_crash(item)`` when that process dies too — then the pool
    goes on with the rest.  Every round finishes at least one item, so it ends.
    """
    start = 0
    while start < len(items):
        futures: list[Future[R]] = []
        for item in items[start:]:
            try:
                futures.append(workers_pool.submit(task, item))
            except BrokenProcessPool:  # it broke while the tasks were handed out
                break
        for n, future in enumerate(futures):
            try:
                outcome = future.result()
            except BrokenProcessPool:
                offset = n
                break
            yield outcome
        else:
            offset = len(futures)  # every task handed out returned; the rest were never handed out
        if offset == len(items) - start:
            return
        workers_pool.restart()
        suspects = items[start + offset:start + offset + 2 * workers_pool.workers + 1]
        for item in suspects:
            try:
                yield Workers.alone(task, item)
            except BrokenProcessPool:
                yield on_crash(item)
        start += offset + len(suspects)


class SharedQueue(Generic[T, R]):
    """Jobs for the pool and for the calling process, from one queue.

    On entering, ``in_pool`` jobs start in the pool (one process fewer than the
    cores leaves one for the caller's own work); each finished job starts the
    next.  :meth:`finish` then lets the caller take the jobs still queued and
    waits for the pool's.  Leaving the ``with`` block drops the queued jobs.
    """

    def __init__(self, run: Callable[[T], R], jobs: Iterable[T], workers_pool: Workers | None, in_pool: int):
        self.run = run
        self.queue: deque[T] = deque(jobs)
        self.pool = workers_pool
        self.lock = threading.Lock()
        self.futures: list[Future[R]] = []
        self.job_of: dict[Future[R], T] = {}
        for _ in range(in_pool if workers_pool else 0):
            self._submit()

    def __enter__(self) -> SharedQueue[T, R]:
        return self

    def __exit__(self, *_exc: object) -> None:
        with self.lock:
            self.queue.clear()

    def _submit(self, _finished: Future[R] | None = None) -> None:
        with self.lock:
            if not self.queue or self.pool is None:
                return
            job = self.queue.popleft()
            try:
                future = self.pool.submit(self.run, job)
            except (BrokenProcessPool, RuntimeError):  # a worker died: the caller takes the queue
                self.queue.appendleft(job)
                return
            self.futures.append(future)
            self.job_of[future] = job
        future.add_done_callback(self._submit)

    def _take(self) -> T | None:
        with self.lock:
            return self.queue.popleft() if self.queue else None

    def finish(self, done: Callable[[R], None], here: Callable[[T], R] | None = None) -> list[T]:
        """Run the queued jobs here and wait for the pool's, calling ``done`` with each result.

        ``here`` runs a job the caller takes (default: the queue's own function), for a
        caller that already holds what a worker would work out again.  A job whose
        worker died is run again in a process of its own; the jobs whose process died
        again are returned, not done.
        """
        run_here = here or self.run
        reported: set[Future[R]] = set()
        crashed: list[T] = []

        def report(futures: Iterable[Future[R]]) -> None:
            for future in futures:
                if future in reported:
                    continue
                reported.add(future)
                try:
                    done(future.result())
                except BrokenProcessPool:
                    job = self.job_of[future]
                    try:
                        done(Workers.alone(self.run, job))
                    except BrokenProcessPool:
                        crashed.append(job)

        while (job := self._take()) is not None:
            report([f for f in list(self.futures) if f.done()])
            done(run_here(job))
        with self.lock:
            futures = list(self.futures)
        report(as_completed(futures))
        return crashed


class Packed(Generic[T]):
    """An object pickled once where it was made, crossing between processes as bytes.

    Unpickled by the process pool's own loop, an object of ~100,000 parts (a Kanwil's checked forms) is
    walked by a collection every few hundred parts made; waiting in a worker for the rest of its chunk, a
    checked form is walked by the worker's collections.  As bytes it is neither: :meth:`unpacked` makes
    the object again where the receiver chooses, with the collector paused (:func:`collector_paused`).
    """

    __slots__ = ("data",)

    def __init__(self, data: bytes):
        self.data = data

    @classmethod
    def of(cls, value: T) -> Packed[T]:
        return cls(pickle.dumps(value, pickle.HIGHEST_PROTOCOL))

    def unpacked(self) -> T:
        return pickle.loads(self.data)

    def __reduce__(self):
        return Packed, (self.data,)


@contextmanager
def collector_spared() -> Iterator[None]:
    """Keep the objects alive now out of Python's garbage collector during the block.

    Objects that live through a long write (the checked forms) are otherwise
    scanned again by every full collection that the millions of short-lived
    cells of a workbook trigger (about 8 % of writing a Kanwil workbook, 25 %
    in the main process, which holds every form).  Garbage is collected first,
    so that none is kept; an enclosing block already spares everything (known
    by a count: :func:`gc.get_freeze_count` walks every frozen object, a tenth of
    a second for the forms of a national run).
    """
    global _sparing
    if _sparing:
        yield
        return
    gc.collect()
    gc.freeze()
    _sparing += 1
    try:
        yield
    finally:
        _sparing -= 1
        gc.unfreeze()


@contextmanager
def collector_paused() -> Iterator[None]:
    """No garbage collection during the block, then one of what the block made.

    For writing one workbook: its cells make millions of short-lived objects, which
    trigger a collection every few hundred, each walking what the block has made so far
    (about a tenth of writing a Kanwil workbook); likewise reading one form, or receiving
    the checked forms of a run, which live to its end.  What the block leaves in reference
    cycles is collected at its end, from the youngest generation, where all it made
    still is.  Inside a paused block (or with the collector off) it changes nothing.
    """
    if not gc.isenabled():
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        gc.enable()
        gc.collect(0)


def spare_arrived() -> None:
    """Within a :func:`collector_spared` block, spare what arrived since it began too (a no-op outside one).

    For a block that keeps adding objects that live to its end — the checked forms of a national run
    as the pool sends them back: each full collection would walk all of them again (at 5,000 forms,
    as much CPU as unpickling them).
    """
    if _sparing:
        gc.freeze()


#: How many :func:`collector_spared` blocks this process is in (a worker forked in one is in it too).
_sparing = 0
