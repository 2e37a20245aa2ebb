"""Static, accessible SVG charts rendered at build time (no JavaScript, no requests)."""

from __future__ import annotations

from dataclasses import dataclass

from markupsafe import Markup, escape

from .dutch import dutch_number


def _frame(chart_id: str, title: str, description: str, width: int, height: int) -> list[str]:
    """The opening of every chart: an image with an accessible name (title) and description."""
    return [
        f'<svg class="rk-grafiek" data-search-exclude role="img" aria-labelledby="{chart_id}-titel {chart_id}-uitleg" '
        f'viewBox="0 0 {width} {height}" width="100%" preserveAspectRatio="xMinYMin meet" xmlns="http://www.w3.org/2000/svg">',
        f'<title id="{chart_id}-titel">{escape(title)}</title>',
        f'<desc id="{chart_id}-uitleg">{escape(description)}</desc>',
    ]


@dataclass(frozen=True)
class Bar:
    label: str
    value: float
    note: str = ""


def bar_chart(chart_id: str, title: str, description: str, bars: list[Bar], unit: str) -> Markup:
    """Horizontal bars with labels and values written out; scales with the number of bars."""
    row = 28
    label_width = 420
    bar_width = 300
    width = label_width + bar_width + 90
    height = row * len(bars) + 20
    top = max((bar.value for bar in bars), default=0) or 1
    parts = _frame(chart_id, title, description, width, height)
    for number, bar in enumerate(bars):
        y = 10 + number * row
        length = max(1.0, bar.value / top * bar_width)
        parts.append(
            f'<text x="{label_width - 8}" y="{y + 17}" text-anchor="end" class="rk-grafiek-label">{escape(bar.label)}</text>'
            f'<rect x="{label_width}" y="{y + 4}" width="{length:.1f}" height="{row - 10}" class="rk-grafiek-balk"/>'
            f'<text x="{label_width + length + 6:.1f}" y="{y + 17}" class="rk-grafiek-waarde">{escape(dutch_number(bar.value))}{escape(unit)}</text>'
        )
    parts.append("</svg>")
    return Markup("".join(parts))


#: Small multiples: one narrow chart per measure, drawn at about its size on a 375 px phone.
SMALL_WIDTH = 320
SMALL_ROW = 38
#: Upper estimate of the width of one character of a 13px label (wide glyphs, bold digits).
SMALL_CHAR_WIDTH = 7.6


def _fit(text: str, room: float) -> str:
    """``text`` shortened with an ellipsis so that it fits ``room`` user units at 13px."""
    most = max(4, int(room // SMALL_CHAR_WIDTH))
    return text if len(text) <= most else text[: most - 1].rstrip() + "…"


def small_bar_chart(chart_id: str, title: str, description: str, bars: list[Bar], unit: str) -> Markup:
    """One measure as horizontal bars: each bar under its own label line (label and value), so no
    label needs a column of its own and every text stays inside the narrow box. A bar's ``note``
    (e.g. ``*``) follows its label; labels are shortened to fit (the data table has them in full)."""
    height = SMALL_ROW * len(bars) + 6
    top = max((bar.value for bar in bars), default=0) or 1
    parts = _frame(chart_id, title, description, SMALL_WIDTH, height)
    for number, bar in enumerate(bars):
        y = number * SMALL_ROW
        value = f"{dutch_number(bar.value)}{unit}"
        suffix = f" {bar.note}" if bar.note else ""
        room = SMALL_WIDTH - (len(value) + len(suffix) + 2) * SMALL_CHAR_WIDTH
        label = _fit(bar.label, room) + suffix
        length = max(1.0, max(0.0, bar.value) / top * (SMALL_WIDTH - 2))
        parts.append(
            f'<text x="0" y="{y + 14}" class="rk-grafiek-label">{escape(label)}: '
            f'<tspan class="rk-grafiek-waarde">{escape(value)}</tspan></text>'
            f'<rect x="0" y="{y + 19}" width="{length:.1f}" height="12" class="rk-grafiek-balk"/>'
        )
    parts.append("</svg>")
    return Markup("".join(parts))


@dataclass(frozen=True)
class Span:
    label: str
    start: int
    end: int
    marks: tuple[tuple[float, str], ...] = ()


def timeline_chart(chart_id: str, title: str, description: str, spans: list[Span]) -> Markup:
    """Document periods as bars on a year axis, with milestones as dots."""
    first = min((span.start for span in spans), default=2015)
    last = max((span.end for span in spans), default=first + 1) + 1
    label_width = 300
    year_width = 48
    row = 30
    width = label_width + (last - first) * year_width + 20
    height = row * len(spans) + 40
    parts = _frame(chart_id, title, description, width, height)
    for year in range(first, last + 1):
        x = label_width + (year - first) * year_width
        parts.append(f'<line x1="{x}" y1="0" x2="{x}" y2="{height - 20}" class="rk-grafiek-as"/>')
        parts.append(f'<text x="{x}" y="{height - 5}" text-anchor="middle" class="rk-grafiek-label">{year}</text>')
    for number, span in enumerate(spans):
        y = 8 + number * row
        x = label_width + (span.start - first) * year_width
        length = (span.end - span.start + 1) * year_width
        parts.append(f'<text x="{label_width - 8}" y="{y + 16}" text-anchor="end" class="rk-grafiek-label">{escape(span.label)}</text>')
        parts.append(f'<rect x="{x}" y="{y + 4}" width="{length}" height="{row - 12}" class="rk-grafiek-balk"/>')
        for position, label in span.marks:
            cx = label_width + (position - first) * year_width
            parts.append(f'<circle cx="{cx:.1f}" cy="{y + 13}" r="5" class="rk-grafiek-punt"><title>{escape(label)}</title></circle>')
    parts.append("</svg>")
    return Markup("".join(parts))
