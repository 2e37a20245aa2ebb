"""Region pages: one page per region, the overview of all regions and the change log."""

from __future__ import annotations

from collections import defaultdict

from markupsafe import Markup

from . import urls
from .catalog import Catalog
from .context import SiteContext
from .glossary import TermIndex
from .models import Region
from .pagetools import page_context
from .render import render


def _by_parent(items: list) -> dict[str, list]:
    grouped: dict[str, list] = defaultdict(list)
    for item in items:
        if item.parent:
            grouped[item.parent].append(item)
    return dict(grouped)


def render_region(catalog: Catalog, region: Region, index: TermIndex, site: SiteContext) -> str:
    data_file = catalog.region_files[region.id]
    edit = site.edit_url(data_file)
    return render(
        "region.md.j2",
        **page_context(catalog, urls.region(region.id), index),
        region=region,
        actions_by_parent=_by_parent(region.actions),
        indicators_by_parent=_by_parent(region.indicators),
        data_file=data_file,
        changed=site.last_changed(catalog.data_files(region.id)),
        edit=Markup(edit) if edit else None,
    )


def region_pages(catalog: Catalog, index: TermIndex, site: SiteContext) -> dict[str, str]:
    """The overview, the change log and one page per region."""
    pages = {urls.region(region.id): render_region(catalog, region, index, site) for region in catalog.regions}
    pages[urls.regions_index()] = render(
        "regions_index.md.j2", **page_context(catalog, urls.regions_index(), index, link_terms=False), regions=catalog.regions
    )
    pages[urls.changes()] = render(
        "changes.md.j2",
        **page_context(catalog, urls.changes(), index, link_terms=False),
        history=[(region, site.changes(catalog.data_files(region.id))) for region in catalog.regions],
    )
    return pages
