"""The yardstick pages (issue 19): per national yardstick (NvO, Hervormingsagenda) a matrix
point × region and per point a detail section with every region's mapped items side by side.

A cell says only what the data says: addressed (an editorial judgement or the region's own
statement), said to be underexposed by the region itself, or not addressed in the document.
There is no verdict: no mapping is shown as "niet behandeld in het document".
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from . import urls
from .catalog import Catalog
from .context import SiteContext
from .escape import nav_title
from .glossary import TermIndex
from .models import Mapping, Region, Yardstick, YardstickPoint
from .pagetools import page_context
from .render import render
from .text import item_name

#: What one point of a yardstick is called on the site, by ``Yardstick.kind``: (singular, plural).
KIND_NAMES = {"eis": ("eis", "eisen"), "thema": ("thema", "thema's")}


@dataclass
class YardstickCell:
    """One region on one point: the mappings that say it is addressed or underexposed."""

    region: Region
    addressed: list[Mapping] = field(default_factory=list)
    underexposed: list[Mapping] = field(default_factory=list)

    @property
    def empty(self) -> bool:
        return not self.addressed and not self.underexposed

    @property
    def items(self) -> list[str]:
        """The ids of the items that address the point, in mapping order, without repeats."""
        return list(dict.fromkeys(item for mapping in self.addressed for item in mapping.items))


def yardstick_matrix(catalog: Catalog, yardstick: Yardstick) -> list[tuple[YardstickPoint, list[YardstickCell]]]:
    """Points as rows, one cell per region (in the catalog's region order)."""
    rows = []
    for point in yardstick.points:
        cells = {region.id: YardstickCell(region) for region in catalog.regions}
        for mapping in yardstick.mappings:
            if mapping.point == point.id and mapping.region in cells:
                target = cells[mapping.region].addressed if mapping.status == "behandeld" else cells[mapping.region].underexposed
                target.append(mapping)
        rows.append((point, list(cells.values())))
    return rows


def item_names(catalog: Catalog) -> dict[str, str]:
    """Item id -> a short name, for every item a mapping may name."""
    names: dict[str, str] = {}
    for region in catalog.regions:
        for item in [*region.principles, *region.topics, *region.actions, *region.indicators, *region.key_figures, *region.milestones]:
            names[item.id] = item_name(item, 70) or item.id
    return names


def points_by_theme(catalog: Catalog) -> dict[str, list[tuple[Yardstick, YardstickPoint]]]:
    """Theme id -> the yardstick points one of whose mapped items carries that theme."""
    themes_of: dict[str, set[str]] = {}
    for region in catalog.regions:
        for item in [*region.principles, *region.topics, *region.actions, *region.indicators, *region.key_figures]:
            themes_of[item.id] = set(item.themes)
    found: dict[str, list[tuple[Yardstick, YardstickPoint]]] = {}
    for yardstick in catalog.yardsticks:
        for point in yardstick.points:
            themes = {theme for mapping in yardstick.mappings if mapping.point == point.id for item in mapping.items for theme in themes_of.get(item, ())}
            for theme in sorted(themes):
                found.setdefault(theme, []).append((yardstick, point))
    return found


def yardsticks_of(catalog: Catalog, region_id: str) -> list[Yardstick]:
    """The yardsticks with at least one mapping for the region."""
    return [yardstick for yardstick in catalog.yardsticks if any(mapping.region == region_id for mapping in yardstick.mappings)]


def navigation(catalog: Catalog) -> list[dict[str, str]]:
    """MkDocs navigation entries (under Vergelijken): one per yardstick."""
    return [{nav_title(yardstick.name): urls.yardstick(yardstick.id)} for yardstick in catalog.yardsticks]


def yardstick_pages(catalog: Catalog, index: TermIndex, site: SiteContext) -> dict[str, str]:
    """One page per yardstick in ``yardsticks/``; none when the folder is absent."""
    names = item_names(catalog)
    pages: dict[str, str] = {}
    for yardstick in catalog.yardsticks:
        page = urls.yardstick(yardstick.id)
        context: dict[str, Any] = page_context(catalog, page, index, link_terms=False)
        singular, plural = KIND_NAMES[yardstick.kind]
        pages[page] = render(
            "yardstick.md.j2",
            **context,
            yardstick=yardstick,
            matrix=yardstick_matrix(catalog, yardstick),
            regions=catalog.regions,
            names=names,
            singular=singular,
            plural=plural,
            data_file=catalog.yardstick_files.get(yardstick.id, ""),
        )
    return pages
