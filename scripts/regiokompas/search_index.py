"""Site search with Pagefind: what a page tells the index, and the index itself.

The theme override (``overrides/main.html``) asks :func:`search_attributes` what to put on
each page (``data-pagefind-*`` attributes); :func:`build_search_index` runs Pagefind on the
built HTML after the MkDocs build (``on_post_build`` in ``mkdocs_hook.py``);
:func:`measure_first_query` gives the benchmark the bytes and milliseconds of a first query.

Only pages with a page kind that are not excluded in their front matter are indexed (once
any page carries ``data-pagefind-body``, Pagefind indexes only such pages): the maintainer
pages (``beheer/``, ``referentie/``) have no page kind and stay out of the search results.
"""

from __future__ import annotations

import functools
import gzip
import hashlib
import http.server
import shutil
import subprocess
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

#: Page kind per URL prefix: the one place that decides what kind of page a URL is.
PAGE_KINDS = (
    ("begrippen/", "begrip"),
    ("regios/", "regio"),
    ("themas/", "thema"),
    ("vergelijking/", "vergelijking"),
    ("bronnen/", "bron"),
)
#: Maintainer pages (English API reference, schema, benchmark): never in the public search.
MAINTAINER_PREFIXES = ("beheer/", "referentie/")
#: The kind of every other public page (home, about, accessibility statement).
OTHER_KIND = "pagina"
#: Relative weight of a page's text per kind (Pagefind's default is 1): structured pages
#: rank above the long verbatim source texts.
KIND_WEIGHTS = {"begrip": 1.0, "regio": 1.0, "thema": 1.0, "vergelijking": 1.0, "bron": 0.3, OTHER_KIND: 1.0}
#: Weight of a concept's names (term, abbreviations, variants), so its page comes first.
TERM_WEIGHT = 10.0
#: Elements Pagefind leaves out (the same markers the generator writes for search).
EXCLUDE_SELECTORS = ("[data-search-exclude]", ".headerlink")
BUNDLE = "pagefind"
#: Index files a query downloads (as opposed to the JavaScript, WebAssembly and the UI).
INDEX_SUFFIXES = (".pf_meta", ".pf_index", ".pf_fragment", ".pf_filter")


def page_kind(url: str) -> str | None:
    """The page kind of a page URL (``regios/twente/`` -> ``regio``); ``None``: not indexed."""
    url = url.lstrip("/")
    if url.startswith(MAINTAINER_PREFIXES):
        return None
    for prefix, kind in PAGE_KINDS:
        if url.startswith(prefix):
            return kind
    return OTHER_KIND


def search_attributes(url: str, meta: dict[str, Any] | None) -> dict[str, Any]:
    """What the theme override writes into a page for Pagefind.

    ``indexed``: whether the page is searchable (it has a page kind and its front matter does
    not say ``search: {exclude: true}``, as the generator writes on pages that only repeat);
    ``kind``: its page kind; ``weight``: weight of its body text; ``regions``: region names for the region filter (front matter ``regios``,
    written by the generator on region and concept pages); ``terms``: the names a concept
    page must be found by (front matter ``zoektermen``); ``term_weight``: their weight.
    """
    kind = page_kind(url)
    meta = meta or {}
    search = meta.get("search")
    excluded = isinstance(search, dict) and bool(search.get("exclude"))
    return {
        "indexed": kind is not None and not excluded,
        "kind": kind,
        "weight": KIND_WEIGHTS.get(kind or "", 1.0),
        "regions": [str(name) for name in meta.get("regios") or []],
        "terms": [str(term) for term in meta.get("zoektermen") or []],
        "term_weight": TERM_WEIGHT,
    }


def pagefind_command(site_dir: Path) -> list[str]:
    """The Pagefind command line for ``site_dir`` (the binary from the ``pagefind[bin]`` package)."""
    try:
        from pagefind_bin import get_executable
    except ImportError:
        raise RuntimeError(
            "Pagefind ontbreekt: de zoekindex kan niet gemaakt worden; installeer het pakket 'pagefind[bin]' (make build en make serve doen dat zelf)"
        ) from None
    return [
        str(get_executable()),
        "--site",
        str(site_dir),
        "--output-subdir",
        BUNDLE,
        "--exclude-selectors",
        ",".join(EXCLUDE_SELECTORS),
        "--quiet",
    ]


def build_search_index(site_dir: Path) -> Path:
    """Write the Pagefind bundle into ``site_dir/pagefind``; return its folder.

    Raises ``RuntimeError`` with Pagefind's output when it fails.
    """
    bundle = site_dir / BUNDLE
    shutil.rmtree(bundle, ignore_errors=True)
    result = subprocess.run(pagefind_command(site_dir), capture_output=True, text=True, check=False)
    if result.returncode != 0 or not (bundle / "pagefind.js").exists():
        raise RuntimeError(f"Pagefind kon de zoekindex niet maken: {(result.stdout + result.stderr).strip()}")
    make_deterministic(bundle)
    return bundle


# --------------------------------------------------------------------------- same bytes every build

#: Pagefind's compressed files start with this signature after decompression.
SIGNATURE = b"pagefind_dcd"


def _head(data: bytes, position: int) -> tuple[int, int, int]:
    """A CBOR item head at ``position``: (major type, argument, position after the head)."""
    first = data[position]
    major, info = first >> 5, first & 31
    if info < 24:
        return major, info, position + 1
    size = {24: 1, 25: 2, 26: 4, 27: 8}[info]
    return major, int.from_bytes(data[position + 1 : position + 1 + size], "big"), position + 1 + size


def _end(data: bytes, position: int) -> int:
    """Where the CBOR item starting at ``position`` ends (definite lengths, as Pagefind writes)."""
    major, argument, position = _head(data, position)
    if major in (2, 3):
        return position + argument
    if major in (4, 5):
        for _ in range(argument * (2 if major == 5 else 1)):
            position = _end(data, position)
    elif major == 6:
        position = _end(data, position)
    return position


def _array_items(data: bytes, position: int) -> tuple[int, list[bytes]]:
    """The encoded items of the CBOR array at ``position`` and the position of its first item."""
    _, count, position = _head(data, position)
    first, items = position, []
    for _ in range(count):
        end = _end(data, position)
        items.append(data[position:end])
        position = end
    return first, items


def _sorted_array(data: bytes, start: int) -> bytes:
    """``data`` with the items of the CBOR array at ``start`` in sorted (byte) order."""
    first, items = _array_items(data, start)
    end = first + sum(len(item) for item in items)
    return data[:first] + b"".join(sorted(items)) + data[end:]


def _unpack(path: Path) -> bytes:
    data = gzip.decompress(path.read_bytes())
    if not data.startswith(SIGNATURE):
        raise RuntimeError(f"{path}: onbekend Pagefind-bestandsformaat")
    return data[len(SIGNATURE) :]


def _pack(path: Path, data: bytes) -> None:
    path.write_bytes(gzip.compress(SIGNATURE + data, compresslevel=9, mtime=0))


def _content_hash(language: str, data: bytes, length: int) -> str:
    return f"{language}_{hashlib.sha256(data).hexdigest()[:length]}"


def make_deterministic(bundle: Path) -> None:
    """Rewrite the parts of the bundle Pagefind writes in hash-map order, in sorted order.

    Pagefind (1.5) lists the values of a filter, and the filters in the language's meta
    file, in the random order of a Rust ``HashMap``, so two builds differ. Each filter file
    (``["regio", [[value, pages], ...]]``) gets its values sorted, and a name from its new
    content; the meta file gets the new names, its filter list sorted and a new name; the
    entry file points at it. The search reads the same data, in a fixed order.
    """
    entry_path = bundle / "pagefind-entry.json"
    entry = entry_path.read_text(encoding="utf-8")
    renamed: dict[str, str] = {}
    for path in sorted((bundle / "filter").glob("*.pf_filter")):
        data = _unpack(path)
        first, (name, _values) = _array_items(data, 0)
        data = _sorted_array(data, first + len(name))
        old = path.stem
        new = _content_hash(old.split("_")[0], data, len(old.split("_")[1]))
        path.unlink()
        _pack(path.with_name(new + path.suffix), data)
        renamed[old] = new
    for meta_path in sorted(bundle.glob("pagefind.*.pf_meta")):
        data = _unpack(meta_path)
        for old, new in renamed.items():
            data = data.replace(old.encode(), new.encode())
        first, parts = _array_items(data, 0)
        filters_at = first + sum(len(part) for part in parts[:3])  # [version, pages, index chunks, filters, ...]
        data = _sorted_array(data, filters_at)
        old = meta_path.name.split(".")[1]
        new = _content_hash(old.split("_")[0], data, len(old.split("_")[1]))
        meta_path.unlink()
        _pack(bundle / f"pagefind.{new}.pf_meta", data)
        entry = entry.replace(f'"{old}"', f'"{new}"')
    entry_path.write_text(entry, encoding="utf-8")


def index_bytes(site_dir: Path) -> int:
    """Total size of the index files of the bundle (what all queries together could load)."""
    return sum(path.stat().st_size for path in (site_dir / BUNDLE).rglob("*") if path.name.endswith(INDEX_SUFFIXES))


# --------------------------------------------------------------------------- measuring


@dataclass
class QueryCost:
    """What the first query on a freshly opened page costs."""

    query: str
    index_bytes: int  # index files transferred for the first query (meta, index chunks, fragments)
    total_bytes: int  # everything under /pagefind/ (adds pagefind.js and the WebAssembly)
    first_ms: float  # first query with its first five results, loading included
    warm_ms: float  # the same, index loaded (median of five runs)
    results: int
    files: list[str] = field(default_factory=list)


@contextmanager
def serve(site_dir: Path) -> Iterator[str]:
    """Serve ``site_dir`` on a free local port; yields the base URL."""

    class Quiet(http.server.SimpleHTTPRequestHandler):
        def log_message(self, *args: object) -> None:
            pass

    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Quiet, directory=str(site_dir)))
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}"
    finally:
        httpd.shutdown()
        httpd.server_close()


#: Debian's Chromium as root, with no background connections to other hosts (also used by the tests).
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]

_QUERY_SCRIPT = """async (query) => {
  const pagefind = await import('/pagefind/pagefind.js');
  const run = async () => {
    const start = performance.now();
    const search = await pagefind.search(query);
    await Promise.all(search.results.slice(0, 5).map(r => r.data()));
    return [performance.now() - start, search.results.length];
  };
  const [first, results] = await run();
  const warm = [];
  for (let i = 0; i < 5; i++) warm.push((await run())[0]);
  warm.sort((a, b) => a - b);
  return {first, warm: warm[2], results};
}"""


def measure_first_query(site_dir: Path, query: str = "jeugdhulp", chromium: str = "/usr/bin/chromium") -> QueryCost:
    """Open the home page in Chromium, run ``query`` through Pagefind's API, count the transfer.

    The bytes are the response bodies of every request under ``/pagefind/`` made for the query;
    ``index_bytes`` counts only the index files (see ``INDEX_SUFFIXES``).
    """
    from playwright.sync_api import sync_playwright

    with serve(site_dir) as base, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium, headless=True, args=CHROMIUM_ARGS)
        page = browser.new_page()
        page.goto(base + "/", wait_until="load")
        loaded: dict[str, int] = {}

        def record(response: Any) -> None:
            path = response.url.removeprefix(base)
            if path.startswith(f"/{BUNDLE}/"):
                loaded[path] = len(response.body())

        page.on("response", record)
        outcome = page.evaluate(_QUERY_SCRIPT, query)
        page.wait_for_timeout(200)
        browser.close()
    files = sorted(loaded)
    return QueryCost(
        query=query,
        index_bytes=sum(size for path, size in loaded.items() if path.endswith(INDEX_SUFFIXES)),
        total_bytes=sum(loaded.values()),
        first_ms=outcome["first"],
        warm_ms=outcome["warm"],
        results=outcome["results"],
        files=files,
    )


def timed_build(site_dir: Path) -> float:
    """Build the index and return the seconds it took (for the benchmark)."""
    start = time.perf_counter()
    build_search_index(site_dir)
    return time.perf_counter() - start
