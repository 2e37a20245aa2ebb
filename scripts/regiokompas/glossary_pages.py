"""The unified glossary: A-Z index, one page per concept, downloads and the abbreviation list."""

from __future__ import annotations

import csv
import io
import json
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
                found[concept][urls.item(region.id, item_id, place.kind, place.parent_kind)] = f"{region.name}: {title}"
    return {concept: [(anchor, label) for (_, anchor), label in sorted(entries.items())] for concept, entries in found.items()}


def _rows(catalog: Catalog) -> list[dict[str, str]]:
    names = {region.id: region.name for region in catalog.regions}
    rows = []
    for concept in catalog.concepts:
        for region_id, entry in catalog.definitions.get(concept.id, []):
            rows.append(
                {
                    "begrip_id": concept.id,
                    "term": concept.term,
                    "afkortingen": ", ".join(concept.abbreviations),
                    "samenvatting": concept.summary,
                    "regio": names[region_id],
                    "term_in_document": entry.term,
                    "definitie": entry.definition,
                    "bron_document": entry.source.document,
                    "bron_sectie": entry.source.section,
                }
            )
    return rows


def csv_bytes(rows: list[dict[str, str]]) -> bytes:
    """CSV for Dutch Excel: UTF-8 with BOM, semicolons, CRLF line ends."""
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=list(rows[0]) if rows else ["begrip_id"], delimiter=";", lineterminator="\r\n")
    writer.writeheader()
    writer.writerows(rows)
    return "\ufeff".encode("utf-8") + buffer.getvalue().encode("utf-8")


def json_text(catalog: Catalog) -> str:
    names = {region.id: region.name for region in catalog.regions}
    data = [
        {
            "id": concept.id,
            "term": concept.term,
            "afkortingen": concept.abbreviations,
            "varianten": concept.variants,
            "samenvatting": concept.summary,
            "verwant": concept.related,
            "themas": concept.themes,
            "definities": [
                {
                    "regio": names[region_id],
                    "term_in_document": entry.term,
                    "definitie": entry.definition,
                    "bron": entry.source.model_dump(exclude_none=True),
                }
                for region_id, entry in catalog.definitions.get(concept.id, [])
            ],
        }
        for concept in catalog.concepts
    ]
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def glossary_pages(catalog: Catalog, index: TermIndex, site: SiteContext) -> dict[str, str | bytes]:
    """Index, concept pages, downloads and the abbreviation list."""
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
            definitions=catalog.definitions.get(concept.id, []),
            names=names,
            related=[by_id[item] for item in concept.related if item in by_id],
            used=used.get(concept.id, []),
        )
    rows = _rows(catalog)
    pages[urls.download("begrippen.csv")] = csv_bytes(rows)
    pages[urls.download("begrippen.json")] = json_text(catalog)
    pages[urls.abbreviations()] = str(abbreviation_definitions(catalog.concepts))
    return pages
