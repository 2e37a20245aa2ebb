"""Printing through Chromium (``page.pdf``): every column kept, the matrix in landscape, address
and build date on every sheet, no navigation, links as short references. Reads the PDF text with
``pdftotext`` and ``pdfinfo`` (Debian's poppler-utils)."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest

pytestmark = pytest.mark.browser

REGIONS = ("Flevoland", "IJsselland", "Rijk van Nijmegen", "Twente")
KEY_FIGURE_COLUMNS = ("Cijfer", "Waarde", "Jaar", "Wat is geteld", "Bron")
INDICATOR_COLUMNS = ("Indicator", "Richting", "Nulmeting", "Thema's", "Bron")


def _tool(name: str) -> str:
    found = shutil.which(name)
    if found is None:
        pytest.fail(f"{name} is needed for the print tests: run 'sudo apt-get install poppler-utils'")
    return found


@pytest.fixture(scope="module")
def printed(server: str, browser, tmp_path_factory: pytest.TempPathFactory):
    """Print a page of the site to PDF (as a browser does: 'beforeprint' first); return its path."""
    folder = tmp_path_factory.mktemp("pdf")
    page = browser.new_page()
    cache: dict[str, Path] = {}

    def pdf(path: str) -> Path:
        if path not in cache:
            page.goto(server + path, wait_until="load")
            page.evaluate("window.dispatchEvent(new Event('beforeprint'))")
            target = folder / ((path.strip("/").replace("/", "-") or "home") + ".pdf")
            page.pdf(path=str(target), prefer_css_page_size=True)
            cache[path] = target
        return cache[path]

    yield pdf
    page.close()


def _text(pdf: Path, layout: bool = False) -> str:
    arguments = [_tool("pdftotext"), *(["-layout"] if layout else []), str(pdf), "-"]
    return subprocess.run(arguments, capture_output=True, text=True, check=True).stdout


def _page_sizes(pdf: Path) -> list[tuple[float, float]]:
    info = subprocess.run([_tool("pdfinfo"), "-f", "1", "-l", "999", str(pdf)], capture_output=True, text=True, check=True).stdout
    return [(float(w), float(h)) for w, h in re.findall(r"Page\s+\d+ size:\s+([\d.]+) x ([\d.]+)", info)]


def _header_lines(text: str, columns: tuple[str, ...]) -> int:
    """Lines of the layout text that hold every column heading of a table, left to right."""
    pattern = re.compile(r"\s+".join(re.escape(column) for column in columns))
    return sum(1 for line in text.splitlines() if pattern.search(line.strip()))


def test_matrix_prints_in_landscape_with_every_region(printed) -> None:
    pdf = printed("/themas/")
    text = _text(pdf)
    sizes = _page_sizes(pdf)
    print(f"matrix: {len(sizes)} landscape A4 pages")
    assert [region for region in REGIONS if region not in text] == []
    assert sizes and all(width > height for width, height in sizes), sizes


def test_key_figure_and_indicator_tables_keep_every_column(built_site: Path, printed) -> None:
    pages = ["/vergelijking/kerncijfers/", *(f"/regios/{region}/cijfers/" for region in ("flevoland", "ijsselland", "rijk-van-nijmegen", "twente"))]
    missing = []
    for path in pages:
        html = (built_site / path.strip("/") / "index.html").read_text(encoding="utf-8")
        layout = _text(printed(path), layout=True)
        for columns in (KEY_FIGURE_COLUMNS, INDICATOR_COLUMNS):
            tables = html.count(f"<th>{columns[0]}</th>")
            if tables and _header_lines(layout, columns) < tables:
                missing.append(f"{path}: {tables} tables with {columns}, {_header_lines(layout, columns)} printed headers")
    assert missing == []


def test_every_sheet_has_address_and_build_date_and_no_navigation(printed) -> None:
    for path in ["/regios/twente/", "/vergelijking/kerncijfers/"]:
        sheets = [sheet for sheet in _text(printed(path)).split("\f") if sheet.strip()]
        stamped = [sheet for sheet in sheets if f"Regiokompas Jeugdhulp · {path} · gebouwd op " in sheet]
        assert len(stamped) == len(sheets) > 0, f"{path}: {len(stamped)} of {len(sheets)} sheets carry address and date"
        text = "\n".join(sheets)
        for interface in ("Ga naar inhoud", "Zoeken", "Voor beheerders", "Terug naar boven"):
            assert interface not in text, f"{path}: '{interface}' printed"


def test_links_print_as_short_references(printed) -> None:
    text = " ".join(_text(printed("/regios/twente/")).split())
    assert "[/regios/twente/principes/#twe-p1]" in text
    assert "[/begrippen/" not in text  # glossary links stay plain


#: A raadsversie (council briefing) prints on at most this many A4 pages.
BRIEFING_PAGES = 4


def test_each_region_briefing_prints_on_at_most_four_pages(built_site: Path, printed) -> None:
    counts = {}
    for region in ("flevoland", "ijsselland", "rijk-van-nijmegen", "twente"):
        overview = (built_site / "regios" / region / "index.html").read_text(encoding="utf-8")
        assert 'href="raadsversie/"' in overview, f"{region}: the overview links its raadsversie"
        counts[region] = len(_page_sizes(printed(f"/regios/{region}/raadsversie/")))
    print(f"raadsversie A4 pages: {counts}")
    assert all(0 < count <= BRIEFING_PAGES for count in counts.values()), counts


def test_each_theme_briefing_prints_on_at_most_four_pages(built_site: Path, printed) -> None:
    themes = sorted(path.name for path in (built_site / "themas" / "raadsversie").iterdir() if path.is_dir())
    assert len(themes) >= 10
    counts = {}
    for theme in themes:
        page = (built_site / "themas" / theme / "index.html").read_text(encoding="utf-8")
        assert f'href="../raadsversie/{theme}/"' in page, f"{theme}: the theme page links its raadsversie"
        counts[theme] = len(_page_sizes(printed(f"/themas/raadsversie/{theme}/")))
    print(f"theme raadsversie A4 pages: min {min(counts.values())}, max {max(counts.values())} over {len(counts)} themes")
    assert all(0 < count <= BRIEFING_PAGES for count in counts.values()), counts
