"""The reports' SVG bar chart: escaped labels, bars to scale, stacked segments."""

from __future__ import annotations

import re

from watchtower.web._svg import bar_chart


def _rects(svg: str) -> list[tuple[float, float]]:
    """(y, height) of each data bar (those with a tooltip title)."""
    return [(float(y), float(h)) for y, h in re.findall(r'<rect x="[\d.]+" y="([\d.]+)" width="[\d.]+" '
                                                      r'height="([\d.]+)" fill="[^"]+"><title>', svg)]


def test_bars_are_to_scale_and_stacked() -> None:
    svg = str(bar_chart("t", ["a", "b"], {"x": [2, 4], "y": [0, 4]}, height=240))
    bars = _rects(svg)
    assert len(bars) == 3  # a zero segment draws nothing
    (_, ha), (yb1, hb1), (yb2, hb2) = bars
    assert abs(hb1 - 2 * ha) < 0.2 and abs(hb1 - hb2) < 0.2
    assert abs((yb2 + hb2) - yb1) < 0.2  # y sits on top of x


def test_labels_and_titles_are_escaped() -> None:
    svg = str(bar_chart("<script>t</script>", ["<b>a</b>"], {"<i>s</i>": [1]}))
    assert "<script>" not in svg and "<b>" not in svg and "<i>" not in svg
    assert "&lt;script&gt;" in svg


def test_empty_data_draws_axes_only() -> None:
    svg = str(bar_chart("nothing", ["a", "b"], {"x": [0, 0]}))
    assert svg.startswith("<svg") and _rects(svg) == []
