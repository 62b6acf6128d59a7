"""The speech worker with a fake engine: WAV files in a cache, one save per runAndWait, never
``say``, one thread driving the engine, and a silent app when no engine can start."""

from __future__ import annotations

import logging
import threading
import time
import wave
from pathlib import Path
from typing import Any

import pytest

from trainer.core.speech import (
    RENDER_ATTEMPTS,
    SpeechError,
    SpeechSynth,
    SpeechUnavailable,
    VoiceHint,
    VoiceInfo,
    assign_voices,
    cache_key,
    voice_info,
)


class Voice:
    def __init__(self, id: str, name: str, languages: list[Any], gender: str | None = None) -> None:
        self.id, self.name, self.languages, self.gender = id, name, languages, gender


class FakeEngine:
    """Acts like pyttsx3 2.99: several save_to_file calls before runAndWait write only the last."""

    def __init__(
        self, *, write: bool = True, gate: threading.Event | None = None, fail_first: int = 0
    ) -> None:
        self.fail_first = fail_first
        self.props: dict[str, Any] = {
            "voices": [
                Voice("gmw/en", "English (GB)", ["en-gb"]),
                Voice("gmw/en-us", "English (US)", [b"\x05en-us"], "female"),
            ]
        }
        self.queued: list[tuple[str, str]] = []
        self.written: list[tuple[str, dict[str, Any]]] = []
        self.said: list[str] = []
        self.threads: set[int] = set()
        self.write = write
        self.gate = gate
        self.stopped = False
        self.entered = threading.Event()

    def getProperty(self, name: str) -> Any:  # noqa: N802
        self.threads.add(threading.get_ident())
        return self.props[name]

    def setProperty(self, name: str, value: Any) -> None:  # noqa: N802
        self.threads.add(threading.get_ident())
        self.props[name] = value

    def save_to_file(self, text: str, path: str) -> None:
        self.threads.add(threading.get_ident())
        self.queued.append((text, path))

    def say(self, text: str) -> None:
        self.said.append(text)

    def runAndWait(self) -> None:  # noqa: N802
        self.threads.add(threading.get_ident())
        self.entered.set()
        if self.gate is not None:
            self.gate.wait(5)
        if not self.queued:
            return
        text, path = self.queued[-1]
        self.queued.clear()
        if self.fail_first > 0:  # like a fresh eSpeak engine: no file, or only a header
            self.fail_first -= 1
            if self.fail_first % 2:
                with wave.open(path, "wb") as w:
                    w.setnchannels(1)
                    w.setsampwidth(2)
                    w.setframerate(8000)
            return
        if self.write:
            with wave.open(path, "wb") as w:
                w.setnchannels(1)
                w.setsampwidth(2)
                w.setframerate(8000)
                w.writeframes(b"\x01\x00" * 400)
        self.written.append((text, {k: v for k, v in self.props.items() if k != "voices"}))

    def stop(self) -> None:
        self.stopped = True


@pytest.fixture
def engine() -> FakeEngine:
    return FakeEngine()


@pytest.fixture
def synth(tmp_path: Path, engine: FakeEngine) -> Any:
    s = SpeechSynth(tmp_path / "cache", engine_factory=lambda: engine, warm_up=False)
    s.start()
    assert s.wait_ready(5)
    yield s
    s.close()


def test_synthesises_a_valid_wav_into_the_cache(
    synth: SpeechSynth, engine: FakeEngine, tmp_path: Path
) -> None:
    path = synth.synthesize("Hello, I'm Dana.", "gmw/en", 170).result(5)
    assert path.parent == tmp_path / "cache"
    assert path.name == cache_key("Hello, I'm Dana.", "gmw/en", 170, 1.0) + ".wav"
    with wave.open(str(path)) as w:
        assert w.getnframes() == 400
    assert engine.written == [("Hello, I'm Dana.", {"voice": "gmw/en", "rate": 170, "volume": 1.0})]
    assert not list((tmp_path / "cache").glob("*.tmp.wav"))


def test_each_line_gets_its_own_run_and_never_say(synth: SpeechSynth, engine: FakeEngine) -> None:
    futures = [synth.synthesize(f"line {i}", "gmw/en", 175) for i in range(5)]
    paths = [f.result(5) for f in futures]
    assert len(set(paths)) == 5 and all(p.exists() for p in paths)
    assert [t for t, _ in engine.written] == [f"line {i}" for i in range(5)]
    assert engine.said == []


def test_cached_line_does_not_touch_the_engine(synth: SpeechSynth, engine: FakeEngine) -> None:
    first = synth.synthesize("Same line", "gmw/en", 175).result(5)
    second = synth.synthesize("Same line", "gmw/en", 175)
    assert second.done() and second.result() == first
    assert len(engine.written) == 1


def test_voice_rate_and_volume_change_the_key(synth: SpeechSynth) -> None:
    a = synth.cache_path("x", "gmw/en", 175)
    assert a != synth.cache_path("x", "gmw/en-us", 175)
    assert a != synth.cache_path("x", "gmw/en", 180)
    assert a != synth.cache_path("x", "gmw/en", 175, volume=0.5)
    synth.set_volume(0.4)
    path = synth.synthesize("quiet", "gmw/en", 175).result(5)
    assert path == synth.cache_path("quiet", "gmw/en", 175, volume=0.4)


def test_only_the_worker_thread_drives_the_engine(tmp_path: Path, engine: FakeEngine) -> None:
    synth = SpeechSynth(tmp_path / "c", engine_factory=lambda: engine)
    synth.start()
    results = []

    def ask(i: int) -> None:
        results.append(synth.synthesize(f"from thread {i}", None, 175).result(5))

    threads = [threading.Thread(target=ask, args=(i,)) for i in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(5)
    synth.close()
    assert len(results) == 4
    assert len(engine.threads) == 1
    assert threading.get_ident() not in engine.threads
    assert engine.stopped


def test_request_calls_back_with_the_path(synth: SpeechSynth) -> None:
    got: list[tuple[Path | None, BaseException | None]] = []
    done = threading.Event()

    def cb(path: Path | None, err: BaseException | None) -> None:
        got.append((path, err))
        done.set()

    synth.request("Call me back", "gmw/en", 175, cb)
    assert done.wait(5)
    assert got[0][1] is None and got[0][0] is not None and got[0][0].exists()


def test_engine_that_writes_nothing_is_an_error(tmp_path: Path) -> None:
    synth = SpeechSynth(tmp_path / "c", engine_factory=lambda: FakeEngine(write=False))
    synth.start()
    with pytest.raises(SpeechError):
        synth.synthesize("nothing", None, 175).result(5)
    synth.close()


@pytest.mark.parametrize(
    "error", [RuntimeError("eSpeak missing"), OSError("no lib"), ImportError("no pyttsx3")]
)
def test_no_engine_means_unavailable(tmp_path: Path, error: BaseException) -> None:
    def factory() -> Any:
        raise error

    synth = SpeechSynth(tmp_path / "c", engine_factory=factory)
    assert synth.available is None
    synth.start()
    assert synth.wait_ready(5)
    assert synth.available is False
    assert synth.voices() == []
    with pytest.raises(SpeechUnavailable):
        synth.synthesize("hello", None, 175).result(5)
    synth.close()


def test_requests_made_before_the_engine_fails_are_failed(tmp_path: Path) -> None:
    gate = threading.Event()

    def factory() -> Any:
        gate.wait(5)
        raise RuntimeError("no eSpeak")

    synth = SpeechSynth(tmp_path / "c", engine_factory=factory)
    synth.start()
    early = synth.synthesize("early", None, 175)
    gate.set()
    with pytest.raises(SpeechUnavailable):
        early.result(5)
    synth.close()


def test_close_fails_queued_lines(tmp_path: Path) -> None:
    gate = threading.Event()
    engine = FakeEngine(gate=gate)
    synth = SpeechSynth(tmp_path / "c", engine_factory=lambda: engine, warm_up=False)
    synth.start()
    first = synth.synthesize("first", None, 175)
    assert engine.entered.wait(5)  # the worker is rendering "first"
    queued = [synth.prefetch([(f"later {i}", None, 175)])[0] for i in range(3)]
    closer = threading.Thread(target=synth.close)
    closer.start()
    deadline = time.monotonic() + 5
    while synth._queue.qsize() < 4 and time.monotonic() < deadline:  # 3 lines + the stop
        time.sleep(0.005)
    gate.set()
    closer.join(5)
    assert first.result(5).exists()  # the line being rendered still completes
    for fut in queued:
        with pytest.raises(SpeechUnavailable):
            fut.result(1)
    assert [t for t, _ in engine.written] == ["first"]
    with pytest.raises(SpeechUnavailable):
        synth.synthesize("after close", None, 175).result(1)


def test_play_now_goes_ahead_of_prefetch(tmp_path: Path) -> None:
    gate = threading.Event()
    engine = FakeEngine(gate=gate)
    synth = SpeechSynth(tmp_path / "c", engine_factory=lambda: engine, warm_up=False)
    synth.start()
    synth.wait_ready(5)
    blocker = synth.synthesize("blocker", None, 175)  # holds the worker at runAndWait
    prefetched = synth.prefetch([("p1", None, 175), ("p2", None, 175)])
    now = synth.synthesize("now", None, 175)
    gate.set()
    for f in [blocker, now, *prefetched]:
        f.result(5)
    assert [t for t, _ in engine.written] == ["blocker", "now", "p1", "p2"]
    synth.close()


def test_duplicate_requests_share_one_rendering(synth: SpeechSynth, engine: FakeEngine) -> None:
    a = synth.prefetch([("twice", None, 175)])[0]
    b = synth.synthesize("twice", None, 175)
    assert a.result(5) == b.result(5)
    assert [t for t, _ in engine.written].count("twice") == 1


def test_voices_are_listed(synth: SpeechSynth) -> None:
    voices = synth.voices()
    assert [v.id for v in voices] == ["gmw/en", "gmw/en-us"]
    assert voices[1].languages == ("en-us",) and voices[1].gender == "female"


def test_voice_info_from_pyttsx3_shapes() -> None:
    v = voice_info(Voice("x", "", b"\x05en-gb"))  # type: ignore[arg-type]
    assert v.name == "x" and v.languages == ("en-gb",) and v.is_english


def test_assign_voices_distinct_and_following_hints() -> None:
    voices = [
        VoiceInfo("gmw/en", "English (GB)", ("en-gb",), "male"),
        VoiceInfo("gmw/en-us", "English (US)", ("en-us",), "male"),
        VoiceInfo("fr", "French", ("fr",), "female"),
        VoiceInfo("gmw/en-gb-scotland", "Scottish", ("en-gb-scotland",), "female"),
    ]
    hints = [
        VoiceHint("a", "any", "en-us"),
        VoiceHint("b", "female", None),
        VoiceHint("c", "any", "en-gb"),
    ]
    chosen = assign_voices(hints, voices)
    assert chosen["a"] == "gmw/en-us"
    assert chosen["b"] == "gmw/en-gb-scotland"
    assert chosen["c"] == "gmw/en"
    assert len(set(chosen.values())) == 3


def test_assign_voices_reuses_only_when_all_taken_and_copes_with_none() -> None:
    voices = [VoiceInfo("v1", "One", ("en",)), VoiceInfo("v2", "Two", ("en",))]
    chosen = assign_voices([VoiceHint(p) for p in "abcd"], voices)
    assert [chosen[p] for p in "ab"] in (["v1", "v2"], ["v2", "v1"])
    assert {chosen["c"], chosen["d"]} <= {"v1", "v2"}
    assert assign_voices([VoiceHint("a")], []) == {"a": None}


def test_a_fresh_engine_is_primed_with_a_throw_away_line(tmp_path: Path) -> None:
    engine = FakeEngine(fail_first=1)  # the first line a fresh engine renders is lost
    synth = SpeechSynth(tmp_path / "c", engine_factory=lambda: engine)
    synth.start()
    path = synth.synthesize("The first real line.", None, 175).result(5)
    synth.close()
    assert path.exists()
    assert [t for t, _ in engine.written] == ["The first real line."]
    assert engine.queued == [] and sorted(p.name for p in (tmp_path / "c").iterdir()) == [path.name]


def test_an_empty_rendering_is_tried_again(tmp_path: Path) -> None:
    engine = FakeEngine(fail_first=2)  # no file, then a header without sound
    synth = SpeechSynth(tmp_path / "c", engine_factory=lambda: engine, warm_up=False)
    synth.start()
    path = synth.synthesize("Third time lucky.", None, 175).result(5)
    synth.close()
    with wave.open(str(path)) as w:
        assert w.getnframes() == 400
    assert not list((tmp_path / "c").glob("*.tmp.wav"))


def test_a_line_that_never_renders_fails_after_the_attempts(tmp_path: Path) -> None:
    engine = FakeEngine(fail_first=RENDER_ATTEMPTS)
    synth = SpeechSynth(tmp_path / "c", engine_factory=lambda: engine, warm_up=False)
    synth.start()
    with pytest.raises(SpeechError):
        synth.synthesize("Never.", None, 175).result(5)
    assert synth.synthesize("Next one works.", None, 175).result(5).exists()
    synth.close()


def test_engine_prints_go_to_the_log_not_stdout(
    capsys: pytest.CaptureFixture[str], caplog: pytest.LogCaptureFixture
) -> None:
    from trainer.core.speech import _run_quietly

    class Chatty:
        def runAndWait(self) -> None:  # noqa: N802 - pyttsx3's name
            print("Audio saved to /tmp/x.wav")

    with caplog.at_level(logging.DEBUG, logger="trainer.core.speech"):
        _run_quietly(Chatty())
    assert capsys.readouterr().out == ""
    assert "Audio saved to /tmp/x.wav" in caplog.text
