"""Source passages: sections, quotes and pages checked against bronnen/*.txt; source pages and citation links."""

from __future__ import annotations

import posixpath
import re
from pathlib import Path

import markdown
import pytest

from conftest import line_of, problems_of, replace_in
from regiokompas.catalog import load_catalog
from regiokompas.cli import main
from regiokompas.generate import build_pages
from regiokompas.sources import SourceText

SEED = "bronnen/000_f4efd8b62f7285fa.txt"
PRINCIPLE_SOURCE = 'source: {document: alp-doc, section: "2. Ambitie > Normaliseren", page: 8, quote: "gewoon blijven."}'


def cite(mini: Path, quote: str, section: str = "2. Ambitie > Normaliseren", page: int | None = None) -> Path:
    """Give the principle alp-p1 a quote (and section, page); return the region file."""
    path = mini / "regions/alpha.yaml"
    extra = f", page: {page}" if page else ""
    replace_in(path, PRINCIPLE_SOURCE, f'source: {{document: alp-doc, section: "{section}"{extra}, quote: "{quote}"}}')
    return path


def test_a_quote_that_is_not_in_the_document_is_reported(mini: Path) -> None:
    path = cite(mini, "Wij streven naar een wereld zonder jeugdzorg.", section="2. Ambitie")
    line = line_of(path, "wereld zonder jeugdzorg")
    assert problems_of(mini) == [
        f"regions/alpha.yaml:{line}: principles[0].source.quote: citaat niet gevonden in Visie Alpha (bronnen/000_f4efd8b62f7285fa.txt): "
        "het begin ('Wij streven naar een') staat er wel, daarna wijkt het af bij 'wereld zonder jeugdzorg.'; "
        "neem de tekst letterlijk over (alleen witruimte, regeleinden, afbreekstreepjes aan het regeleinde en aanhalingstekens mogen verschillen)"
    ]


def test_a_quote_from_another_section_names_both_sections(mini: Path) -> None:
    path = cite(mini, "Het nieuwe inkoopmodel start op 1 januari 2022.")
    [problem] = problems_of(mini)
    assert problem == (
        f"regions/alpha.yaml:{line_of(path, 'inkoopmodel start')}: principles[0].source.quote: "
        "het citaat staat in '5. Inkoop', niet in 'Normaliseren'; pas source.section aan of kies een citaat uit de genoemde sectie"
    )


def test_a_quote_across_a_page_break_is_found_and_gets_both_pages(mini: Path) -> None:
    cite(mini, "zodat gewone vragen gewoon blijven.", page=None)
    catalog = load_catalog(mini)
    citation = catalog.sources.by_source[id(catalog.region("alpha").principles[0].source)]
    assert citation.spans is not None
    assert citation.pages == (7, 8)
    assert citation.anchor == "citaat-alp-p1"


def test_a_page_that_does_not_fit_the_page_markers_is_reported(mini: Path) -> None:
    path = cite(mini, "gewoon blijven.", page=9)
    assert problems_of(mini) == [
        f"regions/alpha.yaml:{line_of(path, 'gewoon blijven')}: principles[0].source.page: pagina 9 past niet bij de "
        "paginamarkeringen in de tekst: het citaat staat op p. 8; verbeter het paginanummer of laat het weg"
    ]


def test_a_page_from_the_table_of_contents_is_checked(mini: Path) -> None:
    # The fixture text also has a table of contents; without page markers it decides.
    source = (mini / SEED).read_text(encoding="utf-8")
    text = SourceText("x.txt", re.sub(r"<!-- pagina \d+ -->\n", "", source))
    span = text.resolve("5. Inkoop")
    assert span is not None
    assert text.pages_at(span.start, span.end) == (9, 11)


def test_a_quote_with_a_hyphenated_line_end_is_found(mini: Path) -> None:
    cite(mini, "niet elke zorg is jeugdhulp.")
    catalog = load_catalog(mini)
    citation = catalog.sources.by_source[id(catalog.region("alpha").principles[0].source)]
    start, end = citation.spans[0]
    assert citation.text.text[start:end] == "niet elke zorg is jeugd-\nhulp."
    assert citation.page == 7


def test_a_section_that_is_not_in_the_document_is_reported(mini: Path) -> None:
    path = mini / "regions/alpha.yaml"
    replace_in(path, 'section: "7. In control"', 'section: "7. In controle"')
    assert problems_of(mini) == [
        f"regions/alpha.yaml:{line_of(path, 'In controle')}: indicators[0].source.section: sectie '7. In controle' niet gevonden "
        "in Visie Alpha (bronnen/000_f4efd8b62f7285fa.txt); bedoelde u '7. In control'?; schrijf de koppen zoals het document "
        "ze schrijft, van hoofdstuk naar paragraaf, gescheiden door ' > '"
    ]


@pytest.mark.parametrize(
    ("section", "starts_with"),
    [
        ("2 ambitie > normaliseren", "## Normaliseren"),  # numbering and case
        ("**2. Ambitie** > Normaliseren:", "## Normaliseren"),  # markup and punctuation
        ("2. Ambitie > Spoedhulp Alpha", "## Spiedhulp Alpha"),  # a known conversion slip
        ("B. Begrippenlijst > Gecertificeerde instelling", "| Gecertificeerde instelling (GI)"),  # letter prefix; an entry
        ("1. Inleiding > voetnoot 1", "<sup>1</sup> CBS Jeugdmonitor 2019."),  # a footnote
        ("Voorpagina", "Fixture source document"),  # the text before the first heading
    ],
)
def test_section_components_match_tolerantly(mini: Path, section: str, starts_with: str) -> None:
    text = load_catalog(mini).sources.texts["alp-doc"]
    resolved = text.resolve(section)
    assert resolved is not None
    assert text.text[resolved.start : resolved.end].startswith(starts_with)


def test_validate_prints_the_sourced_items_per_region(mini: Path, capsys: pytest.CaptureFixture[str]) -> None:
    cite(mini, "De gemeenten zetten praktijkondersteuners in bij de huisarts")
    assert main(["--root", str(mini), "validate"]) == 0
    output = capsys.readouterr().out
    assert "  alpha: 8 items met bron, 0 zonder citaat" in output
    assert "  beta: 5 items met bron, 0 zonder citaat" in output


def test_a_source_without_a_quote_is_refused(mini: Path) -> None:
    path = mini / "regions/alpha.yaml"
    replace_in(path, ', quote: "We volgen het aantal jeugdigen met jeugdhulp."', "")
    line = line_of(path, 'section: "7. In control"')
    assert problems_of(mini) == [f"regions/alpha.yaml:{line}: indicators[0].source.quote: verplicht veld 'quote' ontbreekt; voeg 'quote:' toe met een waarde"]


def test_identical_quotes_of_two_items_link_to_the_same_passage(mini: Path) -> None:
    catalog = load_catalog(mini)
    beta = catalog.region("beta")
    principle, action = (catalog.sources.by_source[id(item.source)] for item in (beta.principles[0], beta.actions[0]))
    assert principle.spans == action.spans
    assert principle.anchor == action.anchor == "citaat-bet-p1"


def test_a_citation_links_to_its_highlighted_passage_and_back(mini: Path) -> None:
    cite(mini, "De gemeenten zetten praktijkondersteuners in bij de huisarts")
    pages = build_pages(load_catalog(mini))
    assert "Bron: [Visie Alpha\\, 2\\, p\\. 7](../../bronnen/alp-doc.md#citaat-alp-p1)" in pages["regios/alpha/principes.md"]
    source = pages["bronnen/alp-doc.md"]
    assert '<mark class="rk-citaat" id="citaat-alp-p1">De gemeenten zetten praktijkondersteuners in bij de huisarts</mark>' in source
    assert "Hier geciteerd in: [Alpha\\: Normaal opgroeien](../regios/alpha/principes.md#alp-p1)" in source


def test_every_citation_link_of_the_fixture_resolves_to_an_anchor(mini: Path) -> None:
    cite(mini, "De gemeenten zetten praktijkondersteuners in bij de huisarts")
    pages = build_pages(load_catalog(mini))
    links = [
        (page, target, fragment)
        for page, content in pages.items()
        if isinstance(content, str)
        for target, fragment in re.findall(r"\]\(((?:\.\./)*bronnen/[^)#]+\.md)#([^)]+)\)", content)
    ]
    assert len(links) >= 13
    for page, target, fragment in links:
        resolved = posixpath.normpath(posixpath.join(posixpath.dirname(page), target))
        html = markdown.markdown(pages[resolved], extensions=["attr_list", "md_in_html", "tables", "toc", "pymdownx.escapeall"])
        assert f'id="{fragment}"' in html, f"{page}: {target}#{fragment}"


def test_markup_in_a_source_text_is_shown_literally(mini: Path) -> None:
    page = build_pages(load_catalog(mini))["bronnen/alp-doc.md"]
    html = markdown.markdown(page, extensions=["attr_list", "md_in_html", "tables", "toc", "pymdownx.escapeall"])
    assert "<script>" not in html
    for literal in ("&lt;script&gt;alert(1)&lt;/script&gt;", "*ster*", "[x](y)", "{{ config }}", "a | b"):
        assert literal in html
    assert "<table>" not in html


def test_a_known_conversion_slip_is_marked_with_its_correction(mini: Path) -> None:
    page = build_pages(load_catalog(mini))["bronnen/alp-doc.md"]
    assert '<span class="rk-omzetfout">Spiedhulp</span><span class="rk-omzetfout-lees"> [omzetfout, lees: Spoedhulp]</span>' in page


def test_a_correction_that_is_not_in_the_text_is_reported(mini: Path) -> None:
    path = mini / "regions/alpha.yaml"
    replace_in(path, "{text: Spiedhulp, correct: Spoedhulp}", "{text: Spiedhulpp, correct: Spoedhulp}")
    assert problems_of(mini) == [
        f"regions/alpha.yaml:{line_of(path, 'Spiedhulpp')}: documents[0].corrections[0].text: omzetfout 'Spiedhulpp' staat niet in "
        "bronnen/000_f4efd8b62f7285fa.txt; schrijf de fout precies zoals de tekstversie hem heeft"
    ]


def test_a_long_document_gets_a_page_per_chapter(mini: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import regiokompas.citations as citations

    monkeypatch.setattr(citations, "SPLIT_SIZE", 500)
    cite(mini, "Het nieuwe inkoopmodel start op 1 januari 2022.", section="5. Inkoop")
    pages = build_pages(load_catalog(mini))
    chapters = sorted(page for page in pages if page.startswith("bronnen/alp-doc/"))
    assert chapters == [
        "bronnen/alp-doc/1-inleiding.md",
        "bronnen/alp-doc/2-ambitie.md",
        "bronnen/alp-doc/5-inkoop.md",
        "bronnen/alp-doc/7-in-control.md",
        "bronnen/alp-doc/begrippenlijst.md",
        "bronnen/alp-doc/index.md",
    ]
    assert "(../../bronnen/alp-doc/5-inkoop.md#citaat-alp-p1)" in pages["regios/alpha/principes.md"]
    assert '<mark class="rk-citaat" id="citaat-alp-p1">' in pages["bronnen/alp-doc/5-inkoop.md"]
    assert "# 5\\. Inkoop { #sectie-5-inkoop }" in pages["bronnen/alp-doc/5-inkoop.md"]


def test_a_footnote_reference_in_the_text_does_not_break_a_quote(mini: Path) -> None:
    replace_in(mini / SEED, "Wij streven naar een regio", "Wij streven<sup>3</sup> naar een regio")
    cite(mini, "Wij streven naar een regio waarin elk kind een thuis heeft.", section="2. Ambitie")
    catalog = load_catalog(mini)
    citation = catalog.sources.by_source[id(catalog.region("alpha").principles[0].source)]
    assert citation.spans is not None
    start, end = citation.spans[0]
    assert "<sup>3</sup>" in citation.text.text[start:end]


def test_every_section_of_the_real_data_resolves() -> None:
    from conftest import ROOT

    sources = load_catalog(ROOT).sources
    assert len(sources.citations) > 1000
    assert [str(problem) for problem in sources.warnings] == []


def test_overlapping_quotes_each_get_their_anchor(mini: Path) -> None:
    cite(mini, "De gemeenten zetten praktijkondersteuners in bij de huisarts")
    path = mini / "regions/alpha.yaml"
    replace_in(
        path,
        'source: {document: alp-doc, section: "2. Ambitie > Normaliseren", quote: "Opgroeien is gewoon; niet elke zorg is jeugdhulp."}',
        'source: {document: alp-doc, section: "2. Ambitie > Normaliseren", quote: "praktijkondersteuners in bij de huisarts en in de wijk"}',
    )
    page = build_pages(load_catalog(mini))["bronnen/alp-doc.md"]
    assert '<mark class="rk-citaat" id="citaat-alp-p1">De gemeenten zetten </mark>' in page
    assert '<mark class="rk-citaat"><mark class="rk-citaat" id="citaat-alp-p1-a1">praktijkondersteuners in bij de huisarts</mark></mark>' in page
    assert "Hier geciteerd in: [Alpha\\: De gemeenten zetten praktijkondersteuners in\\.](../regios/alpha/principes.md#alp-p1-a1)" in page


def test_an_unresolved_section_can_be_made_a_warning(mini: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import regiokompas.citations as citations

    monkeypatch.setattr(citations, "SECTIONS_FATAL", False)
    replace_in(mini / "regions/alpha.yaml", 'section: "7. In control"', 'section: "7. In controle"')
    [warning] = [str(problem) for problem in load_catalog(mini).sources.warnings]  # no ValidationFailed
    assert "indicators[0].source.section: sectie '7. In controle' niet gevonden" in warning


def test_quote_pieces_joined_by_an_ellipsis_must_follow_each_other(mini: Path) -> None:
    cite(mini, "Opgroeien is gewoon; … gewone vragen gewoon blijven.")
    assert load_catalog(mini)  # both pieces stand in the section, in this order
    replace_in(mini / "regions/alpha.yaml", "Opgroeien is gewoon; … gewone vragen", "gewone vragen … Opgroeien is gewoon;")
    [problem] = problems_of(mini)
    assert problem.endswith(
        "het stuk vóór '…' staat er wel, maar wat na '…' komt niet (of niet daarna); neem de tekst letterlijk over "
        "(alleen witruimte, regeleinden, afbreekstreepjes aan het regeleinde en aanhalingstekens mogen verschillen)"
    )


def test_a_quote_in_a_heading_keeps_its_anchor_and_back_link_after_the_heading(mini: Path) -> None:
    cite(mini, "Spiedhulp Alpha", section="2. Ambitie > Spoedhulp Alpha")
    page = build_pages(load_catalog(mini))["bronnen/alp-doc.md"]
    heading = "#### Spiedhulp \\[omzetfout\\, lees\\: Spoedhulp\\] Alpha { #sectie-spoedhulp-alpha }"
    assert '<span id="citaat-alp-p1"></span>\n\n' + heading + "\n\nHier geciteerd in: " in page


def test_a_numbered_section_runs_on_to_its_successor_past_an_unnumbered_higher_level_heading() -> None:
    # Flevoland 3.5: "### 3.5" is followed by "## Verschillende vormen" and only then by "### 3.6".
    text = SourceText(
        "x.txt",
        "# Inhoudsopgave\n\n3 Dichtbij\t4\n3.5 Verblijf\t5\n3.6 Veiligheid\t6\n4 Leren\t7\n\n"
        "## 3 Dichtbij\n\nInleiding.\n\n### 3.5 Verblijf\n\nVerblijf is intensief.\n\n"
        "## Verschillende vormen\n\nWe onderscheiden pleegzorg.\n\n### 3.6 Veiligheid\n\nVeilig.\n\n"
        "## 4 Leren\n\nLeren.\n",
    )
    section = text.resolve("3 Dichtbij > 3.5 Verblijf")
    assert section is not None
    assert text.find("Verblijf is intensief. … We onderscheiden pleegzorg.", section.start, section.end) is not None
    assert "Veilig." not in text.text[section.start : section.end]
    chapter = text.resolve("3 Dichtbij")
    assert chapter is not None and "Veilig." in text.text[chapter.start : chapter.end]
    assert "Leren." not in text.text[chapter.start : chapter.end]


def test_a_line_that_runs_on_into_the_next_line_is_not_a_heading() -> None:
    # The Zwolle memo: "Waar voor werd gevreesd, gebeurde al enkele dagen na de opname: het meisje" is a wrapped sentence.
    text = SourceText(
        "x.txt",
        "Ter illustratie\n\nOnlangs werd de crisisdienst gebeld.\n\n"
        "Waar voor werd gevreesd, gebeurde al na de opname: het meisje\n"
        "beschadigde zichzelf opnieuw.\n\nSlot van de nota\n\nEinde.\n",
    )
    assert [heading.text for heading in text.headings] == ["Ter illustratie", "Slot van de nota"]
    section = text.resolve("Ter illustratie")
    assert section is not None
    assert text.find("Onlangs werd de crisisdienst gebeld. … beschadigde zichzelf opnieuw.", section.start, section.end)
