"""Two regions side by side, per theme, in words: the pair page and one page per region.

The pair page (``vergelijking/naast-elkaar``) is rendered for a default pair (IJsselland and
Twente when both exist, else the first two regions), so it reads without JavaScript. Each region
also gets a page with what its document says per theme (``regios/<id>/per-thema``); the page
script (``docs/assets/regiokompas.js``) shows the pair chosen in the URL (``?a=...&b=...``) by
taking the two regions' blocks from those pages. So the site grows by one page per region, never
by one page per pair: the comparison output stays linear in the number of regions.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from . import urls
from .catalog import Catalog
from .glossary import TermIndex
from .models import Action, Indicator, KeyFigure, Principle, Region, Source, Synthesis, Theme, Topic
from .pagetools import page_context
from .render import render
from .text import shorten

#: The pair shown without JavaScript and when the URL names no valid region.
DEFAULT_PAIR = ("ijsselland", "twente")
#: Longest one-line text after an item's title, in characters.
LINE_WIDTH = 140

#: Labels of the item kinds that have a fixed one; a topic is labelled with its own ``kind``.
KIND_LABELS = {Principle: "principe", Action: "actie", Indicator: "indicator", KeyFigure: "kerncijfer"}


@dataclass(frozen=True)
class Line:
    """One item of a region on a theme, in one line: what it is, its name, a line of text, its source."""

    kind: str
    item_id: str
    title: str
    text: str | None
    source: Source
    item: object

    @classmethod
    def of(cls, item: Principle | Topic | Action | Indicator | KeyFigure) -> Line:
        kind = item.kind if isinstance(item, Topic) else KIND_LABELS[type(item)]
        if isinstance(item, (Principle, Topic)):
            return cls(kind, item.id, item.title, shorten(item.summary, LINE_WIDTH), item.source, item)
        if isinstance(item, Action):
            if item.title:
                return cls(kind, item.id, item.title, shorten(item.text, LINE_WIDTH), item.source, item)
            return cls(kind, item.id, shorten(item.text, LINE_WIDTH), None, item.source, item)
        if isinstance(item, Indicator):
            return cls(kind, item.id, item.name, shorten(item.text, LINE_WIDTH) if item.text else None, item.source, item)
        return cls(kind, item.id, item.label, None, item.source, item)


@dataclass
class RegionTheme:
    """What one region's document says on one theme: the synthesis statements that concern the
    region and its items tagged with the theme, one line each."""

    region: Region
    theme: Theme
    statements: list[Synthesis] = field(default_factory=list)
    lines: list[Line] = field(default_factory=list)

    @property
    def addressed(self) -> bool:
        return bool(self.lines)


def concerned_regions(statement: Synthesis, catalog: Catalog) -> list[str]:
    """The ids of the regions a statement concerns (one of its ``refs`` is an item of the region), in catalog order."""
    places = catalog.item_places
    cited = {places[ref].region for ref in statement.refs if ref in places}
    return [region.id for region in catalog.regions if region.id in cited]


def region_theme(region: Region, theme: Theme, catalog: Catalog) -> RegionTheme:
    def tagged(items: list) -> list:
        return [item for item in items if theme.id in item.themes]

    items = [
        *tagged(region.principles),
        *tagged(region.topics),
        *tagged(region.actions),
        *tagged(region.indicators),
        *tagged(region.key_figures),
    ]
    statements = [statement for statement in theme.synthesis if region.id in concerned_regions(statement, catalog)]
    return RegionTheme(region, theme, statements, [Line.of(item) for item in items])


def default_pair(catalog: Catalog) -> tuple[Region, Region]:
    """IJsselland and Twente when both exist, else the first two regions (one region: twice the same)."""
    ids = [region.id for region in catalog.regions]
    if all(region_id in ids for region_id in DEFAULT_PAIR):
        return catalog.region(DEFAULT_PAIR[0]), catalog.region(DEFAULT_PAIR[1])
    first = catalog.regions[0]
    return first, catalog.regions[1] if len(catalog.regions) > 1 else first


def side_by_side_pages(catalog: Catalog, index: TermIndex, labels: dict[str, str]) -> dict[str, str]:
    """The pair page and one per-theme page per region; ``labels``: item id -> "Region: title" (Onderbouwing links)."""
    pages: dict[str, str] = {}
    for region in catalog.regions:
        page = urls.region_side_by_side(region.id)
        blocks = [region_theme(region, theme, catalog) for theme in catalog.themes]
        pages[page] = render("region_side_by_side.md.j2", **page_context(catalog, page, index), region=region, blocks=blocks, labels=labels)
    first, second = default_pair(catalog)
    page = urls.side_by_side()
    themes = [
        (
            theme,
            [_statement(statement, catalog, (first.id, second.id)) for statement in theme.synthesis],
            [region_theme(region, theme, catalog) for region in (first, second)],
        )
        for theme in catalog.themes
    ]
    pages[page] = render(
        "side_by_side.md.j2",
        **page_context(catalog, page, index),
        regions=catalog.regions,
        pair=(first, second),
        themes=themes,
        labels=labels,
    )
    return pages


def _statement(statement: Synthesis, catalog: Catalog, pair: tuple[str, str]) -> tuple[Synthesis, list[str], bool]:
    """A statement, the regions it concerns and whether it concerns a region of ``pair`` (shown)."""
    concerned = concerned_regions(statement, catalog)
    return statement, concerned, any(region_id in concerned for region_id in pair)
