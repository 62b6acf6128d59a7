"""A small line chart drawn with QPainter: one line per skill over a rep's sessions.

No QtCharts: axes, grid, lines, markers and a legend are painted here so the chart follows the
app's palette and text size. Each line has its own colour *and* marker shape, so it can be told
apart without colour. The chart describes itself in its accessible description (the latest value
of each line), for screen readers.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import (
    QColor,
    QFontMetricsF,
    QPainter,
    QPainterPath,
    QPaintEvent,
    QPen,
    QPolygonF,
)
from PySide6.QtWidgets import QSizePolicy, QWidget

from trainer.ui.theme import current_colors

#: Line colours for the light and the dark palette (distinct hues, readable on each background).
LIGHT_SERIES = (
    "#1f5fa8",
    "#b8430f",
    "#2e7d32",
    "#8e3fa8",
    "#00838f",
    "#9a6700",
    "#c2185b",
    "#37474f",
)
DARK_SERIES = (
    "#7fb5ff",
    "#ff9e6b",
    "#8fd694",
    "#d9a6f2",
    "#6fd8e0",
    "#f2c94c",
    "#ff8fbf",
    "#cfd8dc",
)
MARKERS = ("circle", "square", "triangle", "diamond")


@dataclass(frozen=True, slots=True)
class ChartSeries:
    name: str
    #: One value per x position (None where there is nothing to draw).
    values: Sequence[float | None]


class SkillChart(QWidget):
    """Lines over sessions: ``set_data(labels, series, y_max=..., percent=...)``."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName("Skill chart")
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.labels: list[str] = []
        self.series: list[ChartSeries] = []
        self.y_max = 1.0
        self.percent = True
        self.title = ""
        self.empty_text = "No finished sessions yet: practise a scenario to see your skills here."
        self._update_description()

    # ----------------------------------------------------------------- data
    def set_data(
        self,
        labels: Sequence[str],
        series: Sequence[ChartSeries],
        *,
        y_max: float | None = None,
        percent: bool = True,
        title: str = "",
    ) -> None:
        self.labels = list(labels)
        self.series = [s for s in series if len(s.values) == len(self.labels)]
        top = max((v for s in self.series for v in s.values if v is not None), default=0.0)
        self.y_max = y_max if y_max is not None else max(1.0, _nice_ceiling(top))
        self.percent = percent
        self.title = title
        self._update_description()
        self.update()

    def clear(self) -> None:
        self.set_data([], [])

    def color_of(self, index: int) -> QColor:
        palette = DARK_SERIES if current_colors().dark else LIGHT_SERIES
        return QColor(palette[index % len(palette)])

    def format_value(self, value: float) -> str:
        return f"{round(value * 100)}%" if self.percent else f"{value:g}"

    def _update_description(self) -> None:
        if not self.labels or not self.series:
            self.setAccessibleDescription(self.empty_text)
            return
        parts = []
        for s in self.series:
            last = next((v for v in reversed(s.values) if v is not None), None)
            parts.append(f"{s.name}: {'none' if last is None else self.format_value(last)}")
        what = self.title or "Skills"
        self.setAccessibleDescription(
            f"{what} over {len(self.labels)} sessions; latest: " + "; ".join(parts) + "."
        )

    # ----------------------------------------------------------------- geometry
    def sizeHint(self) -> QSize:  # noqa: N802 - Qt API
        fm = QFontMetricsF(self.font())
        return QSize(int(fm.height() * 40), int(fm.height() * 18))

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt API
        fm = QFontMetricsF(self.font())
        return QSize(int(fm.height() * 16), int(fm.height() * 10))

    def _legend_layout(self, width: float) -> list[tuple[int, QRectF]]:
        """Where each legend entry goes (rows wrap to the widget's width)."""
        fm = QFontMetricsF(self.font())
        h = fm.height()
        x, y = 0.0, 0.0
        out = []
        for i, s in enumerate(self.series):
            w = h * 2.2 + fm.horizontalAdvance(s.name) + h
            if x > 0 and x + w > width:
                x, y = 0.0, y + h * 1.4
            out.append((i, QRectF(x, y, w, h * 1.2)))
            x += w
        return out

    def plot_rect(self) -> QRectF:
        """The area inside the axes."""
        fm = QFontMetricsF(self.font())
        h = fm.height()
        left = fm.horizontalAdvance("100%") + h
        legend = self._legend_layout(self.width() - 2 * h)
        legend_h = (legend[-1][1].bottom() + h * 0.6) if legend else 0.0
        top = h * (2.0 if self.title else 0.8)
        bottom = h * 2.2 + legend_h
        return QRectF(
            left, top, max(10.0, self.width() - left - h), max(10.0, self.height() - top - bottom)
        )

    def point_at(self, series_index: int, i: int) -> QPointF | None:
        """Where value ``i`` of a series is drawn (None when it has no value)."""
        value = self.series[series_index].values[i]
        if value is None:
            return None
        r = self.plot_rect()
        n = len(self.labels)
        x = r.center().x() if n == 1 else r.left() + r.width() * i / (n - 1)
        y = r.bottom() - r.height() * min(value, self.y_max) / self.y_max
        return QPointF(x, y)

    def _nudge(self, series_index: int) -> float:
        """A small vertical offset per line, so lines with equal values stay visible side by side."""
        return (series_index - (len(self.series) - 1) / 2) * 2.0

    # ----------------------------------------------------------------- painting
    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt API
        c = current_colors()
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        p.fillRect(self.rect(), QColor(c.base))
        fm = QFontMetricsF(self.font())
        h = fm.height()
        text, muted, grid = QColor(c.text), QColor(c.muted), QColor(c.border)
        if self.hasFocus():
            p.setPen(QPen(QColor(c.accent), 2))
            p.drawRect(QRectF(self.rect()).adjusted(1, 1, -1, -1))
        if not self.labels or not self.series:
            p.setPen(muted)
            p.drawText(
                QRectF(self.rect()).adjusted(h, h, -h, -h),
                Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap,
                self.empty_text,
            )
            p.end()
            return
        r = self.plot_rect()
        if self.title:
            font = p.font()
            font.setBold(True)
            p.setFont(font)
            p.setPen(text)
            p.drawText(
                QRectF(r.left(), h * 0.3, r.width(), h * 1.4),
                Qt.AlignmentFlag.AlignLeft,
                self.title,
            )
            font.setBold(False)
            p.setFont(font)

        # grid and y axis
        ticks = 4
        for k in range(ticks + 1):
            value = self.y_max * k / ticks
            y = r.bottom() - r.height() * k / ticks
            p.setPen(QPen(grid, 1, Qt.PenStyle.SolidLine if k == 0 else Qt.PenStyle.DotLine))
            p.drawLine(QPointF(r.left(), y), QPointF(r.right(), y))
            p.setPen(muted)
            p.drawText(
                QRectF(0, y - h / 2, r.left() - h * 0.4, h),
                Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                self.format_value(value),
            )
        # x labels, thinned so they never overlap
        n = len(self.labels)
        widest = max(fm.horizontalAdvance(lb) for lb in self.labels) + h
        step = max(1, math.ceil(widest * n / max(r.width(), 1.0)))
        p.setPen(muted)
        for i in range(0, n, step):
            x = r.center().x() if n == 1 else r.left() + r.width() * i / (n - 1)
            left = min(max(0.0, x - widest / 2), self.width() - widest)  # stay inside the widget
            p.drawText(
                QRectF(left, r.bottom() + h * 0.3, widest, h),
                Qt.AlignmentFlag.AlignHCenter,
                self.labels[i],
            )
        # lines and markers
        for si in range(len(self.series)):
            color = self.color_of(si)
            path = QPainterPath()
            started = False
            nudge = QPointF(0, self._nudge(si))
            for i in range(n):
                pt = self.point_at(si, i)
                if pt is None:
                    started = False
                    continue
                pt = pt + nudge
                if started:
                    path.lineTo(pt)
                else:
                    path.moveTo(pt)
                    started = True
            p.setPen(QPen(color, 2.5))
            p.setBrush(Qt.BrushStyle.NoBrush)
            p.drawPath(path)
            for i in range(n):
                pt = self.point_at(si, i)
                if pt is not None:
                    _marker(p, MARKERS[si % len(MARKERS)], pt + nudge, h * 0.28, color)
        # legend
        top = r.bottom() + h * 1.8
        for si, rect in self._legend_layout(self.width() - 2 * h):
            box = rect.translated(h, top)
            color = self.color_of(si)
            mid = box.center().y()
            p.setPen(QPen(color, 2.5))
            p.drawLine(QPointF(box.left(), mid), QPointF(box.left() + h * 1.6, mid))
            _marker(
                p, MARKERS[si % len(MARKERS)], QPointF(box.left() + h * 0.8, mid), h * 0.28, color
            )
            p.setPen(text)
            p.drawText(
                QRectF(box.left() + h * 2.0, box.top(), box.width() - h * 2.0, box.height()),
                Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                self.series[si].name,
            )
        p.end()


def _marker(p: QPainter, shape: str, at: QPointF, size: float, color: QColor) -> None:
    p.setPen(QPen(color, 1.5))
    p.setBrush(color)
    if shape == "circle":
        p.drawEllipse(at, size, size)
    elif shape == "square":
        p.drawRect(QRectF(at.x() - size, at.y() - size, 2 * size, 2 * size))
    elif shape == "triangle":
        p.drawPolygon(
            QPolygonF(
                [
                    QPointF(at.x(), at.y() - size * 1.2),
                    QPointF(at.x() + size * 1.1, at.y() + size),
                    QPointF(at.x() - size * 1.1, at.y() + size),
                ]
            )
        )
    else:
        p.drawPolygon(
            QPolygonF(
                [
                    QPointF(at.x(), at.y() - size * 1.3),
                    QPointF(at.x() + size * 1.3, at.y()),
                    QPointF(at.x(), at.y() + size * 1.3),
                    QPointF(at.x() - size * 1.3, at.y()),
                ]
            )
        )


def _nice_ceiling(value: float) -> float:
    """The smallest of 1, 2, 5 x 10^k at or above ``value``."""
    if value <= 0:
        return 1.0
    exp = math.floor(math.log10(value))
    for m in (1, 2, 5, 10):
        if m * 10**exp >= value:
            return float(m * 10**exp)
    return float(10 ** (exp + 1))
