"""Chart geometry in Chromium: every SVG chart of the built site at a desktop and a phone width.

Each ``svg.rk-grafiek`` that is shown at a width (a chart may have a second layout for the other
screen size, hidden with CSS) must keep every label inside its box, no label on another label,
no dot on a label, fit its container, and have a text alternative with the same data: a table
or list it names in ``aria-describedby`` or that directly follows it.
"""

from __future__ import annotations

import html
import re
from pathlib import Path

import pytest

from regiokompas.charts import BOLD_CHAR, CHAR, DOT, TIMELINE_LAYOUTS, Span, SpanGroup, timeline_chart, wrap

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


@pytest.mark.browser
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


@pytest.mark.browser
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


def test_wrap_keeps_every_line_within_its_width_and_cuts_a_long_word() -> None:
    lines = wrap("Regionale Visie Jeugdhulp " + "Lang" * 750, 200, 10, max_lines=3)
    assert lines == ["Regionale Visie", "Jeugdhulp", "LangLangLangLangLan…"]
    assert wrap("Visie IJsselland, 2021–2025", 680, CHAR) == ["Visie IJsselland, 2021–2025"]


def _boxes(svg: str) -> tuple[float, float, list[tuple[float, float, float, float]], list[tuple[float, float, float, float]]]:
    """(width, height, label boxes, dot boxes) of a generated chart, labels at the layout's own width estimate."""
    width, height = (float(value) for value in re.search(r'viewBox="0 0 ([0-9.]+) ([0-9.]+)"', svg).groups())
    texts = []
    for x, y, anchor, css, content in re.findall(r'<text x="([0-9.-]+)" y="([0-9.-]+)" text-anchor="(\w+)" class="([^"]*)">([^<]*)</text>', svg):
        length = len(html.unescape(content)) * (BOLD_CHAR if "rk-grafiek-kop" in css else CHAR)
        left = float(x) - (length / 2 if anchor == "middle" else 0)
        texts.append((left, float(y) - 13, left + length, float(y) + 4))
    dots = [(float(x) - DOT, float(y) - DOT, float(x) + DOT, float(y) + DOT) for x, y in re.findall(r'<circle cx="([0-9.]+)" cy="([0-9.]+)"', svg)]
    return width, height, texts, dots


def _apart(a: tuple[float, float, float, float], b: tuple[float, float, float, float]) -> bool:
    return a[2] <= b[0] or b[2] <= a[0] or a[3] <= b[1] or b[3] <= a[1]


@pytest.mark.parametrize(("layout", "width"), TIMELINE_LAYOUTS)
def test_timeline_layout_keeps_labels_apart_by_construction(layout: str, width: int) -> None:
    """Without a browser: 42 regions with long names, a very long word, twenty steps in one month and a
    step decades after the period, at the width estimate the layout uses (the browser test measures the real text)."""
    marks = (2023.4,) * 20 + (2040.5, 2012.5)
    groups = [
        SpanGroup(
            f"Regio {number} met een naam die op een telefoon niet op één regel past " + ("Lang" * 200 if number == 7 else ""),
            (Span("Regioprogramma Jeugd, 2023–2028", 2023, 2028, marks), Span("Raadsmemo, 3 november 2020 (geen looptijd genoemd)", None, None, marks[:3])),
        )
        for number in range(42)
    ]
    svg = str(timeline_chart(f"proef-{layout}", "Proef", "Proef", groups, width))
    chart_width, chart_height, texts, dots = _boxes(svg)
    assert chart_width == width and len(texts) > 42 * 3 and len(dots) == 42 * 25
    outside = [box for box in texts + dots if box[0] < 0 or box[1] < 0 or box[2] > chart_width or box[3] > chart_height]
    assert outside == []
    crossing = [(a, b) for number, a in enumerate(texts) for b in texts[number + 1 :] + dots if not _apart(a, b)]
    assert crossing == []
