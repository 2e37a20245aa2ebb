"""Region pages: one page per region and the overview of all regions."""

from __future__ import annotations

from collections import defaultdict

import re

from markupsafe import Markup

from .catalog import Catalog
from .history import changes, last_changed
from .glossary import TermIndex
from .models import Region
from .pagetools import PageTools
from .render import render


def region_page(region_id: str) -> str:
    return f"regios/{region_id}.md"


def _by_parent(items: list) -> dict[str, list]:
    grouped: dict[str, list] = defaultdict(list)
    for item in items:
        if item.parent:
            grouped[item.parent].append(item)
    return dict(grouped)


def edit_link(catalog: Catalog, file: str) -> Markup | None:
    """``<repo_url>/edit/main/<file>`` when the site has a repository address."""
    if not catalog.repo_url or not re.fullmatch(r"https://[^\s<>()\[\]]+", catalog.repo_url):
        return None
    return Markup(f"{catalog.repo_url.rstrip('/')}/edit/main/{file}")


def render_region(catalog: Catalog, region: Region, index: TermIndex) -> str:
    page = region_page(region.id)
    files = catalog.data_files(region.id)
    return render(
        "region.md.j2",
        t=PageTools(catalog, page, index),
        region=region,
        actions_by_parent=_by_parent(region.actions),
        indicators_by_parent=_by_parent(region.indicators),
        data_file=catalog.region_files[region.id],
        changed=last_changed(catalog.root, files),
        edit=edit_link(catalog, catalog.region_files[region.id]),
    )


def region_pages(catalog: Catalog, index: TermIndex) -> dict[str, str]:
    """``regios/index.md`` and ``regios/<id>.md`` for every region."""
    pages = {region_page(region.id): render_region(catalog, region, index) for region in catalog.regions}
    pages["regios/index.md"] = render(
        "regions_index.md.j2", t=PageTools(catalog, "regios/index.md", index, link_terms=False), regions=catalog.regions
    )
    pages["regios/wijzigingen.md"] = render(
        "changes.md.j2",
        t=PageTools(catalog, "regios/wijzigingen.md", index, link_terms=False),
        history=[(region, changes(catalog.root, catalog.data_files(region.id))) for region in catalog.regions],
    )
    return pages
