"""National yardsticks (issue 19): the reference checks of ``yardsticks/*.yaml``, the pages built
from them (matrix point x region, a detail section per point) and the links to them.

The fixture ``tests/fixtures/yardsticks/toets.yaml`` is copied into the mini fixture project: three
points, three mappings (two addressed by editorial judgement, one the region's own "underexposed"),
so that some cells have no mapping at all.
"""

from __future__ import annotations

import functools
import http.server
import re
import shutil
import subprocess
import threading
from collections.abc import Callable, Iterator
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest
import yaml

from conftest import BIN, ENV, ROOT, html_of, primary_nav, problems_of, text_of
from regiokompas import urls
from regiokompas.catalog import Catalog, load_catalog
from regiokompas.generate import build_pages
from regiokompas.synthetic import BUILD_FILES
from regiokompas.yardstick_pages import navigation, points_by_theme, yardstick_matrix

FIXTURE = Path(__file__).resolve().parent / "fixtures" / "yardsticks" / "toets.yaml"
TARGET = "yardsticks/toets.yaml"
PAGE = urls.yardstick("toets")
NOT_ADDRESSED = "Niet behandeld in het document"
#: Words that would turn a mapping (or its absence) into a verdict; no yardstick page may use them.
VERDICTS = re.compile(r"\b(voldoet|voldoen|voldaan|ontbreekt|ontbreken|tekortkoming|schiet tekort|niet conform|non-compliant)\b", re.IGNORECASE)


def add_yardstick(root: Path, change: Callable[[dict[str, Any]], None] | None = None) -> Path:
    """Copy the fixture yardstick into the project ``root`` (changed by ``change``); return its path."""
    target = root / TARGET
    target.parent.mkdir(exist_ok=True)
    if change is None:
        shutil.copy(FIXTURE, target)
    else:
        value = yaml.safe_load(FIXTURE.read_text(encoding="utf-8"))
        change(value)
        target.write_text(yaml.safe_dump(value, allow_unicode=True, sort_keys=False, width=200), encoding="utf-8")
    return target


@pytest.fixture
def with_yardstick(mini: Path) -> Path:
    add_yardstick(mini)
    return mini


@pytest.fixture
def catalog(with_yardstick: Path) -> Catalog:
    return load_catalog(with_yardstick)


@pytest.fixture
def pages(catalog: Catalog) -> dict[str, str | bytes]:
    return build_pages(catalog)


def _mapping(index: int, **changes: Any) -> Callable[[dict[str, Any]], None]:
    return lambda value: value["mappings"][index].update(changes)


def _line(root: Path, needle: str, occurrence: int = 1) -> int:
    """1-based line of the ``occurrence``-th line of the yardstick file that contains ``needle``."""
    found = [number for number, line in enumerate((root / TARGET).read_text(encoding="utf-8").splitlines(), start=1) if needle in line]
    return found[occurrence - 1]


# --- validation: every rule of the data format gives its own Dutch message, at file:line ---------------

#: rule -> (edit of the fixture, the field path of the message, a needle for its line, the message's start)
RULES: dict[str, tuple[Callable[[dict[str, Any]], None], str, str, str]] = {
    "id is the file name": (lambda value: value.update(id="toest"), "id", "id: toest", "id 'toest' moet gelijk zijn aan de bestandsnaam; gebruik 'toets'"),
    "a mapping's point exists in the file": (
        _mapping(0, point="toets-normal"),
        "mappings[0].point",
        "point: toets-normal",
        "onbekend punt 'toets-normal'; bedoelde u 'toets-normaal'?",
    ),
    "a mapping's region exists": (_mapping(0, region="alfa"), "mappings[0].region", "region: alfa", "onbekende regio 'alfa'; bedoelde u 'alpha'?"),
    "an item exists": (_mapping(0, items=["alp-p9"]), "mappings[0].items[0]", "alp-p9", "onbekend item 'alp-p9'; bedoelde u 'alp-p1'?"),
    "an item belongs to the mapping's region": (
        _mapping(0, items=["bet-p1"]),
        "mappings[0].items[0]",
        "bet-p1",
        "item 'bet-p1' is geen principe, onderwerp, actie, indicator, kerncijfer of mijlpaal van regio 'alpha'",
    ),
    "an item is not a table, cooperation or document": (
        _mapping(0, items=["alp-doc"]),
        "mappings[0].items[0]",
        "- alp-doc",
        "item 'alp-doc' is geen principe, onderwerp, actie, indicator, kerncijfer of mijlpaal van regio 'alpha'",
    ),
    "underexposed only in the region's own words": (
        _mapping(0, status="onderbelicht"),
        "mappings[0].status",
        "status: onderbelicht",
        "status 'onderbelicht' kan alleen bij said_by: regio",
    ),
    "an editorial mapping names an item": (
        _mapping(0, items=[]),
        "mappings[0].items",
        "items: []",
        "een oordeel van de redactie noemt minstens één item",
    ),
    "a mapping cites its own region's document": (
        lambda value: value["mappings"][0]["source"].update(document="bet-doc"),
        "mappings[0].source.document",
        "document: bet-doc",
        "document 'bet-doc' is van een andere regio; een koppeling citeert een document van regio 'alpha': alp-doc",
    ),
    "a yardstick source cites a known document": (
        lambda value: value["points"][0]["sources"][0].update(document="alp-dok"),
        "points[0].sources[0].document",
        "document: alp-dok",
        "onbekend document 'alp-dok'; bedoelde u 'alp-doc'?",
    ),
    "a point has sources or external": (
        lambda value: value["points"][0].pop("sources"),
        "points[0]",
        "id: toets-normaal",
        "geen bron voor dit punt",
    ),
    "a point id is not a region item id": (
        lambda value: value["points"][2].update(id="alp-p1"),
        "points[2].id",
        "id: alp-p1",
        "dubbel id 'alp-p1': staat in regions/alpha.yaml:",
    ),
    "one mapping per point, region, status and said_by": (
        lambda value: value["mappings"].append(dict(value["mappings"][0])),
        "mappings[3]",
        "point: toets-normaal",
        "dubbele koppeling: punt 'toets-normaal', regio 'alpha', status 'behandeld' en said_by 'redactie' staan ook op regel",
    ),
    "a quote is found in its document": (
        lambda value: value["mappings"][0]["source"].update(quote="Deze zin staat nergens."),
        "mappings[0].source.quote",
        "Deze zin staat nergens.",
        "citaat niet gevonden in Visie Alpha",
    ),
    "a quote stands in the cited section": (
        lambda value: value["points"][0]["sources"][0].update(quote="Alpha telt twee gemeenten."),
        "points[0].sources[0].quote",
        "Alpha telt twee gemeenten.",
        "het citaat staat in '1. Inleiding', niet in '2. Ambitie'",
    ),
}


#: Rules whose line needle occurs more than once in the file: which occurrence is the erring one.
OCCURRENCE = {"a mapping cites its own region's document": 2, "one mapping per point, region, status and said_by": 3, "a quote stands in the cited section": 2}


@pytest.mark.parametrize("rule", sorted(RULES))
def test_each_rule_gives_its_message_at_the_right_line(mini: Path, rule: str) -> None:
    change, path, needle, start = RULES[rule]
    add_yardstick(mini, change)
    occurrence = OCCURRENCE.get(rule, 1)
    expected = f"{TARGET}:{_line(mini, needle, occurrence)}: {path}: {start}"
    problems = problems_of(mini)
    assert any(problem.startswith(expected) for problem in problems), (expected, problems)


def test_a_point_id_is_unique_over_all_yardsticks(with_yardstick: Path) -> None:
    second = with_yardstick / "yardsticks" / "tweede.yaml"
    second.write_text((with_yardstick / TARGET).read_text(encoding="utf-8").replace("id: toets\n", "id: tweede\n", 1), encoding="utf-8")
    problems = problems_of(with_yardstick)
    assert any(
        problem.startswith("yardsticks/tweede.yaml:") and "dubbel id 'toets-normaal': staat in yardsticks/toets.yaml:" in problem for problem in problems
    )


def test_a_yardstick_may_not_take_the_name_of_a_comparison_page(with_yardstick: Path) -> None:
    (with_yardstick / TARGET).rename(with_yardstick / "yardsticks" / "tijdlijn.yaml")
    text = (with_yardstick / "yardsticks" / "tijdlijn.yaml").read_text(encoding="utf-8").replace("id: toets\n", "id: tijdlijn\n", 1)
    (with_yardstick / "yardsticks" / "tijdlijn.yaml").write_text(text, encoding="utf-8")
    assert any("gereserveerde naam 'tijdlijn'" in problem for problem in problems_of(with_yardstick))


def test_the_fixture_is_valid_and_every_mapping_refers_to_existing_items_and_points(catalog: Catalog) -> None:
    (yardstick,) = catalog.yardsticks
    points = {point.id for point in yardstick.points}
    assert len(yardstick.mappings) == 3
    for mapping in yardstick.mappings:
        assert mapping.point in points
        assert all(catalog.item_places[item].region == mapping.region for item in mapping.items)


def test_no_yardsticks_folder_means_no_yardstick_pages_and_no_navigation(mini: Path) -> None:
    catalog = load_catalog(mini)
    assert catalog.yardsticks == [] and navigation(catalog) == []
    built = build_pages(catalog)
    assert not [page for page in built if page.startswith(urls.COMPARISON + "/") and "toets" in page]
    assert "Hervormingsagenda" not in str(built[urls.region("alpha")])


# --- the real data: every mapping refers to existing items and points, every point has a source --------


def test_real_yardsticks_refer_to_existing_items_and_points_and_every_point_has_a_source() -> None:
    catalog = load_catalog(ROOT)
    regions = {region.id for region in catalog.regions}
    for yardstick in catalog.yardsticks:
        points = {point.id for point in yardstick.points}
        assert yardstick.sources, yardstick.id
        for point in yardstick.points:
            assert point.sources or point.external, point.id
        for mapping in yardstick.mappings:
            assert mapping.point in points and mapping.region in regions, mapping
            assert all(catalog.item_places[item].region == mapping.region for item in mapping.items), mapping
            assert catalog.sources is not None and catalog.sources.by_source[id(mapping.source)].spans, f"quote of {mapping.point}/{mapping.region} not found"


# --- the page -------------------------------------------------------------------------------------------


def _matrix_rows(page: str) -> dict[str, list[str]]:
    """Matrix rows of the rendered page: the point's title -> the visible text of each region cell."""
    html = html_of(page)
    table = html[html.index('class="rk-matrix"') :]
    table = table[: table.index("</table>")]
    rows = {}
    for row in re.findall(r"<tr>(.*?)</tr>", table, re.S)[1:]:
        cells = [" ".join(re.sub(r"<[^>]+>", " ", cell).split()) for cell in re.findall(r"<td>(.*?)</td>", row, re.S)]
        rows[cells[0]] = cells[1:]
    return rows


def test_cells_without_a_mapping_say_not_addressed_in_the_document(pages: dict[str, str | bytes]) -> None:
    page = str(pages[PAGE])
    rows = _matrix_rows(page)
    assert rows["Alleen buiten de documenten bekend"] == [NOT_ADDRESSED, NOT_ADDRESSED]
    assert rows["Inkoop met een plan"][1] == NOT_ADDRESSED
    assert rows["Inkoop met een plan"][0].startswith("Door de regio zelf onderbelicht genoemd")
    assert rows["Normaal opgroeien"][0].startswith("Behandeld") and NOT_ADDRESSED not in rows["Normaal opgroeien"][0]
    text = text_of(page)
    # Per point, every region: the three cells without a mapping again, in the detail sections.
    assert text.count(f"{NOT_ADDRESSED}.") == 3
    assert VERDICTS.search(text) is None, VERDICTS.search(text)


def test_a_cell_links_to_its_items_and_the_detail_labels_the_judgement(pages: dict[str, str | bytes]) -> None:
    html = html_of(str(pages[PAGE]))
    for item in ("../regios/alpha/principes.md#alp-p1", "../regios/alpha/principes.md#alp-p1-a1", "../regios/beta/principes.md#bet-p1"):
        assert f'href="{item}"' in html, item
    text = text_of(str(pages[PAGE]))
    assert text.count("Oordeel van de redactie") == 2 and text.count("Eigen uitspraak van de regio") == 1
    assert "Bron buiten de regiovisies: Voorbeeldnorm voor de proef (Proefuitgever)" in text
    assert "Bron buiten de regiovisies: Een openbare bron (VNG)" in text
    for point in ("toets-normaal", "toets-inkoop", "toets-buiten"):
        assert f'id="{point}"' in html and f'href="#{point}"' in html


def test_the_detail_section_shows_reason_label_and_quote_link_per_region(pages: dict[str, str | bytes]) -> None:
    html = html_of(str(pages[PAGE]))
    section = html[html.index('id="toets-inkoop-alpha"') :]
    section = section[: section.index("</section>")]
    assert "Alpha noemt zelf alleen de startdatum van de inkoop." in section
    assert "Eigen uitspraak van de regio" in section and 'href="../bronnen/alp-doc.md#citaat-' in section


def test_region_overview_and_theme_pages_link_to_the_yardstick(catalog: Catalog, pages: dict[str, str | bytes]) -> None:
    for region in ("alpha", "beta"):
        assert "(../../vergelijking/toets.md)" in str(pages[urls.region(region)]), region
    assert points_by_theme(catalog).keys() == {"normaliseren", "preventie"}  # alp-p1-a1 carries both; no item on wachtlijsten
    assert "(../vergelijking/toets.md#toets-normaal)" in str(pages[urls.theme("normaliseren")])
    assert "vergelijking/toets.md" not in str(pages[urls.theme("wachtlijsten")])


def test_a_region_without_mappings_gets_no_yardstick_line(mini: Path) -> None:
    add_yardstick(mini, lambda value: value.update(mappings=[m for m in value["mappings"] if m["region"] == "alpha"]))
    built = build_pages(load_catalog(mini))
    assert "vergelijking/toets.md" in str(built[urls.region("alpha")])
    assert "vergelijking/toets.md" not in str(built[urls.region("beta")])


def test_the_source_page_names_the_yardstick_where_a_passage_is_cited(pages: dict[str, str | bytes]) -> None:
    source = str(pages[urls.source_document("alp-doc")])
    assert "(../vergelijking/toets.md#toets-inkoop)" in source and "TNP: Inkoop met een plan (koppeling)" in text_of(source)


def test_the_matrix_has_one_cell_per_point_and_region(catalog: Catalog) -> None:
    matrix = yardstick_matrix(catalog, catalog.yardsticks[0])
    assert [[cell.region.id for cell in cells] for _, cells in matrix] == [["alpha", "beta"]] * 3
    assert sum(not cell.empty for _, cells in matrix for cell in cells) == 3


# --- through MkDocs and Chromium: strict build, navigation, print, axe ----------------------------------


@pytest.fixture(scope="module")
def yardstick_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The mini fixture project with the fixture yardstick, built with the site's own mkdocs.yml and hook."""
    project = tmp_path_factory.mktemp("yardstick") / "project"
    shutil.copytree(Path(__file__).resolve().parent / "fixtures" / "mini", project)
    add_yardstick(project)
    for name in BUILD_FILES:
        source, target = ROOT / name, project / name
        if target.exists():
            continue
        if source.is_dir():
            shutil.copytree(source, target, ignore=shutil.ignore_patterns(*urls.GENERATED_DIRS) if name == "docs" else None)
        else:
            shutil.copy(source, target)
    site = project / "site"
    result = subprocess.run(
        [str(BIN / "mkdocs"), "build", "--strict", "--site-dir", str(site)], cwd=project, env=ENV, capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stderr[-4000:]
    assert "WARNING" not in result.stderr, result.stderr[-4000:]
    return site


@pytest.fixture(scope="module")
def yardstick_server(yardstick_site: Path) -> Iterator[str]:
    class Quiet(http.server.SimpleHTTPRequestHandler):
        def log_message(self, *args: object) -> None:
            pass

    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Quiet, directory=str(yardstick_site)))
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()


@pytest.mark.browser
def test_the_page_is_in_the_navigation_under_vergelijken(yardstick_site: Path) -> None:
    html = (yardstick_site / "vergelijking" / "toets" / "index.html").read_text(encoding="utf-8")
    # The navigation is pruned: the pages of the Vergelijken section carry its entries.
    nav = primary_nav(yardstick_site / "vergelijking" / "kerncijfers" / "index.html")
    assert 'href="../toets/"' in nav and "Toetsnorm voor de proef" in nav
    assert html.count("Niet behandeld in het document") >= 6


@pytest.mark.browser
def test_the_matrix_prints_in_landscape_with_every_region_column(yardstick_server: str, browser, tmp_path: Path) -> None:
    from test_print import _page_sizes, _text

    page = browser.new_page()
    page.goto(yardstick_server + "/vergelijking/toets/", wait_until="load")
    page.evaluate("window.dispatchEvent(new Event('beforeprint'))")
    pdf = tmp_path / "toets.pdf"
    page.pdf(path=str(pdf), prefer_css_page_size=True)
    page.close()
    layout = _text(pdf, layout=True)
    header = [line for line in layout.splitlines() if re.search(r"\bEis\s+Alpha\s+Beta\b", line)]
    assert header, layout[:2000]  # one table header line with every region column, left to right
    sizes = _page_sizes(pdf)
    assert sizes and all(width > height for width, height in sizes), sizes
    assert layout.count(NOT_ADDRESSED) >= 3


@pytest.mark.browser
def test_the_page_passes_axe_wcag21_aa(yardstick_server: str, browser) -> None:
    from axe_playwright_python.sync_playwright import Axe

    from test_browser import WCAG_TAGS

    page = browser.new_page()
    found = []
    for path in ("/vergelijking/toets/", "/regios/alpha/", "/themas/normaliseren/"):
        page.goto(yardstick_server + path, wait_until="load")
        results = Axe().run(page, options={"runOnly": {"type": "tag", "values": WCAG_TAGS}})
        found += [f"{path}: {violation['id']} ({violation['impact']})" for violation in results.response["violations"]]
    page.close()
    assert found == []


# --- hostile text: every text of a yardstick reaches the page as text ------------------------------------


class _Elements(HTMLParser):
    """Every element and attribute of a page that data could have created."""

    def __init__(self) -> None:
        super().__init__()
        self.found: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("script", "img", "iframe", "svg"):
            self.found.append(tag)
        for name, value in attrs:
            if name.startswith("on") or (value or "").strip().lower().startswith("javascript:"):
                self.found.append(f"{tag} {name}")


def test_hostile_yardstick_text_stays_text(mini: Path) -> None:
    from test_hostile_data import MARK, PAYLOAD

    def poison(value: dict[str, Any]) -> None:
        value["name"] += " " + PAYLOAD
        value["summary"] += " " + PAYLOAD
        value["external"] = {"title": PAYLOAD, "publisher": PAYLOAD}
        for point in value["points"]:
            point["title"] += " " + PAYLOAD
            point["summary"] += " " + PAYLOAD
        for mapping in value["mappings"]:
            mapping["reason"] += " " + PAYLOAD

    add_yardstick(mini, poison)
    catalog = load_catalog(mini)
    built = build_pages(catalog)
    (title,) = navigation(catalog)[0]
    assert "<" not in title and "&lt;script&gt;" in title  # Material writes nav titles into the page as HTML
    for page in (PAGE, urls.region("alpha"), urls.theme("normaliseren"), urls.source_document("alp-doc")):
        parser = _Elements()
        parser.feed(html_of(str(built[page])))
        assert parser.found == [], (page, parser.found)
    assert text_of(str(built[PAGE])).count(MARK) >= 10
