"""What a command shows while it works, beside its results: progress on a terminal, ``--verbose`` lines.

Every command has ``-q/--quiet`` and ``-v/--verbose`` (:func:`lkjip_xl.cli.base.command`), as in pip or git:

- **Progress** is drawn on stderr only when stderr is a terminal, and never with ``--json`` or ``--quiet``:
  one line, rewritten in place about twice a second, erased when the work is done — the files read
  ("Membaca formulir: 12/60 formulir · 0:04 · sisa ±0:16", with the time gone and an estimate of the
  time left) or the stage of a longer command ("Menulis tabel… · 0:07").  Piped or redirected, nothing.
- **--verbose** adds lines on stderr, piped too: each file as it is read with its time ("[3/60] a.xlsx
  (0,2 detik)"), each stage with its time when it ends, and the whole run's time at the end.
- **--quiet** leaves out the warnings and the progress (:class:`lkjip_xl.cli.base.Run`); errors, the
  count line when there is an error, the files written and the headline stay, and the exit codes do not
  change.

The results of a command (problems, the files written, the headline) are printed by
:class:`~lkjip_xl.cli.base.Run` once the work before them is done (:meth:`Display.results`: the stage ends,
the progress line is erased).
"""

from __future__ import annotations

import shutil
import sys
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from typing import IO

import click

from ..messages import LABELS, msg
from ..numbers import format_number

#: Fewest files for which the count is drawn: fewer are read before a line would be seen.
MIN_FILES = 4
#: Seconds between two drawings of the progress line (its clock moves between files too).
TICK_SECONDS = 0.5


def clock(seconds: float) -> str:
    """``seconds`` as a clock: ``0:04``, ``12:30``, ``1:02:03``."""
    whole = max(0, int(round(seconds)))
    hours, rest = divmod(whole, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"


def seconds_text(seconds: float) -> str:
    """``seconds`` for a ``--verbose`` line: "0,04 detik", "1,2 detik", "75 detik"."""
    return msg("progress_seconds", seconds=format_number(seconds, 2 if seconds < 1 else 1 if seconds < 60 else 0))


class Display:
    """The progress line and the ``--verbose`` lines of one command, on ``stream`` (stderr)."""

    def __init__(self, as_json: bool = False, quiet: bool = False, verbose: bool = False,
                 stream: IO[str] | None = None):
        self.stream = stream if stream is not None else sys.stderr
        isatty = getattr(self.stream, "isatty", None)
        #: whether a progress line is drawn at all: a terminal, and neither --json nor --quiet
        self.live = not as_json and not quiet and bool(isatty and isatty())
        self.verbose = verbose
        self.started = time.monotonic()
        self._lock = threading.RLock()
        self._shown = 0  #: characters of the progress line on the screen
        self._line: tuple[str, float] | None = None  #: what the progress line says, and since when
        self._counter: Counter | None = None
        self._stage: tuple[str, float] | None = None
        self._ticker: threading.Thread | None = None
        self._stop = threading.Event()

    # ------------------------------------------------------------------ what a command calls

    def files(self, label: str, total: int, unit: str = LABELS["progress_unit_forms"]) -> Counter:
        """A counter of ``total`` files (``unit``: "formulir", "buku kerja"), called with each path done."""
        self.end_stage()
        self._counter = Counter(self, label, total, unit)
        if self.live and total >= MIN_FILES:
            self._start_ticker()
            self.draw()
        return self._counter

    def stage(self, label: str) -> None:
        """The command has reached stage ``label`` ("Menulis tabel"); the one before it has ended."""
        self.end_stage()
        self._stage = (label, time.monotonic())
        if self.live:
            self._start_ticker()
            self.draw()

    def end_stage(self) -> None:
        """End the current stage or counter: ``--verbose`` says the stage's time; the line is erased."""
        with self._lock:
            if self._stage is not None and self.verbose:
                label, since = self._stage
                self.say(msg("progress_stage_done", stage=label, time=seconds_text(time.monotonic() - since)))
            self._stage = None
            self._counter = None
            self.erase()

    def finish(self) -> None:
        """The command is done: the progress line is erased; ``--verbose`` says how long the run took."""
        self.end_stage()
        self._stop.set()
        if self.verbose:
            self.say(msg("progress_finished", time=seconds_text(time.monotonic() - self.started)))

    def say(self, text: str) -> None:
        """A ``--verbose`` line (nothing without it), printed above the progress line."""
        if self.verbose:
            with self.paused():
                click.echo(text, file=self.stream)

    @contextmanager
    def results(self) -> Iterator[None]:
        """Print a result (a problem, a file written): the work before it is done, its stage ended."""
        self.end_stage()
        with self.paused():
            yield

    @contextmanager
    def paused(self) -> Iterator[None]:
        """Print something else: the progress line is erased first and drawn again after."""
        with self._lock:
            self.erase()
            try:
                yield
            finally:
                self.draw()

    # ------------------------------------------------------------------ the line

    def text(self) -> str:
        """What the progress line says now ("" for none)."""
        now = time.monotonic()
        counter = self._counter
        if counter is not None and counter.total >= MIN_FILES:
            elapsed = now - counter.started
            left = ""
            if 0 < counter.done < counter.total:
                left = msg("progress_left", time=clock(elapsed / counter.done * (counter.total - counter.done)))
            return msg("progress_files", label=counter.label, done=counter.done, total=counter.total,
                       unit=counter.unit, elapsed=clock(elapsed), left=left)
        if self._stage is not None:
            label, since = self._stage
            return msg("progress_stage", stage=label, elapsed=clock(now - since))
        return ""

    def draw(self) -> None:
        if not self.live:
            return
        with self._lock:
            text = self.text()[:shutil.get_terminal_size().columns - 1]  # a wrapped line cannot be erased
            if not text and not self._shown:
                return
            pad = " " * max(0, self._shown - len(text))  # what is left of a longer line before
            self.stream.write("\r" + text + (pad + "\r" + text if pad else ""))
            self.stream.flush()
            self._shown = len(text)

    def erase(self) -> None:
        if not self.live:
            return
        with self._lock:
            if self._shown:
                self.stream.write("\r" + " " * self._shown + "\r")
                self.stream.flush()
                self._shown = 0

    def _start_ticker(self) -> None:
        if self._ticker is None:
            self._ticker = threading.Thread(target=self._tick, name="lkjip-progress", daemon=True)
            self._ticker.start()

    def _tick(self) -> None:
        while not self._stop.wait(TICK_SECONDS):
            self.draw()


class Counter:
    """Files done of a :meth:`Display.files` count: called with each path, closed when done."""

    def __init__(self, display: Display, label: str, total: int, unit: str):
        self.display = display
        self.label = label
        self.total = total
        self.unit = unit
        self.done = 0
        self.started = self.last = time.monotonic()

    def __call__(self, path: str) -> None:
        now = time.monotonic()
        self.done += 1
        self.display.say(msg("progress_file", done=self.done, total=self.total, path=path,
                             time=seconds_text(now - self.last)))
        self.last = now
        self.display.draw()

    def close(self) -> None:
        if self.display._counter is self:
            self.display.end_stage()
