"""Starts the desktop app: ``upsell-trainer`` / ``python main.py [--db PATH] [--scenarios DIR]``.

Before the window is shown only Qt, the small settings module, the theme and the bare window
(sidebar and placeholders) are loaded. The controllers, the pages, the scenario library, the
store, the scorer and speech all load right after the first paint.
"""

from __future__ import annotations

import logging
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from types import SimpleNamespace
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from trainer.core.settings import Settings, default_settings_path, load_settings
from trainer.ui.main_window import MainWindow
from trainer.ui.pages import Views, build_window
from trainer.ui.theme import apply_theme

if TYPE_CHECKING:
    from trainer.ui.controllers.app_controller import AppController

APP_NAME = "Upsell Trainer"


_OPTIONS = ("--db", "--scenarios", "--settings")


def _parse(argv: Sequence[str]) -> Any:
    """The app's options; Qt's own (``-platform`` ...) are left to QApplication.

    The plain ``--name value`` / ``--name=value`` forms are read directly (argparse costs a
    few milliseconds before the first paint); anything else, ``--help`` included, goes to
    argparse for its usage text and error messages.
    """
    values: dict[str, str | None] = {name[2:]: None for name in _OPTIONS}
    args = list(argv)
    i = 0
    simple = True
    while i < len(args):
        arg = args[i]
        name, eq, value = arg.partition("=")
        if name in _OPTIONS and (eq or i + 1 < len(args)):
            values[name[2:]] = value if eq else args[i + 1]
            i += 1 if eq else 2
        elif arg.startswith("--") or arg in ("-h",):
            simple = False
            break
        else:
            i += 1  # a Qt option or its value
    if simple:
        return SimpleNamespace(**values)
    import argparse

    parser = argparse.ArgumentParser(prog="upsell-trainer", description="Rehearse ethical upselling.")
    parser.add_argument("--db", help="the data file (default: $TRAINER_DB, else the user data folder)")
    parser.add_argument("--scenarios", help="a folder of scenario files (default: the shipped ones)")
    parser.add_argument("--settings", help="the settings file (default: the user config folder)")
    parsed, _qt_args = parser.parse_known_args(args)
    return parsed


def make_controller(
    app: QApplication,
    window: MainWindow,
    views: Views,
    *,
    settings: Settings,
    settings_path: Path | None,
    **controller_args: Any,
) -> AppController:
    """The app controller for a built window, with the review pages deferred to its start."""
    from trainer.ui.controllers.app_controller import AppController

    controller = AppController(
        window, views, settings=settings, settings_path=settings_path, app=app, **controller_args
    )
    controller.defer(_install_review_pages)  # Scorecard, History and Leaderboard
    return controller


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
    screenshot script pass fakes there. Call ``controller.start()`` after showing the window.
    """
    if settings is None:
        settings = load_settings(settings_path) if settings_path is not None else Settings()
    apply_theme(app, settings.theme, settings.text_scale)
    window, views = build_window()
    controller = make_controller(
        app, window, views, settings=settings, settings_path=settings_path, **controller_args
    )
    return window, views, controller


def _install_review_pages(controller: AppController) -> None:
    from trainer.ui.controllers.scorecard_controller import install_review_pages

    install_review_pages(controller)


def main(argv: Sequence[str] | None = None, *, on_shown: Callable[[], Any] | None = None) -> int:
    """Run the app; returns the exit status.

    ``on_shown`` runs at the first turn of the event loop after the window is shown (the
    start-up benchmark uses it), before the controllers and the library load.
    """
    argv = list(sys.argv if argv is None else argv)
    args = _parse(argv[1:])
    app = QApplication.instance() or QApplication(argv)
    assert isinstance(app, QApplication)
    app.setApplicationName(APP_NAME)
    app.setApplicationDisplayName(APP_NAME)
    app.setDesktopFileName("upsell-trainer")

    settings_path = Path(args.settings) if args.settings else default_settings_path()
    settings = load_settings(settings_path)
    apply_theme(app, settings.theme, settings.text_scale)
    window, views = build_window()
    window.show()
    if on_shown is not None:
        QTimer.singleShot(0, on_shown)

    def after_first_paint() -> None:
        logging.basicConfig(level=logging.INFO, format="%(levelname)s %(name)s: %(message)s")
        controller = make_controller(
            app,
            window,
            views,
            settings=settings,
            settings_path=settings_path,
            scenarios_dir=Path(args.scenarios) if args.scenarios else None,
            db_path=args.db,
        )
        keep.append(controller)
        controller.start()

    keep: list[AppController] = []

    QTimer.singleShot(0, after_first_paint)
    status = app.exec()
    for controller in keep:
        controller.shutdown()
    return status
