"""Generated pages from the fixture project: content, comparison, glossary, downloads, scale."""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path

import yaml

from conftest import html_of, replace_in, text_of
from regiokompas.catalog import load_catalog
from regiokompas.generate import build_pages, generate, read_site


def pages_of(root: Path, environ: dict[str, str] | None = None) -> dict[str, str]:
    """Every generated page of ``root``, with history from git and edit links from ``environ``."""
    catalog = load_catalog(root)
    return build_pages(catalog, read_site(catalog, root, environ or {}))


def test_region_page_shows_every_item_with_its_source(mini: Path) -> None:
    pages = pages_of(mini)
    assert re.search(r'<h1 id="regio-alpha">Regio Alpha</h1>', html_of(pages["regios/alpha/index.md"]))
    page = pages["regios/alpha/principes.md"]
    html, text = html_of(page), text_of(page)
    assert re.search(r'<h3 id="alp-p1">1\. Normaal opgroeien</h3>', html)
    assert re.search(r'<a id="alp-p1-a1"></a>De gemeenten zetten praktijkondersteuners in\.', html)
    assert "Wie: Alpha-gemeenten · Niveau: lokaal · Wanneer: 2022" in text
    assert "Bron: Visie Alpha, 2, p. 8" in text
    assert '<a href="../../bronnen/alp-doc.md#citaat-alp-p1">Visie Alpha, 2, p. 8</a>' in html
    assert "<td>9,1%</td>\n<td>2019</td>" in html_of(pages["regios/alpha/cijfers.md"])


def test_derived_level_is_marked(mini: Path) -> None:
    pages = pages_of(mini)
    assert any("Niveau: regionaal (afgeleid)" in pages[f"regios/beta/{name}.md"] for name in ("principes", "onderwerpen"))


def test_matrix_counts_and_not_addressed_cells(mini: Path) -> None:
    matrix = pages_of(mini)["themas/index.md"]
    rows = {line.split("|")[1].strip(): line for line in matrix.splitlines() if line.startswith("| [")}
    assert "1 P · 1 A · 0 I" in rows["[Normaliseren](normaliseren.md)"]
    assert rows["[Wachtlijsten](wachtlijsten.md)"].count("*niet behandeld*") == 2
    assert rows["[Preventie](preventie.md)"].count("*niet behandeld*") == 1


def test_theme_page_lists_each_region_side_by_side(mini: Path) -> None:
    page = pages_of(mini)["themas/normaliseren.md"]
    assert page.count('<section class="rk-kolom"') == 2
    assert "[Normaal opgroeien](../regios/alpha/principes.md#alp-p1)" in page
    assert "Onderbouwing: [Alpha\\: Normaal opgroeien](../regios/alpha/principes.md#alp-p1)" in page
    empty = pages_of(mini)["themas/wachtlijsten.md"]
    assert "behandelt dit thema niet" in empty


def test_glossary_merges_regions_into_one_entry(mini: Path) -> None:
    pages = pages_of(mini)
    concept = pages["begrippen/gecertificeerde-instelling.md"]
    assert concept.count("### ") == 2  # one definition per region
    assert "### Alpha: Gecertificeerde instelling" in concept and "### Beta: &#71;I" in concept
    assert "*[GI]: Gecertificeerde Instelling" in pages["includes/abbreviations.md"]


def test_first_occurrence_of_a_term_is_linked_once_and_not_in_headings(mini: Path) -> None:
    replace_in(mini / "regions/alpha.yaml", "title: Normaal opgroeien", "title: Normaal opgroeien met de GI")
    page = pages_of(mini)["regios/alpha/principes.md"]
    links = re.findall(r"\[GI\]\(\.\./\.\./begrippen/gecertificeerde-instelling\.md\)", page)
    assert len(links) == 1
    heading = next(line for line in page.splitlines() if line.startswith("### 1"))
    assert "begrippen" not in heading and "&#71;I" in heading


def test_downloads_parse_back_to_the_same_data(mini: Path) -> None:
    pages = pages_of(mini)
    raw = pages["downloads/begrippen.csv"]
    assert isinstance(raw, bytes) and raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig")), delimiter=";"))
    data = json.loads(pages["downloads/begrippen.json"])
    assert len(rows) == sum(len(item["definities"]) for item in data) == 3
    assert {row["definitie"] for row in rows} == {d["definitie"] for item in data for d in item["definities"]}
    assert next(item for item in data if item["id"] == "gecertificeerde-instelling")["afkortingen"] == ["GI"]


def test_indicator_page_lists_themes_without_indicator(mini: Path) -> None:
    page = pages_of(mini)["vergelijking/indicatoren.md"]
    missing = page.split("## Thema's zonder indicator")[1]
    assert "[Wachtlijsten]" in missing and "[Normaliseren]" in missing and "[Preventie]" not in missing


def test_generation_is_deterministic(mini: Path, tmp_path: Path) -> None:
    first, second = tmp_path / "one", tmp_path / "two"
    generate(mini, first)
    generate(mini, second)
    files = sorted(path.relative_to(first) for path in first.rglob("*") if path.is_file())
    assert files and files == sorted(path.relative_to(second) for path in second.rglob("*") if path.is_file())
    assert all((first / name).read_bytes() == (second / name).read_bytes() for name in files)


def test_output_grows_linearly_with_the_number_of_regions(mini: Path) -> None:
    """No page per pair: pages and bytes per added region stay constant."""
    template = yaml.safe_load((mini / "regions/beta.yaml").read_text(encoding="utf-8"))

    def with_regions(count: int) -> tuple[int, int]:
        for path in (mini / "regions").glob("synth-*.yaml"):
            path.unlink()
        for number in range(count):
            region = json.loads(json.dumps(template).replace("bet-", f"s{number}-"))
            region["id"], region["name"] = f"synth-{number:02d}", f"Synthetisch {number:02d}"
            (mini / f"regions/synth-{number:02d}.yaml").write_text(yaml.safe_dump(region), encoding="utf-8")
        pages = pages_of(mini)
        return len(pages), sum(len(content) for content in pages.values())

    pages_10, bytes_10 = with_regions(10)
    pages_20, bytes_20 = with_regions(20)
    pages_40, bytes_40 = with_regions(40)
    assert pages_40 - pages_20 == 2 * (pages_20 - pages_10)
    growth_low, growth_high = (bytes_20 - bytes_10) / 10, (bytes_40 - bytes_20) / 20
    assert growth_high < 1.3 * growth_low


def test_stale_generated_files_are_removed(mini: Path, tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    generate(mini, docs)
    (mini / "regions/beta.yaml").unlink()
    (mini / "glossary/beta.yaml").unlink()
    replace_in(mini / "themes/themes.yaml", "refs: [alp-p1, bet-p1]", "refs: [alp-p1]")
    replace_in(mini / "glossary/begrippen.yaml", "    related: [jeugdhulp]\n", "")
    generate(mini, docs)
    assert not (docs / "regios/beta/index.md").exists() and (docs / "regios/alpha/index.md").exists()


def _git(root: Path, *arguments: str) -> None:
    import subprocess

    subprocess.run(
        ["git", "-C", str(root), "-c", "user.name=Redactie", "-c", "user.email=redactie@example.org", *arguments],
        check=True,
        capture_output=True,
        env={"GIT_COMMITTER_DATE": "2026-03-04T10:00:00", "GIT_AUTHOR_DATE": "2026-03-04T10:00:00", "PATH": "/usr/bin:/bin"},
    )


def test_last_change_and_change_list_come_from_git(mini: Path) -> None:
    _git(mini, "init", "-q")
    _git(mini, "add", ".")
    _git(mini, "commit", "-q", "-m", "Alpha: actie over praktijkondersteuners toegevoegd")
    pages = pages_of(mini)
    assert "Gegevens van deze pagina: `regions/alpha.yaml`, laatst gewijzigd op 4 maart 2026." in pages["regios/alpha/index.md"]
    assert "- **4 maart 2026**: Alpha\\: actie over praktijkondersteuners toegevoegd" in pages["regios/wijzigingen.md"]


def test_a_build_without_git_history_still_works(mini: Path) -> None:
    pages = pages_of(mini)
    assert "Gegevens van deze pagina: `regions/alpha.yaml`." in pages["regios/alpha/index.md"]
    assert "Geen versiegeschiedenis beschikbaar" in pages["regios/wijzigingen.md"]


def test_edit_link_points_to_the_yaml_file_from_the_workflow_environment(mini: Path) -> None:
    environ = {"GITHUB_SERVER_URL": "https://github.com", "GITHUB_REPOSITORY": "voorbeeld/regiokompas"}
    page = pages_of(mini, environ)["regios/alpha/index.md"]
    assert "[Bewerk deze pagina](https://github.com/voorbeeld/regiokompas/edit/main/regions/alpha.yaml)" in page


def test_no_edit_link_without_the_workflow_environment(mini: Path) -> None:
    assert "Bewerk deze pagina" not in pages_of(mini, {})["regios/alpha/index.md"]


def test_no_edit_link_from_a_malformed_environment(mini: Path) -> None:
    environ = {"GITHUB_SERVER_URL": "javascript:alert(1)//", "GITHUB_REPOSITORY": "a/b"}
    assert "Bewerk deze pagina" not in pages_of(mini, environ)["regios/alpha/index.md"]


def test_matrix_is_one_html_table_with_a_row_per_theme(mini: Path) -> None:
    import markdown

    html = markdown.markdown(pages_of(mini)["themas/index.md"], extensions=["tables", "md_in_html", "attr_list", "pymdownx.escapeall"])
    assert html.count("<table>") == 1
    assert html.count("<tr>") == 1 + 3  # header + one row per theme
    assert html.count("<th>") == 3  # Thema + two regions


def test_a_term_the_document_only_uses_is_not_shown_as_its_definition(mini: Path) -> None:
    replace_in(mini / "glossary/alpha.yaml", "concept: gecertificeerde-instelling", "concept: gecertificeerde-instelling\n    basis: gebruikt")
    page = pages_of(mini)["begrippen/gecertificeerde-instelling.md"]
    text = text_of(page)
    assert "### Alpha" not in page and "### Beta" in page  # Beta's definition is shown as the definition
    assert "Alleen gebruikt, niet uitgelegd" in text and "de omschrijving hierboven is die van een andere regio" in text
    assert "Alpha (Gecertificeerde instelling): Alpha's definition of a GI." in text


def test_a_term_no_document_explains_says_so(mini: Path) -> None:
    for region in ("alpha", "beta"):
        replace_in(mini / f"glossary/{region}.yaml", "concept: gecertificeerde-instelling", "concept: gecertificeerde-instelling\n    basis: gebruikt")
    text = text_of(pages_of(mini)["begrippen/gecertificeerde-instelling.md"])
    assert "Geen van de documenten legt dit begrip uit. De samenvatting hierboven is van de redactie." in text


def test_a_defining_region_says_where_the_document_defines_the_term(mini: Path) -> None:
    text = text_of(pages_of(mini)["begrippen/gecertificeerde-instelling.md"])
    assert "Alpha: Gecertificeerde instelling uit de begrippenlijst van het document Alpha's definition of a GI." in text
    assert "Alleen gebruikt" not in text
