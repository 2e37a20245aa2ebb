"""The site's URL scheme: every generated page's path, in one place.

Page builders ask this module where a page lives (a path relative to ``docs/``,
ending in ``.md``); templates get a :class:`Links` for their page and ask it for
relative links (``{{ url.theme(theme.id) }}``). Changing the URL scheme is a
change to this file only. Ids are validated slugs; :func:`slug` refuses anything
else, so no link target carries data that needs escaping.
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from urllib.parse import quote

from markupsafe import Markup

REGIONS = "regios"
THEMES = "themas"
COMPARISON = "vergelijking"
GLOSSARY = "begrippen"
REFERENCE = "referentie"
DOWNLOADS = "downloads"
INCLUDES = "includes"
SOURCES = "bronnen"

#: Folders under ``docs/`` that belong to the generator (git-ignored, rewritten on every run).
GENERATED_DIRS = (REGIONS, THEMES, COMPARISON, GLOSSARY, REFERENCE, DOWNLOADS, INCLUDES, SOURCES)

#: Page names the generator uses itself, per folder: an id may not take them.
RESERVED = {
    "region": frozenset({"index", "wijzigingen"}),
    "theme": frozenset({"index", "raadsversie"}),
    "concept": frozenset({"index"}),
    #: A yardstick page sits next to the other comparison pages (``vergelijking/<id>.md``).
    "yardstick": frozenset({"index", "kerncijfers", "indicatoren", "tijdlijn", "naast-elkaar"}),
}

_SLUG = re.compile(r"[a-z0-9]+(-[a-z0-9]+)*")


def slug(value: str) -> str:
    """``value`` if it is a valid id (lowercase letters, digits, single hyphens), else ValueError."""
    if not isinstance(value, str) or not _SLUG.fullmatch(value):
        raise ValueError(f"not a valid id for a URL: {value!r}")
    return value


#: The pages of one region (a folder ``regios/<id>/``): page name -> title, in reading order.
#: ``index`` is the overview; the others hold the region's items, one subject per page.
REGION_PAGES = {
    "index": "Overzicht",
    "principes": "Principes en acties",
    "onderwerpen": "Onderwerpen uit het document",
    "cijfers": "Indicatoren en kerncijfers",
    "tijdlijn": "Tijdlijn en samenwerking",
    "verantwoording": "Verantwoording",
    "raadsversie": "Raadsversie (om af te drukken)",
}

#: Which region page holds each kind of item (the region list the item is in). An action is
#: shown with its parent, so it is on the page of its parent's kind.
ITEM_PAGES = {
    "principles": "principes",
    "topics": "onderwerpen",
    "indicators": "cijfers",
    "key_figures": "cijfers",
    "tables": "cijfers",
    "milestones": "tijdlijn",
    "cooperation": "tijdlijn",
    "documents": "verantwoording",
}


def region(region_id: str) -> str:
    """A region's overview page."""
    return region_page(region_id, "index")


def region_page(region_id: str, name: str) -> str:
    """One page of a region (a key of :data:`REGION_PAGES`)."""
    if name not in REGION_PAGES:
        raise ValueError(f"not a region page: {name!r}")
    return f"{REGIONS}/{slug(region_id)}/{name}.md"


def topics_page(region_id: str, number: int) -> str:
    """A numbered page of a region's topics, when the list is split by chapter (``topic_pages``)."""
    if not isinstance(number, int) or number < 1:
        raise ValueError(f"not a topics page number: {number!r}")
    return f"{REGIONS}/{slug(region_id)}/onderwerpen-{number}.md"


def regions_index() -> str:
    return f"{REGIONS}/index.md"


def changes() -> str:
    return f"{REGIONS}/wijzigingen.md"


def matrix() -> str:
    return f"{THEMES}/index.md"


def theme(theme_id: str) -> str:
    return f"{THEMES}/{slug(theme_id)}.md"


def theme_briefing(theme_id: str) -> str:
    """The raadsversie (print briefing) of a theme."""
    return f"{THEMES}/raadsversie/{slug(theme_id)}.md"


def key_figures() -> str:
    return f"{COMPARISON}/kerncijfers.md"


def measure_anchor(measure_id: str) -> str:
    """The anchor of a measure's row in the key-figure grid (and of its definition)."""
    return f"maat-{slug(measure_id)}"


def measure_chart_anchor(measure_id: str) -> str:
    """The anchor of a measure's chart on the key-figures page."""
    return f"grafiek-{slug(measure_id)}"


def indicators() -> str:
    return f"{COMPARISON}/indicatoren.md"


def timeline() -> str:
    return f"{COMPARISON}/tijdlijn.md"


def side_by_side() -> str:
    return f"{COMPARISON}/naast-elkaar.md"


def yardstick(yardstick_id: str) -> str:
    """The page of a national yardstick (NvO, Hervormingsagenda): its matrix and detail sections."""
    return f"{COMPARISON}/{slug(yardstick_id)}.md"


def region_side_by_side(region_id: str) -> str:
    """What one region says per theme, in short: the fallback without JavaScript of the side-by-side
    page, and the part that page's script shows for the region (one page per region: linear size)."""
    return f"{REGIONS}/{slug(region_id)}/per-thema.md"


def glossary_index() -> str:
    return f"{GLOSSARY}/index.md"


def concept(concept_id: str) -> str:
    return f"{GLOSSARY}/{slug(concept_id)}.md"


def schema() -> str:
    return f"{REFERENCE}/schema.md"


def download(name: str) -> str:
    """A download: ``begrippen.csv``, ``regios/twente-acties.json``, ``schema/acties.schema.json``."""
    if not re.fullmatch(r"[a-z0-9-]+(/[a-z0-9-]+)*(\.[a-z]+)+", name):
        raise ValueError(f"not a valid download name: {name!r}")
    return f"{DOWNLOADS}/{name}"


def data_page() -> str:
    """The "Gegevens en hergebruik" page that lists every download."""
    return f"{DOWNLOADS}/index.md"


def abbreviations() -> str:
    """Material's abbreviation list, appended to every page by ``pymdownx.snippets``."""
    return f"{INCLUDES}/abbreviations.md"


def sources_index() -> str:
    """The overview of the source documents."""
    return f"{SOURCES}/index.md"


def source_document(document_id: str, chapter: str | None = None) -> str:
    """The page of a source document, or of one chapter of a long one (``index`` is its first page)."""
    if chapter is None:
        return f"{SOURCES}/{slug(document_id)}.md"
    return f"{SOURCES}/{slug(document_id)}/{slug(chapter)}.md"


@dataclass(frozen=True)
class ItemPlace:
    """Where an item sits in the data: its region, the list it is in (``principles``,
    ``actions``, ...) and, for an action, the list its parent is in."""

    region: str
    kind: str
    parent_kind: str | None = None
    #: For a topic, or an action of a topic, of a region whose topics are split: its page number.
    part: int = 0


def item_page(region_id: str, kind: str, parent_kind: str | None = None, part: int = 0) -> str:
    """The page that shows an item of ``kind`` (the region list it is in) of a region.

    The one place that decides which page holds which item: an action is shown with its parent
    (``parent_kind``: ``principles`` or ``topics``); a topic with a ``part`` (its region's topics
    are split by chapter) is on that numbered topics page.
    """
    if kind == "actions":
        if parent_kind not in ("principles", "topics"):
            raise ValueError(f"an action's parent is a principle or a topic, not {parent_kind!r}")
        kind = parent_kind
    if kind == "topics" and part:
        return topics_page(region_id, part)
    return region_page(region_id, ITEM_PAGES[kind])


def item(region_id: str, item_id: str, kind: str, parent_kind: str | None = None, part: int = 0) -> tuple[str, str]:
    """``(page, anchor)`` where an item of a region is shown: its id is the anchor."""
    return item_page(region_id, kind, parent_kind, part), slug(item_id)


def note_anchor(key: str) -> str:
    """The anchor of an editor's note on the verantwoording page: ``toelichting-<item id>``."""
    return f"toelichting-{slug(key)}"


def address(page: str, anchor: str | None = None) -> str:
    """The URL of a generated page relative to the site root (directory URLs): ``regios/twente/#twe-p1``."""
    url = page.removesuffix("index.md").removesuffix(".md")
    url = url if url.endswith("/") or not url else url + "/"
    return f"{url}#{slug(anchor)}" if anchor else url


def relative(target: str, page: str, anchor: str | None = None) -> str:
    """Link from ``page`` to ``target`` (both relative to ``docs/``), with an optional anchor."""
    link = posixpath.relpath(target, posixpath.dirname(page) or ".")
    return f"{link}#{slug(anchor)}" if anchor else link


@dataclass(frozen=True)
class Links:
    """Relative links from one page to every other page, handed to templates as ``url``.

    ``items`` maps an item id to its place, so ``url.item(id)`` needs no region; ``notes`` maps
    an item (by ``id()``) whose note is for editors to ``(region id, key)`` of its entry on the
    region's verantwoording page.
    """

    page: str
    items: Mapping[str, ItemPlace] = field(default_factory=dict, repr=False)
    notes: Mapping[int, tuple[str, str]] = field(default_factory=dict, repr=False)

    def _to(self, target: str, anchor: str | None = None) -> Markup:
        return Markup(relative(target, self.page, anchor))

    def region(self, region_id: str, anchor: str | None = None) -> Markup:
        return self._to(region(region_id), anchor)

    def region_page(self, region_id: str, name: str, anchor: str | None = None) -> Markup:
        return self._to(region_page(region_id, name), anchor)

    def regions_index(self) -> Markup:
        return self._to(regions_index())

    def changes(self) -> Markup:
        return self._to(changes())

    def matrix(self) -> Markup:
        return self._to(matrix())

    def theme(self, theme_id: str, anchor: str | None = None) -> Markup:
        return self._to(theme(theme_id), anchor)

    def theme_briefing(self, theme_id: str) -> Markup:
        return self._to(theme_briefing(theme_id))

    def key_figures(self, anchor: str | None = None) -> Markup:
        return self._to(key_figures(), anchor)

    def indicators(self) -> Markup:
        return self._to(indicators())

    def timeline(self) -> Markup:
        return self._to(timeline())

    def side_by_side(self, a: str | None = None, b: str | None = None) -> Markup:
        query = "&".join(f"{key}={quote(slug(value), safe='')}" for key, value in (("a", a), ("b", b)) if value)
        return Markup(relative(side_by_side(), self.page) + (f"?{query}" if query else ""))

    def yardstick(self, yardstick_id: str, anchor: str | None = None) -> Markup:
        return self._to(yardstick(yardstick_id), anchor)

    def region_side_by_side(self, region_id: str, anchor: str | None = None) -> Markup:
        return self._to(region_side_by_side(region_id), anchor)

    def glossary_index(self) -> Markup:
        return self._to(glossary_index())

    def concept(self, concept_id: str) -> Markup:
        return self._to(concept(concept_id))

    def download(self, name: str) -> Markup:
        return self._to(download(name))

    def data_page(self, anchor: str | None = None) -> Markup:
        return self._to(data_page(), anchor)

    def file(self, path: str) -> Markup:
        """Any generated file by its path relative to ``docs/`` (a path made by this module)."""
        if path.split("/")[0] not in GENERATED_DIRS or not re.fullmatch(r"[a-z0-9/.-]+", path) or ".." in path:
            raise ValueError(f"not a generated file: {path!r}")
        return self._to(path)

    def item(self, item_id: str) -> Markup:
        """The link to an item (the region page that holds it, anchored at the item id)."""
        place = self.items[item_id]
        page, anchor = item(place.region, item_id, place.kind, place.parent_kind, place.part)
        return self._to(page, anchor)

    def topics_page(self, region_id: str, number: int) -> Markup:
        return self._to(topics_page(region_id, number))

    def note(self, item: object) -> Markup | None:
        """The link to the verantwoording entry of an item's note for editors, or None."""
        found = self.notes.get(id(item))
        if found is None:
            return None
        region_id, key = found
        return self._to(region_page(region_id, "verantwoording"), note_anchor(key))
