"""Chart geometry in Chromium: every SVG chart of the built site at a desktop and a phone width.

Each ``svg.rk-grafiek`` that is shown at a width (a chart may have a second layout for the other
screen size, hidden with CSS) must keep every label inside its box, no label on another label,
no dot on a label, fit its container, and have a text alternative with the same data: a table
or list it names in ``aria-describedby`` or that directly follows it.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

pytestmark = pytest.mark.browser

#: A laptop and a phone (WCAG 1.4.10 asks for 320 CSS px; 375 is the common phone width).
WIDTHS = (1366, 375)
#: Sub-pixel rounding of glyph boxes is not an overlap.
TOLERANCE = 0.5

#: Runs in the page; returns one line per problem, plus the number of charts shown.
GEOMETRY = """
(tolerance) => {
  const problems = [];
  const rect = (element) => element.getBoundingClientRect();
  const overlap = (a, b) =>
    Math.min(a.right, b.right) - Math.max(a.left, b.left) > tolerance &&
    Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top) > tolerance;
  const inside = (inner, outer) =>
    inner.left >= outer.left - tolerance && inner.right <= outer.right + tolerance &&
    inner.top >= outer.top - tolerance && inner.bottom <= outer.bottom + tolerance;
  const shown = (box) => box.width > 0 && box.height > 0;
  const where = (box) => `(${box.left.toFixed(1)}, ${box.top.toFixed(1)}, ${box.width.toFixed(1)} x ${box.height.toFixed(1)})`;
  const words = (element) => JSON.stringify(element.textContent.trim().slice(0, 50));
  const hasData = (element) => !!element && element.matches("table, ul, ol, dl, div, section, details") &&
    !!(element.matches("table, ul, ol, dl") ? element : element.querySelector("table, ul, ol, dl")) &&
    !!element.querySelector("tr, li, dd");
  let charts = 0;
  document.querySelectorAll("svg.rk-grafiek").forEach((svg, number) => {
    const frame = rect(svg);
    if (!shown(frame)) return;  // the layout for the other screen size
    charts += 1;
    const name = `grafiek ${number + 1} (${svg.getAttribute("aria-labelledby") || svg.id || "zonder naam"})`;
    const container = svg.parentElement;
    if (frame.width > container.clientWidth + tolerance) {
      problems.push(`${name}: ${frame.width.toFixed(1)} px breed in een container van ${container.clientWidth} px`);
    }
    if (frame.right > document.documentElement.clientWidth + tolerance) {
      problems.push(`${name}: rechterrand op ${frame.right.toFixed(1)} px, buiten het venster van ${document.documentElement.clientWidth} px`);
    }
    const label = (svg.getAttribute("aria-labelledby") || "").split(/\\s+/).filter(Boolean)
      .map((id) => document.getElementById(id)?.textContent.trim() || "").join(" ").trim() || svg.getAttribute("aria-label");
    if (svg.getAttribute("role") !== "img" || !label) problems.push(`${name}: geen role="img" met een toegankelijke naam`);
    const texts = [...svg.querySelectorAll("text")].map((text) => [text, rect(text)]).filter(([, box]) => shown(box));
    for (const [text, box] of texts) {
      if (!inside(box, frame)) problems.push(`${name}: tekst ${words(text)} ${where(box)} valt buiten de grafiek ${where(frame)}`);
    }
    for (let i = 0; i < texts.length; i++) {
      for (let j = i + 1; j < texts.length; j++) {
        if (overlap(texts[i][1], texts[j][1])) {
          problems.push(`${name}: tekst ${words(texts[i][0])} ${where(texts[i][1])} overlapt tekst ${words(texts[j][0])} ${where(texts[j][1])}`);
        }
      }
    }
    for (const circle of svg.querySelectorAll("circle")) {
      const dot = rect(circle);
      for (const [text, box] of texts) {
        if (overlap(dot, box)) problems.push(`${name}: punt ${where(dot)} ligt op tekst ${words(text)} ${where(box)}`);
      }
    }
    const described = (svg.getAttribute("aria-describedby") || "").split(/\\s+/).filter(Boolean).map((id) => document.getElementById(id));
    const holder = svg.closest("figure") || svg;
    const after = [];
    for (let next = svg.nextElementSibling; next && holder !== svg; next = next.nextElementSibling) after.push(next);
    after.push(holder.nextElementSibling);
    if (!described.some(hasData) && !after.some(hasData)) {
      problems.push(`${name}: geen tabel of lijst met de gegevens in aria-describedby of direct na de grafiek`);
    }
  });
  return {charts, problems};
}
"""


def chart_pages(site: Path) -> list[str]:
    """Site paths of every page with an SVG chart."""
    chart = re.compile(r'<svg\b[^>]*\bclass="(?:[^"]*\s)?rk-grafiek(?:\s[^"]*)?"')
    return sorted(
        "/" + path.relative_to(site).as_posix().removesuffix("index.html") for path in site.rglob("*.html") if chart.search(path.read_text(encoding="utf-8"))
    )


def chart_problems(page) -> tuple[int, list[str]]:
    """(charts shown, problems) for the page loaded in ``page``."""
    result = page.evaluate(GEOMETRY, TOLERANCE)
    return result["charts"], result["problems"]


@pytest.mark.parametrize("width", WIDTHS)
def test_every_chart_keeps_its_labels_inside_apart_and_off_the_dots(built_site: Path, server: str, browser, width: int) -> None:
    pages = chart_pages(built_site)
    assert "/vergelijking/tijdlijn/" in pages, "the timeline page has a chart"
    page = browser.new_page(viewport={"width": width, "height": 900})
    problems: list[str] = []
    for path in pages:
        page.goto(server + path, wait_until="load")
        shown, found = chart_problems(page)
        if shown == 0:
            problems.append(f"{path}: geen grafiek zichtbaar bij {width} px")
        problems += [f"{path} bij {width} px: {problem}" for problem in found]
    page.close()
    assert problems == [], "\n".join(problems)


BROKEN = """<!doctype html><html lang="nl"><body style="margin:0"><div style="width:300px">
<figure style="margin:0">
<svg class="rk-grafiek" role="img" aria-label="kapot" viewBox="0 0 400 100" width="400" height="100">
<text x="-30" y="20" font-size="13">afgesneden label</text>
<text x="100" y="50" font-size="13">eerste</text><text x="110" y="52" font-size="13">tweede</text>
<circle cx="300" cy="80" r="5"/><text x="290" y="85" font-size="13">onder de punt</text>
</svg></figure><p>Geen tabel.</p></div></body></html>"""


def test_the_geometry_check_reports_each_kind_of_fault(browser) -> None:
    """A chart with one of each fault: the check must name every one (so it can fail)."""
    page = browser.new_page(viewport={"width": 600, "height": 600})
    page.set_content(BROKEN)
    shown, problems = chart_problems(page)
    page.close()
    assert shown == 1
    report = "\n".join(problems)
    assert "400.0 px breed in een container van 300 px" in report
    assert 'tekst "afgesneden label"' in report and "valt buiten de grafiek" in report
    assert 'tekst "eerste"' in report and 'overlapt tekst "tweede"' in report
    assert 'ligt op tekst "onder de punt"' in report
    assert "geen tabel of lijst" in report
    assert len(problems) == 5, report
