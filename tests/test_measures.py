"""Comparable key figures: measures in data, the measure × region grid and one chart per measure.

The fixture project gets a small measures file: Alpha gives the share with jeugdhulp and the
number of municipalities, Beta gives the share counted over trajectories (a different
denominator, so a ``measure_note``) and no number of municipalities.
"""

from __future__ import annotations

import html
import re
from pathlib import Path

import pytest
import yaml

from conftest import ROOT, html_of, line_of, problems_of, replace_in
from regiokompas.catalog import load_catalog
from regiokompas.measures import chartable, measure_rows

MEASURES = """\
measures:
  - id: jeugdhulp-aandeel
    name: Aandeel jeugdigen met jeugdhulp
    definition: Jeugdigen met jeugdhulp als percentage van alle jeugdigen.
    unit: "%"
  - id: gemeenten
    name: Gemeenten in de regio
    definition: Aantal gemeenten van de regio.
    unit: gemeenten
  - id: verblijf-aandeel
    name: Aandeel jeugdhulp met verblijf
    definition: Jeugdhulp met verblijf als percentage van de jeugdigen.
    unit: "%"
    comparable: false
"""
BETA_NOTE = "Aandeel van de trajecten, niet van de jeugdigen."


def _edit(path: Path, change) -> None:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    change(data)
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")


def _figure(figure_id: str, label: str, value: float, unit: str, document: str, section: str, quote: str, **extra) -> dict:
    return {
        "id": figure_id,
        "label": label,
        "value": value,
        "unit": unit,
        "year": 2020,
        "definition": label,
        "source": {"document": document, "section": section, "quote": quote},
        **extra,
    }


@pytest.fixture
def measured(mini: Path) -> Path:
    """The fixture project with measures and key figures linked to them."""
    (mini / "themes/measures.yaml").write_text(MEASURES, encoding="utf-8")
    replace_in(
        mini / "bronnen/001_4f7ac4d2be3ad9cf.txt",
        "Beta werkt dichtbij, met regionale steun waar dat nodig is.",
        "Beta werkt dichtbij, met regionale steun waar dat nodig is. Van alle trajecten is 12,5% jeugdhulp. Er zijn 40 trajecten met verblijf.",
    )

    def alpha(region: dict) -> None:
        region["key_figures"][0].update(measure="jeugdhulp-aandeel", note="Het document spreekt zichzelf hier tegen.", note_kind="document")
        region["key_figures"].append(
            _figure("alp-kf-gemeenten", "Gemeenten", 2, "gemeenten", "alp-doc", "1. Inleiding", "Alpha telt twee gemeenten.", measure="gemeenten")
        )

    def beta(region: dict) -> None:
        quote = "Van alle trajecten is 12,5% jeugdhulp."
        region["key_figures"] = [
            _figure("bet-kf-aandeel", "Jeugdhulp per traject", 12.5, "%", "bet-doc", "Principes", quote, measure="jeugdhulp-aandeel", measure_note=BETA_NOTE),
            _figure(
                "bet-kf-verblijf",
                "Trajecten met verblijf",
                40,
                "trajecten",
                "bet-doc",
                "Principes",
                "Er zijn 40 trajecten met verblijf.",
                measure="verblijf-aandeel",
                measure_note="Een aantal trajecten, geen percentage.",
            ),
        ]

    _edit(mini / "regions/alpha.yaml", alpha)
    _edit(mini / "regions/beta.yaml", beta)
    return mini


def _page(root: Path) -> str:
    from test_generator import pages_of

    return pages_of(root)["vergelijking/kerncijfers.md"]


def _plain(fragment: str) -> str:
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", fragment)).split())


def _grid(page: str) -> dict[str, list[str]]:
    """The grid as measure name -> the text of its cells (one per region), from the rendered page."""
    rendered = html_of(page)
    table = rendered.split('class="rk-rooster"', 1)[1].split("</table>", 1)[0]
    rows = {}
    for row in re.findall(r"<tr>(.*?)</tr>", table, re.S)[1:]:
        cells = [_plain(cell) for cell in re.findall(r"<td[^>]*>(.*?)</td>", row, re.S)]
        rows[cells[0]] = cells[1:]
    return rows


def test_grid_marks_a_missing_cell_not_in_the_document(measured: Path) -> None:
    grid = _grid(_page(measured))
    alpha, beta = grid["Gemeenten in de regio"]
    assert alpha.startswith("2 gemeenten · 2020") and "Visie Alpha" in alpha
    assert beta == "niet in het document"


def test_grid_shows_a_differently_defined_figure_with_its_note_in_the_cell(measured: Path) -> None:
    alpha, beta = _grid(_page(measured))["Aandeel jeugdigen met jeugdhulp"]
    assert beta.startswith("12,5% · 2020") and f"Anders geteld: {BETA_NOTE}" in beta
    assert "Anders geteld" not in alpha
    assert "Let op: Het document spreekt zichzelf hier tegen." in alpha  # the document note stays with the figure


def test_a_figure_in_another_unit_stays_in_the_grid_with_its_note(measured: Path) -> None:
    alpha, beta = _grid(_page(measured))["Aandeel jeugdhulp met verblijf"]
    assert alpha == "niet in het document"
    assert beta.startswith("40 trajecten · 2020") and "Anders geteld: Een aantal trajecten, geen percentage." in beta


def test_charts_only_for_comparable_measures_with_two_regions_in_the_measures_unit(measured: Path) -> None:
    catalog = load_catalog(measured)
    rows = {row.measure.id: row for row in measure_rows(catalog)}
    assert [figure.id for _, figure in rows["jeugdhulp-aandeel"].charted] == ["alp-kf-1", "bet-kf-aandeel"]
    assert rows["jeugdhulp-aandeel"].chart is not None
    assert rows["gemeenten"].chart is None  # one region only
    assert rows["verblijf-aandeel"].chart is None
    share = rows["jeugdhulp-aandeel"]
    assert chartable(share.measure.model_copy(update={"comparable": False}), share.cells) == []  # marked not comparable
    assert chartable(share.measure.model_copy(update={"unit": "personen"}), share.cells) == []  # another unit is never drawn


def test_every_chart_has_a_title_a_description_and_a_data_table_with_its_bars(measured: Path) -> None:
    page = _page(measured)
    charts = page.split("## Grafieken per maat", 1)[1].split("## Alle kerncijfers per regio", 1)[0]
    sections = charts.split("\n### ")[1:]
    assert len(sections) == 1
    for section in sections:
        svg = re.search(r"<svg.*?</svg>", section, re.S).group(0)
        assert 'role="img"' in svg and "<title id=" in svg and "<desc id=" in svg
        bars = re.findall(r'<text [^>]*class="rk-grafiek-label">(.*?): <tspan class="rk-grafiek-waarde">(.*?)</tspan>', svg)
        assert bars == [("Alpha (2019)", "9,1%"), ("Beta (2020) *", "12,5%")]
        table = _plain(html_of(section.split("</figure>", 1)[1]))
        assert "Regio Waarde Jaar Toelichting Bron" in table
        assert "Alpha 9,1% 2019" in table and f"Beta * 12,5% 2020 Anders geteld: {BETA_NOTE}" in table


def test_measure_texts_are_data_in_the_grid_the_chart_and_its_caption(measured: Path) -> None:
    payload = "<script>alert(1)</script> <img src=x onerror=alert(2)> | cel | [klik](javascript:alert(3)) {: onclick=alert(4) }"
    path = measured / "themes/measures.yaml"
    _edit(path, lambda data: [measure.update(name=f"{measure['name']} {payload}", definition=payload, note=payload) for measure in data["measures"]])
    _edit(measured / "regions/beta.yaml", lambda region: region["key_figures"][0].update(measure_note=payload))
    page = _page(measured)
    rendered = html_of(page)
    assert "<script" not in rendered and "<img" not in rendered and "javascript:" not in rendered.replace("[klik](javascript:", "")
    assert "onclick=" not in rendered.replace("{: onclick=alert(4) }", "")
    assert all(len(cells) == 2 for cells in _grid(page).values())  # a "|" in the data does not add a cell
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in re.search(r"<figcaption>.*?</figcaption>", rendered, re.S).group(0)


def test_every_figure_is_one_link_away_per_region_with_counts(measured: Path) -> None:
    """The page counts each region's figures (all, and those in the grid) and links to the region's
    figures page, which lists every figure, with a measure or without (the page stays the same size
    whatever the number of figures per region)."""
    from test_generator import pages_of

    def unmeasure(region: dict) -> None:  # Beta's second figure fits no measure
        region["key_figures"][1].pop("measure")
        region["key_figures"][1].pop("measure_note")

    _edit(measured / "regions/beta.yaml", unmeasure)
    pages = pages_of(measured)
    per_region = pages["vergelijking/kerncijfers.md"].split("## Alle kerncijfers per regio", 1)[1].split("## Gegevens downloaden", 1)[0]
    rows = {cells[0]: cells[1:] for cells in (row.strip("| ").split(" | ") for row in per_region.splitlines() if row.startswith("| ["))}
    assert rows == {
        "[Alpha](../regios/alpha/cijfers.md#kerncijfers)": ["2", "2"],
        "[Beta](../regios/beta/cijfers.md#kerncijfers)": ["2", "1"],
    }
    listed = {region: _plain(html_of(pages[f"regios/{region}/cijfers.md"])) for region in ("alpha", "beta")}
    assert "Jeugdigen met jeugdhulp" in listed["alpha"] and "Gemeenten" in listed["alpha"]
    assert "Jeugdhulp per traject" in listed["beta"] and "Trajecten met verblijf" in listed["beta"]


def test_without_a_measures_file_the_page_has_no_grid(mini: Path) -> None:
    page = _page(mini)
    assert 'class="rk-rooster"' not in page and "<svg" not in page
    assert "Percentages in één oogopslag" not in page


def test_unknown_measure_is_reported_with_file_line_and_suggestion(measured: Path) -> None:
    replace_in(measured / "regions/alpha.yaml", "measure: gemeenten", "measure: gemeente")
    problems = problems_of(measured)
    line = line_of(measured / "regions/alpha.yaml", "measure: gemeente")
    assert problems == [
        f"regions/alpha.yaml:{line}: key_figures[1].measure: onbekende maat 'gemeente'; bedoelde u 'gemeenten'?; "
        "kies een id uit themes/measures.yaml of laat 'measure' weg"
    ]


def test_a_figure_in_another_unit_than_its_measure_needs_a_measure_note(measured: Path) -> None:
    _edit(measured / "regions/beta.yaml", lambda region: region["key_figures"][1].pop("measure_note"))
    problems = problems_of(measured)
    line = line_of(measured / "regions/beta.yaml", "measure: verblijf-aandeel")
    assert problems == [
        f"regions/beta.yaml:{line}: key_figures[1].measure: de eenheid 'trajecten' verschilt van die van de maat 'verblijf-aandeel' ('%'); "
        "leg in 'measure_note' uit wat er anders geteld is"
    ]


def test_a_measure_id_used_twice_is_reported(measured: Path) -> None:
    path = measured / "themes/measures.yaml"
    path.write_text(MEASURES + "  - {id: gemeenten, name: Nogmaals, definition: x, unit: gemeenten}\n", encoding="utf-8")
    assert problems_of(measured) == [
        f"themes/measures.yaml:{line_of(path, 'Nogmaals')}: measures[3].id: dubbel maat-id 'gemeenten'; kies een ander id of voeg de twee maten samen"
    ]


# --------------------------------------------------------------------------- the real data


def test_every_real_measure_has_a_figure_and_every_link_is_counted() -> None:
    catalog = load_catalog(ROOT)
    rows = measure_rows(catalog)
    assert len(rows) >= 10
    assert [row.measure.id for row in rows if not row.filled] == []  # only measures some document gives
    linked = {region.name: sum(1 for figure in region.key_figures if figure.measure) for region in catalog.regions}
    filled = sum(row.filled for row in rows)
    print(f"measures: {len(rows)}; linked key figures per region: {linked}; cells filled: {filled} of {len(rows) * len(catalog.regions)}")
    assert all(linked.values())
    assert sum(1 for row in rows if row.chart) >= 3


# --------------------------------------------------------------------------- in the browser

#: Per chart: texts outside the viewBox, pairs of overlapping texts, texts on a bar, the drawn
#: font size in CSS pixels, and whether a data table follows the figure.
_GEOMETRY = """() => [...document.querySelectorAll('article .rk-kleine-grafieken svg.rk-grafiek')].map(svg => {
    const box = svg.viewBox.baseVal;
    const texts = [...svg.querySelectorAll('text')].map(text => text.getBBox());
    const bars = [...svg.querySelectorAll('rect')].map(rect => rect.getBBox());
    const hit = (a, b) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
    const outside = texts.filter(b => b.x < box.x - 0.5 || b.y < box.y - 0.5 || b.x + b.width > box.x + box.width + 0.5 || b.y + b.height > box.y + box.height + 0.5).length;
    let overlaps = 0, onBars = 0;
    texts.forEach((a, i) => { texts.slice(i + 1).forEach(b => { if (hit(a, b)) overlaps++; }); bars.forEach(b => { if (hit(a, b)) onBars++; }); });
    const label = svg.querySelector('text');
    const font = parseFloat(getComputedStyle(label).fontSize) * svg.getBoundingClientRect().width / box.width;
    const next = svg.closest('figure').nextElementSibling;
    return {chart: svg.id || svg.getAttribute('aria-labelledby'), texts: texts.length, outside, overlaps, onBars, font,
            table: !!(next && next.querySelector('table')), right: svg.getBoundingClientRect().right, page: document.documentElement.clientWidth};
})"""


@pytest.mark.browser
@pytest.mark.parametrize("width", [1366, 375])
def test_key_figure_charts_keep_every_label_inside_and_readable(server: str, browser, width: int) -> None:
    page = browser.new_page(viewport={"width": width, "height": 800})
    page.goto(server + "/vergelijking/kerncijfers/", wait_until="load")
    charts = page.evaluate(_GEOMETRY)
    page.close()
    print(f"key-figure charts at {width} px: {len(charts)}, smallest label {min(chart['font'] for chart in charts):.1f} px")
    assert len(charts) >= 3
    bad = [chart for chart in charts if chart["outside"] or chart["overlaps"] or chart["onBars"] or not chart["table"] or chart["right"] > chart["page"]]
    assert bad == []
    assert all(12 <= chart["font"] <= 18 for chart in charts), [chart["font"] for chart in charts]
