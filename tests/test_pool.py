"""lkjip_xl.pool: every item is done once, in order, on real worker processes that really die."""

from __future__ import annotations

import os

import pytest

import pool_tasks
from lkjip_xl.pool import (
    CHUNKS_PER_WORKER, MAX_CHUNK, SharedQueue, Workers, chunks, collector_spared, cpus, map_guarded, pool,
)


def test_one_worker_is_no_pool():
    with pool(1) as workers_pool:
        assert workers_pool is None
    assert cpus() >= 1


def test_map_keeps_order_without_crashes():
    items = [str(n) for n in range(200)]
    with pool(2) as workers_pool:
        assert list(map_guarded(workers_pool, pool_tasks.square_or_die, items, pool_tasks.crashed)) == [
            str(n * n) for n in range(200)]


@pytest.mark.parametrize("count, workers", [(0, 2), (1, 2), (16, 2), (200, 2), (1000, 2), (5000, 8)])
def test_chunks_keep_every_item_in_order_and_shrink_to_single_items(count, workers):
    items = list(range(count))
    found = chunks(items, workers)
    assert [item for chunk in found for item in chunk] == items
    sizes = [len(chunk) for chunk in found]
    assert all(1 <= size <= MAX_CHUNK for size in sizes)
    assert sizes == sorted(sizes, reverse=True)  # the longest first, the shortest at the end
    if count >= 100:
        assert sizes[0] == min(MAX_CHUNK, count // (CHUNKS_PER_WORKER * workers))
        assert sizes[-workers:] == [1] * workers


@pytest.mark.parametrize("deaths", [[0], [57], [199], [3, 4], [10, 90, 150], list(range(0, 200, 40))])
def test_an_item_that_kills_its_worker_costs_that_item_only(deaths):
    items = [f"{n}!" if n in deaths else str(n) for n in range(200)]
    with pool(2) as workers_pool:
        outcomes = list(map_guarded(workers_pool, pool_tasks.square_or_die, items, pool_tasks.crashed))
    assert outcomes == [f"mati:{n}!" if n in deaths else str(n * n) for n in range(200)]


def test_shared_queue_does_every_job_once_here_and_in_the_pool():
    jobs = [f"j{n}" for n in range(30)]
    done: list[str] = []
    with pool(2) as workers_pool, SharedQueue(pool_tasks.job, jobs, workers_pool, 1) as queue:
        crashed = queue.finish(done.append)
    assert crashed == []
    assert sorted(done) == sorted(j.upper() for j in jobs)


def test_shared_queue_runs_the_jobs_the_caller_takes_its_own_way():
    """The caller may hold what a worker would work out again: the jobs it takes run through ``here``; the pool's
    jobs through the queue's function; every job once either way."""
    jobs = [f"j{n}" for n in range(30)]
    done: list[str] = []
    here_pid = os.getpid()

    def here(job: str) -> str:
        assert os.getpid() == here_pid
        return "here:" + job

    with pool(2) as workers_pool, SharedQueue(pool_tasks.job, jobs, workers_pool, 1) as queue:
        assert queue.finish(done.append, here) == []
    taken_here = sorted(d[len("here:"):] for d in done if d.startswith("here:"))
    in_pool = sorted(d.lower() for d in done if not d.startswith("here:"))
    assert taken_here and sorted(taken_here + in_pool) == sorted(jobs)
    with SharedQueue(pool_tasks.job, jobs, None, 1) as queue:  # no pool: every job is the caller's
        done.clear()
        assert queue.finish(done.append, here) == []
    assert done == ["here:" + j for j in jobs]


def test_shared_queue_returns_a_job_whose_process_dies_twice():
    jobs = ["a", "b!", "c", "d", "e!", "f"]
    done: list[str] = []
    with pool(2) as workers_pool, SharedQueue(pool_tasks.job, jobs, workers_pool, 6) as queue:
        crashed = queue.finish(done.append)
    assert sorted(crashed) == ["b!", "e!"]
    assert sorted(done) == ["A", "C", "D", "F"]


def test_a_worker_collects_garbage_whatever_its_parent_was_doing_when_it_forked():
    """The main process receives forms with the collector paused: a worker forked meanwhile collects its own."""
    from lkjip_xl.pool import collector_paused

    with collector_paused(), pool(2) as workers_pool:
        assert list(workers_pool.map(pool_tasks.collecting, [1, 2, 3, 4], 1)) == [True] * 4
        assert Workers.alone(pool_tasks.collecting, 5)


def test_a_process_alone_reports_its_death():
    from concurrent.futures.process import BrokenProcessPool

    assert Workers.alone(pool_tasks.square_or_die, "7") == "49"
    with pytest.raises(BrokenProcessPool):
        Workers.alone(pool_tasks.square_or_die, "7!")


def test_collector_spared_nests_and_unfreezes():
    import gc

    with collector_spared():
        frozen = gc.get_freeze_count()
        with collector_spared():
            assert gc.get_freeze_count() == frozen
    assert gc.get_freeze_count() == 0
    assert os.getpid() > 0
