"""What makes a page slow on a phone (issue 15, Lighthouse): abbreviation tooltips and page size."""

from __future__ import annotations

import re
from collections import Counter
from html.parser import HTMLParser
from pathlib import Path

import pytest

from conftest import ROOT, primary_nav
from regiokompas.catalog import load_catalog
from regiokompas.glossary import first_abbreviations_only
from regiokompas.models import Topic
from regiokompas.topic_pages import TOPICS_WEIGHT, chapters, topic_pages

#: Most HTML elements a region's detail page may have (Lighthouse counts the DOM on load; above
#: about 1,500 Material's scripts block a phone's main thread for long).
DOM_BUDGET = 1500
#: Region pages outside that budget: the per-theme page is one line per item for the side-by-side
#: comparison (issue 18), not a detail page; its weight is reported by ``make lighthouse``.
OUTSIDE_BUDGET = ("per-thema",)


def test_only_the_first_occurrence_of_an_abbreviation_keeps_its_tooltip() -> None:
    html = '<p><abbr title="Gecertificeerde instelling">GI</abbr> en <abbr title="Gecertificeerde instelling">GI</abbr>, <abbr title="Wijkteam">WT</abbr></p>'
    assert first_abbreviations_only(html) == '<p><abbr title="Gecertificeerde instelling">GI</abbr> en GI, <abbr title="Wijkteam">WT</abbr></p>'
    assert first_abbreviations_only(html, tooltips=False) == "<p>GI en GI, WT</p>"


def _abbreviations(path: Path) -> Counter[str]:
    return Counter(re.findall(r"<abbr\b[^>]*>([^<]*)</abbr>", path.read_text(encoding="utf-8")))


def test_an_abbreviation_gets_exactly_one_tooltip_per_page(built_site: Path) -> None:
    repeated = {}
    with_tooltips = 0
    for path in sorted(built_site.rglob("*.html")):
        counts = _abbreviations(path)
        with_tooltips += bool(counts)
        if any(count > 1 for count in counts.values()):
            repeated[path.relative_to(built_site).as_posix()] = sorted(word for word, count in counts.items() if count > 1)
    assert repeated == {}
    assert with_tooltips > 20, "the site shows abbreviation tooltips at all"
    topics = _abbreviations(built_site / "regios" / "rijk-van-nijmegen" / "principes" / "index.html")
    assert topics and set(topics.values()) == {1}


def test_the_glossary_index_has_no_abbreviation_tooltips(built_site: Path) -> None:
    page = built_site / "begrippen" / "index.html"
    assert "GI" in page.read_text(encoding="utf-8")
    assert _abbreviations(page) == Counter()


class _Elements(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.count = 0

    def handle_starttag(self, tag: str, attrs: list) -> None:
        self.count += 1


def dom_size(path: Path) -> int:
    counter = _Elements()
    counter.feed(path.read_text(encoding="utf-8"))
    return counter.count


def test_no_region_page_exceeds_the_dom_budget(built_site: Path) -> None:
    sizes = {
        path.relative_to(built_site).as_posix(): dom_size(path)
        for path in sorted((built_site / "regios").glob("*/*/index.html"))
        if path.parent.name not in OUTSIDE_BUDGET
    }
    assert len(sizes) > 20
    print("largest region pages:", sorted(sizes.items(), key=lambda item: -item[1])[:5])
    assert {page: size for page, size in sizes.items() if size > DOM_BUDGET} == {}


def test_split_topics_pages_hold_every_topic_once_in_document_order_by_whole_chapters() -> None:
    catalog = load_catalog(ROOT)
    split = 0
    for region in catalog.regions:
        pages = topic_pages(region)
        weight = len(region.topics) + sum(1 for action in region.actions if action.parent in {topic.id for topic in region.topics})
        assert bool(pages) == (weight > TOPICS_WEIGHT), region.id
        if not pages:
            continue
        split += 1
        assert [topic.id for page in pages for topic in page.topics] == [topic.id for topic in region.topics]
        starts = {chapter[0].id for chapter in chapters(region.topics)}
        assert all(page.topics[0].id in starts for page in pages), region.id
        for page in pages:
            places = {catalog.item_places[topic.id].part for topic in page.topics}
            assert places == {page.number}, (region.id, page.number)
    assert split >= 1


def test_chapters_start_at_a_chapter_a_first_appendix_or_a_new_section_number() -> None:
    def topic(number: str | None, kind: str) -> Topic:
        return Topic.model_construct(id=f"t-{kind}-{number}", kind=kind, number=number, title="x", summary="x")

    topics = [topic(None, "voorwoord"), topic("1", "hoofdstuk"), topic("1", "opgave"), topic("2.1", "paragraaf"), topic("1", "bijlage"), topic("2", "bijlage")]
    assert [[item.id for item in chapter] for chapter in chapters(topics)] == [
        ["t-voorwoord-None"],
        ["t-hoofdstuk-1", "t-opgave-1"],
        ["t-paragraaf-2.1"],
        ["t-bijlage-1", "t-bijlage-2"],
    ]


def test_the_region_navigation_lists_the_numbered_topics_pages(built_site: Path) -> None:
    catalog = load_catalog(ROOT)
    for region in catalog.regions:
        nav = primary_nav(built_site / "regios" / region.id / "index.html")
        for topic_page in topic_pages(region):
            assert f'href="onderwerpen-{topic_page.number}/"' in nav, (region.id, topic_page.number)


@pytest.mark.browser
def test_an_old_link_to_a_topic_on_the_topics_page_is_sent_on(server: str, browser) -> None:
    page = browser.new_page()
    page.goto(server + "/regios/rijk-van-nijmegen/onderwerpen/#rvn-opgave-1", wait_until="load")
    page.wait_for_url("**/onderwerpen-*/#rvn-opgave-1")
    assert page.locator("#rvn-opgave-1").count() == 1
    page.close()


@pytest.mark.browser
def test_the_glossary_filter_shows_all_terms_on_load_and_only_a_regions_terms_when_chosen(server: str, browser) -> None:
    page = browser.new_page()
    page.goto(server + "/begrippen/", wait_until="load")
    count = "sel => document.querySelectorAll(sel).length"
    entries = page.evaluate(count, "li[data-regios]")
    assert entries > 50 and page.evaluate(count, "li[data-regios][hidden]") == 0
    assert page.is_visible("#rk-begrip-filter")
    page.select_option("#rk-begrip-regio", "twente")
    hidden = page.evaluate(count, "li[data-regios][hidden]")
    shown = page.evaluate("() => [...document.querySelectorAll('li[data-regios]:not([hidden])')].map(m => m.dataset.regios.split(' '))")
    assert 0 < hidden < entries and all("twente" in regions for regions in shown)
    page.select_option("#rk-begrip-regio", "")
    assert page.evaluate(count, "li[data-regios][hidden]") == 0
    page.close()


def test_the_lighthouse_table_shows_the_median_run() -> None:
    import sys

    sys.path.insert(0, str(ROOT / "scripts"))
    from lighthouse import median_run

    runs = [{"performance": score, "tbt": 100 - score} for score in (90, 97, 95, 99, 80)]
    assert median_run(runs)["performance"] == 95
    assert median_run(runs[:4])["performance"] == 95  # even count: the lower middle run
    assert median_run(runs[:1])["performance"] == 90
