"""The theme syntheses compare every region that addresses the theme.

A region addresses a theme when one of its principles, topics, actions or indicators lists
the theme in ``themes``. The theme's synthesis covers that region when at least one of its
statements cites (through ``refs``) an item of that region.
"""

from __future__ import annotations

import dataclasses
from functools import cache

from conftest import ROOT
from regiokompas.catalog import Catalog, load_catalog

#: The region lists whose items decide which themes a region addresses.
ADDRESSING_KINDS = ("principles", "topics", "actions", "indicators")


@cache
def catalog() -> Catalog:
    return load_catalog(ROOT)


def addressed(catalog: Catalog) -> set[tuple[str, str]]:
    """``(theme id, region id)`` for every theme a region addresses."""
    return {(theme, region.id) for region in catalog.regions for kind in ADDRESSING_KINDS for item in getattr(region, kind) for theme in item.themes}


def covered(catalog: Catalog) -> set[tuple[str, str]]:
    """``(theme id, region id)`` for every region a theme's synthesis cites an item of."""
    return {
        (theme.id, catalog.item_places[ref].region)
        for theme in catalog.themes
        for statement in theme.synthesis
        for ref in statement.refs
        if ref in catalog.item_places
    }


def uncovered(catalog: Catalog) -> list[str]:
    """Readable ``theme: region (n items)`` lines for addressed but uncited regions."""
    counts: dict[tuple[str, str], int] = {}
    for region in catalog.regions:
        for kind in ADDRESSING_KINDS:
            for item in getattr(region, kind):
                for theme in item.themes:
                    counts[(theme, region.id)] = counts.get((theme, region.id), 0) + 1
    return [
        f"{theme}: {region} ({counts[(theme, region)]} items tagged, no synthesis statement cites one)"
        for theme, region in sorted(addressed(catalog) - covered(catalog))
    ]


def without_region_refs(catalog: Catalog, theme_id: str, region_id: str) -> Catalog:
    """A copy of ``catalog`` whose synthesis of ``theme_id`` no longer cites ``region_id``."""
    regions = {item_id: place.region for item_id, place in catalog.item_places.items()}
    themes = []
    for theme in catalog.themes:
        if theme.id == theme_id:
            statements = []
            for statement in theme.synthesis:
                refs = [ref for ref in statement.refs if regions.get(ref) != region_id]
                if refs:
                    statements.append(statement.model_copy(update={"refs": refs}))
            theme = theme.model_copy(update={"synthesis": statements})
        themes.append(theme)
    return dataclasses.replace(catalog, themes=themes)


def test_every_region_that_addresses_a_theme_is_cited_in_its_synthesis() -> None:
    assert uncovered(catalog()) == []


def test_every_theme_is_addressed_and_has_a_synthesis() -> None:
    themes = {theme for theme, _ in addressed(catalog())}
    assert themes == {theme.id for theme in catalog().themes}
    assert all(theme.synthesis for theme in catalog().themes)


def test_the_coverage_check_reports_a_region_whose_refs_are_removed() -> None:
    real = catalog()
    before = uncovered(real)
    for theme_id, region_id in sorted(addressed(real) & covered(real)):
        reported = uncovered(without_region_refs(real, theme_id, region_id))
        new = [line for line in reported if line not in before]
        assert len(new) == 1 and new[0].startswith(f"{theme_id}: {region_id} ("), (theme_id, region_id, new)


def test_the_coverage_check_ignores_a_region_that_does_not_address_the_theme() -> None:
    real = catalog()
    # Such a region is usually not cited either; it must not be reported as missing.
    silent = {(theme.id, region.id) for theme in real.themes for region in real.regions} - addressed(real)
    assert silent - covered(real), "expected a theme that a region neither addresses nor is cited for"
    for theme_id, region_id in silent:
        assert not any(line.startswith(f"{theme_id}: {region_id} (") for line in uncovered(real))
