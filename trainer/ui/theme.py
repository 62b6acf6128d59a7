"""Light and dark palettes, a small style sheet, text-size scaling and buyer avatars.

Colours were picked for contrast (WCAG AA for body text) on both palettes. Buyers get a colour
from :data:`PERSONA_COLORS` by their position in the scenario, so each one is told apart by
colour *and* initials.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from PySide6.QtGui import QColor, QFont, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication, QLabel, QWidget

if TYPE_CHECKING:
    from PySide6.QtCore import QEvent
    from PySide6.QtGui import QPixmap

# Only what the first paint needs is imported at the top: the first use of a Qt class builds
# its enums, and QEvent, QPainter or the ``Qt`` namespace cost milliseconds each.

#: Distinct, saturated colours that keep white initials readable.
PERSONA_COLORS: tuple[str, ...] = ("#1f6fb2", "#a23b72", "#2e7d32", "#b35c00", "#6a4fb3", "#00796b")

_BASE_POINT_SIZE_PROP = "_trainer_base_point_size"
_SYSTEM_DARK_PROP = "_trainer_system_dark"
#: The tick drawn in checked check boxes (the style sheet needs a file).
_CHECK = (Path(__file__).resolve().parent / "assets" / "check.svg").as_posix()


class Colors(NamedTuple):
    """Colours the views use beyond the palette (bubbles, hints, the stepper)."""

    dark: bool
    window: str
    base: str
    text: str
    muted: str
    accent: str
    buyer_bubble: str
    rep_bubble: str
    do_bg: str
    do_fg: str
    avoid_bg: str
    avoid_fg: str
    banner_bg: str
    border: str


LIGHT = Colors(
    dark=False,
    window="#f4f5f7",
    base="#ffffff",
    text="#1b1d21",
    muted="#4f5661",
    accent="#1f5fa8",
    buyer_bubble="#ffffff",
    rep_bubble="#dcebfb",
    do_bg="#e3f4e5",
    do_fg="#1b5e20",
    avoid_bg="#fbe5e5",
    avoid_fg="#a4161a",
    banner_bg="#fff4d6",
    border="#c9cdd3",
)

DARK = Colors(
    dark=True,
    window="#1e2126",
    base="#272b31",
    text="#eceff3",
    muted="#b3bac4",
    accent="#7fb5ff",
    buyer_bubble="#2f343b",
    rep_bubble="#23405f",
    do_bg="#1f3b24",
    do_fg="#a5e0ad",
    avoid_bg="#4a2325",
    avoid_fg="#ffb3b3",
    banner_bg="#4a3d18",
    border="#49505a",
)


def _palette(c: Colors) -> QPalette:
    p = QPalette()
    role = QPalette.ColorRole
    p.setColor(role.Window, QColor(c.window))
    p.setColor(role.WindowText, QColor(c.text))
    p.setColor(role.Base, QColor(c.base))
    p.setColor(role.AlternateBase, QColor(c.window))
    p.setColor(role.Text, QColor(c.text))
    p.setColor(role.Button, QColor(c.base))
    p.setColor(role.ButtonText, QColor(c.text))
    p.setColor(role.ToolTipBase, QColor(c.base))
    p.setColor(role.ToolTipText, QColor(c.text))
    p.setColor(role.PlaceholderText, QColor(c.muted))
    p.setColor(role.Highlight, QColor(c.accent))
    p.setColor(role.HighlightedText, QColor(c.base if c.dark else "#ffffff"))
    p.setColor(role.Link, QColor(c.accent))
    p.setColor(role.BrightText, QColor("#ffffff"))
    p.setColor(role.Mid, QColor(c.border))
    p.setColor(role.Midlight, QColor(c.border))
    disabled = QPalette.ColorGroup.Disabled
    for r in (role.Text, role.ButtonText, role.WindowText):
        p.setColor(disabled, r, QColor(c.muted))
    return p


def light_palette() -> QPalette:
    return _palette(LIGHT)


def dark_palette() -> QPalette:
    return _palette(DARK)


def system_prefers_dark() -> bool:
    """True when the desktop's own palette is dark (remembered before ours replaces it).

    Reads the palette's lightness rather than ``styleHints().colorScheme()``: touching that
    enum builds Qt's whole ``Qt`` namespace, which costs tens of milliseconds before the
    first paint.
    """
    app = QGuiApplication.instance()
    if app is None:
        return False
    known = app.property(_SYSTEM_DARK_PROP)
    if known is None:
        known = QGuiApplication.palette().window().color().lightness() < 128
        app.setProperty(_SYSTEM_DARK_PROP, known)
    return bool(known)


def resolve_colors(theme: str) -> Colors:
    """The colour set for ``theme`` ("system", "light" or "dark")."""
    if theme == "dark" or (theme == "system" and system_prefers_dark()):
        return DARK
    return LIGHT


def style_sheet(c: Colors) -> str:
    return f"""
QListWidget#sidebar {{ background: {c.base}; border: none; border-right: 1px solid {c.border};
    padding-top: 8px; }}
QListWidget#sidebar::item {{ padding: 8px 14px; }}
QListWidget#sidebar::item:selected {{ background: {c.accent}; color: {c.base if c.dark else "#ffffff"}; }}
QFrame#card {{ background: {c.base}; border: 1px solid {c.border}; border-radius: 8px; }}
QFrame#card:focus-within {{ border: 2px solid {c.accent}; }}
QFrame#banner {{ background: {c.banner_bg}; border: 1px solid {c.border}; border-radius: 6px; }}
QFrame#buyerBubble {{ background: {c.buyer_bubble}; border: 1px solid {c.border}; border-radius: 10px; }}
QFrame#repBubble {{ background: {c.rep_bubble}; border: 1px solid {c.border}; border-radius: 10px; }}
QFrame#hintDo {{ background: {c.do_bg}; border-left: 4px solid {c.do_fg}; border-radius: 4px; }}
QFrame#hintAvoid {{ background: {c.avoid_bg}; border-left: 4px solid {c.avoid_fg}; border-radius: 4px; }}
QLabel#hintDoTitle {{ color: {c.do_fg}; font-weight: bold; }}
QLabel#hintAvoidTitle {{ color: {c.avoid_fg}; font-weight: bold; }}
QLabel#muted, QLabel#speakerLabel {{ color: {c.muted}; }}
QLabel#nowSpeaking {{ color: {c.accent}; font-weight: bold; }}
QLabel#stepDone {{ color: {c.do_fg}; }}
QLabel#stepCurrent {{ color: {c.accent}; font-weight: bold; border-bottom: 2px solid {c.accent}; }}
QLabel#stepTodo {{ color: {c.muted}; }}
QScrollArea {{ border: none; }}
QPushButton {{ padding: 5px 12px; border: 1px solid {c.border}; border-radius: 5px;
    background: {c.base}; }}
QPushButton:focus {{ border: 2px solid {c.accent}; }}
QPushButton:default {{ background: {c.accent}; color: {c.base if c.dark else "#ffffff"}; }}
QPushButton:disabled {{ color: {c.muted}; background: {c.window}; }}
QTextEdit, QLineEdit {{ border: 1px solid {c.border}; border-radius: 4px; padding: 3px; }}
QTextEdit:focus, QLineEdit:focus {{ border: 2px solid {c.accent}; }}
QCheckBox::indicator {{ width: 14px; height: 14px; border: 2px solid {c.muted}; border-radius: 3px;
    background: {c.base}; }}
QCheckBox::indicator:checked {{ background: {c.accent}; border-color: {c.accent};
    image: url({_CHECK}); }}
QCheckBox::indicator:focus, QRadioButton::indicator:focus {{ border-color: {c.accent}; }}
QRadioButton::indicator {{ width: 12px; height: 12px; border: 2px solid {c.muted}; border-radius: 8px;
    background: {c.base}; }}
QRadioButton::indicator:checked {{ border-color: {c.accent}; background: qradialgradient(cx:0.5,
    cy:0.5, radius:0.5, fx:0.5, fy:0.5, stop:0 {c.accent}, stop:0.55 {c.accent},
    stop:0.65 {c.base}, stop:1 {c.base}); }}
QScrollBar:vertical {{ background: {c.window}; width: 12px; margin: 0; }}
QScrollBar:horizontal {{ background: {c.window}; height: 12px; margin: 0; }}
QScrollBar::handle {{ background: {c.border}; border-radius: 5px; min-height: 28px; min-width: 28px;
    margin: 2px; }}
QScrollBar::handle:hover {{ background: {c.muted}; }}
QScrollBar::add-line, QScrollBar::sub-line {{ width: 0; height: 0; }}
QScrollBar::add-page, QScrollBar::sub-page {{ background: none; }}
"""


def apply_theme(app: QApplication, theme: str, text_scale: int) -> Colors:
    """Apply the palette, style sheet and text size; returns the colours in use."""
    colors = resolve_colors(theme)
    app.setProperty("_trainer_dark", colors.dark)  # before the palette: views re-read it then
    app.setPalette(_palette(colors))
    base = app.property(_BASE_POINT_SIZE_PROP)
    if not base:
        base = app.font().pointSizeF() or 10.0
        app.setProperty(_BASE_POINT_SIZE_PROP, base)
    font = QFont(app.font())
    font.setPointSizeF(float(base) * max(100, min(200, text_scale)) / 100.0)
    app.setFont(font)
    app.setStyleSheet(style_sheet(colors))
    return colors


def current_colors() -> Colors:
    app = QApplication.instance()
    return DARK if app is not None and app.property("_trainer_dark") else LIGHT


def initials(name: str) -> str:
    parts = [p for p in name.replace("-", " ").split() if p[:1].isalpha()]
    if not parts:
        return "?"
    if len(parts) == 1:
        return parts[0][:2].upper()
    return (parts[0][0] + parts[-1][0]).upper()


def persona_color(index: int) -> str:
    return PERSONA_COLORS[index % len(PERSONA_COLORS)]


def avatar_pixmap(name: str, color: str, size: int = 40) -> QPixmap:
    """A round avatar with the person's initials (drawn, so no image files are needed)."""
    from PySide6.QtCore import QRectF, Qt
    from PySide6.QtGui import QPainter, QPixmap

    ratio = 2.0
    pix = QPixmap(int(size * ratio), int(size * ratio))
    pix.setDevicePixelRatio(ratio)
    pix.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pix)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QColor(color))
    painter.drawEllipse(QRectF(0, 0, size, size))
    font = QFont()
    font.setBold(True)
    font.setPixelSize(int(size * 0.4))
    painter.setFont(font)
    painter.setPen(QColor("#ffffff"))
    painter.drawText(QRectF(0, 0, size, size), Qt.AlignmentFlag.AlignCenter, initials(name))
    painter.end()
    return pix


class TitleLabel(QLabel):
    """A page or section title: bold and ``scale`` times the app's text size, following it."""

    def __init__(self, text: str = "", parent: QWidget | None = None, *, scale: float = 1.5) -> None:
        super().__init__(text, parent)
        self._scale = scale
        self.setObjectName("pageTitle")
        self.setWordWrap(True)
        self._refit()

    def _refit(self) -> None:
        font = QFont(QApplication.font())
        font.setPointSizeF(font.pointSizeF() * self._scale)
        font.setBold(True)
        self.setFont(font)

    def event(self, e: QEvent) -> bool:
        from PySide6.QtCore import QEvent

        if e.type() == QEvent.Type.ApplicationFontChange:
            self._refit()
        return super().event(e)
