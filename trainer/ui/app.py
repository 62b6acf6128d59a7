"""Starts the desktop app: ``upsell-trainer`` / ``python main.py [--db PATH] [--scenarios DIR]``.

Only Qt and the small settings module are imported before the window is shown; the scenario
library, the store, the scorer and speech load right after the first paint.
"""

from __future__ import annotations

import argparse
import logging
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from trainer.core.settings import Settings, default_settings_path, load_settings
from trainer.ui.controllers.app_controller import AppController, Views, build_window
from trainer.ui.main_window import MainWindow
from trainer.ui.theme import apply_theme

APP_NAME = "Upsell Trainer"


def _parse(argv: Sequence[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="upsell-trainer", description="Rehearse ethical upselling.")
    parser.add_argument("--db", help="the data file (default: $TRAINER_DB, else the user data folder)")
    parser.add_argument("--scenarios", help="a folder of scenario files (default: the shipped ones)")
    parser.add_argument("--settings", help="the settings file (default: the user config folder)")
    args, _qt_args = parser.parse_known_args(list(argv))
    return args


def build_app(
    app: QApplication,
    *,
    settings_path: Path | None,
    settings: Settings | None = None,
    **controller_args: Any,
) -> tuple[MainWindow, Views, AppController]:
    """The window, its pages and the controller, with the theme applied (not shown yet).

    ``controller_args`` go to :class:`AppController` (``db_path``, ``scenarios_dir``,
    ``synth_factory``, ``player``, ``clock``, ``scorer``, ``ask_profile``...): tests and the
    screenshot script pass fakes there.
    """
    if settings is None:
        settings = load_settings(settings_path) if settings_path is not None else Settings()
    apply_theme(app, settings.theme, settings.text_scale)
    window, views = build_window()
    controller = AppController(
        window, views, settings=settings, settings_path=settings_path, app=app, **controller_args
    )
    controller.defer(_install_review_pages)  # Scorecard, History and Leaderboard, after first paint
    return window, views, controller


def _install_review_pages(controller: AppController) -> None:
    from trainer.ui.controllers.scorecard_controller import install_review_pages

    install_review_pages(controller)


def main(argv: Sequence[str] | None = None) -> int:
    """Run the app; returns the exit status."""
    argv = list(sys.argv if argv is None else argv)
    args = _parse(argv[1:])
    logging.basicConfig(level=logging.INFO, format="%(levelname)s %(name)s: %(message)s")
    app = QApplication.instance() or QApplication(argv)
    assert isinstance(app, QApplication)
    app.setApplicationName(APP_NAME)
    app.setApplicationDisplayName(APP_NAME)
    app.setDesktopFileName("upsell-trainer")

    settings_path = Path(args.settings) if args.settings else default_settings_path()
    window, _views, controller = build_app(
        app,
        settings_path=settings_path,
        scenarios_dir=Path(args.scenarios) if args.scenarios else None,
        db_path=args.db,
    )
    window.show()
    QTimer.singleShot(0, controller.start)
    return app.exec()
