"""The skill chart: points land where the values say, lines are painted in their colours, the
legend wraps inside the widget, and the chart describes itself for screen readers."""

from __future__ import annotations

from typing import Any

from PySide6.QtGui import QColor, QImage

from trainer.ui.widgets.skill_chart import ChartSeries, SkillChart, _nice_ceiling


def _chart(qtbot: Any, w: int = 640, h: int = 360) -> SkillChart:
    chart = SkillChart()
    qtbot.addWidget(chart)
    chart.resize(w, h)
    chart.show()
    return chart


def _has_color(img: QImage, color: QColor, tolerance: int = 40) -> bool:
    for y in range(0, img.height(), 2):
        for x in range(0, img.width(), 2):
            c = img.pixelColor(x, y)
            if (
                abs(c.red() - color.red())
                + abs(c.green() - color.green())
                + abs(c.blue() - color.blue())
                < tolerance
            ):
                return True
    return False


def test_points_follow_the_values(qtbot: Any) -> None:
    chart = _chart(qtbot)
    chart.set_data(["1", "2", "3"], [ChartSeries("Discovery question", [0.0, 0.5, 1.0])], y_max=1.0)
    r = chart.plot_rect()
    p0, p1, p2 = (chart.point_at(0, i) for i in range(3))
    assert p0 is not None and p1 is not None and p2 is not None
    assert abs(p0.x() - r.left()) < 0.01 and abs(p2.x() - r.right()) < 0.01
    assert abs(p0.y() - r.bottom()) < 0.01 and abs(p2.y() - r.top()) < 0.01
    assert abs(p1.y() - r.center().y()) < 0.01


def test_missing_values_are_not_drawn_and_short_series_dropped(qtbot: Any) -> None:
    chart = _chart(qtbot)
    chart.set_data(
        ["a", "b", "c"],
        [ChartSeries("Gap", [1.0, None, 2.0]), ChartSeries("Wrong length", [1.0])],
        percent=False,
    )
    assert [s.name for s in chart.series] == ["Gap"]
    assert chart.point_at(0, 1) is None
    assert chart.y_max == 2.0  # nice ceiling of the top value
    assert chart.format_value(2.0) == "2"


def test_lines_are_painted_in_their_colours(qtbot: Any) -> None:
    chart = _chart(qtbot)
    chart.set_data(
        ["1", "2", "3", "4"],
        [
            ChartSeries("Stop rule", [0.0, 0.25, 0.5, 1.0]),
            ChartSeries("Mutual plan", [1.0, 0.75, 0.5, 0.0]),
        ],
    )
    img = chart.grab().toImage()
    assert _has_color(img, chart.color_of(0))
    assert _has_color(img, chart.color_of(1))
    assert chart.color_of(0) != chart.color_of(1)


def test_legend_wraps_and_plot_shrinks_at_a_narrow_width(qtbot: Any) -> None:
    names = [f"Skill number {i} with a long label" for i in range(8)]
    wide = _chart(qtbot, 1400, 400)
    narrow = _chart(qtbot, 420, 400)
    for chart in (wide, narrow):
        chart.set_data(["1", "2"], [ChartSeries(n, [0.2, 0.4]) for n in names])
    rows = {rect.top() for _, rect in narrow._legend_layout(narrow.width() - 20)}
    assert len(rows) > 2
    for _, rect in narrow._legend_layout(narrow.width() - 20):
        assert rect.right() <= narrow.width()
    assert narrow.plot_rect().height() < wide.plot_rect().height()


def test_accessible_description_reads_latest_values_and_empty_state(qtbot: Any) -> None:
    chart = _chart(qtbot)
    assert "No finished sessions" in chart.accessibleDescription()
    chart.set_data(
        ["1", "2"], [ChartSeries("Autonomy language", [0.0, 0.6])], title="Share of sessions"
    )
    desc = chart.accessibleDescription()
    assert "Share of sessions over 2 sessions" in desc and "Autonomy language: 60%" in desc
    chart.clear()
    assert "No finished sessions" in chart.accessibleDescription()


def test_nice_ceiling() -> None:
    assert [_nice_ceiling(v) for v in (0, 0.3, 1, 1.2, 3, 7, 12)] == [
        1.0,
        0.5,
        1.0,
        2.0,
        5.0,
        10.0,
        20.0,
    ]
