"""Thin MkDocs hook: run the standalone generator before every build, Pagefind after it.

All logic lives in :mod:`regiokompas.generate` and :mod:`regiokompas.search_index`; this
file only adapts them to MkDocs, so another builder (Zensical) can run
``python -m regiokompas generate`` first and read the same ``docs/``.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.exceptions import Abort

from regiokompas.generate import generate
from regiokompas.problems import ValidationFailed
from regiokompas.search_index import build_search_index, search_attributes


def on_pre_build(config, **kwargs) -> None:  # noqa: ANN001 - MkDocs passes its own config type
    root = Path(config["config_file_path"]).parent
    try:
        generate(root, Path(config["docs_dir"]))
    except ValidationFailed as failure:
        raise Abort("\n" + failure.report()) from None


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
