"""The unified glossary: A-Z index, one page per concept and the abbreviation list."""

from __future__ import annotations

import unicodedata
from collections import defaultdict

from . import urls
from .catalog import Catalog, walk
from .context import SiteContext
from .glossary import TermIndex, abbreviation_definitions
from .models import Concept
from .pagetools import page_context
from .render import render


def initial(term: str) -> str:
    """The A-Z letter of a term (accents folded; digits and signs under '#')."""
    letter = unicodedata.normalize("NFKD", term.strip())[:1].upper()
    return letter if "A" <= letter <= "Z" else "#"


#: How a region's document gives a concept (``GlossaryDefinition.basis``), as the term page says it.
BASIS_LABELS = {
    "begrippenlijst": "uit de begrippenlijst van het document",
    "tekst": "uitgelegd in de tekst van het document",
    "gebruikt": "het document gebruikt de term zonder hem uit te leggen",
}


def letter_anchor(letter: str) -> str:
    """The anchor of a letter section of the A-Z index: ``letter-a``, ``letter-overig`` for '#'."""
    return f"letter-{letter.lower()}" if letter != "#" else "letter-overig"


def usages(catalog: Catalog, index: TermIndex) -> dict[str, list[tuple[str, str]]]:
    """Concept id -> [(item id, label)] of region items that name or mention it, by item page and id."""
    found: dict[str, dict[tuple[str, str], str]] = defaultdict(dict)
    for region in catalog.regions:
        for _, item in walk(region):
            item_id = getattr(item, "id", None)
            title = getattr(item, "title", None) or getattr(item, "name", None) or getattr(item, "label", None)
            if not isinstance(item_id, str) or not isinstance(title, str) or item is region:
                continue
            texts = [title, *(getattr(item, name, "") or "" for name in ("summary", "text", "definition"))]
            mentioned = {concept for text in texts for _, _, concept in index.find(text)}
            mentioned.update(getattr(item, "terms", []) or [])
            for concept in mentioned:
                place = catalog.item_places[item_id]
                found[concept][urls.item(region.id, item_id, place.kind, place.parent_kind, place.part)] = f"{region.name}: {title}"
    return {concept: [(anchor, label) for (_, anchor), label in sorted(entries.items())] for concept, entries in found.items()}


def glossary_pages(catalog: Catalog, index: TermIndex, site: SiteContext) -> dict[str, str | bytes]:
    """Index, concept pages and the abbreviation list (the downloads are made in :mod:`.datasets`)."""
    used = usages(catalog, index)
    names = {region.id: region.name for region in catalog.regions}
    letters: dict[str, list[Concept]] = defaultdict(list)
    for concept in catalog.concepts:
        letters[initial(concept.term)].append(concept)
    pages: dict[str, str | bytes] = {}
    pages[urls.glossary_index()] = render(
        "glossary_index.md.j2",
        **page_context(catalog, urls.glossary_index(), index, link_terms=False),
        letters=[(letter, letter_anchor(letter), concepts) for letter, concepts in sorted(letters.items())],
        definitions=catalog.definitions,
        names=names,
        regions=catalog.regions,
    )
    by_id = {concept.id: concept for concept in catalog.concepts}
    for concept in catalog.concepts:
        page = urls.concept(concept.id)
        pages[page] = render(
            "concept.md.j2",
            **page_context(catalog, page, index, link_terms=False),
            concept=concept,
            definitions=[(region, entry) for region, entry in catalog.definitions.get(concept.id, []) if entry.basis != "gebruikt"],
            only_used=[(region, entry) for region, entry in catalog.definitions.get(concept.id, []) if entry.basis == "gebruikt"],
            basis_labels=BASIS_LABELS,
            region_names=list(dict.fromkeys(names[region_id] for region_id, _ in catalog.definitions.get(concept.id, []))),
            names=names,
            related=[by_id[item] for item in concept.related if item in by_id],
            used=used.get(concept.id, []),
        )
    pages[urls.abbreviations()] = str(abbreviation_definitions(catalog.concepts))
    return pages
