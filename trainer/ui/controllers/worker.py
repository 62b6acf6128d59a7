"""One background thread for core work, with results delivered back on the GUI thread.

Everything that touches the store, loads scenarios or scores a reply runs here, one job at a
time and in order, so the SQLite connection (created on this thread) is only ever used by it
and the window never waits on the core. Like Anki's ``CollectionOp``: submit a function, get a
callback on the GUI thread with its result or error.
"""

from __future__ import annotations

import itertools
import logging
import queue
import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, QThread, Signal, Slot

logger = logging.getLogger(__name__)

OnDone = Callable[[Any], None]
OnError = Callable[[BaseException], None]


class _Runner(QObject):
    """Lives on the worker thread. Jobs and results travel in Python queues/dicts and only the
    integer token crosses the thread in a signal: PySide6 on Python 3.11 miscounts references
    of ``object`` arguments (``None`` above all) in queued connections."""

    done = Signal(int)

    def __init__(self) -> None:
        super().__init__()
        self.jobs: queue.SimpleQueue[tuple[int, Callable[[], Any]]] = queue.SimpleQueue()
        self.results: dict[int, tuple[Any, BaseException | None]] = {}
        self.lock = threading.Lock()

    @Slot()
    def run(self) -> None:
        token, fn = self.jobs.get()
        try:
            outcome: tuple[Any, BaseException | None] = (fn(), None)
        except BaseException as exc:  # noqa: BLE001 - handed to the GUI thread
            outcome = (None, exc)
        with self.lock:
            self.results[token] = outcome
        self.done.emit(token)


class CoreWorker(QObject):
    """Runs submitted functions on its own thread, in order; callbacks run on the GUI thread."""

    #: True while at least one job is queued or running.
    busy_changed = Signal(bool)
    #: An error no ``on_error`` handled (the app shows it in the status bar).
    failed = Signal(str)
    _submit = Signal()

    def __init__(self, parent: QObject | None = None, *, name: str = "core-worker") -> None:
        super().__init__(parent)
        self._thread = QThread()
        self._thread.setObjectName(name)
        self._runner = _Runner()
        self._runner.moveToThread(self._thread)
        self._submit.connect(self._runner.run)
        self._runner.done.connect(self._on_done)
        self._callbacks: dict[int, tuple[OnDone | None, OnError | None, str]] = {}
        self._quiet: set[int] = set()
        self._tokens = itertools.count(1)
        self._stopped = False
        app = QCoreApplication.instance()
        if app is not None:  # never leave the thread running when the app quits
            app.aboutToQuit.connect(self.stop)

    @property
    def stopped(self) -> bool:
        return self._stopped

    @property
    def pending(self) -> int:
        """Jobs queued or running."""
        return len(self._callbacks)

    def submit(
        self,
        fn: Callable[[], Any],
        on_done: OnDone | None = None,
        on_error: OnError | None = None,
        *,
        what: str = "",
        quiet: bool = False,
    ) -> int:
        """Run ``fn()`` on the worker thread; then ``on_done(result)`` or ``on_error(exc)`` here.

        ``quiet`` jobs (background warm-ups) do not turn the busy indicator on.
        """
        if self._stopped:
            raise RuntimeError("the worker has stopped")
        if not self._thread.isRunning():
            self._thread.start()  # started on first use, so it costs nothing before first paint
        token = next(self._tokens)
        was_busy = self._busy()
        self._callbacks[token] = (on_done, on_error, what)
        if quiet:
            self._quiet.add(token)
        if not was_busy and self._busy():
            self.busy_changed.emit(True)
        self._runner.jobs.put((token, fn))
        self._submit.emit()
        return token

    @Slot(int)
    def _on_done(self, token: int) -> None:
        with self._runner.lock:
            result, error = self._runner.results.pop(token, (None, None))
        if token not in self._callbacks:
            return
        # The token stays registered while its callback runs, so a job submitted from the
        # callback does not count as a new busy period (that left the busy count one too high).
        on_done, on_error, what = self._callbacks[token]
        try:
            if error is not None:
                if on_error is not None:
                    on_error(error)
                else:
                    logger.error("%s failed: %s", what or "background work", error, exc_info=error)
                    self.failed.emit(f"{what or 'Background work'} failed: {error}")
            elif on_done is not None:
                on_done(result)
        finally:
            was_busy = self._busy()
            self._callbacks.pop(token, None)
            self._quiet.discard(token)
            if was_busy and not self._busy():
                self.busy_changed.emit(False)

    def _busy(self) -> bool:
        """True while a job that is not ``quiet`` is queued or running."""
        return len(self._callbacks) > len(self._quiet)

    def stop(self, final: Callable[[], Any] | None = None, timeout_ms: int = 5000) -> None:
        """Finish queued jobs, run ``final`` (e.g. close the store) on the worker, then stop."""
        if self._stopped:
            return
        self._stopped = True
        thread = self._thread
        if not thread.isRunning():
            if final is not None:
                final()
            return

        def last() -> None:
            try:
                if final is not None:
                    final()
            finally:
                thread.quit()  # queued after every earlier job, so they all ran

        self._runner.jobs.put((0, last))
        self._submit.emit()
        if not thread.wait(timeout_ms):
            logger.warning("the core worker did not stop within %d ms", timeout_ms)
