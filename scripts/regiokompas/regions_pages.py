"""Region pages: per region an overview and detail pages (one subject each), the overview of
all regions and the change log. Which page holds which item is decided by :mod:`urls`."""

from __future__ import annotations

import json
from collections import defaultdict
from dataclasses import dataclass
from typing import Any

from markupsafe import Markup

from . import urls
from .catalog import CITABLE_KINDS, OTHER_KINDS, Catalog, note_key, walk
from .context import SiteContext
from .escape import nav_title
from .glossary import TermIndex
from .models import Region
from .pagetools import page_context
from .render import render
from .text import item_name
from .topic_pages import topic_pages
from .yardstick_pages import yardsticks_of

#: How many key figures the overview shows (the first ones of the document; a figure with a
#: "Let op" is marked there, its note is on the figures page).
HEADLINE_FIGURES = 3
#: Topic kinds the overview lists next to the principles (the document's own main tasks).
HEADLINE_TOPIC_KINDS = frozenset({"opgave"})
#: Template of each detail page.
TEMPLATES = {
    "principes": "region_principles.md.j2",
    "onderwerpen": "region_topics.md.j2",
    "cijfers": "region_figures.md.j2",
    "tijdlijn": "region_timeline.md.j2",
    "verantwoording": "region_account.md.j2",
    "raadsversie": "region_briefing.md.j2",
}


@dataclass(frozen=True)
class Part:
    """A detail page of a region: its name (see ``urls.REGION_PAGES``), title and what it holds."""

    name: str
    title: str
    contents: str


@dataclass(frozen=True)
class NoteEntry:
    """One note on the verantwoording page, with the item it belongs to."""

    anchor: str
    kind_label: str
    label: str
    item_id: str | None
    text: str
    concept_id: str | None = None


@dataclass(frozen=True)
class NoteGroup:
    anchor: str
    title: str
    intro: str
    entries: list[NoteEntry]


@dataclass(frozen=True)
class DerivedEntry:
    label: str
    item_id: str
    text: str


def _count(number: int, one: str, more: str) -> str:
    return f"{number} {one if number == 1 else more}"


def _counts(*lists: tuple[list, str, str]) -> str:
    """``"3 indicatoren, 1 tabel"``: the count of each non-empty list, singular or plural."""
    return ", ".join(_count(len(items), one, more) for items, one, more in lists if items)


def _item_part(region: Region, name: str, items: list, singular: str, plural: str) -> Part:
    """The detail page of a region's principles or topics, with the counts of its items and their actions."""
    ids = {item.id for item in items}
    actions = sum(1 for action in region.actions if action.parent in ids)
    counts = _count(len(items), singular, plural) + (f", {_count(actions, 'actie', 'acties')}" if actions else "")
    return Part(name, urls.REGION_PAGES[name], counts)


def region_parts(region: Region, catalog: Catalog | None = None) -> list[Part]:
    """The detail pages a region has, in reading order (a page without content is left out)."""
    parts = [_item_part(region, "principes", region.principles, "principe", "principes")]
    if region.topics:
        parts.append(_item_part(region, "onderwerpen", region.topics, "onderwerp", "onderwerpen"))
    if region.indicators or region.key_figures or region.tables:
        parts.append(
            Part(
                "cijfers",
                urls.REGION_PAGES["cijfers"],
                _counts(
                    (region.indicators, "indicator", "indicatoren"), (region.key_figures, "kerncijfer", "kerncijfers"), (region.tables, "tabel", "tabellen")
                ),
            )
        )
    if region.milestones or region.cooperation:
        parts.append(
            Part(
                "tijdlijn",
                urls.REGION_PAGES["tijdlijn"],
                _counts((region.milestones, "mijlpaal", "mijlpalen"), (region.cooperation, "samenwerkingsverband", "samenwerkingsverbanden")),
            )
        )
    notes = sum(len(group.entries) for group in note_groups(region, catalog)) + len(region.notes) + sum(len(d.notes) for d in region.documents)
    parts.append(Part("verantwoording", urls.REGION_PAGES["verantwoording"], _count(notes, "opmerking", "opmerkingen")))
    parts.append(Part("raadsversie", urls.REGION_PAGES["raadsversie"], "de kern met de principes uitgeschreven, op hoogstens vier A4"))
    return parts


def _nav_entries(region: Region, part: Part) -> list[dict[str, str]]:
    """The nav entry of a detail page; a split topics page is followed by its numbered pages."""
    entries = [{nav_title(part.title): urls.region_page(region.id, part.name)}]
    if part.name == "onderwerpen":
        entries += [{nav_title(f"Onderwerpen: {page.label}"): urls.topics_page(region.id, page.number)} for page in topic_pages(region)]
    return entries


def navigation(catalog: Catalog) -> list[dict[str, list[Any]]]:
    """MkDocs navigation entries: per region its overview and detail pages."""
    return [
        {
            nav_title(region.name): [
                urls.region(region.id),
                *(entry for part in region_parts(region, catalog) for entry in _nav_entries(region, part)),
            ]
        }
        for region in catalog.regions
    ]


def _by_parent(items: list) -> dict[str, list]:
    grouped: dict[str, list] = defaultdict(list)
    for item in items:
        if item.parent:
            grouped[item.parent].append(item)
    return dict(grouped)


def distinctive_labels(region: Region) -> dict[str, str]:
    """Item id -> a short label (``principe 6``, ``opgave 2``, ``actie 1 bij principe 6``), for the
    items a region's distinctive points rest on: the overview stays short on a phone."""
    labels: dict[str, str] = {}
    for principle in region.principles:
        labels[principle.id] = f"principe {principle.number}" if principle.number else item_name(principle, 40)
    for topic in region.topics:
        labels[topic.id] = f"{topic.kind} {topic.number}" if topic.number else item_name(topic, 40)
    for parent, actions in _by_parent(region.actions).items():
        for number, action in enumerate(actions, start=1):
            labels[action.id] = f"actie {number} bij {labels.get(parent, parent)}"
    for item in (*region.indicators, *region.key_figures):
        labels[item.id] = item_name(item, 40)
    return {ref: labels[ref] for point in region.distinctive for ref in point.refs}


_KINDS = {**CITABLE_KINDS, **OTHER_KINDS}


def note_groups(region: Region, catalog: Catalog | None = None) -> list[NoteGroup]:
    """Every item note of the region, grouped by kind: the document's, the conversion's, the editors'.
    With the catalog, the editors' notes on the region's glossary definitions are included."""
    groups: dict[str, list[NoteEntry]] = {"document": [], "conversie": [], "redactie": []}
    for location, item in walk(region):
        if not hasattr(item, "note_kind") or not getattr(item, "note", None):
            continue
        key = note_key(region, location, item)
        kind = item.note_kind or "document"
        has_id = isinstance(getattr(item, "id", None), str)
        kind_label = _KINDS.get(location[0], "kernbegrip van de ambitie" if len(location) > 1 else "ambitie").capitalize()
        anchor = urls.note_anchor(key) if kind != "document" else f"let-op-{urls.slug(key)}"
        groups[kind].append(NoteEntry(anchor, kind_label, item_name(item), item.id if has_id else None, item.note))
    for region_id, key, entry in catalog.glossary_editor_notes if catalog else []:
        if region_id == region.id and entry.note_kind in groups:
            groups[entry.note_kind].append(NoteEntry(urls.note_anchor(key), "Begrip", entry.term, None, entry.note, entry.concept))
    texts = {
        "document": (
            "document",
            "Opmerkingen over het document",
            "Waar het document zichzelf tegenspreekt, een cijfer onzeker is of iets ontbreekt. Deze opmerkingen staan ook als \u201cLet op\u201d bij het onderdeel.",
        ),
        "conversie": (
            "conversie",
            "Omzetting van de PDF",
            "Fouten of verlies door het omzetten van het PDF-document naar tekst, en hoe de redactie daarmee omging.",
        ),
        "redactie": ("redactie", "Keuzes van de redactie", "Hoe de redactie iets heeft afgeleid, ingedeeld of gekozen waar het document het niet zelf zegt."),
    }
    return [NoteGroup(*texts[kind], entries) for kind, entries in groups.items() if entries]


def derived(region: Region) -> list[DerivedEntry]:
    """Actions whose owner or level the editors derived (the document does not state it)."""
    entries = []
    for action in region.actions:
        missing = [name for name, stated in (("uitvoerder", action.owner_stated), ("niveau", action.level_stated)) if not stated]
        if missing:
            entries.append(DerivedEntry(item_name(action), action.id, " en ".join(missing) + " afgeleid"))
    return entries


def moved_items(catalog: Catalog, region: Region, prefix: str = "", split_only: bool = False) -> str:
    """Item id -> name of the region page that holds it, as JSON: the overview (the region's old
    single page) sends a link like ``regios/twente/#twe-p1`` on to the page that now holds the item.
    With ``prefix`` ``../`` and ``split_only`` the same for a split topics page (``onderwerpen/#id``)."""
    pages = {}
    for item_id, place in catalog.item_places.items():
        if place.region == region.id and (place.part or not split_only):
            page = urls.item_page(place.region, place.kind, place.parent_kind, place.part)
            pages[item_id] = prefix + page.rsplit("/", 1)[1].removesuffix(".md")
    return json.dumps(pages, separators=(",", ":"), sort_keys=True)


def render_region(catalog: Catalog, region: Region, index: TermIndex, site: SiteContext) -> dict[str, str]:
    """The overview and the detail pages of one region."""
    data_file = catalog.region_files[region.id]
    edit = site.edit_url(data_file)
    parts = region_parts(region, catalog)
    common = {
        "region": region,
        "actions_by_parent": _by_parent(region.actions),
        "indicators_by_parent": _by_parent(region.indicators),
        "data_file": data_file,
        "changed": site.last_changed(catalog.data_files(region.id)),
        "edit": Markup(edit) if edit else None,
    }
    pages = {
        urls.region(region.id): render(
            "region.md.j2",
            **page_context(catalog, urls.region(region.id), index),
            **common,
            parts=parts,
            opgaven=[topic for topic in region.topics if topic.kind in HEADLINE_TOPIC_KINDS],
            headline_figures=region.key_figures[:HEADLINE_FIGURES],
            moved=moved_items(catalog, region),
            yardsticks=yardsticks_of(catalog, region.id),
            distinctive_labels=distinctive_labels(region),
        )
    }
    split = topic_pages(region)
    for part in parts:
        page = urls.region_page(region.id, part.name)
        pages[page] = render(
            TEMPLATES[part.name],
            **page_context(catalog, page, index),
            **common,
            opgaven=[topic for topic in region.topics if topic.kind in HEADLINE_TOPIC_KINDS],
            headline_figures=region.key_figures[:HEADLINE_FIGURES],
            note_groups=note_groups(region, catalog) if part.name == "verantwoording" else [],
            derived=derived(region) if part.name == "verantwoording" else [],
            topic_pages=split,
            shown=None,
            moved=moved_items(catalog, region, "../", split_only=True) if part.name == "onderwerpen" and split else "",
        )
    for topic_page in split:
        page = urls.topics_page(region.id, topic_page.number)
        pages[page] = render(TEMPLATES["onderwerpen"], **page_context(catalog, page, index), **common, topic_pages=split, shown=topic_page, moved="")
    return pages


def region_pages(catalog: Catalog, index: TermIndex, site: SiteContext) -> dict[str, str]:
    """The overview, the change log and the pages of every region."""
    pages = {path: content for region in catalog.regions for path, content in render_region(catalog, region, index, site).items()}
    pages[urls.regions_index()] = render("regions_index.md.j2", **page_context(catalog, urls.regions_index(), index, link_terms=False), regions=catalog.regions)
    pages[urls.changes()] = render(
        "changes.md.j2",
        **page_context(catalog, urls.changes(), index, link_terms=False),
        history=[(region, site.changes(catalog.data_files(region.id))) for region in catalog.regions],
    )
    return pages
