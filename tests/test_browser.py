"""The built site in Debian's Chromium: axe-core WCAG 2.1 A/AA on every page, no external requests."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from conftest import ROOT
from regiokompas.catalog import load_catalog

WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]

pytestmark = pytest.mark.browser


def html_pages(site: Path) -> list[str]:
    return sorted("/" + path.relative_to(site).as_posix().removesuffix("index.html") for path in site.rglob("index.html"))


#: The pages are checked in this many parts, so that pytest-xdist workers share the work.
AXE_PARTS = 4
#: Colour contrast depends on the theme and the stylesheet, not on the data, and is most of axe's
#: time: it is checked in full on one page of each template; every other rule on every page.
WITHOUT_CONTRAST = {"color-contrast": {"enabled": False}}


def template_of(path: str, ids: set[str]) -> str:
    """The page's template: its URL with every data id (region, theme, concept, document) as ``*``."""
    return "/".join("*" if segment in ids else segment for segment in path.split("/"))


def data_ids() -> set[str]:
    catalog = load_catalog(ROOT)
    documents = {document.id for region in catalog.regions for document in region.documents}
    return {region.id for region in catalog.regions} | {theme.id for theme in catalog.themes} | {concept.id for concept in catalog.concepts} | documents


def test_template_of_groups_pages_of_the_same_kind() -> None:
    ids = {"twente", "flevoland", "inkoop", "jeugdhulp"}
    assert template_of("/regios/twente/principes/", ids) == template_of("/regios/flevoland/principes/", ids) == "/regios/*/principes/"
    assert template_of("/themas/inkoop/", ids) == "/themas/*/" != template_of("/themas/", ids)
    assert template_of("/begrippen/jeugdhulp/", ids) == "/begrippen/*/"


@pytest.mark.parametrize("part", range(AXE_PARTS))
def test_every_page_passes_axe_wcag21_aa(built_site: Path, server: str, browser, part: int) -> None:
    from axe_playwright_python.sync_playwright import Axe

    axe = Axe()
    every_page = html_pages(built_site)
    assert len(every_page) > 20
    ids = data_ids()
    first_of_template = {}
    for path in every_page:
        first_of_template.setdefault(template_of(path, ids), path)
    in_full = set(first_of_template.values())
    pages = every_page[part::AXE_PARTS]
    page = browser.new_page()
    serious: list[str] = []
    other: Counter[str] = Counter()
    for path in pages:
        page.goto(server + path, wait_until="load")
        options = {"runOnly": {"type": "tag", "values": WCAG_TAGS}}
        if path not in in_full:
            options["rules"] = WITHOUT_CONTRAST
        results = axe.run(page, options=options)
        for violation in results.response["violations"]:
            if violation["impact"] in ("serious", "critical"):
                targets = [node["target"] for node in violation["nodes"][:3]]
                serious.append(f"{path}: {violation['id']} ({violation['impact']}) {targets}")
            else:
                other[f"{violation['id']} ({violation['impact']})"] += 1
    page.close()
    full = len(in_full & set(pages))
    print(
        f"axe part {part}: {len(pages)} of {len(every_page)} pages, {full} with colour contrast ({len(in_full)} templates in all); minor/moderate: {dict(other) or 'none'}"
    )
    assert serious == []


def test_no_request_leaves_the_local_server_and_no_console_errors(built_site: Path, server: str, browser) -> None:
    page = browser.new_page()
    foreign: list[str] = []
    failed: list[str] = []
    errors: list[str] = []
    page.on("request", lambda request: foreign.append(request.url) if not request.url.startswith(server) and not request.url.startswith("data:") else None)
    page.on("requestfailed", lambda request: failed.append(request.url))
    page.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)
    for path in ["/", "/regios/twente/", "/themas/", "/vergelijking/naast-elkaar/", "/vergelijking/kerncijfers/", "/begrippen/"]:
        page.goto(server + path, wait_until="networkidle")
    page.close()
    assert foreign == [] and failed == [] and errors == []


def test_two_regions_side_by_side_shows_only_the_chosen_two(server: str, browser) -> None:
    page = browser.new_page()
    page.goto(server + "/vergelijking/naast-elkaar/?a=twente&b=flevoland", wait_until="load")
    page.wait_for_function("() => document.getElementById('rk-getoond').dataset.b === 'flevoland'")  # blocks are fetched
    visible = page.eval_on_selector_all(".rk-naast-regio", "blocks => [...new Set(blocks.filter(b => !b.hidden).map(b => b.dataset.regio))].sort()")
    assert visible == ["flevoland", "twente"]
    page.select_option("#rk-regio-b", "ijsselland")
    page.wait_for_function("() => document.getElementById('rk-getoond').dataset.b === 'ijsselland'")
    visible = page.eval_on_selector_all(".rk-naast-regio", "blocks => [...new Set(blocks.filter(b => !b.hidden).map(b => b.dataset.regio))].sort()")
    assert visible == ["ijsselland", "twente"]
    page.close()


def test_abbreviation_tooltip_on_a_region_page(server: str, browser) -> None:
    page = browser.new_page()
    page.goto(server + "/regios/ijsselland/", wait_until="load")
    titles = page.eval_on_selector_all("article abbr", "nodes => nodes.map(n => n.textContent + '=' + n.title)")
    assert "RSJ=Regionaal Service Team Jeugd IJsselland" in titles, titles[:10]
    in_headings = page.eval_on_selector_all("article h1 abbr, article h2 abbr, article h3 abbr", "nodes => nodes.length")
    assert in_headings == 0
    page.close()


def test_tables_scroll_instead_of_cutting_text_on_a_phone(server: str, browser) -> None:
    page = browser.new_page(viewport={"width": 375, "height": 740})
    for path in ["/themas/", "/regios/rijk-van-nijmegen/", "/vergelijking/kerncijfers/"]:
        page.goto(server + path, wait_until="load")
        overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
        assert overflow <= 1, f"{path} is wider than the phone screen by {overflow}px"
    page.close()


def _search(page, query: str) -> list[str]:
    """Type ``query`` into the header search box (Pagefind); return the result links for it."""
    box = page.locator("#rk-zoekveld")
    box.click()
    box.press("Control+a")
    box.press("Backspace")
    box.type(query, delay=10)
    page.wait_for_function("query => document.getElementById('rk-zoekstatus').textContent.includes('\u201c' + query + '\u201d')", arg=query)
    return page.eval_on_selector_all("#rk-zoekresultaten .md-search-result__link", "els => els.map(e => e.getAttribute('href'))")


def test_keyboard_only_skip_link_visible_focus_and_search(server: str, browser) -> None:
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.goto(server + "/regios/twente/", wait_until="load")
    page.keyboard.press("Tab")
    skip = page.evaluate("() => ({text: document.activeElement.textContent.trim(), href: document.activeElement.getAttribute('href')})")
    assert skip["href"].startswith("#") and skip["text"], skip
    page.keyboard.press("Tab")
    outline = page.evaluate("() => getComputedStyle(document.activeElement).outlineStyle + ' ' + getComputedStyle(document.activeElement).outlineWidth")
    assert not outline.startswith("none"), outline
    page.keyboard.press("Escape")
    page.locator("article h1").click()
    page.keyboard.press("/")
    focused = page.evaluate("() => document.activeElement.id")
    assert focused == "rk-zoekveld"
    page.close()


def test_dark_palette_switches_and_keeps_contrast(server: str, browser) -> None:
    from axe_playwright_python.sync_playwright import Axe

    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.goto(server + "/", wait_until="load")
    assert page.get_attribute("body", "data-md-color-scheme") == "default"
    page.locator("label.md-header__button[for^='__palette']:visible").first.click()
    page.wait_for_function("document.body.getAttribute('data-md-color-scheme') === 'slate'")
    failures = []
    for path in ["/", "/regios/rijk-van-nijmegen/", "/themas/", "/vergelijking/kerncijfers/", "/begrippen/"]:
        page.goto(server + path, wait_until="load")
        assert page.get_attribute("body", "data-md-color-scheme") == "slate"
        results = Axe().run(page, options={"runOnly": {"type": "tag", "values": WCAG_TAGS}})
        failures += [f"{path}: {v['id']}" for v in results.response["violations"] if v["impact"] in ("serious", "critical")]
    page.close()
    assert failures == []


#: Records every write of a data-md-color-* attribute on the body, from the start of the page.
COLOUR_WRITES = """
window.__colourWrites = [];
const original = Element.prototype.setAttribute;
Element.prototype.setAttribute = function (name, value) {
  if (this === document.body && String(name).startsWith("data-md-color")) window.__colourWrites.push(name);
  return original.call(this, name, value);
};
"""
#: What the theme's inline script writes before the first paint to apply a saved choice (no restyle).
SAVED_COLOURS = ["data-md-color-media", "data-md-color-scheme", "data-md-color-primary", "data-md-color-accent"]


def test_the_colour_toggle_restyles_nothing_on_load_and_switches_with_mouse_and_keyboard(server: str, browser) -> None:
    """Material's palette component marked the body as switching (a restyle of every element) on
    every load; the site's own toggle changes the body only on a choice or a dark system."""
    context = browser.new_context(viewport={"width": 1280, "height": 900}, color_scheme="light")
    context.add_init_script(COLOUR_WRITES)
    page = context.new_page()
    page.goto(server + "/begrippen/", wait_until="load")
    assert page.evaluate("window.__colourWrites") == []
    button = page.locator("label.md-header__button[for^='__palette']:visible")
    # The one visible button switches to the other option (its title becomes Material's tooltip).
    assert button.count() == 1 and button.get_attribute("for") == "__palette_1"
    button.click()
    page.wait_for_function("document.body.getAttribute('data-md-color-scheme') === 'slate'")
    assert "data-md-color-switching" in page.evaluate("window.__colourWrites")
    assert page.locator("label.md-header__button[for^='__palette']:visible").get_attribute("for") == "__palette_0"
    page.goto(server + "/regios/twente/", wait_until="load")
    assert page.get_attribute("body", "data-md-color-scheme") == "slate"
    assert page.evaluate("window.__colourWrites") == SAVED_COLOURS
    assert page.get_attribute('meta[name="color-scheme"]', "content") == "dark"
    header = "getComputedStyle(document.querySelector('header.md-header')).backgroundColor"
    page.wait_for_function(f"document.querySelector('meta[name=theme-color]')?.content === {header}")
    dark_toolbar = page.get_attribute('meta[name="theme-color"]', "content")
    page.focus("input.md-option:checked")
    page.keyboard.press("Enter")
    page.wait_for_function("document.body.getAttribute('data-md-color-scheme') === 'default'")
    page.wait_for_function(f"document.querySelector('meta[name=theme-color]').content === {header}")
    assert page.get_attribute('meta[name="theme-color"]', "content") != dark_toolbar
    page.goto(server + "/", wait_until="load")
    assert page.get_attribute("body", "data-md-color-scheme") == "default"
    context.close()
    dark = browser.new_context(color_scheme="dark")
    page = dark.new_page()
    page.goto(server + "/", wait_until="load")
    assert page.get_attribute("body", "data-md-color-scheme") == "slate"
    assert page.locator("label.md-header__button[for^='__palette']:visible").get_attribute("for") == "__palette_0"
    dark.close()


def test_navigation_home_region_theme_glossary_and_term_search(server: str, browser) -> None:
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.goto(server + "/", wait_until="load")
    page.locator("article a", has_text="Regio's").first.click()
    page.locator("article a", has_text="Twente").first.click()
    assert page.url.endswith("/regios/twente/")
    assert page.locator("article h1").inner_text().startswith("Regio Twente")
    page.locator("article a", has_text="Principes en acties").first.click()
    assert page.url.endswith("/regios/twente/principes/")
    page.locator("article a", has_text="Thuis, tenzij").first.click()
    assert "/themas/thuis-tenzij/" in page.url
    assert page.locator("article h1").inner_text().startswith("Thuis, tenzij")
    page.locator("header a, nav a", has_text="Begrippen").first.click()
    assert page.url.endswith("/begrippen/")
    page.locator("article a", has_text="Gecertificeerde Instelling").first.click()
    assert "/begrippen/gecertificeerde-instelling/" in page.url
    hrefs = _search(page, "Norm voor Opdrachtgeverschap")
    assert hrefs and "/begrippen/norm-voor-opdrachtgeverschap/" in hrefs[0], hrefs[:3]
    page.close()
