"""A small server-rendered SVG bar chart (stacked), for the reports page.

Why server-side SVG: the CSP allows no inline script and we ship no JS build, the charts must print and work
without JavaScript, and an SVG with a <title> and a data table beside it is readable by screen readers. Colours
are presentation attributes (not ``style=``), which ``style-src 'self'`` permits. Every label is escaped here.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from html import escape

from markupsafe import Markup

SEVERITY_COLOURS: dict[str, str] = {
    "critical": "#b91c1c",
    "high": "#c2410c",
    "normal": "#1d4ed8",
    "none": "#6b7280",
}
PALETTE = ("#1d4ed8", "#b91c1c", "#047857", "#c2410c", "#7c3aed", "#0e7490", "#a16207", "#be185d", "#4b5563",
           "#15803d")


def _nice_max(v: float) -> float:
    """The top of the axis: even, so the middle gridline is a whole number too (counts are whole)."""
    for step in (2, 4, 6, 10, 20, 40, 50, 100, 200, 400, 500, 1000, 2000, 4000, 5000, 10000):
        if v <= step:
            return float(step)
    return float(2 * ((int(v) + 1) // 2))


#: the plot's margins (left: the axis numbers; right; top), the same for every chart
LEFT, RIGHT, TOP_PAD = 40, 10, 16


def _frame(title: str, width: int, height: int, top: float, plot_h: float, *, unit: str = "") -> list[str]:
    """The opening of a chart: the <svg> with its accessible title, and gridlines at 0, half and ``top``
    labelled in ``unit``."""
    e = escape
    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="chart" viewBox="0 0 {width} {height}" role="img" '
        f'aria-label="{e(title)}" preserveAspectRatio="xMinYMin meet">',
        f"<title>{e(title)}</title>",
    ]
    for frac in (0, 0.5, 1):
        y = TOP_PAD + plot_h * (1 - frac)
        out.append(f'<line x1="{LEFT}" x2="{width - RIGHT}" y1="{y:.1f}" y2="{y:.1f}" stroke="#d1d5db"/>')
        out.append(f'<text x="{LEFT - 6}" y="{y + 4:.1f}" text-anchor="end" font-size="11" fill="#374151">'
                   f"{top * frac:g}{unit}</text>")
    return out


def _finish(out: list[str], legend: Sequence[tuple[str, str]], height: int) -> Markup:
    """The legend (colour, name) along the bottom, and the closed chart as safe markup."""
    e = escape
    lx = LEFT
    for colour, name in legend:
        out.append(f'<rect x="{lx}" y="{height - 16}" width="10" height="10" fill="{e(colour)}"/>')
        out.append(f'<text x="{lx + 14}" y="{height - 7}" font-size="11" fill="#111827">{e(name)}</text>')
        lx += 18 + 7 * len(name) + 12
    out.append("</svg>")
    return Markup("".join(out))  # noqa: S704 - every interpolated value above is escaped


def bar_chart(
    title: str,
    labels: Sequence[str],
    series: Mapping[str, Sequence[float]],
    *,
    colours: Mapping[str, str] | None = None,
    width: int = 720,
    height: int = 240,
    label_every: int = 1,
) -> Markup:
    """Stacked bars: one bar per label, one stacked segment per series. Returns escaped, safe SVG markup."""
    colours = dict(colours or {})
    names = list(series)
    for i, n in enumerate(names):
        colours.setdefault(n, PALETTE[i % len(PALETTE)])
    totals = [sum(series[n][i] for n in names) for i in range(len(labels))]
    top = _nice_max(max(totals, default=0))
    left, right, top_pad, bottom = LEFT, RIGHT, TOP_PAD, 52
    plot_w = width - left - right
    plot_h = height - top_pad - bottom
    count = max(1, len(labels))
    slot = plot_w / count
    bar_w = max(2.0, slot * 0.7)
    e = escape
    out = _frame(title, width, height, top, plot_h)
    for i, label in enumerate(labels):
        x = left + slot * i + (slot - bar_w) / 2
        y: float = top_pad + plot_h
        for name in names:
            v = float(series[name][i])
            if v <= 0:
                continue
            h = plot_h * v / top
            y -= h
            out.append(
                f'<rect x="{x:.1f}" y="{y:.1f}" width="{bar_w:.1f}" height="{h:.1f}" fill="{e(colours[name])}">'
                f"<title>{e(label)}: {e(name)} {v:g}</title></rect>"
            )
        if i % label_every == 0:
            cx = x + bar_w / 2
            lines = "".join(  # long labels wrap one word a line
                f'<tspan x="{cx:.1f}" dy="{0 if j == 0 else 11}">{e(w)}</tspan>' for j, w in enumerate(label.split())
            )
            out.append(
                f'<text x="{cx:.1f}" y="{top_pad + plot_h + 14}" text-anchor="middle" font-size="10" '
                f'fill="#374151">{lines}</text>'
            )
    return _finish(out, [(colours[name], name) for name in names], height)


def ack_time_chart(
    title: str,
    labels: Sequence[str],
    median: Sequence[float | None],
    worst: Sequence[float | None],
    *,
    limit: float = 24,
    limit_label: str = "24-hour rule",
    width: int = 720,
    height: int = 260,
) -> Markup:
    """Hours to acknowledge per week: a bar for the median, a tick for the slowest, and a dashed line at the
    rule's ``limit``. A week with nothing acknowledged has no bar. Returns escaped, safe SVG markup."""
    values = [v for v in (*median, *worst) if v is not None]
    top = _nice_max(max([*values, limit * 1.1]))
    left, right, top_pad, bottom = LEFT, RIGHT, TOP_PAD, 56
    plot_w = width - left - right
    plot_h = height - top_pad - bottom
    count = max(1, len(labels))
    slot = plot_w / count
    bar_w = max(2.0, slot * 0.55)
    e = escape

    def y_of(v: float) -> float:
        return top_pad + plot_h * (1 - min(v, top) / top)

    out = _frame(title, width, height, top, plot_h, unit="h")
    for i, label in enumerate(labels):
        x = left + slot * i + (slot - bar_w) / 2
        m, w = median[i], worst[i]
        if m is not None:
            y = y_of(m)
            colour = "#b91c1c" if m > limit else "#1d4ed8"
            out.append(f'<rect x="{x:.1f}" y="{y:.1f}" width="{bar_w:.1f}" height="{top_pad + plot_h - y:.1f}" '
                       f'fill="{colour}"><title>{e(label)}: median {m:.1f} h</title></rect>')
        if w is not None:
            y = y_of(w)
            out.append(f'<line x1="{x - 3:.1f}" x2="{x + bar_w + 3:.1f}" y1="{y:.1f}" y2="{y:.1f}" stroke="#111827" '
                       f'stroke-width="3"><title>{e(label)}: slowest {w:.1f} h</title></line>')
        cx = x + bar_w / 2
        out.append(f'<text x="{cx:.1f}" y="{top_pad + plot_h + 14}" text-anchor="middle" font-size="10" '
                   f'fill="#374151">{e(label)}</text>')
    ly = y_of(limit)
    out.append(f'<line x1="{left}" x2="{width - right}" y1="{ly:.1f}" y2="{ly:.1f}" stroke="#b91c1c" '
               f'stroke-width="2" stroke-dasharray="6 4"/>')
    out.append(f'<text x="{width - right - 4}" y="{ly - 5:.1f}" text-anchor="end" font-size="11" fill="#b91c1c">'
               f"{e(limit_label)}</text>")
    legend = [("#1d4ed8", "median time to acknowledge"), ("#111827", "slowest"), ("#b91c1c", limit_label)]
    return _finish(out, legend, height)
