"""Hostile data through the real Material build, opened in Chromium.

A copy of the fixture project gets a payload in every text field (names, titles, summaries,
glossary terms that become tooltips, notes, sources) and is built with the site's own
``mkdocs.yml``, theme overrides and hook. Every page is opened; the test fails on any
dialog, any element or attribute the payload created, and any request to another host.
Hovering an abbreviation shows Material's tooltip, which inserts its title as HTML.
"""

from __future__ import annotations

import functools
import http.server
import shutil
import subprocess
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

import pytest
import yaml

from conftest import BIN, ENV, MINI, ROOT
from regiokompas.synthetic import BUILD_FILES
from regiokompas.urls import GENERATED_DIRS

pytestmark = pytest.mark.browser

MARK = "KWAAD"
PAYLOAD = (
    f"{MARK} </title><script>alert('title')</script><img src=x onerror=alert('img')>"
    " <svg onload=alert('svg')></svg>\"'><iframe src=javascript:alert('iframe')></iframe>"
    " {{ 7*7 }} {% raw %} *[HTML]: evil --8<-- \"README.md\" | cel | {: onclick=alert('attr') }"
    " [klik](javascript:alert('link')) ![beeld](https://evil.example/x.png) &lt;b&gt;"
)
#: For fields limited to 40 characters (units, short names): a shorter payload instead of the value.
SHORT_PAYLOAD = "<img src=x onerror=alert('kort')>"
SHORT_FIELDS = {"unit", "short_name", "short_title"}
#: One "word" of 3,000 characters: it must wrap on a 375 px phone instead of widening the page.
LONG_WORD = "Lang" * 750
#: A glossary spelling variant with markup (no URL, so the term linker can match all of it).
VARIANT = "Gecertificeerde](javascript:alert('variant')) [Instelling <img src=x onerror=alert('variant')>"
#: Fields that hold ids, dates, numbers, file names or choices: not free text.
NOT_TEXT = {
    "id",
    "document",
    "seed",
    "date",
    "parent",
    "concept",
    "region",
    "themes",
    "terms",
    "refs",
    "related",
    "levels",
    "direction",
    "url",
    "abbreviation",
    "abbreviations",
    "note_kind",
    "basis",
    "quote",
    "section",
    "measure",
    "point",
    "items",
    "status",
    "said_by",
}
#: A yardstick of the fixture (issue 19), added to the hostile project so its texts are poisoned too.
YARDSTICK = Path(__file__).resolve().parent / "fixtures" / "yardsticks" / "toets.yaml"
#: A measure for the key-figure grid (issue 18), with alpha's key figure linked to it.
MEASURES = {"measures": [{"id": "aandeel", "name": "Aandeel", "definition": "Een aandeel.", "unit": "%", "note": "Een toelichting."}]}


def _poison(value: Any, key: str = "") -> Any:
    if key == "corrections":  # the slip must stand in the source text (validation checks it); its reading is free text
        return [{**correction, "correct": _poison(correction["correct"], "correct")} for correction in value]
    if isinstance(value, dict):
        return {name: _poison(item, name) for name, item in value.items()}
    if isinstance(value, list):
        return [_poison(item, key) for item in value]
    if isinstance(value, str) and key in SHORT_FIELDS:
        return SHORT_PAYLOAD
    if isinstance(value, str) and key not in NOT_TEXT:
        return f"{value} {PAYLOAD}"
    return value


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    project = tmp_path_factory.mktemp("hostile") / "project"
    shutil.copytree(MINI, project)
    for name in BUILD_FILES:
        source, target = ROOT / name, project / name
        if target.exists():  # the fixture's own source texts
            continue
        if source.is_dir():
            shutil.copytree(source, target, dirs_exist_ok=True, ignore=shutil.ignore_patterns(*GENERATED_DIRS) if name == "docs" else None)
        else:
            shutil.copy(source, target)
    # The newer free-text fields: what sets a region apart, a measure with a figure linked to it, a yardstick.
    (project / "yardsticks").mkdir()
    shutil.copy(YARDSTICK, project / "yardsticks" / YARDSTICK.name)
    (project / "themes/measures.yaml").write_text(yaml.safe_dump(MEASURES, allow_unicode=True), encoding="utf-8")
    alpha = yaml.safe_load((project / "regions/alpha.yaml").read_text(encoding="utf-8"))
    alpha["distinctive"] = [{"text": "Alpha kiest voor een eigen weg.", "refs": [alpha["principles"][0]["id"]]}]
    alpha["key_figures"][0].update(measure="aandeel", measure_note="Anders geteld.")
    (project / "regions/alpha.yaml").write_text(yaml.safe_dump(alpha, allow_unicode=True, sort_keys=False, width=200), encoding="utf-8")
    data_files = [*(project / "regions").glob("*.yaml"), *(project / "glossary").glob("*.yaml"), *(project / "yardsticks").glob("*.yaml")]
    for path in [*data_files, project / "themes/themes.yaml", project / "themes/measures.yaml"]:
        data = _poison(yaml.safe_load(path.read_text(encoding="utf-8")))
        if path.parent.name == "yardsticks":  # a choice, not free text
            data["kind"] = "eis"
        if path == project / "regions/alpha.yaml":  # one word far wider than a phone
            data["summary"] += " " + LONG_WORD
        if path.name == "begrippen.yaml":  # a hostile spelling variant of a concept ...
            data["concepts"][0]["variants"] = [VARIANT]
        if path.name == "themes.yaml":  # ... named by the first linked text of a page: it becomes a glossary link
            data["themes"][0]["description"] = VARIANT + " " + data["themes"][0]["description"]
        path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=200), encoding="utf-8")
    # A region id with hyphens: ids reach HTML attributes and URLs, where Markdown escaping would break them.
    (project / "regions/beta.yaml").rename(project / "regions/beta-regio.yaml")
    for path, old, new in (
        ("regions/beta-regio.yaml", "id: beta\n", "id: beta-regio\n"),
        ("glossary/beta.yaml", "region: beta\n", "region: beta-regio\n"),
        (f"yardsticks/{YARDSTICK.name}", "region: beta\n", "region: beta-regio\n"),
    ):
        text = (project / path).read_text(encoding="utf-8")
        assert old in text, path
        (project / path).write_text(text.replace(old, new), encoding="utf-8")
    site = project / "site"
    result = subprocess.run(
        [str(BIN / "mkdocs"), "build", "--strict", "--site-dir", str(site)], cwd=project, env=ENV, capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stderr[-4000:]
    return site


@pytest.fixture(scope="module")
def hostile_server(hostile_site: Path) -> Iterator[str]:
    handler = functools.partial(_QuietHandler, directory=str(hostile_site))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args: object) -> None:
        pass


#: Elements and attributes the payload tries to create; the site itself creates none of them.
INJECTED = """() => {
  const found = [];
  for (const element of document.querySelectorAll('*')) {
    for (const attribute of element.attributes) {
      if (attribute.name.startsWith('on')) found.push(`${element.tagName} ${attribute.name}`);
      if (/^\\s*javascript:/i.test(attribute.value)) found.push(`${element.tagName} ${attribute.name}=javascript:`);
    }
  }
  for (const element of document.querySelectorAll('iframe, img[src="x"], abbr[title="evil"]')) found.push(element.outerHTML.slice(0, 80));
  for (const element of document.querySelectorAll('script')) if (element.textContent.includes('alert(')) found.push('script');
  return found;
}"""


def test_hostile_data_creates_no_script_element_or_request(hostile_site: Path, hostile_server: str, browser) -> None:
    pages = sorted("/" + path.relative_to(hostile_site).as_posix().removesuffix("index.html") for path in hostile_site.rglob("index.html"))
    generated = [path for path in pages if path.startswith(("/regios/", "/themas/", "/vergelijking/", "/begrippen/"))]
    assert len(generated) >= 10
    dialogs: list[str] = []
    foreign: list[str] = []
    page = browser.new_page()
    page.on("dialog", lambda dialog: (dialogs.append(f"{page.url}: {dialog.message}"), dialog.dismiss()))
    page.on(
        "request",
        lambda request: (
            foreign.append(request.url) if urlparse(request.url).hostname not in ("127.0.0.1", None) and not request.url.startswith("data:") else None
        ),
    )
    problems: list[str] = []
    shown = 0
    for path in generated:
        page.goto(hostile_server + path, wait_until="load")
        problems += [f"{path}: {found}" for found in page.evaluate(INJECTED)]
        if MARK in page.title():
            shown += 1
            assert "</title><script>" in page.title(), page.title()  # the payload is shown as text
        for abbreviation in page.locator("article abbr").all()[:3]:
            abbreviation.hover()
            page.wait_for_timeout(50)
        problems += [f"{path} after hover: {found}" for found in page.evaluate(INJECTED)]
    page.close()
    assert dialogs == [] and problems == [] and foreign == [], (dialogs, problems[:10], foreign[:10])
    assert shown >= 4  # region, theme and concept titles carry the payload


def test_a_hostile_tooltip_shows_as_text(hostile_site: Path, hostile_server: str, browser) -> None:
    page = browser.new_page()
    page.goto(hostile_server + "/regios/alpha/principes/", wait_until="load")
    abbreviation = page.locator("article abbr", has_text="GI").first
    abbreviation.hover()
    tooltip = page.locator(".md-tooltip2, .md-tooltip").filter(has_text=MARK).first
    tooltip.wait_for(state="attached", timeout=5000)
    text = tooltip.inner_text()
    page.close()
    assert "<img src=x onerror=alert('img')>" in text  # the markup of the term, shown literally


def test_hostile_text_stays_in_one_table_cell(hostile_site: Path, hostile_server: str, browser) -> None:
    page = browser.new_page()
    page.goto(hostile_server + "/themas/", wait_until="load")
    cells = page.evaluate("() => [...document.querySelectorAll('article table tr')].map(row => row.children.length)")
    page.close()
    assert len(set(cells)) == 1, cells  # every row has the same number of cells: no '|' broke a row


def test_hostile_names_reach_attributes_intact(hostile_site: Path, hostile_server: str, browser) -> None:
    page = browser.new_page()
    page.goto(hostile_server + "/vergelijking/naast-elkaar/", wait_until="load")
    options = page.evaluate("() => [...document.querySelectorAll('#rk-regio-a option')].map(o => [o.value, o.textContent])")
    page.close()
    assert [value for value, _ in options] == ["alpha", "beta-regio"]
    assert all(MARK in text and "<script>" in text for _, text in options)


def test_a_very_long_word_wraps_on_a_phone(hostile_site: Path, hostile_server: str, browser) -> None:
    page = browser.new_page(viewport={"width": 375, "height": 667})
    page.goto(hostile_server + "/regios/alpha/", wait_until="load")
    assert LONG_WORD[:100] in page.content()
    width = page.evaluate("() => document.documentElement.scrollWidth")
    page.close()
    assert width <= 375, width


def test_a_hyphenated_region_id_chooses_its_region_side_by_side(hostile_site: Path, hostile_server: str, browser) -> None:
    page = browser.new_page()
    page.goto(hostile_server + "/vergelijking/naast-elkaar/?a=alpha&b=beta-regio", wait_until="load")
    shown = page.evaluate("() => [...document.querySelectorAll('.rk-naast-regio')].filter(e => !e.hidden).map(e => e.dataset.regio)")
    page.close()
    assert set(shown) == {"alpha", "beta-regio"}


@pytest.mark.parametrize("width", [1366, 375])
def test_hostile_names_stay_inside_the_timeline_chart(hostile_site: Path, hostile_server: str, browser, width: int) -> None:
    """Region names and document titles of hundreds of characters: wrapped and cut with an ellipsis, never past the edge."""
    from test_charts import chart_problems

    page = browser.new_page(viewport={"width": width, "height": 900})
    page.goto(hostile_server + "/vergelijking/tijdlijn/", wait_until="load")
    labels = page.evaluate("() => [...document.querySelectorAll('svg.rk-grafiek text')].filter(t => t.getBoundingClientRect().width).map(t => t.textContent)")
    shown, problems = chart_problems(page)
    page.close()
    assert any(MARK in label for label in labels) and any(label.endswith("…") for label in labels), labels
    assert shown == 1 and problems == [], problems
