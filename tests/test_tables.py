"""Tables keep their columns: all visible on a laptop, the row label in view on a phone."""

from __future__ import annotations

from pathlib import Path

import pytest

pytestmark = pytest.mark.browser

LAPTOP = {"width": 1366, "height": 768}
PHONE = {"width": 375, "height": 667}

#: Per table: its width and the width of the box it must fit in (its scrolling wrapper, else the
#: article), and whether the table or its wrapper scrolls sideways.
_WIDTHS = """() => [...document.querySelectorAll('article table')].map((table, index) => {
    const box = table.closest('.rk-tabel, .rk-matrix, .md-typeset__scrollwrap') || table.closest('article');
    const article = table.closest('article');
    return {index, columns: table.rows[0] ? table.rows[0].cells.length : 0,
            table: Math.ceil(table.getBoundingClientRect().width), scroll: table.scrollWidth,
            inner: table.clientWidth, box: box.clientWidth, boxScroll: box.scrollWidth,
            article: article.clientWidth};
})"""


def _pages_with_tables(site: Path) -> list[str]:
    return sorted(
        "/" + path.relative_to(site).as_posix().removesuffix("index.html") for path in site.rglob("index.html") if "<table" in path.read_text(encoding="utf-8")
    )


def test_no_table_wider_than_its_container_on_a_laptop(built_site: Path, server: str, browser) -> None:
    pages = _pages_with_tables(built_site)
    assert len(pages) >= 8
    page = browser.new_page(viewport=LAPTOP)
    too_wide: list[str] = []
    tables = 0
    for path in pages:
        page.goto(server + path, wait_until="load")
        for found in page.evaluate(_WIDTHS):
            tables += 1
            if found["table"] > found["article"] or found["scroll"] > found["inner"] + 1 or found["boxScroll"] > found["box"] + 1:
                too_wide.append(f"{path} table {found['index'] + 1} ({found['columns']} columns): {found}")
    page.close()
    print(f"tables at 1366 px: {tables} tables on {len(pages)} pages, {len(too_wide)} wider than their container")
    assert too_wide == []


def test_row_label_stays_in_view_on_a_phone(server: str, browser) -> None:
    page = browser.new_page(viewport=PHONE)
    checked = 0
    for path in ["/regios/rijk-van-nijmegen/cijfers/", "/regios/ijsselland/cijfers/", "/vergelijking/kerncijfers/"]:
        page.goto(server + path, wait_until="load")
        results = page.evaluate("""() => [...document.querySelectorAll('article .rk-tabel')]
            .filter(wrapper => wrapper.scrollWidth > wrapper.clientWidth + 1)
            .map(wrapper => {
                wrapper.scrollLeft = wrapper.scrollWidth;
                const cell = wrapper.querySelector('tbody tr td:first-child');
                const left = cell.getBoundingClientRect().left, box = wrapper.getBoundingClientRect().left;
                return {label: cell.textContent.trim().slice(0, 40), offset: Math.round(left - box)};
            })""")
        checked += len(results)
        moved = [result for result in results if abs(result["offset"]) > 1]
        assert moved == [], f"{path}: the row label scrolled away: {moved}"
    page.close()
    print(f"tables scrolled sideways at 375 px: {checked}, row label kept in view in all")
    assert checked >= 1
