"""The real content: completeness against the source documents in ../shared/seeds."""

from __future__ import annotations

import difflib
import html
import re
from functools import cache

import pytest

from conftest import ROOT
from regiokompas.catalog import Catalog, load_catalog

SEEDS = ROOT / "bronnen"


@cache
def catalog() -> Catalog:
    return load_catalog(ROOT)


def seed(name: str) -> str:
    path = SEEDS / name
    if not path.exists():
        pytest.fail(f"source document {name} not found in {SEEDS}")
    return path.read_text(encoding="utf-8")


def test_the_four_regions_are_present() -> None:
    assert [region.id for region in catalog().regions] == ["flevoland", "ijsselland", "rijk-van-nijmegen", "twente"]


@pytest.mark.parametrize(
    ("region_id", "municipalities", "principles"),
    [("ijsselland", 11, 9), ("twente", 14, 8), ("flevoland", 6, 5), ("rijk-van-nijmegen", 7, 5)],
)
def test_region_counts_match_the_documents(region_id: str, municipalities: int, principles: int) -> None:
    region = catalog().region(region_id)
    assert len(region.municipalities.names) == municipalities
    assert len(region.principles) == principles


def test_twente_municipalities_are_marked_as_not_from_the_document() -> None:
    municipalities = catalog().region("twente").municipalities
    assert municipalities.source is None and municipalities.note


def test_nijmegen_has_six_opgaven_24_actielijnen_and_16_indicators() -> None:
    region = catalog().region("rijk-van-nijmegen")
    opgaven = [topic for topic in region.topics if topic.kind == "opgave"]
    assert len(opgaven) == 6
    opgave_ids = {topic.id for topic in opgaven}
    assert len([action for action in region.actions if action.parent in opgave_ids]) == 24
    indicators = [indicator for indicator in region.indicators if indicator.parent in opgave_ids]
    assert len(indicators) == 16
    assert all(indicator.direction in ("meer", "minder") for indicator in indicators)


def test_every_twente_principle_has_its_parts_and_actions() -> None:
    region = catalog().region("twente")
    for principle in region.principles:
        assert len(principle.parts) >= 2, principle.id
        assert any(action.parent == principle.id for action in region.actions), principle.id


def test_documented_inconsistencies_are_recorded_not_corrected() -> None:
    ijsselland = catalog().region("ijsselland")
    shares = [figure for figure in ijsselland.key_figures if figure.unit == "%" and figure.value == 1.9]
    assert shares and shares[0].note, "IJsselland's 1,9% must be kept as written, with a note"
    twente = catalog().region("twente")
    large = [figure for figure in twente.key_figures if figure.value in (20, 29) and "aanbieder" in figure.label.lower()]
    assert {figure.value for figure in large} == {20, 29}
    assert all(figure.note for figure in large)


def test_every_theme_is_used() -> None:
    used = {
        theme for region in catalog().regions for item in [*region.principles, *region.topics, *region.actions, *region.indicators] for theme in item.themes
    }
    assert [theme.id for theme in catalog().themes if theme.id not in used] == []


def _tab_list(text: str, heading: str) -> list[str]:
    part = text.split(heading, 1)[1]
    return [line.split("\t", 1)[0].strip() for line in part.splitlines() if "\t" in line]


def _table_list(text: str, heading: str) -> list[str]:
    part = text.split(heading, 1)[1]
    return [html.unescape(match.group(1)).strip() for match in re.finditer(r"^\|\s*<b>(.*?)</b>", part, re.M)]


SOURCE_LISTS = {
    "ijsselland": lambda: _tab_list(seed("000_f4efd8b62f7285fa.txt"), "# Begrippenlijst"),
    "twente": lambda: _tab_list(seed("001_4f7ac4d2be3ad9cf.txt"), "# Begrippenlijst"),
    "rijk-van-nijmegen": lambda: _table_list(seed("004_29abfe2e3ece09c9.txt"), "## Bijlage 3"),
}


def _known_terms(region_id: str) -> list[str]:
    names = []
    for definitions in catalog().definitions.values():
        for owner, entry in definitions:
            if owner == region_id:
                names += [entry.term.casefold(), (entry.abbreviation or "").casefold()]
    return [name for name in names if name]


@pytest.mark.parametrize("region_id", sorted(SOURCE_LISTS))
def test_every_entry_of_the_regions_own_glossary_is_present(region_id: str) -> None:
    source_terms = SOURCE_LISTS[region_id]()
    assert len(source_terms) >= 10, "could not read the source list"
    known = _known_terms(region_id)
    missing = [
        term
        for term in source_terms
        if not any(term.casefold() in name or name in term.casefold() for name in known)
        and not difflib.get_close_matches(term.casefold(), known, n=1, cutoff=0.8)
    ]
    assert missing == []


def test_flevoland_terms_defined_in_its_text_are_in_the_glossary() -> None:
    known = _known_terms("flevoland")
    for term in ("perspectiefregie", "fact", "jim", "actieleren", "matched care", "expex"):
        assert any(term in name for name in known), term
