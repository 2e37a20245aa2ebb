"""The URL scheme: one module owns every generated path; links are relative and carry only ids."""

from __future__ import annotations

import pytest

from regiokompas import urls


def test_every_page_path_ends_in_markdown_under_a_generated_folder() -> None:
    paths = [urls.region("twente"), urls.theme("inkoop"), urls.concept("gi"), urls.matrix(), urls.key_figures(), urls.schema()]
    assert all(path.endswith(".md") and path.split("/")[0] in urls.GENERATED_DIRS for path in paths)


@pytest.mark.parametrize("value", ["../etc", "a b", "A", "x/y", "rijk--nijmegen", "", "twente#x", "javascript:alert(1)"])
def test_an_id_that_is_not_a_slug_never_becomes_a_link(value: str) -> None:
    with pytest.raises(ValueError):
        urls.region(value)
    if value:  # an empty anchor means no anchor
        with pytest.raises(ValueError):
            urls.Links("regios/twente.md").theme("inkoop", anchor=value)


def test_links_are_relative_to_the_page_they_are_on() -> None:
    links = urls.Links("themas/inkoop.md", {"twe-p1": urls.ItemPlace("twente", "principles")})
    assert links.item("twe-p1") == "../regios/twente/principes.md#twe-p1"
    assert links.theme("inkoop", "rijk-van-nijmegen") == "inkoop.md#rijk-van-nijmegen"
    assert links.side_by_side(a="rijk-van-nijmegen", b="twente") == "../vergelijking/naast-elkaar.md?a=rijk-van-nijmegen&b=twente"
    assert urls.Links("index.md").concept("gi") == "begrippen/gi.md"


def test_reserved_names_cover_every_fixed_page_of_a_folder() -> None:
    fixed = {urls.regions_index(), urls.changes(), urls.matrix(), urls.glossary_index()}
    for path in fixed:
        folder, name = path.split("/")
        kind = {urls.REGIONS: "region", urls.THEMES: "theme", urls.GLOSSARY: "concept"}[folder]
        assert name.removesuffix(".md") in urls.RESERVED[kind]
