"""Cross-region pages: theme matrix, theme pages, key figures, indicators, timeline, side by side.

Every page grows linearly with the number of regions: no page per pair of regions.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from . import urls
from .catalog import Catalog
from .charts import Span, SpanGroup, timeline_charts
from .context import SiteContext
from .dutch import dutch_date
from .glossary import TermIndex
from .measures import DIFFERENT, measure_rows
from .models import Action, Indicator, Principle, Region, Theme, Topic
from .pagetools import page_context
from .render import render
from .text import shorten


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


#: Ids on the timeline page: the caption that describes the chart (its ``aria-describedby``) and the
#: lists directly after the chart that give its data in words, with sources (its text alternative).
TIMELINE_CAPTION = "tijdlijn-toelichting"
TIMELINE_DATA = "tijdlijn-gegevens"


def _document_label(document) -> str:
    """The document's short name and period as the chart writes it above the document's bar."""
    name = document.short_title or document.title
    if document.period_start and document.period_end:
        return f"{name}, {document.period_start}–{document.period_end}"
    if document.period_start:
        return f"{name}, vanaf {document.period_start} (geen eindjaar genoemd)"
    if document.period_end:
        return f"{name}, tot en met {document.period_end} (geen beginjaar genoemd)"
    return f"{name}, {dutch_date(document.date)} (geen looptijd genoemd)"


def _timeline(catalog: Catalog):
    groups = []
    for region in catalog.regions:
        spans = []
        for document in region.documents:
            marks = tuple(_date_position(milestone.date) for milestone in region.milestones if milestone.source.document == document.id)
            spans.append(Span(_document_label(document), document.period_start, document.period_end, marks))
        groups.append(SpanGroup(region.name, tuple(spans)))
    if not groups:
        return None
    return timeline_charts(
        "tijdlijn",
        "Looptijd van de regiovisies en gedateerde stappen, per regio",
        "Per regio en per brondocument een balk over de jaren waarop het document betrekking heeft en een "
        "punt voor elke gedateerde stap uit het document; stappen in dezelfde periode staan onder elkaar.",
        groups,
        described_by=TIMELINE_CAPTION,
    )


def _date_position(value: str) -> float:
    """A date on the year axis, in the middle of what it names: ``2023`` at mid-2023, ``2023-Q4`` at
    mid-November, ``2023-06`` at mid-June, ``2023-06-20`` on that day (a month taken as 31 days)."""
    year = int(value[:4])
    if "-Q" in value:
        return year + (int(value[-1]) - 1) / 4 + 1 / 8
    if len(value) >= 10:
        return year + (int(value[5:7]) - 1) / 12 + (int(value[8:10]) - 0.5) / 31 / 12
    if len(value) >= 7:
        return year + (int(value[5:7]) - 0.5) / 12
    return year + 0.5


def comparison_pages(catalog: Catalog, index: TermIndex, site: SiteContext) -> dict[str, str]:
    """The matrix, one page per theme and the comparison pages."""
    matrix = theme_matrix(catalog)
    labels = item_labels(catalog)
    from .yardstick_pages import points_by_theme  # late import: yardstick_pages imports this module

    yardstick_points = points_by_theme(catalog)

    def context(page: str, link_terms: bool = False) -> dict:
        return page_context(catalog, page, index, link_terms)

    pages: dict[str, str] = {}
    pages[urls.matrix()] = render("matrix.md.j2", **context(urls.matrix()), matrix=matrix, regions=catalog.regions)
    for theme, cells in matrix:
        page = urls.theme(theme.id)
        pages[page] = render(
            "theme.md.j2",
            **context(page, link_terms=True),
            theme=theme,
            cells=cells,
            labels=labels,
            yardstick_points=yardstick_points.get(theme.id, []),
            action_line=action_line,
            action_titles=ACTION_TITLES,
        )
        briefing = urls.theme_briefing(theme.id)
        pages[briefing] = render("theme_briefing.md.j2", **context(briefing, link_terms=True), theme=theme, cells=cells, labels=labels)
    rows = measure_rows(catalog)
    pages[urls.key_figures()] = render(
        "key_figures.md.j2",
        **context(urls.key_figures()),
        regions=catalog.regions,
        rows=rows,
        charted_rows=[row for row in rows if row.chart],
        filled=sum(row.filled for row in rows),
        total=len(rows) * len(catalog.regions),
        different=DIFFERENT,
    )
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
    pages[urls.timeline()] = render(
        "timeline.md.j2",
        **context(urls.timeline()),
        chart=_timeline(catalog),
        caption_id=TIMELINE_CAPTION,
        data_id=TIMELINE_DATA,
        milestones=milestones,
        regions=catalog.regions,
    )
    from .side_by_side import side_by_side_pages  # it uses this module's helpers

    pages.update(side_by_side_pages(catalog, index, labels))
    return pages
