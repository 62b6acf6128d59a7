"""Screenshots of the app's pages, taken offscreen from the real app: docs/screenshot-<view>.png.

    .venv/bin/python scripts/screenshots.py [--out docs] [--only home,practice]

Each run first builds a demo data file: five reps in three teams play the shipped scenarios with
the scripted replies of their golden transcripts through PracticeSession (the real engine and
scorer, a clock set over the last two weeks), so History and the Leaderboard show real results.
Then, for every page, it builds the app on a copy of that file in a temporary folder, plays
scenarios through the real practice page where the page needs one, and grabs the window at
1280x720 in the light and the dark theme, plus some pages at 200 % text.
Speech is off and nothing is played. To add a view, append a :class:`Shot` to :data:`SHOTS`.
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from PySide6.QtCore import QCoreApplication, QEventLoop, QSize, Qt  # noqa: E402
from PySide6.QtTest import QTest  # noqa: E402
from PySide6.QtWidgets import QApplication, QWidget  # noqa: E402

from trainer.core.settings import Settings  # noqa: E402
from trainer.ui.app import build_app  # noqa: E402
from trainer.ui.controllers.app_controller import AppController, Views  # noqa: E402
from trainer.ui.main_window import MainWindow  # noqa: E402
from trainer.ui.voice import VoicePlayer  # noqa: E402

SIZE = QSize(1280, 720)


@dataclass
class Harness:
    app: QApplication
    window: MainWindow
    views: Views
    controller: AppController
    folder: Path

    def settle(self, timeout: float = 20.0) -> None:
        """Process events until the core worker is idle."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            QCoreApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 50)
            if self.controller.worker.pending == 0:
                break
            time.sleep(0.01)
        for _ in range(5):
            QCoreApplication.processEvents()

    def type_reply(self, text: str) -> None:
        edit = self.views.practice.reply_edit
        edit.setFocus()
        edit.setPlainText(text)
        QTest.keyClick(edit, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
        self.settle()


@dataclass(frozen=True)
class Shot:
    name: str
    #: Prepares the app and returns the widget to grab.
    take: Callable[[Harness], QWidget]
    #: Also taken at 200 % text.
    large_text: bool = False


def golden_replies(scenario_id: str, name: str) -> list[str]:
    from ruamel.yaml import YAML

    data = YAML(typ="safe").load((ROOT / "scenarios" / f"{scenario_id}.golden.yaml").read_text())
    for t in data["transcripts"]:
        if t["name"] == name:
            return list(t["replies"])
    raise KeyError(name)


MULTI_BUYER_REPLIES = [
    "Thanks for making time, Priya. Before we talk about plans, what would have to be true at the end of "
    "the first quarter for your teams to call this a success, and who else needs to be comfortable with it?",
    "That helps. How many releases a month slip today because of the manual sign-off, and what does a "
    "slipped release cost you in hours?",
    "Tomasz, that's a fair concern. Would it help if your security team reviewed the audit-log design "
    "before we propose anything?",
]


def _home(h: Harness) -> QWidget:
    h.window.show_page("home")
    h.settle()
    return h.window


def _practice(h: Harness) -> QWidget:
    practice = h.controller.practice
    assert practice is not None
    scenario = "enterprise-multithread" if "enterprise-multithread" in h.controller.ctx.scenarios else next(
        iter(h.controller.ctx.scenarios)
    )
    practice.start(scenario, seed=7)
    h.settle()
    for reply in MULTI_BUYER_REPLIES:
        if practice.ended:
            break
        h.type_reply(reply)
    h.views.practice.reply_edit.setPlainText("So the options are ")
    return h.window


def _settings(h: Harness) -> QWidget:
    h.window.show_page("settings")
    h.settle()
    return h.window


def _coach(h: Harness) -> QWidget:
    """A coach hint on a reply that both acknowledges the buyer and pushes a deadline."""
    practice = h.controller.practice
    assert practice is not None
    practice.start("smb-inbound", seed=1)
    h.settle()
    h.type_reply(golden_replies("smb-inbound", "ideal")[0])
    h.type_reply("I hear you, but this price is only good until Friday, so you really need to decide this week.")
    return h.window


def _scorecard(h: Harness) -> QWidget:
    """The full scorecard of a mixed session: steps shown in green, slips in red."""
    practice = h.controller.practice
    assert practice is not None
    practice.start("midmarket-outbound", seed=1)
    h.settle()
    for reply in golden_replies("midmarket-outbound", "security_left_out"):
        if practice.ended:
            break
        h.type_reply(reply)
    h.window.show_page("scorecard")
    h.settle()
    pages = h.controller.review_pages  # type: ignore[attr-defined]
    view = pages.scorecard
    # Scroll the conversation to the first Avoid highlight, so both colours are in view.
    for t in view.data.turns if view.data else ():
        avoid = [f for f in t.findings if f.get("polarity") == "avoid"]
        if avoid:
            view.transcript.scrollToAnchor(f"turn{t.index - 1}")
            break
    h.settle()
    return h.window


def _history(h: Harness) -> QWidget:
    h.window.show_page("history")
    h.settle()
    pages = h.controller.review_pages  # type: ignore[attr-defined]
    pages.history.tabs.setCurrentIndex(1)  # Skills over time
    h.settle()
    return h.window


def _leaderboard(h: Harness) -> QWidget:
    h.window.show_page("leaderboard")
    h.settle()
    return h.window


SHOTS: list[Shot] = [
    Shot("home", _home),
    Shot("practice", _practice, large_text=True),
    Shot("coach", _coach),
    Shot("scorecard", _scorecard, large_text=True),
    Shot("history", _history),
    Shot("leaderboard", _leaderboard),
    Shot("settings", _settings),
]

#: (rep, team, [(scenario, golden transcript), ...] oldest first): a team that is learning.
DEMO_PLAYS: list[tuple[str, str, list[tuple[str, str]]]] = [
    (
        "Sam Okafor",
        "Mid-market East",
        [
            ("smb-inbound", "weak"),
            ("midmarket-outbound", "weak"),
            ("smb-inbound", "pushy"),
            ("base-plan-fits", "bigger_pitch"),
            ("midmarket-outbound", "security_left_out"),
            ("smb-inbound", "base_with_trigger"),
            ("renewal-expansion", "ideal"),
            ("base-plan-fits", "ideal"),
            ("midmarket-outbound", "ideal"),
            ("enterprise-multithread", "late_risk_owner"),
        ],
    ),
    (
        "Priya Nair",
        "Mid-market East",
        [
            ("base-plan-fits", "weak"),
            ("renewal-expansion", "expansion_anyway"),
            ("midmarket-outbound", "ideal"),
            ("smb-inbound", "base_with_trigger"),
            ("enterprise-multithread", "weak"),
            ("enterprise-multithread", "ideal"),
        ],
    ),
    (
        "Lee Park",
        "SMB North",
        [
            ("smb-inbound", "pushy"),
            ("smb-inbound", "weak"),
            ("base-plan-fits", "pushy"),
            ("smb-inbound", "base_with_trigger"),
            ("renewal-expansion", "weak"),
        ],
    ),
    (
        "Ana Silva",
        "SMB North",
        [
            ("base-plan-fits", "ideal"),
            ("midmarket-outbound", "security_left_out"),
            ("smb-inbound", "ideal"),
            ("renewal-expansion", "ideal"),
            ("enterprise-multithread", "late_risk_owner"),
        ],
    ),
    (
        "Tom Becker",
        "Enterprise",
        [
            ("enterprise-multithread", "pushy"),
            ("enterprise-multithread", "weak"),
            ("midmarket-outbound", "pushy"),
        ],
    ),
]


def build_demo_store(path: Path) -> int:
    """Play :data:`DEMO_PLAYS` through PracticeSession into a new data file; returns sessions."""
    from datetime import UTC, datetime, timedelta

    from trainer.core.scenario.loader import load_dir
    from trainer.core.session import PracticeSession
    from trainer.core.store import Store

    scenarios = {s.id: s for s in load_dir(ROOT / "scenarios")[0]}
    today = datetime.now(UTC).replace(hour=9, minute=0, second=0, microsecond=0)
    count = 0
    with Store.open(path) as store:
        for r, (rep, team, plays) in enumerate(DEMO_PLAYS):
            for n, (scenario_id, transcript) in enumerate(plays):
                # Spread over the last two weeks; everyone's latest session is today or yesterday.
                start = today - timedelta(days=(len(plays) - 1 - n) * 13 // max(1, len(plays) - 1) + r % 2)
                start += timedelta(hours=r, minutes=7 * n)
                ticks = iter(range(100_000))
                session = PracticeSession(
                    scenarios[scenario_id],
                    rep=rep,
                    team=team,
                    store=store,
                    clock=lambda start=start, ticks=ticks: start + timedelta(seconds=40 * next(ticks)),
                    seed=1,
                )
                session.start()
                for reply in golden_replies(scenario_id, transcript):
                    if session.ended:
                        break
                    session.reply(reply)
                if not session.ended:
                    session.abandon()
                count += 1
    return count


def make_harness(
    app: QApplication, folder: Path, *, theme: str, text_scale: int = 100, demo: Path | None = None
) -> Harness:
    if demo is not None:
        for suffix in ("", "-wal", "-shm"):
            if Path(f"{demo}{suffix}").exists():
                shutil.copy(f"{demo}{suffix}", folder / f"demo.db{suffix}")
    settings = Settings(rep="Sam Okafor", team="Mid-market East", theme=theme, text_scale=text_scale)  # type: ignore[arg-type]
    window, views, controller = build_app(
        app,
        settings_path=None,
        settings=settings,
        db_path=str(folder / "demo.db"),
        scenarios_dir=ROOT / "scenarios",
        synth_factory=lambda: None,
        player=VoicePlayer(autodetect=False),  # no player: silent
        ask_profile=False,
    )
    window.resize(SIZE)
    window.show()
    controller.start()
    h = Harness(app, window, views, controller, folder)
    h.settle()
    return h


def run(out: Path, only: set[str] | None) -> list[Path]:
    app = QApplication.instance() or QApplication([sys.argv[0]])
    assert isinstance(app, QApplication)
    written: list[Path] = []
    out.mkdir(parents=True, exist_ok=True)
    variants = [("light", 100, ""), ("dark", 100, "-dark"), ("light", 200, "-200")]
    demo_folder = tempfile.TemporaryDirectory()
    demo = Path(demo_folder.name) / "demo.db"
    build_demo_store(demo)
    for shot in SHOTS:
        if only and shot.name not in only:
            continue
        for theme, scale, suffix in variants:
            if scale != 100 and not shot.large_text:
                continue
            with tempfile.TemporaryDirectory() as tmp:
                h = make_harness(app, Path(tmp), theme=theme, text_scale=scale, demo=demo)
                widget = shot.take(h)
                h.settle()
                path = out / f"screenshot-{shot.name}{suffix}.png"
                widget.grab().save(str(path))
                written.append(path)
                h.window.close()
                h.window.deleteLater()
                QCoreApplication.processEvents()
    demo_folder.cleanup()
    return written


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--out", default=str(ROOT / "docs"))
    parser.add_argument("--only", help="comma-separated view names")
    args = parser.parse_args()
    only = set(args.only.split(",")) if args.only else None
    for path in run(Path(args.out), only):
        print(path)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
