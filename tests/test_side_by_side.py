"""Two regions side by side, per theme, in words (issue 18): the generated pages and, in Chromium,
the choice in the URL, the page without JavaScript and a phone's width."""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import parse_qs, urlparse

import pytest

from conftest import html_of, replace_in, text_of
from regiokompas import urls
from regiokompas.benchmark import article_bytes
from regiokompas.catalog import load_catalog
from regiokompas.comparison_pages import ACTION_TITLES
from regiokompas.generate import build_pages
from regiokompas.side_by_side import concerned_regions, default_pair, region_theme

PAIR_PAGE = urls.side_by_side()


def pages_of(root: Path) -> dict[str, str]:
    return build_pages(load_catalog(root))


def section(page: str, theme_id: str) -> str:
    """The Markdown of one theme of a generated page: from its heading to the next one."""
    start = page.index(f"{{ #{theme_id} }}")
    end = page.find("\n## ", start)
    return page[start : end if end != -1 else len(page)]


def block(page: str, region_id: str, theme_id: str) -> str:
    """What a reader sees of one region's block on one theme."""
    match = re.search(rf'<section class="rk-naast-regio" data-regio="{region_id}" data-thema="{theme_id}" markdown>(.*?)</section>', page, re.S)
    assert match, f"no block of {region_id} on {theme_id}"
    return text_of(match.group(1))


# --------------------------------------------------------------------------- generated pages


def test_pair_page_shows_the_synthesis_text_and_the_silence_of_a_region(mini: Path) -> None:
    page = pages_of(mini)[PAIR_PAGE]
    normaliseren = section(page, "normaliseren")
    assert "Alpha en Beta normaliseren allebei." in text_of(normaliseren)
    assert 'data-regios="alpha beta" markdown>' in normaliseren  # the statement concerns both, shown
    assert "Normaal opgroeien" in block(page, "alpha", "normaliseren") and "Dichtbij" in block(page, "beta", "normaliseren")
    assert block(page, "beta", "preventie") == "Beta Geen items over dit thema in de regiovisie van Beta."
    assert "Aantal jeugdigen met jeugdhulp" in block(page, "alpha", "preventie")
    assert "geen vergelijkende uitspraak over deze twee regio's" in text_of(section(page, "preventie"))


def test_every_line_links_to_its_item_and_its_source(mini: Path) -> None:
    replace_in(
        mini / "regions/alpha.yaml", '    timing: "2022"\n', '    timing: "2022"\n    note: Het document noemt geen jaar van start.\n    note_kind: document\n'
    )
    html = html_of(pages_of(mini)[PAIR_PAGE])
    assert "Let op: Het document noemt geen jaar van start.</span></li>" in html
    lines = re.findall(r"<li><span class=\"rk-soort\">.*?</li>", html)
    assert lines and len(lines) == html.count('<span class="rk-soort">')  # one item per line, none run together
    for line in lines:
        assert re.search(r'<a href="\.\./regios/[a-z-]+/[a-z]+\.md#[a-z0-9-]+">', line), line
        assert re.search(r'Bron: <a href="\.\./bronnen/[a-z-]+\.md#citaat-[a-z0-9-]+">', line), line


def test_item_kinds_are_labelled_as_what_they_are(mini: Path) -> None:
    beta = mini / "regions/beta.yaml"
    replace_in(
        beta,
        "actions:\n",
        "topics:\n"
        "  - id: bet-t1\n"
        "    kind: jongerenverhaal\n"
        "    title: Rachel\n"
        "    summary: Het verhaal van een jongere.\n"
        "    themes: [preventie]\n"
        '    source: {document: bet-doc, section: "Principes", quote: "Beta werkt dichtbij, met regionale steun waar dat nodig is."}\n'
        "actions:\n",
    )
    replace_in(
        mini / "regions/alpha.yaml",
        "    definition: Share of under-18s with youth care.\n",
        "    definition: Share of under-18s with youth care.\n    themes: [preventie]\n",
    )
    pages = pages_of(mini)
    page = pages[PAIR_PAGE]
    labelled = r'<span class="rk-soort">([^<]+)</span> \[([^\]]+)\]'
    assert re.findall(labelled, section(page, "normaliseren")) == [
        ("principe", "Normaal opgroeien"),
        ("actie", "De gemeenten zetten praktijkondersteuners in\\."),
        ("principe", "Dichtbij"),
        ("actie", "Beta does something regional\\."),
    ]
    assert dict(re.findall(labelled, section(page, "preventie"))) == {
        "actie": "De gemeenten zetten praktijkondersteuners in\\.",
        "indicator": "Aantal jeugdigen met jeugdhulp",
        "kerncijfer": "Jeugdigen met jeugdhulp",
        "jongerenverhaal": "Rachel",
    }
    assert 'rk-soort">principe<' not in section(page, "preventie")  # nobody's principle is tagged with preventie
    assert 'rk-soort">jongerenverhaal</span> [Rachel](../regios/beta/onderwerpen.md#bet-t1)' in page


def test_a_statement_concerns_the_regions_of_its_refs(mini: Path) -> None:
    replace_in(
        mini / "themes/themes.yaml",
        "    description: Fixture theme two.\n",
        "    description: Fixture theme two.\n    synthesis:\n      - text: Alleen Alpha meet het aantal jeugdigen.\n        refs: [alp-i1]\n",
    )
    catalog = load_catalog(mini)
    statement = next(theme for theme in catalog.themes if theme.id == "preventie").synthesis[0]
    assert concerned_regions(statement, catalog) == ["alpha"]
    pages = build_pages(catalog)
    assert '<div class="rk-uitspraak" data-regios="alpha" markdown>' in pages[PAIR_PAGE]
    own = pages[urls.region_side_by_side("alpha")]
    assert "Alleen Alpha meet het aantal jeugdigen" in section(own, "preventie")
    assert "Alleen Alpha meet" not in pages[urls.region_side_by_side("beta")]


def test_one_page_per_region_and_one_pair_page_keep_the_output_linear(mini: Path) -> None:
    pages = pages_of(mini)
    comparison = [path for path in pages if path.startswith(urls.COMPARISON + "/")]
    per_region = [path for path in pages if path.endswith("/per-thema.md")]
    assert per_region == [urls.region_side_by_side("alpha"), urls.region_side_by_side("beta")]
    assert comparison.count(PAIR_PAGE) == 1 and not any("alpha" in path or "beta" in path for path in comparison)
    own = pages[urls.region_side_by_side("alpha")]
    assert [line for line in own.splitlines() if line.startswith("## ")] == [
        "## Normaliseren { #normaliseren }",
        "## Preventie { #preventie }",
        "## Wachtlijsten { #wachtlijsten }",
    ]
    assert own.count('<section class="rk-naast-regio" data-regio="alpha"') == 3


def test_default_pair_is_ijsselland_and_twente_else_the_first_two(mini: Path) -> None:
    first, second = default_pair(load_catalog(mini))
    assert (first.id, second.id) == ("alpha", "beta")
    page = pages_of(mini)[PAIR_PAGE]
    assert '<p id="rk-getoond" data-a="alpha" data-b="beta">' in page
    assert '<option value="alpha" selected>' in page.split('id="rk-regio-b"')[0]
    assert '<option value="beta" selected>' in page.split('id="rk-regio-b"')[1]


def test_theme_page_lists_actions_as_titles_only(mini: Path) -> None:
    replace_in(
        mini / "regions/alpha.yaml",
        "    text: De gemeenten zetten praktijkondersteuners in.\n",
        "    title: Praktijkondersteuners\n    text: De gemeenten zetten praktijkondersteuners in.\n",
    )
    page = pages_of(mini)["themas/normaliseren.md"]
    column = page.split('<section class="rk-kolom" aria-labelledby="alpha"', 1)[1].split("</section>", 1)[0]
    actions = column.split("**Acties (1)**", 1)[1].strip().split("\n\n")[0]
    assert actions == "- [Praktijkondersteuners](../regios/alpha/principes.md#alp-p1-a1)"
    assert "praktijkondersteuners in" not in page  # the text is on the region's page, not here
    assert "- [Normaal opgroeien](../regios/alpha/principes.md#alp-p1)\n" in column  # a principle: its title, linked
    assert "[Alles van Alpha over dit thema, met samenvatting en bron](../regios/alpha/per-thema.md#normaliseren)" in column


def test_theme_page_shows_the_first_action_titles_and_links_to_the_rest(mini: Path) -> None:
    more = "".join(
        f"  - id: alp-p1-a{number}\n    parent: alp-p1\n    title: Actie {number}\n    text: Tekst {number}.\n    levels: [lokaal]\n"
        f"    themes: [normaliseren]\n"
        f'    source: {{document: alp-doc, section: "2. Ambitie > Normaliseren", quote: "Opgroeien is gewoon; niet elke zorg is jeugdhulp."}}\n'
        for number in range(2, ACTION_TITLES + 3)
    )
    replace_in(mini / "regions/alpha.yaml", "indicators:\n", more + "indicators:\n")
    pages = pages_of(mini)
    column = pages["themas/normaliseren.md"].split('aria-labelledby="alpha"', 1)[1].split("</section>", 1)[0]
    total = ACTION_TITLES + 2
    assert f"**Acties ({total})**" in column
    assert column.count("](../regios/alpha/principes.md#alp-p1-a") == ACTION_TITLES
    assert "- en [nog 2](../regios/alpha/per-thema.md#normaliseren)" in column
    own = pages[urls.region_side_by_side("alpha")]
    assert section(own, "normaliseren").count('<span class="rk-soort">actie</span>') == total  # all of them there


def test_bench_counts_the_content_of_a_page_without_its_navigation() -> None:
    page = "<nav>" + "x" * 500 + '</nav><article class="md-content__inner">één</article><footer>y</footer>'
    assert article_bytes(page) == len('<article class="md-content__inner">één'.encode())
    assert article_bytes("<html>no article</html>") == 0


# --------------------------------------------------------------------------- in Chromium


def shown_regions(page) -> list[str]:
    """The regions whose blocks the page shows, in order, per theme (all themes must agree)."""
    rows = page.eval_on_selector_all(
        ".rk-naast[data-thema]", "rows => rows.map(row => [...row.querySelectorAll('.rk-naast-regio')].map(b => b.dataset.regio).join(' '))"
    )
    assert len(set(rows)) == 1, rows
    return rows[0].split()


def wait_for_pair(page, a: str, b: str) -> None:
    page.wait_for_function("([a, b]) => { const s = document.getElementById('rk-getoond'); return s.dataset.a === a && s.dataset.b === b; }", arg=[a, b])


@pytest.mark.browser
def test_the_choice_in_the_url_survives_a_change_and_a_reload(server: str, browser) -> None:
    page = browser.new_page()
    page.goto(server + "/vergelijking/naast-elkaar/?a=flevoland&b=rijk-van-nijmegen", wait_until="load")
    wait_for_pair(page, "flevoland", "rijk-van-nijmegen")
    assert shown_regions(page) == ["flevoland", "rijk-van-nijmegen"]
    assert page.inner_text("#rk-getoond") == "Getoond: Flevoland en Rijk van Nijmegen."
    assert page.is_visible("#rk-kies") and page.input_value("#rk-regio-a") == "flevoland"
    # Links in the blocks taken from another page still lead to the items.
    link = page.eval_on_selector(".rk-naast-regio[data-regio='flevoland'] li a", "a => a.href")
    assert "/regios/flevoland/" in link and "#" in link
    page.select_option("#rk-regio-b", "twente")
    wait_for_pair(page, "flevoland", "twente")
    assert parse_qs(urlparse(page.url).query) == {"a": ["flevoland"], "b": ["twente"]}
    page.reload(wait_until="load")
    wait_for_pair(page, "flevoland", "twente")
    assert shown_regions(page) == ["flevoland", "twente"]
    assert page.input_value("#rk-regio-b") == "twente"
    page.close()


@pytest.mark.browser
def test_an_unknown_region_falls_back_to_the_default_with_a_message(server: str, browser) -> None:
    page = browser.new_page()
    page.goto(server + "/vergelijking/naast-elkaar/?a=atlantis&b=twente", wait_until="load")
    wait_for_pair(page, "ijsselland", "twente")
    page.wait_for_function("() => document.getElementById('rk-keuze-melding').textContent !== ''")
    assert page.is_visible("#rk-keuze-melding")
    assert "De regio 'atlantis' bestaat niet" in page.inner_text("#rk-keuze-melding")
    assert shown_regions(page) == ["ijsselland", "twente"]
    page.close()


@pytest.mark.browser
def test_without_javascript_the_default_pair_is_shown_with_links_to_choose(server: str, browser) -> None:
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(server + "/vergelijking/naast-elkaar/?a=flevoland&b=rijk-van-nijmegen", wait_until="load")
    assert shown_regions(page) == ["ijsselland", "twente"]
    assert page.inner_text("#rk-getoond") == "Getoond: IJsselland en Twente."
    assert not page.is_visible("#rk-kies")  # the choice needs the script: without it, links
    links = page.eval_on_selector_all("a[data-regio]", "links => links.map(a => a.getAttribute('href'))")
    assert links == [f"../../regios/{region}/per-thema/" for region in ("flevoland", "ijsselland", "rijk-van-nijmegen", "twente")]
    visible = page.eval_on_selector_all(".rk-uitspraak", "nodes => nodes.filter(n => !n.hidden).map(n => n.dataset.regios)")
    assert visible and all({"ijsselland", "twente"} & set(regions.split()) for regions in visible)
    context.close()


@pytest.mark.browser
def test_pair_page_stacks_on_a_phone_without_sideways_scrolling(server: str, browser) -> None:
    page = browser.new_page(viewport={"width": 375, "height": 740})
    page.goto(server + "/vergelijking/naast-elkaar/?a=twente&b=rijk-van-nijmegen", wait_until="load")
    wait_for_pair(page, "twente", "rijk-van-nijmegen")
    assert page.evaluate("() => document.documentElement.scrollWidth") <= 375
    boxes = page.eval_on_selector_all(".rk-naast[data-thema='wachtlijsten'] .rk-naast-regio", "blocks => blocks.map(b => b.getBoundingClientRect().top)")
    assert boxes[0] < boxes[1]  # one under the other
    page.close()


def test_a_long_list_shows_six_lines_and_folds_the_rest_without_losing_one() -> None:
    """On the real data: a region's block with more than eight lines shows six, the rest folded in
    a ``<details>`` whose summary counts them; a block of eight lines or fewer is not folded."""
    root = Path(__file__).resolve().parent.parent
    catalog = load_catalog(root)
    page = build_pages(catalog)[urls.region_side_by_side("ijsselland")]
    region = catalog.region("ijsselland")
    expected = {theme.id: len(region_theme(region, theme, catalog).lines) for theme in catalog.themes}
    folded = shown_all = 0
    for match in re.finditer(r'<section class="rk-naast-regio" data-regio="ijsselland" data-thema="([a-z0-9-]+)" markdown>(.*?)</section>', page, re.S):
        body = match.group(2)
        lines = re.findall(r"^- <span class=\"rk-soort\">", body, re.M)
        assert len(lines) == expected[match.group(1)], match.group(1)  # every line is on the page, folded or not
        if "<details" in body:
            before, after = body.split("<details", 1)
            hidden = len(re.findall(r"^- <span", after, re.M))
            assert len(re.findall(r"^- <span", before, re.M)) == 6, match.group(1)
            assert f"<summary>Nog {hidden} onderdelen van IJsselland over dit thema</summary>" in after
            assert len(lines) > 8
            folded += 1
        else:
            assert len(lines) <= 8, match.group(1)
            shown_all += 1
    assert folded and shown_all
