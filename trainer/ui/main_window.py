"""The main window: a sidebar of pages, a stack of views and a status bar with a busy indicator.

Views register themselves as pages::

    window.add_page("history", "History", HistoryView(), position=3)

The sidebar lists pages in order; Ctrl+1 .. Ctrl+9 open the first nine. Adding a page with a key
that already exists replaces that page's widget in place (same sidebar row and shortcut).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QSize, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QProgressBar,
    QStackedWidget,
    QStatusBar,
    QWidget,
)

if TYPE_CHECKING:
    from PySide6.QtCore import QEvent
    from PySide6.QtGui import QCloseEvent

WINDOW_TITLE = "Upsell Trainer"
#: Qt.ItemDataRole.UserRole. Nothing here touches the ``Qt`` namespace: building its enums
#: costs tens of milliseconds, which would delay the first paint.
_KEY_ROLE = 0x0100


class MainWindow(QMainWindow):
    """The app's one window. Knows nothing about the core; controllers drive it."""

    #: The key of the page now shown.
    page_changed = Signal(str)
    #: Emitted from closeEvent before the window closes (controllers stop workers on it).
    closing = Signal()
    #: Work shorter than this shows no busy indicator.
    BUSY_DELAY_MS = 250

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(WINDOW_TITLE)
        self.setMinimumSize(QSize(800, 560))
        self.resize(1280, 720)

        self._pages: dict[str, QWidget] = {}
        self.sidebar = QListWidget()
        self.sidebar.setObjectName("sidebar")
        self.sidebar.setAccessibleName("Sections")
        self.stack = QStackedWidget()
        self.stack.setAccessibleName("Current section")

        central = QWidget()
        layout = QHBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.sidebar)
        layout.addWidget(self.stack, 1)
        self.setCentralWidget(central)

        self._busy_label = QLabel()
        self._busy = QProgressBar()
        self._busy.setRange(0, 0)
        self._busy.setMaximumWidth(140)
        self._busy.setAccessibleName("Working")
        self._busy.setTextVisible(False)
        self._busy_label.hide()
        self._busy.hide()
        # The status bar is made on first use (ensure_status_bar): creating it costs ~8 ms,
        # which would delay the first paint.
        self._status_ready = False
        self._busy_count = 0
        self._busy_text = ""
        self._busy_timer = QTimer(self)
        self._busy_timer.setSingleShot(True)
        self._busy_timer.setInterval(self.BUSY_DELAY_MS)
        self._busy_timer.timeout.connect(self._show_busy)

        self.sidebar.currentRowChanged.connect(self._on_row)
        for n in range(1, 10):
            shortcut = QShortcut(QKeySequence(f"Ctrl+{n}"), self)  # a window shortcut
            shortcut.activated.connect(lambda n=n: self.show_row(n - 1))

    # -- pages -----------------------------------------------------------------------------

    def add_page(self, key: str, title: str, widget: QWidget, *, position: int | None = None) -> None:
        """Register ``widget`` as the page ``key`` shown as ``title`` in the sidebar.

        ``position`` is the sidebar row (default: last). Re-adding a key replaces its widget.
        """
        if key in self._pages:
            old = self._pages[key]
            index = self.stack.indexOf(old)
            self.stack.insertWidget(index, widget)
            self.stack.removeWidget(old)
            old.deleteLater()
            self._pages[key] = widget
            row = self._row_of(key)
            item = self.sidebar.item(row)
            item.setText(title)
            if self.sidebar.currentRow() == row:
                self.stack.setCurrentWidget(widget)
            return
        self._pages[key] = widget
        self.stack.addWidget(widget)
        item = QListWidgetItem(title)
        item.setData(_KEY_ROLE, key)
        row = self.sidebar.count() if position is None else max(0, min(position, self.sidebar.count()))
        self.sidebar.insertItem(row, item)
        self._refresh_tooltips()
        self._fit_sidebar(exact=self._status_ready)
        if self.sidebar.currentRow() < 0:
            self.sidebar.setCurrentRow(0)

    def page(self, key: str) -> QWidget:
        return self._pages[key]

    def page_keys(self) -> list[str]:
        """Page keys in sidebar order."""
        return [self.sidebar.item(r).data(_KEY_ROLE) for r in range(self.sidebar.count())]

    def current_page(self) -> str | None:
        item = self.sidebar.currentItem()
        return None if item is None else str(item.data(_KEY_ROLE))

    def show_page(self, key: str) -> None:
        self.sidebar.setCurrentRow(self._row_of(key))

    def show_row(self, row: int) -> None:
        if 0 <= row < self.sidebar.count():
            self.sidebar.setCurrentRow(row)
            self.stack.currentWidget().setFocus()

    def _row_of(self, key: str) -> int:
        for r in range(self.sidebar.count()):
            if self.sidebar.item(r).data(_KEY_ROLE) == key:
                return r
        raise KeyError(key)

    def _on_row(self, row: int) -> None:
        if row < 0:
            return
        key = str(self.sidebar.item(row).data(_KEY_ROLE))
        self.stack.setCurrentWidget(self._pages[key])
        self.page_changed.emit(key)

    def _fit_sidebar(self, *, exact: bool = True) -> None:
        """Wide enough for the longest page title at the current text size.

        Before the first paint an estimate from the point size is used: measuring text loads
        the font database, which costs over 10 ms (:meth:`finish_setup` measures properly).
        """
        titles = [self.sidebar.item(r).text() for r in range(self.sidebar.count())]
        longest = max([*titles, "Leaderboard"], key=len)
        font = self.sidebar.font()
        if exact:
            metrics = self.sidebar.fontMetrics()
            text = metrics.horizontalAdvance(longest) + 2 * metrics.averageCharWidth()
        else:
            text = round(font.pointSizeF() * 96 / 72 * 0.62 * (len(longest) + 2))
        self.sidebar.setFixedWidth(max(150, text + 40))

    def finish_setup(self) -> None:
        """Work left out of the first paint: the status bar and exact sidebar width."""
        self.ensure_status_bar()
        self._fit_sidebar()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt API
        super().changeEvent(event)
        if event.type() == event.Type.FontChange:
            self._fit_sidebar()

    def _refresh_tooltips(self) -> None:
        for r in range(self.sidebar.count()):
            item = self.sidebar.item(r)
            hint = f" (Ctrl+{r + 1})" if r < 9 else ""
            item.setToolTip(item.text() + hint)

    # -- status ----------------------------------------------------------------------------

    def notify(self, text: str, timeout_ms: int = 6000) -> None:
        """A short message in the status bar."""
        self.ensure_status_bar().showMessage(text, timeout_ms)

    def set_busy(self, busy: bool, text: str = "") -> None:
        """Show (or hide) the busy indicator; calls nest, so every True needs a False.

        The indicator appears only when work lasts longer than :attr:`BUSY_DELAY_MS`, so quick
        jobs (scoring a reply) do not make the status bar flicker or the window repaint.
        """
        self._busy_count = max(0, self._busy_count + (1 if busy else -1))
        if busy and text:
            self._busy_text = text
        if self._busy_count > 0:
            if not self._busy.isVisible() and not self._busy_timer.isActive():
                self._busy_timer.start()
            elif self._busy.isVisible():
                self._show_busy()
        else:
            self._busy_timer.stop()
            self._busy_text = ""
            self._busy.hide()
            self._busy_label.hide()

    def ensure_status_bar(self) -> QStatusBar:
        """The status bar, with the busy indicator in it (made on first call)."""
        bar = self.statusBar()
        if not self._status_ready:
            self._status_ready = True
            bar.addPermanentWidget(self._busy_label)
            bar.addPermanentWidget(self._busy)
            self._busy_label.hide()
            self._busy.hide()
        return bar

    def _show_busy(self) -> None:
        if self._busy_count <= 0:
            return
        self.ensure_status_bar()
        self._busy_label.setText(self._busy_text)
        self._busy_label.setVisible(bool(self._busy_text))
        self._busy.show()

    @property
    def busy(self) -> bool:
        return self._busy_count > 0

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt API
        self.closing.emit()
        super().closeEvent(event)
