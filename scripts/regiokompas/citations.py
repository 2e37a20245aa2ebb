"""Every "Bron" checked against its source text, and where on the site it points.

:func:`check_sources` is called by validation: it resolves each ``source.section``
in its document, finds each ``source.quote`` in that section, derives the page
and reports what does not fit as Dutch problems. It returns a :class:`SourceIndex`
that the source pages and :func:`citation_url` use.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from pydantic import BaseModel

from . import urls
from .model_errors import suggest
from .models import Document, GlossaryDefinition, GlossarySource, Mapping, Region, Source, Yardstick, YardstickPoint
from .problems import Location, Problem
from .sources import Heading, Resolved, SourceText, load_source, split_number
from .text import item_name, shorten
from .yamlfile import YamlFile

SOURCES_DIR = Path("bronnen")
#: Documents longer than this (characters) get one site page per chapter.
SPLIT_SIZE = 70_000
#: An unresolved ``source.section`` is an error (``False`` would report it as a warning only).
SECTIONS_FATAL = True
TOLERANCE = "alleen witruimte, regeleinden, afbreekstreepjes aan het regeleinde en aanhalingstekens mogen verschillen"


@dataclass
class Citation:
    """One ``source`` of one item, checked against the text."""

    key: str  # stable id of the citing item: its own id, or region + location
    region: str
    location: Location
    item: BaseModel
    source: Source
    document: Document
    text: SourceText
    section: Resolved | None = None
    spans: list[tuple[int, int]] | None = None  # where the quote stands (original offsets)
    pages: tuple[int, int] | None = None
    anchor: str = ""  # fragment on the source page
    page_path: str = ""  # source page, relative to docs/
    yardstick: str | None = None  # the yardstick whose file cites this (None: a region or glossary file)
    label: str = ""  # name of the citing entry when the item has none of its own (yardstick citations)

    @property
    def page(self) -> int | None:
        """The page to show: derived when certain, else the YAML page if it fits the derived range."""
        if self.pages and self.pages[0] == self.pages[1]:
            return self.pages[0]
        if self.source.page and (self.pages is None or self.pages[0] <= self.source.page <= self.pages[1]):
            return self.source.page
        return None


@dataclass
class Passage:
    """A quoted stretch of a source text, with every item that cites it."""

    anchor: str
    spans: list[tuple[int, int]]
    citations: list[Citation] = field(default_factory=list)


@dataclass
class SourceIndex:
    """The parsed source texts and every checked citation."""

    texts: dict[str, SourceText] = field(default_factory=dict)  # by document id
    documents: dict[str, tuple[str, Document]] = field(default_factory=dict)  # id -> (region id, document)
    citations: list[Citation] = field(default_factory=list)
    by_source: dict[int, Citation] = field(default_factory=dict)  # id(Source) -> citation
    counts: dict[str, tuple[int, int]] = field(default_factory=dict)  # region -> (sourced items, without quote)
    #: Sections that do not resolve: reported, but not (yet) fatal while the content is being fixed.
    warnings: list[Problem] = field(default_factory=list)

    def passages(self, document_id: str) -> list[Passage]:
        """Quoted passages of one document, in text order; identical quotes share one passage."""
        passages: dict[tuple[tuple[int, int], ...], Passage] = {}
        for citation in self.citations:
            if citation.document.id != document_id or not citation.spans:
                continue
            spans = tuple(citation.spans)
            if spans not in passages:
                passages[spans] = Passage(citation.anchor, list(spans))
            passages[spans].citations.append(citation)
        return sorted(passages.values(), key=lambda passage: passage.spans[0])


def citation_url(index: SourceIndex | None, source: Source) -> str | None:
    """Where a citation points: source page (relative to docs/) and fragment, or None."""
    citation = index.by_source.get(id(source)) if index else None
    if citation is None or not citation.page_path:
        return None
    return f"{citation.page_path}#{citation.anchor}" if citation.anchor else citation.page_path


def citation_label(index: SourceIndex | None, source: Source, titles: dict[str, str]) -> str:
    """Compact citation text: document short name, section number (or chapter), page where known."""
    citation = index.by_source.get(id(source)) if index else None
    document = citation.document if citation else None
    name = (document.short_title or document.title) if document else titles.get(source.document, source.document)
    parts = _labels(source.section)
    numbered = [part for part in parts if split_number(part)[0] is not None]
    section = ".".join(map(str, split_number(numbered[-1])[0] or ())) if numbered else (parts[0] if parts else source.section)
    page = citation.page if citation else source.page
    return f"{name}, {section}" + (f", p. {page}" if page else "")


def document_page(document: Document, text: SourceText, offset: int = 0) -> str:
    """The site page (relative to docs/) that shows ``offset`` of the document."""
    if len(text.text) <= SPLIT_SIZE:
        return urls.source_document(document.id)
    chapter = None
    for heading in chapters(text):
        if heading.start <= offset:
            chapter = heading
    return urls.source_document(document.id, chapter.anchor.removeprefix("sectie-") if chapter else "index")


def chapters(text: SourceText) -> list[Heading]:
    """Top-level numbered sections and back matter: the pages of a long document."""
    found: list[Heading] = []
    last = 0
    for heading in text.headings:
        if not heading.in_toc or heading.level > 6:
            continue
        if heading.number is not None and len(heading.number) == 1 and heading.number[0] > last:
            last = heading.number[0]
            found.append(heading)
        elif heading.number is None and heading.key.startswith(("bijlage", "begrippenlijst")):
            found.append(heading)
    return found


def _key(region: Region | str, location: Location, item: BaseModel) -> str:
    region_id = region if isinstance(region, str) else region.id
    if isinstance(item, GlossaryDefinition):
        return f"{region_id}-begrip-{item.concept}"
    own = getattr(item, "id", None)
    if isinstance(own, str):
        return own
    return "-".join([region_id, *(str(part).replace("_", "-") for part in location)])


def _labels(section: str) -> list[str]:
    return [part.strip() for part in section.split(">") if part.strip()]


def _heading_label(heading: Heading | None) -> str:
    return f"'{heading.text}'" if heading else "de tekst vóór de eerste kop"


def check_sources(
    root: Path,
    regions: list[tuple[Region, YamlFile]],
    glossaries: list[tuple[GlossarySource, YamlFile]],
    problems: list[Problem],
    yardsticks: list[tuple[Yardstick, YamlFile]] | None = None,
) -> SourceIndex:
    """Check every source of every region, glossary and yardstick file; return the index for the site.

    A yardstick's own sources and its points' sources may cite any region's document; a mapping's
    source must be a document of the mapping's region (the catalog reports it otherwise).
    """
    index = SourceIndex()
    for region, _ in regions:
        for document in region.documents:
            path = root / SOURCES_DIR / document.seed
            if path.is_file():
                index.texts[document.id] = load_source(path, {c.text: c.correct for c in document.corrections})
            index.documents[document.id] = (region.id, document)
    for region, yaml_file in regions:
        for number, document in enumerate(region.documents):
            text = index.texts.get(document.id)
            for position, correction in enumerate(document.corrections):
                if text is not None and correction.text not in text.text:
                    problems.append(
                        yaml_file.problem(
                            ("documents", number, "corrections", position, "text"),
                            f"omzetfout '{correction.text}' staat niet in bronnen/{document.seed}; schrijf de fout precies zoals de tekstversie hem heeft",
                        )
                    )
    items: list[tuple[str, YamlFile, Location, BaseModel, Source]] = []
    from .catalog import walk  # late import: catalog imports this module

    for region, yaml_file in regions:
        for location, item in walk(region):
            cited = getattr(item, "source", None)
            if isinstance(cited, Source):
                items.append((region.id, yaml_file, location, item, cited))
    for glossary, yaml_file in glossaries:
        for number, entry in enumerate(glossary.entries):
            items.append((glossary.region, yaml_file, ("entries", number), entry, entry.source))
    for region_id, yaml_file, location, item, cited in items:
        sourced, missing = index.counts.get(region_id, (0, 0))
        index.counts[region_id] = (sourced + 1, missing + (0 if cited.quote else 1))
        known = index.documents.get(cited.document)
        text = index.texts.get(cited.document)
        if known is None or text is None or known[0] != region_id:
            continue  # unknown document or missing seed: reported by the catalog checks
        citation = Citation(_key(region_id, location, item), region_id, location, item, cited, known[1], text)
        _check(citation, yaml_file, location + ("source",), problems, problems if SECTIONS_FATAL else index.warnings)
        index.citations.append(citation)
        index.by_source[id(cited)] = citation
    for yardstick, yaml_file in yardsticks or []:
        for where, item, cited, label in yardstick_sources(yardstick):
            known = index.documents.get(cited.document)
            text = index.texts.get(cited.document)
            if known is None or text is None or (isinstance(item, Mapping) and known[0] != item.region):
                continue  # unknown document, missing seed or another region's document: reported by the catalog checks
            key = "-".join([yardstick.id, *(str(part) for part in where if part != "source")])
            citation = Citation(key, known[0], where, item, cited, known[1], text, yardstick=yardstick.id, label=label)
            _check(citation, yaml_file, where, problems, problems if SECTIONS_FATAL else index.warnings)
            index.citations.append(citation)
            index.by_source[id(cited)] = citation
    # Items that quote the same words share one passage on the source page, and so its anchor.
    shared: dict[tuple[str, tuple[tuple[int, int], ...]], str] = {}
    for citation in index.citations:
        if citation.spans:
            citation.anchor = shared.setdefault((citation.document.id, tuple(citation.spans)), citation.anchor)
    return index


def yardstick_sources(yardstick: Yardstick) -> list[tuple[Location, BaseModel, Source, str]]:
    """``(location of the source, citing model, source, label)`` of every source in a yardstick file."""
    name = yardstick.short_name or yardstick.name
    points = {point.id: point.title for point in yardstick.points}
    found: list[tuple[Location, BaseModel, Source, str]] = [(("sources", n), yardstick, cited, name) for n, cited in enumerate(yardstick.sources)]
    for i, point in enumerate(yardstick.points):
        found.extend((("points", i, "sources", n), point, cited, f"{name}: {point.title}") for n, cited in enumerate(point.sources))
    for i, mapping in enumerate(yardstick.mappings):
        found.append((("mappings", i, "source"), mapping, mapping.source, f"{name}: {points.get(mapping.point, mapping.point)} (koppeling)"))
    return found


def _check(citation: Citation, yaml_file: YamlFile, where: Location, problems: list[Problem], warnings: list[Problem]) -> None:
    source, text, document = citation.source, citation.text, citation.document
    name = f"{document.title} (bronnen/{document.seed})"
    resolved = text.resolve(source.section)
    citation.section = resolved
    if resolved is None:
        parts = _labels(source.section)
        failing = next(
            (part for number, part in enumerate(parts, start=1) if text.resolve(" > ".join(parts[:number])) is None),
            parts[-1] if parts else source.section,
        )
        choices = [heading.text for heading in text.headings]
        warnings.append(
            yaml_file.problem(
                where + ("section",),
                f"sectie '{failing}' niet gevonden in {name}{suggest(failing, choices)}; "
                "schrijf de koppen zoals het document ze schrijft, van hoofdstuk naar paragraaf, gescheiden door ' > '",
            )
        )
    start, end = (resolved.start, resolved.end) if resolved else (0, len(text.text))
    anchor_heading = resolved.headings[-1] if resolved and resolved.headings else None
    citation.anchor = anchor_heading.anchor if anchor_heading else ""
    citation.page_path = document_page(document, text, start)
    span_for_pages = (start, end) if resolved and resolved.headings else None
    if source.quote:
        spans = text.find(source.quote, start, end) if resolved else None
        if spans is None:
            elsewhere = text.find(source.quote)
            if elsewhere is None:
                found, after = text.longest_prefix(source.quote)
                if found and not after:
                    detail = "het stuk vóór '…' staat er wel, maar wat na '…' komt niet (of niet daarna)"
                elif found:
                    detail = f"het begin ('{found[-50:]}') staat er wel, daarna wijkt het af bij '{after}'"
                else:
                    detail = "geen stuk ervan staat in de tekst"
                problems.append(
                    yaml_file.problem(
                        where + ("quote",),
                        f"citaat niet gevonden in {name}: {detail}; neem de tekst letterlijk over ({TOLERANCE})",
                    )
                )
            elif resolved is not None:
                cited = _labels(source.section)[-1]
                problems.append(
                    yaml_file.problem(
                        where + ("quote",),
                        f"het citaat staat in {_heading_label(text.heading_at(elsewhere[0][0]))}, niet in '{cited}'; "
                        "pas source.section aan of kies een citaat uit de genoemde sectie",
                    )
                )
            else:
                spans = elsewhere  # the section is reported as not found; the quote itself is there
        if spans is not None:
            citation.spans = spans
            citation.anchor = f"citaat-{citation.key}"
            citation.page_path = document_page(document, text, spans[0][0])
            span_for_pages = (spans[0][0], spans[-1][1])
    if span_for_pages is not None:
        citation.pages = text.pages_at(*span_for_pages)
    if source.page and citation.pages and not citation.pages[0] <= source.page <= citation.pages[1]:
        low, high = citation.pages
        where_text = "het citaat" if citation.spans else "de sectie"
        shown = f"p. {low}" if low == high else f"p. {low}-{high}" if high < 999 else f"p. {low} of later"
        basis = "de paginamarkeringen in de tekst" if text.has_page_markers else "de inhoudsopgave"
        problems.append(
            yaml_file.problem(
                where + ("page",),
                f"pagina {source.page} past niet bij {basis}: {where_text} staat op {shown}; verbeter het paginanummer of laat het weg",
            )
        )


def item_label(citation: Citation) -> str:
    """A short name for the citing item, for "Hier geciteerd in"."""
    if citation.label:
        return citation.label
    term = getattr(citation.item, "term", None)
    return shorten(term, 70) if isinstance(term, str) and term else item_name(citation.item, 70) or citation.key


def item_page(citation: Citation, places: dict[str, urls.ItemPlace] | None = None) -> str:
    """The page (relative to docs/) and fragment where the citing item is shown."""
    if isinstance(citation.item, GlossaryDefinition):
        return urls.concept(citation.item.concept)
    if citation.yardstick is not None:
        anchor = citation.item.id if isinstance(citation.item, YardstickPoint) else getattr(citation.item, "point", None)
        page = urls.yardstick(citation.yardstick)
        return f"{page}#{urls.slug(anchor)}" if anchor else page
    own = getattr(citation.item, "id", None)
    place = (places or {}).get(own) if isinstance(own, str) else None
    if place is not None and citation.location[:1] != ("documents",):
        page, anchor = urls.item(place.region, own, place.kind, place.parent_kind, place.part)
        return f"{page}#{anchor}"
    return urls.region(citation.region)


def report(index: SourceIndex | None) -> str:
    """Per region the number of sourced items without a quote, then unresolved sections (for ``validate``)."""
    if index is None:
        return "Bronnen: niet gecontroleerd (map bronnen/ ontbreekt)."
    lines = ["Citaten per regio (items met een bron, waarvan zonder citaat):"]
    for region_id, (sourced, missing) in sorted(index.counts.items()):
        lines.append(f"  {region_id}: {sourced} items met bron, {missing} zonder citaat")
    if index.warnings:
        lines.append(f"Waarschuwing: {len(index.warnings)} bronverwijzing(en) met een sectie die niet in het document te vinden is:")
        lines.extend(f"  {problem}" for problem in sorted(set(index.warnings)))
    return "\n".join(lines)
