"""Cross-region pages: theme matrix, theme pages, key figures, indicators, timeline, side by side.

Every page grows linearly with the number of regions: no page per pair of regions.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from . import urls
from .catalog import Catalog
from .charts import Bar, Span, bar_chart, timeline_chart
from .context import SiteContext
from .dutch import dutch_date
from .glossary import TermIndex
from .models import Action, Indicator, Principle, Region, Theme, Topic
from .pagetools import page_context
from .render import render


@dataclass
class ThemeCell:
    """What one region's document says on one theme."""

    region: Region
    principles: list[Principle] = field(default_factory=list)
    topics: list[Topic] = field(default_factory=list)
    actions: list[Action] = field(default_factory=list)
    indicators: list[Indicator] = field(default_factory=list)

    @property
    def addressed(self) -> bool:
        return bool(self.principles or self.topics or self.actions or self.indicators)

    @property
    def headline(self) -> str:
        """One line for the matrix: the first principle, topic or action on the theme."""
        if self.principles:
            return self.principles[0].title
        if self.topics:
            return self.topics[0].title
        if self.actions:
            return self.actions[0].title or shorten(self.actions[0].text, 90)
        if self.indicators:
            return self.indicators[0].name
        return ""


def shorten(text: str, width: int) -> str:
    """``text`` cut at a word boundary to at most ``width`` characters, with an ellipsis."""
    flat = " ".join(text.split())
    if len(flat) <= width:
        return flat
    return flat[:width].rsplit(" ", 1)[0].rstrip(",;:") + "…"


#: Action titles per region on a theme page; the rest are on the region's per-theme page.
ACTION_TITLES = 10


def action_line(action: Action) -> str:
    """An action in one line: its title, else its text shortened."""
    return action.title or shorten(action.text, 70)


def theme_cell(region: Region, theme_id: str) -> ThemeCell:
    def tagged(items: list) -> list:
        return [item for item in items if theme_id in item.themes]

    return ThemeCell(
        region=region,
        principles=tagged(region.principles),
        topics=tagged(region.topics),
        actions=tagged(region.actions),
        indicators=tagged(region.indicators),
    )


def theme_matrix(catalog: Catalog) -> list[tuple[Theme, list[ThemeCell]]]:
    """Themes as rows, one cell per region."""
    return [(theme, [theme_cell(region, theme.id) for region in catalog.regions]) for theme in catalog.themes]


def item_labels(catalog: Catalog) -> dict[str, str]:
    """Item id -> "Region: title" for links from synthesis statements (the items they may cite)."""
    labels: dict[str, str] = {}
    for region in catalog.regions:
        for principle in region.principles:
            labels[principle.id] = f"{region.name}: {principle.title}"
        for topic in region.topics:
            labels[topic.id] = f"{region.name}: {topic.title}"
        for action in region.actions:
            labels[action.id] = f"{region.name}: {action.title or shorten(action.text, 70)}"
        for indicator in region.indicators:
            labels[indicator.id] = f"{region.name}: {indicator.name}"
        for figure in region.key_figures:
            labels[figure.id] = f"{region.name}: {figure.label}"
    return labels


def _key_figure_chart(catalog: Catalog):
    bars = [
        Bar(f"{region.name}: {figure.label} ({figure.year or 'jaar niet genoemd'})", float(figure.value))
        for region in catalog.regions
        for figure in region.key_figures
        if figure.unit == "%"
    ]
    if not bars:
        return None, []
    chart = bar_chart(
        "kerncijfers-procenten",
        "Kerncijfers in procenten, per regio",
        "Staafdiagram van alle kerncijfers die de regio's als percentage geven. Elk percentage heeft een "
        "eigen definitie, populatie en jaar; die staan in de tabel hieronder.",
        bars,
        "%",
    )
    return chart, bars


def _timeline(catalog: Catalog):
    spans = []
    for region in catalog.regions:
        for document in region.documents:
            start = document.period_start or int(document.date[:4])
            end = document.period_end or start
            marks = tuple(
                (_date_position(milestone.date), f"{dutch_date(milestone.date)}: {milestone.label}")
                for milestone in region.milestones
                if milestone.source.document == document.id
            )
            spans.append(Span(f"{region.name}: {document.title}"[:60], start, end, marks))
    if not spans:
        return None
    return timeline_chart(
        "tijdlijn-perioden",
        "Perioden van de regiovisies en gedateerde stappen",
        "Per brondocument een balk van het eerste tot het laatste jaar waarop het betrekking heeft; de "
        "punten zijn de gedateerde stappen uit het document. De lijst hieronder geeft dezelfde gegevens.",
        spans,
    )


def _date_position(value: str) -> float:
    year = int(value[:4])
    if "-Q" in value:
        return year + (int(value[-1]) - 1) / 4
    if len(value) >= 7:
        return year + (int(value[5:7]) - 1) / 12
    return float(year)


def comparison_pages(catalog: Catalog, index: TermIndex, site: SiteContext) -> dict[str, str]:
    """The matrix, one page per theme and the comparison pages."""
    matrix = theme_matrix(catalog)
    labels = item_labels(catalog)

    def context(page: str, link_terms: bool = False) -> dict:
        return page_context(catalog, page, index, link_terms)

    pages: dict[str, str] = {}
    pages[urls.matrix()] = render("matrix.md.j2", **context(urls.matrix()), matrix=matrix, regions=catalog.regions)
    for theme, cells in matrix:
        page = urls.theme(theme.id)
        pages[page] = render(
            "theme.md.j2", **context(page, link_terms=True), theme=theme, cells=cells, labels=labels, action_line=action_line, action_titles=ACTION_TITLES
        )
        briefing = urls.theme_briefing(theme.id)
        pages[briefing] = render("theme_briefing.md.j2", **context(briefing, link_terms=True), theme=theme, cells=cells, labels=labels)
    chart, bars = _key_figure_chart(catalog)
    pages[urls.key_figures()] = render("key_figures.md.j2", **context(urls.key_figures()), regions=catalog.regions, chart=chart, bars=bars)
    pages[urls.indicators()] = render(
        "indicators.md.j2",
        **context(urls.indicators()),
        rows=[(theme, [cell for cell in cells if cell.indicators]) for theme, cells in matrix],
        without_indicator=[theme for theme, cells in matrix if not any(cell.indicators for cell in cells)],
    )
    milestones = sorted(
        ((milestone.date, region, milestone) for region in catalog.regions for milestone in region.milestones),
        key=lambda entry: (entry[0], entry[1].name, entry[2].id),
    )
    pages[urls.timeline()] = render("timeline.md.j2", **context(urls.timeline()), chart=_timeline(catalog), milestones=milestones, regions=catalog.regions)
    from .side_by_side import side_by_side_pages  # it uses this module's helpers

    pages.update(side_by_side_pages(catalog, index, labels))
    return pages
