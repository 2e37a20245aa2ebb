"""The scaffold writes a complete region file that validates once the facts are filled in."""

from __future__ import annotations

from pathlib import Path

import yaml

from conftest import problems_of
from regiokompas.catalog import load_catalog
from regiokompas.models import Region
from regiokompas.scaffold import new_region


def test_scaffold_has_every_required_field_and_explains_what_is_missing(mini: Path) -> None:
    path = mini / new_region(mini, "Noord-Veluwe")
    text = path.read_text(encoding="utf-8")
    assert text.startswith("# yaml-language-server: $schema=../schemas/region.schema.json\n")
    data = yaml.safe_load(text)
    required = {name for name, field in Region.model_fields.items() if field.is_required()}
    assert required <= set(data)
    problems = problems_of(mini)
    assert all(problem.startswith("regions/noord-veluwe.yaml:") for problem in problems)
    assert any("summary: mag niet leeg zijn" in problem for problem in problems)


def test_scaffold_validates_once_the_facts_are_filled_in(mini: Path) -> None:
    path = mini / new_region(mini, "Noord-Veluwe")
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    source = {"document": "noo-visie", "section": "1. Inleiding", "quote": "Alpha telt twee gemeenten."}
    data.update(province="Gelderland", summary="Een samenvatting.")
    data["documents"][0].update(title="Visie", publisher="Regio", date="2024", status="vastgesteld", seed="000_f4efd8b62f7285fa.txt")
    data["municipalities"] = {"names": ["Ermelo"], "source": source}
    data["ambition"].update(title="Thuis", summary="Uitleg.", source=source)
    data["principles"][0].update(title="Principe", summary="Uitleg.", themes=["preventie"], source=source)
    data["actions"][0].update(text="Actie.", levels=["lokaal"], themes=["preventie"], source=source)
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    assert "noord-veluwe" in [region.id for region in load_catalog(mini).regions]
