"""Module-level tasks for tests/test_pool.py (a process pool runs only importable functions).

An item ending in ``!`` kills the process running it (``os._exit``), as a reader
aborting on a hostile file does; any other item is returned squared or upper-cased.
"""

from __future__ import annotations

import os


def square_or_die(item: str) -> str:
    if item.endswith("!"):
        os._exit(134)
    return str(int(item) ** 2)


def crashed(item: str) -> str:
    return f"mati:{item}"


def job(item: str) -> str:
    if item.endswith("!"):
        os._exit(134)
    return item.upper()


def collecting(_item: int) -> bool:
    """Whether the garbage collector runs in the worker."""
    import gc

    return gc.isenabled()
