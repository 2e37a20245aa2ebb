"""No English in the interface: Material's strings that have no Dutch translation are overridden.

The interface is what the theme puts around the content: text outside ``<article>`` and the
accessible names and tooltips (``aria-label``, ``title``, ``placeholder``, ``alt``) anywhere.
Content (the API reference quotes English docstrings) is not checked.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

#: English interface strings of Material for MkDocs (and MkDocs) that must not occur. Found in
#: Material's English language file and its templates; extend when Material adds interface text.
ENGLISH = (
    "Made with",
    "Not found",
    "404 - Not found",
    "Header",
    "Footer",
    "Tabs",
    "Skip to content",
    "Back to top",
    "Table of contents",
    "Navigation",
    "Search",
    "Type to start searching",
    "Initializing search",
    "No matching documents",
    "Clear",
    "Share",
    "Previous",
    "Next",
    "Copy to clipboard",
    "Copied to clipboard",
    "Edit this page",
    "View source of this page",
    "Go to repository",
    "Permanent link",
    "Select language",
    "Select version",
    "Last update",
    "Metadata",
    "RSS feed",
)
_ENGLISH = re.compile(r"\b(" + "|".join(re.escape(phrase) for phrase in ENGLISH) + r")\b")
_NAMED = ("aria-label", "title", "placeholder", "alt")


class InterfaceText(HTMLParser):
    """Collects interface text: text outside ``<article>``, ``<script>`` and ``<style>``, and
    the accessible names and tooltips of every element."""

    def __init__(self) -> None:
        super().__init__()
        self.texts: list[str] = []
        self._article = 0
        self._skip = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.texts.extend(value for name, value in attrs if name in _NAMED and value)
        if tag == "article":
            self._article += 1
        elif tag in ("script", "style", "svg"):
            self._skip += 1

    def handle_endtag(self, tag: str) -> None:
        if tag == "article":
            self._article -= 1
        elif tag in ("script", "style", "svg"):
            self._skip -= 1

    def handle_data(self, data: str) -> None:
        if not self._article and not self._skip and data.strip():
            self.texts.append(" ".join(data.split()))


def english_in(html: str) -> list[str]:
    """The English interface strings in one page."""
    collector = InterfaceText()
    collector.feed(html)
    return sorted({found for text in collector.texts for found in _ENGLISH.findall(text)})


def test_the_checker_finds_materials_english() -> None:
    page = (
        '<header><nav aria-label="Header">x</nav></header><article><p>Header in de tekst</p></article>'
        '<footer><div class="md-copyright">Made with <a href="#">Material for MkDocs</a></div></footer>'
    )
    assert english_in(page) == ["Header", "Made with"]
    assert english_in("<article><h1>Made with love</h1></article>") == []


def test_no_english_interface_strings_on_any_page(built_site: Path) -> None:
    found = {
        path.relative_to(built_site).as_posix(): english
        for path in sorted(built_site.rglob("*.html"))
        if (english := english_in(path.read_text(encoding="utf-8")))
    }
    assert found == {}


def test_404_page_is_dutch(built_site: Path) -> None:
    page = (built_site / "404.html").read_text(encoding="utf-8")
    assert "<title>Pagina niet gevonden - Regiokompas Jeugdhulp</title>" in page
    assert "<h1>Pagina niet gevonden</h1>" in page
