"""Every abbreviation in the region data has a glossary concept (issue 17).

A civil servant who meets "HSWV" or "RIJM" on a region page, or types it in the search box, must
find an entry. The test scans every text field of ``regions/*.yaml`` for abbreviations: a token of
two or more capitals (digits may follow or sit between them, as in ``BJ42``; a plural ``'s`` or
``s`` is allowed) and requires a concept whose abbreviations, term or variants contain it.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml

from conftest import ROOT
from regiokompas.catalog import load_catalog

#: An all-capitals token of two or more letters, possibly with digits ("BJ42") or a "/" part ("24/7"
#: style), optionally followed by a plural 's or s; not part of a longer word, path or address.
TOKEN = re.compile(r"(?<![\w/.@-])([A-Z][A-Z0-9]*[A-Z][A-Z0-9]*(?:/[A-Z0-9]+)*)(?:'s|s)?(?![\w])")

#: Reviewed: capitalised tokens in the region data that are not abbreviations of the documents.
NOT_ABBREVIATIONS = {
    # words of a chart caption that the conversion kept in capitals (Twente, figure 2.1)
    "AANDEEL": "woord in hoofdletters (bijschrift van figuur 2.1, Twente)",
    "AANTAL": "woord in hoofdletters (bijschrift van figuur 2.1, Twente)",
    "JEUGDHULP": "woord in hoofdletters (bijschrift van figuur 2.1, Twente)",
    "JEUGDPOPULATIE": "woord in hoofdletters (bijschrift van figuur 2.1, Twente)",
    "MET": "woord in hoofdletters (bijschrift van figuur 2.1, Twente)",
    "PERSONEN": "woord in hoofdletters (bijschrift van figuur 2.1, Twente)",
    # first names that head the young people's stories (IJsselland)
    "DIRK": "voornaam als kop van een verhaal (IJsselland)",
    "NAOMI": "voornaam als kop van een verhaal (IJsselland)",
    "RACHEL": "voornaam als kop van een verhaal (IJsselland)",
    # names written in capitals, not short for anything the documents spell out
    "BIG": "'BIG 5' is de Big 5 (Rijk van Nijmegen), een naam; de data noemen de schrijfwijze in een note",
    "THINK": "projectnaam 'THINK op school' (IJsselland)",
    "GRIP": "naam van het initiatief 'GRIP Hengelo' (Twente)",
    # conversion slips and the editors' own technical words in notes
    "WE": "omzetfout voor VVE ('(lokale) WE-beleid', Rijk van Nijmegen), in een note hersteld",
    "OCR": "technische term in notes van de redactie, niet uit de documenten",
    "PDF": "technische term in notes van de redactie, niet uit de documenten",
    "HTML": "technische term in notes van de redactie, niet uit de documenten",
}


def texts(value: Any, key: str = "") -> Iterator[tuple[str, str]]:
    """Every (field name, text) in a YAML value."""
    if isinstance(value, dict):
        for name, child in value.items():
            yield from texts(child, str(name))
    elif isinstance(value, list):
        for child in value:
            yield from texts(child, key)
    elif isinstance(value, str):
        yield key, value


def abbreviations_in(text: str) -> list[str]:
    return [match.group(1) for match in TOKEN.finditer(text)]


def known_abbreviations(root: Path) -> set[str]:
    """Every capital token in a concept's abbreviations, term or variants (site concepts, merged)."""
    known: set[str] = set()
    for concept in load_catalog(root).concepts:
        for value in [*concept.abbreviations, concept.term, *concept.variants]:
            known.update(abbreviations_in(value))
    return known


def used_abbreviations(root: Path) -> dict[str, set[str]]:
    """Abbreviation -> the region files whose text fields use it."""
    used: dict[str, set[str]] = defaultdict(set)
    for path in sorted((root / "regions").glob("*.yaml")):
        for _, text in texts(yaml.safe_load(path.read_text(encoding="utf-8"))):
            for token in abbreviations_in(text):
                used[token].add(path.name)
    return used


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("de GI's en de GIs", ["GI", "GI"]),
        ("het BJ42 en het HSWV-collectief", ["BJ42", "HSWV"]),
        ("24/7 bereikbaar, ook de GGZ.", ["GGZ"]),
        ("JeugdzorgPlus, Veilig Thuis, A. Jansen en https://www.VNG.nl/x", []),
        ("het AO, MO en/of BO", ["AO", "MO", "BO"]),
    ],
)
def test_the_scanner_finds_abbreviations_and_only_those(text: str, found: list[str]) -> None:
    assert abbreviations_in(text) == found


def test_every_abbreviation_in_the_region_data_has_a_glossary_concept() -> None:
    known = known_abbreviations(ROOT)
    missing = {token: sorted(files) for token, files in sorted(used_abbreviations(ROOT).items()) if token not in known and token not in NOT_ABBREVIATIONS}
    assert missing == {}, "afkortingen zonder begrip (voeg een omschrijving toe in glossary/<regio>.yaml): " + ", ".join(
        f"{token} ({', '.join(files)})" for token, files in missing.items()
    )


def test_the_exception_list_holds_only_tokens_that_occur_and_have_no_concept() -> None:
    used, known = used_abbreviations(ROOT), known_abbreviations(ROOT)
    assert sorted(token for token in NOT_ABBREVIATIONS if token not in used) == []
    assert sorted(token for token in NOT_ABBREVIATIONS if token in known) == []


def test_an_abbreviation_without_a_concept_makes_the_test_fail(mini: Path) -> None:
    path = mini / "regions/alpha.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("summary: Fixture ambition.", "summary: Fixture ambition met de XYZQ.", 1), encoding="utf-8")
    assert "XYZQ" in used_abbreviations(mini)
    assert "XYZQ" not in known_abbreviations(mini)
    assert "GI" in known_abbreviations(mini)
