"""One background thread for core work, with results delivered back on the GUI thread.

Everything that touches the store, loads scenarios or scores a reply runs here, one job at a
time and in order, so the SQLite connection (created on this thread) is only ever used by it
and the window never waits on the core. Like Anki's ``CollectionOp``: submit a function, get a
callback on the GUI thread with its result or error.
"""

from __future__ import annotations

import itertools
import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QThread, Signal, Slot

logger = logging.getLogger(__name__)

OnDone = Callable[[Any], None]
OnError = Callable[[BaseException], None]


class _Runner(QObject):
    done = Signal(int, object, object)

    @Slot(object)
    def run(self, job: tuple[int, Callable[[], Any]]) -> None:
        token, fn = job
        try:
            result = fn()
        except BaseException as exc:  # noqa: BLE001 - handed to the GUI thread
            self.done.emit(token, None, exc)
        else:
            self.done.emit(token, result, None)


class CoreWorker(QObject):
    """Runs submitted functions on its own thread, in order; callbacks run on the GUI thread."""

    #: True while at least one job is queued or running.
    busy_changed = Signal(bool)
    #: An error no ``on_error`` handled (the app shows it in the status bar).
    failed = Signal(str)
    _submit = Signal(object)

    def __init__(self, parent: QObject | None = None, *, name: str = "core-worker") -> None:
        super().__init__(parent)
        self._thread = QThread()
        self._thread.setObjectName(name)
        self._runner = _Runner()
        self._runner.moveToThread(self._thread)
        self._submit.connect(self._runner.run)
        self._runner.done.connect(self._on_done)
        self._callbacks: dict[int, tuple[OnDone | None, OnError | None, str]] = {}
        self._tokens = itertools.count(1)
        self._stopped = False
        self._thread.start()

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
    ) -> int:
        """Run ``fn()`` on the worker thread; then ``on_done(result)`` or ``on_error(exc)`` here."""
        if self._stopped:
            raise RuntimeError("the worker has stopped")
        token = next(self._tokens)
        was_idle = not self._callbacks
        self._callbacks[token] = (on_done, on_error, what)
        if was_idle:
            self.busy_changed.emit(True)
        self._submit.emit((token, fn))
        return token

    @Slot(int, object, object)
    def _on_done(self, token: int, result: Any, error: BaseException | None) -> None:
        if token not in self._callbacks:
            return
        on_done, on_error, what = self._callbacks.pop(token)
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
            if not self._callbacks:
                self.busy_changed.emit(False)

    def stop(self, final: Callable[[], Any] | None = None, timeout_ms: int = 5000) -> None:
        """Finish queued jobs, run ``final`` (e.g. close the store) on the worker, then stop."""
        if self._stopped:
            return
        self._stopped = True
        thread = self._thread

        def last() -> None:
            try:
                if final is not None:
                    final()
            finally:
                thread.quit()  # queued after every earlier job, so they all ran

        self._submit.emit((0, last))
        if not thread.wait(timeout_ms):
            logger.warning("the core worker did not stop within %d ms", timeout_ms)
