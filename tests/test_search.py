"""Site search with Pagefind, in Debian's Chromium: ranking, stemming, filters, the UI.

One browser and one page for the whole module. Queries go through the site's own search
function (``window.rkZoeken.search``: Pagefind's ``pagefind.search()`` with the site's
ranking options, exact names first), so they rank exactly as in the search box; one test
types into the real UI with the keyboard.
"""

from __future__ import annotations

import html
import json
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml

from conftest import ROOT, replace_in
from regiokompas.catalog import load_catalog
from regiokompas.generate import build_pages
from regiokompas.search_index import page_kind, search_attributes, serve
from test_browser import WCAG_TAGS

MAINTAINER_PREFIXES = ("/beheer/", "/referentie/")
STEMMING_PAIRS = [("uithuisplaatsing", "uithuisplaatsingen"), ("wachtlijst", "wachtlijsten"), ("gemeente", "gemeenten")]
ACRONYMS = [
    ("GI", "gecertificeerde-instelling"),
    ("GI's", "gecertificeerde-instelling"),
    ("gi", "gecertificeerde-instelling"),
    ("RET", "regionaal-expertiseteam"),
    ("ret", "regionaal-expertiseteam"),
    ("JIM", "jouw-ingebrachte-mentor"),
    ("jim", "jouw-ingebrachte-mentor"),
    ("24/7", "24-uur-per-dag-en-7-dagen-per-week"),
    ("KINGS", "kinderen-in-gezond-systeem"),
    ("REPS", "regionaal-expertise-project-complexe-scheidingen"),
]
#: Plurals the simple rule in ``plural`` gets wrong; ``None``: the last word has no Dutch plural.
PLURAL_EXCEPTIONS = {"professional": "professionals", "care": None}
VOWELS = "aeiou"


def plural(term: str) -> str | None:
    """A Dutch plural of ``term`` (its last word), lowercase; ``None`` when there is none."""
    words = term.lower().split(" ")
    last = words[-1]
    if last in PLURAL_EXCEPTIONS:
        form = PLURAL_EXCEPTIONS[last]
    elif not last[-1:].isalpha() or last.endswith("s"):
        form = None  # "Big 5", "G7", words already plural ("koninkrijksrelaties")
    elif last.endswith("ie"):
        form = last + "s"  # transformaties
    elif last.endswith("e"):
        form = last + "n"  # gemeenten, jeugdigen
    elif last[-1] in VOWELS + "y":
        form = last + "'s"  # agenda's, regio's
    elif last.endswith(("er", "el", "em", "en", "je")):
        form = last + "s"  # verwijzers, ketens
    elif len(last) >= 3 and last[-1] not in VOWELS + "wxy" and last[-2] in VOWELS and last[-3] not in VOWELS:
        form = last + last[-1] + "en"  # wetten, plannen, gezinnen
    else:
        form = last + "en"  # zorgen, aanbiedingen
    return " ".join([*words[:-1], form]) if form else None


def concept_queries() -> list[tuple[str, str]]:
    """(query, concept id): preferred term, lowercase, plural, abbreviations, variants."""
    queries: list[tuple[str, str]] = []
    for concept in load_catalog(ROOT).concepts:
        forms = [concept.term, concept.term.lower(), plural(concept.term)]
        for abbreviation in concept.abbreviations:
            forms += [abbreviation, abbreviation.lower()]
        forms += list(concept.variants)
        queries += [(str(form), concept.id) for form in dict.fromkeys(forms) if form]
    return queries + ACRONYMS


# --------------------------------------------------------------------------- no browser


def test_page_kind_comes_from_the_url() -> None:
    assert page_kind("begrippen/jeugdhulp/") == "begrip"
    assert page_kind("regios/twente/") == "regio"
    assert page_kind("themas/wachtlijsten/") == "thema"
    assert page_kind("vergelijking/kerncijfers/") == "vergelijking"
    assert page_kind("bronnen/twente/") == "bron"
    assert page_kind("beheer/api/") is None
    assert page_kind("referentie/schema/") is None
    assert page_kind("") == "pagina"
    assert page_kind("toegankelijkheid/") == "pagina"


def test_search_attributes_of_a_region_page_and_a_maintainer_page() -> None:
    region = search_attributes("regios/twente/", {"regios": ["Twente"]})
    assert (region["indexed"], region["kind"], region["regions"]) == (True, "regio", ["Twente"])
    assert search_attributes("regios/wijzigingen/", {})["regions"] == []
    assert search_attributes("beheer/", {})["indexed"] is False
    assert search_attributes("vergelijking/tijdlijn/", {"search": {"exclude": True}})["indexed"] is False
    assert search_attributes("bronnen/x/", {})["weight"] < search_attributes("themas/x/", {})["weight"]


def test_hostile_names_reach_the_search_front_matter_unchanged(mini: Path) -> None:
    """Region names go into front matter as JSON strings: YAML reads them back as written."""
    hostile = "Al\"pha' ---\n<script>x</script>: {{ 1 }} # \u00b7"
    replace_in(mini / "regions/alpha.yaml", "name: Alpha", f"name: {json.dumps(hostile)}")
    pages = build_pages(load_catalog(mini))

    def front_matter(text: str) -> dict:
        assert text.startswith("---\n"), text[:80]
        return yaml.safe_load(text.split("\n---\n", 1)[0].removeprefix("---\n"))

    assert front_matter(pages["regios/alpha/index.md"])["regios"] == [hostile]
    concept = front_matter(pages["begrippen/gecertificeerde-instelling.md"])
    assert hostile in concept["regios"]
    assert search_attributes("begrippen/gecertificeerde-instelling/", concept)["regions"] == concept["regios"]


def test_plural_rule_of_the_tests() -> None:
    assert [plural(word) for word in ("Gemeente", "Jeugdwet", "Transformatie", "Verwijzer", "Regio", "Zorg", "Big 5")] == [
        "gemeenten",
        "jeugdwetten",
        "transformaties",
        "verwijzers",
        "regio's",
        "zorgen",
        None,
    ]


def test_built_pages_carry_pagefind_attributes_only_where_searchable(built_site: Path) -> None:
    concept = (built_site / "begrippen" / "gecertificeerde-instelling" / "index.html").read_text(encoding="utf-8")
    assert 'data-pagefind-filter="soort:begrip"' in concept
    assert 'data-pagefind-filter="regio:Twente"' in concept
    assert 'data-pagefind-meta="zoektermen" hidden>Gecertificeerde Instelling · GI · GI&#39;s' in concept
    for maintainer in ("beheer/index.html", "beheer/api/index.html", "referentie/schema/index.html"):
        assert not re.search(r"<[^>]*\sdata-pagefind-body", (built_site / maintainer).read_text(encoding="utf-8")), maintainer
    assert (built_site / "pagefind" / "pagefind.js").exists()
    assert not (built_site / "search" / "search_index.json").exists(), "lunr index still built"


# --------------------------------------------------------------------------- in the browser


@pytest.fixture(scope="module")
def page(built_site: Path, browser) -> Iterator:
    with serve(built_site) as base:
        tab = browser.new_page(viewport={"width": 1280, "height": 900})
        tab.base = base
        tab.goto(base + "/", wait_until="load")
        yield tab
        tab.close()


def add_source_pages(site: Path) -> list[str]:
    """Source-text pages (/bronnen/) from ``bronnen/*.txt``, with the attributes a bron page gets."""
    attributes = search_attributes("bronnen/x/", {})
    assert attributes["kind"] == "bron"
    urls = []
    for text_file in sorted((ROOT / "bronnen").glob("*.txt")):
        paragraphs = [part.strip() for part in text_file.read_text(encoding="utf-8").split("\n\n") if part.strip()]
        body = "".join(f"<p>{html.escape(part)}</p>" for part in paragraphs)
        target = site / "bronnen" / text_file.stem / "index.html"
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(
            f'<!doctype html><html lang="nl"><head><meta charset="utf-8"><title>{text_file.stem}</title></head><body>'
            f'<article><div data-pagefind-body data-pagefind-meta="soort:bron" data-pagefind-filter="soort:bron" '
            f'data-pagefind-weight="{attributes["weight"]}"><h1>Brondocument {text_file.stem}</h1>{body}</div></article>'
            "</body></html>",
            encoding="utf-8",
        )
        urls.append(f"/bronnen/{text_file.stem}/")
    return urls


_SEARCH = """async ([queries, filters, wanted]) => {
  const one = async (query) => {
    const found = await window.rkZoeken.search(query, filters, wanted);
    return {query, count: found.results.length, urls: found.first.map(d => d.url.split('?')[0]),
            regions: found.first.map(d => (d.filters.regio || []))};
  };
  const out = [];
  for (let start = 0; start < queries.length; start += 16) {
    out.push(...await Promise.all(queries.slice(start, start + 16).map(one)));
  }
  return out;
}"""

_ALL_PAGES = """async () => {
  const api = await window.rkZoeken.pagefind();
  const filters = await api.filters();
  const urls = [];
  for (const kind of Object.keys(filters.soort)) {
    const found = await api.search(null, {filters: {soort: kind}});
    for (const result of found.results) urls.push((await result.data()).url.split('?')[0]);
  }
  return {urls, counts: filters.soort};
}"""


def run_queries(page, queries: list[str], filters: dict | None = None, wanted: int = 10) -> list[dict]:
    """Search as the search box does; the first ``wanted`` result pages of each query."""
    return page.evaluate(_SEARCH, [queries, filters or {}, wanted])


@pytest.mark.browser
def test_every_concept_page_is_first_for_its_names(page) -> None:
    queries = concept_queries()
    outcomes = run_queries(page, [query for query, _ in queries], wanted=1)
    wrong = [
        f"{query!r} -> {outcome['urls'][0] if outcome['urls'] else 'geen resultaat'} (verwacht /begrippen/{concept_id}/)"
        for (query, concept_id), outcome in zip(queries, outcomes, strict=True)
        if not outcome["urls"] or outcome["urls"][0] != f"/begrippen/{concept_id}/"
    ]
    print(f"search: {len(queries)} concept queries, {len(queries) - len(wrong)} with the concept page first")
    assert wrong == [], "\n".join(wrong)


@pytest.mark.browser
def test_dutch_stemming_finds_singular_and_plural_alike(page) -> None:
    words = [word for pair in STEMMING_PAIRS for word in pair]
    outcomes = {outcome["query"]: outcome for outcome in run_queries(page, words)}
    for singular, plural_form in STEMMING_PAIRS:
        one, other = outcomes[singular], outcomes[plural_form]
        assert one["count"] > 0, singular
        assert one["count"] == other["count"], (singular, one["count"], plural_form, other["count"])
        assert sorted(one["urls"]) == sorted(other["urls"]), (singular, plural_form)


@pytest.mark.browser
def test_no_maintainer_page_is_indexed(page, built_site: Path) -> None:
    indexed = page.evaluate(_ALL_PAGES)
    entry = json.loads((built_site / "pagefind" / "pagefind-entry.json").read_text(encoding="utf-8"))
    total = sum(language["page_count"] for language in entry["languages"].values())
    assert len(set(indexed["urls"])) == total, "every indexed page has a page kind"
    assert "/vergelijking/tijdlijn/" not in indexed["urls"], "front matter search: exclude: true"
    assert [url for url in indexed["urls"] if url.startswith(MAINTAINER_PREFIXES)] == []
    assert "/regios/twente/" in indexed["urls"] and "/begrippen/jeugdhulp/" in indexed["urls"]
    outcomes = run_queries(page, ["beheerders", "pydantic", "generator", "gegevensschema", "benchmark", "API"])
    assert [url for outcome in outcomes for url in outcome["urls"] if url.startswith(MAINTAINER_PREFIXES)] == []


@pytest.mark.browser
def test_region_filter_narrows_results_to_that_region(page) -> None:
    (everything,) = run_queries(page, ["jeugdhulp"])
    (twente,) = run_queries(page, ["jeugdhulp"], {"regio": "Twente"})
    assert 0 < twente["count"] < everything["count"]
    assert all("Twente" in regions for regions in twente["regions"]), twente
    assert "/regios/twente/" in run_queries(page, ["Twente"], {"regio": "Twente"})[0]["urls"]
    assert "/themas/wachtlijsten/" in run_queries(page, ["wachtlijsten"], {"regio": "Twente"})[0]["urls"]
    names = sorted(region.name for region in load_catalog(ROOT).regions)
    assert sorted(page.evaluate("async () => Object.keys((await (await window.rkZoeken.pagefind()).filters()).regio)")) == names
    (concepts,) = run_queries(page, ["jeugdhulp"], {"soort": "begrip"})
    assert concepts["urls"] and all(url.startswith("/begrippen/") for url in concepts["urls"])


@pytest.mark.browser
def test_structured_pages_rank_above_source_texts(page) -> None:
    """The verbatim source documents (/bronnen/) are searchable but rank below every structured page."""
    queries = ["wachtlijsten", "uithuisplaatsing", "jeugdhulp", "gemeenten", "ambulant", "inkoop", "KINGS", "preventie"]
    outcomes = run_queries(page, queries, None, 40)
    assert {url for outcome in outcomes for url in outcome["urls"] if url.startswith("/bronnen/")}, "the source pages are indexed and found"
    wrong = []
    for outcome in outcomes:
        kinds = [page_kind(url) for url in outcome["urls"]]
        if "bron" in kinds and any(kind != "bron" for kind in kinds[kinds.index("bron") :]):
            wrong.append(f"{outcome['query']}: {outcome['urls']}")
    assert wrong == [], "\n".join(wrong)


@pytest.mark.browser
def test_search_ui_with_keyboard_live_region_highlight_and_axe(page) -> None:
    from axe_playwright_python.sync_playwright import Axe

    foreign: list[str] = []
    page.on("request", lambda request: None if request.url.startswith(page.base) else foreign.append(request.url))
    page.goto(page.base + "/regios/twente/", wait_until="load")
    page.locator("article h1").click()
    page.keyboard.press("/")
    assert page.evaluate("document.activeElement.id") == "rk-zoekveld"
    page.keyboard.type("jeugdhulp", delay=20)
    page.wait_for_function("/resultaten voor/.test(document.getElementById('rk-zoekstatus').textContent)")
    status = page.locator("#rk-zoekstatus")
    assert status.get_attribute("role") == "status" and status.get_attribute("aria-live") == "polite"
    dialog = page.locator("[data-rk-zoeken]")
    assert dialog.get_attribute("role") == "dialog" and dialog.get_attribute("aria-label")
    first = page.locator("#rk-zoekresultaten .md-search-result__link").first
    assert first.locator(".rk-zoek-titel").inner_text() == "Jeugdhulp"
    assert first.locator(".rk-zoek-soort").text_content() == "Begrip"
    assert first.locator(".md-search-result__teaser mark").count() > 0
    results = Axe().run(page, options={"runOnly": {"type": "tag", "values": WCAG_TAGS}})
    violations = [f"{v['id']} ({v['impact']}): {[n['target'] for n in v['nodes'][:3]]}" for v in results.response["violations"]]
    assert violations == []
    # Keyboard only: Tab through the filters to the first result, Enter opens it.
    for _ in range(10):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.classList.contains('md-search-result__link')"):
            break
    assert page.evaluate("document.activeElement.classList.contains('md-search-result__link')")
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"/begrippen/jeugdhulp/"))
    assert "markeer=jeugdhulp" in page.url
    page.wait_for_selector("article mark.rk-markering")
    page.keyboard.press("/")
    page.keyboard.press("Escape")
    assert page.evaluate("document.getElementById('__search').checked") is False
    assert foreign == [], "search works offline: every request stays on the site"
