"""Two items that quote the same words share one passage on the source page, and its anchor."""

from __future__ import annotations

from pathlib import Path

import yaml

from regiokompas.catalog import load_catalog
from regiokompas.citations import citation_url
from regiokompas.generate import build_pages

QUOTE = "Wij streven naar een regio waarin elk kind een thuis heeft."


def test_items_quoting_the_same_words_link_to_one_existing_anchor(mini: Path) -> None:
    path = mini / "regions/alpha.yaml"
    region = yaml.safe_load(path.read_text(encoding="utf-8"))
    for item in (region["ambition"], region["principles"][0]):
        item["source"].update(section="2. Ambitie", quote=QUOTE)
        item["source"].pop("page", None)
    path.write_text(yaml.safe_dump(region, allow_unicode=True, sort_keys=False), encoding="utf-8")
    catalog = load_catalog(mini)
    first = catalog.regions[0]
    links = {citation_url(catalog.sources, item.source) for item in (first.ambition, first.principles[0])}
    assert len(links) == 1
    page, anchor = links.pop().split("#")
    assert f'id="{anchor}"' in build_pages(catalog)[page]
