"""Static, accessible SVG charts rendered at build time (no JavaScript, no requests)."""

from __future__ import annotations

from dataclasses import dataclass

from markupsafe import Markup, escape

from .dutch import dutch_number


def _frame(chart_id: str, title: str, description: str, width: float, height: float, described_by: str = "") -> list[str]:
    """The opening of every chart: an image with an accessible name (title) and description.

    ``described_by``: the id of the page text that gives the chart's data in words, if any.
    """
    describe = f' aria-describedby="{escape(described_by)}"' if described_by else ""
    return [
        f'<svg class="rk-grafiek" data-search-exclude role="img" aria-labelledby="{chart_id}-titel {chart_id}-uitleg"{describe} '
        f'viewBox="0 0 {width} {height}" width="100%" preserveAspectRatio="xMinYMin meet" xmlns="http://www.w3.org/2000/svg">',
        f'<title id="{chart_id}-titel">{escape(title)}</title>',
        f'<desc id="{chart_id}-uitleg">{escape(description)}</desc>',
    ]


@dataclass(frozen=True)
class Bar:
    label: str
    value: float
    note: str = ""


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


#: Timeline text: one font size (CSS ``.rk-grafiek-label``), the line it takes and a conservative
#: width per character (``0.6`` of the size; bold ``0.66``), so that no label can run past its room.
FONT = 13
LINE = 18
CHAR = 0.6 * FONT
BOLD_CHAR = 0.66 * FONT
#: The two layouts of the timeline, by the width of their drawing (CSS px at scale 1): the wide one
#: fills the content column of a laptop, the narrow one a phone (CSS picks one by the room there is).
TIMELINE_LAYOUTS = (("breed", 680), ("smal", 340))
DOT = 4  # radius of a milestone dot
MARGIN = 4


@dataclass(frozen=True)
class Span:
    """One document on the timeline: its period (whole years, both ends included) and its dated steps.

    The steps are dots without words: the list that follows the chart names each one with its source.
    """

    label: str
    start: int | None
    end: int | None
    marks: tuple[float, ...] = ()  # the steps' places on the year axis (2023.5: mid-2023)


@dataclass(frozen=True)
class SpanGroup:
    """One region on the timeline: its name and its documents."""

    label: str
    spans: tuple[Span, ...]


def wrap(text: str, width: float, char: float, max_lines: int = 3) -> list[str]:
    """``text`` in lines of at most ``width`` (at ``char`` per character); a longer word is cut,
    and the last line ends in an ellipsis when more lines would be needed."""
    per_line = max(2, int(width // char))
    lines: list[str] = []
    current = ""
    for word in text.split():
        while len(word) > per_line:
            if current:
                lines.append(current)
                current = ""
            lines.append(word[:per_line])
            word = word[per_line:]
        if not current:
            current = word
        elif len(current) + 1 + len(word) <= per_line:
            current = f"{current} {word}"
        else:
            lines.append(current)
            current = word
    if current:
        lines.append(current)
    if len(lines) > max_lines:
        lines = lines[:max_lines]
        lines[-1] = lines[-1][: per_line - 1].rstrip() + "…"
    return lines or [""]


def _lanes(positions: list[float], gap: float) -> list[int]:
    """For positions in ascending order, the lane of each: the first lane where it keeps ``gap``
    to the dot before it (dots of the same moment stack in lanes below each other)."""
    ends: list[float] = []
    lanes = []
    for x in positions:
        for number, end in enumerate(ends):
            if x - end >= gap:
                ends[number] = x
                lanes.append(number)
                break
        else:
            ends.append(x)
            lanes.append(len(ends) - 1)
    return lanes


def _year_range(groups: list[SpanGroup]) -> tuple[int, int]:
    years = [year for group in groups for span in group.spans for year in (span.start, span.end) if year]
    years += [int(position) for group in groups for span in group.spans for position in span.marks]
    return (min(years), max(years)) if years else (2015, 2025)


def _n(value: float) -> str:
    """A coordinate with one decimal at most: ``75`` or ``186.3``."""
    return f"{value:.1f}".removesuffix(".0")


def timeline_chart(chart_id: str, title: str, description: str, groups: list[SpanGroup], width: int, described_by: str = "") -> Markup:
    """Per region its name, and per document a label line, its period as a bar on a year axis and its
    dated steps as dots under the bar (steps at the same moment stack downwards).

    Every label has a line of its own, wrapped to the width at a conservative estimate of its
    length, and the dots have rows of their own: no label can touch another label or a dot.
    """
    first, last = _year_range(groups)
    year_label = CHAR * 4
    pad = MARGIN + year_label / 2 + 2  # the first and last year label stay inside
    year_width = (width - 2 * pad) / (last - first + 1)
    step = next((k for k in (1, 2, 5, 10, 20, 50) if k * year_width >= year_label + 8), 100)
    labelled = [year for year in range(first, last + 1) if year % step == 0] or [first]

    def x_of(position: float) -> float:
        return pad + (position - first) * year_width

    def text(x: float, y: float, value: str, css: str = "rk-grafiek-label", anchor: str = "start") -> str:
        return f'<text x="{_n(x)}" y="{_n(y + 13)}" text-anchor="{anchor}" class="{css}">{escape(value)}</text>'

    # Grid lines at the labelled years, under each document: one pattern, a rectangle per document.
    grid = f"{chart_id}-raster"
    body: list[str] = [
        f'<defs><pattern id="{grid}" patternUnits="userSpaceOnUse" x="{_n(x_of(labelled[0]) - 0.5)}" y="0" width="{_n(step * year_width)}" height="10">'
        '<path d="M0.5 0V10" class="rk-grafiek-as"/></pattern></defs>'
    ]

    def axis(y: float) -> list[str]:
        return [text(x_of(year + 0.5), y, str(year), anchor="middle") for year in labelled]

    body += axis(0)
    y = LINE + 6
    for group in groups:
        for line in wrap(group.label, width - 2 * MARGIN, BOLD_CHAR):
            body.append(text(MARGIN, y, line, "rk-grafiek-label rk-grafiek-kop"))
            y += LINE
        for span in group.spans:
            for line in wrap(span.label, width - 2 * MARGIN, CHAR):
                body.append(text(MARGIN, y, line))
                y += LINE
            bar_top = y + 2
            marks = sorted(span.marks)
            lanes = _lanes([x_of(position) for position in marks], 2 * DOT + 2)
            bottom = bar_top + 8 + (max(lanes, default=-1) + 1) * (2 * DOT + 2) + 2
            body.append(f'<rect x="{_n(pad)}" y="{_n(bar_top)}" width="{_n(width - 2 * pad)}" height="{_n(bottom - bar_top)}" fill="url(#{grid})"/>')
            if span.start and span.end:
                body.append(
                    f'<rect x="{_n(x_of(span.start))}" y="{_n(bar_top)}" width="{_n((span.end - span.start + 1) * year_width)}" height="6" class="rk-grafiek-balk"/>'
                )
            if marks:
                body.append('<g class="rk-grafiek-punt">')
                for position, lane in zip(marks, lanes, strict=True):
                    body.append(f'<circle cx="{_n(x_of(position))}" cy="{_n(bar_top + 8 + DOT + 1 + lane * (2 * DOT + 2))}" r="{DOT}"/>')
                body.append("</g>")
            y = bottom + 8
        y += 6
    body += axis(y)
    height = y + LINE + 2
    parts = _frame(chart_id, title, description, width, round(height), described_by)
    parts += body
    parts.append("</svg>")
    return Markup("".join(parts))


def timeline_charts(chart_id: str, title: str, description: str, groups: list[SpanGroup], described_by: str = "") -> Markup:
    """The timeline in each layout, each in a box no wider than its drawing; CSS shows the one that fits."""
    return Markup("").join(
        Markup('<div class="rk-tijdlijn-{name}" style="max-width: {width}px">{chart}</div>').format(
            name=name,
            width=width,
            chart=timeline_chart(f"{chart_id}-{name}", title, description, groups, width, described_by),
        )
        for name, width in TIMELINE_LAYOUTS
    )
