"""Source pages: the text of every ``bronnen/*.txt`` document under ``/bronnen/``.

The text is data: every piece goes through :mod:`text` escaping, so markup in the
conversion (``*``, ``<b>``, ``[x](y)``, ``|``) is shown as written, never rendered.
Headings of the conversion (``#`` lines) become headings with a stable anchor;
in a text without ``#`` lines, short lines on their own are its headings. Other
heading-like lines (bold, emphasised or numbered lines) get an anchor only. Every quoted
passage is a ``<mark>`` with the anchor ``citaat-<item>`` (highlighted by CSS
``:target``) followed by links back to the items that cite it. Known conversion
slips (``Document.corrections``) are marked with the correct reading.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass

from . import text as escaping
from . import urls
from .catalog import Catalog
from .citations import Passage, SourceIndex, chapters, document_page, item_label, item_page
from .context import SiteContext
from .dutch import dutch_date
from .escape import markdown_text
from .glossary import TermIndex
from .models import Document
from .sources import PAGE_MARKER, SourceText

INDEX_PAGE = urls.sources_index()


@dataclass
class _Run:
    start: int
    end: int
    passages: list[int]  # indexes into the passages of the document (overlapping quotes nest)
    correction: str | None  # the correct reading when this run is a known slip


def _link(page: str, target: str) -> str:
    """Relative link from ``page`` to ``target`` (a docs path, optionally with ``#anchor``)."""
    path, _, anchor = target.partition("#")
    return urls.relative(path, page, anchor or None)


class _Renderer:
    """Markdown for one stretch ``[start, end)`` of one source text."""

    def __init__(self, page: str, document: Document, source: SourceText, passages: list[Passage], region_names: dict[str, str], places: dict | None = None):
        self.places = places or {}
        self.page = page
        self.document = document
        self.source = source
        self.passages = passages
        self.region_names = region_names
        self.corrections = {item.text: item.correct for item in document.corrections}
        self.headings = {heading.start: heading for heading in source.headings}
        self.toc_pages = dict(source.page_marks) if not source.has_page_markers else {}
        self.pages_done: set[int] = set()
        self.opened: set[int] = set()

    def _runs(self, start: int, end: int) -> list[_Run]:
        """Split ``[start, end)`` where a passage or a correction begins or ends."""
        cuts = {start, end}
        owner: list[tuple[int, int, int]] = []
        for number, passage in enumerate(self.passages):
            for low, high in passage.spans:
                if low < end and high > start:
                    owner.append((max(low, start), min(high, end), number))
                    cuts.update((max(low, start), min(high, end)))
        slips: list[tuple[int, int, str]] = []
        for wrong, right in self.corrections.items():
            position = self.source.text.find(wrong, start, end)
            while position >= 0 and position + len(wrong) <= end:
                slips.append((position, position + len(wrong), right))
                cuts.update((position, position + len(wrong)))
                position = self.source.text.find(wrong, position + len(wrong), end)
        points = sorted(cuts)
        runs = []
        for low, high in itertools.pairwise(points):
            passages = sorted({number for a, b, number in owner if a <= low and high <= b})
            slip = next((right for a, b, right in slips if a <= low and high <= b), None)
            runs.append(_Run(low, high, passages, slip))
        return runs

    def inline(self, start: int, end: int) -> str:
        """One line of source text as Markdown, with quote marks and corrections."""
        pieces = []
        for run in self._runs(start, end):
            shown = markdown_text(self.source.text[run.start : run.end])
            if run.correction is not None:
                shown = f'<span class="rk-omzetfout">{shown}</span><span class="rk-omzetfout-lees"> [omzetfout, lees: {markdown_text(run.correction)}]</span>'
            for passage in reversed(run.passages):
                attributes = ' class="rk-citaat"'
                if passage not in self.opened:
                    self.opened.add(passage)
                    attributes += f' id="{escaping.anchor(self.passages[passage].anchor)}"'
                shown = f"<mark{attributes}>{shown}</mark>"
            pieces.append(shown)
        return "".join(pieces)

    def heading_text(self, value: str) -> str:
        """A heading as the conversion has it, with the correct reading after a known slip."""
        for wrong, right in self.corrections.items():
            if wrong in value:
                value = value.replace(wrong, f"{wrong} [omzetfout, lees: {right}]")
        return value

    def _page_anchor(self, page: int) -> str:
        if page in self.pages_done:
            return ""
        self.pages_done.add(page)
        return f'<span id="pagina-{page}"></span>'

    def _back_links(self, passage: Passage) -> str:
        links = []
        for citation in passage.citations:
            label = f"{self.region_names.get(citation.region, citation.region)}: {item_label(citation)}"
            links.append(f"[{markdown_text(label)}]({_link(self.page, item_page(citation, self.places))})")
        return "Hier geciteerd in: " + ", ".join(links) + "\n{: .rk-geciteerd }"

    def body(self, start: int, end: int) -> str:
        """Markdown for ``[start, end)``: headings, paragraphs, page anchors, back links."""
        blocks: list[str] = []
        paragraph: list[str] = []
        ended: list[Passage] = []

        def flush() -> None:
            if paragraph:
                blocks.append("<br>\n".join(paragraph))
                paragraph.clear()
            for passage in ended:
                blocks.append(self._back_links(passage))
            ended.clear()

        position = start
        open_headings: list[int] = []  # ends of the rendered headings that contain this line
        for line in self.source.text[start:end].split("\n"):
            line_start, line_end = position, position + len(line)
            position = line_end + 1
            ending_here = [passage for passage in self.passages if line_start < passage.spans[-1][1] <= line_end + 1]
            heading = self.headings.get(line_start)
            page_anchor = self._page_anchor(self.toc_pages[line_start]) if line_start in self.toc_pages else ""
            marker = PAGE_MARKER.fullmatch(line)
            if marker:
                flush()
                page = int(marker.group(1))
                anchor = self._page_anchor(page)
                blocks.append(f'<p class="rk-paginagrens">{anchor}— pagina {page} —</p>')
                continue
            if heading is not None and heading.level != 7:
                flush()
                for number, passage in enumerate(self.passages):  # a quote that starts in a heading
                    if line_start <= passage.spans[0][0] < line_end and number not in self.opened:
                        self.opened.add(number)
                        page_anchor += f'<span id="{escaping.anchor(passage.anchor)}"></span>'
                if page_anchor:
                    blocks.append(page_anchor)
                while open_headings and open_headings[-1] <= heading.start:
                    open_headings.pop()
                level = "#" * min(6, 2 + len(open_headings))
                open_headings.append(heading.end)
                blocks.append(f"{level} {escaping.heading(self.heading_text(heading.text))} {{ #{heading.anchor} }}")
                blocks.extend(self._back_links(passage) for passage in ending_here)
                continue
            if not line.strip():
                flush()
                continue
            prefix = page_anchor
            if heading is not None:  # a bold or numbered line that acts as a heading: anchor only
                flush()
                prefix += f'<span id="{heading.anchor}"></span>'
            paragraph.append(prefix + self.inline(line_start, line_end))
            ended.extend(passage for passage in ending_here if passage not in ended)
        flush()
        return "\n\n".join(block for block in blocks if block)


def _header(document: Document, region_name: str, region_id: str, page: str, source: SourceText) -> list[str]:
    lines = [
        f"*{markdown_text(document.title)}*, {markdown_text(document.publisher)}, "
        f"{dutch_date(document.date)}. Regio: [{markdown_text(region_name)}]({_link(page, urls.region(region_id))}).",
        "",
    ]
    if document.url:
        lines += [f"Openbaar adres van het document: [{markdown_text(document.url)}](<{document.url}>)", ""]
    lines += [
        "Dit is de tekstversie die uit de PDF is omgezet en waarmee de site controleert wat de items citeren. "
        "Opmaak van de omzetting staat er letterlijk in; grafieken en afbeeldingen zijn verloren gegaan. "
        "Een geciteerde passage is gemarkeerd; eronder staat welke items haar citeren.",
        "",
    ]
    if document.corrections:
        lines += [
            f"Bekende omzetfouten ({len(document.corrections)}) zijn gemarkeerd met de juiste lezing, "
            "bijvoorbeeld: " + markdown_text(f"{document.corrections[0].text} [omzetfout, lees: {document.corrections[0].correct}]") + ".",
            "",
        ]
    if source.page_marks:
        basis = "paginamarkeringen in de tekst" if source.has_page_markers else "de inhoudsopgave van het document"
        lines += [f"Paginanummers (ankers `#pagina-N`) komen uit {basis}.", ""]
    return lines


def source_pages(catalog: Catalog, index: TermIndex | None = None, site: SiteContext | None = None) -> dict[str, str]:
    """``bronnen/index.md`` and the page(s) of every document."""
    sources: SourceIndex | None = catalog.sources
    if sources is None:
        return {}
    names = {region.id: region.name for region in catalog.regions}
    pages: dict[str, str] = {}
    overview = ["# Bronnen", "", "De brondocumenten van de regio's als tekst, met de passages die de site citeert.", ""]
    for region in catalog.regions:
        overview += [f"## {escaping.heading(region.name)}", ""]
        for document in region.documents:
            source = sources.texts.get(document.id)
            if source is None:
                continue
            first = document_page(document, source, 0)
            label = document.short_title or document.title
            overview.append(f"- [{markdown_text(label)}]({_link(INDEX_PAGE, first)}): {markdown_text(document.title)}")
            pages.update(_document_pages(document, region.id, names, source, sources.passages(document.id), catalog.item_places))
        overview.append("")
    pages[INDEX_PAGE] = "\n".join(overview).rstrip() + "\n"
    return pages


def _document_pages(
    document: Document, region_id: str, names: dict[str, str], source: SourceText, passages: list[Passage], places: dict | None = None
) -> dict[str, str]:
    title = document.short_title or document.title
    first_page = document_page(document, source, 0)
    parts = chapters(source) if first_page.endswith("/index.md") else []
    bounds = [heading.start for heading in parts] + [len(source.text)]
    pages: dict[str, str] = {}
    front_end = bounds[0] if parts else len(source.text)
    renderer = _Renderer(first_page, document, source, passages, names, places)
    lines = [f"# {escaping.heading(title)}", ""]
    lines += _header(document, names[region_id], region_id, first_page, source)
    if parts:
        lines += ["Het document staat per hoofdstuk op een eigen pagina:", ""]
        for heading in parts:
            lines.append(f"- [{markdown_text(heading.text)}]({_link(first_page, document_page(document, source, heading.start))})")
        lines.append("")
    lines.append(renderer.body(0, front_end))
    pages[first_page] = "\n".join(lines).rstrip() + "\n"
    for heading, end in zip(parts, bounds[1:], strict=True):
        page = document_page(document, source, heading.start)
        renderer.page = page
        chapter = [f"# {escaping.heading(heading.text)} {{ #{heading.anchor} }}", ""]
        chapter.append(f"Uit: [{markdown_text(title)}]({_link(page, first_page)}), {markdown_text(document.title)}.")
        chapter.append("")
        chapter.append(renderer.body(heading.body, end))
        pages[page] = "\n".join(chapter).rstrip() + "\n"
    return pages
