"""Per-page helpers handed to templates as ``t``: safe text, links, sources, labels."""

from __future__ import annotations

import posixpath
from dataclasses import dataclass, field

from markupsafe import Markup

from . import text
from .catalog import Catalog
from .glossary import PageLinker, TermIndex
from .models import KeyFigure, Source

MONTHS = ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober", "november", "december"]
DIRECTIONS = {"meer": "meer (omhoog)", "minder": "minder (omlaag)", "gelijk": "gelijk houden", "niet-genoemd": "niet genoemd"}


def dutch_date(value: str) -> str:
    """``2021-11-17`` as ``17 november 2021``; ``2022-Q1`` as ``1e kwartaal 2022``."""
    if "-Q" in value:
        year, quarter = value.split("-Q")
        return f"{quarter}e kwartaal {year}"
    parts = value.split("-")
    if len(parts) == 3:
        return f"{int(parts[2])} {MONTHS[int(parts[1]) - 1]} {parts[0]}"
    if len(parts) == 2:
        return f"{MONTHS[int(parts[1]) - 1]} {parts[0]}"
    return value


@dataclass
class PageTools:
    """Everything a template needs to turn data into safe Markdown for one page."""

    catalog: Catalog
    page: str
    index: TermIndex | None = None
    link_terms: bool = True
    _linker: PageLinker | None = field(init=False, default=None)

    def __post_init__(self) -> None:
        if self.index is not None and self.link_terms:
            self._linker = PageLinker(self.index, self.page)
        self._documents = {
            document.id: document.title for region in self.catalog.regions for document in region.documents
        }
        self._themes = {theme.id: theme.name for theme in self.catalog.themes}
        self._abbreviations = [a for concept in self.catalog.concepts for a in concept.abbreviations]

    def inline(self, value: object) -> Markup:
        """One line of text; the first occurrence of each glossary term is linked."""
        return text.inline(value, self._linker)

    def label(self, value: object) -> Markup:
        """Escaped text without glossary links, for link texts and compact places."""
        return text.inline(value)

    def block(self, value: str) -> Markup:
        """Paragraphs of text; the first occurrence of each glossary term is linked."""
        return text.block(value, self._linker)

    def cell(self, value: object) -> Markup:
        """A table cell (no glossary links: tables stay compact)."""
        return text.table_cell(value)

    def h(self, value: str) -> Markup:
        """Heading text: escaped, without abbreviation tooltips or links."""
        return text.heading(value, self._abbreviations)

    def code(self, value: str) -> Markup:
        """A code span (no escapes inside code); falls back to escaped text."""
        if "`" in value or "\n" in value:
            return text.inline(value)
        return Markup(f"`{value}`")

    def link(self, target: str) -> Markup:
        """Relative link from this page to ``target`` (relative to ``docs/``)."""
        return Markup(posixpath.relpath(target, posixpath.dirname(self.page) or "."))

    def src(self, source: Source) -> Markup:
        """The source reference: a compact link to the quoted passage or section on the source page."""
        from .citations import citation_label, citation_url

        label = citation_label(self.catalog.sources, source, self._documents)
        url = citation_url(self.catalog.sources, source)
        if url is None:
            return text.inline(label)
        return Markup(f"[{text.escape_inline(label)}]({self.link(url)})")

    def date(self, value: str) -> Markup:
        return Markup(dutch_date(value))

    def direction(self, value: str) -> Markup:
        return Markup(DIRECTIONS[value])

    def theme_name(self, theme_id: str) -> Markup:
        return text.inline(self._themes[theme_id])

    def value(self, figure: KeyFigure) -> Markup:
        """``9,1 %`` or the document's own wording next to the number."""
        number = text.dutch_number(figure.value)
        shown = f"{number}%" if figure.unit == "%" else f"{number} {figure.unit}"
        if figure.value_text:
            shown += f" ({figure.value_text})"
        return text.inline(shown)

    def table_value(self, value: object) -> Markup:
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            return Markup(text.dutch_number(value))
        return text.table_cell(value)
