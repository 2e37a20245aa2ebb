"""Thin MkDocs hook: run the standalone generator before every build, Pagefind after it.

All logic lives in :mod:`regiokompas.generate` and :mod:`regiokompas.search_index`; this
file only adapts them to MkDocs (it also adds the region pages to the navigation), so another
builder (Zensical) can run ``python -m regiokompas generate`` first and read the same ``docs/``.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.exceptions import Abort

from regiokompas import urls
from regiokompas.catalog import YARDSTICKS_DIR
from regiokompas.generate import generate_site
from regiokompas.glossary import first_abbreviations_only
from regiokompas.problems import ValidationFailed
from regiokompas.regions_pages import navigation
from regiokompas.search_index import build_search_index, search_attributes
from regiokompas.yardstick_pages import navigation as yardstick_navigation


def on_config(config, **kwargs):  # noqa: ANN001, ANN201 - MkDocs passes its own config type
    """Generate the pages (before MkDocs collects the files) and put the region pages in the nav."""
    root = Path(config["config_file_path"]).parent
    try:
        _, catalog = generate_site(root, Path(config["docs_dir"]))
    except ValidationFailed as failure:
        raise Abort("\n" + failure.report()) from None
    if config["nav"]:
        add_to_nav(config["nav"], urls.regions_index(), navigation(catalog))
        # The yardstick pages (issue 19) under Vergelijken, after the timeline; none without yardsticks/.
        add_to_nav(config["nav"], urls.timeline(), yardstick_navigation(catalog))
    return config


def on_serve(server, config, builder, **kwargs):  # noqa: ANN001, ANN201 - MkDocs types
    """Reload on a change under ``yardsticks/``: optional, so not in ``watch`` (MkDocs refuses missing paths)."""
    folder = Path(config["config_file_path"]).parent / YARDSTICKS_DIR
    if folder.is_dir():
        server.watch(str(folder))
    return server


def add_to_nav(nav: list, anchor: str, entries: list) -> bool:
    """Insert ``entries`` right after the nav entry ``anchor`` (a page path), wherever it is."""
    for position, entry in enumerate(nav):
        if entry == anchor or (isinstance(entry, dict) and anchor in entry.values()):
            nav[position + 1 : position + 1] = entries
            return True
        if isinstance(entry, dict) and any(isinstance(value, list) and add_to_nav(value, anchor, entries) for value in entry.values()):
            return True
    return False


def on_page_content(html, page, config, files):  # noqa: ANN001, ANN201 - MkDocs types
    """One abbreviation tooltip per abbreviation and page; none on the glossary index."""
    return first_abbreviations_only(html, tooltips=page.file.src_uri != urls.glossary_index())


def on_page_context(context, page, config, nav):  # noqa: ANN001, ANN201 - MkDocs types
    """Tell the theme override (``overrides/main.html``) what Pagefind should know of the page."""
    context["rk_search"] = search_attributes(page.url, page.meta)
    return context


def on_post_build(config, **kwargs) -> None:  # noqa: ANN001
    """Index the built HTML with Pagefind (``site/pagefind/``)."""
    try:
        build_search_index(Path(config["site_dir"]))
    except (RuntimeError, FileNotFoundError) as failure:
        raise Abort(str(failure)) from None
