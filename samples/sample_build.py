"""The command line every sample build script shares: ``python samples/build_<x>.py [--force]``."""

from __future__ import annotations

import argparse
from collections.abc import Callable, Iterable
from pathlib import Path


def main(build: Callable[..., Iterable[Path | str]], doc: str | None) -> None:
    """Parse ``--force``, run ``build(force=...)`` and print every file it wrote."""
    parser = argparse.ArgumentParser(description=(doc or "").splitlines()[0] if doc else None)
    parser.add_argument("--force", action="store_true", help="overwrite existing sample files")
    for path in build(force=parser.parse_args().force):
        print(path)
