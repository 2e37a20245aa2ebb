"""Hostile text from YAML shows literally on the built page and adds no element."""

from __future__ import annotations

import re
from pathlib import Path

import markdown
import pytest
import yaml

from conftest import replace_in
from regiokompas.catalog import load_catalog
from regiokompas.escape import markdown_text
from regiokompas.generate import build_pages
from regiokompas.text import block, heading, inline

HOSTILE = [
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    "a | b | c",
    '--8<-- "README.md"',
    "{{ 7 * 7 }} {% if true %}x{% endif %}",
    "*[HTML]: Hyper Text",
    "[klik](javascript:alert(1))",
    "**vet** _schuin_ `code`",
    "# kop",
    "{: #evil .x onclick=alert(1) }",
    "&amp; &lt; \\ backslash",
    "1. geen lijst",
]


def to_html(source: str) -> str:
    """Render Markdown with the site's extensions (except the snippet auto-append)."""
    return markdown.markdown(source, extensions=["abbr", "attr_list", "md_in_html", "tables", "pymdownx.escapeall"])


@pytest.mark.parametrize("text", HOSTILE)
def test_inline_text_renders_literally(text: str) -> None:
    html = to_html(str(inline(text)))
    assert html.startswith("<p>") and html.endswith("</p>")
    assert html.count("<") == 2, html  # only <p> and </p>
    assert _unescape(html[3:-4]) == " ".join(text.split())


def test_hostile_text_in_a_table_cell_stays_in_its_cell() -> None:
    row = "| " + " | ".join(str(inline(text)) for text in HOSTILE[:3]) + " |"
    html = to_html("| a | b | c |\n|---|---|---|\n" + row)
    assert html.count("<td>") == 3
    assert "<script" not in html and "<img" not in html


def test_urls_become_links_and_nothing_else() -> None:
    html = to_html(str(block("Zie https://vng.nl/artikelen/norm. En <b>dit</b>.")))
    assert '<a href="https://vng.nl/artikelen/norm">https://vng.nl/artikelen/norm</a>' in html
    assert "<b>" not in html


def test_a_scheme_without_a_host_is_not_a_link() -> None:
    html = to_html(str(block("Een adres begint met https:// (of http://).")))
    assert "<a " not in html


def test_paragraphs_are_kept_in_both_block_styles() -> None:
    folded = yaml.safe_load("t: >-\n  Eerste\n  alinea.\n\n  Tweede alinea.\n")["t"]
    literal = yaml.safe_load("t: |-\n  Eerste alinea.\n\n  Tweede alinea.\n")["t"]
    for text in (folded, literal):
        assert to_html(str(block(text))) == "<p>Eerste alinea.</p>\n<p>Tweede alinea.</p>"


def test_heading_abbreviations_get_no_tooltip() -> None:
    source = f"# {heading('Rol van de GI', ['GI'])}\n\nDe GI helpt.\n\n*[GI]: Gecertificeerde Instelling"
    html = to_html(source)
    assert html.count("<abbr") == 1
    assert re.search(r"<h1[^>]*>Rol van de &#71;I</h1>", html)


def test_markdown_text_escapes_every_markdown_character() -> None:
    assert markdown_text("a*b_c[d](e)") == "a\\*b\\_c\\[d\\]\\(e\\)"


def test_hostile_region_text_appears_literally_on_its_page(mini: Path) -> None:
    hostile = "<script>x</script> | {{ 1+1 }} --8<-- *[GI]: boe [a](b)"
    replace_in(mini / "regions/alpha.yaml", "summary: Alpha wants GI involvement and normal life.", f"summary: '{hostile}'")
    page = build_pages(load_catalog(mini))["regios/alpha/principes.md"]
    html = to_html(page)
    assert "<script" not in html
    visible = _unescape(re.sub(r"<[^>]+>", "", html))
    assert hostile in visible
    assert "--8&lt;--" in html


def _unescape(html: str) -> str:
    return html.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", '"').replace("&amp;", "&")
