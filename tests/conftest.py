"""Shared pytest setup: make the test helpers in this directory importable."""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import os

import pytest
from hypothesis import settings

from lkjip_xl.consolidate import consolidate
from sample_files import SAMPLES

# Property tests explore new random inputs on every local run; in CI they are
# derandomized so that a landing is reproducible (a failure there reruns the same way).
settings.register_profile("ci", derandomize=True, print_blob=True)
if os.environ.get("CI") == "true":
    settings.load_profile("ci")


@pytest.fixture(scope="session")
def konsolidasi(tmp_path_factory) -> Path:
    """The consolidated workbook of the sample forms (no master), written once for every test that reads it;
    read-only, so a test that would change it fails instead of changing it for the others."""
    out = tmp_path_factory.mktemp("konsolidasi") / "konsolidasi_2023.xlsx"
    assert consolidate([SAMPLES / "formulir"], out).output == out
    out.chmod(0o444)
    return out
