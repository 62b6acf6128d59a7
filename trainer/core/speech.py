"""Buyer voices: one worker thread owns the speech engine and renders each line to a WAV file.

The window plays the files itself, so playback can stop and replay, and the GUI thread never
waits on speech. Files land in a cache folder keyed by ``sha256(voice id, rate, volume, text)``,
so a line already heard (or prefetched) plays at once.

pyttsx3 (2.99, eSpeak on Linux) has quirks this module works around:

- the engine must be created and driven by one thread only (two threads hang it), so a single
  worker thread creates it and takes jobs from a queue;
- several ``save_to_file`` calls before one ``runAndWait`` write only the last file, so each
  line gets its own ``save_to_file`` + ``runAndWait``;
- ``say`` after ``save_to_file`` on the same engine overwrites the file, so ``say`` is never used;
- a freshly created engine drops its first line or two (no file, or a header without sound),
  so the worker renders a short throw-away line first, and a line that comes out empty is
  rendered again (up to :data:`RENDER_ATTEMPTS` times).

When the engine cannot start (pyttsx3 raises ``RuntimeError`` when eSpeak is missing, or the
import fails), :attr:`SpeechSynth.available` becomes False and every request fails with
:class:`SpeechUnavailable`; the app then runs silently.
"""

from __future__ import annotations

import contextlib
import hashlib
import io
import itertools
import json
import logging
import os
import queue
import threading
from collections.abc import Callable, Iterable, Sequence
from concurrent.futures import Future, InvalidStateError
from dataclasses import dataclass
from pathlib import Path
from typing import Any

logger = logging.getLogger(__name__)

#: Errors that mean "no speech engine on this machine".
ENGINE_INIT_ERRORS: tuple[type[BaseException], ...] = (RuntimeError, OSError, ImportError)
#: A WAV header alone is 44 bytes; anything this small holds no sound.
_MIN_WAV_BYTES = 45
#: Rendered (and thrown away) when the engine starts: a fresh eSpeak engine loses its first lines.
WARM_UP_TEXT = "Ready."
#: How many times one line is tried before giving up on it.
RENDER_ATTEMPTS = 3

EngineFactory = Callable[[], Any]
DoneCallback = Callable[[Path | None, BaseException | None], None]


class SpeechUnavailable(RuntimeError):
    """No speech engine could be started, or the synthesiser was closed."""


class SpeechError(RuntimeError):
    """The engine ran but produced no usable audio file for a line."""


@dataclass(frozen=True, slots=True)
class VoiceInfo:
    """An installed voice, as the settings page lists it."""

    id: str
    name: str
    languages: tuple[str, ...] = ()
    gender: str | None = None

    @property
    def is_english(self) -> bool:
        return any(lang.lower().startswith("en") for lang in self.languages) or (
            "/en" in self.id.lower() or self.id.lower().startswith("en")
        )


@dataclass(frozen=True, slots=True)
class VoiceHint:
    """What a scenario asks of a persona's voice (see the scenario model's ``Voice``)."""

    persona_id: str
    gender: str = "any"
    accent: str | None = None


def default_engine_factory() -> Any:
    """Create the pyttsx3 engine (called on the worker thread only)."""
    import pyttsx3

    return pyttsx3.init()


def cache_key(text: str, voice_id: str | None, rate: int, volume: float) -> str:
    """The cache file stem for one rendering of ``text``."""
    payload = json.dumps([voice_id or "", int(rate), round(float(volume), 3), text])
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


def _as_text(value: object) -> str:
    if isinstance(value, bytes):
        return value.decode("utf-8", "replace").lstrip("\x05").strip()
    return str(value)


def voice_info(raw: Any) -> VoiceInfo:
    """A :class:`VoiceInfo` from a pyttsx3 ``Voice`` object (or anything shaped like it)."""
    langs = getattr(raw, "languages", None) or []
    if isinstance(langs, str | bytes):
        langs = [langs]
    gender = getattr(raw, "gender", None)
    return VoiceInfo(
        id=str(raw.id),
        name=str(getattr(raw, "name", None) or raw.id),
        languages=tuple(_as_text(lang) for lang in langs),
        gender=str(gender).lower() if gender else None,
    )


def assign_voices(hints: Sequence[VoiceHint], voices: Sequence[VoiceInfo]) -> dict[str, str | None]:
    """Pick a distinct installed voice for each persona, following its hint.

    English voices are preferred; among them a voice whose language matches the accent hint
    and whose gender matches the gender hint wins. Voices are only reused once every candidate
    is taken. With no voices at all each persona gets None (the engine's default).
    """
    pool = [v for v in voices if v.is_english] or list(voices)
    chosen: dict[str, str | None] = {}
    taken: set[str] = set()
    for index, hint in enumerate(hints):
        if not pool:
            chosen[hint.persona_id] = None
            continue
        accent = (hint.accent or "").lower()

        def rank(voice: VoiceInfo, accent: str = accent, hint: VoiceHint = hint) -> tuple[int, ...]:
            langs = [lang.lower() for lang in voice.languages]
            accent_match = bool(accent) and any(
                lang == accent or lang.startswith(accent + "-") for lang in langs
            )
            gender_match = hint.gender != "any" and voice.gender == hint.gender
            return (voice.id in taken, not accent_match, not gender_match)

        ranked = sorted(pool, key=rank)
        best = ranked[0]
        if best.id in taken:  # everything is taken: spread reuse over the pool
            best = pool[index % len(pool)]
        chosen[hint.persona_id] = best.id
        taken.add(best.id)
    return chosen


@dataclass(slots=True)
class _Job:
    text: str
    voice_id: str | None
    rate: int
    volume: float
    path: Path
    future: Future[Path]


_STOP = object()


class SpeechSynth:
    """Renders lines to WAV files on one worker thread that owns the speech engine.

    ``synthesize`` returns a :class:`concurrent.futures.Future` resolving to the WAV path;
    ``request`` does the same and calls ``callback(path, error)`` when done — on the worker
    thread, or at once on the caller's thread when the line was already cached.
    Requests to play now go ahead of prefetches.
    """

    def __init__(
        self,
        cache_dir: Path,
        engine_factory: EngineFactory | None = None,
        *,
        volume: float = 1.0,
        warm_up: bool = True,
    ) -> None:
        self.cache_dir = Path(cache_dir)
        self._warm_up = warm_up
        self._factory = engine_factory or default_engine_factory
        self._volume = float(volume)
        self._queue: queue.PriorityQueue[tuple[int, int, object]] = queue.PriorityQueue()
        self._seq = itertools.count()
        self._pending: dict[Path, Future[Path]] = {}
        self._lock = threading.Lock()
        self._ready = threading.Event()
        self._available: bool | None = None
        self._closed = False
        self._voices: list[VoiceInfo] = []
        self._thread: threading.Thread | None = None

    # -- lifecycle -------------------------------------------------------------------------

    def start(self) -> None:
        """Start the worker thread (which creates the engine). Returns at once."""
        if self._thread is not None:
            return
        self._thread = threading.Thread(target=self._run, name="speech-worker", daemon=True)
        self._thread.start()

    def wait_ready(self, timeout: float | None = None) -> bool:
        """Block until the engine was tried (started or failed); True when that happened."""
        return self._ready.wait(timeout)

    @property
    def available(self) -> bool | None:
        """True once the engine runs, False when it cannot, None while it is still starting."""
        return self._available

    def close(self, timeout: float = 5.0) -> None:
        """Stop the worker; queued lines are cancelled. Safe to call twice."""
        with self._lock:
            if self._closed:
                return
            self._closed = True
        self._queue.put((-1, next(self._seq), _STOP))
        if self._thread is not None:
            self._thread.join(timeout)
        self._fail_pending(SpeechUnavailable("speech was closed"))

    # -- settings --------------------------------------------------------------------------

    @property
    def volume(self) -> float:
        return self._volume

    def set_volume(self, volume: float) -> None:
        """Volume (0..1) for lines rendered from now on."""
        self._volume = min(1.0, max(0.0, float(volume)))

    def voices(self) -> list[VoiceInfo]:
        """The installed voices (empty until the engine started, or when it cannot)."""
        return list(self._voices)

    # -- requests --------------------------------------------------------------------------

    def cache_path(self, text: str, voice_id: str | None, rate: int, volume: float | None = None) -> Path:
        vol = self._volume if volume is None else volume
        return self.cache_dir / f"{cache_key(text, voice_id, rate, vol)}.wav"

    def synthesize(
        self, text: str, voice_id: str | None, rate: int, volume: float | None = None
    ) -> Future[Path]:
        """The WAV for ``text`` spoken by ``voice_id`` at ``rate`` words per minute."""
        return self._submit(text, voice_id, rate, volume, priority=0)

    def request(
        self,
        text: str,
        voice_id: str | None,
        rate: int,
        callback: DoneCallback,
        volume: float | None = None,
    ) -> Future[Path]:
        """Like :meth:`synthesize`, then ``callback(path, None)`` or ``callback(None, error)``."""
        future = self._submit(text, voice_id, rate, volume, priority=0)

        def done(fut: Future[Path]) -> None:
            if fut.cancelled():
                callback(None, SpeechUnavailable("speech was closed"))
                return
            error = fut.exception()
            callback(None if error else fut.result(), error)

        future.add_done_callback(done)
        return future

    def prefetch(self, lines: Iterable[tuple[str, str | None, int]]) -> list[Future[Path]]:
        """Render ``(text, voice_id, rate)`` lines ahead of time, after any play-now request."""
        return [self._submit(t, v, r, None, priority=1) for t, v, r in lines]

    def _submit(
        self, text: str, voice_id: str | None, rate: int, volume: float | None, *, priority: int
    ) -> Future[Path]:
        vol = self._volume if volume is None else min(1.0, max(0.0, float(volume)))
        path = self.cache_path(text, voice_id, rate, vol)
        future: Future[Path] = Future()
        if path.exists():
            future.set_result(path)
            return future
        with self._lock:
            if self._closed or self._available is False:
                future.set_exception(SpeechUnavailable("no speech engine"))
                return future
            existing = self._pending.get(path)
            if existing is not None and not existing.done():
                if priority == 0:  # asked to play now: move it ahead of the prefetches
                    self._queue.put((0, next(self._seq), _Job(text, voice_id, rate, vol, path, existing)))
                return existing
            self._pending[path] = future
        self._queue.put((priority, next(self._seq), _Job(text, voice_id, rate, vol, path, future)))
        return future

    # -- the worker thread -----------------------------------------------------------------

    def _run(self) -> None:
        engine: Any = None
        try:
            engine = self._factory()
            self._voices = [voice_info(v) for v in (engine.getProperty("voices") or [])]
            self._available = True
        except ENGINE_INIT_ERRORS as exc:
            logger.warning("no speech engine (%s); the app will run silently", exc)
            self._available = False
        finally:
            self._ready.set()
        if not self._available:
            self._fail_pending(SpeechUnavailable("no speech engine"))
            return
        if self._warm_up:
            self._prime(engine)
        while True:
            _prio, _seq, item = self._queue.get()
            if item is _STOP:
                break
            assert isinstance(item, _Job)
            if item.future.done():  # a duplicate entry that an earlier one already served
                continue
            if not item.future.set_running_or_notify_cancel():
                continue
            try:
                path = self._render(engine, item)
            except Exception as exc:  # noqa: BLE001 - reported through the future
                logger.warning("could not synthesise a line: %s", exc)
                with contextlib.suppress(InvalidStateError):
                    item.future.set_exception(exc)
            else:
                with contextlib.suppress(InvalidStateError):
                    item.future.set_result(path)
            finally:
                with self._lock:
                    if self._pending.get(item.path) is item.future:
                        del self._pending[item.path]
        try:
            engine.stop()
        except Exception:  # noqa: BLE001 - best effort on shutdown
            logger.debug("engine.stop failed", exc_info=True)

    def _prime(self, engine: Any) -> None:
        """Render a throw-away line: a fresh engine drops its first lines."""
        self.cache_dir.mkdir(parents=True, exist_ok=True)
        tmp = self.cache_dir / f"warm-up.{os.getpid()}.tmp.wav"
        try:
            engine.save_to_file(WARM_UP_TEXT, str(tmp))
            _run_quietly(engine)
        except Exception:  # noqa: BLE001 - the real lines will say what is wrong
            logger.debug("speech warm-up failed", exc_info=True)
        finally:
            tmp.unlink(missing_ok=True)

    def _render(self, engine: Any, job: _Job) -> Path:
        if job.path.exists():
            return job.path
        job.path.parent.mkdir(parents=True, exist_ok=True)
        tmp = job.path.with_name(f"{job.path.stem}.{os.getpid()}.tmp.wav")
        if job.voice_id:
            engine.setProperty("voice", job.voice_id)
        engine.setProperty("rate", int(job.rate))
        engine.setProperty("volume", float(job.volume))
        for attempt in range(1, RENDER_ATTEMPTS + 1):
            # One save_to_file per runAndWait: several queued saves would write only the last.
            engine.save_to_file(job.text, str(tmp))
            _run_quietly(engine)
            if tmp.exists() and tmp.stat().st_size >= _MIN_WAV_BYTES:
                os.replace(tmp, job.path)
                return job.path
            tmp.unlink(missing_ok=True)
            logger.info("no audio for a line (attempt %d of %d)", attempt, RENDER_ATTEMPTS)
        raise SpeechError(f"the speech engine wrote no audio for {job.text[:40]!r}")

    def _fail_pending(self, error: BaseException) -> None:
        with self._lock:
            pending = list(self._pending.values())
            self._pending.clear()
        while True:
            try:
                _p, _s, item = self._queue.get_nowait()
            except queue.Empty:
                break
            if isinstance(item, _Job) and item.future not in pending:
                pending.append(item.future)
        for fut in pending:
            if fut.done():
                continue
            if fut.running() or fut.set_running_or_notify_cancel():
                with contextlib.suppress(InvalidStateError):
                    fut.set_exception(error)


class _LogStream(io.TextIOBase):
    """A text stream that sends each line to the debug log."""

    def write(self, text: str) -> int:
        if text.strip():
            logger.debug("speech engine: %s", text.strip())
        return len(text)


def _run_quietly(engine: Any) -> None:
    """``runAndWait`` with the eSpeak driver's own prints ("Audio saved to ...") sent to the log.

    Only the speech thread runs this, and neither the app nor the CLI prints while it does.
    """
    with contextlib.redirect_stdout(_LogStream()):
        engine.runAndWait()
