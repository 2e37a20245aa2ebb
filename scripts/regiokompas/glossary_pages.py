"""The unified glossary: A-Z index, one page per concept and the abbreviation list."""

from __future__ import annotations

import unicodedata
from collections import defaultdict

from .catalog import Catalog, walk
from .glossary import TermIndex, abbreviation_definitions, concept_page
from .models import Concept
from .pagetools import PageTools
from .render import render

ABBREVIATIONS_FILE = "includes/abbreviations.md"


def initial(term: str) -> str:
    """The A-Z letter of a term (accents folded; digits and signs under '#')."""
    letter = unicodedata.normalize("NFKD", term.strip())[:1].upper()
    return letter if "A" <= letter <= "Z" else "#"


def usages(catalog: Catalog, index: TermIndex) -> dict[str, list[tuple[str, str, str]]]:
    """Concept id -> [(page, anchor, label)] of region items that name or mention it."""
    found: dict[str, dict[tuple[str, str], str]] = defaultdict(dict)
    for region in catalog.regions:
        page = f"regios/{region.id}.md"
        for _, item in walk(region):
            item_id = getattr(item, "id", None)
            title = getattr(item, "title", None) or getattr(item, "name", None) or getattr(item, "label", None)
            if not isinstance(item_id, str) or not isinstance(title, str) or item is region:
                continue
            texts = [title, *(getattr(item, name, "") or "" for name in ("summary", "text", "definition"))]
            mentioned = {concept for text in texts for _, _, concept in index.find(text)}
            mentioned.update(getattr(item, "terms", []) or [])
            for concept in mentioned:
                found[concept][(page, item_id)] = f"{region.name}: {title}"
    return {concept: [(page, anchor, label) for (page, anchor), label in sorted(entries.items())] for concept, entries in found.items()}


def glossary_pages(catalog: Catalog, index: TermIndex) -> dict[str, str | bytes]:
    """Index, concept pages and the abbreviation list (the downloads are made in :mod:`.datasets`)."""
    used = usages(catalog, index)
    names = {region.id: region.name for region in catalog.regions}
    letters: dict[str, list[Concept]] = defaultdict(list)
    for concept in catalog.concepts:
        letters[initial(concept.term)].append(concept)
    pages: dict[str, str | bytes] = {}
    pages["begrippen/index.md"] = render(
        "glossary_index.md.j2",
        t=PageTools(catalog, "begrippen/index.md", index, link_terms=False),
        letters=sorted(letters.items()),
        definitions=catalog.definitions,
        names=names,
        regions=catalog.regions,
    )
    by_id = {concept.id: concept for concept in catalog.concepts}
    for concept in catalog.concepts:
        page = concept_page(concept.id)
        pages[page] = render(
            "concept.md.j2",
            t=PageTools(catalog, page, index, link_terms=False),
            concept=concept,
            definitions=catalog.definitions.get(concept.id, []),
            names=names,
            related=[by_id[item] for item in concept.related if item in by_id],
            used=used.get(concept.id, []),
        )
    pages[ABBREVIATIONS_FILE] = str(abbreviation_definitions(catalog.concepts))
    return pages
