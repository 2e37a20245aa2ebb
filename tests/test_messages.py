"""Every message the validation can give, produced by a real edit of the fixture project.

Each case names the constant start of a message (its stem, as the code writes it) and an edit
that must produce it. ``test_messages_documented.py`` holds this table against the code and the
editors' guide: a message without a case here, or without a row in CONTRIBUTING.md, fails.
"""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml

from regiokompas.catalog import load_catalog
from regiokompas.problems import ValidationFailed

Edit = Callable[[Path], None]


def data(file: str, change: Callable[[Any], None]) -> Edit:
    """An edit of the data of ``file``: load it, change it, write it back."""

    def edit(root: Path) -> None:
        path = root / file
        value = yaml.safe_load(path.read_text(encoding="utf-8"))
        change(value)
        path.write_text(yaml.safe_dump(value, allow_unicode=True, sort_keys=False), encoding="utf-8")

    return edit


def text(file: str, content: str, mode: str = "append") -> Edit:
    """An edit of the text of ``file``: append to it or replace it."""

    def edit(root: Path) -> None:
        path = root / file
        old = path.read_text(encoding="utf-8") if path.exists() else ""
        path.write_text(old + content if mode == "append" else content, encoding="utf-8")

    return edit


def both(*edits: Edit) -> Edit:
    def edit(root: Path) -> None:
        for each in edits:
            each(root)

    return edit


def _first_action(region: dict) -> dict:
    return region["actions"][0]


def _quote(where: str, quote: str, section: str | None = None) -> Edit:
    def change(region: dict) -> None:
        source = region["ambition"]["source"] if where == "ambition" else region["principles"][0]["source"]
        source["quote"] = quote
        if section:
            source["section"] = section

    return data("regions/alpha.yaml", change)


def _no_regions(root: Path) -> None:
    for name in ("regions", "glossary"):
        shutil.rmtree(root / name)
        (root / name).mkdir()
    data("themes/themes.yaml", lambda themes: [theme.pop("synthesis", None) for theme in themes["themes"]])(root)


YARDSTICK_FIXTURE = Path(__file__).resolve().parent / "fixtures" / "yardsticks" / "toets.yaml"


def yardstick(change: Callable[[Any], None]) -> Edit:
    """Add the fixture yardstick to the project as ``yardsticks/toets.yaml``, changed by ``change``."""

    def edit(root: Path) -> None:
        value = yaml.safe_load(YARDSTICK_FIXTURE.read_text(encoding="utf-8"))
        change(value)
        (root / "yardsticks").mkdir(exist_ok=True)
        (root / "yardsticks" / "toets.yaml").write_text(yaml.safe_dump(value, allow_unicode=True, sort_keys=False), encoding="utf-8")

    return edit


def _first_mapping(value: dict) -> dict:
    return value["mappings"][0]


ALPHA, BETA, THEMES, CONCEPTS, GLOSSARY = "regions/alpha.yaml", "regions/beta.yaml", "themes/themes.yaml", "glossary/begrippen.yaml", "glossary/alpha.yaml"
MEASURES = "themes/measures.yaml"
ONE_MEASURE = "measures:\n  - {id: gemeenten, name: Gemeenten, definition: Aantal gemeenten., unit: gemeenten}\n"

#: stem -> edit that must produce a message starting with it
CASES: dict[str, Edit] = {
    # reading the file
    "dit is geen bestand": lambda root: (root / "regions/x.yaml").mkdir(),
    "gebruik de extensie .yaml; hernoem het bestand naar": lambda root: (root / BETA).rename(root / "regions/beta.yml"),
    "het bestand is": text(ALPHA, "# " + "x" * 2_000_001 + "\n"),
    "het bestand is geen UTF-": lambda root: (root / ALPHA).write_bytes((root / ALPHA).read_bytes() + "x: caf\u00e9\n".encode("latin-1")),
    "het bestand is leeg": text(GLOSSARY, "", mode="replace"),
    "het bestand moet met velden beginnen": text(GLOSSARY, "- een\n- lijst\n", mode="replace"),
    "onzichtbaar stuurteken": text(ALPHA, "x: a\u202eb\n"),
    "te diep genest": text(ALPHA, "diep: " + "[" * 50 + "]" * 50 + "\n"),
    "te veel YAML-verwijzingen": text(ALPHA, "a0: &a0 [x]\n" + "".join(f"a{n}: &a{n} [*a{n - 1}, *a{n - 1}, *a{n - 1}]\n" for n in range(1, 10))),
    "de sleutel": text(ALPHA, "name: Nogmaals\n"),
    "sleutel": text(ALPHA, "1: een getal als sleutel\n"),
    "de themalijst ontbreekt; maak dit bestand aan": lambda root: (root / THEMES).unlink(),
    "geen regiobestanden gevonden": _no_regions,
    # YAML syntax (the message starts with "YAML-fout: ")
    "een aanhalingsteken": text(ALPHA, 'extra: "niet afgesloten\nmeer: x\n'),
    "een aanhalingsteken wordt niet afgesloten": text(ALPHA, "extra: 'niet afgesloten\n"),
    "een lijst tussen [ ] wordt niet afgesloten; zet er een ] achter": text(ALPHA, "extra: [a, b\nmeer: x\n"),
    "een blok tussen": text(ALPHA, "extra: {a: b\nmeer: x\n"),
    "een regel zonder": text(ALPHA, "extra:\n  a: b\n  zonder dubbele punt\n  c: d\n"),
    "een tab-teken; gebruik spaties om in te springen": text(ALPHA, "extra:\n  b: c\n\td: e\n"),
    "een teken waarmee geen waarde mag beginnen": text(ALPHA, "extra: @waarde\n"),
    "het inspringen klopt niet of een": text(ALPHA, "extra:\n  - a\n - b\n"),
    "het inspringen klopt niet; lijn de regel uit met de regels erboven": text(ALPHA, "extra:\n  - a\n  b: c\n"),
    "een ':' midden in een tekst": text(ALPHA, "extra: dit is: een tekst\n"),
    "een '*' aan het begin van een waarde": text(ALPHA, "extra: *ster\n"),
    "de opbouw van het bestand klopt hier niet": text(ALPHA, 'extra: "a\\qb"\n'),
    "een YAML-tag": text(ALPHA, "extra: !!python/object/apply:os.system ['echo x']\n"),
    "het bestand bevat een tweede document": text(ALPHA, "---\nextra: 1\n"),
    # fields and values
    "onbekend veld": data(ALPHA, lambda region: _first_action(region).update(ower="x")),
    "verplicht veld": data(ALPHA, lambda region: region.pop("province")),
    "moet tekst zijn, maar is": data(ALPHA, lambda region: _first_action(region).update(timing=2022)),
    "mag niet leeg zijn; vul een tekst in of laat het veld weg als het optioneel is": data(ALPHA, lambda region: region.update(province="")),
    "moet een geheel getal zijn, maar is": data(ALPHA, lambda region: region["documents"][0].update(period_start="tweeduizend")),
    "moet een getal zijn": data(ALPHA, lambda region: region["key_figures"][0].update(value="veel")),
    "moet true of false zijn, maar is": data(ALPHA, lambda region: _first_action(region).update(level_stated="nee")),
    "moet een lijst zijn": data(ALPHA, lambda region: _first_action(region).update(levels="lokaal")),
    "moet een blok met velden zijn": data(ALPHA, lambda region: _first_action(region).update(source="alp-doc")),
    "ongeldige waarde": data(ALPHA, lambda region: _first_action(region).update(levels=["regionale"])),
    "ongeldig id": data(ALPHA, lambda region: _first_action(region).update(id="ALP_p1 a1")),
    "ongeldige datum": data(ALPHA, lambda region: region["documents"][0].update(date="17-11-2021")),
    "de datum": data(ALPHA, lambda region: region["documents"][0].update(date="2021-02-30")),
    "ongeldig adres": data(ALPHA, lambda region: region["documents"][0].update(url="www.voorbeeld.nl")),
    "ongeldige afkorting": data(GLOSSARY, lambda glossary: glossary["entries"][0].update(abbreviation="(GI)")),
    "ongeldige bestandsnaam": data(ALPHA, lambda region: region["documents"][0].update(seed="visie.pdf")),
    "is te lang:": data(ALPHA, lambda region: region.update(summary="woord " * 2000)),
    "moet minstens": data(ALPHA, lambda region: _first_action(region).update(themes=[])),
    "jaartal": data(ALPHA, lambda region: region["key_figures"][0].update(year=20)),
    "waarde": data(ALPHA, lambda region: region["principles"][0]["source"].update(page=0)),
    "period_end": data(ALPHA, lambda region: region["documents"][0].update(period_start=2026, period_end=2021)),
    "rij ": data(
        ALPHA,
        lambda region: region.update(tables=[{"id": "alp-tabel", "title": "T", "columns": ["a", "b"], "rows": [[1]], "source": region["ambition"]["source"]}]),
    ),
    "id '": data(ALPHA, lambda region: region.update(id="alfa")),
    "gereserveerde naam": data(THEMES, lambda themes: themes["themes"][2].update(id="index")),
    "verwijzing naar een": data(THEMES, lambda themes: themes["themes"][0]["synthesis"][0].update(refs=["alp-m-1"])),
    "omzetfout": data(ALPHA, lambda region: region["documents"][0].update(corrections=[{"text": "Spiedhulpp", "correct": "Spoedhulp"}])),
    "geef een": data(BETA, lambda region: region["municipalities"].pop("note")),
    # references between files
    "onbekend thema": data(ALPHA, lambda region: _first_action(region).update(themes=["preventei"])),
    "onbekend begrip": data(ALPHA, lambda region: region["principles"][0].update(terms=["gecertificeerd"])),
    "onbekend document": data(ALPHA, lambda region: _first_action(region)["source"].update(document="alp-visie")),
    "onbekend principe of onderwerp": data(ALPHA, lambda region: _first_action(region).update(parent="alp-p9")),
    "onbekend item": data(THEMES, lambda themes: themes["themes"][0]["synthesis"][0].update(refs=["alp-p9"])),
    "een kenmerk verwijst naar onbekend item": data(ALPHA, lambda region: region.update(distinctive=[{"text": "x", "refs": ["alp-p9"]}])),
    "een kenmerk verwijst naar '": data(ALPHA, lambda region: region.update(distinctive=[{"text": "x", "refs": ["bet-p1"]}])),
    "een kenmerk verwijst naar een ": data(ALPHA, lambda region: region.update(distinctive=[{"text": "x", "refs": ["alp-m-1"]}])),
    "onbekende regio": data(GLOSSARY, lambda glossary: glossary.update(region="alfa")),
    "dubbel id": data(BETA, lambda region: _first_action(region).update(id="alp-p1-a1")),
    "dubbel begrip-id": data(CONCEPTS, lambda concepts: concepts["concepts"].append(dict(concepts["concepts"][0]))),
    "dubbel thema-id": data(THEMES, lambda themes: themes["themes"][2].update(id="preventie")),
    "afkorting": data(
        CONCEPTS, lambda concepts: concepts["concepts"].insert(0, {"id": "jeugdhulp", "term": "Jeugdhulp", "abbreviations": ["GI"], "summary": "x"})
    ),
    "begrip": data(CONCEPTS, lambda concepts: concepts["concepts"].append({"id": "zonder-definitie", "term": "Zonder", "summary": "x"})),
    "brondocument": data(ALPHA, lambda region: region["documents"][0].update(seed="000_f4efd8b62f7285fb.txt")),
    # yardsticks (yardsticks/)
    "onbekend punt": yardstick(lambda value: _first_mapping(value).update(point="toets-normal")),
    "status 'onderbelicht'": yardstick(lambda value: _first_mapping(value).update(status="onderbelicht")),
    "een oordeel van de redactie": yardstick(lambda value: _first_mapping(value).update(items=[])),
    "dubbele koppeling": yardstick(lambda value: value["mappings"].append(dict(value["mappings"][0]))),
    "item '": yardstick(lambda value: _first_mapping(value).update(items=["bet-p1"])),
    "document '": yardstick(lambda value: _first_mapping(value)["source"].update(document="bet-doc")),
    "geen bron voor dit punt": yardstick(lambda value: value["points"][0].pop("sources")),
    # measures for the key-figure grid (themes/measures.yaml)
    "onbekende maat": both(text(MEASURES, ONE_MEASURE, mode="replace"), data(ALPHA, lambda region: region["key_figures"][0].update(measure="gemeente"))),
    "de eenheid": both(text(MEASURES, ONE_MEASURE, mode="replace"), data(ALPHA, lambda region: region["key_figures"][0].update(measure="gemeenten"))),
    "dubbel maat-id": text(MEASURES, ONE_MEASURE + "  - {id: gemeenten, name: Nogmaals, definition: x, unit: gemeenten}\n", mode="replace"),
    # quotes and sections (bronnen/)
    "citaat niet gevonden in": _quote("ambition", "Deze zin staat nergens in de brontekst."),
    "het citaat staat in": _quote("ambition", "Alpha telt twee gemeenten.", section="2. Ambitie"),
    "sectie": _quote("principles", "Wij streven naar een regio waarin elk kind een thuis heeft.", section="2. Ambitie > Bestaat niet"),
    "pagina": data(ALPHA, lambda region: region["ambition"]["source"].update(page=3)),
}

#: Stems the code has but no edit of a data file can produce: PyYAML always marks its errors, and
#: "expected <block end>" comes only from PyYAML's pure-Python parser (the project reads with libyaml).
UNREACHABLE = {"ongeldige YAML (", "het inspringen klopt niet; lijn de regel uit met de velden erboven"}


@pytest.mark.parametrize("stem", sorted(CASES))
def test_each_message_comes_from_a_real_edit(mini: Path, stem: str, monkeypatch: pytest.MonkeyPatch) -> None:
    from regiokompas import citations

    monkeypatch.setattr(citations, "SECTIONS_FATAL", True)  # a section that is not found is an error
    CASES[stem](mini)
    with pytest.raises(ValidationFailed) as failure:
        load_catalog(mini)
    messages = [problem.message.removeprefix("YAML-fout: ") for problem in failure.value.problems]
    assert any(message.startswith(stem) for message in messages), messages
