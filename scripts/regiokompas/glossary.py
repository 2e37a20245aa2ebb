"""Glossary helpers: surface forms of concepts, first-occurrence links and abbreviations."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from markupsafe import Markup

from . import urls
from .escape import markdown_text, tooltip
from .models import Concept


def surface_forms(concept: Concept) -> list[str]:
    """Every way a concept is written: term, variants and abbreviations."""
    forms = [concept.term, *concept.variants, *concept.abbreviations]
    return sorted({form for form in forms if len(form) >= 2}, key=len, reverse=True)


@dataclass
class TermIndex:
    """Finds glossary terms in text: case-sensitive for abbreviations, not for words."""

    concepts: list[Concept]
    _lookup: dict[str, str] = field(init=False, default_factory=dict)
    _pattern: re.Pattern[str] | None = field(init=False, default=None)

    def __post_init__(self) -> None:
        exact: list[str] = []
        folded: list[str] = []
        for concept in self.concepts:
            for form in surface_forms(concept):
                if form in concept.abbreviations or form.isupper():
                    self._lookup.setdefault(form, concept.id)
                    exact.append(form)
                else:
                    self._lookup.setdefault(form.casefold(), concept.id)
                    folded.append(form)
        alternatives = [re.escape(form) for form in sorted(set(exact), key=len, reverse=True)]
        alternatives += ["(?i:" + re.escape(form) + ")" for form in sorted(set(folded), key=len, reverse=True)]
        if alternatives:
            self._pattern = re.compile(r"(?<!\w)(?:" + "|".join(alternatives) + r")(?!\w)")

    def concept_for(self, surface: str) -> str | None:
        return self._lookup.get(surface) or self._lookup.get(surface.casefold())

    def find(self, text: str) -> list[tuple[int, int, str]]:
        """``(start, end, concept_id)`` of every term occurrence in ``text``."""
        if self._pattern is None:
            return []
        found = []
        for match in self._pattern.finditer(text):
            concept_id = self.concept_for(match.group(0))
            if concept_id:
                found.append((match.start(), match.end(), concept_id))
        return found


@dataclass
class PageLinker:
    """Links the first occurrence of each glossary term on one page to its entry."""

    index: TermIndex
    page: str
    linked: set[str] = field(default_factory=set)

    def __call__(self, text: str) -> str:
        pieces = []
        position = 0
        for start, end, concept_id in self.index.find(text):
            if concept_id in self.linked or urls.concept(concept_id) == self.page:
                continue
            self.linked.add(concept_id)
            target = urls.relative(urls.concept(concept_id), self.page)
            pieces.append(markdown_text(text[position:start]))
            pieces.append(f"[{markdown_text(text[start:end])}]({target})")
            position = end
        pieces.append(markdown_text(text[position:]))
        return "".join(pieces)


def abbreviation_definitions(concepts: list[Concept]) -> Markup:
    """Material's abbreviation list (``*[GI]: ...``), appended to every page.

    An abbreviation whose term is the abbreviation itself (a name like ``AEF``) gets no tooltip:
    it would only repeat the word."""
    lines = []
    for concept in sorted(concepts, key=lambda item: item.id):
        for abbreviation in concept.abbreviations:
            if abbreviation != concept.term:
                lines.append(f"*[{abbreviation}]: {tooltip(concept.term)}")
    return Markup("\n".join(sorted(set(lines))) + "\n")


#: An abbreviation as Python-Markdown's ``abbr`` extension writes it (the title is escaped).
_ABBR = re.compile(r'<abbr title="[^"]*">([^<]*)</abbr>')


def first_abbreviations_only(html: str, tooltips: bool = True) -> str:
    """A page's HTML in which only the first occurrence of each abbreviation keeps its ``<abbr>``
    tooltip; later ones become plain text (one explanation per page is enough, and every
    ``<abbr>`` costs the reader's phone a tooltip component). ``tooltips=False`` removes them all
    (the glossary index defines the terms themselves)."""
    seen: set[str] = set()

    def keep_first(match: re.Match[str]) -> str:
        word = match.group(1)
        if tooltips and word not in seen:
            seen.add(word)
            return match.group(0)
        return word

    return _ABBR.sub(keep_first, html)
