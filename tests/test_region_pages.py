"""Region pages for readers: notes by kind in the right place, every item at one stable anchor."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from conftest import ROOT, primary_nav, text_of
from regiokompas import urls
from regiokompas.catalog import editor_note_items, load_catalog, walk
from regiokompas.generate import build_pages


@pytest.fixture(scope="module")
def real() -> tuple:
    catalog = load_catalog(ROOT)
    return catalog, build_pages(catalog)


def _page_of(catalog, region, location, item) -> str:
    """The page an item with a note is shown on (the ambition and its elements: overview / principles)."""
    item_id = getattr(item, "id", None)
    if isinstance(item_id, str) and item is not region:
        place = catalog.item_places[item_id]
        return urls.item_page(place.region, place.kind, place.parent_kind, place.part)
    return urls.region(region.id) if len(location) == 1 else urls.region_page(region.id, "principes")


def _visible(text: str) -> str:
    """Text without white space (tags of glossary links become spaces in ``text_of``)."""
    return "".join(text.split())


def test_every_note_kind_occurs_in_the_data(real) -> None:
    catalog, _ = real
    kinds = {item.note_kind for region in catalog.regions for _, item in walk(region) if getattr(item, "note", None) and hasattr(item, "note_kind")}
    assert {"document", "conversie", "redactie"} <= kinds


def test_note_kinds_render_in_the_right_place(real) -> None:
    catalog, pages = real
    wrong: list[str] = []
    checked = {"document": 0, "conversie": 0, "redactie": 0}
    texts: dict[str, str] = {}
    for region in catalog.regions:
        account = _visible(text_of(pages[urls.region_page(region.id, "verantwoording")]))
        keys = {id(item): key for key, item in editor_note_items(region)}
        for location, item in walk(region):
            if not (hasattr(item, "note_kind") and getattr(item, "note", None)):
                continue
            path = _page_of(catalog, region, location, item)
            page = pages[path]
            shown = texts[path] if path in texts else texts.setdefault(path, _visible(text_of(page)))
            note = _visible(item.note)
            kind = item.note_kind or "document"
            checked[kind] += 1
            if kind == "document":
                if note not in shown:
                    wrong.append(f"{region.id} {location}: document note not on the item's page")
            else:
                anchor = urls.note_anchor(keys[id(item)])
                if note in shown:
                    wrong.append(f"{region.id} {location}: {kind} note shown on the reader's page")
                if not re.search(r"\[Toelichting\]\([^)]*verantwoording\.md#" + re.escape(anchor) + r"\)", page):
                    wrong.append(f"{region.id} {location}: no 'Toelichting' link to #{anchor}")
                if note not in account:
                    wrong.append(f"{region.id} {location}: {kind} note missing on the verantwoording page")
                if f'<a id="{anchor}"></a>' not in pages[urls.region_page(region.id, "verantwoording")]:
                    wrong.append(f"{region.id} {location}: no anchor {anchor} on the verantwoording page")
    print(f"notes checked: {checked}")
    assert all(checked.values()) and wrong == []


def test_document_level_notes_are_on_the_verantwoording_page_only(real) -> None:
    catalog, pages = real
    for region in catalog.regions:
        account = _visible(text_of(pages[urls.region_page(region.id, "verantwoording")]))
        overview = _visible(text_of(pages[urls.region(region.id)]))
        for note in [*(n for d in region.documents for n in d.notes), *(n.text for n in region.notes)]:
            assert _visible(note) in account
            assert _visible(note) not in overview


def _html_file(site: Path, page: str) -> Path:
    """The built file of a page (``use_directory_urls``): ``a/b.md`` -> ``a/b/index.html``."""
    stem = page.removesuffix(".md")
    return site / (stem.removesuffix("index") + "index.html" if stem.endswith("index") else stem + "/index.html")


def test_every_item_id_resolves_to_exactly_one_anchor(built_site: Path, real) -> None:
    catalog, _ = real
    counts: dict[str, list[str]] = {item_id: [] for item_id in catalog.item_places}
    pattern = re.compile(r'\sid="([^"]+)"')
    for path in built_site.rglob("*.html"):
        for found in pattern.findall(path.read_text(encoding="utf-8")):
            if found in counts:
                counts[found].append(path.relative_to(built_site).as_posix())
    wrong = {item_id: pages for item_id, pages in counts.items() if len(pages) != 1}
    assert wrong == {}
    misplaced = {}
    for item_id, place in catalog.item_places.items():
        page, _ = urls.item(place.region, item_id, place.kind, place.parent_kind, place.part)
        expected = _html_file(built_site, page).relative_to(built_site).as_posix()
        if counts[item_id] != [expected]:
            misplaced[item_id] = (counts[item_id], expected)
    print(f"item anchors: {len(counts)} ids, each exactly once, on the page urls.item names")
    assert misplaced == {}


def test_a_regions_pages_are_in_the_navigation_of_its_own_pages_only(built_site: Path, real) -> None:
    """The navigation is pruned (navigation.prune): a page carries its own section in full, the
    other sections as one link each, so its size does not grow with every region added."""
    catalog, _ = real
    for region in catalog.regions:
        nav = primary_nav(built_site / "regios" / region.id / "index.html")
        for name in ("principes", "verantwoording"):
            assert f'href="{name}/"' in nav, (region.id, name)
        for other in catalog.regions:
            if other.id != region.id:
                assert f'href="../{other.id}/"' in nav and f"{other.id}/principes/" not in nav, (region.id, other.id)
    home = primary_nav(built_site / "index.html")
    assert 'href="regios/"' in home
    assert not any(f"regios/{region.id}/" in home for region in catalog.regions)


#: A phone screen (iPhone SE/8 viewport) and how many of them a region overview may take.
PHONE = {"width": 375, "height": 667}
OVERVIEW_SCREENS = 6


@pytest.mark.browser
def test_region_overview_fits_six_phone_screens(server: str, browser, real) -> None:
    catalog, _ = real
    page = browser.new_page(viewport=PHONE)
    heights = {}
    for region in catalog.regions:
        page.goto(f"{server}/regios/{region.id}/", wait_until="load")
        heights[region.id] = page.evaluate("document.documentElement.scrollHeight")
    page.close()
    print(f"overview scroll height at 375 px: {heights} (limit {OVERVIEW_SCREENS * PHONE['height']})")
    assert all(height <= OVERVIEW_SCREENS * PHONE["height"] for height in heights.values()), heights


def test_editors_notes_on_glossary_definitions_are_on_the_verantwoording_page(real) -> None:
    catalog, pages = real
    assert catalog.glossary_editor_notes, "the data has glossary notes for editors"
    for region_id, key, entry in catalog.glossary_editor_notes:
        concept_page = pages[urls.concept(entry.concept)]
        account = pages[urls.region_page(region_id, "verantwoording")]
        anchor = urls.note_anchor(key)
        assert _visible(entry.note) not in _visible(text_of(concept_page)), (region_id, entry.concept)
        assert f"../regios/{region_id}/verantwoording.md#{anchor})" in concept_page, (region_id, entry.concept)
        assert f'<a id="{anchor}"></a>' in account and _visible(entry.note) in _visible(text_of(account))


@pytest.mark.browser
def test_old_single_page_item_links_lead_to_the_item(server: str, browser) -> None:
    page = browser.new_page()
    for old, new in [
        ("/regios/twente/#twe-p1", "/regios/twente/principes/#twe-p1"),
        ("/regios/ijsselland/#ijs-kf-inwoners", "/regios/ijsselland/cijfers/#ijs-kf-inwoners"),
    ]:
        page.goto(server + old, wait_until="load")
        page.wait_for_url(server + new, timeout=5000)
        assert page.evaluate("document.getElementById(location.hash.slice(1)) !== null")
    page.goto(server + "/regios/twente/#ambitie", wait_until="load")
    assert page.url == server + "/regios/twente/#ambitie"
    page.close()


def test_each_overview_says_what_sets_the_region_apart_with_links_to_its_items(real) -> None:
    catalog, pages = real
    for region in catalog.regions:
        assert 2 <= len(region.distinctive) <= 4, region.id
        overview = pages[urls.region(region.id)]
        section = overview[overview.index("## Wat deze regio onderscheidt") : overview.index("## Verder lezen")]
        links = urls.Links(urls.region(region.id), catalog.item_places)
        shown = _visible(text_of(section))
        for point in region.distinctive:
            assert all(catalog.item_places[ref].region == region.id for ref in point.refs)
            assert _visible(point.text) in shown, (region.id, point.text)
            for ref in point.refs:
                assert f"]({links.item(ref)})" in section, (region.id, ref)
        assert section.count("\n- ") == len(region.distinctive), region.id
