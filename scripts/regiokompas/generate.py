"""Generate every page into ``docs/``: validate first, render in memory, then write.

Nothing is written when validation fails. Only files whose bytes change are
written, so ``mkdocs serve`` does not rebuild in a loop and output is stable.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

from .catalog import CONCEPTS_FILE, MEASURES_FILE, THEMES_FILE, Catalog, load_catalog
from .context import SiteContext, read_context
from .glossary import TermIndex
from .urls import GENERATED_DIRS


def build_pages(catalog: Catalog, site: SiteContext | None = None) -> dict[str, str | bytes]:
    """Every generated file: path relative to ``docs/`` -> content. A pure function of its inputs."""
    from .comparison_pages import comparison_pages
    from .datasets import dataset_pages
    from .glossary_pages import glossary_pages
    from .regions_pages import region_pages
    from .schema import schema_pages
    from .source_pages import source_pages
    from .yardstick_pages import yardstick_pages

    site = site or SiteContext()
    index = TermIndex(catalog.concepts)
    pages: dict[str, str | bytes] = {}
    for builder in (region_pages, comparison_pages, glossary_pages, schema_pages, dataset_pages, source_pages, yardstick_pages):
        for path, content in builder(catalog, index, site).items():
            if path in pages:
                raise RuntimeError(f"two generators write {path}")
            pages[path] = content
    return dict(sorted(pages.items()))


def write_pages(pages: dict[str, str | bytes], docs: Path) -> list[str]:
    """Write changed files, delete stale generated files; return what changed."""
    changed = []
    for relative, content in pages.items():
        target = docs / relative
        data = content.encode("utf-8") if isinstance(content, str) else content
        if target.exists() and target.read_bytes() == data:
            continue
        target.parent.mkdir(parents=True, exist_ok=True)
        temporary = target.with_name(target.name + ".tmp")
        temporary.write_bytes(data)
        temporary.replace(target)
        changed.append(relative)
    for folder in GENERATED_DIRS:
        for path in sorted((docs / folder).rglob("*")) if (docs / folder).exists() else []:
            relative = path.relative_to(docs).as_posix()
            if path.is_file() and relative not in pages:
                path.unlink()
                changed.append(relative)
    return changed


def read_site(catalog: Catalog, root: Path, environ: Mapping[str, str] | None = None) -> SiteContext:
    """The site context for the catalog's data files: edit links from ``environ``, history from git.

    The history covers every file a download is made from (the "Gewijzigd" column of the Gegevens page).
    """
    shared = [THEMES_FILE.as_posix(), CONCEPTS_FILE.as_posix(), *([MEASURES_FILE.as_posix()] if catalog.measures else []), *catalog.yardstick_files.values()]
    return read_context(root, [*catalog.region_files.values(), *catalog.glossary_files.values(), *shared], environ)


def generate(root: Path, docs: Path | None = None, environ: Mapping[str, str] | None = None) -> list[str]:
    """Validate the data under ``root`` and write the generated pages into ``docs``.

    The entry point for the MkDocs hook and the command line: it reads the site context
    (edit links from ``environ``, history from git) and hands it to the page builders.
    """
    return generate_site(root, docs, environ)[0]


def generate_site(root: Path, docs: Path | None = None, environ: Mapping[str, str] | None = None) -> tuple[list[str], Catalog]:
    """:func:`generate`, also returning the catalog (the MkDocs hook builds the navigation from it)."""
    catalog = load_catalog(root)
    return write_pages(build_pages(catalog, read_site(catalog, root, environ)), docs or root / "docs"), catalog
