"""Shared pytest setup: make the test helpers in this directory importable."""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import os

from hypothesis import settings

# Property tests explore new random inputs on every local run; in CI they are
# derandomized so that a landing is reproducible (a failure there reruns the same way).
settings.register_profile("ci", derandomize=True, print_blob=True)
if os.environ.get("CI") == "true":
    settings.load_profile("ci")
