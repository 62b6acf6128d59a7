"""The app's pages: what exists before the first paint (the window and placeholders) and what
is built right after it (:func:`build_pages`).

The window shows at once with its sidebar and empty placeholders; the Library, Practice,
Scorecard and Settings pages (and whatever :meth:`AppController.defer` installs) replace them
a moment later, so nothing but the window itself is paid for before the first paint.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from trainer.ui.main_window import MainWindow

if TYPE_CHECKING:
    from trainer.ui.views.home import HomeView
    from trainer.ui.views.practice import PracticeView, SessionSummaryView
    from trainer.ui.views.settings import SettingsView


class Views:
    """The pages built here; more pages are added with ``window.add_page``.

    None exists before the first paint (the window shows placeholders); :func:`build_pages`
    (called from :meth:`AppController.start`) builds them in place of the placeholders.
    """

    def __init__(self) -> None:
        self.home: HomeView = None  # type: ignore[assignment]
        self.practice: PracticeView = None  # type: ignore[assignment]
        self.summary: SessionSummaryView = None  # type: ignore[assignment]
        self.settings: SettingsView = None  # type: ignore[assignment]



def build_window() -> tuple[MainWindow, Views]:
    """The main window with the Library page and placeholders for Practice, Scorecard, Settings.

    Sidebar order (and Ctrl+N): 1 Library, 2 Practice, 3 Scorecard, 4 History, 5 Leaderboard,
    6 Settings. Every page but the Library starts as an empty placeholder; ``add_page`` with
    the same key replaces it (see :meth:`AppController.defer`).
    """
    from PySide6.QtWidgets import QLabel, QWidget

    window = MainWindow()
    views = Views()
    window.add_page("home", "Library", QLabel("  Loading the scenario library…"))
    for key, title in PLACEHOLDER_PAGES:
        window.add_page(key, title, QWidget())
    return window, views


#: Pages shown in the sidebar from the start and built after the first paint (key, title).
PLACEHOLDER_PAGES: tuple[tuple[str, str], ...] = (
    ("practice", "Practice"),
    ("scorecard", "Scorecard"),
    ("history", "History"),
    ("leaderboard", "Leaderboard"),
    ("settings", "Settings"),
)


def build_pages(window: MainWindow, views: Views) -> None:
    """Build the Practice, Scorecard (summary) and Settings pages in place of their placeholders."""
    from trainer.ui.views.home import HomeView
    from trainer.ui.views.practice import PracticeView, SessionSummaryView
    from trainer.ui.views.settings import SettingsView

    if views.home is None:
        views.home = HomeView()
        window.add_page("home", "Library", views.home)
    if views.practice is None:
        views.practice = PracticeView()
        window.add_page("practice", "Practice", views.practice)
    if views.summary is None:
        views.summary = SessionSummaryView()
        window.add_page("scorecard", "Scorecard", views.summary)
    if views.settings is None:
        views.settings = SettingsView()
        window.add_page("settings", "Settings", views.settings)
