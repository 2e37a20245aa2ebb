"""Lighthouse scores of the built site on mobile, served with gzip (``make lighthouse``).

Serves ``site/`` (or the folder given as the first argument) on a local port with gzip
compression, runs Lighthouse (npm, installed into ``.venv/npm``; the browser is Debian's
Chromium, ``CHROME_PATH``) with its default mobile settings on the pages that matter most to
readers, and prints one table: performance, accessibility, total blocking time and DOM size.
A measurement, not a test: scores vary with the machine's load, so every page is measured
``RUNS`` times (``LIGHTHOUSE_RUNS``, default 5) and the table shows the median run with the range
of its performance scores (Lighthouse's documentation on variability: the median of five runs is
about twice as stable as one run).
"""

from __future__ import annotations

import gzip
import http.server
import io
import json
import os
import shutil
import subprocess
import sys
import tempfile
import threading
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LIGHTHOUSE = Path(os.environ.get("LIGHTHOUSE", ROOT / ".venv" / "npm" / "node_modules" / ".bin" / "lighthouse"))
RUNS = max(1, int(os.environ.get("LIGHTHOUSE_RUNS", "5")))
CHROME = os.environ.get("CHROME_PATH") or shutil.which("chromium") or "/usr/bin/chromium"
CHROME_FLAGS = (
    "--headless=new --no-sandbox --disable-gpu --disable-quic --no-first-run --disable-background-networking --disable-component-update --disable-sync"
)
#: Home, every region overview, a theme page, the matrix, key figures, side by side, glossary; the heaviest
#: region detail page is added by :func:`heaviest_detail_page`.
PAGES = [
    "/",
    "/regios/flevoland/",
    "/regios/ijsselland/",
    "/regios/rijk-van-nijmegen/",
    "/regios/twente/",
    "/themas/thuis-tenzij/",
    "/themas/",
    "/vergelijking/kerncijfers/",
    "/vergelijking/naast-elkaar/",
    "/begrippen/",
]


def heaviest_detail_page(site: Path) -> str:
    """The region detail page (``/regios/<region>/<page>/``) with the most HTML elements."""
    sizes = {}
    for path in (site / "regios").glob("*/*/index.html"):
        if path.parent.name == "per-thema":  # the source of the side-by-side page, which is in PAGES
            continue
        html = path.read_text(encoding="utf-8")
        sizes[path] = html.count("<") - html.count("</")
    heaviest = max(sorted(sizes), key=lambda path: sizes[path])
    return "/" + heaviest.parent.relative_to(site).as_posix() + "/"


COMPRESSIBLE = (".html", ".css", ".js", ".json", ".svg", ".xml", ".txt")


def serve(site: Path) -> tuple[http.server.ThreadingHTTPServer, str]:
    """A local static server that sends text files gzip-compressed when the browser accepts it."""

    class Handler(http.server.SimpleHTTPRequestHandler):
        def __init__(self, *args: object, **kwargs: object) -> None:
            super().__init__(*args, directory=str(site), **kwargs)  # type: ignore[arg-type]

        def log_message(self, *args: object) -> None:
            pass

        def send_head(self):  # noqa: ANN201 - mirrors the base class
            path = Path(self.translate_path(self.path))
            if path.is_dir():
                if not self.path.split("?")[0].endswith("/"):
                    return super().send_head()
                path = path / "index.html"
            if path.suffix in COMPRESSIBLE and "gzip" in self.headers.get("Accept-Encoding", "") and path.is_file():
                body = gzip.compress(path.read_bytes(), 6, mtime=0)
                self.send_response(200)
                self.send_header("Content-Type", self.guess_type(str(path)))
                self.send_header("Content-Encoding", "gzip")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                return io.BytesIO(body)
            return super().send_head()

    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    return httpd, f"http://127.0.0.1:{httpd.server_address[1]}"


def audit(url: str, report: Path) -> dict[str, object]:
    subprocess.run(
        [
            str(LIGHTHOUSE),
            url,
            "--quiet",
            "--output=json",
            f"--output-path={report}",
            "--only-categories=performance,accessibility",
            f"--chrome-flags={CHROME_FLAGS}",
        ],
        env={**os.environ, "CHROME_PATH": CHROME},
        check=True,
        capture_output=True,
        timeout=300,
    )
    data = json.loads(report.read_text(encoding="utf-8"))
    audits, categories = data["audits"], data["categories"]
    failed = [
        key
        for key, value in audits.items()
        if value.get("scoreDisplayMode") == "binary" and value.get("score") == 0 and key in {ref["id"] for ref in categories["accessibility"]["auditRefs"]}
    ]
    return {
        "performance": round(100 * (categories["performance"]["score"] or 0)),
        "accessibility": round(100 * (categories["accessibility"]["score"] or 0)),
        "tbt": round(audits["total-blocking-time"]["numericValue"]),
        "lcp": round(audits["largest-contentful-paint"]["numericValue"]),
        "dom": int(audits["dom-size"]["numericValue"]) if "dom-size" in audits else None,
        "failed": failed,
    }


def main() -> int:
    site = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "site"
    if not (site / "index.html").exists():
        print(f"Geen gebouwde site in {site}: draai eerst 'make build'.")
        return 2
    if not LIGHTHOUSE.exists():
        print(f"Lighthouse ontbreekt ({LIGHTHOUSE}): 'make lighthouse' installeert het met npm.")
        return 2
    httpd, base = serve(site)
    pages = [*PAGES[:5], heaviest_detail_page(site), *PAGES[5:]]
    runs: dict[str, list[dict[str, object]]] = {path: [] for path in pages}
    with tempfile.TemporaryDirectory() as folder:
        for _ in range(RUNS):  # round by round, so a busy moment of the machine hits every page alike
            for path in pages:
                runs[path].append(audit(base + path, Path(folder) / "report.json"))
    httpd.shutdown()
    print(f"Lighthouse (mobiel), {RUNS} metingen per pagina; getoond: de mediane meting, met de spreiding van de prestatiescore")
    print(f"{'Pagina':<42} {'Prestaties':>10} {'Spreiding':>9} {'Toegankelijkheid':>16} {'TBT ms':>7} {'LCP ms':>7} {'DOM':>6}  Afgekeurd")
    for path in pages:
        row, scores = median_run(runs[path]), [run["performance"] for run in runs[path]]
        failed = sorted({key for run in runs[path] for key in run["failed"]})  # type: ignore[attr-defined]
        print(
            f"{path:<42} {row['performance']:>10} {f'{min(scores)}-{max(scores)}':>9} {row['accessibility']:>16} {row['tbt']:>7} {row['lcp']:>7} {row['dom'] or '-':>6}  {', '.join(failed) or '-'}"
        )
    return 0


def median_run(runs: list[dict[str, object]]) -> dict[str, object]:
    """The run whose performance score is the median (the lower middle one for an even count)."""
    ordered = sorted(runs, key=lambda run: (run["performance"], run["tbt"]))
    return ordered[(len(ordered) - 1) // 2]


if __name__ == "__main__":
    sys.exit(main())
