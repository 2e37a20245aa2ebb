"""Checks over the whole built site: internal links and anchors, and HTML validity (Nu HTML Checker)."""

from __future__ import annotations

import json
import shutil
import subprocess
from collections import Counter
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urljoin, urlparse

import pytest

from conftest import NPM_MODULES

VNU = NPM_MODULES / "vnu-jar" / "build" / "dist" / "vnu.jar"
#: Errors in Material for MkDocs' own templates (not in what we generate); counted and printed.
THEME_ERRORS = (
    "Attribute “autocomplete” is only allowed when the input type is",
    "The value of the “for” attribute of the “label” element must be the ID of a non-hidden form control.",
    "Bad value “” for attribute “tabindex” on element “label”",
)

pytestmark = pytest.mark.slow


class LinkCollector(HTMLParser):
    """Collects ids and the href/src of every element of one HTML page."""

    def __init__(self) -> None:
        super().__init__()
        self.ids: set[str] = set()
        self.links: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        for name in ("id", "name"):
            if values.get(name) and (name == "id" or tag == "a"):
                self.ids.add(values[name] or "")
        for name in ("href", "src"):
            if values.get(name):
                self.links.append(values[name] or "")


def parse(path: Path) -> LinkCollector:
    collector = LinkCollector()
    collector.feed(path.read_text(encoding="utf-8"))
    return collector


def test_every_internal_link_and_anchor_resolves(built_site: Path) -> None:
    pages = {path: parse(path) for path in built_site.rglob("*.html")}
    broken: list[str] = []
    external: Counter[str] = Counter()
    for path, page in pages.items():
        base = "/" + path.relative_to(built_site).as_posix()
        for link in page.links:
            url = urlparse(urljoin(base, link))
            if url.scheme in ("http", "https", "mailto"):
                external[url.netloc] += 1
                continue
            if url.scheme or link.startswith("javascript:"):
                continue
            target = built_site / unquote(url.path).lstrip("/")
            if target.is_dir():
                target = target / "index.html"
            if not target.exists():
                broken.append(f"{base}: {link}")
                continue
            if url.fragment and target.suffix == ".html":
                ids = pages[target].ids if target in pages else parse(target).ids
                if unquote(url.fragment) not in ids:
                    broken.append(f"{base}: {link} (anker ontbreekt)")
    print(f"links: {len(pages)} pages, {sum(len(p.links) for p in pages.values())} links, external hosts: {dict(external)}")
    assert broken == []


def test_generated_html_is_valid(built_site: Path, tmp_path: Path) -> None:
    java = shutil.which("java")
    if java is None or not VNU.exists():
        pytest.fail("the Nu HTML Checker needs Java and npm: run 'make test' (it installs vnu-jar next to the virtual environment)")
    broken = tmp_path / "kapot.html"  # proves the checker ran and reports: this page must give an error
    broken.write_text('<!doctype html><html lang="nl"><title>x</title><p><div></span></html>', encoding="utf-8")
    result = subprocess.run(
        [java, "-jar", str(VNU), "--skip-non-html", "--errors-only", "--format", "json", str(built_site), str(broken)],
        capture_output=True,
        text=True,
        check=False,
        timeout=600,
    )
    messages = json.loads(result.stderr)["messages"]
    assert any(m.get("url", "").endswith("kapot.html") for m in messages), "the checker reported nothing for a broken page"
    messages = [m for m in messages if not m.get("url", "").endswith("kapot.html")]
    theme = Counter(next(known for known in THEME_ERRORS if known in m["message"]) for m in messages if any(k in m["message"] for k in THEME_ERRORS))
    ours = [f"{m.get('url', '')}:{m.get('lastLine', '')}: {m['message']}" for m in messages if not any(k in m["message"] for k in THEME_ERRORS)]
    print(f"vnu: {len(messages)} errors, {sum(theme.values())} in the theme's templates {dict(theme)}, {len(ours)} in generated content")
    assert ours == []
