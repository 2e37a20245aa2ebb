"""What a template gets for one page: ``t`` (data as safe Markdown) and ``url`` (links).

The difference between the text methods is glossary linking: :meth:`PageTools.text`
escapes only, :meth:`PageTools.linked` and :meth:`PageTools.linked_paragraphs` also link
the first occurrence of each glossary term on the page to its entry.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from markupsafe import Markup

from . import text, urls
from .catalog import Catalog
from .citations import citation_label, citation_url
from .dutch import direction, dutch_date, dutch_number
from .escape import markdown_text
from .glossary import PageLinker, TermIndex
from .models import KeyFigure, Source
from .urls import Links


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

    def text(self, value: object) -> Markup:
        """Escaped text on one line, without glossary links (link texts, tables, compact places)."""
        return text.inline(value)

    def linked(self, value: object) -> Markup:
        """Escaped text on one line; the first occurrence of each glossary term on the page is linked."""
        return text.inline(value, self._linker)

    def linked_paragraphs(self, value: str) -> Markup:
        """Escaped paragraphs; the first occurrence of each glossary term on the page is linked."""
        return text.block(value, self._linker)

    def cell(self, value: object) -> Markup:
        """A table cell: escaped, one line, a dash when empty; no glossary links."""
        return text.table_cell(value)

    def heading(self, value: object) -> Markup:
        """Heading text: escaped, without abbreviation tooltips or links."""
        return text.heading(value, self.catalog.abbreviations)

    def code(self, value: str) -> Markup:
        """A code span (no escapes inside code); falls back to escaped text."""
        if "`" in value or "\n" in value:
            return text.inline(value)
        return Markup(f"`{value}`")

    def citation(self, source: Source) -> Markup:
        """The source reference: a compact link (document, section, page) to the quoted passage or section."""
        label = citation_label(self.catalog.sources, source, self.catalog.document_titles)
        target = citation_url(self.catalog.sources, source)
        if target is None:
            return text.inline(label)
        page, _, anchor = target.partition("#")
        return Markup(f"[{markdown_text(label)}]({urls.relative(page, self.page, anchor or None)})")

    def date(self, value: str) -> Markup:
        return Markup(dutch_date(value))

    def direction(self, value: str) -> Markup:
        return Markup(direction(value))

    def theme_name(self, theme_id: str) -> Markup:
        return text.inline(self.catalog.theme_names[theme_id])

    def value(self, figure: KeyFigure) -> Markup:
        """``9,1%`` or ``16.269 personen``, with the document's own wording next to the number."""
        number = dutch_number(figure.value)
        shown = f"{number}%" if figure.unit == "%" else f"{number} {figure.unit}"
        if figure.value_text:
            shown += f" ({figure.value_text})"
        return text.inline(shown)

    def table_value(self, value: object) -> Markup:
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            return Markup(dutch_number(value))
        return text.table_cell(value)


def page_context(catalog: Catalog, page: str, index: TermIndex | None = None, link_terms: bool = True) -> dict[str, Any]:
    """The template variables every page gets: ``t`` for text and ``url`` for links from ``page``."""
    return {
        "t": PageTools(catalog, page, index, link_terms),
        "url": Links(page, catalog.item_places, catalog.editor_notes),
    }
